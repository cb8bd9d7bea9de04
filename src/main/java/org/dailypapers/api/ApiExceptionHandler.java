package org.dailypapers.api;

import org.apache.lucene.search.IndexSearcher;
import org.dailypapers.search.SearchUnavailableException;
import org.dailypapers.shared.ApiError;
import org.dailypapers.shared.ClientError;
import org.dailypapers.shared.OverloadedException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Turns bad input into 400 JSON bodies that name the parameter, and unknown papers into 404. */
@RestControllerAdvice(basePackageClasses = ApiExceptionHandler.class)
class ApiExceptionHandler {

    @ExceptionHandler(BadParameterException.class)
    ResponseEntity<ApiError> badParameter(BadParameterException e) {
        return ResponseEntity.badRequest().body(new ApiError(e.getMessage(), e.parameter()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> typeMismatch(MethodArgumentTypeMismatchException e) {
        return ResponseEntity.badRequest()
                .body(new ApiError(
                        "Invalid value for parameter '" + e.getName() + "': '" + e.getValue() + "'", e.getName()));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiError> missing(MissingServletRequestParameterException e) {
        return ResponseEntity.badRequest()
                .body(new ApiError("Missing parameter '" + e.getParameterName() + "'", e.getParameterName()));
    }

    @ExceptionHandler(OverloadedException.class)
    ResponseEntity<ApiError> overloaded(OverloadedException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .body(new ApiError(e.getMessage(), null));
    }

    @ExceptionHandler(SearchUnavailableException.class)
    ResponseEntity<ApiError> searchUnavailable(SearchUnavailableException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "30")
                .body(new ApiError(e.getMessage(), null));
    }

    /** Fuzzy and wildcard terms that expand to too many words: the client's query, so 400 with the reason. */
    @ExceptionHandler(IndexSearcher.TooManyClauses.class)
    ResponseEntity<ApiError> tooExpensive(IndexSearcher.TooManyClauses e) {
        ClientError error = ClientError.tooExpensiveQuery();
        return ResponseEntity.badRequest().body(new ApiError(error.message(), error.parameter()));
    }

    /** A JSON body with a field of the wrong type names the field and the type it needs. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        ClientError error = ClientError.describe(e, 400);
        return ResponseEntity.status(error.status()).body(new ApiError(error.message(), error.parameter()));
    }

    @ExceptionHandler(PaperNotFoundException.class)
    ResponseEntity<ApiError> notFound(PaperNotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new ApiError(e.getMessage(), null));
    }
}

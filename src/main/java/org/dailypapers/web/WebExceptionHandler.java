package org.dailypapers.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.lucene.search.IndexSearcher;
import org.dailypapers.account.PageContext;
import org.dailypapers.search.SearchUnavailableException;
import org.dailypapers.shared.ClientError;
import org.dailypapers.shared.OverloadedException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.ModelAndView;

/** Error pages for the site's own controllers; the JSON API has its own handler. */
@ControllerAdvice(basePackageClasses = WebExceptionHandler.class)
class WebExceptionHandler {

    @ExceptionHandler(WebErrors.NotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    ModelAndView notFound(WebErrors.NotFound e, HttpServletRequest request) {
        return page(request, 404, "Not found", e.getMessage());
    }

    @ExceptionHandler(WebErrors.BadRequest.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ModelAndView badRequest(WebErrors.BadRequest e, HttpServletRequest request) {
        return page(request, 400, "That address does not work", e.getMessage());
    }

    /** More searches than the server can start soon: say so at once, and when to come back. */
    @ExceptionHandler(OverloadedException.class)
    ModelAndView overloaded(OverloadedException e, HttpServletRequest request, HttpServletResponse response) {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
        return page(request, 503, "Busy right now", e.getMessage());
    }

    @ExceptionHandler(SearchUnavailableException.class)
    ModelAndView searchUnavailable(SearchUnavailableException e, HttpServletRequest request) {
        return page(request, 503, "Search is unavailable", e.getMessage());
    }

    /** Fuzzy and wildcard terms that expand to too many words: the reader's query, so 400 with the reason. */
    @ExceptionHandler(IndexSearcher.TooManyClauses.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ModelAndView tooExpensive(IndexSearcher.TooManyClauses e, HttpServletRequest request) {
        return page(
                request,
                400,
                "That search is too expensive",
                ClientError.tooExpensiveQuery().message());
    }

    static ModelAndView page(HttpServletRequest request, int status, String headline, String message) {
        ErrorView view = new ErrorView(PageMeta.of(headline, ""), status, headline, message);
        ModelAndView mav = new ModelAndView("problem");
        mav.addObject("view", view);
        // exception handlers' models miss the model advice's attributes, the layout's security context among them
        mav.addObject("security", PageContext.of(request));
        mav.setStatus(HttpStatus.valueOf(status));
        return mav;
    }
}

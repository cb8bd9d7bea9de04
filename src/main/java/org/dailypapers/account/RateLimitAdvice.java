package org.dailypapers.account;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** 429 with {@code Retry-After} for every limited action: JSON on the API, a readable text elsewhere. */
@ControllerAdvice
@ConditionalOnWebApplication
@Order(Ordered.HIGHEST_PRECEDENCE)
class RateLimitAdvice {

    @ExceptionHandler(RateLimitExceededException.class)
    ResponseEntity<Object> tooManyRequests(RateLimitExceededException e, HttpServletRequest request) {
        var response = ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
        if (request.getRequestURI().startsWith("/api/")) {
            return response.contentType(MediaType.APPLICATION_JSON).body(Map.of("error", e.getMessage()));
        }
        return response.contentType(new MediaType(MediaType.TEXT_PLAIN, java.nio.charset.StandardCharsets.UTF_8))
                .body(e.getMessage());
    }
}

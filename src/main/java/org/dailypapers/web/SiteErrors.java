package org.dailypapers.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.dailypapers.shared.ApiError;
import org.dailypapers.shared.ClientError;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one error format of the site: JSON {@code {"error": ..., "parameter": ...}} for the API, the site's error page
 * for everything else. Every error that no module answered itself ends here, whichever way it came (an exception
 * out of a controller, a {@code sendError} of a filter, a request Tomcat could not decode, which {@link
 * ServerErrorValve} answers in the same format). Client errors are logged as one WARN line without a stack trace;
 * failures on our side once, with their stack.
 */
final class SiteErrors {

    static final Logger log = LoggerFactory.getLogger(SiteErrors.class);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SiteErrors() {}

    /** API clients get JSON: everything under {@code /api/} and the OpenAPI document, and who asks for JSON only. */
    static boolean wantsJson(String uri, @Nullable String accept) {
        if (uri.startsWith("/api/") || uri.equals("/api") || uri.startsWith("/v3/")) {
            return true;
        }
        return accept != null
                && accept.toLowerCase(Locale.ROOT).contains("application/json")
                && !accept.toLowerCase(Locale.ROOT).contains("text/html");
    }

    static String json(ClientError error) {
        return JSON.writeValueAsString(new ApiError(error.message(), error.parameter()));
    }

    static void logOnce(String method, String uri, ClientError error, @Nullable Throwable cause) {
        if (error.status() >= 500) {
            log.error("{} {} failed with {}", method, uri, error.status(), cause);
        } else {
            log.warn("{} {} answered {}: {}", method, uri, error.status(), error.message());
        }
    }

    static ModelAndView page(HttpServletRequest request, ClientError error) {
        String headline =
                switch (error.status()) {
                    case 404 -> "Page not found";
                    case 405 -> "Not here";
                    case 403 -> "Not allowed";
                    default -> error.status() >= 500 ? "Something went wrong" : "That address does not work";
                };
        String message = error.message();
        if (error.status() == 404
                && message.equals(ClientError.describe(null, 404).message())) {
            message = "Nothing lives at " + request.getRequestURI() + ". Papers are at /papers/ followed by an arXiv"
                    + " id, days at /daily/YYYY-MM-DD.";
        }
        return WebExceptionHandler.page(request, error.status(), headline, message);
    }

    static Object answer(HttpServletRequest request, ClientError error) {
        if (wantsJson(request.getRequestURI(), request.getHeader("Accept"))) {
            return ResponseEntity.status(error.status())
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(new ApiError(error.message(), error.parameter()));
        }
        return page(request, error);
    }

    /**
     * Whatever no exception handler of a module and none of Spring's own resolvers answered: bad input (a query that
     * is too expensive, an undecodable parameter) becomes its 4xx, anything else one logged 500, in the format of the
     * address, instead of an exception that Tomcat would log and answer itself.
     */
    static final class LastResolver implements HandlerExceptionResolver, Ordered {

        @Override
        public @Nullable ModelAndView resolveException(
                HttpServletRequest request, HttpServletResponse response, @Nullable Object handler, Exception e) {
            if (response.isCommitted()) {
                return null;
            }
            ClientError error = ClientError.describe(e, 500);
            logOnce(request.getMethod(), request.getRequestURI(), error, e);
            // the exception stays readable for the error controller, as Spring Boot's own resolver keeps it
            request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, e);
            if (wantsJson(request.getRequestURI(), request.getHeader("Accept"))) {
                try {
                    write(response, error.status(), MediaType.APPLICATION_JSON_VALUE, json(error));
                } catch (IOException io) {
                    return null;
                }
                return new ModelAndView();
            }
            return page(request, error);
        }

        @Override
        public int getOrder() {
            // after Spring's composite (exception handlers, @ResponseStatus, framework exceptions)
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    static void write(HttpServletResponse response, int status, String contentType, String body) throws IOException {
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(contentType);
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }

    /** Describes the error of an error dispatch ({@code /error}) from what the container and Spring recorded. */
    static ClientError ofErrorDispatch(HttpServletRequest request, ErrorAttributes attributes) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        Throwable e = attributes.getError(new ServletWebRequest(request));
        ClientError error = ClientError.describe(e, status);
        if (e == null && status < 500) {
            Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
            if (message instanceof String m
                    && !m.isBlank()
                    && !m.equals(HttpStatus.valueOf(status).getReasonPhrase())) {
                error = ClientError.of(status, m);
            }
        }
        return error;
    }
}

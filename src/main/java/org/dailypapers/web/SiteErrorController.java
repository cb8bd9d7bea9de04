package org.dailypapers.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.dailypapers.shared.ClientError;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * {@code /error}, where the container sends what a filter or the servlet answered with {@code sendError} (Spring
 * Security's 401 and 403, unknown paths, the framework's own 4xx): in place of Spring Boot's error controller, so
 * that the API gets {@code {"error", "parameter"}} and pages get the site's error page, with a message that says
 * what is wrong.
 */
@Controller
@ConditionalOnWebApplication
class SiteErrorController implements ErrorController {

    private final ErrorAttributes attributes;

    SiteErrorController(ErrorAttributes attributes) {
        this.attributes = attributes;
    }

    @RequestMapping("${server.error.path:${error.path:/error}}")
    Object error(HttpServletRequest request) {
        ClientError error = SiteErrors.ofErrorDispatch(request, attributes);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri instanceof String s ? s : request.getRequestURI();
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) == null || error.isClientError()) {
            // exceptions that reached the container were logged there or by the last resolver
            SiteErrors.logOnce(request.getMethod(), path, error, null);
        }
        return SiteErrors.answer(new OriginalPath(request, path), error);
    }

    /** The error dispatch's URI is /error; the format follows the address that failed. */
    private static final class OriginalPath extends jakarta.servlet.http.HttpServletRequestWrapper {
        private final String path;

        OriginalPath(HttpServletRequest request, String path) {
            super(request);
            this.path = path;
        }

        @Override
        public String getRequestURI() {
            return path;
        }
    }
}

package org.dailypapers.web;

import jakarta.servlet.RequestDispatcher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.dailypapers.shared.ClientError;
import org.jspecify.annotations.Nullable;

/**
 * Tomcat's error report for what never reaches the application: a path with an encoded {@code /}, {@code \} or NUL
 * ({@code %2f}, {@code %5c}, {@code %00}), a path that is not UTF-8, a request line over the 8 KB header limit.
 * Instead of Tomcat's bare page it answers in the site's error format, JSON for the API and a small page in the
 * site's style otherwise, with the site's security headers, and logs one WARN line.
 */
public class ServerErrorValve extends ErrorReportValve {

    /** The security headers every answer carries; Spring Security never saw these requests. */
    private static final String[][] HEADERS = {
        {
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' https: data:; style-src 'self'; script-src 'self'; object-src 'none';"
                    + " frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
        },
        {"X-Content-Type-Options", "nosniff"},
        {"X-Frame-Options", "DENY"},
        {"Referrer-Policy", "same-origin"},
        {"Cache-Control", "no-store"}
    };

    public ServerErrorValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, @Nullable Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        ClientError error = describe(request, response, status, throwable);
        String uri = request.getRequestURI() == null ? "" : request.getRequestURI();
        SiteErrors.logOnce(
                request.getMethod() == null ? "-" : request.getMethod(),
                uri.isEmpty() ? "(unreadable request line)" : abbreviated(uri),
                error,
                throwable);
        boolean json = SiteErrors.wantsJson(uri, request.getHeader("Accept"));
        String body = json ? SiteErrors.json(error) : html(error);
        try {
            response.setContentType(json ? "application/json" : "text/html");
            response.setCharacterEncoding("UTF-8");
            for (String[] h : HEADERS) {
                response.setHeader(h[0], h[1]);
            }
            response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the client went away; nothing left to tell it
        }
    }

    private static ClientError describe(Request request, Response response, int status, @Nullable Throwable t) {
        ClientError generic = ClientError.describe(null, status);
        if (t != null) {
            ClientError specific = ClientError.describe(t, status);
            if (!specific.message().equals(generic.message())) {
                return specific;
            }
        }
        if (status == 400) {
            String uri = request.getRequestURI();
            // an unreadable request line (over the 8 KB limit, or not HTTP at all) leaves no URI behind
            boolean unreadableLine = uri == null
                    || uri.isEmpty()
                    || (t != null && String.valueOf(t.getMessage()).contains("too large"));
            return ClientError.of(
                    400,
                    unreadableLine
                            ? "The request cannot be read: its address or headers are longer than 8 KB, or it is"
                                    + " malformed."
                            : "This address cannot be read: it contains an encoded '/', '\\' or NUL character (%2F,"
                                    + " %5C, %00), is not valid UTF-8, or is malformed in another way.");
        }
        Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        return ClientError.describe(null, status).status() >= 500 || !(message instanceof String m) || m.isBlank()
                ? ClientError.describe(null, status)
                : ClientError.of(status, m);
    }

    private static String abbreviated(String uri) {
        return uri.length() > 200 ? uri.substring(0, 200) + "... (" + uri.length() + " characters)" : uri;
    }

    private static String html(ClientError error) {
        String message = error.message()
                .replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Error " + error.status()
                + " · Daily Papers</title><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<link rel=\"stylesheet\" href=\"/static/site.css\"></head><body><main class=\"page\">"
                + "<div class=\"problem\"><p class=\"problem-status\">" + error.status() + "</p><h1>That address"
                + " does not work</h1><p>" + message + "</p><p><a class=\"button\" href=\"/\">Today's papers</a> <a"
                + " class=\"button\" href=\"/search\">Search</a></p></div></main></body></html>";
    }
}

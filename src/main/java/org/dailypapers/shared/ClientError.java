package org.dailypapers.shared;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.lucene.search.IndexSearcher;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * What went wrong with a request, in the words a client can act on: the HTTP status, a message that says what is
 * wrong and what would work, and the parameter or JSON field at fault. The one translation of exceptions into
 * answers, shared by the API's JSON errors, the site's error pages and the server's own error valve.
 *
 * @param parameter the query parameter, path variable or JSON field at fault, if one is
 */
public record ClientError(int status, String message, @Nullable String parameter) {

    /** The message of a failure on our side: it says nothing about the cause, which goes to the log. */
    public static final String SERVER_FAULT = "Something went wrong on our side. Please try again in a moment.";

    public boolean isClientError() {
        return status >= 400 && status < 500;
    }

    public static ClientError of(int status, String message) {
        return new ClientError(status, message, null);
    }

    /**
     * Describes an exception; what is not a client's mistake becomes {@code fallbackStatus} (500 unless the server
     * already chose another) with {@link #SERVER_FAULT}.
     */
    public static ClientError describe(@Nullable Throwable e, int fallbackStatus) {
        if (e == null) {
            return ofStatus(fallbackStatus);
        }
        if (e instanceof HttpMessageNotReadableException unreadable) {
            return unreadableBody(unreadable);
        }
        if (e instanceof HttpMediaTypeNotSupportedException unsupported) {
            String got = unsupported.getContentType() == null
                    ? "no Content-Type"
                    : "Content-Type '" + unsupported.getContentType() + "'";
            return of(
                    415,
                    "The request body has " + got + ", which this address does not read; send "
                            + types(unsupported.getSupportedMediaTypes()) + ".");
        }
        if (e instanceof HttpMediaTypeNotAcceptableException notAcceptable) {
            return of(
                    406,
                    "This address cannot answer in the format the Accept header asks for; it answers "
                            + types(notAcceptable.getSupportedMediaTypes()) + ".");
        }
        if (e instanceof HttpRequestMethodNotSupportedException method) {
            String allowed = method.getSupportedMethods() == null
                    ? "other methods"
                    : String.join(", ", method.getSupportedMethods());
            return of(405, method.getMethod() + " is not supported at this address; it answers " + allowed + ".");
        }
        if (e instanceof MethodArgumentTypeMismatchException mismatch) {
            Class<?> type = mismatch.getRequiredType();
            return new ClientError(
                    400,
                    "Invalid value for parameter '" + mismatch.getName() + "': '" + mismatch.getValue() + "' is not "
                            + (type == null ? "valid here" : expected(type)),
                    mismatch.getName());
        }
        if (e instanceof MissingServletRequestParameterException missing) {
            return new ClientError(
                    400, "Missing parameter '" + missing.getParameterName() + "'", missing.getParameterName());
        }
        if (e instanceof NoResourceFoundException || e instanceof NoHandlerFoundException) {
            return of(404, "Nothing lives at this address.");
        }
        if (e instanceof MaxUploadSizeExceededException) {
            return of(413, "The request body is too large.");
        }
        if (e instanceof IndexSearcher.TooManyClauses) {
            return tooExpensiveQuery();
        }
        if (isUnreadableParameter(e)) {
            return of(
                    400,
                    "A parameter of this request cannot be read: it is not valid percent-encoded UTF-8 (for example"
                            + " '%ff'). Encode parameters as UTF-8.");
        }
        if (e instanceof ErrorResponse response) {
            int status = response.getStatusCode().value();
            if (status < 500) {
                String detail = response.getBody().getDetail();
                return of(status, detail == null ? reason(status) : detail);
            }
        }
        return ofStatus(fallbackStatus);
    }

    /** A query that would take too long to run: fuzzy and wildcard terms expand to more terms than allowed. */
    public static ClientError tooExpensiveQuery() {
        return new ClientError(
                400,
                "The query is too expensive to run: its fuzzy (~) or wildcard (*) terms expand to too many words. Use"
                        + " fewer of them or longer prefixes.",
                "q");
    }

    private static ClientError ofStatus(int status) {
        if (status >= 500 || status < 400) {
            return of(status >= 400 ? status : 500, SERVER_FAULT);
        }
        return of(status, reason(status));
    }

    private static String reason(int status) {
        HttpStatus s = HttpStatus.resolve(status);
        return switch (status) {
            case 400 -> "This request cannot be answered: it is malformed.";
            case 401 -> "Authentication required.";
            case 403 -> "You are not allowed to do this.";
            case 404 -> "Nothing lives at this address.";
            default -> s == null ? "This request cannot be answered (" + status + ")." : s.getReasonPhrase() + ".";
        };
    }

    /** Tomcat's failure to decode a query string or form body ({@code InvalidParameterException} in Tomcat 11). */
    public static boolean isUnreadableParameter(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String name = t.getClass().getName();
            if (name.equals("org.apache.tomcat.util.http.InvalidParameterException")
                    || t instanceof java.nio.charset.CharacterCodingException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** Names the JSON field and the type it needs when a body has a value of the wrong type. */
    private static ClientError unreadableBody(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return new ClientError(
                    400,
                    "Unknown field '" + unknown.getPropertyName() + "' in the request body; known fields: "
                            + unknown.getKnownPropertyIds().stream()
                                    .map(Object::toString)
                                    .sorted()
                                    .collect(Collectors.joining(", ")),
                    unknown.getPropertyName());
        }
        if (cause instanceof MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            String field = path(mismatch);
            Class<?> type = mismatch.getTargetType();
            return new ClientError(
                    400,
                    "Field '" + field + "' of the request body must be "
                            + (type == null ? "of another type" : expected(type)) + ".",
                    field);
        }
        if (cause instanceof StreamReadException syntax) {
            TokenStreamLocation at = syntax.getLocation();
            String where = at == null || at.getLineNr() < 0
                    ? ""
                    : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            return of(400, "The request body is not valid JSON" + where + ".");
        }
        if (cause instanceof JacksonException) {
            return of(400, "The request body is not the JSON object this address expects.");
        }
        return of(400, "The request body is missing or cannot be read; send a JSON object.");
    }

    private static String path(JacksonException e) {
        List<String> parts = new ArrayList<>();
        for (JacksonException.Reference r : e.getPath()) {
            if (r.getPropertyName() != null) {
                parts.add(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                parts.add("[" + r.getIndex() + "]");
            }
        }
        return String.join(".", parts).replace(".[", "[");
    }

    /** "a string", "a whole number", ...: what a value of this Java type looks like to a client. */
    static String expected(Class<?> type) {
        if (type == String.class || type == char.class || type == Character.class) {
            return "a string";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == int.class
                || type == long.class
                || type == short.class
                || type == Integer.class
                || type == Long.class
                || type == Short.class) {
            return "a whole number";
        }
        if (type == double.class || type == float.class || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            List<String> names = new ArrayList<>();
            for (Object c : constants) {
                names.add(c.toString().toLowerCase(Locale.ROOT));
            }
            return "one of " + String.join(", ", names);
        }
        return "an object";
    }

    private static String types(List<MediaType> types) {
        if (types.isEmpty()) {
            return "another format";
        }
        return types.stream().map(MediaType::toString).distinct().collect(Collectors.joining(" or "));
    }
}

package org.dailypapers.ingest;

import org.jspecify.annotations.Nullable;

/**
 * arXiv could not be asked or gave an unusable answer. The message names the request (URL, page) and, for bad XML,
 * the line; {@link #code()} carries arXiv's own error code (an OAI-PMH {@code error code} or an API error id) when
 * arXiv sent one.
 */
public class ArxivException extends RuntimeException {

    private final @Nullable String code;

    ArxivException(String message, @Nullable String code, @Nullable Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    ArxivException(String message) {
        this(message, null, null);
    }

    public @Nullable String code() {
        return code;
    }
}

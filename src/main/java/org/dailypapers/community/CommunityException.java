package org.dailypapers.community;

import org.jspecify.annotations.Nullable;

/**
 * A request that cannot be done, with a message fit for the user and what kind of failure it is, which the API
 * maps to its status code.
 */
public class CommunityException extends RuntimeException {

    public enum Kind {
        INVALID(400),
        FORBIDDEN(403),
        NOT_FOUND(404),
        CONFLICT(409),
        UNPROCESSABLE(422),
        UNAVAILABLE(503);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final Kind kind;
    private final @Nullable String field;

    public CommunityException(Kind kind, @Nullable String field, String message) {
        super(message);
        this.kind = kind;
        this.field = field;
    }

    public Kind kind() {
        return kind;
    }

    public @Nullable String field() {
        return field;
    }
}

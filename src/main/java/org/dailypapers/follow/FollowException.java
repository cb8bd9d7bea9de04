package org.dailypapers.follow;

/** A follow that cannot be made as asked; the message names the field and says what is expected. */
public class FollowException extends RuntimeException {

    private final String field;

    public FollowException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

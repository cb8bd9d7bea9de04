package org.dailypapers.digest;

/** A webhook that cannot be registered as asked; the message names the field. */
public class WebhookException extends RuntimeException {

    private final String field;

    WebhookException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

package org.dailypapers.account;

/** A sign-up or account change that cannot be done; the message is fit for the user, {@code field} names the input. */
public class AccountException extends RuntimeException {

    private final String field;

    public AccountException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

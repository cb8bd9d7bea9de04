package org.dailypapers.api;

import org.springframework.modulith.NamedInterface;

/** A request parameter with a value the API cannot use; answered with 400 and the parameter's name. */
@NamedInterface("parameters")
public class BadParameterException extends RuntimeException {

    private final String parameter;

    public BadParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}

package dev.clicklake.kpi.rest;

/** A request parameter is missing or wrong; answered with 400 and an {@link ErrorBody}. */
public class InvalidParameterException extends RuntimeException {

    private final String parameter;

    public InvalidParameterException(String parameter, String message) {
        super(message, null, false, false);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}

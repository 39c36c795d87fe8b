package dev.clicklake.ingest.landing;

/** A request parameter is missing or wrong; {@code field} names it for the caller. */
public class InvalidRequestException extends Exception {

    private final String field;

    public InvalidRequestException(String field, String problem) {
        super(field + " " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

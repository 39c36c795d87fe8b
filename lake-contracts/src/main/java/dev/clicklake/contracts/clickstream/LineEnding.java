package dev.clicklake.contracts.clickstream;

/** How lines end in a generated file: LF like the pristine REES46 files, CRLF like some re-hosted copies. */
public enum LineEnding {
    LF("\n"),
    CRLF("\r\n");

    private final String text;

    LineEnding(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}

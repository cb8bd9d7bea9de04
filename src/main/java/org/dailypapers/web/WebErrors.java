package org.dailypapers.web;

/** Failures a page controller answers with an error page instead of the page. */
final class WebErrors {

    private WebErrors() {}

    /** A well-formed address of something the catalog does not have: 404. */
    static final class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message);
        }
    }

    /** A parameter the page cannot use: 400 with a message that names it and says what would work. */
    static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }
}

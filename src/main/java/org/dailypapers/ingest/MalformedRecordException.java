package org.dailypapers.ingest;

/** A record that parses as JSON but lacks what a paper needs; the message names the field. */
class MalformedRecordException extends RuntimeException {

    MalformedRecordException(String message) {
        super(message);
    }
}

package org.dailypapers.web;

/** A labelled site-relative link; {@code current} marks the one the page shows (rendered with aria-current). */
public record Link(String label, String href, boolean current) {

    public static Link to(String label, String href) {
        return new Link(label, href, false);
    }
}

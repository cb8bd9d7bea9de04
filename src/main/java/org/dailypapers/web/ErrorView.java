package org.dailypapers.web;

/** An error page: the status, a headline and a message that helps the reader on. */
public record ErrorView(PageMeta page, int status, String headline, String message) {}

package org.dailypapers.community;

/** An organisation (lab, company, reading group) with a page at {@code /orgs/{slug}}. */
public record Organization(long id, String slug, String name, String description) {}

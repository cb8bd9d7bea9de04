package org.dailypapers.community;

/** Who wrote a comment, as shown to everyone: handle and display name, never the email address. */
public record CommentAuthor(long id, String handle, String displayName) {}

package org.dailypapers.community;

/** A member of an organisation; admins add members, every member links papers. */
public record OrganizationMember(long userId, String handle, String displayName, boolean admin) {}

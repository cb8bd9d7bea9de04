package org.dailypapers.paper;

import org.jspecify.annotations.Nullable;

/**
 * One author of a source record, in the record's order. Never an e-mail address: OpenReview's v1 author ids were
 * addresses, and the constructor drops any id that looks like one.
 *
 * @param name the name as the source writes it
 * @param orcid an ORCID iD ({@code 0000-0002-7262-3579}) where the source gives one
 * @param personId the source's own person id (Anthology {@code zhihao-zhang}, OpenReview {@code ~Name1})
 */
public record RecordAuthor(String name, @Nullable String orcid, @Nullable String personId) {

    public RecordAuthor {
        name = name.trim();
        if (personId != null && (personId.isBlank() || personId.contains("@"))) {
            personId = null;
        }
        if (orcid != null && orcid.isBlank()) {
            orcid = null;
        }
    }

    public static RecordAuthor named(String name) {
        return new RecordAuthor(name, null, null);
    }

    /** The family name: the part after the last space, or the part before a comma ("Surname, I."). */
    public String surname() {
        int comma = name.indexOf(',');
        if (comma > 0) {
            return name.substring(0, comma).trim();
        }
        int space = name.lastIndexOf(' ');
        return space < 0 ? name : name.substring(space + 1);
    }
}

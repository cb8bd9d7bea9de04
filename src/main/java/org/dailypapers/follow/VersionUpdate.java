package org.dailypapers.follow;

import java.time.Instant;
import org.dailypapers.paper.Paper;
import org.jspecify.annotations.Nullable;

/**
 * A new arXiv version of a paper a reader cares about, for the "Updated" section of digests and webhooks.
 *
 * @param comments the arXiv comment line of the new version, or null
 */
public record VersionUpdate(
        Paper paper, int fromVersion, int toVersion, @Nullable String comments, Instant detectedAt) {

    /** "v2 → v3: 12 pages, accepted at ICLR" */
    public String summary() {
        String versions = "v" + fromVersion + " \u2192 v" + toVersion;
        return comments == null || comments.isBlank() ? versions : versions + ": " + comments.strip();
    }
}

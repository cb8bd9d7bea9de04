package org.dailypapers.ingest;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What to harvest. Nulls mean the defaults: the configured set and metadata format, and for {@code from} the day
 * the previous complete harvest of that set started (so that daily runs overlap by a day rather than miss one), or
 * yesterday on a first run. Without dates an unfinished harvest of the set is resumed first.
 *
 * @param from first OAI datestamp, inclusive
 * @param until last OAI datestamp, inclusive
 * @param set OAI set ({@code cs}, {@code physics:hep-th}); empty for every set
 * @param metadataPrefix {@code arXivRaw} or {@code arXiv}
 */
public record HarvestRequest(
        @Nullable LocalDate from, @Nullable LocalDate until, @Nullable String set, @Nullable String metadataPrefix) {

    public HarvestRequest {
        if (from != null && until != null && until.isBefore(from)) {
            throw new IllegalArgumentException("--until " + until + " is before --from " + from);
        }
        if (metadataPrefix != null && !metadataPrefix.equals("arXiv") && !metadataPrefix.equals("arXivRaw")) {
            throw new IllegalArgumentException(
                    "metadata format must be arXivRaw or arXiv, not '" + metadataPrefix + "'");
        }
    }

    /** The daily run: everything new in the configured set since the last harvest. */
    public static HarvestRequest incremental() {
        return new HarvestRequest(null, null, null, null);
    }
}

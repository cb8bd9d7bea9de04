package org.dailypapers.search;

/**
 * Index upkeep for commands ({@code reindex}, benchmarks). Each method takes the index's write lock for this
 * process and fails with {@link IndexInUseException} while another process (a running server) holds it.
 */
public interface SearchMaintenance {

    /** Drops the index and builds it again from the catalog with the stored vectors; returns papers indexed. */
    long rebuild(ProgressListener progress);

    /** Applies every catalog change the index has not seen; returns papers indexed. */
    long catchUp();

    /** Embeds every indexed paper that has no vector yet, storing the vectors; returns how many. */
    long embedMissing(ProgressListener progress);
}

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

    /**
     * Indexes catalog changes while a command writes them (an import), on a thread of its own, so that the papers
     * are searchable when the command ends rather than after a second pass. Closing it applies what is left and
     * commits. Where a running server holds the index it does nothing: the server follows the catalog itself.
     * The default indexes everything at close.
     */
    default Following followCatalog() {
        return this::catchUp;
    }

    /** An index following the catalog; {@link #close()} waits until it has caught up. */
    interface Following extends AutoCloseable {
        /** Follows nothing: for code that follows the catalog only sometimes. */
        Following NONE = () -> {};

        @Override
        void close();
    }
}

package org.dailypapers.search;

/** Told how far a long piece of work (indexing, embedding) has got. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (done, total) -> {};

    void progress(long done, long total);
}

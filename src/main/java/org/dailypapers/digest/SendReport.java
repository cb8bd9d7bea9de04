package org.dailypapers.digest;

import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one {@code digest send} did.
 *
 * @param planned digests composed and added to the outbox in this run
 * @param nothingNew subscribers skipped because nothing was new to them
 * @param sent mails handed to SMTP
 * @param retrying mails that failed for now and wait for a retry
 * @param failed mails that failed for good (see {@link DigestService#failures()})
 * @param dryRunFolder where a dry run wrote its files, or null
 * @param files the files a dry run wrote
 */
public record SendReport(
        int planned,
        int nothingNew,
        int sent,
        int retrying,
        int failed,
        @Nullable Path dryRunFolder,
        List<Path> files) {

    public SendReport {
        files = List.copyOf(files);
    }
}

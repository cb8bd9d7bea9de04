package org.dailypapers.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import org.dailypapers.paper.CatalogChange;
import org.dailypapers.paper.DailyEntry;
import org.dailypapers.paper.PaperCatalog;
import org.dailypapers.paper.PaperRecord;
import org.dailypapers.paper.UpsertOutcome;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports paper files into the catalog. Parsing runs on its own thread and hands batches through a small bounded
 * queue to the writer, so memory stays constant whatever the file size and both cores stay busy. Each batch is one
 * transaction: a killed import leaves whole batches, and running it again finishes the job.
 */
@Service
public class PaperImporter {

    static final int BATCH_SIZE = 1000;
    private static final int MAX_PROBLEMS_KEPT = 1000;
    private static final long PROGRESS_EVERY_NANOS = 200_000_000L;

    private final PaperCatalog catalog;
    private final org.dailypapers.summary.PaperSummaries summaries;
    /** Reading records one by one from an array means there is always more after each one. */
    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** The largest record read; a larger one is reported by its line and skipped, never held in memory. */
    private final int maxRecordChars;

    PaperImporter(
            PaperCatalog catalog,
            org.dailypapers.summary.PaperSummaries summaries,
            @Value("${dailypapers.import.max-record-size:1MB}") DataSize maxRecordSize) {
        this.catalog = catalog;
        this.summaries = summaries;
        this.maxRecordChars = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(1024, maxRecordSize.toBytes()));
    }

    public ImportSummary importFiles(List<Path> files, ImportListener listener) {
        long total = 0;
        for (Path f : files) {
            try {
                total += Files.size(f);
            } catch (IOException e) {
                // reported when the file is opened
            }
        }
        Progress progress = new Progress(listener, total);
        for (Path file : files) {
            String label = file.toString();
            try (InputStream in = new CountingInputStream(Files.newInputStream(file), progress.bytes)) {
                importInto(label, in, progress);
            } catch (IOException e) {
                progress.problem(new ImportProblem(label, 0, "cannot read: " + describe(e)));
            }
        }
        progress.report(true);
        return progress.summary();
    }

    /** Imports one stream, such as the demo data set inside the jar. */
    public ImportSummary importStream(String label, InputStream in, ImportListener listener) {
        Progress progress = new Progress(listener, 0);
        try {
            importInto(label, in, progress);
        } catch (IOException e) {
            progress.problem(new ImportProblem(label, 0, "cannot read: " + describe(e)));
        }
        return progress.summary();
    }

    private void importInto(String label, InputStream in, Progress progress) throws IOException {
        BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(4);
        Thread parser = Thread.ofPlatform().name("import-parser").daemon().start(() -> {
            List<PaperRecord> batch = new ArrayList<>(BATCH_SIZE);
            List<org.dailypapers.summary.ImportedSummary> imported = new ArrayList<>();
            Throwable failure = null;
            try {
                new RecordReader(json, maxRecordChars).read(label, in, new RecordSink() {
                    @Override
                    public void accept(PaperRecord record) {
                        if (batch.size() == BATCH_SIZE) {
                            put(queue, new Batch(List.copyOf(batch), List.copyOf(imported), null, false));
                            batch.clear();
                            imported.clear();
                        }
                        batch.add(record);
                    }

                    @Override
                    public void summary(org.dailypapers.summary.ImportedSummary summary) {
                        imported.add(summary);
                    }

                    @Override
                    public void problem(long line, String reason) {
                        put(queue, new Batch(List.of(), List.of(), new ImportProblem(label, line, reason), false));
                    }

                    @Override
                    public void warning(long line, String message) {
                        put(
                                queue,
                                new Batch(List.of(), List.of(), new ImportProblem(label, line, message, true), false));
                    }
                });
            } catch (Throwable t) {
                failure = t;
            }
            if (!batch.isEmpty()) {
                put(queue, new Batch(List.copyOf(batch), List.copyOf(imported), null, false));
            }
            if (failure != null) {
                put(
                        queue,
                        new Batch(
                                List.of(),
                                List.of(),
                                new ImportProblem(label, 0, "cannot read: " + describe(failure)),
                                false));
            }
            put(queue, new Batch(List.of(), List.of(), null, true));
        });
        try {
            while (true) {
                Batch b = queue.take();
                if (b.end()) {
                    break;
                }
                if (b.problem() != null) {
                    progress.problem(b.problem());
                }
                if (!b.records().isEmpty()) {
                    progress.add(catalog.upsert(b.records()), b.records().size());
                    summaries.recordImported(b.summaries());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            parser.interrupt();
            throw new IOException("import interrupted", e);
        }
    }

    private static void put(BlockingQueue<Batch> queue, Batch batch) {
        try {
            queue.put(batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("import interrupted", e);
        }
    }

    /**
     * Writes the whole catalog in the project's own format (gzip when the name ends in {@code .gz}); returns the
     * number of papers written.
     */
    public long export(Path target, boolean onlyDailyPapers) {
        try (OutputStream raw = Files.newOutputStream(target);
                OutputStream out = target.toString().endsWith(".gz") ? new GZIPOutputStream(raw, 1 << 16) : raw;
                BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
            writer.write(CompactFormat.header(json));
            writer.newLine();
            long written = 0;
            long after = -1;
            while (true) {
                List<CatalogChange> page = catalog.changedSince(after, BATCH_SIZE);
                if (page.isEmpty()) {
                    break;
                }
                var entries = catalog.findEntries(
                        page.stream().map(c -> c.paper().id()).toList());
                for (CatalogChange c : page) {
                    DailyEntry entry = entries.get(c.paper().id());
                    if (onlyDailyPapers && entry == null) {
                        continue;
                    }
                    writer.write(CompactFormat.write(json, c.paper(), entry));
                    writer.newLine();
                    written++;
                }
                after = page.getLast().seq();
            }
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    private static String describe(Throwable t) {
        if (t instanceof java.io.EOFException) {
            return "the data ends early (a truncated .gz file?): " + t.getMessage();
        }
        if (t instanceof OutOfMemoryError) {
            return "out of memory: a record is larger than the heap allows";
        }
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    /** Records, and Hugging Face's summaries of those among them that had one (after their papers exist). */
    private record Batch(
            List<PaperRecord> records,
            List<org.dailypapers.summary.ImportedSummary> summaries,
            @Nullable ImportProblem problem,
            boolean end) {}

    private static final class Progress {
        final ImportListener listener;
        final long totalBytes;
        final AtomicLong bytes = new AtomicLong();
        final List<ImportProblem> problems = new ArrayList<>();
        int imported;
        int updated;
        int skipped;
        int malformed;
        int warnings;
        long read;
        long lastReport = System.nanoTime();

        Progress(ImportListener listener, long totalBytes) {
            this.listener = listener;
            this.totalBytes = totalBytes;
        }

        void add(UpsertOutcome outcome, int records) {
            imported += outcome.imported();
            updated += outcome.updated();
            skipped += outcome.skipped();
            read += records;
            report(false);
        }

        void problem(ImportProblem problem) {
            if (problem.warning()) {
                warnings++;
            } else if (problem.line() > 0) {
                malformed++;
                skipped++;
            }
            if (problems.size() < MAX_PROBLEMS_KEPT) {
                problems.add(problem);
            }
            listener.problem(problem);
        }

        void report(boolean force) {
            long now = System.nanoTime();
            if (force || now - lastReport > PROGRESS_EVERY_NANOS) {
                lastReport = now;
                listener.progress(bytes.get(), totalBytes, read);
            }
        }

        ImportSummary summary() {
            return new ImportSummary(imported, updated, skipped, malformed, read, List.copyOf(problems), warnings);
        }
    }
}

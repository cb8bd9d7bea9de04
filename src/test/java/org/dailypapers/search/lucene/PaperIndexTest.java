package org.dailypapers.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.dailypapers.TestData;
import org.dailypapers.search.core.IndexedPaper;
import org.dailypapers.search.embedding.BgeEmbedder;
import org.dailypapers.search.embedding.VectorMath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PaperIndexTest {

    @TempDir
    Path folder;

    private static IndexedPaper paper(String id, String title, float[] vector) {
        return new IndexedPaper(
                id,
                title,
                "abstract of " + title,
                List.of("A. Author"),
                List.of("cs.IR"),
                LocalDate.of(2025, 1, 1),
                0,
                false,
                null,
                vector);
    }

    @Test
    void shouldResumeFromTheChangeNumberOfTheLastCommitAfterACrash() throws IOException {
        try (PaperIndex index = PaperIndex.openWritable(FSDirectory.open(folder))) {
            assertThat(index.committedSeq()).isZero();
            index.upsert(List.of(paper("2501.00001", "first", null)));
            index.commit(42);
            index.upsert(List.of(paper("2501.00002", "second", null)));
            // Closing without a commit is what a crash leaves behind.
        }
        try (PaperIndex reopened = PaperIndex.openWritable(FSDirectory.open(folder))) {
            assertThat(reopened.committedSeq()).isEqualTo(42);
            assertThat(reopened.count()).isEqualTo(1);
        }
    }

    @Test
    void shouldRebuildAnIndexOfAnotherLayoutFromChangeZero() throws IOException {
        // An index as the previous layout wrote it: title and abstract without offsets, no layout number.
        try (var writer = new org.apache.lucene.index.IndexWriter(
                FSDirectory.open(folder), new org.apache.lucene.index.IndexWriterConfig(Analyzers.perField()))) {
            var doc = new org.apache.lucene.document.Document();
            doc.add(new org.apache.lucene.document.StringField(
                    PaperIndex.ID, "2501.00001", org.apache.lucene.document.Field.Store.YES));
            doc.add(new org.apache.lucene.document.TextField(
                    PaperIndex.TITLE, "old", org.apache.lucene.document.Field.Store.YES));
            doc.add(new org.apache.lucene.document.TextField(
                    PaperIndex.ABSTRACT, "old", org.apache.lucene.document.Field.Store.YES));
            writer.addDocument(doc);
            writer.setLiveCommitData(java.util.Map.of("catalog_seq", "42").entrySet());
            writer.commit();
        }
        try (PaperIndex index = PaperIndex.openWritable(FSDirectory.open(folder))) {
            // Caught up again from the first change, so every paper is written in the new layout...
            assertThat(index.committedSeq()).isZero();
            assertThat(index.count()).isZero();
            // ...which the old field options would refuse ("cannot change field ... index options").
            index.upsert(List.of(paper("2501.00001", "new", null)));
            index.commit(43);
        }
        try (PaperIndex reopened = PaperIndex.openWritable(FSDirectory.open(folder))) {
            assertThat(reopened.committedSeq()).isEqualTo(43);
            assertThat(reopened.count()).isEqualTo(1);
        }
    }

    @Test
    void shouldReplaceADocumentOnUpsertAndTrackWhichLackVectors() throws IOException {
        try (PaperIndex index = PaperIndex.openWritable(FSDirectory.open(folder))) {
            index.upsert(List.of(paper("2501.00001", "first", null), paper("2501.00002", "second", null)));
            index.refresh();
            assertThat(index.idsNeedingVectors(10)).containsExactlyInAnyOrder("2501.00001", "2501.00002");
            float[] v = new float[BgeEmbedder.DIMENSIONS];
            v[0] = 1;
            index.upsert(List.of(paper("2501.00001", "first, edited", v)));
            index.refresh();
            assertThat(index.count()).isEqualTo(2);
            assertThat(index.countEmbedded()).isEqualTo(1);
            assertThat(index.idsNeedingVectors(10)).containsExactly("2501.00002");
        }
    }

    @Test
    void shouldLetOnlyOneProcessWriteWhileOthersReadTheLastCommit() throws IOException {
        try (PaperIndex writer = PaperIndex.openWritable(FSDirectory.open(folder))) {
            writer.upsert(List.of(paper("2501.00001", "first", null)));
            writer.commit(7);
            assertThatThrownBy(() -> PaperIndex.openWritable(FSDirectory.open(folder)))
                    .isInstanceOf(LockObtainFailedException.class);
            try (PaperIndex reader = PaperIndex.openReadOnly(FSDirectory.open(folder), VectorFormat.DEFAULT, 1)) {
                assertThat(reader.count()).isEqualTo(1);
                assertThat(reader.committedSeq()).isEqualTo(7);
            }
        }
    }

    /** The first {@code n} papers of the real corpus, as the indexer gets them. */
    private static List<IndexedPaper> realPapers(int n) throws IOException {
        List<IndexedPaper> papers = new java.util.ArrayList<>();
        var json = tools.jackson.databind.json.JsonMapper.builder().build();
        try (var in = new java.util.zip.GZIPInputStream(java.nio.file.Files.newInputStream(TestData.arxivDailyCs()));
                var lines = new java.io.BufferedReader(
                        new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8))) {
            String line;
            while (papers.size() < n && (line = lines.readLine()) != null) {
                var node = json.readTree(line);
                papers.add(new IndexedPaper(
                        node.path("id").asString(),
                        node.path("title").asString(),
                        node.path("summary").asString(),
                        List.of("A. Author"),
                        List.of("cs.CL"),
                        LocalDate.of(2025, 1, 1),
                        0,
                        false,
                        null,
                        null));
            }
        }
        return papers;
    }

    @Test
    void shouldIndexTheBm25FieldExactlyAsTitleAndAbstractAnalysedAfreshWould() throws IOException {
        // Title and abstract are analysed once and replayed into the BM25 field as two values, the abstract from
        // ABSTRACT_POSITION on; it must hold the terms, frequencies, positions, offsets and lengths that the two
        // values analysed afresh with that position gap give.
        List<IndexedPaper> papers = realPapers(400);
        var replayed = new org.apache.lucene.store.ByteBuffersDirectory();
        PaperIndex index = PaperIndex.openWritable(replayed);
        index.write(papers, false, 1);
        index.commit(1);
        var joined = new org.apache.lucene.store.ByteBuffersDirectory();
        var gapped =
                new org.apache.lucene.analysis.AnalyzerWrapper(
                        org.apache.lucene.analysis.Analyzer.PER_FIELD_REUSE_STRATEGY) {
                    private final org.apache.lucene.analysis.Analyzer fields = Analyzers.perField();

                    @Override
                    protected org.apache.lucene.analysis.Analyzer getWrappedAnalyzer(String fieldName) {
                        return fields;
                    }

                    @Override
                    public int getPositionIncrementGap(String fieldName) {
                        return PaperIndex.ABSTRACT_POSITION;
                    }
                };
        var withOffsets =
                new org.apache.lucene.document.FieldType(org.apache.lucene.document.TextField.TYPE_NOT_STORED);
        withOffsets.setIndexOptions(org.apache.lucene.index.IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        try (var writer = new org.apache.lucene.index.IndexWriter(
                joined, new org.apache.lucene.index.IndexWriterConfig(gapped))) {
            for (IndexedPaper p : papers) {
                var doc = new org.apache.lucene.document.Document();
                doc.add(new org.apache.lucene.document.Field(PaperIndex.TEXT, p.title(), withOffsets));
                doc.add(new org.apache.lucene.document.Field(PaperIndex.TEXT, p.abstractText(), withOffsets));
                writer.addDocument(doc);
            }
            writer.forceMerge(1);
        }
        try (var a = org.apache.lucene.index.DirectoryReader.open(replayed);
                var b = org.apache.lucene.index.DirectoryReader.open(joined)) {
            assertThat(a.leaves()).hasSize(1);
            assertThat(b.leaves()).hasSize(1);
            var left = a.leaves().getFirst().reader();
            var right = b.leaves().getFirst().reader();
            var leftTerms = left.terms(PaperIndex.TEXT).iterator();
            var rightTerms = right.terms(PaperIndex.TEXT).iterator();
            long terms = 0;
            long inAbstracts = 0;
            org.apache.lucene.util.BytesRef term;
            while ((term = rightTerms.next()) != null) {
                assertThat(leftTerms.next()).isEqualTo(term);
                var lp = leftTerms.postings(null, org.apache.lucene.index.PostingsEnum.ALL);
                var rp = rightTerms.postings(null, org.apache.lucene.index.PostingsEnum.ALL);
                int doc;
                while ((doc = rp.nextDoc()) != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS) {
                    assertThat(lp.nextDoc()).isEqualTo(doc);
                    assertThat(lp.freq()).as(term.utf8ToString()).isEqualTo(rp.freq());
                    for (int k = 0; k < rp.freq(); k++) {
                        int position = rp.nextPosition();
                        assertThat(lp.nextPosition()).as(term.utf8ToString()).isEqualTo(position);
                        assertThat(lp.startOffset()).as(term.utf8ToString()).isEqualTo(rp.startOffset());
                        assertThat(lp.endOffset()).as(term.utf8ToString()).isEqualTo(rp.endOffset());
                        if (position >= PaperIndex.ABSTRACT_POSITION) {
                            inAbstracts++;
                        }
                    }
                }
                assertThat(lp.nextDoc()).isEqualTo(org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS);
                terms++;
            }
            assertThat(inAbstracts).isGreaterThan(10_000);
            assertThat(leftTerms.next()).isNull();
            assertThat(terms).isGreaterThan(4_000);
            var leftNorms = left.getNormValues(PaperIndex.TEXT);
            var rightNorms = right.getNormValues(PaperIndex.TEXT);
            for (int d = 0; d < papers.size(); d++) {
                assertThat(rightNorms.advanceExact(d)).isTrue();
                assertThat(leftNorms.advanceExact(d)).isTrue();
                assertThat(leftNorms.longValue()).isEqualTo(rightNorms.longValue());
            }
        } finally {
            index.close();
        }
    }

    @Test
    void shouldWriteEveryPaperOnceFromSeveralThreads() throws IOException {
        List<IndexedPaper> papers = realPapers(1_000);
        try (PaperIndex index = PaperIndex.openWritable(FSDirectory.open(folder))) {
            index.write(papers, false, 4);
            index.write(papers.subList(0, 300), true, 2);
            index.refresh();
            assertThat(index.count()).isEqualTo(1_000);
            index.withSearcher(searcher -> {
                for (IndexedPaper p : papers) {
                    assertThat(searcher.count(new org.apache.lucene.search.TermQuery(
                                    new org.apache.lucene.index.Term(PaperIndex.ID, p.id()))))
                            .as(p.id())
                            .isEqualTo(1);
                }
                return null;
            });
        }
    }

    @Test
    void shouldLetTheMergesOfABulkWriteFinishBeforeItsLastCommit() throws IOException {
        List<IndexedPaper> papers = realPapers(1_200);
        try (PaperIndex index = PaperIndex.openWritable(FSDirectory.open(folder), VectorFormat.DEFAULT, 2)) {
            // Twelve commits of 100 papers: twelve small segments, more than the merge policy's ten per tier.
            for (int i = 0; i < 12; i++) {
                index.write(papers.subList(i * 100, (i + 1) * 100), false, 1);
                index.commit(i + 1);
            }
            int settled = index.settleMerges(12);
            assertThat(settled).isLessThan(10).isEqualTo(index.committedSegments());
            assertThat(index.committedSeq()).isEqualTo(12);
        }
        // What the last commit holds: every paper once, in the merged segments.
        try (PaperIndex reader = PaperIndex.openReadOnly(FSDirectory.open(folder), VectorFormat.DEFAULT, 1)) {
            assertThat(reader.count()).isEqualTo(1_200);
            assertThat(reader.committedSegments()).isLessThan(10);
        }
    }

    @Test
    void shouldStoreVectorsAsPortableText() {
        float[] v = {0.25f, -1.5f, 3.0e-7f};
        assertThat(VectorMath.decode(VectorMath.encode(v))).containsExactly(v);
    }
}

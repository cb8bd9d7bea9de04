package org.dailypapers.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
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
            try (PaperIndex reader = PaperIndex.openReadOnly(FSDirectory.open(folder))) {
                assertThat(reader.count()).isEqualTo(1);
                assertThat(reader.committedSeq()).isEqualTo(7);
            }
        }
    }

    @Test
    void shouldStoreVectorsAsPortableText() {
        float[] v = {0.25f, -1.5f, 3.0e-7f};
        assertThat(VectorMath.decode(VectorMath.encode(v))).containsExactly(v);
    }
}

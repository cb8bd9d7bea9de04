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

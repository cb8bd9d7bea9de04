-- Keywords and one-sentence summaries (module summary). Hugging Face's own values, where an import brought them,
-- sit beside ours; pages and the API show theirs first. Keyword lists are JSON arrays of strings. text_hash names
-- the model, title and abstract ours were computed from: an edited abstract misses it and is summarised again.
CREATE TABLE paper_summary (
    paper_id     VARCHAR(64) NOT NULL PRIMARY KEY,
    hf_summary   TEXT,
    hf_keywords  TEXT,
    summary      TEXT,
    keywords     TEXT,
    text_hash    VARCHAR(32)
);

-- The catalog change number the background worker has summarised up to (one row).
CREATE TABLE summary_progress (
    id           INTEGER     NOT NULL PRIMARY KEY,
    catalog_seq  BIGINT      NOT NULL
);
INSERT INTO summary_progress (id, catalog_seq) VALUES (1, 0);

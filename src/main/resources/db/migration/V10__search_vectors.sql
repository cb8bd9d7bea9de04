-- Paper embeddings, kept so that rebuilding the search index never recomputes them. The vector is Base64 text of
-- little-endian float32 values: SQLite (BLOB) and PostgreSQL (BYTEA) share no binary column type, and one migration
-- serves both. text_hash names the model and text the vector was computed from; a changed abstract misses it.
CREATE TABLE search_vector (
    paper_id   VARCHAR(64) NOT NULL PRIMARY KEY,
    model      VARCHAR(64) NOT NULL,
    text_hash  VARCHAR(32) NOT NULL,
    vector     TEXT        NOT NULL
);

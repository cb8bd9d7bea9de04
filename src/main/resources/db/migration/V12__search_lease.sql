-- One holder at a time for work that must not run twice when several instances share the database: the
-- Elasticsearch indexer. A holder renews its lease while it works; a crashed one is replaced once it expires.
CREATE TABLE search_lease (
    name       VARCHAR(100) PRIMARY KEY,
    holder     VARCHAR(200) NOT NULL,
    expires_at BIGINT       NOT NULL
);

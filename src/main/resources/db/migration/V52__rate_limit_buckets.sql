-- Bucket4j token buckets, one row per (action, client): every instance takes its tokens from the same row, so N
-- instances allow what one would. state is Bucket4j's serialised bucket (BYTEA: see V50 for SQLite);
-- expires_at (epoch milliseconds) is when the bucket would be full again, after which the row can go.
CREATE TABLE rate_limit_bucket (
    id         VARCHAR(400) NOT NULL PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);
CREATE INDEX rate_limit_bucket_expires ON rate_limit_bucket (expires_at);

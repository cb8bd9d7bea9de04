-- Webhooks: a reader's (their follows and saved searches) or the site's (daily trending, registered by an admin).
-- shape: SLACK, DISCORD or JSON. status: ACTIVE or DISABLED (by the owner, or after a 410 or repeated 4xx answers).
CREATE TABLE webhook (
    id               VARCHAR(36)  NOT NULL PRIMARY KEY,
    user_id          BIGINT       NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    scope            VARCHAR(16)  NOT NULL, -- READER or SITE
    shape            VARCHAR(16)  NOT NULL,
    url              TEXT         NOT NULL,
    secret           VARCHAR(64)  NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    client_errors    INTEGER      NOT NULL DEFAULT 0, -- consecutive 4xx answers
    last_error       TEXT,
    last_error_at    VARCHAR(24),
    last_period_end  VARCHAR(10),
    created_at       VARCHAR(24)  NOT NULL
);
CREATE INDEX webhook_user ON webhook (user_id);

-- The webhook side of the outbox: the same states, leases and retries as digest_outbox (one implementation,
-- OutboxTable), one row per (webhook, period) so that a period goes out at most once.
CREATE TABLE webhook_outbox (
    id              VARCHAR(36) PRIMARY KEY,
    webhook_id      VARCHAR(36) NOT NULL REFERENCES webhook (id) ON DELETE CASCADE,
    period          VARCHAR(32) NOT NULL,
    recipient       TEXT        NOT NULL,
    body            TEXT        NOT NULL,
    status          VARCHAR(16) NOT NULL,
    attempts        INTEGER     NOT NULL,
    next_attempt_at VARCHAR(24) NOT NULL,
    lease_owner     VARCHAR(120),
    lease_until     VARCHAR(24),
    last_error      TEXT,
    created_at      VARCHAR(24) NOT NULL,
    sent_at         VARCHAR(24),
    CONSTRAINT webhook_outbox_once UNIQUE (webhook_id, period)
);
CREATE INDEX webhook_outbox_due ON webhook_outbox (status, next_attempt_at);

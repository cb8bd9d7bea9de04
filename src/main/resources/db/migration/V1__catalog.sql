-- One migration set for SQLite and PostgreSQL: portable types only. Instants are fixed-width UTC text
-- ('2025-01-10T11:17:15.000Z') and days are 'YYYY-MM-DD', so text order is time order on both databases.
CREATE TABLE paper (
    id               VARCHAR(64)  NOT NULL PRIMARY KEY,
    version          INTEGER      NOT NULL,
    title            TEXT         NOT NULL,
    abstract         TEXT         NOT NULL,
    authors          TEXT         NOT NULL, -- JSON array of names, in order
    categories       TEXT         NOT NULL, -- space separated, primary first
    primary_category VARCHAR(64),
    published_at     VARCHAR(24),
    updated_at       VARCHAR(24),
    comments         TEXT,
    journal_ref      TEXT,
    doi              TEXT,
    license          TEXT,
    links            TEXT         NOT NULL, -- JSON array of {"kind","url"}
    upvotes          INTEGER      NOT NULL DEFAULT 0,
    github_stars     INTEGER,
    change_seq       BIGINT       NOT NULL  -- grows with every change; the search index catches up from it
);
CREATE INDEX paper_change_seq ON paper (change_seq);
CREATE INDEX paper_published_at ON paper (published_at);
CREATE INDEX paper_primary_category ON paper (primary_category);

CREATE TABLE daily_entry (
    paper_id            VARCHAR(64) NOT NULL PRIMARY KEY REFERENCES paper (id),
    day                 VARCHAR(10) NOT NULL,
    submitted_at        VARCHAR(24),
    submitter_name      VARCHAR(200),
    submitter_fullname  VARCHAR(400),
    submitter_avatar    TEXT,
    num_comments        INTEGER     NOT NULL DEFAULT 0,
    org_name            VARCHAR(200),
    org_fullname        VARCHAR(400),
    org_avatar          TEXT
);
CREATE INDEX daily_entry_day ON daily_entry (day);
CREATE INDEX daily_entry_org ON daily_entry (org_name);

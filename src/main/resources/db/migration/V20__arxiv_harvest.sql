-- Progress of OAI-PMH harvests, one row per harvest (metadata format, set, from, until). The resumption token is
-- written in the same transaction as the page's papers, so after a crash the next run asks for exactly the page
-- after the last one committed. Portable SQL for SQLite and PostgreSQL; instants as fixed-width UTC text.
CREATE TABLE arxiv_harvest (
    harvest_key        VARCHAR(300) NOT NULL PRIMARY KEY, -- metadata_prefix|set_spec|from_day|until_day
    metadata_prefix    VARCHAR(32)  NOT NULL,
    set_spec           VARCHAR(100) NOT NULL,             -- '' harvests every set
    from_day           VARCHAR(10),
    until_day          VARCHAR(10),
    resumption_token   TEXT,                              -- next page to ask for; NULL before the first page
    pages_done         INTEGER      NOT NULL DEFAULT 0,
    records_done       INTEGER      NOT NULL DEFAULT 0,
    complete_list_size BIGINT,
    complete           INTEGER      NOT NULL DEFAULT 0,   -- 1 once the last page is committed
    started_at         VARCHAR(24)  NOT NULL,
    updated_at         VARCHAR(24)  NOT NULL
);
CREATE INDEX arxiv_harvest_updated ON arxiv_harvest (metadata_prefix, set_spec, updated_at);

-- Papers an admin took off the feed after curation proposed them: never proposed again.
CREATE TABLE curation_dismissal (
    paper_id     VARCHAR(64) NOT NULL PRIMARY KEY,
    dismissed_at VARCHAR(24) NOT NULL
);

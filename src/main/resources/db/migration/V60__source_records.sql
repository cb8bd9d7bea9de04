-- Records of papers from sources other than arXiv (bioRxiv, medRxiv, the ACL Anthology, OpenReview). The paper
-- table keeps arXiv papers exactly as before; a record either stands alone (its own page under /papers/doi/,
-- /papers/acl/, /papers/openreview/) or belongs to the arXiv paper of the same work (paper_id). Portable SQL for
-- SQLite and PostgreSQL; instants as fixed-width UTC text, days as YYYY-MM-DD. Nothing existing changes.
CREATE TABLE source_record (
    record_key    VARCHAR(300) NOT NULL PRIMARY KEY, -- scheme:value, e.g. doi:10.1101/2024.01.02.577000
    source        VARCHAR(16)  NOT NULL,             -- biorxiv, medrxiv, acl, openreview
    version       INTEGER      NOT NULL,
    title         TEXT         NOT NULL,
    abstract      TEXT         NOT NULL,
    authors       TEXT         NOT NULL,             -- JSON array of {"name","orcid","personId"}, in order; no e-mail
    venue         VARCHAR(64),                       -- short key, lower case: naacl, iclr, biorxiv
    venue_name    VARCHAR(200),                      -- NAACL 2025, ICLR 2026
    decision      VARCHAR(20)  NOT NULL,
    year          INTEGER,
    record_date   VARCHAR(10),
    doi           TEXT,
    published_doi TEXT,
    pdf_url       TEXT,
    license       TEXT,
    categories    TEXT         NOT NULL,             -- JSON array
    arxiv_id      VARCHAR(64),                       -- an arXiv id the source itself names
    title_key     TEXT         NOT NULL,             -- normalised title, for exact look-ups from the arXiv side
    paper_id      VARCHAR(64),                       -- the arXiv paper of the same work; NULL while it stands alone
    match_reason  VARCHAR(20),                       -- doi, arxiv-id, title
    first_seen_at VARCHAR(24)  NOT NULL,
    updated_at    VARCHAR(24)  NOT NULL
);
CREATE INDEX source_record_source ON source_record (source, record_date);
CREATE INDEX source_record_venue ON source_record (venue, record_date);
CREATE INDEX source_record_paper ON source_record (paper_id);
CREATE INDEX source_record_title_key ON source_record (title_key);

-- Merges an admin undid: the matcher never puts this record with this paper again.
CREATE TABLE source_record_split (
    record_key VARCHAR(300) NOT NULL,
    paper_id   VARCHAR(64)  NOT NULL,
    split_at   VARCHAR(24)  NOT NULL,
    PRIMARY KEY (record_key, paper_id)
);

-- Venue alerts: a paper got a venue decision or a published record. Digests list these under "Published".
CREATE TABLE venue_event (
    paper_id    VARCHAR(300) NOT NULL,               -- an arXiv id, or the record key of a record standing alone
    record_key  VARCHAR(300) NOT NULL,
    decision    VARCHAR(20)  NOT NULL,
    badge       VARCHAR(300) NOT NULL,
    detected_at VARCHAR(24)  NOT NULL,
    PRIMARY KEY (paper_id, record_key, decision)
);
CREATE INDEX venue_event_detected ON venue_event (detected_at);

-- Version alerts. paper_version_seen holds the newest arXiv version the alerts know of each paper, so that a change
-- brought by a harvest can be told apart from a first import; paper_version_update records each new version seen.
CREATE TABLE paper_version_seen (
    paper_id VARCHAR(64) NOT NULL PRIMARY KEY,
    version  INTEGER     NOT NULL
);

INSERT INTO paper_version_seen (paper_id, version) SELECT id, version FROM paper;

CREATE TABLE paper_version_update (
    paper_id     VARCHAR(64) NOT NULL,
    from_version INTEGER     NOT NULL,
    to_version   INTEGER     NOT NULL,
    comments     TEXT,
    detected_at  VARCHAR(24) NOT NULL,
    PRIMARY KEY (paper_id, to_version)
);
CREATE INDEX paper_version_update_detected ON paper_version_update (detected_at);

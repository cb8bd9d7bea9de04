-- ShedLock: one row per scheduled job (harvest, digests, embedding, clean-ups). The instance whose update sets
-- lock_until runs the job; the others skip it. A holder that dies stops extending its lock, which then runs out
-- within dailypapers.scheduling.lock-at-most-for (one minute) and another instance takes the work over.
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    lock_until TIMESTAMP    NOT NULL,
    locked_at  TIMESTAMP    NOT NULL,
    locked_by  VARCHAR(255) NOT NULL
);

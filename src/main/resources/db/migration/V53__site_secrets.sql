-- Secrets every instance must share (the key that signs digest links): generated once by whichever instance
-- needs one first, so that no instance's home folder holds what another needs.
CREATE TABLE site_secret (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    value      VARCHAR(200) NOT NULL,
    created_at VARCHAR(24)  NOT NULL
);

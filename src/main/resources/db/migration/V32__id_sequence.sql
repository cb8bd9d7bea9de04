-- One id generator for every table whose ids the application makes (accounts, tokens, comments, collections,
-- organisations): a single row that every new id passes through, so that two ids can never be equal, however many
-- are made in one millisecond or on however many instances. See org.dailypapers.shared.Ids.
CREATE TABLE id_sequence (
    name       VARCHAR(40) NOT NULL PRIMARY KEY,
    last_value BIGINT      NOT NULL
);
INSERT INTO id_sequence (name, last_value) VALUES ('ids', 0);

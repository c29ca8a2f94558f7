-- Nonces of signed open-API requests: the primary key lets a nonce through once per key across every
-- app instance (a second insert is a replay). Bytes, so that no collation folds two nonces into one.
-- A request's timestamp must be within 5 minutes of now, so rows older than 10 minutes are purged.
CREATE TABLE open_request_nonce (
    api_key_id BIGINT        NOT NULL,
    nonce      VARBINARY(64) NOT NULL,
    created_at DATETIME(6)   NOT NULL,
    PRIMARY KEY (api_key_id, nonce)
);
CREATE INDEX idx_open_request_nonce_created ON open_request_nonce (created_at);

-- API keys with which a store's tills and ERPs sign calls to /api/open/v1. The secret is kept sealed
-- (AES-256-GCM under loyalty.crypto.api-key-secret-key, bound to the key id), never in plain text:
-- the server needs it back to check each request's HMAC. A revoked key stays, for the audit trail.
CREATE TABLE open_api_key (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    key_id        VARCHAR(40)  NOT NULL,
    store_id      BIGINT       NOT NULL,
    name          VARCHAR(64)  NOT NULL,
    secret_sealed VARCHAR(255) NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    revoked_at    DATETIME(6)  NULL,
    last_used_at  DATETIME(6)  NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_open_api_key_key_id UNIQUE (key_id)
);
CREATE INDEX idx_open_api_key_store ON open_api_key (store_id);

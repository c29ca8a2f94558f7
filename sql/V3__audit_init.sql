-- Who changed what, when, before and after: every admin and staff write. Append-only.
CREATE TABLE audit_log (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    actor_type  VARCHAR(16)  NOT NULL,
    actor_id    BIGINT       NOT NULL,
    action      VARCHAR(64)  NOT NULL,
    target      VARCHAR(128) NOT NULL,
    before_json TEXT         NULL,
    after_json  TEXT         NULL,
    request_id  VARCHAR(64)  NULL,
    created_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX idx_audit_log_created_at ON audit_log (created_at);
CREATE INDEX idx_audit_log_actor ON audit_log (actor_type, actor_id, created_at);
CREATE INDEX idx_audit_log_action ON audit_log (action, created_at);

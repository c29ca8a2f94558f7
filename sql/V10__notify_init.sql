-- Official-account followers, and the outbox of template messages: one row per change (unique source_key),
-- written in the change's transaction and delivered after it.
CREATE TABLE notify_follower (
    mp_openid  VARCHAR(64) NOT NULL,
    unionid    VARCHAR(64) NULL,
    subscribed BOOLEAN     NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    PRIMARY KEY (mp_openid)
);
CREATE INDEX idx_notify_follower_unionid ON notify_follower (unionid);

CREATE TABLE notification (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    member_id       BIGINT        NOT NULL,
    kind            VARCHAR(32)   NOT NULL,
    source_key      VARCHAR(128)  NOT NULL,
    change_text     VARCHAR(255)  NOT NULL,
    balance_text    VARCHAR(64)   NOT NULL,
    page            VARCHAR(128)  NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    attempts        INT           NOT NULL DEFAULT 0,
    last_error      VARCHAR(255)  NULL,
    to_openid       VARCHAR(64)   NULL,
    next_attempt_at DATETIME(6)   NOT NULL,
    claimed_at      DATETIME(6)   NULL,
    created_at      DATETIME(6)   NOT NULL,
    sent_at         DATETIME(6)   NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_notification_source UNIQUE (source_key)
);
CREATE INDEX idx_notification_due ON notification (status, next_attempt_at);
CREATE INDEX idx_notification_member ON notification (member_id, id);

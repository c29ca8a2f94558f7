-- Webhooks out. A webhook is an endpoint, the event types it takes (comma-separated wire names) and the secret
-- its deliveries are signed with. A deleted webhook keeps its row (deleted_at) so that its deliveries keep
-- theirs; nothing is sent to it any more.
CREATE TABLE webhook (
    id         BIGINT        NOT NULL AUTO_INCREMENT,
    url        VARCHAR(2000) NOT NULL,
    events     VARCHAR(200)  NOT NULL,
    secret     VARCHAR(200)  NOT NULL,
    enabled    BOOLEAN       NOT NULL DEFAULT TRUE,
    created_by BIGINT        NULL,
    created_at DATETIME(6)   NOT NULL,
    deleted_at DATETIME(6)   NULL,
    PRIMARY KEY (id)
);

-- The outbox: one row per event and subscribed webhook, written in the transaction of the change itself.
-- The payload is the exact body sent on every attempt; event_id is the id receivers de-duplicate by.
CREATE TABLE webhook_delivery (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    webhook_id       BIGINT       NOT NULL,
    event_id         VARCHAR(40)  NOT NULL,
    type             VARCHAR(40)  NOT NULL,
    payload          TEXT         NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    attempts         INT          NOT NULL DEFAULT 0,
    last_status_code INT          NULL,
    last_error       VARCHAR(500) NULL,
    next_attempt_at  DATETIME(6)  NOT NULL,
    delivered_at     DATETIME(6)  NULL,
    created_at       DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_webhook_delivery_event UNIQUE (webhook_id, event_id)
);
-- What the delivery job looks for, and each webhook's delivery log.
CREATE INDEX idx_webhook_delivery_due ON webhook_delivery (status, next_attempt_at);
CREATE INDEX idx_webhook_delivery_log ON webhook_delivery (webhook_id, status, id);

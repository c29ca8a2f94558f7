-- Stored value: one wallet per member (principal the member paid, bonus the brand gave), an append-only
-- ledger, and the top-up plans.
CREATE TABLE wallet_account (
    member_id       BIGINT      NOT NULL,
    principal_cents BIGINT      NOT NULL DEFAULT 0,
    bonus_cents     BIGINT      NOT NULL DEFAULT 0,
    version         BIGINT      NOT NULL DEFAULT 0,
    created_at      DATETIME(6) NOT NULL,
    updated_at      DATETIME(6) NOT NULL,
    PRIMARY KEY (member_id)
);

CREATE TABLE wallet_entry (
    id                    BIGINT       NOT NULL AUTO_INCREMENT,
    member_id             BIGINT       NOT NULL,
    type                  VARCHAR(16)  NOT NULL,
    delta_cents           BIGINT       NOT NULL,
    principal_delta_cents BIGINT       NOT NULL,
    bonus_delta_cents     BIGINT       NOT NULL,
    balance_after_cents   BIGINT       NOT NULL,
    idempotency_key       VARCHAR(128) NOT NULL,
    order_no              VARCHAR(64)  NULL,
    store_id              BIGINT       NULL,
    staff_member_id       BIGINT       NULL,
    plan_id               BIGINT       NULL,
    reverses_id           BIGINT       NULL,
    created_at            DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_wallet_entry_idempotency_key UNIQUE (idempotency_key)
);
CREATE INDEX idx_wallet_entry_member ON wallet_entry (member_id, id);
CREATE INDEX idx_wallet_entry_created ON wallet_entry (created_at);

CREATE TABLE wallet_plan (
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    name        VARCHAR(64) NOT NULL,
    pay_cents   BIGINT      NOT NULL,
    bonus_cents BIGINT      NOT NULL,
    enabled     BOOLEAN     NOT NULL DEFAULT TRUE,
    created_at  DATETIME(6) NOT NULL,
    PRIMARY KEY (id)
);

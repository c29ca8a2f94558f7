-- Points: one account per member, an append-only ledger, and the lots that earnings create and spends draw on.
CREATE TABLE points_account (
    member_id     BIGINT      NOT NULL,
    balance       BIGINT      NOT NULL DEFAULT 0,
    total_earned  BIGINT      NOT NULL DEFAULT 0,
    total_spent   BIGINT      NOT NULL DEFAULT 0,
    total_expired BIGINT      NOT NULL DEFAULT 0,
    -- no lot expires before this instant: writes skip the expiry check until then
    next_expiry_at DATETIME(6) NULL,
    version       BIGINT      NOT NULL DEFAULT 0,
    created_at    DATETIME(6) NOT NULL,
    updated_at    DATETIME(6) NOT NULL,
    PRIMARY KEY (member_id)
);

CREATE TABLE points_entry (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    member_id       BIGINT       NOT NULL,
    delta           BIGINT       NOT NULL,
    balance_after   BIGINT       NOT NULL,
    type            VARCHAR(16)  NOT NULL,
    source          VARCHAR(32)  NOT NULL,
    idempotency_key VARCHAR(128) NOT NULL,
    reference       VARCHAR(128) NULL,
    reverses_id     BIGINT       NULL,
    remark          VARCHAR(255) NULL,
    created_at      DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_points_entry_idempotency_key UNIQUE (idempotency_key)
);
CREATE INDEX idx_points_entry_member ON points_entry (member_id, id);
CREATE INDEX idx_points_entry_reverses ON points_entry (reverses_id);
CREATE INDEX idx_points_entry_created ON points_entry (created_at);

CREATE TABLE points_lot (
    id        BIGINT      NOT NULL AUTO_INCREMENT,
    member_id BIGINT      NOT NULL,
    entry_id  BIGINT      NOT NULL,
    amount    BIGINT      NOT NULL,
    remaining BIGINT      NOT NULL,
    earned_at DATETIME(6) NOT NULL,
    expires_at DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_points_lot_entry UNIQUE (entry_id)
);
CREATE INDEX idx_points_lot_member_expiry ON points_lot (member_id, expires_at);
CREATE INDEX idx_points_lot_expiry ON points_lot (expires_at, remaining);

-- Which lots a SPEND (or negative ADJUST, or REVERSE of an earning) took points from, so a reversal can give them back.
CREATE TABLE points_lot_draw (
    id       BIGINT NOT NULL AUTO_INCREMENT,
    entry_id BIGINT NOT NULL,
    lot_id   BIGINT NOT NULL,
    amount   BIGINT NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX idx_points_lot_draw_entry ON points_lot_draw (entry_id);

CREATE TABLE points_rule (
    id              BIGINT      NOT NULL,
    points_per_yuan BIGINT      NOT NULL,
    expiry_days     INT         NOT NULL,
    version         BIGINT      NOT NULL DEFAULT 0,
    updated_at      DATETIME(6) NOT NULL,
    PRIMARY KEY (id)
);
INSERT INTO points_rule (id, points_per_yuan, expiry_days, version, updated_at) VALUES (1, 1, 365, 0, CURRENT_TIMESTAMP(6));

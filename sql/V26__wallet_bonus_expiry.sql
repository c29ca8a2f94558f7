-- Bonus credits that lapse: one row per expiring credit (its wallet ledger row), OPEN until the expiry job
-- removes its unused part (LAPSED, with the cents removed and the ledger row that removed them).
CREATE TABLE wallet_bonus_expiry (
    entry_id        BIGINT      NOT NULL,
    member_id       BIGINT      NOT NULL,
    cents           BIGINT      NOT NULL,
    expires_at      DATETIME(6) NOT NULL,
    status          VARCHAR(16) NOT NULL,
    lapsed_cents    BIGINT      NULL,
    lapsed_entry_id BIGINT      NULL,
    lapsed_at       DATETIME(6) NULL,
    PRIMARY KEY (entry_id)
);
CREATE INDEX idx_wallet_bonus_expiry_due ON wallet_bonus_expiry (status, expires_at);
CREATE INDEX idx_wallet_bonus_expiry_member ON wallet_bonus_expiry (member_id, entry_id);

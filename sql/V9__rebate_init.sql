-- Rebates: the policy operators set, and one rebate per member and period.
CREATE TABLE rebate_policy (
    id           BIGINT        NOT NULL,
    period_type  VARCHAR(16)   NOT NULL,
    credit_as    VARCHAR(16)   NOT NULL,
    auto_approve BOOLEAN       NOT NULL,
    tiers        VARCHAR(4000) NOT NULL,
    version      BIGINT        NOT NULL DEFAULT 0,
    updated_at   DATETIME(6)   NOT NULL,
    PRIMARY KEY (id)
);
INSERT INTO rebate_policy (id, period_type, credit_as, auto_approve, tiers, version, updated_at)
VALUES (1, 'MONTH', 'WALLET', TRUE, '[{"thresholdCents":100000,"ratePercent":2},{"thresholdCents":500000,"ratePercent":3}]',
        0, CURRENT_TIMESTAMP(6));

CREATE TABLE rebate (
    id           BIGINT      NOT NULL AUTO_INCREMENT,
    member_id    BIGINT      NOT NULL,
    period       VARCHAR(8)  NOT NULL,
    spent_cents  BIGINT      NOT NULL,
    rate_percent INT         NOT NULL,
    rebate_cents BIGINT      NOT NULL,
    credit_as    VARCHAR(16) NOT NULL,
    status       VARCHAR(16) NOT NULL,
    created_at   DATETIME(6) NOT NULL,
    credited_at  DATETIME(6) NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_rebate_member_period UNIQUE (member_id, period)
);
CREATE INDEX idx_rebate_period ON rebate (period, status);

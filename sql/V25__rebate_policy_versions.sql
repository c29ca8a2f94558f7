-- Rebate policies become versioned: every change writes a new version, and a period is settled with the
-- version in force at its end. The single policy row (id 1) becomes version 1, in force since long before
-- any period an install can have, so periods that ended before this upgrade settle as they did.
CREATE TABLE rebate_policy_version (
    version             BIGINT        NOT NULL,
    period_type         VARCHAR(16)   NOT NULL,
    credit_as           VARCHAR(16)   NOT NULL,
    auto_approve        BOOLEAN       NOT NULL,
    tiers               VARCHAR(4000) NOT NULL,
    max_cents           BIGINT        NULL,
    expires_days        INT           NULL,
    remind_within_cents BIGINT        NULL,
    remind_days_before  INT           NULL,
    effective_from      DATETIME(6)   NOT NULL,
    created_at          DATETIME(6)   NOT NULL,
    PRIMARY KEY (version)
);
CREATE INDEX idx_rebate_policy_version_effective ON rebate_policy_version (effective_from);

INSERT INTO rebate_policy_version (version, period_type, credit_as, auto_approve, tiers, effective_from, created_at)
SELECT 1, period_type, credit_as, auto_approve, tiers, '1970-01-01 00:00:00', updated_at
  FROM rebate_policy WHERE id = 1;

DROP TABLE rebate_policy;

-- Each rebate keeps the policy version it was settled with (NULL: settled before versions were kept), and
-- whether the policy's cap cut it.
ALTER TABLE rebate ADD COLUMN policy_version BIGINT NULL;
ALTER TABLE rebate ADD COLUMN capped BOOLEAN NOT NULL DEFAULT FALSE;

-- Rebate reminders: one per member and period, claimed by inserting this row before the message is sent.
CREATE TABLE rebate_reminder (
    member_id      BIGINT      NOT NULL,
    period         VARCHAR(8)  NOT NULL,
    policy_version BIGINT      NOT NULL,
    spent_cents    BIGINT      NOT NULL,
    cents_to_go    BIGINT      NOT NULL,
    rate_percent   INT         NOT NULL,
    created_at     DATETIME(6) NOT NULL,
    PRIMARY KEY (member_id, period)
);

-- Campaigns: a coupon, points or both for every member who meets a trigger (joining, a birthday, entering a
-- segment, reaching a level) while the campaign runs, at most `budget` rewards in all. `rewarded` moves only by
-- a guarded increment (rewarded < budget) in the transaction of the reward itself.
CREATE TABLE campaign (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    name            VARCHAR(100) NOT NULL,
    trigger_kind    VARCHAR(24)  NOT NULL,
    segment         VARCHAR(16)  NULL,
    level_code      VARCHAR(32)  NULL,
    template_id     BIGINT       NULL,
    points          BIGINT       NULL,
    budget          BIGINT       NOT NULL,
    rewarded        BIGINT       NOT NULL DEFAULT 0,
    starts_on       DATE         NOT NULL,
    ends_on         DATE         NOT NULL,
    enabled         BOOLEAN      NOT NULL,
    holdout_percent INT          NOT NULL DEFAULT 0,
    created_by      BIGINT       NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    updated_at      DATETIME(6)  NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX idx_campaign_trigger ON campaign (trigger_kind, enabled);

-- One row per campaign, member and period (the year for BIRTHDAY, 0 otherwise): what the campaign did for the
-- member. REWARDED (with the coupon and the points entry), HELD_OUT (chosen for the control group, nothing given)
-- or SKIPPED (the coupon was refused: stock, limit, template closed). The key keeps a member to one reward.
CREATE TABLE campaign_reward (
    campaign_id     BIGINT       NOT NULL,
    member_id       BIGINT       NOT NULL,
    reward_period   INT          NOT NULL,
    outcome         VARCHAR(16)  NOT NULL,
    detail          VARCHAR(200) NULL,
    coupon_id       BIGINT       NULL,
    points_entry_id BIGINT       NULL,
    triggered_at    DATETIME(6)  NOT NULL,
    PRIMARY KEY (campaign_id, member_id, reward_period)
);
CREATE INDEX idx_campaign_reward_outcome ON campaign_reward (campaign_id, outcome);

-- Grants: an operator gives a coupon, points or both to a list of members, a segment or a level. A job
-- works through the targets in member-id order; `cursor_member_id` is how far it got. Each member's outcome
-- is one row, unique per grant and member, written in the same transaction as the coupon and the points:
-- that row is what keeps a member to one grant however often the job runs or resumes.
CREATE TABLE campaign_grant (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    idempotency_key  VARCHAR(64)  NOT NULL,
    payload_hash     CHAR(64)     NOT NULL,
    template_id      BIGINT       NULL,
    points           BIGINT       NULL,
    reason           VARCHAR(200) NOT NULL,
    target_kind      VARCHAR(16)  NOT NULL,
    target_value     VARCHAR(32)  NULL,
    status           VARCHAR(16)  NOT NULL,
    targeted         BIGINT       NOT NULL DEFAULT 0,
    issued           BIGINT       NOT NULL DEFAULT 0,
    skipped          BIGINT       NOT NULL DEFAULT 0,
    failed           BIGINT       NOT NULL DEFAULT 0,
    cursor_member_id BIGINT       NOT NULL DEFAULT 0,
    run_errors       INT          NOT NULL DEFAULT 0,
    last_error       VARCHAR(500) NULL,
    created_by       BIGINT       NOT NULL,
    created_at       DATETIME(6)  NOT NULL,
    finished_at      DATETIME(6)  NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_campaign_grant_key UNIQUE (idempotency_key)
);
CREATE INDEX idx_campaign_grant_status ON campaign_grant (status, id);

-- The members a grant lists by id (a segment or a level is read from the members as the job goes).
CREATE TABLE campaign_grant_target (
    grant_id  BIGINT NOT NULL,
    member_id BIGINT NOT NULL,
    PRIMARY KEY (grant_id, member_id)
);

CREATE TABLE campaign_grant_member (
    grant_id        BIGINT       NOT NULL,
    member_id       BIGINT       NOT NULL,
    outcome         VARCHAR(16)  NOT NULL,
    detail          VARCHAR(200) NULL,
    coupon_id       BIGINT       NULL,
    points_entry_id BIGINT       NULL,
    created_at      DATETIME(6)  NOT NULL,
    PRIMARY KEY (grant_id, member_id)
);

-- The member module pages members of one level by id for grants, as it does by segment.
CREATE INDEX idx_member_level ON member (level_code, id);

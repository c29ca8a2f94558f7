-- Daily sign-in: one record per member and business-zone date; the state row serialises a member's sign-ins.
CREATE TABLE signin_record (
    id              BIGINT      NOT NULL AUTO_INCREMENT,
    member_id       BIGINT      NOT NULL,
    sign_date       DATE        NOT NULL,
    streak          INT         NOT NULL,
    points          BIGINT      NOT NULL,
    bonus_points    BIGINT      NOT NULL,
    makeup          BOOLEAN     NOT NULL DEFAULT FALSE,
    makeup_cost     BIGINT      NOT NULL DEFAULT 0,
    points_entry_id BIGINT      NULL,
    created_at      DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_signin_record_member_date UNIQUE (member_id, sign_date)
);
CREATE INDEX idx_signin_record_date ON signin_record (sign_date);

CREATE TABLE signin_state (
    member_id BIGINT NOT NULL,
    last_date DATE   NULL,
    streak    INT    NOT NULL DEFAULT 0,
    PRIMARY KEY (member_id)
);

CREATE TABLE signin_rule (
    id                   BIGINT        NOT NULL,
    base_points          BIGINT        NOT NULL,
    cycle_days           INT           NOT NULL,
    streak_bonuses       VARCHAR(4000) NOT NULL,
    makeup_enabled       BOOLEAN       NOT NULL,
    makeup_window_days   INT           NOT NULL,
    makeup_monthly_limit INT           NOT NULL,
    makeup_cost_points   BIGINT        NOT NULL,
    version              BIGINT        NOT NULL DEFAULT 0,
    updated_at           DATETIME(6)   NOT NULL,
    PRIMARY KEY (id)
);
INSERT INTO signin_rule (id, base_points, cycle_days, streak_bonuses, makeup_enabled, makeup_window_days,
                         makeup_monthly_limit, makeup_cost_points, version, updated_at)
VALUES (1, 5, 7, '[{"day":3,"points":10},{"day":7,"points":30}]', TRUE, 7, 2, 20, 0, CURRENT_TIMESTAMP(6));

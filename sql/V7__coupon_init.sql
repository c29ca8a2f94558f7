-- Coupons: templates operators configure, what each member has taken of each, and the coupons issued.
CREATE TABLE coupon_template (
    id                BIGINT       NOT NULL AUTO_INCREMENT,
    name              VARCHAR(64)  NOT NULL,
    type              VARCHAR(16)  NOT NULL,
    threshold_cents   BIGINT       NOT NULL DEFAULT 0,
    discount_cents    BIGINT       NOT NULL DEFAULT 0,
    discount_percent  INT          NOT NULL DEFAULT 0,
    max_discount_cents BIGINT      NOT NULL DEFAULT 0,
    points_price      BIGINT       NOT NULL,
    total_stock       BIGINT       NOT NULL,
    taken             BIGINT       NOT NULL DEFAULT 0,
    per_member_limit  INT          NOT NULL,
    valid_days        INT          NULL,
    valid_from        DATE         NULL,
    valid_to          DATE         NULL,
    store_ids         VARCHAR(1000) NULL,
    enabled           BOOLEAN      NOT NULL,
    version           BIGINT       NOT NULL DEFAULT 0,
    created_at        DATETIME(6)  NOT NULL,
    updated_at        DATETIME(6)  NOT NULL,
    PRIMARY KEY (id)
);

CREATE TABLE coupon_member_quota (
    template_id BIGINT NOT NULL,
    member_id   BIGINT NOT NULL,
    taken       INT    NOT NULL DEFAULT 0,
    PRIMARY KEY (template_id, member_id)
);

CREATE TABLE coupon (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    template_id    BIGINT       NOT NULL,
    member_id      BIGINT       NOT NULL,
    code           VARCHAR(32)  NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    redeem_key     VARCHAR(64)  NOT NULL,
    points_paid    BIGINT       NOT NULL,
    points_entry_id BIGINT      NULL,
    valid_from     DATETIME(6)  NOT NULL,
    valid_to       DATETIME(6)  NOT NULL,
    used_at        DATETIME(6)  NULL,
    store_id       BIGINT       NULL,
    staff_member_id BIGINT      NULL,
    revoked_at     DATETIME(6)  NULL,
    created_at     DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_coupon_code UNIQUE (code),
    CONSTRAINT uk_coupon_redeem_key UNIQUE (member_id, redeem_key)
);
CREATE INDEX idx_coupon_member_status ON coupon (member_id, status, valid_to);
CREATE INDEX idx_coupon_valid_to ON coupon (status, valid_to);

-- Checkouts at the counter: one order paid partly by a coupon and points, the rest in cash (a counter
-- purchase of the cash part). Unique per store and order number; refunds move refunded_cents and
-- points_returned forward, never past what was paid and used.
CREATE TABLE checkout_order (
    id                    BIGINT      NOT NULL AUTO_INCREMENT,
    store_id              BIGINT      NOT NULL,
    order_no              VARCHAR(64) NOT NULL,
    member_id             BIGINT      NOT NULL,
    staff_member_id       BIGINT      NOT NULL,
    amount_cents          BIGINT      NOT NULL,
    coupon_code           VARCHAR(128) NULL,
    coupon_id             BIGINT      NULL,
    coupon_discount_cents BIGINT      NOT NULL DEFAULT 0,
    points_requested      BIGINT      NOT NULL DEFAULT 0,
    points_used           BIGINT      NOT NULL DEFAULT 0,
    points_discount_cents BIGINT      NOT NULL DEFAULT 0,
    points_entry_id       BIGINT      NULL,
    payable_cents         BIGINT      NOT NULL DEFAULT 0,
    points_earned         BIGINT      NOT NULL DEFAULT 0,
    points_balance        BIGINT      NOT NULL DEFAULT 0,
    refunded_cents        BIGINT      NOT NULL DEFAULT 0,
    points_returned       BIGINT      NOT NULL DEFAULT 0,
    points_reversed       BIGINT      NOT NULL DEFAULT 0,
    status                VARCHAR(16) NOT NULL,
    created_at            DATETIME(6) NOT NULL,
    updated_at            DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_checkout_order UNIQUE (store_id, order_no)
);
CREATE INDEX idx_checkout_order_member ON checkout_order (member_id, created_at);

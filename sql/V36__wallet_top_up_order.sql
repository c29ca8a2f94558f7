-- Top-ups members pay with WeChat Pay in the Mini Program: one row per order (its number is WeChat Pay's
-- out_trade_no), CREATED until WeChat Pay says it was paid (PAID, credited to the wallet in the same
-- transaction) or it is closed unpaid (CLOSED). The bonus is the plan's at the time of the order.
CREATE TABLE wallet_top_up_order (
    id             BIGINT      NOT NULL AUTO_INCREMENT,
    order_no       VARCHAR(32) NOT NULL,
    member_id      BIGINT      NOT NULL,
    plan_id        BIGINT      NULL,
    amount_cents   BIGINT      NOT NULL,
    bonus_cents    BIGINT      NOT NULL,
    status         VARCHAR(16) NOT NULL,
    transaction_id VARCHAR(64) NULL,
    created_at     DATETIME(6) NOT NULL,
    paid_at        DATETIME(6) NULL,
    closed_at      DATETIME(6) NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_wallet_top_up_order_no UNIQUE (order_no)
);
CREATE INDEX idx_wallet_top_up_order_status ON wallet_top_up_order (status, created_at);
CREATE INDEX idx_wallet_top_up_order_member ON wallet_top_up_order (member_id, id);

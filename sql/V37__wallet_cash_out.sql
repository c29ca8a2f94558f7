-- Cash-out: a member's stored value leaves and the wallet closes (closed_at) until an operator reopens it.
-- The principal left goes back to the member's WeChat Pay top-ups, newest first, one refund per top-up
-- (wallet_refund, retried until WeChat Pay says SUCCESS), the rest as cash at a store's counter; the bonus
-- is forfeited.
ALTER TABLE wallet_account ADD COLUMN closed_at DATETIME(6) NULL;

CREATE TABLE wallet_cash_out (
    id                    BIGINT      NOT NULL AUTO_INCREMENT,
    member_id             BIGINT      NOT NULL,
    principal_cents       BIGINT      NOT NULL,
    bonus_forfeited_cents BIGINT      NOT NULL,
    refunded_cents        BIGINT      NOT NULL,
    cash_cents            BIGINT      NOT NULL,
    actor_type            VARCHAR(16) NOT NULL,
    actor_id              BIGINT      NOT NULL,
    created_at            DATETIME(6) NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX idx_wallet_cash_out_member ON wallet_cash_out (member_id, id);

CREATE TABLE wallet_refund (
    id                BIGINT       NOT NULL AUTO_INCREMENT,
    cash_out_id       BIGINT       NOT NULL,
    member_id         BIGINT       NOT NULL,
    refund_no         VARCHAR(32)  NOT NULL,
    order_no          VARCHAR(32)  NOT NULL,
    amount_cents      BIGINT       NOT NULL,
    order_total_cents BIGINT       NOT NULL,
    status            VARCHAR(16)  NOT NULL,
    attempts          INT          NOT NULL DEFAULT 0,
    last_error        VARCHAR(255) NULL,
    created_at        DATETIME(6)  NOT NULL,
    updated_at        DATETIME(6)  NOT NULL,
    refunded_at       DATETIME(6)  NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_wallet_refund_no UNIQUE (refund_no)
);
CREATE INDEX idx_wallet_refund_order ON wallet_refund (order_no);
CREATE INDEX idx_wallet_refund_status ON wallet_refund (status, updated_at);
CREATE INDEX idx_wallet_refund_cash_out ON wallet_refund (cash_out_id, id);

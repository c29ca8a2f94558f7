-- The counter: stores, the members bound to them as staff, and purchases that earn points.
CREATE TABLE counter_store (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    name       VARCHAR(64)  NOT NULL,
    address    VARCHAR(255) NULL,
    created_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (id)
);

CREATE TABLE counter_staff (
    member_id  BIGINT      NOT NULL,
    store_id   BIGINT      NOT NULL,
    created_at DATETIME(6) NOT NULL,
    PRIMARY KEY (member_id)
);
CREATE INDEX idx_counter_staff_store ON counter_staff (store_id);

CREATE TABLE counter_purchase (
    id               BIGINT      NOT NULL AUTO_INCREMENT,
    store_id         BIGINT      NOT NULL,
    order_no         VARCHAR(64) NOT NULL,
    member_id        BIGINT      NOT NULL,
    amount_cents     BIGINT      NOT NULL,
    points_awarded   BIGINT      NOT NULL,
    points_entry_id  BIGINT      NULL,
    refunded_cents   BIGINT      NOT NULL DEFAULT 0,
    points_reversed  BIGINT      NOT NULL DEFAULT 0,
    staff_member_id  BIGINT      NOT NULL,
    created_at       DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_counter_purchase_order UNIQUE (store_id, order_no)
);
CREATE INDEX idx_counter_purchase_member ON counter_purchase (member_id, created_at);

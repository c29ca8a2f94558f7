-- Points as part payment at the counter: how many points make a yuan when paying, and the most of an
-- order (after its coupon) that points may pay (0 switches points payment off).
ALTER TABLE points_rule ADD COLUMN points_per_yuan_redeem BIGINT NOT NULL DEFAULT 100;
ALTER TABLE points_rule ADD COLUMN max_points_percent INT NOT NULL DEFAULT 50;

-- A coupon used to pay part of a checkout names its order; a refunded checkout gives it back once.
ALTER TABLE coupon ADD COLUMN order_no VARCHAR(64) NULL;
ALTER TABLE coupon ADD COLUMN returned_at DATETIME(6) NULL;

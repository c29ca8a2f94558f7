-- How a counter purchase was paid: a wallet payment or a checkout is refunded through its own endpoint,
-- which gives back the money or the points and coupon too, never through the plain purchase refund.
ALTER TABLE counter_purchase ADD COLUMN paid_by VARCHAR(16) NOT NULL DEFAULT 'COUNTER';
UPDATE counter_purchase SET paid_by = 'WALLET'
 WHERE EXISTS (SELECT 1 FROM wallet_entry w
                WHERE w.type = 'PAY' AND w.store_id = counter_purchase.store_id AND w.order_no = counter_purchase.order_no);
UPDATE counter_purchase SET paid_by = 'CHECKOUT'
 WHERE EXISTS (SELECT 1 FROM checkout_order c
                WHERE c.store_id = counter_purchase.store_id AND c.order_no = counter_purchase.order_no);

-- Operators have a role (and a store manager a store); accounts that existed before roles were owners.
-- A password reset refuses the tokens issued before it. The audit log keeps the role an operator acted in.
ALTER TABLE admin_account ADD COLUMN role VARCHAR(16) NOT NULL DEFAULT 'OWNER';
ALTER TABLE admin_account ADD COLUMN store_id BIGINT NULL;
ALTER TABLE admin_account ADD COLUMN password_changed_at DATETIME(6) NULL;
ALTER TABLE audit_log ADD COLUMN actor_role VARCHAR(16) NULL;

-- A store's activity, listed for its manager by time.
CREATE INDEX idx_counter_purchase_store_created ON counter_purchase (store_id, created_at);
CREATE INDEX idx_wallet_entry_store_created ON wallet_entry (store_id, created_at);
CREATE INDEX idx_coupon_store_used ON coupon (store_id, used_at);

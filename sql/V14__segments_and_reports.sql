-- Segments: the member's segment and the last day they signed in, bought or joined, written by the
-- member-segments job.
ALTER TABLE member ADD COLUMN segment VARCHAR(16) NULL;
ALTER TABLE member ADD COLUMN last_active_on DATE NULL;
CREATE INDEX idx_member_segment ON member (segment, id);
CREATE INDEX idx_member_created ON member (created_at);

-- Reports sum ledgers over a window of created_at: these indexes cover those sums, so a 30-day window
-- reads only its own rows, from the index alone, however long the history is.
CREATE INDEX idx_points_entry_report ON points_entry (created_at, type, source, delta);
CREATE INDEX idx_wallet_entry_report ON wallet_entry (created_at, type, delta_cents, principal_delta_cents, bonus_delta_cents);
CREATE INDEX idx_coupon_created ON coupon (created_at);
CREATE INDEX idx_coupon_used ON coupon (used_at);
CREATE INDEX idx_signin_record_report ON signin_record (sign_date, makeup, member_id);
CREATE INDEX idx_signin_record_created ON signin_record (created_at, member_id);
CREATE INDEX idx_counter_purchase_created ON counter_purchase (created_at, member_id, amount_cents, refunded_cents);
CREATE INDEX idx_rebate_credited ON rebate (credited_at, status, rebate_cents);

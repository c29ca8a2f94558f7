-- Retention deletes notifications older than loyalty.retention.notifications a batch at a time, oldest first:
-- this index finds them without reading the rest (audit_log has idx_audit_log_created_at since V3).
CREATE INDEX idx_notification_created ON notification (created_at, id);

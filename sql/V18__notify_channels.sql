-- A follower linked to a member by member id: by unionid (Open Platform) or by a bind QR code the member
-- scanned. Followers linked by unionid before are linked now.
ALTER TABLE notify_follower ADD COLUMN member_id BIGINT NULL;
CREATE INDEX idx_notify_follower_member ON notify_follower (member_id);
UPDATE notify_follower SET member_id = (SELECT m.id FROM member m WHERE m.unionid = notify_follower.unionid)
 WHERE unionid IS NOT NULL;

-- What a message says, slot by slot, whatever the template's data keys are; and the channel it went by.
ALTER TABLE notification ADD COLUMN subject VARCHAR(64) NULL;
ALTER TABLE notification ADD COLUMN detail VARCHAR(32) NULL;
ALTER TABLE notification ADD COLUMN delta BIGINT NULL;
ALTER TABLE notification ADD COLUMN balance BIGINT NULL;
ALTER TABLE notification ADD COLUMN channel VARCHAR(16) NULL;

-- One-time scenes of the temporary QR codes that link a follower to the member who showed them.
CREATE TABLE notify_bind_scene (
    scene      VARCHAR(64) NOT NULL,
    member_id  BIGINT      NOT NULL,
    expires_at DATETIME(6) NOT NULL,
    used_at    DATETIME(6) NULL,
    PRIMARY KEY (scene)
);

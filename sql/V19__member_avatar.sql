-- Avatars members upload from the Mini Program (chooseAvatar), kept in the database so that every app
-- instance serves the same file at /media/avatars/{id}.{ext}. A member keeps only their latest upload.
CREATE TABLE member_avatar (
    id           VARCHAR(32)  NOT NULL,
    member_id    BIGINT       NOT NULL,
    content_type VARCHAR(32)  NOT NULL,
    size_bytes   INT          NOT NULL,
    content      MEDIUMBLOB   NOT NULL,
    created_at   DATETIME(6)  NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX idx_member_avatar_member ON member_avatar (member_id);

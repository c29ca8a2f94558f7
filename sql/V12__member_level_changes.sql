-- Every level a member reached, with the growth that took them there.
CREATE TABLE member_level_change (
    id         BIGINT      NOT NULL AUTO_INCREMENT,
    member_id  BIGINT      NOT NULL,
    from_code  VARCHAR(32) NOT NULL,
    to_code    VARCHAR(32) NOT NULL,
    growth     BIGINT      NOT NULL,
    created_at DATETIME(6) NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX idx_member_level_change_member ON member_level_change (member_id, id);

-- Members of the Mini Program and their levels.
CREATE TABLE member_level (
    id                        BIGINT       NOT NULL AUTO_INCREMENT,
    code                      VARCHAR(32)  NOT NULL,
    name                      VARCHAR(64)  NOT NULL,
    min_growth                BIGINT       NOT NULL DEFAULT 0,
    points_multiplier_percent INT          NOT NULL DEFAULT 100,
    created_at                DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_member_level_code UNIQUE (code)
);

INSERT INTO member_level (code, name, min_growth, points_multiplier_percent, created_at)
VALUES ('BASE', '普通会员', 0, 100, CURRENT_TIMESTAMP(6));

CREATE TABLE member (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    openid       VARCHAR(64)  NOT NULL,
    unionid      VARCHAR(64)  NULL,
    nickname     VARCHAR(64)  NULL,
    avatar_url   VARCHAR(512) NULL,
    birthday     DATE         NULL,
    phone_cipher VARCHAR(128) NULL,
    phone_masked VARCHAR(20)  NULL,
    level_code   VARCHAR(32)  NOT NULL DEFAULT 'BASE',
    growth       BIGINT       NOT NULL DEFAULT 0,
    created_at   DATETIME(6)  NOT NULL,
    updated_at   DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_member_openid UNIQUE (openid)
);
CREATE INDEX idx_member_unionid ON member (unionid);

-- Where the follower import stands: the next_openid to ask WeChat's follower list for once the pages
-- before it are saved. NULL: the last run finished (or none ran), so the next one starts from the top.
CREATE TABLE notify_follower_import (
    name        VARCHAR(64) NOT NULL,
    next_openid VARCHAR(64) NULL,
    updated_at  DATETIME(6) NOT NULL,
    PRIMARY KEY (name)
);
INSERT INTO notify_follower_import (name, next_openid, updated_at) VALUES ('follower-import', NULL, CURRENT_TIMESTAMP(6));

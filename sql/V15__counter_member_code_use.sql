-- A member code is spent by the first value movement it pays for (purchase, top-up, wallet payment).
-- The primary key makes the spend exactly once across app instances; rows older than a code's
-- lifetime are only kept until the nightly purge.
CREATE TABLE counter_member_code_use (
    code       CHAR(18)     NOT NULL,
    member_id  BIGINT       NOT NULL,
    used_for   VARCHAR(100) NOT NULL,
    used_at    DATETIME(6)  NOT NULL,
    PRIMARY KEY (code)
);
CREATE INDEX idx_counter_member_code_use_at ON counter_member_code_use (used_at);

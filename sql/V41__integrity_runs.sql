-- The nightly integrity check: one row per completed run (what it checked, how much drift it found), and the
-- first drift rows it found (at most 1,000 per run; drift_count counts them all). Every instance reads the
-- last run from here, so the console, the endpoint and the gauge agree across instances and restarts.
CREATE TABLE integrity_run (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    started_at   DATETIME(6)   NOT NULL,
    checked_at   DATETIME(6)   NOT NULL,
    accounts     BIGINT        NOT NULL,
    checked_json VARCHAR(1000) NOT NULL,
    drift_count  BIGINT        NOT NULL,
    PRIMARY KEY (id)
);

CREATE TABLE integrity_drift (
    id       BIGINT       NOT NULL AUTO_INCREMENT,
    run_id   BIGINT       NOT NULL,
    kind     VARCHAR(32)  NOT NULL,
    ref_id   BIGINT       NOT NULL,
    expected BIGINT       NOT NULL,
    actual   BIGINT       NOT NULL,
    what     VARCHAR(500) NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX idx_integrity_drift_run ON integrity_drift (run_id, id);

-- The check counts each template's coupons not revoked, a batch of templates at a time: from this index alone.
CREATE INDEX idx_coupon_template_status ON coupon (template_id, status);

-- One row per scheduled job: the instance running it holds the lease until it finishes, or until the
-- lease runs out should that instance die mid-run. Kept in the database so that a job never runs twice
-- at once, whether or not Redis is reachable.
CREATE TABLE job_lease (
    name        VARCHAR(64) NOT NULL,
    holder      VARCHAR(64) NULL,
    lease_until DATETIME(6) NOT NULL,
    PRIMARY KEY (name)
);

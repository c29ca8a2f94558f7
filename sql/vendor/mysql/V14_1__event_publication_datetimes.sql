-- TIMESTAMP ends on 2038-01-19: DATETIME, like every other table, so events published later can be recorded.
ALTER TABLE EVENT_PUBLICATION
    MODIFY publication_date       DATETIME(6) NOT NULL,
    MODIFY completion_date        DATETIME(6) NULL DEFAULT NULL,
    MODIFY last_resubmission_date DATETIME(6) NULL DEFAULT NULL;

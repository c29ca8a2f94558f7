-- Spring Modulith's event publication registry (the outbox), in MySQL/MariaDB's dialect.
-- Upper case on purpose: Modulith queries EVENT_PUBLICATION, and table names are case-sensitive on Linux.
CREATE TABLE EVENT_PUBLICATION (
    id                     VARCHAR(36)   NOT NULL,
    listener_id            VARCHAR(512)  NOT NULL,
    event_type             VARCHAR(512)  NOT NULL,
    serialized_event       VARCHAR(4000) NOT NULL,
    publication_date       TIMESTAMP(6)  NOT NULL,
    completion_date        TIMESTAMP(6)  NULL DEFAULT NULL,
    status                 VARCHAR(20)   NULL,
    completion_attempts    INT           NULL,
    last_resubmission_date TIMESTAMP(6)  NULL DEFAULT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX idx_event_publication_completion ON EVENT_PUBLICATION (completion_date);

-- Spring Modulith's event publication registry (the outbox), in MySQL/MariaDB's dialect.
CREATE TABLE event_publication (
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
CREATE INDEX idx_event_publication_completion ON event_publication (completion_date);

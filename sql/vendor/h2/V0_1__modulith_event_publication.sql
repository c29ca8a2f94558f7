-- Spring Modulith's event publication registry (the outbox), in H2's dialect: H2 keeps ids as UUID.
CREATE TABLE event_publication (
    id                     UUID          NOT NULL,
    listener_id            VARCHAR(512)  NOT NULL,
    event_type             VARCHAR(512)  NOT NULL,
    serialized_event       VARCHAR(4000) NOT NULL,
    publication_date       TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    completion_date        TIMESTAMP(9) WITH TIME ZONE NULL,
    status                 VARCHAR(20)   NULL,
    completion_attempts    INT           NULL,
    last_resubmission_date TIMESTAMP(9) WITH TIME ZONE NULL,
    PRIMARY KEY (id)
);
CREATE INDEX idx_event_publication_completion ON event_publication (completion_date);

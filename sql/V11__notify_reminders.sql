-- Sign-in reminders: one-time subscribe-message grants a member accepted, and the reminders sent (one a day).
CREATE TABLE notify_subscription (
    member_id   BIGINT      NOT NULL,
    template_id VARCHAR(64) NOT NULL,
    grants      INT         NOT NULL DEFAULT 0,
    updated_at  DATETIME(6) NOT NULL,
    PRIMARY KEY (member_id, template_id)
);

CREATE TABLE notify_reminder_sent (
    member_id   BIGINT      NOT NULL,
    remind_date DATE        NOT NULL,
    status      VARCHAR(16) NOT NULL,
    created_at  DATETIME(6) NOT NULL,
    PRIMARY KEY (member_id, remind_date)
);

-- Session UUIDs as dense numbers, per dataset, so that a day's sessions fit a compressed bitmap.
CREATE TABLE session_dictionary (
    dataset      VARCHAR(63) NOT NULL,
    session_uuid TEXT        NOT NULL,
    id           BIGINT      GENERATED ALWAYS AS IDENTITY,
    CONSTRAINT session_dictionary_pk PRIMARY KEY (dataset, session_uuid)
);

-- Gold, day grain: the distinct ids of a day as serialized Roaring64NavigableMap bitmaps (users by user_id,
-- sessions by session_dictionary.id), replaced with the day's daily_kpi row. A range ORs its days' bitmaps.
CREATE TABLE daily_id_sets (
    dataset               VARCHAR(63) NOT NULL,
    event_date            DATE        NOT NULL,
    users                 BYTEA       NOT NULL,
    buyers                BYTEA       NOT NULL,
    sessions              BYTEA       NOT NULL,
    viewing_sessions      BYTEA       NOT NULL,
    carting_sessions      BYTEA       NOT NULL,
    purchasing_sessions   BYTEA       NOT NULL,
    -- additive over days: events that have a session
    session_events        BIGINT      NOT NULL CHECK (session_events >= 0),
    -- per-day session timing: sum over the day's sessions of (last - first event time that day), and of those
    -- with one event that day; exact for a range once its multi-day sessions are corrected (daily_session_facts)
    session_duration_us   BIGINT      NOT NULL CHECK (session_duration_us >= 0),
    bounced_sessions      BIGINT      NOT NULL CHECK (bounced_sessions >= 0),
    CONSTRAINT daily_id_sets_pk PRIMARY KEY (dataset, event_date)
);

-- Gold, day grain: what each session did on the day (first and last event time in epoch microseconds, events),
-- read back only for the sessions of a range that have events on two or more of its days, to make their
-- duration and bounce exact over the range.
CREATE TABLE daily_session_facts (
    dataset    VARCHAR(63) NOT NULL,
    session_id BIGINT      NOT NULL,
    event_date DATE        NOT NULL,
    first_us   BIGINT      NOT NULL,
    last_us    BIGINT      NOT NULL CHECK (last_us >= first_us),
    events     BIGINT      NOT NULL CHECK (events > 0),
    CONSTRAINT daily_session_facts_pk PRIMARY KEY (dataset, session_id, event_date)
);
CREATE INDEX daily_session_facts_day ON daily_session_facts (dataset, event_date);

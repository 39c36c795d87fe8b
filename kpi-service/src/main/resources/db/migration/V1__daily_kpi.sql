-- Gold, day grain: exact figures of one dataset on one UTC day, replaced whole by each rebuild of the day.
-- The primary key (dataset, event_date) is the B-tree that serves "dataset = ? AND event_date in [from, to)".
CREATE TABLE daily_kpi (
    dataset    VARCHAR(63)    NOT NULL,
    event_date DATE           NOT NULL,
    events     BIGINT         NOT NULL CHECK (events > 0),
    views      BIGINT         NOT NULL CHECK (views >= 0),
    carts      BIGINT         NOT NULL CHECK (carts >= 0),
    removes    BIGINT         NOT NULL CHECK (removes >= 0),
    purchases  BIGINT         NOT NULL CHECK (purchases >= 0),
    -- sum of price over purchases, exact
    revenue    NUMERIC(18, 2) NOT NULL,
    -- distinct user_id and distinct non-null user_session of the day: exact, but not additive over days
    users      BIGINT         NOT NULL CHECK (users >= 0),
    sessions   BIGINT         NOT NULL CHECK (sessions >= 0),
    CONSTRAINT daily_kpi_pk PRIMARY KEY (dataset, event_date)
);

-- Gold, version 3: every ratio's additive numerator and denominator beside each day, the month and whole-dataset
-- grains kept exact, and the breakdowns by main_category, brand and hour of day.
--
-- The measure columns have the same names and meaning in every table:
--   events, views, carts, removes, purchases   counts by event_type
--   revenue                                    sum of price over purchases, exact
--   users, sessions, buyers                    distinct user_id; distinct non-null user_session; distinct users with a purchase
--   viewing_sessions, carting_sessions,
--   purchasing_sessions                        distinct sessions with a view / a cart / a purchase
--   cart_purchase_sessions                     distinct sessions with both a cart and a purchase (cart abandonment)
--   funnel_cart_sessions                       distinct sessions with a view and a cart (funnel step 2)
--   funnel_purchase_sessions                   distinct sessions with a view, a cart and a purchase (funnel step 3)
--   session_events                             events that have a session
--   session_duration_us                        sum over sessions of (last - first event_time within the period)
--   bounced_sessions                           sessions with exactly one event within the period
-- Counts, revenue and session_events add up over rows; distinct counts and session timing are exact for the
-- row's own period only (a session that crosses midnight is one session of the month, two of the days).

-- Day grain: the new measures, NULL on a day built before version 3 until that day is rebuilt.
ALTER TABLE daily_kpi
    ADD COLUMN buyers                   BIGINT CHECK (buyers >= 0),
    ADD COLUMN viewing_sessions         BIGINT CHECK (viewing_sessions >= 0),
    ADD COLUMN carting_sessions         BIGINT CHECK (carting_sessions >= 0),
    ADD COLUMN purchasing_sessions      BIGINT CHECK (purchasing_sessions >= 0),
    ADD COLUMN cart_purchase_sessions   BIGINT CHECK (cart_purchase_sessions >= 0),
    ADD COLUMN funnel_cart_sessions     BIGINT CHECK (funnel_cart_sessions >= 0),
    ADD COLUMN funnel_purchase_sessions BIGINT CHECK (funnel_purchase_sessions >= 0),
    ADD COLUMN session_events           BIGINT CHECK (session_events >= 0),
    ADD COLUMN session_duration_us      BIGINT CHECK (session_duration_us >= 0),
    ADD COLUMN bounced_sessions         BIGINT CHECK (bounced_sessions >= 0),
    -- when this row was last recomputed from silver
    ADD COLUMN built_at                 TIMESTAMPTZ;

-- Month grain: exact figures of each calendar month that has gold, recomputed when one of its days changes.
CREATE TABLE monthly_kpi (
    dataset                  VARCHAR(63)    NOT NULL,
    -- the first day of the month
    month                    DATE           NOT NULL CHECK (extract(day FROM month) = 1),
    days                     INTEGER        NOT NULL CHECK (days > 0),
    events                   BIGINT         NOT NULL CHECK (events > 0),
    views                    BIGINT         NOT NULL CHECK (views >= 0),
    carts                    BIGINT         NOT NULL CHECK (carts >= 0),
    removes                  BIGINT         NOT NULL CHECK (removes >= 0),
    purchases                BIGINT         NOT NULL CHECK (purchases >= 0),
    revenue                  NUMERIC(18, 2) NOT NULL,
    users                    BIGINT         NOT NULL CHECK (users >= 0),
    sessions                 BIGINT         NOT NULL CHECK (sessions >= 0),
    buyers                   BIGINT         NOT NULL CHECK (buyers >= 0),
    viewing_sessions         BIGINT         NOT NULL CHECK (viewing_sessions >= 0),
    carting_sessions         BIGINT         NOT NULL CHECK (carting_sessions >= 0),
    purchasing_sessions      BIGINT         NOT NULL CHECK (purchasing_sessions >= 0),
    cart_purchase_sessions   BIGINT         NOT NULL CHECK (cart_purchase_sessions >= 0),
    funnel_cart_sessions     BIGINT         NOT NULL CHECK (funnel_cart_sessions >= 0),
    funnel_purchase_sessions BIGINT         NOT NULL CHECK (funnel_purchase_sessions >= 0),
    session_events           BIGINT         NOT NULL CHECK (session_events >= 0),
    session_duration_us      BIGINT         NOT NULL CHECK (session_duration_us >= 0),
    bounced_sessions         BIGINT         NOT NULL CHECK (bounced_sessions >= 0),
    built_at                 TIMESTAMPTZ    NOT NULL,
    CONSTRAINT monthly_kpi_pk PRIMARY KEY (dataset, month)
);

-- Whole-dataset grain: exact figures over every loaded day of the dataset, recomputed when any day changes.
CREATE TABLE dataset_kpi (
    dataset                  VARCHAR(63)    NOT NULL,
    first_date               DATE           NOT NULL,
    last_date                DATE           NOT NULL CHECK (last_date >= first_date),
    days                     INTEGER        NOT NULL CHECK (days > 0),
    events                   BIGINT         NOT NULL CHECK (events > 0),
    views                    BIGINT         NOT NULL CHECK (views >= 0),
    carts                    BIGINT         NOT NULL CHECK (carts >= 0),
    removes                  BIGINT         NOT NULL CHECK (removes >= 0),
    purchases                BIGINT         NOT NULL CHECK (purchases >= 0),
    revenue                  NUMERIC(18, 2) NOT NULL,
    users                    BIGINT         NOT NULL CHECK (users >= 0),
    sessions                 BIGINT         NOT NULL CHECK (sessions >= 0),
    buyers                   BIGINT         NOT NULL CHECK (buyers >= 0),
    viewing_sessions         BIGINT         NOT NULL CHECK (viewing_sessions >= 0),
    carting_sessions         BIGINT         NOT NULL CHECK (carting_sessions >= 0),
    purchasing_sessions      BIGINT         NOT NULL CHECK (purchasing_sessions >= 0),
    cart_purchase_sessions   BIGINT         NOT NULL CHECK (cart_purchase_sessions >= 0),
    funnel_cart_sessions     BIGINT         NOT NULL CHECK (funnel_cart_sessions >= 0),
    funnel_purchase_sessions BIGINT         NOT NULL CHECK (funnel_purchase_sessions >= 0),
    session_events           BIGINT         NOT NULL CHECK (session_events >= 0),
    session_duration_us      BIGINT         NOT NULL CHECK (session_duration_us >= 0),
    bounced_sessions         BIGINT         NOT NULL CHECK (bounced_sessions >= 0),
    built_at                 TIMESTAMPTZ    NOT NULL,
    CONSTRAINT dataset_kpi_pk PRIMARY KEY (dataset)
);

-- Breakdowns, day grain: one row per (day, member) of a dimension, replaced with the day. A member is the
-- silver value as cleaned ('unknown' where silver says so). Distinct counts are those of the member on the day.
CREATE TABLE daily_category_kpi (
    dataset             VARCHAR(63)    NOT NULL,
    event_date          DATE           NOT NULL,
    main_category       TEXT           NOT NULL,
    events              BIGINT         NOT NULL CHECK (events > 0),
    views               BIGINT         NOT NULL CHECK (views >= 0),
    carts               BIGINT         NOT NULL CHECK (carts >= 0),
    removes             BIGINT         NOT NULL CHECK (removes >= 0),
    purchases           BIGINT         NOT NULL CHECK (purchases >= 0),
    revenue             NUMERIC(18, 2) NOT NULL,
    users               BIGINT         NOT NULL CHECK (users >= 0),
    sessions            BIGINT         NOT NULL CHECK (sessions >= 0),
    buyers              BIGINT         NOT NULL CHECK (buyers >= 0),
    carting_sessions    BIGINT         NOT NULL CHECK (carting_sessions >= 0),
    purchasing_sessions BIGINT         NOT NULL CHECK (purchasing_sessions >= 0),
    CONSTRAINT daily_category_kpi_pk PRIMARY KEY (dataset, event_date, main_category)
);

CREATE TABLE daily_brand_kpi (
    dataset             VARCHAR(63)    NOT NULL,
    event_date          DATE           NOT NULL,
    brand               TEXT           NOT NULL,
    events              BIGINT         NOT NULL CHECK (events > 0),
    views               BIGINT         NOT NULL CHECK (views >= 0),
    carts               BIGINT         NOT NULL CHECK (carts >= 0),
    removes             BIGINT         NOT NULL CHECK (removes >= 0),
    purchases           BIGINT         NOT NULL CHECK (purchases >= 0),
    revenue             NUMERIC(18, 2) NOT NULL,
    users               BIGINT         NOT NULL CHECK (users >= 0),
    sessions            BIGINT         NOT NULL CHECK (sessions >= 0),
    buyers              BIGINT         NOT NULL CHECK (buyers >= 0),
    carting_sessions    BIGINT         NOT NULL CHECK (carting_sessions >= 0),
    purchasing_sessions BIGINT         NOT NULL CHECK (purchasing_sessions >= 0),
    CONSTRAINT daily_brand_kpi_pk PRIMARY KEY (dataset, event_date, brand)
);
-- "top N brands over a range" sums revenue or events by brand over the range's days
CREATE INDEX daily_brand_kpi_brand ON daily_brand_kpi (dataset, brand, event_date);

CREATE TABLE hourly_kpi (
    dataset             VARCHAR(63)    NOT NULL,
    event_date          DATE           NOT NULL,
    -- UTC hour of day, 0..23
    event_hour          SMALLINT       NOT NULL CHECK (event_hour BETWEEN 0 AND 23),
    events              BIGINT         NOT NULL CHECK (events > 0),
    views               BIGINT         NOT NULL CHECK (views >= 0),
    carts               BIGINT         NOT NULL CHECK (carts >= 0),
    removes             BIGINT         NOT NULL CHECK (removes >= 0),
    purchases           BIGINT         NOT NULL CHECK (purchases >= 0),
    revenue             NUMERIC(18, 2) NOT NULL,
    users               BIGINT         NOT NULL CHECK (users >= 0),
    sessions            BIGINT         NOT NULL CHECK (sessions >= 0),
    buyers              BIGINT         NOT NULL CHECK (buyers >= 0),
    carting_sessions    BIGINT         NOT NULL CHECK (carting_sessions >= 0),
    purchasing_sessions BIGINT         NOT NULL CHECK (purchasing_sessions >= 0),
    CONSTRAINT hourly_kpi_pk PRIMARY KEY (dataset, event_date, event_hour)
);

-- Breakdowns, exact over any range: the distinct ids of each (day, dimension, member) as serialized
-- Roaring64NavigableMap bitmaps (users by user_id, sessions by session_dictionary.id), replaced with the day.
-- A range's distinct count for a member ORs the member's bitmaps over the range's days.
CREATE TABLE breakdown_id_sets (
    dataset             VARCHAR(63) NOT NULL,
    event_date          DATE        NOT NULL,
    -- 'main_category', 'brand' or 'hour'
    dimension           VARCHAR(16) NOT NULL CHECK (dimension IN ('main_category', 'brand', 'hour')),
    member              TEXT        NOT NULL,
    users               BYTEA       NOT NULL,
    sessions            BYTEA       NOT NULL,
    buyers              BYTEA       NOT NULL,
    carting_sessions    BYTEA       NOT NULL,
    purchasing_sessions BYTEA       NOT NULL,
    CONSTRAINT breakdown_id_sets_pk PRIMARY KEY (dataset, dimension, member, event_date)
);
CREATE INDEX breakdown_id_sets_day ON breakdown_id_sets (dataset, event_date);

-- The session funnel per day as rows (step 1 view, 2 cart, 3 purchase), for Power BI's funnel visual.
CREATE VIEW daily_funnel AS
SELECT d.dataset, d.event_date, s.step, s.step_name, s.sessions, s.events
FROM daily_kpi d
CROSS JOIN LATERAL (VALUES
    (1::SMALLINT, 'view'::TEXT, d.viewing_sessions, d.views),
    (2::SMALLINT, 'cart'::TEXT, d.funnel_cart_sessions, d.carts),
    (3::SMALLINT, 'purchase'::TEXT, d.funnel_purchase_sessions, d.purchases)
) AS s (step, step_name, sessions, events)
WHERE d.viewing_sessions IS NOT NULL;

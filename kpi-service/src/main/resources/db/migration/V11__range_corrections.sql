-- Gold, any range of days: the corrections that make the non-additive measures of a range exact from its days'
-- own rows (dev.clicklake.kpi.gold.RangeCorrections). For a range [s, e] of days, each measure below is
--   sum over its days of daily_kpi.<measure>  +  sum over the rows here with s <= first_date AND last_date <= e.
-- A row pairs two days of the dataset that share ids: users or sessions seen on both (a user seen on days 3 and
-- 7 and not between adds users = -1 at (3, 7)), or a session's figures over its days. Values are mostly
-- negative (an id counted by two days is one id), session_duration_us is positive (the gap a session spans
-- between its days). At most days x (days - 1) / 2 rows per dataset, replaced with the grains, in the same
-- transaction as the days they were built from.
CREATE TABLE range_corrections (
    dataset                  VARCHAR(63) NOT NULL,
    first_date               DATE        NOT NULL,
    last_date                DATE        NOT NULL CHECK (last_date > first_date),
    users                    BIGINT      NOT NULL,
    buyers                   BIGINT      NOT NULL,
    sessions                 BIGINT      NOT NULL,
    viewing_sessions         BIGINT      NOT NULL,
    carting_sessions         BIGINT      NOT NULL,
    purchasing_sessions      BIGINT      NOT NULL,
    cart_purchase_sessions   BIGINT      NOT NULL,
    funnel_cart_sessions     BIGINT      NOT NULL,
    funnel_purchase_sessions BIGINT      NOT NULL,
    session_duration_us      BIGINT      NOT NULL,
    bounced_sessions         BIGINT      NOT NULL,
    CONSTRAINT range_corrections_pk PRIMARY KEY (dataset, first_date, last_date)
);

-- The datasets whose corrections are built (a dataset with gold from before this version has none until its
-- grains are recomputed: the start-up backfill does it, and ranges answer 503 until then).
CREATE TABLE range_corrections_built (
    dataset  VARCHAR(63) NOT NULL PRIMARY KEY,
    days     INTEGER     NOT NULL CHECK (days >= 0),
    pairs    INTEGER     NOT NULL CHECK (pairs >= 0),
    built_at TIMESTAMPTZ NOT NULL
);

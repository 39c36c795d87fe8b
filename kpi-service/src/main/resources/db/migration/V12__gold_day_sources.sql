-- What each gold day was last built from: a fingerprint of the silver files of its partition (paths, sizes, last
-- modified times, and the version of the build), written in the same transaction as the day. A silver-ready whose
-- days all have the fingerprint their silver has now changes nothing and rebuilds nothing: when gold runs behind
-- silver, the first message of a day builds it from every split already there, and the later ones are free.
CREATE TABLE gold_day_sources (
    dataset     VARCHAR(63) NOT NULL,
    event_date  DATE        NOT NULL,
    fingerprint CHAR(64)    NOT NULL,
    files       INTEGER     NOT NULL CHECK (files >= 0),
    built_at    TIMESTAMPTZ NOT NULL,
    CONSTRAINT gold_day_sources_pk PRIMARY KEY (dataset, event_date)
);

-- The datasets whose gold changed since their last Parquet snapshot: marked in the transaction that changes gold,
-- cleared in the one that writes the snapshot (both under the dataset's grain lock), so a crash between the two
-- leaves the mark, and the redelivered message writes the snapshot even though its days are current.
CREATE TABLE gold_snapshot_due (
    dataset VARCHAR(63) NOT NULL PRIMARY KEY,
    since   TIMESTAMPTZ NOT NULL
);

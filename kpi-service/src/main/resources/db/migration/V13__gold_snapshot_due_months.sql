-- The months of a dataset whose gold changed since its last Parquet snapshot, marked with gold_snapshot_due: the next
-- snapshot rewrites the files of these months only and names the other months' files of the previous snapshot again.
CREATE TABLE gold_snapshot_due_months (
    dataset VARCHAR(63) NOT NULL,
    month   DATE        NOT NULL,
    CONSTRAINT gold_snapshot_due_months_pk PRIMARY KEY (dataset, month)
);

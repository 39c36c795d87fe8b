-- Versions of the gold Parquet snapshots in the lake (gold/<dataset>/manifests/v<version>.json): drawn while
-- the dataset's grain lock is held, so a later version always holds gold at least as new as an earlier one.
CREATE SEQUENCE gold_snapshot_version;

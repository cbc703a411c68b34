-- Speed for the monitor's sums (bench/README.md, equity monitor).
--
-- lighed_kommune() only reads a setting, which PostgreSQL copies into parallel workers, so it is
-- parallel safe. Marked as such, queries under row-level security (the monitor's GROUP BY over
-- respondent rows) may use parallel workers; unmarked, every such plan ran in one process.
alter function lighed_kommune() parallel safe;

-- Respondent and sum rows are written only with their dataset, in the same transaction, and
-- deleted with it by deleteDataset (src/monitor/microdata/import.store.ts). The foreign keys
-- cost one lookup per row: about a million on a large import and 400,000 on every recompute.
alter table monitor_respondent drop constraint monitor_respondent_dataset_id_fkey;
alter table monitor_aggregate drop constraint monitor_aggregate_dataset_id_fkey;

-- Monitor imports that never hold up the server (src/monitor/microdata/import.service.ts).
--
-- A survey import writes its rows and sums in many short transactions, so embedded PGlite (one
-- connection, one transaction at a time) can answer other requests between them. Until the
-- last one the dataset is not `ready`: no page, list or download sees it, and a failed or
-- interrupted import is deleted. Existing datasets were written whole, so they are ready.
alter table monitor_dataset add column ready boolean not null default true;

-- A running job beats while it works; at server start a job whose beat has stopped (the process
-- running it was killed) is marked failed and its unfinished dataset removed. `failure` says why
-- a job failed: the file's problems, an interruption, or an internal error.
alter table monitor_import_job add column heartbeat_at timestamptz not null default now();
alter table monitor_import_job add column failure text
  check (failure in ('invalid', 'interrupted', 'internal'));

-- The finder reads published offers, which are public. Through row-level security its text,
-- array and distance conditions could not use their indexes (those operators are not
-- LEAKPROOF, so PostgreSQL evaluates them after the policy, on every row): a national search
-- scanned all offers. This view, owned by the owner, reads published offers without the
-- tenant policy and lets the planner use the indexes. Requests still run as lighed_app, which
-- row-level security binds for every table; only the owner (migrations) skips it, hence
-- NO FORCE on the public catalog tables. Personal-data tables keep FORCE.
-- See docs/decisions/0004-public-catalog-view.md.

alter table offer no force row level security;
alter table organization no force row level security;
alter table location no force row level security;
alter table offer_location no force row level security;
alter table schedule no force row level security;

create view published_offer as
  select * from offer where status = 'published';

grant select on published_offer to lighed_app;

-- Reach (issue 12, docs/decisions/0025-reach-answers.md): the short, voluntary, anonymous
-- questions asked at sign-up, at a referral's enrolment and in the health conversation
-- (education, labour-market status, where one was born: the monitor's categories), stored
-- apart from the person. Only counts are kept: one row per municipality x offer x context x
-- month x combination of answers, counted up in the transaction that saves the sign-up,
-- enrolment or conversation. No person, sign-up, referral or conversation id, no timestamp and
-- no row order (no identity column; a count has no insertion order) to link a row back.

create table reach_answer_count (
  kommune       text not null references tenant,
  -- No foreign key: a retired offer's answers still count, and nothing joins back through it.
  offer_id      uuid,
  context       text not null check (context in ('signup', 'referral', 'conversation')),
  -- The first day of the month the answers were given (a coarse date only).
  month         date not null check (extract(day from month) = 1),
  -- '' = not answered, 'prefer_not' = "vil ikke svare", else the monitor's category code.
  uddannelse    text not null check (uddannelse in ('', 'prefer_not', '1', '2', '3', '4')),
  arbejdsmarked text not null
    check (arbejdsmarked in ('', 'prefer_not', '1', '2', '3', '4', '5', '6')),
  herkomst      text not null check (herkomst in ('', 'prefer_not', '1', '2', '3')),
  n             integer not null check (n >= 1),
  unique nulls not distinct (kommune, offer_id, context, month, uddannelse, arbejdsmarked,
                             herkomst)
);
create index reach_answer_count_offer on reach_answer_count (kommune, offer_id);

-- The planner's choice of target indicator (a monitor indicator key) for an offer's reach
-- page; null = the whole adult population. An intervention's target comes from its own record.
create table reach_offer_target (
  kommune    text not null references tenant,
  offer_id   uuid not null,
  indicator  text check (indicator ~ '^[a-z][a-z0-9_]{0,39}$'),
  version    integer not null default 1 check (version >= 1),
  updated_at timestamptz not null default now(),
  primary key (kommune, offer_id)
);

alter table reach_answer_count enable row level security;
alter table reach_answer_count force row level security;
create policy reach_answer_count_own on reach_answer_count for all
  using (kommune = lighed_kommune()) with check (kommune = lighed_kommune());

alter table reach_offer_target enable row level security;
alter table reach_offer_target force row level security;
create policy reach_offer_target_own on reach_offer_target for all
  using (kommune = lighed_kommune()) with check (kommune = lighed_kommune());

-- Counts are only ever added to (an upsert), never deleted by requests.
grant select, insert, update on reach_answer_count to lighed_app;
grant select, insert, update, delete on reach_offer_target to lighed_app;

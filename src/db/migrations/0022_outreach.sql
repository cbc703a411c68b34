-- The outreach lane ("nødspor", issue 11; docs/decisions/0022-outreach-lane.md): rules per
-- municipality (an event and its threshold), cases that put a citizen in the outreach queue
-- with every reason found, and the attempts to reach the citizen. The scan (src/outreach/)
-- opens at most one open case per citizen; later hits add a reason to it.

alter table staff_user drop constraint staff_user_role_check;
alter table staff_user add constraint staff_user_role_check
  check (role in ('admin', 'planner', 'frontline', 'provider', 'referrer', 'coordinator',
                  'outreach'));

alter table citizen_access drop constraint citizen_access_via_check;
alter table citizen_access add constraint citizen_access_via_check
  check (via in ('referral', 'conversation', 'signup', 'outreach'));

-- Migration 0020 (the sign-up's consent and replies) adds this column with its rule; this line
-- only keeps the scan's query valid when the two are applied out of step during development.
alter table signup add column if not exists cancelled_by text;

-- A municipality without a row for an event uses the default (src/outreach/rules.ts).
create table outreach_rule (
  kommune    text not null references tenant,
  event      text not null check (event in ('referral_unanswered', 'not_reached', 'missed_sessions',
               'cancelled_no_new_time', 'handheld_no_contact', 'rejected_no_alternative')),
  enabled    boolean not null default true,
  threshold  integer not null check (threshold between 0 and 365),
  updated_at timestamptz not null default now(),
  primary key (kommune, event)
);

create table outreach_case (
  id                  uuid primary key default gen_random_uuid(),
  kommune             text not null references tenant,
  citizen_id          uuid not null references citizen on delete cascade,
  status              text not null default 'open' check (status in ('open', 'closed')),
  -- The first reason (the event that opened the case); every reason is in outreach_case_reason.
  reason              text not null check (reason in ('referral_unanswered', 'not_reached',
                        'missed_sessions', 'cancelled_no_new_time', 'handheld_no_contact',
                        'rejected_no_alternative')),
  referral_id         uuid references referral on delete set null,
  signup_id           uuid references signup on delete set null,
  detected_at         timestamptz not null,
  assigned_to         uuid references staff_user on delete set null,
  outcome             text check (outcome in ('reengaged', 'declined', 'unreachable')),
  outcome_referral_id uuid references referral on delete set null,
  outcome_signup_id   uuid references signup on delete set null,
  outcome_note        text not null default '' check (length(outcome_note) <= 2000),
  closed_at           timestamptz,
  version             integer not null default 1 check (version >= 1),
  created_at          timestamptz not null default now(),
  check ((status = 'closed') = (outcome is not null)),
  check ((status = 'closed') = (closed_at is not null))
);
create unique index outreach_case_open on outreach_case (kommune, citizen_id) where status = 'open';
create index outreach_case_queue on outreach_case (kommune, status, detected_at);
create index outreach_case_citizen on outreach_case (citizen_id);

-- Every hit, including those found later on an open case. A hit is identified by its event and
-- the referral or sign-up it is about (none for hand-held citizens without contact).
create table outreach_case_reason (
  id          bigint generated always as identity primary key,
  case_id     uuid not null references outreach_case on delete cascade,
  kommune     text not null references tenant,
  event       text not null check (event in ('referral_unanswered', 'not_reached', 'missed_sessions',
                'cancelled_no_new_time', 'handheld_no_contact', 'rejected_no_alternative')),
  referral_id uuid references referral on delete set null,
  signup_id   uuid references signup on delete set null,
  detected_at timestamptz not null
);
create unique index outreach_case_reason_once on outreach_case_reason (case_id, event,
  coalesce(referral_id, '00000000-0000-0000-0000-000000000000'),
  coalesce(signup_id, '00000000-0000-0000-0000-000000000000'));
create index outreach_case_reason_referral on outreach_case_reason (referral_id)
  where referral_id is not null;
create index outreach_case_reason_signup on outreach_case_reason (signup_id)
  where signup_id is not null;

create table outreach_attempt (
  id          uuid primary key default gen_random_uuid(),
  case_id     uuid not null references outreach_case on delete cascade,
  kommune     text not null references tenant,
  at          timestamptz not null default now(),
  method      text not null check (method in ('phone', 'letter', 'home_visit', 'known_worker')),
  reached     boolean not null,
  note        text not null default '' check (length(note) <= 2000),
  recorded_by uuid references staff_user on delete set null
);
create index outreach_attempt_case on outreach_attempt (case_id, at);

-- Who works the lane: the outreach workers, the visitation (coordinators), admins and the system.
create function lighed_sees_outreach() returns boolean language sql stable parallel safe as $$
  select lighed_staff_role() in ('outreach', 'coordinator', 'admin', 'system')
$$;

alter table outreach_rule enable row level security;
alter table outreach_rule force row level security;
create policy outreach_rule_own on outreach_rule for all
  using (kommune = lighed_kommune()) with check (kommune = lighed_kommune());

alter table outreach_case enable row level security;
alter table outreach_case force row level security;
create policy outreach_case_scope on outreach_case for all
  using (kommune = lighed_kommune() and lighed_sees_outreach())
  with check (kommune = lighed_kommune() and lighed_sees_outreach());

alter table outreach_case_reason enable row level security;
alter table outreach_case_reason force row level security;
create policy outreach_case_reason_scope on outreach_case_reason for all
  using (kommune = lighed_kommune() and lighed_sees_outreach())
  with check (kommune = lighed_kommune() and lighed_sees_outreach());

alter table outreach_attempt enable row level security;
alter table outreach_attempt force row level security;
create policy outreach_attempt_scope on outreach_attempt for all
  using (kommune = lighed_kommune() and lighed_sees_outreach())
  with check (kommune = lighed_kommune() and lighed_sees_outreach());

-- An outreach worker sees a citizen, and the citizen's referrals, while the citizen has an open
-- case in the queue (the queue names them; the worker needs the contact details); after the
-- case closes, only through the citizen_access row written when the worker took it.
create function lighed_outreach_sees(c uuid) returns boolean language sql stable parallel safe as $$
  select lighed_staff_role() = 'outreach'
     and exists (select 1 from outreach_case o
                  where o.citizen_id = c and o.kommune = lighed_kommune() and o.status = 'open')
$$;

create or replace function lighed_sees_citizen(c uuid) returns boolean language sql stable parallel safe as $$
  select lighed_staff_role() in ('admin', 'system', 'coordinator')
      or exists (select 1 from citizen_access a
                 where a.citizen_id = c
                   and (a.organization_id = lighed_organization() or a.team_id = lighed_team()))
      or lighed_outreach_sees(c)
$$;

drop policy referral_scope on referral;
create policy referral_scope on referral for all
  using (kommune = lighed_kommune()
         and (lighed_sees_referral(requester_org_id, owner_org_id, requester_client_id,
                                   requester_team_id, team_id)
              or lighed_outreach_sees(citizen_id)))
  with check (kommune = lighed_kommune()
         and (lighed_sees_referral(requester_org_id, owner_org_id, requester_client_id,
                                   requester_team_id, team_id)
              or lighed_outreach_sees(citizen_id)));

-- Reasons and attempts are history: read and added, never changed by requests.
grant select, insert, update, delete on outreach_rule, outreach_case to lighed_app;
grant select, insert on outreach_case_reason, outreach_attempt to lighed_app;

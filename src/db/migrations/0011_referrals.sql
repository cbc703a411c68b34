-- Referrals with a closed loop (issue 10; docs/decisions/0014-referral-states.md): a GP, hospital,
-- midwife, frontline worker or EHR system refers a citizen to the municipality's afklarende
-- samtale or to a named offer; the visitation (role 'coordinator') routes it; the provider
-- answers, records contact, enrolment and sessions, and closes it with a note back to the
-- referrer. Statuses are HL7 SDOH Clinical Care's Task statuses (src/referrals/state-machine.ts).
-- Every change bumps `version` (optimistic concurrency) and writes a referral_event row.

-- The visitation team of a municipality.
alter table staff_user drop constraint staff_user_role_check;
alter table staff_user add constraint staff_user_role_check
  check (role in ('admin', 'planner', 'frontline', 'provider', 'referrer', 'coordinator'));

-- An API client acting in this transaction (set by the referrals service for FHIR clients).
create function lighed_client() returns uuid language sql stable parallel safe as $$
  select nullif(current_setting('lighed.client', true), '')::uuid
$$;

-- Per municipality: the answer time in working days and which non-holidays count as closed,
-- and the frontline team that holds afklarende samtaler booked from the intake queue.
create table referral_setting (
  kommune               text primary key references tenant,
  answer_days           integer not null default 2 check (answer_days between 0 and 14),
  grundlovsdag_closed   boolean not null default true,
  christmas_eve_closed  boolean not null default true,
  new_years_eve_closed  boolean not null default true,
  afklarende_team_id    uuid references team,
  updated_at            timestamptz not null default now()
);

create table referral (
  id                  uuid primary key default gen_random_uuid(),
  kommune             text not null references tenant,
  citizen_id          uuid not null references citizen,
  status              text not null check (status in ('draft', 'requested', 'accepted', 'rejected',
                        'cancelled', 'in-progress', 'on-hold', 'failed', 'completed', 'entered-in-error')),
  status_reason       text check (status_reason in ('could_not_contact', 'not_eligible', 'no_capacity',
                        'no_longer_interested', 'moved', 'got_help_elsewhere', 'other')),
  status_reason_text  text not null default '' check (length(status_reason_text) <= 500),
  version             integer not null default 1 check (version >= 1),
  source              text not null check (source in ('referrer', 'worker', 'fhir')),
  requester_org_id    uuid references organization,
  requester_staff_id  uuid references staff_user on delete set null,
  requester_team_id   uuid references team,
  -- An API client (api_client, 0012, which runs after this file; F may add the foreign key).
  requester_client_id uuid,
  -- Who signed it, as shown to the receiver ("Læge Hansen"); not a citizen's data.
  requester_name      text not null default '' check (length(requester_name) <= 200),
  requested_service   text not null check (requested_service in ('afklarende_samtale', 'offer')),
  offer_id            uuid references offer,
  -- The performer after triage: the offer's provider. Null while with the municipality.
  owner_org_id        uuid references organization,
  -- The afklarende samtale: the health conversation and the team holding it.
  conversation_id     uuid references conversation on delete set null,
  team_id             uuid references team,
  identifier_system   text check (length(identifier_system) <= 500),
  identifier_value    text check (length(identifier_value) <= 200),
  reason              jsonb not null default '{}',
  needs               jsonb not null default '{}',
  note                text not null default '' check (length(note) <= 2000),
  consent_at          timestamptz not null,
  answer_due          date,
  contacted_at        timestamptz,
  enrolled_on         date,
  -- The closing note, required on completed and failed (the service checks).
  closing_outcome     text check (closing_outcome in ('goal_met', 'partly_met', 'not_met',
                        'referred_on', 'dropped_out')),
  closing_sessions_attended integer check (closing_sessions_attended between 0 and 1000),
  closing_agreed      text not null default '' check (length(closing_agreed) <= 2000),
  closing_next_step   text not null default '' check (length(closing_next_step) <= 2000),
  closed_at           timestamptz,
  created_at          timestamptz not null default now(),
  updated_at          timestamptz not null default now(),
  check (requested_service <> 'offer' or offer_id is not null),
  check ((identifier_system is null) = (identifier_value is null)),
  check (status_reason is not null or status not in ('rejected', 'cancelled', 'on-hold', 'failed')),
  check (closing_outcome is not null or status not in ('completed', 'failed'))
);
create unique index referral_identifier on referral (kommune, identifier_system, identifier_value)
  where identifier_system is not null;
create index referral_kommune_status on referral (kommune, status, answer_due);
create index referral_owner on referral (owner_org_id, updated_at desc);
create index referral_requester_org on referral (requester_org_id, updated_at desc);
create index referral_citizen on referral (citizen_id);
create index referral_updated on referral (kommune, updated_at);

-- The history: every transition and every other change (routing, contact, sessions), who,
-- when and why.
create table referral_event (
  id           bigint generated always as identity primary key,
  referral_id  uuid not null references referral on delete cascade,
  kommune      text not null references tenant,
  at           timestamptz not null default now(),
  actor_id     uuid,
  actor_role   text not null,
  client_id    uuid,
  kind         text not null check (kind in ('created', 'transition', 'routed', 'booked',
                 'contacted', 'enrolled', 'session', 'closing_note')),
  from_status  text,
  to_status    text,
  reason_code  text,
  reason_text  text not null default '',
  detail       jsonb not null default '{}'
);
create index referral_event_referral on referral_event (referral_id, id);

create table referral_session (
  id           uuid primary key default gen_random_uuid(),
  referral_id  uuid not null references referral on delete cascade,
  kommune      text not null references tenant,
  held_on      date not null,
  attendance   text not null check (attendance in ('attended', 'no_show', 'cancelled')),
  recorded_by  uuid,
  created_at   timestamptz not null default now()
);
create index referral_session_referral on referral_session (referral_id, held_on);

-- Who sees a referral: the municipality's visitation (coordinator), admins and the system; the
-- organisation that made it or owns it; the API client that made it; the worker's team that
-- made it or holds its afklarende samtale.
create function lighed_sees_referral(requester_org uuid, owner_org uuid, requester_client uuid,
    requester_team uuid, holding_team uuid)
  returns boolean language sql stable parallel safe as $$
  select lighed_staff_role() in ('admin', 'system', 'coordinator')
      or requester_org = lighed_organization()
      or owner_org = lighed_organization()
      or requester_client = lighed_client()
      or requester_team = lighed_team()
      or holding_team = lighed_team()
$$;

alter table referral enable row level security;
alter table referral force row level security;
create policy referral_scope on referral for all
  using (kommune = lighed_kommune()
         and lighed_sees_referral(requester_org_id, owner_org_id, requester_client_id,
                                  requester_team_id, team_id))
  with check (kommune = lighed_kommune()
         and lighed_sees_referral(requester_org_id, owner_org_id, requester_client_id,
                                  requester_team_id, team_id));

alter table referral_event enable row level security;
alter table referral_event force row level security;
create policy referral_event_scope on referral_event for all
  using (kommune = lighed_kommune() and exists (select 1 from referral r where r.id = referral_id))
  with check (kommune = lighed_kommune() and exists (select 1 from referral r where r.id = referral_id));

alter table referral_session enable row level security;
alter table referral_session force row level security;
create policy referral_session_scope on referral_session for all
  using (kommune = lighed_kommune() and exists (select 1 from referral r where r.id = referral_id))
  with check (kommune = lighed_kommune() and exists (select 1 from referral r where r.id = referral_id));

alter table referral_setting enable row level security;
alter table referral_setting force row level security;
create policy referral_setting_own on referral_setting for all
  using (kommune = lighed_kommune()) with check (kommune = lighed_kommune());

-- History is append-only for requests: insert and read, never change.
grant select, insert, update, delete on referral, referral_session, referral_setting to lighed_app;
grant select, insert on referral_event to lighed_app;

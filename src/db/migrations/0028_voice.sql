-- The citizens' voice (issue 13; docs/decisions/0028-citizens-voice.md): anonymous feedback on
-- an offer, suggestions for offers the citizen misses, and user panels / focus groups.
--
-- Feedback and suggestions are anonymous by construction: no person, sign-up, address, cookie
-- or timestamp column; the date is the month only (received_month, the first of the month),
-- and ids are random so their order says nothing about when a row came.
-- Panel members are personal data: given with consent, audited, deleted on request or by
-- retention (retain_until), never linked to the citizen record.

create table voice_feedback (
  id             uuid primary key default gen_random_uuid(),
  kommune        text not null references tenant,
  offer_id       uuid not null references offer on delete cascade,
  rating         smallint not null check (rating between 1 and 5),
  barriers       text[] not null default '{}'
                 check (barriers <@ array['practical', 'time', 'money', 'transport', 'mental']::text[]),
  comment        text not null default '' check (length(comment) <= 1000),
  received_month date not null check (extract(day from received_month) = 1)
);
create index voice_feedback_offer on voice_feedback (kommune, offer_id, received_month);

create table voice_suggestion (
  id             uuid primary key default gen_random_uuid(),
  kommune        text not null references tenant,
  what           text not null check (length(what) between 1 and 1000),
  place          text not null default '' check (length(place) <= 200),
  for_whom       text not null default '' check (length(for_whom) <= 500),
  received_month date not null check (extract(day from received_month) = 1),
  status         text not null default 'new'
                 check (status in ('new', 'considering', 'planned', 'declined', 'done')),
  tags           text[] not null default '{}',
  answer         text not null default '' check (length(answer) <= 2000),
  -- Shown on the public list (/forslag) with its answer only when a planner chose to.
  published      boolean not null default false,
  answered_at    date,
  version        integer not null default 1 check (version >= 1)
);
create index voice_suggestion_list on voice_suggestion (kommune, status, received_month);

create table voice_panel (
  id          uuid primary key default gen_random_uuid(),
  kommune     text not null references tenant,
  name        text not null check (length(name) between 1 and 200),
  kind        text not null check (kind in ('user_panel', 'focus_group')),
  purpose     text not null default '' check (length(purpose) <= 2000),
  status      text not null default 'recruiting' check (status in ('recruiting', 'active', 'closed')),
  closed_at   date,
  created_by  uuid references staff_user on delete set null,
  created_at  timestamptz not null default now(),
  version     integer not null default 1 check (version >= 1)
);

create table voice_panel_member (
  id            uuid primary key default gen_random_uuid(),
  kommune       text not null references tenant,
  panel_id      uuid not null references voice_panel on delete cascade,
  name          text not null check (length(name) between 1 and 200),
  email         text not null default '' check (length(email) <= 254),
  phone         text not null default '' check (length(phone) <= 40),
  channels      text[] not null default '{}' check (channels <@ array['email', 'sms']::text[]),
  language      text not null check (language in ('da', 'en', 'ar', 'tr', 'so', 'uk')),
  -- Voluntary, in the monitor's categories (codes of examples/monitor/codebook.json); null:
  -- not given or "prefer not to say".
  education     text check (education in ('1', '2', '3', '4')),
  labour        text check (labour in ('1', '2', '3', '4', '5', '6')),
  born_dk       text check (born_dk in ('yes', 'no')),
  age_group     text check (age_group in ('1', '2', '3', '4')),
  consent_at    timestamptz not null,
  consent_text  text not null check (length(consent_text) <= 100),
  retain_until  date not null,
  created_at    timestamptz not null default now(),
  check (email <> '' or phone <> '')
);
create index voice_panel_member_panel on voice_panel_member (kommune, panel_id);

create table voice_panel_invitation (
  id          uuid primary key default gen_random_uuid(),
  kommune     text not null references tenant,
  panel_id    uuid not null references voice_panel on delete cascade,
  starts_at   timestamptz not null,
  place       text not null check (length(place) between 1 and 200),
  address     text not null default '' check (length(address) <= 300),
  contact     text not null default '' check (length(contact) <= 100),
  sent        integer not null default 0,
  created_by  uuid references staff_user on delete set null,
  created_at  timestamptz not null default now()
);

-- Who may read panels and their members: planners and admins (and the system's jobs). The
-- routes check the role too; this holds if a route forgets.
create function lighed_sees_panels() returns boolean language sql stable parallel safe as $$
  select lighed_staff_role() in ('planner', 'admin', 'system')
$$;

alter table voice_feedback enable row level security;
alter table voice_feedback force row level security;
create policy voice_feedback_own on voice_feedback for all
  using (kommune = lighed_kommune()) with check (kommune = lighed_kommune());

alter table voice_suggestion enable row level security;
alter table voice_suggestion force row level security;
create policy voice_suggestion_own on voice_suggestion for all
  using (kommune = lighed_kommune()) with check (kommune = lighed_kommune());

alter table voice_panel enable row level security;
alter table voice_panel force row level security;
-- A panel's name and purpose are public (its join page); changes are the planners'.
create policy voice_panel_read on voice_panel for select using (kommune = lighed_kommune());
create policy voice_panel_write on voice_panel for insert
  with check (kommune = lighed_kommune() and lighed_sees_panels());
create policy voice_panel_update on voice_panel for update
  using (kommune = lighed_kommune() and lighed_sees_panels())
  with check (kommune = lighed_kommune() and lighed_sees_panels());
create policy voice_panel_delete on voice_panel for delete
  using (kommune = lighed_kommune() and lighed_sees_panels());

alter table voice_panel_member enable row level security;
alter table voice_panel_member force row level security;
-- A citizen joining (no staff role) may add herself; only planners read, change or delete.
create policy voice_panel_member_join on voice_panel_member for insert
  with check (kommune = lighed_kommune());
create policy voice_panel_member_read on voice_panel_member for select
  using (kommune = lighed_kommune() and lighed_sees_panels());
create policy voice_panel_member_delete on voice_panel_member for delete
  using (kommune = lighed_kommune() and lighed_sees_panels());

alter table voice_panel_invitation enable row level security;
alter table voice_panel_invitation force row level security;
create policy voice_panel_invitation_scope on voice_panel_invitation for all
  using (kommune = lighed_kommune() and lighed_sees_panels())
  with check (kommune = lighed_kommune() and lighed_sees_panels());

-- Feedback is never changed once given: read, added, deleted by retention.
grant select, insert, delete on voice_feedback to lighed_app;
grant select, insert, update, delete on voice_suggestion, voice_panel to lighed_app;
grant select, insert, delete on voice_panel_member to lighed_app;
grant select, insert, update on voice_panel_invitation to lighed_app;

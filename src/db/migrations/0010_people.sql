-- People and protection (issue 10; docs/decisions/0013-cpr-and-audit-chain.md): the citizen
-- record a referral, a conversation or a sign-up points to, its consents, the relationships
-- through which staff may see it, and a tamper-evident audit log.

create function lighed_organization() returns uuid language sql stable parallel safe as $$
  select nullif(current_setting('lighed.organization', true), '')::uuid
$$;

create table citizen (
  id                 uuid primary key default gen_random_uuid(),
  kommune            text not null references tenant,
  name               text not null check (length(name) between 1 and 200),
  birth_date         date,
  sex                text check (sex in ('female', 'male')),
  phone              text not null default '' check (length(phone) <= 40),
  email              text not null default '' check (length(email) <= 254),
  postcode           text check (postcode ~ '^[0-9]{4}$'),
  address            text not null default '' check (length(address) <= 300),
  preferred_language text not null default 'da' check (preferred_language ~ '^[a-z]{2,3}$'),
  interpreter_needed boolean not null default false,
  -- The CPR number: AES-256-GCM (iv || ciphertext || tag) under the key named by cpr_key_id,
  -- and a keyed HMAC-SHA256 blind index for lookups. Never stored in clear.
  cpr_ciphertext     bytea,
  cpr_key_id         text,
  cpr_index          text,
  version            integer not null default 1,
  created_at         timestamptz not null default now(),
  updated_at         timestamptz not null default now(),
  check ((cpr_ciphertext is null) = (cpr_key_id is null)),
  check ((cpr_ciphertext is null) = (cpr_index is null))
);
create unique index citizen_cpr_index on citizen (kommune, cpr_index) where cpr_index is not null;
-- The duplicate check on name + birth date (normalised as people/citizen.ts does).
create index citizen_name_birth on citizen (kommune, lower(name), birth_date);

create table citizen_consent (
  id           uuid primary key default gen_random_uuid(),
  citizen_id   uuid not null references citizen on delete cascade,
  kommune      text not null references tenant,
  purpose      text not null check (length(purpose) between 1 and 100),
  version      text not null check (length(version) between 1 and 50),
  given_at     timestamptz not null default now(),
  recorded_by  uuid,
  withdrawn_at timestamptz
);
create index citizen_consent_citizen on citizen_consent (citizen_id);

create table citizen_access (
  citizen_id      uuid not null references citizen on delete cascade,
  kommune         text not null references tenant,
  organization_id uuid references organization,
  team_id         uuid references team,
  via             text not null check (via in ('referral', 'conversation', 'signup')),
  via_id          uuid not null,
  created_at      timestamptz not null default now(),
  check (organization_id is not null or team_id is not null)
);
create unique index citizen_access_unique on citizen_access
  (citizen_id, via, via_id, coalesce(organization_id, '00000000-0000-0000-0000-000000000000'),
   coalesce(team_id, '00000000-0000-0000-0000-000000000000'));
create index citizen_access_org on citizen_access (organization_id, citizen_id);
create index citizen_access_team on citizen_access (team_id, citizen_id);

-- Who sees a citizen: the municipality's admin, coordinator and the system, or staff (and API
-- clients) whose organisation or team a referral, conversation or sign-up links to it.
create function lighed_sees_citizen(c uuid) returns boolean language sql stable parallel safe as $$
  select lighed_staff_role() in ('admin', 'system', 'coordinator')
      or exists (select 1 from citizen_access a
                 where a.citizen_id = c
                   and (a.organization_id = lighed_organization() or a.team_id = lighed_team()))
$$;

alter table citizen enable row level security;
alter table citizen force row level security;
-- Anyone acting for the municipality may create a record (a GP's referral makes one before any
-- link exists); reading, changing and deleting it need a relationship or the admin's role. The
-- duplicate check runs through citizen_find_duplicate below, which answers only an id.
create policy citizen_insert on citizen for insert with check (kommune = lighed_kommune());
create policy citizen_select on citizen for select
  using (kommune = lighed_kommune() and lighed_sees_citizen(id));
create policy citizen_update on citizen for update
  using (kommune = lighed_kommune() and lighed_sees_citizen(id))
  with check (kommune = lighed_kommune());
create policy citizen_delete on citizen for delete
  using (kommune = lighed_kommune() and lighed_staff_role() in ('admin', 'system'));

alter table citizen_consent enable row level security;
alter table citizen_consent force row level security;
create policy citizen_consent_insert on citizen_consent for insert
  with check (kommune = lighed_kommune());
create policy citizen_consent_select on citizen_consent for select
  using (kommune = lighed_kommune() and lighed_sees_citizen(citizen_id));
create policy citizen_consent_update on citizen_consent for update
  using (kommune = lighed_kommune() and lighed_sees_citizen(citizen_id))
  with check (kommune = lighed_kommune());
create policy citizen_consent_delete on citizen_consent for delete
  using (kommune = lighed_kommune() and lighed_staff_role() in ('admin', 'system'));

-- The links themselves are the municipality's (the citizen policy reads them).
alter table citizen_access enable row level security;
alter table citizen_access force row level security;
create policy citizen_access_own on citizen_access for all
  using (kommune = lighed_kommune()) with check (kommune = lighed_kommune());

-- The duplicate check for someone who may not (yet) read the record: only the id of the oldest
-- match in the caller's municipality, by blind index, or by name and birth date among records
-- without a CPR number (or any record, when the caller has no CPR number either).
create function citizen_find_duplicate(p_cpr_index text, p_name text, p_birth date)
  returns uuid language sql stable security definer set search_path = public, pg_temp
  -- As the system within the caller's municipality, whether or not the owner bypasses RLS.
  set lighed.staff_role = 'system' as $$
  select id from (
    select id, created_at, 0 as rank from citizen
     where kommune = lighed_kommune() and p_cpr_index is not null and cpr_index = p_cpr_index
    union all
    select id, created_at, 1 from citizen
     where kommune = lighed_kommune() and p_birth is not null and birth_date = p_birth
       and lower(name) = lower(p_name) and (p_cpr_index is null or cpr_index is null)
  ) m order by rank, created_at limit 1
$$;
revoke all on function citizen_find_duplicate(text, text, date) from public;
grant execute on function citizen_find_duplicate(text, text, date) to lighed_app;

-- A CPR number given for a record found by name and birth date that has none yet: set it
-- (only then), whether or not the caller may read the record.
create function citizen_attach_cpr(p_id uuid, p_ciphertext bytea, p_key_id text, p_index text)
  returns void language sql volatile security definer set search_path = public, pg_temp
  set lighed.staff_role = 'system' as $$
  update citizen set cpr_ciphertext = p_ciphertext, cpr_key_id = p_key_id, cpr_index = p_index,
         version = version + 1, updated_at = now()
   where id = p_id and kommune = lighed_kommune() and cpr_index is null
$$;
revoke all on function citizen_attach_cpr(uuid, bytea, text, text) from public;
grant execute on function citizen_attach_cpr(uuid, bytea, text, text) to lighed_app;

grant select, insert, update, delete on citizen, citizen_consent, citizen_access to lighed_app;

-- Tamper-evident audit log. Each municipality's rows form a hash chain: seq counts 1, 2, 3 …,
-- prev_hash is the previous row's hash and hash = sha256(prev_hash || the row's fields). The
-- head of each chain sits in audit_chain, which only the trigger (as the owner) writes; its row
-- lock serialises a municipality's audit writers from the insert until commit (decision 0013).
-- `lighed audit verify` recomputes the chain and names the first broken link.
alter table audit_log add column seq bigint, add column prev_hash bytea, add column hash bytea;

create table audit_chain (
  kommune text primary key,
  seq     bigint not null,
  hash    bytea not null
);
revoke all on audit_chain from public;

create function audit_log_row_hash(prev bytea, kommune text, seq bigint, at timestamptz,
    actor_id uuid, actor_role text, action text, entity text, entity_id text, summary text,
    request_id text)
  returns bytea language sql immutable parallel safe as $$
  select sha256(prev || convert_to(jsonb_build_array(kommune, seq,
    (extract(epoch from at) * 1000000)::bigint, actor_id, actor_role, action, entity, entity_id,
    summary, request_id)::text, 'UTF8'))
$$;

create function audit_log_chain() returns trigger language plpgsql security definer
  set search_path = public, pg_temp as $$
declare
  n bigint;
  prev bytea;
begin
  update audit_chain set seq = seq + 1 where kommune = new.kommune returning seq, hash into n, prev;
  if not found then
    insert into audit_chain (kommune, seq, hash)
      values (new.kommune, 0, '\x0000000000000000000000000000000000000000000000000000000000000000')
      on conflict (kommune) do nothing;
    update audit_chain set seq = seq + 1 where kommune = new.kommune returning seq, hash into n, prev;
  end if;
  new.at := coalesce(new.at, now());
  new.seq := n;
  new.prev_hash := prev;
  new.hash := audit_log_row_hash(prev, new.kommune, n, new.at, new.actor_id, new.actor_role,
    new.action, new.entity, new.entity_id, new.summary, new.request_id);
  update audit_chain set hash = new.hash where kommune = new.kommune;
  return new;
end $$;

-- Chain the rows already there, in the order they were written.
alter table audit_log disable trigger audit_log_append_only;
do $$
declare
  r record;
  k text := null;
  n bigint;
  prev bytea;
  h bytea;
begin
  for r in select * from audit_log order by kommune, id loop
    if k is distinct from r.kommune then
      k := r.kommune;
      n := 0;
      prev := '\x0000000000000000000000000000000000000000000000000000000000000000';
    end if;
    n := n + 1;
    h := audit_log_row_hash(prev, r.kommune, n, r.at, r.actor_id, r.actor_role, r.action,
      r.entity, r.entity_id, r.summary, r.request_id);
    update audit_log set seq = n, prev_hash = prev, hash = h where id = r.id;
    insert into audit_chain (kommune, seq, hash) values (r.kommune, n, h)
      on conflict (kommune) do update set seq = excluded.seq, hash = excluded.hash;
    prev := h;
  end loop;
end $$;
alter table audit_log enable trigger audit_log_append_only;

alter table audit_log alter column seq set not null, alter column prev_hash set not null,
  alter column hash set not null;
create unique index audit_log_chain_seq on audit_log (kommune, seq);

create trigger audit_log_chain before insert on audit_log
  for each row execute function audit_log_chain();

-- The chain heads are read by `lighed audit verify` (as the application role, per municipality).
grant select on audit_chain to lighed_app;

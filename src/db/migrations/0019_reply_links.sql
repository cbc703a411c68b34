-- Reply links in messages to citizens (src/notify/, decision 0021): "confirm, cancel or ask for
-- a new time" without an account. The link carries a random 256-bit token and an HMAC over it,
-- its expiry and the municipality; only the token's SHA-256 is stored here, so neither this
-- table nor a backup can answer for anyone. A link works once: `used_at` is set in the same
-- statement that checks it is unused, unexpired and offers the choice, so two clicks at once
-- answer once. The subject (a sign-up or a referral) is not a foreign key: the link outlives
-- neither, the page says "gone" when the subject's domain no longer knows it, and retention
-- deletes the row after it has expired.
--
-- `contact_phone` is the place's or municipality's number from the message (not the
-- citizen's), shown when a link has been used or has expired.
create table reply_link (
  id uuid primary key default gen_random_uuid(),
  kommune text not null references tenant (kommune),
  subject text not null check (subject in ('signup', 'referral')),
  subject_id uuid not null,
  choices text[] not null check (
    cardinality(choices) between 1 and 3
    and choices <@ array['confirm', 'cancel', 'new_time']::text[]
  ),
  language text not null check (language in ('da', 'en', 'ar', 'tr', 'so', 'uk')),
  token_hash text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
  contact_phone text check (length(contact_phone) <= 40),
  expires_at timestamptz not null,
  used_at timestamptz,
  used_choice text check (used_choice in ('confirm', 'cancel', 'new_time')),
  created_at timestamptz not null default now(),
  check ((used_at is null) = (used_choice is null))
);
create index reply_link_subject on reply_link (kommune, subject, subject_id);
create index reply_link_expires on reply_link (expires_at);

alter table reply_link enable row level security;
alter table reply_link force row level security;
create policy reply_link_own on reply_link for all
  using (kommune = lighed_kommune()) with check (kommune = lighed_kommune());

grant select, insert, update, delete on reply_link to lighed_app;

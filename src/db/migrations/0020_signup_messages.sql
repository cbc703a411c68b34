-- Messages to a citizen who signed up from the finder (issue 11, src/catalog/signup-notices.ts):
-- a confirmation, a reminder the day before the next session and a reply link (confirm, cancel,
-- ask for a new time).
--   contact_channels       the channels the citizen consented to on the form ('email', 'sms');
--                          empty: nothing is sent. A frontline sign-up asks no consent: empty.
--   notice_language        the language messages are written in: the language the citizen would
--                          rather speak when it is one of the interface's six, else the language
--                          the form was read in (so a Farsi speaker reading English gets English).
--   cancelled_by           who cancelled: the citizen (receipt or reply link) or the provider.
--                          A cancellation without a new time asked for is an outreach event.
--   new_time_requested_at  the citizen asked for a new time by the reply link (status unchanged).
--   confirmed_at           the citizen confirmed by the reply link that they are coming.
alter table signup
  add column contact_channels text[] not null default '{}'
    check (contact_channels <@ array['email', 'sms']::text[]),
  add column notice_language text not null default 'da',
  add column cancelled_by text check (cancelled_by in ('citizen', 'provider')),
  add column new_time_requested_at timestamptz,
  add column confirmed_at timestamptz;

-- Earlier cancellations all came from the citizen's receipt link.
update signup set cancelled_by = 'citizen' where cancelled_at is not null;

-- The daily reminder looks only at sign-ups that may get one: not cancelled, with a channel.
create index signup_reminder on signup (offer_id)
  where status <> 'cancelled' and contact_channels <> '{}';

-- Appointments and the citizen's replies on referrals, and contact channels on the citizen
-- (issue 11). A citizen says per channel whether we may send messages about times; each
-- choice is also a citizen_consent row (purpose 'contact.email', 'contact.sms',
-- 'contact.digital_post'), withdrawn when unticked. The outbox and notify/ skip channels
-- without consent or without an address.
alter table citizen add column contact_channels text[] not null default '{}'
  check (contact_channels <@ array['email', 'sms', 'digital_post']::text[]);

-- The appointment (an afklarende samtale or a first session): when and where, in words the
-- citizen may read ("Sundhedscenter Roskilde"), never the offer's topic. The citizen's latest
-- reply to it (confirmed, cancelled, new time) is kept beside it so the staff lists can mark
-- it without reading each history; the history holds every reply.
alter table referral
  add column appointment_at timestamptz,
  add column appointment_place text check (length(appointment_place) <= 300),
  add column citizen_reply text check (citizen_reply in ('confirmed', 'cancelled', 'new_time')),
  add column citizen_reply_at timestamptz;
create index referral_appointment on referral (appointment_at) where appointment_at is not null;

alter table referral_event drop constraint referral_event_kind_check;
alter table referral_event add constraint referral_event_kind_check
  check (kind in ('created', 'transition', 'routed', 'booked', 'contacted', 'enrolled', 'session',
                  'closing_note', 'appointment', 'citizen_confirmed', 'citizen_cancelled',
                  'new_time_requested'));

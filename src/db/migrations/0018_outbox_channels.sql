-- The outbox carries several channels (issue 11, decision 0020): e-mail as before, SMS through an
-- HTTP gateway, and letters to Digital Post. Every row keeps the row-level security of 0014.
--
-- channel       which adapter sends it; `to_address` is the e-mail address, the E.164 number or,
--               for Digital Post, the citizen's id (the CPR number is looked up at send time and
--               never stored here).
-- about_*       what the message is about (a sign-up, referral or outreach case), so staff see
--               what was sent about it (messagesAbout).
-- dedupe_key    the caller's key for "this message once" (a reminder per sign-up and day): a
--               second insert with the same key in the municipality is skipped.
-- delivered     the gateway's delivery report says the phone has it; `sent` means only that the
--               gateway (or SMTP server) accepted it. `provider_ref` is the gateway's message id.
alter table outbox
  add column channel text not null default 'email'
    check (channel in ('email', 'sms', 'digital_post')),
  add column about_type text check (about_type in ('signup', 'referral', 'outreach')),
  add column about_id uuid,
  add column dedupe_key text check (length(dedupe_key) between 1 and 200),
  add column delivered_at timestamptz,
  add column provider_ref text check (length(provider_ref) <= 100),
  add constraint outbox_about_both check ((about_type is null) = (about_id is null));

alter table outbox drop constraint outbox_status_check;
alter table outbox add constraint outbox_status_check
  check (status in ('queued', 'sent', 'delivered', 'failed'));

create unique index outbox_dedupe on outbox (kommune, dedupe_key) where dedupe_key is not null;
create index outbox_about on outbox (kommune, about_type, about_id, created_at)
  where about_id is not null;
-- Delivery reports name the gateway's id.
create index outbox_provider_ref on outbox (channel, provider_ref) where provider_ref is not null;

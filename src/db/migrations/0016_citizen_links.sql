-- The citizen record (0010_people.sql) that a conversation and a sign-up can point to, as a
-- referral already does (issue 10): an afklarende samtale booked from a referral carries the
-- referral's citizen, and so does a sign-up made from that conversation. The citizen's insight
-- export and erasure find them through these links (conversation/ and catalog/ citizen-data
-- services). Erasing the record deletes them first; a row left over only loses its link.
alter table conversation add column citizen_id uuid references citizen on delete set null;
create index conversation_citizen on conversation (citizen_id) where citizen_id is not null;

alter table signup add column citizen_id uuid references citizen on delete set null;
create index signup_citizen on signup (citizen_id) where citizen_id is not null;

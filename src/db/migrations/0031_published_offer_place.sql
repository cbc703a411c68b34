-- The places of published offers that meet in person, with their coordinates, for the finder's
-- distance search (issue 16, docs/decisions/0031-finder-place-search.md). A search by place
-- alone counts every offer within reach (3,000-5,000 near Copenhagen or Roskilde); through
-- location, offer_location and offer that is three index probes per offer, most of the
-- statement's time. Here one GiST scan gives the offers in reach, already known to be
-- published and in person. The rows are derived: triggers keep them in step with offer
-- (status, mode), offer_location and location (coordinates), in the writer's transaction.

create table published_offer_place (
  offer_id    uuid not null references offer on delete cascade,
  location_id uuid not null references location on delete cascade,
  latitude    double precision not null,
  longitude   double precision not null,
  -- The offer's only place here (most offers): then it is the offer's nearest place wherever
  -- one searches from, and the finder need not compare it with the offer's other places.
  only_place  boolean not null,
  primary key (offer_id, location_id)
);
create index published_offer_place_location on published_offer_place (location_id);
create index published_offer_place_earth on published_offer_place
  using gist (ll_to_earth(latitude, longitude));

-- Public data, as published_offer: every role reads it; only the trigger functions below (the
-- owner's, security definer) write it, so a tenant cannot plant or hide another's places.
alter table published_offer_place enable row level security;
create policy published_offer_place_read on published_offer_place for select using (true);
grant select on published_offer_place to lighed_app;

-- The rows of one offer: its places with coordinates, when it is published and meets in person.
create function published_offer_place_sync(p_offer uuid) returns void
  language sql volatile security definer set search_path = public, pg_temp as $$
  delete from published_offer_place where offer_id = p_offer;
  insert into published_offer_place (offer_id, location_id, latitude, longitude, only_place)
  select ol.offer_id, l.id, l.latitude, l.longitude, count(*) over () = 1
    from offer_location ol
    join offer o on o.id = ol.offer_id
    join location l on l.id = ol.location_id
   where ol.offer_id = p_offer and o.status = 'published' and o.mode <> 'online'
     and l.latitude is not null and l.longitude is not null;
$$;
revoke all on function published_offer_place_sync(uuid) from public;

create function published_offer_place_offer() returns trigger
  language plpgsql security definer set search_path = public, pg_temp as $$
begin
  perform published_offer_place_sync(new.id);
  return null;
end $$;
create trigger published_offer_place_offer after insert or update of status, mode on offer
  for each row execute function published_offer_place_offer();

create function published_offer_place_link() returns trigger
  language plpgsql security definer set search_path = public, pg_temp as $$
begin
  if tg_op in ('DELETE', 'UPDATE') then
    perform published_offer_place_sync(old.offer_id);
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    perform published_offer_place_sync(new.offer_id);
  end if;
  return null;
end $$;
create trigger published_offer_place_link after insert or update or delete on offer_location
  for each row execute function published_offer_place_link();

create function published_offer_place_location() returns trigger
  language plpgsql security definer set search_path = public, pg_temp as $$
begin
  perform published_offer_place_sync(ol.offer_id)
     from offer_location ol where ol.location_id = new.id;
  return null;
end $$;
create trigger published_offer_place_location after update of latitude, longitude on location
  for each row execute function published_offer_place_location();

insert into published_offer_place (offer_id, location_id, latitude, longitude, only_place)
select ol.offer_id, l.id, l.latitude, l.longitude, count(*) over (partition by ol.offer_id) = 1
  from offer_location ol
  join offer o on o.id = ol.offer_id
  join location l on l.id = ol.location_id
 where o.status = 'published' and o.mode <> 'online'
   and l.latitude is not null and l.longitude is not null;

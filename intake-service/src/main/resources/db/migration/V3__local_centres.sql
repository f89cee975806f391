-- intake's copy of the registry's centres, kept from CentreChangedV1 events: just enough to tell which
-- centre is in the city where a member lives. The city is kept only as its key (CityName), the form a
-- member's city is compared in; a member's own city never leaves the encrypted personal data.
create table centre (
    code        varchar(16)  primary key,
    country     char(2)      not null,
    -- null when the registry's city has no letters or digits: such a centre is nobody's local centre
    city_key    varchar(100),
    status      varchar(16)  not null,
    -- the changedAt of the event applied last: an older event arriving later does not undo it
    changed_at  timestamptz  not null
);
create index ix_centre_city on centre (country, city_key);

-- The centre in the member's own city at submission, sent to scheduling for its shorter lead time.
-- A centre code, not personal data: it is a plain column.
alter table family_member add column local_centre varchar(16);

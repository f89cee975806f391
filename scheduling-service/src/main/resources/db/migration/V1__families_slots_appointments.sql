-- scheduling-service keeps replicas of what it needs to decide (case shape, slot capacity; no
-- names or contacts), and owns appointments and the waitlist.

create table family_case (
    request_id       uuid         primary key,
    country          char(2)      not null,
    -- sampling outside the MHACs: arranged by staff, never booked automatically
    ad_hoc           boolean      not null default false,
    preferred_centre varchar(16),
    priority         varchar(32)  not null,
    -- higher first; derived from priority so the waitlist sorts in SQL
    priority_rank    smallint     not null,
    deadline         date         not null,
    received_at      timestamptz  not null,
    status           varchar(16)  not null check (status in ('WAITING', 'BOOKED', 'CANCELLED')),
    -- when the family was first found to have no feasible day (FamilyWaitlistedV1 sent once)
    waitlisted_at    timestamptz,
    updated_at       timestamptz  not null
);
create index ix_family_case_waitlist on family_case (priority_rank desc, deadline, received_at) where status = 'WAITING' and not ad_hoc;

create table case_member (
    request_id        uuid        not null references family_case (request_id) on delete cascade,
    member_ref        varchar(64) not null,
    position          integer     not null,
    age_on_deadline   integer     not null,
    minor             boolean     not null,
    accompanied_by    varchar(64),
    current_country   char(2)     not null,
    primary key (request_id, member_ref)
);

create table slot (
    id           uuid        primary key,
    centre_code  varchar(16) not null,
    country      char(2)     not null,
    zone         varchar(64) not null,
    local_date   date        not null,
    local_start  time        not null,
    starts_at    timestamptz not null,
    ends_at      timestamptz not null,
    capacity     integer     not null check (capacity >= 0),
    -- people booked; only ever raised by a conditional update that keeps it within capacity
    booked       integer     not null default 0 check (booked >= 0),
    status       varchar(16) not null
);
create index ix_slot_search on slot (country, local_date, centre_code, starts_at) where status = 'OPEN';

create table appointment (
    id           uuid        primary key,
    request_id   uuid        not null references family_case (request_id),
    centre_code  varchar(16) not null,
    zone         varchar(64) not null,
    local_date   date        not null,
    sequence     integer     not null,
    status       varchar(16) not null,
    booked_at    timestamptz not null
);
-- one live appointment per family
create unique index uq_appointment_live on appointment (request_id) where status = 'BOOKED';

create table appointment_member (
    appointment_id  uuid        not null references appointment (id) on delete cascade,
    member_ref      varchar(64) not null,
    slot_id         uuid        not null references slot (id),
    starts_at       timestamptz not null,
    local_start     time        not null,
    primary key (appointment_id, member_ref)
);


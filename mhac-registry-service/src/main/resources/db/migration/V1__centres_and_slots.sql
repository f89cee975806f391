-- mhac-registry-service owns the centres, their calendars and the slots they publish.
-- Local dates and times are kept with the centre's IANA zone; instants are UTC (timestamptz).

create table centre (
    code          varchar(16)  primary key,
    name          varchar(200) not null,
    country       char(2)      not null,
    city          varchar(100) not null,
    -- true where DOMAIN.md marks the city as an assumption still to be confirmed
    city_assumed  boolean      not null default false,
    address       varchar(300),
    zone          varchar(64)  not null,
    languages     varchar(200) not null default '',
    status        varchar(16)  not null check (status in ('ACTIVE', 'SUSPENDED', 'CLOSED')),
    version       integer      not null default 0
);

-- The working week: one row per open weekday (ISO 1 = Monday .. 7 = Sunday).
create table opening_hours (
    centre_code  varchar(16) not null references centre (code),
    day_of_week  smallint    not null check (day_of_week between 1 and 7),
    opens        time        not null,
    closes       time        not null check (closes > opens),
    primary key (centre_code, day_of_week)
);

create table availability_template (
    id            uuid        primary key,
    centre_code   varchar(16) not null references centre (code),
    day_of_week   smallint    not null check (day_of_week between 1 and 7),
    starts        time        not null,
    ends          time        not null check (ends > starts),
    slot_minutes  integer     not null check (slot_minutes between 5 and 240),
    capacity      integer     not null check (capacity between 1 and 50),
    valid_from    date        not null,
    valid_to      date
);

create table closure (
    id           uuid         primary key,
    centre_code  varchar(16)  references centre (code),
    country      char(2),
    first_day    date         not null,
    last_day     date         not null check (last_day >= first_day),
    reason       varchar(32)  not null,
    description  varchar(200),
    estimated    boolean      not null default false,
    check ((centre_code is null) <> (country is null))
);

create table slot (
    id           uuid        primary key,
    centre_code  varchar(16) not null references centre (code),
    local_date   date        not null,
    local_start  time        not null,
    local_end    time        not null,
    starts_at    timestamptz not null,
    ends_at      timestamptz not null,
    capacity     integer     not null check (capacity >= 0),
    status       varchar(16) not null check (status in ('OPEN', 'BLOCKED', 'WITHDRAWN')),
    version      integer     not null default 0,
    -- makes generation idempotent: one slot per centre and start instant
    constraint uq_slot_centre_start unique (centre_code, starts_at)
);
create index ix_slot_centre_day on slot (centre_code, local_date);


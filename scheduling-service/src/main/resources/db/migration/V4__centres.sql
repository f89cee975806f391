-- What scheduling needs to know of each centre: the languages an interpreter on site speaks, and its status.
create table centre (
    code        varchar(16)  primary key,
    country     char(2)      not null,
    zone        varchar(64)  not null,
    -- comma-separated BCP 47 tags; empty when the centre has no interpreter
    languages   varchar(300) not null default '',
    status      varchar(16)  not null,
    changed_at  timestamptz  not null
);

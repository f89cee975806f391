-- The list of the next day's appointments e-mailed to each centre: one row per centre and day, with a
-- fingerprint of what was sent, so that a list that changes after it went out (a late booking, a move)
-- is sent again, and an unchanged one never twice.
create table centre_day_list (
    centre_code  varchar(16)  not null,
    local_date   date         not null,
    fingerprint  varchar(64)  not null,
    families     integer      not null,
    members      integer      not null,
    sent_at      timestamptz  not null,
    primary key (centre_code, local_date)
);

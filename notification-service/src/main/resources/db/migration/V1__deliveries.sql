-- notification-service: one row per message, channel, recipient. The recipient is a member
-- reference; addresses are fetched from intake at send time and never stored here.

create table delivery (
    id               uuid         primary key,
    kind             varchar(40)  not null,
    channel          varchar(16)  not null,
    request_id       uuid         not null,
    member_ref       varchar(64)  not null,
    appointment_id   uuid         not null,
    sequence         integer      not null,
    centre_code      varchar(16)  not null,
    zone             varchar(64)  not null,
    local_date       date         not null,
    local_start      time         not null,
    starts_at        timestamptz  not null,
    status           varchar(16)  not null check (status in ('PENDING', 'SENT', 'FAILED', 'NO_CHANNEL')),
    attempts         integer      not null default 0,
    next_attempt_at  timestamptz  not null,
    last_error       varchar(200),
    created_at       timestamptz  not null,
    sent_at          timestamptz,
    constraint uq_delivery unique (appointment_id, sequence, member_ref, channel, kind)
);
create index ix_delivery_due on delivery (next_attempt_at) where status = 'PENDING';
create index ix_delivery_request on delivery (request_id);


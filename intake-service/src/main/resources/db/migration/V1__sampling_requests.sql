-- intake-service owns the family cases the IND submits. Personal data (names, birth dates,
-- contact channels, notes) is stored only as AES-GCM ciphertext with the id of the key used.

create table sampling_request (
    id                uuid primary key,
    ind_reference     varchar(64)  not null,
    case_number       varchar(32)  not null,
    priority          varchar(32)  not null,
    deadline          date         not null,
    country           char(2)      not null,
    preferred_centre  varchar(16),
    status            varchar(32)  not null,
    -- SHA-256 of the submission as received: a resend with the same reference must match it.
    content_hash      char(64)     not null,
    note_ciphertext   bytea,
    pii_key_id        varchar(32),
    received_at       timestamptz  not null,
    updated_at        timestamptz  not null,
    version           integer      not null default 0,
    constraint uq_sampling_request_ind_reference unique (ind_reference)
);
create index ix_sampling_request_status on sampling_request (status);
create index ix_sampling_request_country on sampling_request (country);

create table family_member (
    id                 uuid primary key,
    request_id         uuid         not null references sampling_request (id) on delete cascade,
    position           integer      not null,
    person_ref         varchar(64)  not null,
    relationship       varchar(32)  not null,
    age_on_deadline    integer      not null,
    minor              boolean      not null,
    accompanied_by     varchar(64),
    language           varchar(35)  not null,
    needs_interpreter  boolean      not null,
    current_country    char(2)      not null,
    personal_data      bytea        not null,
    pii_key_id         varchar(32)  not null,
    appointment_id     uuid,
    centre_code        varchar(16),
    zone               varchar(64),
    local_date         date,
    local_time         time,
    starts_at          timestamptz,
    constraint uq_family_member_ref unique (request_id, person_ref)
);

create table status_transition (
    id           bigserial primary key,
    request_id   uuid         not null references sampling_request (id) on delete cascade,
    from_status  varchar(32),
    to_status    varchar(32)  not null,
    at           timestamptz  not null,
    cause        varchar(200) not null
);
create index ix_status_transition_request on status_transition (request_id, id);

create table outbox_event (
    position      bigserial primary key,
    event_id      uuid         not null unique,
    topic         varchar(200) not null,
    aggregate_key varchar(200) not null,
    event_type    varchar(200) not null,
    payload       text         not null,
    occurred_at   timestamptz  not null,
    published_at  timestamptz
);
create index ix_outbox_event_unpublished on outbox_event (position) where published_at is null;

create table inbox_event (
    consumer     varchar(100) not null,
    event_id     varchar(100) not null,
    received_at  timestamptz  not null,
    primary key (consumer, event_id)
);

-- Who read personal data, when and why (GDPR accountability). Holds references only.
create table personal_data_access (
    id          bigserial primary key,
    at          timestamptz  not null,
    actor       varchar(200) not null,
    request_id  uuid         not null,
    person_ref  varchar(64),
    purpose     varchar(100) not null
);

-- intake-service owns the family cases the IND submits. Personal data (names, birth dates,
-- contact channels, notes) is stored only as AES-GCM ciphertext with the id of the key used.

create table sampling_request (
    id                uuid primary key,
    ind_reference     varchar(64)  not null,
    case_number       varchar(32)  not null,
    priority          varchar(32)  not null,
    deadline          date         not null,
    -- the sampling country; for an ad-hoc location, the country it is in
    country           char(2)      not null,
    ad_hoc            boolean      not null default false,
    ad_hoc_city       varchar(100),
    preferred_centre  varchar(16),
    status            varchar(32)  not null,
    -- SHA-256 of the submission as received: a resend with the same reference must match it.
    content_hash      char(64)     not null,
    -- CaseNotes (the IND's note, ad-hoc location details, cancellation comment), encrypted
    private_data      bytea,
    pii_key_id        varchar(32),
    cancel_reason     varchar(32),
    received_at       timestamptz  not null,
    updated_at        timestamptz  not null,
    version           integer      not null default 0,
    constraint uq_sampling_request_ind_reference unique (ind_reference)
);
create index ix_sampling_request_status on sampling_request (status);
create index ix_sampling_request_country on sampling_request (country);
create index ix_sampling_request_received on sampling_request (received_at, id);
create index ix_sampling_request_deadline on sampling_request (deadline);

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
    needs_accessibility boolean     not null,
    needs_medical      boolean      not null,
    has_guardian       boolean      not null,
    current_country    char(2)      not null,
    personal_data      bytea        not null,
    pii_key_id         varchar(32)  not null,
    appointment_id     uuid,
    centre_code        varchar(16),
    zone               varchar(64),
    local_date         date,
    local_time         time,
    starts_at          timestamptz,
    -- attendance outcome recorded by the MHAC: SAMPLED, NO_SHOW, EXCUSED, REFUSED, IDENTITY_MISMATCH
    outcome            varchar(32),
    unreachable        boolean      not null default false,
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

-- Every attempt notification-service made to reach a member, as it reported them.
create table contact_attempt (
    id           bigserial primary key,
    request_id   uuid         not null references sampling_request (id) on delete cascade,
    delivery_id  uuid         not null,
    person_ref   varchar(64)  not null,
    kind         varchar(40)  not null,
    channel      varchar(16)  not null,
    attempt      integer      not null,
    outcome      varchar(16)  not null,
    at           timestamptz  not null
);
create index ix_contact_attempt_request on contact_attempt (request_id, at);

-- Who read personal data, when and why (GDPR accountability). Holds references only.
create table personal_data_access (
    id          bigserial primary key,
    at          timestamptz  not null,
    actor       varchar(200) not null,
    request_id  uuid         not null,
    person_ref  varchar(64),
    purpose     varchar(100) not null
);

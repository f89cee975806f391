-- The outbox, the inbox and the dead letters: one shape in every service's database, kept here once.
-- Repeatable and idempotent: Flyway runs it after the service's own migrations whenever it changes,
-- so it creates the tables in a new database and brings an existing one up to date.

create table if not exists outbox_event (
    position      bigserial primary key,
    event_id      uuid         not null unique,
    topic         varchar(200) not null,
    aggregate_key varchar(200) not null,
    event_type    varchar(200) not null,
    payload       text         not null,
    occurred_at   timestamptz  not null,
    published_at  timestamptz
);
-- Refusals by the broker other than being away; at max-attempts the row is parked for an operator.
alter table outbox_event add column if not exists attempts integer not null default 0;
alter table outbox_event add column if not exists last_error varchar(500);
alter table outbox_event add column if not exists parked_at timestamptz;
-- Set when the aggregate is erased (data protection) before the row went out: the relay empties the payload once
-- the broker has it.
alter table outbox_event add column if not exists erase_after_publish boolean not null default false;
-- The W3C trace context the event was recorded in (platform/tracing): the relay sends it as a header.
alter table outbox_event add column if not exists traceparent varchar(100);
create index if not exists ix_outbox_event_unpublished on outbox_event (position) where published_at is null;
-- The relay skips rows whose key has a parked row before them.
create index if not exists ix_outbox_event_parked on outbox_event (topic, aggregate_key, position)
    where published_at is null and parked_at is not null;
create index if not exists ix_outbox_event_published on outbox_event (published_at) where published_at is not null;
-- Erasure finds an aggregate's rows by key.
create index if not exists ix_outbox_event_key on outbox_event (aggregate_key);

create table if not exists inbox_event (
    consumer     varchar(100) not null,
    event_id     varchar(100) not null,
    received_at  timestamptz  not null,
    primary key (consumer, event_id)
);
create index if not exists ix_inbox_event_received on inbox_event (received_at);

-- Records a consumer parked instead of applying: contract violations, and failures that kept
-- recurring while the database answered. Transient failures are retried, never parked here.
create table if not exists dead_letter (
    id                 bigserial     primary key,
    consumer           varchar(100)  not null,
    topic              varchar(200)  not null,
    kafka_partition    integer       not null,
    kafka_offset       bigint        not null,
    event_id           varchar(100),
    event_type         varchar(200),
    event_key          varchar(200),
    payload            text,
    headers            jsonb         not null,
    reason             varchar(1000) not null,
    parked_at          timestamptz   not null,
    replay_attempts    integer       not null default 0,
    last_replay_error  varchar(1000),
    replayed_at        timestamptz,
    replay_outcome     varchar(20),
    constraint uq_dead_letter_record unique (consumer, topic, kafka_partition, kafka_offset)
);
create index if not exists ix_dead_letter_parked on dead_letter (consumer, id) where replayed_at is null;

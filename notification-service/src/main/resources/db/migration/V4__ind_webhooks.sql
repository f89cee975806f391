-- The IND's systems are told of every change to their cases by webhooks (Standard Webhooks signing).
--
-- A subscription is a URL the IND registered and the secret its signatures are made with (shown to the
-- IND once, when it registers). Each event becomes one webhook delivery per subscription; the same event
-- delivered again by Kafka finds its row and adds nothing.
create table webhook_subscription (
    id          uuid          primary key,
    url         varchar(2000) not null,
    secret      varchar(100)  not null,
    description varchar(200),
    created_by  varchar(100)  not null,
    created_at  timestamptz   not null,
    active      boolean       not null default true
);

create table webhook_delivery (
    id               uuid          primary key,
    subscription_id  uuid          not null references webhook_subscription (id),
    event_id         varchar(100)  not null,
    type             varchar(60)   not null,
    request_id       uuid,
    payload          text          not null,
    status           varchar(16)   not null check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts         integer       not null default 0,
    next_attempt_at  timestamptz   not null,
    last_status      integer,
    last_error       varchar(200),
    created_at       timestamptz   not null,
    delivered_at     timestamptz,
    constraint uq_webhook_delivery unique (subscription_id, event_id)
);
create index ix_webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index ix_webhook_delivery_status on webhook_delivery (status, created_at);

-- Every channel a member can be reached on, tried in order; outages apart from contact attempts.
--
-- A message to a member is tried on one channel at a time (one row per message, channel and member, as
-- before); when that channel has no address or definitely fails, the next channel's row is created with
-- fallback_of pointing at the row it follows. An outage (intake or a provider down) delays a row without
-- counting as a contact attempt: outage_retries counts those. provider_ref is what the provider called
-- the message (the SMSC's message id, the mail's Message-ID), so that a delivery receipt finds its row.
alter table delivery add column fallback_of     uuid references delivery (id);
alter table delivery add column outage_retries  integer not null default 0;
alter table delivery add column provider_ref    varchar(200);
alter table delivery add column receipt         varchar(16) check (receipt in ('DELIVERED', 'UNDELIVERABLE'));
alter table delivery add column receipt_at      timestamptz;
-- Where an ad-hoc appointment (outside a centre) takes place; null at a centre.
alter table delivery add column location        varchar(200);
alter table delivery add constraint delivery_channel_check check (channel in ('SMS', 'WHATSAPP', 'EMAIL', 'PROXY'));

create index ix_delivery_provider_ref on delivery (channel, provider_ref) where provider_ref is not null;
create index ix_delivery_appointment on delivery (appointment_id);

-- What a put-off delivery waits for: INTAKE, or the provider of its channel (SMS, WHATSAPP, EMAIL,
-- PROXY); null when it waits for nothing but its time (or is being sent). When that party answers
-- again, the deliveries waiting for it are made due at once.
alter table delivery add column waiting_for varchar(16);
create index ix_delivery_waiting_for on delivery (waiting_for) where waiting_for is not null;

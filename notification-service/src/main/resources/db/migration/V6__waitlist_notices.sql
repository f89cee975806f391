-- A family that waits for a date is told so (once each time it starts waiting): a message with no
-- appointment yet, so its centre, zone, date and times are empty. Its appointment_id names the
-- waiting spell (derived from the request and when the wait began), which keeps one message per
-- member and channel.
alter table delivery alter column centre_code drop not null;
alter table delivery alter column zone drop not null;
alter table delivery alter column local_date drop not null;
alter table delivery alter column local_start drop not null;
alter table delivery alter column starts_at drop not null;

-- A delivery for an appointment that was cancelled or moved before it went out is CANCELLED, not sent.
-- While a dispatcher is sending, next_attempt_at holds its lease: if the process dies, the delivery is
-- due again when the lease runs out.
alter table delivery drop constraint delivery_status_check;
alter table delivery add constraint delivery_status_check
    check (status in ('PENDING', 'SENT', 'FAILED', 'NO_CHANNEL', 'CANCELLED'));

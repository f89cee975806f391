-- Erasure: after its retention period, or at the IND's request, a closed case keeps only what anonymous statistics
-- need (country, priority, dates, statuses, outcomes, ages, needs flags); its personal data and every reference that
-- leads to a person (the IND's reference and case number, members' references, the content hash) are gone.
alter table family_member alter column personal_data drop not null, alter column pii_key_id drop not null;
alter table sampling_request add column erased_at timestamptz, add column erasure_reason varchar(32);
-- The retention job's search: closed cases not yet erased, oldest change first.
create index ix_sampling_request_retention on sampling_request (updated_at)
    where erased_at is null and status in ('SAMPLED', 'CANCELLED', 'EXPIRED');

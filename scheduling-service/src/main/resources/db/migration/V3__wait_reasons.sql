-- Why a family waits (visible to country offices in the waitlist), and when the IND was told its deadline is at risk.
alter table family_case add column wait_reason varchar(40);
alter table family_case add column deadline_at_risk_since timestamptz;
create index ix_family_case_country_waiting on family_case (country) where status = 'WAITING';

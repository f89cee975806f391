-- Scheduling's early warning that a waiting case may miss its deadline, shown to the IND on the case.
alter table sampling_request add column deadline_at_risk_since timestamptz;
alter table sampling_request add column deadline_at_risk_reason varchar(40);

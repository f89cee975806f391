-- When a centre's details were last announced (CentreChangedV1); the seeded centres never were, so the
-- service announces them once at start-up.
alter table centre add column announced_at timestamptz;

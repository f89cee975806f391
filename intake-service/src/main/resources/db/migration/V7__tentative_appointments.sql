-- Scheduling books some families tentatively: the day may still move until it is confirmed, and only then is the
-- family told. The IND reads which it is; appointments recorded before this were all confirmed.
alter table family_member add column appointment_confirmed boolean not null default true;

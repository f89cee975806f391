-- Where a centre's list of the next day's appointments is e-mailed (a functional mailbox of the MHAC,
-- not a person's address). Centres without one are sent no list. The seeded centres get the
-- development domain's mailbox; production sets each through the centre API.
alter table centre add column day_list_email varchar(254);
update centre set day_list_email = lower(code) || '@mhac.iom.example' where day_list_email is null;

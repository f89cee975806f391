-- Sampling outside the centres: staff create a slot of their own for one ad-hoc case (never a registry slot,
-- never offered to other families) and say where it takes place.
alter table slot add column ad_hoc boolean not null default false;
alter table appointment add column location varchar(200);

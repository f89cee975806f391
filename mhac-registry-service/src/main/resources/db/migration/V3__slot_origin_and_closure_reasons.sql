-- Why a slot was withdrawn (so removing a closure can reopen exactly its slots), and whether MHAC
-- staff added it by hand rather than generation from a template.
alter table slot add column withdrawn_reason varchar(32);
alter table slot add column ad_hoc boolean not null default false;

alter table closure add constraint ck_closure_reason check (reason in ('PUBLIC_HOLIDAY', 'SECURITY', 'OTHER'));
create index ix_closure_range on closure (first_day, last_day);

alter table availability_template add constraint ck_template_fits_day check (ends > starts);
create index ix_availability_template_centre on availability_template (centre_code);

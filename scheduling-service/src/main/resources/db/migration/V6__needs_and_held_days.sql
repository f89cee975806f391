-- What a centre offers members with particular needs (comma-separated: WHEELCHAIR_ACCESS, MEDICAL_CARE).
alter table centre add column facilities varchar(200) not null default '';

-- Interpreters on duty at a centre on one local day, beyond the languages its own interpreters always speak.
create table interpreter_roster (
    centre_code varchar(16)  not null,
    local_date  date         not null,
    -- comma-separated BCP 47 tags; empty when no extra interpreter is on duty
    languages   varchar(300) not null default '',
    changed_at  timestamptz  not null,
    primary key (centre_code, local_date)
);

-- A centre-day whose free places are kept for a waiting family that is close to its deadline and does not fit
-- anywhere yet: nobody served after it is booked there, so places given back add up until the family fits.
alter table family_case add column held_centre varchar(16);
alter table family_case add column held_date date;
create index ix_family_case_holds on family_case (country) where held_centre is not null;

-- The centre in the city where a member lives (intake matches the city, which stays with intake): a shorter lead
-- time applies there.
alter table case_member add column local_centre varchar(16);

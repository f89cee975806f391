-- What a centre offers families with particular needs (CentreChangedV1.facilities): comma-separated
-- WHEELCHAIR_ACCESS and MEDICAL_CARE, each once, stored as the languages are. Empty: none.
alter table centre add column facilities varchar(100) not null default '';

-- Demo values for the seeded centres, to be confirmed by each centre (and corrected through the centre
-- API). announced_at is cleared so that the service announces them again at start-up with their
-- facilities, where they were announced before this column existed.
update centre set facilities = 'WHEELCHAIR_ACCESS,MEDICAL_CARE', announced_at = null
where code in ('ET-ADD', 'TR-IST');
update centre set facilities = 'WHEELCHAIR_ACCESS', announced_at = null
where code in ('ET-SHI', 'ET-JIJ', 'IR-THR', 'LB-BEY', 'SD-PZU', 'SD-KRT', 'TR-ANK');

-- The interpreters on duty at a centre on one local day, besides the centre's standing languages
-- (InterpreterRosterChangedV1). A row holds the day's latest roster; no row means no extra interpreter.
-- changed_by is the staff member or office (token principal) who set it.
create table interpreter_roster (
    centre_code  varchar(16)  not null references centre (code),
    local_date   date         not null,
    -- comma-separated BCP 47 tags, each once, sorted
    languages    text         not null default '',
    changed_at   timestamptz  not null,
    changed_by   varchar(255) not null,
    primary key (centre_code, local_date)
);

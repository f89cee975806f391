-- The appointment lifecycle: what happened to each member on the day (with every correction kept),
-- moves that point to the appointment they replace, manual bookings by staff, and the members a
-- family still has to bring after a no-show.

-- What the day list shows MHAC staff: language and needs (never names).
alter table case_member add column language             varchar(35);
alter table case_member add column needs_interpreter    boolean not null default false;
alter table case_member add column needs_accessibility  boolean not null default false;
alter table case_member add column needs_medical_care   boolean not null default false;
-- true once the member needs no further appointment (sampled, refused, identity not confirmed)
alter table case_member add column done                 boolean not null default false;

alter table family_case drop constraint family_case_status_check;
alter table family_case add constraint family_case_status_check
    check (status in ('WAITING', 'BOOKED', 'COMPLETED', 'UNREACHABLE', 'CANCELLED'));
-- appointments missed by a member who did not come (an excused absence does not count)
alter table family_case add column missed_appointments integer not null default 0 check (missed_appointments >= 0);

alter table appointment add column replaces uuid references appointment (id);
-- null when the scheduler booked; otherwise the staff member who did
alter table appointment add column booked_by varchar(100);
-- set when staff booked beyond a slot's capacity: why
alter table appointment add column override_reason varchar(500);
-- set when MHAC staff closed the day's list; no attendance is changed after that
alter table appointment add column closed_at timestamptz;
alter table appointment add constraint appointment_status_check
    check (status in ('BOOKED', 'COMPLETED', 'CANCELLED'));
create index ix_appointment_day on appointment (centre_code, local_date) where status <> 'CANCELLED';
create index ix_appointment_request on appointment (request_id, booked_at);

-- Where each member stands on the day: BOOKED until staff record them.
alter table appointment_member add column attendance varchar(24) not null default 'BOOKED'
    check (attendance in ('BOOKED', 'CHECKED_IN', 'SAMPLED', 'NO_SHOW', 'EXCUSED', 'REFUSED', 'IDENTITY_MISMATCH'));
alter table appointment_member add column identity_verified boolean;
-- who gave consent for the sample: the member, or the adult or guardian of a minor (a reference, not a name)
alter table appointment_member add column consent_given_by varchar(64);
alter table appointment_member add column kit_number varchar(64);

-- Every attendance record and correction, never updated: the audit trail of the day.
create table attendance_record (
    id                 bigserial    primary key,
    appointment_id     uuid         not null references appointment (id),
    member_ref         varchar(64)  not null,
    attendance         varchar(24)  not null,
    identity_verified  boolean,
    consent_given_by   varchar(64),
    kit_number         varchar(64),
    -- why an earlier record was corrected; null for a first record
    correction_reason  varchar(500),
    recorded_by        varchar(100) not null,
    recorded_at        timestamptz  not null
);
create index ix_attendance_record_member on attendance_record (appointment_id, member_ref, id);

-- Tentative bookings: a family's day is held at once, but may still move when the country's bookings are re-planned;
-- it is confirmed (and only then told to the family) at a set point before the day, or at once.
alter table appointment add column confirm_by timestamptz;
alter table appointment add column confirmed_at timestamptz;
-- Every booking made before tentative ones existed was confirmed (and told) when it was made; so is one that an
-- instance of the previous version still makes during a rolling update (it does not write the column). This version
-- always writes it.
update appointment set confirmed_at = booked_at;
alter table appointment alter column confirmed_at set default now();
create index ix_appointment_to_confirm on appointment (confirm_by) where status = 'BOOKED' and confirmed_at is null;

-- What each re-planning of a country's tentative bookings and waitlist did, for country offices to read.
create table optimiser_run (
    id                uuid         primary key,
    country           varchar(2)   not null,
    trigger           varchar(16)  not null check (trigger in ('SCHEDULE', 'ON_DEMAND')),
    -- the staff member who asked for it; null for a scheduled run
    requested_by      varchar(100),
    started_at        timestamptz  not null,
    finished_at       timestamptz  not null,
    outcome           varchar(16)  not null check (outcome in ('APPLIED', 'NOTHING_TO_PLAN', 'FAILED')),
    -- families planned: tentatively booked and waiting ones (confirmed appointments are fixed and not counted)
    families          integer      not null,
    moved             integer      not null default 0,
    newly_booked      integer      not null default 0,
    still_waiting     integer      not null default 0,
    -- the objective (lower is better) of the bookings before the run and of those it left
    objective_before  bigint,
    objective_after   bigint,
    -- the lower bound the solver proved, and whether its plan is proven optimal
    best_bound        bigint,
    optimal           boolean,
    solve_millis      bigint,
    solver_status     varchar(500),
    -- why a run failed or what it could not apply, in words
    detail            varchar(500)
);
create index ix_optimiser_run_country on optimiser_run (country, started_at desc);

create table optimiser_run_change (
    run_id       uuid         not null references optimiser_run (id) on delete cascade,
    request_id   uuid         not null,
    change       varchar(16)  not null check (change in ('MOVED', 'BOOKED', 'WAITING')),
    from_centre  varchar(16),
    from_date    date,
    to_centre    varchar(16),
    to_date      date,
    reason       varchar(200),
    primary key (run_id, request_id)
);

-- One run per country at a time across the service's instances: a run holds its country's row until it ends, or
-- until the lease runs out should its instance die.
create table optimiser_lease (
    country     varchar(2)   primary key,
    held_until  timestamptz  not null
);

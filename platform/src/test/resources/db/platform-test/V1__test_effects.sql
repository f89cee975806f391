-- What the test handler applied: one row per application of an event, so a count shows duplicates.
create table test_effect (
    id          bigserial    primary key,
    marker      varchar(100) not null,
    applied_at  timestamptz  not null
);
create index ix_test_effect_marker on test_effect (marker);

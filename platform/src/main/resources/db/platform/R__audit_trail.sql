-- The audit trail of personal data: who read or changed whose personal data, through which operation, and with
-- what outcome, refused attempts included. It holds references, never the values. Append-only: every row carries
-- the hash of the row before it, so an edited, inserted or deleted row breaks the chain (checked by
-- audit_trail_broken_at, and by `deploy/local/suite audit`). The trigger below refuses changes by mistake; the
-- chain is what shows a deliberate one.
-- Repeatable and idempotent, like the messaging tables.

create table if not exists audit_trail (
    id             bigint       primary key,
    at             timestamptz  not null,
    -- the token's subject and the name it gives; 'anonymous' when there was none
    subject        varchar(100) not null,
    actor          varchar(200) not null,
    -- the OAuth client the token was issued to (azp), and the token's own id (jti)
    client_id      varchar(100),
    token_id       varchar(100),
    -- the caller's address as this service saw it
    source         varchar(100),
    -- the operation, e.g. GET /internal/v1/sampling-requests/{id}/members/{personRef}/contact
    operation      varchar(300) not null,
    record_type    varchar(50)  not null,
    record_id      varchar(100),
    person_ref     varchar(100),
    -- which personal data the operation reads or changes
    fields         varchar(300) not null,
    -- ALLOWED, REFUSED (401, 403), NOT_FOUND (404), INVALID (other 4xx), FAILED (5xx)
    outcome        varchar(20)  not null,
    -- what the caller said it was for; the operation is what counts
    stated_purpose varchar(100),
    prev_hash      char(64)     not null,
    hash           char(64)     not null unique
);
create sequence if not exists audit_trail_id;
create index if not exists ix_audit_trail_record on audit_trail (record_id, id);

-- The hash of one row: its fields (times in microseconds, so no session time zone changes it) after the hash of the
-- row before it.
create or replace function audit_trail_hash(a audit_trail) returns char(64) language sql immutable as $$
    select encode(sha256(convert_to(a.prev_hash || json_build_array(a.id, (extract(epoch from a.at) * 1000000)::bigint,
        a.subject, a.actor, a.client_id, a.token_id, a.source, a.operation, a.record_type, a.record_id, a.person_ref,
        a.fields, a.outcome, a.stated_purpose)::text, 'UTF8')), 'hex')
$$;

-- Appends one row to the chain. One writer at a time (a transaction-scoped advisory lock), so rows are chained in
-- the order they commit.
create or replace function audit_trail_append(p_at timestamptz, p_subject text, p_actor text, p_client_id text,
        p_token_id text, p_source text, p_operation text, p_record_type text, p_record_id text, p_person_ref text,
        p_fields text, p_outcome text, p_stated_purpose text) returns bigint language plpgsql as $$
declare
    r audit_trail;
begin
    perform pg_advisory_xact_lock(hashtext('audit_trail'));
    select hash into r.prev_hash from audit_trail order by id desc limit 1;
    r.prev_hash := coalesce(r.prev_hash, repeat('0', 64));
    r.id := nextval('audit_trail_id');
    r.at := p_at;
    r.subject := p_subject;
    r.actor := p_actor;
    r.client_id := p_client_id;
    r.token_id := p_token_id;
    r.source := p_source;
    r.operation := p_operation;
    r.record_type := p_record_type;
    r.record_id := p_record_id;
    r.person_ref := p_person_ref;
    r.fields := p_fields;
    r.outcome := p_outcome;
    r.stated_purpose := p_stated_purpose;
    r.hash := audit_trail_hash(r);
    insert into audit_trail select r.*;
    return r.id;
end
$$;

create or replace function audit_trail_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'the audit trail is append-only';
end
$$;
drop trigger if exists audit_trail_append_only on audit_trail;
create trigger audit_trail_append_only before update or delete or truncate on audit_trail
    for each statement execute function audit_trail_refuse_change();

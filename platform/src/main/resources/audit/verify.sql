-- Checks the audit trail's hash chain from its rows alone (the hash is recomputed here, not by the database's own
-- function, which could have been replaced). One line: rows, id of the first row that breaks the chain (empty when
-- none), id and hash of the last row. An edited or inserted row breaks the chain at that row; a deleted one at the
-- row after it. Cutting rows off the end is not visible in the chain: compare the head with one noted earlier
-- (each service logs its head daily).
with chain as (
    select id, hash, prev_hash,
        lag(hash) over (order by id) as before,
        encode(sha256(convert_to(prev_hash || cast(json_build_array(id, cast(extract(epoch from at) * 1000000 as bigint),
            subject, actor, client_id, token_id, source, operation, record_type, record_id, person_ref,
            fields, outcome, stated_purpose) as text), 'UTF8')), 'hex') as recomputed
    from audit_trail)
select (select count(*) from chain),
    (select min(id) from chain where hash <> recomputed or prev_hash <> coalesce(before, repeat('0', 64))),
    (select max(id) from chain),
    (select hash from chain order by id desc limit 1);

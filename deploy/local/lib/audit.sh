# shellcheck shell=bash
# `suite audit`: checks the audit trail of personal data in every service's database by recomputing its
# hash chain from the rows alone (platform/src/main/resources/audit/verify.sql, the same check the services'
# GET /api/v1/audit/verification runs). Prints rows, where the chain breaks (if it does) and the head to note.
# Sourced by deploy/local/suite after the other libraries.

AUDIT_VERIFY_SQL="$REPO_DIR/platform/src/main/resources/audit/verify.sql"

cmd_audit() {
  local db line rows broken head hash failed=0
  [[ -f $AUDIT_VERIFY_SQL ]] || die "missing $AUDIT_VERIFY_SQL"
  for db in intake scheduling registry notification; do
    step "audit trail: $db"
    if ! line=$(PGPASSWORD=$db PGCONNECT_TIMEOUT=5 psql -X -q -A -t -F '|' -v ON_ERROR_STOP=1 -h 127.0.0.1 \
      -p "$PG_PORT" -U "$db" -d "$db" -f "$AUDIT_VERIFY_SQL" 2>&1); then
      line=${line##*ERROR:  }
      step_end "NOT CHECKED: ${line%%$'\n'*} (is the service started, its database migrated?)"
      failed=1
      continue
    fi
    IFS='|' read -r rows broken head hash <<<"$line"
    if [[ -n $broken ]]; then
      step_end "BROKEN at row $broken ($rows rows)"
      failed=1
    elif [[ -z $head ]]; then
      step_end "empty"
    else
      step_end "intact: $rows rows; head: row $head, hash $hash"
    fi
  done
  ((failed == 0)) || die "audit: a trail is broken or could not be read"
}

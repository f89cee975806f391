# shellcheck shell=bash
# `suite rotate-key`: a new key for intake-service's personal data at rest, while the suite runs. The keys live in
# .local/pii-keys (one keyId:base64 per line, the last one active; without the file, the published development key
# dev1 alone). The command adds a key, restarts intake-service with it active and the old ones still listed (the
# other services keep running; the IND's calls fail for the few seconds of the restart), has intake seal every row
# again with the new key (POST /api/v1/personal-data/re-encryption, as the demo admin) and waits until no row is
# left under an old key. An old key can then be deleted from the file; it takes effect at intake's next start.
# Sourced by deploy/local/suite after the other libraries.

PII_KEYS_FILE="$LOCAL_DIR/pii-keys"
KEYS_API=http://localhost:8081/api/v1/personal-data

# Sets PII_KEYS_LIST (comma-separated keyId:base64) and PII_ACTIVE (the last key's id) from the file, or dev1.
pii_keys_read() {
  local line
  PII_KEYS_LIST="" PII_ACTIVE=""
  if [[ -f $PII_KEYS_FILE ]]; then
    while IFS= read -r line; do
      [[ -z $line || $line == \#* ]] && continue
      PII_KEYS_LIST+="${PII_KEYS_LIST:+,}$line"
      PII_ACTIVE=${line%%:*}
    done <"$PII_KEYS_FILE"
  fi
  if [[ -z $PII_ACTIVE ]]; then
    PII_KEYS_LIST="dev1:$DEV_PII_KEY" PII_ACTIVE=dev1
  fi
}

keys_admin_token() {
  curl -s --max-time 10 -d grant_type=password -d client_id=dna-cli -d username=admin -d password=demo-password \
    "$KEYCLOAK_URL/realms/dna/protocol/openid-connect/token" | jq -r '.access_token // empty' 2>/dev/null
}

cmd_rotate_key() {
  local entry module port db id t0 token answer left i
  take_lock
  command -v jq >/dev/null || die "rotate-key needs jq (apt-get install jq)"
  entry=$(service_entry intake-service)
  IFS=: read -r module port db <<<"$entry"
  running_pid "$module" >/dev/null || die "rotate-key: intake-service is not running (deploy/local/suite up first)"

  pii_keys_read
  id="k$(date -u +%Y%m%d%H%M%S)"
  step "new key"
  (
    umask 077
    if [[ ! -f $PII_KEYS_FILE ]]; then
      printf '# intake-service keys for personal data (keyId:base64 of 32 bytes); the last one seals new data.\n' >"$PII_KEYS_FILE"
      printf 'dev1:%s\n' "$DEV_PII_KEY" >>"$PII_KEYS_FILE"
    fi
    printf '%s:%s\n' "$id" "$(head -c 32 /dev/urandom | base64 -w0)" >>"$PII_KEYS_FILE"
  )
  step_end "$id, after ${PII_ACTIVE} (in ${PII_KEYS_FILE#"$REPO_DIR"/})"

  step "$module"
  stop_component "$module" 30
  service_start "$module" "$module" "$port" "$db"

  token=$(keys_admin_token)
  [[ -n $token ]] || die "rotate-key: no admin token from Keycloak"
  t0=$(clock_us)
  answer=$(curl -s --max-time 30 -X POST -H "Authorization: Bearer $token" "$KEYS_API/re-encryption") ||
    die "rotate-key: intake did not take the re-encryption request"
  for ((i = 0; i < 600; i++)); do
    answer=$(curl -s --max-time 30 -H "Authorization: Bearer $token" "$KEYS_API/keys") || answer=""
    left=$(jq -r '[.keys[] | select(.active | not) | select(.configured) | .members + .requests] | add // 0' \
      <<<"$answer" 2>/dev/null) || left='?'
    if [[ $left == 0 && $(jq -r .reEncrypting <<<"$answer") == false ]]; then
      break
    fi
    # Progress on a terminal only; a log gets the one line below.
    [[ -t 1 ]] && printf '\r%-24s … %s row(s) left under old keys (%s)\033[K' "re-encryption" "$left" "$(since "$t0")"
    sleep 1
  done
  [[ -t 1 ]] && printf '\r\033[K'
  step "re-encryption"
  if [[ $left == 0 ]]; then
    step_end "done ($(since "$t0"))"
  else
    step_end "NOT DONE: $left row(s) left ($(since "$t0"))"
  fi
  printf '\n%-24s %-8s %-10s %-10s\n' KEY ACTIVE MEMBERS CASES
  jq -r '.keys[] | [.keyId, (if .active then "yes" else "-" end), .members, .requests] | @tsv' <<<"$answer" |
    while IFS=$'\t' read -r id active members requests; do
      printf '%-24s %-8s %-10s %-10s\n' "$id" "$active" "$members" "$requests"
    done
  [[ $left == 0 ]] || die "rotate-key: $left row(s) are still sealed with an old key (intake's log says which)"
  printf '\nOld keys that seal nothing may be deleted from %s; intake reads the file when it starts.\n' \
    "${PII_KEYS_FILE#"$REPO_DIR"/}"
}

# shellcheck shell=bash
# Keycloak: the server distribution from Maven Central in development mode (H2 database under
# .local/keycloak), with the realm deploy/keycloak/dna-realm.json imported.

KEYCLOAK_PORT=8180
KEYCLOAK_REALM_FILE="$REPO_DIR/deploy/keycloak/dna-realm.json"
# Tokens carry the host name the client used as their issuer: everything uses "localhost".
KEYCLOAK_URL="http://localhost:$KEYCLOAK_PORT"
KEYCLOAK_READY_URL="$KEYCLOAK_URL/realms/dna/.well-known/openid-configuration"
# A first start with import takes 40-110 s on 2 cores, more while Maven builds.
KEYCLOAK_TIMEOUT=${KEYCLOAK_TIMEOUT:-300}

keycloak_home() { printf '%s/keycloak/keycloak-%s' "$LOCAL_DIR" "$(pom_property keycloak.version)"; }

# Unpacks the distribution once per version (the zip comes from the downloads pom).
keycloak_install() {
  local home zip tmp
  home=$(keycloak_home)
  [[ -x $home/bin/kc.sh ]] && return 0
  zip="$DOWNLOAD_DIR/keycloak-quarkus-dist-$(pom_property keycloak.version).zip"
  [[ -f $zip ]] || download copy@keycloak
  tmp="$LOCAL_DIR/keycloak/.unpacking"
  rm -rf "$tmp"
  mkdir -p "$tmp"
  unzip -q "$zip" -d "$tmp" || fail_with_log "$LOG_DIR/keycloak.log" "unzip $zip failed"
  mv "$tmp/${home##*/}" "$home"
  rm -rf "$tmp"
}

# Keycloak skips --import-realm for a realm its database already holds. When the realm file
# changed since the last successful import, the development database is dropped so that the
# current file is imported again (users and sessions made by hand are lost: it is a dev realm).
keycloak_prepare_realm() {
  local home=$1 sum
  sum=$(sha256sum "$KEYCLOAK_REALM_FILE" | cut -d ' ' -f 1)
  mkdir -p "$home/data/import"
  cp "$KEYCLOAK_REALM_FILE" "$home/data/import/dna-realm.json"
  if [[ -d $home/data/h2 && $(cat "$LOCAL_DIR/keycloak/realm.sha256" 2>/dev/null) != "$sum" ]]; then
    rm -rf "$home/data/h2"
    KEYCLOAK_NOTE="realm file changed: re-imported, "
  fi
  KEYCLOAK_REALM_SUM=$sum
}

keycloak_up() {
  local t0 pid rc=0 home
  t0=$(clock_us)
  KEYCLOAK_NOTE=""
  step "keycloak"
  if pid=$(running_pid keycloak); then
    step_end "already running (pid $pid)"
    return 0
  fi
  require_free_ports "$KEYCLOAK_PORT"
  mkdir -p "$LOCAL_DIR/keycloak"
  rotate_log "$LOG_DIR/keycloak.log"
  keycloak_install
  home=$(keycloak_home)
  keycloak_prepare_realm "$home"
  # Bound to the loopback interface only: the bootstrap admin (admin/admin, development only)
  # must not be reachable from the network. kc.sh re-executes Java after its first build; its
  # process group (see launch) holds both, so `down` stops whichever is running.
  launch keycloak "$LOG_DIR/keycloak.log" env KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
    "$home/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="$KEYCLOAK_PORT" --import-realm
  pid=$LAUNCHED_PID
  wait_until "$KEYCLOAK_TIMEOUT" "$pid" http_ok "$KEYCLOAK_READY_URL" || rc=$?
  ((rc == 0)) || fail_with_log "$LOG_DIR/keycloak.log" "$(wait_failure "$rc" "$KEYCLOAK_TIMEOUT")"
  printf '%s\n' "$KEYCLOAK_REALM_SUM" >"$LOCAL_DIR/keycloak/realm.sha256"
  step_end "ready (pid $pid, ${KEYCLOAK_NOTE}$(since "$t0"))"
}

keycloak_down() {
  step "keycloak"
  stop_component keycloak 60
}

keycloak_status() {
  component_status keycloak "$KEYCLOAK_PORT" "$KEYCLOAK_URL/admin (realm dna)"
}

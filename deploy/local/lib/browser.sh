# shellcheck shell=bash
# Headless Chromium and its driver from Debian, for the staff console's browser tests
# (system-tests/StaffConsoleBrowserIT). A test tool cannot download a browser here; Debian's packages can.

CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver}

browser_install() {
  local t0 log="$LOG_DIR/browser.log" note=""
  t0=$(clock_us)
  step "chromium"
  if [[ ! -x $CHROMIUM || ! -x $CHROMEDRIVER ]]; then
    note="installed, "
    { as_root apt-get update && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver; } >>"$log" 2>&1 ||
      fail_with_log "$log" "apt-get install chromium chromium-driver failed"
  fi
  step_end "ready (${note}$("$CHROMEDRIVER" --version 2>/dev/null | cut -d' ' -f1-2), $(since "$t0"))"
}

#!/usr/bin/env bash
# Headless Chromium for kpi-service's dashboard test: installs Debian's chromium and chromium-driver when
# /usr/bin/chromium or /usr/bin/chromedriver is missing. Called by `stack.sh start`; safe to run again.
#
# usage: deploy/local/browser.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
show_help_if_asked "$@"

BROWSER=/usr/bin/chromium
DRIVER=/usr/bin/chromedriver
PACKAGES=(chromium chromium-driver)

[[ -x $BROWSER && -x $DRIVER ]] && exit 0

as_root=()
if (( EUID != 0 )); then
  command -v sudo >/dev/null || die "browser: $BROWSER or $DRIVER is missing; as root run: apt-get install -y --no-install-recommends ${PACKAGES[*]}"
  as_root=(sudo -n)
fi
command -v apt-get >/dev/null || die "browser: $BROWSER or $DRIVER is missing and this is not a Debian-like system; install Chromium and its chromedriver there"

t0=$(now)
log="$LOGS/browser-setup.log"
# the package lists may be empty (fresh container) or stale: update them once if the first try fails
if ! DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y --no-install-recommends "${PACKAGES[@]}" </dev/null >"$log" 2>&1; then
  { "${as_root[@]}" apt-get update \
      && DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y --no-install-recommends "${PACKAGES[@]}"; } \
    </dev/null >>"$log" 2>&1 || fail_with_log "browser: apt-get could not install ${PACKAGES[*]}" "$log"
fi
[[ -x $BROWSER && -x $DRIVER ]] || fail_with_log "browser: ${PACKAGES[*]} installed, but $BROWSER or $DRIVER is still missing" "$log"
say "browser: ${PACKAGES[*]} installed in $(since "$t0")"

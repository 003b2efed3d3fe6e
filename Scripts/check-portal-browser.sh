#!/usr/bin/env bash
# The portal in a real browser: headless Chromium (Debian's `chromium` and `chromium-driver`, driven by Selenium from
# Debian's `python3-selenium`) against `saima serve` and a local baseline endpoint that demands the team's key.
# Walks register → approve → endpoint check → self-test with live progress → the public dev board, then checks that
# a team name carrying script renders inert, that a POST without the CSRF token is refused and that another team
# cannot open the run. Screenshots of each page go to OUTDIR for a person to look at. Nothing generated is committed.
# Usage: SAIMA=.build/debug/saima Scripts/check-portal-browser.sh [OUTDIR]
set -euo pipefail
out=${1:-runs/ci-portal/screens}
saima=${SAIMA:-.build/debug/saima}
for tool in chromium chromedriver /usr/bin/python3; do
  command -v "$tool" >/dev/null || { echo "$tool is missing: apt-get install -y chromium chromium-driver python3-selenium fonts-noto-cjk" >&2; exit 2; }
done
/usr/bin/python3 -c "import selenium" 2>/dev/null || { echo "python3-selenium is missing" >&2; exit 2; }
work=$(mktemp -d)
rm -rf "$out" && mkdir -p "$out"
free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
endpoint_port=$(free_port)
portal_port=$(free_port)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
team_key="sk-browser-$(head -c 9 /dev/urandom | od -An -tx1 | tr -d ' \n')"
BROWSER_TEAM_KEY=$team_key "$saima" serve-baseline --port "$endpoint_port" --persona keyword --require-key-env BROWSER_TEAM_KEY \
  >"$work/baseline.log" 2>&1 &
pids+=($!)
SAIMA_PORTAL_SECRET=$(head -c 32 /dev/urandom | base64) SAIMA_ORGANIZER_PASSWORD=organizer-browser-pass \
  "$saima" serve --port "$portal_port" --state "$work/state" --tracks Tracks >"$work/portal.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$portal_port/health" >/dev/null && curl -s "http://127.0.0.1:$endpoint_port/v1/models" >/dev/null && break
  sleep 0.1
done
status=0
PORTAL="http://127.0.0.1:$portal_port" ENDPOINT="http://127.0.0.1:$endpoint_port/v1" TEAM_KEY="$team_key" OUT="$out" \
  /usr/bin/python3 "$(dirname "$0")/portal_browser.py" || status=$?
if grep -qF "$team_key" "$work/portal.log" || grep -rqaF "$team_key" "$work/state"; then
  echo "browser check: the team's key appears in the portal's log or state" >&2; status=1
fi
[ "$status" = 0 ] || { echo "--- portal log"; tail -n 30 "$work/portal.log"; }
exit "$status"

# Shared by the portal benchmarks (sourced, not run): a local baseline endpoint that demands the team key
# `sk-bench-key` and answers after $1 ms, a release `saima serve` on a fresh state folder with the organizer password
# `bench-organizer-pass`, both stopped (and the folder removed) when the script exits. Sets work, endpoint_port,
# portal_port and portal (the server's PID), and waits until the portal answers.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
start_portal_bench() {
  work=$(mktemp -d)
  endpoint_port=$(free_port)
  portal_port=$(free_port)
  pids=()
  cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
  trap cleanup EXIT
  BENCH_KEY=sk-bench-key "$saima" serve-baseline --port "$endpoint_port" --persona keyword --require-key-env BENCH_KEY \
    --latency-ms "${1:-0}" >"$work/b.log" 2>&1 &
  pids+=($!)
  SAIMA_PORTAL_SECRET=$(head -c 32 /dev/urandom | base64) SAIMA_ORGANIZER_PASSWORD=bench-organizer-pass \
    "$saima" serve --port "$portal_port" --state "$work/state" --tracks Tracks >"$work/p.log" 2>&1 &
  portal=$!
  pids+=($portal)
  for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$portal_port/health" >/dev/null && break; sleep 0.1; done
}

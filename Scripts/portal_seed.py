"""Fills a running portal through its own forms, as people would: TEAMS teams register and are approved, enter the
endpoint, pass the check and self-test once, so that the public dev board has real rows. Standard library only.
With AT_ONCE=1 every team is set up first and then all launch their self-tests at the same moment (one thread per
team, as a hundred browsers would), while a reader times the public board; the figures are printed.
Usage: PORTAL=http://127.0.0.1:P ENDPOINT=http://127.0.0.1:Q/v1 TEAM_KEY=... ORGANIZER_PASSWORD=... TEAMS=N \
       [AT_ONCE=1] python3 portal_seed.py"""
import concurrent.futures
import http.cookiejar
import multiprocessing
import os
import re
import statistics
import sys
import threading
import time
import urllib.parse
import urllib.request

PORTAL = os.environ["PORTAL"]


class Client:
    """One browser: a cookie jar, and the CSRF token of the last page read."""

    def __init__(self):
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        self.csrf = ""

    def get(self, path):
        with self.opener.open(PORTAL + path) as r:
            page = r.read().decode()
        m = re.search(r'name="csrf" value="([^"]+)"', page)
        if m:
            self.csrf = m.group(1)
        return page

    def post(self, path, fields):
        data = urllib.parse.urlencode(list(fields.items()) + [("csrf", self.csrf)], doseq=True).encode()
        with self.opener.open(urllib.request.Request(PORTAL + path, data=data)) as r:
            return r.geturl(), r.read().decode()


def set_up(organizer, i):
    """Team i registers, is approved and saves its endpoint (checked on saving)."""
    team = Client()
    team.get("/register")
    team.post("/register", {"team_id": f"team-{i:03d}", "name_zh": f"测试队{i}", "name_en": f"Team {i}",
                            "organisation": "Bench", "contact": "bench@example.org", "tracks": "tourism",
                            "username": f"user-{i:03d}", "password": "bench-password"})
    organizer.get("/organizer")
    organizer.post(f"/organizer/teams/team-{i:03d}/approve", {})
    team.get("/team")
    team.post("/team/endpoint", {"base_url": os.environ["ENDPOINT"], "model": "keyword-baseline",
                                 "api_key": os.environ["TEAM_KEY"], "concurrency": "8"})
    team.get("/team")
    return team


def launch(team):
    url, _ = team.post("/team/selftest", {})
    return urllib.parse.urlparse(url).path


def wait_done(team, path, polls=3000, pause=0.2):
    for _ in range(polls):
        page = team.get(path)
        if 'id="run-status">done<' in page:
            return time.monotonic()
        if 'id="run-status">failed<' in page:
            sys.exit(f"self-test {path} failed")
        time.sleep(pause)
    sys.exit(f"self-test {path} did not finish")


def read_board(stop, out):
    """Times the public board every 50 ms until `stop` is set (its own process: the launching threads never delay it)."""
    visitor, latencies = Client(), []
    while not stop.is_set():
        t = time.monotonic()
        visitor.get("/")
        latencies.append((time.monotonic() - t) * 1000)
        time.sleep(0.05)
    out.put(latencies)


def at_once(teams):
    """All teams launch together; prints the time to the last finished run and the board's latency meanwhile."""
    paths, done = [None] * len(teams), [None] * len(teams)
    stop, out = multiprocessing.Event(), multiprocessing.Queue()

    def one(k):
        paths[k] = launch(teams[k])
        done[k] = wait_done(teams[k], paths[k], polls=12000, pause=0.5)

    def cpu():
        """The portal's CPU seconds so far (user + system), when its PID is known."""
        pid = os.environ.get("PORTAL_PID")
        if not pid:
            return None
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    watcher = multiprocessing.Process(target=read_board, args=(stop, out))
    watcher.start()
    cpu_before = cpu()
    start = time.monotonic()
    workers = [threading.Thread(target=one, args=(k,)) for k in range(len(teams))]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    cpu_after = cpu()
    stop.set()
    latencies = out.get()
    watcher.join()
    if any(d is None for d in done):
        sys.exit("a self-test did not finish")
    spans = sorted(d - start for d in done)
    lat = sorted(latencies)
    print(f"launched {len(teams)} self-tests at once: first finished {spans[0]:.1f} s, median {statistics.median(spans):.1f} s, "
          f"last {spans[-1]:.1f} s after the launch")
    if cpu_before is not None:
        print(f"portal CPU time from the launch to the last finished run: {cpu_after - cpu_before:.1f} s "
              f"({(cpu_after - cpu_before) / (spans[-1]) * 100:.0f}% of one core over that time)")
    print(f"public board during the runs: {len(lat)} reads, p50 {statistics.median(lat):.1f} ms, "
          f"p95 {lat[int(len(lat) * 0.95)]:.1f} ms, max {lat[-1]:.1f} ms")
    return paths


def main():
    count = int(os.environ.get("TEAMS", "10"))
    organizer = Client()
    organizer.get("/login")
    organizer.post("/login", {"username": "organizer", "password": os.environ["ORGANIZER_PASSWORD"]})
    organizer.get("/organizer")
    organizer.post("/organizer/phase", {"phase": "dev"})
    if os.environ.get("AT_ONCE") == "1":
        started = time.monotonic()
        # Ten teams at a time register and save endpoints (each check waits for the endpoint's latency).
        with concurrent.futures.ThreadPoolExecutor(max_workers=10) as pool:
            teams = list(pool.map(lambda i: set_up(organizer, i), range(count)))
        print(f"set up {count} teams (register, approve, endpoint checked) in {time.monotonic() - started:.1f} s")
        at_once(teams)
    else:
        runs = []
        for i in range(count):
            team = set_up(organizer, i)
            runs.append((team, launch(team)))
        for team, path in runs:
            wait_done(team, path)
    print(f"seeded {count} teams, each with a finished self-test")


if __name__ == "__main__":
    main()

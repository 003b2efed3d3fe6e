"""Fills a running portal through its own forms, as people would: TEAMS teams register and are approved, enter the
endpoint, pass the check and self-test once, so that the public dev board has real rows. Standard library only.
Usage: PORTAL=http://127.0.0.1:P ENDPOINT=http://127.0.0.1:Q/v1 TEAM_KEY=... ORGANIZER_PASSWORD=... TEAMS=N python3 portal_seed.py"""
import http.cookiejar
import os
import re
import sys
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


def main():
    teams = int(os.environ.get("TEAMS", "10"))
    organizer = Client()
    organizer.get("/login")
    organizer.post("/login", {"username": "organizer", "password": os.environ["ORGANIZER_PASSWORD"]})
    organizer.get("/organizer")
    organizer.post("/organizer/phase", {"phase": "dev"})
    runs = []
    for i in range(teams):
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
        url, _ = team.post("/team/selftest", {})
        runs.append((team, urllib.parse.urlparse(url).path))
    for team, path in runs:
        for _ in range(600):
            if 'id="run-status">done<' in team.get(path):
                break
            time.sleep(0.2)
        else:
            sys.exit(f"self-test {path} did not finish")
    print(f"seeded {teams} teams, each with a finished self-test")


main()

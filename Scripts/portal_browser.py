"""The portal driven through headless Chromium (Selenium, Debian's chromium-driver). Each step asserts what a person
would see and saves a screenshot; any failure exits non-zero with the step's name."""
import os
import sys
import time
import urllib.error
import urllib.request

from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

PORTAL, ENDPOINT, KEY, OUT = (os.environ[k] for k in ("PORTAL", "ENDPOINT", "TEAM_KEY", "OUT"))
XSS = "<img src=x onerror=alert(1)><script>alert(2)</script>"


def browser():
    options = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1400", "--lang=zh-CN"):
        options.add_argument(arg)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def check(condition, step, driver=None):
    if not condition:
        print(f"browser check failed: {step}", file=sys.stderr)
        if driver is not None:
            shot(driver, "failed")
            print(driver.find_element(By.TAG_NAME, "body").text[:3000], file=sys.stderr)
        sys.exit(1)
    print(f"ok: {step}")


def shot(driver, name):
    driver.save_screenshot(os.path.join(OUT, name + ".png"))


def fill(driver, fields):
    for name, value in fields.items():
        box = driver.find_element(By.NAME, name)
        box.clear()
        box.send_keys(value)


def submit(driver, action):
    """Submits a form and waits for the next page to load: a mark set on the old page is gone on the new one."""
    driver.execute_script("window.__saimaOldPage = true;")
    driver.find_element(By.CSS_SELECTOR, f'form[action="{action}"] button[type="submit"]').click()
    WebDriverWait(driver, 60, ignored_exceptions=(WebDriverException,)).until(
        lambda d: d.execute_script("return !window.__saimaOldPage && document.readyState === 'complete'"))


def register(driver, team, zh, en, user):
    driver.get(PORTAL + "/register")
    fill(driver, {"team_id": team, "name_zh": zh, "name_en": en, "organisation": "测试单位 Test org",
                  "contact": f"{team}@example.org", "username": user, "password": "browser-team-pass"})
    driver.find_element(By.CSS_SELECTOR, 'input[name="tracks"][value="tourism"]').click()
    submit(driver, "/register")


def sign_in(driver, user, password):
    driver.get(PORTAL + "/login")
    fill(driver, {"username": user, "password": password})
    submit(driver, "/login")


def status_of(path, cookies, data=None):
    request = urllib.request.Request(PORTAL + path, data=data, method="POST" if data is not None else "GET")
    request.add_header("Cookie", "; ".join(f"{c['name']}={c['value']}" for c in cookies))
    try:
        with urllib.request.urlopen(request) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


team, organizer, mallory = browser(), browser(), browser()
try:
    register(team, "alpha", "阿尔法队", "Team Alpha", "alpha-user")
    check("/team" in team.current_url and "pending" in team.page_source, "a registered team waits for approval")
    shot(team, "01-registered")

    sign_in(organizer, "organizer", "organizer-browser-pass")
    check("/organizer" in organizer.current_url, "the organizer signs in")
    submit(organizer, "/organizer/teams/alpha/approve")
    Select(organizer.find_element(By.NAME, "phase")).select_by_value("dev")
    submit(organizer, "/organizer/phase")
    check("approved" in organizer.find_element(By.ID, "teams").text, "the organizer approves the team")
    shot(organizer, "02-organizer")

    # The schedule: the dev phase began yesterday, the test phase starts in 30 days; dev quotas 2 a day, 5 in all.
    organizer.execute_script(
        "document.querySelector('[name=starts_dev]').value = arguments[0];"
        "document.querySelector('[name=starts_test]').value = arguments[1];",
        time.strftime("%Y-%m-%dT%H:%M", time.gmtime(time.time() - 86400)),
        time.strftime("%Y-%m-%dT%H:%M", time.gmtime(time.time() + 30 * 86400)))
    fill(organizer, {"day_dev": "2", "total_dev": "5"})
    submit(organizer, "/organizer/schedule")
    check("/organizer" in organizer.current_url and "2" == organizer.find_element(By.NAME, "day_dev").get_attribute("value"),
          "the organizer saves the schedule and the dev phase's quotas", organizer)
    shot(organizer, "02b-schedule")

    team.get(PORTAL + "/team")
    fill(team, {"base_url": ENDPOINT, "model": "keyword-baseline", "api_key": KEY, "concurrency": "4"})
    submit(team, "/team/endpoint")
    check("通过 passed" in team.page_source, "the endpoint check passes with the sealed key delivered", team)
    check(KEY not in team.page_source, "the key is not shown again")
    shot(team, "03-endpoint-checked")

    submit(team, "/team/selftest")
    check("/runs/" in team.current_url, "the self-test starts and its page opens")
    run_path = team.current_url[len(PORTAL):]
    shot(team, "04-selftest-running")
    # The page's script follows the run over server-sent events and reloads the page when it ends.
    state = "return [document.getElementById('run-status') ? document.getElementById('run-status').textContent : '', " \
        "!!document.getElementById('scores')]"
    deadline = time.time() + 180
    while time.time() < deadline and team.execute_script(state) != ["done", True]:
        time.sleep(0.5)
    check(team.execute_script(state) == ["done", True], "the self-test ends as done, with scores", team)
    check("文旅" in team.find_element(By.ID, "scores").text, "live progress ends in the run's scores")
    shot(team, "05-selftest-done")
    team.get(PORTAL + "/team")
    check("今日 today 1/2 · 本阶段 this phase 1/5" in team.find_element(By.ID, "quota").text,
          "the team sees the quota of the phase it has used", team)

    public = browser()
    public.get(PORTAL + "/")
    check("阿尔法队 (Team Alpha)" in public.find_element(By.ID, "board-tourism").text, "the team is on the public dev board")
    check("▶ 开发集自测 Dev self-tests" in public.find_element(By.ID, "schedule").text, "the public sees the schedule")
    shot(public, "06-public-board")
    public.quit()

    organizer.get(PORTAL + "/organizer")
    fill(organizer, {"username": "judge-one", "password": "judge-one-password"})
    submit(organizer, "/organizer/judges")
    organizer.get(PORTAL + run_path)
    organizer.find_element(By.CSS_SELECTOR, 'input[name="judges"][value="judge-one"]').click()
    submit(organizer, run_path + "/judges")
    judge = browser()
    sign_in(judge, "judge-one", "judge-one-password")
    check("/judge" in judge.current_url, "a judge signs in to their tasks", judge)
    judge.find_element(By.CSS_SELECTOR, "#tasks a").click()
    WebDriverWait(judge, 30).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, 'input[name^="score_"]')) > 0)
    check("阿尔法" not in judge.page_source and "alpha" not in judge.page_source,
          "the judge's sheet names no team", judge)
    first = judge.find_elements(By.CSS_SELECTOR, 'input[name^="score_"]')[0]
    first.send_keys("5")
    submit(judge, run_path.replace("/runs/", "/judge/runs/"))
    check("Saved: 1 of" in judge.page_source, "a judge scores an answer", judge)
    shot(judge, "08-judge-scored")
    judge.quit()
    organizer.get(PORTAL + run_path)
    check("已评答案 Answers graded: 1" in organizer.page_source, "the organizer sees the graded answer", organizer)

    register(mallory, "mallory", XSS, "Mallory", "mallory-user")
    check("/team" in mallory.current_url, "a team with script in its name registers", mallory)
    organizer.get(PORTAL + "/organizer")
    time.sleep(0.5)
    try:
        organizer.switch_to.alert
        check(False, "a team name carrying script renders inert")
    except NoAlertPresentException:
        print("ok: a team name carrying script renders inert (no alert)")
    check("<img src=x onerror=alert(1)><script>alert(2)</script>" in organizer.find_element(By.ID, "teams").text,
          "the name shows as the text that was typed")
    shot(organizer, "09-xss-inert")

    cookies = mallory.get_cookies()
    check(status_of("/team/selftest", cookies, data=b"") == 403, "a POST without the CSRF token is refused")
    check(status_of(run_path, cookies) == 404, "another team cannot open the run")
    mallory.get(PORTAL + run_path)
    check("No such run" in mallory.page_source, "another team sees 'no such run'")
    shot(mallory, "10-other-team-refused")

    # A lost password: the organizer issues a one-time password; the team's session ends; the next sign-in must
    # choose a new password before anything else opens.
    organizer.get(PORTAL + "/organizer")
    submit(organizer, "/organizer/accounts/mallory-user/reset")
    one_time = organizer.find_element(By.ID, "one-time-password").text
    check(len(one_time) == 16, "the organizer sees a one-time password once", organizer)
    shot(organizer, "11-password-reset")
    mallory.get(PORTAL + "/team")
    check("/login" in mallory.current_url, "the reset ended the team's session", mallory)
    sign_in(mallory, "mallory-user", one_time)
    check("/account" in mallory.current_url, "a one-time password leads to the password form", mallory)
    shot(mallory, "12-choose-password")
    fill(mallory, {"current_password": one_time, "new_password": "mallory-new-pass", "confirm_password": "mallory-new-pass"})
    submit(mallory, "/account/password")
    check("/team" in mallory.current_url, "after choosing a password the team page opens", mallory)
finally:
    for d in (team, organizer, mallory):
        d.quit()

"""The dashboard in headless Chromium against the real stack (scripts/browser-tests.sh starts it).

Each test drives the pages as a person would and saves a screenshot of what it saw to SCREENSHOT_DIR.
"""
import os
import re
import sys
import time
import traceback

from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException, StaleElementReferenceException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.select import Select
from selenium.webdriver.support.ui import WebDriverWait

BASE = os.environ["DASHBOARD_URL"]
SIGNED = os.environ["SIGNED_DASHBOARD_URL"]
KEY = os.environ["DASHBOARD_KEY"]
ADMIN_KEY = os.environ["DASHBOARD_ADMIN_KEY"]
SHOTS = os.environ["SCREENSHOT_DIR"]

DIALOG = """Менеджер: Добрый день! Меня зовут Анна, компания «Связь Плюс». Чем могу помочь?
Клиент: Здравствуйте. Хочу подключить интернет в офис.
Менеджер: Расскажите, сколько у вас сотрудников и какие задачи для вас важны?
Клиент: Двадцать человек, важна стабильность и цена.
Менеджер: Предлагаем тариф «Бизнес 200»: выделенная линия и поддержка 24/7. Давайте я пришлю договор сегодня?
Клиент: Да, присылайте. Спасибо!"""

HOSTILE = """Agent: Hello, this is Mark. <script>window.__xss = 1; alert('xss')</script> How can I help?
Customer: <img src=x onerror="window.__xss = 2; alert(2)"> I want a refund, damn it.
Agent: I understand. Could you give me the order number so I can check it?"""


def browser(width=1280, height=900):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    # a fake microphone (a beeping tone) that needs no permission prompt, for the Live call screen
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     f"--window-size={width},{height}", "--lang=en-US", "--use-fake-ui-for-media-stream",
                     "--use-fake-device-for-media-stream"):
        options.add_argument(argument)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def shot(driver, name, full_page=True):
    if full_page:
        height = driver.execute_script("return Math.min(document.documentElement.scrollHeight, 6000)")
        width = driver.execute_script("return window.innerWidth")
        driver.set_window_size(max(width, 375), max(height, 600))
    driver.save_screenshot(os.path.join(SHOTS, name + ".png"))


def submit_dialog(driver, text, manager="", mode="manager", base=BASE):
    driver.get(base + "/")
    driver.find_element(By.ID, "dialog_text").send_keys(text)
    Select(driver.find_element(By.ID, "mode")).select_by_value(mode)
    driver.find_element(By.ID, "manager_id").send_keys(manager)
    driver.find_element(By.CSS_SELECTOR, "form.analyze button[type=submit]").click()
    WebDriverWait(driver, 10).until(EC.url_matches(r"/calls/[0-9a-f-]{36}$"))
    WebDriverWait(driver, 90).until(EC.presence_of_element_located((By.ID, "total-score")))
    return driver.current_url


def replaced(page):
    """A wait condition: true once `page` (an element) has left the document. While the next page is coming in,
    Chromium may say so with "does not belong to the document" instead of a stale element."""
    def condition(_driver):
        try:
            page.is_enabled()
            return False
        except StaleElementReferenceException:
            return True
        except WebDriverException as error:
            if "does not belong to the document" in (error.msg or ""):
                return True
            raise
    return condition


def click_to_next_page(driver, element):
    """Clicks a link or a submit button and waits until the page it leads to has replaced this one."""
    page = driver.find_element(By.TAG_NAME, "html")
    element.click()
    WebDriverWait(driver, 10).until(replaced(page))


def enter_key(driver, key):
    driver.find_element(By.ID, "key").send_keys(key)
    click_to_next_page(driver, driver.find_element(By.CSS_SELECTOR, "form.narrow button[type=submit]"))


def test_analyze_shows_the_result(driver):
    driver.get(BASE + "/")
    assert driver.find_element(By.TAG_NAME, "h1").text == "Analyze a call"
    driver.find_element(By.ID, "dialog_text").send_keys(DIALOG)
    driver.find_element(By.ID, "manager_id").send_keys("anna")
    shot(driver, "01-analyze-form", full_page=False)
    driver.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    WebDriverWait(driver, 10).until(EC.url_matches(r"/calls/[0-9a-f-]{36}$"))
    WebDriverWait(driver, 90).until(EC.presence_of_element_located((By.ID, "total-score")))
    score = int(re.match(r"\d+", driver.find_element(By.ID, "total-score").text).group())
    assert 0 <= score <= 100
    assert len(driver.find_elements(By.CSS_SELECTOR, "ul.criteria li")) >= 5
    assert "Анна" in driver.find_element(By.CSS_SELECTOR, "ol.transcript").text
    shot(driver, "02-call-result")


def test_criterion_click_highlights_its_quote(driver):
    url = submit_dialog(driver, DIALOG, "anna")
    links = [link for link in driver.find_elements(By.CSS_SELECTOR, "a.criterion")
             if link.get_attribute("aria-disabled") is None]
    assert links, "no criterion has a quote in the transcript"
    link = links[-1]
    key = link.get_attribute("data-criterion")
    link.click()
    assert driver.current_url == url + "#q-" + key
    active = driver.find_elements(By.CSS_SELECTOR, "mark.evidence.active")
    assert active, "no quote is highlighted"
    assert all(key in mark.get_attribute("data-criteria").split() for mark in active)
    assert driver.execute_script(
        "var r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight;", active[0])
    shot(driver, "03-call-evidence-highlighted", full_page=False)


def test_script_in_a_dialog_does_not_run(driver):
    submit_dialog(driver, HOSTILE, "mark")
    time.sleep(0.5)
    try:
        alert = driver.switch_to.alert
        raise AssertionError(f"an alert ran: {alert.text}")
    except NoAlertPresentException:
        pass
    assert driver.execute_script("return window.__xss") is None
    transcript = driver.find_element(By.CSS_SELECTOR, "ol.transcript").text
    assert "<script>window.__xss = 1; alert('xss')</script>" in transcript
    assert '<img src=x onerror="window.__xss = 2; alert(2)">' in transcript
    assert driver.find_elements(By.CSS_SELECTOR, "mark.profane"), "the profanity is not marked"
    shot(driver, "04-call-hostile-dialog")


def test_calls_table_filters(driver):
    driver.get(BASE + "/calls")
    rows = driver.find_elements(By.CSS_SELECTOR, "table.calls tbody tr")
    assert len(rows) >= 3
    shot(driver, "05-calls")
    Select(driver.find_element(By.ID, "f-profanity")).select_by_value("true")
    driver.find_element(By.CSS_SELECTOR, "form.filters button[type=submit]").click()
    WebDriverWait(driver, 10).until(EC.url_contains("profanity=true"))
    managers = [cell.text for cell in driver.find_elements(By.CSS_SELECTOR, "table.calls tbody tr td:nth-child(2)")]
    assert managers and set(managers) == {"mark"}, managers
    csv = driver.find_element(By.LINK_TEXT, "Export CSV").get_attribute("href")
    assert "/calls.csv?" in csv and "profanity=true" in csv
    click_to_next_page(driver, driver.find_element(By.LINK_TEXT, "Русский"))
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "ru"
    assert driver.find_element(By.TAG_NAME, "h1").text == "Звонки"
    assert "profanity=true" in driver.current_url
    driver.get(BASE + "/calls")
    assert driver.find_element(By.TAG_NAME, "h1").text == "Звонки", "the language cookie was not kept"
    driver.get(BASE + "/calls?lang=en")


def test_phone_width(driver):
    driver.set_window_size(390, 844)
    driver.get(BASE + "/calls")
    width = driver.execute_script("return document.documentElement.scrollWidth")
    assert width <= 390, f"the calls page is {width}px wide on a phone"
    shot(driver, "06-calls-phone")
    driver.get(BASE + "/?lang=ko")
    assert driver.find_element(By.TAG_NAME, "h1").text == "통화 분석"
    shot(driver, "07-analyze-phone-ko")
    driver.get(BASE + "/?lang=en")


def test_managers_chart_and_manager_screen(driver):
    driver.get(BASE + "/managers")
    bars = driver.find_elements(By.CSS_SELECTOR, "svg.chart rect")
    assert len(bars) >= 2, "the chart has no bars"
    assert {"anna", "mark"} <= {cell.text for cell in driver.find_elements(By.CSS_SELECTOR, "table.managers td:first-child")}
    shot(driver, "10-managers")
    driver.find_element(By.LINK_TEXT, "anna").click()
    WebDriverWait(driver, 10).until(EC.url_contains("/managers/anna"))
    assert driver.find_elements(By.CSS_SELECTOR, "table.versus tbody tr"), "no criteria against the team"
    assert driver.find_elements(By.CSS_SELECTOR, "svg.chart rect"), "no trend"
    shot(driver, "11-manager")


def test_queue_screen(driver):
    driver.get(BASE + "/queue")
    labels = [element.text for element in driver.find_elements(By.CSS_SELECTOR, ".figure-label")]
    assert "Waiting" in labels and "Dead letters" in labels, labels
    providers = driver.find_elements(By.CSS_SELECTOR, "table.providers tbody tr")
    assert any("local" in row.text for row in providers), "the worker's offline analyzer is not listed"
    shot(driver, "12-queue")


def test_keys_need_sign_in_and_forms_need_the_csrf_token(driver):
    driver.get(SIGNED + "/calls?manager_id=anna")
    assert "/login?next=" in driver.current_url, driver.current_url
    enter_key(driver, "not-a-key")
    assert "not one of this service" in driver.find_element(By.CSS_SELECTOR, ".alert").text
    shot(driver, "13-sign-in", full_page=False)
    enter_key(driver, KEY)
    WebDriverWait(driver, 10).until(EC.url_contains("/calls?manager_id=anna"))
    assert driver.find_element(By.TAG_NAME, "h1").text == "Calls"
    # a form like the Analyze form but without the session's CSRF token, as another page would post it
    driver.get(SIGNED + "/")
    driver.execute_script("""
        var form = document.createElement("form");
        form.method = "post"; form.action = "/"; form.enctype = "multipart/form-data";
        var text = document.createElement("textarea"); text.name = "dialog_text"; text.value = "Agent: forged";
        form.appendChild(text); document.body.appendChild(form); form.submit();
    """)
    WebDriverWait(driver, 10).until(lambda d: "CSRF token is missing or wrong" in d.find_element(By.TAG_NAME, "body").text)
    shot(driver, "14-forged-post-refused", full_page=False)
    driver.get(SIGNED + "/calls?manager_id=unassigned")
    assert not driver.find_elements(By.CSS_SELECTOR, "table.calls tbody tr"), "the forged post stored a call"
    url = submit_dialog(driver, "Agent: Hello, this is Ann from CallAudit.\nCustomer: Hi.", base=SIGNED)
    assert "/calls/" in url
    driver.find_element(By.CSS_SELECTOR, "form.signout button").click()
    WebDriverWait(driver, 10).until(EC.url_contains("/login"))


def test_review_changes_the_trail_and_the_report(driver):
    driver.get(SIGNED + "/login")
    enter_key(driver, ADMIN_KEY)
    url = submit_dialog(driver, "Agent: Hello, this is Ann from CallAudit.\nCustomer: Hi.", "olga-reviewed", base=SIGNED)
    call_path = url[len(SIGNED):]
    driver.get(SIGNED + "/managers/olga-reviewed")
    before = driver.find_element(By.CSS_SELECTOR, ".totals div:nth-child(2) dd").text
    driver.get(SIGNED + call_path)
    Select(driver.find_element(By.ID, "r-criterion")).select_by_value("needs_discovery")
    driver.find_element(By.ID, "r-score").send_keys("100")
    driver.find_element(By.ID, "r-reason").send_keys("Asked about the team and the budget")
    driver.find_element(By.ID, "r-reviewer").send_keys("QA Olga")
    driver.find_element(By.CSS_SELECTOR, "form.review-score button[type=submit]").click()
    WebDriverWait(driver, 10).until(EC.url_contains("#review"))
    trail = driver.find_element(By.CSS_SELECTOR, "table.trail").text
    assert "QA Olga" in trail and "→ 100" in trail and "Asked about the team" in trail, trail
    assert driver.find_elements(By.CSS_SELECTOR, ".criterion .badge"), "the criterion is not marked reviewed"
    shot(driver, "15-call-reviewed")
    driver.get(SIGNED + "/managers/olga-reviewed")
    after = driver.find_element(By.CSS_SELECTOR, ".totals div:nth-child(2) dd").text
    assert float(after) > float(before), (before, after)


def test_chat_answers_in_the_call_page_and_keeps_the_conversation(driver):
    url = submit_dialog(driver, DIALOG, "anna")
    question = driver.find_element(By.ID, "chat-question")
    question.send_keys("Что клиент сказал про цену?")
    driver.find_element(By.CSS_SELECTOR, "#chat-form button[type=submit]").click()
    answer = WebDriverWait(driver, 30).until(
        lambda d: d.find_element(By.CSS_SELECTOR, "#chat-lines li.answer p").text or None)
    assert answer.startswith("Локальный ответ"), answer
    assert "стабильность и цена" in answer, answer
    WebDriverWait(driver, 10).until(
        lambda d: d.find_element(By.CSS_SELECTOR, "#chat-lines li.answer .muted").text == "local answer")
    assert driver.find_element(By.CSS_SELECTOR, "#chat-form input[name=conversation_id]").get_attribute("value")
    shot(driver, "10-call-chat")
    driver.get(url)
    lines = driver.find_elements(By.CSS_SELECTOR, "#chat-lines li")
    assert [line.get_attribute("class") for line in lines] == ["question", "answer"], "the conversation is kept"


def test_live_call_streams_the_microphone_and_stores_the_call(driver):
    driver.get(SIGNED + "/login?next=/live")
    enter_key(driver, KEY)
    assert driver.current_url.endswith("/live"), driver.current_url
    driver.find_element(By.ID, "manager_id").send_keys("live-anna")
    driver.find_element(By.ID, "live-start").click()
    WebDriverWait(driver, 20).until(EC.text_to_be_present_in_element((By.ID, "live-status"), "Streaming"))
    WebDriverWait(driver, 10).until(lambda d: d.find_element(By.ID, "live-clock").text >= "0:02")
    # Chromium's fake microphone beeps with silences between, so the meter is watched until it moves.
    WebDriverWait(driver, 10).until(
        lambda d: d.find_element(By.ID, "live-meter").value_of_css_property("width") != "0px", "the level meter moves")
    shot(driver, "10-live", full_page=False)
    driver.find_element(By.ID, "live-stop").click()
    link = WebDriverWait(driver, 30).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#live-status a")))
    assert "stored" in driver.find_element(By.ID, "live-status").text
    click_to_next_page(driver, link)
    assert re.search(r"/calls/[0-9a-f-]{36}$", driver.current_url), driver.current_url
    assert "live-anna" in driver.find_element(By.TAG_NAME, "main").text


def test_docs_render_the_operations(driver):
    driver.get(BASE + "/docs")
    WebDriverWait(driver, 30).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".opblock")))
    paths = {element.text for element in driver.find_elements(By.CSS_SELECTOR, ".opblock-summary-path")}
    assert {"/v1/calls", "/v1/calls/{id}", "/v1/reports/managers"} <= paths, paths
    driver.find_element(By.CSS_SELECTOR, ".opblock-summary").click()
    WebDriverWait(driver, 10).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".try-out__btn")))
    shot(driver, "08-docs", full_page=False)
    driver.get(BASE + "/redoc")
    WebDriverWait(driver, 30).until(EC.presence_of_element_located((By.CSS_SELECTOR, "[data-section-id]")))
    shot(driver, "09-redoc", full_page=False)


def main():
    tests = [value for name, value in sorted(globals().items()) if name.startswith("test_")]
    tests.sort(key=lambda test: test.__code__.co_firstlineno)
    passed = failed = 0
    for test in tests:
        driver = browser()
        try:
            test(driver)
            passed += 1
            print(f"PASS {test.__name__}")
        except Exception:
            failed += 1
            print(f"FAIL {test.__name__}")
            traceback.print_exc()
            shot(driver, "failed-" + test.__name__, full_page=False)
        finally:
            driver.quit()
    print(f"browser: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

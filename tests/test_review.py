"""The review page: escaping (always) and a real headless browser (Debian's chromium and
chromedriver through Selenium). Without a browser the browser tests skip and say how to enable
them; CI sets ZHFACTS_REQUIRE_BROWSER=1, which turns a missing browser into a failure."""

import csv
import io
import json
import os
import shutil

import pandas as pd
import pytest

from pipeline.review import render

from .conftest import GOLD, run_cli

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
EVIL = '标题</script><script>document.title="pwned"</script><img src=x onerror=alert(1)>\n2021年，全区地区生产总值1252.4亿元，同比增长7%。\n'


@pytest.fixture(scope="module")
def evil_run(tmp_path_factory):
    d = tmp_path_factory.mktemp("evil")
    (d / "in").mkdir()
    (d / "in" / "evil<b>.txt").write_text(EVIL, encoding="utf-8")
    assert run_cli("run", d / "in", "--out", d / "out").returncode == 0
    return d / "out"


def test_review_page_escapes_document_text(evil_run):
    html = render(evil_run)
    assert html.count("<script") == 2, "only the page's own data and code blocks"
    assert "</script><script>" not in html and "<img src=x" not in html
    data = html.split('<script type="application/json" id="data">', 1)[1].split("</script>", 1)[0]
    assert json.loads(data)["texts"]["evil<b>.txt"] == EVIL


@pytest.fixture(scope="module")
def browser():
    if not (CHROMIUM and CHROMEDRIVER):
        if os.environ.get("ZHFACTS_REQUIRE_BROWSER") == "1":
            pytest.fail("ZHFACTS_REQUIRE_BROWSER=1 but chromium / chromedriver are not installed")
        pytest.skip("no browser: `apt-get install chromium chromium-driver` to run the review page tests")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--window-size=1400,1000"):
        opts.add_argument(arg)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
    yield driver
    driver.quit()


def _open(browser, run_dir, tmp_path) -> None:
    page = tmp_path / "review.html"
    assert run_cli("review", run_dir, "-o", page).returncode == 0
    browser.get(page.as_uri())


def test_review_browser_filter_decide_and_export(browser, corpus_run, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    _open(browser, corpus_run, tmp_path)
    fm = pd.read_parquet(corpus_run / "fact_mentions.parquet")
    doc = "002_cb4911119ba52a50.txt"
    Select(browser.find_element(By.ID, "f-doc")).select_by_value(doc)
    rows = browser.find_elements(By.CSS_SELECTOR, "#facts tbody tr")
    assert len(rows) == (fm["doc_id"] == doc).sum()
    Select(browser.find_element(By.ID, "f-kind")).select_by_value("change")
    rows = browser.find_elements(By.CSS_SELECTOR, "#facts tbody tr")
    assert len(rows) == ((fm["doc_id"] == doc) & (fm["kind"] == "change")).sum() > 0
    first = {r["mention_id"]: r for r in fm.to_dict("records")}[rows[0].get_attribute("data-mention")]
    rows[0].find_element(By.CLASS_NAME, "decide-accept").click()
    rows[1].find_element(By.CLASS_NAME, "decide-reject").click()
    rows[2].find_element(By.CLASS_NAME, "decide-correct").click()
    metric = rows[2].find_element(By.CSS_SELECTOR, "input[name=metric]")
    metric.clear()
    metric.send_keys("规上工业增加值")
    assert "accept" in rows[0].get_attribute("class")
    browser.find_element(By.ID, "export-btn").click()
    exported = browser.find_element(By.ID, "export").get_attribute("value")
    table = list(csv.DictReader(io.StringIO(exported)))
    assert sorted(r["decision"] for r in table) == ["accept", "correct", "reject"]
    accepted = next(r for r in table if r["decision"] == "accept")
    assert (accepted["doc_id"], int(accepted["char_start"]), int(accepted["char_end"])) == (doc, first["char_start"], first["char_end"])
    assert next(r for r in table if r["decision"] == "correct")["metric"] == "规上工业增加值"

    corrections = tmp_path / "corrections.csv"
    corrections.write_text(exported, encoding="utf-8-sig")
    before = json.loads(run_cli("eval", GOLD, corpus_run, "--json").stdout)
    after = json.loads(run_cli("eval", GOLD, corpus_run, "--json", "--corrections", corrections).stdout)
    assert after["facts_value"]["pred"] == before["facts_value"]["pred"] - 1


def test_review_browser_conflict_links_to_both_sides(browser, corpus_run, tmp_path):
    from selenium.webdriver.common.by import By

    _open(browser, corpus_run, tmp_path)
    browser.find_element(By.CSS_SELECTOR, "button[data-tab=conflicts]").click()
    link = browser.find_elements(By.CLASS_NAME, "conflict-link")[0]
    target = link.get_attribute("href").split("#", 1)[1]
    link.click()
    row = browser.find_element(By.ID, target)
    assert row.is_displayed() and "flash" in row.get_attribute("class")


def test_review_browser_runs_no_document_code(browser, evil_run, tmp_path):
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.common.by import By

    _open(browser, evil_run, tmp_path)
    assert browser.title == "zhfacts review"
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text
    browser.find_element(By.CSS_SELECTOR, "button[data-tab=document]").click()
    assert "<script>document.title" in browser.find_element(By.ID, "doctext").text
    assert not browser.find_elements(By.CSS_SELECTOR, "#doctext img")


def test_review_corrections_become_gold_that_eval_scores(corpus_run, tmp_path):
    fm = pd.read_parquet(corpus_run / "fact_mentions.parquet")
    em = pd.read_parquet(corpus_run / "entity_mentions.parquet")
    f0, f1, f2 = fm.iloc[0], fm.iloc[1], fm.iloc[2]
    e0 = em.iloc[0]
    rows = [
        {"table": "fact", "doc_id": f0.doc_id, "char_start": f0.char_start, "char_end": f0.char_end, "span": f0.span, "decision": "accept"},
        {"table": "fact", "doc_id": f1.doc_id, "char_start": f1.char_start, "char_end": f1.char_end, "span": f1.span, "decision": "correct", "metric": "改正的指标"},
        {"table": "fact", "doc_id": f2.doc_id, "char_start": f2.char_start, "char_end": f2.char_end, "span": f2.span, "decision": "reject"},
        {"table": "entity", "doc_id": e0.doc_id, "char_start": e0.char_start, "char_end": e0.char_end, "span": e0.text, "decision": "accept"},
    ]
    corrections = tmp_path / "corrections.csv"
    pd.DataFrame(rows).to_csv(corrections, index=False, encoding="utf-8-sig")
    gold = tmp_path / "gold.jsonl"
    assert run_cli("to-gold", corpus_run, "--corrections", corrections, "-o", gold).returncode == 0
    docs = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines()]
    facts = [f for d in docs for f in d["facts"]]
    assert sorted(f["start"] for f in facts) == sorted([int(f0.char_start), int(f1.char_start)])
    assert "改正的指标" in {f["metric"] for f in facts}
    assert [e["text"] for d in docs for e in d["entities"]] == [e0.text]
    scores = json.loads(run_cli("eval", gold, corpus_run, "--json").stdout)
    assert scores["facts_value"]["gold"] == 2 and scores["facts_value"]["tp"] == 2

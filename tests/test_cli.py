import json

from .conftest import GOLD, run_cli


def test_cli_explain_shows_facts_rules_and_rejections():
    proc = run_cli("explain", "2021年，全区地区生产总值1252.4亿元，同比增长7%。打造千亿元级产业集群。")
    assert proc.returncode == 0, proc.stderr
    assert "FACT   [14:22] '1252.4亿元'" in proc.stdout
    assert "qty.arabic" in proc.stdout and "kind.growth" in proc.stdout
    assert "REJECT" in proc.stdout and "rej.scale_class" in proc.stdout
    assert "SKIP   [0:4] '2021': a date or year" in proc.stdout


def test_cli_explain_json_resolves_relative_years_from_doc_date():
    proc = run_cli("explain", "今年前8个月，规上工业增加值同比增长10.9%", "--doc-date", "2022", "--json")
    facts = json.loads(proc.stdout)["facts"]
    assert [(f["span"], f["period"], f["kind"]) for f in facts] == [("10.9%", "2022-01..2022-08", "change")]


def test_cli_eval_prints_scores_and_misses(corpus_run):
    proc = run_cli("eval", GOLD, corpus_run, "--json")
    scores = json.loads(proc.stdout)
    assert set(scores) >= {"facts_value", "facts_full", "entities", "attribute_accuracy", "entity_types"}
    proc = run_cli("eval", GOLD, corpus_run, "--misses")
    assert "facts_value" in proc.stdout and '"what": ' in proc.stdout


def test_cli_help_shows_an_example():
    proc = run_cli("run", "--help")
    assert "zhfacts run corpus --out outputs" in proc.stdout

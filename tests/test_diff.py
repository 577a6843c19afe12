import shutil

import pandas as pd

from pipeline.diff import diff_runs

from .conftest import CORPUS, run_cli


def test_diff_without_one_document_reports_exactly_its_facts_as_removed(corpus_run, tmp_path):
    smaller = tmp_path / "in"
    shutil.copytree(CORPUS, smaller)
    (smaller / "003_5b4662956e0471ef.txt").unlink()
    out = tmp_path / "out"
    assert run_cli("run", smaller, "--out", out).returncode == 0
    d = diff_runs(corpus_run, out)
    facts = d[d["what"] == "fact"]
    fm = pd.read_parquet(corpus_run / "fact_mentions.parquet")
    removed = set(facts[facts["change"] == "removed"]["mention_id"])
    assert removed == set(fm[fm["doc_id"] == "003_5b4662956e0471ef.txt"]["mention_id"])
    assert set(facts["change"]) == {"removed"}
    proc = run_cli("diff", corpus_run, out, "--check", "--csv", tmp_path / "d.csv")
    assert proc.returncode == 1
    assert f"fact mentions: 0 added, {len(removed)} removed, 0 changed" in proc.stdout
    assert (tmp_path / "d.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_diff_of_a_run_with_itself_is_empty_and_check_passes(corpus_run):
    assert diff_runs(corpus_run, corpus_run).empty
    assert run_cli("diff", corpus_run, corpus_run, "--check").returncode == 0


def test_run_conflicts_list_both_sides_of_the_2020_output_of_001(corpus_run):
    c = pd.read_csv(corpus_run / "conflicts.csv", encoding="utf-8-sig", keep_default_na=False, dtype=str)
    rows = c[(c["metric_key"] == "规上工业总产值") & (c["period"] == "2020") & (c["doc_id_a"] == "001_8c890d74c0a9ebca.txt")]
    pairs = [{float(r["value_a"]), float(r["value_b"])} for _, r in rows.iterrows()]
    assert {969.5, 1211.9} in pairs
    # 969.48亿元 in the text and 969.5 in a table are one figure to two precisions
    assert {969.48, 969.5} not in pairs
    row = rows[[p == {969.5, 1211.9} for p in pairs]]
    raw = (CORPUS / "001_8c890d74c0a9ebca.txt").read_text(encoding="utf-8")
    for side in ("a", "b"):
        r = row.iloc[0]
        assert raw[int(r[f"char_start_{side}"]) : int(r[f"char_end_{side}"])] == str(r[f"span_{side}"])

"""The engine: per-document result cache and parallel processes give the same outputs."""

import json
import shutil

from .conftest import CORPUS, ROOT, run_cli

TABLES = ("documents", "fact_mentions", "facts", "entity_mentions", "entities", "conflicts")


def _manifest(out):
    return json.loads((out / "manifest.json").read_text(encoding="utf-8"))


def _same_tables(a, b):
    for t in TABLES:
        for ext in ("csv", "parquet"):
            assert (a / f"{t}.{ext}").read_bytes() == (b / f"{t}.{ext}").read_bytes(), f"{t}.{ext}"


def test_engine_cache_serves_unchanged_documents_and_outputs_do_not_change(corpus_run, tmp_path):
    cache = tmp_path / "cache"
    first, second, fresh = tmp_path / "first", tmp_path / "second", tmp_path / "fresh"
    assert run_cli("run", CORPUS, "--out", first, "--cache-dir", cache).returncode == 0
    assert _manifest(first)["counts"]["cache_hits"] == 0
    assert run_cli("run", CORPUS, "--out", second, "--cache-dir", cache).returncode == 0
    assert _manifest(second)["counts"]["cache_hits"] == 5
    assert run_cli("run", CORPUS, "--out", fresh, "--cache-dir", cache, "--no-cache").returncode == 0
    assert _manifest(fresh)["counts"]["cache_hits"] == 0
    _same_tables(first, second)
    _same_tables(first, fresh)


def test_engine_cache_misses_after_a_rule_change(tmp_path):
    cache = tmp_path / "cache"
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    doc = CORPUS / "002_cb4911119ba52a50.txt"
    assert run_cli("run", doc, "--out", tmp_path / "a", "--cache-dir", cache, "--rules", rules).returncode == 0
    with open(rules / "qualifiers.yaml", "a", encoding="utf-8") as f:
        f.write("\n# any change to a rule file re-extracts\n")
    assert run_cli("run", doc, "--out", tmp_path / "b", "--cache-dir", cache, "--rules", rules).returncode == 0
    assert _manifest(tmp_path / "b")["counts"]["cache_hits"] == 0


def test_engine_jobs_give_identical_outputs(corpus_run, tmp_path):
    out = tmp_path / "jobs2"
    assert run_cli("run", CORPUS, "--out", out, "--jobs", "2", "--no-cache").returncode == 0
    _same_tables(corpus_run, out)


def test_engine_dask_on_a_local_two_worker_cluster_gives_the_same_bytes(corpus_run, tmp_path):
    out = tmp_path / "dask"
    proc = run_cli("run", CORPUS, "--out", out, "--engine", "dask", "--jobs", "2", "--no-cache")
    assert proc.returncode == 0, proc.stderr
    _same_tables(corpus_run, out)


def test_engine_rerun_on_unchanged_inputs_leaves_outputs_as_they_are(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    out = tmp_path / "out"
    cache = tmp_path / "cache"
    assert run_cli("run", corpus, "--out", out, "--cache-dir", cache).returncode == 0
    before = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    again = run_cli("run", corpus, "--out", out, "--cache-dir", cache)
    assert again.returncode == 0 and "is up to date" in again.stdout
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir()} == before
    # one changed document: a real run, the other four from the cache
    doc = sorted(corpus.glob("*.txt"))[0]
    doc.write_text(doc.read_text(encoding="utf-8") + "\n2023年，全区新增企业12家。\n", encoding="utf-8")
    changed = run_cli("run", corpus, "--out", out, "--cache-dir", cache)
    assert changed.returncode == 0 and "is up to date" not in changed.stdout
    assert _manifest(out)["counts"]["cache_hits"] == 4

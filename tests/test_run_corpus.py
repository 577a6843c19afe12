"""End to end: `zhfacts run corpus --out DIR` writes every file of the output contract."""

import json
import shutil

import pandas as pd
import pytest

from pipeline.write import DOCUMENT_COLUMNS

from .conftest import CORPUS, run_cli

CONTRACT = {
    "documents": ["doc_id", "path", "sha256", "encoding", "n_chars", "status", "duplicate_of", "error"],
    "fact_mentions": ["mention_id", "fact_id", "doc_id", "char_start", "char_end", "span", "value", "unit", "value_std",
                      "unit_std", "qualifier", "subject", "metric", "kind", "status", "period", "period_text", "sentence", "rule_id"],
    "facts": ["fact_id", "subject", "metric", "kind", "status", "period", "value_std", "n_mentions", "doc_ids"],
    "entity_mentions": ["mention_id", "entity_id", "doc_id", "char_start", "char_end", "text", "type", "canonical", "rule_id"],
    "entities": ["entity_id", "canonical", "type", "aliases", "n_mentions", "n_docs"],
}


def _raw(doc_id):
    return (CORPUS / doc_id).read_text(encoding="utf-8-sig")


@pytest.mark.parametrize("table", sorted(CONTRACT))
def test_run_writes_contract_tables_as_bom_csv_and_parquet(corpus_run, table):
    data = (corpus_run / f"{table}.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf"), "Excel needs the BOM to show Chinese"
    csv = pd.read_csv(corpus_run / f"{table}.csv", encoding="utf-8-sig", keep_default_na=False)
    parquet = pd.read_parquet(corpus_run / f"{table}.parquet")
    for col in CONTRACT[table]:
        assert col in csv.columns and col in parquet.columns, f"{table} lacks {col}"
    assert len(csv) == len(parquet) > 0


def test_run_every_mention_traces_back_to_its_raw_characters(corpus_run):
    fm = pd.read_parquet(corpus_run / "fact_mentions.parquet")
    em = pd.read_parquet(corpus_run / "entity_mentions.parquet")
    raws = {d: _raw(d) for d in set(fm["doc_id"]) | set(em["doc_id"])}
    bad = [r.span for r in fm.itertuples() if raws[r.doc_id][r.char_start : r.char_end] != r.span]
    bad += [r.text for r in em.itertuples() if raws[r.doc_id][r.char_start : r.char_end] != r.text]
    assert not bad
    assert fm["mention_id"].is_unique and em["mention_id"].is_unique


def test_run_documents_table_and_manifest(corpus_run):
    docs = pd.read_parquet(corpus_run / "documents.parquet")
    assert list(docs["doc_id"]) == sorted(p.name for p in CORPUS.glob("*.txt"))
    assert set(docs["status"]) == {"ok"}
    assert list(docs.columns[: len(DOCUMENT_COLUMNS)]) == DOCUMENT_COLUMNS
    manifest = json.loads((corpus_run / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["counts"]["fact_mentions"] == len(pd.read_parquet(corpus_run / "fact_mentions.parquet"))
    assert len(manifest["rules_fingerprint"]) == 64 and manifest["version"]
    assert {i["doc_id"] for i in manifest["inputs"]} == set(docs["doc_id"])


def test_run_repeated_paragraph_is_counted_once(corpus_run):
    docs = pd.read_parquet(corpus_run / "documents.parquet").set_index("doc_id")
    assert docs.loc["000_9e16e00e4856d58d.txt", "repeated_paragraphs"] >= 1
    fm = pd.read_parquet(corpus_run / "fact_mentions.parquet")
    doc0 = fm[fm["doc_id"] == "000_9e16e00e4856d58d.txt"]
    assert not doc0.duplicated(subset=["span", "sentence"]).any()


def test_run_facts_group_mentions_on_their_key(corpus_run):
    fm = pd.read_parquet(corpus_run / "fact_mentions.parquet")
    facts = pd.read_parquet(corpus_run / "facts.parquet")
    assert facts["n_mentions"].sum() == len(fm)
    assert set(facts["fact_id"]) == set(fm["fact_id"])
    key = ["subject", "metric_key", "kind", "status", "period", "value_std"]
    assert not facts.duplicated(subset=key).any()
    ents = pd.read_parquet(corpus_run / "entities.parquet")
    assert ents["n_mentions"].sum() == len(pd.read_parquet(corpus_run / "entity_mentions.parquet"))


def test_run_is_byte_identical_when_repeated(corpus_run, tmp_path):
    out = tmp_path / "again"
    assert run_cli("run", CORPUS, "--out", out).returncode == 0
    for name in ("documents", "fact_mentions", "facts", "entity_mentions", "entities"):
        for ext in ("csv", "parquet"):
            assert (out / f"{name}.{ext}").read_bytes() == (corpus_run / f"{name}.{ext}").read_bytes(), f"{name}.{ext}"


def test_run_bad_document_is_listed_and_the_rest_written(tmp_path):
    corpus = tmp_path / "in"
    shutil.copytree(CORPUS, corpus)
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 4)
    shutil.copy(corpus / "002_cb4911119ba52a50.txt", corpus / "copy.txt")
    out = tmp_path / "out"
    proc = run_cli("run", corpus, "--out", out)
    assert proc.returncode == 1
    assert "empty.txt: empty file" in proc.stderr
    docs = pd.read_csv(out / "documents.csv", encoding="utf-8-sig", keep_default_na=False).set_index("doc_id")
    assert docs.loc["empty.txt", "status"] == "error" and "empty file" in docs.loc["empty.txt", "error"]
    assert docs.loc["binary.txt", "status"] == "error" and "binary" in docs.loc["binary.txt", "error"]
    assert docs.loc["copy.txt", "status"] == "duplicate"
    assert docs.loc["copy.txt", "duplicate_of"] == "002_cb4911119ba52a50.txt"
    fm = pd.read_parquet(out / "fact_mentions.parquet")
    assert "copy.txt" not in set(fm["doc_id"]) and "002_cb4911119ba52a50.txt" in set(fm["doc_id"])


def test_run_keeps_files_it_did_not_write_in_the_output_folder(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "README.md").write_text("keep me", encoding="utf-8")
    (out / "facts.csv").write_text("stale", encoding="utf-8")
    assert run_cli("run", CORPUS / "002_cb4911119ba52a50.txt", "--out", out).returncode == 0
    assert (out / "README.md").read_text(encoding="utf-8") == "keep me"
    assert (out / "facts.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert not list(tmp_path.glob(".out.*")), "temporary folders must be cleaned up"


def test_run_missing_input_is_usage_error(tmp_path):
    proc = run_cli("run", tmp_path / "nope", "--out", tmp_path / "out")
    assert proc.returncode == 2 and "no such file" in proc.stderr
    assert not (tmp_path / "out").exists()

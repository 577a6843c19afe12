"""The streaming writer: order of arrival, chunking and cross-document facts do not change the
tables."""

import pandas as pd
import pytest

from pipeline import write
from pipeline.rules import load_rules
from pipeline.run import run_corpus
from pipeline.write import TABLES, DatasetWriter

from .conftest import CORPUS, run_cli

_SHARED = "镇海区2021年地区生产总值1252.4亿元，同比增长7%。"


def _write(inputs, out):
    with DatasetWriter(out) as writer:
        run_corpus([str(p) for p in inputs], load_rules(), writer.add)
        writer.finish({})


def _csvs(out):
    return {t: (out / f"{t}.csv").read_bytes() for t in TABLES}


def test_write_tables_do_not_depend_on_the_order_documents_arrive_in(corpus_run, tmp_path):
    # inputs given in reverse order: documents are processed, and written, in doc_id order
    backwards = sorted(CORPUS.glob("*.txt"), reverse=True)
    _write(backwards, tmp_path / "out")
    assert _csvs(tmp_path / "out") == _csvs(corpus_run)


def test_write_small_chunks_give_the_same_tables(corpus_run, tmp_path, monkeypatch):
    monkeypatch.setattr(write, "CHUNK_ROWS", 7)  # many chunks, many facts spread over them
    _write([CORPUS], tmp_path / "out")
    assert _csvs(tmp_path / "out") == _csvs(corpus_run)


def test_write_a_fact_stated_in_two_documents_is_one_fact_with_both(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "b.txt").write_text("镇海区工业经济稳中向好，新增规上企业38家。\n" + _SHARED + "\n", encoding="utf-8")
    (src / "a.txt").write_text(_SHARED + "\n全区新建5G基站420个，完成固定资产投资137.75亿元。\n", encoding="utf-8")
    out = tmp_path / "out"
    assert run_cli("run", src, "--out", out, "--no-cache").returncode == 0
    fm = pd.read_parquet(out / "fact_mentions.parquet")
    facts = pd.read_parquet(out / "facts.parquet").set_index("fact_id")
    gdp = fm[fm["span"] == "1252.4亿元"]
    assert len(gdp) == 2 and gdp["fact_id"].nunique() == 1
    fact = facts.loc[gdp["fact_id"].iloc[0]]
    assert fact["n_mentions"] == 2 and fact["doc_ids"] == "a.txt;b.txt"
    assert fact["mention_ids"] == ";".join(gdp.sort_values("doc_id")["mention_id"])
    assert fact["doc_id"] == "a.txt"  # the first mention, in doc_id order, gives the provenance
    assert facts["n_mentions"].sum() == len(fm)


def test_write_refuses_documents_out_of_doc_id_order(tmp_path):
    with DatasetWriter(tmp_path / "out") as writer:
        writer.add({"doc_id": "b.txt"}, None, None)
        with pytest.raises(ValueError, match="doc_id order: a.txt after b.txt"):
            writer.add({"doc_id": "a.txt"}, None, None)
    assert not (tmp_path / "out").exists()  # nothing finished, nothing swapped in


def test_conflict_pairs_differ_by_more_than_their_rounding():
    from pipeline import dedup

    def fact(fid, span, value, value_std):
        return {"fact_id": fid, "doc_id": fid, "char_start": 0, "subject": "某县", "metric_key": "规上工业总产值",
                "kind": "level", "status": "actual", "period": "2020", "qualifier": "", "span": span,
                "value": value, "value_std": value_std}

    facts = pd.DataFrame([
        fact("fa", "969.48亿元", 969.48, 96948000000.0),
        fact("fb", "969.5", 969.5, 96950000000.0),  # a table cell in 亿元: the same figure, rounded
        fact("fc", "1211.9亿元", 1211.9, 121190000000.0),
    ])
    pairs = {(a["fact_id"], b["fact_id"]) for a, b in dedup.conflict_pairs(facts)}
    assert pairs == {("fa", "fc"), ("fb", "fc")}

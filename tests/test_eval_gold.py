"""The seed gold (tests/data/gold_seeds.jsonl, three documents annotated by hand to
ANNOTATION.md) scored on a run over corpus/. Thresholds are the floors the project has reached;
raise them as extraction improves, never lower them to make a change pass."""

import pandas as pd

from pipeline.evaluate import format_report, load_gold, score, score_run

from .conftest import GOLD

FLOORS = {"value_precision": 0.95, "value_recall": 0.95, "full_f1": 0.83, "entity_f1": 0.92, "entity_type_f1": 0.85}


def test_eval_seed_gold_meets_the_floors(corpus_run):
    rep = score_run(GOLD, corpus_run)
    print("\n" + format_report(rep))
    assert rep.value.precision >= FLOORS["value_precision"]
    assert rep.value.recall >= FLOORS["value_recall"]
    assert rep.full.f1 >= FLOORS["full_f1"]
    assert rep.entities.f1 >= FLOORS["entity_f1"]
    for etype, s in rep.entity_types.items():
        assert s.f1 >= FLOORS["entity_type_f1"], etype


def _row(**kw):
    base = {"doc_id": "d.txt", "char_start": 0, "char_end": 7, "span": "1252.4亿元", "value": 1252.4, "value_std": 1.2524e11,
            "unit_std": "元", "kind": "level", "status": "actual", "period": "2021", "subject": "镇海区", "metric": "地区生产总值"}
    base.update(kw)
    return base


GOLD_DOC = [{"doc": "d.txt", "facts": [{"span": "1252.4亿元", "start": 0, "value": 1252.4, "unit": "亿元", "value_std": 1.2524e11,
                                        "unit_std": "元", "subject": "镇海区", "metric": "规模以上地区生产总值", "kind": "level", "period": "2021"}],
             "entities": [{"text": "镇海区", "start": 10, "type": "REGION"}]}]
NO_ENTS = pd.DataFrame(columns=["doc_id", "char_start", "char_end", "type", "text"])


def test_eval_full_match_folds_spaces_and_guige_and_allows_containment():
    rep = score(GOLD_DOC, pd.DataFrame([_row(metric="规上地区生产总值")]), NO_ENTS)
    assert (rep.value.tp, rep.full.tp) == (1, 1)


def test_eval_value_match_with_wrong_period_is_not_fully_correct():
    rep = score(GOLD_DOC, pd.DataFrame([_row(period="2022")]), NO_ENTS)
    assert (rep.value.tp, rep.full.tp) == (1, 0)
    assert rep.misses[0]["wrong"] == {"period": ["2021", "2022"]}


def test_eval_empty_metric_agrees_with_nothing():
    rep = score(GOLD_DOC, pd.DataFrame([_row(metric="")]), NO_ENTS)
    assert rep.full.tp == 0


def test_eval_each_gold_fact_is_used_once():
    rep = score(GOLD_DOC, pd.DataFrame([_row(), _row()]), NO_ENTS)
    assert (rep.value.tp, rep.value.n_pred, rep.value.precision) == (1, 2, 0.5)


def test_eval_entities_need_exact_span_and_type():
    ents = pd.DataFrame([{"doc_id": "d.txt", "char_start": 10, "char_end": 13, "type": "REGION", "text": "镇海区"},
                         {"doc_id": "d.txt", "char_start": 10, "char_end": 12, "type": "REGION", "text": "镇海"}])
    rep = score(GOLD_DOC, pd.DataFrame([_row()]), ents)
    assert (rep.entities.tp, rep.entities.n_pred, rep.entities.n_gold) == (1, 2, 1)


def test_eval_gold_file_is_the_annotated_seeds():
    docs = load_gold(GOLD)
    assert [d["doc"] for d in docs] == ["002_cb4911119ba52a50.txt", "003_5b4662956e0471ef.txt", "004_d1056862e353fce5.txt"]

"""Score a run against hand-annotated gold (ANNOTATION.md: "How a run is scored").

Facts: a prediction matches a gold fact when their character ranges overlap and the value (or
value_std) is equal; each gold fact and each prediction is used once. A match is fully correct
when value_std/unit_std (ranks: the value), kind/status, period, subject and metric agree
(subject and metric after removing spaces and writing 规模以上 as 规上; one may contain the
other; an empty string agrees with nothing). Entities: exact start, end and type.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

ATTRIBUTES = ("value_std", "kind", "period", "subject", "metric")


def load_gold(path: str | Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _same(a, b) -> bool:
    try:
        a, b = float(a), float(b)
    except (TypeError, ValueError):
        return False
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def _fold(s) -> str:
    s = "" if s is None or (isinstance(s, float) and math.isnan(s)) else str(s)
    return s.replace(" ", "").replace("\n", "").replace("规模以上", "规上")


def _contains(a, b) -> bool:
    a, b = _fold(a), _fold(b)
    return bool(a) and bool(b) and (a in b or b in a)


def _text(v) -> str:
    return "" if v is None or (isinstance(v, float) and math.isnan(v)) else str(v)


def attribute_checks(g: dict, p: dict) -> dict[str, bool]:
    rank = g.get("kind") == "rank"
    if g["kind"] == "target":
        kind_ok = p["status"] in ("target", "forecast")
    else:
        kind_ok = p["kind"] == g["kind"] and p["status"] == "actual"
    return {
        "value_std": _same(g["value"], p["value"]) if rank else (_same(g["value_std"], p["value_std"]) and _text(g["unit_std"]) == _text(p["unit_std"])),
        "kind": kind_ok,
        "period": _text(g.get("period")) == _text(p["period"]),
        "subject": _contains(g.get("subject"), p["subject"]),
        "metric": _contains(g.get("metric"), p["metric"]),
    }


@dataclass
class Score:
    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {"tp": self.tp, "pred": self.n_pred, "gold": self.n_gold, "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class Report:
    value: Score = field(default_factory=Score)
    full: Score = field(default_factory=Score)
    entities: Score = field(default_factory=Score)
    entity_types: dict[str, Score] = field(default_factory=dict)
    attributes: dict[str, list[int]] = field(default_factory=lambda: {a: [0, 0] for a in ATTRIBUTES})
    misses: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "facts_value": self.value.as_dict(),
            "facts_full": self.full.as_dict(),
            "attribute_accuracy": {a: round(ok / n, 4) if n else 0.0 for a, (ok, n) in self.attributes.items()},
            "entities": self.entities.as_dict(),
            "entity_types": {t: s.as_dict() for t, s in sorted(self.entity_types.items())},
        }


def score(gold: list[dict], fact_mentions: pd.DataFrame, entity_mentions: pd.DataFrame) -> Report:
    rep = Report()
    for doc in gold:
        doc_id = doc["doc"]
        preds = fact_mentions[fact_mentions["doc_id"] == doc_id].to_dict("records")
        gfacts = doc.get("facts", [])
        rep.value.n_pred += len(preds)
        rep.full.n_pred += len(preds)
        rep.value.n_gold += len(gfacts)
        rep.full.n_gold += len(gfacts)
        used_pred: set[int] = set()
        pairs: list[tuple[dict, dict]] = []
        matched_gold: set[int] = set()
        # first the fully correct pairs, then any value match: each side used once
        for want_full in (True, False):
            for gi, g in enumerate(gfacts):
                if gi in matched_gold:
                    continue
                gs, ge = g["start"], g["start"] + len(g["span"])
                for pi, p in enumerate(preds):
                    if pi in used_pred or not (p["char_start"] < ge and gs < p["char_end"]):
                        continue
                    if not (_same(g["value"], p["value"]) or _same(g["value_std"], p["value_std"])):
                        continue
                    if want_full and not all(attribute_checks(g, p).values()):
                        continue
                    used_pred.add(pi)
                    matched_gold.add(gi)
                    pairs.append((g, p))
                    break
        rep.value.tp += len(pairs)
        for g, p in pairs:
            checks = attribute_checks(g, p)
            for a, ok in checks.items():
                rep.attributes[a][0] += ok
                rep.attributes[a][1] += 1
            if all(checks.values()):
                rep.full.tp += 1
            else:
                wrong = {a: (g.get(a) if a != "value_std" else g.get("value_std"), p.get(a if a != "kind" else "kind"), p.get("status")) for a, ok in checks.items() if not ok}
                rep.misses.append({"doc": doc_id, "what": "wrong attributes", "span": g["span"], "start": g["start"], "wrong": {a: [str(v[0]), str(v[1])] for a, v in wrong.items()}})
        for gi, g in enumerate(gfacts):
            if gi not in matched_gold:
                rep.misses.append({"doc": doc_id, "what": "missed fact", "span": g["span"], "start": g["start"], "metric": g.get("metric")})
        for pi, p in enumerate(preds):
            if pi not in used_pred:
                rep.misses.append({"doc": doc_id, "what": "spurious fact", "span": p["span"], "start": int(p["char_start"]), "metric": p["metric"]})

        pents = entity_mentions[entity_mentions["doc_id"] == doc_id]
        pset = {(int(r.char_start), int(r.char_end), r.type) for r in pents.itertuples()}
        gset = {(e["start"], e["start"] + len(e["text"]), e["type"]) for e in doc.get("entities", [])}
        gtext = {(e["start"], e["start"] + len(e["text"]), e["type"]): e["text"] for e in doc.get("entities", [])}
        ptext = {(int(r.char_start), int(r.char_end), r.type): r.text for r in pents.itertuples()}
        rep.entities.tp += len(pset & gset)
        rep.entities.n_pred += len(pset)
        rep.entities.n_gold += len(gset)
        for t in {k[2] for k in pset | gset}:
            s = rep.entity_types.setdefault(t, Score())
            s.tp += len({k for k in pset & gset if k[2] == t})
            s.n_pred += len({k for k in pset if k[2] == t})
            s.n_gold += len({k for k in gset if k[2] == t})
        for k in sorted(gset - pset):
            rep.misses.append({"doc": doc_id, "what": "missed entity", "span": gtext[k], "start": k[0], "type": k[2]})
        for k in sorted(pset - gset):
            rep.misses.append({"doc": doc_id, "what": "spurious entity", "span": ptext[k], "start": k[0], "type": k[2]})
    return rep


def score_run(gold_path: str | Path, run_dir: str | Path, corrections: str | Path | None = None) -> Report:
    run_dir = Path(run_dir)
    fm = pd.read_parquet(run_dir / "fact_mentions.parquet")
    em = pd.read_parquet(run_dir / "entity_mentions.parquet")
    if corrections is not None:
        from .review import apply_corrections, read_corrections

        fm, em = apply_corrections(fm, em, read_corrections(corrections))
    return score(load_gold(gold_path), fm, em)


def format_report(rep: Report) -> str:
    d = rep.as_dict()
    lines = []
    for name in ("facts_value", "facts_full", "entities"):
        s = d[name]
        lines.append(f"{name:<14} P={s['precision']:.3f} R={s['recall']:.3f} F1={s['f1']:.3f}  (tp={s['tp']} pred={s['pred']} gold={s['gold']})")
    lines.append("attribute accuracy on value matches: " + ", ".join(f"{a}={v:.3f}" for a, v in d["attribute_accuracy"].items()))
    for t, s in d["entity_types"].items():
        lines.append(f"  {t:<9} P={s['precision']:.3f} R={s['recall']:.3f} F1={s['f1']:.3f}  (tp={s['tp']} pred={s['pred']} gold={s['gold']})")
    return "\n".join(lines)

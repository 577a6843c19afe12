"""Compare two runs: which mentions were added, removed or changed, and readable golden files.

Mentions are matched on ``mention_id`` (a hash of document, characters and order), so a rule
change shows as a changed row where the same characters now read differently, and as added or
removed rows where characters start or stop being facts.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

FACT_FIELDS = ["span", "value", "unit", "value_std", "unit_std", "qualifier", "subject", "metric", "metric_key", "kind", "status", "period", "rule_id"]
ENTITY_FIELDS = ["text", "type", "canonical", "rule_id"]
SOURCES = {"fact": ("fact_mentions", FACT_FIELDS), "entity": ("entity_mentions", ENTITY_FIELDS)}
GOLDEN_FILES = {"fact": "facts.jsonl", "entity": "entities.jsonl"}
DIFF_COLUMNS = ["what", "change", "mention_id", "doc_id", "char_start", "char_end", "text", "field", "before", "after"]


def _load(run_dir: Path, table: str) -> pd.DataFrame:
    return pd.read_parquet(Path(run_dir) / f"{table}.parquet").set_index("mention_id", drop=False)


def _cell(v) -> str:
    if v is None or (isinstance(v, float) and v != v):
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def diff_runs(run_a: str | Path, run_b: str | Path) -> pd.DataFrame:
    rows = []
    for what, (table, fields) in SOURCES.items():
        a, b = _load(run_a, table), _load(run_b, table)
        text_col = "span" if what == "fact" else "text"
        for mid in sorted(set(a.index) - set(b.index)):
            r = a.loc[mid]
            rows.append([what, "removed", mid, r.doc_id, r.char_start, r.char_end, r[text_col], "", "", ""])
        for mid in sorted(set(b.index) - set(a.index)):
            r = b.loc[mid]
            rows.append([what, "added", mid, r.doc_id, r.char_start, r.char_end, r[text_col], "", "", ""])
        for mid in sorted(set(a.index) & set(b.index)):
            ra, rb = a.loc[mid], b.loc[mid]
            for f in fields:
                if _cell(ra[f]) != _cell(rb[f]):
                    rows.append([what, "changed", mid, ra.doc_id, ra.char_start, ra.char_end, ra[text_col], f, _cell(ra[f]), _cell(rb[f])])
    return pd.DataFrame(rows, columns=DIFF_COLUMNS)


def summary(diff: pd.DataFrame) -> str:
    lines = []
    for what in SOURCES:
        d = diff[diff["what"] == what]
        changed = d[d["change"] == "changed"]["mention_id"].nunique()
        lines.append(f"{what} mentions: {(d['change'] == 'added').sum()} added, {(d['change'] == 'removed').sum()} removed, {changed} changed")
    for r in diff.head(200).itertuples():
        detail = f" {r.field}: {r.before!r} → {r.after!r}" if r.change == "changed" else ""
        lines.append(f"  {r.change:<7} {r.what:<6} {r.doc_id}[{r.char_start}:{r.char_end}] {r.text!r}{detail}")
    if len(diff) > 200:
        lines.append(f"  … {len(diff) - 200} more rows in the CSV")
    return "\n".join(lines)


def golden_lines(run_dir: str | Path) -> dict[str, list[str]]:
    """The facts and entities of a run as sorted JSON lines, one per mention, for review in git."""
    out = {}
    for what, (table, fields) in SOURCES.items():
        df = pd.read_parquet(Path(run_dir) / f"{table}.parquet")
        rows = []
        for r in df.to_dict("records"):
            row = {"doc_id": r["doc_id"], "char_start": int(r["char_start"]), "char_end": int(r["char_end"])}
            row.update({f: _cell(r[f]) for f in fields})
            rows.append(((row["doc_id"], row["char_start"], row["char_end"]), json.dumps(row, ensure_ascii=False)))
        out[GOLDEN_FILES[what]] = [line for _, line in sorted(rows)]
    return out


def write_golden(run_dir: str | Path, dest: str | Path) -> list[Path]:
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    written = []
    for name, lines in golden_lines(run_dir).items():
        path = dest / name
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        written.append(path)
    return written

"""Stage 6: results → CSV (UTF-8 with BOM, for Excel), Parquet and manifest.json.

Everything is written into a temporary folder beside the output folder and swapped in only when
complete, so an interrupted run leaves the previous outputs whole. Files in the output folder
that zhfacts did not write (a README, say) are carried over.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import tempfile
from dataclasses import asdict, fields
from pathlib import Path

import pandas as pd

from .dedup import FACT_KEY
from .model import DocResult, EntityMention, FactMention

DOCUMENT_COLUMNS = [
    "doc_id", "path", "sha256", "encoding", "n_chars", "status", "duplicate_of", "error",
    "doc_date", "doc_date_evidence", "main_subject", "n_fact_mentions", "n_entity_mentions", "repeated_paragraphs",
    "similarity",
]
FACT_MENTION_COLUMNS = [
    "mention_id", "fact_id", "doc_id", "char_start", "char_end", "span", "value", "unit", "value_std", "unit_std",
    "qualifier", "subject", "metric", "metric_key", "kind", "status", "period", "period_text", "sentence", "rule_id",
    "rules_fired", "value_min", "value_max", "table", "note",
]
FACT_COLUMNS = [
    "fact_id", "subject", "metric", "metric_key", "kind", "status", "period", "value", "unit", "value_std", "unit_std",
    "qualifier", "n_mentions", "doc_ids", "mention_ids", "doc_id", "char_start", "char_end", "span", "sentence", "rule_id",
]
ENTITY_MENTION_COLUMNS = [
    "mention_id", "entity_id", "doc_id", "char_start", "char_end", "text", "type", "canonical", "rule_id",
    "code", "parent", "title", "affiliation",
]
ENTITY_COLUMNS = ["entity_id", "canonical", "type", "aliases", "n_mentions", "n_docs", "code", "parent"]
CONFLICT_SIDE = ["fact_id", "value", "unit", "value_std", "qualifier", "doc_id", "char_start", "char_end", "span", "sentence", "rule_id"]
CONFLICT_COLUMNS = ["conflict_id", "subject", "metric_key", "kind", "status", "period"] + [f"{c}_{s}" for s in ("a", "b") for c in CONFLICT_SIDE]
TABLES = ("documents", "fact_mentions", "facts", "entity_mentions", "entities", "conflicts")
OUTPUT_FILES = [f"{name}.{ext}" for name in TABLES for ext in ("csv", "parquet")] + ["manifest.json", "text"]

# Cells Excel would read as a formula; they get a leading apostrophe in the CSV only.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def build_tables(documents: list[dict], results: list[DocResult]) -> dict[str, pd.DataFrame]:
    facts = [f for r in results for f in r.facts]
    ents = [e for r in results for e in r.entities]
    facts.sort(key=lambda f: (f.doc_id, f.char_start, f.char_end, f.mention_id))
    ents.sort(key=lambda e: (e.doc_id, e.char_start, e.char_end, e.mention_id))
    fm = pd.DataFrame([asdict(f) for f in facts], columns=[f.name for f in fields(FactMention)])[FACT_MENTION_COLUMNS]
    em = pd.DataFrame([asdict(e) for e in ents], columns=[f.name for f in fields(EntityMention)])[ENTITY_MENTION_COLUMNS]
    docs = pd.DataFrame(documents, columns=DOCUMENT_COLUMNS).sort_values("doc_id", kind="stable")
    facts_table = _facts_table(fm)
    return {
        "documents": docs.reset_index(drop=True),
        "fact_mentions": fm,
        "facts": facts_table,
        "entity_mentions": em,
        "entities": _entities_table(em),
        "conflicts": _conflicts_table(facts_table),
    }


def _conflicts_table(facts: pd.DataFrame) -> pd.DataFrame:
    """Facts that agree on subject, metric, kind, status and period but not on the value: each
    pair with the provenance of both sides, so a reviewer can see which source says what."""
    from .dedup import conflict_pairs

    rows = []
    for a, b in conflict_pairs(facts):
        row = {k: a[k] for k in ("subject", "metric_key", "kind", "status", "period")}
        row["conflict_id"] = "c" + a["fact_id"][1:9] + b["fact_id"][1:9]
        for side, fact in (("a", a), ("b", b)):
            for c in CONFLICT_SIDE:
                row[f"{c}_{side}"] = fact[c]
        rows.append(row)
    return pd.DataFrame(rows, columns=CONFLICT_COLUMNS)


def _facts_table(fm: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for fact_id, g in fm.groupby("fact_id", sort=True):
        first = g.iloc[0]
        row = {k: first[k] for k in FACT_KEY}
        row.update(
            fact_id=fact_id,
            metric=first["metric"],
            value=first["value"],
            unit=first["unit"],
            unit_std=first["unit_std"],
            qualifier=first["qualifier"],
            n_mentions=len(g),
            doc_ids=";".join(sorted(set(g["doc_id"]))),
            mention_ids=";".join(g["mention_id"]),
            doc_id=first["doc_id"],
            char_start=first["char_start"],
            char_end=first["char_end"],
            span=first["span"],
            sentence=first["sentence"],
            rule_id=first["rule_id"],
        )
        rows.append(row)
    return pd.DataFrame(rows, columns=FACT_COLUMNS)


def _entities_table(em: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for entity_id, g in em.groupby("entity_id", sort=True):
        first = g.iloc[0]
        aliases = sorted(set(t.replace("\n", "").replace(" ", "") for t in g["text"]) - {first["canonical"]})
        rows.append(
            {
                "entity_id": entity_id,
                "canonical": first["canonical"],
                "type": first["type"],
                "aliases": ";".join(aliases),
                "n_mentions": len(g),
                "n_docs": g["doc_id"].nunique(),
                "code": first["code"],
                "parent": first["parent"],
            }
        )
    return pd.DataFrame(rows, columns=ENTITY_COLUMNS).sort_values(["type", "canonical", "entity_id"], kind="stable")


def _csv_cell(v):
    if isinstance(v, float):
        if math.isnan(v):
            return ""
        return str(int(v)) if v.is_integer() and abs(v) < 1e15 else repr(v)
    if isinstance(v, str) and v.startswith(_FORMULA_START):
        return "'" + v
    return v


def write_csv(df: pd.DataFrame, path: Path) -> None:
    text_df = df.astype(object).apply(lambda col: col.map(_csv_cell))
    text_df.to_csv(path, index=False, encoding="utf-8-sig", lineterminator="\n")


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one atomic step (Linux renameat2 RENAME_EXCHANGE). False when the
    system cannot, and the caller falls back to two renames."""
    import ctypes
    import ctypes.util

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    AT_FDCWD, RENAME_EXCHANGE = -100, 2
    return renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) == 0


def _recover(out_dir: Path) -> None:
    """Finish what a run killed while swapping left behind, and clear its temporary folders."""
    olds = sorted(out_dir.parent.glob(f".{out_dir.name}.old-*"))
    if not out_dir.exists() and olds:
        os.rename(olds[-1], out_dir)
        olds = olds[:-1]
    for stale in olds + sorted(out_dir.parent.glob(f".{out_dir.name}.tmp-*")):
        shutil.rmtree(stale, ignore_errors=True)


def write_outputs(out_dir: str | Path, tables: dict[str, pd.DataFrame], manifest: dict, texts: dict[str, str] | None = None) -> None:
    out_dir = Path(out_dir).resolve()
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    _recover(out_dir)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.tmp-", dir=out_dir.parent))
    try:
        for name, df in tables.items():
            write_csv(df, tmp / f"{name}.csv")
            df.to_parquet(tmp / f"{name}.parquet", index=False)
        (tmp / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n", "utf-8")
        for doc_id, text in sorted((texts or {}).items()):
            # the decoded text the offsets refer to; doc_id is a relative path made by ingest
            path = tmp / "text" / (doc_id + ".txt")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="")
        if out_dir.exists():
            for entry in sorted(out_dir.iterdir()):
                if entry.name not in OUTPUT_FILES and not (tmp / entry.name).exists():
                    if entry.is_dir():
                        shutil.copytree(entry, tmp / entry.name, symlinks=True)
                    else:
                        shutil.copy2(entry, tmp / entry.name)
            if _exchange(tmp, out_dir):  # tmp now holds the previous outputs
                shutil.rmtree(tmp, ignore_errors=True)
            else:
                old = out_dir.with_name(f".{out_dir.name}.old-{os.getpid()}")
                os.rename(out_dir, old)
                os.rename(tmp, out_dir)
                shutil.rmtree(old, ignore_errors=True)
        else:
            os.rename(tmp, out_dir)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)

"""Stage 6: results → CSV (UTF-8 with BOM, for Excel), Parquet and manifest.json.

Streamed, so that memory does not grow with the corpus: documents arrive in doc_id order; each
one's text goes to ``text/`` and its fact mentions to fact_mentions.csv/.parquet (in chunks) as
soon as it is done; its entity mentions wait in a spool (Parquet, a row group per document)
until company short forms have been linked across documents, then are written the same way.
Only what crosses documents is held: the facts' ids, one row per entity, a row per document.

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
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from . import dedup
from .model import DocOutput, DocResult

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

_INT = {"char_start", "char_end", "n_chars", "n_fact_mentions", "n_entity_mentions", "repeated_paragraphs", "n_mentions", "n_docs"}
_FLOAT = {"value", "value_std", "value_min", "value_max", "similarity"}


def _schema(columns: list[str]) -> pa.Schema:
    """Fixed column types, so that every chunk (and an empty table) is written alike."""
    def kind(c: str):
        base = c[:-2] if c.endswith(("_a", "_b")) else c
        return pa.int64() if base in _INT else pa.float64() if base in _FLOAT else pa.string()

    return pa.schema([(c, kind(c)) for c in columns])


#: Rows per chunk of CSV and per Parquet row group when a table is written.
CHUNK_ROWS = 50_000
OUTPUT_FILES = [f"{name}.{ext}" for name in TABLES for ext in ("csv", "parquet")] + ["manifest.json", "text"]


def current_outputs(out_dir: str | Path, corpus_key) -> dict | None:
    """The manifest of ``out_dir`` when it holds a complete, error-free run made from exactly
    these inputs, rules and program; else None. ``corpus_key()`` (which reads every input) is
    called only when there is such a run to compare with."""
    out_dir = Path(out_dir)
    try:
        manifest = json.loads((out_dir / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(manifest, dict) or not manifest.get("corpus_key"):
        return None
    if manifest.get("counts", {}).get("documents_error", 1) != 0:
        return None  # an unreadable file may be readable now
    if not all((out_dir / name).exists() for name in OUTPUT_FILES):
        return None
    return manifest if manifest["corpus_key"] == corpus_key() else None


def doc_output(result: DocResult) -> DocOutput:
    """A document's result as the columns of the mention tables (fact_id filled in, entity_id
    left to ``finish``, which links company short forms across documents first)."""
    facts = sorted(result.facts, key=lambda f: (f.char_start, f.char_end, f.mention_id))
    ents = sorted(result.entities, key=lambda e: (e.char_start, e.char_end, e.mention_id))
    return DocOutput(
        result.doc_id,
        {c: [dedup.fact_id(f) if c == "fact_id" else getattr(f, c) for f in facts] for c in FACT_MENTION_COLUMNS},
        {c: ["" if c == "entity_id" else getattr(e, c) for e in ents] for c in ENTITY_MENTION_COLUMNS},
        result.doc_date,
        result.doc_date_evidence,
        result.main_subject,
        result.repeated_paragraphs,
        result.org_aliases,
        result.near_signature,
    )


class DatasetWriter:
    """A run's output folder, written as documents arrive (``add``) and completed by ``finish``.

    Use as a context manager: an exception (or a kill) leaves the previous outputs as they were
    and the temporary folder is removed (or recovered by the next run)."""

    def __init__(self, out_dir: str | Path):
        self.out_dir = Path(out_dir).resolve()
        self.out_dir.parent.mkdir(parents=True, exist_ok=True)
        _recover(self.out_dir)
        self.tmp = Path(tempfile.mkdtemp(prefix=f".{self.out_dir.name}.tmp-", dir=self.out_dir.parent))
        self.spool = self.tmp / ".spool"
        self.spool.mkdir()
        self.documents: list[dict] = []
        self.org_aliases: dict[str, list[str]] = {}
        self._facts = _FactTables(self.tmp, self.spool)
        # entity mentions wait in a spool: a company's short form in one document is linked to
        # its full name in a later one before any entity_id is written
        self._entities = _Spool(self.spool / "entity_mentions.parquet", _schema(ENTITY_MENTION_COLUMNS))

    def __enter__(self) -> "DatasetWriter":
        return self

    def __exit__(self, *exc) -> None:
        self._entities.close()
        self._facts.mentions.close()
        self._facts.buckets.close()
        if self.tmp.exists():
            shutil.rmtree(self.tmp, ignore_errors=True)

    def add(self, row: dict, output: DocOutput | None, raw_text: str | None) -> None:
        """One document: its row of documents.csv and, when it is kept, its mentions and text.
        Documents come in doc_id order (``run_corpus`` processes them so), so that the mention
        tables can be written as they come."""
        if self.documents and row["doc_id"] <= self.documents[-1]["doc_id"]:
            raise ValueError(f"documents must be added in doc_id order: {row['doc_id']} after {self.documents[-1]['doc_id']}")
        self.documents.append(row)
        if output is None or raw_text is None:
            return
        # the decoded text the offsets refer to; doc_id is a relative path made by ingest
        path = self.tmp / "text" / (row["doc_id"] + ".txt")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(raw_text, encoding="utf-8", newline="")
        for full, aliases in output.org_aliases.items():
            self.org_aliases.setdefault(full, aliases)
        self._facts.add(output.fact_columns)
        self._entities.add(output.entity_columns)

    def finish(self, manifest: dict) -> dict:
        """Write every table from the spool, the manifest (given ``counts`` and ``inputs``), and
        swap the folder in. Returns the counts."""
        t = time.perf_counter()
        self._entities.close()
        docs = pd.DataFrame(self.documents, columns=DOCUMENT_COLUMNS).sort_values("doc_id", kind="stable").reset_index(drop=True)
        _write_table(docs, DOCUMENT_COLUMNS, self.tmp / "documents")
        # the fact tables and the entity tables share nothing: written side by side (Arrow's
        # readers and writers release the GIL, so a second core helps)
        with ThreadPoolExecutor(max_workers=1) as pool:
            entity_side = pool.submit(self._entity_tables)
            n_fact_mentions, n_facts = self._facts.close()
            conflicts = _conflicts_table(self.tmp / "facts.parquet")
            _write_table(conflicts, CONFLICT_COLUMNS, self.tmp / "conflicts")
            n_entity_mentions, n_entities = entity_side.result()
        shutil.rmtree(self.spool)
        counts = {
            "documents": len(docs),
            "documents_ok": int((docs["status"] == "ok").sum()),
            "documents_duplicate": int((docs["status"] == "duplicate").sum()),
            "documents_error": int((docs["status"] == "error").sum()),
            "fact_mentions": n_fact_mentions,
            "facts": n_facts,
            "entity_mentions": n_entity_mentions,
            "entities": n_entities,
            "conflicts": len(conflicts),
        }
        manifest = dict(manifest)
        manifest["counts"] = {**manifest.get("counts", {}), **counts}
        manifest["inputs"] = [{"doc_id": d["doc_id"], "sha256": d["sha256"], "status": d["status"]} for d in self.documents]
        timings = dict(manifest.get("timings_seconds", {}))
        timings["tables"] = round(time.perf_counter() - t, 3)
        manifest["timings_seconds"] = dict(sorted(timings.items()))
        (self.tmp / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n", "utf-8")
        self._swap_in()
        return manifest["counts"]

    def _entity_tables(self) -> tuple[int, int]:
        n, entities = self._entity_mentions()
        _write_table(entities, ENTITY_COLUMNS, self.tmp / "entities")
        return n, len(entities)

    def _entity_mentions(self) -> tuple[int, pd.DataFrame]:
        """entity_mentions, streamed, with company short forms linked to the full names seen
        anywhere in the corpus; and the entities table, one row per entity_id. Each document
        lies in one chunk, so documents per entity add up across chunks."""
        alias_to_full = dedup.alias_to_full(self.org_aliases)
        firsts, counts, texts = [], [], []
        n = 0
        with _TableWriter(self.tmp / "entity_mentions", ENTITY_MENTION_COLUMNS) as out:
            for chunk in self._entities.chunks():
                is_alias = (chunk["type"] == "ORG") & chunk["canonical"].isin(alias_to_full)
                if is_alias.any():
                    chunk.loc[is_alias, "canonical"] = chunk.loc[is_alias, "canonical"].map(alias_to_full)
                keys = list(zip(chunk["canonical"], chunk["type"]))
                ids = {k: dedup.entity_id(*k) for k in set(keys)}
                chunk["entity_id"] = [ids[k] for k in keys]
                out.write(chunk)
                n += len(chunk)
                firsts.append(chunk.drop_duplicates("entity_id")[["entity_id", "canonical", "type", "code", "parent"]])
                counts.append(chunk.groupby("entity_id").agg(n_mentions=("entity_id", "size"), n_docs=("doc_id", "nunique")))
                written = chunk["text"].str.replace("\n", "", regex=False).str.replace(" ", "", regex=False)
                texts.append(pd.DataFrame({"entity_id": chunk["entity_id"], "alias": written}).drop_duplicates())
        if not n:
            return 0, pd.DataFrame(columns=ENTITY_COLUMNS)
        table = pd.concat(firsts).drop_duplicates("entity_id").set_index("entity_id")
        table = table.join(pd.concat(counts).groupby(level=0).sum())
        aliases = pd.concat(texts).drop_duplicates()
        aliases = aliases[aliases["alias"] != table.loc[aliases["entity_id"], "canonical"].to_numpy()]
        table["aliases"] = aliases.sort_values(["entity_id", "alias"]).groupby("entity_id")["alias"].agg(";".join)
        table["aliases"] = table["aliases"].fillna("")
        table = table.reset_index().sort_values(["type", "canonical", "entity_id"], kind="stable")
        return n, table[ENTITY_COLUMNS]

    def _swap_in(self) -> None:
        out_dir, tmp = self.out_dir, self.tmp
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


class _FactTables:
    """fact_mentions, written chunk by chunk as documents arrive in doc_id order; then facts:
    one row per fact_id, from its first mention (in document and character order), with every
    mention's id and document. First mentions go to 16 spool files by the first hex digit of
    their fact_id, so that the table is sorted one sixteenth at a time."""

    FIRST_COLUMNS = [c for c in FACT_COLUMNS if c in FACT_MENTION_COLUMNS] + ["mention_id"]

    def __init__(self, tmp: Path, spool: Path):
        self.tmp = tmp
        self.schema = _schema(FACT_MENTION_COLUMNS)
        self.mentions = _TableWriter(tmp / "fact_mentions", FACT_MENTION_COLUMNS)
        self.buckets = _Buckets(spool / "facts", _schema(self.FIRST_COLUMNS))
        self.pending: list[pa.Table] = []
        self.pending_rows = 0
        self.seen: set[str] = set()
        self.ids: list[pd.DataFrame] = []
        self.n = 0

    def add(self, columns: dict[str, list]) -> None:
        """One document's fact mentions; a chunk is written once CHUNK_ROWS have gathered."""
        table = pa.table(columns, schema=self.schema)
        if table.num_rows:
            self.pending.append(table)
            self.pending_rows += table.num_rows
        if self.pending_rows >= CHUNK_ROWS:
            self._flush()

    def _flush(self) -> None:
        if not self.pending:
            return
        chunk = pa.concat_tables(self.pending).to_pandas()
        self.pending, self.pending_rows = [], 0
        self.mentions.write(chunk)
        self.n += len(chunk)
        self.ids.append(chunk[["fact_id", "doc_id", "mention_id"]])
        firsts = chunk.drop_duplicates("fact_id")
        firsts = firsts[~firsts["fact_id"].isin(self.seen)]
        self.seen.update(firsts["fact_id"])
        self.buckets.add(firsts[self.FIRST_COLUMNS])

    def close(self) -> tuple[int, int]:
        """Write the facts table; returns (fact mentions, facts)."""
        self._flush()
        self.mentions.close()
        self.buckets.close()
        self.seen = set()
        ids_df = pd.concat(self.ids, ignore_index=True) if self.ids else pd.DataFrame(columns=["fact_id", "doc_id", "mention_id"])
        self.ids = []
        counts = ids_df.groupby("fact_id", sort=False).size()
        shared = ids_df[ids_df["fact_id"].isin(counts.index[counts > 1])].groupby("fact_id", sort=False)
        doc_ids = shared["doc_id"].agg(lambda s: ";".join(sorted(set(s))))
        mention_ids = shared["mention_id"].agg(";".join)
        del ids_df, shared
        n_facts = 0
        with _TableWriter(self.tmp / "facts", FACT_COLUMNS) as out:
            for part in self.buckets.frames():
                part = part.sort_values("fact_id", kind="stable").reset_index(drop=True)
                part["n_mentions"] = counts.reindex(part["fact_id"]).to_numpy()
                # a fact of one mention: its own document and mention
                part["doc_ids"] = doc_ids.reindex(part["fact_id"]).to_numpy(dtype=object, na_value=None)
                part["mention_ids"] = mention_ids.reindex(part["fact_id"]).to_numpy(dtype=object, na_value=None)
                part["doc_ids"] = part["doc_ids"].where(part["doc_ids"].notna(), part["doc_id"])
                part["mention_ids"] = part["mention_ids"].where(part["mention_ids"].notna(), part["mention_id"])
                out.write(part)
                n_facts += len(part)
        return self.n, n_facts


class _Spool:
    """Mentions of each document as one row group of a Parquet file (documents come in doc_id
    order), read back in chunks of whole documents."""

    def __init__(self, path: Path, schema: pa.Schema):
        self.path, self.schema = path, schema
        self.writer: pq.ParquetWriter | None = None

    def add(self, columns: dict[str, list]) -> None:
        if not next(iter(columns.values())):
            return
        if self.writer is None:
            self.writer = pq.ParquetWriter(self.path, self.schema)
        self.writer.write_table(pa.table(columns, schema=self.schema), row_group_size=1 << 30)

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.writer = None

    def chunks(self):
        """DataFrames of at least CHUNK_ROWS rows (but the last), never splitting a document."""
        if not self.path.exists():
            return
        f = pq.ParquetFile(self.path)
        batch, size = [], 0
        for index in range(f.num_row_groups):
            table = f.read_row_group(index)
            batch.append(table)
            size += table.num_rows
            if size >= CHUNK_ROWS:
                yield pa.concat_tables(batch).to_pandas()
                batch, size = [], 0
        if batch:
            yield pa.concat_tables(batch).to_pandas()


class _Buckets:
    """Rows split by the first hex digit of their fact_id into 16 Parquet files, read back in
    fact_id order one file at a time."""

    DIGITS = "0123456789abcdef"

    def __init__(self, stem: Path, schema: pa.Schema):
        self.paths = {d: stem.with_name(f"{stem.name}-{d}.parquet") for d in self.DIGITS}
        self.schema = schema
        self.writers: dict[str, pq.ParquetWriter] = {}

    def add(self, df: pd.DataFrame) -> None:
        for digit, part in df.groupby(df["fact_id"].str[1], sort=True):
            if digit not in self.writers:
                self.writers[digit] = pq.ParquetWriter(self.paths[digit], self.schema)
            self.writers[digit].write_table(pa.Table.from_pandas(part, schema=self.schema, preserve_index=False))

    def close(self) -> None:
        for w in self.writers.values():
            w.close()

    def frames(self):
        for digit in self.DIGITS:
            if digit in self.writers:
                yield pq.read_table(self.paths[digit]).to_pandas()


class _TableWriter:
    """One table as ``NAME.csv`` (UTF-8 with BOM, formula-safe) and ``NAME.parquet``, in chunks."""

    def __init__(self, stem: Path, columns: list[str]):
        self.columns = columns
        self.schema = _schema(columns)
        self.csv = open(stem.with_suffix(".csv"), "wb")
        self.csv.write(_BOM)
        self.parquet = pq.ParquetWriter(stem.with_suffix(".parquet"), self.schema)
        self.header = True

    def __enter__(self) -> "_TableWriter":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self.csv.closed:
            return
        if self.header:  # nothing written: an empty table still has its header and schema
            self.write(pd.DataFrame(columns=self.columns))
        self.csv.close()
        self.parquet.close()

    def write(self, df: pd.DataFrame) -> None:
        df = df[self.columns]
        for start in range(0, max(len(df), 1), CHUNK_ROWS):
            table = pa.Table.from_pandas(df.iloc[start : start + CHUNK_ROWS], schema=self.schema, preserve_index=False)
            self.parquet.write_table(table)
            # Arrow's CSV writer (C++) quotes every text cell; numbers and empty cells are bare
            pacsv.write_csv(_csv_table(table), self.csv, pacsv.WriteOptions(include_header=self.header, quoting_style="needed"))
            self.header = False


def _write_table(df: pd.DataFrame, columns: list[str], stem: Path) -> None:
    with _TableWriter(stem, columns) as out:
        if len(df):
            out.write(df)


def _conflicts_table(facts_parquet: Path) -> pd.DataFrame:
    """Facts that agree on subject, metric, kind, status and period but not on the value: each
    pair with the provenance of both sides, so a reviewer can see which source says what. The
    facts' keys are read first; whole rows only for the few that conflict."""
    keys = pq.read_table(facts_parquet, columns=["fact_id", *dedup.CONFLICT_KEY, "value_std", "qualifier"]).to_pandas()
    wanted = dedup.conflicting_facts(keys)
    rows = []
    if wanted:
        facts = pq.read_table(facts_parquet, filters=[("fact_id", "in", sorted(wanted))]).to_pandas()
        for a, b in dedup.conflict_pairs(facts):
            row = {k: a[k] for k in ("subject", "metric_key", "kind", "status", "period")}
            row["conflict_id"] = "c" + a["fact_id"][1:9] + b["fact_id"][1:9]
            for side, fact in (("a", a), ("b", b)):
                for c in CONFLICT_SIDE:
                    row[f"{c}_{side}"] = fact[c]
            rows.append(row)
    return pd.DataFrame(rows, columns=CONFLICT_COLUMNS)


def _csv_number(v: float) -> str:
    """A float as the CSV shows it: whole numbers without ``.0``."""
    return str(int(v)) if v.is_integer() and abs(v) < 1e15 else repr(v)


# Cells Excel would read as a formula; they get a leading apostrophe in the CSV only.
_FORMULA_CELL = r"^([=+\-@\t\r])"


def _csv_table(table: pa.Table) -> pa.Table:
    """The cells as the CSV shows them: a leading apostrophe on text Excel would run as a
    formula, whole numbers without ``.0``, and no ``nan``."""
    columns = []
    for col in table.columns:
        if pa.types.is_string(col.type):
            col = pc.replace_substring_regex(col, pattern=_FORMULA_CELL, replacement="'\\1")
        elif pa.types.is_floating(col.type):
            col = pa.array([None if v is None or math.isnan(v) else _csv_number(v) for v in col.to_pylist()], type=pa.string())
        columns.append(col)
    return pa.table(columns, names=table.column_names)


_BOM = b"\xef\xbb\xbf"  # Excel reads a CSV as UTF-8 only with it


def write_csv(df: pd.DataFrame, path: Path) -> None:
    """One small table as CSV the way the run writes its tables (BOM, formula-safe cells)."""
    with open(path, "wb") as f:
        f.write(_BOM)
        pacsv.write_csv(_csv_table(pa.Table.from_pandas(df, preserve_index=False)), f, pacsv.WriteOptions(quoting_style="needed"))


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

"""The per-document function and the engine that maps it over a corpus.

``process(document, rules)`` is pure: normalise → segment → extract → drop what repeated
paragraphs said twice. It needs nothing from other documents, so it can run in any order, in
any process. Everything that crosses documents happens afterwards, in ``dedup``.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from . import dedup
from .cache import ResultCache, cache_key
from .entities import EntityFinder
from .facts import DocContext, FactExtractor, main_subject
from .ingest import discover, read_document
from .model import Document, DocumentError, DocOutput, DocResult, EntityMention, FactMention
from .normalize import normalize
from .periods import CENSUS_EVIDENCE, LOOKS_BACK, headline_period, infer_doc_date
from .rules import Rules, load_rules
from .segment import paragraphs, sentences, word_segmenter
from .tables import TableExtractor, find_tables, table_paragraphs
from .write import doc_output

STAGES = ("ingest", "normalize", "segment", "entities", "facts", "dedup")


@dataclass
class Extractors:
    """Per-process objects built once from the rules (jieba, gazetteer, compiled tables)."""

    rules: Rules
    entities: EntityFinder
    facts: FactExtractor
    tables: TableExtractor


_EXTRACTORS: dict[str, Extractors] = {}


def extractors(rules: Rules) -> Extractors:
    ex = _EXTRACTORS.get(rules.fingerprint)
    if ex is None:
        lexicon = rules.directory / "lexicon.txt"
        seg = word_segmenter(str(lexicon) if lexicon.exists() else None)
        facts = FactExtractor(rules, seg)
        ex = _EXTRACTORS[rules.fingerprint] = Extractors(rules, EntityFinder(rules, seg), facts, TableExtractor(facts))
    return ex


def _id(prefix: str, *parts) -> str:
    return prefix + hashlib.sha256("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]


def process(doc: Document, rules: Rules, timings: dict[str, float] | None = None) -> DocResult:
    """One document → its fact and entity mentions, with raw offsets."""
    timings = timings if timings is not None else {}
    ex = extractors(rules)
    t = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal t
        now = time.perf_counter()
        timings[stage] = timings.get(stage, 0.0) + now - t
        t = now

    raw = doc.raw_text
    norm = normalize(raw)
    lap("normalize")
    paras = paragraphs(norm)
    sents = sentences(norm, paras)
    lap("segment")

    cands = ex.entities.find_document(norm.text)
    lap("entities")

    doc_date, evidence = infer_doc_date(norm.text, rules)
    doc_year = int(doc_date[:4]) if doc_date else None
    doc_month = int(doc_date[5:7]) if len(doc_date) >= 7 else None
    ctx = DocContext(
        doc_year,
        main_subject(cands, norm.text, ex.entities.gaz, rules.table("anaphora")),
        cands,
        ex.entities.gaz,
        doc_month,
        headline_period(norm.text, rules, doc_year),
        looks_back=evidence.startswith(LOOKS_BACK),
        bulletin="统计公报" in evidence or evidence.startswith(CENSUS_EVIDENCE),
    )
    in_tables = table_paragraphs(paras)
    drafts, rejections = ex.facts.document_facts(norm.text, [s for s in sents if s.paragraph not in in_tables], ctx)
    cells = ex.tables.facts_of(find_tables(paras), norm.text, ctx)
    extras = {id(d): (title, note) for d, title, note in cells}
    drafts = sorted(drafts + [d for d, _, _ in cells], key=lambda d: (d.start, d.end))
    lap("facts")

    result = DocResult(doc.doc_id, doc_date=doc_date, doc_date_evidence=evidence, main_subject=ctx.main_subject)
    seen_spans: dict[tuple[int, int], int] = {}
    for d in drafts:
        rs, re_ = norm.raw_span(d.start, d.end)
        k = seen_spans.get((rs, re_), 0)
        seen_spans[(rs, re_)] = k + 1
        q = d.quantity
        result.facts.append(
            FactMention(
                mention_id=_id("m", doc.doc_id, rs, re_, k),
                doc_id=doc.doc_id,
                char_start=rs,
                char_end=re_,
                span=raw[rs:re_],
                value=q.value,
                unit=q.unit,
                value_std=q.value_std,
                unit_std=q.unit_std,
                qualifier=q.qualifier,
                subject=d.subject,
                metric=d.metric,
                metric_key=d.metric_key,
                kind=d.kind,
                status=d.status,
                period=d.period,
                period_text=d.period_text,
                sentence=d.sentence,
                rule_id=q.rule_id,
                rules_fired=" ".join(dict.fromkeys(d.rules_fired)),
                value_min=q.value if q.value_max is not None else None,
                value_max=q.value_max,
                table=extras.get(id(d), ("", ""))[0],
                note=extras.get(id(d), ("", ""))[1],
            )
        )
    for c in cands:
        rs, re_ = norm.raw_span(c.start, c.end)
        result.entities.append(
            EntityMention(
                mention_id=_id("n", doc.doc_id, rs, re_),
                doc_id=doc.doc_id,
                char_start=rs,
                char_end=re_,
                text=raw[rs:re_],
                type=c.type,
                canonical=c.canonical,
                rule_id=c.rule_id,
                code=c.code,
                parent=c.parent,
                title=c.title,
                affiliation=c.affiliation,
            )
        )
    for r in rejections:
        rs, re_ = norm.raw_span(r.start, r.end)
        result.rejections.append(type(r)(rs, re_, raw[rs:re_], r.rule_id, r.reason))

    result.org_aliases = {
        name: ex.entities.org_aliases(name) for name in sorted({e.canonical for e in result.entities if e.type == "ORG"})
    }
    result.near_signature = dedup.near_signature(raw)
    repeated = dedup.repeated_paragraphs(raw)
    result.repeated_paragraphs = len(repeated)
    if repeated:
        dedup.drop_within(result, repeated)
    lap("dedup")
    return result


def text_result(text: str, rules: Rules, doc_date: str | None = None) -> DocResult:
    """Run the per-document function on a bare string (explain, rule examples)."""
    from .ingest import document_from_text

    if doc_date:
        # a dateline gives the text its date without touching the sentence under test
        year, _, month = doc_date.partition("-")
        prefix = f"{year}年{int(month) if month else 6}月\n"  # a year alone: mid-year, no looking back
        result = process(document_from_text(prefix + text), rules)
        return dedup.shift(result, -len(prefix))
    return process(document_from_text(text), rules)


_RULES: dict[str, Rules] = {}


def _rules_in_worker(rules_dir: str) -> Rules:
    """Rules load once per process (workers receive the folder, not compiled patterns)."""
    rules = _RULES.get(rules_dir)
    if rules is None:
        rules = _RULES[rules_dir] = load_rules(rules_dir)
    return rules


def _work(item: tuple) -> tuple[Document | DocumentError, DocOutput | None, str, dict]:
    path, doc_id, rules_dir, cache_dir = item if len(item) == 4 else (*item, None)
    rules = _rules_in_worker(rules_dir)
    timings: dict[str, float] = {}
    t = time.perf_counter()
    doc = read_document(path, doc_id)
    timings["ingest"] = time.perf_counter() - t
    if isinstance(doc, DocumentError):
        return doc, None, "", timings
    cache = ResultCache(cache_dir) if cache_dir else None
    key = cache_key(doc.sha256, doc.doc_id, rules.fingerprint) if cache else ""
    if cache:
        hit = cache.get(key)
        if hit is not None:
            timings["cache_hits"] = 1
            return doc, hit, "", timings
    try:
        output = doc_output(process(doc, rules, timings))
        if cache:
            cache.put(key, output)
        return doc, output, "", timings
    except Exception as e:  # one bad document never stops a run; the error names it
        return doc, None, f"{doc.path}: extraction failed: {type(e).__name__}: {e}", timings


def _dask_map(work: list[tuple], scheduler: str | None, jobs: int):
    """The same per-document function on a Dask cluster: the one at ``scheduler``, else a local
    one with ``jobs`` worker processes. Results come back in input order, so outputs are the
    same bytes as the local engine's."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as e:
        raise RuntimeError("--engine dask needs the dask extra: pip install 'zhfacts[dask]'") from e
    cluster = None if scheduler else LocalCluster(n_workers=max(1, jobs), threads_per_worker=1, processes=True, dashboard_address=None)
    client = Client(scheduler or cluster)
    try:
        futures = client.map(_work, work, pure=False)
        for future in futures:
            yield future.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def run_corpus(
    inputs: list[str],
    rules: Rules,
    sink: Callable[[dict, DocOutput | None, str | None], None],
    jobs: int = 1,
    progress: bool | None = None,
    cache_dir: str | Path | None = None,
    engine: str = "local",
    scheduler: str | None = None,
) -> dict[str, float]:
    """Process every document under ``inputs`` and hand each, in doc_id order, to ``sink`` as
    (row of documents.csv, its result or None, its raw text or None): the result and text only
    for a document that is neither a copy nor an error. Nothing accumulates here, so memory
    stays flat however large the corpus. Returns the seconds spent in each stage."""
    from tqdm import tqdm

    # in doc_id order, whatever the order of the inputs: the first of two copies is the one
    # with the smaller doc_id, and the writer can write mentions as they come
    items = sorted(discover(inputs), key=lambda item: item[1])
    timings: dict[str, float] = {}
    first_by_sha: dict[str, str] = {}
    near = dedup.NearDuplicates()
    work = [(p, d, str(rules.directory), str(cache_dir) if cache_dir else None) for p, d in items]
    _RULES[str(rules.directory)] = rules
    if engine == "dask":
        pool = None
        mapped = _dask_map(work, scheduler, jobs)
    elif jobs > 1 and len(work) > 1:
        pool = ProcessPoolExecutor(max_workers=jobs)
        mapped = pool.map(_work, work, chunksize=max(1, min(16, len(work) // (jobs * 8))))
    else:
        pool = None
        mapped = map(_work, work)
    try:
        for doc, result, error, stage_seconds in tqdm(mapped, total=len(work), disable=progress, unit="doc", desc="zhfacts"):
            for k, v in stage_seconds.items():
                timings[k] = timings.get(k, 0.0) + v
            row = dedup.document_row(doc, result, error, first_by_sha)
            if row["status"] == "ok":
                t = time.perf_counter()
                near.check(row, result.near_signature)
                timings["dedup"] = timings.get("dedup", 0.0) + time.perf_counter() - t
            kept = result is not None and row["status"] == "ok"
            sink(row, result if kept else None, doc.raw_text if kept else None)
    finally:
        if pool is not None:
            pool.shutdown()
    return timings


def corpus_key(hashes, rules: Rules) -> str:
    """A fingerprint of everything a run's outputs depend on: every input's (doc_id, sha256 of
    its bytes), the rules and the program."""
    from .cache import program_fingerprint

    h = hashlib.sha256(f"{program_fingerprint()}\x1f{rules.fingerprint}".encode())
    for doc_id, sha in sorted(hashes):
        h.update(f"\x1e{doc_id}\x1f{sha}".encode())
    return h.hexdigest()


def input_hashes(inputs: list[str]) -> list[tuple[str, str]] | None:
    """(doc_id, sha256 of the bytes) of every input, or None when one cannot be read."""
    out = []
    for path, doc_id in discover(inputs):
        try:
            out.append((doc_id, hashlib.sha256(path.read_bytes()).hexdigest()))
        except OSError:
            return None
    return out


#: Below this much input, worker start-up (about 3 s each for jieba and the gazetteer) costs
#: more than it saves.
PARALLEL_MIN_BYTES = 4 * 1024 * 1024


def default_jobs(inputs: list[str] | None = None) -> int:
    cores = max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))
    if inputs is not None:
        total = 0
        for path, _ in discover(inputs):
            try:
                total += path.stat().st_size
            except OSError:
                continue
            if total >= PARALLEL_MIN_BYTES:
                return cores
        return 1
    return cores

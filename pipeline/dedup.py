"""Deduplication, on documented keys, with nothing lost.

* documents: identical bytes (sha256) → status ``duplicate`` with ``duplicate_of``;
* paragraphs: a paragraph repeated inside a document (web pages often print one twice) → the
  mentions of the repeat are dropped, the count kept in documents.csv;
* facts: mentions with the same (subject, metric_key, kind, status, period, value_std) are one
  fact; ``fact_id`` is a hash of that key, so it is stable across runs;
* entities: mentions with the same (canonical, type) are one entity.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace

from .model import Document, DocumentError, DocResult

#: Paragraphs shorter than this may repeat legitimately (headings, 一是 …).
MIN_REPEATED_PARAGRAPH = 20

FACT_KEY = ("subject", "metric_key", "kind", "status", "period", "value_std")
ENTITY_KEY = ("canonical", "type")


def key_id(prefix: str, values) -> str:
    return prefix + hashlib.sha256("\x1f".join(map(str, values)).encode("utf-8")).hexdigest()[:16]


def repeated_paragraphs(raw: str) -> list[tuple[int, int]]:
    """Raw spans of lines that repeat an earlier line of the same document. Raw lines, not
    normalised paragraphs: a page printed twice repeats its lines, but joining broken lines
    can glue a repeat to different neighbours each time."""
    seen: set[str] = set()
    out = []
    pos = 0
    for line in raw.split("\n"):
        body = line.strip()
        if len(body) >= MIN_REPEATED_PARAGRAPH:
            if body in seen:
                out.append((pos, pos + len(line)))
            seen.add(body)
        pos += len(line) + 1
    return out


def drop_within(result: DocResult, raw_spans: list[tuple[int, int]]) -> None:
    def outside(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in raw_spans)

    result.facts = [f for f in result.facts if outside(f.char_start, f.char_end)]
    result.entities = [e for e in result.entities if outside(e.char_start, e.char_end)]


def shift(result: DocResult, delta: int) -> DocResult:
    """Move every offset by ``delta`` (for text that was given a prefix)."""
    result.facts = [replace(f, char_start=f.char_start + delta, char_end=f.char_end + delta) for f in result.facts]
    result.entities = [replace(e, char_start=e.char_start + delta, char_end=e.char_end + delta) for e in result.entities]
    result.rejections = [replace(r, start=r.start + delta, end=r.end + delta) for r in result.rejections]
    return result


#: Jaccard similarity of character 5-gram sets above which two documents are near-duplicates
#: (the same report republished with a changed headline or byline).
NEAR_DUPLICATE_THRESHOLD = 0.85
_SHINGLE = 5
_PERMUTATIONS = 128


class NearDuplicates:
    """MinHash (datasketch) over character 5-grams, with an LSH index: each new document is
    compared with the ones seen before; a near-duplicate is marked like a copy, with its
    similarity."""

    def __init__(self, threshold: float = NEAR_DUPLICATE_THRESHOLD):
        from datasketch import MinHashLSH

        self.threshold = threshold
        self.lsh = MinHashLSH(threshold=threshold, num_perm=_PERMUTATIONS)
        self.hashes: dict = {}

    @staticmethod
    def minhash(text: str):
        from datasketch import MinHash

        body = "".join(text.split())
        m = MinHash(num_perm=_PERMUTATIONS, seed=1)
        m.update_batch([body[i : i + _SHINGLE].encode("utf-8") for i in range(max(1, len(body) - _SHINGLE + 1))])
        return m

    def check(self, row: dict, text: str) -> None:
        m = self.minhash(text)
        best = None
        for other in sorted(self.lsh.query(m)):
            sim = m.jaccard(self.hashes[other])
            if sim >= self.threshold and (best is None or sim > best[1]):
                best = (other, sim)
        if best:
            row.update(status="duplicate", duplicate_of=best[0], similarity=round(best[1], 4), n_fact_mentions=0, n_entity_mentions=0)
        else:
            self.lsh.insert(row["doc_id"], m)
            self.hashes[row["doc_id"]] = m


def document_row(doc: Document | DocumentError, result: DocResult | None, error: str, first_by_sha: dict[str, str]) -> dict:
    row = {
        "doc_id": doc.doc_id,
        "path": doc.path,
        "sha256": doc.sha256,
        "encoding": getattr(doc, "encoding", ""),
        "n_chars": len(doc.raw_text) if isinstance(doc, Document) else 0,
        "status": "ok",
        "duplicate_of": "",
        "error": "",
        "doc_date": result.doc_date if result else "",
        "doc_date_evidence": result.doc_date_evidence if result else "",
        "main_subject": result.main_subject if result else "",
        "n_fact_mentions": len(result.facts) if result else 0,
        "n_entity_mentions": len(result.entities) if result else 0,
        "repeated_paragraphs": result.repeated_paragraphs if result else 0,
        "similarity": None,
    }
    if isinstance(doc, DocumentError) or error:
        row["status"] = "error"
        row["error"] = doc.error if isinstance(doc, DocumentError) else error
    elif doc.sha256 in first_by_sha:
        row.update(status="duplicate", duplicate_of=first_by_sha[doc.sha256], similarity=1.0, n_fact_mentions=0, n_entity_mentions=0)
    else:
        first_by_sha[doc.sha256] = doc.doc_id
    return row


CONFLICT_KEY = ("subject", "metric_key", "kind", "status", "period")


def conflict_pairs(facts):
    """Pairs of facts (rows of facts.csv, as dicts) with the same CONFLICT_KEY and different
    values. A fact without subject or metric, or hedged (约, 超, 以上 …), conflicts with nothing:
    its value is not a claim of the exact figure."""
    groups: dict[tuple, list[dict]] = {}
    for row in facts.to_dict("records"):
        if not row["subject"] or not row["metric_key"] or row["qualifier"]:
            continue
        groups.setdefault(tuple(row[k] for k in CONFLICT_KEY), []).append(row)
    for key in sorted(groups):
        rows = sorted(groups[key], key=lambda r: (r["doc_id"], r["char_start"]))
        for i, a in enumerate(rows):
            for b in rows[i + 1 :]:
                if a["value_std"] != b["value_std"]:
                    yield a, b


def assign_ids(results: list[DocResult]) -> None:
    """Give every mention its fact_id / entity_id (hashes of the dedup keys)."""
    for r in results:
        r.facts = [replace(f, fact_id=key_id("f", [getattr(f, k) for k in FACT_KEY])) for f in r.facts]
        r.entities = [replace(e, entity_id=key_id("e", [getattr(e, k) for k in ENTITY_KEY])) for e in r.entities]


def link_org_aliases(results: list[DocResult]) -> None:
    """An organisation named by its short form in one document and in full in another is one
    entity: the short form's canonical becomes the full name seen anywhere in the corpus."""
    alias_to_full: dict[str, str] = {}
    for full, aliases in sorted({k: v for r in results for k, v in r.org_aliases.items()}.items()):
        for alias in aliases:
            alias_to_full.setdefault(alias, full)
    for r in results:
        r.entities = [
            replace(e, canonical=alias_to_full[e.canonical]) if e.type == "ORG" and e.canonical in alias_to_full else e
            for e in r.entities
        ]

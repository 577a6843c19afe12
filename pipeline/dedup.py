"""Deduplication, on documented keys, with nothing lost.

* documents: identical bytes (sha256) → status ``duplicate`` with ``duplicate_of``;
* paragraphs: a paragraph repeated inside a document (web pages often print one twice) → the
  mentions of the repeat are dropped, the count kept in documents.csv;
* facts: mentions with the same (subject, metric_key, kind, status, period, value_std) are one
  fact; ``fact_id`` is a hash of that key, so it is stable across runs;
* entities: mentions with the same (canonical, type) are one entity.
"""

from __future__ import annotations

import bisect
import hashlib
from dataclasses import replace

import numpy as np
import regex

from .model import Document, DocumentError, DocOutput, DocResult

#: Paragraphs shorter than this may repeat legitimately (headings, 一是 …).
MIN_REPEATED_PARAGRAPH = 20

FACT_KEY = ("subject", "metric_key", "kind", "status", "period", "value_std")


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
    """Drop the mentions inside ``raw_spans`` (sorted, disjoint lines)."""
    starts = [s for s, _ in raw_spans]

    def outside(start: int, end: int) -> bool:
        i = bisect.bisect_right(starts, start) - 1  # the last line starting at or before start
        if i >= 0 and start < raw_spans[i][1]:
            return False
        return i + 1 >= len(starts) or end <= starts[i + 1]

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
_SCHEME = "affine32"  # datasketch's permutation scheme, named because signatures are cached


def near_signature(text: str) -> list[int]:
    """MinHash signature (datasketch, 128 permutations) of a text's character 5-grams, spaces
    left out. The 5-grams are hashed with numpy in one pass, and only those whose hash is 0
    modulo 8 are kept (the same ones in every document, so the Jaccard estimate holds): an
    eighth of the work, which matters in a run that reads gigabytes."""
    from datasketch import MinHash

    body = "".join(text.split()) or " "
    codes = np.frombuffer(body.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    n = max(1, len(codes) - _SHINGLE + 1)
    codes = np.concatenate([codes, np.zeros(_SHINGLE, dtype=np.uint64)])
    h = np.zeros(n, dtype=np.uint64)
    for k in range(_SHINGLE):
        h = h * np.uint64(1_000_003) + codes[k : k + n]
    h = (h ^ (h >> np.uint64(31))) & np.uint64(0xFFFFFFFF)
    sampled = h[h % np.uint64(8) == 0]
    m = MinHash(num_perm=_PERMUTATIONS, seed=1, hashfunc=int, scheme=_SCHEME)
    m.update_batch((sampled if len(sampled) >= 64 else h).tolist())
    return m.hashvalues.tolist()


class NearDuplicates:
    """An LSH index (datasketch) over the documents' MinHash signatures: each new document is
    compared with the ones seen before; a near-duplicate is marked like a copy, with its
    similarity."""

    def __init__(self, threshold: float = NEAR_DUPLICATE_THRESHOLD):
        from datasketch import MinHashLSH

        self.threshold = threshold
        self.lsh = MinHashLSH(threshold=threshold, num_perm=_PERMUTATIONS)
        self.hashes: dict = {}

    def check(self, row: dict, signature: list[int]) -> None:
        from datasketch import MinHash

        m = MinHash(num_perm=_PERMUTATIONS, seed=1, hashvalues=np.array(signature, dtype=np.uint64), scheme=_SCHEME)
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


def document_row(doc: Document | DocumentError, result: DocOutput | None, error: str, first_by_sha: dict[str, str]) -> dict:
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
        "n_fact_mentions": result.n_facts if result else 0,
        "n_entity_mentions": result.n_entities if result else 0,
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


def conflicting_facts(facts) -> set[str]:
    """fact_ids of the facts that share CONFLICT_KEY with a fact of another value. A fact
    without subject or metric, or hedged (约, 超, 以上 …), conflicts with nothing: its value is
    not a claim of the exact figure."""
    if not len(facts):
        return set()
    claims = facts[(facts["subject"] != "") & (facts["metric_key"] != "") & (facts["qualifier"] == "")]
    values = claims.groupby(list(CONFLICT_KEY), sort=False)["value_std"].transform("nunique")
    return set(claims.loc[values > 1, "fact_id"])


def conflict_pairs(facts):
    """Pairs of facts (rows of the facts table, as dicts) with the same CONFLICT_KEY and values
    that differ by more than their rounding (see ``conflicting_facts``; 969.48亿元 and 969.5亿元
    are one figure written to two precisions)."""
    wanted = conflicting_facts(facts)
    groups: dict[tuple, list[dict]] = {}
    for row in facts[facts["fact_id"].isin(wanted)].to_dict("records"):
        groups.setdefault(tuple(row[k] for k in CONFLICT_KEY), []).append(row)
    for key in sorted(groups):
        rows = sorted(groups[key], key=lambda r: (r["doc_id"], r["char_start"]))
        for i, a in enumerate(rows):
            for b in rows[i + 1 :]:
                if abs(a["value_std"] - b["value_std"]) > max(_last_digit(a), _last_digit(b)) / 2 * (1 + 1e-9):
                    yield a, b


_WRITTEN_NUMBER = regex.compile(r"\d[\d,]*(?:\.(\d+))?")


def _last_digit(fact: dict) -> float:
    """What one unit of the last digit written is worth in value_std (0.01亿元 for 969.48亿元)."""
    m = _WRITTEN_NUMBER.search(str(fact["span"]))
    decimals = len(m.group(1) or "") if m else 0
    scale = abs(fact["value_std"] / fact["value"]) if fact["value"] else 1.0
    return 10.0**-decimals * scale


def fact_id(f) -> str:
    """A fact mention's fact: a hash of its dedup key, stable across runs."""
    return key_id("f", [getattr(f, k) for k in FACT_KEY])


def entity_id(canonical: str, etype: str) -> str:
    return key_id("e", [canonical, etype])


def alias_to_full(org_aliases: dict[str, list[str]]) -> dict[str, str]:
    """An organisation named by its short form in one document and in full in another is one
    entity: a short form's canonical becomes the full name seen anywhere in the corpus (the
    first in name order when several share it)."""
    out: dict[str, str] = {}
    for full, aliases in sorted(org_aliases.items()):
        for alias in aliases:
            out.setdefault(alias, full)
    return out

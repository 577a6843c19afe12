"""The records that flow between stages. Plain dataclasses: easy to pickle (for --jobs), to
compare in tests and to turn into table rows. Mentions and their parts (here and in entities,
periods, segment) use slots and are not frozen: a run builds hundreds of thousands of them, and
a frozen dataclass costs six times as much to build. Nothing changes them after they are built."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Document:
    doc_id: str
    path: str
    sha256: str
    encoding: str
    raw_text: str


@dataclass(frozen=True)
class DocumentError:
    """A file that could not become a Document; it still gets a row in documents.csv."""

    doc_id: str
    path: str
    sha256: str
    error: str


@dataclass(slots=True)
class Quantity:
    """A number with its unit, found in normalised text (offsets are normalised ones)."""

    start: int
    end: int
    value: float
    unit: str
    value_std: float
    unit_std: str
    qualifier: str
    kind_hint: str  # level | count | share | change | rank, from the unit alone
    rule_id: str
    value_max: float | None = None


@dataclass(slots=True)
class Rejection:
    start: int
    end: int
    text: str
    rule_id: str
    reason: str


@dataclass(slots=True)
class FactMention:
    mention_id: str
    doc_id: str
    char_start: int
    char_end: int
    span: str
    value: float
    unit: str
    value_std: float
    unit_std: str
    qualifier: str
    subject: str
    metric: str
    metric_key: str
    kind: str
    status: str
    period: str
    period_text: str
    sentence: str
    rule_id: str
    rules_fired: str
    value_min: float | None = None
    value_max: float | None = None
    table: str = ""
    note: str = ""
    fact_id: str = ""


@dataclass(slots=True)
class EntityMention:
    mention_id: str
    doc_id: str
    char_start: int
    char_end: int
    text: str
    type: str
    canonical: str
    rule_id: str
    code: str = ""
    parent: str = ""
    title: str = ""
    affiliation: str = ""
    entity_id: str = ""


@dataclass
class DocResult:
    doc_id: str
    facts: list[FactMention] = field(default_factory=list)
    entities: list[EntityMention] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)
    doc_date: str = ""
    doc_date_evidence: str = ""
    main_subject: str = ""
    repeated_paragraphs: int = 0
    org_aliases: dict[str, list[str]] = field(default_factory=dict)  # full company name → short forms
    near_signature: list[int] = field(default_factory=list)  # MinHash of the raw text (dedup)


@dataclass
class DocOutput:
    """What one document adds to the datasets: its mentions as columns (a list per column of
    fact_mentions and entity_mentions, rows sorted by offset) and what the documents table and
    the cross-document steps need. Workers send this back and the cache keeps it: lists of
    strings and numbers pickle, and load from JSON, many times faster than mention objects."""

    doc_id: str
    fact_columns: dict[str, list]
    entity_columns: dict[str, list]
    doc_date: str = ""
    doc_date_evidence: str = ""
    main_subject: str = ""
    repeated_paragraphs: int = 0
    org_aliases: dict[str, list[str]] = field(default_factory=dict)
    near_signature: list[int] = field(default_factory=list)

    @property
    def n_facts(self) -> int:
        return len(self.fact_columns.get("mention_id", []))

    @property
    def n_entities(self) -> int:
        return len(self.entity_columns.get("mention_id", []))

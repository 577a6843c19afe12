"""Quantities + their sentence → fact drafts: metric, subject, kind, status, period.

Attribution works on the normalised sentence, clause by clause (clauses end at ，；：):

* metric: the words between the clause start (after its time phrase and subject) and the number,
  without leading and trailing function words; a growth rate with no words of its own takes the
  metric of the level before it;
* subject: the nearest region / organisation / platform before the number in the sentence, else
  an anaphor (全区, 该公司) resolved to the entity it stands for, else the paragraph's last
  subject, else the document's main subject;
* kind: from the unit, refined by the nearest growth or share cue in the clause;
* status: a target or forecast cue earlier in the sentence, unless a clause in between starts
  with an actual cue (已, 实际, 累计);
* period: the nearest time phrase before the number in the sentence, else the paragraph's last
  one, else the document's year.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from .entities import Candidate, Gazetteer
from .model import Quantity, Rejection
from .numbers import find_quantities, with_sign
from .periods import PeriodMention, find_periods
from .rules import Rules
from .segment import Sentence

_CLAUSE_END = regex.compile(r"[，；：,;:\t]")
_SUBJECT_TYPES = ("REGION", "ORG", "PLATFORM")
_ANAPHOR_SUFFIX = {"district": ("区",), "city": ("市",), "county": ("县", "市"), "town": ("镇", "街道", "乡"), "province": ("省", "自治区")}


@dataclass
class FactDraft:
    start: int  # normalised offsets into the document
    end: int
    quantity: Quantity
    subject: str
    metric: str
    metric_key: str
    kind: str
    status: str
    period: str
    period_text: str
    sentence: str
    rules_fired: list[str] = field(default_factory=list)


@dataclass
class DocContext:
    """What the facts of one document share: its year, main subject and entities."""

    doc_year: int | None
    main_subject: str
    entities: list[Candidate]  # normalised offsets, sorted
    gazetteer: Gazetteer


def main_subject(entities: list[Candidate], text: str, gaz: Gazetteer) -> str:
    """The region the document is about: the most frequent division it names, with the title
    (its first 100 characters) counting three times."""
    score: dict[str, float] = {}
    for c in entities:
        if c.type == "REGION" and c.code:
            score[c.canonical] = score.get(c.canonical, 0) + (3 if c.start < 100 else 1)
    if not score:
        return ""
    return max(sorted(score), key=lambda k: score[k])


def _clause_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in _CLAUSE_END.finditer(text)]


def _strip_words(text: str, leading: list[str], trailing: list[str]) -> str:
    changed = True
    while changed and text:
        changed = False
        for w in leading:
            if text.startswith(w) and len(text) > len(w):
                text, changed = text[len(w) :], True
        for w in trailing:
            if text.endswith(w):
                text, changed = text[: -len(w)], True
    return text


class FactExtractor:
    def __init__(self, rules: Rules):
        self.rules = rules
        self.leading = sorted(rules.table("metric_leading_words"), key=len, reverse=True)
        self.trailing = sorted(rules.table("metric_trailing_words"), key=len, reverse=True)
        self.anaphora = rules.table("anaphora")
        self.anaphor_re = regex.compile("|".join(sorted(map(regex.escape, self.anaphora), key=len, reverse=True)))
        self.pre_quals = sorted(rules.table("pre_qualifiers"), key=len, reverse=True)
        self.keys: list[tuple[str, str]] = sorted(
            ((_fold(s), key) for key, syns in rules.table("metric_keys").items() for s in syns),
            key=lambda t: -len(t[0]),
        )
        self.kind_rules = [rules.by_id("kind.growth"), rules.by_id("kind.share")]
        self.decrease = rules.by_id("sign.decrease")
        self.status_rules = [rules.by_id("status.target"), rules.by_id("status.forecast")]
        self.actual = rules.by_id("status.actual")

    # -- per sentence ---------------------------------------------------------------------------
    def sentence_facts(
        self, sent: Sentence, ctx: DocContext, carry: dict
    ) -> tuple[list[FactDraft], list[Rejection]]:
        text = sent.text
        quantities, rejections = find_quantities(text, self.rules)
        rejections = [Rejection(r.start + sent.start, r.end + sent.start, r.text, r.rule_id, r.reason) for r in rejections]
        if not quantities:
            periods = find_periods(text, self.rules, ctx.doc_year)
            if periods:
                carry["period"] = periods[-1]
            return [], rejections
        periods = find_periods(text, self.rules, ctx.doc_year)
        kept = []
        for q in quantities:  # 前8个月: the 8个 is part of a time phrase
            p = next((p for p in periods if p.start < q.end and q.start < p.end), None)
            if p is None:
                kept.append(q)
            else:
                rejections.append(Rejection(q.start + sent.start, q.end + sent.start, text[q.start : q.end], p.rule_id, "part of a time phrase"))
        quantities = kept
        ents = [
            Candidate(c.start - sent.start, c.end - sent.start, c.type, c.canonical, c.rule_id, c.code, c.parent)
            for c in ctx.entities
            if sent.start <= c.start and c.end <= sent.end
        ]
        clause_starts = _clause_starts(text)
        drafts: list[FactDraft] = []
        for q in quantities:
            drafts.append(self._attribute(q, text, sent, ctx, periods, ents, clause_starts, drafts, carry))
        if periods:
            carry["period"] = periods[-1]
        return drafts, rejections

    def _attribute(self, q, text, sent, ctx, periods, ents, clause_starts, previous, carry) -> FactDraft:
        fired = [q.rule_id]
        cstart = max(s for s in clause_starts if s <= q.start)
        prefix_end = q.start
        for w in self.pre_quals:
            if text.endswith(w, cstart, prefix_end):
                prefix_end -= len(w)
                break
        prefix = text[cstart:prefix_end]

        # kind and sign
        kind = q.kind_hint
        sign = 1
        if kind in ("share", "change"):
            best = None
            for rule in self.kind_rules:
                for m in rule.finditer(prefix):
                    if best is None or m.end() >= best[0]:
                        best = (m.end(), rule)
            if best:
                kind = best[1].get("sets")["kind"]
                fired.append(best[1].id)
        growth = [m for m in self.kind_rules[0].finditer(prefix)]
        if growth and self.decrease.pattern.fullmatch(growth[-1].group()):
            sign = -1
            fired.append(self.decrease.id)
        q = with_sign(q, sign)

        # status
        status = "actual"
        cue = None
        for rule in self.status_rules:
            for m in rule.finditer(text, 0, q.start):
                if cue is None or m.end() > cue[0]:
                    cue = (m.end(), rule)
        if cue:
            reset = False
            for s in clause_starts:
                if cue[0] <= s <= q.start:
                    clause = text[s:q.start]
                    clause = _after_periods(clause, s, periods)
                    if self.actual.pattern.search(clause):
                        reset = True
            if reset:
                fired.append(self.actual.id)
            else:
                status = cue[1].get("sets")["status"]
                fired.append(cue[1].id)

        # period
        before = [p for p in periods if p.end <= q.start]
        if before:
            p = before[-1]
            period, period_text = p.period, p.text
            fired.append(p.rule_id)
        elif carry.get("period") is not None:
            p = carry["period"]
            period, period_text = p.period, p.text
            fired.append(p.rule_id)
        else:
            period, period_text = (str(ctx.doc_year) if ctx.doc_year else ""), ""

        # subject
        subject = ""
        prior = [e for e in ents if e.end <= q.start and e.type in _SUBJECT_TYPES]
        anaphor = None
        for m in self.anaphor_re.finditer(text, 0, q.start):
            anaphor = m
        if prior and (anaphor is None or prior[-1].end > anaphor.start()):
            subject = prior[-1].canonical
            fired.append("subject.entity")
        elif anaphor is not None:
            subject = self._resolve_anaphor(anaphor.group(), sent.start + anaphor.start(), ctx)
            if subject:
                fired.append("subject.anaphora")
        if not subject:
            subject = carry.get("subject") or ctx.main_subject
        carry["subject"] = subject if "subject.entity" in fired else carry.get("subject")

        # metric
        metric_src = _after_periods(prefix, cstart, periods)
        lead_ents = [e for e in ents if cstart <= e.start and e.end <= prefix_end and e.type in _SUBJECT_TYPES + ("GOV",)]
        offset = prefix_end - len(metric_src)
        for e in lead_ents:
            if e.start <= offset + 2 and e.end > offset:  # an entity at the clause start is the subject
                metric_src = text[e.end : prefix_end]
                offset = e.end
        metric = _strip_words(metric_src.replace(" ", ""), self.leading, self.trailing)
        metric = metric.strip("“”\"'（）() ")
        if metric and not regex.search(r"[\p{Han}A-Za-z]", metric):
            metric = ""
        if metric:
            fired.append("metric.before_number")
        elif previous and kind in ("change", "rank"):
            metric = previous[-1].metric
            if metric:
                fired.append("metric.growth_of_previous")
        return FactDraft(
            sent.start + q.start,
            sent.start + q.end,
            q,
            subject,
            metric,
            self.metric_key(metric),
            "rank" if q.kind_hint == "rank" else kind,
            status,
            period,
            period_text,
            sent.text.strip(),
            fired,
        )

    def _resolve_anaphor(self, word: str, pos: int, ctx: DocContext) -> str:
        ref = self.anaphora[word]
        if ref == "country":
            return "中国"
        if ref in ("org", "platform"):
            want = "ORG" if ref == "org" else "PLATFORM"
            prior = [e for e in ctx.entities if e.type == want and e.end <= pos]
            return prior[-1].canonical if prior else ""
        suffixes = _ANAPHOR_SUFFIX.get(ref, ())
        main = ctx.main_subject
        if main.endswith(suffixes):
            return main
        # 全市 in a text about a district: the city above it
        for e in ctx.entities:
            if e.type == "REGION" and e.canonical == main and e.parent.endswith(suffixes):
                return e.parent
        regions = [e for e in ctx.entities if e.type == "REGION" and e.canonical.endswith(suffixes) and e.end <= pos]
        return regions[-1].canonical if regions else main

    def metric_key(self, metric: str) -> str:
        folded = _fold(metric)
        for syn, key in self.keys:
            if folded.endswith(syn):
                return key
        return folded


def _fold(metric: str) -> str:
    return metric.replace(" ", "").replace("规模以上", "规上")


def _after_periods(clause: str, clause_start: int, periods: list[PeriodMention]) -> str:
    """The clause without the time phrase that opens it."""
    cut = 0
    for p in periods:
        if clause_start <= p.start and p.end <= clause_start + len(clause):
            if p.start - clause_start <= 2:
                cut = max(cut, p.end - clause_start)
    return clause[cut:].lstrip("，,、 ")

"""The number grammar: text → Quantities (value, unit, magnitude, qualifier, span).

Patterns are rules (``rules/quantities.yaml``); this module only turns their named groups into
values. Rejection rules (``rules/rejections.yaml``) drop quantities that name categories.
Offsets are those of the text given (normalised text in the pipeline).
"""

from __future__ import annotations

import bisect
from dataclasses import replace
from decimal import Decimal

import cn2an
import regex

from .model import Quantity, Rejection
from .rules import Rules

_LIST_JOINERS = ("和", "、", "与", "及", "或")
_NUM_CHARS = regex.compile(r"[\d,.]+")
_CN_DIGIT = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}


def parse_number(text: str) -> float:
    """``1,252.4`` → 1252.4; ``两千`` → 2000.0; ``十七`` → 17.0. ValueError when not a number."""
    text = text.strip()
    if not text:
        raise ValueError("empty number")
    if _NUM_CHARS.fullmatch(text):
        return float(text.replace(",", ""))
    if "点" in text:
        whole, _, frac = text.partition("点")
        if not whole or not frac or any(c not in _CN_DIGIT for c in frac):
            raise ValueError(f"not a number: {text}")
        digits = "".join(str(_CN_DIGIT[c]) for c in frac)
        return parse_number(whole) + float("0." + digits)
    if text[0] in "百千万":
        text = "一" + text  # cn2an reads 一千 but not 千
    try:
        return float(cn2an.cn2an(text.replace("两", "二") if text.startswith("两") else text, "smart"))
    except (ValueError, KeyError, TypeError) as e:  # cn2an raises ValueError on junk
        raise ValueError(f"not a number: {text}") from e


def scaled(value: float, multiplier) -> float:
    """value × a magnitude, in decimal: 4.6亿 is 460000000, not 459999999.99999994."""
    return float(Decimal(repr(float(value))) * Decimal(str(multiplier)))


def _split_trailing_magnitude(cnnum: str, mag: str | None) -> tuple[str, str | None]:
    """``两千亿`` is the numeral ``两千`` with magnitude ``亿``: keep the unit as written (亿元)."""
    if mag is None and len(cnnum) > 1:
        for m in ("万亿", "亿", "万"):
            if cnnum.endswith(m) and len(cnnum) > len(m):
                return cnnum[: -len(m)], m
    return cnnum, mag


def _qualifier_before(text: str, start: int, rules: Rules) -> str:
    """The qualifier a pre-qualifier word right before ``start`` stands for (约, 超过 …), or ""."""
    m = rules.word_ending("pre_qualifiers", text, start)
    return rules.table("pre_qualifiers")[m.group()] if m else ""


def _qualifier_after(text: str, end: int, rules: Rules) -> str:
    m = rules.word_starting("post_qualifiers", text, end)
    return rules.table("post_qualifiers")[m.group()] if m else ""


def quantity_from_match(m: regex.Match, rule, rules: Rules, text: str) -> Quantity | None:
    units = rules.table("units")
    mags = rules.table("magnitudes")
    g = m.groupdict()
    span_group = "rank" if g.get("rank") is not None else 0
    start, end = m.span(span_group)
    kind = rule.get("kind")

    if g.get("rank") is not None:
        if g.get("first"):
            value, unit = 1.0, "位"
        elif g.get("top"):
            value, unit = parse_number(g["top"]), ""
        else:
            value = parse_number(g.get("num") or g.get("cnnum") or "")
            unit = g.get("unit") or g.get("unit2") or ""
        return Quantity(start, end, value, unit, value, "", "", "rank", rule.id)

    denominator = parse_number(g["den"]) if g.get("den") is not None else rule.get("denominator")
    if denominator:  # 四分之一; 三成, whose rule states its denominator (tenths)
        value = parse_number(g["numer"]) / denominator
        unit = rule.get("unit", "")
        pre = _qualifier_before(text, start, rules)
        return Quantity(start, end, value, unit, value, unit, pre, kind or "share", rule.id)

    mag = g.get("mag")
    if g.get("num") is not None:
        value = parse_number(g["num"])
    else:
        cnnum, mag = _split_trailing_magnitude(g.get("cnnum") or "", mag)
        value = parse_number(cnnum)
    if g.get("sign"):
        value = -value
    unit_written = g.get("unit") or rule.get("unit") or rule.get("implied_unit") or ""
    numerator, slash, denominator = unit_written.partition("/")
    info = units.get(numerator, {"std": numerator, "kind": kind or "level"})
    unit = (mag or "") + unit_written
    unit_std = info["std"] + (slash + denominator if slash else "")
    value_std = scaled(value, mags[mag] if mag else 1)
    approx = g.get("approx") or g.get("approx2") or ""
    pre = _qualifier_before(text, start, rules)
    post = _qualifier_after(text, end, rules)
    qualifier = pre or post or approx
    value_max = parse_number(g["max"]) if g.get("max") else None
    return Quantity(start, end, value, unit, value_std, unit_std, qualifier, kind or info["kind"], rule.id, value_max)


def find_quantities(text: str, rules: Rules) -> tuple[list[Quantity], list[Rejection]]:
    """Every quantity in ``text``; overlapping matches keep the longest (then the earliest rule)."""
    found: list[tuple[int, int, int, Quantity]] = []
    for order, rule in enumerate(rules.group("qty")):
        for m in rule.finditer(text):
            try:
                q = quantity_from_match(m, rule, rules, text)
            except ValueError:
                continue
            if q is not None:
                found.append((q.start, -(q.end - q.start), order, q))
    found.sort(key=lambda t: t[:3])
    kept: list[Quantity] = []
    for _, _, _, q in found:  # longest first at each start, so a shorter overlapping one loses
        # starts only grow, and kept ones do not overlap: only the last kept can reach q
        if not kept or q.start >= kept[-1].end:
            kept.append(q)

    for i in range(len(kept) - 1):
        a, b = kept[i], kept[i + 1]
        # 分别高0.8个和0.3个百分点: the first number's unit is cut short by the list
        if text[a.end : b.start] in _LIST_JOINERS and b.unit != a.unit and b.unit.startswith(a.unit) and a.unit:
            kept[i] = replace(a, unit=b.unit, unit_std=b.unit_std, kind_hint=b.kind_hint)

    rejections: list[Rejection] = []
    reject_spans: list[tuple[int, int, str, str]] = []
    for rule in rules.group("rej"):
        for m in rule.finditer(text):
            for name, span_text in m.groupdict().items():
                if name.startswith("reject") and span_text:
                    s, e = m.span(name)
                    reject_spans.append((s, e, rule.id, rule.get("reason", "")))
    reject_spans.sort()
    starts = [r[0] for r in reject_spans]
    longest = max((r[1] - r[0] for r in reject_spans), default=0)
    out: list[Quantity] = []
    for q in kept:
        # the rejection spans that start before q ends and not so early that they end before it
        lo = bisect.bisect_left(starts, q.start - longest)
        hi = bisect.bisect_left(starts, q.end)
        hit = next((r for r in reject_spans[lo:hi] if q.start < r[1]), None)
        if hit:
            rejections.append(Rejection(q.start, q.end, text[q.start : q.end], hit[2], hit[3]))
        else:
            out.append(q)
    return out, rejections


def with_sign(q: Quantity, sign: int) -> Quantity:
    return q if sign >= 0 else replace(q, value_std=-abs(q.value_std))

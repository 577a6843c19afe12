"""Time phrases → period strings, and the document's own date.

Period strings: ``2021``, ``2022-01..2022-08``, ``2016..2020``. Relative words (今年, 去年) are
resolved from the document's date, which :func:`infer_doc_date` reads from the text.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from .numbers import parse_number
from .rules import Rules

_BULLETIN = regex.compile(r"((?:19|20)\d{2})\s*年[^\n]{0,30}?(?:统计公报|年度报告|年报|统计年鉴|工作总结)")
# 国民经济和社会发展第十四个五年规划, “十四五”制造业发展规划: a plan's title
PLAN_EVIDENCE = "five-year plan"  # how infer_doc_date says the date is a plan's first year
# 2024年宿迁市政府工作报告: given early in its year, looking back on the year before
WORK_REPORT_EVIDENCE = "work report"
_WORK_REPORT_TITLE = regex.compile(r"((?:19|20)\d{2})\s*年[^\n。]{0,20}?政府工作报告")
# 关于2023年…计划执行情况与2024年…计划草案的报告: given early in the draft's year, looking back
_DRAFT_TITLE = regex.compile(r"((?:19|20)\d{2})\s*年(?:(?!(?:19|20)\d{2}\s*年)[^\n。]){0,30}?(?:计划|预算)(?:草案|（草案）)")
CENSUS_EVIDENCE = "census bulletin"  # how infer_doc_date says the date is a census's year
LOOKS_BACK = (PLAN_EVIDENCE, WORK_REPORT_EVIDENCE)  # evidence of a document that reviews its year's predecessor
_PLAN_TITLE = regex.compile(r"第([一二三四五六七八九十]+)个五年规划|“?(十[一二三四五六七八九]|[六七八九])五”?[^\n。]{0,30}?规划(?!.{0,16}(?:评估|总结|完成情况|实施情况))")
# a month and a day in Arabic or Chinese digits (二〇二四年一月十日: the year is made Arabic in normalising)
_MONTH_NUM = r"(\d{1,2}|十[一二]?|[一二三四五六七八九])"
_DAY_NUM = r"(\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
_DATE_LINE = regex.compile(rf"^\s*((?:19|20)\d{{2}})\s*年\s*{_MONTH_NUM}\s*月(?:\s*{_DAY_NUM}\s*日)?\s*$", regex.M)
# ——2023年1月12日在合肥市第十七届人民代表大会第三次会议上: a full date in the heading
_DATE_IN_HEAD = regex.compile(rf"((?:19|20)\d{{2}})\s*年\s*{_MONTH_NUM}\s*月\s*{_DAY_NUM}\s*日")
# a web page's byline: 2024-04-22 08:30, 2024/4/22
_ISO_DATE = regex.compile(r"(?<![\d.])((?:19|20)\d{2})([-/.])(0?[1-9]|1[0-2])\2(0?[1-9]|[12]\d|3[01])(?![\d.])")
# 到2025年, 至2025年 name a plan's year, 截至2024年6月末 a date gone by
_YEAR = regex.compile(r"(?<![\d到])(?<!(?<!截)至)((?:19|20)\d{2})\s*年(?!代|以来|底前)")
# 3月26日晚，… or 本报讯（记者 …）4月20日，…: the day a news story opens on, its year unsaid
_DAY_OPENING = regex.compile(rf"(?:^|[）)讯电]\s*)({_MONTH_NUM})\s*月\s*{_DAY_NUM}\s*日(?:[晚早上下午]{{0,2}})[，,]", regex.M)
# 去年 as the time of what happened (“去年全镇…, 合作社去年带动…) speaks of a year gone by as a
# whole, as 今年 speaks of the present one; 比去年, 去年同期, 自去年以来 only compare or start
_LAST_YEAR_OPENING = regex.compile(r"(?<![比较与同自从于至和])去年(?!同期|同月|底前|以来|下半年|上半年|[一二三四]季度|\d)")
_CLAUSE = regex.compile(r"[^，；。\n]*")
_STORY_YEAR = regex.compile(r"((?:19|20)\d{2})\s*年(?!\s*(?:年?度|年报|全年|业绩|财报|经营))")
_PARTIAL_YEAR = regex.compile(r"((?:19|20)\d{2})\s*年\s*(?:\d{1,2}\s*[-—–~至到]\s*\d{1,2}\s*月|前\S{1,2}个?月|[一二三四上下前]\S?(?:季度|半年))")


@dataclass(slots=True)
class PeriodMention:
    start: int
    end: int
    period: str
    text: str
    rule_id: str


def _year(g: dict, rules: Rules, doc_year: int | None, context_year: int | None) -> int | None:
    if g.get("y"):
        return int(g["y"])
    if g.get("rel") in ("全年", "当年") and context_year is not None:
        return context_year  # 截至2020年底，全年新认定…: the whole of the year just named
    if g.get("rel"):
        offset = rules.table("relative_years").get(g["rel"])
        return doc_year + offset if doc_year is not None and offset is not None else None
    return context_year if context_year is not None else doc_year


def _month(text: str) -> int:
    return int(parse_number(text))


def resolve(kind: str, g: dict, rules: Rules, doc_year: int | None, context_year: int | None) -> str:
    if kind == "none":
        return "-"  # a time phrase that fixes no period; the caller writes it as empty
    if kind == "plan":
        n = int(parse_number(g["n"]))
        start = 1981 + 5 * (n - 6)  # regular five-year plans since the sixth (1981–1985)
        return f"{start}..{start + 4}" if n >= 6 else ""
    if kind == "year_range":
        return f"{int(g['y1'])}..{int(g['y2'])}"
    if kind == "since_year":
        start = int(g["y1"]) if g.get("y1") else _year(g, rules, doc_year, None)
        return f"{start}..{doc_year}" if doc_year and start else ""
    if kind == "years_ahead":
        return f"{doc_year}..{doc_year + int(parse_number(g['n'])) - 1}" if doc_year else ""
    if kind == "past_years":
        return f"{doc_year - int(parse_number(g['n']))}..{doc_year - 1}" if doc_year else ""
    if kind == "years_back":
        return f"{doc_year - int(parse_number(g['n']))}..{doc_year}" if doc_year else ""
    y = _year(g, rules, doc_year, context_year)
    if y is None:
        return ""
    if kind == "year":
        return str(y)
    if kind == "month":
        m = _month(g["m2"])
        return f"{y}-{m:02d}" if 1 <= m <= 12 else ""  # one month is written as itself (2022-10), as in the gold
    if kind == "months":
        m1 = _month(g["m1"]) if g.get("m1") else 1
        m2 = _month(g["m2"])
        if not (1 <= m1 <= m2 <= 12):
            return ""
        return f"{y}-{m1:02d}..{y}-{m2:02d}"
    if kind == "quarter":
        if g.get("half"):
            return f"{y}-01..{y}-06" if g["half"] == "上" else f"{y}-07..{y}-12"
        if g.get("qq"):
            n = int(parse_number(g["qq"][1:]))
            return f"{y}-01..{y}-{3 * n:02d}"
        n = int(parse_number(g["q"]))
        return f"{y}-{3 * n - 2:02d}..{y}-{3 * n:02d}"
    raise ValueError(f"unknown period resolve {kind}")


def find_periods(text: str, rules: Rules, doc_year: int | None) -> list[PeriodMention]:
    """Period phrases in one sentence, left to right; overlapping matches keep the longest."""
    return resolve_periods(period_matches(text, rules), rules, doc_year)


def period_matches(text: str, rules: Rules) -> list[tuple]:
    """Every match of every period rule in ``text`` (a sentence or a whole document, one pass
    per rule), as (start, -length, rule order, match, rule), sorted."""
    found = []
    for order, rule in enumerate(rules.group("period")):
        if rule.pattern is None:
            continue  # period.headline: done by the code, documented in the rules
        for m in rule.finditer(text):
            # a pattern's optional parts may let it open on the blank lines before the phrase:
            # the phrase starts at its first character
            start = m.start() + len(m.group()) - len(m.group().lstrip())
            if m.end() > start:
                found.append((start, -(m.end() - start), order, m, rule))
    found.sort(key=lambda t: t[:3])
    return found


def resolve_periods(found: list[tuple], rules: Rules, doc_year: int | None, offset: int = 0, keep_unresolved: bool = False) -> list[PeriodMention]:
    """The matches of one sentence (from ``period_matches``) → its time phrases, with offsets
    less ``offset`` (the sentence's start). A year named earlier in the sentence is the year
    of a bare month or quarter after it. With ``keep_unresolved``, a phrase no year resolves
    (前三季度 in a text that names no year) is kept as fixing no period ("-"), so that it is
    still a time phrase, not a word of a metric."""
    out: list[PeriodMention] = []
    context_year: int | None = None
    for start, _, _, m, rule in found:
        phrase = m.string[start : m.end()]
        start -= offset
        end = m.end() - offset
        if any(start < p.end and p.start < end for p in out):
            continue
        g = m.groupdict()
        try:
            period = resolve(rule.get("resolve"), g, rules, doc_year, context_year)
        except (ValueError, KeyError):
            continue
        if g.get("y"):
            context_year = int(g["y"])
        if period or keep_unresolved:
            out.append(PeriodMention(start, end, period or "-", phrase, rule.id))
    out.sort(key=lambda p: p.start)
    return out


def headline_period(text: str, rules: Rules, doc_year: int | None) -> PeriodMention | None:
    """The part of a year a news item's headline names (一季度我市外贸进出口实现“开门红”, 前10个月
    我县工业经济稳中有升): its figures that name no time are of that part. The headline is the
    first of the first three lines that is not a sentence (no 。) and not only a date."""
    lines = [line.strip() for line in text.split("\n") if line.strip()][:3]
    for line in lines:
        if "。" in line or _DATE_LINE.fullmatch(line) or _ISO_DATE.match(line):
            continue
        parts = [p for p in find_periods(line, rules, doc_year) if "-" in p.period.split("..")[0]]
        return parts[0] if parts else None
    return None


def infer_doc_date(text: str, rules: Rules) -> tuple[str, str]:
    """(date, evidence): a dateline near the top wins; else, when the text speaks of 今年 (or
    of 去年 as the time of what happened), the year after the latest year it reports results
    for (reports describe last year's results and this year's progress); else the latest such
    year. Years in sentences with a target cue (到2025年, 力争, 计划) are plans, not results,
    and do not count."""
    head = "\n".join(text.split("\n")[:12])
    bulletin = _BULLETIN.search(head)
    if bulletin:  # a statistical bulletin or annual report speaks of its own year as 全年
        return bulletin.group(1), f"report for the year: {bulletin.group(0).strip()}"
    census = rules.compile(r"(?:{CENSUS})[^\n。]{0,12}公报").search("\n".join(head.split("\n")[:3]))
    if census:  # 第七次全国人口普查公报, published in 2021: the census's year
        year = next(y for name, y in rules.table("census_years").items() if name in census.group())
        return str(year), f"{CENSUS_EVIDENCE}: {census.group(0).strip()}"
    m = _DATE_LINE.search(head) or _DATE_IN_HEAD.search("\n".join(head.split("\n")[:4]))
    if m:
        date = f"{m.group(1)}-{int(parse_number(m.group(2))):02d}"
        return date, f"dateline: {m.group(0).strip()}"
    m = _ISO_DATE.search("\n".join(head.split("\n")[:6]))
    if m:
        return f"{m.group(1)}-{int(m.group(3)):02d}", f"dateline: {m.group(0)}"
    title = "\n".join(head.split("\n")[:3])
    report = _WORK_REPORT_TITLE.search(title) or _DRAFT_TITLE.search(title)
    if report:
        return report.group(1), f"{WORK_REPORT_EVIDENCE}: {report.group(0).strip()}"
    plan = _PLAN_TITLE.search(title)
    if plan:  # a five-year plan is drawn up in its first year, looking back on the last plan's
        years = resolve("plan", {"n": plan.group(1) or plan.group(2)}, rules, None, None)
        if years:
            return years[:4], f"{PLAN_EVIDENCE}: {plan.group(0).strip()}"
    target_cue = rules.by_id("status.target").pattern
    past = []
    for sentence in regex.split(r"[。！？\n]", text):
        # table lines name plan years (2025年) without saying they are plans
        if "\t" not in sentence and _YEAR.search(sentence) and not target_cue.search(sentence):
            past.extend(int(y) for y in _YEAR.findall(sentence) if 1949 <= int(y) <= 2100)
    if not past:
        return "", ""
    latest = max(past)
    now_word = "今年" if "今年" in text else "去年" if _LAST_YEAR_OPENING.search(text) else None
    if now_word:
        partial = {int(y) for y in _PARTIAL_YEAR.findall(text)}
        if latest in partial:
            return str(latest), f"latest year {latest} reported in part; text says {now_word}"
        # 3月26日晚，…发布2023年年度业绩: a day without its year that opens the story dates
        # the month of this year
        day = _DAY_OPENING.search("\n".join(head.split("\n")[:8]))
        if day:
            month = int(parse_number(day.group(1)))
            # 3月18日，…举行2024年重大项目集中签约仪式: the year the clause after the day names
            # for what happens that day is the story's own (not 发布2023年年度业绩, a year's results)
            opening = _CLAUSE.match(text, day.end()).group()
            if latest in {int(y) for y in _STORY_YEAR.findall(opening)}:
                return f"{latest}-{month:02d}", f"opens on {day.group(0).strip()} of {latest}"
            return f"{latest + 1}-{month:02d}", f"latest complete year {latest}; text says {now_word}; opens on {day.group(0).strip()}"
        return str(latest + 1), f"latest complete year {latest}; text says {now_word}"
    return str(latest), f"latest year mentioned: {latest}"

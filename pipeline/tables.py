"""Tab-separated tables → fact drafts: one per numeric cell, with the row's metric and unit and
the column's period and status.

A table is a run of lines with tabs whose first line is a header naming a year or an indicator
(指标, 单位); its title is the 表 N line above it. Dot-leader lines (tables of contents) are not
tables. A header repeated after a page break starts the next block with the same title.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from .facts import DocContext, FactDraft, FactExtractor
from .model import Quantity
from .numbers import scaled
from .periods import find_periods
from .segment import Paragraph

_TITLE = regex.compile(r"^\s*表\s*\d+(?:[.．-]\d+)*\s*\S")
_TOC = regex.compile(r"\.{4,}|…{2,}")
_UNIT_IN_NAME = regex.compile(r"[（(]([^（）()]{1,10})[)）]\s*$")
_METRIC_HEADERS = ("具体指标", "二级指标", "指标名称", "主要指标", "指标", "项目", "名称")
_UNIT_HEADERS = ("单位", "计量单位")
# columns of the amounts themselves, of the table's time (its title's, else the document's)
_VALUE_HEADERS = ("绝对数", "绝对值", "数值", "总量", "金额", "数量", "本年", "本期", "全年", "实际数", "完成数", "完成值")
_CAPTION_MAX = 40
_GROWTH = regex.compile(r"增长|增速|增幅")
_SPACE = regex.compile(r"\s")
_YEAR_HEADER = regex.compile(r"(?:19|20)\d{2}(?:年|[-—~至](?:19|20)\d{2})")
_NUMBER_CELL = regex.compile(r"[-−]?\d+(?:,\d{3})*(?:\.\d+)?")
_NOTE = regex.compile(r"[（(]([^（）()]*)[)）]")
_YEAR_BEFORE = regex.compile(r"(?:上年|去年)同期(?:累计)?|上年同期数")  # a column of the same months a year before
_CUMULATIVE = regex.compile(r"累计")
_MONTHS_OF = regex.compile(r"\d{4}-\d{2}")
# 本月 | 1-本月累计 under a month's title (2024年3月…快报): that month, and the months up to it
_THIS_MONTH = regex.compile(r"(?:本月|当月)(?:数|值)?")
_TO_THIS_MONTH = regex.compile(r"(?:1\s*[-—~至]\s*本月|本月|本年|本期)?累计(?:数|值)?|1\s*[-—~至]\s*本月")
_ONE_MONTH = regex.compile(r"((?:19|20)\d{2})-(\d{2})$")  # the last month of a period
# the heading of a column of places or firms, each row one of them and each other column a metric
_SUBJECT_HEADERS = ("镇（街道）", "乡镇（街道）", "镇街", "乡镇", "县（市、区）", "县（市）区", "县市区", "区县", "县区", "地区", "区域", "市（州）", "市州", "企业名称", "企业", "园区", "开发区（园区）")
_GROWTH_OF = regex.compile(r"(.*?)(?:比上年同期|比上年|较上年同期|较上年|同比)?(?:增长|增速|增幅)(?:率)?")
_UNIT_LINE = regex.compile(r"[（(]?\s*(?:计量)?单位\s*[:：]\s*([^\s（）()，。]{1,8})\s*[)）]?")
_ROW_OPENER = regex.compile(r"^(?:其中|内)[：:]\s*")  # 其中：税收收入 is 税收收入


def _years_earlier(period: str, n: int) -> str:
    """2023-01..2023-09 → 2022-01..2022-09: the same time ``n`` years before."""
    return regex.sub(r"(?:19|20)\d{2}", lambda m: str(int(m.group()) - n), period)


@dataclass
class Table:
    title: str
    header: list[str]
    rows: list[tuple[Paragraph, list[tuple[int, str]]]]  # (line, [(offset in doc, cell text)])
    unit: str = ""  # 单位：万元 above the header: the unit of every cell that names none


def _cells(p: Paragraph) -> list[tuple[int, str]]:
    out, pos = [], p.start
    for cell in p.text.split("\t"):
        out.append((pos, cell))
        pos += len(cell) + 1
    return out


def find_tables(paras: list[Paragraph]) -> list[Table]:
    tables: list[Table] = []
    title = ""
    current: Table | None = None
    caption = ""  # the line right before, when it may be a table's title
    unit = ""
    for p in paras:
        if "\t" not in p.text:
            current = None
            line = p.text.strip()
            if m := _UNIT_LINE.fullmatch(line):
                unit = m.group(1)  # 单位：万元 between a table's title and its header
                continue
            unit = ""
            if _TITLE.match(p.text):
                title = line
            caption = line if len(line) <= _CAPTION_MAX and line[-1:] not in "。；;：:！？!?" else ""
            continue
        cells = _cells(p)
        texts = [c.strip() for _, c in cells]
        if _TOC.search(p.text):
            current = None
            continue
        is_header = any(_header_cell(t) for t in texts) and not any(_number_cell(t) for t in texts[1:])
        if is_header:
            # 长兴县2023年国民经济主要指标 above a header with no 表 N: the line is its title
            current = Table(title if _TITLE.match(caption) or not caption else caption, texts, [], unit)
            tables.append(current)
        elif current is not None:
            current.rows.append((p, cells))
    return [t for t in tables if t.rows]


def table_paragraphs(paras: list[Paragraph]) -> set[int]:
    """Indexes of the lines that belong to tables (the text extractor leaves them alone)."""
    lines = {p.start: p.index for p in paras}
    return {lines[row.start] for t in find_tables(paras) for row, _ in t.rows} | {
        p.index for p in paras if "\t" in p.text and not _TOC.search(p.text) and any(_header_cell(c) for c in p.text.split("\t"))
    }


def _header_cell(text: str) -> bool:
    """A column title: a year (2020年, 2015-2020年均增长), an indicator/unit heading, or the
    heading of a column of places or firms (镇（街道）) whose figures the other columns give."""
    text = _SPACE.sub("", text)
    return bool(_YEAR_HEADER.match(text)) or text in _METRIC_HEADERS + _UNIT_HEADERS + _SUBJECT_HEADERS + ("一级", "二级", "领域")


def _number_cell(text: str) -> bool:
    return bool(_NUMBER_CELL.fullmatch(text.strip()))


class TableExtractor:
    def __init__(self, facts: FactExtractor):
        self.facts = facts
        rules = facts.rules
        self.number = rules.compile(
            r"(?P<pre>累计|约|超|达)?\s*(?P<sign>[-−])?(?P<num>{NUM})(?:\s*[-—~至]\s*(?P<max>{NUM}))?\s*(?P<unit>{UNIT_FULL})?\s*(?P<post>以上|以下|左右)?"
        )
        self.units = rules.table("units")
        self.mags = rules.table("magnitudes")

    def facts_of(self, tables: list[Table], norm_text: str, ctx: DocContext) -> list[tuple[FactDraft, str, str]]:
        """(draft, table title, cell note) for every numeric cell."""
        out = []
        for t in tables:
            out.extend(self._table(t, norm_text, ctx))
        return out

    def _columns(self, t: Table, ctx: DocContext):
        header = t.header
        title_periods = find_periods(t.title, self.facts.rules, ctx.doc_year)
        has_actual_of = {_SPACE.sub("", h).replace("实绩", "") for h in header if "实绩" in h}
        metric_col = next((i for i, h in enumerate(header) if h in _METRIC_HEADERS), None)
        unit_col = next((i for i, h in enumerate(header) if h in _UNIT_HEADERS), None)
        period_cols = []
        untimed_growth: set[int] = set()  # growth columns that name no time of their own
        # the table's title, else the document's headline (2023年1-9月衢州市财政收支情况)
        title_period = title_periods[-1].period if title_periods else (ctx.headline_period.period if ctx.headline_period else "")
        bases: set[int] = set()  # columns of the same time a year before (上年同期)
        month = _ONE_MONTH.search(title_period)
        for i, h in enumerate(header):
            h_flat = _SPACE.sub("", h)
            periods = find_periods(h_flat, self.facts.rules, ctx.doc_year)
            growth = bool(_GROWTH.search(h_flat))
            if month and not periods:
                # 本月 | 1-本月累计 | 累计同比增长（%）: the title's month, or January to it
                year, last = month.groups()
                said = _GROWTH.split(_NOTE.sub("", h_flat))[0].removesuffix("同比")
                if _THIS_MONTH.fullmatch(said):
                    period_cols.append((i, f"{year}-{last}", "actual", growth, h))
                    continue
                if _TO_THIS_MONTH.fullmatch(said):
                    period_cols.append((i, f"{year}-01..{year}-{last}", "actual", growth, h))
                    continue
            if _YEAR_BEFORE.fullmatch(h_flat) and title_period:
                period_cols.append((i, _years_earlier(title_period, 1), "actual", False, h))
                bases.add(i)
                continue
            if not periods and not growth:
                if h_flat in _VALUE_HEADERS:  # 绝对数: the amounts, of the table's own time
                    period_cols.append((i, title_period or (str(ctx.results_year) if ctx.results_year else ""), "actual", False, h))
                continue
            period = periods[-1].period if periods else title_period
            if _CUMULATIVE.search(h_flat) and _MONTHS_OF.match(title_period) and title_period[:4] == period:
                period = title_period  # 本年累计 under a title of 1-9月: those months
            if "实绩" in h_flat or "实际" in h_flat:
                status = "actual"
            elif "目标" in h_flat or "规划" in h_flat or "计划" in h_flat or h_flat in has_actual_of or (growth and not periods and has_actual_of):
                status = "target"  # beside a 实绩 column, the plain column is the plan
            elif period[:4].isdigit() and ctx.doc_year and int(period[:4]) > ctx.doc_year:
                status = "target"
            elif growth and not periods and title_periods:
                status = "target" if title_periods[-1].period[:4].isdigit() and ctx.doc_year and int(title_periods[-1].period[:4]) > ctx.doc_year else "actual"
            else:
                status = "actual"
            period_cols.append((i, period, status, growth, h))
            if growth and not periods:
                untimed_growth.add(i)
        levels = {(period, status) for i, period, status, growth, _ in period_cols if not growth and period and i not in bases}
        if len(levels) == 1:
            # 1-12月 | 同比增长（%）: a growth column of no time of its own is of the table's one period
            ((only, only_status),) = levels
            period_cols = [(c[0], only, only_status, *c[3:]) if c[0] in untimed_growth and not c[1] else c for c in period_cols]
        elif levels and all(status == "actual" and period.isdigit() for period, status in levels):
            # 2023年 | 2022年 | 增长%: the growth is the latest year's over the one before
            latest = max(period for period, _ in levels)
            period_cols = [(c[0], latest, "actual", *c[3:]) if c[0] in untimed_growth and not c[1] else c for c in period_cols]
        elif any(status == "target" for _, status in levels):
            # 2020年基数 | 2025年目标 | 年均增长（%）: the growth is the plan's, over the years
            # from the base to the target (2021..2025)
            base = [int(p) for p, st in levels if st == "actual" and p.isdigit()]
            goal = [int(p) for p, st in levels if st == "target" and p.isdigit()]
            span = f"{max(base) + 1}..{max(goal)}" if base and goal and max(base) < max(goal) else ""
            period_cols = [(c[0], c[1] or span, "target", *c[3:]) if c[0] in untimed_growth else c for c in period_cols]
        if metric_col is None:
            first_period = min((c[0] for c in period_cols), default=len(header))
            text_cols = [i for i in range(first_period) if i != unit_col]
            metric_col = text_cols[-1] if text_cols else 0
        return metric_col, unit_col, period_cols

    def _table(self, t: Table, norm_text: str, ctx: DocContext):
        if _SPACE.sub("", t.header[0]) in _SUBJECT_HEADERS and not any(_YEAR_HEADER.match(_SPACE.sub("", h)) for h in t.header[1:]):
            return self._subject_rows(t, ctx)  # 镇（街道） | 规上工业总产值（亿元）: a row per place; not 地区 | 2023年
        metric_col, unit_col, period_cols = self._columns(t, ctx)
        out = []
        for row, cells in t.rows:
            texts = [c.strip() for _, c in cells]
            if metric_col >= len(texts) or not texts[metric_col]:
                continue
            name = _ROW_OPENER.sub("", texts[metric_col])
            row_unit = (texts[unit_col] if unit_col is not None and unit_col < len(texts) else "") or t.unit
            m = _UNIT_IN_NAME.search(name)
            if m:
                row_unit = row_unit or m.group(1)
                name = name[: m.start()].strip()
            names = [n.strip() for n in name.split("、")]
            units = [u.strip() for u in row_unit.split("、")] if row_unit else [""]
            for col, period, status, growth, header in period_cols:
                if col >= len(cells):
                    continue
                offset, cell = cells[col]
                parts = cell.split("、") if len(names) > 1 else [cell]
                pos = offset
                for k, part in enumerate(parts):
                    metric = names[min(k, len(names) - 1)]
                    unit = units[min(k, len(units) - 1)] if units else ""
                    draft = self._cell(part, pos, metric, unit, period, status, growth, row.text, ctx)
                    if draft is not None:
                        out.append((draft, t.title, _note(part)))
                    pos += len(part) + 1
        return out

    def _subject_rows(self, t: Table, ctx: DocContext):
        """镇（街道） | 规上工业总产值（亿元） | 增长（%） | …: each row a place or firm, the
        subject of its cells; each column a metric (its unit in brackets), a growth column the
        change of the metric on its left; all of the table's time (its title's, else the
        headline's or the document's)."""
        title_periods = find_periods(t.title, self.facts.rules, ctx.doc_year)
        period = title_periods[-1].period if title_periods else (ctx.headline_period.period if ctx.headline_period else str(ctx.results_year or ""))
        status = "target" if period[:4].isdigit() and ctx.doc_year and int(period[:4]) > ctx.doc_year else "actual"
        columns, measured = [], ("", t.unit)
        for i, h in enumerate(t.header[1:], 1):
            h_flat = _SPACE.sub("", h)
            m = _UNIT_IN_NAME.search(h_flat)
            name, unit = (h_flat[: m.start()], m.group(1)) if m else (h_flat, t.unit)
            said = _GROWTH_OF.fullmatch(name)  # 比上年同期增长（%）, 规上工业增加值增长（%）
            growth = said is not None
            if said and said.group(1):
                columns.append((i, said.group(1), unit, True))  # a growth column naming its metric
                continue
            if not growth:
                measured = (name, unit)
            columns.append((i, measured[0], measured[1], growth))
        out = []
        for row, cells in t.rows:
            subject = _ROW_OPENER.sub("", cells[0][1].strip())
            if not subject or _GROWTH.search(subject):
                continue
            for i, metric, unit, growth in columns:
                if i >= len(cells) or not metric:
                    continue
                offset, cell = cells[i]
                draft = self._cell(cell, offset, metric, unit, period, status, growth, row.text, ctx, subject)
                if draft is not None:
                    out.append((draft, t.title, _note(cell)))
        return out

    def _cell(self, cell, offset, metric, row_unit, period, status, growth, line, ctx, subject: str = "") -> FactDraft | None:
        body = _NOTE.sub(lambda m: " " * len(m.group()), cell)  # notes keep their width
        m = self.number.search(body)
        if m is None:
            return None
        value = float(m.group("num").replace(",", ""))
        if m.group("sign"):
            value = -value
        written = m.group("unit") or ""
        unit = written or ("%" if growth else row_unit)  # a growth column without a unit is in %
        if unit in ("—", "-"):
            unit = ""
        numerator, slash, denominator = unit.partition("/")
        mag = next((k for k in sorted(self.mags, key=len, reverse=True) if numerator.startswith(k) and numerator[len(k):] in self.units), "")
        base = numerator[len(mag):]
        info = self.units.get(base, {"std": base, "kind": "level"})
        value_std = scaled(value, self.mags[mag] if mag else 1)
        unit_std = info["std"] + (slash + denominator if slash else "")
        if growth or _GROWTH.search(metric) or unit == "个百分点":
            kind = "change"
        elif unit == "%":
            kind = "share"
        else:
            kind = info["kind"]
        qualifier = {"约": "约", "超": "超", "达": "达"}.get(m.group("pre") or "", "") or (m.group("post") or "")
        start, end = offset + m.start("num") - (1 if m.group("sign") else 0), offset + m.end("unit" if written else ("max" if m.group("max") else "num"))
        q = Quantity(start, end, value, unit, value_std, unit_std, qualifier, kind, "table.cell",
                     float(m.group("max")) if m.group("max") else None)
        return FactDraft(
            start, end, q, subject or ctx.main_subject, metric, self.facts.metric_key(metric), kind, status, period, "",
            line.replace("\t", " | ").strip(), ["table.cell", "table.row_subject" if subject else "subject.document"],
        )


def _note(cell: str) -> str:
    m = _NOTE.search(cell)
    return m.group(1) if m else ""

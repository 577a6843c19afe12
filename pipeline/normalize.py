"""Stage 2: raw text → normalised text, with a map from every normalised character to its raw index.

Repairs what PDF extraction and web copying do to reports: lines broken mid-sentence and
mid-number, spaces between Chinese characters (``企 业 竞 争 力``, ``342.08 亿 元``), full-width
digits and letters, markdown ``**bold**`` and headings, LaTeX residue (``$< 10.2\\text{m}^3$``),
footnote superscripts, and headlines printed twice character by character.

Every pass only deletes or substitutes one character for one character, so each normalised
character keeps the raw index it came from, and a normalised span [s, e) maps back to the raw
span [to_raw[s], to_raw[e-1] + 1). The raw slice may contain the spaces and line breaks that were
removed: that is what provenance needs.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass

import numpy as np
import regex

#: Full-width characters kept as they are: they are the normal Chinese punctuation.
_KEEP_FULLWIDTH = set("，：；！？（）")
_DROP = set("\r\u200b\u200c\u200d\u2060\ufeff\u00ad")
_SUPERSCRIPTS = set("\u00b9\u00b2\u00b3\u2070\u2074\u2075\u2076\u2077\u2078\u2079")
_SPACES = {"\u3000": " ", "\u00a0": " ", "\u2002": " ", "\u2003": " ", "\u2009": " "}

_TERMINAL = set("。！？!?；;…")
_CLOSERS = set("”’」』）)】")
_CLAUSE = set("，、；：,;:")
HEADING_MAX = 16  # characters after a heading's number (九、教育、科技和卫生); a longer line is prose
#: The number of a heading or list item (一、 （二） 3. 第四章 ⑤), matched at a given position.
LIST_MARKER = regex.compile(r"[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．](?=\D)|第[一二三四五六七八九十\d]+[章节条部分]|[①-⑳]")
# a line that starts a new block: a list item, or a figure, table or note
_LIST_START = regex.compile(LIST_MARKER.pattern + r"|图[①-⑳\d]|表\s*\d|注[:：]")
_UNIT_START = set("万亿千百元%个家人名位项台套亩吨平方公里米户条座所件辆倍度小时分钟年月日号")
_MARKUP = regex.compile(r"\*\*|__|^#{1,6}[ \t]*", regex.M)
_LATEX = regex.compile(r"\$[^$\n]{1,80}\$")
_LATEX_JUNK = regex.compile(r"\$|\\[a-zA-Z]+|[{}^_ ]")


#: The characters ``is_cjk`` accepts, as a regex class.
_CJK_CLASS = r"[\u4e00-\u9fff\u3400-\u4dbf]"


def is_cjk(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf"


def _is_wide(c: str) -> bool:
    """CJK ideographs and CJK / full-width punctuation: spaces next to these are PDF residue."""
    o = ord(c)
    return is_cjk(c) or 0x3000 <= o <= 0x303F or 0xFF00 <= o <= 0xFFEF or c in "“”‘’…—·"


@dataclass(frozen=True)
class NormText:
    text: str
    to_raw: np.ndarray  # to_raw[i] = raw index of normalised character i

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        return int(self.to_raw[start]), int(self.to_raw[end - 1]) + 1


class _Buf:
    """The text after a pass and the raw index of each of its characters. A pass says which
    ranges to drop; text and indices are then rebuilt from slices, never character by character
    (most passes drop nothing, or a few spaces, in a document of 100,000 characters)."""

    __slots__ = ("text", "idx")

    def __init__(self, text: str, idx: np.ndarray):
        self.text, self.idx = text, idx

    def drop(self, ranges: list[tuple[int, int]]) -> "_Buf":
        if not ranges:
            return self
        text = self.text
        keep = np.ones(len(text), dtype=bool)
        pieces, pos = [], 0
        for start, end in sorted(ranges):
            keep[start:end] = False
            if end <= pos:
                continue
            pieces.append(text[pos : max(start, pos)])
            pos = end
        pieces.append(text[pos:])
        return _Buf("".join(pieces), self.idx[keep])


# full-width ASCII (but for the Chinese punctuation kept) and odd spaces, one for one
_TRANSLATE = {o: o - 0xFEE0 for o in range(0xFF01, 0xFF5F) if chr(o) not in _KEEP_FULLWIDTH} | {ord(k): v for k, v in _SPACES.items()}
# stdlib re for these plain character classes: five times faster than a translate of the whole
# text, or than the regex module, at 30 to 40 runs of such characters per 100 KB
_TO_TRANSLATE = re.compile("[" + re.escape("".join(map(chr, sorted(_TRANSLATE)))) + "]+")
_DROP_CHARS = re.compile("[" + re.escape("".join(sorted(_DROP | _SUPERSCRIPTS))) + "]+")


def _map_chars(raw: str) -> _Buf:
    text = _TO_TRANSLATE.sub(lambda m: m.group().translate(_TRANSLATE), raw)
    buf = _Buf(text, np.arange(len(raw), dtype=np.int64))
    return buf.drop([m.span() for m in _DROP_CHARS.finditer(buf.text)])


# a PDF's page numbers on lines of their own (— 3 —, - 12 -, 第3页 共20页, 3/20): dropped, so
# that the sentence the page broke is joined again
_PAGE_NUMBER = regex.compile(r"^[ \t]*(?:[-—–―－]{1,2}[ \t]*\d{1,4}[ \t]*[-—–―－]{1,2}|第[ \t]*\d{1,4}[ \t]*页(?:[ \t]*[,，/]?[ \t]*共[ \t]*\d{1,4}[ \t]*页)?|\d{1,4}[ \t]*/[ \t]*\d{1,4})[ \t]*$", regex.M)


def _strip_markup(buf: _Buf) -> _Buf:
    text = buf.text
    ranges = [m.span() for m in _MARKUP.finditer(text)] + [m.span() for m in _PAGE_NUMBER.finditer(text)]
    for m in _LATEX.finditer(text):
        ranges.extend((m.start() + j.start(), m.start() + j.end()) for j in _LATEX_JUNK.finditer(m.group()))
    return buf.drop(ranges)


_PIECE = regex.compile(r"[\p{Han}\p{L}\p{N}“”‘’]+|[^\p{Han}\p{L}\p{N}“”‘’\s]+|\s+")


def _collapse_doubled_lines(buf: _Buf) -> _Buf:
    """``慈溪慈溪：：打造…新高地打造…新高地`` → ``慈溪：打造…新高地``: a headline set in a
    double-printed font comes out of PDF extraction with every piece written twice."""
    text = buf.text
    ranges = []
    pos = 0
    for line in text.split("\n"):
        core = line.strip()
        first = _PIECE.match(core) if 4 <= len(core) <= 200 else None
        # the first piece decides for nearly every line, at the cost of one match
        if first and len(first.group()) % 2 == 0 and first.group()[: len(first.group()) // 2] == first.group()[len(first.group()) // 2 :]:
            pieces = _PIECE.findall(core)
            words = [p for p in pieces if not p.isspace()]
            if words and all(len(p) % 2 == 0 and p[: len(p) // 2] == p[len(p) // 2 :] for p in words):
                off = pos + line.index(core)
                for p in pieces:
                    if not p.isspace():
                        ranges.append((off + len(p) // 2, off + len(p)))
                    off += len(p)
        pos += len(line) + 1
    return buf.drop(ranges)


_HAN_PAIR_BEFORE = regex.compile(_CJK_CLASS + r"{2}\Z")
_HAN_PAIR = regex.compile(_CJK_CLASS + "{2}")
# 签约项目32个 总投资156亿元: a count's measure word closes a headline's clause before a word
_COUNT_BEFORE = regex.compile(r"\d(?![万亿千百十年月日号时])\p{Han}\Z")
_SPACE_RUN = regex.compile(r" +")
# a time of day after a date (2024-04-22 08:30) is not the rest of a number broken by a space
_CLOCK = regex.compile(r"\d{1,2}:\d{2}(?!\d)")
# a line that ends with a date or a time of day (a byline) does not run on into the next one
_ENDS_WITH_DATE = regex.compile(r"(?:\d{1,2}:\d{2}|(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2})\Z")
# 2024年02月19日 08:35　来源：湖州日报: a web page's line of source and time is complete
_BYLINE_START = regex.compile(r"(?:本报记者|本报讯|记者|通讯员|特约记者|文/|图/)")
_SOURCE_LINE = regex.compile(r"(?:来源|稿源|发布时间|发布日期|责任编辑|编辑)\s*[：:]")


# a cell of a table row: a number (1639, 7%左右, <5, 71.5以上) or a dash for none
_NUMERIC_CELL = regex.compile(r"[<>≤≥约]?[-+−]?\d[\d.,]*%?(?:以上|以下|左右|以内)?|[—–-]{1,2}|/")
_CELL_GAP = regex.compile(r" +")
TABLE_MIN_CELLS = 3


# 二〇二五年, 一九九八年: a year in Chinese digits, read as its Arabic digits one for one
_CHINESE_YEAR = regex.compile(r"(?:一九|二[〇零○Ｏ])[〇零○Ｏ一二三四五六七八九]{2}(?=年)")
_CHINESE_DIGITS = str.maketrans("〇零○Ｏ一二三四五六七八九", "0000123456789")


def _arabic_years(buf: _Buf) -> _Buf:
    if "年" not in buf.text:
        return buf
    text = _CHINESE_YEAR.sub(lambda m: m.group().translate(_CHINESE_DIGITS), buf.text)
    return buf if text == buf.text else _Buf(text, buf.idx)


def _tab_separated(buf: _Buf) -> _Buf:
    """A table whose cells a PDF's text gives apart by spaces (类别 指标 2020年 2025年 …) reads
    as one with tabs: in a run of lines of three cells or more, two of them with two numeric
    cells or more and none a sentence nor already tab-separated, each gap becomes one tab (so
    that 1639 2300 is two numbers, not one). Offsets stay one to one: a gap's first space is
    the tab."""
    text = buf.text
    lines = text.split("\n")
    starts, pos = [], 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1

    def row_like(line: str) -> tuple[bool, bool]:
        cells = _CELL_GAP.split(line.strip())
        if len(cells) < TABLE_MIN_CELLS or "。" in line or "，" in line:
            return False, False
        return True, sum(1 for c in cells if _NUMERIC_CELL.fullmatch(c)) >= 2

    tabs, ranges = [], []
    block: list[int] = []
    numeric = 0
    for li, line in enumerate(lines + [""]):
        like, with_numbers = row_like(line) if li < len(lines) and " " in line and "\t" not in line else (False, False)
        if like:
            block.append(li)
            numeric += with_numbers
            continue
        if numeric >= 2:
            for bi in block:
                core = lines[bi].strip()
                off = starts[bi] + lines[bi].index(core)
                for gap in _CELL_GAP.finditer(core):
                    tabs.append(off + gap.start())
                    ranges.append((off + gap.start() + 1, off + gap.end()))
        block, numeric = [], 0
    if not tabs:
        return buf
    chars = list(text)
    for i in tabs:
        chars[i] = "\t"
    return _Buf("".join(chars), buf.idx).drop(ranges)


def _drop_inner_spaces(buf: _Buf) -> _Buf:
    """Spaces next to a Chinese character, or between digits, are layout residue."""
    text = buf.text
    n = len(text)
    ranges = []
    for m in _SPACE_RUN.finditer(text):
        i, j = m.span()
        left = text[i - 1] if i > 0 else "\n"
        right = text[j] if j < n else "\n"
        if is_cjk(left) and is_cjk(right) and (_HAN_PAIR_BEFORE.search(text, max(0, i - 2), i) or _COUNT_BEFORE.search(text, max(0, i - 2), i)) and _HAN_PAIR.match(text, j):
            # 何峰 陈章升: spaces between words of two or more characters separate names;
            # letter-spaced PDF text (企 业 竞 争 力) has runs of one
            if j - i > 1:
                ranges.append((i + 1, j))
            continue
        if (
            left in "\n\t"
            or right in "\n\t"
            or _is_wide(left)
            or _is_wide(right)
            or ((left.isdigit() or left == ".") and (right.isdigit() or right in ".%") and not _CLOCK.match(text, j))
        ):
            ranges.append((i, j))
    return buf.drop(ranges)


def _join_lines(buf: _Buf) -> _Buf:
    """Join lines broken by page layout; keep one ``\\n`` between real paragraphs."""
    text = buf.text
    lines = text.split("\n")
    lengths = [len(line) for line in lines if len(line) >= 8 and "\t" not in line]
    wrap = statistics.quantiles(lengths, n=4)[2] if len(lengths) >= 4 else 0
    hard_wrapped = 0 < wrap <= 60

    ranges = []
    starts = []
    pos = 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    prev = None  # index of the last non-empty line
    first = next((li for li, line in enumerate(lines) if line), None)
    for li, line in enumerate(lines):
        if not line:
            continue
        if prev is not None:
            gap_start = starts[prev] + len(lines[prev])  # the first "\n" after prev
            gap_end = starts[li]  # first char of this line
            # a headline and the line after a blank gap are paragraphs of their own
            apart = prev == first and gap_end > gap_start + 1
            if _should_join(lines[prev], line, hard_wrapped, wrap, apart):
                ranges.append((gap_start, gap_end))
            elif gap_end > gap_start + 1:
                ranges.append((gap_start + 1, gap_end))
        elif starts[li] > 0:
            ranges.append((0, starts[li]))  # leading blank lines
        prev = li
    if prev is not None and starts[prev] + len(lines[prev]) < len(text):
        ranges.append((starts[prev] + len(lines[prev]), len(text)))  # trailing blank lines
    return buf.drop(ranges)


def _should_join(prev: str, nxt: str, hard_wrapped: bool, wrap: float, apart: bool = False) -> bool:
    if "\t" in prev or "\t" in nxt or _LIST_START.match(nxt):
        return False
    last, first = prev[-1], nxt[0]
    if _ENDS_WITH_DATE.search(prev) or _SOURCE_LINE.search(prev) or _BYLINE_START.match(nxt):
        return False  # a byline's date or time, a page's source, a byline: the line is complete
    if (last.isdigit() or last in ".第万亿") and (first.isdigit() or first in _UNIT_START):
        return True  # a number or its unit broken across lines
    if last in _TERMINAL or (last in _CLOSERS and len(prev) > 1 and prev[-2] in _TERMINAL):
        return False
    if not (_is_wide(last) or last.isalnum()) or not (_is_wide(first) or first.isalnum()):
        return False
    marker = LIST_MARKER.match(prev)
    rest = prev[marker.end() if marker else 0 :]
    marks = {c for c in rest if c in _CLAUSE}
    if marker and marks <= {"、"} and len(rest) <= HEADING_MAX:
        return False  # 一、综合, 九、教育、科技和卫生: a numbered heading, its own line
    if apart and marks <= {"：", ":"}:
        return False  # 安踏体育：营收首破600亿元 above a blank line: a headline, not a broken sentence
    if marks:
        return True  # the line stops inside a sentence
    return hard_wrapped and len(prev) >= 0.8 * wrap


_T2S_CACHE: dict[str, str] = {}


def _simplified_char(c: str) -> str:
    out = _T2S_CACHE.get(c)
    if out is None:
        import opencc

        conv = _simplified_char.__dict__.get("cc")
        if conv is None:  # built once: an OpenCC converter loads its dictionaries
            conv = _simplified_char.__dict__["cc"] = opencc.OpenCC("t2s")
        out = conv.convert(c)
        _T2S_CACHE[c] = out if len(out) == 1 else c
        out = _T2S_CACHE[c]
    return out


_CJK = regex.compile(_CJK_CLASS)


def _to_simplified(buf: _Buf) -> _Buf:
    """Traditional Chinese is matched as Simplified, character for character, so that offsets
    stay one to one (OpenCC's phrase conversions could change lengths)."""
    sample = [m.group() for _, m in zip(range(5000), _CJK.finditer(buf.text))]
    if not sample:
        return buf
    changed = sum(1 for c in sample if _simplified_char(c) != c)
    if changed / len(sample) < 0.05:
        return buf  # Simplified text: converting would only risk its rare characters
    table = {ord(c): _simplified_char(c) for c in set(_CJK.findall(buf.text))}
    return _Buf(buf.text.translate(table), buf.idx)


def normalize(raw: str) -> NormText:
    buf = _map_chars(raw)
    buf = _to_simplified(buf)
    buf = _strip_markup(buf)
    buf = _arabic_years(buf)
    buf = _tab_separated(buf)
    buf = _drop_inner_spaces(buf)
    buf = _collapse_doubled_lines(buf)
    buf = _join_lines(buf)
    return NormText(buf.text, buf.idx)

"""Quantities + their sentence → fact drafts: metric, subject, kind, status, period.

Attribution works on the normalised sentence, clause by clause (clauses end at ，；：):

* metric: the words between the clause start (after its time phrase and subject) and the number,
  without leading and trailing function words; a growth rate with no words of its own takes the
  metric of the level before it;
* subject: the name or anaphor (全区, 该公司, resolved) that opens the nearest clause before the
  number, else the paragraph's last such subject, else the document's main subject;
* kind: from the unit, refined by the nearest growth or share cue in the clause;
* status: a target or forecast cue earlier in the sentence, unless a clause in between starts
  with an actual cue (已, 实际, 累计);
* period: the nearest time phrase before the number in the sentence, else the document's year.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from itertools import takewhile
from dataclasses import dataclass, field, replace

import regex

from .entities import Candidate, Gazetteer, declaration_pattern
from .model import Quantity, Rejection
from .normalize import HEADING_MAX, LIST_MARKER
from .numbers import find_quantities, with_sign
from .periods import PeriodMention, period_matches, resolve_periods
from .rules import Rules, alternation, words_pattern
from .segment import Sentence

# ——: an apposition (“小巨人”企业——镇明转轴) names anew; a space between words parts a
# headline's two clauses (…榜单出炉 长兴位列第29位)
_CLAUSE_END = regex.compile(r"[，；：,;:\t]|——|(?<=\p{Han})[ \u3000]+(?=\p{Han})")
_RENAMED = regex.compile(r"更名为|改名为|升格为|升级为")
_IN_B_SHARE = regex.compile(r"在(.+?)中(?:的)?(?:比重|占比)?$")
# 年均 人均 亩均 户均: per year, head, mu, household; their 均 is no "each"
_PER = "年人亩户"
_EACH_CUE_END = regex.compile(rf"(?:双双|(?<![{_PER}])均|都|同时)(?:\p{{Han}}{{0,4}})$")
_CONJUNCTION = regex.compile(r"和|与|及|、")
_TWO_BEFORE_EACH = regex.compile(r"^(.+?)(?:和|与|及|、)(.+?)(?:双双|均|都|同时)")
_RESPECTIVELY = regex.compile(r"([^，；：]+?[、和与及][^，；：]+?)(?:分别|各自)")
_LIST_SEPARATOR = regex.compile(r"[、和与及]")
_LIST_ITEM = regex.compile(r"[^、和与及]+")
_UP_TO_NUMBER = regex.compile(r"[^\d０-９]*")
_TRADE_PARTNER = regex.compile(r"\p{Han}{0,3}?(?=对)")  # (我省)对东盟: what stands before 对
HISTORY_YEARS = 5  # a year further back than this, opening a paragraph, is history told, not results
_LIST_PLAN_RANK = 9  # below every heading rank: the next heading of any rank closes the list's plan
_WE = regex.compile(r"[^“”。]{0,12}(?<!“)我们")  # the speaker's voice, out of quotes, at a sentence's start
_INSIDE = regex.compile(r"(?:园区|小镇|基地|新区|开发区|全[市区县镇])[内里中]的")
_YARDSTICK_BEFORE = regex.compile(r"(?:居|位居|位列|列|排|在)\Z")
_RANK_AFTER = regex.compile(r"(?:各县（市、区）|各县市区|县市区)?(?:[第前][一二三四五六七八九十百\d]+(?![届次批期轮])|首位|末位|排名)")
# ² 数据来源：中国信息通信研究院发布的…: who published the figures, not what they are about
_SOURCE_NOTE = regex.compile(r"\s*[\d¹²³⁴⁵⁶⁷⁸⁹⁰]*\s*(?:数据|资料)?来源\s*[:：]")
_NAMED_COUNT = regex.compile(r"(?:这|等)?(?:[两二三四五六七八九十]|\d+)(?:(?:家|个|座|大|地)\p{Han}{0,4}?)?(?:企业|公司|集团|园区|区县|县市|[区县市镇])")
_LIST_COUNT = regex.compile(r"[两二三四五六七八九十]大(?=\p{Han})")  # 两大产业: how many the list holds
_NAME_CHAR = regex.compile(r"[\p{Han}A-Za-z]")
_MONTHS = regex.compile(r"\d{4}-\d{2}")  # 2023-09, 2023-01..2023-09: a part of a year
_NOTE = regex.compile(r"[（(][^（）()]{1,12}[）)]")
# a code in brackets (（股票代码：605077）, (688306.SH)), or its end when the clause opens inside them
_CODE_NOTE = regex.compile(r"[（(][^（）()]*\d[^（）()]*[）)]|^[^（）()]*\d[^（）()]*[）)]")
_NOUN_AFTER = regex.compile(r"[\p{Han}A-Za-z“”（）()]{2,24}")
_PER_HEAD = regex.compile(rf"^([{_PER}]均|单位)")
_ALL_CUE = regex.compile(r"均|都|双双")
_ALL_CUE_EDGES = regex.compile(r"^(?:在|其)|(?:均|都|双双)+$")
_YEARS_RUNNING = regex.compile(r"(?:已经|已)?连续\s*(?:\d+|[两二三四五六七八九十]+|多)\s*年")
_LIST_COMMA = regex.compile(r"、(?![^（(]*[）)])")  # a list's 、, outside brackets
_RANK_STEPS = ("位", "名", "个位次")  # 上升3位: places moved up or down a ranking
_CUE_YEAR = regex.compile(r"(?:19|20)\d{2}")
_BASE_YEAR = regex.compile(r"((?:19|20)\d{2})\s*年|(?:上|去)年(?!末|底|同期)")
_COMPARATIVES = "高于|低于|快于|慢于|好于"
# the base a figure is compared with is no part of its metric: 比2020年(增长), 是2020年的(3.5倍)
_COMPARED_WITH = regex.compile(
    r"(?:比|较|同|是|恢复到|恢复至|相当于)(?:(?:19|20)\d{2}年(?:同期|底|末)?|[两二三四五六七八九十\d]{1,2}年前|上月末?|上季度)的?"
    # 高于全市平均水平2.1个百分点, 高于规上工业增加值2.8个百分点: a gap to a yardstick, which
    # runs up to the number; the metric is the one before
    rf"|(?:{_COMPARATIVES})[^，；：,;:]*$"
    # 比全省高1.1个百分点, 较全国快: the same gap, said the other way round (not 比重提高)
    r"|(?:比(?![重例率])|较)[^，；：,;:]{1,8}?(?:高|低|快|慢|多)出?$"
    # 与2015年相比(增长91.8%), 与全省平均水平相比: the base, however it is named
    r"|(?:与|同|跟)[^，；：,;:]{0,12}?(?:相比|相较|比较)"
)
_BALANCE = ("余额",)  # a stock held at a moment
_MONTH_END_OF = regex.compile(r"月(?:末|底)$")
_TIMES_OF = regex.compile(r"是[^，；。]{0,12}的\s*$")  # 是五年前的(4.7倍)
# 年均增长率为13.9% after an amount: the rate is the amount's (自然增长率 is a metric of its own)
_AVERAGE_RATE = regex.compile(r"(?:年均|年平均)(?:增长率|增速|增幅)(?=[为是达]?$)")
_THEN_COMPARED = regex.compile(r"[^，；。]{0,30}?(?:相比|相较|比较)")
_DURATION = regex.compile(r"(?:[两二三四五六七八九十]|\d{1,2})[十]?年(?:来|间|里|中)?")  # 十年共增加…: how long, not what
# 比前三季度提高, 较一季度回落: a time phrase after these is what the figure is compared with
_COMPARISON_BEFORE = regex.compile(rf"(?:比|较|是|{_COMPARATIVES})\s*$")  # 是上年的4.3倍 too
_RANK_BASE_EDGES = regex.compile(r"^(?:在|其)|(?:中|均|也|都|分别|已|再次|连续|继续|仍|仍然|依然|稳定|持续)+$")
_HAN2 = regex.compile(r"\p{Han}{2}")
_IN_EDGES = regex.compile(r"^(?:在|其)|中$")
_LEADING_YEAR = regex.compile(r"^(?:(?:19|20)\d{2}年)")
_RANK_SCOPE = regex.compile(r"(?:全国|全省|全市|全区|全县|全球|世界|国内|省内|市内|同行|同类|城市|各区县（市）|各区县|区县)+$")
_SUBJECT_TYPES = ("REGION", "ORG", "PLATFORM")
_ANAPHOR_NAMED = {
    "org": ("ORG", ""),
    "platform": ("PLATFORM", ""),
    "new_area": ("PLATFORM", "新区"),
    "development_zone": ("PLATFORM", ("开发区", "经开区")),
    "high_tech_zone": ("PLATFORM", ("高新技术产业开发区", "高新区")),
}
_ANAPHOR_SUFFIX = {
    "district": ("区",),
    "city": ("市",),
    "prefecture": ("州", "盟", "地区"),  # 全州 in a 自治州's text, 全盟 in a 盟's
    "county": ("县", "市", "旗"),
    "town": ("镇", "街道", "乡"),
    "province": ("省", "自治区"),
}


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
    doc_month: int | None = None
    headline_period: PeriodMention | None = None  # 一季度我市外贸…: the part of the year it is about
    looks_back: bool = False  # a five-year plan or a work report reviews the plan or year before it
    bulletin: bool = False  # a statistical bulletin: about its region, a named firm or park aside

    @property
    def results_year(self) -> int | None:
        """The year whose results the document reports as 全年 or without a time: a report
        dated January to March (a work report, a review) looks back on the year before."""
        if self.doc_year is not None and (self.looks_back or self.doc_month is not None and self.doc_month <= 3):
            return self.doc_year - 1
        return self.doc_year

    def __post_init__(self) -> None:
        self.entity_starts = [e.start for e in self.entities]
        self.organisations = {e.canonical for e in self.entities if e.type in ("ORG", "PLATFORM")}
        self.companies = {e.canonical for e in self.entities if e.type == "ORG"}
        self.region_parents: dict[str, dict[str, None]] = {}  # region → its parents, in order
        self.region_codes: dict[str, str] = {}
        for e in self.entities:
            if e.type == "REGION":
                self.region_parents.setdefault(e.canonical, {})[e.parent] = None
                if e.code:
                    self.region_codes.setdefault(e.canonical, e.code)
        if self.main_subject in self.gazetteer.by_name:  # 我省: the main subject named only as itself
            self.region_codes.setdefault(self.main_subject, self.gazetteer.by_name[self.main_subject][0].code)

    def within_main_subject(self, name: str) -> bool:
        """Is ``name`` a division of the document's main subject (赤水市 in 遵义市's bulletin)?"""
        inner, outer = self.region_codes.get(name, ""), self.region_codes.get(self.main_subject, "")
        return bool(inner and outer) and inner != outer and inner.startswith(_region_code_prefix(outer))

def main_subject(entities: list[Candidate], text: str, gaz: Gazetteer, anaphora: Mapping[str, str] | None = None) -> str:
    """The region the document is about: the most frequent division it names, with the title
    (its first 100 characters) counting three times, or the province, city or county above it
    when the text speaks of itself as one (我省…, naming 杭州 and 义乌市 only in passing). A title
    that names a country and no division (中华人民共和国2023年国民经济和社会发展统计公报) is
    about that country."""
    level = _self_reference(text, anaphora or {})
    best = _most_named_region(entities, text, gaz, level)
    code = next((e.code for e in entities if e.type == "REGION" and e.canonical == best and e.code), "")
    if code and level in _LEVEL_CODES and not best.endswith(_ANAPHOR_SUFFIX[level]):
        above = gaz.places.get(_LEVEL_CODES[level](code))
        if above is not None and above.code != code and above.name.endswith(_ANAPHOR_SUFFIX[level]):
            return above.name
    return best


# the code of the province, city or county a division code lies in
_LEVEL_CODES = {
    "province": lambda code: code[:2] + "0000",
    "city": lambda code: code[:4] + "00",
    "prefecture": lambda code: code[:4] + "00",
    "county": lambda code: code[:6],
    "district": lambda code: code[:6],
}


def _self_reference(text: str, anaphora: Mapping[str, str]) -> str:
    """The level the text most often speaks of itself as (全省, 我省 → province), if any."""
    counts: dict[str, int] = {}
    for word, level in anaphora.items():
        if level in _ANAPHOR_SUFFIX:
            # 全省 speaks of the text's own place only where it opens a clause (全省地区生产总值…);
            # 居全省第一, 占全省的, 在全省…排名 measure against the province
            n = _clause_openings(text, word) if word.startswith("全") else text.count(word)
            counts[level] = counts.get(level, 0) + n
    level = max(sorted(counts), key=lambda k: counts[k], default="")
    return level if counts.get(level) else ""


def _clause_openings(text: str, word: str) -> int:
    """How often ``word`` opens a clause of ``text`` (after a line break or a clause's mark)."""
    n, i = 0, text.find(word)
    while i >= 0:
        j = i
        while j > 0 and text[j - 1] in " \t":
            j -= 1
        n += j == 0 or text[j - 1] in "\n，。；：！？"
        i = text.find(word, i + len(word))
    return n


def _most_named_region(entities: list[Candidate], text: str, gaz: Gazetteer, level: str = "") -> str:
    title_end = text.find("\n") if "\n" in text else len(text)
    in_title = [c for c in entities if c.type == "REGION" and c.end <= title_end]
    if in_title and not any(c.code for c in in_title):
        return in_title[0].canonical
    score: dict[str, float] = {}
    regions = [c for c in entities if c.type == "REGION" and c.code]
    at = {c.start: c for c in regions}
    for c in regions:
        if c.end in at and _inside(at[c.end], c):
            continue  # 广州市黄埔区: a chain of places is one mention of its innermost
        if _YARDSTICK_BEFORE.search(text, max(0, c.start - 3), c.start) and _RANK_AFTER.match(text, c.end):
            continue  # 增速居金华市第2位: the place a rank measures against, not the one spoken of
        score[c.canonical] = score.get(c.canonical, 0) + (3 if c.start < 100 else 1)
    if not score:  # 山东省统计局 alone over 全省…: the place the author's office is of
        for c in entities:
            place = gaz.place_at_start(c.canonical) if c.type == "GOV" else None
            if place is not None:
                score[place.name] = score.get(place.name, 0) + 1
    if not score and level in _ANAPHOR_SUFFIX:
        # 我市 in news naming no city but its firms' (杭州海康威视…有限公司): the city they are of
        for c in entities:
            place = _place_of(c.canonical, gaz) if c.type in ("ORG", "PLATFORM") else None
            if place is not None and place.name.endswith(_ANAPHOR_SUFFIX[level]):
                score[place.name] = score.get(place.name, 0) + 1
    for kind in ("PLATFORM", "ORG"):
        # 园区概况_常熟高新技术产业开发区 naming no region: the zone it presents; a firm's
        # annual results naming no region nor zone: the firm
        if not score:
            for c in entities:
                if c.type == kind:
                    score[c.canonical] = score.get(c.canonical, 0) + (3 if c.start < 100 else 1)
    if not score:
        return ""
    return max(sorted(score), key=lambda k: score[k])


def _place_of(name: str, gaz: Gazetteer):
    """The place a firm or branch is of: the one its name opens with, or for a national body's
    branch (中国人民银行杭州市分行, 国家税务总局宁波市税务局) the one after the nation's name."""
    place = gaz.place_at_start(name)
    if name.startswith(("中国", "国家")) and (place is None or place.name == "中国"):
        place = next(filter(None, (gaz.place_at_start(name[i:]) for i in range(2, len(name) - 1))), None)
    return place


def _entity_range(sent: Sentence, ctx: DocContext) -> tuple[int, int]:
    """Indexes into ``ctx.entities`` of the names that start inside the sentence."""
    return bisect.bisect_left(ctx.entity_starts, sent.start), bisect.bisect_right(ctx.entity_starts, sent.end)


def _region_code_prefix(code: str) -> str:
    """The part of a division code its subdivisions share: 33 of 330000, 3302 of 330200."""
    return code[:2] if code.endswith("0000") else code[:4] if code.endswith("00") else code


def _innermost(ents: list[Candidate], ent: Candidate) -> Candidate:
    """浙江省宁波市镇海区, 江阴市周庄镇: of a chain of places each inside the one before, the
    last one is what the clause is about (and the others are not part of its metric)."""
    while ent.type == "REGION" and ent.code:
        inner = next((e for e in ents if e.start == ent.end and e.type == "REGION" and e.code), None)
        if inner is None or not _inside(inner, ent):
            return ent
        ent = inner
    return ent


def _inside(inner: Candidate, outer: Candidate) -> bool:
    """Is the division ``inner`` one of ``outer``'s (by their codes)?"""
    return inner.code != outer.code and inner.code.startswith(_region_code_prefix(outer.code))


def _past_inside(text: str, pos: int, ents: list[Candidate]) -> int:
    """Where the clause's subject starts: past 园区内的 before a name (园区内的布衣草人服饰有限公司
    销售额…: the firm in the park is what is measured)."""
    inside = _INSIDE.match(text, pos)
    if inside and any(e.start == inside.end() and e.type in _SUBJECT_TYPES for e in ents):
        return inside.end()
    return pos


def _still_to_come(period: str, stated: list[str], doc_year: int) -> bool:
    """Can a figure of ``period`` (the periods ``stated`` before it) only be planned? A year
    still to come can; so can 每年 of years from the document's own on (2024—2026年，每年新增…)."""
    if _first_year(period) > doc_year:
        return True
    if not stated or stated[-1] != "-":
        return False
    years = next((p for p in reversed(stated) if p != "-"), "")
    return _first_year(years) >= doc_year and _last_year(years) > doc_year


def _first_year(period: str) -> int:
    """The first year of a period (2024..2026 → 2024, 2023-09 → 2023), 0 when it names none."""
    return int(period[:4]) if period[:4].isdigit() else 0


def _last_year(period: str) -> int:
    """The last year of a period (2024..2026 → 2026), 0 when it names none."""
    return _first_year(period.rpartition("..")[2])


def _named_after_figures(contexts: list[dict], name: str) -> bool:
    """Does the paragraph (its sentence contexts) first name ``name`` after one of its figures?"""
    k, pos = next((k, s[0]) for k, c in enumerate(contexts) for s in c["subjects"] if s[1] == name)
    return _figures_around(contexts, k, pos)[0]


def _figures_around(contexts: list[dict], k: int, pos: int) -> tuple[bool, bool]:
    """Does the paragraph whose sentence contexts are ``contexts`` hold a figure before, and one
    after, position ``pos`` of its sentence ``k``?"""
    here = [q.start for q in contexts[k]["quantities"]]
    before = any(q < pos for q in here) or any(c["quantities"] for c in contexts[:k])
    after = any(q > pos for q in here) or any(c["quantities"] for c in contexts[k + 1 :])
    return before, after


def _heading_rank(text: str) -> int | None:
    """The rank of a numbered heading paragraph (第一章 0, 一、 1, （一） 2, 1. 3, ① 4), None for
    prose: a heading is short and ends with no full stop. A paragraph of its own may run longer
    than a heading told from a wrapped line (二、2024年国民经济和社会发展计划草案)."""
    m = LIST_MARKER.match(text)
    if not m or len(text) - m.end() > 2 * HEADING_MAX or text.rstrip()[-1:] in "。；;！？!?":
        return None
    mark = m.group()
    if mark.startswith("第"):
        return 0
    if mark[0] in "（(":
        return 2
    if mark[0].isdigit():
        return 3
    return 1 if mark.endswith("、") else 4


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
    def __init__(self, rules: Rules, segmenter):
        self.rules = rules
        self.seg = segmenter
        self.leading = set(rules.table("metric_leading_words"))
        self.paired_words = rules.table("paired_words")
        self.list_heads = tuple(rules.table("list_head_words"))
        self.paired_parts = frozenset(w for parts in self.paired_words.values() for w in parts)
        self.paired_before_respectively = regex.compile(f"({alternation(self.paired_words)})([^，；：、和与及]+?)(?:分别|各自)")
        self.trailing = set(rules.table("metric_trailing_words"))
        self.inner_verbs = set(rules.table("metric_inner_verbs"))
        self.time_words = set(rules.table("metric_time_words"))
        self.declaration = declaration_pattern(rules)
        self.done_words = words_pattern(rules.table("done_words"))
        self.generic_rank_bases = set(rules.table("generic_rank_bases"))
        self.bare_share_words = set(rules.table("bare_share_words"))
        self.bare_change_words = set(rules.table("bare_change_words"))
        self.measure_words = set(rules.table("measure_words"))
        self.measure_ending = words_pattern(rules.table("measure_words"), at_end=True)
        self.share_of_previous = words_pattern(rules.table("share_of_previous_words"))
        self.bare_total_words = set(rules.table("bare_total_words"))
        bases = alternation(rules.table("reference_bases"))
        self.bare_reference = regex.compile(rf"(?:为|相当于|完成|达到?)?({bases})的?")
        self.of_reference = regex.compile(rf"占(?:{bases})$")
        self.increment_words = rules.table("increment_words")
        self.anaphora = rules.table("anaphora")
        self.any_anaphor = words_pattern(self.anaphora)
        keys = sorted(((_fold(s), key) for key, syns in rules.table("metric_keys").items() for s in syns), key=lambda t: -len(t[0]))
        self.key_of: dict[str, str] = {}
        for syn, key in keys:
            self.key_of.setdefault(syn, key)
        self.key_suffix = words_pattern(self.key_of, at_end=True)
        self.kind_rules = [rules.by_id("kind.growth"), rules.by_id("kind.share")]
        self.amount_change = rules.by_id("kind.amount_change")
        self.decrease = rules.by_id("sign.decrease")
        self.status_rules = [rules.by_id("status.target"), rules.by_id("status.forecast")]
        self.actual = rules.by_id("status.actual")
        self.section_plan = rules.by_id("status.section_plan")
        self.list_cue = rules.compile(self.section_plan.get("list_cue"))
        self.work_report_plan = rules.compile(self.section_plan.get("in_work_reports"))
        self.part_of_year = {r.id for r in rules.group("period") if r.get("part_of_year")}  # 春节假期
        self.year_rule = "period.year"
        self.present_rule = rules.by_id("period.present")
        self.present = words_pattern(self.present_rule.get("words"))
        self.reached_now = rules.compile(self.present_rule.get("reached"))
        # 与2010年的5968838人相比, 比上年的2.88人减少0.22人: the number is the base compared with
        self.base_before = regex.compile(r"(?:与|同|比|较)(?![重例率])[^，；。比较与同]{0,24}?的\s*$")
        self.base_after = rules.compile(r"\s*(?:相比|比较|对比|{CHANGE_VERB}|多|少|高|低)")
        # the level reached, or a later one of a list of them (分别达到7.8万元和4.6万元)
        self.reached = rules.compile(r"(?:(?:{CHANGE_VERB}|跃升|攀升)[到至]|(?<!累计)(?:达到|突破))(?:\s*[\d.]+\p{Han}{0,3}[、和与及])*\s*$")
        self.rank_cue = rules.by_id("metric.rank").pattern
        self.after_stop = rules.by_id("metric.after_number").pattern

    # -- per document ---------------------------------------------------------------------------
    def document_facts(self, text: str, sents: list[Sentence], ctx: DocContext) -> tuple[list[FactDraft], list[Rejection]]:
        """Facts of the sentences ``sents`` of the normalised document ``text``, paragraph by
        paragraph: a sentence that names no subject takes the paragraph's (before it, else
        after it), else the last one of the paragraphs before.

        Quantity, rejection and period rules run once over the whole text, not once per
        sentence: a document has hundreds of sentences and each call has its cost; what a rule
        finds is then handed to the sentence that holds it."""
        starts = [s.start for s in sents]
        quantities, rejected = find_quantities(text, self.rules)
        sentence_quantities: dict[int, list[Quantity]] = {}
        for q in quantities:
            i = _holder(starts, sents, q.start, q.end)
            if i is not None:
                start = sents[i].start
                sentence_quantities.setdefault(i, []).append(replace(q, start=q.start - start, end=q.end - start))
        rejections: list[Rejection] = [r for r in rejected if _holder(starts, sents, r.start, r.end) is not None]
        sentence_periods: dict[int, list[tuple]] = {}
        for found in period_matches(text, self.rules):
            i = _holder(starts, sents, found[0], found[3].end())
            if i is not None:
                sentence_periods.setdefault(i, []).append(found)

        drafts: list[FactDraft] = []
        previous_subject: tuple[str, str] | None = None
        paragraphs: dict[int, list[int]] = {}
        for i, s in enumerate(sents):
            paragraphs.setdefault(s.paragraph, []).append(i)

        def context(i: int) -> dict:
            periods = resolve_periods(sentence_periods.get(i, []), self.rules, ctx.doc_year, sents[i].start, keep_unresolved=True)
            return self._sentence_context(sents[i], ctx, periods, sentence_quantities.get(i, []))

        plans: dict[int, tuple[str, str, str]] = {}  # heading rank → the plan its section states
        history: dict[int, PeriodMention] = {}  # heading rank → the years gone by its section looks back on
        for members in paragraphs.values():
            if len(members) == 1:
                plans = self._plans_after(sents[members[0]], sentence_periods.get(members[0], []), plans, ctx)
                history = self._history_after(sents[members[0]], sentence_periods.get(members[0], []), history, ctx)
                if ctx.main_subject and _heading_rank(sents[members[0]].text) is not None:
                    previous_subject = None  # a new section is about the document's region again
            if any(i in sentence_quantities for i in members):
                looked_back = history[max(history)] if history else None
                d, r, last, plans = self._paragraph_facts([sents[i] for i in members], [context(i) for i in members], ctx, plans, previous_subject, looked_back)
                drafts.extend(d)
                rejections.extend(r)
            else:
                # no number here (four paragraphs in five): all it gives the next ones is the
                # last subject it names, looked for from its end
                named = (i for i in reversed(members) if self._may_name_subject(sents[i], ctx) and not _SOURCE_NOTE.match(sents[i].text))
                last = next((c["subjects"][-1] for c in map(context, named) if c["subjects"]), None)
                plans = self._list_plan(sents[members[-1]], sentence_periods.get(members[-1], []), plans, ctx)
            if last is not None:
                # a region named in passing does not carry over: the next paragraph of a
                # bulletin is about the whole province again; a company or park section does
                previous_subject = (last[1], "subject.previous_paragraph") if last[1] in ctx.organisations else None
        return drafts, rejections

    def _paragraph_facts(self, sents: list[Sentence], contexts: list[dict], ctx: DocContext, plans: dict, previous_subject, looked_back=None):
        """(drafts, rejections, the subject it hands the next paragraph, the plans open after it)
        of a paragraph that holds numbers, given its sentences and their contexts, and the years
        its section looks back on (一、过去五年工作回顾), if any."""
        drafts: list[FactDraft] = []
        rejections: list[Rejection] = []
        later = [subj for c in contexts for subj in c["subjects"]]
        carry: dict = {"subject": None, "target": plans[max(plans)] if plans else None, "part_of_year": looked_back}
        # a company named later in the paragraph is what its own sentences are about,
        # not the ones before it (三大产业集群产值…。中车株机公司营业收入…), but for a
        # quote it is the speaker's (“我们…”美的集团负责人说); a park or a town a
        # feature's section names after its first figures is that section's
        named_later = (later[0][1], "subject.paragraph") if later else None
        first_in_passing = bool(later) and self._in_passing(contexts, ctx, [sent.text for sent in sents])
        fallback = previous_subject if not later or first_in_passing else named_later
        for sent, c in zip(sents, contexts):
            quoted = sent.text.lstrip().startswith("“")
            d, r = self._sentence_facts(sent, c, ctx, carry, named_later if quoted and named_later else fallback)
            drafts.extend(d)
            rejections.extend(r)
            named = carry["subject"][0] if carry["subject"] else ""
            if named in ctx.companies and _named_after_figures(contexts, named) or ctx.bulletin and named in ctx.organisations:
                # …新增规上企业38家。海亮集团营业收入突破2000亿元。新增高新技术企业21家: a company
                # named among its region's figures has only its own sentence; so has any
                # firm or park a bulletin names (中国轻纺城成交额…。全年社会消费品零售总额…)
                carry["subject"] = None
        if plans and not plans[max(plans)][0] and carry["target"][0]:
            # 二、发展目标 / 到2025年，…。 / 建成5G基站…: the section's plan is for the year
            # its first targets name
            plans = {**plans, max(plans): (*carry["target"][:2], self.section_plan.id)}
        # a company or park the paragraph names only after its region's figures (全市进出口
        # 总额…；自贸区片区新增企业…), or after all of them (…。之江实验室建设加快推进。), was
        # named in passing: the next paragraph is not about it
        if not later or (later[0][1] != later[-1][1] and later[-1][1] in ctx.organisations):
            return drafts, rejections, None, plans
        k, pos = max((k, s[0]) for k, c in enumerate(contexts) for s in c["subjects"])
        before, after = _figures_around(contexts, k, pos)
        if later[-1][1] in ctx.companies:
            in_passing = _named_after_figures(contexts, later[-1][1])
        else:  # …瓯海经济开发区完成工业投资42.6亿元。 / 完成老旧小区改造46个: the district's again
            in_passing = (before and not after) or (first_in_passing and later[0][1] == later[-1][1])
        return drafts, rejections, None if in_passing else later[-1], plans

    @staticmethod
    def _in_passing(contexts: list[dict], ctx: DocContext, texts: list[str]) -> bool:
        """Is the first name a paragraph gives named in passing, not the subject of the figures
        before it? A company is; so is a division of the main subject with figures of its own
        after it (全年接待游客…。赤水市接待游客…: the whole region's come first), or with none
        after it in the paragraph (…新增企业126家。安源区获评示范基地。). A division the
        paragraph goes on about in later sentences is what a feature's lede is about. A park named
        after figures is named in passing when a figure of its own follows in its clause
        (…新增高新技术企业512家。昆山开发区实现规上工业总产值4216亿元); one whose 成绩单 the
        figures were is not, unless the government gave them in its own voice (我们…). A name an
        anaphor gives (该园区) points back at what the paragraph is about."""
        k, (pos, name, rule) = next((k, s) for k, c in enumerate(contexts) for s in c["subjects"])
        if rule == "subject.anaphora":
            return False
        if name in ctx.companies or ctx.bulletin and name in ctx.organisations:
            return True  # a bulletin is about its region: a firm or park it names, in passing
        own = [q.start for q in contexts[k]["quantities"] if q.start > pos]
        if name in ctx.organisations:
            clause_end = min((s for s in contexts[k]["clause_starts"] if s > pos), default=None)
            before = _named_after_figures(contexts, name)
            # 五年来，我们坚持创新驱动，…从426家增加到2311家。金义新区获批设立: figures the
            # government gives in its own voice are its region's
            spoken = any(_WE.match(t) for t in texts[: k + 1])
            return before and (spoken or bool(own) and (clause_end is None or own[0] < clause_end))
        if not ctx.within_main_subject(name):
            return False
        return bool(own) or not any(c["quantities"] for c in contexts[k + 1 :])

    def _plans_after(self, sent: Sentence, found: list[tuple], plans: dict, ctx: DocContext) -> dict:
        """The plans open after ``sent``: a numbered heading closes the sections of its rank and
        below, and opens a plan of its own when it announces one (二、2024年主要目标任务), for
        the year it names unless that year is gone."""
        rank = _heading_rank(sent.text)
        if rank is None:
            return plans
        closed = plans.get(rank)
        plans = {r: p for r, p in plans.items() if r < rank}
        if self.section_plan.pattern.search(sent.text) or ctx.looks_back and self.work_report_plan.search(sent.text):
            periods = resolve_periods(found, self.rules, ctx.doc_year, sent.start)
            if not periods:
                # 二、2024年计划草案 / 三、主要任务: a plan's next section goes on for its year
                plans[rank] = (*closed[:2], self.section_plan.id) if closed else ("", "", self.section_plan.id)
            elif not _year_before(periods[0].period, ctx.doc_year, inclusive=False):
                plans[rank] = (periods[0].period, periods[0].text, self.section_plan.id)
        return plans

    def _history_after(self, sent: Sentence, found: list[tuple], history: dict, ctx: DocContext) -> dict:
        """The sections open after ``sent`` that look back on years gone by: a numbered heading
        closes those of its rank and below, and opens one when it names such years and no plan
        (一、过去五年工作回顾; not 二、2024年主要目标任务)."""
        rank = _heading_rank(sent.text)
        if rank is None:
            return history
        history = {r: p for r, p in history.items() if r < rank}
        latest = ctx.results_year or ctx.doc_year
        if latest and not self.section_plan.pattern.search(sent.text) and not self.status_rules[0].pattern.search(sent.text):
            periods = [p for p in resolve_periods(found, self.rules, ctx.doc_year, sent.start) if _YEAR_RANGE.fullmatch(p.period) or p.period.isdigit()]
            if periods and int(periods[-1].period[-4:]) <= latest:
                history[rank] = periods[-1]
        return history

    def _list_plan(self, sent: Sentence, found: list[tuple], plans: dict, ctx: DocContext) -> dict:
        """到2025年，全市工业发展的主要目标是：/（1）…达到800亿元；: a sentence that announces a
        list of targets for a year opens a plan for that year, closed by the next heading."""
        if not sent.text.rstrip().endswith(("：", ":")):
            return plans
        if not (self.status_rules[0].pattern.search(sent.text) or self.list_cue.search(sent.text)):
            return plans
        periods = [p for p in resolve_periods(found, self.rules, ctx.doc_year, sent.start) if p.period != "-"]
        if not periods or _year_before(periods[-1].period, ctx.doc_year, inclusive=False):
            return plans
        return {**plans, _LIST_PLAN_RANK: (periods[-1].period, periods[-1].text, self.section_plan.id)}

    def _may_name_subject(self, sent: Sentence, ctx: DocContext) -> bool:
        """False when the sentence holds no name and no anaphor, so that no clause of it can
        have a subject: its full context need not be built."""
        lo, hi = _entity_range(sent, ctx)
        return lo < hi or self.any_anaphor.search(sent.text) is not None

    def _sentence_context(self, sent: Sentence, ctx: DocContext, periods: list[PeriodMention], quantities: list[Quantity]) -> dict:
        text = sent.text
        lo, hi = _entity_range(sent, ctx)
        ents = [
            Candidate(c.start - sent.start, c.end - sent.start, c.type, c.canonical, c.rule_id, c.code, c.parent)
            for c in ctx.entities[lo:hi]
            if c.end <= sent.end
        ]
        clause_starts = _clause_starts(text)
        subjects = self._clause_subjects(text, sent.start, clause_starts, periods, ents, ctx)
        return {"periods": periods, "quantities": quantities, "ents": ents, "clause_starts": clause_starts, "subjects": subjects}

    def _sentence_facts(self, sent, c, ctx, carry, fallback) -> tuple[list[FactDraft], list[Rejection]]:
        text = sent.text
        periods = c["periods"]
        rejections: list[Rejection] = []
        kept = []
        for q in c["quantities"]:  # 前8个月: the 8个 is part of a time phrase
            p = next((p for p in periods if p.start < q.end and q.start < p.end), None)
            if p is None:
                kept.append(q)
            else:
                rejections.append(Rejection(q.start + sent.start, q.end + sent.start, text[q.start : q.end], p.rule_id, "part of a time phrase"))
        drafts: list[FactDraft] = []
        for q in kept:
            drafts.extend(self._attribute(q, text, sent, ctx, periods, c["ents"], c["subjects"], c["clause_starts"], drafts, carry, fallback))
        if c["subjects"]:
            carry["subject"] = c["subjects"][-1][1:]
        if measured := [d.metric for d in drafts if d.kind != "rank" and d.metric]:
            carry["metric"] = measured[-1]
        # a plan goes on after a target cue or a year in the sentence's first clause or set before
        # it, not after a year in passing (…距离2025年2.9%的目标仍有差距。城镇化率达到71.4%)
        first_clause_end = c["clause_starts"][1] if len(c["clause_starts"]) > 1 else len(text)
        opening = {p.period for p in periods if p.start < first_clause_end}
        if carry.get("part_of_year"):  # 至2025年，构建形成…体系。“3”即打造…3个…: the scene set before
            opening.add(carry["part_of_year"].period)
        planned = [
            d
            for d in drafts
            if d.status == "target" and d.period and ("status.future_period" not in d.rules_fired or d.period in opening)
        ]
        if planned:
            # …年均增长8%左右。战略性新兴产业产值占比达到45%: the plan goes on for its year, not
            # for the years an average runs over
            goal = planned[-1].period[-4:] if planned[-1].kind == "change" and _YEAR_RANGE.fullmatch(planned[-1].period) else planned[-1].period
            carry["target"] = (goal, planned[-1].period_text, "status.paragraph_target")
        stated = [p for p in periods if not _compared_with(text, p)]  # 增速比1—9月份加快: a base
        if stated:
            # 今年一季度 goes on for the paragraph until another time is named; so does the time
            # of a sentence that only sets the scene (过去一年，全市经济运行稳中有进。); a full
            # year stated beside figures does not
            held = last = carry.get("part_of_year")
            for p in stated:  # 前三季度…，其中9月当月…: a month inside the months before goes on with them
                if last is None or not _within(p.period, last.period):
                    last = p
            if last is not held:
                carry["part_of_year"] = last if _MONTHS.match(last.period) or last.rule_id in self.part_of_year or not drafts else None
            if carry.get("part_of_year") is None and not carry.get("sentences") and self._opens_paragraph(text, stated[0], drafts, ctx):
                carry["part_of_year"] = stated[0]
        carry["sentences"] = carry.get("sentences", 0) + 1
        return drafts, rejections

    def _opens_sentence(self, text: str, start: int) -> bool:
        """Does ``start`` open the sentence, but for the words that say where it comes from
        (统计显示，2023年…)?"""
        if not text[:start].strip():
            return True
        lead = self._skip_openers(text, 0, [])
        return lead <= start and not text[lead:start].strip()

    def _opens_paragraph(self, text: str, opening: PeriodMention, drafts: list[FactDraft], ctx: DocContext) -> bool:
        """2022年，长兴县实现…。规上工业增加值增长8.1%。: does the year that opens the paragraph's
        first sentence go on in the paragraph? Not a plan's (it goes on as its plan), not a
        year of history (1984年，…起步), not the document's own when a headline names a finer
        part of it (一季度)."""
        # 五年来，…由A增加到B。C从…增加到…: years up to the document's go on as a full year does
        years = opening.period.isdigit() and opening.rule_id == self.year_rule or _YEAR_RANGE.fullmatch(opening.period)
        return (
            self._opens_sentence(text, opening.start)
            and bool(years)
            and all(d.status == "actual" for d in drafts)
            and not (ctx.doc_year and ctx.doc_year - int(opening.period[-4:]) > HISTORY_YEARS)
            and not (ctx.headline_period is not None and opening.period == str(ctx.doc_year))
        )

    def _clause_subjects(self, text, offset, clause_starts, periods, ents, ctx) -> list[tuple[int, str, str]]:
        """(position, subject, rule) for every clause that opens with a name or an anaphor:
        the grammatical subject stands first (镇海规上工业总产值…, “甬江芯谷”将…, 全区…);
        a name further in (位于镇海的, 与慈溪合作) is not what the numbers are about."""
        out = []
        for cs in clause_starts:
            pos = _past_inside(text, self._skip_openers(text, cs, periods), ents)
            ent = next((e for e in ents if e.start == pos and e.type in _SUBJECT_TYPES), None)
            if ent is not None and ent.canonical == "中国" and ctx.main_subject not in ("", "中国"):
                continue  # 中国轻纺城市场群成交额… in a district's bulletin: a name's first word, or a scope
            if ent is not None:
                ent = _innermost(ents, ent)
                renamed = _RENAMED.match(text, ent.end)
                if renamed:  # X更名为Y: the numbers are about what it is called now
                    ent = next((e for e in ents if e.start == renamed.end() and e.type in _SUBJECT_TYPES), ent)
                out.append((pos, ent.canonical, "subject.entity"))
                continue
            gov = next((e for e in ents if e.start == pos and e.type == "GOV"), None)
            region = self._gov_region(gov.canonical, offset + pos, ctx) if gov is not None else ""
            if region:  # 市服务业发展局将…，力争…: a government body speaks for its region
                out.append((pos, region, "subject.gov_body"))
                continue
            m = self.rules.word_starting("anaphora", text, pos)
            if m:
                resolved = self._resolve_anaphor(m.group(), offset + pos, ctx)
                if resolved == "中国" and ctx.main_subject and ctx.main_subject != "中国":
                    continue  # 全国 in a regional report is a scope (全国第六), not the subject
                if resolved:
                    out.append((pos, resolved, "subject.anaphora"))
        return out

    def _gov_region(self, name: str, pos: int, ctx: DocContext) -> str:
        """The region a government body belongs to: the place its name opens with (镇海区经信局),
        or, for 市发改委 and 区委, the city or district the document is about."""
        place = ctx.gazetteer.place_at_start(name)
        if place is not None:
            return place.name
        level = "全" + name[:1]
        return self._resolve_anaphor(level, pos, ctx) if level in self.anaphora else ""

    def _skip_openers(self, text: str, pos: int, periods: list[PeriodMention]) -> int:
        changed = True
        while changed:
            changed = False
            for p in periods:
                if p.start == pos:
                    pos, changed = p.end, True
            marker = LIST_MARKER.match(text, pos)  # a heading's number: （一）宁海经济开发区
            if marker:
                pos, changed = marker.end(), True
            while pos < len(text) and text[pos] in "“”‘’\"'（(《 ，,":
                pos, changed = pos + 1, True
            m = self.rules.word_starting("clause_openers", text, pos)
            if m:
                pos, changed = m.end(), True
        return pos

    def _attribute(self, q, text, sent, ctx, periods, ents, subjects, clause_starts, previous, carry, fallback) -> list[FactDraft]:
        """The fact of one quantity; more than one when the number belongs to several metrics
        (增速均居全市第一 after two growth rates, 双双突破)."""
        fired = [q.rule_id]
        also: list[str] = []
        cstart = clause = max(s for s in clause_starts if s <= q.start)
        listed = None  # the number before this one in a list of numbers
        for d in previous:  # 百亿企业1家、五十亿企业3家, 72350元和45120元: the item starts after the last number
            end = d.end - sent.start
            if cstart <= end < q.start and _LIST_SEPARATOR.match(text, end):
                cstart, listed = end + 1, d
        prefix_end = q.start
        qual = self.rules.word_ending("pre_qualifiers", text, q.start, cstart)
        if qual:
            prefix_end = qual.start()
        prefix = text[cstart:prefix_end]

        kind, sign = self._kind(q, prefix, fired)
        if listed is not None and not prefix.strip() and q.kind_hint in ("share", "change") and listed.kind in ("share", "change"):
            # 分别增长4.6%和6.2%: the second rate is what the first is
            kind, sign = listed.kind, (-1 if listed.quantity.value_std < 0 else 1)
        q = with_sign(q, sign)
        status = self._status(q, text, clause_starts, periods, fired, ctx.doc_year)
        period, period_text = self._period(q, text, periods, status, ctx, carry, fired, clause)
        if kind == "change":
            if status == "actual" and (years := _from_to_years(text, periods, q.start)):
                period, period_text = years  # 由2018年的…增加到2023年的…，年均增长6.3%: the years between
                fired.append("period.from_to")
            elif _YEAR_RANGE.fullmatch(period) and _TIMES_OF.search(text, max(0, q.start - 16), q.start):
                period = period[-4:]  # 五年来…，是五年前的4.7倍: the last year set against the first
        else:
            period = self._one_year_of(period, kind, text, q.start)
        if kind != "change" and status == "actual" and ctx.results_year and self._reached_since(text, periods, q.start):
            period, period_text = str(ctx.results_year), ""  # 由2010年的54%提高到70%: the level of now
            fired.append(self.present_rule.id)
        if status == "actual" and ctx.doc_year and _still_to_come(period, [p.period for p in periods if p.end <= q.start], ctx.doc_year):
            status = "target"
            fired.append("status.future_period")
        elif (
            status == "actual"
            and carry.get("target")
            and "status.actual" not in fired
            and all(p.period == "-" or p.text in _WHOLE_YEAR for p in periods if p.end <= q.start)
            and not self.done_words.search(text, 0, q.start)
        ):
            # 到2025年，A达到…。B突破…。: the sentences after a target that name no time of their
            # own (每年 is none: a yearly amount of the plan, of no one year; 全年 is the plan's
            # year) and no cue of what has happened go on with its plan
            status = "target"
            if all(p.text in _WHOLE_YEAR for p in periods if p.end <= q.start):
                period, period_text = carry["target"][:2]
                if kind != "change":  # ——研发经费支出占…比重达到3.6% under “十四五”主要目标: of 2025
                    period = self._one_year_of(period, kind, text, q.start)
            fired.append(carry["target"][2])

        subject = ""
        before = [s for s in subjects if s[0] < q.start]
        if before:
            subject = before[-1][1]
            fired.append(before[-1][2])
        elif carry.get("subject"):
            subject = carry["subject"][0]
            fired.append("subject.paragraph")
        elif fallback:
            subject = fallback[0]
            fired.append(fallback[1])
        else:
            subject = ctx.main_subject
            if subject:
                fired.append("subject.document")

        metric_start = opened = _past_inside(text, self._skip_openers(text, cstart, periods), ents)
        lead = next((e for e in ents if e.start == metric_start and e.type in _SUBJECT_TYPES + ("GOV",)), None)
        if lead is not None:
            metric_start = _innermost(ents, lead).end
        elif (
            (anaphor := self.rules.word_starting("anaphora", text, metric_start))
            and any(s[0] == metric_start for s in subjects)
            and self.anaphora[anaphor.group()] != "document"  # 全社会固定资产投资 is the indicator's name
        ):
            metric_start = anaphor.end()  # 全区…; an anaphor that refers to nothing (其中企业…) is a word of the metric
        # 由698亿元增加到1056亿元: the words before an earlier number of the clause are its metric
        after_previous = max((d.end - sent.start for d in previous if cstart < d.end - sent.start <= prefix_end), default=cstart)
        if after_previous > cstart and (post := self.rules.word_starting("post_qualifiers", text, after_previous)):
            after_previous = min(post.end(), prefix_end)  # 20个左右、…: the qualifier is the earlier number's
        metric_src = _without_periods(text, max(metric_start, after_previous), prefix_end, periods)
        from_previous = next(filter(None, (self._measured_by(p, q) for p in reversed(previous))), "")
        if kind == "rank":
            rank_src = _after_periods(text[metric_start:prefix_end], metric_start, periods)  # after its subject
            # a clause that names its subject ranks that subject's: no looking back for a base
            metric = self._rank_metric(rank_src, text, cstart if metric_start == opened else 0, periods, previous)
            if metric:
                fired.append("metric.rank")
            each = self._rank_items(rank_src, metric, previous)
            if each:
                fired.append("metric.rank_each")
                metric, also = each[0], each[1:]
        else:
            metric = self._clean_metric(metric_src)
            after = self._metric_after(text, q.end)
            total = self._total_of(metric_src, previous)
            # a number before its noun measures that noun; before a verb (投资20亿元建设工厂)
            # the noun is what the amount is for, and the words before it say what it measures.
            # A count's noun is what is counted, whatever its first word (新建5个旅游度假区)
            if after and not (metric and kind != "count" and self._words(after)[0][1] == "vn"):
                # 19个行政村集体经济总收入达到…: a count is of the thing (行政村), not of its measure
                metric = self._words(after)[0][0] if kind == "count" and self._measured_thing(after) else after
                fired.append("metric.after_number")
            elif total:
                metric = total
                fired.append("metric.total_of_previous")
            elif metric:
                if kind == "share":
                    metric = _IN_B_SHARE.sub(r"占\1", metric)  # A在B中 → A占B
                    if (ref := self.bare_reference.fullmatch(metric)) and previous:
                        metric = "占" + ref.group(1)  # 742.6亿元，为预算的102.3%: of the figure before
                        fired.append("metric.share_of_previous")
                    if previous and (said := self.share_of_previous.match(metric)) and metric[said.end() :].startswith("占"):
                        metric = metric[said.end() :]  # 总量占全省的42.6%: the figure just given's share
                    if metric.startswith("占") and previous:
                        # …215家、…168家，分别完成年度目标的107.5%、112%: the i-th figure's, else the last one's
                        metric = (self._respectively_previous(text, clause, q, sent.start, previous) or previous[-1].metric) + metric
                fired.append("metric.before_number")
            elif previous:
                # 同比增长7% after 地区生产总值…; 最终完成722家 after 计划实施…400家
                metric = self._respectively_previous(text, clause, q, sent.start, previous)
                if metric:
                    fired.append("metric.distributive")
                    if kind == "share" and listed is not None and listed.kind == "share" and (of := listed.metric.rfind("占")) > 0:
                        metric += listed.metric[of:]  # …分别完成年度目标的107.5%、112%: the same whole
                elif metric := from_previous:
                    fired.append("metric.growth_of_previous")
        if metric in self.measure_words and previous and (whose := self._measured_thing(previous[-1].metric)):
            # 茶叶产量8.1万吨、产值71.2亿元: the second measure is of the thing the first named
            metric = whose + metric
            fired.append("metric.measure_of_previous")
        if metric in self.bare_change_words and previous and previous[-1].kind in ("level", "count") and previous[-1].quantity.unit_std == q.unit_std:
            # 装机规模达到1820万千瓦，新增1120万千瓦: what the level before grew by
            metric, kind = previous[-1].metric, "change"
            fired.append("metric.growth_of_previous")
        if metric.removeprefix("所占") in self.bare_share_words and previous:
            share = next((p.metric for p in reversed(previous) if p.kind == "share"), "")
            if share:  # 占全市的53.6%，比重较去年同期提升2.7个百分点: the share just named
                metric = share
                fired.append("metric.share_of_previous")
            elif previous[-1].kind in ("level", "count"):  # 出口1186.7亿元，所占比重为49.6%: its share
                metric = previous[-1].metric + metric
                fired.append("metric.share_of_previous")
        # 越城区、上虞区分别增长8.2%和7.6%: a list of names alone measures what was measured last
        measured = from_previous or carry.get("metric", "")
        if kind in ("level", "count") and measured and (base := self._comparison_base(text, cstart, q)):
            metric = measured
            fired.append("metric.comparison_base")
            period, period_text = self._base_period(base.group(), period, period_text)
        metric, listed_subject = self._distribute(metric, text, clause, q, fired, ents, measured)
        subject = listed_subject or subject
        also_subjects: list[str] = []
        both = self._both(metric, text, clause, q)
        if named := self._each_named(text, clause, q, ents):
            # 象屿、建发、国贸三家企业营业收入均超过4000亿元: one number, a fact for each name
            fired.append("subject.each_named")
            (subject, *also_subjects), metric = named
        elif both:  # 存款余额和贷款余额双双突破2000亿元: one number, a fact for each
            fired.append("metric.each")
            metric, also = both[0], both[1:]
        elif items := self._each_item(metric):  # 千亿级、五百亿级规模企业各1家
            fired.append("metric.each_item")
            metric, also = items[0], items[1:]
        if kind == "level" and metric.endswith(_BALANCE) and _MONTH_END_OF.search(period_text) and _MONTHS.fullmatch(period[-7:]):
            period = period[-7:]  # 截至5月末，贷款余额…: a balance at the month's end, not the months before
        draft = FactDraft(
            sent.start + q.start,
            sent.start + q.end,
            q,
            subject,
            metric,
            self.metric_key(metric),
            kind,
            status,
            period,
            period_text,
            sent.text.strip(),
            fired,
        )
        return [draft] + [replace(draft, metric=m, metric_key=self.metric_key(m)) for m in also] + [replace(draft, subject=x) for x in also_subjects]

    def _each_named(self, text: str, clause: int, q: Quantity, ents: list[Candidate]) -> tuple[list[str], str] | None:
        """(names, metric) when the clause opens with a list of two or more places, firms or
        parks and says the one number holds for each (均, 都, 双双): 温州、台州两市地区生产总值均
        增长6%; the metric is the words between the last name and the cue, less the list's count."""
        cue = _EACH_CUE_END.search(text, clause, q.start)
        if not cue:
            return None
        pos = clause + len(text[clause : cue.start()]) - len(text[clause : cue.start()].lstrip("，,；; "))
        names: list[Candidate] = []
        for e in ents:
            if e.start < pos or e.end > cue.start():
                continue
            if e.start != pos or e.type not in _SUBJECT_TYPES:
                break
            names.append(e)
            pos = e.end + 1 if _LIST_SEPARATOR.match(text, e.end) else -1
        if len(names) < 2:
            return None
        rest = text[names[-1].end : cue.start()]
        metric = self._clean_metric(rest[m.end() :] if (m := _NAMED_COUNT.match(rest)) else rest)
        return ([e.canonical for e in names], metric) if metric else None

    def _comparison_base(self, text: str, cstart: int, q: Quantity):
        """与2010年的5968838人相比: the phrase that makes the number the earlier figure the one
        before is compared with (a match), or None."""
        m = self.base_before.search(text, cstart, q.start)
        return m if m is not None and self.base_after.match(text, q.end) else None

    @staticmethod
    def _base_period(phrase: str, period: str, period_text: str) -> tuple[str, str]:
        """The year of a base compared with: the one the phrase names (与2010年的…), or the
        year before the figure's (比上年的…); else the figure's own."""
        if year := _BASE_YEAR.search(phrase):
            before = str(int(period) - 1) if period.isdigit() else ""
            return (year.group(1) or before), year.group()
        return period, period_text

    def _measured_by(self, earlier: FactDraft, q: Quantity) -> str:
        """The metric a figure with none of its own takes from the figure ``earlier``: from a
        rank, places moved (较上年上升3位) or the amount ranked (…居全省首位，达到5632家); from a
        figure's share of its budget or target, unless in 个百分点, the figure's (为预算的102.3%，
        增长8.1%: the growth is of the revenue)."""
        if earlier.kind == "rank":
            if q.unit in _RANK_STEPS:
                return earlier.metric
            # 高新技术企业数量居全省首位，达到5632家: the amount of what is ranked
            return _ranked(earlier.metric) if q.kind_hint in ("level", "count") else ""
        if earlier.kind == "share" and q.unit != "个百分点":
            return self.of_reference.sub("", earlier.metric)
        return earlier.metric

    def _total_of(self, src: str, previous: list[FactDraft]) -> str:
        """新增…企业11家，总数达到44家: a bare 总数 (累计, 总量) after an increment is the total of
        the things the increment added to; empty otherwise."""
        if not previous or previous[-1].kind != "count" or not any(w in src for w in self.bare_total_words):
            return ""
        words = [w for w, _ in self._words(src.replace(" ", "")) if w not in "，、,；;"]
        if not words or words[0] not in self.bare_total_words or not all(w in self.trailing for w in words[1:]):
            return ""
        counted = _strip_words(previous[-1].metric, self.increment_words, [])
        return counted + "总数" if counted != previous[-1].metric else ""

    def _both(self, metric: str, text: str, clause: int, q: Quantity) -> list[str]:
        if not _EACH_CUE_END.search(text, clause, q.start):
            return []
        m = _TWO_BEFORE_EACH.match(metric + "均") if _CONJUNCTION.search(metric) else None
        if not m:
            return []
        first, second = self._clean_metric(m.group(1)), self._clean_metric(m.group(2))
        return [first, second] if first and second else []

    def _each_item(self, metric: str) -> list[str]:
        """培育千亿级、五百亿级规模企业各 → 千亿级规模企业, 五百亿级规模企业: a list before 各
        (each), an item short of the last one's head word taking it. Empty when not a list."""
        if not metric.endswith("各") or "、" not in metric:
            return []
        cleaned = [self._clean_metric(x) for x in _with_last_head([x for x in metric[:-1].split("、") if x])]
        return cleaned if all(cleaned) and len(cleaned) > 1 else []

    @staticmethod
    def _respectively_previous(text: str, cstart: int, q: Quantity, offset: int, previous: list[FactDraft]) -> str:
        """…分别达到48720元、25630元，分别增长4.8%和6.9%: a clause of 分别 and no metric gives its
        i-th number the metric of the i-th number the list before it was paired with."""
        clause = text[cstart : q.start].lstrip("，,；; ")
        if not clause.startswith(("分别", "各自")):
            return ""
        before = [p for p in previous if p.start - offset < cstart]
        paired = list(takewhile(lambda p: "metric.distributive" in p.rules_fired, reversed(before)))[::-1]
        index = len(_LIST_SEPARATOR.findall(clause))
        if not paired:
            # 接待游客4500万人次，实现旅游收入520亿元，分别恢复到2019年的105%和98%: as many
            # numbers as there were figures of different metrics before them, one for each
            rest = text[q.end :]
            clause_end = min((i for i in (rest.find(c) for c in "，；。") if i >= 0), default=len(rest))
            count = index + 1 + len(_LIST_SEPARATOR.findall(rest, 0, clause_end))
            last = before[-count:]
            paired = last if len(last) == count and len({p.metric for p in last}) == count else []
        return paired[index].metric if index < len(paired) else ""

    def _distribute(self, metric: str, text: str, cstart: int, q: Quantity, fired: list[str], ents: list[Candidate], measured: str) -> tuple[str, str]:
        """(metric, subject) of the i-th number of a list paired by 分别: 高新技术企业、科技型中小
        企业分别增加100家、200家 → the i-th item is its metric; 温岭市、玉环市地区生产总值分别达到…
        → the i-th name is its subject, the words after the last name the metric (``measured``,
        what was measured last, when there are none). The subject is empty when the list is not
        one of names."""
        clause = text[cstart : q.start]
        if "分别" not in clause and "各自" not in clause:
            return metric, ""  # the common case, without the lazy list pattern's backtracking
        m = _RESPECTIVELY.search(clause)
        if not m:
            return self._paired_word(metric, clause, fired), ""
        index = len(_LIST_SEPARATOR.findall(clause, m.end()))  # 分别为320亿元、180亿元 or 2.1%和3.4%
        pieces = [(cstart + m.start(1) + x.start(), x.group()) for x in _LIST_ITEM.finditer(m.group(1))]
        if len(pieces) < 2 or index >= len(pieces):
            return metric, ""
        fired.append("metric.distributive")
        names = [next((e for e in ents if e.start == start and e.type in _SUBJECT_TYPES), None) for start, _ in pieces]
        if all(names) and all(e.end - e.start == len(piece) for e, (_, piece) in zip(names[:-1], pieces)):
            last_start, last = pieces[-1]
            return self._clean_metric(text[names[-1].end : last_start + len(last)]) or measured or metric, names[index].canonical
        items = _with_last_head([piece for _, piece in pieces], parallel=True, heads=self.list_heads, pairs=self.paired_parts)
        partner = _TRADE_PARTNER.match(items[0])
        if partner:
            # (我省)对东盟、欧盟、美国分别进出口…: trade with each partner, named by the words after 分别
            after = self._clean_metric(_UP_TO_NUMBER.match(clause, m.end()).group())
            items = [("" if x.startswith("对") else "对") + x + after for x in [items[0][partner.end() :], *items[1:]]]
        return self._clean_metric(items[index]) or metric, ""

    def _paired_word(self, metric: str, clause: str, fired: list[str]) -> str:
        """城乡居民人均可支配收入分别增长6.5%和8%: the i-th number is of the i-th part of the
        word that stands for two (table ``paired_words``)."""
        m = self.paired_before_respectively.search(clause)
        if not m:
            return metric
        index = len(_LIST_SEPARATOR.findall(clause, m.end()))
        parts = self.paired_words[m.group(1)]
        rest = self._clean_metric(m.group(2))
        if index >= len(parts) or not rest:
            return metric
        fired.append("metric.distributive")
        return parts[index] + rest

    # -- attributes -----------------------------------------------------------------------------
    def _kind(self, q: Quantity, prefix: str, fired: list[str]) -> tuple[str, int]:
        kind = q.kind_hint
        if kind in ("share", "change"):
            best = None
            for rule in self.kind_rules:
                for m in rule.finditer(prefix):
                    if best is None or m.end() >= best[0]:
                        best = (m.end(), rule)
            if best:
                kind = best[1].get("sets")["kind"]
                fired.append(best[1].id)
        elif kind in self.amount_change.get("applies_to") and self.amount_change.pattern.search(prefix):
            kind = self.amount_change.get("sets")["kind"]
            fired.append(self.amount_change.id)
        sign = 1
        growth = list(self.kind_rules[0].finditer(prefix))
        if kind != "rank" and growth and self.decrease.pattern.fullmatch(growth[-1].group()):
            sign = -1
            fired.append(self.decrease.id)
        return kind, sign

    def _status(self, q, text, clause_starts, periods, fired, doc_year) -> str:
        cue = None
        for rule in self.status_rules:
            for m in rule.finditer(text, 0, q.start):
                if _year_before(m.group(), doc_year, inclusive=False):
                    continue  # 恢复到2019年的95%: a year gone by is no goal
                if cue is None or m.end() > cue[0]:
                    cue = (m.end(), rule, m.start())
        if cue is None:
            return "actual"
        for s in clause_starts:
            if not cue[0] <= s <= q.start:
                continue
            clause = _after_periods(text[s : q.start], s, periods)
            m = self.actual.pattern.search(clause)
            if m and not _goes_on_with_plan(m, clause, text[cue[2] : s]):
                fired.append(self.actual.id)
                return "actual"
        fired.append(cue[1].id)
        return cue[1].get("sets")["status"]

    def _period(self, q, text, periods, status, ctx, carry, fired, clause: int = 0) -> tuple[str, str]:
        # 从2020年的3个增加到目前的27个，带货主播超过6000人: the year a level rose from dates
        # nothing after its own clause
        before = [p for p in periods if p.end <= q.start and not _compared_with(text, p) and not (p.start < clause and _rose_from(text, p))]
        if status == "actual":
            # 到2025年 fixes the year of targets, not of what has already happened; 截至2020年底
            # dates a stock, and 上升至2020年的 a figure of a year gone by
            before = [p for p in before if not p.text.startswith(("到", "至")) or text[p.start - 1 : p.start] == "截" or _year_before(p.period, ctx.doc_year, inclusive=True)] or before
        if not before and status == "actual" and ctx.doc_year and not ctx.looks_back and self.present.search(text, 0, q.start):
            fired.append(self.present_rule.id)  # 现有…96家 in news of March: now, not the year before
            return str(ctx.doc_year), ""
        if not before and carry.get("part_of_year") is not None:
            before = [carry["part_of_year"]]
        if not before:
            # the sentence names no time: what has happened is of the document's year (earlier
            # sentences' full years were tried too, and measured worse); a plan with no year
            # has none the text fixes
            if status != "actual":  # a plan's year, when the paragraph or section set one
                if carry.get("target"):
                    return tuple(carry["target"][:2])
                # 预计达到1650亿元 in a January report on the year just ended: that year's estimate
                looking_back = status == "forecast" and ctx.results_year and ctx.results_year != ctx.doc_year
                return (str(ctx.results_year), "") if looking_back else ("", "")
            if ctx.headline_period is not None:
                fired.append("period.headline")
                return ctx.headline_period.period, ctx.headline_period.text
            return (str(ctx.results_year) if ctx.results_year else ""), ""
        if status == "actual" and ctx.results_year and self.reached_now.search(text, max(0, q.start - 8), q.start):
            fired.append(self.present_rule.id)  # 从2020年的3个增加到目前的27个: the level of now
            return str(ctx.results_year), ""
        p = before[-1]
        fired.append(p.rule_id)
        if status in ("actual", "forecast") and ctx.results_year != ctx.doc_year:
            if p.text in _WHOLE_YEAR:
                return str(ctx.results_year), p.text  # 全年, 预计全年 in a January work report: last year
            first, _, last = p.period.partition("..")
            if last == str(ctx.doc_year) and first < last:
                return f"{first}..{ctx.results_year}", p.text  # 五年来 in January: up to last year
        return ("" if p.period == "-" else p.period), p.text

    def _reached_since(self, text: str, periods, start: int) -> bool:
        """由2010年的54%提高到70%以上: a level reached, the last time named before it being the
        year it rose from."""
        before = [p for p in periods if p.end <= start]
        return bool(before) and _rose_from(text, before[-1]) and bool(self.reached.search(text, before[-1].end, start))

    def _one_year_of(self, period: str, kind: str, text: str, start: int) -> str:
        """The one year of a span of years a share, rank or level is of: 五年来…，居全省第二 or
        a share is of the last (not a share of what was added up over the years, 累计完成投资…，
        特色占比为69.46%); a level, as _level_year says."""
        if kind in ("share", "rank") and _YEAR_RANGE.fullmatch(period) and "累计" not in text[:start]:
            return period[-4:]
        return self._level_year(period, text, start)

    def _level_year(self, period: str, text: str, start: int) -> str:
        """过去五年，A由698亿元增加到1056亿元: over years (2019..2023), the level reached is the
        last year's and the level it rose from the year before the first."""
        if not _YEAR_RANGE.fullmatch(period):
            return period
        if self.reached.search(text, max(0, start - 24), start):
            return period[-4:]
        if _RISEN_FROM.search(text, max(0, start - 2), start):
            return str(int(period[:4]) - 1)
        return period

    # -- metrics --------------------------------------------------------------------------------
    def _words(self, text: str) -> list[tuple[str, str]]:
        return self.seg.tag(text)

    def _clean_metric(self, src: str) -> str:
        """Drop the function words a clause puts around its metric (word by word, so that
        有序推进 keeps its 有), and brackets and quotes left open at either end."""
        src = _AVERAGE_RATE.sub("", _COMPARED_WITH.sub("", src.replace(" ", "")))
        if "）" in src or ")" in src:  # 华康药业（股票代码：605077）首发募资: a code in brackets measures nothing
            src = _CODE_NOTE.sub("", src)
        if "连续" in src:  # 连续七年稳定在250亿斤以上: a streak says how long, not what
            src = _YEARS_RUNNING.sub("", src)
        if "简称" in src:  # （以下简称“航空港区”） names, it does not measure
            src = self.declaration.sub("", src)
        tagged = self._words(src)
        while tagged and len(tagged) > 1 and tagged[0][1] == "d":
            tagged.pop(0)  # an adverb opens no metric (有序推进 → 推进)
        while tagged:
            if tagged[0][0] in self.leading or tagged[0][0] in "，、,“”\"（()）":
                tagged.pop(0)
            elif len(tagged) > 2 and tagged[0][1].startswith("v") and (tagged[1][0] in ("了", "过") or tagged[1][1] == "r"):
                # 聚集了各类纺织服装企业, 集聚各类研发机构: what was done opens the clause, not the metric
                del tagged[:1 if tagged[1][1] == "r" else 2]
            elif len(tagged) > 1 and (
                tagged[0][1] == "r" or tagged[0][1] == "t" and tagged[0][0] not in self.time_words or tagged[0][1] == "m" and _ONE_OF.fullmatch(tagged[0][0])
            ):
                tagged.pop(0)  # 各类, 这个, 五年, 一座: a determiner, a time or "a" measures nothing
            else:
                break
        while tagged and (tagged[-1][0] in self.trailing or tagged[-1][0] in "，、,“”\"（("):
            tagged.pop()
        if len(tagged) > 1 and tagged[-1][0] == "目标" and not self.of_reference.search("占" + tagged[-2][0] + "目标"):
            tagged.pop()  # 地区生产总值目标增长7%: the aim is the plan's, not part of what it measures (年度目标 stays)
        if tagged:
            tagged[-1] = self._without_change_verb(*tagged[-1])
        # 规模以上工业企业实现营业收入: the verb between who (a noun) and what is measured goes;
        # after 可 or 将 it is part of the phrase
        words = [
            w
            for i, (w, _) in enumerate(tagged)
            if not (0 < i < len(tagged) - 1 and w in self.inner_verbs and tagged[i - 1][1][:1] in ("n", "x", "j"))
        ]
        metric = _balance("".join(words))
        return metric if _NAME_CHAR.search(metric) and not _DURATION.fullmatch(metric) else ""

    def _without_change_verb(self, word: str, flag: str) -> tuple[str, str]:
        """价格下降, 成本上升, 价格比: jieba's dictionary keeps a few nouns with the change verb
        after them as one word; the verb is no part of the metric (价格)."""
        m = self.rules.word_ending("metric_trailing_words", word, len(word), 2)
        if m is None or m.start() < 2:
            return word, flag
        head = self._words(word[: m.start()])
        return (head[0][0], head[0][1]) if len(head) == 1 and head[0][1].startswith("n") else (word, flag)

    def _measured_thing(self, metric: str) -> str:
        """What a metric measures, less its measure word (茶叶产量 → 茶叶), or ''."""
        m = self.measure_ending.search(metric)
        return metric[: m.start()] if m and m.start() >= 2 else ""

    def _metric_after(self, text: str, end: int) -> str:
        """The noun phrase right after a number (27万平方米周边楼宇联动区, 8条精品线路)."""
        qual = self.rules.word_starting("post_qualifiers", text, end)
        if qual:
            end = qual.end()
        if text.startswith(("为", "是"), end):
            end += 1  # 其中7家为国家级单项冠军企业
        elif note := _NOTE.match(text, end):
            end = note.end()  # 派发现金红利2.5元（含税）: a note on the figure, not what it counts
        m = _NOUN_AFTER.match(text, end)
        if not m or self.after_stop.match(m.group().lstrip("“”\"（）()")):
            return ""
        tagged = self._words(m.group())
        words = []
        for i, (word, flag) in enumerate(tagged):
            if flag.startswith(("p", "c", "u", "r")) or (flag.startswith("d") and not words):
                break
            if flag == "vn" and i + 1 < len(tagged) and tagged[i + 1][0] in ("到", "至"):
                break  # 从40家发展到160家: a verb that reaches, not a noun counted
            if flag.startswith("v") and flag != "vn":
                # a verb ends the phrase, unless it qualifies the noun after it (知名高校)
                following = tagged[i + 1][1] if i + 1 < len(tagged) else ""
                if words or not following.startswith("n"):
                    break
            words.append(word)
        if not words:
            return ""
        metric = _balance("".join(words))
        return metric if len(metric) >= 2 else ""

    def _rank_items(self, src: str, metric: str, previous) -> list[str]:
        """One rank, several things ranked: 增速均居全市第一 after two growth rates, or
        亩均产出、税收进入全省前十. Returns a metric per thing (empty when only one)."""
        cue = None
        for m in self.rank_cue.finditer(src):
            cue = m
        if cue is None or not metric.endswith("排名"):
            return []
        base, scope = src[: cue.start()], src[cue.end() :].strip("，、,")
        if "、" in base and "、" not in scope:
            items = [self._clean_metric(x) for x in base.split("、")]
            if all(items):
                # 亩均产出、税收: a bare item shares the first one's head (亩均税收)
                head = _PER_HEAD.match(items[0])
                items = [(head.group(1) + x if head and not x.startswith(head.group(1)) else x) for x in items]
                return [f"{x}{scope}排名" for x in items]
        if _ALL_CUE.search(base) and len(previous) >= 2:
            growth = _ALL_CUE_EDGES.sub("", base.strip("，、, "))
            metrics = [p.metric for p in previous if p.kind in ("change", "level") and p.metric]
            metrics = list(dict.fromkeys(metrics))
            if len(metrics) >= 2:
                return [f"{m}{growth}{scope}排名" for m in metrics]
        return []

    def _rank_metric(self, src: str, text: str, cstart: int, periods, previous) -> str:
        """居全市第一 after 增速 → 规上工业增加值增速全市排名: what is ranked, the scope, 排名."""
        src = src.replace(" ", "")
        # after the last 、 of a list (亩均产出、税收进入…), not one in brackets (各县（市、区）)
        piece = src[max((m.end() for m in _LIST_COMMA.finditer(src)), default=0) :]
        cue = None
        for m in self.rank_cue.finditer(src):
            cue = m
        if cue is not None and cue.end() >= len(src) - len(piece):
            base, scope = src[: cue.start()], src[cue.end() :]
        elif cue is not None:
            base, scope = src[: cue.start()], piece
        else:
            base, scope = "", piece
        base = _YEARS_RUNNING.sub("", base).removesuffix("排名")  # 综合排名上升至全国第38位
        base = _RANK_BASE_EDGES.sub("", base.strip("，、,“ "))
        if (not base or base in self.generic_rank_bases) and previous:
            prev = previous[-1]
            counted = "数量" if prev.kind == "count" and not base.endswith(_COUNTED_ALREADY) and not prev.metric.endswith(_COUNTED_ALREADY) else ""
            prev_base = prev.metric
            if prev.kind == "rank":  # 位居全省第一、全国第六: the second rank ranks the same thing
                prev_base = _ranked(prev_base)
            base = prev_base + counted + base
        listed = not base and scope.startswith(("是", "为"))
        if listed:  # 是全国工业百强镇第二名: the subject itself, ranked in a list; nothing to look back for
            scope = scope[1:]
        if not base and cstart > 0 and not listed:
            prev_clause = text[: cstart].rstrip("，,；;：: ")
            prev_clause = prev_clause[max(s for s in _clause_starts(prev_clause)) :]
            base = _IN_EDGES.sub("", self._clean_metric(prev_clause))
            base = _LEADING_YEAR.sub("", base)
        scope = scope.strip("，、,")
        return f"{base}{scope}排名" if base or scope else ""

    def _resolve_anaphor(self, word: str, pos: int, ctx: DocContext) -> str:
        ref = self.anaphora[word]
        if ref == "country":
            return "中国"
        # entities that end before pos, the nearest first (entities do not overlap: sorted by
        # start, they are sorted by end too)
        before = reversed(ctx.entities[: bisect.bisect_right(ctx.entity_starts, pos)])
        if ref in _ANAPHOR_NAMED:  # 该公司, 该园区, 新区: the nearest such name before
            want, ending = _ANAPHOR_NAMED[ref]
            nearest = ""
            for e in before:
                if e.type == want and e.canonical.endswith(ending) and e.end <= pos:
                    # 园区 after …产业园 and the zone it lies in: the park
                    if "园" not in word or e.canonical.endswith(("园", "园区")):
                        return e.canonical
                    nearest = nearest or e.canonical
            return nearest
        suffixes = _ANAPHOR_SUFFIX.get(ref, ())
        main = ctx.main_subject
        if main.endswith(suffixes):
            return main
        # 全市 in a text about a district: the city above it
        parent = next((p for p in ctx.region_parents.get(main, ()) if p.endswith(suffixes)), None)
        if parent is not None:
            return parent
        # else the nearest such region before it, else such a zone (全区 in a 新区's news), else main
        named = [e for e in before if e.type in ("REGION", "PLATFORM") and e.canonical.endswith(suffixes) and e.end <= pos]
        return next((e.canonical for t in ("REGION", "PLATFORM") for e in named if e.type == t), main)

    def metric_key(self, metric: str) -> str:
        folded = _fold(metric)
        m = self.key_suffix.search(folded)  # the leftmost match that ends the metric: the longest synonym
        if m is None or "占" in folded[: m.start()]:
            return folded  # A占出口总额: a share of exports is not the exports
        return self.key_of[m.group()]


_RISEN_FROM = regex.compile(r"[由从]\s*$")
_YEAR_RANGE = regex.compile(r"\d{4}\.\.\d{4}")
_ONE_OF = regex.compile(r"一\p{Han}")  # 一座, 一批: an article and its measure word (jieba tags both m)
_WHOLE_YEAR = ("全年", "本年", "当年")
_COUNTED_ALREADY = ("数量", "总量", "总数", "数")


def _ranked(rank_metric: str) -> str:
    """What a rank's metric ranks: 高新技术企业数量全省排名 → 高新技术企业数量."""
    return _RANK_SCOPE.sub("", rank_metric.removesuffix("排名"))


def _within(inner: str, outer: str) -> bool:
    """Is the month or months ``inner`` (2023-09) part of the months ``outer`` (2023-01..2023-09)?"""
    if not (_MONTHS.match(inner) and _MONTHS.match(outer)):
        return False
    (a, _, b), (c, _, d) = inner.partition(".."), outer.partition("..")
    b, d = b or a, d or c
    return c <= a and b <= d and (a, b) != (c, d)


def _compared_with(text: str, p: PeriodMention) -> bool:
    """比上年, 较2020年, 与2010年相比: the time is a comparison base, not the period of a figure."""
    if _COMPARISON_BEFORE.search(text, max(0, p.start - 3), p.start) is not None:
        return True
    return text[p.start - 1 : p.start] in ("与", "同") and _THEN_COMPARED.match(text, p.end) is not None


def _rose_from(text: str, p) -> bool:
    """由2018年的…, 从2020年的…: the time a change starts from."""
    return text[p.start - 1 : p.start] in ("由", "从")


def _from_to_years(text: str, periods, end: int) -> tuple[str, str] | None:
    """由2018年的3848亿元增加到2023年的7091亿元: the years a change runs over (2019..2023), when
    the text before ``end`` rose from one year to a later one."""
    years = [p for p in periods if p.end <= end and p.period.isdigit()]
    for a, b in zip(years, years[1:]):
        if _rose_from(text, a) and int(a.period) < int(b.period):
            return f"{int(a.period) + 1}..{b.period}", text[a.start : b.end]
    return None


def _year_before(text: str, doc_year: int | None, inclusive: bool) -> bool:
    """Does the first year named in ``text`` come before the document's (or equal it)?"""
    year = _CUE_YEAR.search(text)
    if not (year and doc_year):
        return False
    return int(year.group()) <= doc_year if inclusive else int(year.group()) < doc_year


def _with_last_head(items: list[str], parallel: bool = False, heads: tuple[str, ...] = (), pairs: frozenset[str] = frozenset()) -> list[str]:
    """千亿级、五百亿级规模企业 → 千亿级规模企业, 五百亿级规模企业; 第一产业、第三产业增加值 →
    第一产业增加值, 第三产业增加值: an item short of the last one's head word takes it. With
    ``parallel`` (a list paired with numbers by 分别), items that end differently stand for
    the start of the last one: as long as the item (城镇、农村居民人均可支配收入 → 城镇居民人均
    可支配收入), or up to a count of the list, which is no part of any (电子信息、新材料两大产业
    营业收入 → 电子信息产业营业收入, 新材料产业营业收入); an item that is one of a pair (城镇,
    农村: ``pairs``) where the last one opens with another stands for that word only
    (城镇、农村常住居民人均可支配收入 → 城镇常住居民人均可支配收入)."""
    if not items:
        return items
    last = items[-1]
    count = _LIST_COUNT.search(last, 1) if parallel else None  # after the last item's own part
    if count:
        last = last[: count.start()] + last[count.end() :]
    out = []
    for x in items[:-1]:
        cut = last.find(x[-1]) + 1  # 千亿级 and 五百亿级规模企业 end their parallel part alike
        if cut == 0 and parallel and len(x) > 1:
            # up to the list's count, else the last item's head word (汽车、电子信息产业产值 →
            # 汽车产业产值), else as long as the item
            head = min((i for i in (last.find(h, 1) for h in heads) if i > 0), default=len(x))
            cut = count.start() if count else head
            opened = next((w for w in pairs if last.startswith(w)), "")
            if opened and any(x.endswith(w) for w in pairs):
                cut = len(opened)
        out.append(x + (last[cut:] if 0 < cut < len(last) and not x.endswith(last[cut:]) else ""))
    return out + [last]


def _holder(starts: list[int], sents: list[Sentence], start: int, end: int) -> int | None:
    """Index of the sentence that holds [start, end), or None (a match across two sentences,
    or in text that is not one of ``sents``)."""
    i = bisect.bisect_right(starts, start) - 1
    return i if i >= 0 and end <= sents[i].end else None


def _without_periods(text: str, start: int, end: int, periods: list[PeriodMention]) -> str:
    """text[start:end] less the time phrases inside it (争取今年高新技术企业数量 → 争取高新…)."""
    if start >= end:
        return ""
    parts, pos = [], start
    for p in periods:
        if start <= p.start and p.end <= end:
            # 降幅比上半年收窄: the comparison goes with the time it compares with
            cut = p.start - 1 if p.start - 1 >= pos and _compared_with(text, p) and text[p.start - 1] in "比较" else p.start
            parts.append(text[pos:cut])
            pos = p.end
    parts.append(text[pos:end])
    return "".join(parts)


def _balance(metric: str) -> str:
    """Drop a bracket or quote that the cut left unpaired at either end."""
    for o, c in (("（", "）"), ("(", ")"), ("“", "”")):
        if metric.count(o) > metric.count(c) and metric.endswith(o):
            metric = metric[:-1]
        if metric.count(c) > metric.count(o) and metric.startswith(c):
            metric = metric[1:]
        if metric.count(o) > metric.count(c):
            metric += c
        elif metric.count(c) > metric.count(o):
            metric = o + metric
    return metric


def _fold(metric: str) -> str:
    return metric.replace(" ", "").replace("规模以上", "规上")


def _goes_on_with_plan(reset: regex.Match, clause: str, planned: str) -> bool:
    """A clause that opens with 完成 says what was done where it gives the number done (计划
    实施450家，完成538家) or what the plan named (计划投资10亿元，完成投资8亿元); else it goes
    on with the plan (计划实施重大项目500个，完成投资2000亿元)."""
    if reset.group() != "完成":
        return False
    done = clause[reset.end() : reset.end() + 2]
    return len(done) == 2 and bool(_HAN2.fullmatch(done)) and done not in planned


def _after_periods(clause: str, clause_start: int, periods: list[PeriodMention]) -> str:
    """The clause without the time phrase that opens it."""
    cut = 0
    for p in periods:
        if clause_start <= p.start and p.end <= clause_start + len(clause):
            if p.start - clause_start <= 2:
                cut = max(cut, p.end - clause_start)
    return clause[cut:].lstrip("，,、 ")

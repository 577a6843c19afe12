"""Rules must generalise: no rule file holds a sentence or a number copied from the seed
documents (their examples included), so that a rule is tested on text it was not fitted to."""

from pathlib import Path

import regex

from pipeline.normalize import normalize
from pipeline.rules import DEFAULT_RULES_DIR, load_rules
from tests.conftest import CORPUS

# a clause of nine characters or more is a sentence's worth of wording
_CLAUSE_SPLIT = regex.compile(r"[，。；、：\"'{}\[\]]|\\n|\\t|text: |- |#")
_UNIT_BRACKETS = regex.compile(r"[（(][^)）]*[)）]$")
# a number with a unit after it, written precisely enough to be one document's (1252.4亿元,
# 2932家), not a round figure any report may hold (100亿元, 20%)
_PRECISE_NUMBER = regex.compile(r"(?<![\d.])(\d+\.\d+|[1-9]\d{2,}(?<!(?:19|20)\d\d))(?=[^\d\s,，。、；}：:\"'.a-zA-Z])")


def _seed_text() -> str:
    return "\n".join(normalize(p.read_text(encoding="utf-8")).text for p in sorted(CORPUS.glob("*")))


def _terms() -> set[str]:
    """The words of the rules' tables (metric names, suffixes …): vocabulary, not sentences."""
    rules = load_rules()
    out: set[str] = set()
    for table in rules.tables.values():
        items = table.items() if isinstance(table, dict) else enumerate(table) if isinstance(table, list) else ()
        for key, value in items:
            out.add(str(key))
            out.update(str(v) for v in (value if isinstance(value, list) else [value]))
    return out


def _rule_lines():
    for path in sorted(Path(DEFAULT_RULES_DIR).glob("*.yaml")):
        for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            yield f"{path.name}:{no}", line


def test_no_rule_file_holds_a_clause_of_a_seed():
    seeds = _seed_text()
    terms = _terms()
    copied = [
        (where, clause.strip())
        for where, line in _rule_lines()
        for clause in _CLAUSE_SPLIT.split(line)
        if len(clause.strip()) >= 9
        and regex.search(r"\p{Han}", clause)
        and clause.strip() in seeds
        and _UNIT_BRACKETS.sub("", clause.strip()) not in terms
    ]
    assert not copied, copied


def test_no_rule_file_holds_a_precise_number_of_a_seed():
    seeds = _seed_text()
    copied = []
    for where, line in _rule_lines():
        for m in _PRECISE_NUMBER.finditer(line):
            if m.group().endswith("00") and "." not in m.group():
                continue  # 1000, 3000: round
            token = line[m.start() : m.end() + 1]  # the number and the first character of its unit
            if token in seeds:
                copied.append((where, token))
    assert not copied, copied


def test_the_checks_would_see_a_copied_example():
    seeds = _seed_text()
    line = "      - text: " + seeds[seeds.index("地区生产总值") : seeds.index("地区生产总值") + 20]
    assert any(len(c) >= 9 and c in seeds for c in _CLAUSE_SPLIT.split(line))
    assert _PRECISE_NUMBER.search("完成投资137.75亿元").group() == "137.75"
    assert _PRECISE_NUMBER.search("规上企业2932家").group() == "2932"
    assert _PRECISE_NUMBER.search("2021年") is None

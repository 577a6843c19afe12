"""A rule's prefilter only makes it faster: the matches are those of the pattern alone."""

from dataclasses import replace

import pytest

from pipeline.normalize import normalize
from pipeline.rules import RulesError, literal_words, load_rules
from tests.conftest import CORPUS


def _matches(rule, text):
    return [(m.span(), m.groupdict()) for m in rule.finditer(text)]


def test_prefiltered_rules_match_exactly_as_without_their_prefilter(rules):
    prefiltered = [r for r in rules.rules if r.prefilter is not None]
    assert {r.id for r in prefiltered} >= {"ent.gov_body", "ent.org_brand", "ent.person_title", "ent.platform_suffix", "period.year_months"}
    assert rules.by_id("ent.org_brand").prefilter.words is not None  # a word list: the automaton
    text = "\n".join(normalize(p.read_text(encoding="utf-8")).text for p in sorted(CORPUS.glob("*")))
    assert len(text) > 4096  # long enough for the windows to be used
    for rule in prefiltered:
        found = _matches(rule, text)
        assert found, rule.id
        assert found == _matches(replace(rule, prefilter=None), text), rule.id


def test_prefilter_windows_merge_and_stay_inside_the_text(rules):
    pf = rules.by_id("ent.gov_body").prefilter
    # 经信局 at 5001 and 科技局 at 5006 share one window; the last 科技局 has its own, cut at the end
    text = "甲" * 5000 + "区经信局和区科技局" + "乙" * 5000 + "科技局"
    windows = list(pf.windows(text, 0, len(text)))
    assert windows == [(5001 - 16, 5009 + 8), (len(text) - 3 - 16, len(text))]


def test_prefilter_must_say_how_far_a_match_reaches(tmp_path):
    (tmp_path / "r.yaml").write_text(
        "rules:\n  - id: ent.x\n    pattern: 'a+b'\n    prefilter: {pattern: 'b'}\n    examples: [ab]\n    counter_examples: [a]\n",
        encoding="utf-8",
    )
    with pytest.raises(RulesError, match="prefilter must be a mapping of pattern, before, after"):
        load_rules(tmp_path)


@pytest.mark.parametrize(
    "pattern, words",
    [
        ("季度|半年", ["季度", "半年"]),
        ("(?:智能科技|半导体)", ["智能科技", "半导体"]),
        (r"a\.b|c", ["a.b", "c"]),  # an escaped dot is a literal dot
        (r"\d+", None),
        ("(?:a|b)c(?:d)", None),  # not one group around the whole
        ("a||b", None),  # an empty alternative matches everywhere
        ("[局委]", None),
    ],
)
def test_literal_words_only_for_plain_word_lists(pattern, words):
    assert literal_words(pattern) == words

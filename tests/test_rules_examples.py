"""Every rule in rules/ runs against its own examples and counter-examples (Duckling's corpus
test): an example must produce what it says, through that rule; a counter-example must not
make the rule fire at all."""

import math

import pytest

from pipeline.rules import load_rules
from pipeline.run import text_result

RULES = load_rules()
CASES = [(r, i, ex, True) for r in RULES.rules for i, ex in enumerate(r.examples)] + [
    (r, i, ex, False) for r in RULES.rules for i, ex in enumerate(r.counter_examples)
]


def _equal(want, got) -> bool:
    if isinstance(want, (int, float)) and not isinstance(want, bool):
        try:
            return math.isclose(float(want), float(got), rel_tol=1e-9, abs_tol=1e-12)
        except (TypeError, ValueError):
            return False
    return str(want) == str(got)


def _fired(result, rule_id):
    facts = [f for f in result.facts if rule_id in f.rules_fired.split()]
    ents = [e for e in result.entities if e.rule_id == rule_id]
    rejs = [r for r in result.rejections if r.rule_id == rule_id]
    return facts, ents, rejs


@pytest.mark.parametrize(
    "rule,index,example,positive",
    CASES,
    ids=[f"{r.file}:{r.id}:{'example' if pos else 'counter'}{i + 1}" for r, i, _, pos in CASES],
)
def test_rule_example(rule, index, example, positive):
    text = example["text"]
    result = text_result(text, RULES, example.get("doc_date"))
    facts, ents, rejs = _fired(result, rule.id)
    where = f"{rule.file}:{rule.id} on {text!r}"
    if not positive:
        fired = [f.span for f in facts] + [e.text for e in ents] + [r.text for r in rejs]
        assert not fired, f"{where}: counter-example fired on {fired}"
        return
    expect = dict(example.get("expect") or {})
    if rule.id.startswith("ent."):
        want_text = expect.pop("text")
        hits = [e for e in ents if e.text == want_text]
        assert hits, f"{where}: empty result for entity {want_text!r}; rule found {[e.text for e in ents]}, all entities {[(e.text, e.type, e.rule_id) for e in result.entities]}"
        for key, want in expect.items():
            assert _equal(want, getattr(hits[0], key)), f"{where}: {key} is {getattr(hits[0], key)!r}, want {want!r}"
        return
    span = str(expect.pop("span"))
    if expect.pop("rejected", False):
        assert any(r.text == span for r in rejs), f"{where}: {span!r} not rejected; rejections {[(r.text, r.rule_id) for r in result.rejections]}"
        assert not any(f.span == span for f in result.facts), f"{where}: {span!r} rejected but still a fact"
        return
    hits = [f for f in facts if f.span == span]
    assert hits, f"{where}: no fact at {span!r} through this rule; facts {[(f.span, f.rules_fired) for f in result.facts]}"
    # one span may hold several facts (双双突破, 三家企业…均): the one the example describes
    fact = next((f for f in hits if all(_equal(want, getattr(f, key)) for key, want in expect.items())), hits[0])
    for key, want in expect.items():
        assert _equal(want, getattr(fact, key)), f"{where}: {key} of {span!r} is {getattr(fact, key)!r}, want {want!r}"
    assert text[fact.char_start : fact.char_end] == fact.span

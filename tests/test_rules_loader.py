import shutil
from pathlib import Path

import pytest

from pipeline.rules import RulesError, has_nested_quantifier, load_rules

from .conftest import ROOT, run_cli


def _copy_rules(tmp_path: Path) -> Path:
    dest = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", dest)
    return dest


def test_rules_loader_loads_the_repository_rules(rules):
    assert rules.group("qty") and rules.group("period") and rules.group("ent")
    assert len(rules.fingerprint) == 64


def test_rules_loader_reports_every_problem_at_once(tmp_path):
    d = _copy_rules(tmp_path)
    (d / "broken.yaml").write_text(
        "rules:\n"
        "  - id: qty.bad_fragment\n    pattern: '{NO_SUCH}元'\n    examples: [a]\n    counter_examples: [b]\n"
        "  - id: qty.no_counter\n    pattern: '\\d+元'\n    examples: [a]\n"
        "  - id: qty.nested\n    pattern: '(\\d+)+元'\n    examples: [a]\n    counter_examples: [b]\n",
        encoding="utf-8",
    )
    with pytest.raises(RulesError) as err:
        load_rules(d)
    problems = err.value.problems
    assert "rules/broken.yaml:qty.bad_fragment: unknown fragment {NO_SUCH}" in problems
    assert "rules/broken.yaml:qty.no_counter: no counter_examples" in problems
    assert any(p.startswith("rules/broken.yaml:qty.nested: nested quantifier") for p in problems)


def test_rules_loader_rejects_unsafe_yaml(tmp_path):
    d = _copy_rules(tmp_path)
    (d / "evil.yaml").write_text("tables:\n  x: !!python/object/apply:os.system ['echo hi']\n", encoding="utf-8")
    with pytest.raises(RulesError) as err:
        load_rules(d)
    assert any("evil.yaml: not valid UTF-8 YAML" in p for p in err.value.problems)


def test_qualifiers_are_the_contracts_words(rules):
    # CONTRACT.md: qualifier is one of 约 近 超 以上 以下 余 多 左右 突破 逾 达, or empty
    contract = set("约 近 超 以上 以下 余 多 左右 突破 逾 达".split())
    values = set(rules.table("pre_qualifiers").values()) | set(rules.table("post_qualifiers").values())
    assert values - contract == set()


def test_rules_loader_rejects_a_key_given_twice(tmp_path):
    d = _copy_rules(tmp_path)
    (d / "twice.yaml").write_text("tables:\n  anaphora_extra:\n    新区: platform\n    园区: platform\n    新区: district\n", encoding="utf-8")
    with pytest.raises(RulesError) as err:
        load_rules(d)
    assert any("twice.yaml" in p and "duplicate key '新区' (line 5)" in p for p in err.value.problems), err.value.problems


def test_rules_fingerprint_changes_with_any_rule_file(tmp_path, rules):
    d = _copy_rules(tmp_path)
    with open(d / "units.yaml", "a", encoding="utf-8") as f:
        f.write("\n# a comment changes the fingerprint too\n")
    assert load_rules(d).fingerprint != rules.fingerprint


@pytest.mark.parametrize(
    "pattern,nested",
    [(r"(a+)+", True), (r"(?:\d*x)*", True), (r"(?:a\s*){2,}", True), (r"\d+(?:,\d{3})*", False), (r"(?P<x>a|b)(?!\s*c)", False), (r"[(+]*", False)],
)
def test_rules_nested_quantifier_check(pattern, nested):
    assert has_nested_quantifier(pattern) is nested


def test_cli_bad_rules_exit_2_and_write_nothing(tmp_path):
    d = _copy_rules(tmp_path)
    (d / "quantities.yaml").write_text("rules: [ {id: qty.x, pattern: '(' } ]\n", encoding="utf-8")
    out = tmp_path / "out"
    proc = run_cli("run", ROOT / "corpus", "--out", out, "--rules", d)
    assert proc.returncode == 2
    assert "quantities.yaml:qty.x" in proc.stderr
    assert not out.exists()

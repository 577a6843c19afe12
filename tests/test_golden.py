"""Golden files: the expected facts and entities of corpus/, one JSON line per mention, sorted.
A rule change that changes output fails here with the diff; regenerate deliberately with

    zhfacts run corpus --out outputs && zhfacts golden outputs tests/golden

and commit the regenerated files on their own, so that the reviewer sees the diff."""

import difflib
import shutil
from pathlib import Path

from pipeline.diff import golden_lines

from .conftest import CORPUS, ROOT, run_cli

GOLDEN = ROOT / "tests" / "golden"
REGENERATE = "zhfacts run corpus --out outputs && zhfacts golden outputs tests/golden"


def golden_mismatches(run_dir, golden_dir) -> list[str]:
    problems = []
    for name, lines in golden_lines(run_dir).items():
        path = Path(golden_dir) / name
        expected = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
        if lines != expected:
            diff = list(difflib.unified_diff(expected, lines, f"golden/{name}", f"run/{name}", lineterm="", n=0))
            problems.append("\n".join(diff[:60]) + (f"\n… {len(diff) - 60} more lines" if len(diff) > 60 else ""))
    return problems


def test_golden_corpus_output_is_unchanged(corpus_run):
    problems = golden_mismatches(corpus_run, GOLDEN)
    assert not problems, "output changed; if deliberate, regenerate with:\n  " + REGENERATE + "\n\n" + "\n\n".join(problems)


def test_golden_fails_on_a_rule_change_and_passes_after_regeneration(tmp_path):
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    units = rules / "units.yaml"
    units.write_text(units.read_text(encoding="utf-8").replace("名: {std: 人, kind: count}", "名: {std: 名, kind: count}"), encoding="utf-8")
    doc = CORPUS / "002_cb4911119ba52a50.txt"
    base, changed = tmp_path / "base", tmp_path / "changed"
    assert run_cli("run", doc, "--out", base).returncode == 0
    assert run_cli("run", doc, "--out", changed, "--rules", rules).returncode == 0
    golden = tmp_path / "golden"
    assert run_cli("golden", base, golden).returncode == 0
    assert not golden_mismatches(base, golden)
    problems = golden_mismatches(changed, golden)
    assert problems and '"unit_std": "名"' in problems[0]
    assert run_cli("golden", changed, golden).returncode == 0
    assert not golden_mismatches(changed, golden)

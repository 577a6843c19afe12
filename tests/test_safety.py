"""Untrusted input: runs that are killed leave whole outputs, the same input gives the same
bytes, and no input can make a parser raise or a regex hang."""

import json
import signal
import subprocess
import sys
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.numbers import find_quantities, parse_number
from pipeline.run import text_result

from .conftest import CORPUS, ROOT

TABLES = ("documents", "fact_mentions", "facts", "entity_mentions", "entities", "conflicts")


def test_safety_a_killed_run_leaves_the_previous_outputs_whole(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for k in range(6):  # distinct copies: each is a real document, not a duplicate
        for p in CORPUS.glob("*.txt"):
            (src / f"{k}_{p.name}").write_text(p.read_text(encoding="utf-8") + f"\n附{k}。\n" * (k + 1) + "补充说明" * (50 * k), encoding="utf-8")
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "pipeline", "run", str(src), "--out", str(out)]
    assert subprocess.run(cmd, capture_output=True, cwd=ROOT).returncode in (0, 1)
    baseline = {t: (out / f"{t}.csv").read_bytes() for t in TABLES}
    for delay in (0.5, 2.0, 4.0, 6.0, 8.0):
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        for t in TABLES:  # whatever moment it died, the folder holds one whole run
            assert (out / f"{t}.csv").read_bytes() == baseline[t], (delay, t)
        json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert subprocess.run(cmd, capture_output=True, cwd=ROOT).returncode in (0, 1)
    assert {t: (out / f"{t}.csv").read_bytes() for t in TABLES} == baseline
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out.")], "stale temporary folders are cleared"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789.,零〇一二两三四五六七八九十百千万亿点分之")), max_size=12))
def test_safety_parse_number_only_raises_value_error(text):
    try:
        value = parse_number(text)
    except ValueError:
        return
    assert value == value  # not NaN


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789.%,-~至第约超近余多以上左右万亿千百十一二三元家个人亩吨年月级“”‘’（）， 。\n")), max_size=60))
def test_safety_quantities_on_arbitrary_text(rules, text):
    qs, rejections = find_quantities(text, rules)
    for q in qs:
        assert 0 <= q.start < q.end <= len(text)


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789.%亿元万人家个第全区镇海宁波市委书记“”，。\n \t")), max_size=80))
def test_safety_provenance_holds_on_arbitrary_text(text):
    from pipeline.rules import load_rules

    result = text_result(text, load_rules())
    for f in result.facts:
        assert text[f.char_start : f.char_end] == f.span
    for e in result.entities:
        assert text[e.char_start : e.char_end] == e.text


@pytest.mark.parametrize(
    "text",
    ["1" * 20000 + "亿元", "万" * 20000, "“" * 5000 + "100亿元" + "”" * 5000, "第" * 5000 + "一", ("1," * 5000) + "1元", "（" * 3000 + "集团" * 3000],
)
def test_safety_adversarial_documents_finish(rules, text):
    # no rule may time out (each has MATCH_TIMEOUT): a TimeoutError here names the rule
    text_result(text, rules)

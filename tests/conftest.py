import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.rules import load_rules

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
GOLD = ROOT / "tests" / "data" / "gold_seeds.jsonl"


@pytest.fixture(scope="session")
def rules():
    return load_rules()


def run_cli(*args, cwd=None):
    """Run `python -m pipeline ARGS` in a subprocess, as a user would."""
    return subprocess.run([sys.executable, "-m", "pipeline", *map(str, args)], capture_output=True, text=True, cwd=cwd or ROOT)


@pytest.fixture(scope="session")
def corpus_run(tmp_path_factory):
    """One run over corpus/, shared by the end-to-end tests."""
    out = tmp_path_factory.mktemp("run") / "out"
    proc = run_cli("run", CORPUS, "--out", out)
    assert proc.returncode == 0, proc.stderr
    return out

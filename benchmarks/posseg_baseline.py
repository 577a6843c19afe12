"""The obvious baseline for entities: jieba.posseg's tags (ns → REGION, nt → ORG, nr → PERSON),
scored on the seed gold exactly as zhfacts is (exact span and type), side by side.

    python benchmarks/posseg_baseline.py [--run outputs]

The baseline gets zhfacts' normalised text (so that PDF line breaks do not split its words) and
its spans are mapped back to raw offsets the same way. It has no GOV or PLATFORM tag.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TAGS = {"ns": "REGION", "nt": "ORG", "nr": "PERSON"}


def baseline_mentions(gold: list[dict]):
    import jieba
    import jieba.posseg
    import pandas as pd

    from pipeline.normalize import normalize

    jieba.setLogLevel(60)
    rows = []
    for doc in gold:
        raw = (ROOT / "corpus" / doc["doc"]).read_text(encoding="utf-8-sig")
        norm = normalize(raw)
        pos = 0
        for para in norm.text.split("\n"):
            offset = pos
            for w in jieba.posseg.cut(para):
                etype = TAGS.get(w.flag)
                if etype:
                    rs, re_ = norm.raw_span(offset, offset + len(w.word))
                    rows.append({"doc_id": doc["doc"], "char_start": rs, "char_end": re_, "type": etype, "text": raw[rs:re_]})
                offset += len(w.word)
            pos += len(para) + 1
    return pd.DataFrame(rows, columns=["doc_id", "char_start", "char_end", "type", "text"])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--run", type=Path, help="a zhfacts run over corpus/ (default: run one now)")
    args = ap.parse_args()

    import pandas as pd

    from pipeline.evaluate import load_gold, score

    gold = load_gold(ROOT / "tests" / "data" / "gold_seeds.jsonl")
    no_facts = pd.DataFrame(columns=["doc_id", "char_start", "char_end", "value", "value_std"])
    base = score(gold, no_facts, baseline_mentions(gold))

    run_dir = args.run
    if run_dir is None:
        import subprocess

        run_dir = Path(tempfile.mkdtemp(prefix="zhfacts-baseline-")) / "out"
        subprocess.run([sys.executable, "-m", "pipeline", "run", str(ROOT / "corpus"), "--out", str(run_dir)], check=True, cwd=ROOT, capture_output=True)
    ours = score(gold, no_facts, pd.read_parquet(run_dir / "entity_mentions.parquet"))

    print(f"{'':<10}{'jieba.posseg':>24}{'zhfacts':>24}")
    print(f"{'':<10}{'P     R     F1':>24}{'P     R     F1':>24}")
    for t in ["ALL", "REGION", "ORG", "GOV", "PLATFORM", "PERSON"]:
        cells = []
        for rep in (base, ours):
            s = rep.entities if t == "ALL" else rep.entity_types.get(t)
            cells.append("   —     —     —" if s is None or s.n_gold == 0 and s.n_pred == 0 else f"{s.precision:.3f} {s.recall:.3f} {s.f1:.3f}")
        print(f"{t:<10}{cells[0]:>24}{cells[1]:>24}")


if __name__ == "__main__":
    main()

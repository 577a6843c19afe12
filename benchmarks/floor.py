"""What the pipeline cannot do without, against the time budget of twice jieba.lcut's speed.

    python benchmarks/floor.py --mb 5 [--keep DIR]

On the same synthetic corpus as throughput.py (the paragraphs of corpus/ recombined), times in
one process: normalising each document, running every document-wide rule pattern once over it
(quantities, rejections, entities, periods: the regex matches alone, with no attribution of what
they found), and jieba.lcut over the raw text. Twice jieba.lcut's speed leaves half its seconds
for the whole pipeline; this prints how much of that half these two steps take before a single
fact or name is attributed, a table written or a duplicate looked for. A script, not a test.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

DOCUMENT_WIDE = ("qty", "rej", "ent", "period")  # rule groups run once per document


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=5)
    ap.add_argument("--keep", type=Path, help="build the corpus here (or reuse the one there)")
    args = ap.parse_args()

    import jieba

    from pipeline.normalize import normalize
    from pipeline.rules import load_rules
    from throughput import build_corpus

    src = (args.keep or Path(tempfile.mkdtemp(prefix="zhfacts-floor-"))) / "corpus"
    if not (src.is_dir() and any(src.glob("*.txt"))):
        src.mkdir(parents=True, exist_ok=True)
        build_corpus(src, args.mb)
    texts = [p.read_text(encoding="utf-8") for p in sorted(src.glob("*.txt"))]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 2**20

    rules = load_rules()
    patterns = [r for r in rules.rules if r.pattern is not None and r.id.split(".")[0] in DOCUMENT_WIDE]
    t = time.perf_counter()
    normalised = [normalize(text).text for text in texts]
    normalise_s = time.perf_counter() - t
    t = time.perf_counter()
    matches = sum(1 for text in normalised for rule in patterns for _ in rule.finditer(text))
    rules_s = time.perf_counter() - t

    jieba.setLogLevel(60)
    jieba.initialize()
    t = time.perf_counter()
    for text in texts:
        jieba.lcut(text)
    jieba_s = time.perf_counter() - t

    budget = jieba_s / 2
    floor = normalise_s + rules_s
    print(f"corpus: {mb:.1f} MB in {len(texts)} files")
    print(f"jieba.lcut: {jieba_s:.2f} s = {mb / jieba_s:.2f} MB/s; twice its speed leaves {budget:.2f} s for everything")
    print(f"normalise: {normalise_s:.2f} s")
    print(f"{len(patterns)} document-wide rule patterns, matches only ({matches} matches): {rules_s:.2f} s")
    print(f"these two alone: {floor:.2f} s = {floor / budget:.0%} of the budget, before any attribution, table, dedup or write")


if __name__ == "__main__":
    main()

"""Throughput benchmark: end-to-end MB/s against jieba.lcut on the same text, in one process.

    python benchmarks/throughput.py --mb 20 [--jobs 1] [--no-cache]

Builds a synthetic corpus of about N MB by recombining the paragraphs of corpus/ (files of about
100 KB, each a different shuffle, so no two are duplicates), runs the whole pipeline on it
(`zhfacts run`, in this process), then times `jieba.lcut` over the same text, and prints MB/s of
both, their ratio, peak memory and the seconds of each stage. A script, not a test.
"""

from __future__ import annotations

import argparse
import platform
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def build_corpus(dest: Path, mb: float, seed: int = 7) -> int:
    paras = []
    for p in sorted((ROOT / "corpus").glob("*.txt")):
        paras += [x for x in p.read_text(encoding="utf-8").split("\n\n") if x.strip()]
    rng = random.Random(seed)
    target = int(mb * 1024 * 1024)
    written = 0
    k = 0
    while written < target:
        chunk = []
        size = 0
        while size < 100_000:
            para = rng.choice(paras)
            chunk.append(para)
            size += len(para.encode("utf-8"))
        data = ("\n\n".join(chunk) + "\n").encode("utf-8")
        (dest / f"doc_{k:05d}.txt").write_bytes(data)
        written += len(data)
        k += 1
    return written


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=20)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--no-cache", action="store_true", help="(kept for symmetry with zhfacts run)")
    ap.add_argument("--keep", type=Path, help="build the corpus here and keep it")
    args = ap.parse_args()

    from pipeline.dedup import assign_ids, link_org_aliases
    from pipeline.rules import load_rules
    from pipeline.run import extractors, run_corpus
    from pipeline.write import build_tables, write_outputs

    work = args.keep or Path(tempfile.mkdtemp(prefix="zhfacts-bench-"))
    src = work / "corpus"
    src.mkdir(parents=True, exist_ok=True)
    nbytes = build_corpus(src, args.mb)
    mb = nbytes / 1024 / 1024

    rules = load_rules()
    extractors(rules)  # start-up (jieba dictionary, gazetteer) is not throughput
    t0 = time.perf_counter()
    result = run_corpus([str(src)], rules, jobs=args.jobs, progress=True)
    t1 = time.perf_counter()
    link_org_aliases(result.results)
    assign_ids(result.results)
    tables = build_tables(result.documents, result.results)
    write_outputs(work / "out", tables, {"benchmark": True}, result.texts)
    t2 = time.perf_counter()
    end_to_end = t2 - t0

    import jieba

    jieba.initialize()
    texts = [p.read_text(encoding="utf-8") for p in sorted(src.glob("*.txt"))]
    t3 = time.perf_counter()
    for text in texts:
        jieba.lcut(text)
    jieba_s = time.perf_counter() - t3

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"machine: {platform.machine()}, {platform.python_implementation()} {platform.python_version()}, jobs={args.jobs}")
    print(f"corpus: {mb:.1f} MB in {len(texts)} files, {len(tables['fact_mentions'])} fact mentions, {len(tables['entity_mentions'])} entity mentions")
    print(f"end to end: {end_to_end:.1f} s = {mb / end_to_end:.2f} MB/s (extract {t1 - t0:.1f} s, tables+write {t2 - t1:.1f} s)")
    print(f"jieba.lcut: {jieba_s:.1f} s = {mb / jieba_s:.2f} MB/s")
    print(f"ratio end-to-end / jieba.lcut: {(mb / end_to_end) / (mb / jieba_s):.2f}x")
    print(f"peak RSS (this process): {peak_mb:.0f} MB")
    print("stage seconds (summed over documents; with --jobs, over workers): " + ", ".join(f"{k}={v:.1f}" for k, v in sorted(result.timings.items())))


if __name__ == "__main__":
    main()

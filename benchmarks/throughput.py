"""Throughput benchmark: end-to-end MB/s against jieba.lcut on the same text, in one process.

    python benchmarks/throughput.py --mb 20 [--jobs 1] [--no-cache]

Builds a synthetic corpus of about N MB by recombining the paragraphs of corpus/ (files of about
100 KB, each a different shuffle, so no two are duplicates), runs the whole pipeline on it
(`zhfacts run`, in this process), then times `jieba.lcut` over the same text, and prints MB/s of
both, their ratio, peak memory and the seconds of each stage. A script, not a test.
"""

from __future__ import annotations

import argparse
import os
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

    from pipeline.dedup import near_signature
    from pipeline.rules import load_rules
    from pipeline.run import extractors, run_corpus
    from pipeline.write import DatasetWriter

    work = args.keep or Path(tempfile.mkdtemp(prefix="zhfacts-bench-"))
    src = work / "corpus"
    src.mkdir(parents=True, exist_ok=True)
    nbytes = build_corpus(src, args.mb)
    mb = nbytes / 1024 / 1024

    rules = load_rules()
    extractors(rules)  # start-up (jieba dictionary, gazetteer, MinHash imports) is not throughput
    near_signature("预热")
    t0 = time.perf_counter()
    with DatasetWriter(work / "out") as writer:
        timings = run_corpus([str(src)], rules, writer.add, jobs=args.jobs, progress=True)
        t1 = time.perf_counter()
        counts = writer.finish({"benchmark": True})
    t2 = time.perf_counter()
    end_to_end = t2 - t0
    peak_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    peak_workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024

    import jieba

    jieba.initialize()
    jieba_s = 0.0
    for path in sorted(src.glob("*.txt")):  # one file at a time, like the pipeline
        text = path.read_text(encoding="utf-8")
        t3 = time.perf_counter()
        jieba.lcut(text)
        jieba_s += time.perf_counter() - t3

    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.python_implementation()} {platform.python_version()}, jobs={args.jobs}")
    print(f"corpus: {mb:.1f} MB in {len(list(src.glob('*.txt')))} files, {counts['fact_mentions']} fact mentions, {counts['entity_mentions']} entity mentions")
    print(f"end to end: {end_to_end:.1f} s = {mb / end_to_end:.2f} MB/s (extract {t1 - t0:.1f} s, tables+write {t2 - t1:.1f} s)")
    print(f"jieba.lcut: {jieba_s:.1f} s = {mb / jieba_s:.2f} MB/s")
    print(f"ratio end-to-end / jieba.lcut: {(mb / end_to_end) / (mb / jieba_s):.2f}x")
    print(f"peak RSS of the run: {peak_self:.0f} MB in this process" + (f", {peak_workers:.0f} MB in the largest worker" if args.jobs > 1 else ""))
    print("stage seconds (summed over documents; with --jobs, over workers): " + ", ".join(f"{k}={v:.1f}" for k, v in sorted(timings.items())))


if __name__ == "__main__":
    main()

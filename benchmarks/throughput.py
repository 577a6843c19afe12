"""Throughput benchmark: end-to-end MB/s against jieba.lcut on the same text, in one process.

    python benchmarks/throughput.py --mb 20 [--jobs 1 2] [--keep DIR] [--ceiling]

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


def _burn(n: int) -> float:
    t = time.perf_counter()
    total = 0
    for i in range(n):
        total += i * i
    return time.perf_counter() - t


def ceiling(processes: int = 2, n: int = 20_000_000) -> float:
    """How much faster this machine runs ``processes`` copies of a pure-CPU loop side by side
    than one after the other: the most any parallel run can gain here."""
    from concurrent.futures import ProcessPoolExecutor

    serial = sum(_burn(n) for _ in range(processes))
    with ProcessPoolExecutor(processes) as pool:
        t = time.perf_counter()
        list(pool.map(_burn, [n] * processes))
        side_by_side = time.perf_counter() - t
    return serial / side_by_side


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=20)
    ap.add_argument("--jobs", type=int, nargs="+", default=[1], help="one run per value, on the same corpus")
    ap.add_argument("--keep", type=Path, help="build the corpus here (or reuse the one there) and keep it")
    ap.add_argument("--ceiling", action="store_true", help="also measure the two-process speedup of a pure-CPU loop")
    args = ap.parse_args()

    from pipeline.dedup import near_signature
    from pipeline.rules import load_rules
    from pipeline.run import extractors, run_corpus
    from pipeline.write import DatasetWriter

    work = args.keep or Path(tempfile.mkdtemp(prefix="zhfacts-bench-"))
    src = work / "corpus"
    if src.is_dir() and any(src.glob("*.txt")):
        nbytes = sum(p.stat().st_size for p in src.glob("*.txt"))
    else:
        src.mkdir(parents=True, exist_ok=True)
        nbytes = build_corpus(src, args.mb)
    mb = nbytes / 1024 / 1024
    files = len(list(src.glob("*.txt")))

    rules = load_rules()
    extractors(rules)  # start-up (dictionaries, gazetteer, MinHash imports) is not throughput;
    near_signature("预热")  # worker processes fork from here and start with it done
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.python_implementation()} {platform.python_version()}")
    runs = {}
    for jobs in args.jobs:
        t0 = time.perf_counter()
        with DatasetWriter(work / "out") as writer:
            timings = run_corpus([str(src)], rules, writer.add, jobs=jobs, progress=True)
            t1 = time.perf_counter()
            counts = writer.finish({"benchmark": True})
        t2 = time.perf_counter()
        runs[jobs] = t2 - t0
        peak_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        peak_workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"corpus: {mb:.1f} MB in {files} files, {counts['fact_mentions']} fact mentions, {counts['entity_mentions']} entity mentions")
        print(f"--jobs {jobs}: end to end {t2 - t0:.1f} s = {mb / (t2 - t0):.2f} MB/s (extract {t1 - t0:.1f} s, tables+write {t2 - t1:.1f} s)")
        print(f"  peak RSS so far: {peak_self:.0f} MB in this process" + (f", {peak_workers:.0f} MB in the largest worker" if jobs > 1 else ""))
        print("  stage seconds (summed over documents and workers): " + ", ".join(f"{k}={v:.1f}" for k, v in sorted(timings.items())))
    if len(runs) > 1:
        base = min(runs)
        print("speed-up over --jobs {}: ".format(base) + ", ".join(f"--jobs {j}: {runs[base] / t:.2f}x" for j, t in runs.items() if j != base))

    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    jieba_s = 0.0
    for path in sorted(src.glob("*.txt")):  # one file at a time, like the pipeline
        text = path.read_text(encoding="utf-8")
        t3 = time.perf_counter()
        jieba.lcut(text)
        jieba_s += time.perf_counter() - t3
    print(f"jieba.lcut: {jieba_s:.1f} s = {mb / jieba_s:.2f} MB/s")
    for jobs, seconds in runs.items():
        print(f"ratio end-to-end / jieba.lcut, --jobs {jobs}: {(mb / seconds) / (mb / jieba_s):.2f}x")
    if args.ceiling:
        print(f"this machine runs two pure-CPU processes {ceiling():.2f}x faster than one after the other")


if __name__ == "__main__":
    main()

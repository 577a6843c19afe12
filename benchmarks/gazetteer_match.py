"""Gazetteer matching: ahocorasick-rs (what the pipeline uses) against pyahocorasick (when
installed) and spaCy's PhraseMatcher, on the same names (every division of China and its short
forms) and the same text (corpus/, repeated).

    python benchmarks/gazetteer_match.py [--repeat 20]

spaCy runs with its character segmenter (spacy.blank("zh")'s default) so that both find names
at any character position, as the pipeline needs; jieba word boundaries are checked afterwards
in both cases. Prints build time, MB/s and the number of hits of each.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args()

    import spacy
    from spacy.matcher import PhraseMatcher

    from pipeline.entities import gazetteer
    from pipeline.rules import load_rules
    from pipeline.segment import word_segmenter

    names = sorted(gazetteer(load_rules(), word_segmenter(None).entries).by_name)
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt"))) * args.repeat
    mb = len(text.encode("utf-8")) / 1024 / 1024

    import ahocorasick_rs

    t = time.perf_counter()
    rs = ahocorasick_rs.AhoCorasick(names, matchkind=ahocorasick_rs.MatchKind.Standard)
    build_rs = time.perf_counter() - t
    t = time.perf_counter()
    hits_rs = len(rs.find_matches_as_indexes(text, overlapping=True))
    match_rs = time.perf_counter() - t
    print(f"{len(names)} names, {mb:.1f} MB of text")
    print(f"ahocorasick-rs: build {build_rs:.2f} s, match {mb / match_rs:.1f} MB/s, {hits_rs} hits")

    try:
        import ahocorasick
    except ImportError:
        print("pyahocorasick: not installed (pip install pyahocorasick to compare)")
    else:
        t = time.perf_counter()
        automaton = ahocorasick.Automaton()
        for name in names:
            automaton.add_word(name, name)
        automaton.make_automaton()
        build_ac = time.perf_counter() - t
        t = time.perf_counter()
        hits_ac = sum(1 for _ in automaton.iter(text))
        match_ac = time.perf_counter() - t
        print(f"pyahocorasick: build {build_ac:.2f} s, match {mb / match_ac:.1f} MB/s, {hits_ac} hits")

    nlp = spacy.blank("zh")  # character segmentation
    t = time.perf_counter()
    matcher = PhraseMatcher(nlp.vocab)
    matcher.add("GAZ", list(nlp.tokenizer.pipe(names)))
    build_pm = time.perf_counter() - t
    t = time.perf_counter()
    hits_pm = 0
    for chunk in text.split("\n"):
        if chunk:
            hits_pm += len(matcher(nlp.make_doc(chunk)))
    match_pm = time.perf_counter() - t

    print(f"PhraseMatcher: build {build_pm:.2f} s, match {mb / match_pm:.1f} MB/s (tokenising included), {hits_pm} hits")


if __name__ == "__main__":
    main()

"""Stage 3: normalised text → paragraphs, sentences and words.

Words come from jieba through spaCy's Chinese tokenizer (``spacy.blank("zh")``, no model), with a
private ``jieba.Tokenizer`` that carries the project's user dictionary (``rules/lexicon.txt``)
instead of the global one, so that loading zhfacts never changes jieba for the host program.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import regex

from .normalize import NormText

_SENTENCE_END = regex.compile(r"[。！？!?]+[”’」』）)]*|[…⋯]{2,}|\n")


@dataclass(frozen=True)
class Sentence:
    start: int  # normalised offsets
    end: int
    paragraph: int
    text: str


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int
    index: int
    text: str


def paragraphs(norm: NormText) -> list[Paragraph]:
    out: list[Paragraph] = []
    pos = 0
    for line in norm.text.split("\n"):
        if line.strip():
            out.append(Paragraph(pos, pos + len(line), len(out), line))
        pos += len(line) + 1
    return out


def sentences(norm: NormText, paras: list[Paragraph] | None = None) -> list[Sentence]:
    out: list[Sentence] = []
    for p in paras if paras is not None else paragraphs(norm):
        start = p.start
        for m in _SENTENCE_END.finditer(p.text):
            end = p.start + m.end()
            if norm.text[start:end].strip():
                out.append(Sentence(start, end, p.index, norm.text[start:end]))
            start = end
        if start < p.end and norm.text[start : p.end].strip():
            out.append(Sentence(start, p.end, p.index, norm.text[start : p.end]))
    return out


class WordSegmenter:
    """jieba words as spaCy tokens, with (start, end) offsets into the text given."""

    def __init__(self, lexicon: Path | None = None, extra_words: tuple[str, ...] = ()):
        import jieba
        import spacy

        jieba.setLogLevel(logging.WARNING)
        tokenizer = jieba.Tokenizer()
        tokenizer.initialize()
        if lexicon is not None and lexicon.exists():
            tokenizer.load_userdict(str(lexicon))
        for word in extra_words:
            tokenizer.add_word(word)
        self.jieba = tokenizer
        self.nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
        # spaCy calls jieba_seg.cut(text, cut_all=False): our private tokenizer has that method
        self.nlp.tokenizer.jieba_seg = tokenizer

    def spans(self, text: str) -> list[tuple[int, int]]:
        return [(t.idx, t.idx + len(t.text)) for t in self.nlp.make_doc(text) if not t.is_space]


@lru_cache(maxsize=4)
def word_segmenter(lexicon: str | None, extra_words: tuple[str, ...] = ()) -> WordSegmenter:
    """One segmenter per process and lexicon: building jieba's prefix dict takes about a second."""
    return WordSegmenter(Path(lexicon) if lexicon else None, extra_words)

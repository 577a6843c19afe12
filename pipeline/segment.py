"""Stage 3: normalised text → paragraphs, sentences and words.

Words are jieba's (its dictionary, its algorithm, the project's user dictionary
``rules/lexicon.txt``), computed by jieba-rs; see ``WordSegmenter``. spaCy's Chinese tokenizer
(``spacy.blank("zh")``, no model) over the same words is there on demand. Nothing here touches
the global jieba, so loading zhfacts never changes jieba for the host program.
"""

from __future__ import annotations

import itertools
import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import regex

from .normalize import NormText

_SENTENCE_END = regex.compile(r"[。！？!?]+[”’」』）)]*|[…⋯]{2,}|\n")


@dataclass(slots=True)
class Sentence:
    start: int  # normalised offsets
    end: int
    paragraph: int
    text: str


@dataclass(slots=True)
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


# jieba's HMM pass splits an unknown run of letters and digits this way (finalseg's re_skip);
# jieba-rs keeps 2015-2020 whole, so its pieces are split again to give jieba's words exactly
_JIEBA_ALNUM = regex.compile(r"([a-zA-Z0-9]+(?:\.\d+)?%?)")
_ASCII_WORD = regex.compile(r"[A-Za-z0-9][A-Za-z0-9+#&._%-]|[+#&._%-][A-Za-z0-9]")

#: Characters that are words of grammar, not of names: jieba's HMM glues them to an unknown
#: neighbour (集聚区为 → 区为, 已建小微), jieba.posseg's tagging HMM does not; ``tag`` splits them
#: off the ends of a word jieba does not know, as posseg would.
FUNCTION_CHARS = frozenset("的在和与及是了等将把被从向对为以而且也都就并或其该这那个各每已由于自")


class WordSegmenter:
    """jieba's words, computed by jieba-rs (``rjieba``: the same dictionary and algorithm, about
    20x faster), with (start, end) offsets, and as spaCy tokens.

    ``tests/test_segment.py`` checks that ``cut`` gives exactly ``jieba.lcut``'s words on the
    corpus and on thousands of mutated windows of it. ``tag`` gives each of those words the
    part of speech jieba's dictionary gives it (``x`` for a word it does not know; ``eng`` and
    ``m`` for letters and numbers), without jieba.posseg's second, slower HMM pass.

    ``jieba`` (a private ``jieba.Tokenizer`` with the project's user dictionary, never the global
    one, so loading zhfacts never changes jieba for the host program) and ``nlp`` (spaCy's
    Chinese tokenizer over these words) are built on first use: the pipeline itself needs
    neither, and each costs a second and 70 to 130 MB per process.
    """

    def __init__(self, lexicon: Path | None = None, extra_words: tuple[str, ...] = ()):
        import jieba
        import rjieba

        self.lexicon = lexicon
        self.extra_words = extra_words
        self.fast = fast = rjieba.Jieba()
        self.entries = _dictionary_entries(Path(jieba.__file__).parent / "dict.txt")
        for word, freq, tag in _user_words(lexicon, extra_words):
            # no frequency given: jieba-rs suggests one the way jieba does (tested)
            freq = freq or fast.suggest_freq(word)
            fast.add_word(word, freq, tag)
            self.entries[word] = (freq, tag or self.entries.get(word, (0, "x"))[1])
        self._jieba = None
        self._nlp = None

    @property
    def jieba(self):
        """The reference: jieba's own tokenizer with the same user words."""
        if self._jieba is None:
            import jieba

            jieba.setLogLevel(logging.WARNING)
            tokenizer = jieba.Tokenizer()
            tokenizer.initialize()
            for word, freq, tag in _user_words(self.lexicon, self.extra_words):
                tokenizer.add_word(word, freq, tag)
            self._jieba = tokenizer
        return self._jieba

    @property
    def nlp(self):
        """spaCy's blank Chinese pipeline whose tokenizer uses these words."""
        if self._nlp is None:
            import spacy

            nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
            nlp.tokenizer.jieba_seg = self  # spaCy calls jieba_seg.cut(text, cut_all=False)
            self._nlp = nlp
        return self._nlp

    def cut(self, text: str, cut_all: bool = False) -> list[str]:
        """``jieba.lcut(text)``, computed by jieba-rs."""
        if cut_all:  # never asked by spaCy or the pipeline; jieba's own answer
            return self.jieba.lcut(text, cut_all=True)
        words = self.fast.cut(text)
        if not _ASCII_WORD.search(text):
            return words  # where they differ, it is over letters and digits
        known = self.entries
        out: list[str] = []
        for w in words:
            if len(w) > 1 and w.isascii() and not known.get(w):
                out.extend(x for x in _JIEBA_ALNUM.split(w) if x)
            else:
                out.append(w)
        return out

    def boundaries(self, text: str) -> bytearray:
        """1 at every offset where one of jieba's words starts or ends. jieba-rs's words as
        they come: the one place they differ from jieba's (2015-2020 kept whole) is inside a
        run of letters and digits, where no name starts or ends."""
        out = bytearray(len(text) + 1)
        out[0] = 1
        for end in itertools.accumulate(map(len, self.fast.cut(text))):
            out[end] = 1
        return out

    def tag(self, text: str) -> list[tuple[str, str]]:
        """(word, part of speech) for the words of ``cut``."""
        entries = self.entries
        out = []
        for w in self.cut(text):
            e = entries.get(w)
            if e is not None:
                out.append((w, e[1]))
            elif w.isascii():
                out.append((w, "eng" if w.isalpha() else "m" if w.replace(".", "").isdigit() else "x"))
            else:
                head = []
                while len(w) > 2 and w[0] in FUNCTION_CHARS:
                    head.append((w[0], entries[w[0]][1] if w[0] in entries else "x"))
                    w = w[1:]
                tail = []
                while len(w) > 2 and w[-1] in FUNCTION_CHARS or len(w) == 2 and w[-1] in FUNCTION_CHARS and w[0] not in FUNCTION_CHARS:
                    tail.append((w[-1], entries[w[-1]][1] if w[-1] in entries else "x"))
                    w = w[:-1]
                out.extend(head)
                out.append((w, entries[w][1] if w in entries else "x"))
                out.extend(reversed(tail))
        return out

    def spans(self, text: str) -> list[tuple[int, int]]:
        return [(t.idx, t.idx + len(t.text)) for t in self.nlp.make_doc(text) if not t.is_space]


def _dictionary_entries(path: Path) -> dict[str, tuple[int, str]]:
    """word → (frequency, part of speech), from jieba's dictionary file."""
    out: dict[str, tuple[int, str]] = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) == 3:
                out[parts[0]] = (int(parts[1]), parts[2])
    return out


def _user_words(lexicon: Path | None, extra_words: tuple[str, ...]) -> list[tuple[str, int | None, str | None]]:
    """(word, frequency or None, tag or None) per line of a jieba user dictionary, then the extra words."""
    out: list[tuple[str, int | None, str | None]] = []
    if lexicon is not None and lexicon.exists():
        for line in lexicon.read_text(encoding="utf-8").splitlines():
            parts = line.split()
            if parts:
                freq = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
                tag = parts[-1] if len(parts) > 1 and not parts[-1].isdigit() else None
                out.append((parts[0], freq, tag))
    return out + [(word, None, None) for word in extra_words]


@lru_cache(maxsize=4)
def word_segmenter(lexicon: str | None, extra_words: tuple[str, ...] = ()) -> WordSegmenter:
    """One segmenter per process and lexicon: building jieba's prefix dict takes about a second."""
    return WordSegmenter(Path(lexicon) if lexicon else None, extra_words)

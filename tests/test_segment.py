import jieba

from pipeline.normalize import normalize
from pipeline.segment import paragraphs, sentences, word_segmenter


def test_segment_sentences_end_at_sentence_punctuation_and_paragraphs():
    norm = normalize("2021年，全区增长7%。今年前8个月，增速第一！\n“产值创新高。”他说")
    sents = sentences(norm)
    assert [s.text for s in sents] == ["2021年，全区增长7%。", "今年前8个月，增速第一！", "“产值创新高。”", "他说"]
    assert [s.paragraph for s in sents] == [0, 0, 1, 1]
    for s in sents:
        assert norm.text[s.start : s.end] == s.text
    assert len(paragraphs(norm)) == 2


def test_segment_jieba_words_through_spacy_are_pinned():
    # jieba's output changes between versions: pin it so that an upgrade is a visible diff
    seg = word_segmenter(None)
    text = "2021年，全区地区生产总值1252.4亿元，同比增长7%"
    words = [text[s:e] for s, e in seg.spans(text)]
    assert words == ["2021", "年", "，", "全区", "地区", "生产总值", "1252.4", "亿元", "，", "同比", "增长", "7%"]


def test_segment_private_tokenizer_leaves_global_jieba_alone(tmp_path):
    lexicon = tmp_path / "lexicon.txt"
    lexicon.write_text("甬江芯谷 100 nz\n", encoding="utf-8")
    seg = word_segmenter(str(lexicon))
    assert "甬江芯谷" in [w for w in seg.jieba.cut("位于镇海的甬江芯谷揭牌")]
    assert "甬江芯谷" not in list(jieba.cut("位于镇海的甬江芯谷揭牌"))


def _mutated_windows(n: int, seed: int = 11):
    """Windows of the corpus with letters, digits and signs dropped in: where jieba's two
    passes (dictionary and HMM) and its non-Han rules meet."""
    import random

    from tests.conftest import CORPUS

    text = "".join(p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*")))
    rng = random.Random(seed)
    extra = list("-_.%+#&aZ09 ,.;:()—·") + ["2015-2020", "3.5%", "A股", "5G", "1,252.4"]
    for _ in range(n):
        at = rng.randrange(len(text) - 300)
        chars = list(text[at : at + rng.randint(1, 300)])
        for _ in range(rng.randint(0, 4)):
            chars.insert(rng.randrange(len(chars) + 1), rng.choice(extra))
        yield "".join(chars)


def test_segment_fast_cut_gives_exactly_jiebas_words_on_the_corpus():
    # jieba-rs is used only because this holds: the same words as jieba.lcut, whole documents
    # and thousands of mutated windows (hyphenated numbers are where they differed)
    seg = word_segmenter(None)
    from tests.conftest import CORPUS

    for path in sorted(CORPUS.glob("*")):
        text = path.read_text(encoding="utf-8")
        assert seg.cut(text) == seg.jieba.lcut(text), path.name
    for window in _mutated_windows(3000):
        assert seg.cut(window) == seg.jieba.lcut(window), window


def test_segment_fast_cut_follows_the_user_lexicon(tmp_path):
    lexicon = tmp_path / "lexicon.txt"
    lexicon.write_text("甬江芯谷 100 nz\n占比 v\n双一力\n", encoding="utf-8")
    seg = word_segmenter(str(lexicon))
    for window in list(_mutated_windows(500, seed=3)) + ["位于镇海的甬江芯谷揭牌，占比为3%，双一力电池"]:
        assert seg.cut(window) == seg.jieba.lcut(window), window
    assert ("甬江芯谷", "nz") in seg.tag("位于镇海的甬江芯谷揭牌")
    assert ("占比", "v") in seg.tag("占比为3%")


def test_segment_tag_splits_grammar_characters_off_unknown_words():
    seg = word_segmenter(None)
    # jieba glues 为 and 及 to an unknown neighbour; a metric must stop before them
    assert seg.cut("工业集聚区为支柱") == ["工业集聚", "区为", "支柱"]
    assert seg.tag("工业集聚区为支柱") == [("工业集聚", "nz"), ("区", "n"), ("为", "p"), ("支柱", "n")]
    assert seg.tag("产业配套区及区内")[2:4] == [("区", "n"), ("及", "c")]
    # a name jieba does not know stays whole and is marked unknown
    assert ("舜宇", "x") in seg.tag("舜宇光学科技")
    assert seg.tag("ABC与2035和5G") == [("ABC", "eng"), ("与", "p"), ("2035", "m"), ("和", "c"), ("5G", "x")]


def test_segment_boundaries_are_jiebas_wherever_a_name_can_start_or_end():
    import itertools

    from tests.conftest import CORPUS

    seg = word_segmenter(None)
    for path in sorted(CORPUS.glob("*")):
        text = path.read_text(encoding="utf-8")
        fast = seg.boundaries(text)
        exact = bytearray(len(text) + 1)
        exact[0] = 1
        for end in itertools.accumulate(map(len, seg.jieba.lcut(text))):
            exact[end] = 1
        differ = [i for i in range(len(text) + 1) if fast[i] != exact[i]]
        # only inside runs of letters and digits (2015-2020), never next to a Chinese character
        assert all(text[i - 1].isascii() and text[i].isascii() for i in differ), path.name

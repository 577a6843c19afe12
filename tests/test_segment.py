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

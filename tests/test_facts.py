"""Attribution across paragraphs (pipeline/facts.py), where a single rule example cannot show it."""

from pipeline.run import text_result


def _subjects(text, rules, doc_date="2021"):
    return {f.span: f.subject for f in text_result(text, rules, doc_date).facts}


def test_a_source_note_gives_no_subject_to_the_paragraphs_after_it(rules):
    text = (
        "宁海县工业经济稳步发展。2020年，位居全国工业百强县第86位¹。\n\n"
        "¹ 数据来源：中国信息通信研究院发布的工业百强县名单\n\n"
        "规上工业企业全员劳动生产率为22.18万元/人，年均增长约10.3%。"
    )
    subjects = _subjects(text, rules)
    assert subjects["22.18万元/人"] == "宁海县"
    assert subjects["10.3%"] == "宁海县"


def test_a_firm_named_without_a_note_still_carries_to_the_next_paragraph(rules):
    text = "浙江永艺家具股份有限公司是办公椅龙头企业。\n\n全年营业收入42.6亿元，同比增长8.3%。"
    assert _subjects(text, rules)["42.6亿元"] == "浙江永艺家具股份有限公司"

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.normalize import normalize


def _check_map(raw, norm):
    assert len(norm.to_raw) == len(norm.text)
    prev = -1
    for i, c in enumerate(norm.text):
        r = norm.to_raw[i]
        assert r > prev, "offsets must increase"
        prev = r
        assert 0 <= r < len(raw)


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("提 高 企 业 竞 争 力", "提高企业竞争力"),
        ("总产值 342.08 亿 元", "总产值342.08亿元"),
        ("计划完成投资137.75\n\n亿元，截至8月", "计划完成投资137.75亿元，截至8月"),
        ("产值１２５２．４亿元，增长７％", "产值1252.4亿元，增长7%"),
        ("**一是传统产业占比大。**2020年", "一是传统产业占比大。2020年"),
        ("## 驭变向新", "驭变向新"),
        ("单位能耗$< 10.2\\text{m}^3$以内", "单位能耗<10.2m3以内"),
        ("产值增长12%¹²，位居前列", "产值增长12%，位居前列"),
        ("慈溪慈溪：：打造制造业高质量发展新高地打造制造业高质量发展新高地", "慈溪：打造制造业高质量发展新高地"),
        ("记者 何峰 陈章升", "记者 何峰 陈章升"),
        ("签约项目32个 总投资156亿元", "签约项目32个 总投资156亿元"),  # a headline's count ends a clause
        ("签约项目 32 个 总 投 资", "签约项目32个总投资"),  # letter-spaced PDF text is still joined
        ("第一段。\n\n第二段。", "第一段。\n第二段。"),
        ("一、综合\n\n初步核算，全年产值增长5%", "一、综合\n初步核算，全年产值增长5%"),  # the 、 is the heading's
        # a byline's date and time stay apart, and the line does not run on into the text
        ("记者 王海燕 2024-04-22 08:30\n\n4月21日，统计局发布", "记者 王海燕2024-04-22 08:30\n4月21日，统计局发布"),
        ("截至目前，镇\n\n海数字化车间已达84个", "截至目前，镇海数字化车间已达84个"),
        ("2024年02月19日　来源：日报\n\n本报讯　春节假期", "2024年02月19日来源：日报\n本报讯 春节假期"),  # a page's source line
        # a table whose cells a PDF's text sets apart by spaces: tabs, one per gap
        ("指标 2020年 2025年 属性\n产值（亿元） 1639  2300 预期性\n人口（万人） 227 230 预期性",
         "指标\t2020年\t2025年\t属性\n产值（亿元）\t1639\t2300\t预期性\n人口（万人）\t227\t230\t预期性"),
        ("产值 1 466 亿元 增长 7%", "产值1466亿元 增长7%"),  # one row alone is no table
        ("指标 2020年 2025年\n产值（亿元） 1639 2300\n人口（万人） 227 230",
         "指标\t2020年\t2025年\n产值（亿元）\t1639\t2300\n人口（万人）\t227\t230"),  # three columns
        ("二〇二五年，产值三百亿元；二零二〇年", "2025年，产值三百亿元；2020年"),  # years in Chinese digits, one for one
        ("三五年内，一二三四年级", "三五年内，一二三四年级"),  # no year: too short, or not a year's start
        # a headline stays apart from the byline and the text after a blank line
        ("安踏体育：营收首破600亿元\n\n本报记者 林晓\n\n3月26日，公司发布业绩", "安踏体育：营收首破600亿元\n本报记者 林晓\n3月26日，公司发布业绩"),
        ("产值再创新高，工业总产值达到\n\n680亿元", "产值再创新高，工业总产值达到680亿元"),  # broken number: joined
    ],
)
def test_normalize_repairs(raw, expected):
    norm = normalize(raw)
    assert norm.text == expected
    _check_map(raw, norm)


def test_normalize_maps_spans_back_to_raw():
    raw = "全区规上工业总产值 1466 亿\n元，同比增长"
    norm = normalize(raw)
    s = norm.text.index("1466亿元")
    rs, re_ = norm.raw_span(s, s + len("1466亿元"))
    assert raw[rs:re_] == "1466 亿\n元"


def test_normalize_joins_hard_wrapped_lines_but_not_headings():
    raw = "宁波特色小镇巡礼\n\n慈溪具有雄厚的工业基础，在全国工业百强县中，位\n居全省第一、全国第六。\n下一段开始。"
    text = normalize(raw).text
    assert "宁波特色小镇巡礼\n慈溪" in text
    assert "位居全省第一" in text
    assert "全国第六。\n下一段" in text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("一二三亿元万 \n\t，。“”１２.%$\\{}^*#¹²３年月0123456789abc镇海区企业\r　")), max_size=80))
def test_normalize_offset_map_holds_on_arbitrary_text(raw):
    norm = normalize(raw)
    _check_map(raw, norm)
    for s in range(len(norm.text)):
        for e in range(s + 1, min(len(norm.text), s + 6) + 1):
            rs, re_ = norm.raw_span(s, e)
            assert 0 <= rs < re_ <= len(raw)

import pytest

from pipeline.periods import find_periods, infer_doc_date


@pytest.mark.parametrize(
    "text,doc_year,period",
    [
        ("“十三五”期间", None, "2016..2020"),
        ("“十四五”时期", None, "2021..2025"),
        ("今年前8个月", 2022, "2022-01..2022-08"),
        ("2019年1-3月", None, "2019-01..2019-03"),
        ("去年一季度", 2020, "2019-01..2019-03"),
        ("前三季度", 2021, "2021-01..2021-09"),
        ("2022年上半年", None, "2022-01..2022-06"),
        ("到2025年", None, "2025"),
        ("2017—2019年", None, "2017..2019"),
        ("2008年以来", 2019, "2008..2019"),
    ],
)
def test_periods_resolve(rules, text, doc_year, period):
    found = find_periods(text, rules, doc_year)
    assert [p.period for p in found] == [period]


def test_periods_relative_year_needs_a_document_date(rules):
    assert find_periods("今年", rules, None) == []


@pytest.mark.parametrize(
    "text,date",
    [
        ("宁海县规划\n宁海县经济和信息化局\n2021年7月\n目录", "2021-07"),
        ("2021年，全区生产总值1252.4亿元。今年前8个月，增长7%。到2025年，力争翻番。", "2022"),
        ("2022年全区计划完成投资137.75亿元。2021年，全区增长7%。今年以来持续向好。", "2022"),
        ("2018年，全市增长8%。", "2018"),
        ("没有年份的文字。", ""),
        ("苏州一季度经济开门红\n记者 王海燕 2024-04-22 08:30\n一季度全市增长6.1%。", "2024-04"),
        ("标题\n发布时间：2023/9/5\n全市增长5%。", "2023-09"),
        ("编号 2023.13.45 的文件\n没有年份。", ""),  # no month 13: not a date
        # a story that opens on a day of its month, its year unsaid, in a text that says 今年
        ("安踏发布年报\n3月26日晚，公司发布2023年年度业绩。今年1月，子公司上市。", "2024-03"),
        ("本报讯（记者 陈静）4月20日，记者获悉，2023年全市增长6%，今年开局良好。", "2024-04"),
        # the clause after the day names the story's own year; a year's results do not
        ("3月12日，高新区举行2024年重点项目集中开工仪式。今年计划投资30亿元。", "2024-03"),
        ("3月26日晚，某集团发布2023年年度业绩。今年目标增长10%。", "2024-03"),
        # 去年 as the time of what happened, in a text that gives 2023 as a whole: written in 2024
        ("2023年，全县茶叶产值50亿元。“合作社去年带动农户增收2万元。”", "2024"),
        ("2023年，全县茶叶产值50亿元，比去年增长5%。", "2023"),  # 比去年 only compares
        # a report on last year's plan and this year's draft is of the draft's year
        ("关于2023年计划执行情况与2024年计划草案的报告\n2023年，全县增长7%。", "2024"),
    ],
)
def test_periods_infer_doc_date(rules, text, date):
    assert infer_doc_date(text, rules)[0] == date


def test_periods_statistical_bulletin_is_dated_by_its_year(rules):
    text = "江苏省2021年国民经济和社会发展统计公报\n江苏省统计局\n2022年3月\n全年全省实现地区生产总值116364.2亿元。"
    assert infer_doc_date(text, rules)[0] == "2021"


def test_periods_year_after_a_comparison_word_is_no_period(rules):
    assert find_periods("比上年增长8.6%，较去年提高", rules, 2021) == []


def test_periods_dateline_in_chinese_digits(rules):
    from pipeline.normalize import normalize

    # the year's digits are made Arabic in normalising; the month and day are read as they are
    text = normalize("政府工作报告\n——二〇二四年一月十日在市第十七届人民代表大会第三次会议上\n过去一年，全市增长6%。").text
    assert infer_doc_date(text, rules)[0] == "2024-01"
    assert infer_doc_date(normalize("公报\n二〇二三年十二月\n全年增长5%。").text, rules)[0] == "2023-12"


def test_periods_dateline_inside_a_heading_line(rules):
    text = "政府工作报告\n——2023年1月12日在合肥市第十七届人民代表大会第三次会议上\n过去一年，全市经济运行稳中有进。"
    assert infer_doc_date(text, rules)[0] == "2023-01"


def test_periods_work_report_dated_by_its_title_looks_back(rules):
    from pipeline.periods import LOOKS_BACK

    text = "2024年衢州市政府工作报告\n过去一年，全市地区生产总值增长6%。今年的主要预期目标是增长6.5%。"
    date, evidence = infer_doc_date(text, rules)
    assert date == "2024"  # not 2025, which 今年 after the latest year 2024 would give
    assert evidence.startswith(LOOKS_BACK)


def test_periods_review_of_a_plan_is_not_the_plan(rules):
    text = "关于南通市“十四五”规划纲要实施情况的中期评估报告\n2022年，全市地区生产总值增长6%。"
    date, evidence = infer_doc_date(text, rules)
    assert date == "2022" and not evidence.startswith("five-year plan")

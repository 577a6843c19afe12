"""Reports written for these tests, not taken from the seeds, in the genres zhfacts is for (a
provincial statistical bulletin, a city government work report, a newspaper feature on an
industrial town, a city's five-year plan with a table, a county bulletin saved in GBK, a news
web page, a prefecture's bulletin, a development zone's year summary, a feature on a textile
town, a county's monthly figures, a company's annual results, a province's five-year plan, a district work report in full-width
digits, a city's quarterly trade news, a feature on a high-tech zone, a town's
year in Chinese numerals, a county's table of indicators, the national bulletin, a feature on a new area, a county plan's table of indicators, a district's bulletin, a city's
work report with its year's targets, a feature on a shoe-making county, a zone's three-year
action plan, a province's monthly release, a district's five-year plan, a zone's news, a town's
year-end summary, a work report as a PDF's text with page numbers, a feature on a carmaker,
a county's bulletin, a province's work report looking back five years, a city's quarterly
news, a prefecture's bulletin of farm, industry and transport figures, a city's quarterly news,
a feature on a hardware-making street, a city's work report, a county's industry news, a county-level
city's work report, a feature on a sock-making street, a city's digital-economy plan, a county's
bulletin, a district's plan-execution report, a province's quarterly news, a feature on an
industrial park, a town's year summary, a feature on a motor maker, a new area's investment news, a
province's manufacturing plan, a city's bulletin with its counties' figures, a work report dated only by
its title, news of a regional forum dense in names, a feature on a children's-wear town, a plan's mid-term
review, a city's monthly release, a district's work report with hard-wrapped lines, a district's bulletin, a feature on a
village, a city's bulletin by district, a province's trade news, a zone's web page
with a table, a city's work report looking back five years, a feature with quotes, a plan's list of targets, a
city's bulletin in Guangxi, a district's work report, a feature on a luggage town, a city's quarterly
news in Gansu, a high-tech zone's plan, a city's work report opening a new term, customs news of a
province, a feature on a vegetable county, a budget report, a county's table of indicators, a
city's monthly release, a company's annual results, a prefecture's five-year plan, news of a
village, a port city's bulletin, a feature on a battery cluster, a county's quarterly analysis, a
trade news page with a table, science news dense in names, a county-level city's work report, a
feature on a mould-making town, Macao's figures in Traditional characters, a plan-execution report
as a PDF's text, a county's half-year news, a Chongqing district's bulletin, news of an official visit, an oil
city's bulletin, a press conference, a coal city's work report, a feature on a fireworks city,
a free-trade-port city's half-year news, a feature on a tea county, a province's quarterly release,
news of a zone's project signing, a new area's bulletin, a tea county's work report, a central
bank branch's half-year figures, a firm's annual report, a zone's table of half-year indicators,
a county's summer-grain news, a regional forum's news dense in names, a district's work report
from Jiangsu, a free-trade zone's feature, a city's first-quarter release, a city's digital-economy plan, a bulletin's population, power,
health and tourism sections, a feature on a manufacturing town, a bureau's year-end summary, an autonomous prefecture's tourism news, a county's monthly flash table, a county plan's table of
indicators, a county's budget table in 万元, a table of towns' figures, a web page's table of districts, a district plan's list of aims, news of listed firms, a work report's
list of the year's work, a town's year summary): rows a
reviewer checked by hand. Each pins a way the rules generalise beyond the seeds."""

import pandas as pd
import pytest

from .conftest import ROOT, run_cli

UNSEEN = ROOT / "tests" / "data" / "unseen"

# (doc, span, subject, metric_key, kind, status, period)
FACTS = [
    # a heading's number (一、综合) does not glue it to the paragraph after it
    ("jiangxi_bulletin.txt", "32200.1亿元", "江西省", "地区生产总值", "level", "actual", "2023"),
    ("jiangxi_bulletin.txt", "11167.5亿元", "江西省", "工业增加值", "level", "actual", "2023"),
    # per head is a measure of its own
    ("jiangxi_bulletin.txt", "71216元", "江西省", "人均地区生产总值", "level", "actual", "2023"),
    # 比上年末减少: a change of the level before it, not a metric called 比上年末
    ("jiangxi_bulletin.txt", "13.0万人", "江西省", "常住人口", "change", "actual", "2023"),
    ("jiangxi_bulletin.txt", "0.9个百分点", "江西省", "常住人口城镇化率", "change", "actual", "2023"),
    # the verb between who and what is measured goes
    ("jiangxi_bulletin.txt", "44312.6亿元", "江西省", "规上工业企业营业收入", "level", "actual", "2023"),
    ("jiangxi_bulletin.txt", "7324.5亿元", "南昌市", "地区生产总值", "level", "actual", "2023"),
    ("hefei_report.txt", "12673.8亿元", "合肥市", "地区生产总值", "level", "actual", "2023"),
    ("hefei_report.txt", "6.5%", "合肥市", "地区生产总值", "change", "target", "2024"),
    ("hefei_report.txt", "17万人", "合肥市", "城镇新增就业", "count", "target", "2024"),
    ("beijiao_feature.txt", "2500亿元", "北滘镇", "规上工业总产值", "level", "actual", "2022"),
    ("beijiao_feature.txt", "3457亿元", "美的集团", "营业收入", "level", "actual", "2022"),
    ("beijiao_feature.txt", "3000亿元", "北滘镇", "规上工业总产值", "level", "target", "2025"),
    # a park named after a quoted figure of speech (“小作坊”) is the park, not the figure
    ("beijiao_feature.txt", "8000名", "广东工业设计城", "设计师", "count", "actual", "2023"),
    # 年均 is no part of the metric
    ("chengdu_plan.txt", "16.2%", "成都市", "数字经济规模", "change", "actual", "2016..2020"),
    # a sentence after a target in its paragraph goes on with the plan
    ("chengdu_plan.txt", "10家", "成都市", "年营业收入超100亿元企业", "count", "target", "2025"),
    ("chengdu_plan.txt", "10000", "成都市", "数字经济规模", "level", "target", "2025"),
    # a web page dated only in its byline (2024-04-22 08:30): 一季度 is 2024's
    ("suzhou_news.html", "5907.1亿元", "苏州市", "地区生产总值", "level", "actual", "2024-01..2024-03"),
    ("suzhou_news.html", "1015.8亿元", "苏州工业园区", "地区生产总值", "level", "actual", "2024-01..2024-03"),
    ("suzhou_news.html", "80亿美元", "苏州市", "实际利用外资", "level", "target", "2024"),
    # a work report given in January looks back on the year before (全年, or no time at all)
    ("county_report.txt", "903.6亿元", "长兴县", "地区生产总值", "level", "actual", "2022"),
    ("county_report.txt", "7%", "长兴县", "地区生产总值", "change", "target", "2023"),
    # 同口径 is a cue, not a metric; 城乡 before 分别 is 城镇 for the first number, 农村 for the second
    ("county_report.txt", "6.5%", "长兴县", "一般公共预算收入", "change", "actual", "2022"),
    ("county_report.txt", "72350元", "长兴县", "城镇居民人均可支配收入", "level", "actual", "2022"),
    ("county_report.txt", "45120元", "长兴县", "农村居民人均可支配收入", "level", "actual", "2022"),
    ("county_report.txt", "6.2%", "长兴县", "农村居民人均可支配收入", "change", "actual", "2022"),
    # a share of exports is not exports
    ("yiwu_gbk.txt", "83.3%", "义乌市", "市场采购贸易方式出口占全市出口总额", "share", "actual", "2022"),
    ("yiwu_gbk.txt", "53487元", "义乌市", "农村常住居民人均可支配收入", "level", "actual", "2022"),
    # 比年初增加: a change of the balance before it, not a metric called 比年初
    ("mianyang_bulletin.txt", "538.2亿元", "绵阳市", "金融机构本外币各项存款余额", "change", "actual", "2023"),
    ("mianyang_bulletin.txt", "2.4%", "绵阳市", "民间投资", "change", "actual", "2023"),
    # 其中企业: 企业 refers to no company here, it is what is counted
    ("mianyang_bulletin.txt", "9.2万户", "绵阳市", "企业", "count", "actual", "2023"),
    ("mianyang_bulletin.txt", "38.4%", "绵阳市", "电子信息产业增加值占规上工业增加值的比重", "share", "actual", "2023"),
    # a year summary speaks of its year as 全年, whatever year its plans are for
    ("zone_summary.txt", "1362亿元", "合肥经济技术开发区", "地区生产总值", "level", "actual", "2023"),
    # 实际 of 实际利用外资 names the metric; it says nothing about the target having been met
    ("zone_summary.txt", "6亿美元", "合肥经济技术开发区", "实际利用外资", "level", "target", "2024"),
    # 江阴市周庄镇: of a place inside a place, the inner one is the subject
    ("jiangyin_feature.txt", "80平方公里", "周庄镇", "面积", "level", "actual", "2024"),
    # 聚集了各类: the verb and the determiner open the clause; the metric is what is counted
    ("jiangyin_feature.txt", "620多家", "周庄镇", "纺织服装企业", "count", "actual", "2024"),
    ("jiangyin_feature.txt", "20家", "周庄镇", "高新技术企业数量", "count", "target", "2024"),
    # 比前三季度提高: the quarter is what the figure is compared with, not its period
    ("monthly_news.txt", "0.4个百分点", "", "规上工业增加值", "change", "actual", "2023-01..2023-10"),
    # 高于全市平均水平: a gap to a yardstick measures the metric before it
    ("monthly_news.txt", "2.1个百分点", "", "规上工业增加值", "change", "actual", "2023-01..2023-10"),
    ("monthly_news.txt", "3.62亿千瓦时", "", "工业用电量", "level", "actual", "2023-10"),
    # 达到20604人: a count that looks like a year after 到 is no target year
    ("company_news.txt", "20604人", "宁德时代新能源科技股份有限公司", "研发人员", "count", "actual", "2023"),
    ("company_news.txt", "183.56亿元", "宁德时代新能源科技股份有限公司", "研发投入", "level", "actual", "2023"),
    # 宁德时代 is the company's short form, not the city of 宁德; 公司 is the company
    ("company_news.txt", "43.6%", "宁德时代新能源科技股份有限公司", "净利润", "change", "actual", "2023"),
    ("company_news.txt", "321GWh", "宁德时代新能源科技股份有限公司", "动力电池系统销量", "level", "actual", "2023"),
    ("province_plan.txt", "7%", "安徽省", "地区生产总值", "change", "target", "2021..2025"),
    ("province_plan.txt", "十个", "安徽省", "千亿级产业集群", "count", "target", "2025"),
    # 由698亿元增加到1056亿元: both are the GDP (full-width digits, read as written)
    ("district_report.txt", "１０５６亿元", "江北区", "地区生产总值", "level", "actual", "2023"),
    # 第一产业、第二产业、第三产业增加值分别…: the short items take the last one's head
    ("district_report.txt", "３．１％", "江北区", "第一产业增加值", "change", "actual", "2023"),
    # 今后五年: a plan for the document's year and the four after it
    ("district_report.txt", "６％", "江北区", "地区生产总值", "change", "target", "2024..2028"),
    # 亿元人民币: the currency is no metric; a headline's 一季度 dates what names no time
    ("news_trade.txt", "3216.5亿元", "东莞市", "进出口总额", "level", "actual", "2024-01..2024-03"),
    ("news_trade.txt", "1725.6亿元", "东莞市", "一般贸易进出口", "level", "actual", "2024-01..2024-03"),
    # 比重 alone is the share just named
    ("news_trade.txt", "2.7个百分点", "东莞市", "一般贸易进出口占全市外贸总值", "change", "actual", "2024-01..2024-03"),
    # 环比 is a cue
    ("news_trade.txt", "34.8%", "东莞市", "外贸进出口", "change", "actual", "2024-03"),
    # a company's short form found as a brand still names the company; 区内 is a scope word
    ("park_feature.txt", "5000吨", "长飞光纤光缆股份有限公司", "光纤预制棒产能", "level", "actual", "2023"),
    ("park_feature.txt", "1.6万家", "东湖高新区", "集聚光电子信息企业", "count", "actual", "2024"),
    ("town_notes.txt", "一千二百三十亿元", "柳市镇", "工业总产值", "level", "actual", "2023"),
    ("town_notes.txt", "百分之六点二", "柳市镇", "工业总产值", "change", "actual", "2023"),
    # a growth column with no time of its own is of the table's one period
    ("table_bulletin.txt", "6.9", "瑞安市", "地区生产总值", "change", "actual", "2023-01..2023-12"),
    ("table_bulletin.txt", "1361.5", "瑞安市", "地区生产总值", "level", "actual", "2023-01..2023-12"),
    # a title naming the country and no division: the bulletin is about 中国, not the
    # province it names most
    ("national.txt", "1260582亿元", "中国", "地区生产总值", "level", "actual", "2023"),
    ("national.txt", "652084亿元", "东部地区", "地区生产总值", "level", "actual", "2023"),
    ("national.txt", "135673亿元", "广东省", "地区生产总值", "level", "actual", "2023"),
    # 新区 alone is the new area the text is about, not the park named last
    ("newarea_feature.txt", "1.2万家", "青岛西海岸新区", "新设民营企业", "count", "actual", "2024-01..2024-03"),
    # 2020年基数 | 2025年目标 | 年均增长（%）: the average growth is the plan's
    ("county_plan.txt", "7.5", "德清县", "地区生产总值", "change", "target", "2021..2025"),
    ("county_plan.txt", "517.1", "德清县", "地区生产总值", "level", "actual", "2020"),
    # 广州市黄埔区 in the title is one mention of 黄埔区: it is the document's subject
    ("huangpu_bulletin.txt", "128.95万人", "黄埔区", "常住人口", "count", "actual", "2023"),
    # a numbered heading with a list in it (九、教育、科技和卫生) is no part of the metric after it
    ("huangpu_bulletin.txt", "367所", "黄埔区", "学校", "count", "actual", "2023"),
    # 预计全年 in a January work report is the year just ended
    ("luoyang_report.txt", "4.5%", "洛阳市", "地区生产总值", "change", "forecast", "2023"),
    ("luoyang_report.txt", "421.3亿元", "洛阳市", "一般公共预算收入", "level", "forecast", "2023"),
    # 全社会 is the city; a laboratory named later in the paragraph is not what comes before it
    ("luoyang_report.txt", "2.9%", "洛阳市", "全社会研发经费投入强度", "share", "actual", "2023"),
    # 总数 after 新增: the total of the same things
    ("luoyang_report.txt", "44家", "洛阳市", "国家级专精特新“小巨人”企业总数", "count", "actual", "2023"),
    # a zone named last in a paragraph about the city does not carry into the next paragraph
    ("luoyang_report.txt", "6.8万人", "洛阳市", "城镇新增就业", "count", "actual", "2023"),
    # under the heading 二、2024年主要目标任务 the figures are the plan's, for 2024
    ("luoyang_report.txt", "1500亿元", "洛阳市", "投资", "level", "target", "2024"),
    ("luoyang_report.txt", "200家", "洛阳市", "新增规上工业企业", "count", "target", "2024"),
    # 双 is a unit: 10亿双 is a count, not money
    ("jinjiang_feature.txt", "10亿双", "晋江市", "年产各类鞋", "count", "actual", "2023"),
    # the article and the measure word (一座) open no metric; 计划总投资 is planned
    ("jinjiang_feature.txt", "300亩", "晋江经济开发区", "占地", "level", "actual", "2023"),
    ("jinjiang_feature.txt", "45亿元", "晋江经济开发区", "总投资", "level", "target", ""),
    # an action plan's 主要任务 section: yearly amounts are planned, of no one year
    ("zone_plan.txt", "50个", "嘉兴经济技术开发区", "引进亿元以上产业项目", "count", "target", ""),
    ("zone_plan.txt", "2250.6亿元", "嘉兴经济技术开发区", "规上工业总产值", "level", "actual", "2022"),
    # a release signed only by 山东省统计局 is about 山东省 (全省); 增速比1—9月份加快 names a base,
    # not the period of the sentences after it
    ("shandong_monthly.txt", "7.2%", "山东省", "规上工业增加值", "change", "actual", "2023-01..2023-10"),
    ("shandong_monthly.txt", "1.9%", "山东省", "采矿业增加值", "change", "actual", "2023-01..2023-10"),
    # a five-year plan is dated its first year (2021): 增加到2020年的 is a result, not a target
    ("wanzhou_plan.txt", "1010.9亿元", "万州区", "地区生产总值", "level", "actual", "2020"),
    ("wanzhou_plan.txt", "6.2万元", "万州区", "人均地区生产总值", "level", "actual", "2020"),
    # 新材料 keeps its 新
    ("wanzhou_plan.txt", "200亿元", "万州区", "新材料产业产值", "level", "target", "2025"),
    # 经开区 is the development zone named before
    ("zone_news.txt", "60万辆", "合肥经济技术开发区", "新能源汽车产量", "count", "target", "2024"),
    ("village_report.txt", "37家", "永安镇", "规上工业企业总数", "count", "actual", "2023"),
    ("village_report.txt", "20万元", "永安镇", "行政村集体经济收入", "level", "actual", "2023"),
    # a PDF's page number (— 1 —) between 中车株 and 机公司 is dropped and the name joined; a
    # company named later in the paragraph is not the subject of the figures before it
    ("zhuzhou_report_pdf.txt", "368.2亿元", "中车株机公司", "营业收入", "level", "actual", "2023"),
    ("zhuzhou_report_pdf.txt", "3600亿元", "株洲市", "轨道交通、航空动力、先进硬质材料三大产业集群产值", "level", "actual", "2023"),
    # 净增 is the change of the count before it
    ("zhuzhou_report_pdf.txt", "210家", "株洲市", "高新技术企业数量", "count", "actual", "2023"),
    ("company_feature.txt", "40万辆", "比亚迪股份有限公司", "海外销量", "count", "target", "2024"),
    ("company_feature.txt", "2600亿元", "坪山区", "新能源汽车产业产值", "level", "actual", "2023"),
    ("county_bulletin2.txt", "21户", "仁寿县", "规上工业企业", "change", "actual", "2023"),
    ("county_bulletin2.txt", "68.9万吨", "仁寿县", "粮食总产量", "level", "actual", "2023"),
    # 过去五年 in a January 2023 report is 2018..2022; 跨越…两个台阶 names no metric
    ("province_report.txt", "5万亿元", "河南省", "地区生产总值", "level", "actual", "2018..2022"),
    ("province_report.txt", "5.3%", "河南省", "地区生产总值", "change", "actual", "2018..2022"),
    # 提高到 + a share is the share reached, no change; over years, its year is the last one
    ("province_report.txt", "57.1%", "河南省", "常住人口城镇化率", "share", "actual", "2022"),
    ("province_report.txt", "4261.6亿元", "河南省", "一般公共预算收入", "level", "actual", "2022"),
    # 是五年前的4.7倍: a comparison base is no metric
    ("province_report.txt", "4.7倍", "河南省", "高新技术企业数量", "change", "actual", "2022"),
    ("province_report.txt", "60万吨", "郑州航空港经济综合实验区", "货邮吞吐量", "level", "actual", "2022"),
    # ……由698亿元增加到……: the level it rose from is of the year before the five
    ("district_report.txt", "６９８亿元", "江北区", "地区生产总值", "level", "actual", "2018"),
    # 其中9月当月 is a month inside 前三季度: the sentences after it go on with 前三季度
    ("quarter_news.txt", "3.2万亿元", "苏州市", "规上工业总产值", "level", "actual", "2023-01..2023-09"),
    ("quarter_news.txt", "6.2%", "苏州市", "规上工业增加值", "change", "actual", "2023-09"),
    # 降幅比上半年收窄: the rate of the figure before it
    ("quarter_news.txt", "1.2个百分点", "苏州市", "进出口总额", "change", "actual", "2023-01..2023-09"),
    # farm, industry and transport units of a bulletin: 千公顷 is one unit, cigarettes come in 箱
    ("zunyi_bulletin.txt", "386.5千公顷", "遵义市", "粮食种植面积", "level", "actual", "2023"),
    ("zunyi_bulletin.txt", "61.47万吨", "遵义市", "稻谷产量", "level", "actual", "2023"),
    ("zunyi_bulletin.txt", "176.3万箱", "遵义市", "卷烟产量", "count", "actual", "2023"),
    ("zunyi_bulletin.txt", "0.9%", "遵义市", "卷烟产量", "change", "actual", "2023"),
    ("zunyi_bulletin.txt", "158.63亿吨公里", "遵义市", "公路货物运输周转量", "level", "actual", "2023"),
    ("zunyi_bulletin.txt", "45起", "遵义市", "生产安全事故", "count", "actual", "2023"),
    # 价格下降 is one word of jieba's: the verb is no part of the metric
    ("zunyi_bulletin.txt", "0.8%", "遵义市", "食品烟酒价格", "change", "actual", "2023"),
    # the whole city's tourists come first; a county named after them has figures of its own
    ("zunyi_bulletin.txt", "1.29亿人次", "遵义市", "接待游客", "count", "actual", "2023"),
    ("zunyi_bulletin.txt", "2436万人次", "赤水市", "接待游客", "count", "actual", "2023"),
    # one month is written as itself; 其中9月当月 is inside 前三季度, which goes on after it
    ("baotou_q3_news.txt", "10.2%", "包头市", "规上工业增加值", "change", "actual", "2023-09"),
    ("baotou_q3_news.txt", "612.4亿元", "包头市", "社会消费品零售总额", "level", "actual", "2023-01..2023-09"),
    ("baotou_q3_news.txt", "0.2%", "包头市", "居民消费价格", "change", "actual", "2023-09"),
    # 全街道 is the street the feature is about
    ("leliu_feature.txt", "62家", "勒流街道", "新增规上工业企业", "count", "actual", "2023"),
    ("leliu_feature.txt", "1000亿元", "勒流街道", "规上工业总产值", "level", "target", "2026"),
    # a list paired by 分别 gives its parallel start the head; the 分别 after it pairs the same way
    ("pingxiang_report.txt", "48720元", "萍乡市", "城镇居民人均可支配收入", "level", "actual", "2023"),
    ("pingxiang_report.txt", "4.8%", "萍乡市", "城镇居民人均可支配收入", "change", "actual", "2023"),
    ("pingxiang_report.txt", "6.9%", "萍乡市", "农村居民人均可支配收入", "change", "actual", "2023"),
    ("pingxiang_report.txt", "18.6%", "萍乡市", "电子信息产业营业收入", "change", "actual", "2023"),
    # a district named after the city's figures, with none after it, is named in passing
    ("pingxiang_report.txt", "126家", "萍乡市", "新增规上工业企业", "count", "actual", "2023"),
    # a zone named at a section's end does not carry into the next section's targets; 涨幅 is a rate
    ("pingxiang_report.txt", "3%", "萍乡市", "居民消费价格", "change", "target", "2024"),
    # 该集团 is the company named before it, by its full name
    ("changxing_news.txt", "2100亿元", "天能控股集团", "营业收入", "level", "actual", "2023"),
    ("changxing_news.txt", "46.8%", "长兴县", "新能源产业产值占全县规上工业总产值的比重", "share", "actual", "2023"),
    ("changxing_news.txt", "2000亿元", "长兴县", "新能源产业产值", "level", "target", "2027"),
    # a zone named at a paragraph's end with figures of its own in its clause is named in passing
    ("kunshan_report.txt", "186个", "昆山市", "新开工亿元以上产业项目", "count", "actual", "2023"),
    ("kunshan_report.txt", "56.2%", "昆山市", "战略性新兴产业产值占规上工业总产值比重", "share", "actual", "2023"),
    ("kunshan_report.txt", "4216亿元", "昆山开发区", "规上工业总产值", "level", "actual", "2023"),
    ("kunshan_report.txt", "5%", "昆山市", "地区生产总值", "change", "target", "2024"),
    # 大唐 is 大唐街道, which the feature names in full: a company's paragraph does not carry past it
    ("datang_feature.txt", "23家", "大唐街道", "建成袜业数字化工厂", "count", "actual", "2023"),
    ("datang_feature.txt", "800亿元", "大唐街道", "袜业产值", "level", "target", "2025"),
    ("datang_feature.txt", "12亿元", "浙江梦娜袜业股份有限公司", "销售收入", "level", "actual", "2022"),
    # a section of targets (二、发展目标) goes on with the year its first targets name
    ("jinhua_plan.txt", "2.5万个", "金华市", "建成5G基站", "count", "target", "2025"),
    ("jinhua_plan.txt", "90%", "金华市", "规上工业企业数字化改造覆盖率", "share", "target", "2025"),
    ("county_bulletin3.txt", "71.4亿元", "仙居县", "规上工业增加值", "level", "actual", "2023"),
    ("county_bulletin3.txt", "5.6%", "仙居县", "建筑业总产值", "change", "actual", "2023"),
    # a lab named after all of a paragraph's figures does not carry into the next paragraph; a
    # long numbered heading (二、2024年…计划草案) is still a heading
    ("plan_execution.txt", "3056亿元", "余杭区", "地区生产总值", "level", "forecast", "2023"),
    ("plan_execution.txt", "5.3%", "余杭区", "固定资产投资", "change", "actual", "2023"),
    # 预计达到… with no time of its own, in a January report: the estimate of the year just ended
    ("plan_execution.txt", "1650亿元", "余杭区", "数字经济核心产业增加值", "level", "forecast", "2023"),
    ("plan_execution.txt", "6%", "余杭区", "地区生产总值", "change", "target", "2024"),
    # 增速比1—2月份加快: the months before are a base; 3月份 is a month inside the quarter
    ("province_q1_news.txt", "0.4个百分点", "湖南省", "规上工业增加值", "change", "actual", "2024-01..2024-03"),
    ("province_q1_news.txt", "8.0%", "湖南省", "规上工业增加值", "change", "actual", "2024-03"),
    ("province_q1_news.txt", "897.5亿元", "长沙市", "进出口总额", "level", "actual", "2024-01..2024-03"),
    # 企业40余家落户园区: the verb after the number says where they went, not what they are
    ("park_feature2.txt", "40余家", "华为终端有限公司", "带动上下游配套企业", "count", "actual", "2023"),
    ("park_feature2.txt", "165.9亿元", "生益科技股份有限公司", "营业收入", "level", "actual", "2023"),  # 去年 in a text reporting 2023 as a whole: written in 2024
    # a company named among its town's figures has its own sentence, not the ones after it
    ("town_report.txt", "2000亿元", "海亮集团", "营业收入", "level", "actual", "2023"),
    ("town_report.txt", "38家", "店口镇", "新增规上企业", "count", "actual", "2023"),
    ("town_report.txt", "27个", "店口镇", "招引亿元以上项目", "count", "actual", "2023"),
    ("company_feature2.txt", "155.7亿元", "卧龙电气驱动集团股份有限公司", "营业收入", "level", "actual", "2023"),  # 2023 given as a whole year and 去年: written in 2024
    ("company_feature2.txt", "480亿元", "上虞区", "电机产业产值", "level", "actual", "2023"),
    # 全区 in a new area's news is the area
    ("invest_news.txt", "1.5万户", "两江新区", "新增市场主体", "count", "actual", "2024-01..2024-03"),
    ("province_plan2.txt", "60000", "安徽省", "规上工业营业收入", "level", "target", "2025"),
    ("province_plan2.txt", "8.3%", "安徽省", "规上工业增加值", "change", "actual", "2016..2020"),
    # a list of places paired by 分别: the i-th place is the i-th number's subject
    ("city_bulletin.txt", "843.2亿元", "玉环市", "地区生产总值", "level", "actual", "2023"),
    ("city_bulletin.txt", "7.1%", "椒江区", "地区生产总值", "change", "actual", "2023"),
    # a conversion of the figure before it measures the same; 所占比重 after an amount is its share
    ("city_bulletin.txt", "13147美元", "台州市", "人均地区生产总值", "level", "actual", "2023"),
    ("city_bulletin.txt", "49.6%", "台州市", "对“一带一路”沿线国家出口所占比重", "share", "actual", "2023"),
    ("city_bulletin.txt", "65家", "台州市", "境内上市公司", "count", "actual", "2023"),
    # 2024年…政府工作报告 looks back on 2023; its 今年 is 2024
    ("work_report2.txt", "4398.1亿元", "宿迁市", "地区生产总值", "level", "actual", "2023"),
    ("work_report2.txt", "331亿元", "洋河股份", "营业收入", "level", "actual", "2023"),
    ("work_report2.txt", "6.5%", "宿迁市", "地区生产总值", "change", "target", "2024"),
    # 园区内的…公司: the firm in the park is what the figures are about
    ("county_feature.txt", "4.6亿元", "浙江布衣草人服饰有限公司", "销售额", "level", "actual", "2023"),  # 2023 given as a whole year: 去年 is 2023
    ("county_feature.txt", "750亿元", "织里镇", "童装产业销售额", "level", "actual", "2023"),
    ("entity_news.txt", "2310亿元", "松江区", "规上工业总产值", "level", "actual", "2023-01..2023-09"),
    # a review of a plan's progress is not the plan: its figures are results; 提前实现…目标 is met
    ("midterm_eval.txt", "11379.6亿元", "南通市", "地区生产总值", "level", "actual", "2022"),
    ("midterm_eval.txt", "2.9%", "南通市", "研发经费投入强度", "share", "target", "2025"),
    ("midterm_eval.txt", "71.4%", "南通市", "常住人口城镇化率", "share", "actual", "2022"),
    # 完成年度目标的85.3% is how far the year has got, not a target
    ("monthly_release.txt", "85.3%", "嘉兴市", "固定资产投资占年度目标", "share", "actual", "2023-01..2023-10"),
    ("monthly_release.txt", "1.2倍", "嘉兴市", "高新技术产业投资", "change", "actual", "2023-01..2023-10"),
    ("monthly_release.txt", "9.1%", "嘉兴市", "规上工业增加值", "change", "actual", "2023-10"),
    ("monthly_release.txt", "7%", "嘉兴市", "规上工业增加值", "change", "forecast", "2023"),
    # a park named among its district's figures does not carry into the next paragraph (hard-wrapped text)
    ("wrapped_report.txt", "42.6\n亿元", "瓯海经济开发区", "工业投资", "level", "actual", "2022"),
    ("wrapped_report.txt", "46 个", "瓯海区", "老旧小区改造", "count", "actual", "2022"),
    ("wrapped_report.txt", "35 公里", "瓯海区", "新增绿道", "level", "actual", "2022"),
    # a market a bulletin names has its own sentence; 中国 opening its name is no subject
    ("district_bulletin.txt", "3520.6亿元", "中国轻纺城", "市场群成交额", "level", "actual", "2023"),
    ("district_bulletin.txt", "568.1亿元", "柯桥区", "社会消费品零售总额", "level", "actual", "2023"),
    ("district_bulletin.txt", "5860张", "柯桥区", "医院床位", "count", "actual", "2023"),
    # a village named after its street is what a feature on it is about
    ("village_feature.txt", "125.6亿元", "滕头村", "社会总产值", "level", "actual", "2022"),
    ("village_feature.txt", "1.3亿元", "滕头村", "旅游收入", "level", "actual", "2022"),
    # 分区看，A、B、C分别增长…: the places alone measure what the sentence before measured
    ("city_bulletin2.txt", "7.9%", "柯桥区", "地区生产总值", "change", "actual", "2023"),
    ("city_bulletin2.txt", "8.3%", "上虞区", "地区生产总值", "change", "actual", "2023"),
    # 我省 news naming its cities in passing is about the province; 对A、B、C分别进出口: each partner
    ("trade_news.txt", "5120亿元", "浙江省", "对欧盟进出口", "level", "actual", "2023-01..2023-09"),
    ("trade_news.txt", "3.1万亿元", "浙江省", "民营企业进出口", "level", "actual", "2023-01..2023-09"),
    ("trade_news.txt", "1260亿元", "浙江省", "电动汽车、锂电池和光伏产品合计出口", "level", "actual", "2023-01..2023-09"),
    # 义乌市场: the place is 义乌, the market is the metric's
    ("trade_news.txt", "3010亿元", "义乌市", "市场采购贸易方式出口", "level", "actual", "2023-01..2023-09"),
    # a zone's web page that names no region is about the zone; 国家高新区 is its rank, not a name
    ("zone_profile.html", "1860亿元", "常熟高新技术产业开发区", "规上工业总产值", "level", "actual", "2023"),
    ("zone_profile.html", "48.6", "常熟高新技术产业开发区", "一般公共预算收入", "level", "actual", "2022"),
    ("zone_profile.html", "2500亿元", "常熟高新技术产业开发区", "规上工业总产值", "level", "target", "2025"),
    # 五年来，我们…: the government's own figures, up to the year before a January report; a zone
    # named after them in passing (金义新区获批设立) is not their subject
    ("work_report3.txt", "426家", "金华市", "高新技术企业数量", "count", "actual", "2016"),
    ("work_report3.txt", "2311家", "金华市", "高新技术企业数量", "count", "actual", "2021"),
    ("work_report3.txt", "8000亿元", "金华市", "地区生产总值", "level", "target", "2026"),
    # 超过七成: a proportion in tenths
    ("invest_news.txt", "七成", "两江新区", "投资额占比", "share", "actual", "2024-01..2024-03"),
    ("jinjiang_feature.txt", "六成", "晋江市", "鞋服产业产值占全市规上工业产值", "share", "actual", "2022"),
    # a quote's 我们 is the firm its speaker heads; 马桥经编园区 is a park (园区 after a proper name)
    ("feature_quotes.txt", "35%", "浙江万舟控股集团有限公司", "订单", "change", "actual", "2023-01..2023-05"),
    ("feature_quotes.txt", "320亿元", "马桥经编园区", "产值", "level", "actual", "2022"),
    ("feature_quotes.txt", "62家", "海宁市", "经编企业", "count", "actual", "2023"),
    # 到2025年，…主要目标是： announces the year of the list of targets after it
    ("plan_list.txt", "800亿元", "衢州市", "规上工业增加值", "level", "target", "2025"),
    ("plan_list.txt", "2000家", "衢州市", "规上工业企业数量", "count", "target", "2025"),
    # 比上年增加 an amount: a change; 连续七年稳定在… is still the output's
    ("agri_bulletin.txt", "12.4万亩", "绥化市", "粮食种植面积", "change", "actual", "2023"),
    ("agri_bulletin.txt", "250亿斤", "绥化市", "粮食总产量", "level", "actual", "2023"),
    ("agri_bulletin.txt", "641.8万头", "绥化市", "生猪出栏", "count", "actual", "2023"),
    ("agri_bulletin.txt", "98.5%", "绥化市", "农作物耕种收综合机械化率", "share", "actual", "2023"),
    # 为预算的102.3% is the revenue's share of its budget; the growth after it is the revenue's;
    # 全市政府债务余额 is a debt, not a body; 安排 and 预期 are no part of a metric
    ("budget_report.txt", "102.3%", "嘉兴市", "一般公共预算收入占预算", "share", "actual", "2023"),
    ("budget_report.txt", "8.1%", "嘉兴市", "一般公共预算收入", "change", "actual", "2023"),
    ("budget_report.txt", "1986.4亿元", "嘉兴市", "政府债务余额", "level", "actual", "2023"),
    ("budget_report.txt", "1050亿元", "嘉兴市", "一般公共预算支出", "level", "target", "2024"),
    ("budget_report.txt", "5%", "嘉兴市", "一般公共预算收入", "change", "target", "2024"),
    # a census bulletin reports its census's year; 与2010年…的5968838人相比 is the base of 2010
    ("census_bulletin.txt", "6622888人", "台州市", "常住人口", "count", "actual", "2020"),
    ("census_bulletin.txt", "5968838人", "台州市", "常住人口", "count", "actual", "2010"),
    ("census_bulletin.txt", "654050人", "台州市", "常住人口", "count", "actual", "2020"),
    ("census_bulletin.txt", "2.88人", "台州市", "平均每个家庭户的人口", "count", "actual", "2010"),
    ("census_bulletin.txt", "0.22人", "台州市", "平均每个家庭户的人口", "change", "actual", "2020"),
    ("census_bulletin.txt", "9.18个百分点", "台州市", "城镇人口比重", "change", "actual", "2020"),
    ("census_bulletin.txt", "1416199人", "温岭市", "常住人口", "count", "actual", "2020"),
    # 春节假期 in a February report is this year's holiday, for the paragraph; 去年 the year before
    ("tourism_news.txt", "42.3万人次", "安吉县", "过夜游客", "count", "actual", "2024"),
    ("tourism_news.txt", "3200万人次", "安吉县", "接待游客", "count", "actual", "2023"),
    ("tourism_news.txt", "20.3%", "安吉县", "旅游总收入", "change", "actual", "2023"),
    ("tourism_news.txt", "5个", "安吉县", "旅游度假区", "count", "target", "2024"),
    # 做好今年工作，重点抓好以下几个方面： announces the year's plan, 全年 and all
    ("targets_report.txt", "650亿元", "湖州市", "工业投资", "level", "target", "2024"),
    ("targets_report.txt", "45个", "湖州市", "10亿元以上项目", "count", "target", "2024"),
    ("targets_report.txt", "28微克/立方米", "湖州市", "PM2.5平均浓度", "level", "target", "2024"),
    ("targets_report.txt", "47326元", "湖州市", "农村居民人均可支配收入", "level", "actual", "2023"),
    # 居全省第…, 在全省…排名 do not make a county's news the province's; 上升3位 is the rank's
    # change; the year opening a paragraph dates its sentences
    ("rank_news.txt", "3位", "长兴县", "全国百强县排名", "change", "actual", "2023"),
    ("rank_news.txt", "第7", "长兴县", "全省入围县（市）排名", "rank", "actual", "2023"),
    ("rank_news.txt", "8.1%", "长兴县", "规上工业增加值", "change", "actual", "2022"),
    ("rank_news.txt", "3.45%", "长兴县", "R&D经费投入强度", "share", "actual", "2022"),
    ("rank_news.txt", "610家", "长兴县", "高新技术企业数量", "count", "actual", "2023"),
    # a threshold names the class of projects counted (10亿元以上项目8个)
    ("signing_news.txt", "8个", "南浔区", "10亿元以上项目", "count", "actual", "2024-01..2024-03"),
    ("signing_news.txt", "23.5%", "南浔区", "实际利用外资", "change", "actual", "2024"),
    ("signing_news.txt", "150个", "南浔区", "招引亿元以上项目", "count", "target", "2024"),
    ("transport_bulletin.txt", "21.5万辆", "宁波市", "民用汽车保有量", "change", "actual", "2023"),
    ("transport_bulletin.txt", "3530万标准箱", "宁波市", "集装箱吞吐量", "level", "actual", "2023"),
    ("transport_bulletin.txt", "158.4亿千瓦时", "宁波市", "城乡居民生活用电量", "level", "actual", "2023"),
    ("transport_bulletin.txt", "12.6%", "宁波市", "住宅销售面积", "change", "actual", "2023"),
    ("halfyear_analysis.txt", "1.6个百分点", "温州市", "地区生产总值", "change", "actual", "2023-01..2023-06"),
    ("halfyear_analysis.txt", "9.6%", "温州市", "规上工业增加值", "change", "actual", "2023-06"),
    ("halfyear_analysis.txt", "55.3%", "温州市", "民间投资占全部投资的比重", "share", "actual", "2023-01..2023-06"),
    # a table a PDF's text sets apart by spaces: each cell its own number; the untimed growth
    # column between a 2020 base and 2025 targets is the plan's, over 2021..2025
    ("plan_pdf_table.txt", "1639", "衢州市", "地区生产总值", "level", "actual", "2020"),
    ("plan_pdf_table.txt", "2300", "衢州市", "地区生产总值", "level", "target", "2025"),
    ("plan_pdf_table.txt", "7%", "衢州市", "地区生产总值", "change", "target", "2021..2025"),
    ("plan_pdf_table.txt", "71.5", "衢州市", "森林覆盖率", "share", "actual", "2020"),
    # 他的 opens a clause before the firm it names
    ("sock_feature.txt", "800余台", "浙江丹吉娅服饰有限公司", "智能袜机", "count", "actual", "2023"),
    ("sock_feature.txt", "385亿元", "大唐街道", "袜业产值", "level", "actual", "2023"),
    ("shunde_feature.txt", "4000亿元", "顺德区", "家电产业集群产值", "level", "actual", "2023"),
    ("shunde_feature.txt", "16%", "顺德区", "家电产业集群产值占全国家电产业总产值", "share", "actual", "2023"),
    ("shunde_feature.txt", "5000亿元", "顺德区", "家电产业集群产值", "level", "target", "2025"),
    # （以下简称“航空港区”） is the zone's short form, no part of a metric; a bracket's 、 is in the rank's scope
    ("zhengzhou_news.txt", "1013.6亿元", "郑州航空港经济综合实验区", "地区生产总值", "level", "actual", "2023-01..2023-09"),
    ("zhengzhou_news.txt", "首位", "郑州航空港经济综合实验区", "地区生产总值增速郑州市各县（市、区）排名", "rank", "actual", "2023-01..2023-09"),
    ("zhengzhou_news.txt", "3526.4亿元", "郑州航空港经济综合实验区", "进出口总额", "level", "actual", "2023-01..2023-09"),
    ("zhengzhou_news.txt", "20万辆", "比亚迪", "新能源汽车产量", "count", "forecast", "2023"),  # a known firm's short form
    ("sichuan_county_report.txt", "15.6%", "双流区", "生物医药主导产业规上营收", "change", "actual", "2023"),
    ("sichuan_county_report.txt", "3个", "双流区", "百亿级项目", "count", "actual", "2023"),
    ("sichuan_county_report.txt", "7%", "双流区", "地区生产总值", "change", "target", "2024"),
    # 前两个月; 同比多增 an amount is a change; a bank's branch is the one firm
    ("finance_news.txt", "42.3亿元", "温州市", "新增制造业贷款", "change", "actual", "2024-01..2024-02"),
    ("finance_news.txt", "38.2亿元", "中国农业银行温州分行", "新增制造业中长期贷款", "level", "actual", "2024-01..2024-02"),
    ("finance_news.txt", "326件", "温州市", "审结涉企金融纠纷案件", "count", "actual", "2024"),
    # a GBK web page's table: a column headed 4月 is that month
    ("monthly_table.html", "512.3", "湖州市", "规上工业总产值", "level", "actual", "2024-04"),
    ("monthly_table.html", "531.8", "湖州市", "进出口总额", "level", "actual", "2024-01..2024-04"),
    ("monthly_table.html", "143.2", "湖州市", "进出口总额", "level", "actual", "2024-04"),
    # 在柳市镇，… / 在北白象镇，…: each town its own figures
    ("towns_feature.txt", "1230亿元", "柳市镇", "工业总产值", "level", "actual", "2023"),
    ("towns_feature.txt", "298亿元", "虹桥镇", "规上工业总产值", "level", "actual", "2023"),
    ("towns_feature.txt", "3000亿元", "乐清市", "电气产业规模", "level", "target", "2027"),
    # years and the dateline in Chinese digits (二〇二四年一月十六日: a January work report)
    ("formal_report.txt", "7.1%", "丽水市", "地区生产总值", "change", "actual", "2023"),
    ("formal_report.txt", "286家", "丽水市", "新增规上工业企业", "count", "actual", "2023"),
    ("formal_report.txt", "81%", "丽水市", "森林覆盖率", "share", "target", "2035"),
    ("platforms_news.txt", "812亿元", "杭州未来科技城", "数字经济核心产业营业收入", "level", "actual", "2024-01..2024-03"),
    ("platforms_news.txt", "658.4亿元", "中国（浙江）自由贸易试验区宁波片区", "进出口总额", "level", "actual", "2024-01..2024-03"),
    # a table under a headline of 1-9月: 本年累计 is those months, 上年同期 the same months a year
    # before; 其中： opens a row, it names nothing
    ("cum_table.html", "186.3", "衢州市", "一般公共预算收入", "level", "actual", "2023-01..2023-09"),
    ("cum_table.html", "172.5", "衢州市", "一般公共预算收入", "level", "actual", "2022-01..2022-09"),
    ("cum_table.html", "142.7", "衢州市", "税收收入", "level", "actual", "2023-01..2023-09"),
    ("cum_table.html", "9.9", "衢州市", "税收收入", "change", "actual", "2023-01..2023-09"),
    # a known firm's short form opens its clause (五粮液实现营业收入…)
    ("liquor_feature.txt", "832.7亿元", "五粮液", "营业收入", "level", "actual", "2023"),
    ("liquor_feature.txt", "2000亿元", "宜宾市", "白酒产业营业收入", "level", "target", "2027"),
    ("liquor_feature.txt", "96家", "宜宾市", "规上白酒企业", "count", "actual", "2024"),  # 现有 in March: now
    # a text that names no year: 前三季度 fixes no period but is still no word of the metric
    ("undated_news.txt", "2310.6亿元", "", "地区生产总值", "level", "actual", ""),
    ("undated_news.txt", "8.2%", "", "规上工业增加值", "change", "actual", ""),
    # 五年来 opening a paragraph, and a heading that looks back on five years, date the figures
    # after them; a level rose from the year before the first; a rate between two years named
    # runs over the years between; a rank or a times-of is of the last year
    ("yulin_report.txt", "6.3%", "榆林市", "地区生产总值", "change", "actual", "2019..2023"),
    ("yulin_report.txt", "258亿元", "榆林市", "一般公共预算收入", "level", "actual", "2018"),
    ("yulin_report.txt", "19.4%", "榆林市", "一般公共预算收入", "change", "actual", "2019..2023"),
    ("yulin_report.txt", "4.6亿吨", "榆林市", "原煤产量", "level", "actual", "2018"),
    ("yulin_report.txt", "6.0亿吨", "榆林市", "原煤产量", "level", "actual", "2023"),
    ("yulin_report.txt", "4倍", "榆林市", "新能源装机容量", "change", "actual", "2023"),
    ("yulin_report.txt", "第二", "榆林市", "经济总量全省排名", "rank", "actual", "2023"),
    ("yulin_report.txt", "7%", "榆林市", "一般公共预算收入", "change", "target", "2028"),  # a yearly average aimed at a year: that year, as the gold has it
    # 从2020年的3个增加到目前的27个: the level of now; the year it rose from dates nothing after
    ("baigou_feature.txt", "27个", "河北省保定市白沟新城", "直播基地", "count", "actual", "2023"),
    ("baigou_feature.txt", "6000人", "河北省保定市白沟新城", "带货主播", "count", "actual", "2023"),
    # a rank listed after a rank
    ("customs_news.txt", "第9位", "河南省", "货物贸易进出口总值规模全国排名", "rank", "actual", ""),
    ("customs_news.txt", "第2位", "河南省", "货物贸易进出口总值规模中部六省排名", "rank", "actual", ""),
    ("customs_news.txt", "42.9%", "河南省", "一般贸易进出口占全省外贸总值", "share", "actual", ""),
    ("shouguang_feature.txt", "54%", "寿光市", "国产蔬菜种子市场占有率", "share", "actual", "2010"),
    ("shouguang_feature.txt", "70%", "寿光市", "国产蔬菜种子市场占有率", "share", "actual", "2023"),
    # a table titled by the line above it, with a column of 绝对数
    ("changxing_table.txt", "952.3", "长兴县", "地区生产总值", "level", "actual", "2023"),
    ("changxing_table.txt", "6.9", "长兴县", "地区生产总值", "change", "actual", "2023"),
    ("changxing_table.txt", "78125", "长兴县", "城镇居民人均可支配收入", "level", "actual", "2023"),
    ("shaoxing_budget.txt", "103.2%", "绍兴市", "一般公共预算收入占预算", "share", "actual", "2023"),
    ("shaoxing_budget.txt", "652.6亿元", "绍兴市", "一般公共预算收入", "level", "target", "2024"),
    ("liuzhou_bulletin.txt", "0.80万人", "柳州市", "常住人口", "change", "actual", "2023"),
    ("liuzhou_bulletin.txt", "36.4%", "柳州市", "汽车制造业增加值占全市规上工业增加值的比重", "share", "actual", "2023"),
    ("liuzhou_bulletin.txt", "402.18亿元", "柳州市", "贷款余额", "change", "actual", "2023"),
    ("wujin_report.txt", "3080亿元", "武进区", "地区生产总值", "level", "forecast", "2023"),
    ("wujin_report.txt", "2200亿元", "武进区", "新能源产业产值", "level", "target", "2024"),
    ("wujin_report.txt", "3.7%", "武进区", "全社会研发投入占比", "share", "target", "2024"),
    ("tianshui_q1.txt", "第4位", "天水市", "地区生产总值全省排名", "rank", "actual", ""),
    ("tianshui_q1.txt", "133.5亿元", "天水市", "金融机构人民币各项存款余额", "change", "actual", ""),
    ("hightech_plan.txt", "1.9倍", "成都高新技术产业开发区", "地区生产总值", "change", "actual", "2020"),
    ("hightech_plan.txt", "5000亿元", "成都高新技术产业开发区", "电子信息产业规模", "level", "target", "2025"),
    # a stock at a month's end (8月末) is of that month
    ("nanjing_monthly.txt", "48726.3亿元", "南京市", "金融机构本外币各项存款余额", "level", "actual", "2024-08"),
    ("nanjing_monthly.txt", "7.8%", "南京市", "规上工业增加值", "change", "actual", "2024-08"),
    ("nanjing_monthly.txt", "5162.35亿元", "南京市", "社会消费品零售总额", "level", "actual", "2024-01..2024-08"),
    # a headline is no line of the byline after it; a story that opens on 3月26日 in a text
    # that says 今年 is of March, and reports the year before
    ("jinjiang_company.txt", "600亿元", "安踏集团", "营收", "level", "actual", "2023"),
    ("jinjiang_company.txt", "623.6亿元", "安踏集团", "营业收入", "level", "actual", "2023"),
    ("jinjiang_company.txt", "18.6亿元", "安踏集团", "研发投入", "level", "actual", "2023"),
    # 累计 in a plan's section is still the plan
    ("xinjiang_plan.txt", "15万人", "喀什地区", "新增城镇就业", "count", "target", "2025"),
    ("xinjiang_plan.txt", "1123", "喀什地区", "地区生产总值", "level", "actual", "2020"),
    ("xinjiang_plan.txt", "7%", "喀什地区", "地区生产总值", "change", "target", "2025"),
    # a village of one character (余村) after its town
    ("village_news.txt", "28.6万人次", "余村", "接待游客", "count", "actual", "2024-01..2024-03"),
    ("village_news.txt", "91万元", "余村", "村集体经济收入", "level", "actual", "2005"),
    ("village_news.txt", "2100万元", "余村", "村集体经济收入", "level", "actual", "2023"),
    ("qingdao_bulletin.txt", "2.2倍", "青岛市", "接待入境游客", "change", "actual", "2023"),
    ("qingdao_bulletin.txt", "7315家", "青岛市", "国家高新技术企业总数", "count", "actual", "2023"),
    ("qingdao_bulletin.txt", "2875万标准箱", "青岛市", "集装箱吞吐量", "level", "actual", "2023"),
    ("yibin_battery.txt", "7.8万辆", "凯翼汽车", "整车销量", "count", "actual", "2023"),
    ("yibin_battery.txt", "三成", "宜宾市", "动力电池产业产值占全市规上工业总产值的比重", "share", "actual", "2023"),
    ("yibin_battery.txt", "3000亿元", "宜宾市", "动力电池产业产值", "level", "target", "2027"),
    # an analysis that names no year and no place but its bureau: no period, no subject; 仅 ends no metric
    ("county_q3_analysis.txt", "42个", "", "在建亿元以上工业项目", "count", "actual", ""),
    ("county_q3_analysis.txt", "第3位", "", "地区生产总值全市排名", "rank", "actual", ""),
    ("county_q3_analysis.txt", "78.6%", "", "固定资产投资占年度目标", "share", "actual", ""),
    ("shenzhen_trade.html", "第二位", "深圳市", "进出口总值规模内地外贸城市排名", "rank", "actual", "2024-01..2024-10"),
    ("shenzhen_trade.html", "36012.5", "深圳市", "进出口总额", "level", "actual", "2024-01..2024-10"),
    ("shenzhen_trade.html", "38.9%", "深圳市", "对“一带一路”沿线国家进出口占同期深圳外贸总值", "share", "actual", "2024-01..2024-10"),
    ("hefei_science.txt", "700家", "中国科学技术大学先进技术研究院", "孵化的企业", "count", "actual", "2024"),
    ("yiwu_report.txt", "首位", "义乌市", "出口规模全国县级市排名", "rank", "actual", "2023"),
    ("yiwu_report.txt", "2293.6亿元", "义乌国际商贸城", "成交额", "level", "actual", "2023"),
    ("yiwu_report.txt", "53702元", "义乌市", "农村居民人均可支配收入", "level", "actual", "2023"),
    # 统计显示，2023年…: a year said after its source opens the paragraph all the same
    ("dongguan_town.txt", "1900多家", "长安镇", "模具企业", "count", "actual", "2023"),
    ("beijiao_feature.txt", "368家", "北滘镇", "规上工业企业", "count", "actual", "2022"),
    # 松山湖 after 松山湖高新区: the platform's short form is the platform
    ("dongguan_town.txt", "820亿元", "松山湖高新区", "地区生产总值", "level", "actual", "2023"),
    ("dongguan_town.txt", "3000亿元", "长安镇", "规上工业总产值", "level", "target", "2026"),
    # Traditional characters, 澳门元, and 按年 for year on year
    ("macao_trad.txt", "3794億澳門元", "澳门特别行政区", "地区生产总值", "level", "actual", "2023"),
    ("macao_trad.txt", "80.5%", "澳门特别行政区", "地区生产总值", "change", "actual", "2023"),
    ("macao_trad.txt", "3.9倍", "澳门特别行政区", "入境旅客", "change", "actual", "2023"),
    # a plan-execution report dated by its title's draft (2024年…计划草案): its 执行情况 section is
    # what happened, its table's 计划 column the plan, and a task section after the draft's
    # goes on for the draft's year
    ("jiashan_plan_report.txt", "9.8%", "嘉善县", "规上工业增加值", "change", "actual", "2023"),
    ("jiashan_plan_report.txt", "90.3亿元", "嘉善县", "一般公共预算收入", "level", "actual", "2023"),
    ("jiashan_plan_report.txt", "88", "嘉善县", "一般公共预算收入", "level", "target", "2023"),
    ("jiashan_plan_report.txt", "320亿元", "嘉善县", "工业投资", "level", "target", "2024"),
    # a district the division data no longer lists (渝北区, merged into 两江新区) is still a region
    ("yubei_bulletin.txt", "2323.6亿元", "渝北区", "地区生产总值", "level", "actual", "2023"),
    ("yubei_bulletin.txt", "第一", "渝北区", "经济总量全市排名", "rank", "actual", "2023"),
    # a county's news named by its paper (永康日报): 全县 is 永康市
    ("yongkang_halfyear.txt", "932.5亿元", "永康市", "规上五金企业产值", "level", "actual", "2024-01..2024-06"),
    ("yongkang_halfyear.txt", "10.8%", "古山镇", "规上工业总产值", "change", "actual", "2024-01..2024-06"),
    ("yongkang_halfyear.txt", "7%", "永康市", "地区生产总值", "change", "target", "2024"),
    # 全市 in news that names no city but its firms' (杭州海康威视…): their city; no year: no period
    ("visit_news.txt", "4880亿元", "杭州市", "规上工业增加值", "level", "actual", ""),
    ("visit_news.txt", "893.4亿元", "杭州海康威视数字技术股份有限公司", "营业收入", "level", "actual", ""),
    ("visit_news.txt", "56个", "浙江大学杭州国际科创中心", "引进高层次人才团队", "count", "actual", ""),
    # Latin-letter and short firm names known nationally (OPPO, vivo, SHEIN, 华天科技) are subjects
    ("chip_feature.txt", "18.5%", "华天科技", "设在天水的封装测试基地产量", "change", "actual", ""),
    ("chip_feature.txt", "15亿件", "SHEIN", "年发货量", "count", "actual", ""),
    # a feature that gives 2023 as a whole year and says 去年 was written in 2024: 去年 is 2023;
    # 镇里 in a quote is the town
    ("liuyang_feature.txt", "120亿元", "大瑶镇", "花炮原辅材料交易额", "level", "actual", "2023"),
    ("liuyang_feature.txt", "3200余家", "大瑶镇", "花炮相关经营主体", "count", "actual", "2024"),
    ("liuyang_feature.txt", "800亿元", "浏阳市", "烟花爆竹产业集群总产值", "level", "target", "2027"),
    # 计划实施…个，完成投资…: 完成 goes on with the plan; 新增 after a level is its change; 现代 is no time
    ("ordos_report.txt", "2000亿元", "鄂尔多斯市", "投资", "level", "target", "2024"),
    ("ordos_report.txt", "2180亿元", "鄂尔多斯市", "投资", "level", "actual", "2023"),
    ("ordos_report.txt", "1120万千瓦", "鄂尔多斯市", "新能源装机规模", "change", "actual", "2023"),
    ("ordos_report.txt", "1400亿元", "鄂尔多斯市", "现代煤化工产值", "level", "actual", "2023"),
    ("ordos_report.txt", "1102亿元", "伊金霍洛旗", "地区生产总值", "level", "actual", "2023"),
    ("ordos_report.txt", "26410元", "鄂尔多斯市", "农牧区常住居民人均可支配收入", "level", "actual", "2023"),
    # 总量占全省: the share of the figure just given; a text that names no year fixes no period
    ("haikou_news.txt", "42.6%", "海口市", "货物贸易进出口总额占全省", "share", "actual", ""),
    ("haikou_news.txt", "186.4亿元", "海口综合保税区", "进出口总额", "level", "actual", ""),
    ("haikou_news.txt", "6.5%", "海口市", "地区生产总值", "change", "target", ""),
    # a press conference: the speaker's answer about a zone is the zone's
    ("wuhan_presser.txt", "2189.5亿元", "东湖高新区", "地区生产总值", "level", "actual", "2024-01..2024-09"),
    ("wuhan_presser.txt", "2.1个百分点", "武汉市", "进出口总额", "change", "actual", "2024-01..2024-09"),
    ("wuhan_presser.txt", "28.6万辆", "武汉市", "新能源汽车产量", "count", "actual", "2024-01..2024-09"),
    # a bulletin from the north-east: oil and gas output
    ("daqing_bulletin.txt", "55.7亿立方米", "大庆市", "天然气产量", "level", "actual", "2023"),
    ("daqing_bulletin.txt", "2.7%", "大庆市", "外商及港澳台商投资企业", "change", "actual", "2023"),
    ("daqing_bulletin.txt", "31个", "大庆市", "在建亿元以上项目", "change", "actual", "2023"),
    # 30多万人 is a number of people, not a bare 万人; 去年 in a quote dates the text after 2023
    ("anxi_feature.txt", "30多万人", "安溪县", "从事茶产业", "count", "actual", "2024"),
    ("anxi_feature.txt", "2.3万元", "西坪镇", "合作社带动茶农户均增收", "level", "actual", "2023"),
    ("anxi_feature.txt", "330亿元", "安溪县", "涉茶总产值", "level", "actual", "2023"),
    # 城镇、农村常住居民…分别: 城镇常住居民…; 茶叶产量…、产值…: 茶叶产值
    ("guizhou_county_report.txt", "42150元", "湄潭县", "城镇常住居民人均可支配收入", "level", "actual", "2023"),
    ("guizhou_county_report.txt", "71.2亿元", "湄潭县", "茶叶产值", "level", "actual", "2023"),
    ("guizhou_county_report.txt", "8%", "湄潭县", "农村居民人均可支配收入", "change", "target", "2024"),
    # a headline's count ends its clause (签约项目32个 总投资156亿元); 超10亿元项目 is a category;
    # the clause after the day names the story's year (3月18日，…举行2024年…仪式)
    ("kunshan_signing.txt", "32个", "昆山开发区", "集中签约项目", "count", "actual", "2023"),
    ("kunshan_signing.txt", "5个", "昆山经济技术开发区", "超10亿元项目", "count", "actual", "2024"),
    ("kunshan_signing.txt", "1610.7亿元", "昆山经济技术开发区", "地区生产总值", "level", "actual", "2023"),
    ("kunshan_signing.txt", "58个", "昆山开发区", "累计引进项目", "count", "actual", "2024-01..2024-03"),
    # a verb before a determiner (集聚各类…) says how, not what
    ("pudong_bulletin.txt", "1800余家", "张江科学城", "研发机构", "count", "actual", "2023"),
    ("pudong_bulletin.txt", "58.5%", "浦东新区", "外贸进出口总额占全市", "share", "actual", "2023"),
    ("shaanxi_q3.txt", "0.52%", "陕西省", "规上工业增加值", "change", "actual", "2024-09"),
    ("shaanxi_q3.txt", "36.0%", "西安市", "地区生产总值占全省", "share", "actual", "2024-01..2024-09"),
    # 截至2024年6月末 dates the text; 全市 in a central bank branch's news is the branch's city
    ("finance_hz.txt", "7.32万亿元", "杭州市", "本外币各项存款余额", "level", "actual", "2024-06"),
    ("finance_hz.txt", "4012亿元", "杭州市", "本外币各项存款余额", "change", "actual", "2024-01..2024-06"),
    ("finance_hz.txt", "0.62%", "杭州市", "金融机构不良贷款率", "share", "actual", "2024-06"),
    # a firm's annual results naming no region: the headline's figure is the firm's
    ("company_results.txt", "245亿元", "浙江三花智能控制股份有限公司", "营收", "level", "actual", "2023"),
    ("company_results.txt", "40.8%", "浙江三花智能控制股份有限公司", "汽车零部件业务营业收入占总营收的比重", "share", "actual", "2023"),
    # 总产量, 平均亩产 after 夏粮播种面积: the summer grain's; 比去年多了 is how it changed
    ("grain_county.txt", "31.2万吨", "", "夏粮总产量", "level", "actual", ""),
    ("grain_county.txt", "455.5公斤", "", "夏粮平均亩产", "level", "actual", ""),
    ("grain_county.txt", "150元", "", "纯收益", "change", "actual", ""),
    ("dev_zone_table.txt", "28650", "", "实际使用外资", "level", "actual", "2024-01..2024-06"),
    # 目标 before a growth rate says it is planned; 获批 ends the name of what was approved
    ("suqian_work.txt", "7%", "宿豫区", "地区生产总值", "change", "target", "2024"),
    ("suqian_work.txt", "86家", "丁嘴镇金属制品产业园", "入驻企业", "count", "actual", "2023"),
    # 保税港区, 工业区 close parks' names
    ("xiamen_ftz.txt", "26家", "厦门航空工业区", "航空维修企业", "count", "actual", "2016"),
    ("xiamen_ftz.txt", "31.2%", "厦门片区", "进出口总额占全市", "share", "actual", "2016-01..2016-10"),
    ("chengdu_forum.txt", "96.3万辆", "两江新区", "汽车产量", "count", "actual", ""),
    ("xiamen_ftz.txt", "4000亿元", "厦门象屿集团有限公司", "营业收入", "level", "actual", "2016-01..2016-10"),
    # 同比增加 is how it changed; Chinese numerals; a month of its own (3月当月)
    ("yancheng_q1.txt", "12个", "盐城市", "新开工10亿元以上项目", "change", "actual", "2024-01..2024-03"),
    ("yancheng_q1.txt", "一百二十亿元", "盐城市", "风电装备产业产值", "level", "actual", "2024-01..2024-03"),
    ("yancheng_q1.txt", "11.2%", "盐城市", "规上工业增加值", "change", "actual", "2024-03"),
    # 软件园 closes a park; a heading's verb (做强软件…) is no brand
    ("jinan_plan.txt", "3500亿元", "齐鲁软件园", "软件业务收入", "level", "target", "2025"),
    ("jinan_plan.txt", "30.1%", "济南市", "数字经济规模", "change", "actual", "2016..2020"),
    # a town ranked itself in a list (…西部，是全国工业百强镇第二名); 园区内 says where, not what
    ("shishan_town.txt", "第二名", "狮山镇", "全国工业百强镇排名", "rank", "actual", "2024"),
    ("shishan_town.txt", "860家", "佛山高新区", "高新技术企业数量", "count", "actual", "2024"),
    ("shishan_town.txt", "2680亿元", "狮山镇", "规上工业总产值", "level", "actual", "2023"),
    # per mille rates, power in 千瓦时, beds and visitors
    ("social_bulletin.txt", "9.04‰", "赣州市", "出生率", "share", "actual", "2023"),
    ("social_bulletin.txt", "2.43‰", "赣州市", "人口自然增长率", "change", "actual", "2023"),
    ("social_bulletin.txt", "6.38万张", "赣州市", "卫生机构实有床位", "count", "actual", "2023"),
    ("social_bulletin.txt", "1.86亿人次", "赣州市", "接待国内游客", "count", "actual", "2023"),
    # a bureau's year-end summary: the city a rank measures against (居金华市第2位) is not its
    # subject; 分别完成年度目标的…、… pairs each share with the figure of its rank in the list
    ("yearend_summary.txt", "520亿元", "义乌市", "规上工业增加值", "level", "forecast", "2024"),
    ("yearend_summary.txt", "第2位", "义乌市", "工业投资增速金华市排名", "rank", "actual", "2024-01..2024-11"),
    ("yearend_summary.txt", "107.5%", "义乌市", "新增规上工业企业占年度目标", "share", "actual", "2024-01..2024-11"),
    ("yearend_summary.txt", "116.3%", "义乌市", "省级专精特新中小企业占年度目标", "share", "actual", "2024-01..2024-11"),
    ("yearend_summary.txt", "9.2%", "义乌市", "规上工业增加值", "change", "actual", "2021..2024"),
    # 全州 is the 自治州 the text is about
    ("minority_region.txt", "5126.8万人次", "黔东南苗族侗族自治州", "接待游客", "count", "actual", "2024-01..2024-06"),
    ("minority_region.txt", "21.2%", "台江县", "旅游收入", "change", "actual", "2024-01..2024-06"),
    # a month's flash table: 本月 is the title's month, 1-本月累计 and its growth January to it
    ("haining_flash.txt", "198.6", "海宁市", "规上工业总产值", "level", "actual", "2024-03"),
    ("haining_flash.txt", "512.3", "海宁市", "规上工业总产值", "level", "actual", "2024-01..2024-03"),
    ("haining_flash.txt", "9.8", "海宁市", "规上工业总产值", "change", "actual", "2024-01..2024-03"),
    # a plan's table: the base year, the target year, the yearly growth over the years between
    ("jiashan_plan_table.txt", "950", "嘉善县", "地区生产总值", "level", "target", "2025"),
    ("jiashan_plan_table.txt", "7%", "嘉善县", "地区生产总值", "change", "target", "2021..2025"),
    # 单位：万元 above the header is every cell's unit; 增长% after two years is the latest's
    ("fiscal_table.txt", "428650", "", "一般公共预算收入", "level", "actual", "2023"),
    ("fiscal_table.txt", "6.8", "", "一般公共预算收入", "change", "actual", "2023"),
    # each row a town, each column a metric: the town is the subject
    ("towns_table.txt", "52.8", "新安镇", "规上工业总产值", "level", "actual", "2024-01..2024-06"),
    ("towns_table.txt", "9.1", "城关镇", "固定资产投资", "change", "actual", "2024-01..2024-06"),
    # a web page's table of districts: 比上年同期增长 is the change of the column on its left,
    # 规上工业增加值增长 names its own metric
    ("districts.html", "512.3", "江北区", "地区生产总值", "level", "actual", "2024-01..2024-06"),
    ("districts.html", "6.2", "江北区", "地区生产总值", "change", "actual", "2024-01..2024-06"),
    ("districts.html", "3.2", "镇海区", "规上工业增加值", "change", "actual", "2024-01..2024-06"),
    # a plan's list of aims (——…): a share or a level reached is of the plan's last year, a
    # yearly growth over its years; 岁 is a unit and 预期寿命 no plan cue of its own
    ("dash_targets.txt", "3.6%", "上虞区", "研发经费支出占地区生产总值比重", "share", "target", "2025"),
    ("dash_targets.txt", "40件", "上虞区", "每万人发明专利拥有量", "count", "target", "2025"),
    ("dash_targets.txt", "82.5岁", "上虞区", "人均预期寿命", "level", "target", "2025"),
    ("dash_targets.txt", "6.5%", "上虞区", "地区生产总值", "change", "target", "2021..2025"),
    # a stock code in brackets is no part of a metric; one number for each of three known firms
    ("listed_firms.txt", "16.3亿元", "浙江华康药业股份有限公司", "募资", "level", "actual", "2025"),
    ("listed_firms.txt", "9.8亿元", "宁波均普智能制造股份有限公司", "募资", "level", "actual", "2025"),
    # a work report's heading of the year's work (二、2024年主要工作) opens its plan
    ("tasks_report.txt", "7.5%", "湖州市", "规上工业增加值", "change", "target", "2024"),
    ("tasks_report.txt", "400家", "湖州市", "新增规上工业企业", "count", "target", "2024"),
    ("tasks_report.txt", "3953亿元", "湖州市", "地区生产总值", "level", "actual", "2023"),
    # a town's year summary: 19个行政村 counts villages; 50万元以上的村 is a class, no amount
    ("township.txt", "19个", "溪口镇", "行政村", "count", "actual", "2023"),
    ("township.txt", "4860万元", "溪口镇", "行政村集体经济总收入", "level", "actual", "2023"),
    ("township.txt", "13亿元", "溪口镇", "固定资产投资", "level", "target", "2024"),
]

# (doc, text, type) present, and (doc, text) absent
ENTITIES = [
    ("hefei_report.txt", "合肥市政府", "GOV"),
    ("hefei_report.txt", "罗云峰", "PERSON"),
    ("beijiao_feature.txt", "美的集团", "ORG"),
    ("beijiao_feature.txt", "广东工业设计城", "PLATFORM"),
    ("beijiao_feature.txt", "黄伟强", "PERSON"),
    ("jiangxi_bulletin.txt", "江西省统计局", "GOV"),
    ("yiwu_gbk.txt", "义乌市统计局", "GOV"),
    ("suzhou_news.html", "王海燕", "PERSON"),
    ("suzhou_news.html", "苏州工业园区", "PLATFORM"),
    # 经四川省统计局统一核算: 经 (by way of) opens the sentence, not the name
    ("mianyang_bulletin.txt", "四川省统计局", "GOV"),
    ("mianyang_bulletin.txt", "国家统计局绵阳调查队", "GOV"),
    ("jiangyin_feature.txt", "江阴市工业和信息化局", "GOV"),
    ("jiangyin_feature.txt", "阳光集团", "ORG"),
    ("company_news.txt", "宁德时代", "ORG"),
    ("park_feature.txt", "长飞光纤", "ORG"),
    ("park_feature.txt", "武汉市经济和信息化局", "GOV"),
    ("newarea_feature.txt", "国务院", "GOV"),
    ("newarea_feature.txt", "工业和信息化部", "GOV"),
    ("newarea_feature.txt", "中国（山东）自由贸易试验区青岛片区", "PLATFORM"),
    # 安踏 is in jieba's dictionary as a rare verb: still a name before 集团
    ("jinjiang_feature.txt", "安踏集团", "ORG"),
    ("luoyang_report.txt", "市人民政府", "GOV"),
    ("zone_news.txt", "合肥经开区管委会", "GOV"),
    ("zone_news.txt", "张立新", "PERSON"),
    ("zhuzhou_report_pdf.txt", "中车株\n\n— 1 —\n\n机公司", "ORG"),
    ("company_feature.txt", "王传福", "PERSON"),
    ("county_bulletin2.txt", "国家统计局仁寿调查队", "GOV"),
    ("park_feature.txt", "光谷", "PLATFORM"),
    ("leliu_feature.txt", "勒流街道党工委", "GOV"),
    ("changxing_news.txt", "天能控股集团", "ORG"),
    ("datang_feature.txt", "大唐", "REGION"),
    ("datang_feature.txt", "浙江梦娜袜业股份有限公司", "ORG"),
    ("kunshan_report.txt", "昆山开发区", "PLATFORM"),
    ("plan_execution.txt", "之江实验室", "ORG"),
    ("plan_execution.txt", "杭州市余杭区发展和改革局", "GOV"),
    ("park_feature2.txt", "何志强", "PERSON"),
    # a province's department (厅), an academician, an academy
    ("entity_news.txt", "安徽省科技厅", "GOV"),
    ("entity_news.txt", "朱晓明", "PERSON"),
    ("entity_news.txt", "王坚", "PERSON"),
    ("entity_news.txt", "复旦大学", "ORG"),
    ("entity_news.txt", "湖州市委", "GOV"),
    ("entity_news.txt", "上海超硅半导体股份有限公司", "ORG"),
    ("county_feature.txt", "织里童装产业园", "PLATFORM"),
    ("county_feature.txt", "邱斌", "PERSON"),
    ("village_feature.txt", "滕头村", "REGION"),
    ("village_feature.txt", "滕头村党委", "GOV"),
    ("district_bulletin.txt", "中国轻纺城", "PLATFORM"),
    ("trade_news.txt", "杭州海关", "GOV"),
    ("trade_news.txt", "义乌", "REGION"),
    ("feature_quotes.txt", "马桥经编园区", "PLATFORM"),
    ("feature_quotes.txt", "高建明", "PERSON"),
    ("tourism_news.txt", "县文化和广电旅游体育局", "GOV"),
    ("tourism_news.txt", "县文旅体局", "GOV"),
    ("budget_report.txt", "嘉兴市财政局", "GOV"),
    ("budget_report.txt", "沈建华", "PERSON"),
    ("rank_news.txt", "中国信息通信研究院", "ORG"),
    ("rank_news.txt", "天能集团", "ORG"),
    ("signing_news.txt", "钱敏", "PERSON"),
    ("sock_feature.txt", "大唐袜业协会", "ORG"),
    ("sock_feature.txt", "浙江丹吉娅服饰有限公司", "ORG"),
    ("sock_feature.txt", "陈建国", "PERSON"),
    ("shunde_feature.txt", "广东顺德创新设计研究院", "ORG"),
    ("shunde_feature.txt", "顺德区经济促进局", "GOV"),
    ("shunde_feature.txt", "北滘镇", "REGION"),
    ("zhengzhou_news.txt", "航空港区", "PLATFORM"),
    ("zhengzhou_news.txt", "比亚迪", "ORG"),
    ("shunde_feature.txt", "格兰仕", "ORG"),
    ("liquor_feature.txt", "五粮液", "ORG"),
    ("liquor_feature.txt", "宜宾市经济和信息化局", "GOV"),
    ("sichuan_county_report.txt", "双流区人民政府", "GOV"),
    ("sichuan_county_report.txt", "张华", "PERSON"),
    ("finance_news.txt", "中国人民银行温州市分行", "ORG"),
    ("finance_news.txt", "浙江瑞明汽车部件制造有限公司", "ORG"),
    ("finance_news.txt", "中国科学院宁波材料技术与工程研究所", "ORG"),
    ("finance_news.txt", "温州市鹿城区人民法院", "GOV"),
    ("towns_feature.txt", "北白象镇", "REGION"),
    ("towns_feature.txt", "德力西集团", "ORG"),
    ("towns_feature.txt", "乐清市委", "GOV"),
    ("platforms_news.txt", "杭州未来科技城", "PLATFORM"),
    ("platforms_news.txt", "苏州工业园区", "PLATFORM"),
    ("platforms_news.txt", "合肥滨湖科学城", "PLATFORM"),
    ("customs_news.txt", "郑州海关", "GOV"),
    ("customs_news.txt", "东盟", "REGION"),
    ("baigou_feature.txt", "白沟新城管委会", "GOV"),
    ("shouguang_feature.txt", "寿光蔬菜种业集团", "ORG"),
    ("shouguang_feature.txt", "洛城街道", "REGION"),
    ("village_news.txt", "余村", "REGION"),
    ("jinjiang_company.txt", "安踏体育用品集团有限公司", "ORG"),
    ("jinjiang_company.txt", "丁世忠", "PERSON"),
    ("hefei_science.txt", "长鑫存储", "ORG"),
    ("hefei_science.txt", "中国人民银行合肥中心支行", "ORG"),
    ("hefei_science.txt", "合肥市科技局", "GOV"),
    ("yibin_battery.txt", "四川时代新能源科技有限公司", "ORG"),
    ("yibin_battery.txt", "宜宾三江新区", "PLATFORM"),
    ("dongguan_town.txt", "松山湖", "PLATFORM"),
    ("park_feature2.txt", "松山湖管委会", "GOV"),
    ("dongguan_town.txt", "滨海湾新区长安片区", "PLATFORM"),
    ("yubei_bulletin.txt", "渝北区", "REGION"),
    ("yongkang_halfyear.txt", "芝英镇", "REGION"),
    ("visit_news.txt", "陈奕君", "PERSON"),
    ("visit_news.txt", "省发展改革委", "GOV"),
    ("chip_feature.txt", "OPPO", "ORG"),
    ("chip_feature.txt", "vivo", "ORG"),
    ("chip_feature.txt", "华天科技", "ORG"),
    ("chip_feature.txt", "通富微电", "ORG"),
    ("chip_feature.txt", "SHEIN", "ORG"),
    ("liuyang_feature.txt", "东信烟花", "ORG"),
    ("liuyang_feature.txt", "湖南庆泰烟花科技有限公司", "ORG"),
    ("ordos_report.txt", "杜汇良", "PERSON"),
    ("haikou_news.txt", "海口综合保税区", "PLATFORM"),
    ("haikou_news.txt", "海口市发展和改革委员会", "GOV"),
    ("wuhan_presser.txt", "东湖高新区", "PLATFORM"),
    ("anxi_feature.txt", "八马茶业", "ORG"),
    ("anxi_feature.txt", "安溪县农业农村局", "GOV"),
    ("kunshan_signing.txt", "昆山开发区党工委", "GOV"),
    ("kunshan_signing.txt", "丘钛科技", "ORG"),
    ("finance_hz.txt", "中国人民银行杭州市分行", "ORG"),
    ("company_results.txt", "浙江三花智能控制股份有限公司", "ORG"),
    ("suqian_work.txt", "宿豫经济开发区", "PLATFORM"),
    ("suqian_work.txt", "江苏洋河酒厂股份有限公司宿豫分公司", "ORG"),
    ("suqian_work.txt", "区工业和信息化局", "GOV"),
    ("xiamen_ftz.txt", "厦门海沧保税港区", "PLATFORM"),
    ("xiamen_ftz.txt", "厦门航空工业区", "PLATFORM"),
    ("xiamen_ftz.txt", "中国（福建）自由贸易试验区厦门片区", "PLATFORM"),
    ("chengdu_forum.txt", "西部（重庆）科学城", "PLATFORM"),
    ("chengdu_forum.txt", "英特尔产品（成都）有限公司", "ORG"),
    ("chengdu_forum.txt", "重庆市经济和信息化委员会", "GOV"),
    ("chengdu_forum.txt", "刘永坦", "PERSON"),
    ("jinan_plan.txt", "齐鲁软件园", "PLATFORM"),
    ("yancheng_q1.txt", "大丰港经济开发区", "PLATFORM"),
    ("minority_region.txt", "黔东南苗族侗族自治州文体广电旅游局", "GOV"),
    ("minority_region.txt", "欧阳建华", "PERSON"),
    ("minority_region.txt", "锡林郭勒盟", "REGION"),
    ("listed_firms.txt", "宁波均普智能制造股份有限公司", "ORG"),
    ("listed_firms.txt", "吉利控股", "ORG"),
    ("listed_firms.txt", "青山控股", "ORG"),
]
NOT_ENTITIES = [("hefei_report.txt", "2024年合肥市政府"), ("beijiao_feature.txt", "小作坊"), ("mianyang_bulletin.txt", "经四川省统计局"),
    ("company_news.txt", "宁德"), ("company_news.txt", "上市公司"), ("company_news.txt", "年公司动力"),
    ("park_feature.txt", "世界一流科技园"), ("newarea_feature.txt", "一季度新区"), ("luoyang_report.txt", "代表市人民政府"),
    ("wanzhou_plan.txt", "强绿色照明"),
    ("zunyi_bulletin.txt", "稻谷"), ("leliu_feature.txt", "新工厂"), ("plan_execution.txt", "项目"),
    ("company_feature2.txt", "一台台电机"), ("city_bulletin.txt", "境内上市公司"),
    ("entity_news.txt", "科创走廊"), ("county_feature.txt", "中国"),
    ("district_bulletin.txt", "中国"), ("village_feature.txt", "只有"),
    ("trade_news.txt", "杭州"), ("trade_news.txt", "义乌市"), ("zone_profile.html", "国家高新区"),
    ("budget_report.txt", "全市政府"),
    ("shunde_feature.txt", "设计研究院"),
    ("finance_hz.txt", "境内外上市公司"),  # where firms are listed names no firm
    ("suqian_work.txt", "宿豫经济开发区获批省级高新技术产业开发区"), ("chengdu_forum.txt", "（重庆）科学城"),
    ("jinan_plan.txt", "做强软件"),
    ("shouguang_feature.txt", "蔬菜种业"),  # a firm's name less its place is no name when only common words are left
]


@pytest.fixture(scope="module")
def unseen_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("unseen") / "out"
    proc = run_cli("run", UNSEEN, "--out", out, "--no-cache")
    assert proc.returncode == 0, proc.stderr
    return out


def _read(run, name):
    return pd.read_csv(run / name, encoding="utf-8-sig", dtype=str, keep_default_na=False)


@pytest.mark.parametrize("doc, span, subject, metric_key, kind, status, period", FACTS, ids=[f"{f[0]}:{f[1]}" for f in FACTS])
def test_unseen_fact(unseen_run, doc, span, subject, metric_key, kind, status, period):
    facts = _read(unseen_run, "fact_mentions.csv")
    rows = facts[(facts["doc_id"] == doc) & (facts["span"] == span)]
    assert len(rows), f"{span} not found in {doc}"
    got = rows.iloc[0][["subject", "metric_key", "kind", "status", "period"]].tolist()
    assert got == [subject, metric_key, kind, status, period]


def test_unseen_entities(unseen_run):
    ents = _read(unseen_run, "entity_mentions.csv")
    found = set(zip(ents["doc_id"], ents["text"], ents["type"]))
    assert [e for e in ENTITIES if e not in found] == []
    names = set(zip(ents["doc_id"], ents["text"]))
    assert [e for e in NOT_ENTITIES if e in names] == []


def test_unseen_gbk_bulletin_is_read_and_dated(unseen_run):
    docs = _read(unseen_run, "documents.csv").set_index("doc_id")
    assert docs.loc["yiwu_gbk.txt", "encoding"] in ("gb18030", "gbk")
    assert docs.loc["yiwu_gbk.txt", "doc_date"] == "2022"
    assert docs.loc["yiwu_gbk.txt", "main_subject"] == "义乌市"


def test_unseen_one_number_for_each_name(unseen_run):
    """象屿、建发、国贸三家企业营业收入均超过4000亿元: a fact for each firm, of the same metric."""
    facts = _read(unseen_run, "fact_mentions.csv")
    rows = facts[(facts["doc_id"] == "xiamen_ftz.txt") & (facts["span"] == "4000亿元")]
    assert sorted(zip(rows["subject"], rows["metric"])) == [
        ("厦门象屿集团有限公司", "营业收入"),
        ("国贸控股集团有限公司", "营业收入"),
        ("建发股份", "营业收入"),
    ]


def test_unseen_a_table_unit_line_is_no_fact(unseen_run):
    """单位：万元 names the unit of the table below it: no fact of 1万元."""
    facts = _read(unseen_run, "fact_mentions.csv")
    assert facts[(facts["doc_id"] == "fiscal_table.txt") & (facts["span"] == "万元")].empty
    cell = facts[(facts["doc_id"] == "fiscal_table.txt") & (facts["span"] == "428650")].iloc[0]
    assert (cell["unit"], float(cell["value_std"])) == ("万元", 4286500000.0)


def test_unseen_a_class_of_villages_is_no_amount(unseen_run):
    """经营性收入50万元以上的村实现全覆盖: 50万元 names a class of villages."""
    facts = _read(unseen_run, "fact_mentions.csv")
    assert facts[(facts["doc_id"] == "township.txt") & (facts["span"] == "50万元")].empty

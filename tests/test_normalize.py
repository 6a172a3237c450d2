"""Tests for summarizer.lang.values (values, periods, folding)."""

from __future__ import annotations

from decimal import Decimal
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from summarizer.lang.values import QUALIFIERS, Period, Value, find_periods, find_values, fold, parse_value

SEED_DIR = Path(__file__).resolve().parents[1] / "seeds"
SEEDS = {p.name: p.read_text(encoding="utf-8") for p in sorted(SEED_DIR.glob("*.txt"))}
ALL_SEED_TEXT = "\n".join(SEEDS.values())
needs_seeds = pytest.mark.skipif(not SEEDS, reason="seed articles not available")

C, P, PP = "count", "percent", "percentage_point"

# (snippet copied verbatim from a seed article, expected surface, number, unit, kind, qualifier)
SEED_CASES: list[tuple[str, str, str, str, str, str | None]] = [
    ("今年1-10月,全市城镇新增就业54.9万人", "54.9万人", "549000", "人", C, None),
    ("累计降费减负262亿元", "262亿元", "26200000000", "元", C, None),
    ("累计发放稳岗返还资金14.2亿元", "14.2亿元", "1420000000", "元", C, None),
    ("为12.2万名失业人员", "12.2万名", "122000", "名", C, None),
    ("发放失业保险金近9亿元", "近9亿元", "900000000", "元", C, "nearly"),
    ("促进19.6万登记失业人员再就业", "19.6万", "196000", "", C, None),
    ("就业率已超过90%", "超过90%", "90", "%", P, "more_than"),
    ("专列8230趟次", "8230趟次", "8230", "趟次", C, None),
    ("输送农民工19.3万人", "19.3万人", "193000", "人", C, None),
    ("就业人数达到73.3万人", "达到73.3万人", "733000", "人", C, "reached"),
    ("超过去年年底规模3.3万人", "3.3万人", "33000", "人", C, None),
    ("已转产安置7631人", "7631人", "7631", "人", C, None),
    ("转产就业率97.2%", "97.2%", "97.2", "%", P, None),
    ("新增市场主体39.6万户", "39.6万户", "396000", "户", C, None),
    ("同比增长12.9%", "12.9%", "12.9", "%", P, None),
    ("发放创业担保贷款67.9亿元", "67.9亿元", "6790000000", "元", C, None),
    ("扶持创业3.9万人", "3.9万人", "39000", "人", C, None),
    ("等150余个特色职业", "150余个", "150", "个", C, "more_than"),
    ("保持在20万人次以上", "20万人次以上", "200000", "人次", C, "at_least"),
    ("17期直播已经促成", "17期", "17", "期", C, None),
    ("已经促成3万余人就业", "3万余人", "30000", "人", C, "more_than"),
    ("稳就业60余条政策干货", "60余条", "60", "条", C, "more_than"),
    ("重点抓好5个关键词", "5个", "5", "个", C, None),
    ("现有56人以上大班额", "56人以上", "56", "人", C, "at_least"),
    ("评定15只警犬", "15只", "15", "只", C, None),
    ("月薪约7000元", "约7000元", "7000", "元", C, "about"),
    ("全市城镇新增就业64.8万人", "64.8万人", "648000", "人", C, None),
    ("登记失业人员就业20.9万人", "20.9万人", "209000", "人", C, None),
    ("就业困难人员就业10.8万人", "10.8万人", "108000", "人", C, None),
    ("公共服务42场", "42场", "42", "场", C, None),
    ("累计吸引1813万人次在线参与", "1813万人次", "18130000", "人次", C, None),
    ("新增就业见习基地2136家", "2136家", "2136", "家", C, None),
    ("为1.6万人发放就业见习补贴", "1.6万人", "16000", "人", C, None),
    ("每年开发1万个创业工位", "1万个", "10000", "个", C, None),
    ("分两批推出42件人社领域民生实事", "42件", "42", "件", C, None),
    ("全市幼儿园(点)7446所", "7446所", "7446", "所", C, None),
    ("全市幼儿园教职工10.41万人", "10.41万人", "104100", "人", C, None),
    ("在园幼儿100.78万人", "100.78万人", "1007800", "人", C, None),
    ("学前三年毛入园率90.3%", "90.3%", "90.3", "%", P, None),
    ("同比提高1.3%", "1.3%", "1.3", "%", P, None),
    ("公办园在园幼儿占比50.15%", "50.15%", "50.15", "%", P, None),
    ("计划新增公办园90所", "90所", "90", "所", C, None),
    ("推出了38项惠民措施", "38项", "38", "项", C, None),
    ("目前已完成培训1.3万余人", "1.3万余人", "13000", "人", C, "more_than"),
    ("确定了40家基层医疗机构", "40家", "40", "家", C, None),
    ("城乡低保对象77.42万人", "77.42万人", "774200", "人", C, None),
    ("城乡低保标准分别增长2.5%和3.27%", "2.5%", "2.5", "%", P, None),
    ("城乡低保标准分别增长2.5%和3.27%", "3.27%", "3.27", "%", P, None),
    ("差距缩小到1:0.82", "1:0.82", "0.82", "ratio", "ratio", None),
    ("将24.43万脱贫及防止返贫监测对象", "24.43万", "244300", "", C, None),
    ("确保全年城镇新增就业60万人以上", "60万人以上", "600000", "人", C, "at_least"),
    ("筹集市场化岗位100万个", "100万个", "1000000", "个", C, None),
    ("全年投入农村学校及薄弱学校改善资金12.63亿元", "12.63亿元", "1263000000", "元", C, None),
    ("城乡初中综合差异系数降至0.415", "0.415", "0.415", "", C, None),
    ("多媒体教室的学校达到100%", "达到100%", "100", "%", P, "reached"),
    ("全市刑事案件立案同比下降18.2%", "18.2%", "18.2", "%", P, None),
    ("较去年提升14.9个百分点", "14.9个百分点", "14.9", "个百分点", PP, None),
    ("较去年提升3.2个百分点", "3.2个百分点", "3.2", "个百分点", PP, None),
    ("追赃挽损1.02亿元", "1.02亿元", "102000000", "元", C, None),
    ("配套制定衔接政策130余个", "130余个", "130", "个", C, "more_than"),
    ("组建1.2万名监测信息员队伍", "1.2万名", "12000", "名", C, None),
    ("户均享受帮扶措施3.6个", "3.6个", "3.6", "个", C, None),
    ("就业规模稳定在79万人左右", "79万人左右", "790000", "人", C, "about"),
    ("我市将60%以上的财政衔接补助资金", "60%以上", "60", "%", P, "at_least"),
    ("先后侦办欺诈骗保案件193起", "193起", "193", "起", C, None),
    ("新增学位9.8万个", "9.8万个", "98000", "个", C, None),
    ("八类严重暴力犯罪现案破案率达97.6%", "达97.6%", "97.6", "%", P, "reached"),
    ("发展特色项目1158个", "1158个", "1158", "个", C, None),
    ("全区实现城镇新增就业5533人", "5533人", "5533", "人", C, None),
    ("城镇调查失业率5.5%", "5.5%", "5.5", "%", P, None),
    ("养老保险参保率巩固在95%以上", "95%以上", "95", "%", P, "at_least"),
    ("全体居民人均消费支出的30%至40%动态调整", "30%", "30", "%", P, None),
    ("全体居民人均消费支出的30%至40%动态调整", "40%", "40", "%", P, None),
    ("养老机构床位比例达到70%以上", "达到70%以上", "70", "%", P, "at_least"),
    ("90%以上的乡镇(街道)", "90%以上", "90", "%", P, "at_least"),
    ("新增困难老年人家庭适老化改造1万户", "1万户", "10000", "户", C, None),
    ("省级临床重点专科总数达到30个以上", "达到30个以上", "30", "个", C, "at_least"),
    ("城镇居民人均可支配收入增长4.6%", "4.6%", "4.6", "%", P, None),
]

SYNTHETIC_CASES: list[tuple[str, str, str, str, str, str | None]] = [
    ("婴儿死亡率为3.1‰", "3.1‰", "3.1", "‰", "rate", None),  # rates per thousand, per 100,000
    ("孕产妇死亡率下降到8.5/10万，", "8.5/10万", "8.5", "/10万", "rate", None),
    ("投资1.2万亿元", "1.2万亿元", "1200000000000", "元", C, None),
    ("参保超348万人", "超348万人", "3480000", "人", C, "more_than"),
    ("新增就业５４．９万人", "５４．９万人", "549000", "人", C, None),
    ("新增就業54.9萬人", "54.9萬人", "549000", "人", C, None),
    ("減負262億元", "262億元", "26200000000", "元", C, None),
    ("舉辦3萬餘場", "3萬餘場", "30000", "场", C, "more_than"),
    ("近9億元", "近9億元", "900000000", "元", C, "nearly"),
    ("超過90%", "超過90%", "90", "%", P, "more_than"),
    ("提升2.5個百分點", "2.5個百分點", "2.5", "个百分点", PP, None),
    ("共1,234人", "1,234人", "1234", "人", C, None),
    ("共1，234人", "1，234人", "1234", "人", C, None),
    ("吸纳十二万人", "十二万人", "120000", "人", C, None),
    ("促成三万余人就业", "三万余人", "30000", "人", C, "more_than"),
    ("缩小到1∶0.82", "1∶0.82", "0.82", "ratio", "ratio", None),
    ("工作满15年", "15年", "15", "年", C, None),
    ("不低于80%", "不低于80%", "80", "%", P, "at_least"),
    ("不超过5000元", "不超过5000元", "5000", "元", C, "at_most"),
    ("不足1万人", "不足1万人", "10000", "人", C, "less_than"),
    ("将近100个", "将近100个", "100", "个", C, "nearly"),
    ("占百分之三十", "百分之三十", "30", "%", P, None),
    ("招聘5千人", "5千人", "5000", "人", C, None),
    ("30-40人", "30", "30", "人", C, None),
    ("3至5万元", "3", "30000", "元", C, None),
    ("节约3亿元", "3亿元", "300000000", "元", C, None),
]

# A number written in two parts is one value: a continuation smaller than the multiplier before it.
COMPOSITE_CASES: list[tuple[str, str, str, str, str, str | None]] = [
    ("65歲以上人口已達49萬4,385人，占", "達49萬4,385人", "494385", "人", C, "reached"),
    ("需求會突破9萬8千多人。", "突破9萬8千多人", "98000", "人", C, "more_than"),
    ("招聘3万5千人", "3万5千人", "35000", "人", C, None),
    ("投资1亿2000万元", "1亿2000万元", "120000000", "元", C, None),
    ("吸纳三万五千人", "三万五千人", "35000", "人", C, None),
    ("月薪3万5", "3万5", "35000", "", C, None),  # a single digit stands for the next lower unit
    ("共两万零五百人", "两万零五百人", "20500", "人", C, None),
    ("约12万3456户", "约12万3456户", "123456", "户", C, "about"),
    ("累計興辦社宅達一萬四五○戶", "達一萬四五○戶", "10450", "户", C, "reached"),  # digit by digit after 萬
]

# Chinese numerals are quantities with a multiplier, or with a measure word (below ten: not a
# time unit, not 一 — the indefinite article — and not 二, which is ordinal before a measure word).
CN_CASES: list[tuple[str, str, str, str, str, str | None]] = [
    ("增加学位近三万", "近三万", "30000", "", C, "nearly"),
    ("还破获两起命案积案", "两起", "2", "起", C, None),
    ("分兩批推出", "兩批", "2", "批", C, None),
    ("招募三千多名志愿者", "三千多名", "3000", "名", C, "more_than"),
    ("办好十件实事", "十件", "10", "件", C, None),
    ("新建五个社区食堂", "五个", "5", "个", C, None),
    ("一百多人参加", "一百多人", "100", "人", C, "more_than"),
    ("共有九百十二户入住", "九百十二户", "912", "户", C, None),  # 百十二: 一 before 十 left out
    # a multiplier alone after a qualifier counts one of it
    ("加開逾千張臨時病床", "逾千張", "1000", "张", C, "more_than"),
    ("校舍面積逾千平方米", "逾千平方米", "1000", "平方米", C, "more_than"),
    ("參與人數超千万", "超千万", "10000000", "", C, "more_than"),
    ("惠及近百户家庭", "近百户", "100", "户", C, "nearly"),
]

# measure words of the genre beyond the seeds (伙: flats in Hong Kong; 校: schools)
UNIT_CASES: list[tuple[str, str, str, str, str, str | None]] = [
    ("目標是興建21,000伙", "21,000伙", "21000", "伙", C, None),
    ("約有12校預計今年建制公托中心", "12校", "12", "校", C, None),
    ("開設幼兒專班8班", "8班", "8", "班", C, None),
    ("當中約2成為有兒童的家庭", "約2成", "2", "成", C, "about"),
    ("PM2.5平均浓度为37微克/立方米", "37微克/立方米", "37", "微克/立方米", C, None),
    ("已有30成功转型", "30", "30", "", C, None),  # 成功: no unit
    ("动车由12列/天加密至20列/天。", "12列/天", "12", "列/天", C, None),  # trains per day
    ("共有15列入选", "15", "15", "", C, None),  # 列入: no unit
    ("使用人數突破4萬人", "突破4萬人", "40000", "人", C, "more_than"),
    # 点 after a number no clock shows is points, not a time
    ("長者每月可獲1,000點消費點數", "1,000", "1000", "", C, None),
    ("积分累计3000点可兑换", "3000", "3000", "", C, None),
    ("分3组开展入户走访", "3组", "3", "组", C, None),
]

# thousands separated by one space (Hong Kong): ASCII, no-break, narrow or ideographic
SEPARATOR_CASES: list[tuple[str, str, str, str, str, str | None]] = [
    ("公營房屋需求為308 000個單位", "308 000個", "308000", "个", C, None),
    ("預計提供約2 600個單位", "約2 600個", "2600", "个", C, "about"),
    ("合共4\u00a0215個單位", "4\u00a0215個", "4215", "个", C, None),
    ("合共6\u202f731伙", "6\u202f731伙", "6731", "伙", C, None),
    ("合共1\u3000024伙", "1\u3000024伙", "1024", "伙", C, None),
    ("資助額達1 250 000元", "達1 250 000元", "1250000", "元", C, "reached"),
    ("表列1 2345人", "2345人", "2345", "人", C, None),  # four digits after the space: no separator
]

# the first of two numbers joined by a range sign or 及/和 takes the second's unit (a range: also its
# multiplier and 约/左右); a count unit after the thing counted (6000诊症人次)
RANGE_CASES: list[tuple[str, str, str, str, str, str | None]] = [
    ("可加開約800至900張病床", "約800", "800", "张", C, "about"),
    ("可加開約800至900張病床", "900張", "900", "张", C, "about"),
    ("每月60至80宗左右", "60", "60", "宗", C, "about"),
    ("增加3%至8%名額", "3%", "3", "%", P, None),
    ("分別服務逾500萬及300萬人次", "逾500萬", "5000000", "人次", C, "more_than"),
    ("各設9及10個課室", "9", "9", "个", C, None),
    ("增加1.2萬個名額和6000診症人次", "6000", "6000", "人次", C, None),
    ("及205萬普通科門診就診人次", "205萬", "2050000", "人次", C, None),
]

# a half after the unit: 1年半 is one and a half years
HALF_CASES: list[tuple[str, str, str, str, str, str | None]] = [
    ("僅需時約1年半。", "約1年半", "1.5", "年", C, "about"),
    ("用时1个半月", "1个半月", "1.5", "个月", C, None),
    ("缩短至2个半小时", "2个半小时", "2.5", "小时", C, None),
]


# Chinese numerals beyond the positional ones: digit by digit (Taiwanese budgets, three digits or more),
# 廿/卅 for twenty/thirty, a decimal with 点; 。 typed for a decimal point; a ratio to one
NUMERAL_CASES: list[tuple[str, str, str, str, str, str | None]] = [
    ("本年度特別預算共編列五四二億元。", "五四二億元", "54200000000", "元", C, None),
    ("教育經費增加一〇五億元", "一〇五億元", "10500000000", "元", C, None),
    ("赤字比率降為零點四八％", "零點四八％", "0.48", "%", P, None),
    ("補助漁民廿六億元", "廿六億元", "2600000000", "元", C, None),
    ("新增卅五名社工", "卅五名", "35", "名", C, None),
    ("财政收入增长三点五%", "三点五%", "3.5", "%", P, None),
    ("占比百分之十二点八", "百分之十二点八", "12.8", "%", P, None),
    ("帮扶困难群众4。7万人次、投入资金12。5亿元", "4。7万人次", "47000", "人次", C, None),
    ("帮扶困难群众4。7万人次、投入资金12。5亿元", "12。5亿元", "1250000000", "元", C, None),
    ("城乡收入之比缩小到2.05:1", "2.05:1", "2.05", "ratio", "ratio", None),
]


def test_a_full_stop_before_a_month_is_no_decimal_point() -> None:
    assert [v.surface for v in find_values("全年共计6。9月份开始施行")] == ["6"]


def _pick(text: str, surface: str) -> Value:
    matches = [v for v in find_values(text) if v.surface == surface]
    assert matches, f"{surface!r} not found in {text!r}: {find_values(text)}"
    return matches[0]


@pytest.mark.parametrize(
    ("text", "surface", "number", "unit", "kind", "qualifier"),
    SEED_CASES + SYNTHETIC_CASES + COMPOSITE_CASES + CN_CASES + UNIT_CASES + HALF_CASES + SEPARATOR_CASES + RANGE_CASES
    + NUMERAL_CASES,
)
def test_value_table(
    text: str, surface: str, number: str, unit: str, kind: str, qualifier: str | None
) -> None:
    v = _pick(text, surface)
    assert text[v.start : v.end] == v.surface
    assert (v.number, v.unit, v.kind, v.qualifier) == (Decimal(number), unit, kind, qualifier)
    assert v.qualifier is None or v.qualifier in QUALIFIERS


def test_table_is_large_enough() -> None:
    assert len(SEED_CASES) >= 60


@needs_seeds
@pytest.mark.parametrize("case", SEED_CASES, ids=[c[1] for c in SEED_CASES])
def test_seed_cases_found_in_whole_article(case: tuple[str, str, str, str, str, str | None]) -> None:
    snippet, surface, number = case[:3]
    name, text = next((n, t) for n, t in SEEDS.items() if snippet in t)
    values = [v for v in find_values(text) if v.surface == surface and v.number == Decimal(number)]
    assert values, f"{surface!r} missing from {name}"


def test_numeral_text_and_offsets() -> None:
    v = _pick("今年1-10月,全市城镇新增就业54.9万人。", "54.9万人")
    assert (v.numeral_text, v.start, v.end) == ("54.9万", 16, 22)
    assert _pick("转产就业率97.2%", "97.2%").number == Decimal("97.2")
    assert str(_pick("新增54.9万人", "54.9万人").number) == "549000"


@pytest.mark.parametrize(
    "text",
    [
        "一是全面加强党对教育工作的领导。二是全面落实立德树人根本任务。",
        "围绕“四个关键”、抓好“六个救助”",
        "重点实施五大工程",
        "优化“一老一小”服务体系",
        "实行“一户一策一责任人”精准帮扶",
        "坚持“三医联动”",
        "我们将重点实施十大教育工程",
        "“十四五”时期",
        "十四五”时期,我市如何实现",
        "十五五规划",
        "围绕“416”科技创新战略布局、“33618”现代制造业集群体系",
        "全市民政“13186”工作思路",
        "探索“1234”改革路径,着力构建“675”紧密型区域医共体",
        "持续加强“15+5”人社便民服务圈建设",
        "三级“1+9+N”医养互嵌",
        "巩固“城区10分钟”应急救援圈",
        "抓好“农村学校教育信息化2.0行动计划”",
        "实现“8个扩大”",
        "10月26日,市委常委会召开会议。11月3日,记者采访",
        "时间:2021-11-04 12:37人气",
        "06.12.2020  07:42",
        "发布时间：2024-03-18 09:41:07 来源：市政府",  # clock times with seconds
        "更新於 2023年6月2日 17:05:00",
        "(渝教基发〔2021〕9号)",
        "2023年,重庆围绕",
        "二〇二五年",
        "今年1-10月",
        "1—3月",
        "截至10月底",
        "到2027年,全市力争",
        "5年过渡期已经过半",
        "上午9点至下午5点30分",
        "服务邮箱:4834222#qq.com",
        "第3批",
        "关乎千家万户“获得感”",
        "党的十九届五中全会、市委五届九次全会",
        "二十届三中全会",
        "90年代",
        # Chinese numerals that are no quantity: 一 + measure word, 二 + measure word, time units
        "建设一批研究型医院,打造一家示范机构",
        "十一届全国人大二次会议",
        "用两个月时间开展三年行动",
        "万一发生险情",
        # a session's ordinal
        "市委五届九次全会",
        "政协十三届三次会议",
        # time references: ago, since, later
        "與5年前比較",
        "十年来,全市",
        "3个月后再评估",
        # addresses: URLs, Markdown links, percent-encoding, e-mail, file names, phone numbers
        "详见https://www.gov.cn/zhengce/2023-05/12/content_5755.htm",
        "- [何地办理](https://example.org/%E4%BD%95%E5%9C%B0%95%)",
        "网址www.qd.gov.cn/n15/n28/index.html",
        "来信请寄zhengwu2023@163.com",
        "附件:2023年名单.xlsx、实施细则v2.pdf",
        "咨询电话:0532-85912345",
        "联系电话(0532)85912345",
        "手机13912345678",
        "拨打12345政务服务便民热线",
        "服务热线:96333",
        "见附件2",
        "发布时间:2021-11-04 浏览次数:1234 人气:56",
        "如图3所示",
        "遇到险情请拨打110报警,或120急救",
        "查詢請致電2712 2712。",
        "失能等級2至8級",  # levels and grades are ordinals
        "开展“3·15”及12·4国家宪法日宣传",
        "沿104国道乘坐12路公交",
        "新台9線拓寬工程",  # a road's name, a ranking
        "入选全国县域经济50强",
        "据统计[1],全市(2)",
        "全市3级医院",
        "每天9至17时开放",
        "帮助数十个村庄、几十万群众",
        "上千家企业、数千人参加",  # vague: thousands
        "責任編輯:王明   0   我要評論",  # a number alone between spaces: page furniture
        "第02版:要闻 3下一版",  # page furniture
        "發布時間：2022-11-08 14:25:00 來源：國家衛健委",
        "十二届全国人大三次会议新闻中心举行记者会",  # a session's ordinal
        "新竹縣台68線與台1線銜接工程",  # road route numbers
        "5 上一篇  下一篇 7 语音朗读",
        "全年新增就业岗位,到3",  # a bare number ending the text: a truncated tail
        "下午三点召开会议",  # a clock time in Chinese numerals
        "三点五十分到场",
        "来了三四个人",  # two digits side by side: an estimate
        "浏览次数:1234 人气:56",  # a space before a unit only in spaced writing
        "发布时间：2020- 12- 21 16: 29 来源：市政府",  # a page's date and time stamp, written with spaces
        "项目如下:\n1。 新改扩建公办幼儿园;\n2。 改善中小学校教室视觉环境;",  # list numbers with a full stop
        "索引号 | 0024204128/2025-00016",  # a disclosure index number
        "781309229/2022-00424",
        "在未來十年(2023-24 至 2032-33 年度)",  # fiscal years, spaced in a span; a year-month
        "總量比過去五年(2017-18 至 2021-22年度)",
        "截至2021-11",
        "行政處新聞科 037-559828",  # a Taiwan local phone number
        "日期:106-02-09",  # a date in the ROC calendar
        "开展1对1帮扶服务",  # a pairing
    ],
)
def test_not_values(text: str) -> None:
    assert find_values(text) == []


def _seed_items() -> list[tuple[str, str]]:
    return list(SEEDS.items())


@needs_seeds
@pytest.mark.parametrize(("name", "text"), _seed_items(), ids=list(SEEDS))
def test_seed_articles_invariants(name: str, text: str) -> None:
    values = find_values(text)
    assert values
    plans = [p for p in find_periods(text) if p.kind == "plan"]
    for v in values:
        assert text[v.start : v.end] == v.surface
        assert v.kind in {"count", "percent", "percentage_point", "ratio"}
        assert not any(p.start < v.end and v.start < p.end for p in plans), v
        assert "十四五" not in v.surface
        is_year = fold(v.numeral_text).isdigit() and 1900 <= int(fold(v.numeral_text)) <= 2100
        assert not (is_year and v.unit in ("", "年")), v
    assert [v.start for v in values] == sorted(v.start for v in values)
    assert all(a.end <= b.start for a, b in pairwise(values))
    for p in find_periods(text, 2021):
        assert text[p.start : p.end] == p.surface


@needs_seeds
def test_seed_plans_are_periods() -> None:
    text = SEEDS.get("000_674fb140731dc5ae.txt", ALL_SEED_TEXT)
    plans = [p for p in find_periods(text) if p.kind == "plan"]
    assert len(plans) == text.count("十四五")
    assert all((p.year_from, p.year_to) == (2021, 2025) for p in plans)


# (text, article_year, surface, kind, year_from, year_to, month_from, month_to, relative)
PERIOD_CASES: list[tuple[str, int | None, str, str, int | None, int | None, int | None, int | None, bool]] = [
    ("今年1-10月,全市", None, "今年1-10月", "range_in_year", None, None, 1, 10, True),
    ("今年1-10月,全市", 2020, "今年1-10月", "range_in_year", 2020, 2020, 1, 10, False),
    ("今年1、2月份房地产市场", 2025, "今年1、2月份", "range_in_year", 2025, 2025, 1, 2, False),  # two months
    ("后年新建7所", 2025, "后年", "relative_year", 2027, 2027, None, None, False),  # the year after next
    ("前年新建7所", 2025, "前年", "relative_year", 2023, 2023, None, None, False),
    ("1—3月", 2023, "1—3月", "range_in_year", 2023, 2023, 1, 3, False),
    ("1至10月", None, "1至10月", "range_in_year", None, None, 1, 10, True),
    ("2023年1-10月", None, "2023年1-10月", "range_in_year", 2023, 2023, 1, 10, False),
    ("上半年", 2022, "上半年", "range_in_year", 2022, 2022, 1, 6, False),
    ("截至10月底,全市", None, "截至10月底", "as_of", None, None, None, 10, True),
    ("截至9月底", 2024, "截至9月底", "as_of", 2024, 2024, None, 9, False),
    ("截至11月,城乡低保", 2023, "截至11月", "as_of", 2023, 2023, None, 11, False),
    ("截至目前,全市", 2021, "截至目前", "as_of", 2021, 2021, None, None, False),
    ("截至目前", None, "截至目前", "as_of", None, None, None, None, True),
    ("一季度", None, "一季度", "quarter", None, None, 1, 3, True),
    ("2023年第一季度", None, "2023年第一季度", "quarter", 2023, 2023, 1, 3, False),
    ("前三季度", 2022, "前三季度", "quarter", 2022, 2022, 1, 9, False),
    ("2023年,重庆", None, "2023年", "year", 2023, 2023, None, None, False),
    ("2021年度", None, "2021年度", "year", 2021, 2021, None, None, False),
    ("锚定2035年基本建成", None, "2035年", "year", 2035, 2035, None, None, False),
    ("二〇二五年", None, "二〇二五年", "year", 2025, 2025, None, None, False),
    ("2021-2025年", None, "2021-2025年", "year", 2021, 2025, None, None, False),
    ("摄于2023年5月12日", None, "2023年5月12日", "year", 2023, 2023, 5, 5, False),
    ("今年以来", None, "今年以来", "relative_year", None, None, None, None, True),
    ("今年以来", 2021, "今年以来", "relative_year", 2021, 2021, None, None, False),
    ("较去年提升", 2023, "去年", "relative_year", 2022, 2022, None, None, False),
    ("明年", 2023, "明年", "relative_year", 2024, 2024, None, None, False),
    ("按照上年度全体居民", 2022, "上年度", "relative_year", 2021, 2021, None, None, False),
    ("超过去年年底规模", 2020, "去年年底", "relative_year", 2019, 2019, 12, 12, False),
    ("到2027年,全市力争", None, "到2027年", "deadline", None, 2027, None, None, False),
    ("到2022年基本消除", None, "到2022年", "deadline", None, 2022, None, None, False),
    ("年底前可完成", None, "年底前", "deadline", None, None, None, 12, True),
    ("年底前可完成", 2021, "年底前", "deadline", None, 2021, None, 12, False),
    ("12月底前,通过", None, "12月底前", "deadline", None, None, None, 12, True),
    ("2025年底前", None, "2025年底前", "deadline", None, 2025, None, 12, False),
    ("十四五", None, "十四五", "plan", 2021, 2025, None, None, False),
    ("“十四五”时期", None, "“十四五”时期", "plan", 2021, 2025, None, None, False),
    ("十三五", None, "十三五", "plan", 2016, 2020, None, None, False),
    ("十五五", None, "十五五", "plan", 2026, 2030, None, None, False),
    ("今后五年,全市", None, "今后五年", "years_span", None, None, None, None, True),
    ("今后五年,全市", 2021, "今后五年", "years_span", 2021, 2025, None, None, False),
    ("會在未來一年半內全數落成", 2025, "未來一年半內", "years_span", 2025, 2026, None, None, False),  # 半
    ("近3年", 2023, "近3年", "years_span", 2021, 2023, None, None, False),
    ("5年过渡期", None, "5年过渡期", "years_span", None, None, None, None, False),
    # the present and the start of the year, in the article's year
    ("目前全市共有养老机构120家", 2022, "目前", "as_of", 2022, 2022, None, None, False),
    ("當前已建成社區食堂", None, "當前", "as_of", None, None, None, None, True),
    ("年初计划新增岗位5000个", 2022, "年初", "as_of", 2022, 2022, None, 1, False),
    # fiscal years, named by the two calendar years they span (Hong Kong)
    ("醫管局於2019/20年度增聘醫生", None, "2019/20年度", "year", 2019, 2020, None, None, False),
    ("預計2024至25年度可提供", None, "2024至25年度", "year", 2024, 2025, None, None, False),
    ("在2023-24年度完成", None, "2023-24年度", "year", 2023, 2024, None, None, False),
    ("于二○二六/二七至二○二九/三○年度落成", None, "二○二六/二七至二○二九/三○年度", "year", 2026, 2030, None, None,
     False),
    ("1999/00年度", None, "1999/00年度", "year", 1999, 2000, None, None, False),
    # years of the Republic of China (Taiwan): + 1911
    ("一一六年預計完工八百戶", None, "一一六年", "year", 2027, 2027, None, None, False),
    ("112年共受理申請", None, "112年", "year", 2023, 2023, None, None, False),
    ("民國111年起實施", None, "民國111年", "year", 2022, 2022, None, None, False),
    ("民國九十八年", None, "民國九十八年", "year", 2009, 2009, None, None, False),
    ("於一一三年十月底上線", None, "一一三年十月底", "year", 2024, 2024, 10, 10, False),
    ("一一四年度編列預算", None, "一一四年度", "year", 2025, 2025, None, None, False),
    ("預計於一二二年竣工", None, "一二二年", "year", 2033, 2033, None, None, False),
    # traditional forms
    ("今後五年", 2021, "今後五年", "years_span", 2021, 2025, None, None, False),
    ("“十四五”時期", None, "“十四五”時期", "plan", 2021, 2025, None, None, False),
    ("5年過渡期", None, "5年過渡期", "years_span", None, None, None, None, False),
    ("２０２３年", None, "２０２３年", "year", 2023, 2023, None, None, False),
    # a month alone is of the article's year; its end is a point; in Chinese numerals only opening a clause
    ("9月，全市发放贷款3.2亿元", 2016, "9月", "relative_year", 2016, 2016, 9, 9, False),
    ("全市9月份发放贷款3.2亿元", None, "9月份", "relative_year", None, None, 9, 9, True),
    ("6月末，全省各项存款余额", 2021, "6月末", "as_of", 2021, 2021, None, 6, False),
    ("九月，全市发放贷款", 2016, "九月", "relative_year", 2016, 2016, 9, 9, False),
    # next year, the new year, quarters without 度 (HK, Taiwan), two-digit fiscal years, a plan's first years
    ("醫管局表示，來年將增加病床", 2023, "來年", "relative_year", 2024, 2024, None, None, False),
    ("縣長表示，新的一年，將持續推動", 2026, "新的一年", "relative_year", 2026, 2026, None, None, False),
    ("計劃將於今年第三季推出", 2024, "今年第三季", "quarter", 2024, 2024, 7, 9, False),
    ("新措施會從第四季起實施", 2024, "第四季", "quarter", 2024, 2024, 10, 12, False),
    ("政府在○七至○八年度增撥資源", None, "○七至○八年度", "year", 2007, 2008, None, None, False),
    ("“十二五”前两年，全省新建公路", None, "“十二五”前两年", "plan", 2011, 2012, None, None, False),
    # from a date on
    ("自2020年7月1日起，全市提高", None, "自2020年7月1日起", "from", 2020, None, 7, None, False),
    ("从明年起，每人每月增加", 2019, "从明年起", "from", 2020, None, None, None, False),
    # the whole year, bare or with its year; a year's end said alone is a point (年底前 stays a deadline)
    ("全年降低社会保险费4252亿元", 2020, "全年", "relative_year", 2020, 2020, None, None, False),
    ("确保全年城镇新增就业60万人以上", None, "全年", "relative_year", None, None, None, None, True),
    ("2012年全年累计栽植乔木30万株", None, "2012年全年", "year", 2012, 2012, None, None, False),
    ("今年全年新增就业", 2021, "今年全年", "relative_year", 2021, 2021, None, None, False),
    ("年末拥有单项体育协会26个", 2018, "年末", "as_of", 2018, 2018, None, 12, False),
    ("年底全市共有养老机构120家", 2018, "年底", "as_of", 2018, 2018, None, 12, False),
    ("年底前完成改造", 2018, "年底前", "deadline", None, 2018, None, 12, False),
    # a range written with a horizontal bar (1―5月); a deadline or an as-of point down to its day
    ("今年1―5月，全区累计实现新增就业", 2010, "今年1―5月", "range_in_year", 2010, 2010, 1, 5, False),
    ("至12月3日，933處供水工程全部投入使用", 2008, "至12月3日", "deadline", None, 2008, None, 12, False),
    # since then, up to now; last month, this month; a school year, its second year written in full
    ("自111年11月至今，中央和市府合作已推動41處", None, "自111年11月至今", "from", 2022, None, 11, None, False),
    ("今年以来，全市新增就业3.2万人", 2021, "今年以来", "relative_year", 2021, 2021, None, None, False),
    ("2019年以来，累计建成", None, "2019年以来", "from", 2019, None, None, None, False),
    ("党的十八大以来，累计建成", None, "党的十八大以来", "from", 2012, None, None, None, False),  # a congress's year
    ("屯門青福里項目於上月底開始入伙", 2026, "上月底", "as_of", 2026, 2026, None, None, False),
    ("2019/2020學年正規教育學生人數", None, "2019/2020學年", "year", 2019, 2020, None, None, False),
    ("2023/24学年度新增学额", None, "2023/24学年度", "year", 2023, 2024, None, None, False),
    ("2024学年新增学位3000个", None, "2024学年", "year", 2024, 2024, None, None, False),
    ("本学年共有学生8万人", 2024, "本学年", "relative_year", 2024, 2024, None, None, False),
    ("需要在2021學年前增加1.1萬個學額", None, "2021學年前", "deadline", None, 2021, None, None, False),
    # Taiwan's year in brackets after 今/去/明 (今(115)年, 去(2025)年); a day so written is no year
    ("今(115)年起全面推動", None, "今(115)年", "year", 2026, 2026, None, None, False),
    ("去(2025)年共服務1.2萬人次", None, "去(2025)年", "year", 2025, 2025, None, None, False),
    ("今(115)年1至3月", None, "今(115)年1至3月", "range_in_year", 2026, 2026, 1, 3, False),
    ("114學年度起全面推動營養午餐", None, "114學年度", "year", 2025, 2025, None, None, False),  # ROC
    ("一一四學年度", None, "一一四學年度", "year", 2025, 2025, None, None, False),
    # the first quarters or months of a year as Hong Kong writes them
    ("今年首三季訪港旅客", 2025, "今年首三季", "range_in_year", 2025, 2025, 1, 9, False),
    ("首季度本地生產總值", 2025, "首季度", "quarter", 2025, 2025, 1, 3, False),
    ("首九個月共批出", 2025, "首九個月", "range_in_year", 2025, 2025, 1, 9, False),
    ("2024年首半年", None, "2024年首半年", "range_in_year", 2024, 2024, 1, 6, False),
    # years looked back on (過去的一年, 五年来) or ahead (三年内)
    ("過去的一年，城中區全力以赴", 2025, "過去的一年", "years_span", 2025, 2025, None, None, False),
    ("五年来，全市新增就业52万人", 2024, "五年来", "years_span", 2020, 2024, None, None, False),
    ("三年内建成保障房1万套", 2024, "三年内", "years_span", 2024, 2026, None, None, False),
]


@pytest.mark.parametrize(
    ("text", "year", "surface", "kind", "yf", "yt", "mf", "mt", "relative"), PERIOD_CASES
)
def test_period_table(
    text: str,
    year: int | None,
    surface: str,
    kind: str,
    yf: int | None,
    yt: int | None,
    mf: int | None,
    mt: int | None,
    relative: bool,
) -> None:
    periods = [p for p in find_periods(text, year) if p.surface == surface]
    assert periods, find_periods(text, year)
    p = periods[0]
    assert text[p.start : p.end] == surface
    assert (p.kind, p.year_from, p.year_to, p.month_from, p.month_to, p.relative) == (
        kind,
        yf,
        yt,
        mf,
        mt,
        relative,
    )


def test_periods_not_in_dates_or_words() -> None:
    assert find_periods("时间:2021-11-04 12:37") == []
    assert find_periods("如今年轻人") == []
    assert find_periods("说明年度计划") == []
    assert find_periods("彻底前进") == []
    assert find_periods("印发《原发性肝癌诊疗指南(2024年版)》") == []  # an edition
    assert [p.surface for p in find_periods("截至目前，目前的情况，年初心愿")] == ["截至目前"]
    # a fiscal year's second year is the next one; a duration of 110-119 years is no ROC year
    assert find_periods("2016/18年度") == []
    for text in ("該校已有113年歷史", "近110年來", "創校112年", "長達115年之久", "建黨100年來"):
        assert find_periods(text) == [], text
    assert [(p.surface, p.year_to) for p in find_periods("預計106年完工啟用")] == [("106年", 2017)]  # ROC 100-119
    # a month after from/than/to is a baseline; 十月 inside a clause is no month; 从…起 needs a time
    for text in ("由7月的85%升至", "比5月增加", "十月革命", "从此起步", "自身开始", "未来年度", "第二季节目", "第3月起",
                 "○七至○九年度"):
        assert find_periods(text, 2020) == [], text
    # an age group, a school grade, every year or month, a duration since: no period
    for text in ("全年龄段", "全年级", "每年年底", "每月底", "3个月以来", "上月份报", "建校110年来", "第3年内",
                 "今(18)日出席"):
        assert not [p for p in find_periods(text, 2020) if "年" in p.surface and p.surface != "每年"], text
    # a dateline's date is when the story was filed (but 5月1日电价 is a date)
    assert [p.surface for p in find_periods("新华社南京3月12日电 江苏省全年", 2020)] == ["全年"]
    assert find_periods("本报讯 人民网长沙2月2日讯（记者 王某）", 2020) == []
    assert [p.surface for p in find_periods("自5月1日电价下调", 2020)] == ["5月1日"]
    # 达到 is no deadline's 到
    assert [p.kind for p in find_periods("标准达到上年度人均消费支出的30%", 2020)] == ["relative_year"]


@pytest.mark.parametrize(
    ("simplified", "traditional"),
    [
        ("54.9万人", "54.9萬人"),
        ("262亿元", "262億元"),
        ("3万余场", "3萬餘場"),
        ("超过90%", "超過90%"),
        ("14.9个百分点", "14.9個百分點"),
        ("不低于80%", "不低於80%"),
        ("将近100个", "將近100個"),
        ("20万人次以上", "20萬人次以上"),
        ("54.9万人", "５４．９万人"),
        ("12.9%", "12.9％"),
    ],
)
def test_simplified_and_traditional_agree(simplified: str, traditional: str) -> None:
    a, b = parse_value(simplified), parse_value(traditional)
    assert a is not None and b is not None
    assert (a.number, a.unit, a.kind, a.qualifier) == (b.number, b.unit, b.kind, b.qualifier)
    assert b.surface == traditional


def test_parse_value() -> None:
    v = parse_value("超348万人")
    assert v == Value(0, 6, "超348万人", Decimal("3480000"), "人", "count", "more_than", "348万")
    assert parse_value(" 97.2% ") is not None
    assert parse_value("二〇二五年") is None
    assert parse_value("2023年") is None
    assert parse_value("“416”") is None
    assert parse_value("5人和6人") is None
    assert parse_value("") is None


def test_fold() -> None:
    assert fold("５４．９萬人，１２％") == "54.9万人,12%"
    assert fold("“十四五”") == '"十四五"'
    assert fold("1∶0.82") == "1:0.82"
    assert fold("兩個百分點餘約過") == "两个百分点余约过"
    assert isinstance(find_periods("今年")[0], Period)


# ---------------------------------------------------------------------------- properties

MULTIPLIERS = {
    "": 1,
    "百": 100,
    "千": 1000,
    "万": 10**4,
    "亿": 10**8,
    "万亿": 10**12,
    "萬": 10**4,
    "億": 10**8,
}


@given(
    st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False, allow_infinity=False),
    st.sampled_from(sorted(MULTIPLIERS)),
)
def test_parse_value_multiplier_property(d: Decimal, mult: str) -> None:
    v = parse_value(f"{d:f}{mult}人")
    assert v is not None
    assert v.number == d * MULTIPLIERS[mult]
    assert v.unit == "人"


@given(st.text())
def test_fold_preserves_length(s: str) -> None:
    assert len(fold(s)) == len(s)


_ALPHABET = st.sampled_from(
    list(
        "0123456789０１２.,，:∶%％-—至万亿萬億千百余餘多人次元个個户所年月日号前底季度今去明截至近超约达以上下左右"
    )
    + list('一二三四五六七八九十〇两第是“”「」"《》 \n（）〔〕#+A')
    + ["十四五", "个百分点", "过渡期", "今后", "以上", "百分之"]
)


@given(st.one_of(st.text(), st.lists(_ALPHABET, max_size=40).map("".join)))
def test_find_values_offsets_property(text: str) -> None:
    values = find_values(text)
    for v in values:
        assert text[v.start : v.end] == v.surface
        assert v.start < v.end
    assert all(a.end <= b.start for a, b in pairwise(values))
    for p in find_periods(text, 2024):
        assert text[p.start : p.end] == p.surface


# Seasons and dates (rule family "season", "date"): (text, article year, surface, kind,
# year_from, year_to, month_from, month_to)
SEASON_DATE_CASES = [
    ("今秋亳州市区新投用公办学校51所", 2019, "今秋", "season", 2019, 2019, 9, 11),
    ("2019年秋季市中心城区新投入使用公办中小学8所", 2019, "2019年秋季", "season", 2019, 2019, 9, 11),
    ("去年冬季全市新增供暖面积120万平方米", 2020, "去年冬季", "season", 2019, 2020, 12, 2),
    ("今冬明春将新建农村公路300公里", 2023, "明春", "season", 2024, 2024, 3, 5),
    ("今年夏天全省接待游客1.2亿人次", 2023, "今年夏天", "season", 2023, 2023, 6, 8),
    ("6月5日全省人社部门将联动举办就业洽谈会", 2020, "6月5日", "date", 2020, 2020, 6, 6),
    ("8月15日起实施", 2021, "8月15日", "date", 2021, 2021, 8, 8),
    ("截至10月止，已布建1,968处长照资源", 2023, "截至10月止", "as_of", 2023, 2023, None, 10),
]


@pytest.mark.parametrize(("text", "year", "surface", "kind", "yf", "yt", "mf", "mt"), SEASON_DATE_CASES)
def test_season_and_date_periods(text: str, year: int, surface: str, kind: str, yf: int, yt: int,
                                 mf: int | None, mt: int | None) -> None:
    (p,) = [p for p in find_periods(text, year) if p.surface == surface]
    assert (p.kind, p.year_from, p.year_to, p.month_from, p.month_to, p.relative) == (kind, yf, yt, mf, mt, False)


@pytest.mark.parametrize("text", ["今年春节期间游客增多", "春季学期开学", "这说明春天来了", "秋收冬种", "如今秋意渐浓",
                                  "过去冬季", "春运期间发送旅客"])
def test_no_season_without_a_year(text: str) -> None:
    assert [p for p in find_periods(text, 2023) if p.kind == "season"] == []


def test_a_season_without_article_year_is_relative() -> None:
    (p,) = find_periods("今秋新投用公办学校51所")
    assert (p.kind, p.year_from, p.relative) == ("season", None, True)


@pytest.mark.parametrize(("text", "surface", "number", "unit"), [
    ("提供 3,300 公頃新平整土地", "3,300 公頃", "3300", "公顷"),  # Hong Kong's spaced writing
    ("每年進行約 500 次聯合清潔行動", "約 500 次", "500", "次"),
])
def test_spaced_number_and_unit(text: str, surface: str, number: str, unit: str) -> None:
    (v,) = find_values(text)
    assert (v.surface, v.number, v.unit) == (surface, Decimal(number), unit)


def test_a_number_in_three_parts() -> None:
    (v,) = find_values("總經費達1億97萬6000元")
    assert (v.number, v.unit) == (Decimal("100976000"), "元")


@pytest.mark.parametrize(("text", "surface", "unit"), [
    ("全年办理结婚登记1013.9万对", "1013.9万对", "对"),  # pairs
    ("火化遗体486.9万具", "486.9万具", "具"),
    ("失业率下降0.2个千分点", "0.2个千分点", "个千分点"),
    ("合资格永久居民获1万澳门元", "1万澳门元", "澳门元"),
    ("办结时限压缩至5个工作日", "5个工作日", "个工作日"),
    ("改造10千伏线路", "10千伏", "千伏"),  # a unit, not 千 + 伏
])
def test_units_of_the_genre(text: str, surface: str, unit: str) -> None:
    assert _pick(text, surface).unit == unit


def test_an_item_number_right_before_a_month_is_no_part_of_it() -> None:
    text = "| 1.4月底前职教中心主体完工;天目山镇中心幼儿园完成基础工程。 2.8月底前竣工。"
    assert [(p.surface, p.kind) for p in find_periods(text, 2022)] == [("4月底前", "deadline"), ("8月底前", "deadline")]

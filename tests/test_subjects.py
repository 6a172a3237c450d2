"""What each metric counts (subject) and when (period): one parametrized table per rule family of
`summarizer.lang.subjects`, on sentences of the genre (simplified and traditional)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from summarizer.lang.lexicon import MEASURE_WORDS
from summarizer.lang.nonmetrics import non_metric
from summarizer.lang.subjects import metric_period, metric_subject
from summarizer.lang.values import find_periods, find_values
from summarizer.pipeline.article import run_article
from summarizer.text.chunk import split_sentences
from summarizer.text.hanzi import simplified_view
from summarizer.text.ingest import load_article

DEV = Path(__file__).resolve().parents[2] / "shared" / "dev" / "articles"


def _subject(text: str, surface: str) -> str:
    """The subject of the first value whose surface contains `surface`, on the simplified view
    (values that are no metric are left out, as the pipeline does)."""
    view = simplified_view(text)
    values = tuple(v for v in find_values(view) if not non_metric(view, v))
    for sent in split_sentences(view, max_len=1000, semicolons=False):
        inside = tuple(v for v in values if sent.start <= v.start and v.end <= sent.end)
        for v in inside:
            if surface in text[v.start:v.end]:
                return metric_subject(view, sent, v, inside)[0]
    raise AssertionError(f"no value {surface} in {text}")


SUBJECTS = {
    # a list item's number is no part of what is counted (「1.」, a row's 「1 」)
    "item_number": [
        ("2024年南京民生实事\n1 组织线上线下招聘会1000场次\n", "1000场", "组织线上线下招聘会"),
        ("2024年南京民生实事\n1.组织线上线下招聘会1000场次\n", "1000场", "组织线上线下招聘会"),
    ],
    # a table's row flattened to blanks: the value a cell between the verb's and the noun's
    "cells": [
        ("新增 7069张 公办养老床位,为计划的101%。", "7069张", "公办养老床位"),
        ("新建 81家 老年人日间服务中心,为计划的101.3%。", "81家", "老年人日间服务中心"),
    ],
    # numeral–classifier–noun: after a verb (or 对) the noun after the value is counted
    # a count in a classifier with a noun right after it counts that noun, whatever the verb, scope or
    # speaker before it (a verb the tables do not list, 全市, 我国); a 的 may be inside the noun, 之一 and
    # 均 end it; not a noun that runs into the next value (a list of noun–value pairs), nor money
    "classifier_noun": [
        ("改善全市60所中小学校教室视觉环境。", "60所", "中小学校教室视觉环境"),
        ("引进2家国际一流外商独资医院。", "2家", "国际一流外商独资医院"),
        ("中央和市府合作已在高雄推動41處社會住宅，目前已有7處完工招租。", "41處", "社会住宅"),
        ("交通运输部连通了5630个村庄。", "5630个", "村庄"),
        ("寧夏是我國5個民族自治區之一。", "5個", "民族自治区"),
        ("对南屯北街、新村路等25条市民反映强烈的瓶颈路进行改造。", "25条", "市民反映强烈的瓶颈路"),
        ("截至10月末，24件实事已提前完成，其余18件实事均超过时间进度。", "18件", "实事"),
        ("今年，市政府将集中精力办好10件民生实事。", "10件", "民生实事"),
        ("全市共有养老机构120家床位1.2万张。", "120家", "养老机构"),
        # quoted words and brackets are part of the noun; an aside in brackets is none
        ("继续补助全市158家“空白村”卫生所。", "158家", "空白村卫生所"),
        ("改造提升24个村(社区)综合文化服务中心示范点。", "24个", "村(社区)综合文化服务中心示范点"),
        ("解決了60個縣(市、區)的飲水安全問題。", "60個", "县(市、区)的饮水安全问题"),
        # what is said of the noun (仅有), a preposition (对) ends it
        ("過去台中29個行政區僅有5處公托。", "29個", "行政区"),
        ("大安市僅用11處水源井對19個村屯進行聯供。", "11處", "水源井"),
        ("完成超230个50户以上木质房屋连片村寨常高压给水管网建设。", "50户以上", "木质房屋连片村寨常高压给水管网建设"),
        # a count right before another one counts what that one's noun names (N个M户以上X: X)
        ("完成超230个50户以上木质房屋连片村寨常高压给水管网建设。", "230个", "木质房屋连片村寨常高压给水管网建设"),
        ("今年投资90亿元改造棚户区。", "90亿元", "投资"),
    ],
    # a verb alone before the value names nothing (the tagger says so): what it gives or reaches is
    # named before it, in the clause before or by the value before it
    "verb_alone": [
        ("迄今市府自建及修繕完工的社宅，僅供給608戶，六都倒數第二。", "608戶", "市府自建及修缮完工的社宅仅供给"),
        ("2015年全市新开工建设公共租赁住房12286套，基本建成12203套。", "12203套", "新开工建设公共租赁住房基本建成"),
        ("日照中心的服務人數由原本的40人，擴充至86人。", "86人", "日照中心的服务人数由原本扩充至"),
        # not a verb with its object, nor a change against a baseline
        ("全市新增养老床位3000张。", "3000张", "新增养老床位"),
        ("城镇登记失业率为3.5%，同比下降0.3个百分点。", "0.3个百分点", "城镇登记失业率同比下降"),
    ],
    "noun_after": [
        ("去年全省新增80000张养老床位，其中青岛新增7265张养老床位。", "80000张", "养老床位"),
        ("去年全省新增80000张养老床位，其中青岛新增7265张养老床位。", "7265张", "养老床位"),
        ("建成10个公交场站，加强公交线网与地铁站点无缝衔接。", "10个", "公交场站"),
        ("公安机关表示，将拿出100万元奖金，奖励群众提供案件线索。", "100万元", "奖金"),
        ("市府已布建1,968处长照资源、48处失智据点、10处失智共照中心。", "1,968处", "长照资源"),
        ("市府已布建1,968处长照资源、48处失智据点、10处失智共照中心。", "48处", "失智据点"),
        ("市府已布建1,968处长照资源、48处失智据点、10处失智共照中心。", "10处", "失智共照中心"),
        ("各级救助管理站对151名进站受助的流浪乞讨人员等困难群众全部进行了核酸检测。", "151名",
         "进站受助的流浪乞讨人员"),
        ("機構可提供200床的住宿服務及30人的日間照顧服務。", "200床", "住宿服务"),
        ("機構可提供200床的住宿服務及30人的日間照顧服務。", "30人", "日间照顾服务"),
        ("目前初步盘点有12处可行处，预计可再增加600多处收托名额。", "12处", "可行处"),
        ("目前初步盘点有12处可行处，预计可再增加600多处收托名额。", "600多处", "收托名额"),
        ("社会局预计将再新增9处临托中心。", "9处", "临托中心"),
        ("北市目前公托共有92家、收托约2008名幼儿。", "2008名", "幼儿"),
        ("建成儿科等10个医疗中心。", "10个", "医疗中心"),
        ("今年以来的8起命案全部破获。", "8起", "命案"),
        ("全省人才服务机构已经排出184场毕业生现场招聘活动。", "184场", "毕业生现场招聘活动"),
        ("今年全县计划新建12所学校。", "12所", "学校"),
        # after a preposition the object is counted, not the verb after it; the next value then
        # counts what that verb names
        ("为12.2万名失业人员发放失业保险金近9亿元。", "12.2万名", "失业人员"),
        ("为12.2万名失业人员发放失业保险金近9亿元。", "近9亿元", "发放失业保险金"),
        ("17期直播已经促成3万余人就业。", "17期", "直播"),
        # causative verbs (促进, 带动, 吸引): the people counted and what they do
        ("促进19.6万登记失业人员再就业。", "19.6万", "登记失业人员再就业"),
        ("累计吸引1813万人次在线参与，实现就业10万人。", "1813万人次", "在线参与"),
        ("到2027年，全市力争建成1000个独具特色的巴渝和美乡村。", "1000个", "独具特色的巴渝和美乡村"),
    ],
    # the value ends its clause: the noun before it is counted
    "per_unit": [
        ("对吸纳毕业生的小微企业给予每人3000元一次性补贴。", "3000元", "一次性补贴"),
    ],
    "actor_before_verb": [
        ("市府目前已設置公共托育中心128處。", "128處", "公共托育中心"),
        ("新增收托名额约360名。", "360名", "新增收托名额"),
        ("今年深圳将新增养老床位3000张。", "3000张", "新增养老床位"),
        ("市人社局和市教委计划新增见习岗位3000个。", "3000个", "新增见习岗位"),
    ],
    "clause_openers_and_more_verbs": [
        ("城镇新增就业是1312万人，虽然同比下降了0.8%。", "0.8%", "城镇新增就业同比下降了"),
        ("中国累计发布72个新职业。", "72个", "新职业"),
        ("医管局仍欠300名医生。", "300名", "医生"),
        ("全市新建学校20所，其中完工15所。", "15所", "新建学校完工"),  # not 新建学校 alone: 完工 is not 新建
        ("多所幼儿园将于2020年开办，能够新增优质学位1770个。", "1770个", "新增优质学位"),
        ("全区剩余的24.5万建档立卡贫困人口将全部脱贫。", "24.5万", "建档立卡贫困人口"),  # X的 + value + noun
        ("城市低保标准由每人每月600元提高到620元。", "600元", "城市低保标准"),  # per person per month
        ("奖补标准最高可达每人2000元。", "2000元", "奖补标准"),
        ("院舍券总数会增至5 000张。", "5 000张", "院舍券总数"),
        ("医管局计划包括加开约1000至1200张临时病床。", "约1000", "临时病床"),  # a range's first end
        ("每月处理110至140宗个案。", "110", "个案"),
        ("医管局将聘请医生，增加5%至10%名额。", "5%", "名额"),  # nothing but a verb before the range
        ("感染个案仍徘徊在每月110至140宗的水平。", "110", "感染个案仍徘徊在"),  # its own, not 水平
        ("医管局总行政经理李立12月12日预料，将加开逾千张临时病床。", "逾千张", "临时病床"),
        ("人民网合肥1月16日电(吕欢欢)开发退役军人就业岗位43万个。", "43万个", "开发退役军人就业岗位"),  # a dateline
        ("（一）城市低保标准：由每人每月600元提高到620元。", "620元", "城市低保标准"),  # an item's heading
    ],
    "noun_before": [
        ("武汉市政府承诺，今年新改扩建公益普惠性幼儿园30所，新增学位8000个。", "8000个", "新增学位"),
        ("武汉市政府承诺，今年新改扩建公益普惠性幼儿园30所，新增学位8000个。", "30所", "新改扩建公益普惠性幼儿园"),
        ("新增停车位20万个、充电桩10万个。", "10万个", "充电桩"),
        ("北市目前公托共有92家、收托约2008名幼儿。", "92家", "北市目前公托"),
        ("本市现有养老院159家。", "159家", "养老院"),
        ("社会局盘点约有12校。", "12校", "社会局盘点"),
        ("青岛市共救助了10300余人次。", "10300余人次", "青岛市共救助了"),
        ("簡約公屋將會提供3萬個單位。", "3萬個", "简约公屋将会提供"),  # 单位 says nothing
        ("累计完成农村公路新改建412公里。", "412公里", "累计完成农村公路新改建"),
        ("截至2023年底，全省共有养老机构2386家，床位3.2万张。", "3.2万张", "床位"),
    ],
    # 分别: the i-th value after it takes the i-th (mod N) item listed before it
    "respectively": [
        # shares of a whole after 分别 (完成…的, 占…的): the earlier value's subject and the share's whole
        ("全区转移就业196.87万人，长期转移134.58万人，分别完成年度计划的82%和75%。", "82%", "转移就业完成年度计划"),
        ("全区转移就业196.87万人，长期转移134.58万人，分别完成年度计划的82%和75%。", "75%", "长期转移完成年度计划"),
        ("孕产妇死亡率、婴儿死亡率、5岁以下儿童死亡率分别从20.1/10万、8.1‰、10.7‰降至17.8/10万、5.6‰、7.8‰。",
         "8.1‰", "婴儿死亡率"),
        ("孕产妇死亡率、婴儿死亡率、5岁以下儿童死亡率分别从20.1/10万、8.1‰、10.7‰降至17.8/10万、5.6‰、7.8‰。",
         "17.8/10万", "孕产妇死亡率"),
        ("孕产妇死亡率、婴儿死亡率、5岁以下儿童死亡率分别从20.1/10万、8.1‰、10.7‰降至17.8/10万、5.6‰、7.8‰。",
         "7.8‰", "5岁以下儿童死亡率"),
        ("刑事案件破案总数、打击处理人数分别比上年同期上升142%和156%。", "156%", "打击处理人数"),
        ("全省共实施临时救助9.5万人次，使用资金约6691万元，比去年同期分别增长118个和22.5个百分点。", "118",
         "实施临时救助"),
        ("全省共实施临时救助9.5万人次，使用资金约6691万元，比去年同期分别增长118个和22.5个百分点。", "22.5个百分点",
         "使用资金"),
        ("全年接待游客1.2亿人次，实现旅游收入1500亿元，同比分别增长12.3%和15.6%。", "15.6%", "实现旅游收入"),
        ("城乡低保标准分别增长2.5%和3.27%。", "3.27%", "城乡低保标准"),
        # short modifiers share the head of the last item
        ("城镇、农村居民人均可支配收入分别增长5.1%和7.2%。", "5.1%", "城镇居民人均可支配收入"),
        ("一、二、三等奖分别为5名、10名、20名。", "10名", "二等奖"),
        ("全市粮食、蔬菜产量分别达到120万吨和85万吨。", "85万吨", "蔬菜产量"),
    ],
    # an empty or verb-only subject: the value before it in its clause, or the previous clause
    "inherited": [
        ("2014年岛城的养老院从159家增长到175家。", "175家", "岛城的养老院"),
        ("日间照料中心由547家增长到1032家。", "547家", "日间照料中心"),
        ("出生人口性别比由2015年的113.5降低到2019年的110.14。", "113.5", "出生人口性别比"),
        ("出生人口性别比由2015年的113.5降低到2019年的110.14。", "110.14", "出生人口性别比"),
        ("我国居民人均预期寿命从76.3岁提高到77.3岁，也就是说4年提高了1岁。", "1岁", "我国居民人均预期寿命"),
        ("未来长照经费将突破1,000亿元及住宿式服务使用者补助方案，将由12万元提升至18万元。", "12万元",
         "住宿式服务使用者补助方案"),
        ("未来长照经费将突破1,000亿元及住宿式服务使用者补助方案，将由12万元提升至18万元。", "18万元",
         "住宿式服务使用者补助方案"),
        ("政府推出過渡性房屋項目，目標是興建21,000伙，目前已有約18,400伙。", "21,000", "过渡性房屋项目"),
        ("政府推出過渡性房屋項目，目標是興建21,000伙，目前已有約18,400伙。", "18,400", "过渡性房屋项目"),
        ("她指，目前有13個簡約公屋項目，目標是提供3萬個單位。", "3萬個", "简约公屋项目"),
        ("城镇居民人均可支配收入45000元，增长5.2%。", "5.2%", "城镇居民人均可支配收入"),
        ("青岛去年新增养老床位7265张 今年再增3000张", "3000张", "青岛去年新增养老床位"),
        ("记者从市民政局了解到，新增3家。", "3家", "新增"),  # a reporter's clause names nothing
        ("全市共設置3,000個充電樁，並將於明年再增設1,500個。", "1,500個", "充电桩"),  # time words: no actor
        ("2019年，全省实现进出口总额1.2万亿元，增长3.5%，其中出口8000亿元，增长5.1%。", "5.1%", "出口"),
    ],
    # what came before these rules stays: a lead or an acting body is no part of the subject
    "lead_and_trail": [
        ("湖南出台措施支持高校毕业生就业 今年将提供见习岗位3万个", "3万个", "提供见习岗位"),
        ("力争到2025年义务教育优质均衡区县比例达到60%。", "60%", "义务教育优质均衡区县比例"),
        ("截至2023年底，全省共有养老机构2386家。", "2386家", "养老机构"),
        ("全市人均预期寿命提高到79.5岁。", "79.5岁", "人均预期寿命"),
        ("市财政局将安排就业补助资金5亿元。", "5亿元", "安排就业补助资金"),
        ("2019年秋季市中心城区新投入使用公办中小学8所、独立幼儿园10所。", "10所", "独立幼儿园"),
        ("城镇登记失业率控制在1.8%以内，比上年下降0.3个百分点。", "0.3个百分点", "城镇登记失业率比上年下降"),
        # the thing measured is the one before the level, after any other value in that clause
        ("同比增加12万人；3月城镇调查失业率为5.3%，同比下降0.5个百分点。", "0.5个百分点", "城镇调查失业率同比下降"),
        ("其中70%左右要通过政府提供的实物的房子来解决。", "70%", "要通过政府提供的实物的房子来解决"),
        ("未来长照经费将突破1,000亿元。", "1,000亿元", "未来长照经费"),
        ("截至10月，台中市65岁以上人口已达49万4,385人。", "49万", "台中市65岁以上人口"),
        ("我们一共安排了5000个公益性岗位，已经上岗4200人。", "4200人", "公益性岗位上岗"),
        ("今年计划兴建公营房屋约2万个单位，较去年增加约15%。", "约15%", "兴建公营房屋较去年增加"),
        # a fiscal or ROC year that opens the clause is its period, not what is counted
        ("一一六年社會住宅預計完工八百戶。", "八百戶", "社会住宅预计完工"),
        ("2024/25年度普通科門診可服務約30万人次。", "30万", "普通科门诊可服务"),
        # a preposition that opens the clause is left out, but not from a word it begins (在校生)
        ("普通小学招生1866万人，在校生10725万人。", "10725万人", "在校生"),
    ],
}


@pytest.mark.parametrize(("text", "surface", "subject"),
                         [pytest.param(*row, id=f"{rule}-{i}") for rule, rows in SUBJECTS.items()
                          for i, row in enumerate(rows)])
def test_metric_subject(text: str, surface: str, subject: str) -> None:
    assert _subject(text, surface) == subject


@pytest.mark.parametrize(("text", "period"), [
    ("截至10月止，已布建1,968处长照资源、48处失智据点、10处失智共照中心。", "截至10月止"),
    ("到3月底，全省共实施临时救助9.5万人次，使用资金约6691万元。", "到3月底"),
    ("截至4月21日，全省民政服务机构累计接收入院老人、儿童3876人，占需入院数的64.3%。", "截至4月21日"),
    ("2019年秋季市中心城区新投入使用公办中小学8所、独立幼儿园10所、附设幼儿园33所。", "2019年秋季"),
    # the baseline of a comparison is not the time of the value
    ("2023年，全市刑事案件破案率47.3%，较去年提升14.9个百分点。", "2023年"),
    ("截至10月底，贫困劳动力就业人数达到73.3万人，超过去年年底规模3.3万人。", "截至10月底"),
    ("醫管局在2023/24年度增聘醫生350名、護士1200名。", "2023/24年度"),
    ("一一四年已入住共二百一十戶。", "一一四年"),
])
def test_a_period_reaches_every_value_of_the_list_after_it(text: str, period: str) -> None:
    periods = find_periods(text, 2020)
    (sent,) = split_sentences(text, max_len=1000, semicolons=False)
    found = {metric_period(periods, sent, v).surface for v in find_values(text)}  # type: ignore[union-attr]
    assert found == {period}


def _periods(text: str) -> dict[str, str | None]:
    """The period of every value in `text`, read on its simplified view with the whole text (paragraphs)."""
    view = simplified_view(text)
    periods = find_periods(view, 2020)
    out: dict[str, str | None] = {}
    for sent in split_sentences(view, max_len=1000, semicolons=False):
        for v in find_values(view):
            if sent.start <= v.start and v.end <= sent.end:
                p = metric_period(periods, sent, v, view)
                out[text[v.start:v.end]] = text[p.start:p.end] if p else None
    return out


PERIODS = {
    # a period that opens a paragraph, with a comma, dates the figures of its later sentences
    "paragraph": [
        ("2018年，面对复杂严峻的形势，我们攻坚克难。全市生产总值8200亿元，增长7.1%。\n今年要稳中求进。",
         {"8200亿元": "2018年", "7.1%": "2018年"}),
        ("去年，全市上下团结奋斗。城镇新增就业12.5万人。", {"12.5万人": "去年"}),
        # not a later paragraph, nor a period that opens one without a comma, nor one of the sentence's own
        ("2018年，全市上下团结奋斗。\n城镇新增就业12.5万人。", {"12.5万人": None}),
        ("2018年全市上下团结奋斗。城镇新增就业12.5万人。", {"12.5万人": None}),
        ("2018年，全市上下团结奋斗。上半年城镇新增就业6.1万人。", {"6.1万人": "上半年"}),
        # a plan's target date opening a paragraph, also after its section's label, dates the targets after it
        ("养老方面：到2025年底，建立覆盖城乡的养老服务体系。全市养老机构护理型床位占比不低于40%。",
         {"不低于40%": "到2025年底"}),
        ("到2025年，基本建成多层次服务体系。每千人口拥有托位数达到4.5个。", {"达到4.5个": "到2025年"}),
        # not a deadline said inside the sentence, nor a long lead before it
        ("全市将在2025年底前建成服务体系。每千人口拥有托位数达到4.5个。", {"达到4.5个": None}),
        ("各地要围绕群众急难愁盼问题推进工作：到2025年，基本建成服务体系。托位数达到4.5个。", {"达到4.5个": None}),
    ],
    # when it happens, said after the value in its clause (将于…); with 分别 in order
    "after": [
        ("去年落成1 500个单位，另有约3 200个单位将于2026/27年度落成。", {"约3 200个": "2026/27年度"}),
        ("其余五個項目預計於2027年第二季度完工。", {"五個": "2027年第二季度"}),
        ("约八千个及约1 800个单位将会分别在2026/27至2028/29年度及2029/30年度分阶段落成。",
         {"约八千个": "2026/27至2028/29年度", "约1 800个": "2029/30年度"}),
        # a period in the value's own clause before it comes first; a baseline is none
        ("今年新增床位800张，较2019年增加35%。", {"800张": "今年", "35%": "今年"}),
        ("公办园在园儿童占比2019年底达到40%。", {"达到40%": "2019年底"}),  # 占比 is a share, no baseline
    ],
    # the goal the values make up, named after them with its period (…的全年预期目标)
    "goal": [
        ("要实现城镇新增就业1200万人左右，城镇调查失业率5.5%左右的全年预期目标，任务艰巨。",
         {"1200万人左右": "全年", "5.5%左右": "全年"}),
        ("确保完成2025年新建学校12所的目标任务。", {"12所": "2025年"}),
        ("全市新建学校12所，比2020年的目标多2所。", {"12所": None}),  # a comparison's time, no goal's
    ],
    # the present said after a time: the value after it is of now
    "present": [
        ("從2016年時大約只有2.5萬名照服員，到現在已經超過10萬名。", {"2.5萬名": "2016年", "超過10萬名": None}),
        ("2015年仅有养老机构30家，如今已达120家。", {"30家": "2015年", "达120家": None}),
        ("到2025年老年人口将达到150万，目前每千名老人拥有床位28张。", {"达到150万": "到2025年", "28张": "目前"}),
        ("2022年开工，现在已有1 250个单位于2024/25年度落成。", {"1 250个": "2024/25年度"}),
    ],
    # a month alone dates its figures; after 在/于 it dates an event, in its clause only
    "month": [
        ("据了解，9月，全市发放公积金贷款5.6亿元，同比增长12%。", {"5.6亿元": "9月", "12%": "9月"}),
        ("小王在7月入职一家物流公司，现任班组长，月薪约6500元。", {"约6500元": None}),
    ],
    # a value that is the other side of a comparison (比/较/与…的) is of the time inside it, or of none;
    # a baseline named again in brackets is a baseline; a time moved (提前到) is the value's new time
    "comparison": [
        ("明年度預算512億元，比縣長就任首年的305億元增加兩百多億元。", {"512億元": "明年度", "305億元": None}),
        ("本年度開支預算約180億元，較五年前(即二○一九至二○年度)的約120億元，增加約50%。",
         {"約180億元": "本年度", "約120億元": "二○一九至二○年度", "約50%": "本年度"}),
        ("2010年完成21.5万户，超过中央下达的15万户改造任务。", {"15万户": "2010年"}),
        ("决定将原计划2018年完成的85万户改造任务提前到2016年全部完成。", {"85万户": "到2016年"}),
    ],
    # a sentence or a paragraph that goes on from the one before (此外，其中，) is of its time
    "continued": [
        ("局长称，2021年，全省投入资金56.2亿元。\n此外，社会捐赠8.3亿元。全省培训劳动力12.6万人。\n全省共有学校300所。",
         {"8.3亿元": "2021年", "12.6万人": "2021年", "300所": None}),
        ("截至2019年底，全市累计开工1.2万套。此外，水利项目完成投资35.6亿元。", {"35.6亿元": "截至2019年底"}),
        ("全市新建道路80公里。此外，水利项目完成投资35.6亿元。", {"35.6亿元": None}),
        ("《公报》指出，截至2018年年底，全市老年人口达186万人。其中，80岁以上老人达23万人。",
         {"达23万人": "截至2018年年底"}),
    ],
    # a deadline said inside a clause reaches up to a semicolon; one opening the sentence reaches all of it
    "deadline": [
        ("全省将在9月底前实现开工率85%、竣工率30%；培训乡村工匠2000名左右。",
         {"85%": "9月底前", "2000名左右": None}),
        ("年底前，全省实现开工率100%；培训乡村工匠2000名左右。", {"100%": "年底前", "2000名左右": "年底前"}),
    ],
    # a share of a year's quantity is not of that year; a period inside a document's title is a name
    "share": [
        ("低保标准按照上年度城镇居民人均消费支出的35%确定。", {"35%": None}),
        ("标准提高后，农村低保标准达到上年度农村居民人均消费支出的28.5%和41.2%。", {"28.5%": None, "41.2%": None}),
        ("上年度城镇居民人均消费支出为2.6万元，增长6.5%。", {"2.6万元": "上年度", "6.5%": "上年度"}),
        ("市里印发《关于下达2022年度养老服务目标任务的通知》，计划新增护理床位800张。", {"800张": None}),
    ],
    # a period opening a paragraph after its speaker (X称，2020年，…) dates its later sentences
    "speaker": [
        ("主席称，2020年，全区上下攻坚克难。全区投入财政资金86.5亿元。", {"86.5亿元": "2020年"}),
        ("主席称，全区上下攻坚克难，2020年，全区上下。全区投入财政资金86.5亿元。", {"86.5亿元": None}),
        # or after the informant of the press (记者从…获悉，上半年，…)
        ("记者从市人社局获悉，上半年，全市城镇新增就业5.2万人。其中，帮助失业人员再就业1.1万人。",
         {"5.2万人": "上半年", "1.1万人": "上半年"}),
    ],
    # a plan's first years are a period (the plan alone is not)
    "plan": [
        ("“十二五”前两年，全省新建农村公路8.5万公里。", {"8.5万公里": "“十二五”前两年"}),
        ("“十二五”规划提出，全省新建农村公路8.5万公里。", {"8.5万公里": None}),
    ],
    # the period of a basis (按照上年度…计算) is the basis's: in its clause only
    "basis": [
        ("按照上年度最低工资标准为21600元计算，护理补贴每人每年2160元。", {"21600元": "上年度", "2160元": None}),
    ],
    # the items of a numbered list take the period said with a comma in the sentence that introduces it;
    # from a date on, the level a standard is raised from is the one before then
    "list": [
        ("自2020年7月1日起，我县提高城乡低保标准。\n（一）城市低保标准：由每人每月580元提高到610元。\n"
         "（二）农村低保标准：由每人每年4500元提高到5000元。",
         {"580元": None, "610元": "自2020年7月1日起", "4500元": None, "5000元": "自2020年7月1日起"}),
        ("我县提高城乡低保标准。\n（一）城市低保标准：每人每月610元。", {"610元": None}),
    ],
    # 目前 is said of its clauses up to a semicolon or a plan
    "now": [
        ("目前全市共有公托45家，收托1200名幼儿；新建社区食堂30个。", {"45家": "目前", "1200名": "目前", "30个": None}),
        ("目前有8個簡約公屋項目，目標是提供1.5萬個單位。", {"8個": "目前", "1.5萬個": None}),
    ],
}


def test_a_month_range_takes_the_year_said_before_it() -> None:
    text = "2022年全市医保基金运行平稳，1月至12月，基金总收入85.6亿元。今年1-3月，基金总收入20.1亿元。"
    periods = find_periods(text, 2023)
    found = {}
    for sent in split_sentences(text, max_len=1000, semicolons=False):
        for v in find_values(text):
            if sent.start <= v.start and v.end <= sent.end:
                p = metric_period(periods, sent, v, text)
                found[v.surface] = (p.surface, p.year_from, p.month_from, p.month_to) if p else None
    assert found == {"85.6亿元": ("1月至12月", 2022, 1, 12), "20.1亿元": ("今年1-3月", 2023, 1, 3)}


WHOLE_YEAR_CASES = [
    # a bare 全年 is the whole of the year its sentence, or the paragraph's opening, names
    ("2023年，全市新建学校126所；推进教育资源倾斜，全年投入改善资金12.63亿元。", "12.63亿元", "2023年全年", 2023),
    ("2012年，沈阳完成30条重点街路绿化工程，全年累计栽植乔木、灌木30万株。", "30万株", "2012年全年", 2012),
    ("去年，全市上下团结奋斗。全年实现城镇新增就业18万人。", "18万人", "去年全年", 2019),
    # alone, the article's year
    ("市人力社保局将实施五大工程，确保全年城镇新增就业60万人以上。", "60万人以上", "全年", 2020),
    ("全年降低社会保险费4252亿元，失业保险稳岗返还552亿元。", "552亿元", "全年", 2020),
    # after another time in its sentence it names the task: that time is the value's
    ("6月底前，全年新开工项目实现100%。", "100%", "6月底前", 2020),
    ("1-9月份，全国城镇新增就业898万人，完成全年目标任务的81.6%。", "81.6%", "1-9月份", 2020),
]


@pytest.mark.parametrize(("text", "value", "surface", "year"), WHOLE_YEAR_CASES)
def test_a_bare_whole_year_is_of_the_year_its_context_names(text: str, value: str, surface: str,
                                                             year: int | None) -> None:
    periods = find_periods(text, 2020)
    (v,) = [v for v in find_values(text) if v.surface == value]
    (sent,) = [s for s in split_sentences(text, max_len=1000, semicolons=False) if s.start <= v.start < s.end]
    p = metric_period(periods, sent, v, text)
    assert p is not None and (p.surface, p.year_to) == (surface, year)


@pytest.mark.parametrize(("text", "expected"),
                         [pytest.param(*row, id=f"{rule}-{i}") for rule, rows in PERIODS.items()
                          for i, row in enumerate(rows)])
def test_metric_period_in_context(text: str, expected: dict[str, str | None]) -> None:
    found = _periods(text)
    assert {k: found.get(k, "missing") for k in expected} == expected


@pytest.mark.skipif(not DEV.is_dir(), reason="../shared/dev not available")
def test_no_subject_is_a_fragment_on_the_dev_articles() -> None:
    for path in sorted(DEV.glob("*.txt")):
        for m in run_article(load_article(str(path)), None).metrics:
            assert m.subject and m.subject[0] not in "、，,；;：:。）)的和及与", (path.name, m.value_text, m.subject)
            assert m.subject not in MEASURE_WORDS, (path.name, m.value_text, m.subject)


def test_a_long_list_of_values_is_read_once_each() -> None:
    """Subjects rest on the values before them; each is read once (no blow-up on long lists)."""
    text = "全市新增" + "、".join(f"{i}个" for i in range(1, 80)) + "，分别从" + "、".join(
        f"{i}%" for i in range(1, 40)) + "提高到" + "、".join(f"{i}.5%" for i in range(1, 40)) + "。"
    started = time.monotonic()
    values = tuple(find_values(text))
    (sent,) = split_sentences(text, max_len=1000, semicolons=False)
    for v in values:
        metric_subject(text, sent, v, values)
    assert time.monotonic() - started < 5

"""Tests for summarizer.lang.nonmetrics: which values found in a text are no metrics, and why."""

from __future__ import annotations

import pytest

from summarizer.lang.nonmetrics import NON_METRIC_RULES, is_structural, non_metric
from summarizer.lang.values import find_values
from summarizer.text.hanzi import simplified_view


def _kept(text: str) -> set[str]:
    """Surfaces (as written) of the values the pipeline keeps as metrics: it reads the simplified view."""
    view = simplified_view(text)
    return {text[v.start:v.end] for v in find_values(view) if non_metric(view, v) is None}


def _why(text: str, surface: str) -> str | None:
    view = simplified_view(text)
    (value,) = [v for v in find_values(view) if text[v.start:v.end] == surface]
    return non_metric(view, value)


# (text, values kept as metrics)
KEPT: list[tuple[str, set[str]]] = [
    # structural counts and version labels
    ("强化两个赋能,建强三个板块,做优四个结合", set()),
    ("今年将从四个方面发力,新建五个社区食堂。", set()),  # 五个: a small count in words (in_words)
    ("重点抓好5个关键词,新增就业5万人。", {"5万人"}),
    ("围绕“兜底线、促增收”四个关键,建设3个层级", set()),
    ("高雄市推動長照2.0,今年服務人數達6.2萬人。", {"達6.2萬人"}),
    ("城乡综合差异系数为2.0。", {"2.0"}),
    ("做到五个坚持、三个聚焦,新增养老床位3000张。", {"3000张"}),
    ("抓住三个重点,确定了20项重点民生实事。", {"20项"}),
    # a project's phase after a place name, a duration looked back on (probe articles, own sentences)
    ("羅東運動公園二期工程明年完工，經費逾三億元。", {"逾三億元"}),
    ("過去十二個月，失業綜援個案減少百分之九點五。", {"百分之九點五"}),
    # the parts of a report or an agenda
    ("本规划共分六个部分,新增床位1200张。", {"1200张"}),
    ("重点是抓好兩件大事、办好四項服務。", set()),
    ("四項服務，就是托育、教育、醫療和養老。", set()),
    ("做好就业服务,新建五个零工驿站。", set()),  # a count made, but in words: in_words (dev README)
    # a small count after a named place, before a noun: how many it has, or which
    ("泉州市四个区将新增公办幼儿园15所。", {"15所"}),
    ("分別位於將軍澳及東涌東路三個新屋邨。", set()),
    ("參觀了陽光幼兒園、明德幼兒園兩所公辦園。", set()),
    ("今年新增公办园3所，学位900个。", {"3所", "900个"}),
    ("走访了康乐中心、晨曦中心及青年服务处等三家社会服务机构。", set()),
    ("建成儿科、产科等10个医疗中心。", {"10个"}),  # more than the list names: a count
    # a version label joined to another one
    ("長照4.0與3.0的分別在於整合醫療。", set()),
    # service hours said before the service; a limit or a level of hours is kept
    ("為在24小時病房工作的護理員加薪，並提供24小時心導管手術。", set()),
    ("急症室服務時間將延長至16小時。", {"16小時"}),
    # idioms and slogans with a numeral and a measure word
    ("实施三支一扶计划,招募高校毕业生1200人。", {"1200人"}),
    ("严格落实八项规定,坚决做到两个维护。", set()),
    ("提供一站式服务,发放一次性补助2000元。", {"2000元"}),
    ("十万火急", set()),
    # a quoted programme name is a name everywhere in the article, its number alone too
    ("将“十件实事”改成“为民办实事”。今年没有列出十件实事,不应局限于十件,要办好实事。", set()),
    ("办好“十件实事”。今年新建学校十所。", {"十所"}),
    ("实现“8个扩大”。全市新增8个扩大开放平台,新增企业8个。", {"8个"}),
    ("实现15分钟生活圈全覆盖,新建社区食堂120个。", {"120个"}),
    ("巩固“城区10分钟”应急救援圈,建立农村30分钟应急救援圈", set()),
    # conditions: ages and durations that qualify a noun or a rule
    ("台中市65歲以上人口已達49萬4,385人,占全市人口17.2%。", {"達49萬4,385人", "17.2%"}),
    ("每吸纳一个贫困人口稳定就业3个月以上,即给予一次性补助2000元。", {"2000元"}),
    ("5岁以下儿童死亡率下降到7.8‰。", {"7.8‰"}),
    ("促进3岁以下婴幼儿照护服务发展。", set()),
    ("年满60周岁的老人可申请,连续3个月未就业的可领取500元。", {"500元"}),
    ("工作满15年的职工", set()),
    ("逾期超过30天的,退还押金200元。", {"200元"}),
    ("为全市80岁及以上老人发放高龄津贴。", set()),
    ("年龄在18至60周岁之间的失业人员", set()),
    ("为18岁以下未成年人提供保护,全省60周岁以上老年人口达1200万人。", {"达1200万人"}),
    # ... but the level of an age or time measure, and a change of one, are metrics
    ("居民人均预期寿命从76.3岁提高到77.3岁,也就是说4年提高了1岁。", {"76.3岁", "77.3岁", "1岁"}),
    ("全市人均预期寿命提高到79.5岁以上。", {"79.5岁以上"}),
    ("公屋一般申请者平均轮候时间为5.6年。", {"5.6年"}),
    ("劳动年龄人口平均受教育年限达到11.2年,建设周期缩短至2年。", {"达到11.2年", "2年"}),
    ("该工程历时5年建成,缴费年限满15年的可领取。", set()),
    ("企业开办时间压缩至3个工作日,不动产登记办理时限5天以内。", {"3个工作日", "5天以内"}),
    ("承诺24小时以内办结,3个月以内的申请优先,工龄5年以上的职工", {"24小时以内"}),
    ("預約只要3分鐘,時間至少能壓縮至3分鐘內。", {"3分鐘"}),
    # time frames: durations in years or months that frame something else
    ("由動工至首戶家庭入伙,僅需時約1年半。", set()),
    ("庆祝建党100周年,举办活动120场。", {"120场"}),
    ("与5年前比较已缩减25%。", {"25%"}),
    ("發放3年期創業貸款,112年度共補助2,345人,較111年增加12%。", {"2,345人", "12%"}),  # ROC years
    # estimates: two adjacent small numbers
    ("要找到4到5間教室並不容易。", set()),
    ("每组5至6人,共分120个小组。", {"120个"}),
    ("30%至40%动态调整,3至5万元", {"30%", "40%", "3", "5万元"}),
    # the count a list's numbered heading announces; not one inside a sentence, nor after no numbering
    ("总投资将超过360亿元。\n一、教育文体方面(7项)\n1、新建、改扩建中小学、幼儿园40所。", {"超过360亿元", "40所"}),
    ("（二）医疗养老（6项）\n新增床位300张。", {"300张"}),
    ("一、新建学校(7所)，投资3亿元。", {"7所", "3亿元"}),
    ("今年新建学校(7所)\n", {"7所"}),
    # counts under ten in Chinese numerals (dev README, "What counts"); not large ones, shares or multiples
    ("今年以来的8起命案全部破获，还破获两起命案积案。", {"8起"}),
    ("該建築為三層樓結構，可收托48名嬰幼兒。", {"48名"}),
    ("差额票决出2025年海珠区十件民生实事，新增五个。", {"十件"}),  # ten and more are figures
    ("目前逾九成合資格長者使用過醫療券，開支兩千五百萬元。", {"逾九成", "兩千五百萬元"}),
    ("收回土地超逾四倍，新增三万个学位。", {"逾四倍", "三万个"}),
    # a count in digits after the names it sums up is a target (等3条支路), not a partition
    ("打通长元路、经十九路、文山支一路等3条支路。", {"3条"}),
]


@pytest.mark.parametrize(("text", "kept"), KEPT)
def test_kept_values(text: str, kept: set[str]) -> None:
    assert _kept(text) == kept


def test_counted_targets_keep_the_targets() -> None:
    assert _kept("力争实现两个95%，即入学率95%、巩固率95%；新建3组安置房") == {"95%", "3组"}


# (text, value surface, rule that sets it aside)
WHY: list[tuple[str, str, str]] = [
    ("重点抓好5个关键词", "5个", "structural"),
    ("推動長照2.0", "2.0", "version"),
    ("实施三支一扶计划", "三支", "idiom"),
    ("没有列出十件实事。“十件实事”改成。", "十件", "name"),
    ("5岁以下儿童死亡率", "5岁以下", "condition"),
    ("4年提高了1岁", "4年", "time_frame"),
    ("要找到4到5間教室", "5間", "estimate"),
    ("每招用1名高校毕业生补助1500元", "1名", "per_one"),
    ("厦门市五个区将新增", "五个", "partition"),
    ("探访了颐康中心、玛嘉烈中心两家机构", "两家", "partition"),
    ("長照3.0與2.0", "2.0", "version"),
    ("提供24小時通波仔手術", "24小時", "service"),
    ("做好三項服務", "三項", "structural"),
    # a count of targets named by their number, and that number; words summing up; campaigns
    ("力争实现两个95%，即入学率95%、巩固率95%", "两个", "structural"),
    ("力争实现两个90%以上，即入学率95%、巩固率96%", "90%以上", "structural"),
    ("局长用3组词总结全年工作", "3组", "structural"),
    ("今年将开展五个专项行动", "五个", "structural"),
    ("今年開展“清源”“護苗”兩個專項行動", "兩個", "structural"),
    # quoted names listed before as many
    ("打造“康养小镇”“智慧社区”两个示范点", "两个", "partition"),
    ("同時修改兩項法案", "兩項", "in_words"),
    # numbers that name: a floor, a flat type, a lot's code
    ("本據點為4層樓建物，1樓為日照中心", "1", "label"),
    ("社宅1房型占6成", "1", "label"),
    ("编号为B-08的地块已出让", "08", "label"),
    ("東區-2地段将兴建公屋", "2", "label"),
    ("查詢電話:(02) 2960-3456轉 3694", "3456", "label"),
    ("在39个村改造升级10千伏线路16.66公里", "10千伏", "label"),  # a voltage class names the kind of line
    # a building's storeys and the floors of a range or list
    ("規劃4棟地上14層集合住宅", "14層", "storeys"),
    ("將興建3棟地下4層、地上13至14層的建物", "13", "storeys"),
    ("4至14樓為社宅空間", "4", "storeys"),
    ("2棟地下4層、地上12、15層的建物", "12", "storeys"),
]


@pytest.mark.parametrize(("text", "surface", "rule"), WHY)
def test_rule_names(text: str, surface: str, rule: str) -> None:
    assert _why(text, surface) == rule


def test_every_rule_has_a_row() -> None:
    assert {name for name, _ in NON_METRIC_RULES} == {rule for _, _, rule in WHY}


def test_is_structural_still_importable_from_annotate() -> None:
    from summarizer.lang.metrics import is_structural as from_annotate

    assert from_annotate is is_structural


def test_the_pipeline_drops_non_metrics() -> None:
    from summarizer.models import Source
    from summarizer.pipeline.article import run_article
    from summarizer.text.ingest import Article

    text = ("“十件实事”改成“为民办实事”\n台中市65歲以上人口已達49萬4,385人,推估需求會突破9萬8千多人。"
            "今年没有列出十件实事。詳見[連結](https://example.org/%E4%BD%95%E5%9C%B0%95%)\n")
    r = run_article(Article(path="t.txt", text=text, source=Source(file="t.txt")), None)
    assert {(m.value_text, m.value) for m in r.metrics} == {("達49萬4,385人", 494385), ("突破9萬8千多人", 98000)}

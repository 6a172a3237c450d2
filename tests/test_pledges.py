"""Pledges: forward cues, pieces, targets, deadlines and responsible bodies — one table per rule
family, keyed by the rule. Rows are facts about the genre (simplified and traditional text)."""

from __future__ import annotations

import pytest

from summarizer.lang import pledges, tagger
from summarizer.lang.pledges import forward_cue
from summarizer.models import ArticleResult, Source
from summarizer.pipeline.article import run_article
from summarizer.text.ingest import Article


def _run(text: str, date: str | None = None) -> ArticleResult:
    return run_article(Article(path="t.txt", text=text, source=Source(file="t.txt", date=date)), None)


@pytest.mark.parametrize(("rule", "sentence", "year", "cue"), [
    ("will", "市政府将新建幼儿园30所。", None, "将"),
    ("goal", "政府推出过渡性房屋项目，目标是兴建21,000伙。", None, "目标是"),
    ("pledge", "武汉市政府承诺，今年新改扩建幼儿园30所。", None, "承诺"),
    ("forecast", "预计下半年就会陆续启用。", None, "预计"),
    ("future year", "到2025年，全市养老床位达到5万张。", 2023, "到2025年"),
    ("past year is history", "从2015年到2019年底，人均预期寿命提高了1岁。", 2020, None),
    ("noun 计划: family planning", "计划生育服务管理继续加强。", None, None),
    ("noun 计划: a plan's name", "纳入岗位职业技能培训计划，给予补贴。", None, None),
    ("noun 计划: after 下了", "我们已经下了计划，就是今年要新增。", None, "要"),
    ("adverb 计划地", "有计划地推进改造。", None, None),
    ("noun 计划: after a demonstrative", "该计划本财政年度的预算开支为43.7亿元。", None, None),
    ("noun 承诺: the pledge reported as a thing", "市长的承诺在市民中引起了强烈反响。", None, None),
    ("会 努力", "房屋局会继续努力，做好每一个项目。", None, "会"),
    ("做了以下几个方面工作 opens an account", "民政部主要做了以下几个方面工作：", None, None),
    ("disposal 将 before a quote", "将“十件实事”改成“为民办实事”。", None, None),
    ("disposal 将 before a body", "而是将政府当年的实事分列到各部门。", None, None),
    ("要 + verb + 的 is a noun phrase", "政府要办的实事很多。", None, None),
    ("将近 is about", "参加人数将近3000人。", None, None),
    ("会 before what a government does (Hong Kong, Macao, Taiwan)", "医管局今年下半年会向财委会申请拨款。", None, "会"),
    ("会 as will, before a verb", "社工局会开展一系列工作。", None, "会"),
    ("会 in 社会, 会议", "社会各界出席会议。", None, None),
    ("会 in 定期会, a council's session", "桃园市议会第三届第五次定期会于今(7)日隆重开幕。", None, None),
    ("不会 is no pledge", "他不会在会上发言。", None, None),
    ("会 ending a meeting's name", "招聘会在体育馆举行。", None, None),
    ("会 of 开幕会", "开幕会在北京人民大会堂举行。", None, None),
    ("scheduled", "暂定今年第4季至明年首季公布分配结果。", None, "暂定"),
    ("预计目标 is a noun", "今年超额完成了农村公路建设预计目标。", None, None),
    ("decided", "我们经过重新规划，决定提前两年，用六年的时间把危房改造完毕。", None, "决定"),
    ("决定 as a noun's part", "这是起决定作用的因素。", None, None),
    ("会 before 透过/加大", "医管局亦会透过特别酬金聘请医生。", None, "会"),
    ("from now on", "从今年开始，我们改造40万户。", None, "从今年开始"),
    ("from a past year on is history", "从去年开始，我们改造了40万户。", None, None),
    ("next year's targets after a colon", "会议公布了明年就业再就业工作目标:城镇新增就业1000万人。", None,
     "明年就业再就业工作目标:"),
    ("a work report proposing this year's targets", "政府工作报告提出，今年城镇新增就业1100万人以上。", None,
     "工作报告提出，"),
    ("a work report's proposals of a past year", "2018年政府工作报告提出的目标全面完成。", None, None),
    ("将一如既往", "特区政府将一如既往，关顾弱势社群的需要。", None, "将一如既往"),
    ("会从: will, from a time on", "院舍券适用范围亦会从第二季起扩展至护养院宿位。", None, "会"),
    ("决定于 is no schedule", "这决定于市场需求。", None, None),
    ("若将: if, not will", "卓荣泰说：「若将预算冻结误说为删除，表示道歉。」", None, None),
    ("是否会 asks", "外界关心台湾是否会开设专户协助赈灾。", None, None),
    ("要: a purpose clause, then what it takes", "要实现如此庞大的建屋量，组装合成建筑法是黄金机会。", None, None),
    ("要: a purpose clause, then 离不开", "我们要扩大战果，离不开群众的支持。", None, None),
    ("计划 closing a quoted programme name", "行政长官在《施政报告》提出「公屋提前上楼计划」。", None, None),
    ("要 with a target stays a pledge", "今年要新建幼儿园30所，这是市政府的重要部署。", None, "要"),
    ("要, then what it will do", "要加快养老服务体系建设，确保明年新增床位3000张。", None, "要"),
    ("要 with heeding: an assessment", "就业形势总体稳定,但是有一些情况也要引起重视:一是就业总量压力不减。",
     None, None),
    ("a policy address proposing next year's", "澳门行政长官发表2026年施政报告，提出明年继续推出多项惠民安排。", 2025,
     "施政报告，提出"),
    ("将会持续 a while: how long a condition lasts", "所以,新增劳动力的数量庞大,这将会持续很长一个时期。", None, None),
    ("要 of a comparison", "我国城镇调查失业率水平比欧洲国家平均水平要低。", None, None),
    ("争取到: what was obtained", "县府与公所合作向中央争取获拨补助460万元。", None, None),
    ("要 with seeing: an assessment", "我们也要清醒看到，就业的结构性矛盾依然突出。", None, None),
])
def test_forward_cues(rule: str, sentence: str, year: int | None, cue: str | None) -> None:
    m = forward_cue(sentence, year)
    assert (m.group() if m else None) == cue, rule


def test_a_time_in_a_live_update_is_no_speaker_label() -> None:
    quotes = [c.quote for c in _run("【16:45】何永賢指，當局會研究模範邨的重建。").commitments]
    assert quotes == ["何永賢指，當局會研究模範邨的重建。"]  # not 「45】何永賢指…」


def test_breakdown_by_place_is_one_pledge_each() -> None:
    text = "今年将新开工建设安置住房116597套。其中，中原区开工建设15440套，金水区8560套，二七区9439套。"
    got = [(c.target, c.responsible) for c in _run(text).commitments]
    assert got[1:] == [("15440套", "中原区"), ("8560套", "金水区"), ("9439套", "二七区")]


@pytest.mark.parametrize(("text", "targets"), [
    ("今年将投资90亿元，改造棚户区2.87万户。", ["90亿元", "2.87万户"]),  # a clause with its own verb and target
    # one that reaches a level
    ("今年我市将新增城镇就业6.5万人，城镇登记失业率控制在3.5%以内。", ["6.5万人", "3.5%以内"]),
    ("今年将新增就业6.5万人，其中高校毕业生2万人。", ["6.5万人"]),  # a part of the value before it
    ("今年将新增就业6.5万人，同比增长5%。", ["6.5万人"]),  # a comparison goes on with it
    ("五年内将收回土地3000公顷，总量比过去五年增加约30%。", ["3000公顷"]),  # so does one with the past
    # a list of indicators and their levels: one target each, not what one costs
    ("今年要稳就业,城镇新增就业900万人以上,城镇调查失业率6%左右。", ["900万人以上", "6%左右"]),
    ("今年将新建幼儿园20所,总投资5亿元。", ["20所"]),
    # a clause naming whom it is for, then how many, then the verb
    ("今年将完成5000户适老化改造，为10万户高龄独居老人加装燃气报警器。", ["5000户", "10万户"]),
    ("今年将新增就业6万人，为全省的30%。", ["6万人"]),  # 为: what the value is
    ("今年将新建幼儿园16所，明年新建10所，后年新建7所。", ["16所", "10所", "7所"]),  # a time, then the verb
])
def test_one_commitment_per_pledged_clause(text: str, targets: list[str]) -> None:
    assert [c.target for c in _run(text).commitments] == targets


@pytest.mark.parametrize(("rule", "text", "pieces"), [
    ("semicolon items with own targets",
     "武汉市政府承诺，今年新改扩建幼儿园30所，新增学位8000个；新改扩建中小学20所；建成10个公交场站。",
     # each clause with its own verb and target is a pledge (dev README, "What counts")
     [("30所", "今年", "武汉市政府"), ("8000个", "今年", "武汉市政府"), ("20所", "今年", "武汉市政府"),
      ("10个", "今年", "武汉市政府")]),
    ("a clause with its own subject, cue and target",
     "2015年，山东省计划新增养老床位6.5万张，青岛计划新增3000张床位。青岛市还有3家养老院。",
     [("6.5万张", "2015年", "山东省"), ("3000张", "2015年", "青岛")]),
    ("consequence clause without a subject stays",
     "社会局表示，预计会有16处新的公托，预计可再增加600多处收托名额。",
     [("16处", None, "社会局")]),
    ("the date the news was told is no deadline",
     "2月11日，记者从郑州市民政工作会议上获悉，郑州争取2014年新增养老机构床位3000张以上。",
     [("3000张以上", "2014年", "郑州")]),
    ("the value before the cue only when none follows it",
     "四个项目将在2023年12月起陆续动工，当中元朗的项目预计在2025年第一季度落成，提供约2100个单位。",
     [("约2100个", "2023年12月", None)]),
    ("a value in the subject, right before the cue, and the time right after it",
     "项目合共8 923个单位相继于二○二三/二四年度落成，而二期约2 600个单位将于二○二四/二五年度落成。",
     [("约2 600个", "二○二四/二五年度", None)]),
    ("a year already past is no deadline",
     "行政长官在二○二二年《施政报告》提出计划，将于明年推出3000个单位。", [("3000个", "明年", None)]),
    ("a date due is a deadline", "新院区将于12月31日前投入使用，新增床位500张。", [("500张", "12月31日前", "新院区")]),
    ("a clause changing its own value from one to another",
     "中央推动长照政策，未来长照经费将突破1,000亿元及补助方案，将由12万元提升至18万元。",
     [("突破1,000亿元", None, "中央"), ("18万元", None, "中央")]),
    ("enumerated targets after 、",
     "今年市政府将新增停车位20万个、充电桩10万个。",
     [("20万个", "今年", "市政府"), ("10万个", "今年", "市政府")]),
    ("a dateline and byline are no part of the pledge",
     "本报讯（记者 张瑶）今年成都市将新建学校100所。",
     [("100所", "今年", "成都市")]),
    ("traditional characters",
     "此外，社會局預計將再新增9處臨托中心。",
     [("9處", None, "社會局")]),
    ("a forward introduction with a colon: its own target, then its items with theirs",
     "今年，我市将重点办好十件民生实事：一是新建改扩建中小学20所，新增学位2万个；二是新增养老床位3000张。",
     [("十件", "今年", "我市"), ("20所", "今年", "我市"), ("2万个", "今年", "我市"), ("3000张", "今年", "我市")]),
    ("enumerated targets after 、, a bracketed note between",
     "今年将建设筹集保障性住房4万套(间)、供应分配5万套(间),更好促进职住平衡。",
     [("4万套", "今年", None), ("5万套", "今年", None)]),
    ("amounts coordinated in one clause: one pledge, its target as written",
     "今年将新建续建30条道路和3座桥梁,完成包九中分校建设。", [("30条道路和3座桥梁", "今年", None)]),
    ("the goals after 目标是： are a list",
     "2024年主要预期目标是：地区生产总值增长5.5%左右，城镇新增就业10万人以上。",
     [("5.5%左右", "2024年", None), ("10万人以上", "2024年", None)]),
    ("a clause opening with a verb the tagger knows carries its own target",
     "今年將改造主城區200余處二次供水設施，更換30萬只智能遠傳水表。",
     [("200余處", "今年", None), ("30萬只", "今年", None)]),
    ("items with a due time each",
     "胃肠癌联合筛查:4月底前完成筛查方案制定;5月底前启动胃肠癌联合筛查;11月底前完成筛查工作。",
     [(None, "4月底前", None), (None, "5月底前", None), (None, "11月底前", None)]),
    ("each clause with its own body acting",
     "市长裁示，将利用闲置教室设置公托，教育局核实清点闲置教室，社会局加大推动公托量能，财政局协助清查闲置公有空间。",
     [(None, None, None), (None, None, "社会局"), (None, None, "财政局")]),  # (after one with a body of its own)
])
def test_pledge_pieces(rule: str, text: str, pieces: list[tuple[str, str | None, str | None]]) -> None:
    got = [(c.target, c.deadline, c.responsible) for c in _run(text).commitments]
    assert got == pieces, rule


@pytest.mark.parametrize(("rule", "text", "responsible"), [
    ("clause subject: province", "此外，福建省将深化对接协作。", "福建省"),
    ("clause subject: a city named bare", "成都市教育局获悉，今年成都将新建学校100所。", "成都"),
    ("clause subject: an adverb after it", "青岛市还将新增床位3000张。", "青岛市"),
    ("clause subject: a place within a place", "今年以来,海口市美兰区将新增学位8620个。", "海口市美兰区"),
    ("clause subject: any 部门 over a territory", "黄华波：同时，各地医保部门要在明年1月1日前落实新版目录。",
     "各地医保部门"),
    ("clause subject: department", "6月5日全省人社部门将联动举办洽谈会。", "全省人社部门"),
    ("lead unit named outright", "年内将开发公益性岗位3000个，由市人社局牵头。", "市人社局"),
    ("first acting body in the sentence", "公安机关表示，为扩大战果，将拿出100万元奖金。", "公安机关"),
    ("a body named earlier in the paragraph",
     "政府投入大量资源兴建简约公屋。她指，目前有13个项目，目标是提供3万个单位。", "政府"),
    ("a body of the paragraph before is not carried over",
     "省政府新闻办召开发布会。\n\n省民政厅厅长李明表示，今年将新建食堂50个。", "省民政厅"),
    ("our province, as written (the dev set's 'What counts')",
     "省政府新闻办召开发布会。\n\n省民政厅厅长李明表示，我省将新建食堂50个。", "我省"),
    ("the subject before a modal when the cue's clause has none",
     "局长陈明表示，明年将推出新措施，当局会持续检视长者医疗券的运作。", "当局"),
    ("no cue: the body opening a later clause, not the speaker's",  # (after the article's 會: it speaks of the future)
     "縣府會持續將照顧幼兒教育做得更完善。社會處長陳欣怡說，為回應托育需求，縣府近年積極推動公共托育政策，"
     "逐步布建公共托嬰中心。", "縣府"),
    ("bodies spread over the land (各地各部门)",
     "河北强调,各地各部门要统筹资源力量,多渠道解决资金问题。", "各地各部门"),
    ("who acts after a verb of saying (並指)",
     "社署欣悉公署肯定社區券計劃的成效,並指政府將於下月把該計劃恆常化。", "政府"),
    ("a place before 也會 (Taiwan)", "高雄市社宅戶數已達26200戶。高雄也會持續與中央緊密合作，推動社宅規劃。", "高雄"),
    ("the bureau's side (Macao)", "教青局表示，局方將在2021年前把欠缺學額縮減至6,000個。", "局方"),
    ("the topic of the sentence goes on acting", "今年,泉州市继续开展为民办实事工作,将实施39个具体项目。", "泉州市"),
    ("bodies acting together, as written",
     "从去年开始,市委、市政府按照统一规划的原则,将改造老旧小区200个。", "市委、市政府"),
    ("an item of an enumerated list", "太原市政府发布实事。六是公安分局全部增設周末戶籍窗口50个。", "公安分局"),
    ("the speaker's organisation",
     "市民政局局长张伟表示，明年将新建社区食堂50个。", "市民政局"),
    ("never a phrase across words", "市里为政府分忧，将新建食堂20个。", "政府"),
    ("布局 is no bureau, 城乡 no level", "明年将优化城乡公共服务布局，新建食堂20个。", None),
    ("a governor on the party committee acts for the province",
     "云南省委副书记、省长阮明表示，今年将新增就业30万人。", "云南省"),
    ("a governor on the party committee with no place named: the government",
     "省委副书记、省长阮明表示，今年将新增就业30万人。", "省政府"),
    ("we: the speaker's body, not one the paragraph named",
     "房屋局局长何明表示，项目由建筑署负责设计。我们亦会向立法会争取拨款，完成兴建约30000个单位。", "房屋局"),
    ("进 is in no name", "支持转业军官进行政机关工作，将安置3000人。", "行政机关"),
    ("a government inside a clause is that government",
     "盐田区遵照市政府提出的总体要求推进建设。其中，多所公办幼儿园将于2020年开办，新增学位1770个。", "市政府"),
    ("a bureau named short (Hong Kong)", "为增加容量，医管局大会公布，来年将增设229张病床。", "医管局"),
    ("都市 inside a name", "台北市都市发展局表示，明年将新建社宅2000户。", "台北市都市发展局"),
    ("a unit of the body before it", "高雄市政府社會局表示，明年將新增10處公共托育家園。", "高雄市政府社會局"),
    ("a unit, then a title", "市委组织部副部长王明表示，今年将选派干部200名。", "市委组织部"),
    ("the unit of a title is no unit", "市卫健委党委书记王明表示，今年将新建社区医院20所。", "市卫健委"),
    ("two bodies acting together: the clause subject", "市人社局联合市教委将新增见习岗位3000个。",
     "市人社局联合市教委"),
    ("a body counted is built, not acting", "市民政局将新建30个社区市民健身中心。\n下一步，将继续推进全民健身工作。",
     "市民政局"),
    ("the paragraph's speaker goes on speaking",
     "人社部就业促进司司长陈勇嘉出席发布会。\n陈勇嘉说，做好就业工作具有许多有利条件。下一步，将全力以赴稳就业。",
     "人社部就业促进司"),
    # a press unit's head briefs for the body it belongs to
    ("a publicity department speaks for its commission",
     "国家卫生计生委宣传司司长毛群安介绍，下一步，将继续开展全民健康素养促进行动。", "国家卫生计生委"),
    ("a party committee's publicity department speaks for its city",
     "泉州市委宣传部副部长王明表示，我们将持续办好惠民实事。", "泉州市"),
    # a task list's units by their part in it, and the localities below the issuer
    ("a standing committee's member is a title, no body (nor is the host of the press conference)",
     "市政府召开新闻发布会，市委常委、常务副市长李林介绍有关情况。\n今年将新建公办幼儿园5所。", None),
    ("each responsible unit", "市人民政府办公室印发通知。各责任单位要逐项系统科学谋划，确保按时完成。", "各责任单位"),
    ("each lead unit", "市政府决定。各牵头单位于2023年2月10日前将制订的办理方案报市人民政府督查室。", "各牵头单位"),
    ("the localities below", "市政府召开会议。各县区、各部门要坚持以人民为中心，确保民生实事落地见效。", "各县区"),
    ("a government of the localities below is one body", "市政府召开会议。各县市区政府要落实属地责任。",
     "各县市区政府"),
])
def test_responsible(rule: str, text: str, responsible: str | None) -> None:
    # the last sentence's commitment (an earlier one may be a pledge too: 盐田区…推进建设)
    assert [c.responsible for c in _run(text).commitments][-1:] == [responsible], rule


@pytest.mark.parametrize(("rule", "text", "target", "deadline"), [
    ("from one value to another: the one reached", "补助将由12万元提升至18万元。", "18万元", None),
    ("the one reached, whatever the verb", "明年将把床位从300张扩充到500张。", "500张", "明年"),
    ("the one reached, traditional", "長照處將於3年內由18人擴編至68人。", "68人", "3年內"),
    ("the one reached, adjusted to", "將豁免的金額增加一倍，由原來首300萬調整為600萬澳門元。", "600萬澳門元", None),
    ("a reported clause is no target",
     "我省将继续开展促进月活动，目前，全省已经排出184场招聘活动。", None, None),
    ("deadline nearest before the cue",
     "在2009年的工作当中，就是今年在全国范围内要新增解决260万户。", "260万户", "今年"),
    ("a deadline word wins", "全市将新增床位3000张，确保年底前完工。", "3000张", "年底前"),
    ("a time range is a deadline", "5—6月还将同步举办网络招聘会。", None, "5—6月"),
    ("a label naming the year's targets is a cue, its base year no deadline",
     "年度目标:实现城镇新增就业50万人以上,高校毕业生就业去向落实率不低于2022年水平。", "50万人以上", None),
])
def test_targets_and_deadlines(rule: str, text: str, target: str | None, deadline: str | None) -> None:
    (c,) = _run(text, date="2009-03-07").commitments
    assert (c.target, c.deadline) == (target, deadline), rule


@pytest.mark.parametrize(("rule", "text", "count"), [
    ("outside a turn a cue-less sentence is no pledge", "市府也将积极配合。地目变更后，基地形状更加方正。", 1),
    ("an enumerated item continues the plan", "今年将实施十大民生实事。一是稳定就业。新增就业120万人。", 3),
    ("a report is not a pledge", "2023年，全市新增就业60万人。", 0),
    ("a work report's list of tasks",
     "重点抓好以下工作：\n（一）稳定和扩大就业。开发公益性岗位5000个。\n（二）办好民生实事。新增养老床位3000张。\n", 5),
    ("an opinion holder's words are no pledge", "市政协委员方洁为政府点赞：“要将态度落实到工作中。”", 0),
    ("residents as the object do not matter", "市民政局将为居民新建食堂20个。", 1),
])
def test_plan_scope(rule: str, text: str, count: int) -> None:
    assert len(_run(text).commitments) == count, rule


@pytest.mark.parametrize(("rule", "text", "count"), [
    ("an answer's sentence that does something continues the plan",
     "发展改革委主任郑明出席。\n记者：下一步有什么打算？\n郑明：我们将提供更多托育服务。一方面，支持每个地级市建成1家托育中心。",
     2),
    ("an answer's sentence that does nothing does not",
     "发展改革委主任郑明出席。\n记者：下一步有什么打算？\n郑明：我们将照顾好两类人群。两类人群，就是一老和一小。", 1),
    ("what something could do does not",
     "发展改革委主任郑明出席。\n记者：下一步有什么打算？\n郑明：我们将推广组装合成建筑法。"
     "要实现如此庞大的建屋量，这种建筑法是黄金机会，可推动建筑业进入新时代。", 1),
    ("a comment on what was said does not", "郑明表示，我们将推广助餐服务。这方面社会需求还是比较多的。", 1),
    ("reasons are a report: 得益于", "一是得益于政策支持。二是得益于经济发展对就业的拉动能力不断增强。", 0),
    ("an unnamed expert's forecast is no pledge", "有专家料随着气温下降，将步入流感活跃期。", 0),
    ("a legislator's demand is no government pledge", "立委赖士明表示，最少要删一一三亿元。", 0),
    ("a verb with 了 reports what was done",
     "住建部副部长齐明出席。\n记者：下一步有什么打算？\n齐明：我们将继续推进改造。两年的时间我们改造了60万户。", 1),
    ("the disposal 将 among what was done",
     "国务院成立了就业工作领导小组，全国人大开展了执法检查，全国政协将就业优先作为重要议题。", 0),
    ("the disposal 将 of a plan stays a pledge", "同时，将老旧小区加装电梯纳入支持范围。", 1),
    ("所有居民 are no opinion holders", "今年将为所有居民提供免费体检服务3次。", 1),
])
def test_which_sentences_continue_a_plan(rule: str, text: str, count: int) -> None:
    assert len(_run(text).commitments) == count, rule


@pytest.mark.parametrize(("rule", "text", "count"), [
    # the places it adds are a pledge of their own (dev README, "What counts"; gold p02: 新增約620個名額)
    ("a lead and an official's quote: one pledge, both spans; the places added another",
     "社会局表示，今年预计会有16处新的公托。局长表示，加上社宅，今年预计会有16处新的公托，新增约620个名额。", 2),
    ("the same number for different things stays apart",
     "今年将新建幼儿园30所。明年将改扩建中小学30所。", 2),
    ("the same words around different numbers stay apart",
     "今年将新建幼儿园30所。明年将新建幼儿园40所。", 2),
])
def test_a_pledge_said_twice_is_one(rule: str, text: str, count: int) -> None:
    commitments = _run(text).commitments
    assert len(commitments) == count, rule
    if count == 1:
        assert len(commitments[0].spans) == 2


def test_a_year_already_past_is_no_deadline() -> None:
    text = "二○二二年的《施政报告》提出，政府将推出3000个单位。"
    assert [c.deadline for c in _run(text, date="2024-07-12").commitments] == [None]
    assert [c.deadline for c in _run(text, date="2022-01-05").commitments] == ["二○二二年"]


def test_the_date_the_news_was_told_is_no_metric_period() -> None:
    (metric,) = _run("医管局总行政经理李立12月12日预料，医管局计划加开2000张临时病床。", date="2024-12-13").metrics
    assert metric.period is None


@pytest.mark.parametrize("text", [
    "副市长李明将出席开幕式。",  # an announced appearance
    "局长王强将做客民生热线节目。",
])
def test_an_announced_appearance_is_no_pledge(text: str) -> None:
    assert _run(text).commitments == []


@pytest.mark.parametrize(("text", "forecast"), [
    ("下阶段,中国的就业形势将继续保持总体平稳。", True),  # a condition is the subject
    ("综合各方面的情况看,我们预期到年底,今年的就业走势将继续保持总体平稳。", True),
    ("据预测,今年来镇就业的高校毕业生将达3万人。", True),  # a forecast word, no body acting
    ("城镇新增就业有望提前超额完成。", True),
    ("尹蔚民强调,就业的结构性矛盾将更加突出。", True),  # a strain is the subject
    ("杨志明承认,就业总量压力将长期存在。", True),
    ("据预测,“十四五”末,即2025年底,全县老年人口将达到20万人。", True),  # the population: a condition
    ("此外，社會局預計將再新增9處臨托中心。", False),  # a body forecasts what it does
    ("我们预计明年将新建学校100所。", False),
    ("每年公布未來十年可供發展土地的供應預測。", False),  # 預測 is a noun here
    ("低于5.5%的预期控制目标。", False),
    ("2024年经济社会发展的主要预期目标是：地区生产总值增长5.5%左右。", False),  # 预期目标: the plan's goals
    ("12、新建养老床位1000张、日间照料中心50家。", False),  # 照料 is no 料
])
def test_a_forecast_of_conditions_is_no_pledge(text: str, forecast: bool) -> None:
    assert pledges.forecasts_conditions(text, 2019) is forecast
    if forecast:
        assert _run(text).commitments == []


@pytest.mark.parametrize("text", [
    "下面,我先就特区政府2020年的施政作简要回顾和总结。",  # a presenter's agenda
    "下面將我局2023年承擔的省、市民生工程具體情況向各位作簡單介紹:",
    "政府无计划改变有关安排。",  # a plan denied
    "市委五届九次全会强调,全面发展就业、教育、医疗卫生等社会事业。",  # a meeting's directive
    "房屋局局長表示,呼籲合資格市民把握時間提交申請。",  # an appeal to the public
    "局长表示,简约公屋要真正做到设计简单且适当,才能帮助有需要的市民。",  # what it takes
    "会议表决通过了关于海珠区人民政府工作报告的决议。",  # a verb with 了: done
    "刚刚过去的2020年,市委、市政府实施36个为民办实事项目,35个项目顺利完成。",  # an account
    "吉林省农村饮水安全工程11月20日告捷,提前完成今年建设任务。",
    "出席专题采访的嘉宾有:齐骥,住房和城乡建设部副部长。",  # the guests, not a plan
    "欢迎新闻界的朋友们对教育系统建设项目进行宣传报道。",  # an invitation
    "报告共分八个部分:一、2019年和今年以来工作回顾;二、今年发展主要目标和下一阶段工作总体部署。",  # an outline
    "民主党胡志伟质疑政府将推出的措施力度不足。",  # a critic's words
    "林正财说，相信政府会一如既往，继续推动社区照顾。",  # what someone expects of the government
    "图为新北市第127家公托，将于明年启用。",  # a photo's caption
    "3月5日,十四届全国人大一次会议开幕会在北京人民大会堂举行。",  # an event held
    # a document's framing: what is sent, its guiding thought, why it matters
    "经市人民政府同意,现将《运城市应急体系建设规划》责任分解印发给你们,请认真组织实施。",
    "为全面贯彻落实党的二十大精神,做好今年政府工作,现就全区2023年重点工作,制定分工方案如下。",
    "坚持以习近平新时代中国特色社会主义思想为指导,全面贯彻党的二十大精神,确保卫生健康现代化建设开好局。",
    "全面贯彻党的十九大精神,以习近平新时代中国特色社会主义思想为指导,坚持把就业作为最大的民生,全面实施就业优先战略。",
    "为进一步深化政务公开工作,提高行政透明度,结合我市实际,制定本要点。",
    "建立全面规范、公开透明的现代预算制度,是深化财税体制改革的重大举措。",
    # a progress report: plan against actual, a target beaten, a completion ratio
    "该项目计划累计完成铸铁管网改造7公里,实际完成22.12公里。",
    "全市城镇新增就业人数64558人,完成全年指标任务的110.4%,南昌县提前超额完成全年任务。",
    # a heading written as a sentence: a topic, no verb, no figure (statistics bulletins' sections)
    # an opinion holder's demand, a belief, an adverse consequence of a condition, a session announced
    "台中市这几年财政连年超征、税课收入逼近千亿，市议员要求市府将钱用在刀口上，不要让托育排不到。",
    "相信公屋以至居屋供应等问题,将会进一步纾缓。",
    "市长黄伟哲强调，中央预算若持续延宕，将无法及时补助地方政府于人口新兴地区布建所需公共托育设施。",
    "全国两会即将举行!",
    "全国政协十三届二次会议新闻发布会将于今天(2日)下午举行,大会新任新闻发言人郭卫民将向中外媒体介绍大会情况。",
    "1.婚姻登记服务。", "1.社会组织。",
    "(责任单位:市交通局、规划局、建设局、公安局、城管执法局、安监局)",  # who leads the items above
    "中国政策科学研究会经济政策委员会副主任徐洪才说，“积极的财政政策要加力提效。”",  # an expert's view
    "成立了由市长任组长的领导小组，建立月报及例会制度，确保学位建设统筹高效推进。",  # done, and what for
    "今年一季度,山东人社部门创新打造促就业新模式,试点建设大学生就业创业赋能中心。",  # a quarter gone by
    "所以,新增劳动力的数量庞大,这将会持续很长一个时期。",  # how long a condition lasts
    "全区共优化调整中小学幼儿园688所,妥善安置学生1.6万名。",  # a total reached
    "5月23日下午,魏县举行公办养老机构护理型床位集中装备启动仪式。",  # an event held, named after the verb
    "这五年,是老龄工作和养老服务提质升级的五年。",  # the years behind
    "连年来,魏县投资建设公办养老机构5家。",
    "连年来,魏县县委县政府先后争取、筹集资金1.2亿元,投资建设公办养老机构5家。",  # 争取 of an account
    "民政部部长回答记者提问，谈及意见的落实成效，以及下一步养老服务改革发展的重点安排。",  # what the talk covered
    "棚改3年计划自2015年实施以来总体进展顺利,2016年改造606万套,均超额完成了年初确定的目标任务。",  # a plan named
    "另，台北市议员柳采葳昨在质询时指出，将来辉达进驻台北，将会对人口移入有很大帮助。",  # a councillor, named
    "全国已建有8万个老年助餐点；累计建成家庭养老床位49.5万张，将专业照护送到床边。",  # a disposal 将 in an account
    "潘文勇透露,一季度,山东精准落实创业担保贷款政策,发放贷款60.37亿元。",
    "2.殡葬服务。",
    "在合共19260个单位中,经屋单位有9196个、社屋单位有10064个。",  # what there is, with a bare 有 and its count
    "今年来银川市实施就业增收、社会保障提升等民生工程。",  # 今年来: since the year began
    "2017年底,全省基础教育学位需求是441万,预计2018年底为461万,2019年底为498万。",  # a demand forecast goes on
])
def test_not_the_governments_plan(text: str) -> None:
    from summarizer.lang.pledge_decision import refused

    assert refused(text) is not None
    assert _run(text).commitments == []


@pytest.mark.parametrize("text", [
    "梁熙议员:多谢主席。\n这段时间听到的意见很多。如果不做这项工作,可能会难以确保本地就业优先。\n"
    "行政长官:今年将新增岗位2万个。",  # a legislator's turn goes on over paragraphs
    "问：如果不做这项工作,可能会难以确保本地就业优先。请问下一步怎么做？\n答：今年将新增岗位2万个。",
])
def test_a_questioners_turn_pledges_nothing(text: str) -> None:
    assert [c.target for c in _run(text).commitments] == ["2万个"]


def test_a_span_that_looks_back_is_no_deadline() -> None:
    text = "接下来5年，将兴建公营房屋18.9万单位，为近20年新高。"
    got = [(c.target, c.deadline) for c in _run(text, "2025-09-19").commitments]
    assert got == [("18.9万", "接下来5年")]


def test_a_speakers_plan_goes_on_through_the_paragraph() -> None:
    from summarizer.lang.pledges import PlanScope

    scope = PlanScope(2026)
    said = ["李强表示，要促进高质量充分就业。", "加大各类政策对就业的支持力度，构建就业友好型发展方式。",
            "去年全国城镇新增就业1256万人。", "这是一个好消息。"]
    assert [scope.step(s, None, 0)[0] for s in said] == [True, True, False, False]
    assert [PlanScope(2026).step(s, None, 0)[0] for s in said[1:2]] == [False]  # not without the speaker's pledge


def test_the_classifiers_reading_of_a_review_is_no_pledge() -> None:
    item = "持续加强农村义务教育薄弱环节建设，推进城乡义务教育一体化发展。"
    text = f"过去五年\n{item}\n2023年工作安排\n{item}\n"  # the classifier takes both (p ≈ 0.7)
    assert [c.span[0] for c in _run(text, "2023-03-05").commitments] == [text.rindex(item)]


def test_the_items_of_an_account_are_no_pledges() -> None:
    text = ("民政部会同有关部门狠抓政策的落地落实，主要做了以下几个方面工作：\n"
            "第一，织密养老服务网络。初步建成覆盖城乡的养老服务“一张网”。\n"
            "第二，办好养老服务的关键民生实事。聚焦老年人急难愁盼，大力发展居家养老服务。\n")
    assert _run(text).commitments == []


def test_a_plan_reported_done_is_no_pledge_nor_are_its_items() -> None:
    text = ("2023年规划新建学校项目5个,计划年内全部竣工。\n\n"
            "计划实施的5个项目已于8月底全部竣工,提前完成了建设任务。具体情况如下:\n\n"
            "1.兴隆县第一中心小学,建设面积1617.96平方米。\n\n2.平泉市四海中学,建设面积8752.2平方米。\n")
    assert [c.action[:6] for c in _run(text).commitments] == ["2023年规"]  # the plan, not what was done


@pytest.mark.parametrize(("text", "done"), [
    ("计划实施的5个项目已于8月底全部竣工。", True),
    ("将巩固已建成的养老设施。", False),  # 已建成的: an attribute
    ("今年已建成100所，明年将新建200所。", False),  # another clause
])
def test_done_in_the_cues_clause(text: str, done: bool) -> None:
    assert pledges.done_in_cue_clause(text, 2023) is done


@pytest.mark.parametrize("text", ["同时，新建社区食堂30个。", "此外，新建社区食堂30个。"])
def test_a_word_ending_in_a_level_is_no_place(text: str) -> None:
    assert all(c.responsible is None for c in _run(text).commitments)


def test_an_answer_about_what_was_done_is_an_account_not_a_plan() -> None:
    text = ("市人社局局长张伟接受了本报专访。\n\n记者：面对当前形势，重庆是如何把稳就业放在更加突出的位置的？\n\n"
            "张伟：为实现更加充分更高质量就业，我们把稳就业放在更加突出的位置，从稳岗位、保重点、促创业等方面精准施策。\n\n"
            "记者：明年有什么打算？\n\n张伟：明年将新增就业岗位5万个。\n")
    assert [c.target for c in _run(text).commitments] == ["5万个"]


def test_the_items_under_a_plans_heading_are_pledges_without_a_cue() -> None:
    text = ("一、经济社会发展的主要预期目标\n\n1.努力实现地区生产总值增长6.2%左右。\n\n牵头单位:区发改局\n\n"
            "2.规模上工业增加值增长5%左右。\n\n牵头单位:区工信局\n\n3.重点工作举措。\n")
    found = _run(text, "2023-03-28").commitments
    assert [(c.target, c.responsible) for c in found] == [("6.2%左右", "区发改局"), ("5%左右", "区工信局")]


@pytest.mark.parametrize("item", [
    "2. 改善環境衛生及市容:",  # a heading of items of its own
    "61. 房屋是最受關注的民生問題。",  # a numbered paragraph of an address, no list item
    "首先,我代表市教育局向媒體朋友們表示衷心的感謝!",  # a speech's order
])
def test_what_only_looks_like_a_plans_item_is_none(item: str) -> None:
    text = f"2023年工作安排\n\n{item}\n"
    assert _run(text, "2023-03-28").commitments == []


@pytest.mark.parametrize("text", [
    "县政府将督促县教育资助中心做好资助工作。今年还将新建学校5所。",  # asked to act: in its own sentence only
    "县政府将积极配合省政府参事室开展调研。今年还将新建学校5所。",  # helped
])
def test_a_body_asked_or_helped_is_no_subject_of_later_sentences(text: str) -> None:
    assert [c.responsible for c in _run(text, "2023-03-28").commitments] == ["县政府", "县政府"]


@pytest.mark.skipif(not tagger.available(), reason="the tagger is not installed")
@pytest.mark.parametrize(("text", "will"), [
    ("房屋局称,会不时检讨公营房屋建设计划。", True),  # the body said it just before
    ("当局会持续监察各项目进度,使项目尽快落成。", True),
    ("屋宇署会继续对违规情况加强执法。", True),
    ("如有住户无家可归,政府会按现行机制提供过渡性的居所。", True),
    ("人力资源市场会越来越火爆。", False),  # a condition, no actor
    ("明天会下雨。", False),
    ("他会出席开幕式。", False),  # a person, no government actor
    ("社保基金会将投资。", False),  # 会 ends a body's name
    ("项目会否如期完成?", False),
    ("申诉专员公署发表报告,社会福利署表示会积极跟进有关建议。", True),  # who says it, then 会
    ("市民表示会支持。", False),  # a citizen says so
])
def test_a_government_actors_bare_hui_is_a_pledge(text: str, will: bool) -> None:
    assert pledges.acting_will(text) is will


@pytest.mark.parametrize(("title", "review"), [
    ("重庆市荣昌县2011年国民经济和社会发展统计公报(2)", True),
    ("2022年社会服务统计3月份报表", True),
    ("市民政局2023年上半年工作总结", True),
    ("2023年全省卫生健康工作要点", False),
    ("长沙市政府工作报告", False),
])
def test_a_review_is_named_by_its_title(title: str, review: bool) -> None:
    from summarizer.lang.pledge_decision import reviews

    assert reviews(f"{title}\n全年完成1821套廉租房建设。\n") is review


def test_the_disposal_将_of_a_year_past_is_what_that_year_did() -> None:
    text = "2024年,福建泉州持续深化“民生工程”专项行动,将超七成五财力投入民生领域。"
    assert _run(text, "2025-02-10").commitments == []
    assert len(_run(text, "2024-01-10").commitments) == 1  # the year's own plan


def test_in_a_completion_report_an_item_needs_its_own_cue_and_no_progress() -> None:
    text = ("2022年十件民生实事完成情况\n"
            "全年项目资金支出4.98亿元,完成年初计划的119.64%。\n一是城乡医保各级财政补助标准从年人均580元提高到610元。\n")
    assert _run(text, "2023-01-10").commitments == []


def test_in_a_bulletin_only_the_rules_cues_pledge() -> None:
    text = "重庆市荣昌县2011年国民经济和社会发展统计公报(2)\n\n建成农民新村20个、巴渝新居3465户。开工建设黄金大道。\n"
    assert _run(text, "2012-03-01").commitments == []


@pytest.mark.parametrize("text", [
    "若遇到可行的建议,将带回县府研议。",  # a government's conditional plan: no adverse outcome
    "希望于6月或7月展示长者公寓的单人房及双人房示范单位。",  # an official's intent (希望), no belief
    "市民政局表示，将新建食堂20个。",  # 市民 opens a body's name here, no citizen
    "全市老年人口达到50万,预计2025年将新建养老机构10家。",  # after a condition, a plan's verb: the plan
    "新建幼儿园5所,确保每个乡镇有1所公办园。",  # a count after 有 in an item opening with its verb: no stock
    "推动公租房规范发展,积极探索发展共有产权住房。",  # 共有产权: shared ownership, a noun
])
def test_no_opinion_nor_condition_refused(text: str) -> None:
    from summarizer.lang.pledge_decision import refused

    assert refused(text) is None


@pytest.mark.parametrize("text", ["10.“绿色空间”:建设环境优美口袋公园。",  # a clause after the colon
                                  "社区助餐点60个。", "金水区8560套"])  # a breakdown item: a figure
def test_an_item_with_a_clause_or_a_figure_names_more_than_a_topic(text: str) -> None:
    from summarizer.lang import tagger
    from summarizer.lang.pledges import without_item_number

    assert not tagger.names_a_topic(without_item_number(text))


@pytest.mark.parametrize("text", ["确保提前完成全年任务。", "今年力争超额完成目标。",
                                  "9月底前,完成全年基本建成任务的50%。"])
def test_completing_ahead_is_a_pledge_when_aimed_at(text: str) -> None:
    from summarizer.lang.pledge_decision import refused

    assert refused(text) is None


def test_the_unpunctuated_lines_of_a_plans_numbered_list_are_pledges() -> None:
    text = ("2024年南京要办这十类民生实事\n一、大力促进就业创业\n1 组织线上线下招聘会  \n"
            "1000场次,开发高质量就业见习岗位1.2万个,支持大学生创业5000人\n2 做好25家南京青年人才驿站建设运营\n"
            "3 帮扶退役军人就业创业不少于1000人次,服务不少于100家退役军人企业\n")
    targets = [c.target for c in _run(text, "2024-01-20").commitments]
    assert targets == [None, "1000场", "1.2万个", "5000人", "25家", "不少于1000人次", "不少于100家"], targets


def test_numbered_headings_over_paragraphs_are_no_list() -> None:
    from summarizer.lang.pledge_features import listed_lines

    text = ("涉县2025年十件民生实事\n一、2025年农村饮水维修养护工程\n对全县农村饮水工程进行维修养护。\n"
            "二、城乡电网改造升级工程\n新建改造10千伏线路100公里。\n")
    assert listed_lines(text) == []
    listed = "十类民生实事\n一、大力促进就业创业\n1 组织线上线下招聘会\n1000场次\n2 做好人才驿站建设\n"
    assert [listed[s:e] for s, e in listed_lines(listed)] == ["1 组织线上线下招聘会", "1000场次", "2 做好人才驿站建设"]


def test_a_colon_inside_brackets_opens_no_label() -> None:
    assert pledges.label_len("1 新建幼儿园10所（牵头单位：市教育局）") == 0
    assert pledges.label_len("党代表程晓红(市人社局局长):我们将加大就业帮扶。") > 0


def test_a_numbered_paragraphs_short_title_is_no_pledge_its_items_are() -> None:
    text = ("2024年台州市政府民生实事项目\n一、实施医疗健康关爱。为适龄女生免费接种二价国产HPV疫苗;"
            "为60岁以上老人免费接种肺炎疫苗10万人。\n二、推进教育补短提质。新建(改扩)公办幼儿园10所、新增学位1500个。\n")
    quotes = [c.quote for c in _run(text, "2024-01-22").commitments]
    assert quotes and not any(q.startswith(("一、", "二、")) for q in quotes), quotes


@pytest.mark.parametrize("text", [
    "2024年全市新增中小学学位2.7万个,新增养老床位超2000张。",
    "中新网泉州1月2日电 (吴冠标)“2024年,福建泉州持续深化‘惠民生补短板’专项行动,将超七成五财力投入民生领域。",
])
def test_a_sentence_opened_by_a_year_before_the_articles_reports_that_year(text: str) -> None:
    assert pledges.opens_in_a_past_year(text[pledges.label_len(text):], 2025)
    assert _run(text, "2025-01-02").commitments == []


@pytest.mark.parametrize(("text", "told"), [
    ("政府统计处9月16日公布最新失业率为3.7%。", True),  # a figure released that day
    ("2月11日，记者从市人社局获悉，全市将新增岗位1万个。", True),
    ("统计处将于9月16日公布新一轮补贴名单。", False),  # due that day
])
def test_the_day_news_or_figures_were_released_is_no_period(text: str, told: bool) -> None:
    from summarizer.lang.values import find_periods

    period = next(p for p in find_periods(text, 2023) if p.kind == "date")
    assert pledges.report_date(text, period) is told


@pytest.mark.parametrize(("title", "past"), [
    ("住建部：2021年全国40个城市新筹集保障性租赁住房94.2万套", True),  # what that year did
    ("2023年民生实事项目出炉", False),  # the article's own year
    ("武政办〔2023〕1号关于印发2023年市《政府工作报告》目标任务责任分解的通知", False),  # a plan's title
    ("回顾2022年 展望2024年", False),
])
def test_a_title_of_a_past_year_makes_the_classifiers_readings_an_account(title: str, past: bool) -> None:
    from summarizer.lang.pledge_features import title_of_a_past_year

    assert title_of_a_past_year(f"{title}\n正文。", 2023 if "2023" in title else 2022) is past


def test_as_planned_is_no_plan() -> None:
    text = "2020-2021年深圳已按计划新改扩建义务教育阶段学校126所。"
    assert pledges.pledge_cue(text, 2022) is None


@pytest.mark.parametrize(("body", "cut"), [
    ("到2025年,全县平均每年实现城镇新增就业2800人以上,促进失业人员再就业320人以上,促进就业困难人员就业370人", True),
    ("重庆：今年新增就业60万人，城镇登记失业率控制在5.5%以内", False),  # a headline: one comma
    ("■全市卫生健康部门将优化“一老一小”服务体系,提升基层医疗卫生服务能力,改善群众就医体验", False),  # a bullet
])
def test_a_sentence_whose_full_stop_the_page_lost_is_no_headline(body: str, cut: bool) -> None:
    assert pledges.cut_off(body) is cut
    assert (pledges.never_a_pledge(body) is None) is cut


def test_a_lead_unit_note_names_the_items_above_not_the_next_sections() -> None:
    text = ("市政府确定今年实施十二项民生实事工程:\n(一)缓解交通出行难。新增公交车30辆。\n(责任单位:市交通局、安监局)\n"
            "(二)提高住房保障水平。开工建设保障性住房6.32万平方米。\n")
    got = [(c.target, c.responsible) for c in _run(text, "2010-03-13").commitments]
    assert ("30辆", "市交通局、安监局") in got and all(r != "安监局" for _, r in got), got


def test_each_item_of_a_listed_plan_pledges_its_target_whatever_cue_a_later_item_has() -> None:
    text = ("今年的十二项民生实事工程\n(一)逐步缓解交通出行难。新增公交车30辆,更新公交车约50辆;"
            "完成200个公交候车棚改造;争取完成2个公交首末站建设。\n")
    targets = [c.target for c in _run(text, "2010-03-13").commitments]
    assert {"30辆", "200个", "2个"} <= set(targets), targets


def test_the_clauses_of_a_plans_item_without_a_cue_are_its_items() -> None:
    from summarizer.lang.values import find_values

    text = "城镇新增就业3.3万人,城乡劳动力技能培训3万人次,农村劳动力转移就业35万人次。"
    values = find_values(text)
    pieces = [text[a:b] for a, b in pledges.pledge_pieces(text, 0, len(text), values, 2021, listed=True)]
    assert pieces == ["城镇新增就业3.3万人,", "城乡劳动力技能培训3万人次,", "农村劳动力转移就业35万人次。"], pieces
    going_on = "城镇新增就业3.3万人,同比增长5%。"  # a comparison goes on with the value, listed or not
    values = find_values(going_on)
    assert len(pledges.pledge_pieces(going_on, 0, len(going_on), values, 2021, listed=True)) == 1


@pytest.mark.parametrize("text", [
    # a forecast and an appeal in clauses of their own
    "现时有约十万名长者,预料会不断上升,下一步会增加社会援助和津贴等支持,欢迎社会多提供意见。",
    "罗致光在网志表示,政府今个年度会启动兴建18间安老院,但服务短缺最快也要四、五年后才能完成。",  # 要…才能: later
    "当局会优化长者社区照顾服务。",
])
def test_a_pledge_with_a_forecast_appeal_or_condition_in_another_clause_stays_one(text: str) -> None:
    from summarizer.lang.pledge_decision import refused

    assert refused(text) is None
    assert _run(text).commitments


def test_a_run_of_bare_lines_under_a_plans_heading_are_its_items() -> None:
    from summarizer.lang.pledge_features import listed_lines

    text = ("政府工作报告要点\n一、去年工作回顾\n城镇新增就业1269万人\n新增减税降费超过1万亿元\n二、今年主要预期目标\n"
            "国内生产总值增长5.5%左右\n城镇新增就业1100万人以上\n三、今年部分重点工作\n"
            "财政:今年赤字率拟按2.8%左右安排\n政务服务:扩大“跨省通办”范围\n")
    targets = [c.target for c in _run(text, "2022-03-07").commitments]
    assert targets == ["5.5%左右", "1100万人以上", "2.8%左右", None], targets  # not last year's results
    metadata = "某市养老工作\n发布时间:2012-07-11 09:00\n编辑:苏杰\n审核:罗皓月\n"
    assert listed_lines(metadata) == []  # no heading over them: a page's metadata


@pytest.mark.skipif(not tagger.available(), reason="the tagger is not installed")
@pytest.mark.parametrize(("heading", "goes_on", "verdict"), [
    ("(四)完善基本民生制度,持续增进民生福祉。", False, "forward"),  # the year's plan: every clause opens with its verb
    ("(四)重抓生态建设和新型城镇化,人居环境有效改善。", False, "retro"),  # the year reviewed: a result at the end
    ("(四)完善基本民生制度。", False, None),  # one clause: no verdict
    ("新建幼儿园10所,新增学位3000个。", True, None),  # no number, no result with its subject: no title
    ("兴教育强体育,民生服务提优升级。", True, "retro"),  # unnumbered, the paragraph goes on: a review's title
    ("优服务暖民心,民生保障精准有力。", True, "retro"),
    ("兴教育强体育,民生服务提优升级。", False, None),  # a paragraph of its own: no title of anything
    ("聚焦“急难愁盼”,精准施策解民忧。", True, None),  # the last clause has no subject: a plan's motto
    ("完善基本民生制度,持续增进民生福祉。", True, None),  # unnumbered plan titles are left to the sentences
])
def test_a_work_reports_run_in_title_tells_plan_from_review(heading: str, goes_on: bool, verdict: str | None) -> None:
    from summarizer.lang.pledge_features import run_in_verdict

    assert run_in_verdict(heading, goes_on) == verdict


@pytest.mark.skipif(not tagger.available(), reason="the tagger is not installed")
def test_the_results_after_a_reviews_unnumbered_title_are_no_pledges() -> None:
    text = ("槐荫区政府工作报告\n会上,区长刘敬涛作政府工作报告。\n"
            "兴教育强体育,民生服务提优升级。新建教育设施5处,新增学位1710个。深化与历城二中等教育集团合作,"
            "促进优质教育资源辐射延伸。\n")
    assert _run(text, "2026-02-03").commitments == []


@pytest.mark.skipif(not tagger.available(), reason="the tagger is not installed")
def test_the_verb_first_sentences_under_a_work_reports_plan_title_are_pledges() -> None:
    text = ("2018年上海市政府工作报告(节选)\n(四)完善基本民生制度,持续增进民生福祉。提高就业质量和市民收入水平。"
            "启动第四十六届世界技能大赛筹办工作。\n")
    quotes = [c.quote for c in _run(text, "2018-01-25").commitments]
    assert any(q.startswith("启动第四十六届") for q in quotes), quotes


def test_bare_lines_under_a_plan_lists_verb_first_sub_heading_are_its_items() -> None:
    text = ("2024年湖北省政府工作报告民生实事清单\n今年,湖北将继续实施10大类52项民生实事。\n着力实现幼有善育\n"
            "免费开展新生儿疾病筛查,将产前检查费用纳入基本医保\n在县(市)全面落实生育二孩、三孩的家庭购房补助政策\n"
            "新增3岁以下婴幼儿托位4.5万个\n")
    quotes = [c.quote for c in _run(text, "2024-01-30").commitments]
    assert any(q.startswith("在县(市)") for q in quotes) and any("4.5万个" in q for q in quotes), quotes
    assert not any(q.startswith("着力实现") for q in quotes), quotes  # the sub-heading itself is none


def test_an_account_goes_on_through_sentences_without_a_cue() -> None:
    text = ("西宁市城西区兑现30项民生实事\n"
            "2021年,城西区城镇新增就业6870人,建成全省首个虚拟养老院。改造老旧小区8055套,分配公租房262套。\n"
            "同时,全面推行三级林长制,开工建设全市首个生活垃圾分拣中心。\n"
            "今年,城西区将新建养老机构3家。\n")
    quotes = [c.quote for c in _run(text, "2022-03-01").commitments]
    assert quotes == ["今年,城西区将新建养老机构3家。"], quotes  # (同时 goes on; a cue of its own breaks the account)


@pytest.mark.skipif(not tagger.available(), reason="the tagger is not installed")
@pytest.mark.parametrize(("sentence", "cue"), [
    ("2021年,建成全省首个虚拟养老院。", None),  # 拟 inside a noun: no cue
    ("开展模拟招聘活动。", None),
    ("今年还要投入12亿元。", "要"),  # inside a verb the tagger reads whole, still the cue
    ("6月底前,全年新开工项目实现100%开建。", "月底前"),  # inside a time: the deadline's
    ("截至目前,市政府年初承诺的实事已全部办结。", None),  # 承诺的: what was pledged, as a thing
    ("西关社区医院建成数字化计划免疫门诊。", None),  # 计划免疫: the immunisation programme, a noun
    ("113年参与青年职得好评计划者有3349人。", None),  # 计划者: who took part in it
    ("不过，经过计划盘点，有部分青年中间有去打工。", None),  # a noun after: 计划 is the noun
    ("在实施教育质量提升计划中,开工建设北师大银川学校。", None),  # 计划中: in the plan, an account
    ("市政府计划新增学位3000个。", "计划"),  # a verb after: the plan said
    ("而计划中的服务单位,主要作日间服务之用,包括28间日间幼儿中心。", "计划"),  # 计划中的: planned
    ("指出万九公屋计划共有19260个单位已动工。", None),  # the plan's state after it: the plan as a thing
])
def test_a_one_character_cue_inside_a_noun_is_no_cue(sentence: str, cue: str | None) -> None:
    from summarizer.lang.pledges import forward_cue

    found = forward_cue(sentence, 2022)
    assert (found.group() if found else None) == cue


def test_an_ordinal_label_opens_an_item_of_a_plans_list() -> None:
    text = ("岳阳市人民政府关于认真办理市政府2008年度10件实事的通知\n"
            "为确保《政府工作报告》所承诺的2008年度10件实事落到实处,现将有关事项通知如下:\n一、实事内容\n"
            "第一件实事:全市新增城镇就业4.2万人。\n第九件实事:解决10万农村人口的饮水安全问题。\n")
    targets = [c.target for c in _run(text, "2008-03-01").commitments]
    assert "4.2万人" in targets and "10万" in targets, targets


@pytest.mark.skipif(not tagger.available(), reason="the tagger is not installed")
def test_the_figures_of_an_item_under_its_short_title_are_pledges() -> None:
    text = ("安化县2023年重点民生实事项目实施意见\n二、工作任务\n"
            "3.促进高质量充分就业。城镇新增就业5000人;开展补贴性职业培训2975人次(县人社局牵头)。\n")
    targets = [c.target for c in _run(text, "2023-04-01").commitments]
    assert "5000人" in targets, targets


def test_a_figure_right_after_a_pledge_of_its_paragraph_goes_on_with_the_plan() -> None:
    text = ("青海公布2021年民生实事工程\n"
            "就业促进工程中,包括深入实施职业技能提升行动,开展职业技能培训10万人次。通过实施“巾帼家政培训工程”、"
            "开展家庭服务业职业技能大赛,支持培养一批优秀家政服务队伍。全省城镇新增就业6万人,农牧区劳动力转移就业105万人次。\n")
    targets = [c.target for c in _run(text, "2021-03-31").commitments]
    assert "6万人" in targets, targets


@pytest.mark.parametrize(("sentence", "year", "names"), [
    ("2023年广东省政府工作报告公布了今年的十件民生实事。", 2023, True),
    ("会议票决产生了2025年民生实事项目共7大类20项。", None, True),  # the article's year unknown
    ("会议票决产生了2025年民生实事项目共7大类20项。", 2026, False),  # last year's
    ("2021年末全县有公共图书馆1个,文化馆1个。", 2021, False),
])
def test_a_sentence_names_this_years_plan(sentence: str, year: int | None, names: bool) -> None:
    from summarizer.lang.pledges import names_this_years_plan

    assert names_this_years_plan(sentence, year) is names


@pytest.mark.skipif(not tagger.available(), reason="the tagger is not installed")
def test_an_article_that_says_nothing_of_the_future_pledges_nothing() -> None:
    text = ("十、文化、旅游和卫生健康\n文化:2021年末全县有公共图书馆1个,文化馆1个,博物馆1个,档案馆1个。"
            "产业示范基地省级2个。\n"
            "卫生:县级医院7个,其中3家公立医院;4家民营医院;基层医疗卫生机构17个。医疗卫生机构编制床位2938张。\n")
    assert _run(text, "2022-04-20").commitments == []


@pytest.mark.skipif(not tagger.available(), reason="the tagger is not installed")
def test_the_items_after_news_of_this_years_plan_are_pledges() -> None:
    text = ("2023年广东省政府工作报告公布了今年的十件民生实事。\n二、优化生育支持政策。\n"
            "免费为64万名孕妇提供地中海贫血、唐氏综合征的产前筛查。建设21个城乡学前教育一体化管理资源中心。\n")
    quotes = [c.quote for c in _run(text, "2023-01-15").commitments]
    assert any("64万名" in q for q in quotes) and any("21个" in q for q in quotes), quotes


@pytest.mark.parametrize(("sentence", "asked"), [
    ("(二)未来五年,每年会为上述两类单身申请人提供的公屋单位数目分别为何,并按区议会分区列出分项数字;及", True),
    ("当局会否增加资助名额;若然,详情为何;若否,原因为何?", True),
    ("政府会继续检视为何部分长者未有申领。", False),  # 为何 inside the clause: why, no question
    ("当局将于明年增设资助名额1000个。", False),
])
def test_a_councils_written_question_is_asked_not_pledged(sentence: str, asked: bool) -> None:
    assert (pledges.never_a_pledge(sentence) is not None) is asked


@pytest.mark.parametrize(("sentence", "cue"), [
    ("昨日,2017年陕西省学前教育内涵发展工作推进会在西安召开。", None),  # the meeting's 会, held
    ("政府会在下月举行招聘会。", "会"),  # will hold: the verb takes an object
])
def test_a_meetings_hui_held_is_no_modal(sentence: str, cue: str | None) -> None:
    found = pledges.pledge_cue(sentence, 2017)
    assert (found.group() if found else None) == cue


def test_a_plan_completed_by_a_share_is_a_progress_report() -> None:
    from summarizer.lang.pledge_decision import refused

    assert refused("吉林省就业困难人员实现就业6.1万人,完成年计划110.9%,同比增长7.0%。") is not None


@pytest.mark.parametrize(("sentence", "denied"), [
    ("罗致光指,计划购置的处所可容纳的设施分几类,二是现届政府建议新增而在过往没有计划开展的服务。", False),  # none then
    ("政府无计划改变有关安排。", True),
])
def test_a_plan_denied_now_not_one_missing_before(sentence: str, denied: bool) -> None:
    from summarizer.lang.pledge_decision import not_the_governments_plan

    assert (not_the_governments_plan(sentence) == "a plan denied, not a pledge") is denied

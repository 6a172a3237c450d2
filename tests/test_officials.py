"""Officials: one parametrized row per introduction form (text → (name, title) or None), and the
repair of the model's malformed proposals from the text (hand-built drafts)."""

from __future__ import annotations

import pytest

from summarizer.lang.officials import build_officials
from summarizer.lang.people import find_bylines, find_officials, speaker_turns


def _found(text: str) -> list[tuple[str, str | None]]:
    seen: list[tuple[str, str | None]] = []
    for p in find_officials(text):
        if (p.name, p.title) not in seen:
            seen.append((p.name, p.title))
    return seen


@pytest.mark.parametrize(("rule", "text", "expected"), [
    # title before the name, then a verb of speech, a clause end or a weaker end
    ("intro", "市民政局局长陈伟表示，全市已建成养老服务中心86家。", ("陈伟", "市民政局局长")),
    ("intro", "房屋局局长何永贤在峰会致辞时指，目前轮候册上有11万宗申请。", ("何永贤", "房屋局局长")),
    ("intro", "据区卫生健康局局长张丽介绍，全区新增床位200张。", ("张丽", "区卫生健康局局长")),
    ("intro", "出席会议的市委副书记李明强调，要抓好落实。", ("李明", "市委副书记")),
    ("intro", "出席官员包括发展局局长甯汉豪、房屋局局长何永贤。", ("甯汉豪", "发展局局长")),  # a list opener inside
    ("intro", "国务院总理李克强应大会发言人张业遂的邀请出席记者会。", ("李克强", "国务院总理")),  # 应…邀请
    ("intro", "香港特别行政区政府新闻网发公报称:行政长官林郑月娥将于19日至20日率领港府代表团访问澳门。",
     ("林郑月娥", "行政长官")),  # a bare role after what is reported (称:)
    ("intro_action", "记者向局长张三提问。", ("张三", "局长")),  # 向: the one addressed
    ("intro", "特首李家超今日在立法会发表施政报告。", ("李家超", "特首")),  # Hong Kong's Chief Executive, short
    ("intro", "由省政府参事李发昌一行4人组成的调研组来我厅调研。", ("李发昌", "省政府参事")),  # a counsellor
    ("intro", "政务专员王明表示，将加强服务。", ("王明", "政务专员")),
    ("intro", "房屋局副秘书长（策略）章景星表示，将加快建屋。", ("章景星", "房屋局副秘书长（策略）")),  # a portfolio
    ("intro", "房屋局常任秘书长李佩诗表示，将加快建屋。", ("李佩诗", "房屋局常任秘书长")),
    # title before the name, then a verb other than a verb of speech
    ("intro_action", "1月14日,省民政厅副厅长王建东做客《阳光政务热线》,与网民交流。",
     ("王建东", "省民政厅副厅长")),
    ("intro_action", "副市长曹振萍作主题发布。", ("曹振萍", "副市长")),
    ("intro_action", "会议由市政府副秘书长欧阳晓明主持。", ("欧阳晓明", "市政府副秘书长")),  # 由: before the title
    ("intro", "请民政部副部长詹成付介绍有关情况。", ("詹成付", "民政部副部长")),
    ("intro", "市卫健委副主任和晓明出席。", ("和晓明", "市卫健委副主任")),  # 和 a surname: the tagger reads a name
    # a reading refused (委员 + 会书记) takes no text from the title chain it stands in
    ("intro", "发布会,宁夏回族自治区委员会书记、自治区人大常委会主任石泰峰介绍情况。",
     ("石泰峰", "宁夏回族自治区委员会书记、自治区人大常委会主任")),
    # between the name and the verb: a date, an adverb, an honorific, a quote mark
    ("intro_date", "人社部副司长陈明27日在北京表示，就业形势稳定。", ("陈明", "人社部副司长")),
    ("intro_date", "医管局总行政经理李立12月12日预料，流感高峰将至。", ("李立", "医管局总行政经理")),
    ("intro_adverb", "医务卫生局局长卢明早前表示，将增加病床。", ("卢明", "医务卫生局局长")),
    ("intro_honorific", "出席的有省人社厅副厅长葛明先生，就业处处长陶明先生。", ("葛明", "省人社厅副厅长")),
    ("intro_quote", "民生办主任吴明“晒”出成绩单。", ("吴明", "民生办主任")),
    ("intro_action", "台北市长蒋明领航推动公托。", ("蒋明", "台北市长")),
    # titles of Hong Kong, Macao and Taiwan
    ("intro", "医管局行政总裁高明表示，将增设病床。", ("高明", "医管局行政总裁")),
    ("intro", "卫福部次长吕明说明，长照经费增加。", ("吕明", "卫福部次长")),
    ("name_role", "赖明德总统裁示，推动长照。", ("赖明德", "总统")),
    ("name_role", "会议请陈时明副召集人说明。", ("陈时明", "副召集人")),
    ("intro", "主计长陈淑明表示，预算将删减。", ("陈淑明", "主计长")),
    ("intro", "议长张镇明表示，将审议预算。", ("张镇明", "议长")),
    # the body, the name, then the role (Macao, Hong Kong)
    ("org_name_role", "出席的有劳工事务局黄志明局长、社会工作局许华明副局长。", ("黄志明", "局长")),
    ("not_an_official", "个人委员叶志明表示，将继续关注。", None),  # a lay member, like a delegate
    # what the clause puts before a title is no part of it
    ("intro_opener", "会上人力资源社会保障部部长尹明表示。", ("尹明", "人力资源社会保障部部长")),
    ("intro_opener", "以下是房屋署署长罗明今日的发言。", ("罗明", "房屋署署长")),
    ("intro_opener", "今日上午在社会文化司司长张明陪同下参观。", ("张明", "社会文化司司长")),
    ("intro_byline", "(记者 梁明)人社部副司长陈明表示，就业稳定。", ("陈明", "人社部副司长")),
    ("intro_dateline", "中新社香港一月五日电(记者邢健)香港卫生福利及食物局局长周明表示，将检讨。",
     ("周明", "香港卫生福利及食物局局长")),
    ("intro_opener", "他感谢县议会议长张镇明，预算顺利通过。", ("张镇明", "县议会议长")),
    ("not_a_name", "会议由省长主持，有关副省长都参加。", None),
    ("intro_action", "出席发布会的还有省教育厅副厅长王建华。", ("王建华", "省教育厅副厅长")),
    ("intro_action", "省财政厅二级巡视员刘明出席。", ("刘明", "省财政厅二级巡视员")),
    ("intro_action", "副市长张平和表示，将新建学校。", ("张平和", "副市长")),  # 和 ends the name here
    ("intro_action", "市交通运输局局长孙强出席活动并讲话。", ("孙强", "市交通运输局局长")),
    ("intro_action", "省卫生健康委主任刘宁率队调研基层医疗机构。", ("刘宁", "省卫生健康委主任")),
    ("intro_action", "县教育局局长赖建平一行来到实验小学。", ("赖建平", "县教育局局长")),
    ("intro", "台中市长卢秀燕今（24）日表示，将扩大长照服务。", ("卢秀燕", "台中市长")),
    ("intro", "市委书记王强同志在讲话中指出，要抓好落实。", ("王强", "市委书记")),
    ("intro", "市长王强、副市长李明出席。", ("王强", "市长")),
    # names listed after one title share it
    ("shared_title", "副市长王强、李明、陈红等出席。", ("王强", "副市长")),
    # name before title: a guest list, an appositive, a name with its title in brackets
    ("name_first", "出席专题采访的嘉宾有:齐骥,住房和城乡建设部副部长;侯淅珉,住房和城乡建设部住房保障司司长。",
     ("齐骥", "住房和城乡建设部副部长")),
    ("name_first", "嘉宾：\n李红，市人力资源和社会保障局副局长\n", ("李红", "市人力资源和社会保障局副局长")),
    ("name_first", "发布人：王海（市统计局局长）", ("王海", "市统计局局长")),
    # a name followed by its role in running text
    ("name_role", "我想请问，温家宝总理在《政府工作报告》中强调，要加快保障性住房建设。", ("温家宝", "总理")),
    ("name_role", "会上，李强总理表示，要稳住就业。", ("李强", "总理")),
    ("name_role", "在张建伟市长的带领下，全市完成改造。", ("张建伟", "市长")),
    # traditional characters are read on the simplified view (the pipeline converts first)
    ("intro", "行政院长卓荣泰说明，长照经费将突破1,000亿元。", ("卓荣泰", "行政院长")),
    ("intro", "副市长赖淑惠表示，截至10月已布建1,968处长照资源。", ("赖淑惠", "副市长")),
    # delegates keep the title in brackets; a delegate alone is no official
    ("delegate", "党代表程晓红(市人社局党组书记、局长):我们将加大就业帮扶。",
     ("程晓红", "市人社局党组书记、局长")),
    ("delegate", "市政协委员方洁为政府工作点赞。", None),
    ("delegate", "会上，市人大代表王芳表示，要办好实事。", None),
    # a role in a body outside the government: a think tank's expert, a company's recruiter
    ("outside the government", "中國政策科學研究會經濟政策委員會副主任徐洪才說，目標是符合實際的。", None),
    ("outside the government", "環美制動有限公司人事專員劉之倩介紹，今年招聘200人。", None),
    # words after a role or before one that are no name
    ("not_a_name", "会上，常务副市长在讲话中要求抓好落实。", None),
    ("not_a_name", "据悉，国家主席出席了会议。", None),
    ("not_a_name", "同时，党委书记要亲自抓。", None),
    ("not_a_name", "会议要求，各级党委书记亲自在一线推动落实。", None),
    ("not_a_name", "目前，管理处处长出席。", None),
    ("not_a_name", "市长热线今天开通。", None),
    ("not_a_name", "会上，杨浦区长表示，要加快改造。", None),  # a place and its head's role
    ("not_a_name", "据黄山市长介绍，全市新建公园3个。", None),
    ("name_role", "会上，孙春兰副总理出席会议。", ("孙春兰", "副总理")),
    ("name_role", "据王晓东省长介绍，全省将推进改革。", ("王晓东", "省长")),
    # a two-character name before a locality head's role: a person where the tagger reads one
    ("name_role", "会上，李明市长强调，要做好就业工作。", ("李明", "市长")),
    ("name_role", "陈红副区长出席仪式。", ("陈红", "副区长")),
    # press and citizens
    ("press", "【记者陈世长台中报导】后里区举行落成启用典礼。", None),
    ("press", "本报讯（通讯员 王贤勇）截至8月15日，我市累计完成投资。", None),
    ("press", "发布会上，主持人、市政府新闻办副主任赵敏表示，欢迎各位。", None),  # a host who holds an office
    ("press", "主持人：市政府新闻办副主任赵敏\n各位记者朋友，大家好。", None),
    ("citizen", "市民李先生表示，服务很方便。", None),
    ("press", "“中国越来越开放。”这是俄罗斯塔斯通讯社主任记者阿列克谢·谢利谢夫2日在今年中国两会首场新闻发布会上"
              "感受到的信号。", None),  # a press rank (主任记者)
    ("not_a_name", "陈议员明建市长施政总质询\n", None),
    ("not_a_name", "深入学习贯彻习近平总书记关于就业工作的重要论述。", None),  # 关于 is one preposition
    # a council's minutes: surname, role, given name before the speaker's colon (a councillor is none)
    ("minutes_label", "主席(蔡议长旺琏):现在开会。", ("蔡旺琏", "议长")),
    ("minutes_label", "林市长右昌:谢谢议员的关心，市府会持续推动。", ("林右昌", "市长")),
    ("minutes_label", "陈议员明建:请问市长。", None),  # a surname, a role, a given name: the councillor's
    ("not_a_name", "谢谢主席，我想问一个问题。", None),  # thanks to the chair
    # an indented paragraph opens a line; who came along is no part of the title
    ("title_first", "  行政长官林郑月娥今日(一月十四日)下午出席记者会。", ("林郑月娥", "行政长官")),
    ("title_first", "特首今日下午联同劳工及福利局局长罗致光出席。", ("罗致光", "劳工及福利局局长")),
])
def test_introduction_forms(rule: str, text: str, expected: tuple[str, str] | None) -> None:
    found = _found(text)
    assert (found[0] if found else None) == expected, rule


def test_two_officials_joined_by_和_each_keep_their_title() -> None:
    assert _found("市卫生健康委主任闻大翔和市住房城乡建设管理委副主任裴晓出席发布会。") == [
        ("闻大翔", "市卫生健康委主任"), ("裴晓", "市住房城乡建设管理委副主任")]


def test_an_invitation_ends_a_name_and_opens_no_title() -> None:
    assert _found("国务院总理李克强应大会发言人张业遂的邀请出席记者会。") == [
        ("李克强", "国务院总理"), ("张业遂", "大会发言人")]
    assert _found("市应急管理局局长王强表示，将加强演练。") == [("王强", "市应急管理局局长")]


def test_a_host_is_none_at_any_of_his_mentions() -> None:
    text = ("主持人: 胡强强   国家卫生健康委新闻发言人\n嘉  宾: 毛群安   全国爱卫办副主任\n"
            "国家卫生健康委新闻发言人 胡强强:\n各位媒体朋友,大家上午好!\n")
    assert _found(text) == [("毛群安", "全国爱卫办副主任")]


@pytest.mark.parametrize("text", [
    "中共海南省委宣传部新闻发布处四级调研员茹英英:\n\n女士们、先生们,记者朋友们,大家上午好!欢迎出席海南省新闻办公室新闻发布会。\n",
    "省委宣传部新闻发布处处长胡从东: |\n大家上午好!欢迎参加省政府新闻办新闻发布会。\n",
])
def test_a_turn_welcoming_the_press_is_the_hosts(text: str) -> None:
    assert _found(text + "省人社厅厅长张三:\n欢迎大家提问。今年将新增就业10万人。\n") == [("张三", "省人社厅厅长")]


def test_a_photo_captions_positions_are_no_part_of_a_title() -> None:
    assert _found("发展局局长甯汉豪（左）、房屋局局长何永贤（右）。") == [("甯汉豪", "发展局局长"),
                                                                     ("何永贤", "房屋局局长")]


def test_names_listed_after_one_title_share_it() -> None:
    assert _found("副市长王强、李明、陈红等出席。") == [("王强", "副市长"), ("李明", "副市长"), ("陈红", "副市长")]
    assert _found("市长王强、副市长李明出席。") == [("王强", "市长"), ("李明", "副市长")]
    assert _found("副市长王强、企业代表李明出席。") == [("王强", "副市长")]
    # the last name is read whole by the tagger whatever follows it
    assert _found("市人大常委会副主任何智、陈玉莲、张敏丽、付伟分别主持座谈会。")[-1] == ("付伟", "市人大常委会副主任")
    assert _found("监察委员余腾芳、葛永光100年11月10日至11日到彰化。") == [("余腾芳", "监察委员"),
                                                                        ("葛永光", "监察委员")]


def test_an_item_that_goes_on_to_a_role_opens_the_next_title() -> None:
    text = "代表团成员包括财政司司长陈茂波、律政司司长郑若骅、商务及经济发展局局长邱腾华、保安局局长李家超。"
    assert _found(text) == [("陈茂波", "财政司司长"), ("郑若骅", "律政司司长"),
                            ("邱腾华", "商务及经济发展局局长"), ("李家超", "保安局局长")]


def test_the_commissioner_and_the_garrisons_heads_are_officials() -> None:
    text = "出席的嘉宾有外交部驻澳特派员公署署理特派员王冬、解放军驻澳部队司令员徐良才、政委周吴刚。"
    assert _found(text) == [("王冬", "外交部驻澳特派员公署署理特派员"), ("徐良才", "解放军驻澳部队司令员"),
                            ("周吴刚", "政委")]


def test_a_surname_and_role_refers_to_the_official() -> None:
    text = ("嘉宾有:齐骥,住房和城乡建设部副部长。\n[记者]:我想请问齐部长,保障房怎么建?\n"
            "[齐骥]:今年将新增260万户。")
    mentions = [(p.name, text[p.start:p.end]) for p in find_officials(text)]
    assert mentions == [("齐骥", "齐骥,住房和城乡建设部副部长"), ("齐骥", "齐部长")]


def test_a_surname_and_role_shared_by_two_officials_refers_to_nobody() -> None:
    text = "王明,市民政局局长;王刚,市财政局局长。王局长表示,将增加投入。"
    assert [p.name for p in find_officials(text)] == ["王明", "王刚"]


def test_bracketed_speaker_labels_of_a_transcript_open_turns() -> None:
    text = ("嘉宾有:齐骥,住房和城乡建设部副部长。\n[中央人民广播电台记者]:请问齐部长,保障房怎么建?\n"
            "[齐骥]:今年将新增260万户。\n[新华社记者]:还有呢?\n")
    turns = [(text[t.start:t.end].strip()[:4], t.name) for t in speaker_turns(text, find_officials(text))]
    assert ("[齐骥]", "齐骥") in turns and ("[新华社", None) in turns


# ------------------------------------------------------------------------ model drafts


def _build(text: str, *drafts: tuple[str, str]) -> tuple[dict[str, str | None], list[dict[str, object]]]:
    officials, rejected = build_officials(text, find_officials(text), [(0, n, t) for n, t in drafts],
                                          find_bylines(text))
    for o in officials:
        assert text[o.span[0]:o.span[1]] == o.quote
        assert all(text[s:e] for s, e in o.spans)
    return {o.name: o.title for o in officials}, [r.item for r in rejected]


# A sentence the rules do not read (the name is followed by 为, no cue), so only a draft finds it.
_GWR = "与往年不同。武汉市市长周先旺为此作出说明。"


@pytest.mark.parametrize(("case", "text", "draft", "expected"), [
    ("as proposed", _GWR, ("周先旺", "武汉市市长"), ("周先旺", "武汉市市长")),
    ("swapped", "国家卫生健康委员会副主任于学军为此作出说明。",
     ("国家卫生健康委员会副主任", "于学军"), ("于学军", "国家卫生健康委员会副主任")),
    ("title inside the name", _GWR, ("武汉市市长周先旺", "市长"), ("周先旺", "武汉市市长")),
    ("title inside the name, other title", "看着数据,市交通运输局建设管理科科长杨军为此点赞。",
     ("市交通运输局建设管理科科长杨军", "负责人"), ("杨军", "市交通运输局建设管理科科长")),
    ("name then title inside the name", "周先旺市长为此作出说明。", ("周先旺市长", ""),
     ("周先旺", "市长")),
    ("lengthened title", _GWR, ("周先旺", "湖北省武汉市市长"), ("周先旺", "武汉市市长")),
    ("shortened title", _GWR, ("周先旺", "市长"), ("周先旺", "武汉市市长")),
    ("later occurrence", "周先旺为此作出说明。……武汉市市长周先旺为此点赞。", ("周先旺", "市长"),
     ("周先旺", "武汉市市长")),
])
def test_drafts_are_repaired_from_the_text(case: str, text: str, draft: tuple[str, str],
                                           expected: tuple[str, str]) -> None:
    found, rejected = _build(text, draft)
    assert found == dict([expected]), case
    assert rejected == [], case


@pytest.mark.parametrize(("case", "text", "draft"), [
    ("name not in the text", _GWR, ("周先锋", "武汉市市长")),
    ("no title next to the name anywhere", "周先旺为此作出说明。", ("周先旺", "武汉市市长")),
    ("a journalist", "湖北日报讯(记者李源、胡弦)与往年不同。记者李源为此作出说明。", ("李源", "记者")),
    ("a byline name with a made-up title", "编辑:苏杰\n", ("苏杰", "编辑")),
    ("press role before the name", "【记者陈世长台中报导】后里区举行典礼。", ("陈世长", "主任")),
    ("a delegate", "市政协委员方洁为政府工作点赞。", ("市政协委员方洁", "市政协委员")),
    ("an organisation", "省人社厅召开新闻通气会。", ("省人社厅", "新闻通气会")),
    ("a citizen", "市民李先生为此点赞。", ("李先生", "市民")),
    ("a host who holds an office", "发布会由市政府新闻办副主任赵敏主持。", ("赵敏", "市政府新闻办副主任")),
    ("a place and its head's role", "黄山市长为此点赞。", ("黄山市长", "市长")),
])
def test_drafts_that_cannot_be_grounded_are_rejected(case: str, text: str, draft: tuple[str, str]) -> None:
    found, rejected = _build(text, draft)
    assert draft[0] not in found, case  # (the rules may find the real official next to it: 周先旺)
    assert rejected == [{"name": draft[0], "title": draft[1]}], case


@pytest.mark.parametrize(("title", "organization"), [
    ("市卫生健康委党委书记、主任", "市卫生健康委"),
    ("市民政局局长", "市民政局"),
    ("社会局长", "社会局"),  # contracted: the 局 of 社会局 and of 局长 is one character
    ("新北市长", "新北市"),
    ("行政院长", "行政院"),
    ("常务副市长", None),
    ("四川省人民政府省长", "四川省人民政府"),  # the government has ended: 省 opens the role
    ("武汉市市长", "武汉市"),
    ("盐田区副区长", "盐田区"),
    ("代理县长", None),  # acting: a modifier of the role, no body
    ("市政协委员", None),
])
def test_organization_of_a_title(title: str, organization: str | None) -> None:
    from summarizer.lang.people import split_title
    assert split_title(title)[0] == organization


@pytest.mark.parametrize(("text", "byline"), [
    ("记者王一心／高雄报导\n", ("王一心", "记者")),  # a Taiwanese byline: name, full-width slash, place
    ("记者 李明 通讯员 王芳\n", ("李明", "记者")),
    ("(记者 李岗 吕佳 实习生 罗澜)今年将新建学校。", ("罗澜", "实习生")),  # an intern is a role, not a name
    ("编辑:邱忠明 责任编辑:胡立明\n", ("胡立明", "编辑")),
])
def test_bylines_beyond_the_seeds(text: str, byline: tuple[str, str]) -> None:
    found = {(b.name, b.role) for b in find_bylines(text)}
    assert byline in found
    assert not {name for name, _ in found} & {"责任", "实习生", "见习"}  # parts of press roles, no names

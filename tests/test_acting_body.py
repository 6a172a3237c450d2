"""Who acts: the subject of a pledging clause, with the tagger's bodies and places beside the
lexicon's (summarizer/lang/pledges.py: clause_subject). Each row: sentence, expected subject."""

import pytest

from summarizer.lang import pledges, tagger
from summarizer.lang.values import find_periods

ROWS = [
    ("2023年,成都还将开展未成年人关爱行动。", "成都"),  # a bare city; 都 of 成都 is no adverb
    ("此外，福建省将扩大救助范围。", "福建省"),
    ("青岛市还将新建养老床位3000张。", "青岛市"),
    ("今年交通运输部将推动农村公路建设。", "交通运输部"),  # a ministry the lexicon does not list
    ("当局将持续检视长者医疗券的运作。", "当局"),
    ("运输及物流局会于明年内完成北环线的规划。", "运输及物流局"),  # a Hong Kong bureau of two portfolios
    ("长照处将于3年内由18人扩编至68人。", "长照处"),  # a division named short (Taiwan, Hong Kong)
    ("透过特区政府将推出新措施。", "特区政府"),  # a preposition before the subject is no part of it
]
NO_BODY = [
    "预计会有16处完工。",
    "此处将新建公园。",  # a place pointed at, no division
    "就业形势将保持平稳。",
]


def _subject(sentence: str) -> str | None:
    cue = pledges.forward_cue(sentence, 2023)
    assert cue is not None
    actors = pledges.Actors()
    actors.learn_places(sentence)
    return pledges.clause_subject(sentence, 0, cue.start(), find_periods(sentence, 2023), actors)


@pytest.mark.parametrize(("sentence", "subject"), ROWS)
def test_clause_subject(sentence: str, subject: str) -> None:
    if not tagger.available() and subject == "交通运输部":
        pytest.skip("the tagger is not installed")
    assert _subject(sentence) == subject


@pytest.mark.parametrize("sentence", NO_BODY)
def test_no_body(sentence: str) -> None:
    assert _subject(sentence) is None


@pytest.mark.parametrize(("sentence", "found"), [
    ("据省人社厅介绍，各地医保部门将扩大覆盖。", ["各地医保部门"]),  # the informant is not the actor
    ("记者从市发改委获悉，市交通局将新建停车场。", ["市交通局"]),
    ("省人社厅召开新闻发布会，省教育厅将新增学位。", ["省教育厅"]),
    ("市人社局将新增岗位3000个。", ["市人社局"]),
    ("今年交通运输部将推动农村公路建设。", ["交通运输部"]),  # a ministry the lexicon does not list
    ("参与清查的还有捷运局。", ["捷运局"]),  # 还有: the verb, no part of the name
])
def test_the_informant_is_no_acting_body(sentence: str, found: list[str]) -> None:
    assert pledges.bodies(sentence, 0, len(sentence)) == found


def test_the_owner_named_in_the_next_sentence() -> None:
    from summarizer.pipeline.article import run_article
    from summarizer.text.ingest import parse_article

    text = "今年将新建社区长者食堂30个。由区民政局牵头。\n"
    (c,) = run_article(parse_article(text, path="t.txt"), None).commitments
    assert c.responsible == "区民政局"


@pytest.mark.skipif(not tagger.available(), reason="the tagger is not installed")
def test_no_body_starts_inside_a_name_the_tagger_reads_whole() -> None:
    text = "民政部会同有关部门狠抓政策的落地落实。"
    assert pledges.bodies(text, 0, len(text)) == ["民政部"]  # not 政部会同有关部门


@pytest.mark.skipif(not tagger.available(), reason="the tagger is not installed")
@pytest.mark.parametrize(("text", "body"), [
    ("特区政府将推出新措施。", "特区政府"),  # one name, not 特 + 区政府
    ("新一届政府要高度重视民生。", "新一届政府"),  # a government named by its term
    ("本届政府将新建学校10所。", "本届政府"),
    ("区遵照市政府的部署推进改造。", "市政府"),  # a clause ending in a government of another level
])
def test_a_body_starts_where_the_taggers_word_does(text: str, body: str) -> None:
    assert pledges.bodies(text, 0, len(text)) == [body]


@pytest.mark.skipif(not tagger.available(), reason="the tagger is not installed")
@pytest.mark.parametrize(("text", "place"), [
    ("改善全市60所中小学校教室视觉环境", None),  # a verb and its object
    ("推进区、县两级区域教育中心建设", None),
    ("请各区于2月20日前上报", "各区"),  # asked to act: 各区 acts
    ("金水区8560套", "金水区"),
])
def test_an_opening_verb_names_no_place(text: str, place: str | None) -> None:
    assert pledges.opening_place(text, 0, len(text)) == place


@pytest.mark.parametrize(("text", "found"), [
    ("贯彻落实中宣部、中组部《关于加强教育系统党的建设的意见》。", []),  # the issuers of a document
    ("市教育局将按照《市人社局关于就业的通知》推进。", ["市教育局"]),  # the body inside its title is none
    ("省政府办公厅《关于推进养老服务发展的实施意见》印发后，市民政局将推进。", ["市民政局"]),
    ("全面贯彻中央经济工作会议精神，市政府将稳就业。", ["市政府"]),  # a meeting's line
])
def test_a_documents_issuer_or_title_names_no_actor(text: str, found: list[str]) -> None:
    assert pledges.bodies(text, 0, len(text)) == found


@pytest.mark.skipif(not tagger.available(), reason="the tagger is not installed")
def test_a_body_holds_no_persons_name() -> None:
    text = "市长胡衡华作政府工作报告。"
    assert pledges.bodies(text, 0, len(text)) == []  # not 市长胡衡华作政府


@pytest.mark.skipif(not tagger.available(), reason="the tagger is not installed")
@pytest.mark.parametrize(("text", "found"), [
    ("涉县中心城区排水管网改造，县住建局将实施。", ["县住建局"]),  # 涉|县中心: cut out of a place's name
    ("連接長濱鄉南溪部落重要橋樑的南北溪大橋將改建。", []),  # not 鄉南溪部 (部落)
    ("深入部署2026年人社各项任务。", []),  # 部署 is a verb, though 署 ends a bureau's name
    ("2026年全市人社系统将加快构建就业友好型发展方式。", ["市人社系统"]),  # 全市 spreads over the body
])
def test_a_body_is_no_piece_of_a_word(text: str, found: list[str]) -> None:
    assert pledges.bodies(text, 0, len(text)) == found


@pytest.mark.skipif(not tagger.available(), reason="the tagger is not installed")
@pytest.mark.parametrize("text", [
    "人力资源市场会越来越火爆",  # not 人力资源市 (市场)
    "紧紧围绕省委省政府深入实施决策部署",  # not 紧紧围绕省 (省委)
])
def test_an_opening_place_is_no_piece_of_a_word(text: str) -> None:
    assert pledges.opening_place(text, 0, len(text)) is None


@pytest.mark.skipif(not tagger.available(), reason="the tagger is not installed")
def test_a_place_before_its_heads_title_is_whole() -> None:
    text = "苗栗县长钟东锦今天在县务会议揭橥明年的期望"
    assert pledges.opening_place(text, 0, len(text)) == "苗栗县"  # 县长 is one word: the county's head


def test_has_after_still_is_no_part_of_an_opening_place() -> None:
    text = "还有捷运局未来的联开大楼，都必须将公托列为标配。"
    assert pledges.opening_place(text, 0, len(text)) in (None, "捷运局")

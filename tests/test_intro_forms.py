"""The officials' introduction forms (`people.INTRO_FORMS`): each form finds its official in a
sentence of the genre, and grounding finds the same title next to the name when the form tells it
how (a title written before or after the name). A form added without a row fails
`test_every_form_has_a_row`."""

from __future__ import annotations

import pytest

from summarizer.lang.people import GLUED, INTRO_FORMS, IntroForm, find_officials, titles_next_to

# form -> (text, name, title, organisation)
ROWS = {
    "delegate": ("党代表程晓红(市人社局党组书记、局长)表示，将扩大就业。", "程晓红", "市人社局党组书记、局长",
                 "市人社局"),
    "title_dotted_name": ("自治区人社厅副厅长买买提·吐尔逊介绍，将新增岗位。", "买买提·吐尔逊", "自治区人社厅副厅长",
                          "自治区人社厅"),
    "title_married_name": ("行政长官林郑月娥将于明日出席。", "林郑月娥", "行政长官", None),
    "title_name": ("市民政局局长陈伟表示，全市已建成养老服务中心86家。", "陈伟", "市民政局局长", "市民政局"),
    "name_title": ("嘉宾有:齐骥,住房和城乡建设部副部长;", "齐骥", "住房和城乡建设部副部长", "住房和城乡建设部"),
    "name_column": ("         许  伟   云南省卫生健康委副主任\n", "许伟",  # a guests' table; the name spaced
                    "云南省卫生健康委副主任", "云南省卫生健康委"),
    "name_role": ("温家宝总理在《政府工作报告》中强调，要稳定物价。", "温家宝", "总理", None),
    "org_name_role": ("劳工事务局黄志雄局长表示，将推出新措施。", "黄志雄", "局长", "劳工事务局"),
    "minutes_label": ("林市长右昌:谢谢议员的关心，市府会持续推动。", "林右昌", "市长", None),
}
# glued form -> (a model's field holding both, the name, the title)
GLUED_ROWS = {
    "title_name": ("武汉市市长周先旺", "周先旺", "武汉市市长"),
    "name_role": ("周先旺市长", "周先旺", "市长"),
}


def test_every_form_has_a_row() -> None:
    assert {f.name for f in INTRO_FORMS} == set(ROWS)
    assert set(GLUED) == set(GLUED_ROWS)


@pytest.mark.parametrize("form", INTRO_FORMS, ids=lambda f: f.name)
def test_the_form_finds_its_official(form: IntroForm) -> None:
    text, name, title, org = ROWS[form.name]
    m = form.pattern.search(text)
    assert m is not None, "the row is written in another form"
    assert (name, title, org) in [(p.name, p.title, p.organization) for p in form.read(text, m)]
    assert (name, title, org) in [(p.name, p.title, p.organization) for p in find_officials(text)]


@pytest.mark.parametrize("form", [f for f in INTRO_FORMS if f.before or f.after], ids=lambda f: f.name)
def test_grounding_finds_the_forms_title(form: IntroForm) -> None:
    text, name, title, _ = ROWS[form.name]
    at = text.index(name)
    assert title in [text[s:e] for s, e in titles_next_to(text, at, at + len(name))]


@pytest.mark.parametrize("form", sorted(GLUED))
def test_a_glued_field_splits_into_name_and_title(form: str) -> None:
    field, name, title = GLUED_ROWS[form]
    m = GLUED[form].fullmatch(field)
    assert m is not None and (m["name"], m["title"]) == (name, title)


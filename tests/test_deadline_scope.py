"""A plan's deadline said once carries to the items after it (summarizer/lang/deadline_scope.py)."""

from summarizer.pipeline.article import run_article
from summarizer.text.ingest import parse_article


def _deadlines(text: str) -> list[tuple[str | None, str | None]]:
    result = run_article(parse_article(text, path="t.txt"), None)
    return [(c.target, c.deadline) for c in result.commitments]


def test_a_pledge_deadline_carries_through_its_paragraph() -> None:
    text = ("养老方面：到2025年底，建立覆盖城乡的养老服务体系。"
            "全市养老机构护理型床位占比不低于40%，每千人口拥有托位数达到4.5个。\n")
    got = _deadlines(text)
    assert got and all(d == "到2025年底" for _, d in got), got


def test_a_heading_gives_its_time_to_the_list_under_it() -> None:
    text = "海珠区人代会闭幕。\n2025年海珠区十件民生实事\n1.新建公办幼儿园5所。\n2.新增养老床位300张。\n"
    got = _deadlines(text)
    assert got and all(d == "2025年" for _, d in got), got


def test_an_introduction_without_a_time_passes_on_its_paragraphs_pledge_time() -> None:
    text = ("今年,泉州市继续开展为民办实事工作,将实施39个具体项目。39个为民办实事项目如下:\n"
            "1. 新改扩建20所公办幼儿园;\n2. 改善全市60所中小学校教室视觉环境;\n")
    got = _deadlines(text)
    assert got == [("39个", "今年"), ("20所", "今年"), ("60所", "今年")], got


def test_no_time_is_invented() -> None:
    text = "市政府将新建公办幼儿园5所。\n"
    assert _deadlines(text) == [("5所", None)]


def test_in_the_years_written_with_a_space() -> None:
    text = "- 約 600 個環境衛生黑點於 2023 年底前消除至少 75%。\n"
    assert _deadlines(text)[0][1] == "2023 年底前"


def test_a_plan_documents_title_gives_its_time_to_the_whole_document() -> None:
    text = ("教育部2019年工作要点\n\n一、加强党的建设\n推动各地建立健全生均拨款制度。\n"
            "二、推进教育公平\n将新建公办幼儿园5所。\n")
    got = _deadlines(text)
    assert got and all(d == "2019年" for _, d in got), got


def test_a_news_headline_is_no_plan_document() -> None:
    text = "2019年全市就业形势平稳\n\n一、就业\n将新建公办幼儿园5所。\n"
    assert _deadlines(text) == [("5所", None)]


def test_a_plans_unpunctuated_list_takes_the_headings_time_past_sub_headings_and_notes() -> None:
    text = ("2024年南京要办这十类民生实事\n一、大力促进就业创业\n1 组织线上线下招聘会1000场次\n"
            "2 做好25家南京青年人才驿站建设运营\n二、关爱新就业形态群体\n3 新建8个交通驿站\n4 开展公益服务100场\n")
    got = _deadlines(text)
    assert got == [("1000场", "2024年"), ("25家", "2024年"), ("8个", "2024年"), ("100场", "2024年")], got
    noted = "2024年重点工作任务清单\n1 新建幼儿园10所\n牵头单位：市教育局\n2 新增养老床位500张\n牵头单位：市民政局\n"
    assert _deadlines(noted) == [("10所", "2024年"), ("500张", "2024年")]


def test_a_heading_without_a_time_closes_a_scope_at_its_level() -> None:
    from summarizer.lang.pledge_features import numbering_depth

    assert [numbering_depth(h) for h in ("民生实事", "一、就业", "（一）就业", "1.就业", "1 就业", "（1）就业")] == [
        0, 1, 2, 3, 3, 4]


def test_a_five_year_plans_name_in_a_documents_is_no_deadline() -> None:
    assert _deadlines("下一步，我们将编制“十五五”就业专项规划。\n") == [(None, None)]
    assert _deadlines("“十四五”期间，全市将新建养老床位5000张。\n") == [("5000张", "“十四五”期间")]


def test_an_introductions_year_over_the_day_the_list_came_out() -> None:
    text = ("历时3个多月,1月9日下午,2023年度10件民生实事项目出炉,分别是:\n"
            "1.新建公办幼儿园5所。\n2.新增养老床位300张。\n")
    got = _deadlines(text)
    assert got[-2:] == [("5所", "2023年度"), ("300张", "2023年度")], got


def _periods(text: str) -> list[tuple[str, str | None]]:
    result = run_article(parse_article(text, path="t.txt"), None)
    return [(m.value_text, m.period) for m in result.metrics]


def test_a_lists_heading_gives_its_time_to_the_metrics_under_it() -> None:
    text = "聊城市2023年重点民生事项\n1.新改扩建公办幼儿园11所,新增公办园学位2550个。\n"
    assert _periods(text) == [("11所", "2023年"), ("2550个", "2023年")]


def test_a_news_sub_headline_with_a_verb_gives_its_time_to_nothing() -> None:
    text = ("实施“五大工程”,确保全年城镇新增就业60万人以上\n"
            "我市将建设7个高质量充分就业区县和200个示范社区(村)。\n")
    assert ("7个", None) in _periods(text)


def test_the_bullets_after_a_pledge_take_its_time() -> None:
    text = ("到2020年,全面建成覆盖城乡的养老服务体系。\n\n"
            "——养老服务设施覆盖所有城市社区、90%以上乡镇和60%以上村。\n\n"
            "——全市机构养老床位达到15800张以上。护理型床位占养老服务机构总床位比例达到30%以上。\n")
    got = _deadlines(text)
    assert len(got) >= 3 and all(d == "到2020年" for _, d in got), got


def test_a_reports_part_gives_its_year_to_the_bare_lines_under_it() -> None:
    text = ("政府工作报告要点\n2022-03-07\n一、去年工作回顾\n国内生产总值增长8.1%\n城镇新增就业1269万人\n"
            "二、今年主要预期目标\n国内生产总值增长5.5%左右\n城镇新增就业1100万人以上\n")
    result = run_article(parse_article(text, path="t.txt"), None)
    periods = {m.value_text: m.period for m in result.metrics}
    assert periods == {"8.1%": "去年", "1269万人": "去年", "5.5%左右": "今年", "1100万人以上": "今年"}, periods


def test_the_first_goals_time_under_a_goals_heading_is_that_of_the_goals_after_it() -> None:
    text = ("镇江市人民政府办公室关于加快发展养老服务业的实施意见\n二、工作目标\n"
            "到2020年,全面建成覆盖城乡的社会养老服务体系。\n"
            "供给质量明显改善。每千名老年人拥有养老床位数45张以上。护理型床位占养老服务总床位比例达50%以上。\n"
            "三、主要任务\n新建养老机构10家。\n")
    got = _deadlines(text)
    assert ("达50%以上", "到2020年") in got, got
    assert ("10家", None) in got, got  # the next heading closes it

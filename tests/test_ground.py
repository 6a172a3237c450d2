"""Grounding: exact, folded and fuzzy location give offsets where text[start:end] is the match."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer.lang.ground import locate, span_ok

TEXT = "市人力社保局副局长 夏杨松表示，确保全年城镇新增就业60万人以上。“十四五”时期将继续。"


def test_exact_match_is_verified() -> None:
    hit = locate("市人力社保局副局长", TEXT)
    assert hit is not None and hit.status == "verified"
    assert TEXT[hit.start:hit.end] == "市人力社保局副局长"


def test_curly_quotes_rewritten_by_the_model_are_normalized() -> None:
    hit = locate("‘十四五’时期", TEXT)
    assert hit is not None and hit.status == "normalized"
    assert TEXT[hit.start:hit.end] == "“十四五”时期"


def test_fullwidth_digits_are_normalized() -> None:
    hit = locate("６０万人以上", TEXT)
    assert hit is not None and TEXT[hit.start:hit.end] == "60万人以上"


def test_near_picks_the_closest_occurrence() -> None:
    text = "黄政说。" + "很多字" * 50 + "黄政说。"
    hit = locate("黄政", text, near=len(text) - 3)
    assert hit is not None and hit.start == len(text) - 4


def test_fuzzy_window_has_exact_edges() -> None:
    hit = locate("确保全年城镇新增就业60万人", TEXT + "其他内容", min_score=80)
    assert hit is not None and hit.status == "verified"
    hit = locate("确保全年城市新增就业60万人以上", TEXT, min_score=80)
    assert hit is not None and hit.status == "normalized"
    assert TEXT[hit.start:hit.end].startswith("确保全年城") and TEXT[hit.start:hit.end].endswith("以上")


def test_absent_text_is_none() -> None:
    assert locate("国务院总理", TEXT) is None
    assert locate("", TEXT) is None


def test_span_ok() -> None:
    assert span_ok(TEXT, (0, 3), TEXT[:3])
    assert not span_ok(TEXT, (0, 3), "x")
    assert not span_ok(TEXT, (5, 500), TEXT[5:])


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=200), st.data())
def test_property_located_spans_hold(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    hit = locate(text[start:end], text)
    if text[start:end].strip():
        assert hit is not None
        assert text[hit.start:hit.end] == text[start:end].strip()

"""Chunking: Chinese sentence ends, closing quotes kept, budget respected, no text lost."""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer.text.chunk import make_chunks, split_sentences

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))


def _non_space(s: str) -> str:
    return re.sub(r"\s", "", s)


def test_sentence_ends_keep_closing_quotes() -> None:
    text = "他说：“今年将新增就业60万人。”随后离开！真的吗？是的；还有……结束"
    assert [s.text for s in split_sentences(text)] == [
        "他说：“今年将新增就业60万人。”", "随后离开！", "真的吗？", "是的；", "还有……", "结束"]


def test_semicolons_do_not_split_full_sentences() -> None:
    text = "一是稳岗;二是扩岗。三是培训"
    assert [s.text for s in split_sentences(text, semicolons=False)] == ["一是稳岗;二是扩岗。", "三是培训"]


def test_overlong_sentence_is_cut_at_a_comma() -> None:
    text = "，".join(["加强就业服务"] * 60) + "。"
    parts = split_sentences(text, max_len=100)
    assert all(len(p.text) <= 100 for p in parts)
    assert "".join(p.text for p in parts) == text


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
@pytest.mark.parametrize("budget", [300, 1000, 2400])
def test_seed_chunks_lose_nothing_and_respect_budget(seed: Path, budget: int) -> None:
    text = seed.read_text(encoding="utf-8")
    chunks = make_chunks(text, budget)
    assert all(c.end - c.start <= budget for c in chunks)
    assert _non_space("".join(text[c.start:c.end] for c in chunks)) == _non_space(text)
    for c in chunks:  # chunks hold whole sentences, in order, without overlap
        assert c.sentences[0].start == c.start and c.sentences[-1].end == c.end
    assert all(a.end <= b.start for a, b in pairwise(chunks))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("就业人数。！？；…”」\n 万元12.,，、：")), max_size=600),
       st.integers(min_value=20, max_value=400))
def test_property_no_text_lost(text: str, budget: int) -> None:
    chunks = make_chunks(text, budget)
    assert _non_space("".join(text[c.start:c.end] for c in chunks)) == _non_space(text)
    for c in chunks:
        for s in c.sentences:
            assert text[s.start:s.end] == s.text


def test_a_decimal_point_typed_as_full_stop_ends_no_sentence() -> None:
    text = "帮扶困难群众4。7万人次、投入资金12。5亿元。共6。9月起施行"
    assert [s.text for s in split_sentences(text, semicolons=False)] == [
        "帮扶困难群众4。7万人次、投入资金12。5亿元。", "共6。", "9月起施行"]

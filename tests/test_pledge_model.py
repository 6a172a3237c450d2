"""The pledge classifier: shipped weights load and are what the training command writes; the
pure-Python inference is scikit-learn's; real forms from the dev build part and the seeds."""

from __future__ import annotations

import hashlib
import importlib.util
import json
from importlib import resources
from pathlib import Path

import pytest

from summarizer.lang.pledge_features import article_contexts, char_ngrams
from summarizer.lang.pledge_model import is_pledge, load_model, model_version, pledge_probability
from summarizer.text.chunk import split_sentences

DEV = Path(__file__).resolve().parents[1] / ".." / "shared" / "dev"
HAS_SKLEARN = importlib.util.find_spec("sklearn") is not None

# Real sentences of the build part and the seeds (never the validation part).
PLEDGES = [
    "她指，目前有13个简约公屋项目，目标是提供3万个单位，当中牛头角彩兴路项目由动工至首户家庭入伙，仅需时约1年半。",
    "一是完善制度体系，让政策更托底。",
    "加大困难群体就业援助力度,扩大公益性岗位安置,确保零就业家庭动态清零;持续提高劳动者职业技能。",
    "市人力社保局将围绕推动实现高质量充分就业的目标,重点实施五大工程,着力稳就业促增收,确保全年城镇新增就业60万人以上。",
]
NOT_PLEDGES = [
    "1月14日,省民政厅副厅长王建东做客《阳光政务热线》,就救助、养老等问题与网民交流。",  # 做客: an appearance
    "综合各方面的情况看,我们预期到年底,今年的就业走势将继续保持总体平稳,城镇新增就业有望提前超额完成,"
    "城镇登记失业率、城镇调查失业率预期低于控制目标。",  # a forecast of conditions
    "2012年,沈阳市完成保障性安居住房近4万套,超额完成省政府下达任务。",  # what was done
    "一是得益于党中央的坚强领导和科学决策。",  # a list item of a review
]


def test_shipped_weights_load_and_name_their_version() -> None:
    raw = resources.files("summarizer.lang").joinpath("data", "pledge_model.json").read_bytes()
    model = load_model()
    assert model_version() == hashlib.sha256(raw).hexdigest()[:16]
    assert 0 < model.threshold < 1 and len(model.coef) > 1000
    assert json.loads(raw)["trained_on"]["articles"] >= 60


@pytest.mark.parametrize("sentence", PLEDGES)
def test_pledges(sentence: str) -> None:
    assert is_pledge(sentence), pledge_probability(sentence)


@pytest.mark.parametrize("sentence", NOT_PLEDGES)
def test_not_pledges(sentence: str) -> None:
    assert not is_pledge(sentence), pledge_probability(sentence)


def test_deterministic() -> None:
    first = [pledge_probability(s) for s in PLEDGES + NOT_PLEDGES]
    assert first == [pledge_probability(s) for s in PLEDGES + NOT_PLEDGES]


def test_char_ngrams_fold_digits_and_space_and_mark_the_ends() -> None:
    grams = char_ngrams(" 新增 2万个 ")
    assert "^新增" in grams and "0万个" in grams and "个$" in grams and "增 0" in grams and "  " not in grams


def test_contexts_follow_headings_lists_and_turns() -> None:
    text = ("2024年工作回顾\n全年新增就业10万人。\n2025年工作安排\n今年重点抓好以下工作：\n"
            "一是新建学校5所。\n二是改造老旧小区。此外推进养老服务。\n李明：下一步继续加大投入。")
    sentences = split_sentences(text, max_len=1000, semicolons=False)
    speakers = ["李明" if s.text.startswith("李明") else None for s in sentences]
    ctx = dict(zip([s.text for s in sentences], article_contexts(text, sentences, speakers, 2025), strict=True))
    assert ctx["全年新增就业10万人。"].under_retro_heading
    assert ctx["一是新建学校5所。"].under_forward_heading and ctx["一是新建学校5所。"].after_forward_intro
    assert "COLON" in ctx["一是新建学校5所。"].previous and "CUE" in ctx["一是新建学校5所。"].previous
    assert ctx["此外推进养老服务。"].in_item and not ctx["此外推进养老服务。"].paragraph_start
    assert ctx["李明：下一步继续加大投入。"].in_turn and ctx["李明：下一步继续加大投入。"].turn_start


@pytest.mark.parametrize(("heading", "retro"), [
    ("一、当年完成的97件实事", True),  # what was done: a review's heading
    ("二、已完成项目", True),
    ("三、今年要完成的实事", False),  # what is to be done: a plan's
])
def test_a_heading_of_what_was_completed_opens_a_review(heading: str, retro: bool) -> None:
    text = f"{heading}\n新建学校5所。"
    sentences = split_sentences(text, max_len=1000, semicolons=False)
    assert article_contexts(text, sentences, None, 2025)[-1].under_retro_heading is retro


@pytest.mark.skipif(not HAS_SKLEARN, reason="scikit-learn (the train extra) is not installed")
def test_inference_is_scikit_learns() -> None:
    """The pure-Python dot product gives scikit-learn's probabilities for the same weights."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    from summarizer.lang.pledge_model import Variant
    from summarizer.lang.train_pledges import _identity, as_model

    docs = [Variant().tokens(s, None) for s in PLEDGES + NOT_PLEDGES]
    labels = [1] * len(PLEDGES) + [0] * len(NOT_PLEDGES)
    vectorizer = TfidfVectorizer(analyzer=_identity, lowercase=False)
    clf = LogisticRegression(C=4.0, class_weight="balanced").fit(vectorizer.fit_transform(docs), labels)
    weights = {"variant": {"cues": True, "context": True, "rules": False}, "intercept": float(clf.intercept_[0]),
               "features": {t: [float(i), float(c)] for t, i, c in
                            zip(vectorizer.get_feature_names_out(), vectorizer.idf_, clf.coef_[0], strict=True)}}
    model = as_model(weights)
    probe = [Variant().tokens(s, None) for s in ["今年将新建学校5所。", "去年完成了改造。"]]
    expected = clf.predict_proba(vectorizer.transform(probe))[:, 1]
    assert [model.probability(t) for t in probe] == pytest.approx(list(expected), abs=1e-9)


@pytest.mark.slow
@pytest.mark.skipif(not HAS_SKLEARN or not (DEV / "splits.json").exists(),
                    reason="needs scikit-learn and ../shared/dev")
def test_retraining_reproduces_the_shipped_weights() -> None:
    from summarizer.lang.train_pledges import dump, train

    shipped = resources.files("summarizer.lang").joinpath("data", "pledge_model.json").read_text(encoding="utf-8")
    assert dump(train(DEV)) == shipped

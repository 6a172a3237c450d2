"""Is this sentence a pledge? A trained classifier: TF-IDF over character 1–3-grams plus the
rules' cues and the sentence's context as tokens (`pledge_features`), then logistic regression.

Inference is pure Python over the shipped weights (`data/pledge_model.json`, written by
`python -m summarizer.lang.train_pledges`): no scikit-learn at run time.

    >>> from summarizer.lang.pledge_model import pledge_probability, is_pledge, model_version
    >>> is_pledge("今年将新增公办学位2万个。")
    True

`model_version()` names the weights (the file's sha256): put it into any cache key that a
decision of this model reaches. `THRESHOLD` is the weights' recommended threshold (chosen by
leave-one-article-out cross-validation on the build part; see docs/pledge_classifier.md).
"""

from __future__ import annotations

import hashlib
import json
import math
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources

from summarizer.lang.pledge_features import PledgeContext, features

WEIGHTS = "pledge_model.json"


@dataclass(frozen=True)
class Variant:
    """Which tokens beside the character n-grams a model reads."""

    cues: bool = True  # the rules' cue tokens
    context: bool = True  # the context tokens (heading scope, previous sentence, list, turn)
    rules: bool = False  # the rules' decision (`PledgeContext.rules`)

    def tokens(self, sentence: str, context: PledgeContext | None) -> list[str]:
        if context is not None and not self.context:
            context = PledgeContext(year=context.year)
        elif context is not None and not self.rules:
            context = replace(context, rules=None)
        return features(sentence, context, cues=self.cues)


@dataclass(frozen=True)
class PledgeModel:
    """Weights of a TF-IDF + logistic regression model: per token its idf and coefficient."""

    idf: dict[str, float]
    coef: dict[str, float]
    intercept: float
    threshold: float
    variant: Variant
    version: str

    @classmethod
    def from_json(cls, raw: bytes) -> PledgeModel:
        data = json.loads(raw)
        tokens = data["features"]
        return cls(idf={t: v[0] for t, v in tokens.items()}, coef={t: v[1] for t, v in tokens.items()},
                   intercept=data["intercept"], threshold=data["threshold"], variant=Variant(**data["variant"]),
                   version=hashlib.sha256(raw).hexdigest()[:16])

    def probability(self, tokens: list[str]) -> float:
        """P(pledge) for a sentence's tokens: l2-normalised tf·idf dotted with the coefficients."""
        counts = Counter(t for t in tokens if t in self.idf)
        weighted = {t: n * self.idf[t] for t, n in counts.items()}
        norm = math.sqrt(sum(v * v for v in weighted.values()))
        score = self.intercept + (sum(v * self.coef[t] for t, v in weighted.items()) / norm if norm else 0.0)
        return 1.0 / (1.0 + math.exp(-score)) if score > -700 else 0.0


@cache
def load_model() -> PledgeModel:
    """The shipped weights (read once)."""
    raw = resources.files("summarizer.lang").joinpath("data", WEIGHTS).read_bytes()
    return PledgeModel.from_json(raw)


def model_version() -> str:
    """The shipped weights' identity (first 16 hex digits of the file's sha256), for cache keys."""
    return load_model().version


def pledge_probability(sentence: str, context: PledgeContext | None = None) -> float:
    """P(the sentence is a pledge). `sentence` in simplified characters (`hanzi.simplified_view`),
    as the pipeline splits it; `context` from `pledge_features.article_contexts` (None: the
    sentence alone, which loses the heading scope, list and turn evidence)."""
    model = load_model()
    return model.probability(model.variant.tokens(sentence, context))


def is_pledge(sentence: str, context: PledgeContext | None = None, threshold: float | None = None) -> bool:
    """Whether the classifier takes the sentence for a pledge, at the recommended threshold
    unless one is given."""
    model = load_model()
    cut = model.threshold if threshold is None else threshold
    return model.probability(model.variant.tokens(sentence, context)) >= cut

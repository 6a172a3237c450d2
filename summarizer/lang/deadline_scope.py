"""A plan's deadline said once for what follows: a heading or an introduction (「2025年十件民生实事：」,
「养老方面：到2025年底，建立…。」, or one with none after a pledge of its paragraph that has one) gives
its time to the items after it that state none, and a
pledge's deadline carries to the next pledges of its paragraph (「到2025年底，建立…体系。全市…床位占比
不低于40%」), and a title naming a plan document (「教育部2019年工作要点」) gives its time to the whole
document."""

from __future__ import annotations

import re

from summarizer.lang.lexicon import PLAN_DOCUMENTS, alternation
from summarizer.lang.pledges import DEADLINE_KINDS, label_len
from summarizer.lang.values import Period
from summarizer.text.chunk import Sentence

_FINAL = re.compile(r"[。！？!?；;…][”’」』）)\"']*\s*$")
_INTRO = re.compile(r"[：:][”’」』）)\"']*\s*$")
_PLAN_DOCUMENT = re.compile(alternation(PLAN_DOCUMENTS))


class DeadlineScope:
    """Walks an article's sentences in order; `inherited` is the time a pledge without its own takes."""

    def __init__(self, deadlines: list[Period]) -> None:
        self.deadlines = [p for p in deadlines if p.kind in DEADLINE_KINDS]
        self.section: Period | None = None  # said by the last heading or introduction
        self.paragraph: tuple[int, Period] | None = None  # said by a pledge of this paragraph
        self.document: Period | None = None  # said by a title naming a plan document
        self.first = True

    def _own(self, sent: Sentence) -> Period | None:
        own = [p for p in self.deadlines if sent.start <= p.start and p.end <= sent.end]
        return next((p for p in own if p.kind == "deadline"), own[0] if own else None)

    def observe(self, sent: Sentence, paragraph: int, committing: bool) -> None:
        body = sent.text[label_len(sent.text):].strip()
        own = self._own(sent)
        opens = not _FINAL.search(body) or bool(_INTRO.search(body))  # a heading or an introduction
        if self.first and not _FINAL.search(body) and _PLAN_DOCUMENT.search(body):
            self.document = own
        self.first = False
        if opens and len(body) <= 80:
            if own is None and _INTRO.search(body) and self.paragraph and self.paragraph[0] == paragraph:
                own = self.paragraph[1]  # 「今年…将实施39个项目。39个项目如下：」: the pledge's time before it
            self.section = own  # a heading without a time closes the earlier one's scope
        if committing and own is not None:
            self.paragraph = (paragraph, own)

    def inherited(self, paragraph: int) -> Period | None:
        if self.paragraph is not None and self.paragraph[0] == paragraph:
            return self.paragraph[1]
        return self.section or self.document

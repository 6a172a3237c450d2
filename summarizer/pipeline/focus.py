"""What the `small` profile sends the model: the sentences where it can name an official.

The model is asked there for officials (and a one-line gist). An official it proposes is kept
only when the article writes a title ending in a role next to the name (`officials.build_officials`
grounds every proposal that way), so a sentence without a role word can never yield one. Those
sentences are the person-name candidates; the model sees them with their sentence ids (the ids
the `full` profile shows), after the headline and the lead, which the gist needs. An article
with no candidate is not sent at all: its summary is the lead.

`person_sentences` is the one place that decides; switch it (a PER tagger, say) here alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from summarizer.lang.people import HONORIFIC, ROLE
from summarizer.text.chunk import Chunk, Sentence

_ROLE_WORD = re.compile(rf"{ROLE}|{HONORIFIC}")

# Given the sentences of an article (simplified view), the indexes of those to send.
Selector = Callable[[Sequence[Sentence]], list[int]]


def person_sentences(sentences: Sequence[Sentence]) -> list[int]:
    """Indexes of the sentences holding a role word (局长, 副市长, 总理 …): every sentence where a
    name can stand next to its title."""
    return [i for i, s in enumerate(sentences) if _ROLE_WORD.search(s.text)]


def focus_groups(sentences: Sequence[Sentence], budget: int = 2400,
                 select: Selector = person_sentences) -> list[Chunk]:
    """The selected sentences in groups of at most `budget` characters, in text order, each group
    one request. A group is a `Chunk` whose sentences are not contiguous: `start`/`end` bound
    them, `sentences` are exactly those sent. No group when nothing is selected."""
    groups: list[Chunk] = []
    current: list[Sentence] = []
    size = 0
    for i in select(sentences):
        sent = sentences[i]
        if current and size + len(sent.text) > budget:
            groups.append(Chunk(len(groups), current[0].start, current[-1].end, tuple(current)))
            current, size = [], 0
        current.append(sent)
        size += len(sent.text)
    if current:
        groups.append(Chunk(len(groups), current[0].start, current[-1].end, tuple(current)))
    return groups

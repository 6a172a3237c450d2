"""Verify: the model's semantic answers (the `full` profile) merged into the rules' items, one policy.

- Values, units, spans and periods always come from the normalizer and the text: the model never
  adds a metric and never changes a number, a unit or a span.
- Grounding. A subject is taken only when it is written in its value's sentence and does not hold
  the value. A commitment is taken only when its sentence id is one its chunk showed; its target,
  deadline and responsible body only when written in that sentence (the body may also be the
  speaker's organisation); a target only as a value the normalizer found there (the output keeps
  the normalizer's surface), a deadline only as a time it found there. What fails goes to
  `rejected` with the reason; the fields of a draft that are grounded still count.
- Where both answered a field, the rules' answer stays, unless it is no answer by the rules' own
  standard (`subjects.weak_subject`: empty, a measure word or a verb alone); a field the rules
  left empty is filled by the model's grounded answer. Every field where the two differ is listed
  in `disagreements` with the answer kept (`source: rule|model`); an item with a field of the
  model's is `source: model`.
- A sentence the rules made no commitment of becomes one only with the rules' own evidence that it
  looks forward (`pledges.not_a_pledge`: a forward cue, or a future deadline, and no question,
  directive, opinion or report of the past): the model's word alone is not enough (measured: the
  embedded 1.5B model calls 107 of 108 dev sentences pledges). Its fields are then found as the
  rules find a pledge's (responsible, deadline, target) and the model's merged in as above.

So the model can fill a gap or add a pledge the rules' evidence supports; it cannot overrule a
field the rules answered. Everything here works on the simplified view the rules read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Protocol, TypeVar

from summarizer.lang.ground import match_fold
from summarizer.lang.people import PersonMention
from summarizer.lang.pledges import DEADLINE_KINDS, not_a_pledge
from summarizer.lang.subjects import weak_subject
from summarizer.lang.values import Period, Value
from summarizer.llm.label import CommitmentDraft
from summarizer.models import Commitment, Disagreement, Metric, Rejected
from summarizer.text.chunk import Sentence
from summarizer.text.hanzi import simplified_view

_QUOTES = " \t\u3000“”\"'‘’「」『』《》【】[]（）()，,。；;：:、"
MAX_BODY = 20  # a responsible body is a name, not a clause


class _Spanned(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


_S = TypeVar("_S", bound=_Spanned)


@dataclass(frozen=True)
class ChunkAnswer:
    """What the model said about one chunk, with the ids the chunk showed (1-based)."""

    sentence_ids: frozenset[int]
    value_ids: frozenset[int]
    commitments: tuple[CommitmentDraft, ...] = ()
    subjects: tuple[tuple[str, str], ...] = ()


@dataclass
class SentenceFacts:
    """One sentence as the rules read it: its values (the metric candidates, in order), periods,
    speaker, and — for a sentence the rules made no pledge of — the commitment they would make of
    it (`shadow`: its responsible, deadline and target found as for a pledge)."""

    sentence: Sentence
    values: tuple[Value, ...] = ()
    periods: tuple[Period, ...] = ()
    speaker: PersonMention | None = None
    shadow: Commitment | None = None


@dataclass
class Verified:
    metrics: list[Metric]
    commitments: list[Commitment]
    rejected: list[Rejected] = field(default_factory=list)
    disagreements: list[Disagreement] = field(default_factory=list)


def clean(s: str) -> str:
    """A model string as the rules read text: simplified characters, no quotes or outer punctuation."""
    return simplified_view(s.strip()).strip(_QUOTES)


def apply_model(text: str, year: int | None, facts: list[SentenceFacts], metrics: list[Metric],
                commitments: list[Commitment], origin: list[int], answers: list[ChunkAnswer]) -> Verified:
    """Merge the model's answers into the rules' items. `metrics[k]` is the k-th value of `facts`
    in order (the model's value id k+1); `origin[j]` is the sentence index of `commitments[j]`."""
    out = Verified(metrics=list(metrics), commitments=list(commitments))
    values = [(i, v) for i, f in enumerate(facts) for v in f.values]
    origin = list(origin)
    for answer in answers:
        for key, subject in answer.subjects:
            _subject(text, facts, values, out, answer, key, subject)
        for draft in answer.commitments:
            _commitment(text, year, facts, out, origin, answer, draft)
    return out


# ---------------------------------------------------------------------------- subjects


def _value_id(key: str, answer: ChunkAnswer, values: list[tuple[int, Value]], text: str) -> int | None:
    """The value a subjects key names: its id ("3", "v3"), else the value as written (or the
    number and unit of it: 8000张 for 达到8000张; 近三万)."""
    digits = re.fullmatch(r"[^\d\u4e00-\u9fff]{0,2}(\d+)", key.strip())
    if digits and int(digits[1]) in answer.value_ids:
        return int(digits[1])
    wanted = clean(key)
    if len(wanted) < 2 and not wanted.isdigit():
        return None
    for vid in sorted(answer.value_ids):
        if wanted in values[vid - 1][1].surface:
            return vid
    return None


def _subject(text: str, facts: list[SentenceFacts], values: list[tuple[int, Value]], out: Verified,
             answer: ChunkAnswer, key: str, raw: str) -> None:
    proposed = clean(raw)
    if not proposed:
        return  # no answer
    vid = _value_id(key, answer, values, text)
    item: dict[str, object] = {"value": key, "subject": raw}
    if vid is None:
        out.rejected.append(Rejected(type="metric", status="unsupported", item=item,
                                     reason="no value of the chunk has this number or text"))
        return
    i, value = values[vid - 1]
    sentence = facts[i].sentence
    item["value"] = value.surface
    as_written = written(sentence.text, proposed)
    if as_written is None:
        out.rejected.append(Rejected(type="metric", status="unsupported", item=item,
                                     reason="subject not written in the value's sentence"))
        return
    proposed = as_written
    if value.surface in proposed or (value.numeral_text and value.numeral_text in proposed):
        out.rejected.append(Rejected(type="metric", status="unsupported", item=item,
                                     reason="subject holds the value itself"))
        return
    metric = out.metrics[vid - 1]
    rule = metric.subject
    if proposed == rule.strip():
        return
    model_wins = weak_subject(rule) and not weak_subject(proposed)
    _record(out, Disagreement(type="metric", id=metric.id, field="subject", rule=rule or None, model=proposed,
                              source="model" if model_wins else "rule"))
    if model_wins:
        out.metrics[vid - 1] = metric.model_copy(update={"subject": proposed, "source": "model"})


# ---------------------------------------------------------------------------- commitments


@dataclass(frozen=True)
class _Grounded:
    """A draft's fields that are grounded: the normalizer's value and period, the body as written."""

    target: Value | None
    deadline: Period | None
    responsible: str | None


def _occurrences(hay: str, needle: str) -> Iterator[int]:
    """Where `needle` is written in `hay`, up to one-to-one folds (full-width punctuation, curly
    or corner quotes: models write ， as , and “” as ‘’), so offsets into `hay` hold."""
    hay, needle = match_fold(hay), match_fold(needle)
    at = hay.find(needle)
    while needle and at >= 0:
        yield at
        at = hay.find(needle, at + 1)


def written(hay: str, needle: str) -> str | None:
    """`needle` as `hay` writes it (its own characters), or None when it is not written there."""
    at = next(_occurrences(hay, needle), None)
    return None if at is None else hay[at:at + len(needle)]


def _ground_draft(text: str, fact: SentenceFacts, draft: CommitmentDraft, sid: int,
                  out: Verified) -> _Grounded:
    sent = fact.sentence

    def reject(name: str, raw: str, reason: str) -> None:
        out.rejected.append(Rejected(type="commitment", status="unsupported", reason=reason,
                                     item={"sentence": sid, name: raw}))

    def overlapping(name: str, raw: str, found: Sequence[_S], what: str) -> _S | None:
        """The item of `found` (values or periods) the field as written overlaps, else a rejection."""
        wanted = clean(raw)
        if not wanted:
            return None
        spots = [sent.start + k for k in _occurrences(sent.text, wanted)]
        if not spots:
            reject(name, raw, f"{name} not written in the sentence")
            return None
        hit = next((x for x in found for at in spots if x.start < at + len(wanted) and at < x.end), None)
        if hit is None:
            reject(name, raw, f"{name} holds no {what} the normalizer found in the sentence")
        return hit

    target = overlapping("target", draft.target, fact.values, "value")
    deadline = overlapping("deadline", draft.deadline, [p for p in fact.periods if p.kind in DEADLINE_KINDS], "time")
    responsible: str | None = None
    if (r := clean(draft.responsible)):
        organisation = simplified_view(fact.speaker.organization or "") if fact.speaker else ""
        if len(r) > MAX_BODY or re.search(r"\d", r):
            reject("responsible", draft.responsible, "responsible is no body's name (a number, or a clause)")
        elif (as_written := written(sent.text, r)) is not None:
            responsible = as_written
        elif organisation and match_fold(r) == match_fold(organisation):
            responsible = organisation
        else:
            reject("responsible", draft.responsible,
                   "responsible not written in the sentence nor the speaker's organisation")
    return _Grounded(target, deadline, responsible)


def _commitment(text: str, year: int | None, facts: list[SentenceFacts], out: Verified, origin: list[int],
                answer: ChunkAnswer, draft: CommitmentDraft) -> None:
    sid = _anchor(facts, answer, draft)
    if sid not in answer.sentence_ids:
        out.rejected.append(Rejected(type="commitment", status="unsupported",
                                     item=draft.model_dump(), reason=f"no sentence numbered {sid} in the chunk"))
        return
    fact = facts[sid - 1]
    found = _ground_draft(text, fact, draft, sid, out)
    pieces = [j for j, i in enumerate(origin) if i == sid - 1]
    if not pieces:
        reason = not_a_pledge(fact.sentence.text, year, found.deadline)
        if reason is not None or fact.shadow is None:
            out.rejected.append(Rejected(type="commitment", status="unsupported", item=draft.model_dump(),
                                         reason=f"the rules read no pledge here: {reason or 'no text'}"))
            return
        out.commitments.append(fact.shadow.model_copy(update={"id": f"c{len(out.commitments) + 1}",
                                                              "source": "model"}))
        origin.append(sid - 1)
        pieces = [len(out.commitments) - 1]
    j = _piece(out.commitments, pieces, found)
    _merge_fields(out, j, found)


def _anchor(facts: list[SentenceFacts], answer: ChunkAnswer, draft: CommitmentDraft) -> int:
    """The sentence a draft is about: its id, unless its fields are not all written there but are
    in the sentence just before or after (models miscount ids by one: measured on the embedded
    model, 「目标是提供3万个单位」 given as the sentence after it)."""
    fields = [f for f in (clean(draft.target), clean(draft.deadline), clean(draft.responsible)) if f]

    def holds(sid: int) -> bool:
        return sid in answer.sentence_ids and all(
            next(_occurrences(facts[sid - 1].sentence.text, f), None) is not None for f in fields)

    if not fields or holds(draft.s):
        return draft.s
    return next((sid for sid in (draft.s - 1, draft.s + 1) if holds(sid)), draft.s)


def _piece(commitments: list[Commitment], pieces: list[int], found: _Grounded) -> int:
    """The commitment of the sentence the draft is about: the piece holding its target, else its
    deadline, else the sentence's first."""
    for anchor in (found.target, found.deadline):
        if anchor is not None:
            for j in pieces:
                s, e = commitments[j].span
                if s <= anchor.start and anchor.end <= e:
                    return j
    return pieces[0]


def _merge_fields(out: Verified, j: int, found: _Grounded) -> None:
    c = out.commitments[j]
    update: dict[str, object] = {}
    proposals: list[tuple[str, str | None, str, dict[str, object]]] = []
    if found.target is not None and c.span[0] <= found.target.start and found.target.end <= c.span[1]:
        proposals.append(("target", c.target, found.target.surface, {"target": found.target.surface}))
    if found.deadline is not None:
        proposals.append(("deadline", c.deadline, found.deadline.surface,
                          {"deadline": found.deadline.surface, "deadline_year": found.deadline.year_to}))
    if found.responsible is not None:
        proposals.append(("responsible", c.responsible, found.responsible, {"responsible": found.responsible}))
    for name, rule, model, fields in proposals:
        if rule == model:
            continue
        model_wins = not rule
        _record(out, Disagreement(type="commitment", id=c.id, field=name, rule=rule or None, model=model,
                                  source="model" if model_wins else "rule"))
        if model_wins:
            update.update(fields)
            update["source"] = "model"
    if update:
        out.commitments[j] = c.model_copy(update=update)


def _record(out: Verified, disagreement: Disagreement) -> None:
    if disagreement not in out.disagreements:  # the model may say the same thing twice
        out.disagreements.append(disagreement)

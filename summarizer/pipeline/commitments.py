"""Which values of each sentence are targets, and which sentences are pledges: the rules'
metrics and commitments of an article, sentence by sentence. Rule logic that waits here, as one
function moved unchanged out of `run_article`, for its room in `lang/pledges`."""

from __future__ import annotations

import re

from summarizer.lang import pledge_decision
from summarizer.lang.deadline_scope import DeadlineScope, HeadingTimes
from summarizer.lang.lead_units import assign_lead_units
from summarizer.lang.metrics import build_metric, speaker_for
from summarizer.lang.people import SPEAKING, PersonMention, Turn, asked_at, speaker_at
from summarizer.lang.pledge_decision import PledgeDecider, closes_the_plan
from summarizer.lang.pledge_features import listed_lines
from summarizer.lang.pledges import (
    Actors,
    PlanScope,
    acting_body,
    build_commitment,
    forward_cue,
    label_len,
    pledge_deadline,
    pledge_pieces,
    pledge_span,
    report_date,
    reported_in_clause,
    subject_before_cue,
)
from summarizer.lang.values import Period, Value
from summarizer.models import Commitment, Metric
from summarizer.pipeline.verify import ChunkAnswer, SentenceFacts
from summarizer.text.chunk import Sentence
from summarizer.text.ingest import Article


def select_commitments(article: Article, text: str, sentences: list[Sentence], facts: list[SentenceFacts],
                       periods: list[Period], turns: list[Turn], people: dict[str, PersonMention],
                       found: list[PersonMention], semantic: list[ChunkAnswer],
                       ) -> tuple[list[Metric], list[Commitment], list[int]]:
    """Metrics, commitments and the sentence of each commitment (sets each fact's speaker/shadow)."""
    metrics: list[Metric] = []
    commitments: list[Commitment] = []
    origin: list[int] = []  # the sentence of each commitment
    scope = PlanScope(article.year)
    decider = PledgeDecider(text, sentences, [speaker_at(turns, s.start) for s in sentences], article.year,
                            pledge_decision.DEFAULT_POLICY)
    # when the news was told (李立业12月12日预料…) is no metric's period nor a pledge's deadline
    told_periods = [p for p in periods if not report_date(text, p)]
    deadlines = _deadlines(text, told_periods, article.year)
    actors = Actors()
    times = DeadlineScope(deadlines)
    # the time a list's heading says, for metrics that state none
    headings = HeadingTimes(told_periods, listed_lines(text))
    actors.learn_places(text)
    said: tuple[int, PersonMention | None] = (-1, None)
    for index, (sent, fact) in enumerate(zip(sentences, facts, strict=True)):
        cue = forward_cue(sent.text, article.year, label_len(sent.text))
        forward = cue.start() if cue else None
        paragraph = text.count("\n", 0, sent.start)
        speaker = speaker_for(turns, people, sent.start) or inline_speaker(found, sent, forward)
        # 「陈勇嘉说，…。下一步，将…」: the paragraph's speaker goes on speaking
        speaker = speaker or (said[1] if said[0] == paragraph else None)
        said = (paragraph, speaker)
        fact.speaker = speaker
        committing = (is_pledge(scope, decider, index, sent, speaker_at(turns, sent.start), paragraph)
                      and not asked_at(turns, sent.start))  # a questioner's words: 「梁熙议员:…」
        inside = fact.values
        at = None if forward is None else sent.start + forward
        targets = _targets(text, sent, inside, None if _listed_plan(decider, index, text, sent, at) else at, committing)
        for value in inside:
            metrics.append(build_metric(text, len(metrics) + 1, value, sent, inside, told_periods,
                                        speaker.name if speaker else None, value in targets,
                                        headings.time()))
        if committing:
            times.enter(text[text.rfind("\n", 0, sent.start) + 1:sent.end], paragraph)
            for made in _pledged(text, sent, targets, article.year, deadlines, times, paragraph, periods, actors,
                                 speaker, len(commitments)):
                commitments.append(made)
                origin.append(index)
        elif semantic:  # what the rules would make of it, should the model find a pledge here
            piece = (sent.start, sent.end)
            at = sent.start + forward if forward is not None else None
            fact.shadow = build_commitment(
                text, 0, piece, targets, pledge_deadline(deadlines, piece, piece, at),
                acting_body(text, sent, piece, at, periods, actors, speaker), speaker)
        actors.observe(text, sent, paragraph)
        times.observe(sent, paragraph, committing)
        headings.observe(sent, paragraph, committing)
    commitments = assign_lead_units(text, commitments, [sentences[i].end for i in origin])
    return metrics, commitments, origin


def _listed_plan(decider: PledgeDecider, index: int, text: str, sent: Sentence, at: int | None) -> bool:
    """Under a plan's heading or introduction, a sentence whose cue stands in a later item of its
    「；」 list (「新增公交车30辆…；完成200个…改造；争取完成2个…」): every item pledges its own target."""
    context = decider.contexts[index] if decider.contexts else None
    return (at is not None and context is not None and (context.under_forward_heading or context.after_forward_intro)
            and bool(re.search("[；;]", text[sent.start:at])))


def _targets(text: str, sent: Sentence, inside: tuple[Value, ...], at: int | None, committing: bool) -> list[Value]:
    """A target follows a forward cue in its sentence, or sits in an inherited plan item; with
    neither, the value in the subject right before the cue (约2 600个单位将于…落成)."""
    targets = [v for v in inside if ((at is not None and v.start >= at) or (committing and at is None))
               and not reported_in_clause(text, sent, v, at)]
    if not targets and at is not None:
        targets = [v for v in inside if subject_before_cue(text, v, at, inside)
                   and not reported_in_clause(text, sent, v, at)]
    return targets


def _pledged(text: str, sent: Sentence, targets: list[Value], year: int | None, deadlines: list[Period],
             times: DeadlineScope, paragraph: int, periods: list[Period], actors: Actors,
             speaker: PersonMention | None, made: int) -> list[Commitment]:
    """The commitments of a pledging sentence, one per pledged piece (numbered after the `made` ones)."""
    out: list[Commitment] = []
    head = (sent.start, sent.end)
    listed = forward_cue(sent.text, year) is None  # committed by its plan's heading or list
    for piece in pledge_pieces(text, sent.start, sent.end, targets, year, listed, deadlines):
        if (span := pledge_span(text, piece))[0] >= span[1]:
            continue  # nothing pledged in it (a speaker's label between two pieces)
        piece_cue = forward_cue(text[piece[0]:piece[1]], year)
        at = piece[0] + piece_cue.start() if piece_cue else None
        deadline = pledge_deadline(deadlines, piece, head, at) or times.inherited(paragraph)
        responsible = acting_body(text, sent, piece, at, periods, actors, speaker)
        out.append(build_commitment(text, made + len(out) + 1, piece, targets, deadline, responsible, speaker))
    return out


def _deadlines(text: str, periods: list[Period], year: int | None) -> list[Period]:
    """The times a pledge may be due by: not a year already past (二○二二年《施政报告》提出…), a base of
    comparison (不低于2022年水平) nor a span that looks back (为近20年新高, 过去五年)."""
    return [p for p in periods if not (year and p.year_to and p.year_to < year)
            and not _BASE_AFTER.match(text, p.end)  # 不低于2022年水平: a base to compare with
            and not (p.kind == "years_span" and _LOOKS_BACK.match(text, p.start))
            and not (p.kind == "plan" and _NAMES_A_PLAN.match(text, p.end)
                     and _DRAFTS.search(text, max(0, p.start - 12), p.start))]


def is_pledge(scope: PlanScope, decider: PledgeDecider, index: int, sent: Sentence, turn: str | None,
              paragraph: int) -> bool:
    """The rules' plan scope, then the decider (classifier and vetoes); a plan reported done closes
    the scope, and in an answer about what was done only the rules' own pledges count."""
    rules_say, _ = scope.step(sent.text, turn, paragraph)
    if rules_say and closes_the_plan(sent.text):
        scope.open = rules_say = False  # its items are what was done or presented, not pledged
    committing = decider.decide(index, rules_say)
    if committing and not rules_say and scope.asked_back and turn is not None:
        return False  # an answer about what was done: the classifier's reading of the account
    return committing


_SPEECH = re.compile(SPEAKING)
_BASE_AFTER = re.compile(r"的?(?:水平|同期)")
_LOOKS_BACK = re.compile(r"最近|近|过去")
# a five-year plan's name inside the name of a document to be drafted (编制“十五五”就业专项规划): no time the
# pledge is due by (but the plan's own title, 「“十四五”规划纲要」, gives its time)
_DRAFTS = re.compile(r"(?:编制|制定|起草|修订|研究制定|印发|出台)[^，,。；;]{0,8}$")
_NAMES_A_PLAN = re.compile(r"[”」』\"']?[^，,。；;、：:\s“”]{0,8}?(?:规划|纲要)")


def inline_speaker(found: list[PersonMention], sent: Sentence, forward: int | None) -> PersonMention | None:
    """Outside a speaker's turn: an official named in this sentence (introduced here or earlier)
    with a verb of speech before what they announce (「副局长刘芳在回答记者提问时说，明年将…」,
    「张建国表示，今年以来…」)."""
    stop = forward if forward is not None else len(sent.text)
    best: tuple[int, PersonMention] | None = None
    for p in found:
        at = sent.text.find(p.name, 0, stop)
        if at >= 0 and _SPEECH.search(sent.text, at + len(p.name), stop) and (best is None or at < best[0]):
            best = (at, p)
    return best[1] if best else None

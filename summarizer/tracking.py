"""Data types of `summarizer track`: pledges followed across articles, and the person index.

Core-level (imports only `summarizer.models`), so `outputs/` renders them without importing
`track/`. `schemas/` is not generated from these; `summarizer track` writes `Tracking` as JSON.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from summarizer.models import Span

LinkStatus = Literal["kept", "missed", "partly", "open"]
"""The words of the dev series (`series.json`): kept; missed; partly (some of it, after the
deadline or with no deadline); open (reported before its deadline, or not reported yet)."""
ReportKind = Literal["value", "progress", "completion", "restated"]
"""value: a figure of the same thing in the same unit; progress: 完成(全年)目标(任务)的X% or
超额/提前/全面完成; completion: 已…入伙/完工/建成 of the pledged thing; restated: the plan said
again later (预计于…完工), which leaves it open before its deadline and missed after it."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Quote(_Model):
    """A grounded passage: `text[span[0]:span[1]] == quote` in the article `file`."""

    file: str
    span: Span
    quote: str
    sentence: Span = Field(description="The sentence the quote is in (for context and highlighting).")


class Pledge(_Model):
    id: str = Field(description="Stable within a tracking file: '<file stem>#<n>'.")
    file: str
    date: str | None = Field(description="The article's date (ISO), or the year in its file name.")
    place: str | None = Field(description="Place or body the pledge is of (青岛, 香港, 全国 ...).")
    subject: str = Field(description="What is promised, as the words around the target.")
    quotes: list[Quote] = Field(description="Where it is said; the same target and deadline said "
                                            "twice in one article is one pledge.")
    target: str | None = None
    target_value: float | None = None
    unit: str | None = None
    bound: Literal["at_least", "at_most"] = Field(
        default="at_least", description="at_most for ceilings (低于5.5%, 控制在…以内).")
    deadline: str | None = Field(default=None, description="As written (明年第一季度, 到115年底).")
    deadline_end: str | None = Field(default=None, description="ISO year-month the deadline ends.")
    events: list[str] = Field(default_factory=list, description="What is to happen: 入伙, 完工 ...")
    items: list[str] = Field(default_factory=list, description="Named sites or projects (屯门青福).")


class Match(_Model):
    """Why a report was linked to a pledge."""

    place: str
    subject: str = Field(description="The words the two share.")
    unit: str | None = None
    period: str = Field(description="How the report's time stands to the deadline.")


class PledgeLink(_Model):
    pledge_id: str
    kind: ReportKind
    report: Quote
    date: str | None = Field(description="The report's time: its period's end, else its article's date.")
    value_text: str | None = None
    value: float | None = None
    period: str | None = None
    ratio: float | None = Field(default=None, description="value / target, computed.")
    stated_percent: float | None = Field(default=None, description="完成目标的X%: X as the text says it.")
    ratio_agrees: bool | None = Field(
        default=None, description="The computed ratio equals the stated percentage (±0.5 point); "
                                  "null when the text states none or no ratio could be computed.")
    status: LinkStatus
    why: Match


class Timeline(_Model):
    pledge: Pledge
    links: list[PledgeLink] = Field(description="The reports in date order.")
    status: LinkStatus = Field(description="What the reports add up to: kept once any says so, "
                                           "else the latest report's word, open without reports.")


class Mention(_Model):
    file: str
    date: str | None
    title: str | None
    span: Span
    quote: str


class Person(_Model):
    """One official: name + organisation (without its place) + place. The same name in two
    places, or in two organisations of one place, is two people."""

    name: str
    organization: str | None
    place: str | None
    titles: list[str]
    files: list[str]
    first_date: str | None
    last_date: str | None
    mentions: list[Mention]


class TrackError(_Model):
    file: str
    problem: str


class ArticleInfo(_Model):
    file: str
    date: str | None
    place: str | None
    pledges: int
    reports: int


class Tracking(_Model):
    version: Literal[1] = 1
    articles: list[ArticleInfo]
    timelines: list[Timeline] = Field(description="Every pledge with a target or an event, linked or not.")
    people: list[Person]
    errors: list[TrackError] = Field(default_factory=list)

    @property
    def links(self) -> list[PledgeLink]:
        return [link for t in self.timelines for link in t.links]

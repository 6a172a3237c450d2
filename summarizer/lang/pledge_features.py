"""What the pledge classifier sees of a sentence: its characters (1–3-grams) and, as extra tokens,
the rules' cues in it and its place in the article.

Context tokens (`__UNDER_FORWARD_HEADING__`, `__ITEM__`, `__TURN__` …) are plain tokens in the same
feature space as the character n-grams, so inference stays a dot product (`pledge_model`).
`article_contexts` computes every sentence's `PledgeContext` from the article text; the pipeline
passes the same sentences and speakers it already has.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from summarizer.lang import tagger, values
from summarizer.lang.lexicon import (
    CONTINUATION_OPENERS,
    QUESTION_CUES,
    RETRO_MARKERS,
    RETRO_OPENERS,
    RETRO_OPENING_PATTERNS,
    alternation,
    cue_alternation,
)
from summarizer.lang.pledges import (
    done_in_cue_clause,
    forward_cue,
    label_len,
    never_a_pledge,
    opens_in_a_past_year,
    pledge_cue,
    reports_the_past,
)
from summarizer.text.chunk import Sentence

NGRAM_MAX = 3
_SPACE = re.compile(r"\s+")
_DIGIT = re.compile(r"[0-9０-９]")
_FINAL = re.compile(r"[。！？!?；;…][”’」』）)\"']*$")
_INTRO = re.compile(r"[：:][”’」』）)\"']*$")
_QUESTION = re.compile(r"[?？][”’」』）)\"']*$")
_FORWARD_QUESTION = re.compile(rf"{alternation(QUESTION_CUES)}|如何|怎样|哪些")
_RETRO = re.compile(rf"^\s*(?:{'|'.join(RETRO_OPENING_PATTERNS)}|{alternation(RETRO_OPENERS)})"
                    rf"|{cue_alternation(RETRO_MARKERS)}")
# A list item's opening: 一是 / （一） / 一、 / 1. / 第一， / 其一 / 首先 / ① / a bullet (- • ●).
_ITEMS = (("shi", r"[一二三四五六七八九十]{1,3}是"), ("paren", r"[（(][一二三四五六七八九十\d]{1,3}[)）]"),
          ("dun", r"[一二三四五六七八九十]{1,3}、"), ("num", r"\d{1,2}[.、．)）](?!\d)"),
          ("di", r"第[一二三四五六七八九十]{1,3}[，,、是]"), ("qi", r"其[一二三四五六][，,、是]"),
          # 「第一件实事:」, 「第三项:」: an ordinal with its measure word and a short label before a colon
          ("di_label", r"第[一二三四五六七八九十\d]{1,3}[件项項条條个個类類][^：:，,。]{0,6}[：:]"),
          ("order", r"首先|其次|再次|最后"), ("circled", r"[①-⑳]"), ("bullet", r"[-－•●·▪■◆◇□○]\s?(?=\S)"))
_ITEM = re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in _ITEMS))
# Headings (a line without sentence-final punctuation) that open or close a plan's scope.
_FORWARD_HEADING = re.compile(r"今年|明年|下一步|今后|未来|工作安排|工作打算|工作要点|主要任务|重点任务|重点工作|实事|"
                              r"目标|计划|行动|方案|措施|安排|规划|举措|任务|施政|(?P<year>20\d\d)年")
_RETRO_HEADING = re.compile(r"回顾|过去|成效|成绩|完成情况|以来|总结|进展|取得|已完成|(?<![要需将拟划])完成的")
_HEADING_MAX = 60
_REFUSALS = ("headline", "question", "directive", "opinion")  # never_a_pledge's reasons, by a word


@dataclass(frozen=True)
class PledgeContext:
    """Where a sentence sits: the heading scope over it, the sentence before it, its place in a
    numbered list, the speaker's turn, and (optionally) the rules' own decision."""

    under_forward_heading: bool = False
    under_retro_heading: bool = False
    after_forward_intro: bool = False  # a colon-ended sentence with a forward cue opened a list
    after_account_intro: bool = False  # one reporting what was done did (主要做了以下几个方面工作：); no token
    in_item: bool = False  # a later sentence of a paragraph that opened as a list item
    paragraph_start: bool = False
    previous: tuple[str, ...] = ()  # the previous sentence's flags: cue, colon, heading, item, retro, question
    in_turn: bool = False  # inside an official's turn (a Q&A answer)
    turn_start: bool = False
    after_forward_question: bool = False  # the turn answers a question about plans
    year: int | None = None  # the article's year: 到2020年 before it is history
    rules: bool | None = None  # the rules' decision (`PlanScope.step`), when given
    opens_item: bool = False  # the sentence opens a list item (1. / （一） / 一是); no token
    listed: bool = False  # a line of a numbered list with no final punctuation (「1 组织招聘会1000场次」); no token
    run_in_heading: bool = False  # a numbered paragraph's short title, its items after it (「一、实施医疗健康关爱。」)
    past_title: bool = False  # the title tells of a year before the article's only (「住建部：2021年全国…新筹集…」)
    in_titled_item: bool = False  # a later sentence of a numbered paragraph opened by its short title; no token
    in_account: bool = False  # goes on from a sentence that reports the past, with no forward cue between; no token


def char_ngrams(text: str) -> list[str]:
    """1–3-grams of the sentence's characters, whitespace folded and digits read as 0, with
    ^ and $ marking its ends."""
    folded = "^" + _DIGIT.sub("0", _SPACE.sub(" ", text.strip())) + "$"
    return [folded[i:i + n] for n in range(1, NGRAM_MAX + 1) for i in range(len(folded) - n + 1)]


def cue_tokens(sentence: str, year: int | None) -> list[str]:
    """The rules' evidence in the sentence: each forward cue, whether the rules take one as a
    pledge's cue, why they refuse the sentence outright, and reports of the past."""
    body = sentence[label_len(sentence):].strip()
    out = []
    start = 0
    while (cue := forward_cue(body, year, start)) is not None:
        out.append(f"__CUE_{_DIGIT.sub('0', cue.group())}__")
        start = cue.end()
    if pledge_cue(body, year):
        out.append("__RULE_CUE__")
    refused = never_a_pledge(body)
    if refused is not None:
        out.append(f"__NEVER_{next((k for k in _REFUSALS if k in refused), 'other')}__")
    if _RETRO.search(body):
        out.append("__RETRO__")
    item = _ITEM.match(body)
    if item:
        out += ["__ITEM__", f"__ITEM_{item.lastgroup}__"]
    return out


def context_tokens(context: PledgeContext) -> list[str]:
    flags = {"__UNDER_FORWARD_HEADING__": context.under_forward_heading,
             "__UNDER_RETRO_HEADING__": context.under_retro_heading,
             "__AFTER_FORWARD_INTRO__": context.after_forward_intro, "__IN_ITEM__": context.in_item,
             "__PARAGRAPH_START__": context.paragraph_start, "__TURN__": context.in_turn,
             "__TURN_START__": context.turn_start, "__AFTER_FORWARD_QUESTION__": context.after_forward_question,
             "__RULES_YES__": context.rules is True, "__RULES_NO__": context.rules is False}
    return [name for name, on in flags.items() if on] + [f"__PREV_{flag}__" for flag in context.previous]


def features(sentence: str, context: PledgeContext | None = None, *, cues: bool = True) -> list[str]:
    """The tokens the model weighs: character n-grams, then the cue and context tokens."""
    out = char_ngrams(sentence)
    if cues:
        out += cue_tokens(sentence, context.year if context else None)
    if context is not None:
        out += context_tokens(context)
    return out


_PARAGRAPH_NUMBER = 30  # 「61. 房屋是…」: addresses and reports number their paragraphs, lists stay short
_ITEM_HEADING = re.compile(r"^[^\d，,]{0,6}(?:举措|措施|指标|目标|任务|要求|安排)[。.]?$")  # 「2.重点工作举措。」


def _opens_item(body: str) -> bool:
    """The sentence opens a numbered or bulleted item (not 首先…, a speech's order; not a paragraph's
    number) and is no heading of items of its own (「2. 改善環境衛生及市容:」, 「1.主要目标指标。」)."""
    m = _ITEM.match(body)
    if m is None or m.lastgroup == "order" or _INTRO.search(body):
        return False
    number = re.match(r"\d+", m.group())
    rest = body[m.end():].strip()
    return not (number and int(number.group()) > _PARAGRAPH_NUMBER) and not _ITEM_HEADING.match(rest)


# A line's own number: 「1 」, 「1.」, 「一、」, 「（一）」 (kind, value), and how deep each kind numbers a heading.
_LINE_NUMBER = re.compile(r"[ \t\u3000]*(?:(?P<num>\d{1,2})(?:[.、．)）][ \t\u3000]*|[ \t\u3000]+)(?=[^\d\s])"
                          r"|(?P<dun>[一二三四五六七八九十]{1,3})、|[（(](?P<paren>[一二三四五六七八九十]{1,3})[)）])")
_PAREN_DIGITS = re.compile(r"\s*[（(]\d{1,2}[)）]")
_DEPTH = {"dun": 1, "paren": 2, "num": 3}


def _line_number(line: str) -> tuple[str, int] | None:
    m = _LINE_NUMBER.match(line)
    if m is None or m.lastgroup is None:
        return None
    value = int(m["num"]) if m.lastgroup == "num" else values.cn_int(m[m.lastgroup])
    return (m.lastgroup, value) if value is not None else None


def numbering_depth(line: str) -> int:
    """How deep a heading is numbered: 0 none, 1 「一、」, 2 「（一）」, 3 「1.」 or 「1 」, 4 「（1）」."""
    m = _LINE_NUMBER.match(line)
    if m is not None and m.lastgroup is not None:
        return _DEPTH[m.lastgroup]
    return 4 if _PAREN_DIGITS.match(line) else 0


def after_line_number(line: str) -> str:
    """The line after its own number, if it has one (the number is no figure of the item)."""
    m = _LINE_NUMBER.match(line)
    return line[m.end():] if m else line


def _unpunctuated(line: str) -> bool:
    return not _FINAL.search(line) and not _INTRO.search(line)


_SUB_HEADING_MAX = 20
_BARE_ITEM = re.compile(r"\d|^[^：:，,。]{1,8}[：:](?=\S)")


@lru_cache(maxsize=4)  # read by the contexts and the headings' times: once per article (callers never mutate it)
def listed_lines(text: str) -> list[tuple[int, int]]:
    """Spans of the lines of numbered lists that end in no punctuation: a numbered line next to its
    sibling (1 → 2, 一、 → 二、; at most one unnumbered line of the item carried on between them), and
    that carried-on line (「1 组织线上线下招聘会」 / 「1000场次,开发…岗位1.2万个」). A numbered line with a
    paragraph or other numbers between it and its siblings is a heading (「一、2025年防火通道硬化工程」 over its
    description, 「一、大力促进就业创业」 over 「1 …」). Also a run of unnumbered lines with a figure or a topic's
    label each (「国内生产总值增长5.5%左右」 / 「城镇新增就业1100万人以上」, 「财政:今年赤字率拟按2.8%左右安排」)."""
    lines, pos = [], 0
    for raw in text.split("\n"):
        if raw.strip():
            lines.append((pos, pos + len(raw), raw.strip(), _line_number(raw)))
        pos += len(raw) + 1

    def carried(k: int) -> bool:  # an unnumbered, unpunctuated line: an item's text carried on
        return 0 <= k < len(lines) and lines[k][3] is None and _unpunctuated(lines[k][2])

    def sibling(k: int, number: tuple[str, int], step: int) -> bool:  # the line before or after, or one further
        k += 2 * step if carried(k + step) else step
        return 0 <= k < len(lines) and lines[k][3] == (number[0], number[1] + step)

    def bare_item(k: int) -> bool:  # an unnumbered line with a figure or a topic's label (「财政:今年赤字率…」),
        if not (0 < k < len(lines) and lines[k][3] is None and _unpunctuated(lines[k][2])):
            return False  # or a line longer than a sub-heading (「在县(市)全面落实生育二孩、三孩的家庭购房补助政策」)
        line = lines[k][2]
        return bool(_BARE_ITEM.search(line)) or len(line) > _SUB_HEADING_MAX or bool(re.search("[，,]", line))

    def opens_a_run(k: int) -> bool:  # a numbered heading, an introduction or a sub-heading over bare items
        if not 0 <= k < len(lines) or bare_item(k):
            return False
        line, numbered = lines[k][2], lines[k][3] is not None
        return ((numbered and _unpunctuated(line)) or bool(_INTRO.search(line)) or (
            k > 0 and _unpunctuated(line) and len(line) <= _SUB_HEADING_MAX and not re.search(r"\d", line)
            and tagger.available() and tagger.opens_with_verb(line, 0, len(line))))  # 着力实现幼有善育

    out: list[tuple[int, int]] = []
    run = False  # in a run of bare items under a heading: 「二、今年主要预期目标」 / 「国内生产总值增长5.5%左右」
    for i, (start, end, line, number) in enumerate(lines):
        run = bare_item(i) and (run or (opens_a_run(i - 1) and bare_item(i + 1)))
        if run:
            out.append((start, end))
            continue
        if number is None or not _unpunctuated(line) or not (sibling(i, number, -1) or sibling(i, number, 1)):
            continue
        out.append((start, end))
        if carried(i + 1):
            out.append(lines[i + 1][:2])
    return out


_RUN_IN_MAX = 14


def _run_in_heading(body: str) -> bool:
    """A numbered paragraph's first sentence that only titles it: short, no figure (「一、实施医疗健康关爱。」)."""
    m = _ITEM.match(body)
    rest = body[m.end():].strip() if m and m.lastgroup in ("dun", "paren", "num", "di") else ""
    return 0 < len(rest) <= _RUN_IN_MAX and not re.search(r"\d", rest)


_TITLE_YEAR = re.compile(r"(?<!\d)(20\d\d|19\d\d)年")


def title_of_a_past_year(text: str, year: int | None) -> bool:
    """The article's first line names only years before the article's, with no forward cue and no plan's
    word: it tells what those years did (「住建部：2021年全国40个城市新筹集保障性租赁住房94.2万套」 in 2022)."""
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    years = [int(m[1]) for m in _TITLE_YEAR.finditer(first)]
    plan = any(not m["year"] for m in _FORWARD_HEADING.finditer(first))  # (a plan's title: 〔2023〕…目标任务)
    return bool(year and years and max(years) < year and forward_cue(first, year) is None and not plan)


def is_heading(body: str) -> bool:
    """A line without sentence-final punctuation or a colon: a title, heading or bullet."""
    return bool(body) and len(body) <= _HEADING_MAX and not _FINAL.search(body) and not _INTRO.search(body)


def forward_heading(body: str, year: int | None) -> bool:
    """A heading over a plan: 2025年工作安排, 主要任务, 民生实事 (not 回顾, 成效, a past year)."""
    if _RETRO_HEADING.search(body):
        return False
    return any(not (m["year"] and year and int(m["year"]) < year) for m in _FORWARD_HEADING.finditer(body))


def previous_flags(body: str, year: int | None) -> tuple[str, ...]:
    flags = {"CUE": pledge_cue(body, year) is not None, "COLON": bool(_INTRO.search(body)),
             "HEADING": is_heading(body), "ITEM": bool(_ITEM.match(body)), "RETRO": bool(_RETRO.search(body)),
             "QUESTION": bool(_QUESTION.search(body))}
    return tuple(name for name, on in flags.items() if on)


@dataclass
class _Walk:
    """What the walk through an article remembers between sentences."""

    scope: str | None = None  # "forward" / "retro": the last heading that said which
    intro: bool = False
    account: bool = False  # the last colon-ended sentence reported what was done
    paragraph: int = -1
    item_paragraph: bool = False
    speaker: str | None = None
    asked_forward: bool = False
    turn_asked: bool = False
    previous: tuple[str, ...] = ()
    past: bool = False  # the last sentence with a cue either way reported the past (2021年,…发放…8059万元)
    titled: bool = False  # this paragraph opened with a numbered run-in title (「3.促进高质量充分就业。」)


def article_contexts(text: str, sentences: Sequence[Sentence], speakers: Sequence[str | None] | None = None,
                     year: int | None = None, rules: Sequence[bool] | None = None) -> list[PledgeContext]:
    """Each sentence's context, in order. `text` is what the sentences index (the simplified view),
    `speakers` the official whose turn each sentence is in (`people.speaker_at`), `rules` the
    rules' decision per sentence if the caller wants it as a feature."""
    walk = _Walk()
    out = []
    listed = listed_lines(text)
    past = title_of_a_past_year(text, year)
    for i, sent in enumerate(sentences):
        body = sent.text[label_len(sent.text):].strip()
        paragraph = text.count("\n", 0, sent.start)
        speaker = speakers[i] if speakers is not None else None
        new_paragraph = paragraph != walk.paragraph
        turn_start = speaker is not None and speaker != walk.speaker
        if turn_start:
            walk.turn_asked = walk.asked_forward
        goes_on = i + 1 < len(sentences) and text.count("\n", sent.end, sentences[i + 1].start) == 0
        in_account = walk.past and (not new_paragraph or bool(_CONTINUES.match(body)))
        verdict = run_in_verdict(body, goes_on) if new_paragraph else None
        titled = new_paragraph and goes_on and _run_in_heading(body)
        run_in = titled or (goes_on and verdict == "retro")
        out.append(PledgeContext(
            under_forward_heading=walk.scope == "forward", under_retro_heading=walk.scope == "retro",
            after_forward_intro=walk.intro, after_account_intro=walk.account,
            in_item=walk.item_paragraph and not new_paragraph,
            paragraph_start=new_paragraph, previous=walk.previous, in_turn=speaker is not None,
            turn_start=turn_start, after_forward_question=speaker is not None and walk.turn_asked,
            year=year, rules=rules[i] if rules is not None else None,
            opens_item=_opens_item(body) or _opens_item(sent.text.strip()),  # (「第一件实事:」 reads as a label)
            listed=any(s <= sent.start and sent.end <= e for s, e in listed), past_title=past,
            run_in_heading=run_in, in_account=in_account, in_titled_item=walk.titled and not new_paragraph))
        if new_paragraph:
            walk.titled = titled
        _advance(walk, body, year, speaker, paragraph, new_paragraph, verdict)
    return out


_RUN_IN_CLAUSE = re.compile(r"[，,；;]")
_CONTINUES = re.compile(rf"(?:{alternation(CONTINUATION_OPENERS)})[，,]")


_UNNUMBERED_TITLE_MAX = 20


def run_in_verdict(body: str, goes_on: bool = False) -> str | None:
    """A work report's numbered paragraph opens with its title in clauses (《（四）…，…。》): "forward" when every
    clause opens with its verb (「完善基本民生制度,持续增进民生福祉。」: the year's plan), "retro" when the last
    states a result after a verb-first one (「重抓生态建设和新型城镇化,人居环境有效改善。」: the year reviewed).
    Unnumbered, a short first sentence of a paragraph that `goes_on` tells a review the same way
    (「兴教育强体育,民生服务提优升级。新建教育设施5处…」); a plan's unnumbered title is left to the sentences."""
    m = _ITEM.match(body)
    numbered = bool(m and m.lastgroup in ("paren", "dun"))
    if not ((numbered or (goes_on and len(body) <= _UNNUMBERED_TITLE_MAX)) and body.endswith("。")
            and len(body) <= 40 and tagger.available()):
        return None
    clauses = [c for c in _RUN_IN_CLAUSE.split(body[m.end() if numbered and m else 0:].rstrip("。")) if c.strip()]
    if len(clauses) < 2:
        return None
    if not numbered:  # a motto, then a subject and its result, no figure (「民生服务提优升级」)
        motto_then_result = not tagger.opens_with_noun(clauses[0]) and tagger.opens_with_noun(clauses[-1])
        return "retro" if motto_then_result and not re.search(r"\d", body) else None
    verb_first = [tagger.opens_with_verb(c, 0, len(c)) for c in clauses]
    if all(verb_first):
        return "forward"
    return "retro" if verb_first[0] and not verb_first[-1] else None


def _advance(walk: _Walk, body: str, year: int | None, speaker: str | None, paragraph: int,
             new_paragraph: bool, verdict: str | None = None) -> None:
    """Move the walk past a sentence; `verdict` is its paragraph title's (`run_in_verdict`), if it opens one."""
    item = bool(_ITEM.match(body) or _LINE_NUMBER.match(body))
    if new_paragraph:
        walk.paragraph, walk.item_paragraph = paragraph, item
    if new_paragraph and verdict is not None:
        walk.scope = verdict  # 「(四)完善基本民生制度,持续增进民生福祉。」 / 「(四)重抓生态建设…,人居环境有效改善。」
    if is_heading(body):
        if _RETRO_HEADING.search(body):
            walk.scope = "retro"
        elif forward_heading(body, year):
            walk.scope = "forward"
        walk.intro = walk.intro and item
        walk.account = walk.account and item
    if _INTRO.search(body):
        walk.intro = forward_cue(body, year) is not None or forward_heading(body, year)
        done = done_in_cue_clause(body, year) or (not walk.intro and "RETRO" in walk.previous)
        walk.account = (not walk.intro or done) and (  # 「…已于8月底全部竣工。具体情况如下：」
            done or reports_the_past(body) or (tagger.available() and tagger.perfective(body)))
    if _QUESTION.search(body) and speaker is None:
        walk.asked_forward = bool(_FORWARD_QUESTION.search(body))
    walk.speaker = speaker
    walk.previous = previous_flags(body, year)
    if is_heading(body) or (new_paragraph and not _CONTINUES.match(body)):
        walk.past = False
    if forward_cue(body, year) is not None:
        walk.past = False
    elif reports_the_past(body) or opens_in_a_past_year(body, year):
        walk.past = True

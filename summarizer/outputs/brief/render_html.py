"""Self-contained HTML briefing: highlighted article texts, fact links, filters, print/phone CSS."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from summarizer.models import ArticleResult
from summarizer.outputs.brief import text as t
from summarizer.outputs.brief import tracking_view as tv
from summarizer.outputs.brief.digest import Said, digest
from summarizer.outputs.brief.model import KIND_LABELS, KINDS, SECTORS, Fact, collect
from summarizer.tracking import Tracking


@dataclass(frozen=True)
class _Occurrence:
    start: int
    end: int
    fact: Fact
    primary: bool


def highlight(text: str, facts: list[Fact]) -> Markup:
    """Escaped `text` with every fact span wrapped in <mark>.

    Overlaps are clipped: the text is cut at every span boundary and each piece is
    emitted exactly once, marked with all the spans covering it (`data-f` lists the
    facts whose primary span covers it, `data-x` those with a merged extra span).
    The piece where a fact's primary span starts carries the anchor `h-<key>`.
    """
    occ = []
    for f in facts:
        for i, (s, e) in enumerate([f.span, *f.extra_spans]):
            s, e = max(0, s), min(len(text), e)
            if s < e:
                occ.append(_Occurrence(s, e, f, i == 0))
    bounds = sorted({0, len(text), *(o.start for o in occ), *(o.end for o in occ)})
    out: list[str] = []
    for lo, hi in itertools.pairwise(bounds):
        piece = str(escape(text[lo:hi]))
        cover = [o for o in occ if o.start <= lo and hi <= o.end]
        if not cover:
            out.append(piece)
            continue
        kinds = sorted({o.fact.kind for o in cover}, key=KINDS.index)
        prim = list(dict.fromkeys(o.fact.key for o in cover if o.primary))
        extra = list(dict.fromkeys(o.fact.key for o in cover if not o.primary))
        starts = [o.fact.key for o in cover if o.primary and o.start == lo]
        anchors = "".join(f'<a class="anchor" id="h-{k}"></a>' for k in starts[1:])
        ident = f' id="h-{starts[0]}"' if starts else ""
        cls = " ".join(f"t-{k}" for k in kinds)
        out.append(
            f'{anchors}<mark{ident} class="hl {cls}" data-f="{" ".join(prim)}" data-x="{" ".join(extra)}">'
            f"{piece}</mark>"
        )
    return Markup("".join(out))


def said_markup(said: Said) -> Markup:
    """The sentence, escaped, with each fact's key words marked (`data-s`: the facts, for the
    filters; no anchors: those are in the article's full text)."""
    text = said.article.result.text
    occ = [(max(s, said.start), min(e, said.end), f) for f in said.facts for s, e in t.marks(f, text)]
    occ = [o for o in occ if o[0] < o[1]]
    bounds = sorted({said.start, said.end, *(o[0] for o in occ), *(o[1] for o in occ)})
    out: list[str] = []
    for lo, hi in itertools.pairwise(bounds):
        piece = str(escape(text[lo:hi]))
        cover = [f for s, e, f in occ if s <= lo and hi <= e]
        if cover:
            kinds = " ".join(f"t-{k}" for k in sorted({f.kind for f in cover}, key=KINDS.index))
            keys = " ".join(dict.fromkeys(f.key for f in cover))
            piece = f'<mark class="hl {kinds}" data-s="{keys}">{piece}</mark>'
        out.append(piece)
    return Markup("".join(out))


_env = Environment(
    loader=PackageLoader("summarizer.outputs", "templates"),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)


def build_html(results: list[ArticleResult], tracking: Tracking | None = None) -> str:
    b = collect(results)
    texts = {a.index: highlight(a.result.text, [f for f in b.facts if f.article is a]) for a in b.articles}
    used = {f.sector for f in b.facts}
    return _env.get_template("brief.html.j2").render(
        b=b,
        d=digest(b, tracking),
        said_markup=said_markup,
        t=t,
        texts=texts,
        kinds=[(k, KIND_LABELS[k]) for k in KINDS],
        sectors=[s for s in SECTORS if s in used],
        tracking=tracking,
        tv=tv,
        article_texts={r.source.file: r.text for r in results},
    )

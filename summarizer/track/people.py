"""The person index: one entry per name + organisation (without its place) + place."""

from __future__ import annotations

from summarizer.models import ArticleResult
from summarizer.text.hanzi import simplified_view
from summarizer.track.claims import article_date, iso
from summarizer.track.places import organization_without_place, places_in
from summarizer.tracking import Mention, Person

_ALIASES = (("人力资源和社会保障部", "人社部"), ("人力资源社会保障部", "人社部"), ("住房和城乡建设部", "住建部"))
_Key = tuple[str, str | None, str | None]


def _org_key(org: str | None) -> str | None:
    """市人社局 and 人社局, 香港房屋局 and 房屋局: the body, folded to simplified characters."""
    if not org:
        return None
    body = organization_without_place(simplified_view(org)) or ""
    for long, short in _ALIASES:
        body = body.replace(long, short)
    return body.removeprefix("市").removeprefix("区").removeprefix("县").removeprefix("省") or None


def person_index(results: list[ArticleResult], places: dict[str, str | None]) -> list[Person]:
    """`places`: each article's place (by file). An official's place is the one named in their
    organisation, else their article's. Same name, body and place: one person; otherwise two."""
    people: dict[_Key, Person] = {}
    for r in results:
        date = r.source.date or iso(article_date(r))
        for o in r.officials:
            if o.status not in ("verified", "normalized"):
                continue
            named = places_in(simplified_view(o.organization or o.title or ""))
            place = named[0] if named else places.get(r.source.file)
            name = simplified_view(o.name)
            key = (name, _org_key(o.organization), place)
            p = people.setdefault(key, Person(name=o.name, organization=o.organization, place=place,
                                              titles=[], files=[], first_date=date, last_date=date,
                                              mentions=[]))
            if o.title and o.title not in p.titles:
                p.titles.append(o.title)
            if r.source.file not in p.files:
                p.files.append(r.source.file)
            p.mentions.append(Mention(file=r.source.file, date=date, title=r.source.title,
                                      span=o.span, quote=o.quote))
            dates = [d for d in (p.first_date, p.last_date, date) if d]
            p.first_date, p.last_date = (min(dates), max(dates)) if dates else (None, None)
    return sorted(people.values(), key=lambda p: (p.place or "", p.name))

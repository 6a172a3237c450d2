"""Ingest: find input files, decode them, drop non-article noise, read title/date/publisher."""

from __future__ import annotations

import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from charset_normalizer import from_bytes

from summarizer.config import DEFAULT_MAX_BYTES
from summarizer.errors import InputError
from summarizer.models import Dropped, Source

# What a directory is read for (any case). A file named on the command line is read whatever
# its name; in a directory, other files (a Markdown list of links, a README, images, data) are
# skipped and listed on stderr, and hidden ones (a name starting with ".") are ignored.
ARTICLE_SUFFIXES = (".txt", ".html", ".htm")

# Lines that start the site footer: everything from here to the end is not the article.
_FOOTER = re.compile(
    r"^\s*[【\[]?\s*(免责声明|版权声明|版权所有|相关新闻|相关阅读|热门标签|服务邮箱|举报|責任編輯|版權聲明|免責聲明|相關新聞)"
)
# Navigation lines at the top of scraped pages.
_NAV = re.compile(
    r"^\s*(logo|当前位置[:：]?|首页\s*>.*|首頁\s*>.*|.{0,12}(网|網)_.{0,12}客户端|地方联播.{0,8}|分享到.*|打印|字号.*)\s*$",
    re.IGNORECASE,
)
_DATE = re.compile(
    r"(?P<y>20\d{2}|19\d{2})[-/.年](?P<m>\d{1,2})[-/.月](?P<d>\d{1,2})日?"
    r"|(?P<d2>\d{2})\.(?P<m2>\d{2})\.(?P<y2>20\d{2})"
)
_PUBLISHER = re.compile(r"(?:来源|來源)\s*[:：]\s*([^\s|，,。“”]{2,20})")
_COPYRIGHT = re.compile(r"(?:版权所有|版權所有)\s*([^\s|，,。“”]{2,20})")


@dataclass
class Article:
    path: str
    text: str
    source: Source
    dropped: list[Dropped] = field(default_factory=list)

    @property
    def stem(self) -> str:
        return Path(self.path).stem if self.path != "-" else "stdin"

    @property
    def year(self) -> int | None:
        return int(self.source.date[:4]) if self.source.date else None


@dataclass
class Selection:
    """What the command line names: the article files (in order), the inputs that cannot be
    read (path, problem) and the files of directories that are no articles (skipped)."""

    files: list[str] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)
    skipped: dict[str, list[str]] = field(default_factory=dict)  # directory -> its skipped files


def discover(inputs: list[str]) -> Selection:
    """Expand the inputs into article files: "-" is stdin, a file is read whatever its name, a
    directory is searched recursively (sorted) for ARTICLE_SUFFIXES files; its other files are
    `skipped`, its hidden files and directories ignored."""
    found = Selection()
    for raw in inputs:
        if raw == "-":
            found.files.append("-")
            continue
        path = Path(raw)
        if path.is_dir():
            articles: list[str] = []
            others: list[str] = []
            for p in sorted(path.rglob("*")):
                if not p.is_file() or any(part.startswith(".") for part in p.relative_to(path).parts):
                    continue
                (articles if p.suffix.lower() in ARTICLE_SUFFIXES else others).append(str(p))
            if others:
                found.skipped[raw] = others
            if not articles:
                found.problems.append((raw, f"directory holds no article files ({' '.join(ARTICLE_SUFFIXES)})"))
            found.files.extend(articles)
        elif path.is_file():
            found.files.append(str(path))
        else:
            found.problems.append((raw, "no such file or directory"))
    return found


# Byte-order marks name their encoding (UTF-32 before UTF-16: its LE mark starts the same).
_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe\x00\x00", "utf-32-le"),
         (b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
# Legacy Chinese encodings are tried first: on short texts an unrestricted guess often picks
# a Korean or Japanese code page for GBK bytes (measured: 6 characters of GBK came out as cp949).
_CHINESE_ENCODINGS = ["gb18030", "big5", "big5hkscs"]


def decode(data: bytes, name: str) -> str:
    if not data:
        raise InputError(f"{name}: file is empty (0 bytes)")
    bom = next(((mark, codec) for mark, codec in _BOMS if data.startswith(mark)), None)
    if bom is not None:
        try:
            text = data[len(bom[0]):].decode(bom[1])
        except UnicodeDecodeError:
            raise InputError(f"{name}: undecodable bytes: not valid {bom[1]} although it starts "
                             "with that byte-order mark") from None
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            if b"\x00" in data[:4096]:
                raise InputError(f"{name}: binary file, not text") from None
            best = from_bytes(data, cp_isolation=_CHINESE_ENCODINGS).best() or from_bytes(data).best()
            if best is None:
                raise InputError(f"{name}: undecodable bytes: not UTF-8, GBK/GB18030 or Big5 "
                                 "text") from None
            text = str(best)
    if "\x00" in text:
        raise InputError(f"{name}: binary file, not text")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(f"{name}: file has only whitespace")
    sample = text[:20000]
    bad = sum(1 for ch in sample if ch == "\ufffd" or (
        unicodedata.category(ch) in ("Cc", "Co", "Cs", "Cn") and ch not in "\n\t"))
    if bad > 0.01 * len(sample):
        raise InputError(f"{name}: binary or undecodable content")
    return text


def read_input(path: str, max_bytes: int = DEFAULT_MAX_BYTES,
               data: bytes | None = None) -> tuple[str, str | None]:
    """The input's plain text, and the title its HTML metadata gives (None for text); `data`:
    the file's bytes, read already (on another machine: `summarizer.pipeline.cluster`)."""
    return as_text(decode(read_bytes(path, max_bytes) if data is None else data, path), path)


def read_bytes(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The input's bytes (stdin for "-"), within the size limit."""
    if path == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
    else:
        p = Path(path)
        try:
            size = p.stat().st_size
        except OSError as exc:
            raise InputError(f"{path}: cannot read ({exc.strerror})") from None
        if size > max_bytes:
            raise InputError(f"{path}: {size} bytes is over the size limit of {max_bytes} "
                             "(raise it with --max-bytes)")
        try:
            data = p.read_bytes()
        except OSError as exc:
            raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    if len(data) > max_bytes:
        raise InputError(f"{path}: over the size limit of {max_bytes} bytes")
    return data


def as_text(raw: str, path: str) -> tuple[str, str | None]:
    """Decoded input as plain text, and its metadata title: HTML (by its suffix or its first tag)
    goes through trafilatura; plain text has no metadata."""
    if Path(path).suffix.lower() in (".html", ".htm") or raw.lstrip()[:15].lower().startswith(
        ("<!doctype html", "<html")
    ):
        return html_to_text(raw, path)
    return raw, None


def html_to_text(markup: str, name: str) -> tuple[str, str | None]:
    """The page's main text (trafilatura), and its title from the metadata (og:title, <title>,
    …) without the site's name."""
    import trafilatura

    text = trafilatura.extract(markup, include_comments=False, include_tables=True,
                               favor_recall=True)
    if not text or not text.strip():
        raise InputError(f"{name}: no article text found in the HTML")
    meta = trafilatura.extract_metadata(markup)
    return str(text), page_title(meta.title if meta else None)


# "标题_栏目_新华网", "标题 - 中国政府网", "标题 | 重庆日报": the site's part follows the headline.
_TITLE_PARTS = re.compile(r"\s*(?:[_|｜]|\s[-–—]\s)\s*")


def page_title(title: str | None) -> str | None:
    """A page title without the site's name after it; None when nothing is left."""
    if not title:
        return None
    title = " ".join(title.split())
    first = _TITLE_PARTS.split(title, maxsplit=1)[0].strip()
    return (first if len(first) >= 4 else title) or None


def _lines(text: str) -> list[tuple[int, int]]:
    """[start, end) of each line, newline excluded."""
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


# Mirror sites annotate characters with their reading: 局长(cháng), 预(yù)计, 四万(wàn)六千. A
# bracket after a Han character holding a syllable with a tone mark is no part of the text.
_PINYIN = re.compile(r"(?<=[\u4e00-\u9fff])[(（] ?[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]* ?[)）]")


def _without_pinyin(raw: str, start: int, end: int, dropped: list[Dropped]) -> str:
    """raw[start:end] without reading annotations, each recorded in `dropped`."""
    line, kept, at = raw[start:end], [], 0
    for m in _PINYIN.finditer(line):
        kept.append(line[at:m.start()])
        dropped.append(Dropped(start=start + m.start(), end=start + m.end(), reason="reading annotation",
                               excerpt=m.group()))
        at = m.end()
    return "".join(kept) + line[at:]


def clean(raw: str) -> tuple[str, list[Dropped]]:
    """Drop navigation, footer boilerplate, appended teasers and duplicated paragraphs."""
    lines = _lines(raw)
    drop: dict[int, str] = {}
    content = [i for i, (s, e) in enumerate(lines) if raw[s:e].strip()]
    for i in content[:8]:
        s, e = lines[i]
        if _NAV.match(raw[s:e]):
            drop[i] = "site navigation"
    half = len(raw) // 2
    for i in content:
        s, e = lines[i]
        if s > half and _FOOTER.match(raw[s:e]):
            for j in range(i, len(lines)):
                drop.setdefault(j, "site footer and appended content after it")
            break
    seen: set[str] = set()
    kept = [i for i in content if i not in drop]
    for k, i in enumerate(kept):
        line = raw[lines[i][0]:lines[i][1]].strip()
        nxt = raw[lines[kept[k + 1]][0]:lines[kept[k + 1]][1]].strip() if k + 1 < len(kept) else ""
        if len(line) >= 20 and (line in seen or (nxt.startswith(line) and len(nxt) > len(line))):
            drop[i] = "repeated paragraph"
        seen.add(line)
    parts: list[str] = []
    dropped: list[Dropped] = []
    for i, (s, e) in enumerate(lines):
        if i in drop:
            if raw[s:e].strip():
                if dropped and dropped[-1].reason == drop[i] and dropped[-1].end >= s - 1:
                    prev = dropped[-1]
                    dropped[-1] = Dropped(start=prev.start, end=e, reason=prev.reason,
                                          excerpt=raw[prev.start:e][:80])
                else:
                    dropped.append(Dropped(start=s, end=e, reason=drop[i], excerpt=raw[s:e][:80]))
            continue
        parts.append(_without_pinyin(raw, s, e, dropped))
    text = "\n".join(parts).strip("\n")
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text + "\n", dropped


# Lines that are no headline: a source or time line, a byline (本报记者 X, 文/X, □ X Y).
_NOT_HEADLINE = re.compile(
    r"(?:来源|來源|时间|時間|发布|發布|作者|编辑|編輯|人气|浏览次数|字号)\s*[:：]"
    r"|^(?:本报|新华社|本台)?(?:记者|記者|通讯员|通訊員|责任编辑|責任編輯)|^[文图圖]\s*[/／|｜]|^[□■●◆]"
)
_CJK = re.compile(r"[\u4e00-\u9fff]")
# Punctuation that ends or continues a sentence: a line ending with one (or holding a 。) is
# running text, not a headline. Headlines may end with ！ or ？ (「…来听听他们的看法!」).
_RUNNING = ("。", "，", ",", "；", ";", "：", ":", "、", "…")


def headline(line: str) -> str | None:
    """`line` (an article's first line) as its title, if it looks like a headline: 6 to 60
    characters, no sentence-final punctuation, not a date, source or byline. A Markdown heading
    marker (# …) is not part of it."""
    line = line.strip().lstrip("#").strip().strip("*").strip()
    if not 6 <= len(line) <= 60 or "。" in line or line.endswith(_RUNNING):
        return None
    if _NOT_HEADLINE.search(line):
        return None
    if _DATE.search(line) and len(_CJK.findall(_DATE.sub("", line))) < 6:
        return None  # a date line (2020年12月6日 星期日), not a headline that names a date
    return line


def describe(raw: str, text: str, path: str, meta_title: str | None = None) -> Source:
    """Title, date and publisher. The title is the first line when it looks like a headline,
    else the page's metadata title (HTML), else None."""
    first = next((line for line in text.split("\n") if line.strip()), "")
    title = headline(first) or meta_title
    date = None
    m = next((m for m in _DATE.finditer(raw[:600]) if "摄" not in raw[max(0, m.start() - 3):m.start()]), None)
    if m:
        y, mo, d = (m["y"], m["m"], m["d"]) if m["y"] else (m["y2"], m["m2"], m["d2"])
        if 1 <= int(mo) <= 12 and 1 <= int(d) <= 31:
            date = f"{int(y):04d}-{int(mo):02d}-{int(d):02d}"
    pub = _PUBLISHER.search(text) or _COPYRIGHT.search(raw)
    return Source(file=Path(path).name if path != "-" else "-", title=title, date=date,
                  publisher=pub.group(1) if pub else None)


def load_article(path: str, max_bytes: int = DEFAULT_MAX_BYTES, data: bytes | None = None) -> Article:
    return parse_article(*read_input(path, max_bytes, data), path=path)


def parse_article(raw: str, meta_title: str | None = None, *, path: str) -> Article:
    """The article in plain input text (`path` names it: "-" for text that had no file);
    `meta_title` is the title the input's metadata gives, if any."""
    text, dropped = clean(raw)
    if not text.strip():
        raise InputError(f"{path}: nothing left after removing site boilerplate")
    return Article(path=path, text=text, source=describe(raw, text, path, meta_title), dropped=dropped)

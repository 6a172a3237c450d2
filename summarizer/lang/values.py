"""Deterministic normalizer for numbers, values and periods in Chinese government news.

Stdlib only, no LLM; simplified and traditional input give the same numbers.  Matching runs
on ``fold(text)``, a one-to-one character folding (full-width -> ASCII, traditional ->
simplified for number/unit/period words), so every result's ``[start, end)`` offsets index
the *original* string and ``text[start:end] == surface`` always holds.

Values (``find_values``): an Arabic number (full-width digits, ``1,234``/``1，234``, Hong
Kong's ``308 000``, decimals), a Chinese numeral (二百十四 = 214) or a multiplier alone after a
qualifier (逾千张, 超千万: one of it), then an optional multiplier (百/千/万/亿 and combinations
such as 百万, 万亿), ``余``/``多``, a unit (人, 人次, 元, 户, %, 个百分点 ...) and qualifier
words before or after.  ``number`` has the multiplier applied (54.9万人 -> 549000, unit
"人"); ratios such as ``1:0.82`` give second / first; in a range (30-40人, 3至5万元) the first
number borrows the unit and multiplier of the second (and 约/左右 is said of both ends); joined by
及/和/与 (逾800万及600万人次) the unit only; a count unit after the thing counted is the value's
(8500就诊人次).  A number written in two parts is one
value (49萬4,385人 -> 494385, 9萬8千多人 -> 98000, 1亿2000万元); 1年半 is 1.5 年.  Not values:
calendar years, dates, clock times (15:15:01), months, time references (5年前, 十年来), document numbers
(〔2021〕9号), session ordinals (五届九次全会), levels (2至8级), ordinals (第3), list markers
and footnotes (``1、``, ``(2)``, ``[1]``), numbers glued to Latin letters or ``+ # @ /``,
addresses (URLs, Markdown link targets, percent-encoding, e-mail, file names, phone numbers),
identifiers (电话12345, 附件2, 如图3, 110报警, 104国道, 新台17线, 30强), page counters (浏览次数:1234), anything
inside a short quoted name or a 《》 title (“416”, “1+9+N”, “8个扩大”) and any span reported
by ``find_periods`` (十四五, 2023年, 1-10月, 5年过渡期 ...).  A Chinese numeral is a value with
a 万/亿 multiplier (近三万) or a unit; below ten only with a measure word that is no time unit,
and never 一 (the indefinite article: 一批) or 二 (ordinal before a measure word: 二次会议).
Whether a value is a *metric* (四个方面, 5岁以下儿童, “十件实事”) is decided with its sentence
and article in ``summarizer.lang.nonmetrics``.

Qualifier labels (``Value.qualifier``; the word after the number wins over the one before):
    more_than  超, 超过, 超出, 逾, 多于, 高于, 大于, 突破; 余/多 after the number
    at_least   不低于, 不少于, 至少, 最少; 以上
    at_most    不超过, 不高于, 不多于, 不大于, 至多, 最多; 以下, 以内
    less_than  不足, 不到, 低于, 少于
    about      约, 大约, 大概; 左右
    nearly     近, 将近, 接近
    reached    达, 达到, 高达, 多达, 长达

Periods (``find_periods``): range_in_year (1-10月, 上半年, 前三个月), as_of
(截至10月底, 截至目前), quarter (一季度, 前三季度), year (2023年, 2023年度, 二〇二五年,
2021-2025年; fiscal years 2016/17年度, 2022至23年度, 二〇二五/二六至二〇二七/二八年度; years of
the Republic of China 民国113年, 一一五年), relative_year (今年, 去年, 明年, 上年), deadline
(到2027年, 年底前, 12月底前), plan (十四五 -> 2021-2025), years_span (今后五年, 近3年,
5年过渡期), season (今秋, 2019年秋季, 去年冬季: a year or 今/去/明 is required, so 春节 is
none; winter runs into the next year), date (6月5日, in the article year; not a dateline's 北京4月20日电),
from (自2019年10月1日起, 从明年起: no end) and a month alone (8月，…; 鄭州市8月提取…: relative_year
with that month; 7月末: as_of).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal
from itertools import pairwise

__all__ = ["QUALIFIERS", "Period", "Value", "find_periods", "find_values", "fold", "parse_value"]

QUALIFIERS = ("more_than", "at_least", "at_most", "less_than", "about", "nearly", "reached")


@dataclass(frozen=True)
class Value:
    """One value mention; ``surface`` includes qualifier words and the unit."""

    start: int
    end: int
    surface: str
    number: Decimal  # multiplier applied: 54.9万人 -> 549000; 97.2% -> 97.2
    unit: str  # simplified, multiplier removed ("人次" for 万人次); "%", "个百分点", "ratio" or ""
    kind: str  # "count" | "percent" | "percentage_point" | "ratio" | "rate"
    qualifier: str | None  # one of QUALIFIERS
    numeral_text: str  # the number as written, through its multiplier: "54.9万"


@dataclass(frozen=True)
class Period:
    """One time expression.

    year/range_in_year/as_of/quarter/relative_year set ``year_from == year_to`` (a year range
    such as 2021-2025年 sets both ends); deadline sets only ``year_to``/``month_to``; plan and
    years_span give the years covered.  ``relative`` is True while the year still depends on
    the article date (今年, 1-10月 or 年底前 without a year, 今后五年) and no ``article_year``
    was given.  years_span resolves 今后/未来 N年 to [Y, Y+N-1] and 近/过去 N年 to [Y-N+1, Y];
    N年过渡期 has no anchor and keeps its years None.
    """

    start: int
    end: int
    surface: str
    kind: str
    year_from: int | None
    year_to: int | None
    month_from: int | None
    month_to: int | None
    relative: bool


# ---------------------------------------------------------------------------- folding


def _words(s: str) -> list[str]:
    return s.split()


_TRAD_PAIRS = _words(
    "萬万 億亿 個个 點点 為为 餘余 約约 過过 兩两 於于 與与 達达 項项 場场 條条 張张 戶户 輛辆 噸吨"
    " 畝亩 歲岁 時时 鐘钟 間间 數数 筆笔 臺台 門门 隻只 處处 塊块 節节 輪轮 類类 級级 區区 縣县"
    " 鄉乡 鎮镇 學学 園园 醫医 療疗 業业 幾几 僅仅 將将 後后 週周 屆届 層层 樓楼 對对 雙双 頭头"
    " 種种 頃顷 來来 內内 實实 計计 劃划 規规 總总 額额 資资 單单 價价 發发 長长 減减 較较 齡龄"
    " 輕轻 紀纪 華华 說说 證证 聲声 闡阐 註注 簡简 聰聪 開开 嚴严 鮮鲜 預预 違违 傳传 轉转 臨临"
    " 親亲 貼贴 趕赶 車车 標标 準准 國国 線线 強强 當当 組组"
)
_FOLD: dict[int, str] = {c: chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}  # full-width ASCII
_FOLD.update({ord(a): b for a, b in zip("\u3000‘’“”∶﹕—–‐‑‒−―〜﹪", " ''\"\"::-------~%", strict=True)})
_FOLD.update({ord(pair[0]): pair[1] for pair in _TRAD_PAIRS})
_FOLD[ord("○")] = "〇"  # a white circle written for zero: 二○二四年


def fold(text: str) -> str:
    """Fold characters one-to-one (the result has the same length, so offsets stay valid)."""
    return text.translate(_FOLD)


# ---------------------------------------------------------------------------- numerals

_CN_DIGIT = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
_CN_SMALL = {"十": 10, "百": 100, "千": 1000}
_MULT = {"百": 100, "千": 1000, "万": 10**4, "亿": 10**8}
_CN_TENS = {"廿": 20, "卅": 30}  # 廿四億元 (Taiwan): twenty-four


def _cn_number(s: str) -> Decimal | None:
    """Value of a Chinese numeral as a quantity: 三百零五, 廿四, 三点五 (a decimal), and the digit-by-digit
    writing of Taiwanese budget figures, three digits or more (八七八 = 878, 零点六三 = 0.63; two digits
    side by side are an estimate: 三四个)."""
    whole, _, frac = s.partition("点")
    if frac and not all(c in _CN_DIGIT for c in frac):
        return None
    if len(whole) >= 3 and all(c in _CN_DIGIT for c in whole):
        n = _cn_int(whole, seq=True)
    else:
        n = 0 if whole == "零" and frac else _cn_int(whole)
    if n is None:
        return None
    return Decimal(f"{n}.{''.join(str(_CN_DIGIT[c]) for c in frac)}") if frac else Decimal(n)


def cn_int(s: str) -> int | None:
    """Value of a Chinese numeral below 10**4 (十二, 三百零五), None if it is none."""
    return _cn_int(s)


def _cn_int(s: str, seq: bool = False) -> int | None:
    """Value of a Chinese numeral below 10**4 (十二, 三百零五); ``seq`` allows 二〇二五."""
    if len(s) > 1 and all(c in _CN_DIGIT for c in s):
        return int("".join(str(_CN_DIGIT[c]) for c in s)) if seq else None
    total, pending, last_unit = 0, None, 10**4
    for c in s:
        if c in _CN_TENS:  # 廿四 = 24, 卅 = 30: only at the start
            if total or pending is not None or last_unit != 10**4:
                return None
            total, last_unit = _CN_TENS[c], 10
        elif c in _CN_DIGIT:
            if pending not in (None, 0):
                return None
            pending = _CN_DIGIT[c]
        elif c in _CN_SMALL:
            unit = _CN_SMALL[c]
            if unit >= last_unit or pending == 0:
                return None
            if pending is None:
                if c != "十" or (total and last_unit != 100):  # 十二, 二百十四 (= 二百一十四)
                    return None
                pending = 1
            total, pending, last_unit = total + pending * unit, None, unit
        else:
            return None
    return total + (pending or 0) if s else None


def _factor(mult: str) -> int:
    factor = 1
    for c in mult:
        factor *= _MULT[c]
    return factor


def _clean(d: Decimal) -> Decimal:
    """Canonical form without exponent noise: 549000.0 -> 549000, 97.20 -> 97.2."""
    d = d.normalize()
    if d.as_tuple().exponent > 0 and d.adjusted() < 28:  # type: ignore[operator]
        d = d.quantize(Decimal(1))
    return d


# ---------------------------------------------------------------------------- periods

_CN_NUM_CHARS = "〇零一二两三四五六七八九十"
# A year of the Republic of China (Taiwan; year + 1911): after 民国 any (民国99年), alone 100-119
# (113年) or 一〇〇-一二九 (一一五年), unless a quantity or founding word makes it a duration
# (已有113年历史, 近110年来, 建校110年).
_ROC = (
    r"(?:民国(?P<rocm>[0-9]{1,3}|[〇零一二三四五六七八九十]{1,4})"
    r"|(?<![0-9.有达近约逾超满第校党立埠百])(?P<roc>1[01][0-9])"
    r"|(?<![〇零一二三四五六七八九十有达近约逾超满第校党立埠])(?P<roccn>一[〇零一二][〇零一二三四五六七八九]))"
    r"年(?!的?历史|之久|以来|来|前|后|间)"
)
_YP = (  # a year prefix: 2023年, 二〇二五年, 一一五年, 今年, 今(115)年...  (groups y, ycn, roc*, yb, rel)
    rf"(?:(?<![0-9.])(?P<y>(?:19|20)[0-9]{{2}})[ \u00a0]?年|{_ROC}"  # 2023 年 (Hong Kong's spacing)
    r"|[今去明][(（](?P<yb>(?:19|20)[0-9]{2}|1[01][0-9])[)）]年"  # Taiwan's 今(115)年, 去(2025)年
    r"|(?<![〇零一二三四五六七八九十])(?P<ycn>(?:一九|二[〇零])[〇零一二三四五六七八九]{2})年"
    r"|(?P<rel>今个财政年|今个年|下个财政年|下个年|今年|去年|(?<![表说证声阐查透注申简聪文光鲜英开精高严])明年|(?<!以)上年|(?<![基资日成])本年"
    r"|(?<![未以近从原后将本])来年|新的一年|(?<![今以最此然其之随往落])后年|(?<![之以提目年当])前年"
    r"|(?<![0-9〇零一二两三四五六七八九十几多个数近当])年内)"
    r"(?![轻龄纪鉴华]))度?"
)
_MONTH = (
    r"(?:(?<![0-9.])(?:1[0-2]|0?[1-9])(?![0-9])"
    r"|(?<![〇零一二三四五六七八九十])(?:十[一二]?|[一二三四五六七八九])(?![〇零一二三四五六七八九十]))"
)
_DAY = r"(?:[0-9]{1,2}[日号])"
_REL_OFFSET = {"今个年": 0, "今个财政年": 0, "下个年": 1, "下个财政年": 1,  # Hong Kong's 今個年度, 下個財政年度
               "今年": 0, "本年": 0, "年内": 0, "去年": -1, "上年": -1, "明年": 1, "来年": 1, "新的一年": 0,
               "后年": 2, "前年": -2}
_END_MONTH = {"底": 12, "末": 12, "初": 1}

_Fields = tuple[str, int | None, int | None, int | None, int | None, bool]
_Builder = Callable[["re.Match[str]", int | None], _Fields | None]
_InYear = Callable[["re.Match[str]", int | None], _Fields]


_YEAR_GROUPS = ("y", "ycn", "rocm", "roc", "roccn", "yb", "rel")


def _has_year(m: re.Match[str]) -> bool:
    g = m.groupdict()
    return any(g.get(k) for k in _YEAR_GROUPS)


def _year(m: re.Match[str], ay: int | None) -> tuple[int | None, bool]:
    """(year, relative) from the year prefix, the article year or nothing."""
    g = m.groupdict()
    if g.get("y"):
        return int(g["y"]), False
    if g.get("yb"):  # 今(2026)年, 今(115)年: the year in brackets, ROC when three digits
        return int(g["yb"]) + (1911 if len(g["yb"]) == 3 else 0), False
    if g.get("ycn"):
        return _cn_int(g["ycn"], seq=True), False
    roc = g.get("rocm") or g.get("roc") or g.get("roccn")
    if roc:
        n = int(roc) if roc.isdigit() else _cn_int(roc, seq=True) or _cn_int(roc)
        return (None if n is None else n + 1911), False
    offset = _REL_OFFSET[g["rel"]] if g.get("rel") else 0
    return (None, True) if ay is None else (ay + offset, False)


def _month(s: str | None) -> int | None:
    if not s:
        return None
    v = int(s) if s.isdigit() else _cn_int(s)
    return v if v is not None and 1 <= v <= 12 else None


def _small_int(s: str) -> int | None:
    v = int(s) if s.isdigit() else _cn_int(s)
    return v if v else None


def _in_year(kind: str, mf: int | None, mt: int | None) -> _InYear:
    def build(m: re.Match[str], ay: int | None) -> _Fields:
        y, rel = _year(m, ay)
        return kind, y, y, mf, mt, rel

    return build


def _b_range(m: re.Match[str], ay: int | None) -> _Fields | None:
    a, b = _month(m["m1"]), _month(m["m2"])
    if a is None or b is None or a >= b:
        return None
    return _in_year("range_in_year", a, b)(m, ay)


def _b_first(m: re.Match[str], ay: int | None) -> _Fields | None:
    n = _month(m["n"])
    return None if n is None else _in_year("range_in_year", 1, n)(m, ay)


def _b_quarter(m: re.Match[str], ay: int | None) -> _Fields:
    q = int(m["q"]) if m["q"].isdigit() else "一二三四".index(m["q"]) + 1
    return _in_year("quarter", 1 if m["pre"] else 3 * q - 2, 3 * q)(m, ay)


def _b_first_quarters(m: re.Match[str], ay: int | None) -> _Fields:
    q = 1 if not m["q"] else int(m["q"]) if m["q"].isdigit() else _small_int(m["q"]) or 1
    return _in_year("quarter" if q == 1 else "range_in_year", 1, 3 * q)(m, ay)


def _b_as_of(m: re.Match[str], ay: int | None) -> _Fields | None:
    if m["now"]:
        return "as_of", ay, ay, None, None, ay is None
    mo = _month(m["m"]) or (12 if m["yend"] else None)
    if mo is None and not _has_year(m):
        return None
    return _in_year("as_of", None, mo)(m, ay)


def _b_deadline(m: re.Match[str], ay: int | None) -> _Fields | None:
    mo = _month(m["m"])
    if not (_has_year(m) or mo is not None or (m["yend"] or "").startswith("年")):
        return None
    y, rel = _year(m, ay)
    return "deadline", None, y, None, mo or (12 if m["yend"] else None), rel


def _b_year(m: re.Match[str], ay: int | None) -> _Fields:
    mo = _month(m["m"]) or (_END_MONTH[m["yend"]] if m["yend"] else None)
    return _in_year("relative_year" if m["rel"] else "year", mo, mo)(m, ay)


def _b_whole_year(m: re.Match[str], ay: int | None) -> _Fields:
    return _in_year("year" if _has_year(m) and not m.groupdict().get("rel") else "relative_year", None, None)(m, ay)


def _b_year_range(m: re.Match[str], ay: int | None) -> _Fields | None:
    a, b = int(m["y1"]), int(m["y2"])
    return ("year", a, b, None, None, False) if a <= b else None


def _fy(s: str) -> int | None:
    return int(s) if s.isdigit() else _cn_int(s, seq=True)


def _b_fiscal(m: re.Match[str], ay: int | None) -> _Fields | None:
    """2016/17年度, 2022至23年度, 二〇二五/二六至二〇二七/二八年度: a fiscal year (or a run of them)
    named by the two calendar years it spans; the second is written with its last two digits."""
    pairs = [(m["f1"], m["f2"] or m["f2b"])] + ([(m["t1"], m["t2"])] if m["t1"] else [])
    years = [_fy(first) for first, _ in pairs]
    for y, (_, tail) in zip(years, pairs, strict=True):
        if y is None or _fy(tail) not in ((y + 1) % 100, y + 1):
            return None
    first, last = years[0], years[-1]
    assert first is not None and last is not None
    return ("year", first, last + 1, None, None, False) if first <= last else None


def _b_fiscal_short(m: re.Match[str], ay: int | None) -> _Fields | None:
    """○五至○六年度, 05/06年度: a fiscal year of the 2000s with both years in two digits."""
    a, b = _fy(m["a"]), _fy(m["b"])
    return ("year", 2000 + a, 2000 + b, None, None, False) if a is not None and b == a + 1 else None


def _b_plan(m: re.Match[str], ay: int | None) -> _Fields:
    first = 2006 + 5 * "一二三四五六".index(m["p"])  # 十一五 = 2006-2010
    n = _small_int(m["n"]) if m["n"] else None  # 十一五前三年 = 2006-2008
    return "plan", first, first + (n - 1 if n and n < 5 else 4), None, None, False


def _b_span(m: re.Match[str], ay: int | None) -> _Fields | None:
    n = _small_int(m["n"])
    if n is None:
        return None
    if ay is None:
        return "years_span", None, None, None, None, True
    half = int(bool(m.groupdict().get("half")))  # 未来一年半: into the year after
    first = ay if m["dir"] in ("今后", "未来", "接下来") else ay - n + 1 - half
    return "years_span", first, first + n - 1 + half, None, None, False


def _b_span_ahead(m: re.Match[str], ay: int | None) -> _Fields | None:
    """三年内: the years from the article's on."""
    n = _small_int(m["n"])
    if n is None:
        return None
    if ay is None:
        return "years_span", None, None, None, None, True
    return "years_span", ay, ay + n - 1, None, None, False


def _b_school_year(m: re.Match[str], ay: int | None) -> _Fields:
    """2024学年, 本学年; 2021学年前: a deadline."""
    if m.groupdict().get("before"):
        y, rel = _year(m, ay)
        return "deadline", None, y, None, None, rel
    return _in_year("year" if _has_year(m) and not m.groupdict().get("rel") else "relative_year", None, None)(m, ay)


def _b_transition(m: re.Match[str], ay: int | None) -> _Fields | None:
    return None if _small_int(m["n"]) is None else ("years_span", None, None, None, None, False)


_SEASON_MONTHS = {"春": (3, 5), "夏": (6, 8), "秋": (9, 11), "冬": (12, 2)}
_SEASON_PREFIX = {"今": 0, "去": -1, "明": 1}


def _b_season(m: re.Match[str], ay: int | None) -> _Fields:
    pre = m.groupdict().get("pre")
    if pre:
        y, rel = (None, True) if ay is None else (ay + _SEASON_PREFIX[pre], False)
    else:
        y, rel = _year(m, ay)
    mf, mt = _SEASON_MONTHS[m["s"]]
    return "season", y, y + 1 if y is not None and mt < mf else y, mf, mt, rel


def _b_now(m: re.Match[str], ay: int | None) -> _Fields:
    """目前: as of the article's date."""
    return "as_of", ay, ay, None, None, ay is None


def _b_date(m: re.Match[str], ay: int | None) -> _Fields | None:
    mo = _month(m["m"])
    if mo is None or not 1 <= int(m["d"]) <= 31:
        return None
    return "date", ay, ay, mo, mo, ay is None


def _b_from(m: re.Match[str], ay: int | None) -> _Fields | None:
    """自2019年10月1日起, 从明年起: from then on (no end)."""
    mo = _month(m["m"])
    if mo is None and not _has_year(m):
        return None
    y, rel = _year(m, ay)
    return "from", y, None, mo, None, rel


def _b_since(m: re.Match[str], ay: int | None) -> _Fields | None:
    """自2019年以来, 自111年11月至今: from then on; 今年以来 stays in this year."""
    if m["rel"] in ("今年", "本年") and not m["m"]:
        return _in_year("relative_year", None, None)(m, ay)
    return _b_from(m, ay)


# The Party's national congresses by the year they met: 「党的十八大以来」 counts from then on.
PARTY_CONGRESS_YEARS = {"十六大": 2002, "十七大": 2007, "十八大": 2012, "十九大": 2017, "二十大": 2022}


def _b_since_congress(m: re.Match[str], ay: int | None) -> _Fields | None:
    """党的十八大以来: from the congress's year on."""
    return "from", PARTY_CONGRESS_YEARS[m["congress"]], None, None, None, False


def _b_month(m: re.Match[str], ay: int | None) -> _Fields | None:
    """8月，鄭州市歸集…; 鄭州市8月提取…; 7月末: a month of the article's year (its end: as of then)."""
    mo = _month(m["m"] or m["mc"])
    if mo is None:
        return None
    return ("as_of" if m["end"] else "relative_year"), ay, ay, None if m["end"] else mo, mo, ay is None


_SMALL_N = r"(?P<n>[0-9]{1,2}|[一二两三四五六七八九十]{1,3})"
_CN_D = "〇零一二三四五六七八九"
_FY_YEAR = rf"(?:(?<![0-9.])(?:19|20)[0-9]{{2}}|(?<![{_CN_D}十])(?:一九|二[〇零])[{_CN_D}]{{2}})"
_FY_TAIL = rf"(?:(?:19|20)[0-9]{{2}}|[0-9]{{2}}|[{_CN_D}]{{2}})(?![0-9{_CN_D}])"
_FISCAL = (rf"(?P<f1>{_FY_YEAR})(?:/(?P<f2>{_FY_TAIL})(?:[-~至到](?P<t1>{_FY_YEAR})/(?P<t2>{_FY_TAIL}))?"
           rf"|[-至到](?P<f2b>{_FY_TAIL}))(?:年度|学年度?)")  # 2019/2020学年: a school year
_PERIOD_RULES: list[tuple[re.Pattern[str], _Builder]] = [
    (re.compile(p), b)
    for p, b in (
        (rf"(?:{_YP})?(?P<m1>{_MONTH})(?:月份?)?[-~至到、](?P<m2>{_MONTH})月份?", _b_range),  # 1、2月份 too
        (rf"(?:{_YP})?上半年", _in_year("range_in_year", 1, 6)),
        (rf"(?:{_YP})?下半年", _in_year("range_in_year", 7, 12)),
        (rf"(?:{_YP})?前(?P<n>{_MONTH})个月", _b_first),
        (rf"(?:{_YP})?(?P<pre>前)?第?(?P<q>[一二三四1-4])个?季度", _b_quarter),
        (rf"(?:{_YP})?(?P<pre>)第(?P<q>[一二三四1-4])季(?![度节风])", _b_quarter),  # 第二季 (HK, Taiwan)
        (
            rf"(?:截至|截止)到?(?:(?P<now>目前|现在|当前|今天|今日|发稿时)|(?:{_YP})?"
            rf"(?:(?P<m>{_MONTH})月份?{_DAY}?(?:底|末|初|[上中下]旬)?|年?(?P<yend>底|末))?)止?",
            _b_as_of,
        ),
        (
            rf"(?:自|从)(?:{_YP})?(?:(?P<m>{_MONTH})月份?(?:{_DAY})?)?(?:起|开始)(?![来草])",
            _b_from,
        ),
        (
            rf"(?:力争到|争取到|预计到|(?<!达)到|至)(?:{_YP})?"
            rf"(?:(?P<m>{_MONTH})月份?(?:{_DAY}|底|末)?|年?(?P<yend>底|末))?前?",
            _b_deadline,
        ),
        (
            rf"(?:{_YP})?(?:(?P<m>{_MONTH})月份?{_DAY}?(?:底|末|[上中下]旬)?|(?P<yend>年?底|年?末))?"
            r"前(?![后往进列沿景提身面来期夕])",
            _b_deadline,
        ),
        (r"(?<![0-9.])(?P<y1>(?:19|20)[0-9]{2})年?[-~至到](?P<y2>(?:19|20)[0-9]{2})年度?", _b_year_range),
        (_FISCAL, _b_fiscal),
        (rf"(?<![0-9{_CN_D}十])(?P<a>[〇零][{_CN_D}]|0[0-9])[-/至到](?P<b>[〇零][{_CN_D}]|一[〇零]|0[0-9]|10)年度",
         _b_fiscal_short),
        # (not an edition's year: 《诊疗指南(2024年版)》)
        (rf"{_YP}(?:(?P<m>{_MONTH})月份?{_DAY}?(?:底|末|初)?|年?(?P<yend>底|末|初))?(?!版)", _b_year),
        (
            r"[\"'「『]?(?<![〇零一二三四五六七八九十])十(?P<p>[一二三四五六])五"
            r"(?![〇零一二三四五六七八九十百千万亿])[\"'」』]?(?:时期|期间|前(?P<n>[一二两三四])年)?",
            _b_plan,
        ),
        # 过去的一年, 未来一年半内 (内 part of it, not 内地)
        (rf"(?P<dir>今后|未来|接下来|最近|近|过去)的?{_SMALL_N}个?年(?P<half>半)?(?![代级])(?:之?内(?!地))?", _b_span),
        # N years looked back on (五年来, 近五年来) or ahead (三年内)
        (rf"(?<![0-9.{_CN_NUM_CHARS}])(?P<dir>近)?{_SMALL_N}个?年(?P<back>以?来)", _b_span),
        (rf"(?<![0-9.{_CN_NUM_CHARS}第每])(?P<dir>){_SMALL_N}个?年(?:之)?内", _b_span_ahead),
        # a school year: 本学年, 新学年, 2024学年
        (rf"(?:{_YP}|(?P<cur>本|新|今))学年度?", _b_school_year),
        (r"(?<![0-9./\-])(?P<y>(?:19|20)[0-9]{2})学年度?(?P<before>前)?", _b_school_year),
        # a school year of the Republic of China (114學年度: 2025/26)
        (rf"(?:(?<![0-9.])(?P<roc>1[01][0-9])|(?<![{_CN_D}十])(?P<roccn>一[〇零一二][{_CN_D}]))学年度?(?P<before>前)?",
         _b_school_year),
        # the first quarters or months of a year, as Hong Kong writes them (首三季, 首季, 首九個月, 首半年)
        (rf"(?:{_YP})?首(?P<q>[一二三两1-3])?季度?(?![节])", _b_first_quarters),
        (rf"(?:{_YP})?首(?P<n>{_MONTH})个月", _b_first),
        (rf"(?:{_YP})?首半年", _in_year("range_in_year", 1, 6)),
        (rf"(?<![0-9.{_CN_NUM_CHARS}]){_SMALL_N}年的?过渡期", _b_transition),
        (rf"{_YP}(?P<s>[春夏秋冬])[季天]", _b_season),
        (
            r"(?P<pre>(?<![如迄至当现古])今|(?<![过失回出进来除上下])去|(?<![表说证声阐查透注申简聪文光鲜英开精高严])明)"
            r"(?P<s>[春夏秋冬])(?:季|天)?(?![节运耕播种收粮奥训令联晚风光色装])",
            _b_season,
        ),
        (rf"(?P<m>{_MONTH})月(?P<d>[0-9]{{1,2}})[日号]", _b_date),
        (r"(?<![截止至到])(?:目前|当前)(?![的为])", _b_now),
        # a month alone, in Arabic digits (not after from/to/than: 从7月的88.6%), or in Chinese numerals
        # opening a clause with a comma (八月，…)
        (r"(?:(?<![0-9.年从自至到比较与同和及、~第近前每-])(?P<m>1[0-2]|0?[1-9])|(?:^|(?<=[\n，,。；;：:]))"
         r"(?P<mc>十[一二]?|[一二三四五六七八九])(?=月份?(?:底|末)?[，,]))月份?(?P<end>底|末)?"
         r"(?=[，,]|[\u4e00-\u9fff])(?![的日号初中上下旬前后以来起止内])", _b_month),
        (r"(?<![今去明上本当前每中])年初(?![心衷])", _in_year("as_of", None, 1)),  # a point, no deadline
        # the whole year (全年, 2012年全年): the year said before it, else the article's; a year's end said
        # alone (年末拥有…, 年底共有…): as of then
        (rf"(?:{_YP})?全年(?![龄级])", _b_whole_year),
        # since then, up to now (自111年11月至今, 2019年以来): from then on
        (rf"(?:自|从)?{_YP}(?:(?P<m>{_MONTH})月份?{_DAY}?)?(?:至今|以来)", _b_since),
        (r"(?:自|从)?(?:党的)?(?P<congress>十[六七八九]大|二十大)(?:召开)?以来", _b_since_congress),
        # last month, this month (上月底開始入伙): a point of the article's time
        (r"(?<![0-9〇零一二两三四五六七八九十每])(?:上|本)个?月(?:底|末|初)?(?![份刊报])",
         _in_year("as_of", None, None)),
        (r"(?<![今去明上本当前每中年])年[末底](?![前])", _in_year("as_of", None, 12)),
    )
]


# A dateline: the date a wire story was filed (新华网北京4月20日电, 人民网合肥1月16日电, 中国网3月9日讯), near
# the start of its line; not the time of anything in the story (5月1日电价 is).
_DATELINE_AFTER = re.compile(r"[电讯訊](?![价费力网量动站池器能线气厂费])")


def _dateline(f: str, start: int, end: int) -> bool:
    return (f[end - 1:end] in ("日", "号") and _DATELINE_AFTER.match(f, end) is not None
            and start - (f.rfind("\n", 0, start) + 1) <= 30)


_ITEM_NUMBER_BEFORE_MONTH = re.compile(r"(?<![^\s|｜；;。:：])[0-9]{1,2}[.．](?=(?:1[0-2]|0?[1-9])月)")


def find_periods(text: str, article_year: int | None = None) -> list[Period]:
    """All period mentions, sorted by start and non-overlapping (leftmost, then longest).

    With ``article_year`` the relative ones (今年, 1-10月, 年底前 ...) are resolved and get
    ``relative=False``; the surface is unchanged.
    """
    f = _ITEM_NUMBER_BEFORE_MONTH.sub(lambda m: " " * len(m.group()), fold(text))  # 1.4月底前: item 1, April
    found: list[Period] = []
    for rx, build in _PERIOD_RULES:
        for m in rx.finditer(f):
            if _dateline(f, m.start(), m.end()):
                continue
            fields = build(m, article_year)
            if fields is not None and m.end() > m.start():
                found.append(Period(m.start(), m.end(), text[m.start() : m.end()], *fields))
    found.sort(key=lambda p: (p.start, p.start - p.end))  # stable: rule order breaks ties
    out: list[Period] = []
    for p in found:
        if not out or p.start >= out[-1].end:
            out.append(p)
    return out


# ---------------------------------------------------------------------------- values

_UNITS = sorted(
    _words(
        "个百分点 百分点 个千分点 千分点 % 个半小时 个半月 年半 个工作日 工作日"  # 1年半: one and a half years
        " 平方公里 平方米 立方米 千瓦时 人次 户次 趟次 架次 车次 班次 剂次 个月 周岁"
        " 周年 公里 千米 千克 公斤 公顷 小时 分钟 千瓦 千伏 标箱 美元 港元 欧元 澳门元 新台币"
        " 人 元 户 家 个 所 项 名 场"
        " 次 期 件 条 张 床 套 亩 吨 岁 天 年 倍 起 座 辆 批 位 支 只 台 间 处 份 篇 种 例 宗 笔 轮 艘"
        " 株 头 米 斤 箱 剂 栋 幢 层 片 块 门 伙 校 班 成 列 组 对 具"  # 伙: flats (HK), 2成: tenths, 万对: pairs
        " 微克/立方米 毫克/立方米 微克 毫克"  # PM2.5平均浓度37微克/立方米
        " ‰ /10万 /十万 /100万 /万 /千"  # rates: 婴儿死亡率3.1‰, 孕产妇死亡率8.5/10万
    ),
    key=len,
    reverse=True,
)
# A unit that is no unit before these characters: 成功, 成立, 列入 ... (3成 is three tenths, 2成为 two
# tenths are).
_UNIT_NOT_BEFORE = {"成": "功立本果员绩效熟交长型就", "列": "入举出表为支", "组": "织成建长团委",
                    "对": "0123456789一二三四五六七八九十话接象于应外口待策此比照标", "具": "有备体"}  # 3对3, 1对1帮扶
_UNIT_ALT = "|".join(
    re.escape(u) + (f"(?![{_UNIT_NOT_BEFORE[u]}])" if u in _UNIT_NOT_BEFORE else "") for u in _UNITS
)
# 1年半, 1个半月, 2个半小时: a half after the unit adds 0.5 of it
_HALF_UNITS = {"年半": "年", "个半月": "个月", "个半小时": "小时"}
# Time units: a small Chinese numeral with one of them (三年, 两个月, 五岁) is a time frame,
# an age band or a programme's name (三年行动), not a measurement; Arabic digits are read.
_TIME_UNITS = frozenset(_words("个月 周岁 周年 小时 分钟 年 天 岁 周"))
# Thousands separators: a comma (1,234) or, in Hong Kong, one space (308 000: ASCII, no-break,
# narrow or ideographic, folded to ASCII) before exactly three digits.
_THOUSANDS = ", \u00a0\u202f"
_AR = (r"(?<![0-9.])(?:[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])|[0-9]{1,3}(?:[ \u00a0\u202f][0-9]{3})+(?![0-9])|[0-9]+)"
       r"(?:\.[0-9]+|。[0-9]{1,2}(?=[万亿%]|人次|元|件|条|个|张|户|名|人|倍|亩|吨|公里))?")
# 6。9万人次: some sources type 。 for the decimal point between digits before a multiplier or a unit
_CN = (r"(?<![零〇一二两三四五六七八九十百千万亿廿卅])"
       r"(?:[一二两三四五六七八九十廿卅][零〇一二两三四五六七八九十百千]*|零(?=点))"
       r"(?:点[零〇一二三四五六七八九]+(?![零〇一二两三四五六七八九十百千]))?")  # 三点五, 零点六三
# The continuation of a number written in two parts: 49万4,385人, 9万8千多人, 1亿2000万元, 三万五千.
_CONT_RE = re.compile(
    r"(?:(?P<ar>[0-9]{1,3}(?:,[0-9]{3})+(?![0-9.])|[0-9]+(?![0-9.]))|(?P<cn>零?[一二两三四五六七八九十][零〇一二两三四五六七八九十百千]*))"
    r"(?P<inf1>[余多])?(?P<mult>[百千](?![米克瓦分伏])|万)?(?P<inf2>[余多])?"
    r"(?P<unit>" + _UNIT_ALT + r")?(?P<suf>以上|以下|以内|左右)?"
)
_SUFFIX = {"以上": "at_least", "以下": "at_most", "以内": "at_most", "左右": "about"}
# A multiplier alone after a qualifier counts one of it: 逾千张 (over a thousand), 超千万, 近百人.
_ONE = "(?P<one>(?:" + "|".join(f"(?<={w})" for w in _words("逾 超 近 超过 突破 将近 接近")) + ")(?=[百千万亿]))"
_VALUE_RE = re.compile(
    rf"(?P<ra>{_AR}):(?P<rb>{_AR})"
    rf"|百分之(?:(?P<pa>{_AR})|(?P<pc>{_CN}))(?P<psuf>以上|以下|以内|左右)?"
    rf"|(?:(?P<ar>{_AR})|(?P<cn>{_CN})|{_ONE})(?P<inf1>[余多])?"
    r"(?:(?<=[0-9])[ \u00a0](?=[万亿]))?"  # 超 15 万个: a web page's spaces around a figure
    r"(?P<mult>[百千](?![米克瓦分伏])(?:万亿|万|亿)?|万亿|亿|万)?(?P<inf2>[余多])?"
    # Hong Kong writes a space between a number and its unit: 約 600 個, 3,300 公頃
    r"(?:(?<=[0-9])[ \u00a0](?=(?:" + _UNIT_ALT + r")))?"
    r"(?P<unit>" + _UNIT_ALT + r")?(?P<suf>以上|以下|以内|左右)?"
)
_PREFIXES = sorted(
    {
        **dict.fromkeys(_words("超 超过 超出 逾 多于 高于 大于 突破"), "more_than"),
        **dict.fromkeys(_words("不低于 不少于 至少 最少"), "at_least"),
        **dict.fromkeys(_words("不超过 不高于 不多于 不大于 至多 最多"), "at_most"),
        **dict.fromkeys(_words("不足 不到 低于 少于"), "less_than"),
        **dict.fromkeys(_words("约 大约 大概"), "about"),
        **dict.fromkeys(_words("近 将近 接近"), "nearly"),
        **dict.fromkeys(_words("达 达到 高达 多达 长达"), "reached"),
    }.items(),
    key=lambda kv: -len(kv[0]),
)
# a one-character prefix is no qualifier after these characters (节约, 发达, 最近, 赶超 ...)
_PREFIX_EXCLUDE = {
    "约": "节制签预合违履集公契特邀相简条",
    "达": "到表发下传送抵直通转雷",
    "近": "最附临亲贴靠走",
    "超": "赶高",
}
_MULT_TAIL = re.compile(r"[百千万亿]+$")
_PER_TIME = re.compile(r"/(?:天|日|周|月|年|小时)(?![0-9])")
_RANGE_END = re.compile(r"[-~至到][0-9]+(?:\.[0-9]+)?")
# dates, clock times, decades, and levels or grades (失能等级2至8级, 3级医院: ordinals)
_BAD_NEXT = re.compile(r"[月日号时点秒级]|分(?![钟之])|年代")
# 点 after a number no clock shows is points (每月1,000點消費點數, 积分3000点), not a time


def _points(next_word: str, digits: str) -> bool:
    if next_word != "点":
        return False
    n = Decimal(digits) if digits.isascii() else _cn_number(digits)  # 三点: a Chinese numeral too
    return n is not None and ((digits.isascii() and len(digits) > 2) or n > 24)


_SKIP_RES = [
    re.compile(r"(?<![0-9])[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2}(?![0-9])"),  # 2021-11-04
    re.compile(r"(?<![0-9])[0-9]{1,2}[-/.][0-9]{1,2}[-/.][0-9]{4}(?![0-9])"),  # 06.12.2020
    re.compile(r"(?<![0-9.])1[01][0-9]-(?:1[0-2]|0[1-9])-(?:3[01]|[12][0-9]|0[1-9])(?![0-9])"),  # 106-02-09 (ROC)
    re.compile(r"(?<![0-9.])([0-9]{1,2})对\1(?![0-9])"),  # 1对1帮扶, 3对3篮球赛: a pairing, no quantity
    # a date and time written with spaces after the separators (a page's stamp): 2020- 12- 21 16: 29
    re.compile(r"(?<![0-9])(?:19|20)[0-9]{2}- ?(?:1[0-2]|0?[1-9])- ?(?:3[01]|[12][0-9]|0?[1-9])"
               r"(?: +[0-2]?[0-9]: ?[0-5][0-9](?:: ?[0-5][0-9])?)?(?![0-9])"),
    re.compile(r"[〔\[(【][0-9]{4}[〕\])】][0-9]*号?"),  # 〔2021〕9号
    # a disclosure index number (索引号 0024204128/2025-00016, 781309229/2022-00424)
    re.compile(r"(?<![0-9])[0-9A-Z]{6,}/(?:19|20)[0-9]{2}-[0-9]{3,}(?![0-9])"),
    # a fiscal year with two-digit end, also spaced in a span (2023-24 至 2032-33 年度), or a year-month (2021-11)
    re.compile(r"(?<![0-9.])(?:19|20)[0-9]{2}-[0-9]{2}(?![0-9]|-[0-9])"),
    # addresses, not quantities: URLs, Markdown link targets, percent-encoding (%E4%BD%95%),
    # e-mail addresses (also 4834222#qq.com), file names, phone numbers
    re.compile(r"(?:https?|ftp)://[^\s<>\"'，。；、）)\]】]+|www\.[A-Za-z0-9-]+\.[^\s<>\"'，。；、）)\]】]+", re.I),
    re.compile(r"\]\([^)\s]*\)"),
    re.compile(r"(?:%[0-9A-Fa-f]{2})+%?"),
    re.compile(r"[A-Za-z0-9._%+-]+[@#][A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"),
    re.compile(r"[\w.-]+\.(?:pdf|docx?|xlsx?|pptx?|wps|ofd|jpe?g|png|gif|s?html?|aspx?|php|txt|zip|rar|csv|md)(?![A-Za-z])",
               re.I),
    re.compile(r"(?<![0-9])(?:\+?86[- ]?)?(?:\(0[0-9]{2,3}\)|0[0-9]{2,3}-)[0-9]{7,8}(?:-[0-9]{1,5})?(?![0-9])"),
    re.compile(r"(?<![0-9])0[0-9]{1,2}-[0-9]{6}(?![0-9])"),  # Taiwan's six-digit local numbers: 037-559828
    re.compile(r"(?<![0-9])(?:1[3-9][0-9]{9}|[48]00-?[0-9]{3}-?[0-9]{4}|[0-9]{4} [0-9]{4})(?![0-9])"),  # 2712 2712
    # a clock time with seconds: 15:15:01 (hh:mm alone may be a ratio: see _build)
    re.compile(r"(?<![0-9.])[0-2]?[0-9]:[0-5][0-9]:[0-5][0-9](?![0-9])"),
    # a day's name: 3·15, 12·4 (国家宪法日), 9·11
    re.compile(r"(?<![0-9.])(?:1[0-2]|0?[1-9])[·•](?:[12][0-9]|3[01]|0?[1-9])(?![0-9])"),
    # a session's ordinal: 市委五届九次全会, 十一届全国人大二次会议
    re.compile(r"届[^，。,;；\n]{0,12}?[0-9一二三四五六七八九十]+次(?:全体)?(?:会议|全会|大会)"),
    # a time reference, not an amount: 5年前, 3个月后, 十年来, 两年以前
    re.compile(
        r"(?<![0-9.])(?:[0-9]+|[一二两三四五六七八九十]+)(?:个)?(?:年|月|天|日|周|星期|小时)"
        r"(?:以前|以后|之前|之后|以来|前|后|来)(?![往进列沿景提身面期夕])"
    ),
]
# 十 after one of these is vague (数十个, 几十万: dozens, not ten; 参加人数两千 is read).
_VAGUE = "数几"
# A number without a unit right after one of these is an identifier (电话12345, 附件2, 编号3).
# Page furniture counts the same way (浏览次数:1234, 人气:56, 下一篇 4).
_ID_BEFORE = _words(
    "电话 热线 传真 手机 拨打 致电 联系方式 邮编 邮政编码 编号 序号 代码 附件 附表 文号 信箱 邮箱 工号 账号 QQ 微信"
    " 浏览次数 浏览量 点击数 点击量 阅读量 阅读数 访问量 人气 上一篇 下一篇 上一版 下一版 上一页 下一页"
)
# A number after these refers to a figure, table or attachment, whatever follows (如图3所示, 附件2).
_REF_BEFORE = re.compile(r"(?:如图|见图|如表|见表|附图|附表|附件)\s*$")
# ... or before one of these, in its clause (12345热线, 12345政务服务便民热线, 110报警, 120急救).
# Right after a number: a road's or a bus line's name (104国道, 12路公交, 新台17线), a ranking (30强).
_ID_AFTER = re.compile(
    r"[^\s，。；,;]{0,10}?(?:热线|专线|服务电话|电话号码|号码)"
    r"|(?:报警|急救|指挥中心|国道|省道|县道|乡道|路公交|路车|线|强)"
    r"|\s*[上下]一(?:版|篇|页)"  # page furniture: 要闻 4下一版, 3 上一篇
)
_QUOTED = [  # (pattern on the original text, max length checked for sentence punctuation)
    (re.compile(r"“([^“”\n]{1,20})”"), True),
    (re.compile(r"‘([^‘’\n]{1,20})’"), True),
    (re.compile(r"「([^「」\n]{1,20})」"), True),
    (re.compile(r"『([^『』\n]{1,20})』"), True),
    (re.compile(r"[\"＂]([^\"＂\n]{1,20})[\"＂]"), True),
    (re.compile(r"《([^《》\n]{1,60})》"), False),
]
_SENTENCE_PUNCT = re.compile(r"[。，；！？,;!?]")


def _blocked(text: str, f: str) -> bytearray:
    """1 for characters that cannot belong to a value: periods, dates, quoted names."""
    mask = bytearray(len(text))
    spans = [(p.start, p.end) for p in find_periods(text)]
    spans += [m.span() for rx in _SKIP_RES for m in rx.finditer(f)]
    for rx, short in _QUOTED:
        for m in rx.finditer(text):
            if not (short and _SENTENCE_PUNCT.search(m[1])):
                spans.append(m.span(1))
    for s, e in spans:
        mask[s:e] = b"\x01" * (e - s)
    return mask


def _glued(ch: str) -> bool:
    return len(ch) == 1 and ch.isascii() and (ch.isalpha() or ch in "_+#@/\\&=")


def _prefix(f: str, pos: int, floor: int, mask: bytearray) -> tuple[int, str | None]:
    if pos - 1 > floor and f[pos - 1] in " \u00a0" and f[pos - 2] not in " \u00a0":
        at, label = _prefix(f, pos - 1, floor, mask)  # 超 15 万个, 約 600 個: a space after the qualifier
        return (at, label) if label else (pos, None)
    for word, label in _PREFIXES:
        st = pos - len(word)
        if st >= floor and f.startswith(word, st) and not any(mask[st:pos]):
            if st and f[st - 1] in _PREFIX_EXCLUDE.get(word, ""):
                return pos, None
            return st, label
    return pos, None


def _is_id(f: str, num_s: int, num_e: int) -> bool:
    """A bare number that is an identifier: 电话12345, 附件2, 拨打12345政务服务便民热线."""
    head = f[max(0, num_s - 8) : num_s].rstrip(" :：")
    return head.endswith(tuple(_ID_BEFORE)) or _ID_AFTER.match(f, num_e) is not None


def _continuation(m: re.Match[str], f: str, mask: bytearray) -> re.Match[str] | None:
    """The second part of a number written in two parts (49万4,385人, 9万8千多人, 1亿2000万元):
    right after a 万/亿 multiplier, smaller than that multiplier."""
    mult = m["mult"] or ""
    if not mult.endswith(("万", "亿")) or m.end() != m.end("mult") or m["inf1"]:
        return None
    c = _CONT_RE.match(f, m.end())
    if c is None or any(mask[c.start() : c.end()]):
        return None
    if c["unit"] is None and c["mult"] is None and _BAD_NEXT.match(f, c.end()):
        return None
    if _glued(f[c.end() : c.end() + 1]):
        return None
    n = _cont_number(c, _MULT[mult[-1]])
    return c if n is not None and n < _MULT[mult[-1]] else None


def _plain(digits: str) -> str:
    """Digits without thousands separators (1,234 and 308 000 -> 1234, 308000)."""
    return digits.translate({ord(c): None for c in _THOUSANDS} | {ord("。"): "."})


def _cont_number(c: re.Match[str], whole: int) -> Decimal | None:
    if c["ar"] is not None:
        digits = _plain(c["ar"])
        # 3万5: a single digit stands for the next lower unit (3万5千); 49万4385 is read as written
        if len(digits) == 1 and not c["mult"]:
            return Decimal(digits) * whole // 10
        base = Decimal(digits)
    else:
        digit_by_digit = len(c["cn"]) >= 3 and all(ch in _CN_DIGIT for ch in c["cn"]) and not c["mult"]
        n = _cn_int(c["cn"], seq=True) if digit_by_digit else _cn_int(c["cn"].lstrip("零"))  # 一萬四五○戶: 10450
        if n is None:
            return None
        if len(c["cn"]) == 1 and not c["mult"] and c["cn"] != "十":  # 三万五: 三万五千
            return Decimal(n) * whole // 10
        base = Decimal(n)
    return base * (_MULT[c["mult"]] if c["mult"] else 1)


def _continuations(m: re.Match[str], f: str, mask: bytearray, group: str,
                   mult: str) -> tuple[re.Match[str] | None, re.Match[str] | None]:
    """The second part of a number (1亿|2000万元) and, after 亿 and 万, a third below 万 (1亿|97万|6000元)."""
    cont = _continuation(m, f, mask) if group in ("ar", "cn") else None
    cont2 = _continuation(cont, f, mask) if cont is not None and mult.endswith("亿") else None
    return cont, cont2


def _build(m: re.Match[str], text: str, f: str, mask: bytearray, floor: int) -> Value | None:
    s, e = m.span()
    if any(mask[s:e]):
        return None
    if m["ra"] is not None:
        return _ratio(m, text, f)
    group = next(g for g in ("pa", "pc", "ar", "cn", "one") if m[g] is not None)
    if group == "one" and not m["mult"]:
        return None
    num_s, num_e = m.span(group)
    if _REF_BEFORE.search(f, max(0, num_s - 4), num_s):
        return None
    before, after = f[num_s - 1 : num_s], f[num_e : num_e + 1]
    mult, unit = m["mult"] or "", m["unit"] or ""
    cont, cont2 = _continuations(m, f, mask, group, mult)
    last = cont2 or cont
    tail = last or m  # the part that carries 余/多, the unit and 以上/以下
    if last is not None:
        e, unit = last.end(), last["unit"] or ""
    if group in ("cn", "pc") and before and before in _VAGUE and m[group].startswith("十"):
        return None  # 数十个, 几十万: dozens, not ten
    if before == "第" or _glued(before) or (_glued(after) and not _is_rate(unit)):
        return None
    digits = _plain(m[group]) or "1"  # group "one": the multiplier alone
    if group in ("pa", "pc"):
        unit, suffix = "%", m["psuf"]
    else:
        suffix = tail["suf"]
        if not mult and not m["inf1"] and (bad := _BAD_NEXT.match(f, num_e)) and not _points(bad[0], digits):
            return None
        if not (mult or unit) and (r := _RANGE_END.match(f, num_e)) and _BAD_NEXT.match(f, r.end()):
            return None  # the first end of a range of dates, times or levels (3至5日, 2至8级)
        if group == "ar" and not (mult or unit or m["inf1"] or m["inf2"]) and _no_bare_number(f, num_s, num_e, digits):
            return None
    if group in ("pc", "cn"):
        n = _cn_number(digits)
        if n is None or (group == "cn" and not _cn_quantity(digits, n, mult, unit, cont is not None)):
            return None
        base = n
    else:
        base = Decimal(digits)
    number = base * _factor(mult)
    if cont is not None:
        number += _cont_number(cont, _MULT[mult[-1]]) or 0
    if cont2 is not None:
        number += _cont_number(cont2, _MULT["万"]) or 0
    if unit in _HALF_UNITS:
        number, unit = number + Decimal("0.5"), _HALF_UNITS[unit]
    if unit and not suffix and unit not in ("%", "个百分点", "百分点") and (per := _PER_TIME.match(f, e)):
        e, unit = per.end(), unit + per[0]  # 29列/天: so many per day
    start, pre = _prefix(f, s, floor, mask)
    more = m["inf1"] or m["inf2"] or (last is not None and (last["inf1"] or last["inf2"]))
    qualifier = (_SUFFIX[suffix] if suffix else None) or ("more_than" if more else pre)
    unit = "个百分点" if unit == "百分点" else unit
    kind = {"%": "percent", "个百分点": "percentage_point"}.get(unit, "rate" if _is_rate(unit) else "count")
    if last is not None:
        numeral_end = last.end("mult") if last["mult"] else last.end("ar" if last["ar"] is not None else "cn")
    else:
        numeral_end = m.end("mult") if mult else num_e
    return Value(start, e, text[start:e], _clean(number), unit, kind, qualifier, text[num_s:numeral_end])


def _ratio(m: re.Match[str], text: str, f: str) -> Value | None:
    """A ratio, unless it is a clock time (12:37) or 1:2:3."""
    s, e = m.span()
    a, b = m["ra"], m["rb"]
    clock = text[m.start("rb") - 1] != "∶" and f[s - 1 : s] not in ("比", "为")
    clock = clock and len(a) <= 2 and int(a) <= 24 and re.fullmatch(r"[0-5][0-9]", b) is not None
    if clock or Decimal(a) == 0 or re.match(r":[0-9]", f[e : e + 2]):
        return None
    # 1:0.82 is 0.82 (of one); 1.38:1 is 1.38 (to one)
    ratio = Decimal(a) if Decimal(b) == 1 and Decimal(a) != 1 else Decimal(b) / Decimal(a)
    return Value(s, e, text[s:e], _clean(ratio), "ratio", "ratio", None, text[s:e])


def _no_bare_number(f: str, num_s: int, num_e: int, digits: str) -> bool:
    """An Arabic number with no multiplier, unit or qualifier that is no value: a year, a list
    marker, a footnote, page furniture, an identifier, a truncated tail."""
    before, after = f[num_s - 1 : num_s], f[num_e : num_e + 1]
    line_start = num_s == 0 or before in "\n\r\t ("
    if re.fullmatch(r"(?:19|20)[0-9]{2}", digits) or (line_start and after in ("、", ".", ")", "。", "．")):
        return True  # a bare year, or a list marker such as "1." / "(2)" / "1。 " (泉州's list)
    if before and after and before in "([【〔" and after in ")]】〕":
        return True  # a list marker or a footnote anywhere: (2), [1], 【3】
    if before.isspace() and (not after or after.isspace()):
        return True  # alone between spaces: page furniture (责编:X   0   我要评论)
    # an identifier, or a bare number ending the text (a truncated tail: …到2)
    return _is_id(f, num_s, num_e) or ("." not in digits and not f[num_e:].strip())


def _cn_quantity(numeral: str, n: Decimal, mult: str, unit: str, composite: bool) -> bool:
    """A Chinese numeral is read as a quantity with a multiplier (三万, 近三万, 十二万人) or with a
    unit; below ten only with a measure word that is no time unit (两起, 三千多名, 五个). 一 alone
    never (一批, 一家, 一次: the indefinite article), nor 二 alone: two of a thing is 两 (两起,
    两批), 二 before a measure word is an ordinal or a term (二次会议, 二次供水, 二类)."""
    if mult or composite:
        return True
    if not unit:
        return False
    if unit in ("%", "个百分点", "百分点") or n != int(n):
        return n > 0  # 零点六三%, 一点五倍: a share or a decimal is read
    return n >= 10 or (n > 1 and numeral != "二" and unit not in _TIME_UNITS)


def _is_rate(unit: str) -> bool:
    return unit == "‰" or unit.startswith("/")


_SPACED_UNIT = re.compile(r"[0-9][ \u00a0][^\W\d_]")


def find_values(text: str) -> list[Value]:
    """All value mentions in ``text``, sorted by start and non-overlapping."""
    f = fold(text)
    mask = _blocked(text, f)
    out: list[Value] = []
    for m in _VALUE_RE.finditer(f):
        if out and m.start() < out[-1].end:
            continue  # the second part of a number written in two parts (49万4,385人)
        value = _build(m, text, f, mask, out[-1].end if out else 0)
        if value is not None and _SPACED_UNIT.search(m.group()) and not (m.start() > 0 and f[m.start() - 1].isspace()):
            continue  # a space before the unit only in Hong Kong's spaced writing (約 600 個), not 浏览次数:1234 人气
        if value is not None:
            out.append(value)
    _share_units(out, f)
    return [_counted_unit(v, f) for v in out]


def _share_units(out: list[Value], f: str) -> None:
    """The first of two numbers joined by a range sign or 及/和 takes the unit of the second: 30-40人,
    3至5万元 (a range also its multiplier and its qualifier: 约1000至1200张, 110至140宗左右),
    逾800万及600万人次."""
    for i, (a, b) in enumerate(pairwise(out)):
        if a.unit or a.kind != "count" or not b.unit or b.start != a.end + 1:
            continue
        if f[a.end] in "-~至到":
            a_tail, b_tail = _MULT_TAIL.search(fold(a.numeral_text)), _MULT_TAIL.search(fold(b.numeral_text))
            shared = b_tail[0] if b_tail and not a_tail and fold(b.numeral_text)[0].isdigit() else ""
            about = "about" in (a.qualifier, b.qualifier)  # 约 before or 左右 after is said of the range
            out[i] = replace(a, number=_clean(a.number * _factor(shared)), unit=b.unit, kind=b.kind,
                             qualifier="about" if about and a.qualifier is None else a.qualifier)
            if about and b.qualifier is None:
                out[i + 1] = replace(b, qualifier="about")
        elif f[a.end] in _JOINERS:
            out[i] = replace(a, unit=b.unit, kind=b.kind)


_JOINERS = "及和与"
# A count unit after the thing counted: 8500就诊人次 (8500 visits), 313万专职医疗就诊人次.
_COUNTED_UNIT = re.compile(r"[\u4e00-\u9fff]{1,8}?(?P<unit>人次|户次|趟次|架次|车次|班次|剂次)")


def _counted_unit(v: Value, f: str) -> Value:
    if v.unit or v.kind != "count":
        return v
    m = _COUNTED_UNIT.match(f, v.end)
    return replace(v, unit=m["unit"]) if m else v


def parse_value(surface: str) -> Value | None:
    """Parse one surface form such as "超348万人"; None unless it is exactly one value.

    Offsets are relative to ``surface`` (surrounding whitespace is allowed).
    """
    values = find_values(surface)
    if len(values) != 1:
        return None
    v = values[0]
    return v if not surface[: v.start].strip() and not surface[v.end :].strip() else None

"""Deterministic people finding: official introductions, bylines (non-officials), speaker turns."""

from __future__ import annotations

import re
from dataclasses import dataclass

_HAN = r"\u4e00-\u9fff"
ROLE = (
    r"(?:党[委组])?(?:常务)?副?"
    r"(?:主任|局长|总队长|支队长|大队长|队长|部长|厅长|处长|科长|市长|区长|县长|镇长|乡长|主席|"
    r"院长|校长|秘书长|委员|站长|所长|会长|理事长|司长|署长|行长|总经理|董事长|组长|主委|书记|"
    r"负责人|巡视员|调研员|总经济师|总工程师|总督学|总监|总理|省长|州长|盟长|旗长|村长|社长|所长)"
)
_ROLE_FULL = re.compile(rf"^(?:、?{ROLE})+$")
_TITLE = rf"[{_HAN}、·()（）\-—]{{0,40}}?{ROLE}"
SPEECH = r"表示|介绍|说|指出|谈到|强调|认为|坦言|透露"  # verbs that introduce what an official says
_NAME_END = rf"(?=\s*$|\s*[:：，,。(（]|{SPEECH})"
# Weaker ends (「副市长林钦荣在会上强调」, 「局长蔡宛芬今天表示」) are allowed because every name must
# start with a common surname: 「书记亲自在」, 「局长今天表示」, 「主任也表示」 name nobody.
_WEAK_END = r"在|今天|今日|昨天|昨日|近日|日前|也|还|则|就|对|向|主持|出席|宣布|回答|通报|解读|答"
# Common surnames (compound ones first), a lexicon of the language, not of any article.
_COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "令狐", "公孙", "慕容", "尉迟",
                      "长孙", "宇文", "司徒", "夏侯", "端木", "南宫", "独孤", "申屠")
_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
    "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武"
    "戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯"
    "纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪"
    "简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎"
    "甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝"
    "区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸"
    "雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀"
    "衣信展阴昝智幸奉植衡富尧闭由钮蔚洪凤郦谯"
)
# Characters a title never starts with, that the pattern takes in from the clause:
# 「据市民政局局长陈伟介绍」, 「在市长张三的带领下」, 「与副市长李四」.
_LEAD = "据由在与及"
# 「市委教育工委书记、市教委主任 黄政」, 「区民政局党组书记、局长胡文彬:」
_NOT_NAME = (r"(?!表示|介绍|指出|谈到|强调|认为|说|坦言|透露|相关|同志|一行|向记者|向媒体|高度|全面"
             r"|全市|全区|全县|全省|于今年|于近日)")
INTRO = re.compile(
    rf"(?P<title>{_TITLE})[ \t\u3000\xa0]*{_NOT_NAME}(?P<name>[{_HAN}]{{2,3}}?)"
    rf"(?:{_NAME_END}|(?={_WEAK_END}))",
    re.MULTILINE)
# 「党代表程晓红(市人社局党组书记、局长)」
DELEGATE = re.compile(
    rf"(?:党代表|人大代表|政协委员)(?P<name>[{_HAN}]{{2,3}})[(（](?P<title>[^)）]{{2,40}})[)）]"
)
NON_OFFICIAL_ROLES = ("特约摄影", "责任编辑", "通讯员", "主持人", "总值班", "记者", "编辑", "摄影",
                      "作者", "撰稿", "□")
_BYLINE_ROLE = "|".join(re.escape(r) for r in NON_OFFICIAL_ROLES)
# A role word followed only by names (1-3 Han chars separated by spaces) up to line end or '/'.
BYLINE = re.compile(
    rf"(?P<role>{_BYLINE_ROLE})[ \t\u3000\xa0]*[:：]?[ \t\u3000\xa0]*"
    rf"(?P<names>[{_HAN}]{{1,3}}(?:[ \t\u3000\xa0]+[{_HAN}]{{1,3}})*)[ \t\u3000\xa0]*"
    rf"(?=$|/|[)）]|{_BYLINE_ROLE})",
    re.MULTILINE,
)
ORG_END = "委局厅部办院队府会心司站所校处科室团组"
_MEDIA_TURN = re.compile(rf"^\s*[{_HAN}\-—]{{0,12}}(?:日报|晚报|晨报|新闻|记者|主持人|本报)\s*[:：]")


@dataclass(frozen=True)
class PersonMention:
    name: str
    title: str | None
    organization: str | None
    start: int
    end: int


@dataclass(frozen=True)
class Byline:
    name: str
    role: str
    start: int
    end: int


@dataclass(frozen=True)
class Turn:
    start: int
    end: int
    name: str | None


def split_title(title: str) -> tuple[str | None, str]:
    """'市卫生健康委党委书记、主任' -> ('市卫生健康委', '党委书记、主任')."""
    first = title.split("、")[0]
    for i in range(2, len(first)):
        if first[i - 1] in ORG_END and _ROLE_FULL.match(first[i:]):
            return title[:i], title[i:]
    return None, title


def find_officials(text: str) -> list[PersonMention]:
    found: dict[tuple[int, int], PersonMention] = {}
    for m in DELEGATE.finditer(text):
        title = m["title"].strip()
        org, _ = split_title(title)
        found[m.span()] = PersonMention(m["name"], title, org, m.start(), m.end())
    for m in INTRO.finditer(text):
        if not has_surname(m["name"]):
            continue
        raw = m["title"]
        title = raw.lstrip(" 、" + _LEAD)
        start = m.start("title") + len(raw) - len(title)
        if any(s <= start < e for s, e in found):
            continue
        if _ROLE_FULL.match(title) and not (
                _is_line_start(text, start)
                or (text[start - 1] in "。！？；，,;" and has_surname(m["name"]))):
            continue  # a bare role ('主任 X') mid-sentence is too weak
        org, _ = split_title(title)
        found[(start, m.end("name"))] = PersonMention(m["name"], title, org, start, m.end("name"))
    return sorted(found.values(), key=lambda p: p.start)


def has_surname(name: str) -> bool:
    return name[0] in _SURNAMES or name.startswith(_COMPOUND_SURNAMES)


def _is_line_start(text: str, start: int) -> bool:
    return start == 0 or text[start - 1] == "\n"


def find_bylines(text: str) -> list[Byline]:
    out: list[Byline] = []
    for m in BYLINE.finditer(text):
        role = "作者" if m["role"] == "□" else m["role"]
        tokens = list(re.finditer(rf"[{_HAN}]+", m["names"]))
        base = m.start("names")
        i = 0
        while i < len(tokens):
            tok = tokens[i]
            if tok.group() in NON_OFFICIAL_ROLES:
                role, i = tok.group(), i + 1
                continue
            # Single characters separated by spaces are one name: 「曾 姚」, 「戴 鑫」.
            if len(tok.group()) == 1 and i + 1 < len(tokens) and len(tokens[i + 1].group()) <= 2:
                nxt = tokens[i + 1]
                out.append(Byline(tok.group() + nxt.group(), role, base + tok.start(), base + nxt.end()))
                i += 2
                continue
            if len(tok.group()) >= 2:
                out.append(Byline(tok.group(), role, base + tok.start(), base + tok.end()))
            i += 1
    return out


def speaker_turns(text: str, officials: list[PersonMention]) -> list[Turn]:
    """Who is speaking where: a turn starts at a line 「NAME：」 (or an intro ending in a colon)
    and ends at the next turn, a host's question or a byline."""
    names = sorted({p.name for p in officials}, key=len, reverse=True)
    turns: list[Turn] = []
    current: str | None = None
    turn_start = 0
    pos = 0
    for line in text.split("\n"):
        new: str | bool | None = False  # False = no change
        head = line[:80]
        colon = re.search(r"[:：]", head)
        if colon:
            before = head[: colon.start()]
            who = next((n for n in names if before.rstrip().endswith(n)
                        or re.search(rf"{re.escape(n)}\s*[(（][^)）]*[)）]\s*$", before)), None)
            if who:
                new = who
            elif _MEDIA_TURN.match(line):
                new = None
        if new is False and BYLINE.match(line.strip()) and len(line.strip()) < 40:
            new = None
        if new is not False and new != current:
            if pos > turn_start:
                turns.append(Turn(turn_start, pos, current))
            current, turn_start = (new if isinstance(new, str) else None), pos
        pos += len(line) + 1
    turns.append(Turn(turn_start, len(text), current))
    return [t for t in turns if t.end > t.start]


def speaker_at(turns: list[Turn], offset: int) -> str | None:
    for t in turns:
        if t.start <= offset < t.end:
            return t.name
    return None

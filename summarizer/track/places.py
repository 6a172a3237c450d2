"""Which place (or national body) an article, a clause or an organisation is of.

Places are named in the simplified view of the text: a province or Taiwan/HK/Macao name from the
list below, a two-character name + 市/省, or a national ministry (→ 全国). Suffixes are dropped
(青岛市 → 青岛), so 青岛 and 山东 stay two places; nothing is guessed from a district or a body."""

from __future__ import annotations

import re
from collections import Counter

NATIONAL = "全国"
TEXT_MENTIONS = 3  # a place named only in the text must be named this often to be its place
_PROVINCES = (
    "北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建", "江西",
    "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海", "台湾", "内蒙古",
    "广西", "西藏", "宁夏", "新疆", "香港", "澳门", "台北", "新北", "桃园", "台中", "台南", "高雄", "基隆", "新竹",
    "苗栗", "彰化", "南投", "云林", "嘉义", "屏东", "宜兰", "花莲", "台东", "澎湖", "金门", "连江",
)
_NATIONAL_BODIES = ("人社部", "人力资源和社会保障部", "国务院", "民政部", "教育部", "住建部", "住房和城乡建设部",
                    "交通运输部", "国家卫健委", "国家卫生健康委", "卫生计生委", "财政部", "发展改革委", "国家统计局")
# Characters that never start a city name: 全市, 我市, 城市, 超市, 上市, 各市 ...
_NOT_NAME = set("全我本各该城超股上门夜集县区省和与及在的了是对到为从向等个两一各地级沿该其"
                "市街坊开建构争改不今广推提加打促服新做")  # not 都: 成都 (都市 is below)
_NOT_PLACES = {"资格", "都市", "大都", "城市", "超市", "夜市", "股市", "楼市", "车市", "集市", "门市", "上市",
               "开市", "闭市"}
_CITY = re.compile(r"([\u4e00-\u9fff]{2})[市省](?![民场值面容内级])")
_LISTED = re.compile("|".join(sorted(_PROVINCES, key=len, reverse=True)))
_BODY = re.compile("|".join(_NATIONAL_BODIES))


def places_in(simplified: str) -> list[str]:
    """Every place named in a (simplified) text, in order, repeated as often as named."""
    found: list[tuple[int, str]] = [(m.start(), m.group()) for m in _LISTED.finditer(simplified)]
    taken = {i for start, name in found for i in range(start, start + len(name))}
    for m in _CITY.finditer(simplified):
        name = m.group(1)
        if m.start() in taken or name[0] in _NOT_NAME or name[1] in _NOT_NAME or name in _NOT_PLACES:
            continue
        found.append((m.start(), name))
    found += [(m.start(), NATIONAL) for m in _BODY.finditer(simplified)]
    return [name for _, name in sorted(found)]


def home_place(title: str | None, text: str, organizations: list[str]) -> str | None:
    """The place an article is of: named in the title, else in its officials' organisations,
    else the one its text names most (ties: the first named)."""
    for source in (title or "", " ".join(organizations)):
        named = places_in(source)
        if named:
            return Counter(named).most_common(1)[0][0]
    named = places_in(text)
    counts = Counter(named)
    best = max(counts.values(), default=0)
    if best < TEXT_MENTIONS and len(counts) != 1:
        return None  # several places named in passing: none is the article's
    return next(p for p in named if counts[p] == best)


def organization_without_place(organization: str | None) -> str | None:
    """香港房屋局 → 房屋局, 青岛市民政局 → 民政局: the body, for telling people apart by place."""
    if not organization:
        return None
    org = organization
    for name in places_in(org)[:1]:
        at = org.find(name)
        if at == 0:
            org = org[len(name):].lstrip("市省")
    return org or organization

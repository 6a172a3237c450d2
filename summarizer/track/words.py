"""The words tracking is built from (simplified characters; traditional text is matched through
its simplified view)."""

from __future__ import annotations

import re

# What is to happen to the pledged thing, by class: a report of the same class can report it.
EVENTS = {
    "入伙": ("入伙", "入住", "交付使用"),
    "完工": ("完工", "竣工", "建成", "落成"),
    "开通": ("开通", "通车"),
    "投用": ("投用", "投入使用", "启用", "开园", "开业"),
}
EVENT_WORD = re.compile("|".join(w for ws in EVENTS.values() for w in ws))
EVENT_CLASS = {w: cls for cls, ws in EVENTS.items() for w in ws}

# Said of the future: a pledge. 有望/预期 (a forecast of conditions) is not a pledge.
FUTURE = re.compile(r"将|预计|计划|力争|确保|拟|目标|明年|今后|年底前|底前|迎来|争取")
AHEAD = re.compile(r"将|预计|力争|确保|拟|明年|今后|年底前|迎来|争取")  # a figure still to come
TARGET_MARKER = re.compile(r"目标任务|目标数|目标|计划户数|计划数|计划目标|规划目标|任务数")
PAST_TARGET = re.compile(r"原计划|原目标|原定|原规划")
# Done: 已有…入伙, 开始入伙, 均已, 完工了.
DONE = re.compile(r"已经|已有|已|均已|开始|陆续完成|全部完成|实现")
PROGRESS_PERCENT = re.compile(r"完成(?:全年|年度)?(?:目标|任务|计划)+(?:任务)?的?\s*(\d+(?:\.\d+)?)\s*[%％]")
PROGRESS_DONE = re.compile(r"超额完成|提前完成|全面完成|圆满完成|如期完成")
PROGRESS_FAILED = re.compile(r"未完成|未能完成|未达到|未达标|没有完成")
FORECAST_ONLY = re.compile(r"有望|预期|可望")
FORECAST = re.compile(r"预计|计划|将于|将在|拟")

# Words that say nothing about what is counted: dropped before subjects are compared.
STOP = re.compile(
    r"全年|全部|目前|已经|已有|已达|达到|达|已|累计|共计|共有|共|实现|其中|继续|保持|"
    r"预计|计划|将|还将|有|为|是|在|于|的|了|和|及|与|等|约|近|超过|以上|以下|"
    r"基本完成|全面完成|超额完成|提前完成|完成|总体|稳定|情况|方面|进一步|"
    r"她指|他指|表示|指出|介绍|透露|今年|明年|去年|上月|本月|年底|月底|年|月|日|期|第"
)
# A difference in one of these is a different figure, even with the rest the same.
CONTRASTS = (("调查", "登记"), ("城镇", "农村"), ("新增", "累计"), ("户籍", "常住"), ("新建", "改造"),
             ("失业", "就业"), ("出生", "死亡"))
ITEM_LIST = re.compile(r"分别为|分别是|分别位于|包括")
ITEM_SPLIT = re.compile(r"[、，,;；]|及|和|与")
ITEM_NOISE = re.compile(r"第[一二三四五六七八九十\d]+期|项目|校舍改装的|等")

"""The language of the genre, as data: one place for the words every rule is built from.

Government news in Chinese (simplified and traditional: rules read the simplified view, see
`hanzi.simplified_view`) introduces officials with a title before the name, reports with
verbs of speech, pledges with forward cues (将, 力争, 目标是) and reports the past with
retrospective ones (已, 截至, 累计). Rules import these tables and build their patterns with
`alternation`; a word added here reaches every rule that uses its table. Each table is a fact
about the genre, never about one article. The cue words are one table, `CUES`, each with the roles it
plays (a pledge cue, a modal between an actor and its verb, stripped from a metric's subject …);
the older per-use tables are derived from it. Test rows: `tests/test_cues.py` (a positive and a
negative sentence per cue), and per rule family `tests/test_pledges.py`, `test_subjects.py`,
`test_officials.py`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

HAN = r"\u4e00-\u9fff"


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first (so 副市长 wins over 市长)."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@dataclass(frozen=True)
class Cue:
    """A cue word with the roles it plays (see `CUES`), not counted after any of `not_after` or
    before any of `not_before` (将 is no cue in 即将 or 将近; 要 is none in 需要 or 要求)."""

    word: str
    roles: frozenset[str] = frozenset()
    not_after: str = ""
    not_before: str = ""

    def pattern(self) -> str:
        p = re.escape(self.word)
        if self.not_after:
            p = f"(?<![{self.not_after}]){p}"
        if self.not_before:
            p = f"{p}(?![{self.not_before}])"
        return p


def cue_alternation(cues: Iterable[Cue]) -> str:
    return "|".join(c.pattern() for c in sorted(cues, key=lambda c: len(c.word), reverse=True))


# ---------------------------------------------------------------------------- people

# Verbs that introduce what someone says (「X表示，…」, 「X指，…」 in Hong Kong press).
SPEECH_VERBS = ("表示", "介绍", "说", "指出", "谈到", "强调", "认为", "坦言", "透露", "说明", "补充",
                "提到", "提及", "称", "指", "预料", "预计", "估计", "回应", "回复", "回覆", "裁示", "宣示",
                "致词", "答复")
# Verbs after which a named speaker announces something (also counted as speech for speakers).
ANNOUNCE_VERBS = ("宣布", "承诺", "通报", "回答")
# What an official does right after being introduced, other than speaking (「副厅长王建东做客」,
# 「副市长曹振萍作主题发布」, 「院长X出席」): a title, a name, then one of these. (Not 和: it ends
# too many given names, 王建和.)
ACTION_VERBS = ("做客", "作", "出席", "主持", "参加", "调研", "带队", "率队", "率", "会见", "陪同", "看望",
                "慰问", "视察", "考察", "走访", "接受", "致辞", "讲话", "发言", "答", "解读", "指导", "部署",
                "检查", "督导", "到", "来到", "前往", "赴", "一行", "等", "与", "领航", "带领", "逐一", "亲自",
                "再次", "随后", "亦", "又", "早前", "此前", "先前", "日前", "近期", "上午", "下午", "晚上")
# What may stand between an official's name and what they say or do: an honorific (葛国兴先生),
# a date (王晓萍26日在北京介绍, 李立业12月12日预料), a quote mark (吴江“晒”出).
NAME_FOLLOWERS = ("先生", "女士", "博士", "“", "「")
NAME_FOLLOWING_PATTERNS = (r"(?:\d{1,2}月)?\d{1,2}日", r"[一二三四五六七八九十]{1,3}日",
                           r"应(?=[^，,。；;\n]{0,30}?邀)")  # 「总理李克强应大会发言人张业遂的邀请出席」
# Words that follow a title but are no name (「该局局长相关…」, 「常务副市长」, 「国家主席」 read as
# name + role): a name never starts with one.
NON_NAMES = ("相关", "同志", "一行", "向记者", "向媒体", "高度", "全面", "全市", "全区", "全县", "全省", "全国",
             "全体", "于今年", "于近日", "国家", "常务", "党委", "党组", "支部", "原任", "时任", "都", "均",
             "谢谢", "多谢", "感谢")  # 「谢谢主席」 in a transcript thanks the chair
# Official titles (a title phrase ends in one of them: 市卫生健康委党委书记、主任).
ROLE_TITLES = (
    "主任", "局长", "总队长", "支队长", "大队长", "队长", "部长", "厅长", "处长", "科长", "市长", "区长",
    "县长", "镇长", "乡长", "主席", "院长", "校长", "秘书长", "委员", "站长", "所长", "会长", "理事长",
    "司长", "署长", "行长", "总经理", "董事长", "组长", "主委", "书记", "负责人", "巡视员", "调研员",
    "总经济师", "总工程师", "总督学", "总监", "总理", "省长", "州长", "盟长", "旗长", "村长", "社长",
    "首长", "议员", "发言人", "行政长官", "党组成员", "党委委员", "行政总裁", "总裁", "次长", "总统",
    "召集人", "执行长", "行政经理", "主计长", "议长", "特首", "参事", "专员",
    "特派员", "司令员", "政委",  # the central government's commissioner and the garrison's heads in Hong Kong and Macao
)
# Words of the clause that a title pattern may take in before the title (「出席发布会的还有省教育厅
# 副厅长王建华」, 「嘉宾分别是…」, 「会上人社部部长」, 「今日上午在社会文化司司长」): never part of the title.
TITLE_OPENERS = ("刚刚当选", "新当选", "当选", "担任", "出任",
                 "还有", "以及", "分别是", "分别为", "包括", "以下是", "有", "是", "会上", "会后", "今日", "今天",
                 "昨日", "昨天", "上午", "下午", "晚上", "在", "他", "她", "感谢", "特别感谢",
                 # who came along (「下午联同劳工及福利局局长罗致光」), the last name's degree (「罗致光博士和…局长」)
                 "联同", "偕同", "陪同", "连同", "会同", "博士和", "博士及", "和", "及", "与")
# Delegates to a congress: 「党代表程晓红(市人社局党组书记、局长)」 names the official's title in
# brackets; a delegate or CPPCC member alone (「市政协委员方洁」) speaks as no official.
# Legislators likewise (「答覆议员颜汶羽的提问」): the dev set's "What counts" lists them in neither list.
# Bodies outside the government whose staff are no officials, whatever their role: a company's HR
# officer at a job fair, a think tank's or a society's director quoted as an expert.
NON_GOVERNMENT_BODIES = ("公司", "集团", "集團", "企业", "企業", "银行", "銀行", "研究会", "研究會", "学会", "學會",
                         "协会", "協會", "商会", "商會", "基金会", "基金會", "智库", "智庫", "事务所", "事務所")
DELEGATE_ROLES = ("党代表", "人大代表", "政协委员", "个人委员", "议员", "立委", "立法委员")
# A transcript's turn labelled by one of these (「梁熙议员:」, 「记者：」, 「问：」) is a question or an
# opinion, not the government's words: nothing in it is pledged, until the next label.
ASKER_LABELS = (*DELEGATE_ROLES, "委员", "代表", "记者", "主持人", "问", "提问")
# One character a rule may take into a three-character name that the tagger ends before: a modal
# or adverb of what the official does next (「区长刘强将出席」, 「局长王明也表示」; not 「黄明会:」).
NAME_TAIL_WORDS = ("将", "会", "要", "也", "还", "在", "就", "都", "则", "又", "亦")
# A leader cited for a doctrine, not acting in the article: 「贯彻落实习近平总书记关于…的重要讲话」.
DOCTRINE_BEFORE = ("贯彻", "落实", "学习", "遵照", "按照", "践行", "领会", "根据")
DOCTRINE_AFTER = ("关于", "重要讲话", "重要论述", "重要指示", "重要批示", "的重要", "思想", "的讲话")
# An official's appearance announced with 将 is news of an event, not a pledge (「副市长李明将做客
# 民生热线节目」, 「局长将出席开幕式」): the cue followed by one of these within a few characters.
APPEARANCE_VERBS = ("做客", "出席", "亮相", "接受采访", "参加", "走进", "上线")
# A forecast of conditions is no pledge (the dev set's "What counts": 就业形势将保持平稳, 有望超额完成):
# the cue's subject is a condition (these end it: 就业形势, 今年的就业走势), or a forecast word comes before
# the cue and no body or place is the subject (据预测，…毕业生将达3万人; not 社會局預計將再新增9處).
CONDITION_HEADS = ("形势", "走势", "态势", "趋势", "局势", "形勢", "走勢", "態勢", "趨勢", "局勢", "经济", "經濟",
                   "增速", "失业率", "失業率", "就业率", "就業率", "出生率", "需求", "人数", "人數",
                   "矛盾", "压力", "壓力", "挑战", "挑戰",  # 结构性矛盾将更加突出, 就业压力将长期存在
                   "人口", "占比")  # 全县老年人口将达到20万人
FORECAST_WORDS = ("预计", "預計", "预期", "預期", "预测", "預測", "估计", "估計", "料会", "料會", "料将", "料將",
                  "有望", "可望")
# Of those, the ones that forecast with no forward cue after them (有望超额完成; not 公布…供應預測, a noun).
FORECAST_ALONE = ("有望", "可望", "料会", "料會")
# A presenter's agenda is no pledge (「下面，我先就2020年的施政作简要回顾和总结」, 「下面將我局…向各位作
#簡單介紹:」): an opener of what the speaker presents next, then a verb of presenting.
AGENDA_OPENERS = ("下面", "下边", "现在", "首先", "接下来", "以下")
PRESENTING_VERBS = ("介绍", "介紹", "通报", "通報", "回顾", "回顧", "总结", "總結", "汇报", "匯報", "说明", "說明",
                    "解读", "解讀")
# A document's outline is no pledge (「报告共分八个部分:一、…工作回顾;二、今年发展主要目标…」): the
# parts it names are chapters, not what will be done.
OUTLINE_PATTERNS = (r"共分为?[一二三四五六七八九十两\d]{1,3}个?部分", r"分为[一二三四五六七八九十两\d]{1,3}个部分",
                    r"包括[一二三四五六七八九十两\d]{1,3}个部分")
# A document's framing, no pledge of its own: what is sent and how to use it (现将…印发给你们，请认真组织实施;
# 特制定本方案), its guiding thought (坚持以…为指导), and why it matters (…是…的重大举措).
FRAMING_PATTERNS = (r"现将[^。]{0,80}?(?:印发|转发|公布|予以)",
                    r"请[^。]{0,12}?认真(?:组织实施|贯彻落实|贯彻执行|抓好落实)",
                    r"(?:制定|制订|编制)(?:了)?(?:本|如下)[^。，,]{0,8}?(?:要点|方案|计划|意见|办法|细则)",
                    r"(?:制定|制订)[^。，,]{0,10}?(?:方案|要点|计划)如下",
                    r"^(?:(?:全面|深入)?贯彻[^。，,]{2,30}[，,])?(?:坚持)?以[^。]{2,60}?为指导[，,]",
                    r"是[^。，,]{0,30}?的(?:重大|重要|关键)(?:举措|抓手|任务|部署|保障)[。！!]?$")
# A progress report's words (plan against actual, a target beaten, a completion ratio): what was done,
# unless a forward cue before it makes it the aim (确保提前完成全年任务, 力争超额完成, 9月底前，完成…的50%).
PROGRESS_REPORT_PATTERNS = (r"(?:超额|提前)完成", r"完成[^，,。；;]{0,12}的\d+(?:\.\d+)?%",
                            r"完成(?:全?年度?|年初)?(?:计划|目标|任务)\d+(?:\.\d+)?%")  # 完成年计划110.9%
# What was actually done, set against the plan (计划完成7公里，实际完成22.12公里): a report, plan and all.
ACTUAL_DONE = r"实际(?:完成|建成|开工|发放|投入|新增|实现)"
# A title naming a review (a statistical bulletin, a work summary, a progress report, a monthly table):
# its sentences report; only the rules' own cues pledge in it, not the classifier's reading of a bare verb.
REVIEW_TITLE_WORDS = ("统计公报", "工作总结", "上半年总结", "年度总结", "报表", "完成情况", "进展情况", "就业调查",
                      "统计快报")
# What a sentence names as this year's plan (「公布了今年的十件民生实事」, 「确定了2025年民生实事项目」): with a
# forward cue or a plan's heading, the sign that an article speaks of the future at all (pledge_decision).
THIS_YEARS_PLAN_NOUNS = ("实事", "任务", "目标", "工作要点", "项目")
# …or as a plan published (「太原市政府发布实事」, 「印发…实施方案」).
PUBLISHING_VERBS = ("发布", "公布", "推出", "确定", "出台", "印发")
PUBLISHED_PLANS = ("实事", "工作要点", "行动计划", "实施方案", "任务清单")
# A title naming a plan document (教育部2019年工作要点, 2025年民生实事): its time is the deadline of every
# pledge in the document that states none (lang/deadline_scope.py).
PLAN_DOCUMENTS = ("工作要点", "工作要點", "工作计划", "工作計劃", "行动计划", "行動計劃", "实施方案", "實施方案",
                  "工作方案", "实事", "實事", "工作报告", "工作報告", "施政报告", "施政報告", "重点任务", "重點任務")
# A heading over a plan's list (with PLAN_DOCUMENTS): its time goes on over the list's own sub-headings.
PLAN_LIST_WORDS = ("任务清单", "目标清单", "项目清单", "要办", "将办", "民生工程", "惠民工程", "为民办实事", "重点工作",
                   "工作任务")  # (read on the simplified view)
# A plan reported done in the clause of its cue is history (「计划实施的5个项目已于8月底全部竣工」; not
# 「巩固已建成的…」, an attribute, nor 「今年已建成100所，明年将新建200所」, another clause).
COMPLETION_VERBS = ("竣工", "完成", "建成", "完工", "落成", "开通", "开通运营", "投入使用", "启用", "投用", "交付")
# A question about what was done (「重庆是如何把“稳就业”放在更加突出的位置…的?」, 「取得了哪些成效?」):
# in the answer, only the rules' own pledges count, not what the classifier reads into its account.
RETRO_QUESTIONS = ("是如何", "是怎样", "是怎么", "取得了", "取得哪些", "哪些成效", "哪些成绩", "哪些成果", "成效如何",
                   "效果如何", "进展如何", "做了哪些", "做了什么", "开展了哪些", "采取了哪些")
# A meeting's directive is no pledge of the government (「市委五届九次全会强调，全面发展…」): a meeting
# named at the opening, then one of these verbs.
MEETINGS = ("会议", "會議", "全会", "全會", "常委会", "常委會", "常务会", "常務會")
DIRECTIVE_VERBS = ("强调", "強調", "提出", "指出", "要求", "部署")
# The government asks the public to act (呼吁合资格市民把握时间提交申请): an appeal, not a pledge.
APPEAL_VERBS = ("呼吁", "呼籲", "提醒市民", "提醒廣大", "提醒广大", "提醒各位", "欢迎新闻界", "欢迎广大", "欢迎市民",
                "歡迎市民")
# An account of what was done or has been (刚刚过去的2020年, 这些年, 提前完成今年建设任务): a sentence the
# classifier alone takes is none when it holds one of these.
ACCOUNT_MARKERS = ("刚刚过去的", "这些年", "多年来", "提前完成",
                   "顺利完成", "圆满完成", "告捷", "嘉宾有", "嘉宾是")
# A sentence that explains what a term means (「两类人群，就是一老和一小」): with no cue, no pledge.
EXPLAINING_VERBS = ("就是", "即是", "是指", "指的是", "也就是")
# A sentence ending on an event held (「…开幕会在北京人民大会堂举行。」) reports it: with no cue of its own, no pledge.
EVENT_HELD_ENDINGS = ("举行", "召开", "开幕", "闭幕", "举办", "揭牌", "启用", "落成")
# A plan denied is none (政府无计划改变有关安排).
NEGATED_PLANS = ("无计划", "無計劃", "没有计划", "沒有計劃", "并无计划", "並無計劃", "暂无计划", "暫無計劃",
                 "未有计划", "未有計劃", "不打算", "无意", "無意")
# A sentence stating what there is now (「全省共有养老机构2386家」) reports a stock, not a plan, unless a
# forward cue makes it one.
STOCK_VERBS = ("共有", "现有", "拥有", "已有", "尚有", "目前有", "共计", "累计")
# …but not where they open a noun: 共有产权住房 (shared-ownership housing), 现有政策
STOCK_NOUN_AFTER = ("产权", "政策")
# …or a bare 有 right before a count in a sentence that does not open with its verb (「经屋单位有9196个」,
# 「建成的有3843个单位」; not 「新增托位3000个,让更多家庭有1个好去处」): what there is.
STOCK_COUNT = r"(?<![没所拥擁具])有(?:约|近|超过|逾)?[0-9０-９]"
# Verbs that take the counted thing as their object after the count, beyond the counting and plan verbs
# (更换30万只智能水表, 完成50个示范点): a clause opening with one counts the noun after the value.
OBJECT_VERBS = ("更换", "完成", "新开工", "续建", "安装", "配备", "培育", "回收", "补充", "维护")
# Endings of a body the tagger names that the lexicon's own pattern does not cover (领导小组, 房屋署,
# 社會福利處, 立法會, 委员会): a tagged ORG ending so acts; other tagged ORG are often slogans.
TAGGED_BODY_SUFFIXES = ("小组", "处", "署", "会", "院", "办", "所", "站", "队")
# A role held before (「美国前总统欧巴马」, 「原副市长」): whoever holds it no longer acts for anyone.
FORMER_MARKERS = ("前", "原")
# Roles also written after a name or a surname in running text (「温家宝总理」, 「请问齐部长」).
HONORIFIC_ROLES = ("总理", "总书记", "主席", "委员长", "部长", "省长", "市长", "区长", "县长", "州长", "局长",
                   "厅长", "院长", "司长", "署长", "行政长官", "总统", "次长", "召集人", "书记", "处长", "主任",
                   "科长", "秘书长", "议长", "主委")
# Modifiers that may open a role: 党委书记, 常务副市长, 副局长, 二级巡视员, 常任秘书长 (Hong Kong).
ROLE_MODIFIERS = r"(?:党[委组])?(?:代理|署理)?(?:常务|常任)?(?:[一二三四]级)?副?"
# Press and production roles: never officials (bylines, hosts, editors).
PRESS_ROLES = ("特约摄影", "责任编辑", "通讯员", "主持人", "总值班", "实习生", "见习记者", "特约记者", "记者", "编辑",
               "摄影", "作者", "撰稿", "□")
# Characters an organisation name ends with (the organisation part of a title).
ORG_END_CHARS = "委局厅部办院队府会心司站所校处科室团组署"
# How the name of a body ends when an official's name follows it directly (劳工事务局黄志雄局长).
BUREAU_ENDINGS = ("局", "署", "厅", "部", "委", "办", "院", "司", "处", "委员会", "办公室", "中心")
# Common surnames (compound ones separately): a person's name starts with one.
COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "令狐", "公孙", "慕容", "尉迟",
                     "长孙", "宇文", "司徒", "夏侯", "端木", "南宫", "独孤", "申屠")
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
    "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武"
    "戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯"
    "纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪"
    "简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎"
    "甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝"
    "区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸"
    "雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀"
    "衣信展阴昝智幸奉植衡富尧闭由钮蔚洪凤郦谯赖萧阎丘贝鄂庾桓习"
)

# Datelines and bylines that open a story's first paragraph (on the simplified view): they are
# no part of what is said (「本报讯（记者 张瑶）记者昨日从…获悉」, 「【记者林昱均新北报导】」).
DATELINE_PATTERNS = (
    r"[【\[［][^】\]］\n]{1,30}[】\]］]",  # 【记者X台中报导】 【报告内容】
    r"[（(][^）)\n]{0,24}(?:记者|通讯员|实习生|\d日电)[^）)\n]{0,40}[）)]",  # （记者 X） (中央社记者X台北5日电)
    r"本报[^\s，,。（(]{0,8}?讯",  # 本报讯 本报重庆讯
    r"[^\s，,。（(]{1,16}?\d{1,2}月\d{1,2}日(?:电|讯)",  # 新华社北京3月5日电 台海网4月23日讯
    r"(?<=[电讯])[（(][^）)\n]{2,12}[）)]",  # 人民网合肥1月16日电(吕欢欢): the byline's bare name
    r"[^\s，,。（(]{1,12}?[网报台社]讯",  # 湖北日报讯 亳州新闻网讯
    r"据[^\s，,。（(]{1,12}?(?:报道|报导|消息)",  # 据福州日报报道
    r"[^\s，,。（(]{0,24}?记者\s?[^\s，,。]{2,4}\s+(?:发自[^\s，,。]{1,8}\s+)?",  # …记者耿兴敏 发自北京
)

# ---------------------------------------------------------------------------- organisations

# Administrative levels that open an organisation's name (市人社局, 省民政厅, 区政府).
LOCALITY_LEVELS = ("省", "市", "区", "县", "州", "镇", "乡", "自治区", "特区")
LEVEL_CHARS = "".join(w for w in LOCALITY_LEVELS if len(w) == 1)  # 省市区县州镇乡
# Words that stand for "our own government" (resolved to the article's acting body).
SELF_REFERENCES = ("我市", "我区", "我县", "我省", "本市", "本区", "本县", "本省", "我们", "全市", "全区",
                   "全县", "全省")
# What an acting organisation's name ends with.
ORG_SUFFIXES = ("局", "委", "厅", "部门", "政府", "中心", "机关", "总队", "支队", "系统", "部", "署", "委员会",
                "办公室", "集团")
# A body's party organs: not a unit of it that acts (市卫健委党委书记 speaks for 市卫健委).
PARTY_ORGANS = ("党委", "党组", "党工委")
# Suffixes of a bureau named in two to four characters with no level (医管局, 社工局, 房屋署).
SHORT_BUREAU_SUFFIXES = ("局", "署", "处")
# Words that end like an organisation but name none (城乡公共服务布局, 区域医疗中心 is a hospital).
NOT_ORG_ENDINGS = ("布局", "格局", "大局", "结局", "全局", "开局", "医疗中心", "次中心", "服务中心",
                   "常委")  # (市委常委: a member of its standing committee, a title)
# A level character inside these words is no administrative level (区域, 城乡, 城市, 社区, 特区).
NOT_LEVEL_WORDS = ("区域", "城乡", "城市", "社区", "城区", "市场", "县域", "省份", "都市", "特区")
# Function words never inside an organisation's name (「市政协委员方洁为政府」 is two phrases).
NOT_IN_ORG_NAME = "为的在和与对把将是了从向给被由于及等已也还都再又要今目进此各到何某"
# Words with one of those characters that do occur in a name (台北市都市发展局).
IN_ORG_NAME_WORDS = ("都市",)
# Short names of acting bodies that need no level prefix (政府推出…, 中央推动…, 市府將…); any
# noun + 部门/机关 is one too (BODY_HEADS).
BARE_ACTORS = ("政府", "中央", "市府", "县府", "省府", "国务院", "市委", "省委", "区委", "县委", "社会局", "卫生局",
               "民政局", "教育局", "公安局", "财政局", "交通局", "房屋局", "房委会", "劳动局", "社会福利局", "当局",
               # "the bureau's side", as HK and Macao reports write the acting body (局方已將…縮減至…)
               "局方", "署方", "院方", "校方")
# Modals after a clause's subject: who acts when no forward cue opens that clause (当局会持续检视,
# 市府也將與衛生局合作, 高雄也會持續). The subject must still be a body or a place to count.
SUBJECT_MODALS = ("会", "會", "将", "將", "要", "拟", "擬")
# Heads that make any short noun a body in charge (医保部门, 各地医保部门, 公安机关).
BODY_HEADS = ("部门", "机关")
# A body's press or publicity unit (国家卫生计生委宣传司, 泉州市委宣传部, 市政府新闻办): its head briefs the press
# for the body, which is the one that acts.
PRESS_UNITS = ("宣传司", "宣传部", "宣传处", "宣传科", "新闻办公室", "新闻办", "新闻处", "新闻中心")
# Units a plan names by their part in it, each or all (各责任单位, 牵头单位, 各成员单位), and the localities
# below the issuer, each (各县区, 各区县, 各乡镇): the bodies that act in a task list (a unit without 各 before
# a modal only: 「牵头单位适时向市人民政府报告」, not a table's column 「牵头单位 责任单位」).
COLLECTIVE_BODIES = (r"各[^\W\d_]{0,4}?单位", r"(?:牵头|责任|成员|参与|承办|主办|配合)单位(?=要|将|应|须|于|会|适时)",
                     r"各(?:县区|区县|县市区|县（市、区）|县\(市、区\)|乡镇|镇街|街镇|街道|区|县)(?![长委])",
                     # 各地各部门要…, 各级各部门, 各有关部门, 各地将… (「据省人社厅介绍，各地将…」)
                     r"各(?:地区?|级)?各?(?:有关)?部门", r"各地区?(?=要|将|应|须|会|也|还|都)")
# Prefixes for bodies spread over a territory (各地医保部门, 各级政府, 全省人社部门), or naming a government
# by its term (「新一届政府要高度重视民生」, 本届政府): part of the body as written.
BODY_SPREAD = ("各地", "各级", "各", "全省", "全市", "全区", "全县", "全国", "新一届", "本届", "这届")
# Verbs that ask their object to act (a notice's 「请各区…上报」): the body after them acts.
CAUSATIVE_VERBS = ("请", "要求", "责成", "督促", "让")
# Verbs whose object another acts with or for (配合省政府参事室, 协助各区): no actor of later sentences,
# as the body asked to act (督促县教育资助中心, 责请卫生局) acts only in its own sentence.
SUPPORT_VERBS = ("配合", "协助", "協助", "支持", "协调", "協調", "争取", "爭取")
# Verbs that name the unit in charge: 由市人社局牵头.
LEAD_VERBS = ("牵头", "负责", "统筹", "组织", "主办", "承办")
# A task list names the unit in charge in brackets after the item (「（牵头单位：市住建局）」, 「(發展局)」,
# 「(政務司副司長辦公室/相關政策局)」), the label optional; one bracket after a list's last item names the
# unit of the items before it that name none.
LEAD_UNIT_LABELS = ("牵头单位", "责任单位", "牵头部门", "责任部门", "主责单位", "牵头", "责任")
# …and the leader in charge, on a labelled line of its own before the unit's (「牵头领导:省政府分管领导同志」)
LEAD_LEADER_LABELS = ("牵头领导", "责任领导", "分管领导", "联系领导", "牵头市领导", "牵头省领导", "牵头区领导",
                      "牵头县领导")

# ---------------------------------------------------------------------------- pledges

# The roles a cue word plays (one word may play several: 将 opens a pledge, stands between an actor and
# its verb, and is no part of what a metric counts). A role is where the rules read the word:
FORWARD = "forward"  # a sentence with it pledges or plans something (pledges.forward_cue)
RETRO = "retro"  # anywhere in a sentence, it reports what was done (pledges.reports_the_past)
QUESTION = "question"  # a question with it asks about plans: the answer opens a plan (pledges.PlanScope)
CONNECTIVE = "connective"  # may stand before the actor of a clause or between it and the cue (CLAUSE_CONNECTIVES)
PLAN = "plan"  # between an actor and what it will do: before it is who acts, not what is counted (PLAN_MODALS)
AFTER_BODY = "after_body"  # after a body that opens a metric's clause (「市财政局将安排…」: the body is no subject)
MODIFIER = "modifier"  # between an acting body and its verb (VERB_MODIFIERS: 社会局预计将再新增)
LEADING = "leading"  # opens a metric's clause, no part of what is counted (将新增…, 已建成…)
TRAILING = "trailing"  # left at the end of a subject when a verb is read with the value (TRAILING_MODALS)
_MODAL = frozenset({FORWARD, PLAN, MODIFIER, LEADING})  # a forward modal before a verb: 力争, 争取

# Cues that are also nouns (计划), and the tagger's kinds of the word after them that make them the noun
# (計畫盤點 vn, 计划的 u, 计划中 f, 计划者): no plan is said.
NOUN_USE_CUES = ("计划",)
NOUN_USE_AFTER = ("n", "vn", "nz", "u", "f")
# …or the plan's state said right after it (「万九公屋计划共有19260个单位已动工」, 「计划已完成」): the plan as a thing
NOUN_STATE_AFTER = ("共有", "已", "均已", "目前", "至今", "迄今", "累计")

# Every cue word and its roles. 计划/要/将 also have noun and other uses: 计划生育, 培训计划, 下了计划,
# 要求, 要素, 将近, 将“X”改成 (the disposal 将), 该计划 (the scheme); the guards (not_after, not_before) are
# read where the cue is matched as a cue (FORWARD, RETRO). A new cue word goes here with its roles (有望
# opens a pledge and is no part of a subject: `Cue("有望", _MODAL)`); `tests/test_cues.py` wants a row for it.
CUES = (
    Cue("将", _MODAL | {TRAILING, QUESTION, AFTER_BODY}, not_after="即必若",
        not_before="近其一二三四五六七八九十0123456789“‘「《\"'"),
    Cue("要", _MODAL | {AFTER_BODY}, not_after="需主重必只想纪", not_before="求素点闻件害"),
    Cue("力争", _MODAL), Cue("争取", _MODAL), Cue("确保", frozenset({FORWARD, MODIFIER, LEADING})),
    Cue("计划", _MODAL | {QUESTION, AFTER_BODY}, not_after="训作度展施动该此本这各按",  # (按计划: as planned)
        not_before="单生经书内外委地免者，,。；;、」”》』"),  # (计划单列, 计划生育, 计划免疫, 计划者 …)
    Cue("拟", frozenset({FORWARD, PLAN, MODIFIER, AFTER_BODY})),
    Cue("预计", _MODAL | {TRAILING}, not_before="目"),
    Cue("下一步", frozenset({FORWARD, QUESTION, CONNECTIVE})), Cue("今后", frozenset({FORWARD, QUESTION, CONNECTIVE})),
    Cue("目标是", frozenset({FORWARD, MODIFIER})), Cue("目标为", frozenset({FORWARD, MODIFIER})),
    *(Cue(w, frozenset({FORWARD})) for w in ("接下来", "年底前", "月底前", "将要", "即将")),
    # 市长的承诺引起反响, 年初承诺的实事: the pledge as a thing, reported
    Cue("承诺", frozenset({FORWARD}), not_after="的", not_before="的"),
    # scheduled (暂定今年第4季公布分配结果, 定于明年1月实施)
    Cue("暂定", frozenset({FORWARD})), Cue("预定", frozenset({FORWARD})),
    Cue("定于", frozenset({FORWARD}), not_after="决规确"),
    # decided: 我们决定提前两年，用六年的时间把危房改造完毕 (not 决定性, 起决定作用, 作出了决定)
    Cue("决定", frozenset({FORWARD}), not_after="起的出", not_before="性作了的权因于"),
    # a work report announcing its list of tasks (重点抓好以下工作：（一）…)
    # (not after a perfective 了: 主要做了以下几个方面工作 opens an account)
    *(Cue(w, frozenset({FORWARD}), not_after="了") for w in ("以下工作", "以下几方面工作", "以下几个方面")),
    *(Cue(w, frozenset({FORWARD})) for w in ("重点抓好", "着力抓好", "重点做好", "主要任务")),
    # modals that make no pledge on their own: what stands before them is who acts (还将新增)
    Cue("将会", frozenset({PLAN, MODIFIER, TRAILING, CONNECTIVE})),
    Cue("还将", frozenset({PLAN, MODIFIER, TRAILING, AFTER_BODY})),
    Cue("仍将", frozenset({PLAN, TRAILING})), Cue("再", frozenset({PLAN, MODIFIER, TRAILING, CONNECTIVE})),
    Cue("准备", frozenset({PLAN, QUESTION})), Cue("打算", frozenset({QUESTION})), Cue("重点", frozenset({QUESTION})),
    Cue("能够", frozenset({LEADING})), Cue("可以", frozenset({LEADING, MODIFIER})),
    # the past: anywhere in a sentence, it reports what was done
    Cue("已经", frozenset({RETRO, MODIFIER, TRAILING, LEADING})),
    Cue("已", frozenset({RETRO, MODIFIER, TRAILING, LEADING}), not_before="有"),
    Cue("累计", frozenset({RETRO, MODIFIER})),
    *(Cue(w, frozenset({RETRO})) for w in ("成功", "实现了", "得益于")),
    Cue("取得", frozenset({RETRO}), not_before="更"),  # (取得更大成效: what a plan aims at)
    Cue("先后", frozenset({RETRO}), not_before="顺次"),  # 先后举办…2500场: one after another, done (not 先后顺序)
    *(Cue(w, frozenset({RETRO}), not_before="屏器") for w in ("数据显示", "统计显示")),  # figures reported
)


def cues(role: str) -> tuple[Cue, ...]:
    """The cues that play `role`, in the table's order."""
    return tuple(c for c in CUES if role in c.roles)


def cue_words(role: str) -> tuple[str, ...]:
    """The words of the cues that play `role`."""
    return tuple(c.word for c in cues(role))


FORWARD_CUES = cues(FORWARD)
# Forward cues that are not single words: 到2027年 (a future year only: see pledges.forward_cue).
# 会 is "will" in Hong Kong, Macao and Taiwan writing (医管局今年下半年会向财委会申请拨款, 亦会增加…名额)
# only before what a government does; elsewhere it is 会议, 社会, 机会, 不会, a meeting (开幕会, 招聘会,
# 座谈会, 发布会, 听证会, 峰会) ….
# A label naming the year's targets (年度目标:…): a plan's cue, and no speaker's label.
TARGETS_LABEL = r"(?:年度|全年|本年度|主要|预期|工作)?目标(?:任务)?[：:]"
FORWARD_PATTERNS = (r"到(?P<year>20\d\d)年",
                    # from now on: 从今年开始，我们改造40万户; 自明年起 (not 从去年开始: history)
                    r"(?:从|自)(?:今年|明年|下半年|下月|即日)(?:开始|起)",
                    r"将一如既往",  # 将 before 一 is mostly the disposal 将一批…, not here
                    # this or next year's targets introduced by a colon (明年就业再就业工作目标:城镇新增就业1000万人)
                    r"(?:今年|明年)[^，,。；;：:]{0,16}?(?:目标|任务|指标)[：:]",
                    # a label naming the year's targets (「年度目标:实现城镇新增就业50万人以上」)
                    "^" + TARGETS_LABEL,
                    # a plan document proposing this year's targets (政府工作报告提出，今年城镇新增就业1100万人以上)
                    # (「发表2026年施政报告，提出明年继续推出多项惠民安排」)
                    r"(?:工作报告|施政报告|规划纲要|行动计划|实施方案)[^。；;]{0,4}?(?:提出|明确)"
                    r"(?:[，,：:](?=[^。；;]{0,6}?(?:今年|明年|全年|到20))|(?=今年|明年|全年|到20))",
                    r"(?<![社机协学大工议都总例商晚聚理委省全体集开不一只也否幕聘谈览布证峰期])会(?=(?:再|继续|陆续|逐步|进一步|全面|尽快|优先)?"
                    r"(?:增加|增设|开展|提供|推出|推动|推进|加强|扩大|扩展|提升|提高|改善|新增|兴建|建设|设立|向|在|于|"
                    r"为|从|透过|通过|加大|全力|努力|投入|拨款|申请|检讨|研究|审视|加开|开设|推行|落实|实施|"
                    r"启动|优化|放宽|简化|调整|调高|完善|增拨|资助|展开|跟进|深入))")
# What a talk covered, the next steps among it (「陆治原回答记者提问，谈及…的落实成效，以及下一步…的重点安排。」):
# the agenda of what is said after, no pledge of its own.
TALK_SUMMARY = (r"(?:谈及|谈到|介绍了?|说明了?|阐述了?)[^。]{0,60}?(?:下一步|今后|未来|明年)[^。]{0,30}?"
                r"(?:安排|打算|考虑|计划|举措|思路)[。！!]?$")
# Cues that are also the nouns for a plan (棚改3年计划, 从计划开始, 年初确定的目标): in a sentence that reports the
# past with a perfective 了, the plan is named in an account of it.
PLAN_NOUN_CUES = ("计划", "目标")
# How long a condition lasts: 这将会持续很长一个时期, 这也要持续相当长的一段时间 (a forecast, no plan).
LASTING = r"(?:将会|将|要|会)持续(?:很长|相当长|较长|一段|一个)"
# Cues that say what something is for: after a verb with 了 they close an account (成立了…，确保…).
PURPOSE_CUES = ("确保", "確保")
# Not a pledge although a cue word is there: 要办的实事 (what is to be done, a noun phrase); a
# purpose clause with no target, then what it takes (要实现如此庞大的建屋量，MiC是黄金机会;
# 我们要扩大战果，离不开群众的支持); 要 with a verb of seeing or heeding is an assessment of the
# situation (也要引起重视, 我们也要清醒看到), no plan.
FORWARD_EXCLUSIONS = (r"要[\u4e00-\u9fff]的",
                      # how long a condition lasts (这将会持续很长一个时期), what was obtained (争取到, 争取获拨)
                      LASTING,
                      r"争取(?:到|了|获拨|获得了)",
                      # 要 of a comparison (比欧洲国家平均水平要低。): is, not will
                      r"要(?:低|高|好|差|多|少|快|慢|大|小|强|弱|早|晚)(?:于|得多|一些|很多|不少|[，,。；;！!])",
                      r"要(?:引起[^，,。；;]{0,4}?重视|(?:清醒|充分)?(?:地)?(?:看到|认识到|注意到))",
                      r"要[^，,。；;！？!?0-9]{2,30}[，,][^，,。；;！？!?]{0,20}?(?:离不开|离不了|关键在于|关键是|是)",
                      # a meeting's 会, held where the clause ends (「…推进会在西安召开。」; not 「会在下月举行招聘会」)
                      r"会(?=[在于][^，,。；;]{1,16}?(?:召开|举行|举办|开幕|闭幕)[。，,；;！!])")
# 将 taking an object before one of these (将X作为Y) is the disposal 将, which reports what was done
# in a sentence that reports the past elsewhere (国务院成立了…，全国政协将就业优先作为重要议题).
DISPOSAL_VERBS = ("作为", "列为", "列入", "纳入", "视为", "当作", "摆在", "投入", "用于",
                  "送到", "送上", "送达", "带到", "带给")  # 累计建成…，将专业照护送到床边
# A sentence that opens with one of these reports the past or the present state.
# Cues that are also verbs of an account (先后争取、筹集资金; 为确保…落到实处; 年初承诺): in a sentence that opens
# with a time gone by (RETRO_OPENERS) they tell what was done.
ACCOUNT_CUES = ("争取", "确保", "承诺")
RETRO_OPENERS = ("今年以来", "今年来", "截至", "截止", "近年来", "连年来", "多年来", "目前", "去年", "此前", "据")
RETRO_OPENING_PATTERNS = (r"\d{4}年[,，]", r"今年[,，1-9]", r"自.{0,12}以来", r"从\d{4}年",
                          # the years behind (这五年,…; 过去五年…; 五年来,…)
                          r"(?:这|过去|近)[一二两三四五六七八九十\d]{1,2}年[,，来]",
                          r"[一二两三四五六七八九十\d]{1,2}年来[,，]")
# Anywhere: a clause opened by the time since which something holds (「统计显示，2003年以来，…」) reports the past.
# So does a clause opened by a part of the year gone by (「今年一季度,山东人社部门创新打造…」, 「潘文勇透露,一季度,…」).
RETRO_CLAUSE_PATTERNS = (r"(?:^|[，,：:；;])[^，,。；;：:]{1,16}以来[，,]",
                         r"(?:^|[，,：:；;])(?:今年)?(?:第?[一二三四1-4]季度|前[二三两2-3]季度|上半年"
                         r"|1[-—至~]\d{1,2}月)[，,]",
                         # a total that was reached (全区共优化调整中小学幼儿园688所, 各地共举办招聘活动5100余场)
                         r"(?:^|[，,：:；;])[^，,。；;]{0,6}(?<![公总一])共(?:计|有)?[^，,。；;\d]{1,12}?\d")
# Anywhere in a sentence: it reports what was done.
RETRO_MARKERS = cues(RETRO)
# In an official's answer, a sentence with no cue of its own continues the plan only when it does
# something: one of these verbs or adverbs, or a number (「一方面，支持每个地级市至少建成1家托育中心」;
# not 「两类人群，就是“一老”和“一小”」, 「尹蔚民说。」); anywhere, not when it opens as a comment on
# what was said (「这方面社会需求还是比较多的」).
PLAN_ACTION_VERBS = (
    "支持", "推广", "推进", "推动", "建设", "建成", "新建", "改建", "扩建", "改造", "提供", "新增", "增加", "增设",
    "加强", "强化", "完善", "健全", "建立", "落实", "实施", "开展", "扩大", "提升", "提高", "降低", "优化",
    "发展", "鼓励", "引导", "保障", "做好", "抓好", "纳入", "启动", "设立", "设置", "布局", "打造", "培育",
    "开发", "组织", "举办", "发放", "补贴", "资助", "帮扶", "救助", "安置", "招聘", "培训", "解决", "覆盖",
    "确保", "力争", "争取", "完成", "加快", "加大", "深化", "整合", "统筹", "兴建", "投入", "安排",
    "构建", "促进", "推行", "坚持", "实现", "满足", "消除", "筑牢", "织密", "建强", "形成", "营造", "巩固",
    "持续", "着力", "全力", "努力", "积极", "大力", "进一步", "全面", "继续", "重点",
)
COMMENT_OPENERS = ("这是", "这也是", "这方面", "这些", "这就", "也就是", "就是", "可以说", "总之", "总的来说")
# People whose words are opinions, not the government's pledges (「市政协委员方洁为政府点赞：“…要…”」).
# Unnamed, they speak for nobody in the government either (「有专家料…将步入流感活跃期」; not 「有家长
# 抱怨…」 in a sentence whose pledge is the government's: only what they think or say).
UNNAMED_OPINION = ("有", "据", "多位", "一些", "不少", "部分")
# Verbs of a critic (「民主黨胡志偉質疑政府…」): what follows is their challenge, not a pledge.
CRITIC_VERBS = ("质疑", "批评", "指责", "斥责", "促请", "反问", "炮轰", "抨击")
# A photo's caption repeats the body (「图为新北市第127家公托，将于明年启用」): no pledge of its own.
CAPTION_OPENERS = ("图为", "上图为", "下图为", "左图为", "右图为", "图片为", "图：", "图:")
# Someone's belief or hope about what the government will do (「相信政府会一如既往…」): not its pledge.
EXPECTING_VERBS = ("相信", "期望", "希望", "期待", "盼望", "冀望", "期盼")
# A sentence that opens with a condition and goes on to an adverse outcome (「若中央总预算持续未能通过，…将无法
# 如期动支」) forecasts it, no pledge (「若遇到可行的建议，将带回县府研议」 stays one).
CONDITION_OPENERS = ("若", "如果", "假如", "倘若", "一旦", "万一", "要是")
ADVERSE_OUTCOMES = ("无法", "不能", "难以", "影响", "导致", "造成", "延宕", "延误")
# A meeting or session announced (「全国两会即将举行」, 「定期会将于…开幕」): an event's date, no pledge.
SESSION_WORDS = ("两会", "会议", "全会", "大会", "常委会", "定期会", "临时会", "论坛", "博览会")
SESSION_VERBS = ("举行", "召开", "开幕", "闭幕", "揭幕")
GOVERNMENT_WORDS = ("政府", "当局", "市府", "县府", "特区政府")
OPINION_VERBS = ("料", "预料", "预计", "认为", "表示", "指出", "说", "称", "建议", "估计", "担心", "呼吁")
OPINION_HOLDERS = ("政协委员", "人大代表", "专家", "学者", "教授", "市民", "居民", "网友", "家长", "村民", "群众代表",
                   "立委", "立法委员", "议员")
# Words that open a clause without being its subject: connectives and adverbs before the actor
# (此外，福建省将…; 同时，市府也将…) or between the actor and the cue (青岛市还将…).
CLAUSE_CONNECTIVES = ("此外", "同时", "另外", "其中", "当中", "而", "并", "并且", "还", "也", "就", "都",
                      "亦", "则", "又", "会", "正在", "继续", "进一步", "未来", *cue_words(CONNECTIVE))
# From one value to another: the target is the second (由12万元提升至18万元).
CHANGE_TO = ("提升至", "提升到", "提高至", "提高到", "增加至", "增加到", "增长至", "增长到", "降低至", "降低到",
             "下降至", "下降到", "减少至", "减少到", "降至", "降到", "升至", "升到", "扩大至", "扩大到", "缩小至",
             "缩小到")

# ---------------------------------------------------------------------------- numerals

# Fixed expressions and slogans with a numeral and a measure word: never a quantity (a numeral
# is read only with a measure word or a multiplier, so only such words need listing here).
NUMERAL_IDIOMS = (
    "一站式", "一次性", "一揽子", "一把手", "一老一小", "一件事", "一条龙", "一张网", "一张图", "一张蓝图",
    "两会", "三农", "两个确立", "两个维护", "两个一百年", "两个责任", "两个毫不动摇", "两条腿", "两张皮",
    "两手抓", "三个代表", "三个务必", "三个区分开来", "三张清单", "三条红线", "三支一扶", "三项制度",
    "三位一体", "四位一体", "五位一体", "四个意识", "四个自信", "四个全面", "四个一批", "五个一批",
    "八项规定", "十万火急", "三番五次", "三天两头", "三头六臂", "一举两得", "两全其美", "三五成群",
    "五湖四海", "九牛一毛", "两个健康", "两个根本", "四个最严", "三件套", "五个振兴", "三所联动",
)

# Verbs of a work agenda: a small count after one names the parts of the agenda, not a quantity
# (做好三项服务, 抓好两件大事, 照顾好两类人群).
AGENDA_VERBS = ("做好", "抓好", "办好", "管好", "照顾好", "落实好", "把握好", "处理好", "围绕", "聚焦", "突出")
# Words after a count and its noun that go on to say which they are (三项服务，就是…).
# A small count before these counts campaigns, not a measurement (两个专项行动, 三大攻坚战).
CAMPAIGN_WORDS = ("专项行动", "行动", "攻坚战", "战役", "专项整治")
ENUMERATION_OPENERS = ("就是", "即", "是指", "分别是", "分别为", "包括")
# What a named place ends with: a small count right after one, before a noun, says how many the
# place has or which they are (厦门市五个区, 东涌迎东路两个新屋邨, 海华幼儿园、盐田幼儿园两所公办幼儿园).
PLACE_ENDINGS = ("市", "省", "区", "县", "镇", "乡", "村", "路", "街", "邨", "苑", "园")
# Service hours said before the service (24小时病房, 提供24小时通波仔手术, 8小时工作制): a descriptor,
# not a duration measured; the words after which the hours are a limit or a level instead.
SERVICE_HOUR_UNITS = ("小时",)
NOT_SERVICE_AFTER = "内以之的后前左右起为时至到"

# ---------------------------------------------------------------------------- subjects

# A numeral–classifier–noun phrase names what is counted after the value when a verb (or a
# preposition) stands before it: 新增80000张养老床位, 建成10个公交场站, 拿出100万元奖金,
# 对151名…人员; when the value ends its clause the noun before it is counted (新增学位8000个).
COUNT_VERBS = (
    "新增", "增加", "增设", "新设", "设置", "设立", "新建", "建成", "建设", "兴建", "修建", "改建", "扩建",
    "新改扩建", "新改建", "改扩建", "布建", "布设", "打造", "创建", "推出", "提供", "拿出", "投入", "花费",
    "安排", "筹集", "开发", "举办", "排出", "筹备", "组织", "开展", "发放", "培训", "招聘", "吸纳", "解决",
    "救助", "接收", "收治", "收托", "收养", "收容", "帮助", "帮扶", "扶持", "资助", "认定", "确定", "启动",
    "推进", "组建", "培育",
    "改造", "投用", "启用", "完成", "落实", "实施", "破获", "侦破", "查处", "抓获", "抓捕", "打掉", "端掉",
    "摧毁", "解救", "挽回", "兑现", "准备", "建", "增", "有", "共有", "拥有", "现有", "已有", "建有", "设有",
    "促进", "带动", "吸引", "促成", "惠及", "覆盖", "培养", "输送", "转移", "安置",
    "发布", "公布", "聘请", "聘用", "招募", "录用", "接待", "受理", "办理", "审批", "核发", "登记", "命名",
    "授予", "表彰", "选派", "派出", "动员", "欠", "缺", "短缺", "涉及", "走访", "排查", "整改", "调解",
    "加开", "处理", "办结", "审结", "受惠",
)
# Prepositions whose object, after the value, is what is counted; the verb after that object is
# not part of it (为12.2万名失业人员发放失业保险金, 对151名…人员进行核酸检测).
PREPOSITIONS = ("对", "向", "给", "为")
# Verbs of change: a value right after one is an amount of change (提高了1岁, 增长12.9%).
CHANGE_VERBS = ("提高", "提升", "增长", "增加", "下降", "降低", "减少", "上升", "扩大", "缩小", "缩减", "降", "升",
                "延长", "缩短", "提前", "推迟")
# Words between the acting body and its verb (社会局预计将再新增, 目标是兴建, 青岛市共救助了).
# (the cue words among them are the cues with the MODIFIER role)
VERB_MODIFIERS = (
    "会", "可", "能", "还", "又", "共", "共计", "一共", "总共", "合计", "初步", "另", "也", "陆续", "先后", "继续",
    "并", "正在", "新", "全部", "均", "都", "就", "甚至", "了", "过", *cue_words(MODIFIER),
)
# What ends the noun phrase counted after a value (…人员等困难群众, 命案全部破获, 单位落成): a
# predicate or an adverb begins (等 is none in 高等, 等级).
NOUN_STOPS = (
    Cue("等", not_after="高平同中初对相", not_before="级待于同"), Cue("全部"), Cue("已经"), Cue("已", not_before="知"),
    Cue("将", not_after="即必"), Cue("进行"), Cue("落成"), Cue("投入使用"), Cue("用于"),
    Cue("目前"), Cue("预计"), Cue("为", not_after="作行认成称因更"), Cue("也"),
)
# A list item that ends so is summed up by the noun after the value (建成儿科等10个医疗中心).
LIST_ENDS = ("、", "以及", "及", "和", "与", "等", "等等")
# Text after a value that goes on with a predicate, not a noun (12万元提升至…, 5个以上).
PREDICATE_STARTS = ("以上", "以下", "以内", "左右", "至", "到", "比", "较", "同比", "环比", "占", "是", "为",
                    "要", "将", "已", "可以", "可达", "都", "均", "分别", "也", "还", "全部", "和", "及", "与", "或")
# Nouns too general to say what is counted (3万个单位: the clause before names the housing).
GENERIC_NOUNS = ("单位", "项目", "人员", "地方", "方面")
# Measure words and units: never a subject on their own (伙 counts flats in Hong Kong).
MEASURE_WORDS = ("个", "所", "家", "处", "名", "人", "人次", "张", "床", "套", "户", "项", "件", "起", "场",
                 "伙", "校", "间", "座", "条", "次", "元", "万元", "亿元", "岁", "期", "批", "宗", "位")
# Classifiers of a count: a noun right after one is what is counted (改善全市60所中小学校); not the units that
# are nouns themselves (人, 元, 岁, 次) nor durations.
COUNT_CLASSIFIERS = ("个", "所", "家", "处", "名", "张", "套", "户", "项", "件", "条", "座", "栋", "幢", "支", "只",
                     "台", "间", "辆", "批", "宗", "位", "株", "块", "片", "类", "艘", "架", "部", "册", "种", "门")
# Units of a value that is a share or a multiple, not a count (九成, 四倍).
NOT_COUNT_UNITS = ("成", "倍")
# Joiners inside a list of things counted (A、B和C).
LIST_JOINERS = ("、", "以及", "及", "和", "与")
# Openers of a clause that are no part of what is counted (也就是说4年提高了1岁).
SUBJECT_OPENERS = ("也就是说", "就是说", "就是", "即", "当中", "而", "另", "加上", "连同", "根据统计", "据统计",
                   "虽然", "尽管", "但是", "但", "不过", "仍然", "仍", "依然", "并且", "同时")
# Respectively: the values after it take, in order, the things listed before it.
RESPECTIVELY = "分别"
# From one level to another: 养老院从159家增长到175家, 性别比由2015年的113.5降低到….
FROM_WORDS = ("从", "由")
# Openings of a clause that goes on with the value before it rather than pledging one of its own
# (「新增就业6.5万人，其中…」, 「…，同比增长5%」): a pledging sentence is not cut before them.
CONTINUING_OPENERS = ("其中", "同比", "比上年", "比去年", "较", "占", "分别", "即", "相当于", "包括", "含", "共计",
                      "合计", "总计", "累计", "约占", "是", "为", "均", "预计可", "可再")
# How a reporter learnt what follows (记者从市民政局了解到，…): such a clause names nothing counted.
LEARN_VERBS = ("了解到", "获悉", "得知", "获知", "看到", "注意到")
# Who informs the press is not who acts (「据省人社厅介绍，各地将…」, 「记者从市发改委获悉」, 「省人社厅召开
# 新闻发布会」): a body inside such a clause is never the responsible body of a pledge.
INFORMANT_VERBS = ("介绍", "透露", "消息", "统计", "通报", "公布", "发布")
PRESS_EVENTS = ("新闻发布会", "新闻通气会", "发布会", "通气会", "记者会", "吹风会")
# Adverbs left at the end of a subject when a verb is read with the value (长照经费将突破1,000亿元,
# 人口已达…); 会/能/可/均 are not among them (招聘会, 产能, 许可, 人均 end nouns).
TRAILING_MODALS = ("也", "最高可", "最低可", "最多可", "最高", "最低", "最多", "最少", *cue_words(TRAILING))
# Modal words between an actor and what it will do: whatever stands before them and a verb is who
# acts, not what is counted (深圳将新增养老床位 -> 新增养老床位; 市人社局和市教委计划新增见习岗位).
PLAN_MODALS = cue_words(PLAN)
# Modals after a body that opens a metric's clause (「市财政局将安排资金5亿元」: the body is not what is counted).
AFTER_BODY_MODALS = cue_words(AFTER_BODY)
# Cue words that open a metric's clause and are no part of what is counted (将新增…, 已建成…, 力争…).
LEADING_CUES = cue_words(LEADING)
# A question with one of these asks about plans (「下一步有什么打算？」): the answer goes on with them.
QUESTION_CUES = cue_words(QUESTION)
# Verbs of having: the noun before them is what the value after counts (公托共有92家 -> 公托,
# 全省现有养老机构2386家 reads the noun after); unlike 新增 or 救助, nothing before them acts.
EXISTENCE_VERBS = ("共有", "拥有", "现有", "已有", "约有", "尚有", "还有", "有")
# Time words and place prepositions between an actor and its verb: no actor on their own
# (并将于明年再增设1,500个 has none: its subject comes from the clause before).
# A per-unit word before a value: the noun after it is what is paid or counted (给予每人3000元一次性补贴).
PER_UNIT = ("每人", "每户", "每名", "每间", "每家", "每个", "每所", "每位", "每次", "每辆", "每张", "每床", "人均")
# Per a stretch of time: with a per-unit word before a value it is the rate's denominator, not what
# is counted (城市低保标准由每人每月600元提高到620元: the subject is 城市低保标准).
PER_PERIOD = ("每月", "每年", "每季", "每季度", "每天", "每日", "每周")
TIME_WORDS = ("今年", "明年", "去年", "当年", "年内", "年底前", "目前", "近期", "今后", "同期", "于", "在")
# A period right after one of these is the baseline of a comparison (比上年同期增长, 较去年提升,
# 超过去年年底规模), not the time of the value: the value keeps the sentence's own period.
# (比 is none in 占比, a share: 在园儿童占比2019年底达到30%)
BASELINE_CUES = (Cue("比", not_after="占"), Cue("较"), Cue("与"), Cue("同"), Cue("相比"), Cue("相较"), Cue("超过"),
                 Cue("高于"), Cue("低于"), Cue("对比"))
# The present, said after an earlier time (从2016年时只有2.5万名，到现在已超过10万名): the value after
# it is of now, not of that time.
PRESENT_WORDS = ("现在", "如今", "至今", "迄今", "目前")
# Period kinds that open a paragraph of a work report (「2009年，面对…」, 「自2019年10月1日起，…」) and date its
# figures.
# A sentence or paragraph opening with these goes on from the one before, in its time (此外，…; 其中，…).
CONTINUATION_OPENERS = ("此外", "另外", "同时", "与此同时", "其中", "另一方面")
PARAGRAPH_PERIOD_KINDS = ("year", "relative_year", "range_in_year", "quarter", "from")
# the whole year said bare (全年投入…): of the year its sentence or paragraph names
WHOLE_YEAR = "全年"
# A target date that opens a paragraph of a plan (到2025年，…) dates its later sentences' targets.
TARGET_DATE_OPENERS = ("到", "力争到", "争取到", "至")
# A goal named after the values that make it up, with its period before it (…5.5%左右的全年预期目标).
GOAL_WORDS = ("目标", "任务", "计划")

# ---------------------------------------------------------------------------- conditions

# A number that labels, not counts: a floor (1楼为日照中心), a unit's rooms (2房型, 3房单位), before one of
# these; and a number inside a code of letters and digits (B-08, 東區-2).
LABEL_AFTER = ("楼", "樓", "房型", "房")
# A building's storeys describe the building, they count nothing reported (地上13至14層的建物, 规划4栋地上14层):
# the folded unit, and the unit after the last of a range or list of floors (2至3樓, 12、15層).
STOREY_UNITS = ("层",)
STOREY_AFTER = ("层", "層", "楼", "樓")
# Units of a class, not an amount (10千伏线路: the kind of line).
CLASS_UNITS = ("千伏",)
# A phone number's digits are no metric (「查詢電話:(02) 2960-3456轉 3694」): after one of these.
PHONE_WORDS = ("电话", "热线", "专线", "传真", "Tel", "TEL", "tel")
# A travel time or distance before 圈 names a service radius (15分钟生活圈), not a measurement.
RADIUS_UNITS = ("分钟", "小时", "公里")
# Ages and durations in years or months are metrics only as the level of one of these measures
# named in their clause, or as a change of one (提高了1岁, 缩短2个月).
AGE_TIME_UNITS = ("岁", "周岁", "年", "个月", "周年")
# (nouns only: 需时/历时/用时 N年 frame a process, as 需时约1年半 does)
TIME_MEASURES = ("寿命", "年龄", "岁数", "时间", "时长", "时限", "年限", "期限", "周期", "工期", "刑期", "天数",
                 "时效")
# Any duration or age right after one of these is a condition (连续3个月, 年满60周岁, 工作满15年).
DURATION_UNITS = (*AGE_TIME_UNITS, "天", "周", "小时", "分钟")
CONDITION_MARKERS = ("满", "年满", "未满", "不满", "连续", "累计满", "年龄在")
# A threshold on one (以上/以下) is a condition too, unless it is the level reached after one of
# these (达到80岁以上) or of a measure its clause names (平均轮候时间5年以上). 以内 is a time limit
# (24小时以内办结, 3分钟内), a condition only before 的 (3个月以内的).
LEVEL_WORDS = ("为", "是", "达", "达到", "降至", "降到", "增至", "升至", "缩短至", "缩短到", "压缩至", "压缩到",
               "控制在", "保持在", "稳定在", "提高到", "提高至", "延长至", "延长到")
# An age before one of these describes people (80岁以上老人, 5岁以下儿童).
PERSON_NOUNS = ("老人", "老年人", "儿童", "婴幼儿", "幼儿", "少儿", "人口", "居民", "妇女", "男性", "女性", "青少年",
                "未成年", "新生儿", "适龄", "职工", "长者",
                "学生", "孩子", "群众", "人员", "患者", "老龄", "高龄", "失能")
# Verbs between 每 and the 1 an amount is for (每招用1名毕业生补助1500元, 每吸纳1人, 每新增1户).
PER_ONE_VERBS = ("招用", "吸纳", "新增", "安置", "录用", "聘用", "培训", "救助", "帮扶", "接收", "增加")

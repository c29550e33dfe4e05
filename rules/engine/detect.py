"""Find collection misconduct in free text: Chinese first, English too.

How it works, in three passes per text:

1. The text is cut into sentences (。！？) and clauses (，；：).
2. Whole sentences that are advice, rule quotations or the borrower's own
   questions ("逾期会坐牢吗？", "根据规定，不得……", "切勿向个人账户转账") are dropped.
   Clauses that report the borrower's own words ("我说……", "I told them……") are dropped.
3. Cues are found in what is left, with one Aho-Corasick automaton (pyahocorasick)
   for the lexicons (insults, document names…) and compiled regular expressions
   for the structural patterns ("我是……公安局的"). A cue preceded by a negation
   in its clause ("不会上门", "没说欠钱的事", "did not threaten") does not count.
   "不还钱就……" is a condition, not a negation: the negation scope ends at 就/否则.

Everything compiles lazily once per process (see `_matchers`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

import ahocorasick

from .textmodel import text_model
from .types import Certainty

#: The rules that can be found in text, in catalogue order.
TEXT_RULES = (
    "threat",
    "insult",
    "impersonating_authority",
    "fake_legal_document",
    "false_legal_consequences",
    "debt_disclosed_to_third_party",
    "third_party_collection",
    "public_shaming",
    "identity_not_disclosed",
    "extra_fee_or_private_account",
    "inducing_new_borrowing",
    "improper_visit",
)

_SENTENCE_SPLIT = re.compile(r"(?<=[。！？!?\n])|(?<=[a-z0-9\"'][.])\s+")
# Voice-to-text has no punctuation: a space between two Chinese characters ends a clause.
_CLAUSE_SPLIT = re.compile(r"[，,；;：:、]+|(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")

# Sentences that only give advice, quote the rules or ask the app a question.
_ADVICE = re.compile(
    r"根据.{0,12}规定|依据.{0,12}规定|警惕|谨防|切勿|请勿|一定是诈骗|都是诈骗|可以举报|是违法的"
    r"|不会通过|应当由法院|我想问|这是真的吗|是真的吗|会吗[？?]|^(我|有人|听说)[^。]*吗[？?]$"
    r"|不要相信|别相信|不要轻信|^[^你您]{0,30}(会|能|可以|算|要)[^你您，]{0,10}吗[？?]$"
    r"|\bnever\b|\bis it true\b|\bwill i\b|\bcan i\b",
    re.IGNORECASE,
)
# Questions the collector asks ("你知道吗？", "你信不信") are not advice.
_COLLECTOR_QUESTION = re.compile(
    r"你知道|信不信|是不是聋|你不会去|你不会|你是他|还有额度|还能刷|有脸"
)

# A clause that reports the borrower's own words or acts.
_BORROWER_WORDS = re.compile(
    r"^(我|我也|我就|我又|我已经)(说|问|告诉|跟.{0,6}说|回复?|回他|想|打算|准备|担心|查|拨打|向|报警|报了警)"
    r"|^我(自己|主动)|^(有个?|我的?)(朋友(?!圈)|律师|民警)"
    r"|^(有人说|听说)"
    r"|^i (said|asked|told|replied|wonder)",
    re.IGNORECASE,
)

_SPEECH_INTRO = re.compile(r"(说|回他|回复|回|告诉他|跟他说|said|replied|told (him|them))$", re.I)
_OTHER_SPEAKER = re.compile(r"^(他|她|对方|催收|他们|they\b|he\b|she\b)", re.I)
# Names of (fake) documents are not claims of consequences: "《刑事拘留通知书》".
_DOCUMENT_NAME = re.compile(
    r"(刑事)?(拘留|立案|逮捕)(通知|决定)书?|逮捕令|通缉令|arrest warrant", re.I
)

# Negation right before a cue, within the clause. "不还/不接/不处理" are conditions.
_NEG_ZH = re.compile(
    r"(不会|不是|不得|不要|不能|不用|不必|不收|不建议|没有|没|未|别|勿|无需|并非|从未|从不|禁止|严禁|不构成|不)"
)
_NEG_EN = re.compile(
    r"\b(not|never|no|don't|doesn't|didn't|won't|wouldn't|cannot|can't|without)\b", re.I
)
_CONDITION_NEG = re.compile(
    r"不(还|接|处理|到账|给|付|配合|回|结清|理|交|出来|想)|不(?=就)|要是不|如果不|不然|否则|没有?钱|没收入"
    r"|(能|会|是|要|肯|愿|可|行|信)不(能|会|是|要|肯|愿|可|行|信)"
)
_SCOPE_BREAK = re.compile(r"就|否则|不然|再|要是|如果|才|\bor\b|\bif\b|\bunless\b", re.I)


@dataclass(frozen=True, slots=True)
class _Cue:
    rule: str
    negatable: bool = True


def _rx(*parts: str) -> re.Pattern[str]:
    return re.compile("|".join(parts), re.IGNORECASE)


# Structural patterns per rule (clause scope unless marked sentence scope).
_PATTERNS: dict[str, tuple[re.Pattern[str], ...]] = {
    "threat": (
        _rx(
            r"(打断|打折|打残).{0,4}(腿|手|胳膊)",
            r"(弄死|打死|砍死|整死|搞死|废了你|弄残|砍你|捅你|撞死)",
            r"(收拾|教训)(你|他|她|我)",
            r"出(点|了)?(什么)?事",
            r"小心(点|你|她|他)|注意安全",
            r"(知道|清楚)你(家)?(住|在)哪",
            r"(知道|认识).{0,8}(老婆|老公|孩子|儿子|女儿|爸妈|父母|家人|学校|上学)",
            r"(砸了|砸烂|砸你|烧了|烧掉|泼油漆|泼粪)",
            r"(全家|家人|一家|你家).{0,4}(不得安宁|好看|别想好过|倒霉|遭殃)",
            r"后果(自负|你自己承担|很严重)|别怪我们?(不客气|没提醒)|不客气|别后悔",
            r"让你.{0,8}(好看|待不下去|混不下去|没好日子)",
            r"你(懂|明白)我的意思",
            r"(带人|找人|叫人|兄弟|派人).{0,8}(过去|去你|来你|找你|堵|坐坐|闹|教训)",
            r"(饭碗|工作)都?保不住|不是聊天这么简单|一切手段",
            r"(学校|单位).{0,4}(拜访|找).{0,6}(懂|明白)",
            r"(去你|到你)(单位|公司)(闹|堵)",
            r"(卸|砍|剁|打断|打折|废|弄断)(了)?(你|他|她)?的?(一条|一只|两条|几根)?(腿|手|胳膊|手指|脚|牙)",
            r"砸(门|窗|玻璃|车|店|你家|烂)|(门|窗|玻璃|车|店)[^，。]{0,4}砸",
            r"(去|到)你?的?(老家|家里|家|单位|公司|学校)[^，。]{0,4}找你?的?"
            r"(父母|爸妈|家人|老婆|老公|孩子|儿子|女儿|爸|妈|老人)",
            r"(父母|爸妈|家人|老婆|老公|孩子|儿子|女儿|老人|家里人)[^，。]{0,6}(我们的人|兄弟)",
            r"(我们的人|我们兄弟|兄弟们)(就|已经|马上|现在|今天|明天)?[^，。]{0,4}(在|到|去|过去|过来)",
            r"(老婆|老公|孩子|儿子|女儿|爸妈|父母|家人|你)[^，。]{0,10}"
            r"(在哪|哪里|哪个|哪所|住址|上班的地方|学校|幼儿园)[^，。]{0,10}(都|已经|早就)?(知道|清楚|摸清|查到)",
            r"(知道|清楚|摸清).{0,8}(幼儿园|上班的地方|公司|单位)",
            r"(敢|再)[^，。]{0,8}试试|试试看|走着瞧|等着瞧|有你好受|有你好看|有你受的|好果子吃|你给我等着",
            r"有的是(人|办法|手段)|出(点|了)?(什么)?意外|不得安生|不安生|别想安生|过不(安生|好|踏实)",
            r"(拿|带|提)(着)?刀|堵(住)?你|(楼下|门口)(堵|等)你",
            r"(照片|视频|裸照|私照)[^，。]{0,6}(发|传|挂)到?(网上|网络)",
        ),
        _rx(
            r"\b(hurt|harm|kill|beat up|burn down|burn your|smash)\b",
            r"break your (legs?|arms?)",
            r"watch your back|regret it|regret this",
            r"we know where (you|your)",
            r"threaten(ed)? to",
            r"send (some )?(guys|people|someone|men|the boys)|won't like it|you'll be sorry",
        ),
    ),
    "insult": (
        _rx(
            r"(骂(我|人|了|得|我是)|脏话|祖宗十八代)",
            r"(^|[，。！\s])妈的",
            r"(不要脸|有脸|丢尽)",
            r"脸皮.{0,6}厚|廉耻|死皮赖脸|装孙子|没爹妈|没教养|猪狗不如|狼心狗肺|脑子(有病|进水|坏了)",
            r"傻[xX×叉]|\blow货",
        ),
        _rx(r"\bcalled me an? \w+", r"\bpiece of (shit|trash)\b"),
    ),
    "impersonating_authority": (
        _rx(
            r"(我|我们|本人|这里|这边|我这边|我方)(是|系|就是)[^，。]{0,14}"
            r"(公安|警察|民警|警官|派出所|法院|法官|执行局|执行庭|书记员|检察|司法局|司法机关|政府|街道办|监管局|仲裁委|公检法)",
            r"自称(是)?[^，。]{0,10}(警察|民警|公安|法院|法官|检察|政府|司法)",
            r"(说|称)(他|她|自己|他们)?(是|为)[^，。不]{0,8}(警察|民警|公安|法官|法院|检察|政府|司法局)",
            r"(政府|法院|公安|司法机关)(指定|委派)",
            r"有执法权",
            r"^(司法局|公安局|法院|检察院)(通知|公告)",
            r"(自称|冒充|假冒|假装)(是)?[^，。]{0,12}(公安|警察|民警|警官|派出所|经侦|刑警|刑侦|网警|法院|法官|执行局|执行庭|书记员|检察|司法局|司法机关|政府|街道办|监管局|银保监|金融监管|证监|人民银行|人行|征信中心|仲裁委|公检法|反诈中心)",
            r"(说|称)(他|她|自己|他们)?(是|为)[^，。不]{0,8}(经侦|刑警|网警|银保监|金融监管|人民银行|征信中心|反诈)",
            r"^[^】]{0,12}(法院|公安局|检察院|派出所|司法局)】",
        ),
        _rx(
            r"\b(this is|i am|i'm|we are|we're|calling from|calling on behalf of|on behalf of)\b[^.,]{0,30}"
            r"\b(police|court|procuratorate|public security|officer|judge|government)\b",
            r"\b(said|claimed) (he|she|they) (was|were|is|are) (a |an |from )?(the )?(police|officer|court|judge)",
            r"\b(claimed|claiming|said|pretended|pretending) to be\b[^.]{0,20}"
            r"\b(police|officer|court|judge|clerk|bailiff|prosecutor|government|regulator)",
        ),
    ),
    "false_legal_consequences": (
        _rx(
            r"坐.{0,3}牢|判刑|判.{0,3}年|拘留|刑事|(构成|涉嫌|是|属于|刑事)犯罪|犯罪(行为|了)|涉嫌|立案侦查|骗贷",
            r"(就是|属于|构成|是|这是)(恶意)?(诈骗|逃债|犯罪)",
            r"通缉(?!令|海报)",
            r"(公安|警察|民警)(就|会|马上|直接|明天|今天|将)?.{0,3}(上门|来你家|来抓|抓|带走|带人)",
            r"(抓你|抓人|抓起来|带走|来抓)",
            r"报警|报案|移交公安",
            r"(身份证|银行卡|账户).{0,6}冻结|冻结.{0,4}(身份证|银行卡|全部)",
            r"坐不了(飞机|高铁|火车)|拦下",
            r"(上不了|考不了|不能|无法)(大学|参军|考公|当兵|上学|公务员)|(子女|孩子).{0,8}(参军|考公|公务员|政审)",
            r"(全家|家人).{0,6}黑名单|失信黑名单|公安系统",
            r"限制出境|出不了国|被没收|没收(你|财产|房)",
            r"传唤|(已经?|已被|马上|就要)(被)?(把你)?(列为|列入|纳入|报进|拉进|上了|进了|报上)[^，。]{0,4}(失信|黑名单)",
            r"(你|您)(已经?)?(被|是)(列为)?失信(被执行人)?|说我(已经)?(在|上了)(上面|名单)",
            r"(飞机|高铁|火车)[^，。]{0,6}坐不了|网上逃犯|逃犯|刑事责任|拍卖",
        ),
        _rx(
            r"\b(be arrested|go to (jail|prison)|prison|jail)\b",
            r"\bis (a )?(fraud|crime|criminal)\b",
            r"police (are|will be) coming|police will (come|arrest)",
            r"(children|kids).{0,25}\b(not|never|cannot|can't|won't)\b.{0,25}(university|school|civil service)",
            r"blacklist|passport (will be|is|has been) (cancel+ed|revoked|confiscated|frozen)|criminal record",
        ),
    ),
    "public_shaming": (
        _rx(
            r"朋友圈|(业主|家族|微信|工作|公司|村|家长|同学)群|群(里|发)",
            r"(贴|张贴).{0,10}|海报|大字报|横幅|曝光",
            r"微博|抖音|快手|(网上|网络上).{0,4}(曝光|发|挂)",
            r"通讯录.{0,8}(群发|所有人)|群发",
            r"(老赖|催收)(通告|公告)|通告",
            r"(欠款|欠债|欠钱|债务|老赖)(的)?(信息|情况|记录|截图|照片)?[^，。]{0,8}(发|挂|贴|传)(到|在)?(网上|网络|朋友圈|群)",
            r"(喷|写|刷|涂)(了|上)?[^，。]{0,4}[“\"]?(欠债|欠钱|老赖|还钱)",
            r"(门上|墙上|楼道|门口|电梯)[^，。]{0,8}(喷|写|刷|涂|贴)",
        ),
        _rx(
            r"\b(post|posted|posting)\b",
            r"wechat group|weibo|social media|contact list",
        ),
    ),
    "identity_not_disclosed": (
        _rx(
            r"(不肯|不愿|拒绝|不)(说|透露|告诉|说明|报|讲)[^，。]{0,6}(身份|名字|姓名|公司|机构|工号|是谁|哪|自己)",
            r"不肯(报|说)|拒绝(说明|透露)",
            r"我是谁(不重要|跟你没关系|你别管)|别管我是谁|不用管我们?是(谁|哪)",
            r"你不需要知道|少问",
            r"不能告诉我(他|她)是谁",
            r"你管(我|我们)是?(谁|哪)|管得着|(没必要|不需要|无需|用不着)(让你)?知道|不方便(透露|告诉|说)",
            r"(哪家|哪个|什么)(公司|机构|平台|单位)[^，。]{0,6}(死活|就是|始终|一直|都)(不说|不肯|不告诉|不透露)",
            r"我(姓什么|叫什么|是谁|是哪)[^，。]{0,6}(不重要|无所谓|跟你没关系|你别管|不关你)",
        ),
        _rx(
            r"\b(wouldn't|would not|refused to|won't|did not|didn't)\b.{0,10}\b(tell|say|give|disclose)\b.{0,30}"
            r"\b(name|company|who|which)\b",
            r"doesn't matter who i am|none of your business",
            r"\b(refused|wouldn't|would not|won't)\b[^.]{0,20}\b(name|company|who (he|she|they))",
        ),
    ),
    "extra_fee_or_private_account": (
        _rx(
            r"(催收|上门|外访|服务|手续|停催|律师|加急)(服务)?费",
            r"另(外|收|交|需).{0,16}费",
            r"(辛苦|好处|茶水|跑腿|疏通|委外|停催|加急|消除逾期|修复征信|结清证明)(服务)?费",
            r"(转|打)(到|给)(他|她|我)的?(老婆|老公|家人|朋友|同事|亲戚)?的?(支付宝|微信|银行卡|卡|账户|收款码)",
            r"多转.{0,6}(作为|当)",
            r"(个人|私人)(的)?(账户|账号|银行卡|卡|支付宝|微信|收款码)",
            r"(转|打|扫)(到|给)?(我|他)(个人|私人)?(的)?(微信|支付宝|卡|账户|收款码|这个)",
            r"转给我|(打|转)到这个(微信|支付宝|账户|卡)",
            r"户名",
        ),
        _rx(
            r"collection fee|personal (alipay|wechat|account|bank)",
            r"\bmy (personal )?(wechat|alipay|bank account)",
            r"\b(collection|service|processing|handling|visit) (service )?fee|\bextra\b[^.]{0,30}\bfee",
        ),
    ),
    "inducing_new_borrowing": (
        _rx(
            r"以贷养贷|借新还旧",
            r"(别的|其他|另外的?|别家|那么多)(贷款)?(平台|app|口子|网贷)",
            r"(去|先)借.{0,10}还(我们|这|上)",
            r"套(现|出来)",
            r"(办|刷).{0,4}信用卡|信用卡.{0,4}(刷|套)",
            r"口子|下款|高利贷|抵押贷款|借网贷",
            # A platform named in a reminder ("【借呗】…还款") is not pressure to borrow: it takes
            # a push to use it ("去借呗借点", "用花呗把这个还了") or a loan from it ("借借呗").
            r"(去|用|拿|从|在|开|刷|套|找)[^，。]{0,3}(借呗|花呗|白条|月付|分期乐|微粒贷)[^，。]{0,12}(还|补上|借|额度|套)"
            r"|(借呗|花呗|白条|月付|分期乐|微粒贷)(里|上)?(还有|有没有|的)?额度"
            r"|借.{0,6}(借呗|花呗|白条|月付|分期乐|微粒贷)",
            r"找.{0,4}(朋友|亲戚|家人).{0,2}借",
            r"(去|可以).{0,10}(app|App|平台)上借",
            r"借出来[^，。]{0,6}(还|平|补|结)|当天放款|放款快",
            r"找[^，。]{0,6}(小贷|贷款公司|借贷|中介)|去[^，。]{0,6}周转",
            r"(白条|月付|花呗|借呗|微粒贷|信用卡|网贷)[^，。]{0,4}(开通?|申请|办)(一下|了|个)",
        ),
        _rx(
            r"\b(another|other) (lending )?app\b",
            r"\bborrow from\b|\btake out a (new )?loan\b|\bcash out\b",
            r"\b(another|a new|new) loan\b|(apply for|get|open) (a |another )?(new )?credit card",
        ),
    ),
    "improper_visit": (
        _rx(
            r"不走|赖着|不离开|不肯走|住下|坐了.{0,4}(小时|下午)|强行(进|闯)|堵了?我|待到",
            r"一个人(来|到|上门)|只有一个人",
            r"(楼下|门口)(等着|守着)|等到你回来",
            r"赖在|跟(着|踪)我|尾随|堵在我|不让我(出|走|进)",
            r"当着[^，。]{0,6}(同事|邻居|家人|客户|领导|朋友)的?面",
            r"(天天|每天|一直)(来|到|去)你?[^，。]{0,4}(店|家|公司|单位|门口)[^，。]{0,4}(坐|守|等|闹|堵)",
            r"上门[^，。]{0,6}(喷|泼|砸|写|贴|闹)",
        ),
        _rx(
            r"refused to leave|would(n't| not) leave|at midnight|at 1[0-2] ?pm|came alone|banging on",
            r"(showed up|turned up|came) (at|to) my (workplace|office|work|school)",
        ),
    ),
    "fake_legal_document": (
        _rx(
            r"传票|拘传|逮捕令|逮捕证|通缉令|立案通知|立案决定|拘留通知|起诉状|查封通知|执行通知|律师函|协查函|冻结通知",
            r"拘留证|公函|协查通报|保全通知|失信被执行人名单[”\"]?(截图|图片|照片)",
            r"(盖|印)(着|了|有)[^，。]{0,6}(红章|公章|钢印|章)|(检察院|法院|公安局|派出所)(出具|开具|签发|下发)",
        ),
        _rx(r"summons|arrest warrant|\bwarrant\b|court order|lawyer'?s? letter|case-filing notice"),
    ),
}

# Lexicons matched with Aho-Corasick (many literal words, one pass).
_LEXICONS: dict[str, tuple[str, ...]] = {
    "insult": (
        "老赖",
        "垃圾",
        "废物",
        "畜生",
        "王八蛋",
        "傻逼",
        "傻b",
        "sb",
        "婊子",
        "人渣",
        "渣滓",
        "狗东西",
        "他妈的",
        "你妈的",
        "tmd",
        "去死",
        "蠢货",
        "没脑子",
        "无赖",
        "骗子",
        "混蛋",
        "浪费空气",
        "贱人",
        "idiot",
        "stupid",
        "scumbag",
        "trash",
        "deadbeat",
        "worthless",
        "bitch",
        "loser",
        "thief",
        "lying",
        "moron",
        "猪脑子",
        "窝囊废",
        "白眼狼",
        "low货",
        "神经病",
        "脑残",
        "弱智",
        "白痴",
        "败类",
        "寄生虫",
        "孬种",
        "缩头乌龟",
        "贱骨头",
        "不要脸的",
        "丢人现眼",
        "穷鬼",
        "狗娘养",
        "coward",
        "scum",
        "pathetic",
        "parasite",
    ),
}

# Demand for payment made to someone other than the borrower (sentence scope).
_THIRD_PARTY_DEMAND = _rx(
    r"(替|帮|代)(他|她|我|你(儿子|女儿|哥|姐|弟|妹|老公|老婆|爸|妈))[^，。]{0,10}(还|偿还|垫付|垫)",
    r"帮(你|他|她)[^，。]{0,4}把.{0,10}还",
    r"(替|帮|代)你的?(朋友|同事|男朋友|女朋友|家人|亲戚|员工|表哥|表姐|表弟|表妹|孩子|家里)[^，。]{0,8}(还|偿还|垫)",
    r"(女儿|儿子|老公|老婆|孩子|弟弟|哥哥|姐姐|妹妹|朋友|员工|男朋友|女朋友)的(债|欠款|账)[^。]{0,12}(你|你们)[^。]{0,6}"
    r"(管|还|承担|负责)",
    r"(他|她)(欠|借)的(钱|债|款)[^。]{0,10}(你|你们|家里人)[^。]{0,8}(还|凑|垫|出|管|承担)",
    r"从(他|她)的?工资里?扣",
    r"\b(pay|cover|settle|clear) (off )?(his|her|their) (overdue |outstanding )?(debt|loan|balance|payment|bill)",
    r"\b(pay|cover|settle|clear) (off )?your \w+'s (overdue |outstanding )?(loan|debt|balance|payment)",
    r"代为(还款|偿还)|由你来还|你来还|就得(替.{0,3})?还|父债子还",
    r"(pay|repay) (his|her|their) (debt|loan)|on (his|her) behalf|pay (it|the debt) for (him|her)",
)
# "我问他是哪家公司的，他就挂了": the question and the dodge sit in different clauses.
_IDENTITY_DODGED = _rx(
    r"问(他|她|对方)?[^。]{0,8}(哪家|哪个|什么)(公司|机构|平台|单位)?[^。]{0,24}(挂|不说|不肯|不回答|你自己)",
    r"问(他|她|对方)?[^。]{0,6}(是谁|叫什么)[^。]{0,10}(就|只)说(是|他是|她是)?[“\"]?[^”\"，。]{0,12}的人",
)
_NIGHT = _rx(
    r"凌晨|半夜|深夜|夜里|晚上(十|10|11|十一|十二|12)(点|:|：)|\bmidnight\b|\b1[01] ?pm\b"
    r"|(早上|清晨|清早)[五六56](点|:|：)"
)
_VISIT = _rx(r"上门|敲.{0,3}门|(来|到)我家|门口|催款|催债|\bcame\b|\bvisit|\bdoor\b")
_GUARANTOR = _rx(r"担保人|保证人|guarantor")
_NOT_GUARANTOR = _rx(r"不是|\bnot\b")
_VOLUNTARY = _rx(r"我自己愿意|自愿|我愿意|voluntar")

# Disclosure: the debt is told to someone else (sentence scope).
_DEBT = _rx(r"欠|逾期|借款|借了|网贷|不还|债|\bowes?\b|overdue|unpaid|\bdebt\b|\bloan\b")
_DEBT_NEGATED = _rx(r"(没|没有|未|不)(说|提)[^，。]{0,3}(欠|借|逾期|债)")
_THIRD_PARTY_ADDRESSED = _rx(
    r"(你|您)(的)?(朋友(?!圈)|同事|儿子|女儿|老公|老婆|丈夫|妻子|弟弟|哥哥|姐姐|妹妹|哥|姐|弟|妹|父亲|母亲|爸|妈|亲戚|员工|表哥|表姐|家人)"
    r"[^，。？?]{0,12}(欠|借款|借了|逾期|欠款|债|一笔)",
    r"是[^，。]{1,8}的(父亲|母亲|朋友|同事|紧急联系人|家属|亲属|老公|妻子|爸爸|妈妈)",
    r"紧急联系人|你们(的)?(员工|公司员工|单位)|请单位",
    r"(他|她)(在我们|在我司|在我们这|欠|的欠款|的借款|借了|有一笔)",
    r"(先生|女士|小姐)(在我们|在我司|的借款|欠)",
    r"联系不(到|上)(他|她)",
    r"(告诉|通知|告知)(你|您)们?的?(领导|家人|同事|朋友|父母|爸妈|单位|老板|亲戚)",
    r"\b(your|his|her) (friend|colleague|son|daughter|mother|father|husband|wife|brother|sister|employee)",
    r"\bis this [^.?]{0,20}(colleague|friend|mother|father|relative|boss)",
    r"\b(he|she) owes\b",
)
_THIRD_PARTY_NARRATED = _rx(
    r"(打给|打电话给|打到|给|联系了?|告诉|通知|发给了?|发短信给|打了电话给|逼|让|加了?)(了)?(我|我的)?(所有)?"
    r"(小区|公司|单位|大学|老家)?"
    r"(前男友|男友|女友|男朋友|女朋友|前夫|前妻|物业|房东|同学|老师|表弟|表妹|堂哥|堂姐|客户|上司|主管|人事|妈|爸|父母|父亲|母亲|家人|同事|朋友|领导|老板|单位|室友|表哥|表姐|亲戚|前台|姐|哥|弟|妹|老公|老婆|邻居|前同事)",
    r"爆(了)?(我的?)?通讯录|当着[^，。]{0,6}(同事|邻居|家人|客户|领导|朋友)的?面",
    r"\b(called|messaged|texted|told|contacted|phoned) my (landlord|landlady|manager|neighbou?rs?|roommates?"
    r"|boyfriend|girlfriend|coworkers?|boss|sister|brother|mother|father|mum|mom|dad|colleagues?"
    r"|friends?|family|employer|wife|husband|relatives?)",
)
# "室友都收到了短信": people around the borrower learnt of the debt (not through a public post,
# which is public shaming).
_HEARD_OF_IT = _rx(
    r"(室友|同事|朋友|家人|亲戚|同学|领导|邻居|爸妈|父母)[^，。]{0,4}(都|也)(收到|接到|知道)"
)
_PUBLIC_POST = _rx(r"群|朋友圈|网上|微博|抖音")
_NARRATED_DEBT = _rx(
    r"说我|讲我|我(欠|借)|我的欠款|欠款(信息|截图|情况)|我在他们|欠钱|欠款|借钱|欠了|网贷|要我还|about my|\bi owe\b"
    r"|defaulted|in debt|\bowed?\b",
)


# "说是检察院出具的" names an issuer; "会由合作律所出具律师函" announces a lawful letter.
_ISSUED_BY = _rx(r"(说是|称是|是)[^，。]{0,12}(出具|开具|签发|下发)")
_LAWFUL_LETTER = _rx(
    r"(会|将|可能|先)[^，。]{0,10}(律所|律师事务所|律师)[^，。]{0,4}(出具|发送?)律师函"
)


@dataclass(frozen=True, slots=True)
class _Matchers:
    automaton: ahocorasick.Automaton


@cache
def _matchers() -> _Matchers:
    automaton = ahocorasick.Automaton()
    for rule, words in _LEXICONS.items():
        for word in words:
            automaton.add_word(word.lower(), (rule, len(word)))
    automaton.make_automaton()
    return _Matchers(automaton=automaton)


def _is_english(text: str) -> bool:
    ascii_letters = sum(1 for ch in text if ch.isascii() and ch.isalpha())
    return ascii_letters > 0.5 * max(1, len(text.strip()))


def _negated(clause: str, start: int) -> bool:
    """Is the cue at `start` negated within its clause?"""
    before = clause[:start]
    breaks = list(_SCOPE_BREAK.finditer(before))
    if breaks:
        before = before[breaks[-1].end() :]
    if _is_english(clause):
        words = re.sub(r"\bwhy not\b", "", before, flags=re.I).split()[-5:]
        return bool(_NEG_EN.search(" ".join(words)))
    window = _CONDITION_NEG.sub("", before[-8:])
    return bool(_NEG_ZH.search(window))


def _first_unnegated(pattern: re.Pattern[str], clause: str) -> bool:
    return any(not _negated(clause, m.start()) for m in pattern.finditer(clause))


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_SPLIT.split(text) if s and s.strip()]


def _is_advice(sentence: str) -> bool:
    return bool(_ADVICE.search(sentence)) and not _COLLECTOR_QUESTION.search(sentence)


def _clauses(sentence: str) -> list[str]:
    return [c.strip(" “”\"'《》【】") for c in _CLAUSE_SPLIT.split(sentence) if c.strip()]


def _collector_clauses(clauses: list[str]) -> list[str]:
    """Drop the clauses that carry the borrower's own words.

    "我回他：你们再骂人我就投诉": after "我回他" the borrower keeps speaking until
    someone else does ("他说……").
    """
    kept = []
    borrower_speaking = False
    for clause in clauses:
        if _OTHER_SPEAKER.search(clause):
            borrower_speaking = False
        if _BORROWER_WORDS.search(clause):
            borrower_speaking = bool(_SPEECH_INTRO.search(clause))
            continue
        if not borrower_speaking:
            kept.append(clause)
    return kept


def _clause_rules(clause: str) -> set[str]:
    found: set[str] = set()
    masked = _DOCUMENT_NAME.sub("□", clause)
    for rule, patterns in _PATTERNS.items():
        target = masked if rule == "false_legal_consequences" else clause
        if any(_first_unnegated(p, target) for p in patterns):
            found.add(rule)
    if _ISSUED_BY.search(clause):
        # "说是检察院出具的": the authority is named as a document's issuer, not as the caller.
        found.discard("impersonating_authority")
    if _LAWFUL_LETTER.search(clause):
        found.discard("fake_legal_document")
    lowered = clause.lower()
    for end, (rule, length) in _matchers().automaton.iter(lowered):
        if rule in found:
            continue
        start = end - length + 1
        if lowered[start:].isascii() and not _word_bounded(lowered, start, end):
            continue
        if not _negated(clause, start):
            found.add(rule)
    return found


def _word_bounded(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end + 1] if end + 1 < len(text) else " "
    return not (before.isascii() and before.isalnum()) and not (after.isascii() and after.isalnum())


def _sentence_rules(sentence: str, original: str) -> set[str]:
    found: set[str] = set()
    if _NIGHT.search(sentence) and _VISIT.search(sentence):
        found.add("improper_visit")
    guarantor_only = _GUARANTOR.search(original) and not _NOT_GUARANTOR.search(original)
    if (
        not guarantor_only
        and not _VOLUNTARY.search(original)
        and _first_unnegated(_THIRD_PARTY_DEMAND, sentence)
    ):
        found.add("third_party_collection")
    if guarantor_only or _DEBT_NEGATED.search(sentence):
        return found
    addressed = bool(_THIRD_PARTY_ADDRESSED.search(sentence) and _DEBT.search(sentence))
    heard = _first_unnegated(_HEARD_OF_IT, sentence) and not _PUBLIC_POST.search(sentence)
    narrated = (
        _first_unnegated(_THIRD_PARTY_NARRATED, sentence) or heard
    ) and _NARRATED_DEBT.search(sentence)
    if addressed or narrated:
        found.add("debt_disclosed_to_third_party")
    return found


# "再不还就把你照片发到群里" threatens a post; "已经发到业主群了" reports one.
_THREATENED = _rx(
    r"再不|(要是|如果|若)[^，。]{0,6}不还|不还(就|的话)|否则|不然|就要|将(会|在|于)|会把|会在|准备|打算|"
    r"马上就|等着|"
    r"\b(will|going to|unless|if you don't|otherwise)\b"
)
_DONE = _rx(
    r"已经|已(被|将|把|在|发|贴|挂|传|曝光|公开)|(发|贴|挂|传|曝光|公开|告诉|通知)(到|在|给)?[^，。？！]{0,14}了"
    r"|\b(posted|shared|sent|told|have|has|already)\b"
)


def _threatened_not_done(rules: set[str], sentence: str) -> set[str]:
    """A post or disclosure the sentence only threatens is a threat, not yet a post."""
    announced = {"public_shaming", "debt_disclosed_to_third_party"} & rules
    if "third_party_collection" in rules:  # the demand itself tells the third party now
        announced.discard("debt_disclosed_to_third_party")
    if not announced or not _THREATENED.search(sentence) or _DONE.search(sentence):
        return rules
    return (rules - announced) | {"threat"}


def pattern_rules(text: str) -> frozenset[str]:
    """The rules the hand-written patterns find in `text`: high precision, certain."""
    if not text or not text.strip():
        return frozenset()
    found: set[str] = set()
    for sentence in _sentences(text):
        if _is_advice(sentence):
            continue
        if _IDENTITY_DODGED.search(sentence):
            found.add("identity_not_disclosed")
        kept = _collector_clauses(_clauses(sentence))
        if not kept:
            continue
        here: set[str] = set()
        for clause in kept:
            here |= _clause_rules(clause)
        here |= _sentence_rules("，".join(kept), sentence)
        found |= _threatened_not_done(here, sentence)
    # A demand for payment made to a third party necessarily tells them of the debt.
    if "third_party_collection" in found:
        found.add("debt_disclosed_to_third_party")
    return frozenset(found)


def detect_text(text: str) -> dict[str, Certainty]:
    """Every text rule found in `text`, with how sure the finding is.

    The patterns are certain where they match, unless the trained model (textmodel) gives
    their rule less than the rule's pattern floor: then the pattern matched wording it was not
    written for. The model adds the rules it finds at or above each rule's threshold as
    possible, for the borrower to confirm or dismiss.
    """
    if not text or not text.strip():
        return {}
    model = text_model()
    if model is None:
        return {rule: Certainty.CERTAIN for rule in pattern_rules(text) if rule in TEXT_RULES}
    scores = model.scores(text)
    floors = model.floors
    found = {
        rule: Certainty.CERTAIN
        for rule in pattern_rules(text)
        if scores.get(rule, 1.0) >= floors.get(rule, 0.0)
    }
    for rule, threshold in zip(model.rules, model.thresholds, strict=True):
        if scores[rule] >= threshold:
            found.setdefault(rule, Certainty.POSSIBLE)
    if "third_party_collection" in found and "debt_disclosed_to_third_party" not in found:
        found["debt_disclosed_to_third_party"] = found["third_party_collection"]
    if "public_shaming" in found and "debt_disclosed_to_third_party" not in found:
        found["debt_disclosed_to_third_party"] = found["public_shaming"]
    return {rule: found[rule] for rule in TEXT_RULES if rule in found}


def detect(text: str) -> frozenset[str]:
    """The ids of the text rules `text` shows signs of, certain or possible."""
    return frozenset(detect_text(text))


#: Bump when the patterns change, so stored detections are made again.
PATTERNS_VERSION = "p2"


def detector_version() -> str:
    """Names the patterns and the model that made a stored detection."""
    model = text_model()
    return f"{PATTERNS_VERSION}+{model.version if model else 'none'}"


@lru_cache(maxsize=8192)
def detection_fields(text: str) -> tuple[dict[str, str], str]:
    """What a saved contact stores: {rule: certainty} for `text`, and the detector version.

    Cached: collectors send the same templates again and again.
    """
    found = {rule: str(certainty) for rule, certainty in detect_text(text).items()}
    return found, detector_version()

"""Where to complain: lender type -> channels, the regulator and the reply deadline.

One pure function, `route`, used by the regulator complaint letter, the guided interview
and the action plan, so that they never disagree. Every channel carries the standing of
the text it rests on (fact sheet §4): a channel named by a binding text is `binding`; one
known only from secondary sources (12345, 12321, the local financial regulator) is guidance
and is shown as `heuristic`.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .types import Standing

B, H = Standing.BINDING, Standing.HEURISTIC


@dataclass(frozen=True, slots=True)
class Channel:
    """One place to turn to, with the text it rests on."""

    id: str  # "lender", "12378", "12345", "110", "12321", "pi_regulator", "12363", "court"
    authority_zh: str  # the addressee as a letter names it
    authority_en: str
    standing: Standing
    basis: str  # the text or fact-sheet entry, e.g. "消费金融公司管理办法 第五条"
    fact_id: str = ""


@dataclass(frozen=True, slots=True)
class Routing:
    lender_type: str
    known: bool  # False: ask "which kind of lender is this?" rather than guess
    regulator: Channel | None  # where the regulator complaint goes
    channels: tuple[Channel, ...]  # every channel for this lender and conduct, in order
    reply_days: int | None  # the lender's deadline to answer a complaint, from receipt
    reply_basis: str = ""
    reply_standing: Standing | None = None
    question: str | Promise = ""


LENDER = Channel(
    "lender", "贷款机构的投诉渠道", "the lender's complaint channel", B,
    "银行业保险业消费投诉处理管理办法 第十八条", "ch_lender_first",
)  # fmt: skip
PLATFORM = Channel(
    "lender", "平台自身的投诉渠道（如有）", "the platform's own complaint channel, where it has one",
    H, "cn-facts §4 ch_lender_first", "ch_lender_first",
)  # fmt: skip
NFRA_BANK = Channel(
    "12378",
    "国家金融监督管理总局或其派出机构",
    "the National Financial Regulatory Administration (国家金融监督管理总局) or its local bureau",
    B,
    "银行保险机构消费者权益保护管理办法 第五十四条",
    "ch_12378",
)
NFRA_CFC = Channel(
    "12378",
    "国家金融监督管理总局或其派出机构",
    "the National Financial Regulatory Administration (国家金融监督管理总局) or its local bureau",
    B,
    "消费金融公司管理办法 第五条",
    "ch_12378",
)
LOCAL_REGULATOR = Channel(
    "12345",
    "地方金融管理部门",
    "the local financial regulator (地方金融管理部门)",
    H,
    "cn-facts §4 ch_12345 (VERIFIED-SECONDARY)",
    "ch_12345",
)
HOTLINE_12345 = Channel(
    "12345",
    "当地12345政务服务便民热线",
    "the local 12345 government service hotline",
    H,
    "cn-facts §4 ch_12345 (VERIFIED-SECONDARY)",
    "ch_12345",
)
POLICE = Channel("110", "公安机关", "the police (公安机关)", B, "治安管理处罚法 第五十条", "ch_110")
COURT = Channel(
    "court",
    "人民法院",
    "the people's court (人民法院)",
    B,
    "民法典 第九百九十七条",
    "cc_injunction",
)
SPAM = Channel(
    "12321",
    "12321网络不良与垃圾信息举报受理中心",
    "the 12321 reporting centre for harassing calls and spam",
    H,
    "cn-facts §4 ch_12321 (VERIFIED-SECONDARY)",
    "ch_12321",
)
PI_AUTHORITY = Channel(
    "pi_regulator",
    "履行个人信息保护职责的部门",
    "the authority responsible for personal-information protection",
    B,
    "个人信息保护法 第六十五条",
    "pipl_complaint",
)
NIFA = Channel(
    "nifa",
    "中国互联网金融举报信息平台",
    "the NIFA internet-finance reporting platform",
    H,
    "cn-facts §4 ch_nifa (VERIFIED-SECONDARY)",
    "ch_nifa",
)
CREDIT = Channel(
    "12363",
    "中国人民银行当地分支机构（12363）",
    "the local branch of the People's Bank of China (12363)",
    B,
    "征信业管理条例 第二十六条",
    "credit_dispute",
)

#: Conduct (rule ids) that adds a channel whatever the lender.
PI_RULES = frozenset({"contact_list_blast", "debt_disclosed_to_third_party", "public_shaming"})
POLICE_RULES = frozenset(
    {"threat", "impersonating_authority", "fake_legal_document", "improper_visit"}
)

ASK_LENDER_TYPE = _(
    "Which kind of lender is this: a bank (or its credit card), a consumer finance company, a "
    "microloan company, a lending platform or app, or a private or unlicensed lender? The "
    "contract or the app's “about” page names the lender."
)


def route(
    lender_type: str, *, rules: frozenset[str] | set[str] = frozenset(), credit_dispute=False
) -> Routing:
    """The channels for a lender of this type and for this conduct (rule ids), in order.

    Banks and card issuers, consumer finance companies: the lender first (it must decide
    within 15 days of receipt), then NFRA through 12378. Microlenders: the lender, then the
    local financial regulator through 12345 (guidance: the supervisor is not verified).
    Lending platforms and unlicensed lenders: the platform's own channel, 12345 (and the NIFA
    reporting platform for platforms), the police for crimes and the courts. Personal-information abuse adds 12321 and the PIPL authority;
    threats and impersonation add 110; a credit-report dispute adds 12363.
    An unknown type gets no regulator, only the question.
    """
    rules = frozenset(rules)
    extra: list[Channel] = []
    if rules & POLICE_RULES:
        extra.append(POLICE)
    if rules & PI_RULES:
        extra += [SPAM, PI_AUTHORITY]
    if credit_dispute:
        extra.append(CREDIT)

    def routing(regulator, channels, *, reply=False, known=True, question=""):
        ordered = list(dict.fromkeys((*channels, *extra)))
        return Routing(
            lender_type=lender_type,
            known=known,
            regulator=regulator,
            channels=tuple(ordered),
            reply_days=15 if reply else None,
            reply_basis="银行业保险业消费投诉处理管理办法 第十八条" if reply else "",
            reply_standing=B if reply else None,
            question=question,
        )

    if lender_type == "bank":
        return routing(NFRA_BANK, (LENDER, NFRA_BANK), reply=True)
    if lender_type == "consumer_finance":
        return routing(NFRA_CFC, (LENDER, NFRA_CFC), reply=True)
    if lender_type == "microloan":
        return routing(LOCAL_REGULATOR, (LENDER, LOCAL_REGULATOR))
    if lender_type == "platform":
        return routing(HOTLINE_12345, (PLATFORM, HOTLINE_12345, NIFA, POLICE, COURT))
    if lender_type == "unlicensed":
        return routing(HOTLINE_12345, (HOTLINE_12345, POLICE, COURT))
    return routing(None, (), known=False, question=ASK_LENDER_TYPE)


#: Channels that are not a complaint to an authority about the lender.
NOT_A_REGULATOR = frozenset({"lender", "110", "court", "12321", "pi_regulator", "12363"})


def complaint_channels(routing: Routing) -> tuple[str, ...]:
    """The ids of the authorities to complain to about the lender (after the lender itself)."""
    return tuple(c.id for c in routing.channels if c.id not in NOT_A_REGULATOR)

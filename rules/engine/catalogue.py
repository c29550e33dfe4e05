"""The rule catalogue: every rule the engine checks, with its cited sources.

Quotes of binding texts are copied from shared/legal/texts/ (a test checks that
each appears there). GB/T 45251—2025 and the CBA 2026 guideline have no full text
in texts/: their quotes are those of the fact sheet (VERIFIED-SECONDARY) and they
are marked `standard`. Nothing marked UNVERIFIED in the fact sheet is used.
"""

from __future__ import annotations

from datetime import date

from django.utils.translation import gettext_lazy as _

from .types import Action, Rule, Scope, Severity, Source, Standing

B, S, H = Standing.BINDING, Standing.STANDARD, Standing.HEURISTIC

_CARD = "商业银行信用卡业务监督管理办法"
_CFC = "消费金融公司管理办法"
_IBL = "商业银行互联网贷款管理暂行办法"
_CP = "银行保险机构消费者权益保护管理办法"
_PSA = "治安管理处罚法（2025年修订）"
_PSA12 = "治安管理处罚法（2012年修正）"
_PIPL = "个人信息保护法"
_CIVIL = "民法典"
_CRIM = "刑法"
_PL = "最高人民法院关于审理民间借贷案件适用法律若干问题的规定"
_GBT = "GB/T 45251—2025《互联网金融 个人网络消费信贷 贷后催收风控指引》"
_CBA = "中国银行业协会《金融机构个人消费类贷款催收工作指引（试行）》（2026）"

#: English letters translate every source title and give the Chinese name in brackets.
LAW_TITLES_EN = {
    _CARD: "Measures for the Supervision of Credit Card Business of Commercial Banks",
    _CFC: "Measures for the Administration of Consumer Finance Companies",
    _IBL: "Interim Measures for the Administration of Internet Loans of Commercial Banks",
    _CP: "Measures for the Protection of Consumer Rights by Banking and Insurance Institutions",
    _PSA: "Public Security Administration Punishments Law (2025 revision)",
    _PSA12: "Public Security Administration Punishments Law (2012 amendment)",
    _PIPL: "Personal Information Protection Law",
    _CIVIL: "Civil Code",
    _CRIM: "Criminal Law",
    _PL: "Supreme People's Court Provisions on Private Lending Cases",
    _GBT: "National standard GB/T 45251—2025, Internet finance: post-loan collection risk "
    "control for personal online consumer credit",
    _CBA: "China Banking Association, Guideline on the Collection of Personal Consumer Loans "
    "by Financial Institutions (trial, 2026)",
}

#: Whom each text binds, and from when (the scope article is named in `who`).
CARD_ISSUERS = Scope(
    lender_types=frozenset({"bank"}),
    credit_card=True,
    valid_from=date(2011, 1, 13),
    who=_("binds banks in their credit-card business only (arts. 2 and 114)"),
)
CFC_ONLY = Scope(
    lender_types=frozenset({"consumer_finance"}),
    valid_from=date(2024, 4, 18),
    who=_("binds consumer finance companies only (art. 2), from 18 April 2024 (art. 79)"),
)
INTERNET_LOANS = Scope(
    lender_types=frozenset({"bank", "consumer_finance"}),
    credit_card=False,
    valid_from=date(2020, 7, 17),
    who=_(
        "binds commercial banks' internet loans for consumption or business (arts. 2 and 3), "
        "and consumer finance companies by reference (art. 67); not credit cards"
    ),
)
BANK_CONSUMERS = Scope(
    lender_types=frozenset({"bank", "consumer_finance"}),
    consumer_only=True,
    valid_from=date(2023, 3, 1),
    who=_(
        "binds banking and insurance institutions, consumer finance companies included, "
        "towards consumers (arts. 2 and 55), from 1 March 2023 (art. 57)"
    ),
)
PSA_2025 = Scope(
    valid_from=date(2026, 1, 1),
    who=_("the 2025 revision is in force from 1 January 2026 (art. 144)"),
)
PSA_2012 = Scope(
    valid_until=date(2025, 12, 31),
    who=_("the 2012 text governs conduct before 1 January 2026"),
)
PIPL_SCOPE = Scope(valid_from=date(2021, 11, 1), who=_("in force from 1 November 2021 (art. 74)"))
PRIVATE_LENDING = Scope(
    lender_types=frozenset({"unlicensed"}),
    who=_(
        "does not apply to licensed financial institutions (art. 1 para. 2), which include "
        "microloan companies"
    ),
)
GBT_SCOPE = Scope(
    lender_types=frozenset({"bank", "consumer_finance", "microloan", "platform"}),
    consumer_only=True,
    valid_from=date(2025, 2, 28),
    who=_(
        "a recommended national standard for the collection of personal online consumer "
        "credit by banks, consumer finance and microloan companies and those collecting with "
        "them, from 28 February 2025"
    ),
)
CBA_SCOPE = Scope(
    lender_types=frozenset({"bank", "consumer_finance"}),
    consumer_only=True,
    valid_from=date(2026, 1, 30),
    who=_(
        "self-regulation of the banking association's member institutions for credit cards "
        "and personal consumer loans, published 30 January 2026"
    ),
)

#: Conduct before 2026 is judged under the 2012 text.
PSA_2012_NOTE = _(
    "The conduct took place before 1 January 2026, so the 2012 text in force at the time "
    "applies; where the 2025 revision does not punish it or punishes it more lightly, the "
    "2025 revision applies instead (从旧兼从轻)."
)

CARD_68 = Source(
    _CARD,
    "第六十八条",
    "发卡银行应当对债务人本人及其担保人进行催收，不得对与债务无关的第三人进行催收，"
    "不得采用暴力、胁迫、恐吓或辱骂等不当催收行为",
    B,
    "cc_who_and_how",
    CARD_ISSUERS,
    "art. 68",
)
CARD_70 = Source(
    _CARD,
    "第七十条",
    "双方达成一致意见并签署分期还款协议的，发卡银行及其发卡业务服务机构应当停止对该持卡人的催收",
    B,
    "cc_personalized_installment",
    CARD_ISSUERS,
    "art. 70",
)
CFC_56 = Source(
    _CFC,
    "第五十六条",
    "不得采用暴力、威胁、恐吓、骚扰等不正当手段进行催收，不得对与债务无关的第三人进行催收",
    B,
    "cfc_no_improper_collection",
    CFC_ONLY,
    "art. 56",
)
CFC_53 = Source(
    _CFC,
    "第五十三条",
    "除因借款人违反合同约定情形之外，消费金融公司不得向借款人收取贷款利息之外的费用",
    B,
    "cfc_disclosure_no_fees",
    CFC_ONLY,
    "art. 53",
)
IBL_56 = Source(
    _IBL,
    "第五十六条",
    "要求其不得对与贷款无关的第三人进行清收",
    B,
    "ibl_third_party_collectors",
    INTERNET_LOANS,
    "art. 56",
)
CP_41_1 = Source(
    _CP,
    "第四十一条第（一）项",
    "冒用行政机关、司法机关等名义实施催收",
    B,
    "cp_collection",
    BANK_CONSUMERS,
    "art. 41 item (1)",
)
CP_41_2 = Source(
    _CP,
    "第四十一条第（二）项",
    "采取暴力、恐吓、欺诈等不正当手段实施催收",
    B,
    "cp_collection",
    BANK_CONSUMERS,
    "art. 41 item (2)",
)
CP_22 = Source(
    _CP, "第二十二条", "贷款类产品应当明示年化利率", B, "cp_apr", BANK_CONSUMERS, "art. 22"
)
CP_28 = Source(
    _CP, "第二十八条第（三）项", "从贷款本金中预先扣除利息", B, "cp_apr", BANK_CONSUMERS,
    "art. 28 item (3)",
)  # fmt: skip
PSA_50_1 = Source(
    _PSA,
    "第五十条第一款第（一）项",
    "写恐吓信或者以其他方法威胁他人人身安全的",
    B,
    "psa_threat_insult_privacy",
    PSA_2025,
    "art. 50 para. 1 item (1)",
)
PSA_50_2 = Source(
    _PSA,
    "第五十条第一款第（二）项",
    "公然侮辱他人或者捏造事实诽谤他人的",
    B,
    "psa_threat_insult_privacy",
    PSA_2025,
    "art. 50 para. 1 item (2)",
)
PSA_50_5 = Source(
    _PSA,
    "第五十条第一款第（五）项",
    "多次发送淫秽、侮辱、恐吓等信息",
    B,
    "psa_threat_insult_privacy",
    PSA_2025,
    "art. 50 para. 1 item (5)",
)
PSA_50_6 = Source(
    _PSA,
    "第五十条第一款第（六）项",
    "偷窥、偷拍、窃听、散布他人隐私的",
    B,
    "psa_threat_insult_privacy",
    PSA_2025,
    "art. 50 para. 1 item (6)",
)
PSA_47 = Source(
    _PSA, "第四十七条", "非法侵入他人住宅", B, "psa_detention_home", PSA_2025, "art. 47"
)
PSA_62 = Source(
    _PSA, "第六十二条", "冒充国家机关工作人员招摇撞骗的", B, "psa_impersonation", PSA_2025,
    "art. 62",
)  # fmt: skip
PSA_63 = Source(
    _PSA,
    "第六十三条第（一）项",
    "伪造、变造或者买卖国家机关、人民团体、企业、事业单位或者其他组织的公文、证件、证明文件、印章的",
    B,
    "psa_forged_docs",
    PSA_2025,
    "art. 63 item (1)",
)
# Sending or showing forged papers is "using" them (item (3)); forging them is item (1).
PSA_63_3 = Source(
    _PSA,
    "第六十三条第（三）项",
    "买卖或者使用伪造、变造的国家机关、人民团体、企业、事业单位或者其他组织的公文、证件、证明文件、印章的",
    B,
    "psa_forged_docs",
    PSA_2025,
    "art. 63 item (3)",
)
# The same provisions in the 2012 text (old numbers per the fact sheet's §2.2, wording
# checked in texts/治安管理处罚法(2012-10-26).md). The 2012 law has no no-contact order.
PSA12_42_1 = Source(
    _PSA12,
    "第四十二条第（一）项",
    "写恐吓信或者以其他方法威胁他人人身安全的",
    B,
    "psa_threat_insult_privacy",
    PSA_2012,
    "art. 42 item (1)",
    PSA_2012_NOTE,
)
PSA12_42_2 = Source(
    _PSA12,
    "第四十二条第（二）项",
    "公然侮辱他人或者捏造事实诽谤他人的",
    B,
    "psa_threat_insult_privacy",
    PSA_2012,
    "art. 42 item (2)",
    PSA_2012_NOTE,
)
PSA12_42_5 = Source(
    _PSA12,
    "第四十二条第（五）项",
    "多次发送淫秽、侮辱、恐吓或者其他信息，干扰他人正常生活的",
    B,
    "psa_threat_insult_privacy",
    PSA_2012,
    "art. 42 item (5)",
    PSA_2012_NOTE,
)
PSA12_42_6 = Source(
    _PSA12,
    "第四十二条第（六）项",
    "偷窥、偷拍、窃听、散布他人隐私的",
    B,
    "psa_threat_insult_privacy",
    PSA_2012,
    "art. 42 item (6)",
    PSA_2012_NOTE,
)
PSA12_40 = Source(
    _PSA12, "第四十条第（三）项", "非法侵入他人住宅", B, "psa_detention_home", PSA_2012,
    "art. 40 item (3)", PSA_2012_NOTE,
)  # fmt: skip
PSA12_51 = Source(
    _PSA12,
    "第五十一条",
    "冒充国家机关工作人员或者以其他虚假身份招摇撞骗的",
    B,
    "psa_impersonation",
    PSA_2012,
    "art. 51",
    PSA_2012_NOTE,
)
PSA12_52 = Source(
    _PSA12,
    "第五十二条第（一）项",
    "伪造、变造或者买卖国家机关、人民团体、企业、事业单位或者其他组织的公文、证件、证明文件、印章的",
    B,
    "psa_forged_docs",
    PSA_2012,
    "art. 52 item (1)",
    PSA_2012_NOTE,
)
PSA12_52_2 = Source(
    _PSA12,
    "第五十二条第（二）项",
    "买卖或者使用伪造、变造的国家机关、人民团体、企业、事业单位或者其他组织的公文、证件、证明文件的",
    B,
    "psa_forged_docs",
    PSA_2012,
    "art. 52 item (2)",
    PSA_2012_NOTE,
)
CRIM_279 = Source(
    _CRIM, "第二百七十九条", "冒充国家机关工作人员招摇撞骗的", B, "crim_impersonate_official",
    article_en="art. 279",
)  # fmt: skip
CRIM_280 = Source(
    _CRIM,
    "第二百八十条",
    "伪造、变造、买卖或者盗窃、抢夺、毁灭国家机关的公文、证件、印章的",
    B,
    "crim_forged_documents",
    article_en="art. 280",
)
PIPL_10 = Source(
    _PIPL,
    "第十条",
    "不得非法买卖、提供或者公开他人个人信息",
    B,
    "pipl_no_illegal_disclosure",
    PIPL_SCOPE,
    "art. 10",
)
PIPL_25 = Source(
    _PIPL,
    "第二十五条",
    "个人信息处理者不得公开其处理的个人信息，取得个人单独同意的除外",
    B,
    "pipl_no_publication",
    PIPL_SCOPE,
    "art. 25",
)
CIVIL_1033 = Source(
    _CIVIL,
    "第一千零三十三条第（一）项",
    "以电话、短信、即时通讯工具、电子邮件、传单等方式侵扰他人的私人生活安宁",
    B,
    "cc_privacy_acts",
    article_en="art. 1033 item (1)",
)
CIVIL_1038 = Source(
    _CIVIL,
    "第一千零三十八条",
    "未经自然人同意，不得向他人非法提供其个人信息",
    B,
    "cc_pi_no_leak",
    article_en="art. 1038",
)
CIVIL_670 = Source(
    _CIVIL,
    "第六百七十条",
    "借款的利息不得预先在本金中扣除",
    B,
    "cc_no_upfront_interest",
    article_en="art. 670",
)
# Not in the fact sheet; verified in texts/合同编.md. Used for agreements on loans other than cards.
CIVIL_509 = Source(
    _CIVIL, "第五百零九条", "当事人应当按照约定全面履行自己的义务。", B, article_en="art. 509"
)
CIVIL_680 = Source(
    _CIVIL,
    "第六百八十条",
    "禁止高利放贷，借款的利率不得违反国家有关规定",
    B,
    "cc_usury",
    article_en="art. 680",
)
CIVIL_188 = Source(
    _CIVIL,
    "第一百八十八条",
    "向人民法院请求保护民事权利的诉讼时效期间为三年",
    B,
    "cc_limitation",
    article_en="art. 188",
)
CIVIL_192 = Source(
    _CIVIL,
    "第一百九十二条",
    "诉讼时效期间届满的，义务人可以提出不履行义务的抗辩",
    B,
    "cc_limitation",
    article_en="art. 192",
)
CIVIL_195 = Source(
    _CIVIL, "第一百九十五条", "义务人同意履行义务", B, "cc_limitation", article_en="art. 195"
)
PL_25 = Source(
    _PL,
    "第二十五条",
    "但是双方约定的利率超过合同成立时一年期贷款市场报价利率四倍的除外",
    B,
    "pl_4x_lpr",
    PRIVATE_LENDING,
    "art. 25",
)
PL_1 = Source(
    _PL,
    "第一条第二款",
    "经金融监管部门批准设立的从事贷款业务的金融机构及其分支机构",
    B,
    "pl_not_licensed",
    PRIVATE_LENDING,
    "art. 1 para. 2",
)
GBT_HOURS = Source(
    _GBT,
    "催收时间",
    "双方未约定催收时间的，催收作业不应在每日22:00至次日8:00催收",
    S,
    "gbt45251_hours",
    GBT_SCOPE,
    "collection hours",
)
GBT_CALL_CAP = Source(
    _GBT,
    "催收频次",
    "以语音形式进行告知式催收时，同一金融机构和其合作的第三方催收机构对单一债务人拨通电话频次每日合计不应超过3次",
    S,
    "gbt45251_call_cap",
    GBT_SCOPE,
    "collection frequency",
)
GBT_DEBTOR_ONLY = Source(
    _GBT,
    "催收对象",
    "金融机构和第三方催收机构应只向债务人催收，不应向联系人催收。",
    S,
    "gbt45251_debtor_only",
    GBT_SCOPE,
    "whom to collect from",
)
GBT_NO_DISCLOSURE = Source(
    _GBT,
    "联系人",
    "不应透露债务人的逾期欠款金额，欠款时间等欠款信息",
    S,
    "gbt45251_no_disclosure",
    GBT_SCOPE,
    "contact persons",
)
GBT_STOP = Source(
    _GBT,
    "联系人",
    "联系人明确拒绝催收人员的请求或要求催收人员不得再联系的，催收人员不应再与其联系。",
    S,
    "gbt45251_contact_stop",
    GBT_SCOPE,
    "contact persons",
)
CBA_HOURS = Source(
    _CBA,
    "催收时间",
    "未经债务人同意，严禁在每日晚22:00至次日早8:00进行电话催收、外访催收及其他催收。",
    S,
    "cba2026_hours",
    CBA_SCOPE,
    "collection hours",
)
CBA_DIAL = Source(
    _CBA,
    "催收频次",
    "债务人电话未接通的，催收人员对债务人同一联系方式尝试拨打次数当天不宜超过6次；与债务人另有约定除外。",
    S,
    "cba2026_dial_attempts",
    CBA_SCOPE,
    "collection frequency",
)
CBA_POSTING = Source(
    _CBA, "禁止行为", "禁止在公众场所张贴催收公告、律师函等文书", S, "cba2026_prohibited",
    CBA_SCOPE, "prohibited conduct",
)  # fmt: skip
CBA_FEES = Source(
    _CBA, "禁止行为", "禁止以催收名义收取额外费用", S, "cba2026_prohibited", CBA_SCOPE,
    "prohibited conduct",
)  # fmt: skip
CBA_NEW_BORROWING = Source(
    _CBA,
    "禁止行为",
    "诱导或逼迫债务人通过新增借贷或非法渠道筹集资金偿还债务",
    S,
    "cba2026_prohibited",
    CBA_SCOPE,
    "prohibited conduct",
)
CBA_ABUSE = Source(
    _CBA,
    "禁止行为",
    "采用恐吓、辱骂、欺诈、威胁、暴力、涉黑等不当手段开展催收",
    S,
    "cba2026_prohibited",
    CBA_SCOPE,
    "prohibited conduct",
)
CBA_IMPERSONATE = Source(
    _CBA,
    "禁止行为",
    "冒用行政机关、司法机关等名义追查债务人信息、寄送催收信函、开展催收行为",
    S,
    "cba2026_prohibited",
    CBA_SCOPE,
    "prohibited conduct",
)
CBA_IDENTIFY = Source(
    _CBA, "首次联系", "主动表明机构身份", S, "cba2026_identify", CBA_SCOPE, "first contact"
)
CBA_VISITS = Source(
    _CBA, "第二十二条", "外访催收应安排不少于两名催收人员共同实施", S, "cba2026_visits",
    CBA_SCOPE, "art. 22",
)  # fmt: skip

#: Why a text of a rule was left out of a finding, by Scope.reason_not's code.
EXCLUSION_REASONS = {
    "lender": _("It does not bind this kind of lender"),
    "product": _("It does not cover this product"),
    "purpose": _("It covers consumer lending, and this loan is recorded as a business loan"),
    "not_yet": _("It was not yet in force at the time of the conduct"),
    "replaced": _("It had been replaced at the time of the conduct"),
}


def law_title(law: str, language: str) -> str:
    """A source's title in the letter's language: English gives the Chinese name in brackets."""
    if language == "en" and law in LAW_TITLES_EN:
        return (
            f"{LAW_TITLES_EN[law]} (《{law}》)"
            if "《" not in law
            else f"{LAW_TITLES_EN[law]} ({law})"
        )
    return law


def _a(letter_kind: str = "", channel: str = "") -> Action:
    return Action(letter_kind=letter_kind, channel=channel)


STOP = _a("stop_harassment", "lender")
COMPLAIN_LENDER = _a("complaint_lender", "lender")
#: "regulator" is resolved per lender by routing.route: 12378, the local regulator, 12345…
REGULATOR = _a("complaint_regulator", "regulator")
POLICE = _a("police_statement", "110")
PI = _a("pi_complaint", "12321")
EVIDENCE = _a("evidence_report")
NIFA = _a("complaint_regulator", "nifa")
LEGAL_AID = _a("", "12348")
INFO = _a("information_request", "lender")
NEGOTIATE = _a("negotiation", "lender")

RULES: tuple[Rule, ...] = (
    Rule(
        "quiet_hours",
        _("Contact during quiet hours (22:00 to 08:00)"),
        _(
            "The national standard and the banking association's guideline say collectors should not contact you "
            "between 22:00 and 08:00 unless you agreed to it. These are standards, not laws: regulators and "
            "courts may use them as a benchmark. Repeated night calls can also amount to a disturbance of your "
            "private life, which the Civil Code forbids."
        ),
        S,
        Severity.MEDIUM,
        (GBT_HOURS, CBA_HOURS),
        (STOP, COMPLAIN_LENDER, REGULATOR, _a("", "12321")),
        statement=_("The collectors contacted me between 22:00 and 08:00 without my consent."),
        related=(CIVIL_1033,),
    ),
    Rule(
        "connected_calls_over_cap",
        _("More than 3 connected calls in one day"),
        _(
            "The national standard caps connected collection calls to one borrower at 3 a day, counted together "
            "for the lender and all the agencies working for it."
        ),
        S,
        Severity.MEDIUM,
        (GBT_CALL_CAP,),
        (STOP, COMPLAIN_LENDER, REGULATOR),
        statement=_(
            "The lender and the agencies acting for it made more than 3 connected collection calls to me in one day."
        ),
        related=(CFC_56,),
    ),
    Rule(
        "dial_attempts_over_cap",
        _("More than 6 unanswered attempts to one number in one day"),
        _(
            "The banking association's guideline says a collector should not try the same number more than 6 "
            "times a day when nobody answers. The wording is soft ('should not'), so treat it as a benchmark."
        ),
        S,
        Severity.LOW,
        (CBA_DIAL,),
        (STOP, COMPLAIN_LENDER, _a("", "12321")),
        statement=_(
            "The collectors tried the same number more than 6 times in one day without an answer."
        ),
    ),
    Rule(
        "third_party_collection",
        _("Payment demanded from someone other than you or your guarantor"),
        _(
            "Credit-card issuers, banks' internet loans, consumer finance companies and their agencies may collect "
            "only from the borrower and the guarantor. For other lenders the national standard says the same, "
            "as a standard."
        ),
        B,
        Severity.HIGH,
        (CARD_68, CFC_56, IBL_56, GBT_DEBTOR_ONLY),
        (STOP, COMPLAIN_LENDER, REGULATOR, EVIDENCE),
        statement=_(
            "The collectors demanded payment of my debt from people who are neither my guarantor nor otherwise "
            "liable for it."
        ),
    ),
    Rule(
        "debt_disclosed_to_third_party",
        _("Your debt was told to someone else"),
        _(
            "A collector may ask a contact how to reach you or to pass on a message, but must not tell them "
            "about the debt, its amount or that it is overdue. Your debt is your personal information."
        ),
        B,
        Severity.HIGH,
        (PIPL_10, CIVIL_1038, GBT_NO_DISCLOSURE),
        (STOP, PI, REGULATOR, EVIDENCE),
        statement=_("The collectors disclosed my debt and its details to third parties."),
    ),
    Rule(
        "third_party_contacted_after_objection",
        _("Someone was contacted again after asking not to be"),
        _(
            "When a contact refuses or asks not to be called again, the collector should stop contacting them. "
            "Continuing can also disturb that person's private life."
        ),
        S,
        Severity.MEDIUM,
        (GBT_STOP,),
        (STOP, PI, REGULATOR),
        statement=_(
            "The collectors contacted third parties again after those persons had asked not to be contacted."
        ),
        related=(CIVIL_1033,),
    ),
    Rule(
        "contact_list_blast",
        _("Many of your contacts reached within a week"),
        _(
            "Five or more different people from your contacts reached within 7 days points to use of your contact "
            "list. The threshold of 5 is our own rule of thumb; the law forbids providing or disclosing personal "
            "information without a legal basis."
        ),
        H,
        Severity.HIGH,
        (PIPL_10, CIVIL_1038),
        (PI, STOP, REGULATOR, EVIDENCE),
        statement=_(
            "Within 7 days the collectors contacted five or more people from my contact list about my debt."
        ),
    ),
    Rule(
        "threat",
        _("Threats"),
        _(
            "Threatening you or your family is forbidden in collection. A threat to someone's personal safety "
            "can be punished by the police. Keep the message or recording and call 110 if you feel in danger."
        ),
        B,
        Severity.HIGH,
        (PSA_50_1, PSA12_42_1, CARD_68, CFC_56, CP_41_2),
        (POLICE, STOP, REGULATOR, EVIDENCE),
        statement=_("The collectors threatened me or my family."),
    ),
    Rule(
        "insult",
        _("Insults or abuse"),
        _(
            "Insulting or abusing you is forbidden in collection by the rules for credit cards and by the banking "
            "association's guideline. Sending insulting messages repeatedly can also be punished by the police."
        ),
        B,
        Severity.HIGH,
        (CARD_68, CBA_ABUSE),
        (STOP, REGULATOR, _a("", "12321"), EVIDENCE),
        statement=_("The collectors insulted or abused me."),
        related=(PSA_50_5, PSA12_42_5),
    ),
    Rule(
        "impersonating_authority",
        _("Pretending to be police, a court or the government"),
        _(
            "Collectors may not claim to be the police, a court, a procuratorate or a government office. Doing so "
            "breaks the consumer-protection rules and can be an offence. A court or the police will not ask you "
            "to pay into a personal account: if in doubt, check with the court or police station by its own "
            "published number."
        ),
        B,
        Severity.HIGH,
        (CP_41_1, PSA_62, PSA12_51, CBA_IMPERSONATE),
        (POLICE, REGULATOR, EVIDENCE),
        statement=_(
            "The collectors claimed to be, or to act for, the police, a court, a procuratorate or a government "
            "office."
        ),
        related=(CRIM_279,),
    ),
    Rule(
        "fake_legal_document",
        _("Fake-looking legal documents"),
        _(
            "Summonses, arrest warrants and case-filing notices come from courts and the police through official "
            "channels, not from collectors by text message. Forging official documents or seals is an offence. "
            "You can check any document with the court named on it."
        ),
        B,
        Severity.HIGH,
        (PSA_63_3, PSA12_52_2, CP_41_2, CBA_IMPERSONATE),
        (POLICE, REGULATOR, EVIDENCE),
        statement=_(
            "The collectors sent documents presented as court, police or other official papers."
        ),
        related=(PSA_63, PSA12_52, CRIM_280),
    ),
    Rule(
        "false_legal_consequences",
        _("False claims about legal consequences"),
        _(
            "Not repaying a loan is normally a civil matter. Claims that you will be arrested or jailed tomorrow, "
            "that your children cannot go to school, or that your whole family is blacklisted are deception, "
            "which the rules forbid in collection. (Reporting to the credit bureau and suing you are lawful.)"
        ),
        B,
        Severity.HIGH,
        (CP_41_2, CBA_ABUSE),
        (STOP, REGULATOR, EVIDENCE, LEGAL_AID),
        statement=_(
            "The collectors made false statements about the legal consequences of the debt, such as arrest or "
            "imprisonment."
        ),
    ),
    Rule(
        "public_shaming",
        _("Public shaming"),
        _(
            "Posting your debt or photos in groups, on social media or in public places publishes your personal "
            "information and can be insult or defamation."
        ),
        B,
        Severity.HIGH,
        (PIPL_25, PSA_50_6, PSA12_42_6, PSA_50_2, PSA12_42_2, CBA_POSTING),
        (POLICE, PI, REGULATOR, EVIDENCE),
        statement=_("The collectors published my debt or my personal information to the public."),
    ),
    Rule(
        "identity_not_disclosed",
        _("The collector would not say who they are"),
        _(
            "The banking association's guideline says a collector must state which institution they act for when "
            "they first contact you. You are entitled to know who is collecting and for which lender."
        ),
        S,
        Severity.MEDIUM,
        (CBA_IDENTIFY,),
        (INFO, COMPLAIN_LENDER),
        statement=_("The collectors did not state which institution they acted for."),
    ),
    Rule(
        "extra_fee_or_private_account",
        _("Extra fees, or payment into a personal account"),
        _(
            "Collectors may not charge fees in the name of collection, and you should only ever pay into the "
            "lender's official channels. Payment asked into a personal account is a common scam."
        ),
        S,
        Severity.HIGH,
        (CBA_FEES,),
        (COMPLAIN_LENDER, REGULATOR, _a("", "110")),
        statement=_(
            "The collectors demanded fees in the name of collection, or payment into a personal account."
        ),
        # Binds a consumer finance company's own charges; whether a collector's demand is one
        # depends on the facts.
        related=(CFC_53,),
    ),
    Rule(
        "inducing_new_borrowing",
        _("Pressure to borrow elsewhere to repay"),
        _(
            "Pushing you to take new loans, cash out credit cards or borrow from loan sharks to repay is forbidden "
            "by the banking association's guideline, and it makes debts grow."
        ),
        S,
        Severity.MEDIUM,
        (CBA_NEW_BORROWING,),
        (COMPLAIN_LENDER, REGULATOR, NEGOTIATE),
        statement=_("The collectors urged me to borrow elsewhere in order to repay."),
    ),
    Rule(
        "improper_visit",
        _("Improper home or work visit"),
        _(
            "Visits should be made by at least two collectors, not at night, and they must leave when asked. "
            "Refusing to leave your home can be unlawful intrusion: call 110."
        ),
        S,
        Severity.HIGH,
        (CBA_VISITS, CBA_HOURS),
        (POLICE, STOP, REGULATOR),
        statement=_(
            "Collectors visited my home or workplace alone, at night, or refused to leave when asked."
        ),
        related=(PSA_47, PSA12_40),
    ),
    Rule(
        "contact_after_installment_agreement",
        _("Collection continued after a signed repayment agreement"),
        _(
            "For credit cards, once a repayment agreement is signed the bank and its agencies must stop "
            "collecting unless you break the agreement. For other loans, continued collection may breach the "
            "agreement: keep it and complain to the lender."
        ),
        B,
        Severity.MEDIUM,
        (CARD_70,),
        (COMPLAIN_LENDER, REGULATOR, STOP),
        statement=_("Collection continued after a repayment agreement had been signed."),
        related=(CIVIL_509,),
    ),
    Rule(
        "upfront_deduction",
        _("Interest taken from the loan up front"),
        _(
            "Interest may not be deducted from the principal in advance. You owe interest only on the amount you "
            "actually received."
        ),
        B,
        Severity.HIGH,
        (CIVIL_670, CP_28),
        (COMPLAIN_LENDER, REGULATOR, NEGOTIATE),
        "loan",
        statement=_("Interest was deducted from the principal when the loan was paid out."),
    ),
    Rule(
        "fee_withheld",
        _("Less received than the principal (an amount kept back)"),
        _(
            "Part of the loan was kept back when it was paid out, and the record does not say it was interest. "
            "A fee kept back counts in the true cost. If it is interest under another name, the Civil Code "
            "forbids deducting it in advance: ask the lender what it was for."
        ),
        H,
        Severity.MEDIUM,
        (),
        (INFO, COMPLAIN_LENDER, NEGOTIATE),
        "loan",
        statement=_(
            "Part of the principal was withheld when the loan was paid out; if it is interest in substance, "
            "it may not be deducted in advance."
        ),
        related=(CIVIL_670,),
    ),
    Rule(
        "cost_above_24_percent",
        _("Effective annual cost above 24%"),
        _(
            "For licensed lenders, courts and regulators in practice treat about 24% a year, all costs included, "
            "as the line above which charges are excessive. This is our benchmark, not a rule we can quote: ask "
            "the lender for the annualised rate and contest charges above it."
        ),
        H,
        Severity.MEDIUM,
        (),
        (INFO, NEGOTIATE, REGULATOR),
        "loan",
        statement=_("The effective annual cost of the loan, all charges included, exceeds 24%."),
        related=(CIVIL_680, CP_22),
    ),
    Rule(
        "cost_above_36_percent",
        _("Effective annual cost above 36%"),
        _(
            "36% a year all-in was the industry ceiling for cash loans after 2017. A cost above it is worth "
            "contesting. This is a benchmark, not a quoted rule."
        ),
        H,
        Severity.HIGH,
        (),
        (INFO, NEGOTIATE, REGULATOR, LEGAL_AID),
        "loan",
        statement=_("The effective annual cost of the loan, all charges included, exceeds 36%."),
        related=(CIVIL_680, CP_22),
    ),
    Rule(
        "rate_above_4x_lpr",
        _("Above 4 times the LPR (private or unlicensed lender)"),
        _(
            "For private lenders and lenders without a financial licence, courts do not support interest above "
            "4 times the one-year LPR at the date of the contract. This cap does not bind licensed banks, "
            "consumer finance or microloan companies."
        ),
        B,
        Severity.HIGH,
        (PL_25, PL_1),
        (LEGAL_AID, _a("", "110"), NEGOTIATE),
        "loan",
        statement=_(
            "The annual cost of the loan exceeds four times the one-year LPR at the date of the contract."
        ),
    ),
    Rule(
        "fees_beyond_interest",
        _("Fees beyond interest from a consumer finance company"),
        _(
            "A consumer finance company may not charge fees other than interest, except when you breached the "
            "contract."
        ),
        B,
        Severity.MEDIUM,
        (CFC_53,),
        (INFO, COMPLAIN_LENDER, REGULATOR),
        "loan",
        statement=_("Fees other than interest were charged without any breach of contract by me."),
    ),
    Rule(
        "limitation_period_expired",
        _("The limitation period may have expired"),
        _(
            "The limitation period is 3 years. While it runs, a demand by the lender, your acknowledgement, "
            "agreement to pay or part payment interrupts it and it starts again. Once it has expired, you may "
            "refuse to pay; but if you then agree to pay or pay voluntarily, you lose this defence. Ask 12348 "
            "for advice before saying anything to the lender."
        ),
        B,
        Severity.INFO,
        (CIVIL_188, CIVIL_192, CIVIL_195),
        (LEGAL_AID,),
        "loan",
        statement=_("The three-year limitation period for the claim may have expired."),
    ),
)

CATALOGUE: dict[str, Rule] = {rule.id: rule for rule in RULES}

LETTER_KIND_LABELS = {
    "negotiation": _("Negotiation letter"),
    "information_request": _("Request for information"),
    "stop_harassment": _("Letter to stop harassment"),
    "complaint_lender": _("Complaint to the lender"),
    "complaint_regulator": _("Complaint to the regulator"),
    "police_statement": _("Statement for the police"),
    "pi_complaint": _("Personal-information complaint"),
    "evidence_report": _("Evidence report"),
}
CHANNEL_LABELS = {
    "lender": _("the lender's complaint channel"),
    "regulator": _("the regulator for this kind of lender"),
    "12378": _("12378 (banking regulator hotline)"),
    "12363": _("12363 (central bank hotline)"),
    "12321": _("12321 (harassing calls and spam)"),
    "110": _("110 (police)"),
    "12345": _("12345 (local government hotline)"),
    "12348": _("12348 (public legal services: free advice, help applying for legal aid)"),
    "nifa": _("the NIFA reporting platform"),
    "pi_regulator": _("the personal-information protection authority"),
    "court": _("the people's court"),
}
STANDING_LABELS = {
    Standing.BINDING: _("Binding law"),
    Standing.STANDARD: _("Industry standard"),
    Standing.HEURISTIC: _("Our rule of thumb"),
}
STANDING_HELP = {
    Standing.BINDING: _(
        "A law, regulation or departmental rule that binds this lender; it can be enforced."
    ),
    Standing.STANDARD: _(
        "A national or industry standard. It is not a law, but regulators and courts may use it as a benchmark."
    ),
    Standing.HEURISTIC: _(
        "Our own threshold, based on the law, to point out something worth checking."
    ),
}
SEVERITY_LABELS = {
    Severity.HIGH: _("Serious"),
    Severity.MEDIUM: _("Important"),
    Severity.LOW: _("Minor"),
    Severity.INFO: _("For your information"),
}

"""Naming the other party, and tidying the text OCR reads from a bubble."""

import pytest

from imports.calllog import duration_seconds
from imports.screentext import UI, join_lines, normalise_sender, tidy


@pytest.mark.parametrize(
    ("shown", "sender"),
    [
        ("171 0000 1111", "17100001111"),
        ("+86 171 0000 1111", "17100001111"),
        ("+86 135-3146-8459", "13531468459"),
        ("1069 0000 555", "10690000555"),
        ("95188", "95188"),
        ("+1 (415) 555-0132", "+14155550132"),
        ("好运借客服 >", "好运借客服"),  # iPhone's chevron after the name
        ("< 王专员", "王专员"),
        ("、12", "12"),
        ("宏达资产还款通知群(23)", "宏达资产还款通知群"),  # a WeChat group's member count
        ("催收部 小李", "催收部小李"),
        ("Mike Collections", "Mike Collections"),
        # Brackets written full-width or not are one sender.
        ("李经理（金橙分期）", "李经理(金橙分期)"),
        ("李经理(金橙分期)", "李经理(金橙分期)"),
        ("A 贷后吴", "A贷后吴"),  # a space beside Chinese, read or dropped by chance
        ("石律师 【四川]", "石律师【四川】"),  # "】" read as "]"
        ("Mr. Chen (Mediation))", "Mr. Chen (Mediation)"),  # the chevron read as ")"
        ("(调解)陈经理", "(调解)陈经理"),
    ],
)
def test_sender_as_shown_becomes_a_name_or_digits(shown, sender):
    assert normalise_sender(shown) == sender


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (["您的账单已逾期，请", "及时还款。"], "您的账单已逾期，请及时还款。"),
        (["Your loan is overdue,", "pay today."], "Your loan is overdue, pay today."),
        (["Pay now or we will", "$500 more."], "Pay now or we will $500 more."),
        (["请拨打", "95188"], "请拨打95188"),
        (["依法向法院提起诉讼", "……"], "依法向法院提起诉讼……"),
        # In Chinese text a wrap falls anywhere: a case number or a bare link is one word again.
        (["案件编号CS20253841", "06245，请立即联系"], "案件编号CS2025384106245，请立即联系"),
        (["立即还款3f29.to", "p/h5/KHxrT9"], "立即还款3f29.top/h5/KHxrT9"),
        (["您的 loan is", "overdue，请还款"], "您的 loan is overdue，请还款"),  # English words
    ],
)
def test_lines_of_a_bubble_join_by_script(lines, joined):
    assert join_lines(lines) == joined


@pytest.mark.parametrize(
    ("read", "tidied"),
    [
        ("通知一下?", "通知一下？"),  # narrow marks after Chinese are full-width ones
        ("说法!", "说法！"),
        ("今天18:00前", "今天18:00前"),  # a clock keeps its colon
        ("合计47，541.83元", "合计47,541.83元"),  # digits keep their comma
        ("依法向法院提起诉讼······", "依法向法院提起诉讼……"),
        ("目前合计￥2231元", "目前合计¥2231元"),
        ("案号(2025)粤0305民初", "案号（2025）粤0305民初"),
        ("【速借花】）验证码", "【速借花】验证码"),  # a stray bracket from the edge of 】
        ("利息）（", "利息"),
        ("期， 点击", "期，点击"),
        ("点击https://t.cn/A6x查看详情", "点击https://t.cn/A6x查看详情"),  # no space is added
        ("点击 https://t.cn/A6x 查看详情", "点击 https://t.cn/A6x 查看详情"),  # none is taken away
        ("Call (415) 555-0132 now", "Call (415) 555-0132 now"),
        # A full stop read as a dot, after Chinese or a number in Chinese text.
        ("请你尽快回电17367031044.", "请你尽快回电17367031044。"),
        ("好的.谢谢", "好的。谢谢"),
        ("还款1.5万元.", "还款1.5万元。"),  # a decimal point stays
        ("详见t.cn/abc.", "详见t.cn/abc."),  # so does a link's
        ("回电028 -2310 6848", "回电028-2310 6848"),  # a space OCR put inside a landline
    ],
)
def test_what_ocr_reads_wrong_in_chinese_text_is_tidied(read, tidied):
    assert tidy(read) == tidied


@pytest.mark.parametrize(
    "text",
    [
        "短信/彩信",
        "Text Message • SMS",
        "已送达",
        "Delivered",
        "微信(12)",
        "< 信息 (3)",
        "卡1",
        "输入短信内容",  # the input bar's placeholders (MIUI, ColorOS)
        "输入短信",
        "请输入消息",
        "卡2 输入信息",  # with the SIM card the message will go from
        "卡1 短信",
        "所有",  # a call log's tab ("所有" / "未接")
    ],
)
def test_app_words_are_not_messages(text):
    assert UI.match(text)


@pytest.mark.parametrize("text", ["好的", "OK", "王专员(3)", "18:00"])
def test_short_messages_are_not_app_words(text):
    assert not UI.match(text)


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("2分15秒", 135),
        ("15秒", 15),
        ("1小时2分5秒", 3725),
        ("呼出 1:02:03", 3723),
        ("响铃5秒", None),  # how long it rang: the call was not answered
        ("2 min 5 sec", 125),
        ("广东深圳", None),
    ],
)
def test_call_durations(text, seconds):
    assert duration_seconds(text) == seconds


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (
            ["【示例贷】账单已逾期，点击 https://t.cn/A6", "123x 查看详情"],
            "【示例贷】账单已逾期，点击 https://t.cn/A6123x 查看详情",
        ),
        (
            ["Pay at https://pay.example.com/", "loan?id=5 now."],
            "Pay at https://pay.example.com/loan?id=5 now.",
        ),
        (["请尽快联系1381234", "5678协商。"], "请尽快联系13812345678协商。"),
        (
            ["请立即登录 htt", "ps://m.example.com/loan 处理。"],
            "请立即登录 https://m.example.com/loan 处理。",
        ),
        (
            ["请立即登录 https:", "//m.repay-94.example.c", "om/loan?uid=194", "134 处理。"],
            "请立即登录 https://m.repay-94.example.com/loan?uid=194134 处理。",
        ),
        (["应还金额3,280.", "00元"], "应还金额3,280.00元"),
        (
            ["Pay at https://pay.quickloan.", "example.com/account/overdue?i", "d=583920 now."],
            "Pay at https://pay.quickloan.example.com/account/overdue?id=583920 now.",
        ),
    ],
)
def test_a_link_or_number_cut_at_a_wrap_is_joined_without_a_space(lines, joined):
    assert join_lines(lines) == joined


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (
            ["Visit https://pay.example.com.", "Then call us."],
            "Visit https://pay.example.com. Then call us.",
        ),
        (
            ["Your payment of $7589.00", "was due yesterday."],
            "Your payment of $7589.00 was due yesterday.",
        ),
        (["Reference", "12345."], "Reference 12345."),
        (
            ["Pay now at https://pay.example.com/overdue?id=508257", "to stop further action."],
            "Pay now at https://pay.example.com/overdue?id=508257 to stop further action.",
        ),
        (
            ["Visit https://pay.example.com.", "then call us."],
            "Visit https://pay.example.com. then call us.",
        ),
    ],
)
def test_words_after_a_link_or_number_keep_their_space(lines, joined):
    assert join_lines(lines) == joined


@pytest.mark.parametrize(
    ("read", "meant"),
    [
        ("Your loan of $2422 is 0verdue.", "Your loan of $2422 is overdue."),
        ("Pay $8315 today 0r we will call.", "Pay $8315 today or we will call."),
        ("Pay t0day.", "Pay today."),
    ],
)
def test_a_zero_read_inside_an_english_word_is_an_o(read, meant):
    assert tidy(read) == meant


@pytest.mark.parametrize(
    "kept", ["Reference 10234.", "https://t.cn/a0bx", "id=a0b", "v0.1", "10am", "应还1000元"]
)
def test_zeros_in_numbers_links_and_codes_stay(kept):
    assert tidy(kept) == kept


@pytest.mark.parametrize(
    ("read", "meant"),
    [
        ("【金桥消费】验证码949891,用于还款确认。", "【金桥消费】验证码949891，用于还款确认。"),
        ("目前合计22,273.72元（含本金、利息）o", "目前合计22,273.72元（含本金、利息）。"),
        ("合计1,000元，请还款。", "合计1,000元，请还款。"),
    ],
)
def test_chinese_marks_ocr_read_as_latin_ones_after_a_number_or_bracket(read, meant):
    assert tidy(read) == meant


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (
            ["已发送至您的邮箱tiaojie", "@sxh.ink，请查收"],
            "已发送至您的邮箱tiaojie@sxh.ink，请查收",
        ),
        (["您的邮箱li.lawyer@dsam.", "net.cn，请查收"], "您的邮箱li.lawyer@dsam.net.cn，请查收"),
        (["罚息：yx", "-law.cn/x/A8nb 拒收请回复R"], "罚息：yx-law.cn/x/A8nb 拒收请回复R"),
        (["邮箱kf2026@yx-law.c", "n，请查收"], "邮箱kf2026@yx-law.cn，请查收"),
        (["产生0.05%", "/天的逾期费用"], "产生0.05%/天的逾期费用"),
        # Plain English words in Chinese text keep their space.
        (["你的loan已经 overdue", "please pay，谢谢"], "你的loan已经 overdue please pay，谢谢"),
    ],
)
def test_an_address_cut_by_a_wrap_in_chinese_text_is_one_word_again(lines, joined):
    assert join_lines(lines) == joined


@pytest.mark.parametrize(
    ("lines", "full", "joined"),
    [
        # After a full line, Chinese text wrapped inside a word: a masked ID, a link, a code.
        (
            ["律师函：张伟（身份证号371302********995", "2）因拖欠借款"],
            [True, False],
            "律师函：张伟（身份证号371302********9952）因拖欠借款",
        ),
        (
            ["链接：https://t.xkd9.cn/h5/eyEd", "E查看"],
            [True, False],
            "链接：https://t.xkd9.cn/h5/eyEdE查看",
        ),
        (
            ["请点击https://yfq6.com/p?c=8G", "mGbjE查看"],
            [True, False],
            "请点击https://yfq6.com/p?c=8GmGbjE查看",
        ),
        # After a short line, at a space: the next word did not fit.
        (["请回复 OK", "AGREE 确认，或拨打"], [False, True], "请回复 OK AGREE 确认，或拨打"),
    ],
)
def test_a_wrap_in_chinese_text_falls_inside_a_word_only_after_a_full_line(lines, full, joined):
    assert join_lines(lines, full=full) == joined


@pytest.mark.parametrize(
    ("read", "meant"),
    [("Hi, totaI due ¥1934", "Hi, total due ¥1934"), ("please wiIl pay", "please will pay")],
)
def test_a_capital_i_read_inside_an_english_word_is_an_l(read, meant):
    assert tidy(read, settled=True) == meant


@pytest.mark.parametrize(
    "kept", ["I will pay", "iPhone 15", "AppleID", "yourID", "链接：t.cn/q/fxI", "VC3qI6G", "HI"]
)
def test_capital_is_in_words_links_and_codes_stay(kept):
    assert tidy(kept, settled=True) == kept


@pytest.mark.parametrize(
    ("read", "meant"),
    [
        ("案件编号：N0.CS2026-187625。", "案件编号：No.CS2026-187625。"),
        ("预审编号N0. 2025", "预审编号No. 2025"),
    ],
)
def test_a_zero_read_for_the_o_of_no_before_a_number_is_an_o(read, meant):
    assert tidy(read, settled=True) == meant


def test_spaces_read_inside_a_links_scheme_are_dropped():
    assert tidy("电子版：https: / /t.sfys.cc/q/KxGxd6", settled=True) == (
        "电子版：https://t.sfys.cc/q/KxGxd6"
    )


@pytest.mark.parametrize(
    ("read", "settled", "meant"),
    [
        ("请点击http://t.cn/a/QLqur ，退订回TD", True, "请点击http://t.cn/a/QLqur ，退订回TD"),
        ("请点击http://t.cn/a/QLqur ，退订回TD", False, "请点击http://t.cn/a/QLqur，退订回TD"),
        ("逾期 ，请还款", True, "逾期，请还款"),
    ],
)
def test_a_space_before_a_full_width_comma_stays_only_after_a_link_read_from_the_pixels(
    read, settled, meant
):
    """The pixels (glyphs.respell) settle a space between a link and "，"; guessed text drops it."""
    assert tidy(read, settled=settled) == meant


@pytest.mark.parametrize(
    ("read", "meant"),
    [("我现在没钱[微笑］", "我现在没钱[微笑]"), ("我要投诉你们[抱拳】", "我要投诉你们[抱拳]")],
)
def test_a_wechat_emoji_code_read_with_one_bracket_full_width_is_mended(read, meant):
    assert tidy(read, settled=True) == meant


def test_a_lenders_name_in_black_brackets_is_not_an_emoji_code():
    assert tidy("【朗月信用】你好", settled=True) == "【朗月信用】你好"


@pytest.mark.parametrize(
    ("read", "meant"),
    [
        ("信用卡6222★★★★ ★★★★1026已逾期", "信用卡6222**** ****1026已逾期"),
        ("还款账户：6222 ***＊ **** 4660", "还款账户：6222 **** **** 4660"),
    ],
)
def test_a_masked_numbers_asterisks_read_as_stars_are_asterisks(read, meant):
    assert tidy(read, settled=True) == meant


@pytest.mark.parametrize("kept", ["★重要通知★请还款", "好评★", "五星★★★★★好评"])
def test_stars_away_from_digits_stay(kept):
    assert tidy(kept, settled=True) == kept


def test_the_second_slash_of_a_link_read_as_a_letter_is_a_slash():
    assert tidy("还款链接：https:/Ih5.rwbfin.com/pay/8Jsw", settled=True) == (
        "还款链接：https://h5.rwbfin.com/pay/8Jsw"
    )


def test_a_lenders_name_whose_closing_black_bracket_was_read_square_is_mended():
    assert tidy("【EasyLoan] Overdue notice：您的欠款", settled=True) == (
        "【EasyLoan】Overdue notice：您的欠款"
    )


@pytest.mark.parametrize(
    ("read", "shown"),
    [
        ("loan of cNY 7,120 is overdue.", "loan of CNY 7,120 is overdue."),
        ("我下周一还¥36,811，0K?", "我下周一还¥36,811，OK?"),
        ("案号[2026〕粤0304执19498号", "案号〔2026〕粤0304执19498号"),
        ("案号〔2026]粤0304执19498号", "案号〔2026〕粤0304执19498号"),
        ("案号【2026〕川0107民初13187号", "案号〔2026〕川0107民初13187号"),
        ("案号〔2026】沪0115民初15020号", "案号〔2026〕沪0115民初15020号"),
        ("APP内搜索‘安易花”或登录", "APP内搜索“安易花”或登录"),
        ("关于案件(2025)川10107民初15165号", "关于案件(2025)川0107民初15165号"),
        ("案号〔2026〕川I0948执6973号", "案号〔2026〕川0948执6973号"),
        ("案号〔2026粤0226民初10047号", "案号〔2026〕粤0226民初10047号"),
        ("影响你子女上学和出行，自已想清楚。", "影响你子女上学和出行，自己想清楚。"),
        # A case number's year: its brackets read square or black, or one of them lost.
        ("立案编号[2026]皖8829执10580号", "立案编号〔2026〕皖8829执10580号"),
        ("案号【2025鄂2438执7663号。", "案号〔2025〕鄂2438执7663号。"),
        ("l already paid 500", "I already paid 500"),
        ("案号[2026】川0107民初20954号", "案号〔2026〕川0107民初20954号"),
        ("最后通：今晚12点前全额还清", "最后通牒：今晚12点前全额还清"),
        ("曾＊，你名下蓝鲸易贷借款纠纷", "曾*，你名下蓝鲸易贷借款纠纷"),
        (
            "查看详情：http://law-case.example.c0m/c/47203",
            "查看详情：http://law-case.example.com/c/47203",
        ),
    ],
)
def test_capitals_and_brackets_ocr_reads_for_their_look_alikes_are_put_back(read, shown):
    assert tidy(read, settled=True) == shown


@pytest.mark.parametrize(
    "text",
    [
        "dwz.cn/a/sNY2k",
        "a8x.cc/3eVQA",
        "ok",
        "co",
        "10K",
        "[微笑]",
        "【2026】",
        "他说‘别急’，又说“快还”",
        "(2025)川01民初1号",
        "[2025]年度报告",
        "http://a.cn/l abc",
        "最后通知：请还款",
        "＊重要＊请还款",
        "c0m.cn/a",
        "川11001",
    ],
)
def test_look_alike_rules_leave_links_words_and_square_brackets(text):
    assert tidy(text, settled=True) == text


def test_a_closing_bracket_at_a_lines_end_matches_its_partner_on_an_earlier_line():
    lines = ["还款链接：t.cn/a/8wgvBaH （请勿相信他人", "转账要求)"]
    assert join_lines(lines, settled=True) == "还款链接：t.cn/a/8wgvBaH （请勿相信他人转账要求）"
    narrow = ["请联系承办人(张律师", "处理）"]
    assert join_lines(narrow, settled=True) == "请联系承办人(张律师处理)"

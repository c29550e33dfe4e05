"""The words on a phone screen that belong to the app, and the text OCR reads, tidied.

Pure: strings in, strings out. layout.py and calllog.py use these to tell a
message from the app around it (status bar, header, tabs, input bar, delivery
notes, recall notices), to name the other party, and to join a bubble's lines.
"""

from __future__ import annotations

import re

from cases.phones import phone_normalize

#: What a status bar shows: clock, battery, network, carrier, speed, signal glyphs OCR reads.
STATUS_TOKEN = re.compile(
    r"\d{1,2}[:：.]\d{2}|\d{1,3}\s*%|(?<![A-Za-z])(?:[2-5]G\+?|LTE|HD|VoLTE|VoWiFi|Wi-?Fi|NFC)(?![a-z])"
    r"|[KkMm]B?/s|中国(?:移动|联通|电信|广电)|China (?:Mobile|Unicom|Telecom)|^\d{1,3}$"
    r"|^(?:移动|联通|电信|广电|CMCC|CHN-?(?:UNICOM|CT))(?:\s*[2-5]G\+?)?$",
)
#: A whole box of status-bar glyphs and noise ("4G+ -ll 74", "- 68", "|").
STATUS_NOISE = re.compile(r"^[\s\-|lIi!.·•:：%0-9A-Za-z+/]{0,24}$")

#: Words of the app around the messages: buttons, tabs, placeholders, notes.
UI = re.compile(
    r"^[<‹〈«←\s]*(?:(?:卡\s*[12]|SIM\s*[12])\s*)?"  # the input bar's SIM card: "卡2 输入信息"
    r"(?:[<‹〈«←>›〉»…⋯·.\s|\-_=+＋•○◯口]+|返回|详情|编辑|更多|取消|完成|搜索|发送|短信|信息|彩信|"
    r"短信\s*[·•/]\s*彩信|发送短信|发送信息|输入消息|输入信息|新信息|写短信|iMessage|Text Message|"
    r"输入(?:短信|信息|消息|文字)?(?:内容)?|请输入(?:内容|消息|信息|短信)?|文本(?:信息|消息)|新短信|"
    r"(?:Text Message|iMessage|短信|信息)\s*[·•]\s*(?:SMS|短信|信息|MMS)|SMS|MMS|RCS|Message|"
    r"Messages|按住\s*说话|Hold to Talk|已送达|Delivered|已读|Read|送达|已发送|Sent|发送失败|"
    r"Not Delivered|通话记录|最近通话|全部通话|所有通话|全部|所有|未接来电|All|Missed|Recents|Calls|"
    r"Call log|Call History|电话|拨号|拨号盘|拨号键盘|联系人|收藏|个人收藏|营业厅|畅连|Favorites|"
    r"Contacts|Keypad|Voicemail|语音信箱|语音留言|微信|通讯录|发现|我|Edit|Done|Back|"
    r"\(\d+\)|（\d+）|卡\s*[12]|SIM\s*[12]|HD|发送至.*|搜索.*|"
    r"(?:已送达|已读|Delivered|Read)\s*(?:(?:上午|下午)?\s*\d{1,2}[:：]\d{2}\s*(?:AM|PM)?)?)"
    r"\s*(?:[(（]\d{1,4}[)）])?$",  # a back button may carry the unread count: "微信(12)"
    re.IGNORECASE,
)
#: Notices the chat app writes between messages; never a message.
NOTICE = re.compile(
    r"撤回了一条消息|重新编辑|以下(?:为|是)新消息|以上是打招呼的内容|你已添加了|现在可以开始聊天了|"
    r"开启了朋友验证|消息已发出，?但被对方拒收了|加入了群聊|邀请.{0,20}加入了群聊|修改群名为|拍了拍|"
    r"unsent a message|recalled a message|You recalled|New messages below|"
    r"This message was (?:deleted|recalled)|are now friends",
    re.IGNORECASE,
)
IM_MARKS = re.compile(r"微信|WeChat|按住\s*说话|Hold to Talk|QQ|视频通话|语音通话|撤回了一条消息")
CALL_TITLE = re.compile(
    r"^(?:通话记录|最近通话|全部通话|所有通话|未接来电|通话|电话|拨号|拨号键盘|Recents|Calls|Call log|"
    r"Call History|Phone|Keypad)$",
    re.I,
)
CALL_WORDS = re.compile(
    r"未接|响铃|呼入|呼出|来电|去电|已接|已拨|拨出|拒接|已拒接|挂断|未接通|Missed|Incoming|Outgoing|"
    r"Declined|Rejected|Cancelled|Canceled|No answer",
    re.IGNORECASE,
)

#: An icon OCR read as a lone kana ("の" for WeChat's voice button): never text on a Chinese screen.
ICON_AS_KANA = re.compile(r"^[\u3040-\u30ff]$")

_PHONE = re.compile(r"^\+?[\d\s\-()（）]{5,}$")
_COUNT_SUFFIX = re.compile(r"\s*[(（]\s*\d{1,4}\s*[)）]\s*$")
#: Arrows, chevrons and specks OCR reads at the ends of a header's name.
_EDGE_MARKS = re.compile(r"^[^\w+(（【\u4e00-\u9fff]+|[^\w)）】.\u4e00-\u9fff]+$")


def looks_like_number(text: str) -> bool:
    return bool(_PHONE.match(text.strip()))


def normalise_sender(text: str) -> str:
    """A name as shown, or a number as digits.

    The header's chevrons and a group's member count go ("宏达群(23)" → "宏达群");
    a number loses its grouping and +86 ("+86 171 0000 1111" → "17100001111",
    "1069 0000 555" → "10690000555"); other countries keep their "+".
    """
    text = _BLACK_BRACKET.sub(r"【\1】", text.strip())  # "石律师【四川]"
    text = _EDGE_MARKS.sub("", _COUNT_SUFFIX.sub("", text))
    text = _COUNT_SUFFIX.sub("", text).strip()
    # iPhone's chevron after a name read as one more closing bracket ("Mr. Chen (Mediation))").
    while text[-1:] in ")）" and _closers(text) > _openers(text):
        text = text[:-1].rstrip()
    if looks_like_number(text):
        return phone_normalize(text)
    return _SPACE_BY_CJK.sub("", text.translate(_NAME_MARKS))


def _openers(text: str) -> int:
    return text.count("(") + text.count("（")


def _closers(text: str) -> int:
    return text.count(")") + text.count("）")


#: Marks in names that OCR and phones write two ways: middle dots ("安心钱包·王专员") and
#: brackets, full-width or not ("李经理（金橙分期）" is "李经理(金橙分期)"), kept in one form so
#: one sender is one sender whichever way it was written.
_NAME_MARKS = str.maketrans(
    {"•": "·", "・": "·", "･": "·", "∙": "·", "⋅": "·", "（": "(", "）": ")"}
)


#: Full-width marks whose ink sits in one half of their cell.
_INK_LEFT = set("。，、．！？：；”’）】》")
_INK_RIGHT = set("（【《“‘")


def em_size(b) -> float:
    """The font size of a box's text, from its width per character.

    OCR boxes are as tall as their tallest glyph plus a margin, so a line of
    digits and a line of Chinese in one font differ in height; their width per
    character tells the font size better. Short texts fall back on the height.
    """
    units = 0.0
    last = len(b.text) - 1
    for n, char in enumerate(b.text):
        if (n == last and char in _INK_LEFT) or (n == 0 and char in _INK_RIGHT):
            units += 0.5  # the box ends at the ink, half of a full-width mark's cell
        elif is_cjk(char):
            units += 1.0
        elif char.isdigit() or char.isupper():
            units += 0.6
        elif char.isalpha():
            units += 0.5
        else:
            units += 0.32
    if units < 2:
        return 0.75 * b.height
    return max(1.0, (b.width - 0.25 * b.height) / units)


# Joining a bubble's lines, and the marks OCR confuses.

_CJK = "\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
_CJK_CHAR = re.compile(f"[{_CJK}]")
_FULL_WIDTH = {",": "，", "?": "？", "!": "！", ":": "：", ";": "；", "(": "（", ")": "）"}
#: Narrow marks whose full-width form leaves its blank after the ink.
_ENDS_A_LINE = ",:;!?)"
#: The characters guess_mark may change.
GUESSED_MARKS = frozenset(_FULL_WIDTH) | frozenset("￥oO.")
#: A case number's year in brackets before Chinese: "(2025)粤0305民初".
_BRACKETED_NUMBER = re.compile(rf"\d{{1,4}}[)）][{_CJK}]")


def guess_mark(text: str, i: int) -> str:
    """The mark at text[i], full-width or narrow as the characters around it suggest.

    For where the pixels cannot tell (glyphs.respell decides from them where they can):
    narrow marks after Chinese, or between a number and Chinese, are full-width ones OCR
    read narrow; a colon between digits ("18:00") and a decimal point or a link's dot stay;
    a full stop read as "o" or "." after Chinese is a full stop. "￥" and "¥" are kept as one.
    """
    char = text[i]
    before = text[:i].rstrip()
    previous, last = before[-1:], text[i - 1 : i]
    following = text[i + 1 : i + 2]
    after_cjk = is_cjk(previous) if previous else False
    if char == "￥":
        return "¥"
    if char in ",?!;(" and after_cjk:
        return _FULL_WIDTH[char]
    if char == ":" and after_cjk and not following.isdigit():
        return "："
    if char == ")" and (is_cjk(last) or last.isdigit()) and is_cjk(following):
        return "）"
    if char == "(" and _BRACKETED_NUMBER.match(text, i + 1):
        return "（"
    if char in ",;" and last.isdigit() and is_cjk(following):
        return _FULL_WIDTH[char]
    if char == "," and last == " " and is_cjk(following):
        return "，"  # a link, a space, then "，" and Chinese ("…/QLqur ，退订"): never ", "
    ends = not following or is_cjk(following)
    if char in "oO" and is_cjk(last) and ends:
        return "。"
    if char == "." and ends and is_cjk(before.rstrip("0123456789")[-1:] or "a"):
        return "。"
    return char


def guess_marks(text: str) -> str:
    """Every mark in `text` full-width or narrow as guess_mark guesses."""
    return "".join(guess_mark(text, i) if c in GUESSED_MARKS else c for i, c in enumerate(text))


_ELLIPSIS = re.compile(r"(?:[·•・.。]{3,}|…{1,}[·•・.]*|[·•・]{2,})")
#: A space OCR put inside a landline's number: "028 -2310 6848".
_SPACE_BEFORE_DASH = re.compile(r"(?<=\d) +(?=-\d)|(?<=\d-) +(?=\d)")
_DIGIT_COMMA = re.compile(r"(?<=\d)[，,](?=\d{3}(?!\d))")
_DIGIT_COLON = re.compile(r"(?<=\d)：(?=\d{2}(?!\d))")
_SPACE_AFTER_FULL = re.compile(
    rf"(?<=[，。！？：；、（）“”‘’《》【】…])\s+|\s+(?=[，。！？：；、）”’》】])|(?<=[{_CJK}])\s+(?=（)"
)
#: The same, but for a space between a Latin letter, digit or "/" and a full-width comma or
#: full stop: one the pixels showed there (glyphs.respell) is kept ("…/QLqur ，退订回TD").
_SPACE_AFTER_FULL_SETTLED = re.compile(
    rf"(?<=[，。！？：；、（）“”‘’《》【】…])\s+|(?<![A-Za-z0-9/\s])\s+(?=[，。])|\s+(?=[！？：；、）”’》】])"
    rf"|(?<=[{_CJK}])\s+(?=（)"
)


def _unmatched_brackets(text: str) -> str:
    """Drop a closing bracket with no opening one, and an opening one left at the very end.

    OCR reads the edge of "】" or a bubble's corner as a stray "）" or "（".
    """
    out, depth = [], 0
    for char in text:
        if char in "）)":
            if depth == 0:
                continue
            depth -= 1
        elif char in "（(":
            depth += 1
        out.append(char)
    result = "".join(out)
    return result[:-1] if result[-1:] in "（(" else result


_SPACE_BETWEEN_CJK = re.compile(rf"(?<=[{_CJK}])\s+(?=[{_CJK}])")
#: A space beside Chinese in a name ("A 贷后吴"), which OCR reads or drops by chance.
_SPACE_BY_CJK = re.compile(rf"(?<=[{_CJK}])\s+|\s+(?=[{_CJK}])")


def is_cjk(char: str) -> bool:
    return bool(_CJK_CHAR.match(char))


def has_cjk(text: str) -> bool:
    return bool(_CJK_CHAR.search(text))


#: An English word with a zero OCR read for an "o" ("0verdue", "t0day", "0r"): no other digit,
#: lower-case letters, not inside a link or code (no "/", "=", "." or digit beside it).
_ZERO_IN_WORD = re.compile(r"(?<![\w/=.$¥-])(?=[a-z0]*[a-z])(?=[a-z]*0)[a-z0]{2,}(?![\w/=%-]|\.\w)")


#: A capital I OCR read for an "l" at the end of, or inside, a lower-case English word
#: ("totaI due", "emaIl"): a word of letters only, not a link's or a code's.
_CAPITAL_I_IN_WORD = re.compile(r"(?<![\w/=.@-])(?=[a-zA-Z]*[a-z]I)[a-z][a-zA-Z]*(?![\w/=@-]|\.\w)")
#: The word "I" read as a small "l" before an English word ("l already paid 500").
_SMALL_L_FOR_I = re.compile(r"(?<![\w/=.@#'-])l(?= [a-z]{2,})")
#: A capital word whose first letter OCR read small, or as a zero, where the two look alike
#: but for their size ("cNY 7,120", "0K?"): the rest of the word is capitals.
_SMALL_FIRST_CAPITAL = re.compile(r"(?<![\w/=.@#-])([cosvwxz0])([A-Z]{1,3})(?![\w/=@-]|\.\w)")
#: A year in tortoise-shell brackets with one of them read square ("案号[2026〕粤0304执").
#: Or black ("【2026〕", "〔2026】"): a year's brackets are one pair.
_HALF_TORTOISE = re.compile(r"[\[［【]((?:19|20)\d{2})〕|〔((?:19|20)\d{2})[\]］】]")
#: An opening single quote OCR read for a double one, closed by a double one ("搜索‘安易花”").
_HALF_QUOTE = re.compile(r"‘([^‘’“”]{1,30})”")
#: The last stroke of "川" read again as a "1" (or an "I") in a court's code, which has four
#: digits ("川10107民初" for "川0107民初").
_CHUAN_STROKE = re.compile(r"(?<=川)[1Il|](?=\d{4}(?:民|刑|执|行|破|赔))")
#: A year in tortoise-shell brackets whose closing one OCR lost before the court's place
#: ("〔2026粤0226民初", "【2025鄂2438执"), or both read square ("[2026]皖8829执"): a case
#: number's year before the court's place and code (also "[2026】川0107民初").
_UNCLOSED_YEAR = re.compile(
    r"[〔【\[［]((?:19|20)\d{2})(?:[\]］】])?(?=[\u4e00-\u9fff]\d{2,4}[\u4e00-\u9fff])"
)
#: "最后通牒" whose last character the recogniser leaves out ("最后通：今晚12点前…"): no
#: word ends "最后通".
_ULTIMATUM = re.compile(r"最后通(?=[：:，,。！!\s]|$)")
#: A masked name's asterisk read full-width after the surname ("曾＊，", "谢＊（身份证…").
_WIDE_MASK = re.compile(r"(?<=[\u4e00-\u9fff])＊(?![\u4e00-\u9fff])")
#: "com" with a zero OCR read for its "o", ending a link's host (".c0m/c/47203").
_COM_ZERO = re.compile(r"(?<=\.)c0m(?=/|\b)")
#: "自已" is always "自己" misread: the two characters differ by a stroke's gap.
_SELF = re.compile("自已")
#: "No." with a zero OCR read for its "o", before a number or code ("N0.CS2026-187625").
_NUMBER_SIGN_ZERO = re.compile(r"(?<![A-Za-z0-9])N0\.(?=\s?[A-Z0-9])")
#: A link's "://" with spaces OCR put in it ("https: / /t.sfys.cc"), or its second slash
#: read as a letter I or l ("https:/Ih5.rwbfin.com").
_SPACED_SCHEME = re.compile(
    r"(?<![A-Za-z])(https?)\s*:\s*(?:/\s*/|/[Il|](?=[a-z0-9]))\s*(?=\w)", re.IGNORECASE
)
#: A lender's name in black brackets whose closing one OCR read as a square one, after Latin
#: letters ("【EasyLoan]").
_BLACK_BRACKET = re.compile(r"【([^【】\[\]]{1,30})[\]］]")
#: A WeChat emoji's code with one bracket read full-width ("[微笑］", "［抱拳]").
_EMOJI_CODE = re.compile(r"(?:\[([\u4e00-\u9fff]{1,4})[］】]|［([\u4e00-\u9fff]{1,4})[\]］])")
#: The asterisks of a masked number read as stars ("6222★★★★ ★★★★1026"): beside digits
#: or asterisks, in a run of two or more.
_STARS = re.compile(
    r"(?<=[\d*★＊] )[★＊][★＊* ]*|(?<=[\d*])[★＊][★＊* ]*|[★＊][★＊* ]*(?=\s?[\d*])"
)


def _capital_i_as_l(match: re.Match) -> str:
    word = match.group(0)
    if word[0].isupper() or any(c.isupper() for c in word if c != "I"):
        return word
    return word.replace("I", "l")


#: "@name " at the start of a space: WeChat's mention, which ends with a space.
_MENTION_BEFORE = re.compile(rf"@[{_CJK}A-Za-z0-9_]{{1,8}}$")


def after_mention(text: str) -> bool:
    """Whether `text` ends with an @mention (the space after one is WeChat's)."""
    return bool(_MENTION_BEFORE.search(text))


def _space_kept_after_mention(match: re.Match) -> str:
    """A space between Chinese characters is OCR's, except the one that ends an @mention."""
    return " " if after_mention(match.string[: match.start()]) else ""


def drop_cjk_spaces(text: str, *, keep_between_han: bool = False) -> str:
    """The text without the spaces OCR read between Chinese characters, except the one that
    ends an @mention (and, with `keep_between_han`, those between two ideographs)."""

    def kept(match: re.Match) -> str:
        before, after = match.string[match.start() - 1], match.string[match.end()]
        if keep_between_han and _IDEOGRAPH.match(before) and _IDEOGRAPH.match(after):
            return match.group(0)
        return _space_kept_after_mention(match)

    return _SPACE_BETWEEN_CJK.sub(kept, text)


_IDEOGRAPH = re.compile("[\u4e00-\u9fff]")


def _capital(letter: str) -> str:
    return "O" if letter == "0" else letter.upper()


def tidy(text: str, *, settled: bool = False) -> str:
    """Fix what OCR reliably gets wrong in Chinese text: narrow marks, ellipses, spaces.

    `settled`: whether each mark is full-width or narrow was settled line by line as the
    text was read (from the pixels where they show it: glyphs.respell), and stays so;
    otherwise it is guessed here from the characters around it.
    """
    text = _BLACK_BRACKET.sub(r"【\1】", text)
    if has_cjk(text):
        text = _ELLIPSIS.sub("……", text)
        if not settled:
            text = guess_marks(text)
        # Settled text kept only the spaces its pixels show between Chinese characters
        # (glyphs.respell); those beside a full-width mark go either way.
        text = drop_cjk_spaces(text, keep_between_han=settled)
        text = (_SPACE_AFTER_FULL_SETTLED if settled else _SPACE_AFTER_FULL).sub("", text)
        # A space around a link is kept as OCR read it: some senders put one there, some don't.
        text = _unmatched_brackets(text)
    text = _ZERO_IN_WORD.sub(lambda m: m.group(0).replace("0", "o"), text)
    text = _CAPITAL_I_IN_WORD.sub(_capital_i_as_l, text)
    text = _SMALL_L_FOR_I.sub("I", text)
    text = _NUMBER_SIGN_ZERO.sub("No.", text)
    text = _HALF_TORTOISE.sub(lambda m: f"〔{m.group(1) or m.group(2)}〕", text)
    text = _HALF_QUOTE.sub(r"“\1”", text)
    text = _CHUAN_STROKE.sub("", text)
    text = _UNCLOSED_YEAR.sub(r"〔\1〕", text)
    text = _SELF.sub("自己", text)
    text = _ULTIMATUM.sub("最后通牒", text)
    if text.count("＊") == 1:  # not a pair around words ("＊重要＊")
        text = _WIDE_MASK.sub("*", text)
    text = _COM_ZERO.sub("com", text)
    text = _SMALL_FIRST_CAPITAL.sub(lambda m: _capital(m.group(1)) + m.group(2), text)
    text = _SPACED_SCHEME.sub(r"\1://", text)
    text = _EMOJI_CODE.sub(lambda m: f"[{m.group(1) or m.group(2)}]", text)
    text = _STARS.sub(lambda m: m.group(0).replace("★", "*").replace("＊", "*"), text)
    text = _DIGIT_COMMA.sub(",", text)
    text = _SPACE_BEFORE_DASH.sub("", text)
    text = _DIGIT_COLON.sub(":", text)
    return re.sub(r"[ \t]{2,}", " ", text).strip()


#: Marks that close a phrase: a line starting with one joins the line before without a space.
_CLOSING = set(".,;:!?)]}%'\"’”")
_OPENING = set("([{$¥'\"‘“/-")


#: The Latin word a line ends with, and the one the next line starts with.
_LAST_WORD = re.compile(r"[!-~]+$")
_FIRST_WORD = re.compile(r"^[!-~]+")
_LINK_START = re.compile(r"(?:https?:|www\.)", re.IGNORECASE)
_NUMBER_PIECE = re.compile(r"^[¥$]?\d[\d,.]*$")
#: Marks inside an e-mail or web address, beside which a wrap never stood for a space.
_ADDRESS_MARKS = "@/=&%#_-~"
#: An e-mail address or a domain: "li.lawyer@dsam", "hxph-kf.cn".
_ADDRESS = re.compile(r"[A-Za-z0-9]@[A-Za-z0-9]|[A-Za-z0-9]\.[A-Za-z][A-Za-z]")
#: A piece of a code, an account number or a link without "http": letters, digits and marks.
_CODE_PIECE = re.compile(r"[A-Za-z0-9][A-Za-z0-9./=?&%#_\-]*")


def _broken_word(before: str, after: str, chinese: bool) -> bool:
    """Whether a wrap fell inside one word: a link, or (in Chinese text) a number.

    A phone breaks a link that does not fit anywhere, so its pieces join with no
    space; Chinese text has no spaces, so a number cut at a wrap is one number.
    """
    last = _LAST_WORD.search(before)
    first = _FIRST_WORD.match(after)
    if not last or not first:
        return False
    before_word, following = last.group(0), first.group(0)
    if "://" in following and not _LINK_START.match(following):
        return before_word.isalpha()  # "htt" + "ps://…"
    if _LINK_START.search(before_word) and not _LINK_START.match(following):
        # The link goes on when it was cut at one of its marks ("…/", "…?id="), or what
        # follows has a link's marks or digits ("om/loan", "d=5839"); a plain word after a
        # whole link ("…?id=508257" + "to stop") starts the sentence again.
        if before_word[-1] in "/?=&-_:#%" and before_word[-1] not in ".,;!)":
            return True
        link_like = any(ch in following for ch in "./=?&%#") or any(
            ch.isdigit() for ch in following
        )
        if before_word[-1] in ".,;!?)":
            return following[0].islower() and link_like
        return link_like
    if not chinese:
        return False
    if _NUMBER_PIECE.match(before_word) and following[0].isdigit():
        return True
    # An address cut beside one of its marks, or with an address on either side
    # ("tiaojie" + "@sxh.ink", "yx" + "-law.cn", "kf2026@yx-law.c" + "n", "0.05%" + "/天").
    if (
        before_word[-1] in _ADDRESS_MARKS
        or following[0] in _ADDRESS_MARKS
        or _ADDRESS.search(before_word)
        or _ADDRESS.search(following)
    ):
        return True
    # In Chinese text a wrap falls anywhere: a case number, an account or a bare link
    # ("CS20253841" + "06245", "T" + "J2024…", "3f29.to" + "p/h5") is one word again.
    # Two plain English words keep their space.
    return not (before_word.isalpha() and following.isalpha()) and (
        _CODE_PIECE.fullmatch(before_word) is not None and _CODE_PIECE.match(following) is not None
    )


def join_lines(lines: list[str], *, settled: bool = False, full: list[bool] | None = None) -> str:
    """Join a bubble's lines: Chinese runs straight on, Latin words get one space between.

    `settled`: every line's marks were settled as it was read (see tidy). A narrow mark
    that ends a line (or "(" that starts one) is guessed again here, with the next line
    (or the one before) in view: its pixels could not tell, as the blank that would show
    it full-width lies beyond the line.

    `full`: for each line, whether it runs to the text's right edge (from the boxes). In
    Chinese text, a wrap between two Latin characters after a full line fell inside a word:
    a phone wraps Chinese text anywhere ("…身份证371302****995" + "2名下"). After a short
    line the wrap may have been at a space (the word that followed did not fit), so the
    words themselves decide.
    """
    kept = [n for n, line in enumerate(lines) if line.strip()]
    full = [full[n] for n in kept] if full is not None and len(full) == len(lines) else None
    lines = [lines[n].strip() for n in kept]
    chinese = has_cjk("".join(lines))
    out = ""
    wraps = []
    for n, line in enumerate(lines):
        if out:
            last, first = out[-1], line[0]
            if (
                last.isascii()
                and first.isascii()
                and last not in _OPENING
                and first not in _CLOSING
                and not (
                    (chinese and full is not None and full[n - 1])
                    or _broken_word(out, line, chinese)
                )
            ):
                out += " "
            wraps.append(len(out))
        out += line
    if settled and chinese:
        starts = [0, *wraps, len(out)]
        for n, at in enumerate(wraps):
            line_before, line_after = out[starts[n] : at], out[at : starts[n + 2]]
            # A bracket whose partner is in its own line was settled with that partner.
            if out[at - 1] in _ENDS_A_LINE and not (
                out[at - 1] == ")" and any(c in line_before for c in "(（")
            ):
                out = out[: at - 1] + guess_mark(out, at - 1) + out[at:]
            if out[at] == "(" and not any(c in line_after for c in ")）"):
                out = out[:at] + guess_mark(out, at) + out[at + 1 :]
        out = _closed_across_lines(out, wraps)
    return tidy(out, settled=settled)


def _closed_across_lines(text: str, wraps: list[int]) -> str:
    """A closing bracket that ends a line (where its pixels cannot tell its width) and whose
    partner opened on an earlier line takes that partner's width ("（请勿相信他人" +
    "转账要求)")."""
    for end in [*wraps, len(text)]:
        if end == 0 or text[end - 1] not in ")）":
            continue
        start = max((w for w in wraps if w < end), default=0)
        depth, partner = 0, None
        for k in range(end - 2, -1, -1):
            if text[k] in ")）":
                depth += 1
            elif text[k] in "(（":
                if depth == 0:
                    partner = k
                    break
                depth -= 1
        if partner is not None and partner < start:
            closing = "）" if text[partner] == "（" else ")"
            text = text[: end - 1] + closing + text[end:]
    return text

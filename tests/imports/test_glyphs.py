"""The real OCR engine on lines the test draws: the room around each character tells a
full-width mark from a narrow one, and a space OCR dropped from none (imports/glyphs.py)."""

from datetime import date
from zoneinfo import ZoneInfo

import numpy as np
import pytest

from imports.glyphs import respell
from imports.layout import parse_screen
from imports.ocr import annotate, load_image, missed_lines, read_boxes
from imports.screentext import join_lines

from .screens import Bubble, render_thread


def _read_in_a_bubble(text: str) -> str:
    """The text of one message bubble, drawn in a thread and read as the import reads it."""
    (screen,) = render_thread([Bubble(text, label="10:30")], sender="95511", height=1000)
    image = load_image(screen.png()).image
    boxes = annotate(image, read_boxes(image))
    boxes += missed_lines(image, boxes)
    result = parse_screen(
        boxes, width=1080, height=1000, taken_on=date(2025, 6, 12), tz=ZoneInfo("Asia/Shanghai")
    )
    (record,) = result.records
    return record.text


@pytest.mark.parametrize(
    "line",
    [
        "案号(2025)粤0305民初1234号",  # narrow brackets after Chinese stay narrow
        "案号（2025）粤0305民初1234号",
        "请联系承办人(020)86357481，逾期将起诉",
        "已经还了￥38,580.21，请查收",
        "已经还了¥38,580.21，请查收",
    ],
)
def test_a_mark_is_read_full_width_or_narrow_as_drawn(line):
    """OCR reads "(" and "（" (and "¥", "￥") alike; guessing from the characters around
    them made every bracket after Chinese full-width and every yen sign narrow."""
    assert _read_in_a_bubble(line) == line


def test_a_numbered_step_keeps_its_dot_and_a_sentence_its_full_stop():
    assert (
        _read_in_a_bubble("还款方式：1.登录APP；2.银行转账。")
        == "还款方式：1.登录APP；2.银行转账。"
    )


@pytest.mark.parametrize("line", ["请于3日内回复。——瑞丰法务部", "请一次性结清，一天也不能拖"])
def test_a_long_dash_is_read_as_two_dashes_and_the_character_one_stays(line):
    """ "——" is one line two ems long, which OCR reads as "一" or "—"."""
    assert _read_in_a_bubble(line) == line


@pytest.mark.parametrize(
    "line",
    [
        "Ok 明天",
        "Your loan HT2025092001603 is overdue",
        "您的借款11685.97元已逾期166天",
        "还款账户：鼎信银行 6236****8784，户名：王建国",
        "请备注案件编号 AJ-2025-458350 转账",
        "请于今日18:00前还款，7月15日前还清",
    ],
)
def test_a_space_beside_latin_letters_is_read_as_drawn(line):
    """OCR drops the space in "Ok 明天" and "loan HT2025"; the blank puts it back, and
    letters and digits drawn together stay together."""
    assert _read_in_a_bubble(line) == line


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        # A comma at a line's end: its blank lies beyond the line, so it is guessed with the
        # next line in view.
        (
            ["还款账户：6222710925683324662,", "户名：刘晓燕"],
            "还款账户：6222710925683324662，户名：刘晓燕",
        ),
        # A bracket settled with its partner in the line is not guessed again.
        (["请致电", "(0755)84405650。"], "请致电(0755)84405650。"),
        (["请致电（", "0755）84405650。"], "请致电（0755）84405650。"),
    ],
)
def test_marks_at_the_ends_of_settled_lines_are_guessed_with_the_next_line(lines, joined):
    assert join_lines(lines, settled=True) == joined


def test_settled_lines_keep_marks_that_guessing_would_change():
    assert (
        join_lines(["案号(2025)粤0305", "民初1234号"], settled=True) == "案号(2025)粤0305民初1234号"
    )
    assert join_lines(["案号(2025)粤0305", "民初1234号"]) == "案号（2025）粤0305民初1234号"


def _drawn_line(text: str, size: int = 46, underline: str = ""):
    """`text` drawn in a picture of its own: the gray pixels, the line's box and each
    character's place, as the recogniser gives them. The part `underline` is underlined, as
    phones draw a link."""
    from PIL import Image, ImageDraw

    from .screens import font

    face = font(size)
    image = Image.new("L", (40 + round(face.getlength(text)), 100), 255)
    draw = ImageDraw.Draw(image)
    draw.text((20, 25), text, font=face, fill=0)
    if underline:
        start = text.index(underline)
        x0 = 20 + face.getlength(text[:start])
        x1 = 20 + face.getlength(text[: start + len(underline)])
        foot = 25 + size * 1.25
        draw.line((x0, foot, x1, foot), fill=0, width=2)
    places = []
    for n in range(len(text)):
        x0, x1 = 20 + face.getlength(text[:n]), 20 + face.getlength(text[: n + 1])
        places.append([[x0, 15], [x1, 15], [x1, 85], [x0, 85]])
    return np.asarray(image, dtype=np.int16), (10, 15, image.size[0] - 10, 85), places


@pytest.mark.parametrize(
    ("drawn", "read"), [("详询95693。", "详询956930"), ("客服95024。", "客服95024o")]
)
def test_a_full_stop_read_as_o_or_zero_after_a_number_is_a_full_stop(drawn, read):
    gray, box, places = _drawn_line(drawn)
    assert respell(gray, box, list(read), places, read) == drawn


@pytest.mark.parametrize("drawn", ["客服95020", "编号AB12o", "尾号3450到期"])
def test_a_letter_o_or_a_zero_after_a_number_stays(drawn):
    gray, box, places = _drawn_line(drawn)
    assert respell(gray, box, list(drawn), places, drawn) == drawn


def test_a_line_read_again_from_its_strip_keeps_what_its_pixels_show():
    """A line the detector missed is read again from its strip of the bubble, without the
    detector: its marks are read from the pixels too ("95736." was left narrow)."""
    from PIL import Image, ImageDraw

    from imports import ocr
    from imports.screenbox import OcrBox

    from .screens import font

    image = Image.new("RGB", (240, 100), "white")
    ImageDraw.Draw(image).text((20, 25), "95736。", font=font(40), fill="black")
    pixels = np.asarray(image)
    read = ocr._read_rect(pixels, (0, 0, 240, 100), OcrBox("", (0, 0, 1, 1)), 0.5)
    assert read.text == "95736。"


@pytest.mark.parametrize(
    "line",
    [
        "Dear customer, 您的账单已逾期183天, please repay today.",
        "逾期15 days already! 再不还就起诉",
        "Your 花呗 bill is overdue. 请尽快还款",
        "还款账户 Account: 东衡银行",
    ],
)
def test_a_narrow_mark_and_a_space_before_chinese_are_read_as_drawn(line):
    """A narrow mark with a space after it leaves a blank between a narrow mark's and a
    full-width one's: it was read full-width, and the space dropped."""
    assert _read_in_a_bubble(line) == line


def test_a_full_width_comma_on_a_line_of_latin_is_read_full_width_where_ocr_put_a_space():
    """With one Chinese character the em is guessed; OCR reads "，Ref" as ", Ref", and the
    blank after the comma's ink (0.8 em) is a full-width mark's, not a narrow one's and a
    space's (0.27-0.42)."""
    assert _read_in_a_bubble("还CNY 11,744.66，Ref:QX0874") == "还CNY 11,744.66，Ref:QX0874"


@pytest.mark.parametrize(
    "line",
    [
        "点击t.cn/a/QLqur ，退订回TD",
        "点击t.cn/a/QLqur，退订回TD",
    ],
)
def test_a_space_between_a_link_and_a_full_width_comma_is_read_as_drawn(line):
    assert _read_in_a_bubble(line) == line


@pytest.mark.parametrize("line", ["核实一下，这是你本人吗", "请一次性结清，一天也不能拖"])
def test_the_character_one_between_chinese_characters_is_not_a_dash(line):
    assert _read_in_a_bubble(line) == line


def test_a_comma_after_a_link_and_a_space_at_a_lines_end_is_full_width():
    """Where the line ends at the comma its blank cannot be seen; after a space and before
    Chinese it is "，" (a narrow comma never follows a space)."""
    assert join_lines(["还款请点击http://t.cn/a/QLqur ,", "退订回TD"], settled=True) == (
        "还款请点击http://t.cn/a/QLqur ，退订回TD"
    )


def _without(text: str, drop: int, gray, box, places):
    """What OCR reads when it misses character `drop`: the others, at their places."""
    kept = [n for n in range(len(text)) if n != drop]
    return [text[n] for n in kept], [places[n] for n in kept]


@pytest.mark.parametrize("drawn", ["核实一下，这是你本人吗", "请一次性结清"])
def test_the_character_one_ocr_did_not_read_is_put_back_from_its_ink(drawn):
    """The recogniser can skip "一" ("核实下"): a flat line a character wide lies between
    two characters two ems apart."""
    gray, box, places = _drawn_line(drawn)
    chars, kept = _without(drawn, drawn.index("一"), gray, box, places)
    assert respell(gray, box, chars, kept, "".join(chars)) == drawn


@pytest.mark.parametrize("drawn", ["核实下，这是你本人吗", "请联系我们处理"])
def test_no_one_is_put_between_characters_that_are_only_far_apart(drawn):
    """Where OCR missed some other character, or none, nothing is put back."""
    gray, box, places = _drawn_line(drawn)
    assert respell(gray, box, list(drawn), places, drawn) == drawn
    chars, kept = _without(drawn, 2, gray, box, places)
    assert "一" not in respell(gray, box, chars, kept, "".join(chars))


@pytest.mark.parametrize("drawn", ["都由你承担。", "每日罚息0.1%。", "名单（HZ2025）。"])
def test_a_full_stop_left_out_of_the_lines_box_is_put_back(drawn):
    """The detector's box can end at the last character, cutting off the ring after it."""
    gray, box, places = _drawn_line(drawn)
    cut = (box[0], box[1], round(places[-1][0][0]) + 2, box[3])  # ends where "。" starts
    assert respell(gray, cut, list(drawn[:-1]), places[:-1], drawn[:-1]) == drawn


@pytest.mark.parametrize("drawn", ["都由你承担", "每日罚息0.1%", "都由你承担，"])
def test_no_full_stop_is_put_after_a_line_without_one(drawn):
    gray, box, places = _drawn_line(drawn + "  ")
    n = len(drawn) - (1 if drawn.endswith("，") else 0)
    cut = (box[0], box[1], round(places[n - 1][1][0]) + 2, box[3])
    assert respell(gray, cut, list(drawn[:n]), places[:n], drawn[:n]) == drawn[:n]


@pytest.mark.parametrize("read_as", ["－", "-", "—"])
def test_the_character_one_read_as_a_dash_between_chinese_characters_is_one(read_as):
    """OCR reads "一" as a dash ("核实－下"): a hyphen is a third of its width."""
    drawn = "核实一下，这是你本人吗"
    gray, box, places = _drawn_line(drawn)
    read = drawn.replace("一", read_as)
    assert respell(gray, box, list(read), places, read) == drawn


def test_a_hyphen_between_chinese_characters_stays():
    drawn = "登录APP-我的-还款"
    gray, box, places = _drawn_line(drawn)
    assert respell(gray, box, list(drawn), places, drawn) == drawn


@pytest.mark.parametrize("star", ["★", "＊"])
def test_the_asterisks_of_a_masked_number_read_as_stars_are_counted_from_the_ink(star):
    drawn = "尾号6222 **** **** 1026已逾期"
    gray, box, places = _drawn_line(drawn)
    read = [star if c == "*" else c for c in drawn]
    assert respell(gray, box, read, places, "".join(read)) == drawn


def test_a_star_between_chinese_characters_stays():
    drawn = "★重要通知★请还款"
    gray, box, places = _drawn_line(drawn)
    assert respell(gray, box, list(drawn), places, drawn) == drawn


@pytest.mark.parametrize("drawn", ["payment of ¥5,441 is due", "RMB¥300 due", "请还¥300"])
def test_a_space_before_a_yen_sign_after_a_letter_is_read_as_drawn(drawn):
    """OCR drops the space in "of ¥5,441"; the blank before the sign puts it back."""
    gray, box, places = _drawn_line(drawn)
    gone = drawn.find(" ¥")
    read = [c for n, c in enumerate(drawn) if n != gone]
    kept = [p for n, p in enumerate(places) if n != gone]
    assert respell(gray, box, read, kept, "".join(read)) == drawn


def _read_without_spaces(drawn: str, **drawing) -> str:
    """What respell makes of `drawn` when the recogniser read it with no spaces."""
    gray, box, places = _drawn_line(drawn, **drawing)
    kept = [n for n, char in enumerate(drawn) if char != " "]
    chars = [drawn[n] for n in kept]
    return respell(gray, box, chars, [places[n] for n in kept], "".join(chars))


@pytest.mark.parametrize(
    ("drawn", "link"),
    [
        ("罚息，详情 http://a8x.cc/3eVQA 回复TD退订", " http://a8x.cc/3eVQA "),
        ("今日还款可减免，详情 jqd.top/zsfGc 回复TD退订", " jqd.top/zsfGc "),
        ("今日还款可减免，详情 jqd.top/zsfGc 回复TD退订", ""),
        ("还款请点击 yx.cn/Ab3k 查看账单", ""),
    ],
)
def test_the_spaces_around_an_underlined_link_are_read_as_drawn(drawn, link):
    """The line under a link (here drawn under the spaces beside it too) fills every blank
    above it; "j" and "y" curl back under the space before them (their tails lie inside
    the line's box at this size)."""
    assert _read_without_spaces(drawn, size=40, underline=link) == drawn


def test_an_underline_hides_no_space_where_none_is_drawn():
    drawn = "罚息，详情http://a8x.cc/3eVQA回复TD退订"
    assert _read_without_spaces(drawn, underline="情http://a8x.cc/3eVQA回") == drawn


@pytest.mark.parametrize(
    "drawn", ["Case (2026)浙4197民催4985号 已立案", "户名：许某某 开户行：恒通银行"]
)
def test_a_space_between_chinese_characters_is_read_as_drawn(drawn):
    read = _read_without_spaces(drawn)
    assert read == drawn
    assert join_lines([read], settled=True) == drawn


def test_a_space_ocr_read_between_chinese_characters_goes_where_none_is_drawn():
    drawn = "您的借款已逾期，请尽快还款"
    gray, box, places = _drawn_line(drawn)
    # OCR read a space between 借款 and 已 (the places of the characters around it kept).
    chars = [*drawn[:4], " ", *drawn[4:]]
    spaced = [*places[:4], places[3], *places[4:]]
    assert respell(gray, box, chars, spaced, "".join(chars)) == drawn


@pytest.mark.parametrize("read_as", [["！"], ["!"], ["!", "!"]])
def test_exclamation_marks_ocr_read_as_fewer_are_counted_from_their_ink(read_as):
    drawn = "看到请回电!!!今天下午5点前"
    gray, box, places = _drawn_line(drawn)
    at = drawn.index("!")
    # OCR's places for the marks it read share the three marks' room.
    left, right = places[at][0][0], places[at + 2][1][0]
    step = (right - left) / len(read_as)
    shared = [
        [
            [left + n * step, 15],
            [left + (n + 1) * step, 15],
            [left + (n + 1) * step, 85],
            [left + n * step, 85],
        ]
        for n in range(len(read_as))
    ]
    chars = [*drawn[:at], *read_as, *drawn[at + 3 :]]
    kept = [*places[:at], *shared, *places[at + 3 :]]
    assert respell(gray, box, chars, kept, "".join(chars)) == drawn


@pytest.mark.parametrize(
    "drawn", ["看到请回电!今天下午5点前", "看到请回电！！今天下午", "川流不息！"]
)
def test_marks_and_strokes_that_stand_alone_are_not_counted_as_more(drawn):
    gray, box, places = _drawn_line(drawn)
    read = drawn.replace("!", "！") if drawn.count("!") == 1 else drawn
    assert respell(gray, box, list(read), places, read).replace("！", "!") == drawn.replace(
        "！", "!"
    )


@pytest.mark.parametrize(
    "drawn",
    ["[提醒] 您的账户已被列入重点催收名单", "[发怒]理解你的难处", "案号〔2026〕粤0304执1041号"],
)
def test_a_space_after_a_tag_in_square_brackets_is_read_as_drawn(drawn):
    assert _read_without_spaces(drawn) == drawn


@pytest.mark.parametrize("drawn", ["嗯嗯", "哈哈哈"])
def test_a_character_said_again_that_the_recogniser_read_once_is_counted_from_its_ink(drawn):
    """The recogniser cannot tell a character twice from once held long ("嗯嗯" read as
    "嗯", set 15): the line's ink is as many ems wide as there are characters."""
    gray, box, places = _drawn_line(drawn)
    assert respell(gray, box, [drawn[0]], [places[-1]], drawn[0]) == drawn


def test_a_single_character_and_an_icon_before_it_are_not_read_as_two():
    """An iPhone call's icon in a name's box stands apart from the name: "爸" stays one."""
    gray, box, places = _drawn_line("\u3000爸")
    gray = gray.copy()
    gray[40:70, 14:40] = 0  # the icon, as wide as most of a character, apart from it
    assert respell(gray, box, ["爸"], [places[-1]], "爸") == "爸"

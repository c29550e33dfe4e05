"""The real OCR engine on a screenshot the test draws, with the network switched off."""

import socket
import time
from datetime import date, datetime
from zoneinfo import ZoneInfo

import numpy as np
import pytest

from imports.layout import parse_screen
from imports.ocr import ImageUnreadable, load_image, read_boxes

from .screens import Bubble, render_thread

TZ = ZoneInfo("Asia/Shanghai")
THREAD = [
    Bubble(
        "【示例贷】您的账单已逾期2天，请及时还款，否则将通知您的紧急联系人。", label="昨天 23:15"
    ),
    Bubble("我下周一还，别再打了", side="out"),
    Bubble("Your loan is overdue. Pay today.", label="08:30"),
]


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the OCR tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_rendered_screenshot_is_read_exactly_offline(no_network):
    (screen,) = render_thread(THREAD, sender="10690000555", height=1400)
    loaded = load_image(screen.jpeg(exif_date="2025:06:12 09:00:00"))
    assert loaded.exif_date == date(2025, 6, 12)
    started = time.monotonic()
    boxes = read_boxes(loaded.image)
    elapsed = time.monotonic() - started
    result = parse_screen(boxes, width=1080, height=1400, taken_on=loaded.exif_date, tz=TZ)
    assert result.sender == "10690000555"
    assert [(r.direction, r.text, r.occurred_at) for r in result.records] == [
        ("in", THREAD[0].text, datetime(2025, 6, 11, 23, 15, tzinfo=TZ)),
        ("out", THREAD[1].text, datetime(2025, 6, 11, 23, 15, tzinfo=TZ)),
        ("in", THREAD[2].text, datetime(2025, 6, 12, 8, 30, tzinfo=TZ)),
    ]
    assert elapsed < 30  # generous: the model loads on first use and CI shares the cores


def test_ink_colour_of_red_and_black_text():
    from PIL import Image, ImageDraw

    from imports.ocr import ink_color

    from .screens import font

    image = Image.new("RGB", (400, 120), "white")
    draw = ImageDraw.Draw(image)
    draw.text((10, 10), "13800138000", font=font(40), fill="#e0302a")
    draw.text((10, 70), "95188", font=font(40), fill="#111111")
    pixels = np.asarray(image)
    red = ink_color(pixels[10:60, 0:400])
    black = ink_color(pixels[70:120, 0:400])
    assert red[0] > 180 and red[1] < 110 and red[2] < 110
    assert max(black) < 90


def test_text_file_is_not_an_image():
    with pytest.raises(ImageUnreadable):
        load_image(b"hello")


def test_engine_is_loaded_once_with_threads_that_sleep_when_idle():
    from imports import ocr

    engine = ocr._get_engine()
    assert ocr._get_engine() is engine
    for session in (engine.text_det.infer.session, engine.text_rec.session.session):
        options = session.get_session_options()
        assert options.intra_op_num_threads == ocr.OCR_THREADS >= 1
        assert options.get_session_config_entry("session.intra_op.allow_spinning") == "0"
        assert options.enable_cpu_mem_arena
        assert session.get_providers() == ["CPUExecutionProvider"]


@pytest.mark.parametrize(("out", "sign"), [(True, 1), (False, -1)])
def test_a_call_arrow_set_lower_than_the_name_is_found_with_its_direction(out, sign):
    """Huawei centres the arrow on a row's two lines: it runs below the name's box."""
    from PIL import Image, ImageDraw

    from imports.layout import OcrBox
    from imports.ocr import annotate

    from .screens import font

    image = Image.new("RGB", (600, 200), (241, 243, 245))
    draw = ImageDraw.Draw(image)
    draw.text((121, 20), "400-765-8972", font=font(40), fill=(46, 46, 47))
    draw.text((121, 80), "湖南长沙移动", font=font(30), fill=(150, 150, 150))
    low, high = (65, 90), (92, 63)
    tip, tail = (high, low) if out else (low, high)
    draw.line([tail, tip], fill=(0, 125, 255), width=4)
    dx, dy = (-1, 1) if out else (1, -1)
    draw.line([tip, (tip[0] + dx * 15, tip[1])], fill=(0, 125, 255), width=4)
    draw.line([tip, (tip[0], tip[1] + dy * 15)], fill=(0, 125, 255), width=4)
    (name,) = annotate(image, [OcrBox("400-765-8972", (121, 22, 421, 66))])
    assert name.mark is not None and name.mark[2] < name.left
    assert name.mark_lean * sign > 0.12


def test_no_mark_is_made_up_where_nothing_is_drawn_before_the_name():
    from PIL import Image, ImageDraw

    from imports.layout import OcrBox
    from imports.ocr import annotate

    from .screens import font

    image = Image.new("RGB", (600, 200), (241, 243, 245))
    draw = ImageDraw.Draw(image)
    draw.text((121, 20), "400-765-8972", font=font(40), fill=(46, 46, 47))
    draw.text((121, 80), "湖南长沙移动", font=font(30), fill=(150, 150, 150))
    (name,) = annotate(image, [OcrBox("400-765-8972", (121, 22, 421, 66))])
    assert name.mark is None


def _bubble_with_lines(lines, *, pitch=72, margin=8):
    """A grey bubble with dark lines of Chinese text, and each line's box as the detector gives it
    (`margin` pixels around the ink; a negative one cuts into it, as the detector's boxes can)."""
    from PIL import Image, ImageDraw

    from imports.layout import OcrBox

    from .screens import font

    image = Image.new("RGB", (1080, 2000), (255, 255, 255))  # a bubble is a small part of it
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((40, 60, 900, 80 + pitch * len(lines)), radius=24, fill=(233, 233, 235))
    face = font(44)
    boxes = []
    for n, text in enumerate(lines):
        y = 80 + pitch * n
        draw.text((80, y), text, font=face, fill=(35, 35, 35))
        left, top, right, bottom = draw.textbbox((80, y), text, font=face)
        boxes.append(OcrBox(text, (left - 6, top - margin, right + 6, bottom + margin)))
    return image, boxes


def test_a_line_the_detector_missed_inside_a_bubble_is_read_on_its_own(no_network):
    from imports.ocr import annotate, missed_lines

    lines = [
        "曝光通知：刘芳，身份证号",
        "3502**********5573，拖欠优享分",
        "期借款人民币45400元拒不归还。",
    ]
    image, boxes = _bubble_with_lines(lines)
    found = annotate(image, [boxes[0], boxes[2]])  # the detector passed over the middle line
    (missed,) = missed_lines(image, found)
    assert missed.text == lines[1]
    assert boxes[0].bottom <= missed.top and missed.bottom <= boxes[2].top
    assert missed.panel == found[0].panel  # it belongs to the same bubble


def test_a_missed_line_is_read_though_the_lines_around_it_reach_into_its_strip(no_network):
    """The detector's boxes can stop short of the ink, so the tips of the lines above and
    below show at the edges of the strip between them; the line is still read."""
    from imports.ocr import annotate, missed_lines

    lines = [
        "请将款项转入指定还款账户：瑞",
        "通银行6222********5344，户",
        "名杭州某某信息服务有限公司，",
    ]
    image, boxes = _bubble_with_lines(lines, pitch=58, margin=-4)
    found = annotate(image, [boxes[0], boxes[2]])
    (missed,) = missed_lines(image, found)
    assert missed.text == lines[1]


def test_a_short_message_missed_beside_its_own_time_in_the_bubble_is_read(no_network):
    """Honor prints a message's time in its bubble's corner; the detector found only the time."""
    from PIL import Image, ImageDraw

    from imports.layout import OcrBox
    from imports.ocr import annotate, missed_lines

    from .screens import font

    image = Image.new("RGB", (1080, 2000), (237, 237, 237))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((810, 660, 1045, 756), radius=30, fill=(47, 115, 230))
    draw.text((835, 680), "嗯嗯", font=font(44), fill=(255, 255, 255))
    draw.text((945, 700), "12:27", font=font(28), fill=(200, 220, 250))
    found = annotate(image, [OcrBox("12:27", (940, 694, 1025, 735))])
    (missed,) = missed_lines(image, found)
    assert missed.text == "嗯嗯"
    assert missed.panel == found[0].panel


def test_nothing_is_read_again_where_every_line_was_found():
    from imports.ocr import annotate, missed_lines

    image, boxes = _bubble_with_lines(["好的", "我明天还款。"])
    assert missed_lines(image, annotate(image, boxes)) == []


@pytest.mark.parametrize(
    "line",
    ["@吴磊 出来说话，躲是没用的。", "@罗佳怡 请你在群里给个答复", "@吴磊出来说话，躲是没用的。"],
)
def test_the_space_after_a_mention_is_read_as_drawn(line, no_network):
    """OCR reads "@吴磊 出来" as "@吴磊出来"; the blank after the name puts the space back."""
    from PIL import Image, ImageDraw

    from imports.layout import join_lines

    from .screens import font

    image = Image.new("RGB", (1080, 300), (255, 255, 255))
    ImageDraw.Draw(image).text((60, 120), line, font=font(46), fill=(25, 25, 25))
    (read,) = read_boxes(image)
    assert join_lines([read.text]) == line


@pytest.mark.parametrize(
    "line",
    [
        "我的案子在这里，回电0755-8121 0793",
        "还款卡号6222 0213 4455 1234，户名林明",
        "您的借款11685.97元已逾期166天",
        "2025/12/28 20:03",
    ],
)
def test_a_space_between_groups_of_digits_is_read_as_drawn(line, no_network):
    """OCR reads "8121 0793" as "81210793"; the blank between the groups puts the space back,
    and digits written together stay together."""
    from PIL import Image, ImageDraw

    from .screens import font

    image = Image.new("RGB", (1080, 300), (255, 255, 255))
    ImageDraw.Draw(image).text((60, 120), line, font=font(44), fill=(25, 25, 25))
    assert [b.text for b in read_boxes(image)] == [line]


@pytest.mark.parametrize(
    "line",
    ["银行6230 **** **** 7141，户名宁", "身份证号330106********7516对吧？", "卡号6222 **** 1234"],
)
def test_the_spaces_beside_a_masked_numbers_asterisks_are_put_back_as_drawn(line):
    """The recogniser reads "6230 **** **** 7141" in a bubble as "6230********7141" (and does
    not find such lines reliably on their own, so the characters are placed here as it does)."""
    assert _respelled(line) == line


@pytest.mark.parametrize(
    "line", ["账户6222 **** **** 9333；3.点击", "身份证号330190********4199。查询"]
)
def test_the_asterisks_of_a_masked_number_are_counted_from_the_ink(line):
    """The recogniser reads "6222 **** **** 9333" as "6222******9333": two asterisks fewer."""
    assert _respelled(line, drop=("*", 2)) == line


def _respelled(line: str, drop: tuple[str, int] = ("", 0)) -> str:
    """`line` drawn, with each character placed as the recogniser places them (leaving out
    the first `drop[1]` of character `drop[0]`, as it does), then respelled from the ink."""
    from PIL import Image, ImageDraw

    from imports.glyphs import respell

    from .screens import font

    face = font(44)
    image = Image.new("L", (1080, 120), 255)
    draw = ImageDraw.Draw(image)
    chars, places, x = [], [], 40.0
    left_out = drop[1]
    for char in line:
        advance = face.getlength(char)
        if char != " ":
            draw.text((x, 30), char, font=face, fill=25)
            if char == drop[0] and left_out:
                left_out -= 1
            else:
                chars.append(char)
                places.append([[x, 30], [x + advance, 30], [x + advance, 90], [x, 90]])
        x += advance
    box = (30, 32, int(x) + 10, 82)
    return respell(np.asarray(image, dtype=np.int16), box, chars, places, "".join(chars))


def test_a_bubble_the_detector_missed_whole_is_found_by_its_colour_and_read(no_network):
    """A lone "？" in a bubble of the colour of the bubbles that were read."""
    from PIL import ImageDraw

    from imports.ocr import annotate, missed_lines

    from .screens import font

    image, boxes = _bubble_with_lines(["你们这样是违法的。"])
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((40, 400, 140, 500), radius=24, fill=(233, 233, 235))
    draw.text((72, 420), "？", font=font(44), fill=(35, 35, 35))
    draw.ellipse((900, 1700, 1000, 1800), fill=(233, 233, 235))  # a round button: no bubble
    (found,) = missed_lines(image, annotate(image, boxes))
    assert found.text in {"？", "?"}
    assert found.panel[1] <= 420 and found.panel[3] >= 460


def test_a_round_bubble_in_line_with_the_others_is_found_and_a_round_button_is_not(no_network):
    """A one-character bubble can be a circle ("?" in a pill as tall as it is wide): it lines
    up with the bubbles on its side, where a round button does not."""
    from PIL import ImageDraw

    from imports.ocr import annotate, missed_lines

    from .screens import font

    image, boxes = _bubble_with_lines(["你们这样是违法的。"])
    draw = ImageDraw.Draw(image)
    draw.ellipse((40, 400, 150, 510), fill=(233, 233, 235))
    draw.text((80, 425), "?", font=font(44), fill=(35, 35, 35))
    draw.ellipse((500, 250, 610, 360), fill=(233, 233, 235))  # a round button: no bubble
    draw.text((540, 275), "+", font=font(44), fill=(35, 35, 35))
    (found,) = missed_lines(image, annotate(image, boxes))
    assert found.text in {"？", "?"}
    assert found.panel[0] <= 44 and found.panel[1] <= 404


def _read_as_cut(monkeypatch, line: str, pieces: list[tuple[str, str, float]]) -> list[str]:
    """`line` drawn in a picture of its own, then read by the real recogniser behind a
    detector that found only `pieces`: (what it read, "start:end" of the line's text the
    box spans, or "tops" after ":" for a box only as tall as the asterisks, score)."""
    from PIL import Image, ImageDraw

    from imports import ocr

    from .screens import font

    face = font(46)
    image = Image.new("RGB", (1000, 120), "white")
    ImageDraw.Draw(image).text((20, 30), line, font=face, fill="black")
    ink = np.nonzero(np.asarray(image.convert("L")) < 128)
    top, bottom = int(ink[0].min()), int(ink[0].max()) + 1
    found = []
    for text, span, score in pieces:
        start, end, *tops = span.split(":")
        x0 = 20 + round(face.getlength(line[: int(start)]))
        x1 = 20 + round(face.getlength(line[: int(end)]))
        y1 = top + 20 if tops else bottom + 4
        found.append([[[x0 - 4, top - 4], [x1, top - 4], [x1, y1], [x0 - 4, y1]], text, score])
    real = ocr._get_engine()

    class Detector:
        """The real recogniser, behind a detector that cut the line as given."""

        def __call__(self, image, **kwargs):
            return found, None

        def __getattr__(self, name):
            return getattr(real, name)

    monkeypatch.setattr(ocr, "_get_engine", Detector)
    return [b.text for b in ocr.read_boxes(image)]


def test_asterisks_the_detector_cut_out_of_their_line_are_read_with_it_again(monkeypatch):
    """The detector can make the asterisks of a masked ID a box of their own, only as tall
    as the asterisks, cutting the digit after them in half ("********+" for "********7")."""
    line = "马俊，你身份证412723********7"
    pieces = [("马俊，你身份证412723", "0:13", 0.99), ("********+", "13:22:tops", 0.65)]
    assert _read_as_cut(monkeypatch, line, pieces) == [line]


def test_asterisks_read_as_stars_in_a_piece_of_their_own_are_read_with_their_line(monkeypatch):
    """The cut-out piece can read as stars ("★★★★ ★★★★"), the digits after it apart."""
    line = "您的信用卡6222 **** **** 1026"
    pieces = [
        ("您的信用卡6222", "0:9", 0.99),
        ("★★★★ ★★★★", "10:19:tops", 0.58),
        ("102", "20:23", 0.99),
    ]
    assert _read_as_cut(monkeypatch, line, pieces) == [line]


def test_a_row_cut_beside_its_asterisks_is_read_as_one_line_with_its_space(monkeypatch):
    """Two boxes side by side join with no space when their margins overlap: the row is
    read again, and the blank before the asterisks is a space."""
    line = "转入以下账户：6214 **** **** 0907，转账后"
    pieces = [
        ("转入以下账户：6214", "0:11", 0.99),
        ("**** **** 0907，转账后", f"12:{len(line)}", 0.97),
    ]
    assert _read_as_cut(monkeypatch, line, pieces) == [line]


def test_a_masked_number_the_detector_left_out_of_its_line_is_read_with_it(monkeypatch):
    line = "2元，请及时还款至6222 **** **** 2341"
    assert _read_as_cut(monkeypatch, line, [("2元，请及时还款至6222", "0:13", 0.99)]) == [line]


def test_a_masked_number_the_detector_saw_only_from_its_last_group_is_read_whole(monkeypatch):
    """A wrapped card number whose line the detector found only at its end ("9132" of
    "17 **** **** 9132", on a dark bubble): the ink before it is read with it."""
    line = "17 **** **** 9132"
    assert _read_as_cut(monkeypatch, line, [("9132", "13:17", 0.99)]) == [line]


def test_a_line_the_detector_found_only_as_its_last_character_is_read_whole(monkeypatch):
    """On a dark bubble the detector can find a line only as its last character ("逾"):
    the ink before it, through digits and Chinese strokes, is read with it."""
    line = "（身份证4403************10）逾"
    assert _read_as_cut(monkeypatch, line, [("逾", f"{len(line) - 1}:{len(line)}", 0.99)]) == [line]


def test_a_number_is_not_grown_over_what_stands_before_it_without_asterisks(monkeypatch):
    """Before a call's number or a time lies its icon or name: only a masked number's start
    is read with what follows it."""
    line = "10:17 13700004946"
    assert _read_as_cut(monkeypatch, line, [("13700004946", "6:17", 0.99)]) == ["13700004946"]


def test_a_line_is_not_grown_over_a_single_mark_beside_it(monkeypatch):
    """Ink beside a line that reads as one mark (a bubble's tail read as "！") is left."""
    line = "我下午转500 !"
    assert _read_as_cut(monkeypatch, line, [("我下午转500", "0:7", 0.99)]) == ["我下午转500"]


def test_the_edge_of_an_avatar_left_of_a_line_is_not_taken_for_its_icon():
    """Left of a call's place line lies the foot of the avatar, a thin sliver in the rows
    searched; the icon is the handset at the start of the line's box."""
    from PIL import Image, ImageDraw

    from imports.layout import OcrBox
    from imports.ocr import annotate

    from .screens import font

    image = Image.new("RGB", (1170, 800), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    draw.rectangle((100, 784, 140, 793), fill=(165, 170, 180))  # the foot of the avatar
    draw.polygon([(206, 782), (233, 754), (222, 782)], fill=(120, 120, 120))  # the handset
    draw.text((248, 748), "四川成都", font=font(40), fill=(120, 120, 120))
    (line,) = annotate(image, [OcrBox("四川成都", (201, 745, 407, 793))])
    assert line.mark is not None and line.mark[0] >= 201


def test_a_full_stop_wrapped_alone_onto_the_last_line_of_a_bubble_is_kept(no_network):
    """The detector passes over a lone "。" on a bubble's last line as a speck."""
    from imports.ocr import annotate, missed_lines

    lines = ["您在闪电贷的借款已严重逾期，", "们将安排人员上门核实", "。"]
    image, boxes = _bubble_with_lines(lines)
    found = annotate(image, boxes[:2])
    (stop,) = missed_lines(image, found)
    assert stop.text == "。"
    assert stop.top >= boxes[1].bottom - 2 and stop.panel == found[0].panel


@pytest.mark.parametrize("last", [".", "、", "1"])
def test_no_full_stop_is_made_of_other_small_marks_under_a_bubbles_last_line(no_network, last):
    from imports.ocr import annotate, missed_lines

    image, boxes = _bubble_with_lines(
        ["您在闪电贷的借款已严重逾期，", "们将安排人员上门核实", last]
    )
    found = annotate(image, boxes[:2])
    assert all(b.text != "。" for b in missed_lines(image, found))


def _arrow(draw, low, high, *, out: bool, fill, head: int) -> None:
    """A call's arrow from `low` (bottom left) to `high` (top right), its filled head at the
    top right for a call out, at the bottom left for a call in."""
    tip, tail = (high, low) if out else (low, high)
    draw.line([tail, tip], fill=fill, width=5)
    dx, dy = (-1, 1) if out else (1, -1)
    draw.polygon([tip, (tip[0] + dx * head, tip[1]), (tip[0], tip[1] + dy * head)], fill=fill)


def _sim_badge_row(out: bool, badge_in_box: bool):
    """A Huawei call row's second line: the SIM card's number in a box, the call's arrow,
    then the place; and the box OCR gives that line (from the badge, or from the place)."""
    from PIL import Image, ImageDraw

    from imports.layout import OcrBox

    from .screens import font

    image = Image.new("RGB", (700, 160), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    grey = (150, 150, 150)
    draw.rounded_rectangle((56, 40, 90, 80), radius=4, outline=grey, width=3)
    draw.text((66, 42), "2", font=font(28), fill=grey)
    low, high = (115, 77), (140, 52)
    _arrow(draw, low, high, out=out, fill=grey, head=14)
    draw.text((160, 40), "浙江杭州 移动", font=font(30), fill=grey)
    left = 56 if badge_in_box else 158
    return image, OcrBox("①浙江杭州 移动" if badge_in_box else "浙江杭州 移动", (left, 40, 385, 80))


@pytest.mark.parametrize("badge_in_box", [False, True])
@pytest.mark.parametrize(("out", "sign"), [(True, 1), (False, -1)])
def test_a_call_arrow_after_a_sim_cards_box_is_the_mark(no_network, out, sign, badge_in_box):
    """Huawei and Honor draw the SIM card's number in a box before the arrow: the box is
    not the icon (it leans neither way, and was taken for an iPhone's handset)."""
    from imports.ocr import annotate

    image, line = _sim_badge_row(out, badge_in_box)
    (read,) = annotate(image, [line])
    assert read.mark is not None and read.mark[0] >= 100
    assert read.mark_lean * sign > 0.12


def test_a_line_the_detector_cut_into_two_overlapping_boxes_is_read_as_one(no_network):
    from PIL import Image, ImageDraw

    from imports.ocr import _read_with_places, _rejoin_overlaps

    from .screens import font

    image = Image.new("RGB", (700, 120), (255, 255, 255))
    ImageDraw.Draw(image).text((30, 30), "李律师【明石所】", font=font(48), fill=(20, 20, 20))
    pixels = np.asarray(image)
    first = _read_with_places(pixels, (20, 20, 200, 95))
    second = _read_with_places(pixels, (165, 20, 460, 95))  # reaches back into "师"
    rows = _rejoin_overlaps(image, [first, second])
    assert [text for _box, text, _score, _places in rows] == ["李律师【明石所】"]


def test_lines_side_by_side_are_not_joined(no_network):
    from PIL import Image, ImageDraw

    from imports.ocr import _read_with_places, _rejoin_overlaps

    from .screens import font

    image = Image.new("RGB", (900, 120), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    draw.text((30, 30), "李律师", font=font(48), fill=(20, 20, 20))
    draw.text((700, 36), "10:28", font=font(36), fill=(120, 120, 120))
    pixels = np.asarray(image)
    rows = [
        _read_with_places(pixels, (20, 20, 200, 95)),
        _read_with_places(pixels, (690, 25, 820, 90)),
    ]
    assert _rejoin_overlaps(image, rows) == rows


def test_a_lone_full_stop_in_a_coloured_bubble_on_a_white_page_is_kept(no_network):
    """The corners of a blue bubble show the white page, the colour of its text: only where
    a line starts is the full stop looked for."""
    from PIL import Image, ImageDraw

    from imports.layout import OcrBox
    from imports.ocr import annotate, missed_lines

    from .screens import font

    image = Image.new("RGB", (1080, 800), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((358, 200, 1041, 381), radius=40, fill=(69, 111, 255))
    face = font(45)
    draw.text((395, 240), "好的，我今天晚上8点前转过去", font=face, fill=(255, 255, 255))
    draw.text((395, 300), "。", font=face, fill=(255, 255, 255))
    left, top, right, bottom = draw.textbbox((395, 240), "好的，我今天晚上8点前转过去", font=face)
    found = annotate(
        image, [OcrBox("好的，我今天晚上8点前转过去", (left, top - 4, right, bottom + 4))]
    )
    (stop,) = missed_lines(image, found)
    assert stop.text == "。"


@pytest.mark.parametrize(("out", "sign"), [(True, 1), (False, -1)])
def test_a_call_arrow_over_the_rule_under_its_row_is_the_mark(no_network, out, sign):
    """The rule between two call rows runs just under a row's second line, inside the rows
    searched for its icon: a line wider than a character is no icon, and does not hide the
    arrow drawn before the SIM card's box."""
    from PIL import Image, ImageDraw

    from imports.layout import OcrBox
    from imports.ocr import annotate

    from .screens import font

    image = Image.new("RGB", (700, 160), (0, 0, 0))
    draw = ImageDraw.Draw(image)
    grey = (150, 150, 150)
    low, high = (20, 77), (45, 52)
    _arrow(draw, low, high, out=out, fill=grey, head=14)
    draw.rounded_rectangle((62, 46, 90, 78), radius=4, outline=grey, width=3)
    draw.text((70, 46), "2", font=font(24), fill=grey)
    draw.text((110, 40), "广东深圳 联通", font=font(30), fill=grey)
    draw.line([(15, 91), (690, 91)], fill=(60, 60, 60), width=3)  # the rule under the row
    (read,) = annotate(image, [OcrBox("② 广东深圳 联通", (14, 40, 330, 84))])
    assert read.mark is not None and read.mark[0] < 60
    assert read.mark_lean * sign > 0.12


@pytest.mark.parametrize(("out", "sign"), [(True, 1), (False, -1)])
def test_a_low_call_arrow_two_heights_before_a_numbers_box_is_found(out, sign):
    """A number's box is shorter than a name's; OPPO's arrow, set between a row's two
    lines, starts two of its heights before it (set 15)."""
    from PIL import Image, ImageDraw

    from imports.layout import OcrBox
    from imports.ocr import annotate

    from .screens import font

    image = Image.new("RGB", (700, 220), (245, 245, 245))
    draw = ImageDraw.Draw(image)
    draw.text((163, 20), "+86 196 0000 1434", font=font(40), fill=(34, 34, 34))
    draw.text((157, 88), "上海 13秒", font=font(34), fill=(154, 154, 154))
    low, high = (72, 95), (104, 63)
    _arrow(draw, low, high, out=out, fill=(69, 176, 121), head=16)
    (name,) = annotate(image, [OcrBox("+86 196 0000 1434", (163, 20, 583, 66))])
    assert name.mark is not None and name.mark[2] < name.left
    assert name.mark_lean * sign > 0.12

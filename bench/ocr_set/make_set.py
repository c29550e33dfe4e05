#!/usr/bin/env python3
"""Render the frozen synthetic phone-screenshot benchmark set (OCR import).

Reproducible: fixed seed, only Pillow + the system Noto Sans CJK SC fonts.
Run:  /work/main/.venv/bin/python bench/ocr_set/make_set.py
Writes the PNGs and truth.jsonl next to this file (previous PNGs are removed).
"""

import datetime as dt
import glob
import json
import os
import random
import re

from PIL import Image, ImageDraw, ImageFont

OUT = os.path.dirname(os.path.abspath(__file__))
SEED = 20261202
R = random.Random(SEED)
W = 1080
TZ = dt.timezone(dt.timedelta(hours=8))

FONT_REG = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
FONT_BOLD = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"


def _sc_index(path):
    for i in range(12):
        f = ImageFont.truetype(path, 20, index=i)
        if f.getname()[0] == "Noto Sans CJK SC":
            return i
    return 0


SC_REG = _sc_index(FONT_REG)
SC_BOLD = _sc_index(FONT_BOLD)
_FONTS = {}


def font(size, bold=False):
    key = (size, bold)
    if key not in _FONTS:
        _FONTS[key] = ImageFont.truetype(
            FONT_BOLD if bold else FONT_REG, size, index=SC_BOLD if bold else SC_REG
        )
    return _FONTS[key]


# ---------------------------------------------------------------- text wrap
_TOK = re.compile(r"[A-Za-z0-9_.,:;/%@#'\"!?()\-+=&$*]+ ?| |.")


NO_LINE_START = set("。，、；：？！）》」』”’.,;:?!)")


def wrap(text, f, maxw):
    lines, cur = [], ""
    for tok in _TOK.findall(text):
        if f.getlength(cur + tok.rstrip(" ")) <= maxw or (tok in NO_LINE_START and cur):
            cur += tok
            continue
        if cur.strip():
            lines.append(cur.rstrip(" "))
            cur = ""
        tok2 = tok
        while f.getlength(tok2.rstrip(" ")) > maxw:  # very long token: split by char
            k = len(tok2)
            while k > 1 and f.getlength(tok2[:k]) > maxw:
                k -= 1
            lines.append(tok2[:k])
            tok2 = tok2[k:]
        cur = tok2.lstrip(" ")
    if cur.strip():
        lines.append(cur.rstrip(" "))
    return lines or [""]


# ---------------------------------------------------------------- time labels
WEEK_ZH = ["星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"]
WEEK_ZH2 = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"]
WEEK_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MON_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def tfmt(d, clock):
    h, m = d.hour, d.minute
    if clock == "24":
        return f"{h:02d}:{m:02d}"
    if clock == "24s":
        return f"{h}:{m:02d}"
    h12 = h % 12 or 12
    if clock == "12":
        return f"{'上午' if h < 12 else '下午'}{h12}:{m:02d}"
    if clock == "12x":  # MIUI-style day periods
        per = (
            "凌晨"
            if h < 6
            else "早上"
            if h < 9
            else "上午"
            if h < 12
            else "中午"
            if h < 13
            else "下午"
            if h < 18
            else "晚上"
        )
        return f"{per}{h12}:{m:02d}"
    if clock == "en":
        return f"{h12}:{m:02d} {'AM' if h < 12 else 'PM'}"
    raise ValueError(clock)


def label(d, taken, st):
    """st: dict(clock, today, week, md, ymd, lang)"""
    delta = (taken.date() - d.date()).days
    t = tfmt(d, st["clock"])
    if st.get("lang") == "en":
        if delta == 0:
            return f"Today {t}"
        if delta == 1:
            return f"Yesterday {t}"
        if delta <= 6:
            return f"{WEEK_EN[d.weekday()]} {t}"
        if d.year == taken.year:
            return f"{WEEK_EN[d.weekday()][:3]}, {MON_EN[d.month - 1]} {d.day} at {t}"
        return f"{MON_EN[d.month - 1]} {d.day}, {d.year} at {t}"
    if delta == 0:
        return st["today"] + t
    if delta == 1:
        return "昨天 " + t
    if delta <= 6:
        return (WEEK_ZH2 if st["week"] == "zhou" else WEEK_ZH)[d.weekday()] + " " + t
    if d.year == taken.year:
        md = st["md"]
        if md == "cn":
            s = f"{d.month}月{d.day}日"
        elif md == "cnwk":
            s = f"{d.month}月{d.day}日 {WEEK_ZH[d.weekday()]}"
        elif md == "dash":
            s = f"{d.month:02d}-{d.day:02d}"
        else:
            s = f"{d.month}/{d.day}"
        return s + " " + t
    ymd = st["ymd"]
    if ymd == "slash":
        s = f"{d.year}/{d.month}/{d.day}"
    elif ymd == "dash":
        s = f"{d.year}-{d.month:02d}-{d.day:02d}"
    else:
        s = f"{d.year}年{d.month}月{d.day}日"
    return s + " " + t


STYLES = {
    "huawei_sms": [
        dict(clock="24", today="", week="xq", md="cn", ymd="slash"),
        dict(clock="12", today="", week="xq", md="cn", ymd="slash"),
    ],
    "xiaomi_sms": [
        dict(clock="12x", today="", week="xq", md="cn", ymd="cn"),
        dict(clock="24", today="", week="zhou", md="dash", ymd="dash"),
    ],
    "oppo_sms": [
        dict(clock="24", today="今天 ", week="zhou", md="cn", ymd="slash"),
        dict(clock="12", today="", week="xq", md="cn", ymd="cn"),
    ],
    "vivo_sms": [
        dict(clock="24", today="", week="xq", md="slash", ymd="slash"),
        dict(clock="12", today="今天 ", week="xq", md="cn", ymd="cn"),
    ],
    "iphone_sms": [
        dict(clock="24", today="今天 ", week="xq", md="cnwk", ymd="cn"),
        dict(clock="12", today="今天 ", week="xq", md="cn", ymd="cn"),
    ],
    "iphone_sms_en": [dict(clock="en", lang="en")],
    "wechat": [
        dict(clock="24", today="", week="xq", md="cn", ymd="cn"),
        dict(clock="12", today="", week="xq", md="cn", ymd="cn"),
    ],
    "huawei_calls": [dict(clock="24", today="", week="xq", md="cn", ymd="slash")],
    "xiaomi_calls": [dict(clock="24", today="", week="zhou", md="dash", ymd="dash")],
    "iphone_calls": [dict(clock="24", today="", week="xq", md="slash", ymd="slash")],
}

# ---------------------------------------------------------------- content
COMPANIES = [
    "青禾消费金融",
    "远川小贷",
    "星桥分期",
    "鹿鸣金融",
    "云帆借款",
    "安和普惠",
    "橙信数科",
    "米粒借",
]
COMPANIES_EN = [
    "Qinghe Consumer Finance",
    "Yuanchuan Microcredit",
    "Xingqiao Installments",
    "Luming Finance",
]
FIRMS = ["北辰明理律师事务所", "汇衡法务服务中心", "诚拓资产管理", "正禾信用管理"]
BORROWERS = ["周先生", "陈女士", "林晓峰", "黄丽娟", "吴先生", "郑女士", "孙浩", "马晓雯"]
BORROWERS_EN = ["Mr. Zhou", "Ms. Chen", "Lin Xiaofeng", "Mr. Wu"]
COLLECTORS = [
    "王专员",
    "李经理",
    "催收-赵",
    "贷后 陈主管",
    "刘(星桥分期)",
    "法务部 张律师",
    "何专员",
    "调解员 孙",
]
COLLECTORS_EN = ["Kevin", "Agent Li", "Amy Zhang"]
CITIES = [
    "浙江杭州",
    "广东深圳",
    "上海",
    "四川成都",
    "湖南长沙",
    "江苏南京",
    "河南郑州",
    "福建厦门",
    "山东济南",
    "湖北武汉",
]
CARRIERS = ["中国移动", "中国联通", "中国电信"]
PREFIX = [
    "130",
    "131",
    "132",
    "135",
    "136",
    "138",
    "139",
    "150",
    "152",
    "155",
    "158",
    "170",
    "171",
    "176",
    "180",
    "182",
    "185",
    "186",
    "188",
    "199",
]


def mobile():
    return R.choice(PREFIX) + "".join(R.choice("0123456789") for _ in range(8))


def spaced(n):
    return f"{n[:3]} {n[3:7]} {n[7:]}"


def amount():
    return f"{R.randint(1200, 48000)}.{R.choice(['00', '50', '36', '80'])}"


def fill(tpl, taken):
    due = taken.date() + dt.timedelta(days=R.randint(1, 5))
    return tpl.format(
        name=R.choice(BORROWERS),
        company=R.choice(COMPANIES),
        firm=R.choice(FIRMS),
        amt=amount(),
        amt2=amount(),
        min=R.choice([300, 500, 800, 1000, 1500]),
        days=R.randint(3, 190),
        last4=R.randint(1000, 9999),
        date=f"{due.month}月{due.day}日",
        md=f"{due.month}月{due.day}日",
        hotline="400-" + str(R.randint(100, 999)) + "-" + str(R.randint(1000, 9999)),
        phone=mobile(),
        case="XY" + str(R.randint(10000000, 99999999)),
        city=R.choice(CITIES),
        app=R.choice(COMPANIES),
        name_en=R.choice(BORROWERS_EN),
        company_en=R.choice(COMPANIES_EN),
        collector_en=R.choice(COLLECTORS_EN),
        date_en=f"{MON_EN[due.month - 1]} {due.day}",
        link="https://t.cn/A"
        + "".join(R.choice("abcdefghjkmnpqrstuvwxyz23456789") for _ in range(6)),
    )


HARASS = [
    "{name}，你在{app}的借款已逾期{days}天，欠款{amt}元，今天必须处理。",
    "最后通知：今天18点前不还款，我们将联系你的紧急联系人和通讯录好友。",
    "你家里人的电话我们已经拿到了，你自己看着办。",
    "已安排同事明天到你单位核实情况，请你配合，别让大家都难堪。",
    "不接电话是吧？我们会把你的情况发到你们公司群里。",
    "你的案件已经移交法务部，准备向你户籍地法院起诉，产生的诉讼费由你承担。",
    "{name}，别逼我们走下一步，今天先还{min}元可以暂停催收。",
    "我们是{firm}，受{company}委托处理你的欠款，请于{date}前回电{phone}。",
    "看到回复！再不回复视为恶意拖欠。",
    "你的逾期信息已上报，会影响你子女上学和坐高铁，自己想清楚。",
    "今晚十点前给我一个还款时间，不然明天直接联系你父母。",
    "人呢？",
    "电话为什么不接",
    "{name}，你如果确实有困难可以申请减免，只还本金{amt2}元，今天有效。",
    "账单明细已发你，共计{amt}元，含逾期费用。请在{date}之前结清。",
    "你现在方便接电话吗？我这边是{company}贷后部门的。",
    "还款请认准官方渠道：{company}App-我的-还款，不要转给任何个人账户。",
]
LAWFUL = [
    "【{company}】尊敬的{name}，您的借款本期应还{amt}元已逾期{days}天，请及时通过官方App还款，以免影响您的信用记录。如有困难可致电{hotline}协商。拒收请回复R",
    "【{company}】温馨提示：您尾号{last4}的借款将于{md}到期，应还金额{amt}元，请确保还款账户余额充足。",
    "【{company}】您好，您的逾期款项已委托{firm}进行提醒，对方工作人员不会要求您向个人账户转账，请通过官方渠道还款。",
    "【{company}】您已成功还款{amt}元，剩余待还{amt2}元，感谢您的配合。",
    "【{company}】您申请的分期协商已受理，受理编号{case}，我们将在3个工作日内联系您。",
    "【{firm}】{name}您好，关于您与{company}的借款合同纠纷，我方已受委托，请于{date}前联系{phone}了解详情。",
    "【{company}】您的账单已出，本期应还{amt}元，最后还款日{md}。查看详情 {link} 拒收请回复R",
]
REPLIES = [
    "我现在失业，每个月只能还{min}元，能不能协商分期？",
    "请不要再给我的家人和同事打电话，他们与这笔借款无关。",
    "你们的通话我都已经录音，再骚扰我会向金融监管部门投诉。",
    "请提供书面的还款方案和欠款明细，我核对后再处理。",
    "我已经还了{amt}元，为什么还显示逾期？",
    "好的，收到。",
    "本周五发工资后先还一部分。",
    "请问你们是哪个公司的？工号多少？",
    "利息超过了法定上限，我只认可本金部分。",
    "不要再半夜发短信了，现在是凌晨。",
    "我在上班，晚点回复。",
    "请通过官方App给我发协商申请，我不会转账到个人账户。",
    "你说的上门是什么意思？请你说清楚。",
    "可以，{date}前我先还{min}元。",
]
EN_IN = [
    "FINAL NOTICE: Your loan of RMB {amt} with {company_en} is {days} days overdue. Pay today to avoid further action.",
    "Hi {name_en}, this is {collector_en} from {company_en}. Please call me back at {phone} regarding your outstanding balance.",
    "If we do not receive payment by {date_en}, your case will be referred to our legal team.",
    "Reminder: your installment of RMB {amt} is due on {date_en}. Reply STOP to opt out.",
    "Why are you ignoring our calls? We will contact your emergency contacts.",
    "Are you there?",
]
EN_OUT = [
    "Please stop calling my employer. Contact me in writing only.",
    "I can pay RMB {min} per month. Please send a written repayment plan.",
    "Which company are you calling from? Please give me your staff ID.",
    "I have recorded this conversation and will file a complaint.",
    "OK, received.",
    "I already paid RMB {amt} last week. Why is it still overdue?",
]


def gen_times(taken, n):
    times = set()
    tries = 0
    while len(times) < n and tries < 1000:
        tries += 1
        r = R.random()
        back = (
            0
            if r < 0.22
            else 1
            if r < 0.42
            else R.randint(2, 6)
            if r < 0.68
            else R.randint(7, 60)
            if r < 0.92
            else R.randint(61, 220)
        )
        day = taken.date() - dt.timedelta(days=back)
        hour = R.choice([1, 2, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23])
        t = dt.datetime(day.year, day.month, day.day, hour, R.randint(0, 59), tzinfo=TZ)
        if t < taken - dt.timedelta(minutes=3):
            times.add(t)
    return sorted(times)


def gen_groups(taken, n, kind):
    """kind: collector | official | english"""
    groups = []
    for t in gen_times(taken, n):
        msgs = []
        k = 1 if kind == "official" else R.choice([1, 1, 2, 2, 3])
        for _ in range(k):
            if kind == "official":
                msgs.append(("in", fill(R.choice(LAWFUL), taken)))
            elif kind == "english":
                if R.random() < 0.6:
                    msgs.append(("in", fill(R.choice(EN_IN), taken)))
                else:
                    msgs.append(("out", fill(R.choice(EN_OUT), taken)))
            else:
                if R.random() < 0.62:
                    msgs.append(("in", fill(R.choice(HARASS), taken)))
                else:
                    msgs.append(("out", fill(R.choice(REPLIES), taken)))
        if kind == "official" and R.random() < 0.12:
            msgs.append(("out", R.choice(["R", "TD", "退订"])))
        groups.append((t, msgs))
    return groups


# ---------------------------------------------------------------- themes
THEMES = {
    "huawei_sms": {
        False: dict(
            bg="#F1F3F5",
            hdr="#F1F3F5",
            fg="#191919",
            sub="#8A8A8A",
            inb="#FFFFFF",
            inf="#191919",
            outb="#007DFF",
            outf="#FFFFFF",
            sep="#8A8A8A",
            bar="#F1F3F5",
            field="#FFFFFF",
            accent="#007DFF",
        ),
        True: dict(
            bg="#000000",
            hdr="#000000",
            fg="#E6E6E6",
            sub="#8C8C8C",
            inb="#262626",
            inf="#E6E6E6",
            outb="#3F97E9",
            outf="#FFFFFF",
            sep="#8C8C8C",
            bar="#000000",
            field="#1F1F1F",
            accent="#3F97E9",
        ),
    },
    "xiaomi_sms": {
        False: dict(
            bg="#FFFFFF",
            hdr="#FFFFFF",
            fg="#000000",
            sub="#999999",
            inb="#F2F2F2",
            inf="#000000",
            outb="#3482FF",
            outf="#FFFFFF",
            sep="#999999",
            bar="#FFFFFF",
            field="#F2F2F2",
            accent="#3482FF",
        ),
        True: dict(
            bg="#000000",
            hdr="#000000",
            fg="#EDEDED",
            sub="#8A8A8A",
            inb="#2A2A2A",
            inf="#EDEDED",
            outb="#2F6FE0",
            outf="#FFFFFF",
            sep="#808080",
            bar="#000000",
            field="#1C1C1C",
            accent="#2F6FE0",
        ),
    },
    "oppo_sms": {
        False: dict(
            bg="#FAFAFA",
            hdr="#FAFAFA",
            fg="#1A1A1A",
            sub="#8C8C8C",
            inb="#EDEDED",
            inf="#1A1A1A",
            outb="#2DB45E",
            outf="#FFFFFF",
            sep="#8C8C8C",
            bar="#FAFAFA",
            field="#EFEFEF",
            accent="#2DB45E",
        ),
        True: dict(
            bg="#0F0F0F",
            hdr="#0F0F0F",
            fg="#E0E0E0",
            sub="#8C8C8C",
            inb="#2B2B2B",
            inf="#E0E0E0",
            outb="#279E53",
            outf="#FFFFFF",
            sep="#7F7F7F",
            bar="#0F0F0F",
            field="#222222",
            accent="#279E53",
        ),
    },
    "vivo_sms": {
        False: dict(
            bg="#FFFFFF",
            hdr="#FFFFFF",
            fg="#000000",
            sub="#8F8F8F",
            inb="#F3F3F3",
            inf="#000000",
            outb="#456FFF",
            outf="#FFFFFF",
            sep="#8F8F8F",
            bar="#FFFFFF",
            field="#F3F3F3",
            accent="#456FFF",
        ),
        True: dict(
            bg="#121212",
            hdr="#121212",
            fg="#E8E8E8",
            sub="#8F8F8F",
            inb="#2A2A2A",
            inf="#E8E8E8",
            outb="#3D5FD9",
            outf="#FFFFFF",
            sep="#808080",
            bar="#121212",
            field="#242424",
            accent="#3D5FD9",
        ),
    },
    "iphone_sms": {
        False: dict(
            bg="#FFFFFF",
            hdr="#F7F7F7",
            fg="#000000",
            sub="#8E8E93",
            inb="#E9E9EB",
            inf="#000000",
            outb="#34C759",
            outf="#FFFFFF",
            sep="#8E8E93",
            bar="#FFFFFF",
            field="#FFFFFF",
            accent="#007AFF",
        ),
        True: dict(
            bg="#000000",
            hdr="#1C1C1E",
            fg="#FFFFFF",
            sub="#8E8E93",
            inb="#262629",
            inf="#FFFFFF",
            outb="#30B550",
            outf="#FFFFFF",
            sep="#8E8E93",
            bar="#000000",
            field="#000000",
            accent="#0A84FF",
        ),
    },
    "wechat": {
        False: dict(
            bg="#EDEDED",
            hdr="#EDEDED",
            fg="#191919",
            sub="#A6A6A6",
            inb="#FFFFFF",
            inf="#191919",
            outb="#95EC69",
            outf="#191919",
            sep="#A6A6A6",
            bar="#F7F7F7",
            field="#FFFFFF",
            accent="#07C160",
        ),
        True: dict(
            bg="#111111",
            hdr="#111111",
            fg="#D5D5D5",
            sub="#6B6B6B",
            inb="#2C2C2C",
            inf="#D5D5D5",
            outb="#3EB575",
            outf="#0F0F0F",
            sep="#6B6B6B",
            bar="#1E1E1E",
            field="#2C2C2C",
            accent="#3EB575",
        ),
    },
}
THEMES["huawei_calls"] = {
    False: dict(THEMES["huawei_sms"][False], bg="#FFFFFF", hdr="#FFFFFF", bar="#FFFFFF"),
    True: THEMES["huawei_sms"][True],
}
THEMES["xiaomi_calls"] = THEMES["xiaomi_sms"]
THEMES["iphone_calls"] = {
    False: dict(THEMES["iphone_sms"][False], hdr="#FFFFFF"),
    True: dict(THEMES["iphone_sms"][True], hdr="#000000"),
}
MISSED_RED = "#E84026"


# ---------------------------------------------------------------- chrome
def status_bar(d, th, style, time_str, h):
    fg = th["fg"]
    y = h // 2
    f = font(36 if style != "iphone" else 40, bold=(style == "iphone"))
    if style == "huawei":
        d.text((44, y), "中国移动", font=font(32), fill=fg, anchor="lm")
        _signal(d, 200, y, fg)
        d.text((W - 150, y), time_str, font=f, fill=fg, anchor="rm")
        _battery(d, W - 130, y, fg, th)
    elif style == "iphone":
        d.text((110, y + 4), time_str, font=f, fill=fg, anchor="mm")
        _signal(d, W - 300, y + 4, fg)
        _wifi(d, W - 200, y + 4, fg)
        _battery(d, W - 150, y + 4, fg, th, pct=False)
    else:
        d.text((50, y), time_str, font=f, fill=fg, anchor="lm")
        _signal(d, W - 330, y, fg)
        _wifi(d, W - 230, y, fg)
        _battery(d, W - 170, y, fg, th)


def _signal(d, x, y, c):
    for i in range(4):
        hh = 8 + i * 7
        d.rectangle([x + i * 12, y + 14 - hh, x + i * 12 + 7, y + 14], fill=c)


def _wifi(d, x, y, c):
    for i, r in enumerate((28, 19, 10)):
        d.arc([x - r, y + 12 - r, x + r, y + 12 + r], 225, 315, fill=c, width=5)
    d.ellipse([x - 4, y + 8, x + 4, y + 16], fill=c)


def _battery(d, x, y, c, th, pct=True):
    d.rounded_rectangle([x, y - 14, x + 52, y + 14], radius=6, outline=c, width=3)
    d.rectangle([x + 6, y - 8, x + 6 + R.randint(15, 40), y + 8], fill=c)
    d.rectangle([x + 54, y - 6, x + 58, y + 6], fill=c)
    if pct:
        d.text((x + 70, y), str(R.randint(18, 96)), font=font(28), fill=c, anchor="lm")


def chevron(d, x, y, c, s=26, w=6):
    d.line([(x + s, y - s), (x, y), (x + s, y + s)], fill=c, width=w, joint="curve")


def arrow_left(d, x, y, c):
    d.line([(x, y), (x + 50, y)], fill=c, width=6)
    chevron(d, x, y, c, s=22)


def dots_v(d, x, y, c):
    for k in (-18, 0, 18):
        d.ellipse([x - 5, y + k - 5, x + 5, y + k + 5], fill=c)


def dots_h(d, x, y, c):
    for k in (-22, 0, 22):
        d.ellipse([x + k - 6, y - 6, x + k + 6, y + 6], fill=c)


def phone_icon(d, x, y, c):
    d.arc([x - 24, y - 24, x + 24, y + 24], 100, 260, fill=c, width=9)
    d.rounded_rectangle([x - 26, y - 28, x - 10, y - 14], radius=4, fill=c)
    d.rounded_rectangle([x - 26, y + 14, x - 10, y + 28], radius=4, fill=c)


def avatar(d, box, color, ch, round_=True, fg="#FFFFFF"):
    x0, y0, x1, y1 = box
    if round_:
        d.ellipse(box, fill=color)
    else:
        d.rounded_rectangle(box, radius=12, fill=color)
    if ch:
        d.text(
            ((x0 + x1) / 2, (y0 + y1) / 2),
            ch,
            font=font(int((x1 - x0) * 0.42)),
            fill=fg,
            anchor="mm",
        )


# ---------------------------------------------------------------- chat renderer
class Chat:
    def __init__(self, layout, dark, H, header, taken, status_time, lang="zh", imessage=False):
        self.layout, self.dark, self.H = layout, dark, H
        self.th = dict(THEMES[layout][dark])
        if imessage:
            self.th["outb"] = "#0A84FF" if dark else "#007AFF"
        self.header, self.taken, self.status_time, self.lang = header, taken, status_time, lang
        L = layout
        self.fs = 48 if L in ("iphone_sms", "wechat") else 46
        self.sep_fs = 34 if L != "wechat" else 33
        self.status_h = 130 if L == "iphone_sms" else 96
        self.header_h = 250 if L == "iphone_sms" else (150 if L == "wechat" else 170)
        self.input_h = 150 if L != "wechat" else 170
        self.top = self.status_h + self.header_h + 26
        self.bottom = H - self.input_h - 26
        self.line_h = int(self.fs * 1.42)
        self.pad_x, self.pad_y = (36, 26) if L != "wechat" else (30, 26)
        if L == "wechat":
            self.av, self.margin = 112, 28
            self.maxw = W - 2 * (self.margin + self.av + 24) - 2 * self.pad_x - 110
        elif L == "xiaomi_sms":
            self.av, self.margin = 92, 36
            self.maxw = int(W * 0.66) - 2 * self.pad_x
        else:
            self.av, self.margin = 0, 44
            self.maxw = int(W * 0.70) - 2 * self.pad_x
        self.radius = {
            "wechat": 10,
            "iphone_sms": 44,
            "huawei_sms": 30,
            "xiaomi_sms": 34,
            "oppo_sms": 32,
            "vivo_sms": 36,
        }[L]
        self.gap = 22 if L != "wechat" else 36
        self.av_color = R.choice(["#7A9CC6", "#C68B7A", "#8FB58A", "#A58BC6", "#C6B27A", "#6FA8A8"])
        self.me_color = R.choice(["#5B7DB1", "#B1835B", "#6A9C5A"])

    # items: ("sep", text, dt) ("msg", dir, text) ("note", text, align)
    def measure(self, it):
        if it[0] == "sep":
            return self.sep_fs + 40
        if it[0] == "note":
            return self.sep_fs + 8
        lines = wrap(it[2], font(self.fs), self.maxw)
        h = 2 * self.pad_y + (len(lines) - 1) * self.line_h + int(self.fs * 1.18)
        if self.av:
            h = max(h, self.av)
        return h

    def paginate(self, items, start):
        """items[start:end] that fit; returns end"""
        y, i = self.top, start
        while i < len(items):
            h = self.measure(items[i])
            if y + h > self.bottom:
                break
            y += h + self.gap
            i += 1
        return i

    def tail_start(self, items):
        y, i = self.bottom, len(items)
        while i > 0:
            h = self.measure(items[i - 1])
            if y - h < self.top:
                break
            y -= h + self.gap
            i -= 1
        return i

    def render(self, page):
        th = self.th
        img = Image.new("RGB", (W, self.H), th["bg"])
        d = ImageDraw.Draw(img)
        y = self.top
        for it in page:
            h = self.measure(it)
            self.draw_item(d, it, y, h)
            y += h + self.gap
        self.draw_header(d)
        self.draw_input(d)
        return img

    def draw_item(self, d, it, y, h):
        th = self.th
        if it[0] == "sep":
            f = font(self.sep_fs)
            d.text((W / 2, y + h / 2), it[1], font=f, fill=th["sep"], anchor="mm")
            return
        if it[0] == "note":
            f = font(self.sep_fs - 4 if self.layout == "iphone_sms" else self.sep_fs)
            if it[2] == "right":
                d.text(
                    (W - self.margin - 10, y + h / 2), it[1], font=f, fill=th["sub"], anchor="rm"
                )
            else:
                d.text((W / 2, y + h / 2), it[1], font=f, fill=th["sub"], anchor="mm")
            return
        direction, text = it[1], it[2]
        f = font(self.fs)
        lines = wrap(text, f, self.maxw)
        tw = max(f.getlength(s) for s in lines)
        bw = int(tw) + 2 * self.pad_x
        bh = 2 * self.pad_y + (len(lines) - 1) * self.line_h + int(self.fs * 1.18)
        inc = direction == "in"
        L = self.layout
        if self.av:
            if inc:
                ax = self.margin
                avatar(
                    d,
                    [ax, y, ax + self.av, y + self.av],
                    self.av_color,
                    self.header["initial"],
                    round_=(L != "wechat"),
                )
                bx = ax + self.av + 24
            else:
                if L == "wechat":
                    ax = W - self.margin - self.av
                    avatar(d, [ax, y, ax + self.av, y + self.av], self.me_color, "我", round_=False)
                    bx = ax - 24 - bw
                else:
                    bx = W - self.margin - bw
        else:
            bx = self.margin if inc else W - self.margin - bw
        fill_ = th["inb"] if inc else th["outb"]
        d.rounded_rectangle([bx, y, bx + bw, y + bh], radius=self.radius, fill=fill_)
        if L == "wechat":  # small tail pointing to avatar
            ty = y + 48
            if inc:
                d.polygon([(bx - 14, ty), (bx + 1, ty - 14), (bx + 1, ty + 14)], fill=fill_)
            else:
                d.polygon(
                    [(bx + bw + 14, ty), (bx + bw - 1, ty - 14), (bx + bw - 1, ty + 14)], fill=fill_
                )
        elif L == "iphone_sms":
            if inc:
                d.polygon(
                    [(bx - 10, y + bh), (bx + 6, y + bh - 34), (bx + 34, y + bh - 4)], fill=fill_
                )
            else:
                d.polygon(
                    [
                        (bx + bw + 10, y + bh),
                        (bx + bw - 6, y + bh - 34),
                        (bx + bw - 34, y + bh - 4),
                    ],
                    fill=fill_,
                )
        tc = th["inf"] if inc else th["outf"]
        base = y + self.pad_y + int(self.fs * 0.95)
        for k, s in enumerate(lines):
            d.text((bx + self.pad_x, base + k * self.line_h), s, font=f, fill=tc, anchor="ls")

    def draw_header(self, d):
        th, L, hd = self.th, self.layout, self.header
        d.rectangle([0, 0, W, self.status_h + self.header_h], fill=th["hdr"])
        st = {"huawei_sms": "huawei", "iphone_sms": "iphone"}.get(L, "android")
        status_bar(d, th, st, self.status_time, self.status_h)
        y0, hh = self.status_h, self.header_h
        cy = y0 + hh // 2
        name = hd["name"]
        if L == "huawei_sms":
            arrow_left(d, 48, cy, th["fg"])
            if hd.get("sub"):
                d.text((140, cy - 22), name, font=font(50, True), fill=th["fg"], anchor="lm")
                d.text((140, cy + 34), hd["sub"], font=font(32), fill=th["sub"], anchor="lm")
            else:
                d.text((140, cy), name, font=font(50, True), fill=th["fg"], anchor="lm")
            phone_icon(d, W - 190, cy, th["fg"])
            dots_v(d, W - 70, cy, th["fg"])
        elif L == "xiaomi_sms":
            chevron(d, 52, cy, th["fg"])
            d.text((W / 2, cy - 22), name, font=font(48, True), fill=th["fg"], anchor="mm")
            d.text(
                (W / 2, cy + 32),
                hd.get("sub") or hd["loc"],
                font=font(30),
                fill=th["sub"],
                anchor="mm",
            )
            phone_icon(d, W - 180, cy, th["fg"])
            dots_v(d, W - 64, cy, th["fg"])
        elif L == "oppo_sms":
            chevron(d, 52, cy, th["fg"])
            if hd.get("sub"):
                d.text((W / 2, cy - 22), name, font=font(48, True), fill=th["fg"], anchor="mm")
                d.text((W / 2, cy + 32), hd["sub"], font=font(30), fill=th["sub"], anchor="mm")
            else:
                d.text((W / 2, cy), name, font=font(48, True), fill=th["fg"], anchor="mm")
            phone_icon(d, W - 70, cy, th["fg"])
        elif L == "vivo_sms":
            chevron(d, 52, cy, th["fg"])
            d.text(
                (120, cy - (20 if hd.get("sub") else 0)),
                name,
                font=font(52, True),
                fill=th["fg"],
                anchor="lm",
            )
            if hd.get("sub"):
                d.text((120, cy + 36), hd["sub"], font=font(30), fill=th["sub"], anchor="lm")
            phone_icon(d, W - 180, cy, th["fg"])
            dots_h(d, W - 70, cy, th["fg"])
        elif L == "iphone_sms":
            chevron(d, 40, y0 + 60, th["accent"], s=28)
            if hd.get("unread"):
                d.rounded_rectangle(
                    [82, y0 + 38, 82 + 30 + 24 * len(hd["unread"]), y0 + 84],
                    radius=23,
                    fill=th["accent"],
                )
                d.text(
                    (97 + 12 * len(hd["unread"]), y0 + 61),
                    hd["unread"],
                    font=font(32),
                    fill="#FFFFFF",
                    anchor="mm",
                )
            avatar(
                d,
                [W / 2 - 62, y0 + 6, W / 2 + 62, y0 + 130],
                "#A2A7B1",
                hd["initial"] if hd.get("contact") else "",
                fg="#FFFFFF",
            )
            if not hd.get("contact"):
                d.ellipse([W / 2 - 22, y0 + 30, W / 2 + 22, y0 + 74], fill="#FFFFFF")
                d.pieslice([W / 2 - 44, y0 + 82, W / 2 + 44, y0 + 160], 180, 360, fill="#FFFFFF")
                d.rectangle([W / 2 - 62, y0 + 121, W / 2 + 62, y0 + 135], fill=th["hdr"])
            tf = font(34)
            tw = tf.getlength(name)
            d.text((W / 2, y0 + 172), name, font=tf, fill=th["fg"], anchor="mm")
            chevron(d, W / 2 + tw / 2 + 22, y0 + 172, th["sub"], s=-9, w=3)
            d.line(
                [0, y0 + hh - 1, W, y0 + hh - 1],
                fill="#C6C6C8" if not self.dark else "#38383A",
                width=2,
            )
        elif L == "wechat":
            chevron(d, 44, cy, th["fg"])
            if hd.get("unread"):
                d.text((90, cy), hd["unread"], font=font(36), fill=th["fg"], anchor="lm")
            d.text((W / 2, cy), name, font=font(46, True), fill=th["fg"], anchor="mm")
            dots_h(d, W - 70, cy, th["fg"])
            d.line(
                [0, y0 + hh - 1, W, y0 + hh - 1],
                fill="#D9D9D9" if not self.dark else "#232323",
                width=2,
            )

    def draw_input(self, d):
        th, L = self.th, self.layout
        y0 = self.H - self.input_h
        d.rectangle([0, y0, W, self.H], fill=th["bar"])
        cy = y0 + self.input_h // 2 - 10
        ph = {
            "huawei_sms": "短信",
            "xiaomi_sms": "短信",
            "oppo_sms": "输入短信",
            "vivo_sms": "短信",
        }
        if L == "wechat":
            d.line([0, y0, W, y0], fill="#D9D9D9" if not self.dark else "#232323", width=2)
            d.ellipse([30, cy - 36, 102, cy + 36], outline=th["fg"], width=4)
            d.rounded_rectangle([126, cy - 44, W - 240, cy + 44], radius=10, fill=th["field"])
            d.ellipse([W - 214, cy - 36, W - 142, cy + 36], outline=th["fg"], width=4)
            d.ellipse([W - 112, cy - 36, W - 40, cy + 36], outline=th["fg"], width=4)
            d.line([W - 76, cy - 20, W - 76, cy + 20], fill=th["fg"], width=4)
            d.line([W - 96, cy, W - 56, cy], fill=th["fg"], width=4)
        elif L == "iphone_sms":
            d.ellipse([30, cy - 38, 106, cy + 38], fill="#E9E9EB" if not self.dark else "#2C2C2E")
            d.line([68, cy - 18, 68, cy + 18], fill=th["sub"], width=5)
            d.line([50, cy, 86, cy], fill=th["sub"], width=5)
            d.rounded_rectangle(
                [126, cy - 42, W - 30, cy + 42],
                radius=42,
                outline="#C6C6C8" if not self.dark else "#3A3A3C",
                width=3,
                fill=th["field"],
            )
            text = self.header.get("placeholder", "短信")
            d.text(
                (160, cy),
                text,
                font=font(38),
                fill="#B0B0B5" if not self.dark else "#6D6D72",
                anchor="lm",
            )
        else:
            d.ellipse([36, cy - 34, 104, cy + 34], outline=th["sub"], width=4)
            d.line([70, cy - 16, 70, cy + 16], fill=th["sub"], width=4)
            d.line([54, cy, 86, cy], fill=th["sub"], width=4)
            d.rounded_rectangle([128, cy - 46, W - 150, cy + 46], radius=46, fill=th["field"])
            d.text((170, cy), ph[L], font=font(38), fill=th["sub"], anchor="lm")
            d.polygon(
                [(W - 110, cy - 30), (W - 40, cy), (W - 110, cy + 30), (W - 96, cy)], fill=th["sub"]
            )


def build_items(groups, taken, style, layout, lang, extras):
    items = []
    if layout == "iphone_sms":
        items.append(("note", "Text Message • SMS" if lang == "en" else "短信/彩信", "center"))
    for t, msgs in groups:
        items.append(("sep", label(t, taken, style), t))
        for direction, text in msgs:
            items.append(("msg", direction, text))
    if layout == "iphone_sms" and items[-1][0] == "msg" and items[-1][1] == "out":
        items.append(("note", "Delivered" if lang == "en" else "已送达", "right"))
    if layout == "wechat" and extras.get("recall"):
        k = R.randrange(1, len(items))
        who = extras["recall"]
        items.insert(
            k,
            (
                "note",
                f"\u201c{who}\u201d撤回了一条消息" if R.random() < 0.6 else "你撤回了一条消息",
                "center",
            ),
        )
    return items


def records_for(page, sender):
    cur, out = None, []
    for it in page:
        if it[0] == "sep":
            cur = it[2]
        elif it[0] == "msg":
            out.append(
                dict(
                    kind="sms" if sender["kind"] == "sms" else "im",
                    sender=sender["name"],
                    occurred_at=cur.isoformat() if cur else None,
                    direction=it[1],
                    text=it[2],
                    call_type=None,
                    duration_seconds=None,
                )
            )
    return out


# ---------------------------------------------------------------- call logs
def dur_text(sec):
    if sec < 60:
        return f"{sec}秒"
    if sec < 3600:
        return f"{sec // 60}分{sec % 60}秒"
    return f"{sec // 3600}小时{sec % 3600 // 60}分{sec % 60}秒"


def gen_calls(taken, n):
    calls = []
    t = taken - dt.timedelta(minutes=R.randint(3, 90))
    people = []
    for _ in range(R.randint(3, 5)):
        r = R.random()
        num = mobile()
        if r < 0.35:
            people.append(
                dict(name=R.choice(COLLECTORS + ["妈妈", "老婆", "公司-前台", "房东"]), num=num)
            )
        elif r < 0.85:
            people.append(
                dict(name=None, num=num, tag=R.choice([None, None, "疑似催收", "骚扰电话"]))
            )
        else:
            area = R.choice(
                [("0571", "浙江杭州"), ("021", "上海"), ("0755", "广东深圳"), ("028", "四川成都")]
            )
            people.append(
                dict(
                    name=None,
                    num=f"{area[0]}-{R.randint(5000, 8999)} {R.randint(1000, 9999)}",
                    loc=area[1],
                    tag=R.choice([None, "疑似催收"]),
                )
            )
    for p in people:
        p.setdefault("loc", R.choice(CITIES))
        p.setdefault("tag", None)
        p["carrier"] = R.choice(CARRIERS)
        p["marks"] = R.randint(12, 3400)
    for _ in range(n):
        p = R.choice(people)
        ct = R.choices(["incoming", "outgoing", "missed"], [4, 3, 5])[0]
        dur = (
            None
            if ct == "missed"
            else R.choice(
                [R.randint(5, 59), R.randint(61, 900), R.randint(61, 300), R.randint(3601, 4000)]
                if R.random() < 0.1
                else [R.randint(5, 59), R.randint(61, 900)]
            )
        )
        if dur and dur % 60 == 0:
            dur += 7
        calls.append(dict(p=p, t=t.replace(second=0, microsecond=0), type=ct, dur=dur))
        step = R.choice(
            [R.randint(2, 40), R.randint(60, 600), R.randint(600, 3000), R.randint(1440, 6000)]
        )
        t = t - dt.timedelta(minutes=step)
        if 2 <= t.hour < 7 and R.random() < 0.7:
            t = t - dt.timedelta(hours=5)
    return calls


def render_calls(layout, dark, H, taken, status_time, calls):
    th = THEMES[layout][dark]
    style = STYLES[layout][0]
    img = Image.new("RGB", (W, H), th["bg"])
    d = ImageDraw.Draw(img)
    st = (
        "huawei"
        if layout == "huawei_calls"
        else "iphone"
        if layout == "iphone_calls"
        else "android"
    )
    sh = 130 if st == "iphone" else 96
    status_bar(d, th, st, status_time, sh)
    line_c = "#E5E5E5" if not dark else "#2A2A2A"
    if layout == "huawei_calls":
        d.text((48, sh + 80), "电话", font=font(72, True), fill=th["fg"], anchor="lm")
        dots_v(d, W - 64, sh + 80, th["fg"])
        d.rounded_rectangle(
            [44, sh + 160, W - 44, sh + 250], radius=45, fill="#F1F3F5" if not dark else "#1F1F1F"
        )
        d.text((110, sh + 205), "搜索联系人", font=font(36), fill=th["sub"], anchor="lm")
        y, row_h, bottom = sh + 290, 196, H - 190
    elif layout == "xiaomi_calls":
        d.text((50, sh + 80), "通话", font=font(60, True), fill=th["fg"], anchor="lm")
        d.text((220, sh + 84), "联系人", font=font(46), fill=th["sub"], anchor="lm")
        d.text((420, sh + 84), "营业厅", font=font(46), fill=th["sub"], anchor="lm")
        dots_v(d, W - 64, sh + 80, th["fg"])
        y, row_h, bottom = sh + 180, 190, H - 260
    else:
        d.text((50, sh + 50), "编辑", font=font(40), fill=th["accent"], anchor="lm")
        seg_bg = "#EEEEEF" if not dark else "#1C1C1E"
        d.rounded_rectangle([W / 2 - 250, sh + 20, W / 2 + 250, sh + 84], radius=16, fill=seg_bg)
        d.rounded_rectangle(
            [W / 2 - 246, sh + 24, W / 2, sh + 80],
            radius=14,
            fill="#FFFFFF" if not dark else "#636366",
        )
        d.text((W / 2 - 123, sh + 52), "所有通话", font=font(32, True), fill=th["fg"], anchor="mm")
        d.text((W / 2 + 125, sh + 52), "未接来电", font=font(32), fill=th["fg"], anchor="mm")
        d.text((44, sh + 170), "最近通话", font=font(76, True), fill=th["fg"], anchor="lm")
        y, row_h, bottom = sh + 250, 170, H - 190
    records = []
    for c in calls:
        if y + row_h > bottom:
            break
        p = c["p"]
        shown = p["name"] or (
            p["num"]
            if len(p["num"]) != 11
            else ("+86 " + spaced(p["num"]) if layout == "iphone_calls" else spaced(p["num"]))
        )
        missed = c["type"] == "missed"
        nc = MISSED_RED if missed else th["fg"]
        lab = label(c["t"], taken, style)
        dtext = "未接" if missed else dur_text(c["dur"])
        if layout == "xiaomi_calls" and missed and R.random() < 0.5:
            dtext = f"响铃{R.randint(3, 30)}秒"
        if p["tag"]:
            sub = f"{p['tag']} · 被{p['marks']}人标记"
        else:
            sub = p["loc"] if layout != "xiaomi_calls" else f"{p['loc']} {p['carrier']}"
        ic = MISSED_RED if missed else th["sub"]
        if layout == "huawei_calls":
            d.text((140, y + 62), shown, font=font(48), fill=nc, anchor="lm")
            _call_icon(d, 90, y + 62, c["type"], ic)
            d.text((140, y + 130), f"{sub}  {dtext}", font=font(34), fill=th["sub"], anchor="lm")
            d.text((W - 140, y + 62), lab, font=font(34), fill=th["sub"], anchor="rm")
            _info(d, W - 80, y + 62, th["accent"])
            d.line([140, y + row_h - 1, W, y + row_h - 1], fill=line_c, width=2)
        elif layout == "xiaomi_calls":
            d.text((60, y + 62), shown, font=font(48), fill=nc, anchor="lm")
            _call_icon(d, 76, y + 128, c["type"], ic, s=14)
            d.text((106, y + 128), sub, font=font(33), fill=th["sub"], anchor="lm")
            d.text((W - 60, y + 62), lab, font=font(33), fill=th["sub"], anchor="rm")
            d.text(
                (W - 60, y + 128),
                dtext,
                font=font(33),
                fill=ic if missed else th["sub"],
                anchor="rm",
            )
            d.line([60, y + row_h - 1, W - 60, y + row_h - 1], fill=line_c, width=2)
        else:
            if c["type"] == "outgoing":
                phone_icon(d, 70, y + 58, th["sub"])
            d.text((120, y + 58), shown, font=font(46, True), fill=nc, anchor="lm")
            d.text((120, y + 118), f"{sub} · {dtext}", font=font(33), fill=th["sub"], anchor="lm")
            d.text((W - 130, y + 58), lab, font=font(34), fill=th["sub"], anchor="rm")
            _info(d, W - 70, y + 58, th["accent"])
            d.line([120, y + row_h - 1, W, y + row_h - 1], fill=line_c, width=2)
        records.append(
            dict(
                kind="call",
                sender=shown,
                occurred_at=c["t"].isoformat(),
                direction="out" if c["type"] == "outgoing" else "in",
                text=None,
                call_type=c["type"],
                duration_seconds=c["dur"],
            )
        )
        y += row_h
    # bottom navigation
    by = H - (190 if layout != "xiaomi_calls" else 260)
    d.rectangle([0, by, W, H], fill=th["bar"])
    d.line([0, by, W, by], fill=line_c, width=2)
    if layout == "xiaomi_calls":
        d.ellipse([W / 2 - 80, by + 50, W / 2 + 80, by + 210], fill="#26C281")
        for i in range(3):
            for j in range(3):
                d.ellipse(
                    [W / 2 - 34 + i * 28, by + 96 + j * 28, W / 2 - 22 + i * 28, by + 108 + j * 28],
                    fill="#FFFFFF",
                )
    else:
        tabs = (
            ["拨号", "联系人", "收藏", "畅连"]
            if layout == "huawei_calls"
            else ["个人收藏", "最近通话", "通讯录", "拨号键盘", "语音留言"]
        )
        n = len(tabs)
        for i, tname in enumerate(tabs):
            x = W * (i + 0.5) / n
            sel = (i == 0) if layout == "huawei_calls" else (i == 1)
            col = th["accent"] if sel else th["sub"]
            d.ellipse([x - 22, by + 40, x + 22, by + 84], outline=col, width=4)
            d.text((x, by + 120), tname, font=font(26), fill=col, anchor="mm")
    return img, records


def _call_icon(d, x, y, typ, c, s=18):
    if typ == "outgoing":
        d.line([(x - s, y + s), (x + s, y - s)], fill=c, width=4)
        d.line([(x, y - s), (x + s, y - s), (x + s, y)], fill=c, width=4)
    else:
        d.line([(x + s, y - s), (x - s, y + s)], fill=c, width=4)
        d.line([(x - s, y), (x - s, y + s), (x, y + s)], fill=c, width=4)
        if typ == "missed":
            d.line([(x + s - 4, y + 2), (x + s + 4, y + 10)], fill=c, width=3)
            d.line([(x + s + 4, y + 2), (x + s - 4, y + 10)], fill=c, width=3)


def _info(d, x, y, c):
    d.ellipse([x - 22, y - 22, x + 22, y + 22], outline=c, width=3)
    d.text((x, y + 1), "i", font=font(28, True), fill=c, anchor="mm")


# ---------------------------------------------------------------- set plan
def rand_taken():
    if R.random() < 0.15:
        day = dt.date(2026, 1, R.randint(1, 9))
    else:
        day = dt.date(2026, 1, 10) + dt.timedelta(days=R.randint(0, 320))
    return dt.datetime(
        day.year,
        day.month,
        day.day,
        R.randint(8, 23),
        R.randint(0, 59),
        R.randint(0, 59),
        tzinfo=TZ,
    )


HEIGHTS = {
    "huawei_sms": [2340, 2244, 2400],
    "xiaomi_sms": [2400, 2340, 2160],
    "oppo_sms": [2400, 2340, 2256],
    "vivo_sms": [2400, 2376, 2340],
    "iphone_sms": [2340, 2256],
    "wechat": [2400, 2340, 2160, 1920],
    "huawei_calls": [2340, 2244],
    "xiaomi_calls": [2400, 2160],
    "iphone_calls": [2340, 1800],
}


def make_sender(layout, kind):
    num = mobile()
    loc = R.choice(CITIES)
    if kind == "official":
        code = "1069" + "".join(R.choice("0123456789") for _ in range(R.choice([8, 10])))
        return dict(name=code, sub=None, loc=loc, initial="", contact=False)
    r = R.random()
    if layout == "wechat":
        nm = R.choice(COLLECTORS + ["催收-小周", "星桥分期-客服", "A 贷后 吴"])
        return dict(
            name=nm,
            sub=None,
            loc=loc,
            initial=nm.replace("催收-", "").replace("贷后 ", "")[0],
            contact=True,
            unread=R.choice([None, str(R.randint(2, 99))]),
        )
    if r < 0.4:
        nm = R.choice(COLLECTORS if kind != "english" else COLLECTORS_EN)
        return dict(
            name=nm,
            sub=spaced(num) if layout != "iphone_sms" else None,
            loc=loc,
            initial=nm[0],
            contact=True,
        )
    shown = (
        R.choice(["+86 " + spaced(num), spaced(num), num])
        if layout != "iphone_sms"
        else "+86 " + spaced(num)
    )
    if layout == "huawei_sms" and R.random() < 0.5:
        shown = num
    return dict(name=shown, sub=None, loc=f"{loc} {R.choice(CARRIERS)}", initial="", contact=False)


def fname(layout, idx, taken, plat, sec_off=0):
    t = taken + dt.timedelta(seconds=sec_off)
    r = R.random()
    if r < 0.45:
        return f"{layout}_{idx:02d}.png"
    if plat == "iphone":
        return f"IMG_{t:%Y%m%d_%H%M%S}.png"
    if plat == "xiaomi" and r < 0.75:
        return f"Screenshot_{t:%Y-%m-%d-%H-%M-%S}-{R.randint(100, 999)}_com.android.mms.png"
    return f"Screenshot_{t:%Y%m%d_%H%M%S}.png"


def plat_of(layout):
    return (
        "iphone"
        if layout.startswith("iphone")
        else "xiaomi"
        if layout.startswith("xiaomi")
        else "android"
    )


def main():
    for p in glob.glob(os.path.join(OUT, "*.png")):
        os.remove(p)
    truth = []
    used = set()
    counters = {}

    def save(img, layout, taken, dark, thread, records, sec_off=0):
        counters[layout] = counters.get(layout, 0) + 1
        name = fname(layout, counters[layout], taken, plat_of(layout), sec_off)
        while name in used:
            name = name.replace(".png", "_1.png")
        used.add(name)
        img.quantize(colors=128, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(
            os.path.join(OUT, name), optimize=True
        )
        truth.append(
            dict(
                file=name,
                layout=layout,
                dark=dark,
                taken_on=taken.date().isoformat(),
                thread=thread,
                records=records,
            )
        )

    chat_layouts = ["huawei_sms", "xiaomi_sms", "oppovivo", "iphone_sms", "wechat"]
    thread_no = 0
    for cl in chat_layouts:
        n_light, n_dark = (8, 6) if cl == "wechat" else (10, 4)
        plan = (
            [(False, None)] * n_light
            + [(True, None)] * n_dark
            + [(False, 2), (cl != "wechat" or True, 3)]
        )
        for k, (dark, pages) in enumerate(plan):
            layout = cl if cl != "oppovivo" else ("oppo_sms" if k % 2 == 0 else "vivo_sms")
            if pages == 3:
                dark = k % 2 == 1 or cl in ("huawei_sms", "iphone_sms", "wechat")
            lang = "zh"
            if layout == "iphone_sms" and k % 3 == 0:
                lang = "en"
            kind = (
                "english"
                if lang == "en" and R.random() < 0.7
                else "official"
                if (layout != "wechat" and R.random() < 0.25 and not pages)
                else "english"
                if R.random() < 0.06
                else "collector"
            )
            taken = rand_taken()
            H = R.choice(HEIGHTS[layout])
            sender = make_sender(layout, kind)
            sender["kind"] = "im" if layout == "wechat" else "sms"
            imessage = layout == "iphone_sms" and R.random() < 0.35
            if layout == "iphone_sms":
                sender["unread"] = R.choice([None, str(R.randint(1, 60))])
                sender["placeholder"] = (
                    "iMessage" if imessage else ("Text Message" if lang == "en" else "短信")
                )
            style = R.choice(STYLES["iphone_sms_en" if lang == "en" else layout])
            extras = {"recall": sender["name"] if layout == "wechat" and R.random() < 0.2 else None}
            status_time = None
            for attempt in range(200):
                groups = gen_groups(taken, R.randint(2, 5) if not pages else R.randint(5, 13), kind)
                chat = Chat(layout, dark, H, sender, taken, "", lang, imessage)
                items = build_items(groups, taken, style, layout, lang, extras)
                if not pages:
                    s = chat.tail_start(items)
                    if s == 0 or (attempt > 20 and s < len(items) - 2):
                        page_sets = [items[s:]]
                        break
                    continue
                page_sets, start = [], 0
                while True:
                    end = chat.paginate(items, start)
                    while end - 1 > start and items[end - 1][0] == "sep":
                        end -= 1  # never end a page on a dangling separator
                    page_sets.append(items[start:end])
                    if end >= len(items) or end <= start:
                        break
                    bub = [i for i in range(start, end) if items[i][0] == "msg"]
                    r = R.choice([1, 2])
                    if len(bub) < r + 1:
                        break
                    start = bub[-r]
                if (
                    len(page_sets) == pages
                    and len(page_sets[-1]) >= 3
                    and sum(1 for it in page_sets[-1] if it[0] == "msg") > 2
                ):
                    break
            hm = taken.strftime("%H:%M") if R.random() < 0.7 else f"{taken.hour}:{taken.minute:02d}"
            chat.status_time = hm
            thread = None
            if pages:
                thread_no += 1
                thread = f"T{thread_no:02d}_{layout}"
            for pi, page in enumerate(page_sets):
                img = chat.render(page)
                save(
                    img,
                    layout,
                    taken,
                    dark,
                    thread,
                    records_for(page, sender),
                    sec_off=pi * R.randint(4, 15),
                )
    for layout in ["huawei_calls", "xiaomi_calls", "iphone_calls"]:
        for k in range(6):
            dark = k == 5
            taken = rand_taken()
            H = R.choice(HEIGHTS[layout])
            calls = gen_calls(taken, 14)
            img, recs = render_calls(layout, dark, H, taken, taken.strftime("%H:%M"), calls)
            save(img, layout, taken, dark, None, recs)
    with open(os.path.join(OUT, "truth.jsonl"), "w", encoding="utf-8") as fh:
        for t in truth:
            fh.write(json.dumps(t, ensure_ascii=False) + "\n")
    print(len(truth), "screenshots")


if __name__ == "__main__":
    main()

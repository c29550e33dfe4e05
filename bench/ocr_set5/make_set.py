#!/usr/bin/env python3
"""Deterministic generator for the frozen OCR benchmark set ocr_set5.

Draws synthetic Chinese-phone screenshots (SMS, WeChat, call logs) with Pillow,
writes truth.jsonl (what a perfect reader must return) and drawlog.jsonl
(every drawn string with its box, role and colour, plus the bubble / icon shapes).

Re-running gives byte-identical output (fixed seed, no time/hash dependence).
Usage: python make_set.py
"""
import datetime as DT
import json
import os
import random

from PIL import Image, ImageDraw, ImageFont

HERE = os.path.dirname(os.path.abspath(__file__))
REG = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
BOLD = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"
FACE = 2  # Noto Sans CJK SC
SEED = 5_2026_0515

_FONTS = {}


def font(size, bold=False):
    k = (size, bold)
    if k not in _FONTS:
        _FONTS[k] = ImageFont.truetype(BOLD if bold else REG, size, index=FACE)
    return _FONTS[k]


def tw(s, size, bold=False):
    return font(size, bold).getlength(s)


def hexc(c):
    return "#%02X%02X%02X" % tuple(c[:3])


# ----------------------------------------------------------------------------
# canvas with logging
# ----------------------------------------------------------------------------
class Canvas:
    def __init__(self, W, H, bg):
        self.W, self.H = W, H
        self.img = Image.new("RGB", (W, H), bg)
        self.d = ImageDraw.Draw(self.img)
        self.items = []
        self.shapes = []

    def text(self, x, y, t, size, color, role, bold=False, anchor="ls"):
        f = font(size, bold)
        self.d.text((x, y), t, font=f, fill=color, anchor=anchor)
        bb = self.d.textbbox((x, y), t.rstrip(" "), font=f, anchor=anchor)
        bb = [int(round(v)) for v in bb]
        self.items.append({"text": t, "box": bb, "role": role, "color": hexc(color),
                           "size": size, "bold": bold})
        return bb

    def rrect(self, box, r, fill=None, outline=None, width=1, role=None):
        box = [int(round(v)) for v in box]
        self.d.rounded_rectangle(box, radius=int(r), fill=fill, outline=outline, width=width)
        if role:
            self.shapes.append({"kind": "rrect", "role": role, "box": box,
                                "fill": hexc(fill) if fill else None})
        return box

    def ellipse(self, box, fill=None, outline=None, width=1, role=None):
        box = [int(round(v)) for v in box]
        self.d.ellipse(box, fill=fill, outline=outline, width=width)
        if role:
            self.shapes.append({"kind": "ellipse", "role": role, "box": box,
                                "fill": hexc(fill) if fill else None})

    def line(self, pts, fill, width=1):
        self.d.line([(int(round(a)), int(round(b))) for a, b in pts], fill=fill, width=int(width))

    def poly(self, pts, fill, role=None):
        pts = [(int(round(a)), int(round(b))) for a, b in pts]
        self.d.polygon(pts, fill=fill)
        if role:
            xs = [p[0] for p in pts]
            ys = [p[1] for p in pts]
            self.shapes.append({"kind": "poly", "role": role,
                                "box": [min(xs), min(ys), max(xs), max(ys)], "fill": hexc(fill)})


# ----------------------------------------------------------------------------
# time labels
# ----------------------------------------------------------------------------
WD = "一二三四五六日"
WD_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
WD3 = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
MON3 = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def hm24(dt):
    return "%02d:%02d" % (dt.hour, dt.minute)


def hm12cn(dt, ios=False, variant=0):
    h, m = dt.hour, dt.minute
    if ios:
        if h < 12:
            return "上午%d:%02d" % (h if h else 12, m)
        return "下午%d:%02d" % (h - 12 if h > 12 else 12, m)
    if h == 0:
        return ("凌晨" if variant % 2 == 0 else "上午") + "12:%02d" % m
    if h < 6:
        return "凌晨%d:%02d" % (h, m)
    if h < 12:
        return "上午%d:%02d" % (h, m)
    if h == 12:
        return ("中午" if variant % 2 == 0 else "下午") + "12:%02d" % m
    if h < 18:
        return "下午%d:%02d" % (h - 12, m)
    return "晚上%d:%02d" % (h - 12, m)


def hm12en(dt):
    h = dt.hour % 12 or 12
    return "%d:%02d %s" % (h, dt.minute, "AM" if dt.hour < 12 else "PM")


def tstr(dt, st):
    """time-of-day string for a style dict"""
    if st.get("h12"):
        return hm12cn(dt, ios=st.get("ios", False), variant=dt.minute)
    return hm24(dt)


def day_cn(d, taken, st):
    delta = (taken - d).days
    assert delta >= 0
    if delta == 0:
        return "今天"
    if delta == 1:
        return "昨天"
    if 2 <= delta <= 6 and st.get("weekday", True):
        return st.get("wd", "星期") + WD[d.weekday()]
    if d.year == taken.year:
        s = "%d月%d日" % (d.month, d.day)
        if st.get("md_wd"):
            s += " " + st.get("wd", "星期") + WD[d.weekday()]
        return s
    s = "%d年%d月%d日" % (d.year, d.month, d.day)
    if st.get("md_wd"):
        s += " " + st.get("wd", "星期") + WD[d.weekday()]
    return s


def sep_label(dt, taken, st):
    """centred separator label: date and time"""
    if st.get("en"):
        t = hm12en(dt)
        delta = (taken - dt.date()).days
        if delta == 0:
            return "Today " + t
        if delta == 1:
            return "Yesterday " + t
        if 2 <= delta <= 6:
            return "%s %s" % (WD_EN[dt.weekday()], t)
        if dt.year == taken.year:
            return "%s, %s %d at %s" % (WD3[dt.weekday()], MON3[dt.month - 1], dt.day, t)
        return "%s %d, %d at %s" % (MON3[dt.month - 1], dt.day, dt.year, t)
    d = day_cn(dt.date(), taken, st)
    t = tstr(dt, st)
    if d == "今天" and not st.get("today_prefix"):
        return t
    return d + " " + t


def date_sep_label(d, taken, st):
    """date-only separator (Huawei/Honor style)"""
    return day_cn(d, taken, st)


# ----------------------------------------------------------------------------
# text wrapping
# ----------------------------------------------------------------------------
NO_START = "，。！？、；：）》」』”’,.!?;:)%"
NO_END = "（《「『“‘(【"


def wrap(text, size, maxw, bold=False):
    f = font(size, bold)
    if all(ord(c) < 128 for c in text):
        return wrap_en(text, f, maxw)
    lines = []
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        while j < n and f.getlength(text[i:j + 1]) <= maxw:
            j += 1
        if j < n:
            k = j
            while k > i + 1 and (text[k] == " " or text[k - 1] == " " or text[k] in NO_START
                                 or text[k - 1] in NO_END):
                k -= 1
            j = k
        lines.append(text[i:j])
        i = j
    assert "".join(lines) == text
    return lines


def wrap_en(text, f, maxw):
    words = text.split(" ")
    lines, cur = [], ""
    for w in words:
        trial = (cur + " " + w) if cur else w
        if f.getlength(trial) <= maxw:
            cur = trial
            continue
        if cur:
            lines.append(cur + " ")
            cur = ""
        if f.getlength(w) <= maxw:
            cur = w
        else:
            piece = ""
            for ch in w:
                if f.getlength(piece + ch) > maxw:
                    lines.append(piece)
                    piece = ch
                else:
                    piece += ch
            cur = piece
    lines.append(cur)
    assert "".join(lines) == text, (lines, text)
    return lines


# ----------------------------------------------------------------------------
# content pools (all invented)
# ----------------------------------------------------------------------------
SURN = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾"
GIVEN = ["伟", "芳", "娜", "敏", "静", "磊", "强", "洋", "艳", "勇", "军", "杰", "涛", "明",
         "超", "秀英", "建华", "志强", "海燕", "晓东", "春梅", "国庆", "丽娟", "文博", "子豪"]
PLATFORMS = ["速借宝", "易分期", "金满仓", "融易花", "信达普惠", "及时雨钱包", "安信借", "鑫享贷",
             "优米花", "乐享分期", "闪电借", "诚e贷", "红果钱包", "云朵借款"]
BANKS = ["东岳银行", "瑞泰银行", "汇金商业银行", "恒通农商银行", "北辰银行"]
COMPANIES = ["杭州恒信资产管理有限公司", "深圳华讯信息咨询有限公司", "广州安诚商务服务有限公司",
             "成都联达企业管理有限公司", "南京弘毅信息服务有限公司"]
LAWFIRMS = ["浙江正衡律师事务所", "广东明诚信律师事务所", "江苏合泰律师事务所", "四川衡远律师事务所"]
FAKE_ORGS = ["互联网金融纠纷调解中心", "网络借贷仲裁服务中心", "诉前调解工作室"]
DOMAINS = ["h5.sjbao-pay.cn", "m.rongyihua.com.cn", "t.xdph.cn", "jsy-wallet.cn/r", "hk.yfq-app.com",
           "pay.jmc-fin.cn", "u.lxfq.net", "x.yunduo-jk.com"]
AGENTS = ["李专员", "王经理", "陈主管", "赵律师", "刘调解员", "孙专员", "周经理", "黄律师"]
LOCS = ["浙江杭州", "广东深圳", "北京", "上海", "江苏南京", "四川成都", "湖北武汉", "福建厦门",
        "湖南长沙", "山东济南", "河南郑州", "重庆", "安徽合肥", "陕西西安"]
CARRIERS = ["移动", "联通", "电信"]
EMO = ["[捂脸]", "[微笑]", "[抱拳]", "[撇嘴]", "[发怒]", "[OK]", "[流泪]", "[叹气]", "[强]", "[难过]"]

IN_TPL = [
    "【{plat}】尊敬的{name}，您在我司的借款已逾期{days}天，欠款金额{amt}元，请于今日18:00前还款，以免影响个人征信。",
    "【{plat}】{name}您好，您尾号{last4}的账户已逾期，应还{amt}元。点击 {link} 查看详情并还款，退订回T",
    "{name}，你的案件编号{case}已移交法务部，若今日仍未处理，将于{ddate}安排人员上门核实。",
    "最后通知：你的欠款逾期已严重，我方将联系你的家人及单位进行核实，请你自重。",
    "【{org}】关于{name}（身份证号{idm}）借款合同纠纷一案，已受理立案，案号{case}，请登录 {link} 查看。",
    "{firm}受{comp}委托，就你拖欠借款{amt}元一事发出律师函，请于3日内联系{phone}处理。",
    "您好，我是{comp}催收专员{agent}，工号{wid}，你的借呗欠款{amt}元已逾期{days}天，今天能处理吗？",
    "你的花呗已逾期，最低还款{amt2}元，逾期将产生违约金，请尽快处理。",
    "【{bank}信用卡】您尾号{last4}的信用卡本期账单{amt}元已逾期，请尽快还款至 {card}。",
    "还款账户：{card} 户名：{acct} 开户行：{bank}{branch}支行",
    "今天下午5点前不还，明天就安排外访人员去你户籍地。",
    "电话也不接，信息也不回，你是什么意思？",
    "在吗？",
    "看到回复",
    "?",
    "几点还？",
    "人呢",
    "回电",
    "你的通讯录联系人我们已经核实，再不处理就挨个通知了。",
    "我司已将你的逾期信息报送征信系统，案件号：{case}。",
    "请于{ddate}前将{amt}元转入以下账户：{card}，转账后截图发我。",
    "【{plat}】您的借款已逾期{days}天，已产生罚息{fee}元，详情咨询{svc}。",
    "{name}，你在{plat}的借款本金{amt}元，现在给你申请了减免，今天一次性结清只需{amt2}元，过了今天不再受理。",
    "再次提醒：案件{case}将于{ddate}提交{org}，届时产生的一切费用由你本人承担。",
    "你单位的电话我们已经查到了，是不是要我们打过去问问你们领导？",
    "明天上午我们的外访同事会去你身份证地址，你家里人在家吧？",
    "你身份证{idm}名下的欠款已经逾期{days}天，别以为换号就找不到你。",
    "【{plat}】提醒：您的账单已逾期，请登录APP或访问 {link} 还款，客服{svc}。",
    "你自己说的今天还，现在几点了？",
    "最后给你一次机会，今晚8点前还{amt2}元，否则明天正式起诉。",
    "还款请转到对公账户{card2}，备注案件号{case}，不要转到其他账户。",
    "收到请回复",
]
IN_TPL_EN = [
    "Reminder: your loan account ending {last4} is {days} days overdue. Amount due: RMB {amt}. Pay today to avoid further action: {link}",
    "Final notice: case {case} will be transferred to our legal team if no payment is received by {ddate_en}.",
    "Please call back {phone} today.",
    "Your repayment of RMB {amt2} is overdue. Visit {link} to pay now.",
]
OUT_TPL = ["好", "嗯", "?", "明天还", "我在想办法", "ok", "好的，我尽快", "能不能分期", "这周五之前一定还上",
           "别打我家里电话了", "我现在真的没钱", "收到", "能减免一点吗", "我已经还了500", "不要联系我单位",
           "在想办法了，再给我两天", "知道了", "你们是哪个公司的？", "OK", "行", "下个月发工资就还",
           "我已经在APP上申请延期了", "能不能先还一部分"]
OUT_TPL_EN = ["ok", "OK", "I will pay tomorrow", "Stop calling my family please", "I am trying", "?"]
WX_IN = [
    "你好，我是{plat}的{agent}，你的借款逾期{days}天了知道吗",
    "今天必须处理，别逼我们走法律程序",
    "人呢？看到消息回一下",
    "你这个态度我们只能按流程走了",
    "给你最后两个小时考虑{emo}",
    "你家里人的电话我这都有，要不要我帮你问问他们？",
    "你的案件编号{case}，明天上报{org}",
    "还款链接发你了 {link} 今天之内处理",
    "{emo}",
    "好的，那你今天先还{amt2}元，剩下的下周结清",
    "别跟我说没钱，你朋友圈天天吃喝玩乐",
    "你单位地址是不是在{loc}？",
    "转账到这个卡 {card} 户名{acct}",
    "你身份证{idm}，我们都核实过了",
    "律师函已经寄到你户籍地址了，你自己看着办",
    "嗯，截图发我",
    "在吗",
]
WX_OUT = ["好", "嗯", "?", "明天还", "我在想办法", "ok", "知道了{emo}", "能不能宽限几天", "别找我家人",
          "我今天先还一部分", "好的", "收到", "你们这样是违法的", "已转，你看下", "下周一之前一定还"]
WX_GROUP_NAMES = ["逾期协商处理群", "{plat}还款沟通群", "案件{short}调解群", "债务协商群"]
WX_NICKS = ["调解员-王", "法务-刘律师", "客服小陈", "风控部张经理", "催收组-赵", "{plat}-李专员", "孙主管"]
WX_PRIVATE = ["张经理", "{plat}-李专员", "法务部王律师", "逾期协商-陈", "赵调解员", "刘主管"]


def rcode(rng, n):
    al = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "".join(rng.choice(al) for _ in range(n))


def rdig(rng, n):
    return "".join(rng.choice("0123456789") for _ in range(n))


def mobile(rng):
    return rng.choice(["13", "15", "18", "17", "19"]) + rng.choice("0123456789") + rdig(rng, 8)


def fmt_mobile(m, rng, style=None):
    style = style if style is not None else rng.randrange(4)
    if style == 0:
        return m
    if style == 1:
        return "%s %s %s" % (m[:3], m[3:7], m[7:])
    if style == 2:
        return "+86 %s %s %s" % (m[:3], m[3:7], m[7:])
    return "%s-%s-%s" % (m[:3], m[3:7], m[7:])


def landline(rng):
    area = rng.choice(["0571", "0755", "020", "028", "025", "027", "0592", "0731"])
    n = rng.choice("2345678") + rdig(rng, 7)
    return area, n


def make_ctx(rng, taken):
    sur = rng.choice(SURN)
    name = sur + rng.choice(GIVEN)
    plat = rng.choice(PLATFORMS)
    amt_v = rng.choice([1280, 2350, 3280, 4599, 5800, 7340, 8650, 12650, 15300, 23800, 36000])
    cents = rng.choice([0, 0, 50, 36, 88])
    amt = "%d.%02d" % (amt_v, cents) if rng.random() < 0.5 else "{:,}".format(amt_v)
    amt2 = str(rng.choice([500, 800, 1000, 1500, 2000, 3000, 3600]))
    last4 = rdig(rng, 4)
    card = rng.choice(["6222", "6217", "6228", "6230", "6214"]) + " **** **** " + rdig(rng, 4)
    card2 = rng.choice(["6222", "6217", "6228"]) + "****" + rdig(rng, 4)
    case = rng.choice(["CS", "HZ", "SZ", "AJ", "FW"]) + "%d%02d%02d" % (taken.year, taken.month, taken.day) + rdig(rng, 4)
    if rng.random() < 0.3:
        case = "(%d)网调字第%s号" % (taken.year, rdig(rng, 5))
    idm = rng.choice(["330106", "440304", "510107", "320102", "420111", "3301", "4403"])
    idm = idm + "*" * (18 - len(idm) - 4) + rdig(rng, 3) + rng.choice("0123456789X")
    dd = taken + DT.timedelta(days=rng.randint(1, 5))
    m = mobile(rng)
    return {
        "name": name, "sur": sur, "plat": plat, "amt": amt, "amt2": amt2, "days": str(rng.randint(3, 180)),
        "last4": last4, "card": card, "card2": card2, "case": case, "idm": idm,
        "ddate": "%d月%d日" % (dd.month, dd.day), "ddate_en": "%s %d" % (MON3[dd.month - 1], dd.day),
        "link": "https://%s/%s" % (rng.choice(DOMAINS), rcode(rng, rng.randint(5, 9))),
        "comp": rng.choice(COMPANIES), "firm": rng.choice(LAWFIRMS), "org": rng.choice(FAKE_ORGS),
        "agent": rng.choice(AGENTS), "wid": "A" + rdig(rng, 5), "bank": rng.choice(BANKS),
        "branch": rng.choice(["西湖", "福田", "天河", "武侯", "鼓楼", "江汉", "思明"]),
        "acct": sur + "某某" if rng.random() < 0.3 else rng.choice(COMPANIES)[:6] + "代收户",
        "phone": fmt_mobile(m, rng, rng.choice([0, 3])), "fee": "%d.%02d" % (rng.randint(30, 900), rng.randint(0, 99)),
        "svc": "95" + rdig(rng, 3), "loc": rng.choice(LOCS), "short": rdig(rng, 4),
    }


def fill(tpl, ctx, rng):
    c = dict(ctx)
    c["emo"] = rng.choice(EMO)
    return tpl.format(**c)


# ----------------------------------------------------------------------------
# conversation model
# ----------------------------------------------------------------------------
class Msg:
    def __init__(self, d, text, dt, nick=None):
        self.dir, self.text, self.dt, self.nick = d, text, dt, nick
        self.delivered = False


FORMAL = [t for t in IN_TPL if t.startswith("【") or t.startswith("{firm}") or t.startswith("我司")
          or t.startswith("再次") or t.startswith("还款")]


def pick_text(rng, pool, ctx, used, prev):
    """draw a text; long texts are not repeated in one thread, nothing repeats back to back"""
    for _ in range(30):
        t = fill(rng.choice(pool), ctx, rng)
        if t != prev and (len(t) <= 6 or t not in used):
            used.add(t)
            return t
    return t


def make_groups(rng, taken_at, n_msgs, ctx, kind, en=False, nicks=None, formal=False):
    """returns list of groups [(t0, [Msg...])] ascending, last group before taken_at"""
    groups = []
    used = set()
    prev_text = None
    left = n_msgs
    t = taken_at - DT.timedelta(minutes=rng.randint(40, 500))
    raw = []
    while left > 0:
        k = min(left, rng.choice([1, 2, 2, 3, 3, 4]))
        raw.append((t, k))
        left -= k
        gap = rng.choice([35, 80, 150, 300, 700, 1440, 1500, 2900, 4300, 8700, 14000])
        t = t - DT.timedelta(minutes=gap + rng.randint(0, 90))
        if t.hour < 7:
            t = (t - DT.timedelta(days=1)).replace(hour=rng.randint(19, 22))
    raw.reverse()
    # enforce strictly ascending
    prev = None
    for t0, k in raw:
        if prev and t0 <= prev:
            t0 = prev + DT.timedelta(minutes=rng.randint(20, 90))
        prev = t0 + DT.timedelta(minutes=15)
        msgs = []
        cur = t0
        for i in range(k):
            if i:
                cur = cur + DT.timedelta(minutes=rng.choice([0, 0, 1, 1, 2, 3]))
                if cur.date() != t0.date():
                    cur = t0
            incoming = (i == 0 and rng.random() < 0.75) or rng.random() < (0.75 if formal else 0.5)
            if kind == "wx":
                pool = WX_IN if incoming else WX_OUT
            elif incoming:
                pool = IN_TPL_EN if (en and rng.random() < 0.45) else (FORMAL if formal else IN_TPL)
            else:
                pool = OUT_TPL_EN if (en and rng.random() < 0.5) else OUT_TPL
            text = pick_text(rng, pool, ctx, used, prev_text)
            prev_text = text
            nick = rng.choice(nicks) if (nicks and incoming) else None
            msgs.append(Msg("in" if incoming else "out", text, cur, nick))
        groups.append((t0, msgs))
    assert groups[-1][1][-1].dt <= taken_at
    return groups


def items_sep_mode(groups):
    items = []
    for t0, msgs in groups:
        items.append(("sep", t0))
        for m in msgs:
            items.append(("msg", m))
    return items


def items_date_mode(groups):
    items = []
    last_date = None
    for t0, msgs in groups:
        if t0.date() != last_date:
            items.append(("sep", t0))
            last_date = t0.date()
        for m in msgs:
            items.append(("msg", m))
    return items


# ----------------------------------------------------------------------------
# status bars / nav
# ----------------------------------------------------------------------------
def draw_signal(c, x, ybot, s, fg, bars=4, dim=(150, 150, 150)):
    w = 7 * s
    g = 3.5 * s
    for i in range(4):
        h = (9 + 6 * i) * s
        c.rrect([x + i * (w + g), ybot - h, x + i * (w + g) + w, ybot], 2 * s,
                fill=fg if i < bars else dim)
    return x + 4 * (w + g)


def draw_wifi(c, x, ybot, s, fg):
    r = 26 * s
    cx = x + r
    c.d.pieslice([cx - r, ybot - r, cx + r, ybot + r], 225, 315, fill=fg)
    return x + 2 * r


def draw_battery(c, x, ycen, s, fg, level, bg):
    w, h = 50 * s, 25 * s
    c.rrect([x, ycen - h / 2, x + w, ycen + h / 2], 6 * s, outline=fg, width=max(2, int(2.5 * s)))
    inner = (w - 8 * s) * level / 100.0
    c.rrect([x + 4 * s, ycen - h / 2 + 4 * s, x + 4 * s + inner, ycen + h / 2 - 4 * s], 3 * s, fill=fg)
    c.rrect([x + w + 2 * s, ycen - 5 * s, x + w + 6 * s, ycen + 5 * s], 2 * s, fill=fg)
    return x + w + 6 * s


def status_android(c, s, dark, taken_at, style, rng):
    W = c.W
    fg = (240, 240, 240) if dark else (20, 20, 20)
    h = round(100 * s)
    base = round(h * 0.68)
    tsize = round(36 * s)
    tstr_ = hm24(taken_at)
    level = rng.randint(12, 100)
    if style == "emui":
        x = round(48 * s)
        carriers = rng.choice([["中国移动"], ["中国联通"], ["中国移动", "中国电信"], ["中国电信"], ["中国移动", "中国联通"]])
        for cr in carriers:
            bb = c.text(x, base, cr, round(31 * s), fg, "status")
            x = bb[2] + round(18 * s)
        if rng.random() < 0.5:
            for _ in range(rng.randint(1, 3)):
                c.rrect([x, base - 30 * s, x + 30 * s, base], 7 * s, fill=fg)
                x += 44 * s
        bb = c.text(W - round(48 * s), base, tstr_, tsize, fg, "status", anchor="rs")
        xr = bb[0] - round(20 * s)
        xb = xr - 62 * s
        draw_battery(c, xb, base - 14 * s, s, fg, level, None)
        bb = c.text(xb - 8 * s, base, "%d%%" % level, round(27 * s), fg, "status", anchor="rs")
        xw = bb[0] - 70 * s
        draw_wifi(c, xw, base, s, fg)
        draw_signal(c, xw - 60 * s, base, s, fg, rng.randint(2, 4))
        if rng.random() < 0.5:
            c.text(xw - 72 * s, base - 12 * s, "HD", round(20 * s), fg, "status", bold=True, anchor="rs")
    else:
        x = round(56 * s)
        bb = c.text(x, base, tstr_, tsize, fg, "status", bold=rng.random() < 0.5)
        x = bb[2] + round(26 * s)
        for _ in range(rng.randint(0, 3)):
            c.ellipse([x, base - 30 * s, x + 30 * s, base], fill=fg)
            x += 44 * s
        xb = W - round(56 * s) - 56 * s
        draw_battery(c, xb, base - 14 * s, s, fg, level, None)
        if rng.random() < 0.6:
            bb = c.text(xb - 10 * s, base, "%d" % level, round(28 * s), fg, "status", anchor="rs")
            xe = bb[0]
        else:
            xe = xb
        xw = xe - 72 * s
        draw_wifi(c, xw, base, s, fg)
        xs = xw - 62 * s
        draw_signal(c, xs, base, s, fg, rng.randint(2, 4))
        if rng.random() < 0.6:
            c.text(xs - 8 * s, base, rng.choice(["5G", "4G", "5G"]), round(26 * s), fg, "status", bold=True,
                   anchor="rs")
    return h


def status_ios(c, s, dark, taken_at, en, rng):
    W = c.W
    fg = (255, 255, 255) if dark else (0, 0, 0)
    h = round(141 * s)
    base = round(86 * s)
    if en:
        t = "%d:%02d" % (taken_at.hour % 12 or 12, taken_at.minute)
    else:
        t = "%d:%02d" % (taken_at.hour, taken_at.minute)
    c.text(round(0.165 * W), base, t, round(49 * s), fg, "status", bold=True, anchor="ms")
    if W >= 1179:
        c.rrect([W / 2 - 185 * s, 33 * s, W / 2 + 185 * s, 141 * s - 24 * s], 56 * s, fill=(0, 0, 0))
    else:
        c.rrect([W / 2 - 240 * s, -60 * s, W / 2 + 240 * s, 92 * s], 60 * s, fill=(0, 0, 0))
    level = rng.randint(12, 100)
    xb = W - round(60 * s) - 70 * s
    c.rrect([xb, base - 34 * s, xb + 68 * s, base - 2 * s], 10 * s, fill=(fg if level > 20 else (230, 60, 50)))
    c.rrect([xb + 71 * s, base - 24 * s, xb + 76 * s, base - 12 * s], 2 * s, fill=fg)
    c.text(xb + 34 * s, base - 7 * s, str(level), round(26 * s), (0, 0, 0) if dark else (255, 255, 255),
           "status", bold=True, anchor="ms")
    xw = xb - 70 * s
    if rng.random() < 0.65:
        draw_wifi(c, xw + 6 * s, base - 4 * s, s, fg)
        xs = xw - 70 * s
    else:
        c.text(xw + 50 * s, base - 4 * s, "5G", round(32 * s), fg, "status", bold=True, anchor="rs")
        xs = xw - 70 * s
    draw_signal(c, xs, base - 4 * s, s * 1.1, fg, rng.randint(2, 4))
    return h


def nav_android(c, s, dark, rng):
    W, H = c.W, c.H
    fg = (200, 200, 200) if dark else (30, 30, 30)
    c.rrect([W / 2 - 140 * s, H - 34 * s, W / 2 + 140 * s, H - 22 * s], 6 * s, fill=fg)
    return round(60 * s)


def nav_ios(c, s, dark):
    W, H = c.W, c.H
    fg = (240, 240, 240) if dark else (0, 0, 0)
    c.rrect([W / 2 - 210 * s, H - 32 * s, W / 2 + 210 * s, H - 17 * s], 8 * s, fill=fg)
    return round(68 * s)


def chevron(c, x, y, size, color, width, left=True):
    if left:
        c.line([(x + size * 0.5, y - size), (x, y), (x + size * 0.5, y + size)], color, width)
    else:
        c.line([(x, y - size), (x + size * 0.5, y), (x, y + size)], color, width)


# ----------------------------------------------------------------------------
# SMS (Android)
# ----------------------------------------------------------------------------
SMS_ANDROID = {
    "huawei_sms": dict(status="emui", own="under", sim=False, title="left", sub=True,
                       light=dict(bg=(255, 255, 255), inb=(241, 243, 245), outb=(0, 125, 255), it=(25, 25, 25),
                                  ot=(255, 255, 255)),
                       darkc=dict(bg=(0, 0, 0), inb=(38, 38, 38), outb=(10, 89, 247), it=(230, 230, 230),
                                  ot=(255, 255, 255)),
                       placeholder="短信", sep=dict(date_only=True, md_wd=True)),
    "honor_sms": dict(status="emui", own="under", sim=True, title="left", sub=True,
                      light=dict(bg=(241, 243, 245), inb=(255, 255, 255), outb=(37, 111, 255), it=(20, 20, 20),
                                 ot=(255, 255, 255)),
                      darkc=dict(bg=(0, 0, 0), inb=(43, 43, 43), outb=(31, 95, 224), it=(228, 228, 228),
                                 ot=(255, 255, 255)),
                      placeholder="短信", sep=dict(date_only=True, md_wd=False)),
    "vivo_sms": dict(status="std", own="beside", sim=False, title="center", sub=False,
                     light=dict(bg=(255, 255, 255), inb=(242, 242, 242), outb=(69, 111, 255), it=(20, 20, 20),
                                ot=(255, 255, 255)),
                     darkc=dict(bg=(15, 15, 15), inb=(38, 38, 38), outb=(58, 95, 217), it=(225, 225, 225),
                                ot=(255, 255, 255)),
                     placeholder="输入信息", sep=dict(date_only=False, today_prefix=False)),
    "xiaomi_sms": dict(status="std", own=None, sim=False, title="left", sub=True,
                       light=dict(bg=(247, 247, 247), inb=(255, 255, 255), outb=(52, 130, 255), it=(20, 20, 20),
                                  ot=(255, 255, 255)),
                       darkc=dict(bg=(0, 0, 0), inb=(31, 31, 31), outb=(47, 111, 224), it=(225, 225, 225),
                                  ot=(255, 255, 255)),
                       placeholder="短信", sep=dict(date_only=False, today_prefix=False)),
    "oppo_sms": dict(status="std", own=None, sim=False, title="center", sub=False,
                     light=dict(bg=(255, 255, 255), inb=(240, 240, 240), outb=(42, 174, 103), it=(20, 20, 20),
                                ot=(255, 255, 255)),
                     darkc=dict(bg=(0, 0, 0), inb=(38, 38, 38), outb=(35, 146, 90), it=(225, 225, 225),
                                ot=(255, 255, 255)),
                     placeholder="输入短信", sep=dict(date_only=False, today_prefix=True)),
}


class Shot:
    """common state of one screenshot"""

    def __init__(self, layout, W, H, dark, taken_at, rng):
        self.layout, self.W, self.H, self.dark, self.taken_at, self.rng = layout, W, H, dark, taken_at, rng
        self.taken = taken_at.date()
        self.records = []


def iso(dt):
    return None if dt is None else dt.strftime("%Y-%m-%dT%H:%M:00+08:00")


def layout_window(heights, top, bottom, start):
    """indices drawn from start while they fit"""
    y = top
    out = []
    for i in range(start, len(heights)):
        if y + heights[i] > bottom:
            break
        out.append(i)
        y += heights[i]
    return out


def choose_window(heights, top, bottom, mode, start):
    """mode: 'start' -> from index start top-aligned; 'end' -> bottom aligned end of thread"""
    if mode == "end":
        tot = 0
        i = len(heights)
        while i > 0 and tot + heights[i - 1] <= bottom - top:
            tot += heights[i - 1]
            i -= 1
        if i == 0:  # whole thread fits: it starts at the top like a short thread does
            return list(range(len(heights))), top
        return list(range(i, len(heights))), bottom - tot
    idx = layout_window(heights, top, bottom, start)
    return idx, top


class ChatRenderer:
    """shared logic: items -> heights -> draw window -> records"""
    own_time = False

    def run(self, items, mode, start):
        hs = [self.h_item(it, items, k) for k, it in enumerate(items)]
        idx, y = choose_window(hs, self.top, self.bottom, mode, start)
        assert idx, "nothing fits"
        cur_sep = None
        drawn_msgs = []
        for i in idx:
            it = items[i]
            self.draw_item(it, items, i, y)
            if it[0] == "sep":
                cur_sep = it[1]
            elif it[0] == "msg":
                m = it[1]
                if cur_sep is None:
                    occ = None
                elif self.own_time:
                    occ = DT.datetime.combine(cur_sep.date(), DT.time(m.dt.hour, m.dt.minute))
                else:
                    occ = cur_sep
                self.shot.records.append({
                    "kind": self.kind, "sender": self.sender_of(m), "occurred_at": iso(occ),
                    "direction": m.dir, "text": m.text, "call_type": None, "duration_seconds": None})
                drawn_msgs.append(i)
            y += hs[i]
        return idx, drawn_msgs


class SmsAndroid(ChatRenderer):
    kind = "sms"

    def __init__(self, shot, conv):
        self.shot, self.conv = shot, conv
        st = SMS_ANDROID[shot.layout]
        self.st = st
        self.col = st["darkc"] if shot.dark else st["light"]
        W, H = shot.W, shot.H
        self.s = s = W / 1080.0
        rng = random.Random(conv["style_seed"])  # phone settings: same for both shots of a pair
        self.c = c = Canvas(W, H, self.col["bg"])
        self.own_time = st["own"] is not None
        self.grey = (130, 130, 130) if shot.dark else (140, 140, 140)
        fg = (235, 235, 235) if shot.dark else (20, 20, 20)
        sb = status_android(c, s, shot.dark, shot.taken_at, st["status"], rng)
        # header
        hh = round(190 * s)
        cy = sb + hh * 0.5
        chevron(c, 48 * s, cy, 24 * s, fg, 5 * s)
        title = conv["header"]
        tsize = round(rng.choice([50, 54, 56]) * s)
        if st["title"] == "left":
            x0 = round(130 * s)
            anc = "ls"
        else:
            x0 = W / 2
            anc = "ms"
        if st["sub"] and conv.get("sub"):
            c.text(x0, cy - 4 * s, title, tsize, fg, "header_title", anchor=anc)
            c.text(x0, cy + 50 * s, conv["sub"], round(32 * s), self.grey, "header_sub", anchor=anc)
        else:
            c.text(x0, cy + tsize * 0.36, title, tsize, fg, "header_title", anchor=anc)
        # right icons: phone + menu dots
        c.rrect([W - 200 * s, cy - 24 * s, W - 160 * s, cy + 24 * s], 10 * s, outline=fg, width=int(4 * s))
        for k in range(3):
            c.ellipse([W - 72 * s, cy - 30 * s + k * 24 * s, W - 62 * s, cy - 20 * s + k * 24 * s], fill=fg)
        if rng.random() < 0.5:
            c.line([(0, sb + hh), (W, sb + hh)], (40, 40, 40) if shot.dark else (228, 228, 228), max(1, int(2 * s)))
        # input bar
        nav = nav_android(c, s, shot.dark, rng)
        ib_h = round(150 * s)
        ib_top = H - nav - ib_h
        fieldc = (30, 30, 30) if shot.dark else ((255, 255, 255) if self.col["bg"] != (255, 255, 255) else (243, 243, 243))
        c.rrect([130 * s, ib_top + 25 * s, W - 150 * s, ib_top + ib_h - 25 * s], 50 * s, fill=fieldc)
        c.text(130 * s + 44 * s, ib_top + ib_h / 2 + 14 * s, st["placeholder"], round(40 * s), self.grey,
               "placeholder")
        c.ellipse([40 * s, ib_top + ib_h / 2 - 34 * s, 108 * s, ib_top + ib_h / 2 + 34 * s], outline=fg,
                  width=int(4 * s))
        c.line([(60 * s, ib_top + ib_h / 2), (88 * s, ib_top + ib_h / 2)], fg, 4 * s)
        c.line([(74 * s, ib_top + ib_h / 2 - 14 * s), (74 * s, ib_top + ib_h / 2 + 14 * s)], fg, 4 * s)
        c.ellipse([W - 118 * s, ib_top + ib_h / 2 - 38 * s, W - 42 * s, ib_top + ib_h / 2 + 38 * s],
                  fill=(90, 90, 90) if shot.dark else (200, 200, 200))
        self.top = sb + hh + round(16 * s)
        self.bottom = ib_top - round(16 * s)
        self.fsize = min(60, round(rng.choice([44, 46, 48, 50]) * s))
        self.sepsize = round(31 * s)
        self.tsize = round(29 * s)
        self.margin = round(44 * s)
        self.padx, self.pady = round(36 * s), round(24 * s)
        self.lh = round(self.fsize * 1.38)
        maxb = W * 0.72
        if st["own"] == "beside":
            maxb = W - 2 * self.margin - tw("下午12:59", self.tsize) - 40 * s
        self.maxtext = maxb - 2 * self.padx
        self.sep_st = dict(st["sep"])
        self.sep_st["h12"] = rng.random() < 0.3
        self.sep_st["wd"] = rng.choice(["星期", "周"])
        self.own_st = {"h12": self.sep_st["h12"] if not st["sep"]["date_only"] else rng.random() < 0.35}
        self.gap = round(26 * s)

    def sender_of(self, m):
        return self.conv["sender"]

    def sep_text(self, it):
        if self.sep_st.get("date_only"):
            return date_sep_label(it[1].date(), self.shot.taken, self.sep_st)
        return sep_label(it[1], self.shot.taken, self.sep_st)

    def own_text(self, m):
        t = tstr(m.dt, self.own_st)
        if self.st["sim"]:
            t = self.conv["sim"] + " " + t
        return t

    def h_item(self, it, items, k):
        s = self.s
        if it[0] == "sep":
            return round(40 * s) + self.sepsize + round(28 * s)
        m = it[1]
        n = len(wrap(m.text, self.fsize, self.maxtext))
        h = n * self.lh + 2 * self.pady + self.gap
        if self.st["own"] == "under":
            h += round(48 * s)
        return h

    def draw_item(self, it, items, k, y):
        c, s, W = self.c, self.s, self.shot.W
        if it[0] == "sep":
            c.text(W / 2, y + round(40 * s) + self.sepsize * 0.86, self.sep_text(it), self.sepsize, self.grey,
                   "separator", anchor="ms")
            return
        m = it[1]
        lines = wrap(m.text, self.fsize, self.maxtext)
        wmax = max(tw(l.rstrip(" "), self.fsize) for l in lines)
        bw = wmax + 2 * self.padx
        bh = len(lines) * self.lh + 2 * self.pady
        y0 = y + self.gap
        if m.dir == "in":
            x0 = self.margin
            fill, tc = self.col["inb"], self.col["it"]
        else:
            x0 = W - self.margin - bw
            fill, tc = self.col["outb"], self.col["ot"]
        c.rrect([x0, y0, x0 + bw, y0 + bh], min(40 * s, bh / 2), fill=fill, role="bubble")
        for li, l in enumerate(lines):
            base = y0 + self.pady + li * self.lh + (self.lh - self.fsize) / 2 + self.fsize * 0.88
            c.text(x0 + self.padx, base, l, self.fsize, tc, "msg")
        if self.st["own"] == "under":
            if m.dir == "in":
                c.text(x0 + 8 * s, y0 + bh + 44 * s, self.own_text(m), self.tsize, self.grey, "own_time")
            else:
                c.text(x0 + bw - 8 * s, y0 + bh + 44 * s, self.own_text(m), self.tsize, self.grey, "own_time",
                       anchor="rs")
        elif self.st["own"] == "beside":
            if m.dir == "in":
                c.text(x0 + bw + 16 * s, y0 + bh - 8 * s, self.own_text(m), self.tsize, self.grey, "own_time")
            else:
                c.text(x0 - 16 * s, y0 + bh - 8 * s, self.own_text(m), self.tsize, self.grey, "own_time",
                       anchor="rs")


# ----------------------------------------------------------------------------
# SMS (iPhone)
# ----------------------------------------------------------------------------
class SmsIphone(ChatRenderer):
    kind = "sms"

    def __init__(self, shot, conv):
        self.shot, self.conv = shot, conv
        self.en = shot.layout == "iphone_sms_en"
        dark = shot.dark
        W, H = shot.W, shot.H
        self.s = s = W / 1170.0
        rng = random.Random(conv["style_seed"])  # phone settings: same for both shots of a pair
        bg = (0, 0, 0) if dark else (255, 255, 255)
        self.c = c = Canvas(W, H, bg)
        self.grey = (142, 142, 147) if not dark else (152, 152, 157)
        fg = (255, 255, 255) if dark else (0, 0, 0)
        blue = (10, 132, 255) if dark else (0, 122, 255)
        self.inb = (38, 38, 41) if dark else (233, 233, 235)
        self.it = (255, 255, 255) if dark else (0, 0, 0)
        self.outb = (48, 185, 77) if dark else (52, 199, 89)
        hb = (22, 22, 24) if dark else (247, 247, 247)
        hh = round(300 * s)
        sbh = round(141 * s)
        c.rrect([0, 0, W, sbh + hh], 0, fill=hb)
        status_ios(c, s, dark, shot.taken_at, self.en, rng)
        c.line([(0, sbh + hh), (W, sbh + hh)], (50, 50, 52) if dark else (216, 216, 220), max(1, int(2 * s)))
        cyb = sbh + 80 * s
        chevron(c, 36 * s, cyb, 30 * s, blue, 7 * s)
        if rng.random() < 0.55:
            c.text(80 * s, cyb + 18 * s, str(rng.randint(1, 99)), round(48 * s), blue, "header_badge")
        c.rrect([W - 110 * s, cyb - 22 * s, W - 58 * s, cyb + 22 * s], 10 * s, outline=blue, width=int(5 * s))
        ar = 70 * s
        acx, acy = W / 2, sbh + 95 * s
        avc = (90, 90, 95) if dark else (168, 172, 184)
        c.ellipse([acx - ar, acy - ar, acx + ar, acy + ar], fill=avc, role="avatar")
        c.ellipse([acx - 24 * s, acy - 40 * s, acx + 24 * s, acy + 8 * s], fill=(235, 235, 240))
        c.d.chord([acx - 48 * s, acy + 14 * s, acx + 48 * s, acy + 104 * s], 180, 360, fill=(235, 235, 240))
        c.ellipse([acx - ar, acy - ar, acx + ar, acy + ar], outline=hb, width=int(2 * s))
        # crop bottom of silhouette by redrawing outside ring
        nb = c.text(W / 2, sbh + 226 * s, conv["header"], round(34 * s), fg, "header_title", anchor="ms")
        chevron(c, nb[2] + 10 * s, sbh + 214 * s, 11 * s, self.grey, 4 * s, left=False)
        # input bar
        nav = nav_ios(c, s, dark)
        ib_h = round(130 * s)
        ib_top = H - nav - ib_h - 20 * s
        fieldo = (60, 60, 62) if dark else (200, 200, 204)
        c.ellipse([30 * s, ib_top + 18 * s, 124 * s, ib_top + 112 * s], fill=(44, 44, 46) if dark else (233, 233, 235))
        c.line([(58 * s, ib_top + 65 * s), (96 * s, ib_top + 65 * s)], self.grey, 6 * s)
        c.line([(77 * s, ib_top + 46 * s), (77 * s, ib_top + 84 * s)], self.grey, 6 * s)
        c.rrect([150 * s, ib_top + 18 * s, W - 36 * s, ib_top + 112 * s], 47 * s, outline=fieldo, width=int(3 * s))
        c.text(190 * s, ib_top + 82 * s, "Text Message" if self.en else "短信/彩信", round(48 * s), self.grey,
               "placeholder")
        c.rrect([W - 100 * s, ib_top + 40 * s, W - 80 * s, ib_top + 80 * s], 10 * s, fill=self.grey)
        self.top = sbh + hh + round(10 * s)
        self.bottom = ib_top - round(10 * s)
        self.fsize = min(60, round(rng.choice([49, 51, 53]) * s))
        self.lh = round(self.fsize * 1.3)
        self.padx, self.pady = round(38 * s), round(20 * s)
        self.margin = round(34 * s)
        self.maxtext = W * 0.72 - 2 * self.padx
        self.sepsize = round(33 * s)
        self.sep_st = {"en": self.en, "h12": (not self.en) and rng.random() < 0.35, "ios": True,
                       "today_prefix": True, "wd": "星期", "md_wd": rng.random() < 0.6}
        if self.sep_st["md_wd"]:
            self.sep_st["wd"] = "周"

    def sender_of(self, m):
        return self.conv["sender"]

    def h_item(self, it, items, k):
        s = self.s
        if it[0] == "label":
            return round(36 * s) + self.sepsize
        if it[0] == "sep":
            top = round(12 * s) if (k > 0 and items[k - 1][0] == "label") else round(44 * s)
            return top + self.sepsize + round(10 * s)
        m = it[1]
        n = len(wrap(m.text, self.fsize, self.maxtext))
        prev = items[k - 1] if k > 0 else None
        gap = round(8 * s) if (prev and prev[0] == "msg" and prev[1].dir == m.dir) else round(26 * s)
        h = gap + n * self.lh + 2 * self.pady
        if m.delivered:
            h += round(52 * s)
        return h

    def draw_item(self, it, items, k, y):
        c, s, W = self.c, self.s, self.shot.W
        if it[0] == "label":
            c.text(W / 2, y + round(36 * s) + self.sepsize * 0.86, "Text Message" if self.en else "短信/彩信",
                   self.sepsize, self.grey, "label", anchor="ms")
            return
        if it[0] == "sep":
            top = round(12 * s) if (k > 0 and items[k - 1][0] == "label") else round(44 * s)
            c.text(W / 2, y + top + self.sepsize * 0.86, sep_label(it[1], self.shot.taken, self.sep_st),
                   self.sepsize, self.grey, "separator", anchor="ms")
            return
        m = it[1]
        prev = items[k - 1] if k > 0 else None
        gap = round(8 * s) if (prev and prev[0] == "msg" and prev[1].dir == m.dir) else round(26 * s)
        lines = wrap(m.text, self.fsize, self.maxtext)
        bw = max(tw(l.rstrip(" "), self.fsize) for l in lines) + 2 * self.padx
        bh = len(lines) * self.lh + 2 * self.pady
        y0 = y + gap
        if m.dir == "in":
            x0 = self.margin
            fill, tc = self.inb, self.it
        else:
            x0 = W - self.margin - bw
            fill, tc = self.outb, (255, 255, 255)
        r = min(54 * s, bh / 2)
        c.rrect([x0, y0, x0 + bw, y0 + bh], r, fill=fill, role="bubble")
        for li, l in enumerate(lines):
            base = y0 + self.pady + li * self.lh + (self.lh - self.fsize) / 2 + self.fsize * 0.88
            c.text(x0 + self.padx, base, l, self.fsize, tc, "msg")
        if m.delivered:
            c.text(x0 + bw - 10 * s, y0 + bh + 42 * s, "Delivered" if self.en else "已送达", round(32 * s),
                   self.grey, "delivered", bold=True, anchor="rs")


# ----------------------------------------------------------------------------
# WeChat
# ----------------------------------------------------------------------------
class Wechat(ChatRenderer):
    kind = "im"

    def __init__(self, shot, conv):
        self.shot, self.conv = shot, conv
        dark = shot.dark
        W, H = shot.W, shot.H
        self.ios = W in (1170, 1179, 1290)
        self.s = s = W / (1170.0 if self.ios else 1080.0)
        rng = random.Random(conv["style_seed"])  # phone settings: same for both shots of a pair
        self.bg = bg = (17, 17, 17) if dark else (237, 237, 237)
        self.c = c = Canvas(W, H, bg)
        fg = (213, 213, 213) if dark else (25, 25, 25)
        self.grey = (120, 120, 120) if dark else (160, 160, 160)
        if self.ios:
            sbh = status_ios(c, s, dark, shot.taken_at, False, rng)
        else:
            sbh = status_android(c, s, dark, shot.taken_at, "std", rng)
        hh = round(140 * s)
        cy = sbh + hh / 2
        chevron(c, 40 * s, cy, 26 * s, fg, 5 * s)
        c.text(W / 2, cy + 17 * s, conv["header"], round(48 * s), fg, "header_title", bold=True, anchor="ms")
        for k in range(3):
            c.ellipse([W - 110 * s + k * 26 * s, cy - 6 * s, W - 98 * s + k * 26 * s, cy + 6 * s], fill=fg)
        c.line([(0, sbh + hh), (W, sbh + hh)], (32, 32, 32) if dark else (222, 222, 222), max(1, int(2 * s)))
        nav = nav_ios(c, s, dark) if self.ios else nav_android(c, s, dark, rng)
        ib_h = round(150 * s)
        ib_top = H - nav - ib_h - (16 * s if self.ios else 0)
        c.rrect([0, ib_top, W, H], 0, fill=(30, 30, 30) if dark else (247, 247, 247))
        if self.ios:
            nav_ios(c, s, dark)
        else:
            nav_android(c, s, dark, rng)
        c.line([(0, ib_top), (W, ib_top)], (40, 40, 40) if dark else (220, 220, 220), max(1, int(2 * s)))
        ic = (200, 200, 200) if dark else (25, 25, 25)
        cyi = ib_top + ib_h / 2
        c.ellipse([30 * s, cyi - 36 * s, 102 * s, cyi + 36 * s], outline=ic, width=int(4 * s))
        c.rrect([128 * s, cyi - 50 * s, W - 250 * s, cyi + 50 * s], 10 * s, fill=(44, 44, 44) if dark else (255, 255, 255))
        c.ellipse([W - 218 * s, cyi - 36 * s, W - 146 * s, cyi + 36 * s], outline=ic, width=int(4 * s))
        c.ellipse([W - 118 * s, cyi - 36 * s, W - 46 * s, cyi + 36 * s], outline=ic, width=int(4 * s))
        c.line([(W - 100 * s, cyi), (W - 64 * s, cyi)], ic, 4 * s)
        c.line([(W - 82 * s, cyi - 18 * s), (W - 82 * s, cyi + 18 * s)], ic, 4 * s)
        self.top = sbh + hh + round(10 * s)
        self.bottom = ib_top - round(10 * s)
        self.fsize = min(60, round(rng.choice([46, 48, 50]) * s))
        self.lh = round(self.fsize * 1.36)
        self.av = round(116 * s)
        self.avx = round(28 * s)
        self.padx, self.pady = round(30 * s), round(24 * s)
        self.bx_in = self.avx + self.av + round(22 * s)
        self.maxtext = W * 0.64 - 2 * self.padx
        self.sepsize = round(32 * s)
        self.nsize = round(30 * s)
        self.sep_st = {"h12": rng.random() < 0.3, "today_prefix": False, "wd": "星期"}
        self.group = conv["group"]
        self.avcol = {}
        self.my_av = rng.choice([(80, 120, 160), (200, 150, 90), (120, 160, 110)])

    def sender_of(self, m):
        if self.group and m.dir == "in":
            return m.nick
        return self.conv["sender"]

    def h_item(self, it, items, k):
        s = self.s
        if it[0] in ("sep", "recall", "system"):
            return round(44 * s) + self.sepsize + round(20 * s)
        m = it[1]
        n = len(wrap(m.text, self.fsize, self.maxtext))
        bh = max(n * self.lh + 2 * self.pady, self.av)
        h = round(30 * s) + bh
        if self.group and m.dir == "in":
            h += round(44 * s)
        return h

    def avatar_color(self, key):
        if key not in self.avcol:
            pal = [(230, 126, 34), (52, 152, 219), (155, 89, 182), (231, 76, 60), (22, 160, 133), (127, 140, 141)]
            self.avcol[key] = pal[len(self.avcol) % len(pal)]
        return self.avcol[key]

    def draw_item(self, it, items, k, y):
        c, s, W = self.c, self.s, self.shot.W
        if it[0] == "sep":
            c.text(W / 2, y + round(44 * s) + self.sepsize * 0.86, sep_label(it[1], self.shot.taken, self.sep_st),
                   self.sepsize, self.grey, "separator", anchor="ms")
            return
        if it[0] in ("recall", "system"):
            c.text(W / 2, y + round(44 * s) + self.sepsize * 0.86, it[1], self.sepsize, self.grey, it[0],
                   anchor="ms")
            return
        m = it[1]
        lines = wrap(m.text, self.fsize, self.maxtext)
        bw = max(tw(l.rstrip(" "), self.fsize) for l in lines) + 2 * self.padx
        bh = len(lines) * self.lh + 2 * self.pady
        y0 = y + round(30 * s)
        dark = self.shot.dark
        if m.dir == "in":
            ay = y0
            key = m.nick if self.group else self.conv["header"]
            col = self.avatar_color(key)
            c.rrect([self.avx, ay, self.avx + self.av, ay + self.av], 10 * s, fill=col, role="avatar")
            ch = key[0] if not self.group else key[0]
            c.text(self.avx + self.av / 2, ay + self.av / 2 + 17 * s, ch, round(48 * s), (255, 255, 255),
                   "avatar_text", anchor="ms")
            if self.group:
                c.text(self.bx_in + 4 * s, y0 + 30 * s, m.nick, self.nsize, self.grey, "nickname")
                y0 += round(44 * s)
            x0 = self.bx_in
            fill = (44, 44, 44) if dark else (255, 255, 255)
            tc = (213, 213, 213) if dark else (25, 25, 25)
            c.rrect([x0, y0, x0 + bw, y0 + bh], 10 * s, fill=fill, role="bubble")
            c.poly([(x0, y0 + 40 * s), (x0 - 14 * s, y0 + 54 * s), (x0, y0 + 68 * s)], fill)
        else:
            ax = W - self.avx - self.av
            c.rrect([ax, y0, ax + self.av, y0 + self.av], 10 * s, fill=self.my_av, role="avatar")
            c.ellipse([ax + 30 * s, y0 + 22 * s, ax + self.av - 30 * s, y0 + 78 * s], fill=(240, 240, 240))
            x1 = ax - round(22 * s)
            x0 = x1 - bw
            fill = (62, 181, 117) if dark else (149, 236, 105)
            tc = (18, 18, 18) if dark else (20, 20, 20)
            c.rrect([x0, y0, x1, y0 + bh], 10 * s, fill=fill, role="bubble")
            c.poly([(x1, y0 + 40 * s), (x1 + 14 * s, y0 + 54 * s), (x1, y0 + 68 * s)], fill)
        for li, l in enumerate(lines):
            base = y0 + self.pady + li * self.lh + (self.lh - self.fsize) / 2 + self.fsize * 0.88
            c.text(x0 + self.padx, base, l, self.fsize, tc, "msg")


# ----------------------------------------------------------------------------
# call logs
# ----------------------------------------------------------------------------
def dur_cn(sec):
    m, s_ = divmod(sec, 60)
    if m >= 60:
        h, m = divmod(m, 60)
        return "%d小时%d分%d秒" % (h, m, s_)
    if m:
        return "%d分%d秒" % (m, s_)
    return "%d秒" % s_


def call_time_android(dt, taken, st):
    delta = (taken - dt.date()).days
    t = hm24(dt)
    if delta == 0:
        return t
    if delta == 1:
        return "昨天 " + t
    if 2 <= delta <= 6 and st.get("weekday"):
        return st.get("wd", "星期") + WD[dt.weekday()] + " " + t
    if dt.year == taken.year:
        return ("%d月%d日 " % (dt.month, dt.day)) + t if st.get("cn_date") else ("%02d-%02d " % (dt.month, dt.day)) + t
    return "%d/%02d/%02d %s" % (dt.year, dt.month, dt.day, t)


def call_time_iphone(dt, taken, en, h12):
    """returns (label, has_time)"""
    delta = (taken - dt.date()).days
    if delta == 0:
        if en:
            return hm12en(dt), True
        return (hm12cn(dt, ios=True) if h12 else hm24(dt)), True
    if delta == 1:
        return ("Yesterday" if en else "昨天"), False
    if 2 <= delta <= 6:
        return (WD_EN[dt.weekday()] if en else "星期" + WD[dt.weekday()]), False
    if en:
        return "%d/%d/%02d" % (dt.month, dt.day, dt.year % 100), False
    return "%d/%d/%d" % (dt.year, dt.month, dt.day), False


def make_calls(rng, taken_at, n, en=False, iphone=False):
    parties = []
    for _ in range(rng.randint(3, 6)):
        r = rng.random()
        if r < 0.45:
            m = mobile(rng)
            parties.append((fmt_mobile(m, rng, rng.choice([0, 1, 1, 2])), m, rng.choice(LOCS) + " " + rng.choice(CARRIERS)))
        elif r < 0.65:
            a, num = landline(rng)
            parties.append(("%s-%s %s" % (a, num[:4], num[4:]) if rng.random() < 0.6 else a + num, a + num,
                            rng.choice(LOCS)))
        elif r < 0.78:
            v = "95" + rdig(rng, 3)
            parties.append((v, v, "客服热线" if not en else "unknown"))
        else:
            nm = rng.choice(["速借宝催收", "易分期客服", "王律师", "妈妈", "老婆", "张伟", "快递", "李经理",
                             "金满仓法务", "公司前台"]) if not en else rng.choice(["Mom", "Loan Agent", "Lawyer Wang",
                                                                               "Zhang Wei", "Office"])
            parties.append((nm, nm, "手机" if not en else "mobile"))
    calls = []
    t = taken_at - DT.timedelta(minutes=rng.randint(2, 90))
    for _ in range(n):
        p = rng.choice(parties)
        r = rng.random()
        ctype = "missed" if r < 0.5 else ("incoming" if r < 0.75 else "outgoing")
        dur = None
        if ctype == "incoming":
            dur = rng.choice([rng.randint(3, 59), rng.randint(60, 400), rng.randint(400, 1500)])
        elif ctype == "outgoing":
            dur = None if rng.random() < 0.25 else rng.choice([rng.randint(2, 59), rng.randint(60, 600)])
        calls.append(dict(disp=p[0], truth=p[1], sub=p[2], type=ctype, dt=t, dur=dur,
                          count=rng.choice([2, 3, 4, 5, 6]) if rng.random() < 0.22 else None,
                          ring=rng.randint(1, 8)))
        gaps = [2, 4, 8, 15, 25, 40, 60] if iphone else [3, 8, 20, 45, 90, 180, 400, 900, 1500]
        t = t - DT.timedelta(minutes=rng.choice(gaps) + rng.randint(0, 40))
        if t.hour < 7:
            t = (t - DT.timedelta(days=1)).replace(hour=rng.randint(19, 22))
    return calls


CALL_ANDROID = {
    "huawei_calls": dict(status="emui", title="电话", search="搜索联系人", tabs=["电话", "联系人", "收藏"],
                         mode="icon_inout", dur=False, wd=True),
    "honor_calls": dict(status="emui", title="拨号", search="搜索", tabs=["拨号", "联系人", "收藏", "畅连"],
                        mode="icon_inout", dur=False, sim=True, wd=True),
    "xiaomi_calls": dict(status="std", title="通话记录", search="搜索联系人或号码", tabs=["拨号", "联系人", "营业厅"],
                         mode="label_xiaomi", dur=True, wd=False),
    "oppo_calls": dict(status="std", title="通话", search="搜索", tabs=["电话", "联系人", "收藏"],
                       mode="label_oppo", dur=True, wd=True),
    "vivo_calls": dict(status="std", title="电话", search="搜索联系人", tabs=["电话", "联系人", "黄页"],
                       mode="icon_all", dur=True, wd=True),
}


def icon_arrow(c, x, y, s, kind, color):
    """small call-type icon (phone handset + arrow) logged as shape"""
    c.rrect([x, y, x + 30 * s, y + 30 * s], 8 * s, outline=color, width=int(3 * s))
    if kind == "icon_out":
        c.poly([(x + 12 * s, y + 4 * s), (x + 28 * s, y + 4 * s), (x + 28 * s, y + 20 * s)], color, role=kind)
    elif kind == "icon_in":
        c.poly([(x + 2 * s, y + 10 * s), (x + 2 * s, y + 26 * s), (x + 18 * s, y + 26 * s)], color, role=kind)
    else:
        c.poly([(x + 4 * s, y + 6 * s), (x + 26 * s, y + 6 * s), (x + 15 * s, y + 24 * s)], color, role=kind)


def render_calls_android(shot, calls):
    st = CALL_ANDROID[shot.layout]
    W, H, dark, rng = shot.W, shot.H, shot.dark, shot.rng
    s = W / 1080.0
    bg = (0, 0, 0) if dark else (255, 255, 255)
    c = Canvas(W, H, bg)
    fg = (235, 235, 235) if dark else (20, 20, 20)
    grey = (140, 140, 140) if dark else (135, 135, 135)
    red = (235, 70, 60) if dark else (228, 45, 40)
    sb = status_android(c, s, dark, shot.taken_at, st["status"], rng)
    c.text(56 * s, sb + 150 * s, st["title"], round(84 * s), fg, "title", bold=True)
    for k in range(3):
        c.ellipse([W - 72 * s, sb + 70 * s + k * 24 * s, W - 62 * s, sb + 80 * s + k * 24 * s], fill=fg)
    sy = sb + 200 * s
    c.rrect([48 * s, sy, W - 48 * s, sy + 104 * s], 52 * s, fill=(38, 38, 38) if dark else (242, 242, 242))
    c.ellipse([88 * s, sy + 34 * s, 124 * s, sy + 70 * s], outline=grey, width=int(4 * s))
    c.text(150 * s, sy + 66 * s, st["search"], round(38 * s), grey, "placeholder")
    y = sy + 130 * s
    if shot.layout == "oppo_calls":
        c.rrect([W / 2 - 230 * s, y, W / 2 + 230 * s, y + 80 * s], 40 * s, fill=(38, 38, 38) if dark else (240, 240, 240))
        c.rrect([W / 2 - 226 * s, y + 4 * s, W / 2, y + 76 * s], 36 * s, fill=(70, 70, 70) if dark else (255, 255, 255))
        c.text(W / 2 - 113 * s, y + 53 * s, "全部", round(34 * s), fg, "segment", anchor="ms")
        c.text(W / 2 + 113 * s, y + 53 * s, "未接", round(34 * s), grey, "segment", anchor="ms")
        y += 110 * s
    nav = nav_android(c, s, dark, rng)
    tab_h = 170 * s
    tab_top = H - nav - tab_h
    c.line([(0, tab_top), (W, tab_top)], (40, 40, 40) if dark else (225, 225, 225), max(1, int(2 * s)))
    nt = len(st["tabs"])
    acc = (10, 89, 247)
    for i, tname in enumerate(st["tabs"]):
        cx = W * (i + 0.5) / nt
        col = acc if i == 0 else grey
        c.ellipse([cx - 26 * s, tab_top + 28 * s, cx + 26 * s, tab_top + 80 * s], outline=col, width=int(4 * s))
        c.text(cx, tab_top + 130 * s, tname, round(28 * s), col, "tab", anchor="ms")
    row_h = 200 * s
    bottom = tab_top - 8 * s
    nsize, ssize, tsize = round(48 * s), round(34 * s), round(34 * s)
    tst = {"weekday": st["wd"], "wd": rng.choice(["星期", "周"]), "cn_date": rng.random() < 0.5}
    sim = rng.choice(["卡1", "卡2"])
    for cl in calls:
        if y + row_h > bottom:
            break
        missed = cl["type"] == "missed"
        ncol = red if missed else fg
        xn = 56 * s
        nb = c.text(xn, y + 80 * s, cl["disp"], nsize, ncol, "call_name")
        if cl["count"]:
            c.text(nb[2] + 12 * s, y + 80 * s, "(%d)" % cl["count"], nsize, ncol if missed else grey, "counter")
        # sub line
        xs = xn
        by = y + 146 * s
        mode = st["mode"]
        if mode == "icon_inout" and not missed:
            icon_arrow(c, xs, by - 28 * s, s, "icon_out" if cl["type"] == "outgoing" else "icon_in", grey)
            xs += 44 * s
        if mode == "icon_all":
            kind = {"missed": "icon_missed", "incoming": "icon_in", "outgoing": "icon_out"}[cl["type"]]
            icon_arrow(c, xs, by - 28 * s, s, kind, red if missed else grey)
            xs += 44 * s
        if st.get("sim"):
            bb = c.text(xs + 8 * s, by, sim, round(24 * s), grey, "sim_tag")
            c.rrect([xs, bb[1] - 5 * s, bb[2] + 8 * s, bb[3] + 5 * s], 6 * s, outline=grey, width=max(1, int(2 * s)))
            xs = bb[2] + 26 * s
        dur_str = dur_cn(cl["dur"]) if (st["dur"] and cl["dur"] is not None and not missed) else None
        if mode == "label_oppo":
            lab = {"missed": "未接", "incoming": "呼入", "outgoing": "呼出"}[cl["type"]]
            bb = c.text(xs, by, lab, ssize, red if missed else grey, "call_label")
            xs = bb[2] + 18 * s
        bb = c.text(xs, by, cl["sub"], ssize, grey, "call_sub")
        xs = bb[2] + 22 * s
        if mode == "label_xiaomi":
            if missed:
                lab = "响铃%d声" % cl["ring"]
            elif cl["type"] == "incoming":
                lab = "呼入"
            else:
                lab = "呼出" if cl["dur"] is not None else "未接通"
            bb = c.text(xs, by, lab, ssize, red if missed else grey, "call_label")
            xs = bb[2] + 14 * s
            if dur_str:
                bb = c.text(xs, by, dur_str, ssize, grey, "call_duration")
        tl = call_time_android(cl["dt"], shot.taken, tst)
        if mode in ("label_oppo", "icon_all") and dur_str:
            c.text(W - 140 * s, y + 80 * s, tl, tsize, grey, "call_time", anchor="rs")
            c.text(W - 140 * s, by, dur_str, round(30 * s), grey, "call_duration", anchor="rs")
        else:
            c.text(W - 140 * s, y + 114 * s, tl, tsize, grey, "call_time", anchor="rs")
        c.ellipse([W - 104 * s, y + 76 * s, W - 56 * s, y + 124 * s], outline=grey, width=int(3 * s))
        c.line([(xn, y + row_h - 1), (W, y + row_h - 1)], (30, 30, 30) if dark else (236, 236, 236), max(1, int(s)))
        shot.records.append({"kind": "call", "sender": cl["truth"], "occurred_at": iso(cl["dt"]),
                             "direction": "out" if cl["type"] == "outgoing" else "in", "text": None,
                             "call_type": cl["type"],
                             "duration_seconds": cl["dur"] if dur_str else None})
        y += row_h
    return c


def render_calls_iphone(shot, calls):
    en = shot.layout == "iphone_calls_en"
    W, H, dark, rng = shot.W, shot.H, shot.dark, shot.rng
    s = W / 1170.0
    bg = (0, 0, 0) if dark else (255, 255, 255)
    c = Canvas(W, H, bg)
    fg = (255, 255, 255) if dark else (0, 0, 0)
    grey = (152, 152, 157) if dark else (138, 138, 142)
    red = (255, 69, 58) if dark else (255, 59, 48)
    blue = (10, 132, 255) if dark else (0, 122, 255)
    sbh = status_ios(c, s, dark, shot.taken_at, en, rng)
    y = sbh + 70 * s
    c.text(48 * s, y, "Edit" if en else "编辑", round(50 * s), blue, "edit")
    segw = 400 * s
    c.rrect([W / 2 - segw / 2, y - 58 * s, W / 2 + segw / 2, y + 20 * s], 20 * s, fill=(44, 44, 46) if dark else (238, 238, 240))
    c.rrect([W / 2 - segw / 2 + 5 * s, y - 53 * s, W / 2 - 2 * s, y + 15 * s], 16 * s, fill=(99, 99, 102) if dark else (255, 255, 255))
    c.text(W / 2 - segw / 4, y - 6 * s, "All" if en else "所有通话", round(36 * s), fg, "segment", bold=True, anchor="ms")
    c.text(W / 2 + segw / 4, y - 6 * s, "Missed" if en else "未接来电", round(36 * s), fg, "segment", anchor="ms")
    y += 150 * s
    c.text(48 * s, y, "Recents" if en else "最近通话", round(100 * s), fg, "title", bold=True)
    y += 40 * s
    nav = nav_ios(c, s, dark)
    tab_h = 170 * s
    tab_top = H - nav - tab_h
    c.rrect([0, tab_top, W, H], 0, fill=(22, 22, 22) if dark else (249, 249, 249))
    nav_ios(c, s, dark)
    tabs = ["Favorites", "Recents", "Contacts", "Keypad", "Voicemail"] if en else ["个人收藏", "最近通话", "通讯录", "拨号键盘", "语音留言"]
    for i, tname in enumerate(tabs):
        cx = W * (i + 0.5) / 5
        col = blue if i == 1 else grey
        c.ellipse([cx - 30 * s, tab_top + 22 * s, cx + 30 * s, tab_top + 82 * s], fill=col)
        c.text(cx, tab_top + 122 * s, tname, round(29 * s), col, "tab", anchor="ms")
    row_h = 170 * s
    h12 = (not en) and rng.random() < 0.4
    bottom = tab_top - 6 * s
    xn = 110 * s
    for cl in calls:
        if y + row_h > bottom:
            break
        missed = cl["type"] == "missed"
        nb = c.text(xn, y + 76 * s, cl["disp"], round(50 * s), red if missed else fg, "call_name", bold=True)
        if cl["count"]:
            c.text(nb[2] + 12 * s, y + 76 * s, "(%d)" % cl["count"], round(50 * s), red if missed else fg, "counter",
                   bold=True)
        if cl["type"] == "outgoing":
            c.poly([(40 * s, y + 60 * s), (62 * s, y + 38 * s), (74 * s, y + 50 * s), (52 * s, y + 72 * s)], grey,
                   role="icon_out")
        if en:
            sub = "unknown" if cl["truth"].isdigit() else "mobile"
        else:
            sub = cl["sub"].split(" ")[0]
        c.text(xn, y + 132 * s, sub, round(40 * s), grey, "call_sub")
        tl, has_t = call_time_iphone(cl["dt"], shot.taken, en, h12)
        c.text(W - 150 * s, y + 104 * s, tl, round(44 * s), grey, "call_time", anchor="rs")
        c.ellipse([W - 120 * s, y + 56 * s, W - 64 * s, y + 112 * s], outline=blue, width=int(4 * s))
        c.line([(xn, y + row_h - 1), (W, y + row_h - 1)], (40, 40, 42) if dark else (226, 226, 230), max(1, int(2 * s)))
        shot.records.append({"kind": "call", "sender": cl["truth"], "occurred_at": iso(cl["dt"]) if has_t else None,
                             "direction": "out" if cl["type"] == "outgoing" else "in", "text": None,
                             "call_type": cl["type"], "duration_seconds": None})
        y += row_h
    return c


# ----------------------------------------------------------------------------
# planning
# ----------------------------------------------------------------------------
ANDROID_SIZES = [(1080, 2340), (1080, 2400), (1080, 2412), (1220, 2712), (1260, 2800)]
IPHONE_SIZES = [(1170, 2532), (1179, 2556), (1290, 2796)]
SMS_LAYOUTS = ["huawei_sms", "honor_sms", "vivo_sms", "xiaomi_sms", "oppo_sms", "iphone_sms", "iphone_sms_en"]
WX_LAYOUTS = ["wechat_private", "wechat_group"]
CALL_LAYOUTS = ["huawei_calls", "honor_calls", "xiaomi_calls", "oppo_calls", "vivo_calls", "iphone_calls",
                "iphone_calls_en"]


def rand_taken(rng):
    a = DT.date(2025, 9, 1)
    b = DT.date(2026, 11, 30)
    d = a + DT.timedelta(days=rng.randint(0, (b - a).days))
    if rng.random() < 0.2:  # early January: older bubbles fall in the previous year (dates with a year)
        d = DT.date(2026, 1, rng.randint(1, 4))
    return DT.datetime(d.year, d.month, d.day, rng.randint(8, 22), rng.randint(0, 59), rng.randint(0, 59))


class Namer:
    def __init__(self, rng):
        self.rng = rng
        self.used = set()
        self.img_no = 1000 + rng.randint(0, 3000)

    def name(self, iphone, taken_at, jpeg):
        rng = self.rng
        while True:
            if iphone:
                if jpeg or rng.random() < 0.5:
                    self.img_no += rng.randint(1, 40)
                    nm = "IMG_%04d.%s" % (self.img_no, "JPG" if jpeg else "PNG")
                else:
                    nm = taken_at.strftime("Screenshot %Y-%m-%d at %H.%M.%S.png")
            else:
                if jpeg:
                    nm = taken_at.strftime("IMG_%Y%m%d_%H%M%S.jpg")
                elif rng.random() < 0.5:
                    nm = taken_at.strftime("Screenshot_%Y%m%d_%H%M%S.png")
                else:
                    nm = taken_at.strftime("Screenshot_%Y-%m-%d-%H-%M-%S.png")
            if nm not in self.used:
                self.used.add(nm)
                return nm
            taken_at = taken_at + DT.timedelta(seconds=1)


def sms_sender(rng, layout):
    """returns header display, truth sender, sub line"""
    r = rng.random()
    if r < 0.3:
        v = "1069" + rdig(rng, rng.choice([6, 8, 9, 10]))
        return v, v, rng.choice(["服务号码", "北京", "广东深圳", "中国移动"])
    if r < 0.45:
        v = "95" + rdig(rng, 3)
        return v, v, "客服号码"
    if r < 0.85:
        m = mobile(rng)
        style = rng.choice([0, 1, 2, 3]) if layout.startswith("iphone") else rng.choice([0, 0, 1, 3])
        if layout.startswith("iphone") and rng.random() < 0.5:
            style = 2
        return fmt_mobile(m, rng, style), m, rng.choice(LOCS) + " " + rng.choice(CARRIERS)
    if r < 0.9:
        a, n = landline(rng)
        return "%s-%s %s" % (a, n[:4], n[4:]), a + n, rng.choice(LOCS)
    nm = rng.choice(["速借宝催收", "王律师", "李经理", "易分期客服", "法务刘"] if layout != "iphone_sms_en"
                    else ["Loan Agent", "Lawyer Wang", "速借宝催收"])
    return nm, nm, None


def build_sms_conv(rng, layout, taken_at, n_msgs):
    ctx = make_ctx(rng, taken_at.date())
    disp, truth, sub = sms_sender(rng, layout)
    formal = truth.startswith("1069") or truth.startswith("95")
    groups = make_groups(rng, taken_at, n_msgs, ctx, "sms", en=(layout == "iphone_sms_en"), formal=formal)
    st = SMS_ANDROID.get(layout)
    if st and st["own"]:
        items = items_date_mode(groups)
    else:
        items = items_sep_mode(groups)
    if layout.startswith("iphone"):
        items = [("label",)] + items
    last = items[-1]
    if last[0] == "msg" and last[1].dir == "out":
        last[1].delivered = True
    return {"header": disp, "sender": truth, "sub": sub, "items": items, "sim": rng.choice(["卡1", "卡2"]),
            "group": False, "style_seed": rng.randint(0, 10 ** 9)}


def build_wx_conv(rng, layout, taken_at, n_msgs):
    ctx = make_ctx(rng, taken_at.date())
    group = layout == "wechat_group"
    if group:
        nicks = [n.format(**ctx) for n in rng.sample(WX_NICKS, rng.randint(2, 4))]
        gname = rng.choice(WX_GROUP_NAMES).format(**ctx)
        header = "%s(%d)" % (gname, len(nicks) + rng.randint(1, 3))
        sender = gname
    else:
        nicks = None
        header = rng.choice(WX_PRIVATE).format(**ctx)
        sender = header
    groups = make_groups(rng, taken_at, n_msgs, ctx, "wx", nicks=nicks)
    items = []
    if rng.random() < 0.4:
        items.append(("system", "你已添加了%s，现在可以开始聊天了。" % (header if not group else nicks[0])) if not group
                     else ("system", "“%s”邀请你加入了群聊" % nicks[0]))
    for t0, msgs in groups:
        items.append(("sep", t0))
        for m in msgs:
            items.append(("msg", m))
            if rng.random() < 0.08:
                if m.dir == "in":
                    who = m.nick if group else "对方"
                    items.append(("recall", ("“%s”撤回了一条消息" % who) if group else "对方撤回了一条消息"))
                else:
                    items.append(("recall", "你撤回了一条消息"))
    return {"header": header, "sender": sender, "items": items, "group": group, "style_seed": rng.randint(0, 10 ** 9)}


def save(c, path, jpeg, q):
    if jpeg:
        c.img.save(path, "JPEG", quality=q, optimize=False, progressive=False)
    else:
        c.img.save(path, "PNG", optimize=False, compress_level=6)


def main():
    rng = random.Random(SEED)
    namer = Namer(rng)
    truth_lines, draw_lines = [], []
    thread_no = [0]

    def new_shot(layout, taken_at=None, size=None, dark=None):
        iphone = layout.startswith("iphone") or False
        if layout.startswith("wechat"):
            iphone = rng.random() < 0.4
        W, H = size or rng.choice(IPHONE_SIZES if iphone else ANDROID_SIZES)
        dark = (rng.random() < 0.36) if dark is None else dark
        taken_at = taken_at or rand_taken(rng)
        return Shot(layout, W, H, dark, taken_at, rng), iphone

    def finish(shot, renderer_canvas, iphone, thread, jpeg=None):
        jpeg = (rng.random() < 0.15) if jpeg is None else jpeg
        fn = namer.name(iphone, shot.taken_at, jpeg)
        q = rng.randint(80, 92)
        save(renderer_canvas, os.path.join(HERE, fn), jpeg, q)
        assert shot.records, fn
        truth_lines.append({"file": fn, "layout": shot.layout, "dark": shot.dark,
                            "taken_on": shot.taken.isoformat(), "thread": thread, "records": shot.records})
        draw_lines.append({"file": fn, "layout": shot.layout, "dark": shot.dark, "size": [shot.W, shot.H],
                           "format": "jpeg" if jpeg else "png", "jpeg_quality": q if jpeg else None,
                           "items": renderer_canvas.items, "shapes": renderer_canvas.shapes})

    plan = []
    for lay in SMS_LAYOUTS:
        plan.append((lay, 11, 2))  # (layout, screenshots, overlap pairs)
    for lay in WX_LAYOUTS:
        plan.append((lay, 9, 1))
    for lay in CALL_LAYOUTS:
        plan.append((lay, 6, 0))

    for lay, nshots, npairs in plan:
        if lay in CALL_LAYOUTS:
            dflags = [k < round(nshots * 0.36) for k in range(nshots)]
            rng.shuffle(dflags)
            for u in range(nshots):
                shot, iphone = new_shot(lay, dark=dflags[u])
                calls = make_calls(rng, shot.taken_at, 16, en=(lay == "iphone_calls_en"), iphone=lay.startswith("iphone"))
                if lay.startswith("iphone"):
                    c = render_calls_iphone(shot, calls)
                else:
                    c = render_calls_android(shot, calls)
                finish(shot, c, iphone, None)
            continue
        units = nshots - npairs
        dflags = [k < round(units * 0.36) for k in range(units)]
        rng.shuffle(dflags)
        is_wx = lay in WX_LAYOUTS
        build = build_wx_conv if is_wx else build_sms_conv

        def renderer(shot, conv):
            if is_wx:
                return Wechat(shot, conv)
            if lay.startswith("iphone"):
                return SmsIphone(shot, conv)
            return SmsAndroid(shot, conv)

        singles = nshots - 2 * npairs
        for p in range(npairs):
            shot, iphone = new_shot(lay, dark=dflags[p])
            conv = build(rng, lay, shot.taken_at, rng.randint(18, 24))
            items = conv["items"]
            r = renderer(shot, conv)
            start = 0 if p == 0 else next(i for i, it in enumerate(items) if it[0] == "msg" and i > 2)
            idx, drawn = r.run(items, "start", start)
            thread_no[0] += 1
            tid = "%s_t%d" % (lay, thread_no[0])
            jpeg_a = rng.random() < 0.15
            finish(shot, r.c, iphone, tid, jpeg_a)
            k = rng.choice([1, 2])
            bstart = drawn[-k]
            assert bstart > idx[0]
            shot2 = Shot(lay, shot.W, shot.H, shot.dark, shot.taken_at + DT.timedelta(seconds=rng.randint(3, 40)), rng)
            r2 = renderer(shot2, conv)
            idx2, drawn2 = r2.run(items, "start", bstart)
            assert len(drawn2) > k, (lay, "second of pair has no new bubbles")
            finish(shot2, r2.c, iphone, tid, jpeg_a if rng.random() < 0.7 else not jpeg_a)
        for q_ in range(singles):
            shot, iphone = new_shot(lay, dark=dflags[npairs + q_])
            mode = rng.choice(["end", "end", "start", "mid"])
            conv = build(rng, lay, shot.taken_at, rng.randint(4, 10) if mode != "mid" else rng.randint(10, 16))
            items = conv["items"]
            r = renderer(shot, conv)
            if mode == "mid":
                cands = [i for i, it in enumerate(items) if it[0] == "msg" and 2 < i < len(items) - 3]
                start = rng.choice(cands) if cands else 0
                r.run(items, "start", start)
            else:
                r.run(items, mode, 0)
            finish(shot, r.c, iphone, None)

    with open(os.path.join(HERE, "truth.jsonl"), "w", encoding="utf-8") as f:
        for t in truth_lines:
            f.write(json.dumps(t, ensure_ascii=False) + "\n")
    with open(os.path.join(HERE, "drawlog.jsonl"), "w", encoding="utf-8") as f:
        for t in draw_lines:
            f.write(json.dumps(t, ensure_ascii=False) + "\n")
    print("images", len(truth_lines), "records", sum(len(t["records"]) for t in truth_lines))


if __name__ == "__main__":
    main()

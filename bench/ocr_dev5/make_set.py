#!/usr/bin/env python3
"""Generator of the ocr_dev5 DEVELOPMENT set of synthetic phone screenshots.

Deterministic: fixed seed 20261206.  Writes PNG/JPG files, truth.jsonl and
drawlog.jsonl into the directory of this script.
Run:  python make_set.py
"""
import json
import zlib
import os
import random
import datetime as dt
from PIL import Image, ImageDraw, ImageFont
from fontTools.ttLib import TTCollection

SEED = 20261206
OUT = os.path.dirname(os.path.abspath(__file__))
REG = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'
BOLD = '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc'
_FC = {}
_CMAP = TTCollection(REG).fonts[2].getBestCmap()
_CMAPB = TTCollection(BOLD).fonts[2].getBestCmap()


def font(sz, bold=False):
    k = (int(sz), bold)
    if k not in _FC:
        _FC[k] = ImageFont.truetype(BOLD if bold else REG, int(sz), index=2)
    return _FC[k]


TZ = '+08:00'


def iso(t):
    return None if t is None else t.strftime('%Y-%m-%dT%H:%M:00') + TZ


# ----------------------------------------------------------------- canvas
class Canvas:
    def __init__(self, W, H, bg):
        self.W, self.H = W, H
        self.img = Image.new('RGB', (W, H), bg)
        self.d = ImageDraw.Draw(self.img)
        self.items = []

    def tw(self, s, sz, bold=False):
        return self.d.textlength(s, font=font(sz, bold))

    def text(self, x, y, s, sz, col, role, bold=False, anchor='lm'):
        cm = _CMAPB if bold else _CMAP
        for ch in s:
            assert ord(ch) in cm, (s, ch)
        f = font(sz, bold)
        self.d.text((x, y), s, font=f, fill=tuple(col), anchor=anchor)
        b = self.d.textbbox((x, y), s, font=f, anchor=anchor)
        self.items.append({'t': 'text', 's': s, 'box': [int(v) for v in b], 'role': role,
                           'color': list(col), 'size': int(sz), 'bold': bold})
        return b

    def rect(self, box, fill, r=0, role=None, outline=None, width=1):
        box = [int(round(v)) for v in box]
        if r:
            self.d.rounded_rectangle(box, int(r), fill=fill, outline=outline, width=width)
        else:
            self.d.rectangle(box, fill=fill, outline=outline, width=width)
        if role:
            self.items.append({'t': 'rect', 'role': role, 'box': box,
                               'fill': list(fill) if fill else None})

    def icon(self, kind, box):
        self.items.append({'t': 'icon', 'kind': kind, 'box': [int(v) for v in box]})


# ----------------------------------------------------------------- icons
def ic_signal(c, x, y, h, col, bars=4):
    w = h * 0.18
    for i in range(4):
        bh = h * (0.35 + 0.65 * i / 3)
        colr = col if i < bars else tuple(int(v * 0.45 + 128 * 0.55) for v in col)
        c.d.rectangle([x + i * w * 1.5, y + h - bh, x + i * w * 1.5 + w, y + h], fill=colr)
    return x + 4 * w * 1.5


def ic_wifi(c, x, y, h, col):
    cx, cy = x + h * 0.7, y + h
    for i, r in enumerate([h, h * 0.68, h * 0.36]):
        c.d.pieslice([cx - r, cy - r, cx + r, cy + r], 225, 315, fill=col)
        if i < 2:
            r2 = r - h * 0.14
            c.d.pieslice([cx - r2, cy - r2, cx + r2, cy + r2], 225, 315, fill=c._bg)
    return x + h * 1.45


def ic_battery(c, x, y, h, col, pct):
    w = h * 2.0
    c.d.rounded_rectangle([x, y, x + w, y + h], int(h * 0.25), outline=col, width=max(2, int(h * 0.1)))
    c.d.rectangle([x + w + 1, y + h * 0.3, x + w + h * 0.15, y + h * 0.7], fill=col)
    fill_w = (w - h * 0.3) * pct / 100
    c.d.rectangle([x + h * 0.15, y + h * 0.15, x + h * 0.15 + fill_w, y + h * 0.85],
                  fill=col if pct > 20 else (230, 60, 50))
    return x + w + h * 0.2


def ic_back(c, x, y, s, col, w=4):
    c.d.line([(x + s * 0.5, y - s * 0.5), (x, y), (x + s * 0.5, y + s * 0.5)], fill=col, width=w, joint='curve')


def ic_phone(c, x, y, s, col):
    c.d.arc([x - s * 0.5, y - s * 0.5, x + s * 0.5, y + s * 0.5], 100, 260, fill=col, width=max(3, int(s * 0.14)))
    c.d.ellipse([x - s * 0.5, y - s * 0.55, x - s * 0.15, y - s * 0.25], fill=col)
    c.d.ellipse([x - s * 0.15, y + s * 0.3, x + s * 0.2, y + s * 0.6], fill=col)


def ic_dots(c, x, y, s, col, vertical=True):
    for i in (-1, 0, 1):
        cx, cy = (x, y + i * s * 0.35) if vertical else (x + i * s * 0.35, y)
        r = s * 0.08
        c.d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=col)


def ic_arrow(c, kind, x, y, s, col):
    """small call-type arrow; kind in call_in/call_out/call_missed"""
    w = max(2, int(s * 0.14))
    if kind == 'call_out':
        c.d.line([(x, y + s), (x + s, y)], fill=col, width=w)
        c.d.line([(x + s * 0.4, y), (x + s, y), (x + s, y + s * 0.6)], fill=col, width=w)
    elif kind == 'call_in':
        c.d.line([(x + s, y), (x, y + s)], fill=col, width=w)
        c.d.line([(x, y + s * 0.4), (x, y + s), (x + s * 0.6, y + s)], fill=col, width=w)
    else:
        c.d.line([(x, y), (x + s * 0.5, y + s * 0.5), (x + s, y)], fill=col, width=w)
        c.d.line([(x + s * 0.5, y + s * 0.5), (x + s * 0.5, y + s)], fill=col, width=w)
    c.icon(kind, [x, y, x + s, y + s])


def ic_info(c, x, y, s, col):
    c.d.ellipse([x - s / 2, y - s / 2, x + s / 2, y + s / 2], outline=col, width=max(2, int(s * 0.08)))
    c.d.rectangle([x - s * 0.05, y - s * 0.05, x + s * 0.05, y + s * 0.25], fill=col)
    c.d.ellipse([x - s * 0.06, y - s * 0.26, x + s * 0.06, y - s * 0.14], fill=col)
    c.icon('info', [x - s / 2, y - s / 2, x + s / 2, y + s / 2])


def ic_silhouette(c, cx, cy, r, bgc, fg):
    c.d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=bgc)
    c.d.ellipse([cx - r * 0.35, cy - r * 0.55, cx + r * 0.35, cy + r * 0.15], fill=fg)
    c.d.chord([cx - r * 0.7, cy + r * 0.2, cx + r * 0.7, cy + r * 1.2], 180, 360, fill=fg)


# ----------------------------------------------------------------- content
SURN = '王李张刘陈杨赵黄周吴徐孙马朱胡郭何林罗高'
GIVEN = ['伟', '芳', '静', '强', '磊', '洋', '勇', '军', '杰', '娟', '涛', '明', '超', '霞', '平', '刚', '桂英', '建华', '晓东', '丽萍']
COS = ['融通普惠', '安信达法务', '橙星分期', '海豚钱包', '鑫诚资产', '汇民信用', '和顺调解中心', '易达金融', '宏远律所', '星桥数科']
APPS_ = ['快乐借', '闪电花', '米粒贷', '好分期', '周转宝', '极速钱包']
BANKS = ['中国工商银行', '中国建设银行', '招商银行', '中国农业银行', '交通银行']
LOCS = ['广东深圳', '浙江杭州', '北京', '上海', '四川成都', '湖南长沙', '江苏南京', '河南郑州', '湖北武汉', '福建厦门', '未知',
        '广东广州', '山东济南', '重庆']
CARR = ['移动', '联通', '电信']


def pname(r):
    return r.choice(SURN) + r.choice(GIVEN)


def mobile(r):
    return r.choice(['13', '15', '17', '18', '19']) + str(r.randint(0, 9)) + ''.join(str(r.randint(0, 9)) for _ in range(8))


def fmt_mobile(r, num, style=None):
    style = style or r.choice(['sp', 'raw', 'plus', 'plus'])
    sp = num[:3] + ' ' + num[3:7] + ' ' + num[7:]
    return {'sp': sp, 'raw': num, 'plus': '+86 ' + sp, 'plusraw': '+86' + num}[style]


def landline(r):
    area = r.choice(['0571', '0755', '021', '010', '028', '0731', '025'])
    n = ''.join(str(r.randint(0, 9)) for _ in range(8))
    n = str(r.randint(2, 8)) + n[1:]
    return area + n, area + '-' + n[:4] + ' ' + n[4:]


def link(r):
    a = ''.join(r.choice('abcdefghjkmnpqrstuvwxyz23456789') for _ in range(4))
    b = ''.join(r.choice('abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789') for _ in range(r.randint(5, 8)))
    return r.choice(['https://t.', 'http://', 'https://', '']) + a + r.choice(['.cn', '.com', '.top', '.cc']) + '/' + r.choice(['', 'r/', 's/', 'h5/']) + b


def amount(r):
    return r.choice(['%d' % r.randint(800, 9800), '%d.%02d' % (r.randint(500, 30000), r.randint(0, 99)), '{:,}'.format(r.randint(1, 60) * 500)])


def case_no(r):
    return r.choice(['CS', 'HX', 'TJ', '']) + str(r.randint(2024, 2026)) + ''.join(str(r.randint(0, 9)) for _ in range(r.randint(7, 10)))


def card(r):
    return '6' + ''.join(str(r.randint(0, 9)) for _ in range(r.randint(15, 18)))


def incoming_cn(r, name):
    co, app, amt, dd = r.choice(COS), r.choice(APPS_), amount(r), r.randint(3, 190)
    tel = r.choice([mobile(r), landline(r)[1]])
    t = r.choice([
        lambda: f'【{co}】尊敬的{name}，您在{app}的借款{amt}元已逾期{dd}天，请于今日18:00前还款，详询{tel}。',
        lambda: f'{name}你好，你的欠款{amt}元已转交我司处理，案件编号{case_no(r)}，请立即联系处理，否则将上报上级部门。',
        lambda: '最后通知：今天下午5点前不处理，明天就联系你通讯录里的家人和单位同事，后果自负。',
        lambda: '你是打算一直装死是吧？电话不接信息不回',
        lambda: f'【{co}】律师函：{name}，您的借款合同纠纷案已进入诉前调解阶段，详见{link(r)} 拒收请回复R',
        lambda: f'还款账户：{r.choice(BANKS)} 卡号{card(r)} 户名{pname(r)}，转账后截图发我',
        lambda: '再不还钱就把你的信息发到你们村群里曝光',
        lambda: '在吗',
        lambda: '？',
        lambda: '收到请回复',
        lambda: f'今天必须处理，最低还{r.randint(3, 30) * 100}元可以申请延期',
        lambda: '你单位地址我们已经核实，明天安排人员上门走访',
        lambda: f'{name}，你母亲的电话是{mobile(r)}吧？',
        lambda: f'本公司受{r.choice(BANKS)}委托，就您名下信用卡逾期欠款{amt}元事宜进行提醒，请尽快将款项存入还款账户。',
        lambda: f'【{app}】您的账单已逾期{dd}天，逾期将影响您的个人征信，立即还款{link(r)}',
        lambda: '你以为换个号码就找不到你了？',
        lambda: '给你最后两个小时',
        lambda: f'我是{co}调解员{r.choice(SURN)}专员，工号{r.randint(1000, 9999)}，你的案子在我这里，回电{tel}',
        lambda: f'{name}，你的紧急联系人{pname(r)}已经收到通知了，你自己看着办',
        lambda: '不还是吧？',
        lambda: f'逾期金额{amt}元，今天还清可以减免部分罚息。',
        lambda: '我们会依法向你户籍所在地法院提起诉讼，届时产生的费用由你承担。',
        lambda: '人呢',
        lambda: '别逼我们走法律程序',
    ])
    return t()


REPLIES_CN = ['好', '收到', '知道了', '?', 'ok', '在', '嗯', '行', '我没钱', '明天还', '再宽限几天吧', '下周五工资发了就还',
              '你们这样是违法的，我已经录音了', '不要再打我家人电话了！', '我已经在还了，上个月还了500', '能不能分期',
              '你是哪个公司的？把工号发我', '别发了', '好的我知道了', '我现在在上班，不方便接电话', '谁？', '我会还的，别催了',
              '能不能先还一部分', '你再骚扰我家人我就报警了', '哦', '月底', '好吧', '我在想办法，给我三天时间', '?？',
              '这个号码不是我的，你们发错人了', '我刚转了1000，你查一下']
EMOJI = ['[捂脸]', '[微笑]', '[抱拳]', '[流泪]', '[发怒]', '[OK]', '[强]', '[叹气]']

IN_EN = ['Final notice: your loan of 3,200 yuan is 15 days overdue. Pay today or we will contact your employer.',
         'This is the last reminder. Repay before 6 PM.',
         'Why are you not answering your phone?',
         'Pay now: {link}',
         'Your case {case} has been transferred to our legal department.',
         'Hello?',
         'We know where you work.',
         'Overdue amount {amt} yuan. Reply 1 to confirm you will pay today.']
OUT_EN = ['ok', 'Who is this?', 'I will pay on Friday', 'Stop texting me', 'I already paid 500 last week',
          'Please stop calling my mother', 'Can I pay in installments?', '?', 'No', 'Give me a few more days please',
          'Thanks', 'I am at work now, I will call you later']


def gen_msg(r, d, lang, name, emoji=False):
    if lang == 'en':
        if d == 'in':
            if r.random() < 0.45:
                return incoming_cn(r, name)
            s = r.choice(IN_EN)
            return s.replace('{link}', link(r)).replace('{case}', case_no(r)).replace('{amt}', amount(r))
        return r.choice(OUT_EN)
    if d == 'in':
        s = incoming_cn(r, name)
    else:
        s = r.choice(REPLIES_CN)
    if emoji and r.random() < 0.25:
        s = s + r.choice(EMOJI) if r.random() < 0.7 else r.choice(EMOJI)
    return s


def gen_thread(r, T, n, lang='cn', span_days=12, emoji=False, nicks=None):
    """chronological messages ending before T"""
    name = pname(r)
    msgs = []
    # sessions
    ns = max(3, n // 3)
    starts = sorted(T - dt.timedelta(minutes=r.randint(3, span_days * 1440)) for _ in range(ns))
    for st in starts:
        t = st
        for j in range(r.randint(1, 5)):
            if t >= T - dt.timedelta(minutes=1):
                break
            d = 'in' if (j == 0 or r.random() < 0.55) else 'out'
            m = {'dir': d, 'text': gen_msg(r, d, lang, name, emoji), 'dt': t.replace(second=0, microsecond=0)}
            if nicks and d == 'in':
                m['nick'] = r.choice(nicks)
            msgs.append(m)
            t = t + dt.timedelta(minutes=r.choice([0, 0, 1, 1, 2, 3, 7, 12, 25]))
    msgs.sort(key=lambda m: m['dt'])
    return msgs[:n] if len(msgs) > n else msgs


# ----------------------------------------------------------------- time labels
WD = '一二三四五六日'
EN_WD = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
EN_MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']


def cn_clock(t, st):
    if not st.get('h12'):
        return ('%d:%02d' if st.get('nolead') else '%02d:%02d') % (t.hour, t.minute)
    h = t.hour
    if h == 0:
        p = '上午' if st.get('am12') else '凌晨'
    elif h < 6:
        p = '凌晨'
    elif h < 9:
        p = st.get('morning', '上午')
    elif h < 12:
        p = '上午'
    elif h == 12:
        p = st.get('noon', '下午')
    elif h < 18:
        p = '下午'
    else:
        p = st.get('night', '晚上')
    return '%s%d:%02d' % (p, h % 12 or 12, t.minute)


def cn_date(d, T, st):
    """date part; '' for today when st['today'] is ''"""
    delta = (T.date() - d).days
    assert delta >= 0
    if delta == 0:
        return st.get('today', '')
    if delta == 1:
        return '昨天'
    if 2 <= delta <= 6 and st.get('week'):
        return st['week'] + WD[d.weekday()]
    if d.year == T.year:
        if st.get('slash'):
            return '%d/%d' % (d.month, d.day) if not st.get('slash0') else '%02d/%02d' % (d.month, d.day)
        s = '%d月%d日' % (d.month, d.day)
        if st.get('md_wd'):
            s += ' ' + st['md_wd'] + WD[d.weekday()]
        return s
    if st.get('slash'):
        return '%d/%02d/%02d' % (d.year, d.month, d.day)
    return '%d年%d月%d日' % (d.year, d.month, d.day)


def cn_label(t, T, st):
    dp = cn_date(t.date(), T, st)
    tp = cn_clock(t, st)
    return (dp + ' ' + tp) if dp else tp


def en_clock(t):
    return '%d:%02d %s' % (t.hour % 12 or 12, t.minute, 'AM' if t.hour < 12 else 'PM')


def en_sep_parts(t, T):
    """iOS English separator: (bold date part, regular time part)"""
    delta = (T.date() - t.date()).days
    if delta == 0:
        return 'Today', en_clock(t)
    if delta == 1:
        return 'Yesterday', en_clock(t)
    if delta <= 6:
        return EN_WD[t.weekday()], en_clock(t)
    if t.year == T.year:
        return '%s, %s %d' % (EN_WD[t.weekday()][:3], EN_MON[t.month - 1], t.day), 'at ' + en_clock(t)
    return '%s %d, %d' % (EN_MON[t.month - 1], t.day, t.year), 'at ' + en_clock(t)


def en_call_label(t, T):
    delta = (T.date() - t.date()).days
    if delta == 0:
        return en_clock(t)
    if delta == 1:
        return 'Yesterday ' + en_clock(t)
    if delta <= 6:
        return EN_WD[t.weekday()] + ' ' + en_clock(t)
    return '%d/%d/%02d %s' % (t.month, t.day, t.year % 100, en_clock(t))


# ----------------------------------------------------------------- wrapping
def is_cjk(ch):
    o = ord(ch)
    return 0x2E80 <= o <= 0x9FFF or 0xFF00 <= o <= 0xFFEF or 0x3000 <= o <= 0x303F


NOSTART = set('，。！？、；：）】”’》,.!?;:)')


def wrap_cn(c, s, sz, maxw):
    lines, cur = [], ''
    for ch in s:
        if cur and c.tw(cur + ch, sz) > maxw:
            lines.append(cur)
            cur = ch
        else:
            cur += ch
    lines.append(cur)
    # kinsoku and no breaks next to spaces
    for i in range(1, len(lines)):
        for _ in range(3):
            if lines[i] and lines[i - 1] and (lines[i][0] in NOSTART or lines[i][0] == ' ' or lines[i - 1][-1] == ' ') and len(lines[i - 1]) > 1:
                lines[i] = lines[i - 1][-1] + lines[i]
                lines[i - 1] = lines[i - 1][:-1]
            else:
                break
    # re-check widths after moves
    for ln in lines:
        if c.tw(ln, sz) > maxw + sz * 1.2:
            raise ValueError('wrap')
    assert ''.join(lines) == s
    assert all(ln and ln[0] != ' ' and ln[-1] != ' ' for ln in lines), lines
    return lines


def wrap_en(c, s, sz, maxw):
    words = s.split(' ')
    lines, cur = [], ''
    for w in words:
        if c.tw(w, sz) > maxw:
            if cur:
                lines.append(cur)
                cur = ''
            piece = ''
            for ch in w:
                if piece and c.tw(piece + ch, sz) > maxw:
                    lines.append(piece)
                    piece = ch
                else:
                    piece += ch
            cur = piece
            continue
        cand = (cur + ' ' + w) if cur else w
        if c.tw(cand, sz) > maxw and cur:
            lines.append(cur)
            cur = w
        else:
            cur = cand
    lines.append(cur)
    # verify the documented join convention
    out = lines[0]
    for a, b in zip(lines, lines[1:]):
        out += ('' if (' ' not in a and '/' in a) else ' ') + b
    if out != s:
        raise ValueError('enwrap')
    return lines


def wrap(c, s, sz, maxw, r, shorttail=True):
    cjk = any(is_cjk(ch) for ch in s)
    fn = wrap_cn if cjk else wrap_en
    lines = fn(c, s, sz, maxw)
    if shorttail and cjk and len(lines) >= 2 and len(lines[-1]) > 3 and r.random() < 0.45:
        for f in [0.97, 0.94, 0.91, 1.0 - 0.0, 0.88]:
            try:
                l2 = fn(c, s, sz, maxw * f)
            except ValueError:
                continue
            if len(l2[-1]) <= 3:
                return l2
    return lines


# ----------------------------------------------------------------- palettes
def pal(app, dark):
    base = {
        'huawei_sms': ((247, 247, 247), (255, 255, 255), (0, 125, 255), (0, 0, 0), (48, 48, 48), (46, 110, 225)),
        'honor_sms': ((255, 255, 255), (241, 243, 245), (37, 111, 255), (0, 0, 0), (40, 40, 42), (42, 98, 220)),
        'xiaomi_sms': ((255, 255, 255), (240, 240, 240), (50, 132, 255), (0, 0, 0), (36, 36, 36), (40, 110, 235)),
        'oppo_sms': ((250, 250, 250), (236, 236, 236), (52, 181, 106), (14, 14, 14), (44, 44, 44), (38, 150, 88)),
        'vivo_sms': ((255, 255, 255), (242, 243, 245), (65, 111, 252), (8, 8, 8), (38, 38, 40), (55, 95, 220)),
        'iphone_sms': ((255, 255, 255), (233, 233, 235), (52, 199, 89), (0, 0, 0), (38, 38, 40), (48, 178, 80)),
        'iphone_sms_en': ((255, 255, 255), (233, 233, 235), (52, 199, 89), (0, 0, 0), (38, 38, 40), (48, 178, 80)),
        'wechat_private': ((237, 237, 237), (255, 255, 255), (149, 236, 105), (17, 17, 17), (44, 44, 44), (89, 178, 105)),
        'wechat_group': ((237, 237, 237), (255, 255, 255), (149, 236, 105), (17, 17, 17), (44, 44, 44), (89, 178, 105)),
    }[app]
    if dark:
        bg, inb, outb = base[3], base[4], base[5]
        P = dict(bg=bg, inb=inb, outb=outb, intx=(230, 230, 230), outtx=(255, 255, 255), sep=(125, 125, 125),
                 sub=(130, 130, 130), fg=(235, 235, 235), bar=(bg[0] + 12, bg[1] + 12, bg[2] + 12), line=(50, 50, 50),
                 field=(40, 40, 40), ph=(120, 120, 120), accent=(80, 150, 255))
    else:
        bg, inb, outb = base[0], base[1], base[2]
        P = dict(bg=bg, inb=inb, outb=outb, intx=(25, 25, 25), outtx=(255, 255, 255), sep=(150, 150, 150),
                 sub=(140, 140, 140), fg=(20, 20, 20), bar=bg, line=(225, 225, 225), field=(238, 238, 238) if bg == (255, 255, 255) else (255, 255, 255),
                 ph=(165, 165, 165), accent=(0, 122, 255))
    if app.startswith('wechat'):
        P['outtx'] = (20, 20, 20) if not dark else (16, 16, 16)
        P['bar'] = (247, 247, 247) if not dark else (30, 30, 30)
        P['sep'] = (160, 160, 160) if not dark else (110, 110, 110)
        P['accent'] = (87, 107, 149) if not dark else (150, 165, 200)
    return P


# ----------------------------------------------------------------- status bar
def status_bar(c, r, ios, clock, dark, W, k, carrier_left=False):
    col = (235, 235, 235) if dark else (20, 20, 20)
    c._bg = c.img.getpixel((W // 2, 5))
    if ios:
        h = int(0.054 * c.H)
        cy = h * 0.55
        c.text(int(W * 0.13), cy, clock, int(46 * k), col, 'status', bold=True, anchor='mm')
        if c.H / W > 2.15:
            c.d.rounded_rectangle([W / 2 - 190 * k, 30 * k, W / 2 + 190 * k, 30 * k + 105 * k], int(52 * k), fill=(0, 0, 0))
        x = W - 250 * k
        x = ic_signal(c, x, cy - 16 * k, 32 * k, col, r.randint(2, 4)) + 16 * k
        if r.random() < 0.7:
            x = ic_wifi(c, x, cy - 16 * k, 30 * k, col) + 8 * k
        else:
            b = c.text(x, cy, r.choice(['5G', '4G']), int(32 * k), col, 'status', bold=True)
            x = b[2] + 12 * k
        ic_battery(c, x, cy - 15 * k, 30 * k, col, r.randint(15, 100))
        return h
    h = int(100 * k)
    cy = h * 0.52
    sz = int(38 * k)
    if carrier_left:
        x = 40 * k
        if r.random() < 0.7:
            b = c.text(x, cy, r.choice(['中国移动', '中国联通', '中国电信', '中国移动 | 中国联通']), int(32 * k), col, 'status')
            x = b[2] + 14 * k
        x = ic_signal(c, x, cy - 14 * k, 28 * k, col, r.randint(2, 4)) + 10 * k
        b = c.text(x, cy, r.choice(['5G', '4G', 'HD']), int(26 * k), col, 'status', bold=True)
        x = b[2] + 12 * k
        if r.random() < 0.6:
            ic_wifi(c, x, cy - 14 * k, 28 * k, col)
        # right: battery then clock at far right
        b = c.text(W - 40 * k, cy, clock, sz, col, 'status', anchor='rm')
        pct = r.randint(12, 100)
        bx = b[0] - 90 * k
        ic_battery(c, bx, cy - 13 * k, 26 * k, col, pct)
        c.text(bx - 10 * k, cy, str(pct), int(28 * k), col, 'status', anchor='rm')
        return h
    b = c.text(44 * k, cy, clock, sz, col, 'status')
    x = b[2] + 18 * k
    if r.random() < 0.35:
        b = c.text(x, cy, r.choice(['中国移动', '中国联通', '中国电信']), int(30 * k), col, 'status')
        x = b[2] + 14 * k
    for i in range(r.randint(0, 3)):  # notification icons
        cc = [(7, 193, 96), (230, 70, 60), (60, 120, 240), (240, 170, 0)][r.randint(0, 3)]
        c.d.rounded_rectangle([x, cy - 14 * k, x + 28 * k, cy + 14 * k], int(7 * k), fill=cc)
        x += 40 * k
    pct = r.randint(12, 100)
    x = W - 44 * k - 58 * k
    ic_battery(c, x, cy - 13 * k, 26 * k, col, pct)
    if r.random() < 0.6:
        c.text(x - 10 * k, cy, str(pct), int(28 * k), col, 'status', anchor='rm')
        x -= 60 * k
    x -= 60 * k
    ic_wifi(c, x, cy - 14 * k, 28 * k, col)
    x -= 80 * k
    ic_signal(c, x, cy - 14 * k, 28 * k, col, r.randint(2, 4))
    b = c.text(x - 10 * k, cy, r.choice(['5G', '4G', '5G', 'HD']), int(24 * k), col, 'status', bold=True, anchor='rm')
    return h


def nav_bar(c, ios, dark, W, H, k):
    col = (230, 230, 230) if dark else (30, 30, 30)
    if ios:
        c.d.rounded_rectangle([W / 2 - 140 * k, H - 28 * k, W / 2 + 140 * k, H - 18 * k], int(5 * k), fill=col)
    else:
        c.d.rounded_rectangle([W / 2 - 110 * k, H - 30 * k, W / 2 + 110 * k, H - 22 * k], int(4 * k), fill=col)


# ----------------------------------------------------------------- chat screens
PER_BUBBLE_TIME = {'huawei_sms', 'honor_sms', 'vivo_sms'}


def sep_style(app, r):
    if app in PER_BUBBLE_TIME:
        return dict(today=r.choice(['今天', '今天']), week=r.choice(['星期', '周', None]),
                    md_wd=r.choice([None, None, '星期']) if app == 'huawei_sms' else None,
                    h12=r.random() < 0.3, nolead=False, morning=r.choice(['上午', '早上']), noon=r.choice(['中午', '下午']),
                    night=r.choice(['晚上', '下午']), am12=r.random() < 0.5)
    if app.startswith('wechat'):
        return dict(today='', week='星期', h12=r.random() < 0.35, morning=r.choice(['上午', '早上']),
                    noon=r.choice(['中午', '下午']), night='晚上', am12=r.random() < 0.5)
    if app == 'iphone_sms':
        return dict(today='今天', week='星期', md_wd=r.choice(['周', None]), h12=r.random() < 0.4, morning='上午',
                    noon='下午', night='下午', am12=True)
    if app == 'xiaomi_sms':
        return dict(today=r.choice(['', '今天']), week=r.choice(['周', '星期']), h12=r.random() < 0.4,
                    morning=r.choice(['上午', '早上']), noon=r.choice(['中午', '下午']), night=r.choice(['晚上', '下午']))
    return dict(today=r.choice(['今天', '']), week=r.choice(['星期', '周']), h12=r.random() < 0.3, nolead=r.random() < 0.3,
                morning='上午', noon='中午', night='晚上', am12=r.random() < 0.5)


def build_items(app, msgs, T, st, r):
    items = []
    prev = None
    last_out = max([i for i, m in enumerate(msgs) if m['dir'] == 'out'], default=-1)
    for i, m in enumerate(msgs):
        t = m['dt']
        if app in PER_BUBBLE_TIME:
            if prev is None or prev.date() != t.date():
                items.append({'k': 'sep', 'label': cn_date(t.date(), T, st), 'date': t.date()})
        else:
            gap = 5 if app.startswith('wechat') else 15
            if prev is None or (t - prev) > dt.timedelta(minutes=gap):
                if app == 'iphone_sms_en':
                    items.append({'k': 'sep', 'parts': en_sep_parts(t, T), 'dt': t})
                elif app == 'iphone_sms':
                    lab = cn_label(t, T, st)
                    if ' ' in lab:
                        a, b = lab.rsplit(' ', 1)
                        items.append({'k': 'sep', 'parts': (a, b), 'dt': t})
                    else:
                        items.append({'k': 'sep', 'parts': (lab,), 'dt': t})
                else:
                    items.append({'k': 'sep', 'label': cn_label(t, T, st), 'dt': t})
        prev = t
        if app.startswith('wechat') and m['dir'] == 'in' and r.random() < 0.06:
            items.append({'k': 'sys', 'text': r.choice(['对方撤回了一条消息', '“%s”撤回了一条消息' % m.get('nick', '对方')])
                          if app == 'wechat_group' else '对方撤回了一条消息'})
        items.append({'k': 'bub', 'm': m})
        if i == last_out and app.startswith('iphone'):
            items.append({'k': 'label', 'text': 'Delivered' if app.endswith('_en') else '已送达'})
        if app.startswith('wechat') and m['dir'] == 'out' and r.random() < 0.04:
            items.append({'k': 'sys', 'text': '你撤回了一条消息 重新编辑'})
    return items


def render_chat(r, app, W, H, dark, T, msgs, hdr, start=None, k_keep=None, want_null=False):
    """returns canvas, records, list of drawn bubble msg indices"""
    ios = app.startswith('iphone') or (app.startswith('wechat') and hdr.get('ios'))
    k = W / 1080
    P = pal(app, dark)
    c = Canvas(W, H, P['bg'])
    wechat = app.startswith('wechat')
    st = hdr['st']
    mf = hdr['mf']
    # --- status bar + header
    sbh = int(0.054 * H) if ios else int(100 * k)
    if wechat:
        c.d.rectangle([0, 0, W, sbh + int(130 * k)], fill=P['bar'])
    elif ios:
        c.d.rectangle([0, 0, W, sbh + int(270 * k)], fill=(246, 246, 246) if not dark else (22, 22, 22))
    sb_h = status_bar(c, r, ios, hdr['clock'], dark, W, k, carrier_left=app in ('huawei_sms', 'honor_sms'))
    assert sb_h == sbh
    y = sb_h
    ri = random.Random(hdr['tseed'])
    if wechat:
        hh = int(130 * k)
        ic_back(c, 45 * k, y + hh / 2, 40 * k, P['fg'], int(5 * k))
        c.text(W / 2, y + hh / 2, hdr['title'], int(50 * k), P['fg'], 'hname', bold=True, anchor='mm')
        ic_dots(c, W - 60 * k, y + hh / 2, 60 * k, P['fg'], vertical=False)
        if hdr.get('badge'):
            c.text(85 * k, y + hh / 2, hdr['badge'], int(40 * k), P['fg'], 'hbadge')
        y += hh
        c.d.line([0, y, W, y], fill=P['line'], width=2)
    elif ios:
        hh = int(270 * k)
        ic_back(c, 40 * k, y + 90 * k, 50 * k, P['accent'], int(6 * k))
        if hdr.get('badge'):
            bw = c.tw(hdr['badge'], int(30 * k)) + 30 * k
            c.rect([80 * k, y + 68 * k, 80 * k + max(bw, 48 * k), y + 112 * k], P['accent'], r=22 * k)
            c.text(80 * k + max(bw, 48 * k) / 2, y + 90 * k, hdr['badge'], int(30 * k), (255, 255, 255), 'hbadge', anchor='mm')
        cx, cy, rr = W / 2, y + 85 * k, 62 * k
        if hdr.get('initials'):
            c.d.ellipse([cx - rr, cy - rr, cx + rr, cy + rr], fill=(160, 165, 175))
            c.text(cx, cy, hdr['initials'], int(48 * k), (255, 255, 255), 'avatar', bold=True, anchor='mm')
        else:
            ic_silhouette(c, cx, cy, rr, (160, 165, 175), (250, 250, 250))
        nsz = int(34 * k)
        nw = c.tw(hdr['title'], nsz)
        c.text(W / 2 - 12 * k, y + 200 * k, hdr['title'], nsz, P['fg'], 'hname', anchor='mm')
        c.text(W / 2 - 12 * k + nw / 2 + 10 * k, y + 200 * k, '›', nsz, P['sub'], 'hchev', anchor='lm')
        y += hh
        c.d.line([0, y, W, y], fill=P['line'], width=2)
    else:
        hh = int(170 * k)
        ic_back(c, 48 * k, y + hh / 2, 40 * k, P['fg'], int(5 * k))
        center = hdr.get('center')
        tx = W / 2 if center else 130 * k
        anc = 'mm' if center else 'lm'
        if hdr.get('sub'):
            c.text(tx, y + hh / 2 - 26 * k, hdr['title'], int(50 * k), P['fg'], 'hname', bold=app != 'xiaomi_sms', anchor=anc)
            c.text(tx, y + hh / 2 + 36 * k, hdr['sub'], int(32 * k), P['sub'], 'hsub', anchor=anc)
        else:
            c.text(tx, y + hh / 2, hdr['title'], int(52 * k), P['fg'], 'hname', bold=app != 'xiaomi_sms', anchor=anc)
        ic_dots(c, W - 55 * k, y + hh / 2, 60 * k, P['fg'])
        if not center:
            ic_phone(c, W - 160 * k, y + hh / 2, 44 * k, P['fg'])
        y += hh
    top = y + 20 * k
    # --- input bar
    if wechat:
        ib_h = int(150 * k)
        ib_top = H - ib_h - (50 * k if ios else 40 * k)
        c.d.rectangle([0, ib_top, W, H], fill=P['bar'])
        c.d.line([0, ib_top, W, ib_top], fill=P['line'], width=2)
        cyi = ib_top + 75 * k
        for x in (65 * k, W - 175 * k, W - 70 * k):
            c.d.ellipse([x - 32 * k, cyi - 32 * k, x + 32 * k, cyi + 32 * k], outline=P['fg'], width=int(4 * k))
        c.d.rounded_rectangle([115 * k, cyi - 48 * k, W - 225 * k, cyi + 48 * k], int(12 * k), fill=P['field'] if dark else (255, 255, 255))
    elif ios:
        ib_h = int(130 * k)
        ib_top = H - ib_h - 60 * k
        cyi = ib_top + 65 * k
        c.d.ellipse([40 * k, cyi - 38 * k, 116 * k, cyi + 38 * k], fill=(232, 232, 234) if not dark else (50, 50, 52))
        c.d.line([78 * k, cyi - 18 * k, 78 * k, cyi + 18 * k], fill=P['sub'], width=int(5 * k))
        c.d.line([60 * k, cyi, 96 * k, cyi], fill=P['sub'], width=int(5 * k))
        c.d.rounded_rectangle([140 * k, cyi - 44 * k, W - 40 * k, cyi + 44 * k], int(44 * k), outline=P['line'] if not dark else (70, 70, 70), width=int(3 * k))
        c.text(175 * k, cyi, hdr['ph'], int(38 * k), P['ph'], 'ph')
    else:
        ib_h = int(150 * k)
        ib_top = H - ib_h - 50 * k
        cyi = ib_top + 75 * k
        c.d.line([0, ib_top, W, ib_top], fill=P['line'], width=1)
        x0 = 40 * k
        if hdr.get('plus'):
            c.d.ellipse([x0, cyi - 35 * k, x0 + 70 * k, cyi + 35 * k], outline=P['fg'], width=int(4 * k))
            x0 += 100 * k
        c.d.rounded_rectangle([x0, cyi - 52 * k, W - 150 * k, cyi + 52 * k], int(52 * k), fill=P['field'])
        tx = x0 + 35 * k
        if hdr.get('sim'):
            b = c.text(tx, cyi, hdr['sim'], int(28 * k), P['accent'], 'sim')
            tx = b[2] + 20 * k
        c.text(tx, cyi, hdr['ph'], int(38 * k), P['ph'], 'ph')
        c.d.ellipse([W - 125 * k, cyi - 45 * k, W - 35 * k, cyi + 45 * k], fill=P['accent'] if app != 'oppo_sms' else P['outb'])
    bottom = ib_top - 16 * k
    nav_bar(c, ios, dark, W, H, k)

    # --- items
    items = build_items(app, msgs, T, st, ri)
    pad_x, pad_y, lh = 0.62 * mf, 0.42 * mf, 1.42 * mf
    if wechat:
        av = 112 * k
        maxw = W * 0.60 - 2 * pad_x
    else:
        maxw = W * (0.66 if not ios else 0.64) - 2 * pad_x
    ssz = int(hdr['ssz'])
    tsz = int(hdr['tsz'])
    nsz = int(hdr.get('nsz', 32 * k))

    def prep(it):
        if it['k'] == 'bub' and 'lines' not in it:
            it['lines'] = wrap(c, it['m']['text'], mf, maxw, random.Random(zlib.crc32((it['m']['text'] + str(hdr['tseed'])).encode())))
        return it

    def height(it):
        if it['k'] == 'sep':
            return ssz * 2.4 + (ssz * 1.6 if it.get('tlabel') else 0)
        if it['k'] in ('sys',):
            return ssz * 2.6
        if it['k'] == 'label':
            return ssz * 1.7
        prep(it)
        h = len(it['lines']) * lh + 2 * pad_y
        if wechat:
            h = max(h, av)
        h += mf * 0.55
        if app in PER_BUBBLE_TIME:
            h += tsz * 1.7
        if app == 'wechat_group' and it['m']['dir'] == 'in':
            h += nsz * 1.5
        return h

    # choose start
    if start is None:
        cand = [i for i, it in enumerate(items) if it['k'] == 'sep']
        if want_null:
            cand = [i for i, it in enumerate(items) if it['k'] == 'bub' and i > 0 and items[i - 1]['k'] != 'sep']
        avail = bottom - top
        ok = [i for i in cand if sum(height(it) for it in items[i:]) > avail]
        start = r.choice(ok[:max(1, len(ok) // 2 + 1)]) if ok else (cand[0] if cand else 0)
        if ios and not app.startswith('wechat') and start == 0:
            items[0]['tlabel'] = True
    else:
        # start = message index into msgs -> item index
        start = next(i for i, it in enumerate(items) if it['k'] == 'bub' and it['m'] is msgs[start])
    y = top + r.randint(0, int(30 * k))
    cur = None
    recs, drawn = [], []
    sender_out = hdr['sender']
    seq = items[start:]
    for ii, it in enumerate(seq):
        h = height(it)
        if y + h > bottom:
            break
        if it['k'] == 'sep' and (ii + 1 >= len(seq) or y + h + height(seq[ii + 1]) > bottom):
            break
        if it['k'] == 'sep':
            cy = y + ssz * 1.2
            if it.get('tlabel'):
                c.text(W / 2, cy, 'Text Message' if app.endswith('_en') else '短信/彩信', ssz, P['sep'], 'label', anchor='mm')
                cy += ssz * 1.6
            if 'parts' in it:
                parts = it['parts']
                if len(parts) == 2:
                    w1 = c.tw(parts[0], ssz, True)
                    w2 = c.tw(' ' + parts[1], ssz)
                    x0 = W / 2 - (w1 + w2) / 2
                    c.text(x0, cy, parts[0], ssz, P['sep'], 'sep', bold=True)
                    c.text(x0 + w1 + c.tw(' ', ssz), cy, parts[1], ssz, P['sep'], 'sep')
                else:
                    c.text(W / 2, cy, parts[0], ssz, P['sep'], 'sep', anchor='mm')
            else:
                if wechat and False:
                    pass
                c.text(W / 2, cy, it['label'], ssz, P['sep'], 'sep', anchor='mm')
            cur = it.get('dt') or it.get('date')
        elif it['k'] == 'sys':
            if wechat:
                tw_ = c.tw(it['text'], ssz)
                c.d.rounded_rectangle([W / 2 - tw_ / 2 - 16 * k, y + ssz * 0.55, W / 2 + tw_ / 2 + 16 * k, y + ssz * 2.0], int(8 * k),
                                      fill=(218, 218, 218) if not dark else (38, 38, 38))
            c.text(W / 2, y + ssz * 1.3, it['text'], ssz, P['sep'], 'system', anchor='mm')
        elif it['k'] == 'label':
            c.text(W - 50 * k, y + ssz * 0.7, it['text'], ssz, P['sep'], 'label', anchor='rm')
        else:
            m = it['m']
            lines = it['lines']
            tw_ = max(c.tw(ln, mf) for ln in lines)
            bw = tw_ + 2 * pad_x
            bh = len(lines) * lh + 2 * pad_y
            yy = y
            if app == 'wechat_group' and m['dir'] == 'in':
                c.text(40 * k + av + 28 * k, yy + nsz * 0.6, m['nick'], nsz, P['sub'], 'nick')
                yy += nsz * 1.5
            if wechat:
                ax = 36 * k if m['dir'] == 'in' else W - 36 * k - av
                acol = hdr['avc'] if m['dir'] == 'out' else hdr['avi'].get(m.get('nick', ''), (120, 140, 170))
                c.d.rounded_rectangle([ax, yy, ax + av, yy + av], int(10 * k), fill=acol)
                bx = ax + av + 26 * k if m['dir'] == 'in' else ax - 26 * k - bw
                fill = P['inb'] if m['dir'] == 'in' else P['outb']
                rad = 10 * k
                # tail
                ty = yy + min(av, bh) / 2
                if m['dir'] == 'in':
                    c.d.polygon([(bx + 1, ty - 14 * k), (bx - 14 * k, ty), (bx + 1, ty + 14 * k)], fill=fill)
                else:
                    c.d.polygon([(bx + bw - 1, ty - 14 * k), (bx + bw + 14 * k, ty), (bx + bw - 1, ty + 14 * k)], fill=fill)
            else:
                bx = 40 * k if m['dir'] == 'in' else W - 40 * k - bw
                fill = P['inb'] if m['dir'] == 'in' else P['outb']
                rad = min(bh / 2, mf * (0.9 if ios else 0.6))
            c.rect([bx, yy, bx + bw, yy + bh], fill, r=rad, role='bubble')
            tcol = P['intx'] if m['dir'] == 'in' else P['outtx']
            for i, ln in enumerate(lines):
                c.text(bx + pad_x, yy + pad_y + lh * (i + 0.5), ln, mf, tcol, 'msg')
            occ = None
            if app in PER_BUBBLE_TIME:
                tl = cn_clock(m['dt'], st)
                ty = yy + bh + tsz * 0.9
                if m['dir'] == 'in':
                    b = c.text(bx + 8 * k, ty, tl, tsz, P['sep'], 'btime')
                    if hdr.get('simtag'):
                        c.text(b[2] + 14 * k, ty, hdr['simtag'], int(tsz * 0.85), P['sep'], 'sim')
                else:
                    xr = bx + bw - 8 * k
                    if hdr.get('delivered') and r.random() < 0.5:
                        b = c.text(xr, ty, '已送达', tsz, P['sep'], 'label', anchor='rm')
                        xr = b[0] - 16 * k
                    c.text(xr, ty, tl, tsz, P['sep'], 'btime', anchor='rm')
                if cur is not None:
                    occ = dt.datetime.combine(cur, m['dt'].time())
                    assert occ == m['dt']
            else:
                occ = cur
            if app == 'wechat_group':
                snd = m['nick'] if m['dir'] == 'in' else sender_out
            else:
                snd = sender_out
            recs.append({'kind': 'im' if wechat else 'sms', 'sender': snd, 'occurred_at': iso(occ),
                         'direction': m['dir'], 'text': m['text'], 'call_type': None, 'duration_seconds': None})
            drawn.append(msgs.index(m))
        y += h
    return c, recs, drawn


# ----------------------------------------------------------------- call logs
def dur_cn(s):
    h, rem = divmod(s, 3600)
    m, sec = divmod(rem, 60)
    if h:
        return '%d小时%d分%d秒' % (h, m, sec)
    if m:
        return '%d分%d秒' % (m, sec)
    return '%d秒' % sec


def gen_calls(r, T, n):
    calls = []
    t = T - dt.timedelta(minutes=r.randint(2, 90))
    people = [(pname(r) if r.random() < 0.5 else r.choice(['张经理', '催收-李', '快递', '妈妈', '公司前台', '王律师', '房东', '老婆'])) for _ in range(3)]
    for i in range(n):
        typ = r.choices(['missed', 'incoming', 'outgoing'], [0.4, 0.33, 0.27])[0]
        kind = r.random()
        if kind < 0.22:
            disp = r.choice(people)
            snd = disp
        elif kind < 0.37:
            num, disp = landline(r)
            snd = num
        elif kind < 0.42 and typ != 'outgoing':
            num = '95' + ''.join(str(r.randint(0, 9)) for _ in range(3))
            disp, snd = num, num
        else:
            num = mobile(r)
            disp = fmt_mobile(r, num, r.choice(['sp', 'raw', 'raw', 'plus', 'plusraw']))
            snd = num
        dur = None
        connected = True
        if typ == 'outgoing' and r.random() < 0.3:
            connected = False
        if typ != 'missed' and connected:
            dur = r.choice([r.randint(3, 59), r.randint(60, 600), r.randint(60, 240), r.randint(3600, 4800) if r.random() < 0.15 else r.randint(20, 90)])
        cnt = r.choice([2, 3, 4, 5]) if (typ == 'missed' and r.random() < 0.25) else None
        calls.append({'disp': disp, 'sender': snd, 'type': typ, 'dur': dur, 'connected': connected, 'dt': t.replace(second=0, microsecond=0),
                      'loc': r.choice(LOCS) + ((' ' + r.choice(CARR)) if r.random() < 0.3 else ''), 'cnt': cnt,
                      'rings': r.randint(1, 9)})
        gap = r.choice([3, 8, 25, 60, 180, 400, 900, 1500, 2600, 5000, 12000])
        t = t - dt.timedelta(minutes=gap)
    return calls


def call_time_label(app, t, T, st):
    if app == 'iphone_calls_en':
        return en_call_label(t, T)
    return cn_label(t, T, st)


def render_calls(r, app, W, H, dark, T, calls, hdr):
    ios = app.startswith('iphone')
    k = W / 1080
    bg = (0, 0, 0) if dark else (255, 255, 255)
    if dark and not ios:
        bg = (16, 16, 16)
    fg = (235, 235, 235) if dark else (20, 20, 20)
    sub = (135, 135, 135) if dark else (140, 140, 140)
    red = (250, 80, 72) if dark else (232, 52, 48)
    acc = (10, 132, 255) if ios else ((70, 140, 255) if dark else (0, 110, 240))
    line = (48, 48, 48) if dark else (228, 228, 228)
    c = Canvas(W, H, bg)
    st = hdr['st']
    sb = status_bar(c, r, ios, hdr['clock'], dark, W, k, carrier_left=app == 'huawei_calls')
    y = sb
    en = app.endswith('_en')
    if ios:
        c.text(40 * k, y + 60 * k, 'Edit' if en else '编辑', int(42 * k), acc, 'hbtn')
        seg = ['All', 'Missed'] if en else ['全部', '未接来电']
        sw = 360 * k
        c.rect([W / 2 - sw / 2, y + 30 * k, W / 2 + sw / 2, y + 92 * k], (40, 40, 42) if dark else (238, 238, 240), r=16 * k)
        c.rect([W / 2 - sw / 2 + 4 * k, y + 34 * k, W / 2 - 4 * k, y + 88 * k], (90, 90, 94) if dark else (255, 255, 255), r=13 * k)
        c.text(W / 2 - sw / 4, y + 61 * k, seg[0], int(30 * k), fg, 'seg', bold=True, anchor='mm')
        c.text(W / 2 + sw / 4, y + 61 * k, seg[1], int(30 * k), fg, 'seg', anchor='mm')
        y += 120 * k
        c.text(40 * k, y + 50 * k, 'Recents' if en else '最近通话', int(80 * k), fg, 'htitle', bold=True)
        y += 130 * k
        if hdr.get('search'):
            c.rect([40 * k, y, W - 40 * k, y + 90 * k], (28, 28, 30) if dark else (238, 238, 240), r=20 * k)
            c.text(100 * k, y + 45 * k, 'Search' if en else '搜索', int(38 * k), sub, 'search')
            y += 120 * k
    else:
        title = {'huawei_calls': '电话', 'oppo_calls': '通话记录', 'vivo_calls': '电话', 'xiaomi_calls': '电话'}[app]
        c.text(55 * k, y + 75 * k, title, int(72 * k), fg, 'htitle', bold=True)
        ic_dots(c, W - 60 * k, y + 75 * k, 60 * k, fg)
        y += 160 * k
        if app in ('huawei_calls', 'vivo_calls', 'xiaomi_calls'):
            c.rect([45 * k, y, W - 45 * k, y + 100 * k], (36, 36, 36) if dark else (241, 243, 245), r=50 * k)
            c.text(110 * k, y + 50 * k, r.choice(['搜索联系人', '搜索联系人或号码', '搜索']), int(36 * k), sub, 'search')
            y += 130 * k
        if app == 'oppo_calls':
            c.text(55 * k, y + 40 * k, '全部', int(38 * k), acc, 'tab', bold=True)
            c.text(190 * k, y + 40 * k, '未接', int(38 * k), sub, 'tab')
            y += 100 * k
    # bottom tab bar
    tb_h = 180 * k
    tb_top = H - tb_h - (30 * k)
    c.d.line([0, tb_top, W, tb_top], fill=line, width=1)
    tabs = {'huawei_calls': ['电话', '联系人', '收藏', '畅连'], 'oppo_calls': ['拨号', '联系人', '收藏'],
            'vivo_calls': ['电话', '联系人', '黄页'], 'xiaomi_calls': ['电话', '联系人', '营业厅'],
            'iphone_calls': ['个人收藏', '最近通话', '通讯录', '拨号键盘', '语音留言'],
            'iphone_calls_en': ['Favorites', 'Recents', 'Contacts', 'Keypad', 'Voicemail']}[app]
    sel = 1 if ios else 0
    for i, tname in enumerate(tabs):
        cx = W * (i + 0.5) / len(tabs)
        col = acc if i == sel else sub
        c.d.ellipse([cx - 28 * k, tb_top + 30 * k, cx + 28 * k, tb_top + 86 * k], outline=col, width=int(5 * k))
        c.text(cx, tb_top + 120 * k, tname, int((24 if ios else 28) * k), col, 'tab', anchor='mm')
    nav_bar(c, ios, dark, W, H, k)
    bottom = tb_top - 4 * k
    nf = hdr['nf']
    sf = int(nf * 0.72)
    rowh = nf * 3.15
    left = 150 * k if app in ('vivo_calls', 'iphone_calls', 'iphone_calls_en') else 55 * k
    if ios:
        left = 110 * k
    recs = []
    for cl in calls:
        if y + rowh > bottom:
            break
        c.rect([0, y, W, y + rowh], bg, role='row')
        c.d.line([left, y + rowh - 1, W, y + rowh - 1], fill=line, width=1)
        y1 = y + rowh * 0.34
        y2 = y + rowh * 0.70
        missed = cl['type'] == 'missed'
        ncol = red if missed else fg
        # right side: time & info
        if ios or app in ('oppo_calls', 'huawei_calls'):
            ic_info(c, W - 60 * k, y + rowh / 2, 50 * k, acc if ios else sub)
            tr = W - 110 * k
        else:
            tr = W - 50 * k
        tl = call_time_label(app, cl['dt'], T, st)
        tb = c.text(tr, y + rowh / 2 if ios or app == 'huawei_calls' else y1, tl, sf, sub, 'ctime', anchor='rm')
        nb = c.text(left, y1, cl['disp'], nf, ncol, 'cname', bold=ios and False)
        if cl['cnt']:
            nb = c.text(nb[2] + 10 * k, y1, '(%d)' % cl['cnt'], nf, ncol, 'ccount')
        assert nb[2] < tb[0] - 20 * k, (cl['disp'], tl)
        kind = {'missed': 'call_missed', 'incoming': 'call_in', 'outgoing': 'call_out'}[cl['type']]
        isz = sf * 0.7
        loc = cl['loc']
        if app == 'huawei_calls':
            ic_arrow(c, kind, left, y2 - isz / 2, isz, red if missed else sub)
            b = c.text(left + isz + 16 * k, y2, loc, sf, sub, 'cloc')
            if missed and r.random() < 0.5:
                c.text(b[2] + 20 * k, y2, '响铃%d声' % cl['rings'], sf, sub, 'cinfo')
        elif app == 'oppo_calls':
            x = left
            if hdr.get('dual'):
                c.rect([x, y2 - sf * 0.45, x + sf * 0.75, y2 + sf * 0.45], None, r=4 * k, outline=sub, width=2)
                c.text(x + sf * 0.375, y2, str(r.choice([1, 1, 2])), int(sf * 0.65), sub, 'sim', anchor='mm')
                x += sf * 0.75 + 14 * k
            if cl['type'] == 'missed':
                info = '未接来电' if r.random() < 0.5 else '响铃%d声' % cl['rings']
            elif cl['type'] == 'incoming':
                info = '呼入 ' + dur_cn(cl['dur'])
            else:
                info = '呼出 ' + (dur_cn(cl['dur']) if cl['connected'] else '未接通')
            b = c.text(x, y2, info, sf, sub, 'cinfo')
            c.text(b[2] + 24 * k, y2, loc, sf, sub, 'cloc')
        elif app == 'vivo_calls':
            ic_arrow(c, kind, 50 * k, y + rowh / 2 - isz * 0.7, isz * 1.4, red if missed else sub)
            b = c.text(left, y2, loc, sf, sub, 'cloc')
            if cl['type'] != 'missed':
                c.text(b[2] + 24 * k, y2, dur_cn(cl['dur']) if cl['connected'] else '未接通', sf, sub, 'cinfo')
            elif r.random() < 0.5:
                c.text(b[2] + 24 * k, y2, '响铃%d声' % cl['rings'], sf, sub, 'cinfo')
        elif app == 'xiaomi_calls':
            if cl['type'] == 'missed':
                info = '未接'
            elif cl['type'] == 'incoming':
                info = '呼入 ' + dur_cn(cl['dur'])
            else:
                info = '呼出 ' + (dur_cn(cl['dur']) if cl['connected'] else '未接通')
            b = c.text(left, y2, loc, sf, sub, 'cloc')
            c.text(b[2] + 24 * k, y2, info, sf, sub, 'cinfo')
        else:  # iphone
            if cl['type'] == 'outgoing':
                ic_arrow(c, 'call_out', 45 * k, y1 - isz / 2, isz, sub)
            lab = (hdr['lab_en'] if en else hdr['lab_cn'])(r)
            c.text(left, y2, lab, sf, sub, 'cloc')
        dur = cl['dur'] if (cl['type'] != 'missed' and cl['connected'] and app in ('oppo_calls', 'vivo_calls', 'xiaomi_calls')) else None
        recs.append({'kind': 'call', 'sender': cl['sender'], 'occurred_at': iso(cl['dt']), 'direction': 'out' if cl['type'] == 'outgoing' else 'in',
                     'text': None, 'call_type': cl['type'], 'duration_seconds': dur})
        y += rowh
    return c, recs


# ----------------------------------------------------------------- plan
ANDROID_SIZES = [(1080, 2340), (1080, 2400), (1080, 2412), (1220, 2712)]
IOS_SIZES = [(1170, 2532), (1179, 2556), (1290, 2796)]


def rand_T(r):
    base = dt.datetime(2025, 10, 1)
    days = r.randint(0, 425)  # up to 2026-11-30
    t = base + dt.timedelta(days=days, hours=r.randint(7, 23), minutes=r.randint(0, 59), seconds=r.randint(0, 59))
    return t


def header_for_sms(r, app):
    kind = r.random()
    if kind < 0.3:
        num = '1069' + ''.join(str(r.randint(0, 9)) for _ in range(r.randint(7, 10)))
        disp = r.choice([num, ' '.join(num[i:i + 4] for i in range(0, len(num), 4))])
        return disp, num, None
    if kind < 0.42:
        num = '95' + ''.join(str(r.randint(0, 9)) for _ in range(3))
        return num, num, None
    if kind < 0.55:
        num, disp = landline(r)
        return disp, num, None
    if kind < 0.68:
        name = r.choice(['催收-王经理', '李律师', '陌生人', '张专员', '快乐借客服', '骚扰勿接'])
        return name, name, None
    num = mobile(r)
    style = r.choice(['sp', 'raw', 'plus'])
    return fmt_mobile(r, num, style), num, None


def main():
    r = random.Random(SEED)
    plan = []
    # (layout, count, pairs)
    spec = [('honor_sms', 10, 2), ('oppo_calls', 6, 0), ('vivo_calls', 5, 0), ('iphone_calls_en', 4, 0), ('huawei_calls', 5, 0),
            ('huawei_sms', 2, 0), ('xiaomi_sms', 2, 1), ('oppo_sms', 2, 0), ('vivo_sms', 2, 0), ('iphone_sms', 2, 1),
            ('iphone_sms_en', 2, 0), ('wechat_private', 4, 1), ('wechat_group', 2, 0), ('xiaomi_calls', 1, 0), ('iphone_calls', 1, 0)]
    for lay, n, pairs in spec:
        i = 0
        while i < n:
            if pairs > 0:
                plan.append((lay, 'pair'))
                pairs -= 1
                i += 2
            else:
                plan.append((lay, 'single'))
                i += 1
    truth, logs = [], []
    used = set()
    counters = {}
    jpg_left = 8
    jpg_slots = set(r.sample(range(len(plan)), 8))
    for pi, (lay, mode) in enumerate(plan):
        ios = lay.startswith('iphone') or (lay.startswith('wechat') and r.random() < 0.5)
        W, H = r.choice(IOS_SIZES if ios else ANDROID_SIZES)
        if pi % 9 == 4:
            W, H = (1290, 2796) if ios else (1220, 2712)
        dark = (pi % 3 == 1)
        r.random()
        T = rand_T(r)
        jpg = pi in jpg_slots
        nshots = 2 if mode == 'pair' else 1
        thread_id = ('%s_t%d' % (lay, pi)) if mode == 'pair' else None
        k = W / 1080
        c12 = ios and r.random() < 0.5
        clock = ('%d:%02d' % (T.hour % 12 or 12, T.minute)) if c12 else '%02d:%02d' % (T.hour, T.minute)
        if lay.endswith('calls') or lay.endswith('calls_en'):
            st = dict(today='', week=r.choice(['星期', '周']), h12=False, slash=r.random() < 0.6, slash0=r.random() < 0.3)
            if lay == 'iphone_calls':
                st = dict(today='', week='星期', h12=r.random() < 0.5, slash=True, morning='上午', noon='下午', night='下午')
            nf = int(r.randint(46, 60) * min(k, 1.1))
            hdr = dict(st=st, clock=clock, nf=nf, dual=r.random() < 0.6, search=r.random() < 0.5,
                       lab_en=lambda rr: rr.choice(['mobile', 'mobile', 'unknown', 'home', 'China']),
                       lab_cn=lambda rr: rr.choice(['手机', '手机', '未知', '住宅', '中国']))
            calls = gen_calls(r, T, 16)
            c, recs = render_calls(r, lay, W, H, dark, T, calls, hdr)
            shots = [(c, recs, T)]
        else:
            app = lay
            lang = 'en' if lay.endswith('_en') else 'cn'
            st = sep_style(app, r)
            wechat = app.startswith('wechat')
            nicks = None
            hd = {}
            if wechat:
                if app == 'wechat_group':
                    gname = r.choice(['还款协商群', '%s家人群' % r.choice(SURN), '债务处理沟通群', '%s逾期处理' % pname(r), '法务调解群'])
                    nicks = r.sample(['催收部-王经理', '李律师', '调解员小刘', '张三', '法务陈', '客服07号', '王姐'], 3)
                    title = '%s(%d)' % (gname, r.randint(4, 12))
                    sender = gname
                else:
                    title = r.choice(['王经理', '催收专员小李', '诚信法务-陈', '%s' % pname(r), '快乐借客服', 'A+陈律师'])
                    sender = title
                hd['avi'] = {n_: tuple(r.randint(60, 200) for _ in range(3)) for n_ in (nicks or [''])}
                hd['avc'] = tuple(r.randint(60, 200) for _ in range(3))
                hd['badge'] = str(r.randint(1, 30)) if (r.random() < 0.4 and not False) else None
                hd['ph'] = ''
            else:
                disp, sender, _ = header_for_sms(r, app)
                title = disp
                if app.startswith('iphone'):
                    hd['badge'] = str(r.randint(1, 99)) if r.random() < 0.7 else None
                    if app.endswith('_en') and not any(ch.isdigit() for ch in disp) and r.random() < 0.5:
                        title = r.choice(['Lucky Loan', 'Zhang Wei', 'Debt Center'])
                        sender = title
                        hd['initials'] = ''.join(w[0] for w in title.split())[:2]
                    hd['ph'] = 'Text Message' if app.endswith('_en') else '短信/彩信'
                else:
                    if r.random() < 0.5:
                        hd['sub'] = r.choice(LOCS[:-1]) + ' ' + r.choice(CARR) if any(ch.isdigit() for ch in disp) else fmt_mobile(r, mobile(r), 'sp')
                    hd['center'] = app == 'xiaomi_sms' and r.random() < 0.6
                    hd['ph'] = r.choice({'huawei_sms': ['短信', '发送信息'], 'honor_sms': ['短信', '输入信息'], 'xiaomi_sms': ['短信', '输入短信'],
                                         'oppo_sms': ['短信', '发送短信'], 'vivo_sms': ['短信', '输入信息']}[app])
                    hd['sim'] = r.choice([None, '卡1', '卡2']) if app in ('huawei_sms', 'honor_sms', 'vivo_sms', 'oppo_sms') else None
                    hd['simtag'] = r.choice([None, '卡1', '卡2']) if app in ('huawei_sms', 'honor_sms', 'vivo_sms') else None
                    hd['plus'] = r.random() < 0.5
                    hd['delivered'] = app in ('huawei_sms', 'honor_sms')
            mf = r.randint(36, 62)
            if W >= 1220:
                mf = min(64, int(mf * 1.08))
            hdr = dict(st=st, clock=clock, title=title, sender=sender, mf=mf, ssz=max(26, int(mf * 0.7)), tsz=max(26, int(mf * 0.62)),
                       nsz=max(26, int(mf * 0.68)), ios=ios, tseed=r.randint(0, 10**9), **hd)
            span = r.choice([1, 3, 9, 30, 90, 200])
            msgs = gen_thread(r, T, 60 if mode == 'pair' else 30, lang, span, emoji=wechat, nicks=nicks)
            for attempt in range(10):
                rr = random.Random(r.random())
                want_null = (mode == 'single' and r.random() < 0.15)
                c, recs, drawn = render_chat(rr, app, W, H, dark, T, msgs, hdr, want_null=want_null)
                if len(recs) >= 3:
                    break
            shots = [(c, recs, T)]
            if mode == 'pair':
                kk = r.choice([1, 2]) if len(drawn) >= 3 else 1
                T2 = T + dt.timedelta(seconds=r.randint(20, 200))
                hdr2 = dict(hdr)
                hdr2['clock'] = ('%d:%02d' % (T2.hour % 12 or 12, T2.minute)) if c12 else '%02d:%02d' % (T2.hour, T2.minute)
                start_idx = drawn[-kk]
                c2, recs2, drawn2 = render_chat(random.Random(r.random()), app, W, H, dark, T2, msgs, hdr2, start=start_idx)
                assert recs2[:kk] and [x['text'] for x in recs2[:kk]] == [x['text'] for x in recs[-kk:]]
                assert len(recs2) > kk, 'pair too short'
                shots.append((c2, recs2, T2))
        for si, (c, recs, Tshot) in enumerate(shots):
            ext = '.jpg' if jpg else '.png'
            style = r.random()
            if mode == 'pair':
                style = 0.1 if not ios else 0.6
            if style < 0.3 and not ios:
                name = Tshot.strftime('Screenshot_%Y%m%d_%H%M%S') + ext
            elif style < 0.3 and ios:
                name = Tshot.strftime('Screenshot %Y-%m-%d at %H.%M.%S') + ext
            elif style < 0.7 and ios:
                name = Tshot.strftime('IMG_%Y%m%d_%H%M%S') + (ext.upper() if ext == '.png' and r.random() < 0.5 else ext)
            elif style < 0.7:
                name = Tshot.strftime('Screenshot_%Y-%m-%d-%H-%M-%S') + ext if r.random() < 0.4 else Tshot.strftime('Screenshot_%Y%m%d_%H%M%S') + ext
            else:
                counters[lay] = counters.get(lay, 0) + 1
                name = '%s_%02d%s' % (lay, counters[lay], ext)
            assert name not in used, name
            used.add(name)
            path = os.path.join(OUT, name)
            if ext == '.jpg':
                c.img.save(path, 'JPEG', quality=r.randint(85, 92))
            else:
                c.img.save(path, 'PNG', optimize=False)
            truth.append({'file': name, 'layout': lay, 'dark': dark, 'taken_on': Tshot.strftime('%Y-%m-%d'), 'thread': thread_id,
                          'records': recs})
            logs.append({'file': name, 'layout': lay, 'width': c.W, 'height': c.H, 'dark': dark, 'items': c.items})
    with open(os.path.join(OUT, 'truth.jsonl'), 'w', encoding='utf-8') as f:
        for t in truth:
            f.write(json.dumps(t, ensure_ascii=False) + '\n')
    with open(os.path.join(OUT, 'drawlog.jsonl'), 'w', encoding='utf-8') as f:
        for t in logs:
            f.write(json.dumps(t, ensure_ascii=False) + '\n')
    print(len(truth), 'files', sum(len(t['records']) for t in truth), 'records')


if __name__ == '__main__':
    main()

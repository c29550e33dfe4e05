#!/usr/bin/env python3
"""make_set.py -- deterministic generator of the frozen benchmark set ocr_set17.

Synthetic phone screenshots of (invented) Chinese debt-collection traffic:
SMS threads (Huawei, Honor, Xiaomi, OPPO, vivo, iPhone CN, iPhone EN),
WeChat private and group chats, and call logs (Huawei, Honor, Xiaomi, OPPO,
vivo, iPhone CN/EN).  Every person, lender, firm, number, case number and
link is invented.

Run:  /tmp/set17venv/bin/python make_set.py
Writes into the folder of this file: the images, truth.jsonl, drawlog.jsonl.
Fixed seed; two runs give byte-identical outputs.
"""
import os
import json
import random
import zlib
import datetime as dt

from PIL import Image, ImageDraw, ImageFont
from fontTools.ttLib import TTCollection

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 17202603
FONT_REG = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'
FONT_BOLD = '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc'


def find_sc(path):
    for i in range(16):
        try:
            f = ImageFont.truetype(path, 12, index=i)
        except OSError:
            break
        if f.getname()[0] == 'Noto Sans CJK SC':
            return i
    raise SystemExit('Noto Sans CJK SC face not found in ' + path)


SC_REG = find_sc(FONT_REG)
SC_BOLD = find_sc(FONT_BOLD)


def load_cmap(path, idx):
    col = TTCollection(path, lazy=True)
    return set(col.fonts[idx].getBestCmap().keys())


CMAP = load_cmap(FONT_REG, SC_REG) & load_cmap(FONT_BOLD, SC_BOLD)

_FONTS = {}


def font(size, bold=False):
    key = (size, bold)
    if key not in _FONTS:
        _FONTS[key] = ImageFont.truetype(FONT_BOLD if bold else FONT_REG, size,
                                         index=SC_BOLD if bold else SC_REG)
    return _FONTS[key]


def tw(s, size, bold=False):
    return font(size, bold).getlength(s)


def in_cmap(s):
    return all(ord(ch) in CMAP for ch in s)


def stable(s):
    return zlib.crc32(s.encode('utf-8'))


# ---------------------------------------------------------------- canvas
class Canvas:
    """Draws on a PIL image and logs every text and shape it draws."""

    def __init__(self, w, h, bg):
        self.w, self.h = w, h
        self.img = Image.new('RGB', (w, h), bg)
        self.d = ImageDraw.Draw(self.img)
        self.items = [{'k': 'shape', 'shape': 'rect', 'role': 'background',
                       'box': [0, 0, w, h], 'fill': bg}]

    def text(self, x, y, s, size, color, role, bold=False, anchor='lm'):
        if not s:
            raise ValueError('empty text')
        if not in_cmap(s):
            raise ValueError('char outside cmap: %r' % s)
        x, y = int(round(x)), int(round(y))
        f = font(size, bold)
        box = self.d.textbbox((x, y), s, font=f, anchor=anchor)
        self.d.text((x, y), s, font=f, fill=color, anchor=anchor)
        self.items.append({'k': 'text', 'role': role, 'text': s,
                           'box': [int(round(v)) for v in box], 'color': color,
                           'size': size, 'weight': 'bold' if bold else 'regular',
                           'anchor': anchor, 'xy': [x, y]})
        return box

    def _shape(self, shape, role, box, **kw):
        it = {'k': 'shape', 'shape': shape, 'role': role,
              'box': [int(round(v)) for v in box]}
        for k, v in kw.items():
            if v is not None:
                it[k] = v
        self.items.append(it)

    def rrect(self, box, r, fill=None, role='deco', outline=None, width=1):
        box = [int(round(v)) for v in box]
        r = int(round(min(r, (box[2] - box[0]) / 2, (box[3] - box[1]) / 2)))
        self.d.rounded_rectangle(box, radius=r, fill=fill, outline=outline, width=width)
        self._shape('rrect', role, box, r=r, fill=fill, outline=outline,
                    width=width if outline else None)

    def rect(self, box, fill=None, role='deco', outline=None, width=1):
        box = [int(round(v)) for v in box]
        self.d.rectangle(box, fill=fill, outline=outline, width=width)
        self._shape('rect', role, box, fill=fill, outline=outline,
                    width=width if outline else None)

    def ellipse(self, box, fill=None, role='deco', outline=None, width=1):
        box = [int(round(v)) for v in box]
        self.d.ellipse(box, fill=fill, outline=outline, width=width)
        self._shape('ellipse', role, box, fill=fill, outline=outline,
                    width=width if outline else None)

    def chord(self, box, start, end, fill, role='deco'):
        box = [int(round(v)) for v in box]
        self.d.chord(box, start, end, fill=fill)
        self._shape('chord', role, box, start=start, end=end, fill=fill)

    def pieslice(self, box, start, end, fill, role='deco'):
        box = [int(round(v)) for v in box]
        self.d.pieslice(box, start, end, fill=fill)
        self._shape('pieslice', role, box, start=start, end=end, fill=fill)

    def arc(self, box, start, end, fill, width, role='deco'):
        box = [int(round(v)) for v in box]
        self.d.arc(box, start, end, fill=fill, width=width)
        self._shape('arc', role, box, start=start, end=end, fill=fill, width=width)

    def line(self, pts, fill, width, role='deco'):
        pts = [[int(round(x)), int(round(y))] for x, y in pts]
        self.d.line([tuple(p) for p in pts], fill=fill, width=width, joint='curve')
        xs = [p[0] for p in pts]
        ys = [p[1] for p in pts]
        self._shape('line', role, [min(xs), min(ys), max(xs), max(ys)], pts=pts,
                    fill=fill, width=width)

    def poly(self, pts, fill, role='deco', outline=None):
        pts = [[int(round(x)), int(round(y))] for x, y in pts]
        self.d.polygon([tuple(p) for p in pts], fill=fill, outline=outline)
        xs = [p[0] for p in pts]
        ys = [p[1] for p in pts]
        self._shape('poly', role, [min(xs), min(ys), max(xs), max(ys)], pts=pts,
                    fill=fill, outline=outline)


# ---------------------------------------------------------------- time labels
WD_CN = ['星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日']
WD_CN_S = ['周一', '周二', '周三', '周四', '周五', '周六', '周日']
WD_EN = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
WD_EN_S = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']
MON_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']


def day_kind(d, today):
    k = (today - d).days
    if k < 0:
        raise ValueError('date after taken_on')
    if k == 0:
        return 'today'
    if k == 1:
        return 'yest'
    if k <= 6:
        return 'week'
    if d.year == today.year:
        return 'year'
    return 'old'


def t24(t):
    return '%02d:%02d' % (t.hour, t.minute)


def t_ampm_cn(t):
    h = t.hour
    return '%s%d:%02d' % ('上午' if h < 12 else '下午', h % 12 or 12, t.minute)


def t_period(t):
    h = t.hour
    if h < 6:
        p = '凌晨'
    elif h < 9:
        p = '早上'
    elif h < 12:
        p = '上午'
    elif h < 13:
        p = '中午'
    elif h < 18:
        p = '下午'
    else:
        p = '晚上'
    return '%s%d:%02d' % (p, h % 12 or 12, t.minute)


def t_en(t):
    h = t.hour
    return '%d:%02d %s' % (h % 12 or 12, t.minute, 'AM' if h < 12 else 'PM')


def date_cn(d, today, wd=WD_CN, pad=False, ios_year=False):
    k = day_kind(d, today)
    if k == 'today':
        return '今天'
    if k == 'yest':
        return '昨天'
    if k == 'week':
        return wd[d.weekday()]
    if k == 'year':
        if pad:
            return '%02d月%02d日' % (d.month, d.day)
        if ios_year:
            return '%d月%d日 %s' % (d.month, d.day, WD_CN_S[d.weekday()])
        return '%d月%d日' % (d.month, d.day)
    return '%d年%d月%d日' % (d.year, d.month, d.day)


def sep_text(layout, t, today, opt):
    """Separator label for chat layouts.  t is a datetime (date+time layouts)
    or a date (date-only layouts)."""
    if layout in ('huawei_sms', 'vivo_sms'):
        return date_cn(t, today, pad=(layout == 'vivo_sms'))
    if layout == 'honor_sms':
        return date_cn(t, today, wd=WD_CN_S)
    d = t.date()
    k = day_kind(d, today)
    if layout == 'xiaomi_sms':
        tm = t_period(t)
        if k == 'today':
            return tm
        return date_cn(d, today) + ' ' + tm
    if layout == 'oppo_sms':
        return date_cn(d, today, wd=WD_CN_S) + ' ' + t24(t)
    if layout == 'iphone_sms':
        tm = t_ampm_cn(t) if opt.get('h12') else t24(t)
        return date_cn(d, today, ios_year=True) + ' ' + tm
    if layout == 'iphone_sms_en':
        tm = t_en(t)
        if k == 'today':
            return 'Today ' + tm
        if k == 'yest':
            return 'Yesterday ' + tm
        if k == 'week':
            return WD_EN[d.weekday()] + ' ' + tm
        if k == 'year':
            return '%s, %s %d at %s' % (WD_EN_S[d.weekday()], MON_EN[d.month - 1], d.day, tm)
        return '%s %d, %d at %s' % (MON_EN[d.month - 1], d.day, d.year, tm)
    if layout in ('wechat_private', 'wechat_group'):
        tm = t_ampm_cn(t) if opt.get('h12') else t24(t)
        if k == 'today':
            return tm
        return date_cn(d, today) + ' ' + tm
    raise KeyError(layout)


def call_label(layout, t, today, opt):
    """Returns (label, shows_time)."""
    d = t.date()
    k = day_kind(d, today)
    if layout == 'iphone_call_en':
        if k == 'today':
            return t_en(t), True
        if k == 'yest':
            return 'Yesterday', False
        if k == 'week':
            return WD_EN[d.weekday()], False
        return '%d/%d/%02d' % (d.month, d.day, d.year % 100), False
    tm = t24(t)
    if layout == 'iphone_call' and opt.get('h12'):
        tm = t_ampm_cn(t)
    if k == 'today':
        return tm, True
    ymd = '%d/%d/%d' % (d.year, d.month, d.day)
    if layout == 'huawei_call':
        if k == 'yest':
            return '昨天 ' + tm, True
        if k == 'week':
            return WD_CN[d.weekday()], False
        if k == 'year':
            return '%d月%d日' % (d.month, d.day), False
        return ymd, False
    if layout == 'honor_call':
        if k == 'yest':
            return '昨天', False
        if k == 'week':
            return WD_CN_S[d.weekday()], False
        if k == 'year':
            return '%d月%d日' % (d.month, d.day), False
        return ymd, False
    if layout == 'xiaomi_call':
        if k == 'yest':
            return '昨天 ' + tm, True
        if k == 'week':
            return WD_CN[d.weekday()] + ' ' + tm, True
        if k == 'year':
            return '%d月%d日' % (d.month, d.day), False
        return '%d年%d月%d日' % (d.year, d.month, d.day), False
    if layout == 'oppo_call':
        if k == 'yest':
            return '昨天', False
        if k == 'week':
            return WD_CN_S[d.weekday()] + ' ' + tm, True
        if k == 'year':
            return '%d月%d日 %s' % (d.month, d.day, tm), True
        return ymd, False
    if layout == 'vivo_call':
        if k == 'yest':
            return '昨天', False
        if k == 'week':
            return WD_CN[d.weekday()], False
        if k == 'year':
            return '%d月%d日' % (d.month, d.day), False
        return ymd, False
    if layout == 'iphone_call':
        if k == 'yest':
            return '昨天', False
        if k == 'week':
            return WD_CN[d.weekday()], False
        return ymd, False
    raise KeyError(layout)


def iso(t):
    return '%04d-%02d-%02dT%02d:%02d:00+08:00' % (t.year, t.month, t.day, t.hour, t.minute)


# ---------------------------------------------------------------- invented content
SURN = '刘王张李陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯董程曹袁邓许沈曾彭吕苏卢蒋蔡丁魏叶余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙段雷汤尹黎易常武乔贺赖龚'
GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红建文辉力飞斌宇浩凯鹏'
LENDERS = ['橙橘分期', '云米速贷', '鹿鸣借款', '禾信普惠', '星贝钱包', '聚优分期', '满月花',
           '青柚借钱', '蓝鲸易贷', '豆荚白条', '麦穗快借', '溪谷信用']
LENDERS_EN = ['StarBay Wallet', 'CloudRice Loan', 'OrangeTree Credit', 'Luming Finance',
              'BlueWhale Lending']
FIRMS = ['鼎衡法务调解中心', '青川律师事务所', '信诺达调解中心', '启衡律师事务所', '正朔资产管理',
         '铭泽法务服务部', '安和调解工作室', '九章催收外包组']
FIRMS_EN = ['Dingheng Legal Mediation', 'Qingchuan Law Office', 'Xinnuoda Recovery Center']
STAFF = ['王专员', '李律师', '陈经理', '赵主管', '周律师', '孙调解员', '法务部张工', '吴组长', '何专员']
STAFF_EN = ['Officer Wang', 'Lawyer Li', 'Manager Chen', 'Supervisor Zhao']
RELS = ['父亲', '母亲', '老婆', '老公', '姐姐', '哥哥', '同事', '领导', '表哥', '室友']
COMPANIES = ['宏达物流', '华禾电子厂', '恒润建材', '新城物业', '佳禾超市', '远帆快递站', '金穗食品厂']
BANKS = [('工商银行', '6222'), ('建设银行', '6217'), ('农业银行', '6228'), ('招商银行', '6214'),
         ('中国银行', '6216')]
CITIES = [('浙江杭州', '浙0106', '杭州市西湖区'), ('广东深圳', '粤0304', '深圳市福田区'),
          ('江苏苏州', '苏0508', '苏州市姑苏区'), ('四川成都', '川0107', '成都市武侯区'),
          ('湖北武汉', '鄂0106', '武汉市武昌区'), ('河南郑州', '豫0105', '郑州市金水区'),
          ('山东济南', '鲁0102', '济南市历下区'), ('福建厦门', '闽0203', '厦门市思明区'),
          ('湖南长沙', '湘0102', '长沙市芙蓉区'), ('安徽合肥', '皖0104', '合肥市蜀山区')]
CITIES_EN = ['Hangzhou', 'Shenzhen', 'Suzhou', 'Chengdu', 'Wuhan', 'Zhengzhou']
ALNUM = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'
ID_REGIONS = ['3301', '4403', '3205', '5101', '4201', '4101', '3701', '3502']
PHONE_PREFIX = ['130', '131', '132', '135', '136', '137', '138', '139', '150', '151', '152',
                '155', '157', '158', '159', '176', '177', '180', '181', '186', '187', '188',
                '189', '199']
AREA = ['0571', '0755', '0512', '028', '027', '0371', '0531', '0592', '0731', '0551']


def rcode(r, n):
    return ''.join(r.choice(ALNUM) for _ in range(n))


def mobile(r):
    # obviously fake range: 1xx 0000 xxxx
    return r.choice(PHONE_PREFIX) + '0000' + '%04d' % r.randint(0, 9999)


def landline(r):
    a = r.choice(AREA)
    n = 8 if len(a) == 4 else 8
    return a, '8' + '%d' % r.randint(0, 9) + '00' + '%04d' % r.randint(0, 9999)


def masked_name(r):
    s = r.choice(SURN)
    g = r.choice(GIVEN)
    return r.choice(['%s*%s' % (s, g), '%s*%s' % (s, g), '%s**' % s, '%s*' % s])


def fmt_amount(r):
    a = r.choice([r.randint(800, 9999), r.randint(1000, 68000), r.randint(3000, 26000)])
    c = r.randint(0, 99)
    style = r.random()
    if style < 0.4:
        return '%d.%02d' % (a, c)
    if style < 0.7:
        return '{:,}'.format(a)
    return str(a)


def mk_link(r):
    c = r.random()
    if c < 0.3:
        return 'https://t.example.cn/' + rcode(r, 6)
    if c < 0.55:
        return 'http://law-case.example.com/c/' + '%d' % r.randint(10000, 99999)
    if c < 0.75:
        return 'dwz.example/' + rcode(r, 5)
    return 'https://h5.example.net/p?id=' + '%08d' % r.randint(0, 99999999)


class Ctx:
    """Per-thread invented facts, so one thread stays consistent."""

    def __init__(self, r):
        self.r = r
        self.name = masked_name(r)
        self.lender = r.choice(LENDERS)
        self.lender_en = r.choice(LENDERS_EN)
        self.firm = r.choice(FIRMS)
        self.firm_en = r.choice(FIRMS_EN)
        self.staff = r.choice(STAFF)
        self.staff_en = r.choice(STAFF_EN)
        self.amount = fmt_amount(r)
        self.days = r.choice([r.randint(3, 40), r.randint(40, 200), r.randint(200, 480)])
        c = r.choice(CITIES)
        self.city, self.court, self.court_city = c
        self.city_en = r.choice(CITIES_EN)
        bank, pre = r.choice(BANKS)
        self.bank = bank
        self.card = pre + '********' + '%04d' % r.randint(0, 9999)
        self.acct = r.choice(SURN) + '*' + r.choice(GIVEN)
        self.idm = r.choice(ID_REGIONS) + '**********' + '%03d' % r.randint(0, 999) + \
            r.choice('0123456789X')
        self.company = r.choice(COMPANIES)
        self.caseno = r.choice(['CS2026%02d%02d%05d' % (r.randint(1, 3), r.randint(1, 28),
                                                        r.randint(0, 99999)),
                                'DH-2026-%05d' % r.randint(0, 99999),
                                'AJ2026%07d' % r.randint(0, 9999999)])
        self.hot = '400-8%02d-%04d' % (r.randint(0, 99), r.randint(0, 9999))
        m = mobile(r)
        self.phone = r.choice([m, '%s-%s-%s' % (m[:3], m[3:7], m[7:]), self.hot])
        self.rel = r.choice(RELS)
        self.used = set()

    def fill(self, tpl):
        r = self.r
        m = mobile(r)
        link = mk_link(r)
        vals = dict(
            name=self.name, lender=self.lender, lender_en=self.lender_en, firm=self.firm,
            firm_en=self.firm_en, staff=self.staff, staff_en=self.staff_en,
            amount=self.amount, amt_en=self.amount if '.' in self.amount else self.amount + '.00',
            days=self.days, city=self.city, court=self.court, court_city=self.court_city,
            city_en=self.city_en, bank=self.bank, card=self.card, acct=self.acct,
            idm=self.idm, company=self.company, caseno=self.caseno, hot=self.hot,
            phone=self.phone, rel=self.rel, rel2=r.choice(RELS),
            h=r.choice([3, 4, 5, 6, 8]), hh=r.choice([17, 18, 20, 21, 22]),
            h12=r.choice([5, 6, 8]), part=r.choice([500, 800, 1000, 1500, 2000, 3000]),
            k=r.choice([3, 6, 12]), n=r.randint(12, 86), no='%d' % r.randint(1000, 29999),
            mm=r.choice([3, 4]), dd=r.randint(1, 28), link=link,
            link_en='https://pay.example.cn/' + rcode(r, 5),
            rphone='%s****%s' % (m[:3], m[-4:]), small=r.choice([200, 300, 500, 1000]),
            p=r.choice([2000, 3000, 5000, 8000]), code=rcode(r, 4).upper())
        return tpl.format(**vals)


CN_IN_SHORT = ['在吗', '接电话', '？？', '人呢', '回电话', '还钱', '速回', '别装死', '看到回复',
               '在不在', '给个准话', '今天能处理吗', '电话怎么不接', '最后一次提醒', '什么时候还？',
               '？？？', '说话', '回个信息']
CN_IN_MED = [
    '{name}，你的{lender}欠款{amount}元今天必须处理。',
    '已经逾期{days}天了，你打算拖到什么时候？',
    '下午{h}点前不还款，我们就联系你的紧急联系人。',
    '你通讯录里的{rel}我们已经联系过了，你自己看着办。',
    '今天不处理，明天安排同事上门。',
    '我是{firm}的{staff}，你的案子已经转到我这里了。',
    '还款账户：{bank} {card}，户名：{acct}，转完发截图。',
    '点击查看还款详情：{link}',
    '再不回复就按恶意拖欠处理，后果自负。',
    '明天上午10点外访人员到你户籍地{city}核实情况。',
    '你{rel2}的电话是{rphone}吧？',
    '今天{h}点前先还{part}元，可以暂停上门。',
    '案件编号{caseno}，速回电{phone}。',
    '你单位{company}的电话我们已经查到了。',
    '【{lender}】您的账单已逾期{days}天，请尽快还款。',
    '别以为不接电话就没事，{firm}已经接手了。',
    '最晚今晚{hh}点，过时不候。',
]
CN_IN_LONG = [
    '【{lender}】尊敬的{name}，您的借款已逾期{days}天，欠款合计{amount}元，请于今日{hh}:00前还款，逾期将上报征信并产生额外费用。退订回T',
    '【{firm}】{name}（身份证{idm}）：受{lender}委托，现就您拖欠借款{amount}元一事向您发出律师函，请在收到本函后48小时内联系{phone}处理，否则我方将依法提起诉讼。',
    '【立案通知】{name}，你名下{lender}借款纠纷一案已提交{court_city}人民法院，案号〔2026〕{court}民初{no}号，查看详情：{link}',
    '{name}你好，你在{lender}的借款{amount}元已经逾期{days}天，我们多次联系你都不接电话，今天下午{h}点前再不处理，我们会把情况发到你单位{company}，让你领导同事都知道。',
    '通知：案件编号{caseno}已进入诉前调解阶段，请于{mm}月{dd}日前携带身份证到{court_city}调解中心处理，逾期未到视为放弃调解。',
    '你以为换个号码就找不到你了？你老家在{city}哪个村我们都清楚，你{rel}的电话也在我们这里。',
    '最后通牒：今晚12点前全额还清{amount}元，否则明早直接起诉并申请冻结你名下{bank}卡{card}。',
    '我们已经给你通讯录里{n}个联系人发了短信，你继续不接电话就接着发，到时候别怪我们没提醒你。',
    '【{lender}】您好，您有一笔{amount}元的账单已逾期，可点击{link}申请延期或分期还款，详询{hot}。',
    '{name}，给你最后一次机会，先还{part}元可以停催，剩余部分分{k}期，今天{h}点前答复。',
    '这边是{firm}外访组，明天上午我们两个同事去你单位{company}找你，你提前跟你们人事说一声。',
    '【律师函】{name}：你欠{lender}本息{amount}元，经多次催告仍未履行，本所已受托准备起诉材料，案件编号{caseno}，请于3日内联系{staff}，电话{phone}。',
    '你的案件已经提交立案审核，案号（2026）{court}民初{no}号，一旦立案，你的微信、支付宝、银行卡都会被冻结，乘坐高铁飞机也会受限。',
    '工作人员已核实你的工作单位和家庭住址，本周五前没有还款记录，我们会按流程安排上门走访，费用由你承担。',
]
CN_OUT = ['好的', '嗯嗯', '知道了', '收到', '在筹了', 'OK', '？？', '谁？', '下周五前还', '别再打我家里电话了',
          '我现在真的没钱，能不能先还一部分？', '你们是哪个公司的', '能分期吗', '我会还，别找我同事',
          '已经转了{small}，你查一下', '本金才{p}元，怎么变成{amount}了？', '你再骚扰我家人我就报警',
          '这个链接打不开', '明天下午', '我在上班，晚点说', '给我三天时间', '能不能减免一点利息',
          '收到，今天晚上处理', '工资15号发，发了就还', '行吧', '别打了', '我已经在跟平台协商了',
          '你把借款合同发我看一下', '我没借过{lender}的钱，你们是不是搞错了']
EN_IN = [
    'Final notice: your loan of CNY {amt_en} with {lender_en} is {days} days overdue. Pay before {h12} PM today.',
    'This is {staff_en} from {firm_en}. Your case {caseno} has been transferred to our legal team.',
    'If you do not reply today we will contact your employer and your emergency contacts.',
    'Pay now via {link_en} or call {hot}',
    'We have already called your mother. Call us back.',
    'A lawyer letter will be sent to your home address in {city_en} tomorrow.',
    'Answer the phone',
    '??',
    'Where is the payment?',
    'Your contacts will be notified at 8 PM tonight.',
    'Last chance. Pay {part} today and we stop the home visit.',
]
EN_OUT = ['ok', 'Who is this?', 'I will pay on Friday', 'Please stop calling my parents',
          'I paid 500 yesterday', 'Can I pay in installments?', 'Give me three days', 'Got it',
          'Salary comes on the 15th, I will pay then', 'Stop']
FAMILY_IN = ['你赶紧把钱还了吧，别连累家里', '他们天天打电话到家里，你到底欠了多少？', '妈让你回个电话',
             '这些人说要去你单位，你快处理一下', '我们也没钱替你还']

GROUP_NICKS = ['鼎衡-王律师', '调解员小陈', '法务 赵主管', '客服07号', '张组长', '外访专员-孙', '李律师(代理)']
FAMILY_NICKS = ['刘芳', '老妈', '二姐', '表哥-志刚']


def pick_message(r, ctx, direction, ui, kind):
    """Returns one message text (already filled)."""
    if direction == 'out':
        if ui == 'en' and r.random() < 0.7:
            return ctx.fill(r.choice(EN_OUT))
        return ctx.fill(r.choice(CN_OUT))
    if ui == 'en' and r.random() < 0.5:
        return ctx.fill(r.choice(EN_IN))
    x = r.random()
    if kind == 'service':
        return ctx.fill(r.choice(CN_IN_LONG if x < 0.6 else CN_IN_MED))
    if x < 0.28:
        return r.choice(CN_IN_SHORT)
    if x < 0.72:
        return ctx.fill(r.choice(CN_IN_MED))
    return ctx.fill(r.choice(CN_IN_LONG))


# ---------------------------------------------------------------- wrapping
NO_START = set('，。、；：？！）】」』”’〕》,.;:?!)]}%')


def is_ascii(s):
    return all(ord(c) < 128 for c in s)


def wrap_en(text, size, maxw):
    words = text.split(' ')
    lines, cur = [], ''
    for w in words:
        if w == '':
            return None
        t = w if not cur else cur + ' ' + w
        if tw(t, size) <= maxw:
            cur = t
            continue
        if not cur:
            return None
        lines.append(cur)
        cur = w
        if tw(cur, size) > maxw:
            return None
    lines.append(cur)
    return lines


def wrap_cjk_once(text, size, maxw):
    lines, cur = [], ''
    for ch in text:
        if not cur or tw(cur + ch, size) <= maxw:
            cur += ch
            continue
        if ch in NO_START and len(cur) > 1:
            lines.append(cur[:-1])
            cur = cur[-1] + ch
        else:
            lines.append(cur)
            cur = ch
    lines.append(cur)
    return lines


def wrap_msg(text, size, maxw):
    """Wrap a message.  Pure-ASCII messages wrap at spaces only; others
    between characters, and the width is narrowed until no break touches a
    space.  Returns the list of lines or None if impossible."""
    if is_ascii(text):
        lines = wrap_en(text, size, maxw)
        if lines is not None:
            assert ' '.join(lines) == text
        return lines
    w = maxw
    while w > size * 4:
        lines = wrap_cjk_once(text, size, w)
        bad = any(lines[i].endswith(' ') or lines[i + 1].startswith(' ')
                  for i in range(len(lines) - 1))
        if not bad:
            assert ''.join(lines) == text
            return lines
        w -= size * 0.5
    return None


# ---------------------------------------------------------------- small icons
HANDSET = [(0.16, 0.04), (0.36, 0.06), (0.44, 0.28), (0.33, 0.40), (0.47, 0.56), (0.61, 0.68),
           (0.73, 0.57), (0.95, 0.65), (0.96, 0.86), (0.82, 0.97), (0.58, 0.93), (0.34, 0.77),
           (0.15, 0.52), (0.04, 0.26)]


def draw_handset(cv, x, y, s, col, role='icon'):
    cv.poly([(x + a * s, y + b * s) for a, b in HANDSET], col, role)


def draw_chevron_left(cv, x, yc, s, col, width, role='icon'):
    cv.line([(x + s * 0.5, yc - s * 0.5), (x, yc), (x + s * 0.5, yc + s * 0.5)], col, width, role)


def draw_back_arrow(cv, x, yc, s, col, width, role='icon'):
    cv.line([(x, yc), (x + s, yc)], col, width, role)
    cv.line([(x + s * 0.45, yc - s * 0.45), (x, yc), (x + s * 0.45, yc + s * 0.45)], col, width, role)


def draw_dots_v(cv, xc, yc, s, col, role='icon'):
    for k in (-1, 0, 1):
        cv.ellipse([xc - s, yc + k * s * 3.2 - s, xc + s, yc + k * s * 3.2 + s], col, role)


def draw_dots_h(cv, xc, yc, s, col, role='icon'):
    for k in (-1, 0, 1):
        cv.ellipse([xc + k * s * 3.2 - s, yc - s, xc + k * s * 3.2 + s, yc + s], col, role)


def draw_person(cv, box, bg, fg, role='avatar'):
    x0, y0, x1, y1 = box
    w = x1 - x0
    cv.ellipse(box, bg, role)
    cv.ellipse([x0 + w * 0.34, y0 + w * 0.2, x0 + w * 0.66, y0 + w * 0.52], fg, role)
    cv.chord([x0 + w * 0.2, y0 + w * 0.58, x0 + w * 0.8, y0 + w * 1.1], 180, 360, fg, role)


def draw_person_sq(cv, box, bg, fg, r, role='avatar'):
    x0, y0, x1, y1 = box
    w = x1 - x0
    cv.rrect(box, r, bg, role)
    cv.ellipse([x0 + w * 0.33, y0 + w * 0.18, x0 + w * 0.67, y0 + w * 0.52], fg, role)
    cv.chord([x0 + w * 0.18, y0 + w * 0.6, x0 + w * 0.82, y0 + w * 1.2], 180, 360, fg, role)
    # keep the chord inside the square: cover the overflow with the bg below the box
    # (chord box ends past y1; PIL clips at the image only) -> redraw nothing, shape stays small


def draw_arrow_icon(cv, kind, x, y, s, col, width):
    """Call-direction glyphs.  incoming: arrow down-left; outgoing: arrow
    up-right; missed: V-shaped bent arrow."""
    role = 'call_icon'
    h = s * 0.42
    if kind == 'incoming':
        cv.line([(x + s, y), (x + s * 0.22, y + s * 0.78)], col, width, role)
        cv.poly([(x, y + s), (x, y + s - h), (x + h, y + s)], col, role)
    elif kind == 'outgoing':
        cv.line([(x, y + s), (x + s * 0.78, y + s * 0.22)], col, width, role)
        cv.poly([(x + s, y), (x + s - h, y), (x + s, y + h)], col, role)
    else:
        cv.line([(x + s, y + s * 0.12), (x + s * 0.5, y + s * 0.72), (x + s * 0.16, y + s * 0.38)],
                col, width, role)
        cv.poly([(x, y + s * 0.2), (x + h, y + s * 0.2), (x, y + s * 0.2 + h)], col, role)


# ---------------------------------------------------------------- status bars
def sb_height(platform, W):
    u = W / 1080.0
    if platform == 'iphone':
        return 162 if W in (1179, 1290, 1206) else 141
    return int(round(96 * u))


def sig_bars(cv, x, yc, h, fg, dim, level=4):
    bw = h * 0.2
    gap = h * 0.1
    for i in range(4):
        bh = h * (0.4 + 0.2 * i)
        cv.rrect([x, yc + h / 2 - bh, x + bw, yc + h / 2], bw * 0.3, fg if i < level else dim,
                 'status_icon')
        x += bw + gap
    return x


def wifi_fan(cv, x, yc, s, fg):
    R = s * 0.72
    cx = x + s / 2
    yb = yc + s * 0.42
    cv.pieslice([cx - R, yb - R, cx + R, yb + R], 225, 315, fg, 'status_icon')
    return x + s


def battery(cv, x, yc, w, h, fg, level, fill_col=None, pct=None, pct_col=None):
    cv.rrect([x, yc - h / 2, x + w, yc + h / 2], h * 0.28, None, 'status_icon', outline=fg,
             width=max(2, int(h * 0.1)))
    pad = max(3, int(h * 0.16))
    inner = (w - 2 * pad) * level / 100.0
    if pct is not None:
        cv.rrect([x + pad, yc - h / 2 + pad, x + w - pad, yc + h / 2 - pad], h * 0.15, fg, 'status_icon')
    else:
        cv.rrect([x + pad, yc - h / 2 + pad, x + pad + inner, yc + h / 2 - pad], h * 0.15,
                 fill_col or fg, 'status_icon')
    cv.rrect([x + w + 2, yc - h * 0.18, x + w + 2 + h * 0.16, yc + h * 0.18], 2, fg, 'status_icon')
    if pct is not None:
        cv.text(x + w / 2, yc, pct, int(h * 0.72), pct_col or fg, 'status', bold=True, anchor='mm')
    return x + w + 2 + h * 0.16


def notif_icons(cv, x, yc, s, fg, kinds):
    for k in kinds:
        if k == 'chat':
            cv.ellipse([x, yc - s * 0.45, x + s * 0.75, yc + s * 0.2], fg, 'status_icon')
            cv.ellipse([x + s * 0.35, yc - s * 0.15, x + s, yc + s * 0.45], fg, 'status_icon')
        elif k == 'msg':
            cv.rrect([x, yc - s * 0.4, x + s, yc + s * 0.3], s * 0.15, fg, 'status_icon')
            cv.poly([(x + s * 0.2, yc + s * 0.25), (x + s * 0.2, yc + s * 0.5),
                     (x + s * 0.45, yc + s * 0.25)], fg, 'status_icon')
        elif k == 'call':
            draw_handset(cv, x, yc - s / 2, s, fg, 'status_icon')
        elif k == 'dl':
            cv.line([(x + s / 2, yc - s * 0.45), (x + s / 2, yc + s * 0.2)], fg, max(2, int(s * 0.14)),
                    'status_icon')
            cv.poly([(x + s * 0.2, yc), (x + s * 0.8, yc), (x + s / 2, yc + s * 0.3)], fg, 'status_icon')
            cv.rect([x + s * 0.1, yc + s * 0.38, x + s * 0.9, yc + s * 0.48], fg, 'status_icon')
        elif k == 'moon':
            cv.ellipse([x, yc - s / 2, x + s, yc + s / 2], fg, 'status_icon')
            cv.ellipse([x + s * 0.35, yc - s * 0.62, x + s * 1.2, yc + s * 0.25], None, 'status_icon')
        elif k == 'loc':
            cv.poly([(x, yc), (x + s, yc - s * 0.5), (x + s * 0.55, yc + s * 0.5),
                     (x + s * 0.45, yc + s * 0.05)], fg, 'status_icon')
        x += s * 1.45
    return x


def draw_status(cv, shot, bg):
    W = cv.w
    u = W / 1080.0
    dark = shot['dark']
    fg = '#FFFFFF' if dark else '#000000'
    dim = '#5A5A5A' if dark else '#BDBDBD'
    brand = shot['host']
    t = shot['taken']
    notif = shot['notif']
    h = sb_height('iphone' if brand == 'iphone' else 'android', W)
    cv.rect([0, 0, W, h], bg, 'statusbar_bg')
    if brand == 'iphone':
        yc = h * 0.52
        clock = ('%d:%02d' % (t.hour % 12 or 12, t.minute)) if shot.get('clock12') else \
            '%d:%02d' % (t.hour, t.minute)
        cv.text(W * 0.165, yc, clock, int(50 * u), fg, 'status_clock', bold=True, anchor='mm')
        if notif:
            notif_icons(cv, W * 0.165 + tw(clock, int(50 * u), True) / 2 + 14 * u, yc, 30 * u, fg,
                        notif[:1])
        x = W - 250 * u
        x = sig_bars(cv, x, yc, 34 * u, fg, dim, level=shot['sig'])
        x = wifi_fan(cv, x + 14 * u, yc - 2 * u, 42 * u, fg)
        lvl = shot['batt']
        if shot.get('batt_pct'):
            battery(cv, x + 14 * u, yc, 66 * u, 33 * u, fg, lvl, pct=str(lvl),
                    pct_col=bg)
        else:
            battery(cv, x + 14 * u, yc, 66 * u, 33 * u, fg, lvl)
        return h
    yc = h * 0.5
    fs = int(38 * u)
    clock = '%02d:%02d' % (t.hour, t.minute)
    if shot.get('clock12'):
        clock = '%d:%02d' % (t.hour % 12 or 12, t.minute)
    lvl = shot['batt']
    if brand in ('huawei',):
        x = 44 * u
        x = sig_bars(cv, x, yc, 32 * u, fg, dim, level=shot['sig'])
        cv.text(x + 6 * u, yc - 8 * u, '5G', int(22 * u), fg, 'status', bold=True, anchor='lm')
        x += 40 * u
        x = wifi_fan(cv, x + 10 * u, yc, 38 * u, fg)
        if notif:
            notif_icons(cv, x + 22 * u, yc, 32 * u, fg, notif)
        xr = W - 44 * u
        cb = cv.text(xr, yc, clock, fs, fg, 'status_clock', anchor='rm')
        xb = cb[0] - 22 * u - 64 * u
        battery(cv, xb, yc, 58 * u, 30 * u, fg, lvl)
        cv.text(xb - 10 * u, yc, '%d%%' % lvl, int(30 * u), fg, 'status', anchor='rm')
        return h
    cb = cv.text(54 * u, yc, clock, fs, fg, 'status_clock', bold=(brand in ('oppo', 'vivo')),
                 anchor='lm')
    if notif:
        notif_icons(cv, cb[2] + 22 * u, yc, 32 * u, fg, notif)
    xr = W - 48 * u
    if brand == 'xiaomi':
        xb = xr - 64 * u
        battery(cv, xb, yc, 60 * u, 32 * u, fg, lvl, pct=str(lvl), pct_col=bg)
    else:
        xb = xr - 62 * u
        battery(cv, xb, yc, 56 * u, 28 * u, fg, lvl, fill_col='#30C04F' if brand == 'vivo' else None)
        if brand in ('vivo', 'honor'):
            cv.text(xb - 10 * u, yc, '%d%%' % lvl, int(28 * u), fg, 'status', anchor='rm')
            xb -= 80 * u
    x = xb - 50 * u
    wifi_fan(cv, x, yc, 38 * u, fg)
    x -= 96 * u
    sig_bars(cv, x, yc, 32 * u, fg, dim, level=shot['sig'])
    cv.text(x - 8 * u, yc - 8 * u, '5G' if brand != 'oppo' else '4G', int(22 * u), fg, 'status',
            bold=True, anchor='rm')
    return h


def draw_home_bar(cv, shot):
    W, H = cv.w, cv.h
    u = W / 1080.0
    col = '#FFFFFF' if shot['dark'] else '#1A1A1A'
    if shot['host'] == 'iphone':
        cv.rrect([W / 2 - 0.18 * W, H - 30 * u, W / 2 + 0.18 * W, H - 16 * u], 7 * u, col, 'home_bar')
        return H - 62 * u
    cv.rrect([W / 2 - 0.15 * W, H - 26 * u, W / 2 + 0.15 * W, H - 16 * u], 5 * u, col, 'home_bar')
    return H - 50 * u


# ---------------------------------------------------------------- chat styles
SMS_LAYOUTS = ['huawei_sms', 'honor_sms', 'xiaomi_sms', 'oppo_sms', 'vivo_sms', 'iphone_sms',
               'iphone_sms_en']
IM_LAYOUTS = ['wechat_private', 'wechat_group']
CALL_LAYOUTS = ['huawei_call', 'honor_call', 'xiaomi_call', 'oppo_call', 'vivo_call',
                'iphone_call', 'iphone_call_en']
DATE_ONLY = ('huawei_sms', 'honor_sms', 'vivo_sms')


def chat_style(L, W, dark):
    u = W / 1080.0

    def P(v):
        return int(round(v * u))
    s = dict(u=u, fs=P(46), lh=1.45, padx=P(36), pady=P(24), radius=P(40), margin=P(40),
             gap_same=P(18), gap_diff=P(30), tail=None, time_mode=None, time_fs=P(29),
             sep_fs=P(32), sep_top=P(40), sep_bot=P(22), avatar=0, maxw=int(W * 0.64),
             minw=P(110), hdr_line=None)
    if L == 'huawei_sms':
        s.update(bg='#000000' if dark else '#F1F3F5', in_bg='#262626' if dark else '#FFFFFF',
                 in_fg='#E5E5E5' if dark else '#191919', out_bg='#0A59F7' if dark else '#007DFF',
                 out_fg='#FFFFFF', sep_col='#7F7F7F' if dark else '#8C8F94',
                 time_col='#6E6E6E' if dark else '#999CA1', time_mode='below', radius=P(44),
                 title_align='left', title_fs=P(54), title_bold=True, sub_fs=P(32),
                 field_bg='#1C1C1C' if dark else '#FFFFFF', placeholder='短信')
    elif L == 'honor_sms':
        s.update(bg='#0D0D0D' if dark else '#FFFFFF', in_bg='#2A2A2A' if dark else '#F1F1F3',
                 in_fg='#E8E8E8' if dark else '#1A1A1A', out_bg='#2F6BEB' if dark else '#256FFF',
                 out_fg='#FFFFFF', sep_col='#808080' if dark else '#9A9A9A',
                 time_col='#707070' if dark else '#A3A3A3', time_mode='below', radius=P(32),
                 fs=P(45), title_align='center', title_fs=P(52), title_bold=True, sub_fs=P(30),
                 field_bg='#1F1F1F' if dark else '#F1F1F3', placeholder='短信/彩信',
                 hdr_line='#222222' if dark else '#EDEDED')
    elif L == 'xiaomi_sms':
        s.update(bg='#000000' if dark else '#FFFFFF', in_bg='#1E1E1E' if dark else '#F0F0F0',
                 in_fg='#E8E8E8' if dark else '#000000', out_bg='#2C69D9' if dark else '#3482FF',
                 out_fg='#FFFFFF', sep_col='#7A7A7A' if dark else '#A0A0A0', radius=P(46),
                 fs=P(47), title_align='left', title_fs=P(58), title_bold=True, sub_fs=P(32),
                 field_bg='#1A1A1A' if dark else '#F2F2F2', placeholder='短信', sep_fs=P(31))
    elif L == 'oppo_sms':
        s.update(bg='#121212' if dark else '#FAFAFA', in_bg='#262626' if dark else '#FFFFFF',
                 in_fg='#E0E0E0' if dark else '#1F1F1F', out_bg='#2E9D5B' if dark else '#33B368',
                 out_fg='#FFFFFF', sep_col='#7C7C7C' if dark else '#9B9B9B', radius=P(36),
                 title_align='center', title_fs=P(50), title_bold=True, sub_fs=P(30),
                 field_bg='#202020' if dark else '#FFFFFF', placeholder='输入信息',
                 hdr_line='#262626' if dark else '#E6E6E6')
    elif L == 'vivo_sms':
        s.update(bg='#0A0A0A' if dark else '#F6F6F6', in_bg='#262626' if dark else '#FFFFFF',
                 in_fg='#E6E6E6' if dark else '#202020', out_bg='#3553E0' if dark else '#415FFF',
                 out_fg='#FFFFFF', sep_col='#7F7F7F' if dark else '#999999',
                 time_col='#707070' if dark else '#AAAAAA', time_mode='beside', radius=P(48),
                 maxw=int(W * 0.56), title_align='left', title_fs=P(52), title_bold=False,
                 sub_fs=P(30), field_bg='#1E1E1E' if dark else '#FFFFFF', placeholder='短信')
    elif L in ('iphone_sms', 'iphone_sms_en'):
        s.update(bg='#000000' if dark else '#FFFFFF', in_bg='#262629' if dark else '#E9E9EB',
                 in_fg='#FFFFFF' if dark else '#000000', out_bg='#30D158' if dark else '#34C759',
                 out_fg='#FFFFFF', sep_col='#8E8E93', radius=P(50), fs=P(47), lh=1.32,
                 padx=P(33), pady=P(19), gap_same=P(6), gap_diff=P(22), tail='ios',
                 maxw=int(W * 0.66), sep_fs=P(31), title_fs=P(34), sub_fs=P(30),
                 hdr_bg='#161616' if dark else '#F6F6F6', hdr_line='#2C2C2E' if dark else '#D8D8DA',
                 field_bg=None, placeholder='Text Message' if L.endswith('_en') else '短信',
                 time_col='#8E8E93')
    elif L in IM_LAYOUTS:
        s.update(bg='#111111' if dark else '#EDEDED', in_bg='#2C2C2C' if dark else '#FFFFFF',
                 in_fg='#D5D5D5' if dark else '#191919', out_bg='#3EB575' if dark else '#95EC69',
                 out_fg='#0C0C0C' if dark else '#191919', sep_col='#6B6B6B' if dark else '#9E9E9E',
                 radius=P(12), fs=P(48), lh=1.38, padx=P(30), pady=P(25), gap_same=P(36),
                 gap_diff=P(36), tail='wechat', avatar=P(112), margin=P(32), maxw=int(W * 0.58),
                 minw=P(40), sep_fs=P(33), sep_top=P(36), sep_bot=P(14), title_fs=P(50),
                 nick_fs=P(32), nick_col='#767676' if dark else '#888888',
                 hdr_bg='#111111' if dark else '#EDEDED', field_bg='#2C2C2C' if dark else '#FFFFFF',
                 hdr_line='#1E1E1E' if dark else '#D9D9D9')
    s.setdefault('hdr_bg', s['bg'])
    s['fg'] = '#FFFFFF' if dark else '#000000'
    s['title_col'] = '#F0F0F0' if dark else '#111111'
    s['sub_col'] = '#8A8A8A' if dark else '#8A8A8A'
    s['icon_col'] = '#E0E0E0' if dark else '#202020'
    s['LH'] = int(round(s['fs'] * s['lh']))
    return s


# ---------------------------------------------------------------- chat headers / input bars
def chat_header(cv, shot, st, y0):
    L = shot['layout']
    W = cv.w
    u = st['u']
    title = shot['title']
    sub = shot.get('subtitle')
    ic = st['icon_col']
    if L.startswith('iphone'):
        hh = 232 * u
        cv.rect([0, y0, W, y0 + hh], st['hdr_bg'], 'header_bg')
        blue = '#0A84FF' if shot['dark'] else '#007AFF'
        draw_chevron_left(cv, 34 * u, y0 + 80 * u, 44 * u, blue, max(3, int(7 * u)))
        if shot.get('unread'):
            s = shot['unread']
            wpill = max(tw(s, int(30 * u), True) + 30 * u, 56 * u)
            cv.rrect([76 * u, y0 + 58 * u, 76 * u + wpill, y0 + 102 * u], 22 * u, blue, 'header_badge')
            cv.text(76 * u + wpill / 2, y0 + 80 * u, s, int(30 * u), '#FFFFFF', 'header_badge',
                    bold=True, anchor='mm')
        r = 56 * u
        draw_person(cv, [W / 2 - r, y0 + 22 * u, W / 2 + r, y0 + 22 * u + 2 * r],
                    '#6E6E73' if shot['dark'] else '#A4A8B3', '#D9D9DE' if shot['dark'] else '#FFFFFF')
        tb = cv.text(W / 2 - 8 * u, y0 + 180 * u, title, st['title_fs'], st['title_col'],
                     'header_title', anchor='mm')
        cx = tb[2] + 12 * u
        cv.line([(cx, y0 + 170 * u), (cx + 9 * u, y0 + 180 * u), (cx, y0 + 190 * u)],
                st['sub_col'], max(2, int(4 * u)))
        cv.line([(0, y0 + hh), (W, y0 + hh)], st['hdr_line'], 2, 'header_line')
        return y0 + hh + 2
    if L in IM_LAYOUTS:
        hh = 142 * u
        cv.rect([0, y0, W, y0 + hh], st['hdr_bg'], 'header_bg')
        draw_chevron_left(cv, 40 * u, y0 + hh / 2, 46 * u, ic, max(3, int(6 * u)))
        cv.text(W / 2, y0 + hh / 2, title, st['title_fs'], st['title_col'], 'header_title',
                bold=True, anchor='mm')
        draw_dots_h(cv, W - 70 * u, y0 + hh / 2, 7 * u, ic)
        cv.line([(0, y0 + hh), (W, y0 + hh)], st['hdr_line'], 1, 'header_line')
        return y0 + hh + 1
    hh = (170 if sub else 140) * u
    cv.rect([0, y0, W, y0 + hh], st['hdr_bg'], 'header_bg')
    ym = y0 + hh / 2
    draw_back_arrow(cv, 44 * u, ym, 44 * u, ic, max(3, int(5 * u)))
    if st['title_align'] == 'left':
        tx, anc = 136 * u, 'lm'
    else:
        tx, anc = W / 2, 'mm'
    ty = ym - (24 * u if sub else 0)
    cv.text(tx, ty, title, st['title_fs'], st['title_col'], 'header_title',
            bold=st['title_bold'], anchor=anc)
    if sub:
        cv.text(tx, ym + 34 * u, sub, st['sub_fs'], st['sub_col'], 'header_sub', anchor=anc)
    if L != 'oppo_sms':
        draw_handset(cv, W - 210 * u, ym - 24 * u, 48 * u, ic)
    draw_dots_v(cv, W - 70 * u, ym, 6 * u, ic)
    if st.get('hdr_line'):
        cv.line([(0, y0 + hh), (W, y0 + hh)], st['hdr_line'], 2, 'header_line')
    return y0 + hh + 2


def chat_input(cv, shot, st):
    """Draws the bottom input area; returns its top y."""
    L = shot['layout']
    W, H = cv.w, cv.h
    u = st['u']
    ybot = draw_home_bar(cv, shot)
    ic = st['icon_col']
    grey = '#7A7A7A' if shot['dark'] else '#9A9A9A'
    if L.startswith('iphone'):
        fh = 104 * u
        y1 = ybot - 10 * u
        y0 = y1 - fh
        cv.ellipse([30 * u, y0 + 8 * u, 118 * u, y0 + 96 * u], '#2C2C2E' if shot['dark'] else '#E9E9EB',
                   'input_icon')
        cv.line([(74 * u, y0 + 30 * u), (74 * u, y0 + 74 * u)], grey, max(3, int(6 * u)), 'input_icon')
        cv.line([(52 * u, y0 + 52 * u), (96 * u, y0 + 52 * u)], grey, max(3, int(6 * u)), 'input_icon')
        cv.rrect([140 * u, y0, W - 30 * u, y1], fh / 2, None, 'input_field',
                 outline='#3A3A3C' if shot['dark'] else '#C7C7CC', width=max(2, int(3 * u)))
        cv.text(178 * u, (y0 + y1) / 2, st['placeholder'], int(46 * u), '#8E8E93', 'placeholder',
                anchor='lm')
        cv.rrect([W - 90 * u, y0 + 30 * u, W - 76 * u, y0 + 66 * u], 7 * u, grey, 'input_icon')
        return y0 - 20 * u
    if L in IM_LAYOUTS:
        bar_bg = '#1E1E1E' if shot['dark'] else '#F7F7F7'
        bh = 150 * u
        y0 = ybot - bh
        cv.rect([0, y0, W, H], bar_bg, 'input_bg')
        cv.line([(0, y0), (W, y0)], '#2A2A2A' if shot['dark'] else '#DCDCDC', 1, 'input_line')
        yc = y0 + 75 * u
        lw = max(3, int(4 * u))
        cv.ellipse([30 * u, yc - 40 * u, 110 * u, yc + 40 * u], None, 'input_icon', outline=ic, width=lw)
        cv.arc([52 * u, yc - 22 * u, 96 * u, yc + 22 * u], 300, 60, ic, lw, 'input_icon')
        cv.rrect([140 * u, yc - 54 * u, W - 260 * u, yc + 54 * u], 10 * u, st['field_bg'], 'input_field')
        cv.ellipse([W - 230 * u, yc - 40 * u, W - 150 * u, yc + 40 * u], None, 'input_icon',
                   outline=ic, width=lw)
        cv.ellipse([W - 208 * u, yc - 16 * u, W - 198 * u, yc - 6 * u], ic, 'input_icon')
        cv.ellipse([W - 182 * u, yc - 16 * u, W - 172 * u, yc - 6 * u], ic, 'input_icon')
        cv.arc([W - 212 * u, yc - 18 * u, W - 168 * u, yc + 22 * u], 20, 160, ic, lw, 'input_icon')
        cv.ellipse([W - 120 * u, yc - 40 * u, W - 40 * u, yc + 40 * u], None, 'input_icon',
                   outline=ic, width=lw)
        cv.line([(W - 80 * u, yc - 22 * u), (W - 80 * u, yc + 22 * u)], ic, lw, 'input_icon')
        cv.line([(W - 102 * u, yc), (W - 58 * u, yc)], ic, lw, 'input_icon')
        return y0 - 10 * u
    # Android SMS apps
    bh = 160 * u
    y0 = ybot - bh
    yc = y0 + bh / 2
    bar_bg = st['bg']
    if L in ('huawei_sms', 'vivo_sms'):
        bar_bg = '#141414' if shot['dark'] else ('#F1F3F5' if L == 'huawei_sms' else '#FFFFFF')
    cv.rect([0, y0, W, H], bar_bg, 'input_bg')
    lw = max(3, int(4 * u))
    # left "+" button
    cv.ellipse([34 * u, yc - 42 * u, 118 * u, yc + 42 * u], None, 'input_icon', outline=ic, width=lw)
    cv.line([(76 * u, yc - 20 * u), (76 * u, yc + 20 * u)], ic, lw, 'input_icon')
    cv.line([(56 * u, yc), (96 * u, yc)], ic, lw, 'input_icon')
    fx1 = W - (220 if shot.get('dual_sim') else 140) * u
    fbg = st['field_bg']
    outline = None
    if fbg == bar_bg:
        outline = '#3A3A3A' if shot['dark'] else '#DDDDDD'
    cv.rrect([140 * u, yc - 56 * u, fx1, yc + 56 * u], 56 * u, fbg, 'input_field', outline=outline,
             width=2)
    cv.text(180 * u, yc, st['placeholder'], int(44 * u), grey, 'placeholder', anchor='lm')
    if shot.get('dual_sim'):
        cv.rrect([W - 200 * u, yc - 30 * u, W - 136 * u, yc + 30 * u], 10 * u, None, 'input_icon',
                 outline=grey, width=2)
        cv.text(W - 168 * u, yc, '卡%d' % shot['sim'], int(26 * u), grey, 'sim_button', anchor='mm')
    send = '#5E5E5E' if shot['dark'] else '#C4C4C4'
    cv.poly([(W - 104 * u, yc - 34 * u), (W - 40 * u, yc), (W - 104 * u, yc + 34 * u),
             (W - 92 * u, yc)], send, 'input_icon')
    return y0 - 12 * u


# ---------------------------------------------------------------- chat layout engine
def prep_items(items, st, shot):
    """Measure every timeline item in its context (gap above, body height)."""
    L = shot['layout']
    u = st['u']
    out = []
    for i, src in enumerate(items):
        it = dict(src)
        prev = items[i - 1] if i > 0 else None
        nxt = items[i + 1] if i + 1 < len(items) else None
        if it['t'] in ('sep', 'svc', 'notice'):
            it['gap'] = st['sep_top'] if prev is not None else int(24 * u)
            if it['t'] == 'svc' or (it['t'] == 'sep' and prev is not None and prev['t'] == 'svc'):
                it['gap'] = int(12 * u) if prev is not None else int(24 * u)
            it['body'] = int(st['sep_fs'] * 1.5) + st['sep_bot']
        else:
            fs = st['fs']
            lines = wrap_msg(it['text'], fs, st['maxw'])
            if lines is None:
                raise ValueError('cannot wrap ' + it['text'])
            it['lines'] = lines
            lw = max(tw(ln, fs) for ln in lines)
            it['bw'] = int(max(lw + 2 * st['padx'], st['minw']))
            it['bh'] = len(lines) * st['LH'] + 2 * st['pady']
            same = (prev is not None and prev['t'] == 'bub' and prev['dir'] == it['dir']
                    and prev.get('nick') == it.get('nick'))
            it['gap'] = st['gap_same'] if same else st['gap_diff']
            if prev is not None and prev['t'] in ('sep', 'svc', 'notice'):
                it['gap'] = int(14 * u)
            if prev is None:
                it['gap'] = int(24 * u)
            it['nick_h'] = int(46 * u) if (L == 'wechat_group' and it['dir'] == 'in') else 0
            it['time_h'] = int(46 * u) if st['time_mode'] == 'below' else 0
            it['delivered'] = (L.startswith('iphone') and nxt is None and it['dir'] == 'out')
            it['del_h'] = int(46 * u) if it['delivered'] else 0
            it['tail_on'] = st['tail'] == 'wechat' or (
                st['tail'] == 'ios' and not (nxt is not None and nxt['t'] == 'bub'
                                             and nxt['dir'] == it['dir']))
            body = it['nick_h'] + it['bh'] + it['time_h'] + it['del_h']
            if st['avatar']:
                body = max(body, st['avatar'])
            it['body'] = body
        it['H'] = it['gap'] + it['body']
        out.append(it)
    return out


def fit_suffix(items, end, avail):
    s, tot = end, 0
    while s > 0 and tot + items[s - 1]['H'] <= avail:
        tot += items[s - 1]['H']
        s -= 1
    return s, tot


def draw_chat_item(cv, it, st, shot, y, recs, state):
    L = shot['layout']
    W = cv.w
    u = st['u']
    dark = shot['dark']
    y += it['gap']
    if it['t'] in ('sep', 'svc'):
        role = 'sep' if it['t'] == 'sep' else 'service_label'
        cv.text(W / 2, y + st['sep_fs'] * 0.75, it['text'], st['sep_fs'], st['sep_col'], role,
                anchor='mm')
        if it['t'] == 'sep':
            state['sep'] = it
        return
    if it['t'] == 'notice':
        parts = it['parts']
        gap = 10 * u
        total = sum(tw(p, st['sep_fs']) for p, _ in parts) + gap * (len(parts) - 1)
        x = W / 2 - total / 2
        for p, kind in parts:
            col = st['sep_col'] if kind == 'plain' else ('#7D90A9' if dark else '#576B95')
            cv.text(x, y + st['sep_fs'] * 0.75, p, st['sep_fs'], col, 'system_notice', anchor='lm')
            x += tw(p, st['sep_fs']) + gap
        return
    # bubble
    d = it['dir']
    av = st['avatar']
    top = y
    if av:
        ax = st['margin'] if d == 'in' else W - st['margin'] - av
        draw_person_sq(cv, [ax, top, ax + av, top + av], it['av_col'],
                       '#F2F2F2' if not dark else '#CFCFCF', 10 * u)
    inset = (av + int(22 * u)) if av else 0
    if d == 'in':
        bx0 = st['margin'] + inset
        bx1 = bx0 + it['bw']
    else:
        bx1 = W - st['margin'] - inset
        bx0 = bx1 - it['bw']
    if it['nick_h']:
        cv.text(bx0 + 4 * u, top + it['nick_h'] * 0.42, it['nick'], st['nick_fs'], st['nick_col'],
                'nickname', anchor='lm')
    by0 = top + it['nick_h']
    by1 = by0 + it['bh']
    bg = st['in_bg'] if d == 'in' else st['out_bg']
    fg = st['in_fg'] if d == 'in' else st['out_fg']
    if it['tail_on'] and st['tail'] == 'ios':
        if d == 'in':
            cv.poly([(bx0 + 4 * u, by1 - 44 * u), (bx0 + 6 * u, by1 - 12 * u), (bx0 - 14 * u, by1),
                     (bx0 + 34 * u, by1 - 4 * u)], bg, 'bubble_tail')
        else:
            cv.poly([(bx1 - 4 * u, by1 - 44 * u), (bx1 - 6 * u, by1 - 12 * u), (bx1 + 14 * u, by1),
                     (bx1 - 34 * u, by1 - 4 * u)], bg, 'bubble_tail')
    cv.rrect([bx0, by0, bx1, by1], st['radius'], bg, 'bubble')
    if it['tail_on'] and st['tail'] == 'wechat':
        if d == 'in':
            cv.poly([(bx0 + 1, by0 + 40 * u), (bx0 - 15 * u, by0 + 54 * u), (bx0 + 1, by0 + 68 * u)],
                    bg, 'bubble_tail')
        else:
            cv.poly([(bx1 - 1, by0 + 40 * u), (bx1 + 15 * u, by0 + 54 * u), (bx1 - 1, by0 + 68 * u)],
                    bg, 'bubble_tail')
    for i, ln in enumerate(it['lines']):
        cy = by0 + st['pady'] + st['LH'] * (i + 0.5)
        cv.text(bx0 + st['padx'], cy, ln, st['fs'], fg, 'bubble_text', anchor='lm')
    tstr = None
    if st['time_mode']:
        tstr = t_ampm_cn(it['dt']) if shot.get('h12') else t24(it['dt'])
    if st['time_mode'] == 'below':
        ty = by1 + it['time_h'] * 0.52
        fs = st['time_fs']
        if d == 'in':
            x = bx0 + 8 * u
            if it.get('sim'):
                b = cv.text(x, ty, it['sim'], fs, st['time_col'], 'sim_badge', anchor='lm')
                x = b[2] + 12 * u
            cv.text(x, ty, tstr, fs, st['time_col'], 'msg_time', anchor='lm')
        else:
            x = bx1 - 8 * u
            b = cv.text(x, ty, tstr, fs, st['time_col'], 'msg_time', anchor='rm')
            x = b[0] - 12 * u
            if it.get('sim'):
                b = cv.text(x, ty, it['sim'], fs, st['time_col'], 'sim_badge', anchor='rm')
                x = b[0] - 12 * u
            if it.get('status'):
                cv.text(x, ty, it['status'], fs, st['time_col'], 'msg_status', anchor='rm')
    elif st['time_mode'] == 'beside':
        fs = st['time_fs']
        if d == 'in':
            cv.text(bx1 + 14 * u, by1 - 8 * u, tstr, fs, st['time_col'], 'msg_time', anchor='ls')
        else:
            cv.text(bx0 - 14 * u, by1 - 8 * u, tstr, fs, st['time_col'], 'msg_time', anchor='rs')
    if it['delivered']:
        cv.text(bx1 - 6 * u, by1 + it['del_h'] * 0.55, 'Delivered' if L.endswith('_en') else '已送达',
                int(30 * u), st['time_col'], 'delivered', anchor='rm')
    # ----- truth record
    sep = state.get('sep')
    if sep is None:
        occ = None
    elif L in DATE_ONLY:
        dd = sep['val']
        occ = iso(dt.datetime(dd.year, dd.month, dd.day, it['dt'].hour, it['dt'].minute))
    else:
        occ = iso(sep['val'])
    if L in IM_LAYOUTS:
        sender = it['nick'] if (L == 'wechat_group' and d == 'in') else shot['sender']
    else:
        sender = shot['sender']
    recs.append({'kind': 'im' if L in IM_LAYOUTS else 'sms', 'sender': sender,
                 'occurred_at': occ, 'direction': d, 'text': it['text'], 'call_type': None,
                 'duration_seconds': None})


def render_chat(shot):
    L = shot['layout']
    W, H = shot['size']
    Hc = shot.get('crop_h') or H
    st = chat_style(L, W, shot['dark'])
    cv = Canvas(W, Hc, st['bg'])
    sbg = st['hdr_bg']
    y = draw_status(cv, shot, sbg)
    y = chat_header(cv, shot, st, y)
    if shot.get('crop_h'):
        bottom = Hc - 20 * st['u']
    else:
        bottom = chat_input(cv, shot, st)
    items = prep_items(shot['items'], st, shot)
    avail = bottom - y
    mode = shot['mode']
    if mode == 'later':
        s = shot['vis_start']
        e = len(items)
        tot = sum(it['H'] for it in items[s:])
        assert tot <= avail, 'later shot does not fit'
        assert s == 0 or items[s - 1]['H'] > avail - tot, 'item above would fit'
        y0 = bottom - tot
    elif mode == 'top' and sum(it['H'] for it in items) <= avail:
        s, e = 0, len(items)
        y0 = y
    elif (mode == 'middle' and len(items) > 6) or shot.get('crop_h'):
        # a window somewhere inside the thread: items cut at either edge are not drawn
        r = shot['rng']
        n = len(items)
        if shot.get('crop_h'):
            cands = range(max(1, n // 3), n + 1)
        else:
            cands = range(n * 2 // 3, n)
        best = None
        for e in cands:
            s, tot = fit_suffix(items, e, avail)
            if s < e and (best is None or avail - tot < best[2]):
                best = (s, e, avail - tot)
        s, e, slack = best
        while e < n and items[e]['H'] <= slack:
            slack -= items[e]['H']
            e += 1
        hi = min(slack, items[s - 1]['H'] - 1) if s > 0 else 0
        lo = max(0, slack - items[e]['H'] + 1) if e < n else slack if s > 0 else 0
        lo = min(lo, hi)
        y0 = y + r.randint(int(lo), int(hi))
    else:
        s, tot = fit_suffix(items, len(items), avail)
        e = len(items)
        y0 = y if s == 0 else bottom - tot
    recs = []
    state = {}
    yy = y0
    for it in items[s:e]:
        draw_chat_item(cv, it, st, shot, yy, recs, state)
        yy += it['H']
    shot['visible_items'] = items[s:e]
    return cv, recs


# ---------------------------------------------------------------- chat planning
SIZES = {
    'huawei': [(1080, 2340), (1200, 2640), (1260, 2720)],
    'honor': [(1080, 2400), (1224, 2700), (1200, 2652)],
    'xiaomi': [(1080, 2400), (1220, 2712), (1080, 2340)],
    'oppo': [(1080, 2400), (1240, 2772), (1080, 2412)],
    'vivo': [(1080, 2400), (1260, 2800), (1080, 2408)],
    'iphone': [(1170, 2532), (1179, 2556), (1290, 2796), (1125, 2436)],
}
HOST_OF = {'huawei_sms': 'huawei', 'honor_sms': 'honor', 'xiaomi_sms': 'xiaomi', 'oppo_sms': 'oppo',
           'vivo_sms': 'vivo', 'iphone_sms': 'iphone', 'iphone_sms_en': 'iphone',
           'huawei_call': 'huawei', 'honor_call': 'honor', 'xiaomi_call': 'xiaomi',
           'oppo_call': 'oppo', 'vivo_call': 'vivo', 'iphone_call': 'iphone',
           'iphone_call_en': 'iphone'}
CONTACT_NAMES = ['催收 王专员', '陈经理(调解)', '星贝钱包客服', '鼎衡法务-李律师', '张主管', '别接-催收',
                 '李律师？', '调解员 何', '孙专员【云米】', '外访-赵']
CONTACT_NAMES_EN = ['Collector Wang', 'StarBay Wallet', 'Lawyer Li (Dingheng)', 'Chen - Mediation']
WX_NAMES = ['催收 王专员', '陈经理(调解)', '星贝钱包官方客服', '鼎衡-李律师', '调解员小何', '法务部 赵工',
            'A-云米速贷贷后', '周律师【信诺达】']
AV_COLS = ['#5B8FF9', '#F6BD16', '#E8684A', '#6DC8EC', '#9270CA', '#FF9D4D', '#269A99', '#BDA29A',
           '#8D9DB6', '#C2A477']


def start_minute(r):
    x = r.random()
    if x < 0.06:
        return r.randint(5, 59)
    if x < 0.11:
        return r.randint(60, 5 * 60 + 40)
    if x < 0.19:
        return r.randint(12 * 60, 12 * 60 + 55)
    return r.randint(7 * 60 + 30, 23 * 60 + 20)


def msg_count(r):
    return r.choices([1, 2, 3, 4, 5], [30, 30, 20, 12, 8])[0]


def time_layout(L):
    return L not in DATE_ONLY


def pick_text(r, ctx, d, shot, kind, st, nick=None):
    ui = 'en' if shot['layout'].endswith('_en') else 'cn'
    for _ in range(200):
        if nick is not None and nick in FAMILY_NICKS:
            t = r.choice(FAMILY_IN)
        else:
            t = pick_message(r, ctx, d, ui, kind)
        if len(t) > 5 and t in ctx.used:
            continue
        if in_cmap(t) and wrap_msg(t, st['fs'], st['maxw']) is not None:
            ctx.used.add(t)
            return t
    raise RuntimeError('no message fits')


def gen_sessions(r, shot, ctx, st, taken, n_sess, force_today=False, min_last=1):
    L = shot['layout']
    today = taken.date()
    tmin = taken.hour * 60 + taken.minute
    pool = [0, 0, 1, 2, 3, 4, 5, 6, r.randint(7, 60), r.randint(7, 60), r.randint(61, 420)]
    if not time_layout(L):
        pool = [0, 1, 2, 3, 4, 5, 6, r.randint(7, 60), r.randint(7, 60), r.randint(61, 420)]
    offs = r.sample(pool, n_sess)
    if force_today and 0 not in offs:
        offs[0] = 0
    offs.sort(reverse=True)
    sessions = []
    for k, off in enumerate(offs):
        d = today - dt.timedelta(days=off)
        n = msg_count(r)
        if k == len(offs) - 1:
            n = max(n, min_last)
        edge = shot.get('edge') and off == min([o for o in offs if o != 0] or [-1])
        if off == 0:
            hi = tmin - 2 - 2 * n
            if hi < 10:
                continue
            lo = 5 if r.random() < 0.1 else max(5, hi - 420)
            start = r.randint(lo, hi)
        elif edge:
            start = r.randint(3, 50)
        else:
            start = min(start_minute(r), 23 * 60 + 50 - 2 * n)
        if sessions and sessions[-1]['date'] == d:
            last_end = sessions[-1]['mins'][-1]
            if start < last_end + 30:
                start = last_end + 30 + r.randint(0, 40)
            limit = (tmin - 2 - 2 * n) if off == 0 else (23 * 60 + 50 - 2 * n)
            if start > limit:
                continue
        mins = [start]
        for _ in range(n - 1):
            mins.append(mins[-1] + r.randint(0, 2))
        sessions.append({'date': d, 'mins': mins, 'edge': bool(edge)})
    if not sessions:
        return gen_sessions(r, shot, ctx, st, taken, n_sess, force_today, min_last)
    return sessions


def session_bubbles(r, shot, ctx, st, sess, kind, prev_dir):
    L = shot['layout']
    out = []
    d0 = sess['date']
    for m in sess['mins']:
        t = dt.datetime(d0.year, d0.month, d0.day, m // 60, m % 60)
        if kind == 'service':
            d = 'in'
        elif prev_dir is None:
            d = 'in' if r.random() < 0.85 else 'out'
        elif prev_dir == 'in':
            d = 'out' if r.random() < 0.38 else 'in'
        else:
            d = 'in' if r.random() < 0.7 else 'out'
        nick = None
        if L == 'wechat_group' and d == 'in':
            nick = r.choice(shot['members'])
        b = {'t': 'bub', 'dir': d, 'dt': t, 'text': pick_text(r, ctx, d, shot, kind, st, nick)}
        if nick:
            b['nick'] = nick
            b['av_col'] = AV_COLS[stable(nick) % len(AV_COLS)]
        elif L in IM_LAYOUTS:
            b['av_col'] = shot['me_col'] if d == 'out' else shot['peer_col']
        if shot.get('dual_sim') and L in ('huawei_sms', 'honor_sms'):
            b['sim'] = '卡%d' % shot['sim']
        if L == 'huawei_sms' and d == 'out' and r.random() < 0.3:
            b['status'] = '已送达'
        out.append(b)
        prev_dir = d
    return out


def sep_item(shot, val, today):
    return {'t': 'sep', 'val': val, 'text': sep_text(shot['layout'], val, today, shot)}


def notice_for(r, shot, b):
    L = shot['layout']
    if L == 'wechat_group':
        if b['dir'] == 'in':
            return {'t': 'notice', 'parts': [('“%s”撤回了一条消息' % b['nick'], 'plain')]}
        return {'t': 'notice', 'parts': [('你撤回了一条消息', 'plain'), ('重新编辑', 'link')]}
    if b['dir'] == 'in':
        return {'t': 'notice', 'parts': [('对方撤回了一条消息', 'plain')]}
    return {'t': 'notice', 'parts': [('你撤回了一条消息', 'plain'), ('重新编辑', 'link')]}


def build_items(r, shot, ctx, st, sessions, kind, first_items=True, prev_date=None,
                prev_dir=None, notices=True):
    L = shot['layout']
    today = shot['taken'].date()
    items = []
    if first_items and L.startswith('iphone'):
        items.append({'t': 'svc', 'text': 'Text Message' if L.endswith('_en') else '短信/彩信'})
    if first_items and L == 'wechat_group' and r.random() < 0.5:
        items.append({'t': 'notice', 'parts': [('“%s”邀请你加入了群聊' % shot['members'][0], 'plain')]})
    for sess in sessions:
        d0 = sess['date']
        m0 = sess['mins'][0]
        if time_layout(L):
            items.append(sep_item(shot, dt.datetime(d0.year, d0.month, d0.day, m0 // 60, m0 % 60),
                                  today))
        elif d0 != prev_date:
            items.append(sep_item(shot, d0, today))
        prev_date = d0
        bubs = session_bubbles(r, shot, ctx, st, sess, kind, prev_dir)
        for b in bubs:
            items.append(b)
        prev_dir = bubs[-1]['dir']
        if notices and L in IM_LAYOUTS and r.random() < 0.22 and len(bubs) >= 1:
            items.append(notice_for(r, shot, bubs[-1]))
    return items


def chat_geometry(shot):
    L = shot['layout']
    W, H = shot['size']
    Hc = shot.get('crop_h') or H
    st = chat_style(L, W, shot['dark'])
    cv = Canvas(W, Hc, st['bg'])
    y = draw_status(cv, shot, st['hdr_bg'])
    y = chat_header(cv, shot, st, y)
    bottom = Hc - 20 * st['u'] if shot.get('crop_h') else chat_input(cv, shot, st)
    return st, bottom - y


# ---------------------------------------------------------------- call logs
def fmt_dur(sec):
    m, s = divmod(sec, 60)
    if m >= 60:
        h, m = divmod(m, 60)
        return '%d小时%d分%d秒' % (h, m, s)
    if m:
        return '%d分%d秒' % (m, s)
    return '%d秒' % s


def disp_number(L, c):
    kind, num = c['nkind'], c['num']
    if kind == 'mobile':
        if L in ('iphone_call', 'iphone_call_en'):
            return '+86 %s %s %s' % (num[:3], num[3:7], num[7:])
        if L == 'oppo_call':
            return num
        return '%s %s %s' % (num[:3], num[3:7], num[7:])
    if kind == 'land':
        a, rest = c['area'], num[len(c['area']):]
        if L in ('huawei_call', 'vivo_call'):
            return '%s-%s %s' % (a, rest[:4], rest[4:])
        if L == 'oppo_call':
            return num
        return '%s %s %s' % (a, rest[:4], rest[4:])
    if kind == '400':
        return '%s-%s-%s' % (num[:3], num[3:6], num[6:]) if L != 'oppo_call' else num
    return num


def call_contacts(r, L):
    en = L.endswith('_en')
    cs = []
    for _ in range(r.randint(4, 6)):
        city = r.choice(CITIES)[0]
        loc = city
        if r.random() < 0.3:
            loc = r.choice(['疑似催收', '催收电话', '被%d人标记为骚扰' % r.randint(12, 480)])
        cs.append({'nkind': 'mobile', 'num': mobile(r), 'loc': loc, 'w': 10})
    a, rest = landline(r)
    cs.append({'nkind': 'land', 'num': a + rest, 'area': a, 'loc': r.choice(CITIES)[0], 'w': 5})
    cs.append({'nkind': '400', 'num': '4008%02d%04d' % (r.randint(0, 99), r.randint(0, 9999)),
               'loc': '企业客服', 'w': 4})
    cs.append({'nkind': '95', 'num': '95%03d' % r.randint(100, 999), 'loc': '服务号码', 'w': 3})
    names = CONTACT_NAMES_EN if en else CONTACT_NAMES
    for nm in r.sample(names, 2):
        cs.append({'name': nm, 'loc': 'mobile' if en else '手机', 'w': 6})
    cs.append({'name': r.choice(['老妈', '妈妈', '老婆', '哥']) if not en else 'Mom', 'family': True,
               'loc': 'mobile' if en else '手机', 'w': 3})
    if en:
        for c in cs:
            if 'num' in c:
                c['loc'] = 'China' if c['nkind'] in ('mobile', 'land') else 'unknown'
    for c in cs:
        c['disp'] = c['name'] if 'name' in c else disp_number(L, c)
        c['sender'] = c['name'] if 'name' in c else c['num']
    return cs


MERGE_LAYOUTS = ('huawei_call', 'honor_call', 'iphone_call', 'iphone_call_en')
DUR_LAYOUTS = ('xiaomi_call', 'oppo_call', 'vivo_call')


def plan_call_rows(r, shot):
    L = shot['layout']
    taken = shot['taken']
    cs = call_contacts(r, L)
    t = taken - dt.timedelta(minutes=r.randint(1, 25))
    events = []
    while len(events) < 40:
        c = r.choices(cs, [x['w'] for x in cs])[0]
        if c.get('family'):
            typ = r.choice(['incoming', 'outgoing', 'missed'])
        elif c.get('nkind') == '95':
            typ = r.choice(['missed', 'incoming'])
        else:
            typ = r.choices(['missed', 'incoming', 'outgoing'], [52, 26, 22])[0]
        reps = r.randint(2, 4) if (typ == 'missed' and r.random() < 0.35) else 1
        for k in range(reps):
            if typ == 'incoming':
                dur = r.choice([r.randint(3, 59), r.randint(60, 420)])
            elif typ == 'outgoing':
                dur = None if r.random() < 0.35 else r.choice([r.randint(2, 59), r.randint(60, 900)])
            else:
                dur = None
            events.append({'c': c, 'typ': typ, 't': t, 'dur': dur})
            t -= dt.timedelta(minutes=r.randint(1, 9))
        t -= dt.timedelta(minutes=r.choice([r.randint(3, 40), r.randint(40, 300),
                                            r.randint(300, 1500), r.randint(1500, 5000)]))
        if t.year < taken.year - 1:
            break
    rows = []
    for ev in events:
        if (L in MERGE_LAYOUTS and rows and rows[-1]['c'] is ev['c'] and rows[-1]['typ'] == ev['typ']
                and rows[-1]['t'].date() == ev['t'].date()):
            rows[-1]['count'] += 1
            continue
        row = dict(ev)
        row['count'] = 1
        row['sim'] = r.choice([1, 1, 2])
        rows.append(row)
    return rows


def call_style(L, W, dark):
    u = W / 1080.0
    s = dict(u=u, fg='#E6E6E6' if dark else '#191919', grey='#8A8A8A' if dark else '#8C8F94',
             red='#F0553C' if dark else '#E84026', line='#262626' if dark else '#E6E6E6')
    if L == 'huawei_call':
        s.update(bg='#000000' if dark else '#F1F3F5', rh=int(198 * u), x_name=60 * u, name_fs=int(50 * u),
                 sub_fs=int(33 * u), time_fs=int(34 * u), icon=int(30 * u), icon_w=max(3, int(4 * u)),
                 in_col='#8C8F94', out_col='#8C8F94', accent='#3F97E9' if dark else '#007DFF')
    elif L == 'honor_call':
        s.update(bg='#0D0D0D' if dark else '#FFFFFF', rh=int(188 * u), x_name=132 * u, name_fs=int(48 * u),
                 sub_fs=int(32 * u), time_fs=int(33 * u), icon=int(36 * u), icon_w=max(3, int(5 * u)),
                 in_col='#2AA5F5', out_col='#2FB36B', accent='#256FFF')
    elif L == 'xiaomi_call':
        s.update(bg='#000000' if dark else '#FFFFFF', rh=int(206 * u), x_name=196 * u, name_fs=int(49 * u),
                 sub_fs=int(33 * u), time_fs=int(34 * u), icon=int(28 * u), icon_w=max(3, int(4 * u)),
                 in_col='#999999', out_col='#999999', accent='#3482FF')
    elif L == 'oppo_call':
        s.update(bg='#121212' if dark else '#FAFAFA', rh=int(200 * u), x_name=60 * u, name_fs=int(50 * u),
                 sub_fs=int(32 * u), time_fs=int(33 * u), icon=int(30 * u), icon_w=max(3, int(4 * u)),
                 in_col='#33B368', out_col='#33B368', accent='#33B368')
    elif L == 'vivo_call':
        s.update(bg='#0A0A0A' if dark else '#F6F6F6', rh=int(196 * u), x_name=60 * u, name_fs=int(49 * u),
                 sub_fs=int(32 * u), time_fs=int(33 * u), icon=int(30 * u), icon_w=max(3, int(4 * u)),
                 in_col='#415FFF', out_col='#415FFF', accent='#415FFF')
    else:
        s.update(bg='#000000' if dark else '#FFFFFF', rh=int(176 * u), x_name=112 * u, name_fs=int(50 * u),
                 sub_fs=int(40 * u), time_fs=int(43 * u), icon=int(34 * u), icon_w=max(3, int(4 * u)),
                 in_col='#8E8E93', out_col='#8E8E93', accent='#0A84FF' if dark else '#007AFF',
                 red='#FF453A' if dark else '#FF3B30', grey='#8E8E93',
                 fg='#FFFFFF' if dark else '#000000', line='#38383A' if dark else '#E3E3E6')
    return s


def info_icon(cv, xc, yc, r, col, width):
    cv.ellipse([xc - r, yc - r, xc + r, yc + r], None, 'info_icon', outline=col, width=width)
    cv.ellipse([xc - r * 0.13, yc - r * 0.58, xc + r * 0.13, yc - r * 0.32], col, 'info_icon')
    cv.rect([xc - r * 0.1, yc - r * 0.15, xc + r * 0.1, yc + r * 0.55], col, 'info_icon')


def magnifier(cv, x, yc, s, col, width):
    cv.ellipse([x, yc - s * 0.5, x + s * 0.75, yc + s * 0.25], None, 'icon', outline=col, width=width)
    cv.line([(x + s * 0.62, yc + s * 0.13), (x + s * 0.95, yc + s * 0.48)], col, width, 'icon')


def bottom_tabs(cv, shot, labels, sel, accent, grey, fs, y0, y1, bg, line):
    W = cv.w
    u = W / 1080.0
    cv.rect([0, y0, W, y1], bg, 'tabbar_bg')
    cv.line([(0, y0), (W, y0)], line, 1, 'tabbar_line')
    n = len(labels)
    for i, lab in enumerate(labels):
        xc = W * (i + 0.5) / n
        col = accent if i == sel else grey
        cv.rrect([xc - 26 * u, y0 + 22 * u, xc + 26 * u, y0 + 74 * u], 12 * u, col, 'tab_icon')
        cv.text(xc, y0 + 104 * u, lab, fs, col, 'tab', anchor='mm')


def draw_call_top(cv, shot, st, y):
    L = shot['layout']
    W = cv.w
    u = st['u']
    dark = shot['dark']
    fg, grey = st['fg'], st['grey']
    lw = max(3, int(4 * u))
    if L == 'huawei_call':
        y += 26 * u
        cv.rrect([44 * u, y, W - 140 * u, y + 100 * u], 50 * u, '#1F1F1F' if dark else '#E4E7EA', 'search_box')
        magnifier(cv, 80 * u, y + 50 * u, 40 * u, grey, lw)
        cv.text(140 * u, y + 50 * u, '搜索联系人', int(40 * u), grey, 'search', anchor='lm')
        draw_dots_v(cv, W - 74 * u, y + 50 * u, 6 * u, fg)
        return y + 130 * u
    if L == 'honor_call':
        y += 20 * u
        cv.text(56 * u, y + 60 * u, '通话记录', int(66 * u), fg, 'title', bold=True, anchor='lm')
        magnifier(cv, W - 220 * u, y + 60 * u, 48 * u, fg, lw)
        draw_dots_v(cv, W - 74 * u, y + 60 * u, 6 * u, fg)
        y += 140 * u
        b = cv.text(60 * u, y + 30 * u, '全部', int(38 * u), st['accent'], 'tab', bold=True, anchor='lm')
        cv.rrect([b[0], y + 62 * u, b[2], y + 68 * u], 3 * u, st['accent'], 'tab_line')
        cv.text(b[2] + 60 * u, y + 30 * u, '未接', int(38 * u), grey, 'tab', anchor='lm')
        return y + 90 * u
    if L == 'xiaomi_call':
        y += 30 * u
        cv.text(60 * u, y + 60 * u, '通话记录', int(76 * u), fg, 'title', bold=True, anchor='lm')
        draw_dots_v(cv, W - 74 * u, y + 60 * u, 6 * u, fg)
        y += 150 * u
        cv.rrect([50 * u, y, W - 50 * u, y + 104 * u], 52 * u, '#1C1C1C' if dark else '#F2F2F2', 'search_box')
        magnifier(cv, 92 * u, y + 52 * u, 40 * u, grey, lw)
        cv.text(150 * u, y + 52 * u, '搜索', int(40 * u), grey, 'search', anchor='lm')
        return y + 140 * u
    if L == 'oppo_call':
        y += 30 * u
        cv.text(54 * u, y + 66 * u, '电话', int(84 * u), fg, 'title', bold=True, anchor='lm')
        magnifier(cv, W - 220 * u, y + 66 * u, 48 * u, fg, lw)
        draw_dots_v(cv, W - 74 * u, y + 66 * u, 6 * u, fg)
        y += 160 * u
        b = cv.text(58 * u, y + 28 * u, '全部通话', int(36 * u), st['accent'], 'tab', bold=True, anchor='lm')
        cv.text(b[2] + 56 * u, y + 28 * u, '未接来电', int(36 * u), grey, 'tab', anchor='lm')
        return y + 80 * u
    if L == 'vivo_call':
        y += 20 * u
        cv.text(W / 2, y + 56 * u, '通话记录', int(54 * u), fg, 'title', bold=True, anchor='mm')
        draw_dots_v(cv, W - 70 * u, y + 56 * u, 6 * u, fg)
        y += 124 * u
        cv.rrect([W / 2 - 230 * u, y, W / 2 + 230 * u, y + 80 * u], 40 * u, '#1E1E1E' if dark else '#E9E9E9',
                 'segment_bg')
        cv.rrect([W / 2 - 224 * u, y + 6 * u, W / 2 - 2 * u, y + 74 * u], 34 * u, '#3A3A3A' if dark else '#FFFFFF',
                 'segment_sel')
        cv.text(W / 2 - 113 * u, y + 40 * u, '全部', int(34 * u), fg, 'tab', anchor='mm')
        cv.text(W / 2 + 113 * u, y + 40 * u, '未接', int(34 * u), grey, 'tab', anchor='mm')
        return y + 110 * u
    # iPhone
    en = L.endswith('_en')
    acc = st['accent']
    y += 16 * u
    cv.text(50 * u, y + 50 * u, 'Edit' if en else '编辑', int(46 * u), acc, 'nav_button', anchor='lm')
    sw = 300 * u
    cv.rrect([W / 2 - sw, y + 14 * u, W / 2 + sw, y + 88 * u], 20 * u, '#1C1C1E' if dark else '#EEEEF0',
             'segment_bg')
    cv.rrect([W / 2 - sw + 6 * u, y + 20 * u, W / 2 - 4 * u, y + 82 * u], 16 * u,
             '#636366' if dark else '#FFFFFF', 'segment_sel')
    cv.text(W / 2 - sw / 2, y + 51 * u, 'All' if en else '所有通话', int(36 * u), fg, 'tab', bold=True,
            anchor='mm')
    cv.text(W / 2 + sw / 2, y + 51 * u, 'Missed' if en else '未接来电', int(36 * u), fg, 'tab', anchor='mm')
    y += 110 * u
    cv.text(50 * u, y + 62 * u, 'Recents' if en else '最近通话', int(96 * u), fg, 'title', bold=True,
            anchor='lm')
    y += 140 * u
    cv.line([(st['x_name'], y), (W, y)], st['line'], 2, 'divider')
    return y + 2


def draw_call_row(cv, shot, st, row, y0):
    L = shot['layout']
    W = cv.w
    u = st['u']
    rh = st['rh']
    dark = shot['dark']
    today = shot['taken'].date()
    c = row['c']
    typ = row['typ']
    red, fg, grey = st['red'], st['fg'], st['grey']
    name_col = red if typ == 'missed' else fg
    ny = y0 + rh * 0.36
    sy = y0 + rh * 0.70
    yc = y0 + rh / 2
    x = st['x_name']
    isz = st['icon']
    icol = red if typ == 'missed' else (st['in_col'] if typ == 'incoming' else st['out_col'])
    if L == 'xiaomi_call':
        av = 112 * u
        draw_person(cv, [48 * u, yc - av / 2, 48 * u + av, yc + av / 2],
                    AV_COLS[stable(c['sender']) % len(AV_COLS)], '#FFFFFF')
    bold = L.startswith('iphone')
    b = cv.text(x, ny, c['disp'], st['name_fs'], name_col, 'call_name', bold=bold, anchor='lm')
    if row['count'] > 1:
        cv.text(b[2] + 14 * u, ny, '(%d)' % row['count'], st['name_fs'], name_col, 'call_count',
                bold=bold, anchor='lm')
    label, has_time = call_label(L, row['t'], today, shot)
    sub_fs = st['sub_fs']
    if L == 'huawei_call':
        sx = x
        if shot.get('dual_sim'):
            bb = cv.text(sx + 8 * u, sy, '卡%d' % row['sim'], int(22 * u), grey, 'sim_badge', anchor='lm')
            cv.rrect([bb[0] - 6 * u, bb[1] - 5 * u, bb[2] + 6 * u, bb[3] + 5 * u], 6 * u, None, 'sim_frame',
                     outline=grey, width=2)
            sx = bb[2] + 20 * u
        draw_arrow_icon(cv, typ, sx, sy - isz / 2, isz, icol, st['icon_w'])
        cv.text(sx + isz + 14 * u, sy, c['loc'], sub_fs, grey, 'call_loc', anchor='lm')
    elif L == 'honor_call':
        draw_arrow_icon(cv, typ, 52 * u, yc - isz / 2, isz, icol, st['icon_w'])
        bb = cv.text(x, sy, c['loc'], sub_fs, grey, 'call_loc', anchor='lm')
        if shot.get('dual_sim'):
            cv.text(bb[2] + 18 * u, sy, '卡%d' % row['sim'], int(26 * u), grey, 'sim_badge', anchor='lm')
    elif L == 'xiaomi_call':
        draw_arrow_icon(cv, typ, x, sy - isz / 2, isz, icol, st['icon_w'])
        if typ == 'incoming':
            lab = '呼入 ' + fmt_dur(row['dur'])
        elif typ == 'outgoing':
            lab = '呼出 ' + (fmt_dur(row['dur']) if row['dur'] is not None else '未接通')
        else:
            lab = '未接来电'
        bb = cv.text(x + isz + 12 * u, sy, lab, sub_fs, red if typ == 'missed' else grey, 'call_sub',
                     anchor='lm')
        cv.text(bb[2] + 22 * u, sy, c['loc'], sub_fs, grey, 'call_loc', anchor='lm')
    elif L == 'oppo_call':
        draw_arrow_icon(cv, typ, x, sy - isz / 2, isz, icol, st['icon_w'])
        sx = x + isz + 14 * u
        lab = None
        if typ != 'missed':
            lab = fmt_dur(row['dur']) if row['dur'] is not None else '未接通'
        if lab:
            bb = cv.text(sx, sy, lab, sub_fs, grey, 'call_sub', anchor='lm')
            sx = bb[2] + 22 * u
        cv.text(sx, sy, c['loc'], sub_fs, grey, 'call_loc', anchor='lm')
    elif L == 'vivo_call':
        draw_arrow_icon(cv, typ, x, sy - isz / 2, isz, icol, st['icon_w'])
        bb = cv.text(x + isz + 14 * u, sy, c['loc'], sub_fs, grey, 'call_loc', anchor='lm')
        if typ != 'missed':
            lab = fmt_dur(row['dur']) if row['dur'] is not None else '未接通'
            cv.text(bb[2] + 22 * u, sy, lab, sub_fs, grey, 'call_sub', anchor='lm')
    else:  # iPhone
        if typ == 'outgoing':
            hx, hy = 36 * u, ny - isz / 2
            draw_handset(cv, hx, hy + 4 * u, isz * 0.8, grey, 'call_icon')
            a = isz * 0.42
            ax, ay = hx + isz * 0.62, hy - 2 * u
            cv.line([(ax, ay + a), (ax + a * 0.8, ay + a * 0.2)], grey, max(2, int(3 * u)), 'call_icon')
            cv.poly([(ax + a, ay), (ax + a * 0.45, ay), (ax + a, ay + a * 0.55)], grey, 'call_icon')
        cv.text(x, sy, c['loc'], sub_fs, grey, 'call_loc', anchor='lm')
    tx = W - (150 if L not in ('xiaomi_call',) else 60) * u
    if L.startswith('iphone'):
        tx = W - 140 * u
    cv.text(tx, yc if not L.startswith('iphone') else ny, label, st['time_fs'], grey, 'call_time',
            anchor='rm')
    if L in ('huawei_call', 'honor_call', 'oppo_call', 'vivo_call'):
        info_icon(cv, W - 84 * u, yc, 24 * u, grey if L != 'vivo_call' else st['accent'], max(2, int(3 * u)))
    elif L.startswith('iphone'):
        info_icon(cv, W - 72 * u, ny, 28 * u, st['accent'], max(2, int(3 * u)))
    cv.line([(x if not L == 'huawei_call' else 60 * u, y0 + rh), (W - (0 if L.startswith('iphone') else 40 * u),
                                                                 y0 + rh)], st['line'], 2, 'divider')
    # truth
    occ = None
    if has_time:
        t = row['t']
        occ = iso(t)
    dur = row['dur'] if (L in DUR_LAYOUTS and typ != 'missed') else None
    return {'kind': 'call', 'sender': c['sender'], 'occurred_at': occ,
            'direction': 'out' if typ == 'outgoing' else 'in', 'text': None, 'call_type': typ,
            'duration_seconds': dur}


def render_call(shot):
    L = shot['layout']
    W, H = shot['size']
    Hc = shot.get('crop_h') or H
    st = call_style(L, W, shot['dark'])
    u = st['u']
    cv = Canvas(W, Hc, st['bg'])
    y = draw_status(cv, shot, st['bg'])
    y = draw_call_top(cv, shot, st, y)
    if shot.get('crop_h'):
        bottom = Hc - 10 * u
    else:
        ybar = Hc - (62 if shot['host'] == 'iphone' else 50) * u
        navbg = st['bg'] if not L.startswith('iphone') else ('#121212' if shot['dark'] else '#F7F7F7')
        if L == 'xiaomi_call':
            fy = ybar - 200 * u
            cv.rect([0, fy - 20 * u, W, ybar], st['bg'], 'fab_area')
            cv.ellipse([W / 2 - 84 * u, fy, W / 2 + 84 * u, fy + 168 * u], st['accent'], 'fab')
            for i in range(3):
                for j in range(3):
                    cx, cy = W / 2 + (j - 1) * 30 * u, fy + 54 * u + i * 30 * u
                    cv.ellipse([cx - 7 * u, cy - 7 * u, cx + 7 * u, cy + 7 * u], '#FFFFFF', 'fab')
            bottom = fy - 20 * u
        else:
            if L == 'iphone_call':
                labels, sel = ['个人收藏', '最近通话', '通讯录', '拨号键盘', '语音留言'], 1
            elif L == 'iphone_call_en':
                labels, sel = ['Favorites', 'Recents', 'Contacts', 'Keypad', 'Voicemail'], 1
            elif L == 'vivo_call':
                labels, sel = ['拨号', '联系人', '收藏'], 0
            else:
                labels, sel = ['电话', '联系人', '收藏'], 0
            y0 = ybar - 150 * u
            bottom_tabs(cv, shot, labels, sel, st['accent'], st['grey'], int(28 * u), y0, Hc, navbg, st['line'])
            bottom = y0 - 2 * u
        draw_home_bar(cv, shot)
    rows = shot['rows']
    recs = []
    n = int((bottom - y) // st['rh'])
    for i, row in enumerate(rows[:n]):
        recs.append(draw_call_row(cv, shot, st, row, y + i * st['rh']))
    return cv, recs


# ---------------------------------------------------------------- shot planning
PLAN = [('huawei_sms', 9, 2), ('honor_sms', 8, 1), ('xiaomi_sms', 9, 2), ('oppo_sms', 8, 1),
        ('vivo_sms', 8, 1), ('iphone_sms', 9, 2), ('iphone_sms_en', 7, 1), ('wechat_private', 12, 2),
        ('wechat_group', 11, 2), ('huawei_call', 10, 0), ('honor_call', 9, 0), ('xiaomi_call', 10, 0),
        ('oppo_call', 9, 0), ('vivo_call', 9, 0), ('iphone_call', 8, 0), ('iphone_call_en', 5, 0)]
WX_HOSTS = ['iphone', 'iphone', 'huawei', 'xiaomi', 'oppo', 'vivo', 'honor']
DAY0 = dt.date(2026, 1, 3)
DAY1 = dt.date(2026, 3, 27)


def rand_taken(r, pair=False):
    d = DAY0 + dt.timedelta(days=r.randint(0, (DAY1 - DAY0).days))
    x = r.random()
    if pair:
        m = r.randint(9 * 60, 22 * 60 + 10)
    elif x < 0.06:
        m = r.randint(10, 95)
    else:
        m = r.randint(8 * 60, 23 * 60 + 30)
    return dt.datetime(d.year, d.month, d.day, m // 60, m % 60, r.randint(0, 59))


def base_shot(r, L, taken, dark, host):
    shot = {'layout': L, 'host': host, 'dark': dark, 'taken': taken,
            'size': r.choice(SIZES[host]), 'sig': r.randint(2, 4), 'batt': r.randint(12, 98),
            'rng': random.Random(r.randint(0, 1 << 30)), 'thread': None}
    if r.random() < 0.5:
        if host == 'iphone':
            shot['notif'] = [r.choice(['loc', 'moon'])]
        else:
            shot['notif'] = r.sample(['chat', 'msg', 'call', 'dl'], r.randint(1, 3))
    else:
        shot['notif'] = []
    shot['batt_pct'] = host == 'iphone' and r.random() < 0.5
    shot['dual_sim'] = host != 'iphone' and r.random() < 0.55
    shot['sim'] = r.choice([1, 2])
    h12 = False
    if L == 'iphone_sms' or L == 'iphone_call':
        h12 = r.random() < 0.25
    elif L.endswith('_en'):
        h12 = True
    elif L in IM_LAYOUTS and host == 'iphone':
        h12 = r.random() < 0.3
    elif L == 'honor_sms':
        h12 = r.random() < 0.35
    shot['h12'] = h12
    shot['clock12'] = h12
    return shot


def setup_chat_header(r, shot, ctx):
    L = shot['layout']
    if L == 'wechat_private':
        shot['title'] = r.choice(WX_NAMES)
        shot['sender'] = shot['title']
        shot['kind'] = 'person'
        shot['me_col'] = r.choice(AV_COLS)
        shot['peer_col'] = r.choice(AV_COLS)
        return
    if L == 'wechat_group':
        mem = r.sample(GROUP_NICKS, r.randint(2, 4))
        if r.random() < 0.45:
            mem.append(r.choice(FAMILY_NICKS))
        shot['members'] = mem
        base = r.choice(['%s逾期协商群' % ctx.lender, '%s还款处理群' % ctx.name, '鼎衡调解3组',
                         '债务协商-%s' % ctx.name, '%s贷后沟通群' % ctx.lender])
        shot['title'] = '%s(%d)' % (base, len(mem) + 1 + r.randint(0, 4))
        shot['sender'] = base
        shot['kind'] = 'group'
        shot['me_col'] = r.choice(AV_COLS)
        return
    en = L.endswith('_en')
    x = r.random()
    city = r.choice(CITIES)[0]
    if x < 0.5 or (en and x < 0.7):
        num = mobile(r)
        shot['kind'] = 'person'
        shot['sender'] = num
        sp = '%s %s %s' % (num[:3], num[3:7], num[7:])
        disp = {'huawei_sms': sp, 'honor_sms': '+86 ' + sp, 'xiaomi_sms': sp, 'oppo_sms': num,
                'vivo_sms': '%s-%s-%s' % (num[:3], num[3:7], num[7:])}.get(L, '+86 ' + sp)
        shot['title'] = disp
        if L in ('huawei_sms', 'honor_sms', 'xiaomi_sms', 'oppo_sms'):
            shot['subtitle'] = city
    elif x < 0.76:
        if x < 0.66:
            num = '10690' + ''.join(r.choice('0123456789') for _ in range(r.randint(7, 9)))
        else:
            num = '95%03d' % r.randint(100, 999)
        shot['kind'] = 'service'
        shot['sender'] = num
        shot['title'] = num
    else:
        name = r.choice(CONTACT_NAMES_EN if en else CONTACT_NAMES)
        num = mobile(r)
        shot['kind'] = 'person'
        shot['sender'] = name
        shot['title'] = name
        if not L.startswith('iphone'):
            shot['subtitle'] = '%s %s %s' % (num[:3], num[3:7], num[7:])
    if L.startswith('iphone') and r.random() < 0.45:
        shot['unread'] = str(r.randint(1, 38))


def plan_chat_single(r, L, dark, host, crop=False, jpeg=False, edge=False):
    taken = rand_taken(r)
    shot = base_shot(r, L, taken, dark, host)
    ctx = Ctx(r)
    setup_chat_header(r, shot, ctx)
    if crop:
        shot['crop_h'] = int(shot['size'][1] * r.uniform(0.5, 0.74))
    shot['jpeg'] = jpeg
    st, avail = chat_geometry(shot)
    if L in ('xiaomi_sms', 'iphone_sms', 'iphone_sms_en', 'wechat_private', 'wechat_group'):
        shot['edge'] = edge or r.random() < 0.3
    sessions = gen_sessions(r, shot, ctx, st, taken, r.choice([2, 3, 3, 4]))
    shot['items'] = build_items(r, shot, ctx, st, sessions, shot['kind'])
    shot['mode'] = r.choices(['bottom', 'middle', 'top'], [68, 20, 12])[0]
    return [shot]


def plan_chat_pair(r, L, dark, host, thread_id, jpeg=False):
    taken1 = rand_taken(r, pair=True)
    s1 = base_shot(r, L, taken1, dark, host)
    ctx = Ctx(r)
    setup_chat_header(r, s1, ctx)
    s1['jpeg'] = jpeg
    s1['thread'] = thread_id
    s1['mode'] = 'bottom'
    st, avail = chat_geometry(s1)
    today = taken1.date()
    for outer in range(50):
        sessions = gen_sessions(r, s1, ctx, st, taken1, r.choice([2, 3]),
                                force_today=r.random() < 0.7, min_last=3)
        A = build_items(r, s1, ctx, st, sessions, s1['kind'], notices=False)
        if all(x['t'] == 'bub' for x in A[-3:]):
            break
    s2 = dict(s1)
    s2['rng'] = random.Random(r.randint(0, 1 << 30))
    s2['batt'] = max(5, s1['batt'] - r.randint(0, 2))
    if s1.get('unread') and r.random() < 0.5:
        s2.pop('unread')
    last = A[-1]
    k = r.choice([1, 2])
    result = None
    for attempt in range(400):
        kk = k if attempt < 200 else 3 - k
        t = dt.datetime(today.year, today.month, today.day, taken1.hour, taken1.minute) + \
            dt.timedelta(minutes=r.randint(2, 6))
        B = []
        if time_layout(L):
            B.append(sep_item(s2, t, today))
        elif last['dt'].date() != today:
            B.append(sep_item(s2, today, today))
        prev_dir = last['dir']
        for j in range(16):
            if s1['kind'] == 'service':
                d = 'in'
            else:
                d = ('out' if r.random() < 0.45 else 'in') if prev_dir == 'in' else \
                    ('in' if r.random() < 0.7 else 'out')
            nick = r.choice(s1['members']) if (L == 'wechat_group' and d == 'in') else None
            b = {'t': 'bub', 'dir': d, 'dt': t, 'text': pick_text(r, ctx, d, s2, s1['kind'], st, nick)}
            if nick:
                b['nick'] = nick
                b['av_col'] = AV_COLS[stable(nick) % len(AV_COLS)]
            elif L in IM_LAYOUTS:
                b['av_col'] = s1['me_col'] if d == 'out' else s1['peer_col']
            if s1.get('dual_sim') and L in ('huawei_sms', 'honor_sms'):
                b['sim'] = '卡%d' % s1['sim']
            B.append(b)
            prev_dir = d
            items = prep_items(A + B, st, s2)
            s, tot = fit_suffix(items, len(items), avail)
            nA = len(A) - s
            if nA < kk:
                break
            nb = sum(1 for x in B if x['t'] == 'bub')
            if nA == kk and nb >= 2 and all(x['t'] == 'bub' for x in A[-kk:]):
                result = (B, s)
                break
            t += dt.timedelta(minutes=r.randint(0, 1))
        if result:
            break
    if not result:
        raise RuntimeError('pair failed for ' + L)
    B, s = result
    if B[-1]['dt'].hour >= 23 and B[-1]['dt'].minute > 55:
        raise RuntimeError('pair crosses midnight')
    tl = B[-1]['dt'] + dt.timedelta(minutes=r.randint(1, 2))
    s2['taken'] = dt.datetime(tl.year, tl.month, tl.day, tl.hour, tl.minute, r.randint(0, 59))
    s1['items'] = A
    s2['items'] = A + B
    s2['mode'] = 'later'
    s2['vis_start'] = s
    s2['overlap_k'] = len(A) - s
    return [s1, s2]


def plan_call(r, L, dark, crop=False, jpeg=False):
    taken = rand_taken(r)
    shot = base_shot(r, L, taken, dark, HOST_OF[L])
    if crop:
        shot['crop_h'] = int(shot['size'][1] * r.uniform(0.5, 0.74))
    shot['jpeg'] = jpeg
    shot['rows'] = plan_call_rows(r, shot)
    return [shot]


# ---------------------------------------------------------------- main
class Namer:
    def __init__(self, r):
        self.r = r
        self.used = set()
        self.img_no = r.randint(1200, 2400)

    def name(self, shot):
        r = self.r
        while True:
            t = shot['taken']
            if shot.get('jpeg'):
                n = 'IMG_%s.jpg' % t.strftime('%Y%m%d_%H%M%S')
            elif shot['host'] == 'iphone':
                if shot.get('ios_style') is None:
                    shot['ios_style'] = 'img' if r.random() < 0.6 else 'shot'
                if shot['ios_style'] == 'img':
                    self.img_no += r.randint(1, 37)
                    n = 'IMG_%04d.PNG' % self.img_no
                else:
                    n = 'Screenshot %s at %s.png' % (t.strftime('%Y-%m-%d'), t.strftime('%H.%M.%S'))
            elif shot['host'] in ('huawei', 'honor', 'vivo'):
                n = 'Screenshot_%s.png' % t.strftime('%Y%m%d_%H%M%S')
            else:
                n = 'Screenshot_%s.png' % t.strftime('%Y-%m-%d-%H-%M-%S')
            if n not in self.used:
                self.used.add(n)
                return n
            shot['taken'] = t + dt.timedelta(seconds=1)


def plan_all(r):
    shots = []
    for L, n, pairs in PLAN:
        units = []  # each unit = list of shots (pair or single)
        n_single = n - 2 * pairs
        n_units = pairs + n_single
        idx = list(range(n_units))
        r.shuffle(idx)
        dark_units = set(idx[:max(1, int(n_units * 0.35 + 0.5))])
        r.shuffle(idx)
        singles = [i for i in idx if i >= pairs]
        jpeg_units = set(singles[:2 if n >= 9 else 1])
        crop_units = set(singles[2 if n >= 9 else 1:(4 if n >= 9 else 2)])
        for ui in range(n_units):
            dark = ui in dark_units
            host = HOST_OF.get(L) or r.choice(WX_HOSTS)
            if ui < pairs:
                units.append(plan_chat_pair(r, L, dark, host, '%s_t%d' % (L, ui + 1)))
            elif L in CALL_LAYOUTS:
                units.append(plan_call(r, L, dark, crop=ui in crop_units, jpeg=ui in jpeg_units))
            else:
                units.append(plan_chat_single(r, L, dark, host, crop=ui in crop_units,
                                              jpeg=ui in jpeg_units,
                                              edge=(ui - pairs) in (0, 1) and ui not in crop_units))
        for u_ in units:
            shots.extend(u_)
    return shots


def main():
    r = random.Random(SEED)
    for fn in sorted(os.listdir(HERE)):
        if fn.lower().endswith(('.png', '.jpg')):
            os.remove(os.path.join(HERE, fn))
    shots = plan_all(r)
    namer = Namer(r)
    truth_lines, draw_lines = [], []
    for shot in shots:
        fname = namer.name(shot)
        shot['file'] = fname
        if shot['layout'] in CALL_LAYOUTS:
            cv, recs = render_call(shot)
        else:
            cv, recs = render_chat(shot)
        if not recs:
            raise RuntimeError('no records in ' + fname)
        path = os.path.join(HERE, fname)
        if shot.get('jpeg'):
            q = shot['rng'].randint(70, 92)
            cv.img.save(path, 'JPEG', quality=q)
            shot['jpeg_q'] = q
        else:
            cv.img.save(path, 'PNG')
        truth_lines.append({'file': fname, 'layout': shot['layout'], 'dark': shot['dark'],
                            'taken_on': shot['taken'].date().isoformat(), 'thread': shot['thread'],
                            'records': recs})
        draw_lines.append({'file': fname, 'layout': shot['layout'], 'host': shot['host'],
                           'dark': shot['dark'], 'w': cv.w, 'h': cv.h,
                           'screen': list(shot['size']), 'jpeg_quality': shot.get('jpeg_q'),
                           'items': cv.items})
        print('%-44s %-15s %2d records' % (fname, shot['layout'], len(recs)))
    with open(os.path.join(HERE, 'truth.jsonl'), 'w', encoding='utf-8') as f:
        for t in truth_lines:
            f.write(json.dumps(t, ensure_ascii=False) + '\n')
    with open(os.path.join(HERE, 'drawlog.jsonl'), 'w', encoding='utf-8') as f:
        for t in draw_lines:
            f.write(json.dumps(t, ensure_ascii=False, separators=(',', ':')) + '\n')
    print('images', len(truth_lines), 'records', sum(len(t['records']) for t in truth_lines))


if __name__ == '__main__':
    main()

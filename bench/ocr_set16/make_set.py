#!/usr/bin/env python3
"""make_set.py -- generator of the frozen benchmark set ocr_set16.

Synthetic phone screenshots of Chinese debt-collection traffic (SMS threads,
WeChat chats, call logs) with their exact truth.  Everything is invented.
Deterministic: a fixed seed, one random stream per image, no multiprocessing.

Run:  /tmp/set16venv/bin/python make_set.py
Writes the images, truth.jsonl and drawlog.jsonl next to this file.
"""
import datetime as DT
import json
import math
import os
import random

from PIL import Image, ImageColor, ImageDraw, ImageFont
from fontTools.ttLib import TTCollection

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 16202603
REG = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'
BLD = '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc'
SC_INDEX = 2          # "Noto Sans CJK SC" inside both collections


def _cmap(path):
    col = TTCollection(path)
    return set(col.fonts[SC_INDEX].getBestCmap().keys())


CMAP = {False: _cmap(REG), True: _cmap(BLD)}
_FONTS = {}


def FONT(size, bold=False):
    key = (int(round(size)), bool(bold))
    if key not in _FONTS:
        _FONTS[key] = ImageFont.truetype(BLD if bold else REG, key[0], index=SC_INDEX,
                                         layout_engine=ImageFont.Layout.BASIC)
    return _FONTS[key]


def textw(t, size, bold=False):
    return FONT(size, bold).getlength(t)


def rgb(c):
    return ImageColor.getrgb(c)


def r1(v):
    return round(float(v), 1)


# ----------------------------------------------------------------------------
# canvas with a draw log
# ----------------------------------------------------------------------------
class Canvas:
    def __init__(self, W, H, bg):
        self.W, self.H, self.bg = W, H, bg
        self.img = Image.new('RGB', (W, H), rgb(bg))
        self.d = ImageDraw.Draw(self.img)
        self.texts, self.shapes, self.regions = [], [], []

    def text(self, x, y, t, size, color, role, bold=False, anchor='lm'):
        size = int(round(size))
        for ch in t:
            if ord(ch) not in CMAP[bold]:
                raise ValueError('char not in font: %r in %r' % (ch, t))
        if t != t.strip() or not t:
            raise ValueError('text with edge spaces: %r' % t)
        f = FONT(size, bold)
        self.d.text((x, y), t, font=f, fill=rgb(color), anchor=anchor)
        b = self.d.textbbox((x, y), t, font=f, anchor=anchor)
        box = [int(math.floor(b[0])), int(math.floor(b[1])), int(math.ceil(b[2])), int(math.ceil(b[3]))]
        self.texts.append({'text': t, 'box': box, 'role': role, 'color': color.upper(),
                           'size': size, 'weight': 'bold' if bold else 'regular'})
        return box

    # every primitive is drawn through here and logged
    def _prim(self, p):
        d = self.d
        t = p['t']
        c = rgb(p['c']) if p.get('c') else None
        if t == 'rect':
            d.rectangle(p['p'], fill=c)
        elif t == 'rrect':
            if p.get('w'):
                d.rounded_rectangle(p['p'], radius=p['r'], outline=c, width=int(round(p['w'])))
            else:
                d.rounded_rectangle(p['p'], radius=p['r'], fill=c)
        elif t == 'ellipse':
            if p.get('w'):
                d.ellipse(p['p'], outline=c, width=int(round(p['w'])))
            else:
                d.ellipse(p['p'], fill=c)
        elif t == 'line':
            d.line(p['p'], fill=c, width=int(round(p['w'])), joint='curve')
        elif t == 'poly':
            d.polygon(p['p'], fill=c)
        elif t == 'arc':
            d.arc(p['p'], p['a0'], p['a1'], fill=c, width=int(round(p['w'])))
        elif t == 'pie':
            d.pieslice(p['p'], p['a0'], p['a1'], fill=c)
        elif t == 'chord':
            d.chord(p['p'], p['a0'], p['a1'], fill=c)
        else:
            raise ValueError(t)

    @staticmethod
    def _pbox(p):
        pts = p['p']
        xs, ys = pts[0::2], pts[1::2]
        pad = p.get('w', 0) / 2.0 if p['t'] == 'line' else 0
        return [min(xs) - pad, min(ys) - pad, max(xs) + pad, max(ys) + pad]

    def group(self, role, prims, **kw):
        """draw a list of primitives as one logged shape (icons, bars ...)"""
        if not prims:
            return
        for p in prims:
            p['p'] = [r1(v) for v in p['p']]
            for k in ('w', 'r'):
                if k in p:
                    p[k] = r1(p[k])
            self._prim(p)
        bxs = [self._pbox(p) for p in prims]
        box = [min(b[0] for b in bxs), min(b[1] for b in bxs), max(b[2] for b in bxs), max(b[3] for b in bxs)]
        e = {'shape': 'group', 'role': role, 'box': [r1(v) for v in box], 'prims': prims}
        e.update(kw)
        self.shapes.append(e)

    def rrect(self, box, r, fill, role, **kw):
        box = [r1(v) for v in box]
        self.d.rounded_rectangle(box, radius=r, fill=rgb(fill))
        e = {'shape': 'rrect', 'role': role, 'box': box, 'r': r1(r), 'fill': fill.upper()}
        e.update(kw)
        self.shapes.append(e)

    def rect(self, box, fill, role):
        box = [r1(v) for v in box]
        self.d.rectangle(box, fill=rgb(fill))
        self.shapes.append({'shape': 'rect', 'role': role, 'box': box, 'fill': fill.upper()})

    def region(self, role, box):
        self.regions.append({'role': role, 'box': [r1(v) for v in box]})


def P(t, pts, c, **kw):
    d = {'t': t, 'p': list(pts), 'c': c}
    d.update(kw)
    return d


def mix(c1, c2, a):
    a1, a2 = rgb(c1), rgb(c2)
    return '#%02X%02X%02X' % tuple(int(round(a1[i] * (1 - a) + a2[i] * a)) for i in range(3))


# ----------------------------------------------------------------------------
# time labels
# ----------------------------------------------------------------------------
WD = '一二三四五六日'
WD_EN = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
MON_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']


def zh_day(d, T, wk='星期'):
    delta = (T - d).days
    assert delta >= 0
    if delta == 0:
        return '今天'
    if delta == 1:
        return '昨天'
    if 2 <= delta <= 6:
        return wk + WD[d.weekday()]
    if d.year == T.year:
        return '%d月%d日' % (d.month, d.day)
    return '%d年%d月%d日' % (d.year, d.month, d.day)


def zh_time(t, mode):
    h, m = t.hour, t.minute
    if mode == '24':
        return '%02d:%02d' % (h, m)
    h12 = h % 12 or 12
    if mode == '12':
        return ('上午' if h < 12 else '下午') + '%d:%02d' % (h12, m)
    if mode == 'mi':
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
        return p + '%d:%02d' % (h12, m)
    raise ValueError(mode)


def en_time(t):
    h12 = t.hour % 12 or 12
    return '%d:%02d %s' % (h12, t.minute, 'AM' if t.hour < 12 else 'PM')


def iso(dtm):
    return dtm.strftime('%Y-%m-%dT%H:%M:00+08:00')


# ----------------------------------------------------------------------------
# invented content
# ----------------------------------------------------------------------------
SURN = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾田董潘袁蔡蒋余杜叶程魏苏吕丁沈姚卢钟姜崔谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史贺顾毛郝龚邵万严武戴'
GIV = '伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚英华玉兰萍红建国志文辉鹏飞斌宇浩凯琳晨阳'
LEND_A = ['禾信', '瑞丰', '鼎融', '恒泰', '汇鑫', '安盈', '盈通', '乐享', '速达', '泰和', '金禾', '润通', '佳易', '宏晟', '聚优', '星桥']
LEND_B = ['分期', '易贷', '快借', '小贷', '钱包', '信用', '金服', '借款']
CITY = [('广东', '深圳'), ('广东', '广州'), ('浙江', '杭州'), ('江苏', '南京'), ('四川', '成都'), ('湖北', '武汉'),
        ('河南', '郑州'), ('湖南', '长沙'), ('福建', '厦门'), ('山东', '济南'), ('重庆', ''), ('上海', ''), ('安徽', '合肥')]
PROV_ABBR = ['粤', '浙', '苏', '川', '鄂', '豫', '湘', '闽', '鲁', '渝', '沪', '皖']
FIRM = ['禾衡', '泽信', '鼎和', '聚法', '远衡', '知行', '嘉诺', '明正', '恒衡', '立信达']
TLD = ['.cc', '.top', '.vip', '.xyz', '.cn']
ALNUM = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'


class Fake:
    def __init__(self, rng):
        self.r = rng

    def surname(self):
        return self.r.choice(SURN)

    def masked(self):
        s = self.surname()
        k = self.r.random()
        if k < 0.55:
            return s + '*' + self.r.choice(GIV)
        if k < 0.85:
            return s + '**'
        return s + '*'

    def lender(self):
        return self.r.choice(LEND_A) + self.r.choice(LEND_B)

    def firm(self):
        return self.r.choice(CITY)[0] + self.r.choice(FIRM) + '律师事务所'

    def company(self):
        c = self.r.choice(CITY)
        return (c[1] or c[0]) + self.r.choice(LEND_A) + self.r.choice(['网络小额贷款有限公司', '资产管理有限公司', '信息咨询服务有限公司'])

    def mobile(self):
        return '1' + self.r.choice(['38', '39', '50', '58', '77', '86', '88', '35', '52', '87']) + '0000' + '%04d' % self.r.randint(0, 9999)

    def landline(self):
        area = self.r.choice(['0755', '020', '0571', '025', '028', '027', '0371', '0731', '0592', '0531', '023', '021'])
        return area, '0000', '%04d' % self.r.randint(0, 9999)

    def service(self):
        return '10690' + ''.join(str(self.r.randint(0, 9)) for _ in range(self.r.choice([6, 7, 8])))

    def short95(self):
        return '95' + '%03d' % self.r.randint(100, 999)

    def hotline(self):
        return '400-8%02d-%04d' % (self.r.randint(0, 99), self.r.randint(0, 9999))

    def amount(self):
        a = self.r.randint(800, 58000) + self.r.choice([0, 0, 0.5, 0.35, 0.82, 0.07])
        k = self.r.random()
        if k < 0.4:
            return '{:,.2f}'.format(a)
        if k < 0.7:
            return '%.2f' % a
        return str(int(a))

    def card(self):
        pre = self.r.choice(['6222', '6217', '6228', '6214', '6230'])
        last = '%04d' % self.r.randint(0, 9999)
        if self.r.random() < 0.7:
            return pre + '********' + last
        return pre + ' **** **** ' + last

    def idmask(self):
        pre = self.r.choice(['4403', '3301', '3201', '5101', '4201', '4101', '4301', '3502'])
        last = '%03d' % self.r.randint(0, 999) + self.r.choice('0123456789X')
        return pre + '**********' + last

    def case(self):
        y = self.r.choice(['2026', '2026', '2025'])
        kind = self.r.choice(['民初', '民诉前调', '执', '民初', '民催'])
        return '〔%s〕%s%04d%s%d号' % (y, self.r.choice(PROV_ABBR), self.r.randint(100, 9999), kind, self.r.randint(100, 29999))

    def link(self, scheme=None):
        dom = ''.join(self.r.choice('abcdefghjkmnpqrstwxyz') for _ in range(self.r.randint(2, 4)))
        dom += self.r.choice(['-', '']) + ''.join(self.r.choice('abcdefghjkmnpqrstwxyz') for _ in range(self.r.randint(2, 5)))
        path = ''.join(self.r.choice(ALNUM) for _ in range(self.r.randint(4, 7)))
        mid = self.r.choice(['/', '/r/', '/p/', '/s/'])
        sch = self.r.choice(['https://', 'http://', '', '']) if scheme is None else scheme
        return sch + dom + self.r.choice(TLD) + mid + path

    def date_ahead(self, T, lo=1, hi=6):
        d = T + DT.timedelta(days=self.r.randint(lo, hi))
        return '%d月%d日' % (d.month, d.day)

    def mob_disp(self, num, style):
        if style == 'space':
            return '%s %s %s' % (num[:3], num[3:7], num[7:])
        if style == 'plus':
            return '+86 %s %s %s' % (num[:3], num[3:7], num[7:])
        if style == 'dash':
            return '%s-%s-%s' % (num[:3], num[3:7], num[7:])
        return num


def make_ctx(fk, T):
    r = fk.r
    given = r.choice(GIV)
    s = fk.surname()
    return {
        'N': s + '*' + given, 'S': s, 'L': fk.lender(), 'A': fk.amount(), 'A2': str(r.choice([500, 800, 1000, 1500, 2000, 3000])),
        'd': str(r.randint(3, 190)), 'H': str(r.choice([12, 15, 17, 18, 20])), 'c4': '%04d' % r.randint(0, 9999),
        'ID': fk.idmask(), 'F': fk.firm(), 'P': fk.hotline(), 'case': fk.case(), 'link': fk.link(),
        'date': fk.date_ahead(T), 'C': fk.surname() + r.choice(['专员', '主管', '经理']), 'card': fk.card(),
        'co': fk.company(), 'num4': '%04d' % r.randint(0, 9999), 'pct': r.choice(['0.5', '0.1', '1', '0.08']),
        'N2': fk.masked(), 'mob': fk.mob_disp(fk.mobile(), r.choice(['space', 'plain'])),
        'ctx_T': T,
    }


FORMAL = [
    '【{L}】尊敬的{N}，您的借款已逾期{d}天，当前应还{A}元，请于今日{H}点前处理，逾期将影响个人征信。回复TD退订',
    '【{L}】{N}您好，您尾号{c4}的还款账户扣款失败，欠款{A}元已转入贷后催收流程，请立即登录APP还款。',
    '【{F}】关于{N}（身份证号{ID}）借款合同纠纷一案，我所已受{L}委托，拟于{date}向法院提起诉讼，请在收到本通知后48小时内联系{P}。',
    '【诉前调解通知】{N}：您与{L}借款合同纠纷一案已登记，案号{case}。调解截止{date}，逾期转入立案程序。查询：{link}',
    '【立案告知】你的欠款案件已立案，立案编号{case}，开庭前仍可申请和解，详询{P}。',
    '【律师函】{N}先生/女士：受{L}委托，就您拖欠借款本金及利息共计{A}元一事，郑重函告：请于{date}前全额还款，否则我方将依法起诉并申请财产保全。{F}',
    '【{L}】最后通知：您的案件将于今日17:00移交第三方外访团队，届时将前往您户籍地及工作单位核实情况。',
    '【{L}】您本期账单{A}元已逾期，逾期费用每日按{pct}%累计，点击 {link} 立即还款。回复TD退订',
    '【{L}】{N}，系统显示您已逾期{d}天，我司将按合同约定联系您的紧急联系人，请知悉。',
    '【{L}贷后中心】您的欠款{A}元已进入委外处置阶段，如需协商请在今日内拨打{P}，工号{num4}。',
    '【债务提醒】{N}，您在{L}的借款已被列入重点催收名单，请于{date}前结清，以免产生不良记录。',
    '【{L}】还款账户：户名{co}，账号{card}，请备注身份证后四位。',
]

COLLECT_IN = [
    '{N}，电话不接信息不回，你是打算一直躲着？',
    '今天下午六点前不处理，明天我们就安排人上门，到时候别说没提醒你。',
    '你通讯录我们这边都有，你不想让你爸妈和同事都知道吧？',
    '已经给你单位人事打过电话了，再不还下一步就是上门送达。',
    '最后给你一次机会，先还{A2}元，剩下的可以申请分期。',
    '你的案子法务已经在走立案流程了，案号{case}，自己去查。',
    '在吗？',
    '回电话',
    '人呢',
    '？？？',
    '我是{L}贷后部的{C}，工号{num4}，请在今天之内联系我。',
    '别以为换个号码就找不到你，你老家地址我们这边都有。',
    '今天是最后期限，{A}元一分不能少。',
    '收到请回复',
    '你的逾期记录已上报，到时候影响你的征信和子女上学，后果自负。',
    '转账截图发我一下',
    '微信转不了就用银行卡，卡号{card}，户名{co}。',
    '你朋友{N2}说会转告你，你最好主动联系我们。',
    '律师函已经寄到你户籍地了，签收了没有？',
    '还款链接发你了：{link} 今天之内处理掉',
    '再不接电话就直接发到你单位群里了，你自己看着办',
    '你欠的不是我们一家，别的平台也在找你，先把我们这边处理了。',
    '明天上午外访同事到你公司楼下，你最好提前准备好钱。',
    '我们已经向{F}提交材料，起诉状副本会寄给你。',
    '别拉黑，拉黑了我们就直接联系你通讯录。',
    '今天能还多少？',
    '你说的月底是哪天？给个准话',
    '逾期{d}天了，本金加罚息一共{A}，截图给你看了。',
]

BORROWER = [
    '好的', '收到', '知道了', '嗯嗯', '在凑钱', '月底前还', '能不能先还一半',
    '我现在真的没钱，下周发工资就还', '别给我家里人打电话！', '你们是哪家公司的？',
    '我已经还了500了，你们查一下', '利息怎么这么高', '可以减免一点吗', '我会去法院问清楚的',
    '不要骚扰我同事', '可以分期吗？分6期', '好的，明天下午转给你', '你们这样是违法的',
    '我在上班，晚点回你', '别发了', '能不能宽限几天', '已经转了，看一下', '你是谁？',
    '明天中午之前一定还', '把还款账号再发一遍', '我没有借过这笔钱', '这个号是我的，有事找我别找家人',
]

EN_IN = [
    'FINAL NOTICE: Your loan with {LE} is {d} days overdue. Amount due: RMB {Aen}. Pay by 6 PM today.',
    'This is {CE} from the recovery team. Call me back at {P} before 5 PM.',
    'Case No. {caseen} has been filed. Settle now at {linken}',
    'We will contact your employer tomorrow if no payment is received.',
    'Your family members will be notified about this debt.',
    'Reply 1 to confirm the installment plan.',
    'Where is the payment?',
    'Call me now',
    'A field visit to your home address is scheduled for {dateen}.',
    'Your overdue record has been sent to our legal team. Last chance to settle.',
    'Pay RMB {A2} today and we will stop the legal process.',
    'Hello?',
]
EN_OUT = ['ok', 'Who is this?', 'I will pay on Friday', 'Stop calling my family', 'Can I pay half now?',
          'I already paid 500', 'Please give me one more week', 'Noted', 'I am at work, call you later']

GROUP_COLLECT = [
    '各位好，群里都是{N}的亲朋好友，{N}在{L}借款{A}元至今未还，请大家转告他尽快处理。',
    '{N}，你再不出来说话，我们就把你的身份证照片发群里了。',
    '各位，此群为{N}欠款协商群，请相关人员配合，不要随意退群。',
    '@{N} 出来说话',
    '法务部已出具律师函，案号{case}，请{N}本人于{date}前联系。',
    '谁能联系上{N}请让他回电{P}',
    '今天再不处理，明天把欠款信息发到他公司。',
    '{N}的身份证号{ID}，各位如有他的新号码请告知。',
]
GROUP_FAMILY = ['我不认识他', '你们这是违法的', '他欠钱关我什么事', '已经报警了', '别再发了', '我是他同事，已经转告了',
                '把我移出去', '你们到底是哪个公司的？', '这个群我已经截图了']
GROUP_OUT = ['别在群里说了，我今天就还', '我马上处理', '把我家人移出群', '我已经在凑钱了，给我两天', '私聊吧', '好的']


def fill(t, ctx, fk):
    return t.format(**ctx)


def en_ctx(ctx, fk):
    r = fk.r
    e = dict(ctx)
    e['LE'] = r.choice(['Hengtai Credit', 'Ruifeng Finance', 'Xinghe Loans', 'Anying Fintech', 'Jinhe Credit'])
    e['CE'] = r.choice(['Li', 'Wang', 'Zhang', 'Chen', 'Zhou'])
    e['Aen'] = '{:,.2f}'.format(r.randint(900, 40000) + r.choice([0, 0.5, 0.35]))
    e['caseen'] = '%s-%d-%04d' % (r.choice(['HT', 'RF', 'XH', 'JH']), r.choice([2025, 2026]), r.randint(1, 9999))
    e['linken'] = fk.link(scheme='')
    d = ctx['ctx_T'] + DT.timedelta(days=r.randint(1, 5))
    e['dateen'] = '%s %d' % (MON_EN[d.month - 1], d.day)
    return e


# ----------------------------------------------------------------------------
# wrapping
# ----------------------------------------------------------------------------
NO_START = set('，。、！？；：）】》」』”’…%,.!?;:)]〕')
NO_END = set('（【《「『“‘([〔')


def is_ascii(t):
    return all(ord(c) < 128 for c in t)


def _char_wrap(text, size, maxw, bold):
    f = FONT(size, bold)
    lines, cur = [], ''
    for ch in text:
        if cur and f.getlength(cur + ch) > maxw:
            nxt = ch
            # keep closing punctuation off the line start, opening marks off the line end
            if nxt in NO_START and len(cur) > 1:
                nxt = cur[-1] + nxt
                cur = cur[:-1]
            while len(cur) > 1 and cur[-1] in NO_END:
                nxt = cur[-1] + nxt
                cur = cur[:-1]
            lines.append(cur)
            cur = nxt
        else:
            cur += ch
    if cur:
        lines.append(cur)
    return lines


def wrap(text, size, maxw, bold=False):
    """returns lines; Chinese: break between characters, never at a space;
    pure ASCII: break at spaces only."""
    if is_ascii(text):
        words = text.split(' ')
        assert all(words), text
        lines, cur = [], ''
        for w in words:
            assert textw(w, size, bold) <= maxw, (w, text)
            cand = (cur + ' ' + w) if cur else w
            if cur and textw(cand, size, bold) > maxw:
                lines.append(cur)
                cur = w
            else:
                cur = cand
        lines.append(cur)
        return lines
    w = maxw
    for _ in range(200):
        lines = _char_wrap(text, size, w, bold)
        if all(ln == ln.strip() and ln for ln in lines):
            return lines
        w -= size * 0.25          # narrow the bubble until no break falls on a space
    raise ValueError('cannot wrap ' + text)


# ----------------------------------------------------------------------------
# icons
# ----------------------------------------------------------------------------
def arrow_prims(cx, cy, L, direction, color, w, head='chev'):
    """straight arrow; 'out' points up-right, 'in' points down-left"""
    d = L / 2.0
    if direction == 'out':
        tail, tip, sx, sy = (cx - d, cy + d), (cx + d, cy - d), -1, 1
    else:
        tail, tip, sx, sy = (cx + d, cy - d), (cx - d, cy + d), 1, -1
    hl = L * 0.55
    h1 = (tip[0] + sx * hl, tip[1])
    h2 = (tip[0], tip[1] + sy * hl)
    pr = [P('line', [tail[0], tail[1], tip[0], tip[1]], color, w=w, part='shaft')]
    if head == 'chev':
        pr.append(P('line', [h1[0], h1[1], tip[0], tip[1], h2[0], h2[1]], color, w=w, part='head'))
    else:
        pr.append(P('poly', [tip[0], tip[1], h1[0], h1[1], h2[0], h2[1]], color, part='head'))
    return pr


def zigzag_prims(cx, cy, L, color, w):
    """missed-call arrow: down then up, head pointing up-right"""
    d = L / 2.0
    pts = [cx - d, cy - d * 0.7, cx - d * 0.05, cy + d * 0.35, cx + d, cy - d * 0.7]
    hl = L * 0.42
    tip = (cx + d, cy - d * 0.7)
    return [P('line', pts, color, w=w, part='shaft'),
            P('line', [tip[0] - hl, tip[1], tip[0], tip[1], tip[0], tip[1] + hl], color, w=w, part='head')]


def handset_prims(cx, cy, S, color):
    """a small phone handset: thick arc with two ear pieces"""
    r = S * 0.42
    w = S * 0.2
    box = [cx - r, cy - r, cx + r, cy + r]
    pr = [P('arc', box, color, a0=100, a1=215, w=w, part='handset')]
    e = S * 0.15
    a1 = math.radians(100)
    a2 = math.radians(215)
    p1 = (cx + r * math.cos(a1) - w * 0.1, cy + r * math.sin(a1))
    p2 = (cx + r * math.cos(a2), cy + r * math.sin(a2))
    pr.append(P('ellipse', [p1[0] - e, p1[1] - e, p1[0] + e * 1.4, p1[1] + e], color, part='handset'))
    pr.append(P('ellipse', [p2[0] - e, p2[1] - e * 1.4, p2[0] + e, p2[1] + e], color, part='handset'))
    return pr


def info_prims(cx, cy, R, color, w):
    return [P('ellipse', [cx - R, cy - R, cx + R, cy + R], color, w=w, part='ring'),
            P('ellipse', [cx - w * 0.8, cy - R * 0.52 - w * 0.8, cx + w * 0.8, cy - R * 0.52 + w * 0.8], color, part='dot'),
            P('line', [cx, cy - R * 0.15, cx, cy + R * 0.55], color, w=w * 1.2, part='stem')]


def person_prims(box, bg, fg, shape='circle', rad=0):
    x0, y0, x1, y1 = box
    w = x1 - x0
    cx = (x0 + x1) / 2
    pr = []
    if shape == 'circle':
        pr.append(P('ellipse', [x0, y0, x1, y1], bg, part='bg'))
    else:
        pr.append(P('rrect', [x0, y0, x1, y1], bg, r=rad, part='bg'))
    hr = w * 0.17
    hy = y0 + w * 0.38
    pr.append(P('ellipse', [cx - hr, hy - hr, cx + hr, hy + hr], fg, part='head'))
    bw = w * 0.34
    pr.append(P('chord', [cx - bw, y0 + w * 0.6, cx + bw, y0 + w * 1.08], fg, a0=180, a1=360, part='body'))
    return pr


def chevron_prims(x, cy, h, color, w, direction='left'):
    d = h / 2.0
    if direction == 'left':
        return [P('line', [x + d * 0.6, cy - d, x, cy, x + d * 0.6, cy + d], color, w=w)]
    return [P('line', [x, cy - d, x + d * 0.6, cy, x, cy + d], color, w=w)]


def back_arrow_prims(x, cy, L, color, w):
    return [P('line', [x, cy, x + L, cy], color, w=w),
            P('line', [x + L * 0.45, cy - L * 0.45, x, cy, x + L * 0.45, cy + L * 0.45], color, w=w)]


def dots_prims(cx, cy, r, gap, color, vertical=True):
    pr = []
    for i in (-1, 0, 1):
        x, y = (cx, cy + i * gap) if vertical else (cx + i * gap, cy)
        pr.append(P('ellipse', [x - r, y - r, x + r, y + r], color))
    return pr


def plus_circle_prims(cx, cy, R, color, w, filled_bg=None):
    pr = []
    if filled_bg:
        pr.append(P('ellipse', [cx - R, cy - R, cx + R, cy + R], filled_bg))
    else:
        pr.append(P('ellipse', [cx - R, cy - R, cx + R, cy + R], color, w=w))
    k = R * 0.45
    pr.append(P('line', [cx - k, cy, cx + k, cy], color, w=w))
    pr.append(P('line', [cx, cy - k, cx, cy + k], color, w=w))
    return pr


def send_prims(cx, cy, S, color):
    return [P('poly', [cx - S * 0.5, cy - S * 0.45, cx + S * 0.55, cy, cx - S * 0.5, cy + S * 0.45, cx - S * 0.25, cy], color)]


# ----------------------------------------------------------------------------
# status bars
# ----------------------------------------------------------------------------
def signal_prims(x, cy, s, fg, dim, level, H=11.0, bw=2.6, g=1.3):
    pr = []
    bottom = cy + H * s / 2
    for i in range(4):
        h = H * s * (0.35 + 0.65 * i / 3.0)
        x0 = x + i * (bw + g) * s
        pr.append(P('rect', [x0, bottom - h, x0 + bw * s, bottom], fg if i < level else dim))
    return pr, 4 * bw * s + 3 * g * s


def wifi_prims(x, cy, s, fg, R=9.0):
    r = R * s
    cx = x + r
    by = cy + r * 0.55
    return [P('pie', [cx - r, by - r, cx + r, by + r], fg, a0=225, a1=315)], 2 * r


def battery_prims(x, cy, s, fg, dim, level, W=22.0, H=11.0):
    w, h = W * s, H * s
    pr = [P('rrect', [x, cy - h / 2, x + w, cy + h / 2], dim if dim else fg, r=2.8 * s, w=1.2 * s),
          P('rect', [x + 2.2 * s, cy - h / 2 + 2.2 * s, x + 2.2 * s + (w - 4.4 * s) * level / 100.0, cy + h / 2 - 2.2 * s], fg),
          P('rect', [x + w + 0.6 * s, cy - h * 0.18, x + w + 2.0 * s, cy + h * 0.18], dim if dim else fg)]
    return pr, w + 2.0 * s


def notif_prims(kind, x, cy, s, fg):
    k = 13 * s
    y0 = cy - k / 2
    if kind == 'msg':
        return [P('rrect', [x, y0, x + k, y0 + k * 0.8], fg, r=2 * s, w=1.4 * s),
                P('poly', [x + k * 0.2, y0 + k * 0.75, x + k * 0.2, y0 + k, x + k * 0.45, y0 + k * 0.75], fg)]
    if kind == 'chat':
        return [P('ellipse', [x, y0, x + k * 0.72, y0 + k * 0.62], fg, w=1.4 * s),
                P('ellipse', [x + k * 0.36, y0 + k * 0.32, x + k, y0 + k * 0.9], fg, w=1.4 * s)]
    if kind == 'missed':
        return handset_prims(x + k * 0.45, cy + k * 0.1, k * 0.8, fg) + \
            [P('line', [x + k * 0.55, y0, x + k * 0.75, y0 + k * 0.25, x + k, y0], fg, w=1.3 * s)]
    if kind == 'mail':
        return [P('rrect', [x, y0 + k * 0.1, x + k, y0 + k * 0.9], fg, r=1.5 * s, w=1.3 * s),
                P('line', [x, y0 + k * 0.15, x + k / 2, y0 + k * 0.55, x + k, y0 + k * 0.15], fg, w=1.3 * s)]
    if kind == 'pay':
        return [P('rrect', [x, y0, x + k, y0 + k], fg, r=3 * s, w=1.4 * s),
                P('ellipse', [x + k * 0.3, y0 + k * 0.3, x + k * 0.7, y0 + k * 0.7], fg)]
    raise ValueError(kind)


class StatusInfo:
    pass


def android_status(cv, s, h, clock, notifs, fg, side, rng, bold_clock=False):
    cy = h * 0.52
    dim = mix(fg, cv.bg, 0.62)
    fs = 13.5 * s
    right = cv.W - 14 * s
    prims = []
    # right cluster
    x = right
    if side == 'right':
        cw = textw(clock, fs, bold_clock)
        cv.text(x, cy, clock, fs, fg, 'status_clock', bold=bold_clock, anchor='rm')
        x -= cw + 6 * s
    bp, bw = battery_prims(x - 24 * s, cy, s, fg, dim, rng.randint(18, 97))
    level_txt = str(rng.randint(18, 99))
    prims += bp
    x -= 24 * s + 4 * s
    if rng.random() < 0.75:
        cv.text(x, cy, level_txt + ('%' if rng.random() < 0.5 else ''), 11 * s, fg, 'status_text', anchor='rm')
        x -= textw(level_txt + '%', 11 * s) + 5 * s
    wp, ww = wifi_prims(x - 18 * s, cy, s, fg)
    prims += wp
    x -= 18 * s + 6 * s
    for sim in range(rng.choice([1, 2])):
        sp, sw = signal_prims(x - 12.2 * s, cy, s, fg, dim, rng.randint(2, 4))
        prims += sp
        x -= 12.2 * s + 3 * s
        net = rng.choice(['5G', '4G', '5G', 'HD'])
        cv.text(x, cy - 2 * s, net, 8 * s, fg, 'status_text', bold=True, anchor='rm')
        x -= textw(net, 8 * s, True) + 5 * s
    # left cluster
    x = 16 * s
    if side == 'left':
        b = cv.text(x, cy, clock, fs, fg, 'status_clock', bold=bold_clock, anchor='lm')
        x = b[2] + 8 * s
    for kind in notifs:
        prims += notif_prims(kind, x, cy, s, fg)
        x += 18 * s
    cv.group('status_icons', prims)


def ios_status(cv, s, h, clock, fg, rng):
    cy = h * 0.56 if h > 150 else h * 0.5
    cx = cv.W * 0.165
    cv.text(cx, cy, clock, 17 * s, fg, 'status_clock', bold=True, anchor='mm')
    prims = []
    dim = mix(fg, cv.bg, 0.65)
    x = cv.W - 0.075 * cv.W
    # battery with or without the percentage inside
    lvl = rng.randint(21, 96)
    bwid, bh = 27 * s, 13 * s
    x0 = x - bwid
    pct = rng.random() < 0.5
    if pct:
        prims.append(P('rrect', [x0, cy - bh / 2, x, cy + bh / 2], dim, r=4 * s))
        prims.append(P('rect', [x0 + 0.5 * s, cy - bh / 2 + 0.5 * s, x0 + (bwid - 1) * lvl / 100.0, cy + bh / 2 - 0.5 * s], fg))
    else:
        prims.append(P('rrect', [x0, cy - bh / 2, x, cy + bh / 2], dim, r=4 * s, w=1.1 * s))
        prims.append(P('rrect', [x0 + 2 * s, cy - bh / 2 + 2 * s, x0 + 2 * s + (bwid - 4 * s) * lvl / 100.0, cy + bh / 2 - 2 * s], fg, r=2 * s))
    prims.append(P('rect', [x + 1 * s, cy - 2.2 * s, x + 2.5 * s, cy + 2.2 * s], dim))
    wp, ww = wifi_prims(x0 - 6 * s - 17 * s, cy, s, fg, R=8.5)
    prims += wp
    sp, sw = signal_prims(x0 - 6 * s - 17 * s - 6 * s - 17 * s, cy, s, fg, dim, rng.randint(2, 4), H=11, bw=3.0, g=1.8)
    prims += sp
    cv.group('status_icons', prims)
    if pct:
        cv.text(x0 + bwid / 2, cy, str(lvl), 11.5 * s, cv.bg, 'status_text', bold=True, anchor='mm')


def home_indicator(cv, s, fg):
    w = 134 * s
    cv.rrect([cv.W / 2 - w / 2, cv.H - 8 * s - 5 * s, cv.W / 2 + w / 2, cv.H - 8 * s], 2.5 * s, fg, 'home_indicator')


def android_navbar(cv, s, fg):
    w = 0.3 * cv.W
    cv.rrect([cv.W / 2 - w / 2, cv.H - 10 * s, cv.W / 2 + w / 2, cv.H - 10 * s + 4 * s], 2 * s, fg, 'nav_handle')


# ----------------------------------------------------------------------------
# chat apps
# ----------------------------------------------------------------------------
RED = '#E84026'

ANDROID_SMS = {
    'huawei': dict(sb=28, side='right', cbold=False, body=16, meta=11, sep=12, maxw=0.70, padx=12, pady=9, R=19,
                   small=None, time_pos='under', sep_pill=False, wk='星期', header='left', ph='短信', margin=14,
                   hdr=64, gap_thr=None,
                   light=dict(bg='#F1F3F5', fg='#191919', sub='#8A8A8A', in_b='#FFFFFF', in_t='#191919', out_b='#007DFF',
                              out_t='#FFFFFF', meta='#8F8F8F', sep='#858585', field='#FFFFFF', ph='#A3A3A3', accent='#007DFF'),
                   dark=dict(bg='#000000', fg='#E6E6E6', sub='#8C8C8C', in_b='#272727', in_t='#E3E3E3', out_b='#2E6BD9',
                             out_t='#FFFFFF', meta='#7E7E7E', sep='#8C8C8C', field='#1E1E1E', ph='#6E6E6E', accent='#3F8CFF')),
    'honor': dict(sb=30, side='left', cbold=False, body=16, meta=11, sep=12, maxw=0.70, padx=12, pady=9, R=14,
                  small=('bottom', 4), time_pos='under', sep_pill=False, wk='周', header='center', ph='信息', margin=16,
                  hdr=62, gap_thr=None,
                  light=dict(bg='#FFFFFF', fg='#1A1A1A', sub='#8E8E8E', in_b='#F0F1F3', in_t='#1A1A1A', out_b='#256FFF',
                             out_t='#FFFFFF', meta='#999999', sep='#8E8E8E', field='#F2F3F5', ph='#A8A8A8', accent='#256FFF'),
                  dark=dict(bg='#000000', fg='#E8E8E8', sub='#8E8E8E', in_b='#2A2A2A', in_t='#E6E6E6', out_b='#2A63D6',
                            out_t='#FFFFFF', meta='#7A7A7A', sep='#8A8A8A', field='#1C1C1C', ph='#6A6A6A', accent='#4A86FF')),
    'xiaomi': dict(sb=30, side='left', cbold=True, body=16, meta=11, sep=11.5, maxw=0.72, padx=14, pady=10, R=18,
                   small=None, time_pos=None, sep_pill=False, wk='星期', header='center', ph='短信', margin=16,
                   hdr=62, gap_thr=20,
                   light=dict(bg='#FFFFFF', fg='#000000', sub='#8C8C8C', in_b='#F2F2F2', in_t='#111111', out_b='#3482FF',
                              out_t='#FFFFFF', meta='#999999', sep='#9B9B9B', field='#F3F3F3', ph='#A6A6A6', accent='#3482FF'),
                   dark=dict(bg='#000000', fg='#F0F0F0', sub='#8A8A8A', in_b='#242424', in_t='#E8E8E8', out_b='#2B6FDB',
                             out_t='#FFFFFF', meta='#7A7A7A', sep='#808080', field='#1F1F1F', ph='#666666', accent='#4A8FFF')),
    'oppo': dict(sb=30, side='left', cbold=False, body=16, meta=11, sep=12, maxw=0.72, padx=13, pady=9, R=16,
                 small=('top', 5), time_pos=None, sep_pill=False, wk='星期', header='left', ph='短信', margin=16,
                 hdr=64, gap_thr=60,
                 light=dict(bg='#FAFAFA', fg='#000000', sub='#8A8A8A', in_b='#EDEDED', in_t='#141414', out_b='#22A565',
                            out_t='#FFFFFF', meta='#9A9A9A', sep='#8F8F8F', field='#F0F0F0', ph='#A0A0A0', accent='#22A565'),
                 dark=dict(bg='#000000', fg='#EDEDED', sub='#888888', in_b='#262626', in_t='#E6E6E6', out_b='#1C8A55',
                           out_t='#FFFFFF', meta='#777777', sep='#858585', field='#1E1E1E', ph='#696969', accent='#2FBF77')),
    'vivo': dict(sb=30, side='left', cbold=False, body=16.5, meta=10.5, sep=11, maxw=0.66, padx=12, pady=9, R=14,
                 small=('bottom', 4), time_pos='beside', sep_pill=True, wk='星期', header='center', ph='短信', margin=14,
                 hdr=60, gap_thr=None,
                 light=dict(bg='#F5F6F8', fg='#000000', sub='#8A8A8A', in_b='#FFFFFF', in_t='#1A1A1A', out_b='#456FFF',
                            out_t='#FFFFFF', meta='#9C9C9C', sep='#8A8A8A', sep_bg='#E8E9EC', field='#FFFFFF', ph='#A5A5A5',
                            accent='#456FFF'),
                 dark=dict(bg='#0A0A0A', fg='#EBEBEB', sub='#8A8A8A', in_b='#1F1F1F', in_t='#E5E5E5', out_b='#3A5FE0',
                           out_t='#FFFFFF', meta='#767676', sep='#8A8A8A', sep_bg='#1C1C1C', field='#1C1C1C', ph='#666666',
                           accent='#5C80FF')),
}


class ChatBase:
    kind = 'sms'
    ios = False
    date_only = False

    def u(self, v):
        return v * self.s

    def measure(self, ev):
        key = id(ev)
        if key not in self._m:
            self._m[key] = self._measure(ev)
        return self._m[key]['h']

    def m(self, ev):
        self.measure(ev)
        return self._m[id(ev)]


class AndroidSMS(ChatBase):
    def __init__(self, layout, brand, W, H, dark, rng, opt):
        self.layout, self.brand, self.W, self.H, self.dark, self.r, self.opt = layout, brand, W, H, dark, rng, opt
        self.cfg = ANDROID_SMS[brand]
        self.s = W / 360.0
        self.c = self.cfg['dark' if dark else 'light']
        self.date_only = self.cfg['time_pos'] is not None
        self._m = {}

    # ---- labels
    def sep_label(self, dtm, T):
        b = self.brand
        if self.date_only:
            return zh_day(dtm.date(), T.date(), self.cfg['wk'])
        if b == 'xiaomi':
            day = zh_day(dtm.date(), T.date(), self.cfg['wk'])
            t = zh_time(dtm, 'mi')
            return t if day == '今天' else day + ' ' + t
        return zh_day(dtm.date(), T.date(), self.cfg['wk']) + ' ' + zh_time(dtm, '24')

    def own_time(self, dtm):
        return zh_time(dtm, self.opt.get('tmode', '24'))

    # ---- chrome
    def draw_chrome(self, cv, clock, notifs, title, subtitle):
        s, c, cfg = self.s, self.c, self.cfg
        sbh = cfg['sb'] * s
        android_status(cv, s, sbh, clock, notifs, c['fg'], cfg['side'], self.r, cfg['cbold'])
        hy = sbh
        hh = cfg['hdr'] * s
        icons = []
        if cfg['header'] == 'left':
            icons += back_arrow_prims(16 * s, hy + hh / 2, 16 * s, c['fg'], 1.8 * s)
            if subtitle:
                cv.text(56 * s, hy + hh / 2 - 10 * s, title, 19 * s, c['fg'], 'title', bold=True)
                cv.text(56 * s, hy + hh / 2 + 13 * s, subtitle, 12 * s, c['sub'], 'subtitle')
            else:
                cv.text(56 * s, hy + hh / 2, title, 19 * s, c['fg'], 'title', bold=True)
            icons += handset_prims(self.W - 66 * s, hy + hh / 2, 18 * s, c['fg'])
            icons += dots_prims(self.W - 24 * s, hy + hh / 2, 1.9 * s, 6 * s, c['fg'])
        else:
            icons += chevron_prims(18 * s, hy + hh / 2, 16 * s, c['fg'], 2 * s)
            tb = self.brand != 'vivo'
            if subtitle:
                cv.text(self.W / 2, hy + hh / 2 - 10 * s, title, 17 * s, c['fg'], 'title', bold=tb, anchor='mm')
                cv.text(self.W / 2, hy + hh / 2 + 13 * s, subtitle, 11.5 * s, c['sub'], 'subtitle', anchor='mm')
            else:
                cv.text(self.W / 2, hy + hh / 2, title, 17 * s, c['fg'], 'title', bold=tb, anchor='mm')
            if self.brand == 'xiaomi':
                icons += handset_prims(self.W - 62 * s, hy + hh / 2, 17 * s, c['fg'])
            icons += dots_prims(self.W - 22 * s, hy + hh / 2, 1.9 * s, 6 * s, c['fg'])
        cv.group('header_icons', icons)
        ctop = hy + hh
        # input bar
        nav = 18 * s
        ih = 58 * s
        iy0 = self.H - nav - ih
        icy = iy0 + ih / 2
        fy0, fy1 = icy - 19 * s, icy + 19 * s
        ip = []
        ip += plus_circle_prims(28 * s, icy, 12 * s, c['fg'], 1.6 * s)
        if self.brand == 'xiaomi':
            fx1 = self.W - 100 * s
        else:
            fx1 = self.W - 58 * s
        cv.rrect([50 * s, fy0, fx1, fy1], 19 * s, c['field'], 'input_field')
        cv.text(66 * s, icy, cfg['ph'], 15 * s, c['ph'], 'placeholder')
        if self.brand == 'xiaomi':
            sends = [self.W - 76 * s, self.W - 32 * s]
            for k, xx in enumerate(sends):
                ip.append(P('ellipse', [xx - 17 * s, icy - 17 * s, xx + 17 * s, icy + 17 * s], c['field']))
                ip += send_prims(xx - 4 * s, icy - 2 * s, 13 * s, c['ph'])
            cv.group('input_icons', ip)
            for k, xx in enumerate(sends):
                cv.text(xx + 8 * s, icy + 8 * s, str(k + 1), 9 * s, c['ph'], 'button', bold=True, anchor='mm')
        else:
            ip += send_prims(self.W - 30 * s, icy, 20 * s, c['ph'])
            cv.group('input_icons', ip)
        android_navbar(cv, s, c['fg'])
        return ctop, iy0

    # ---- events
    def _measure(self, ev):
        s, cfg = self.s, self.cfg
        if ev['t'] == 'sep':
            return {'h': cfg['sep'] * s * 2.6}
        if ev['t'] == 'sys':
            return {'h': cfg['sep'] * s * 2.4}
        size = cfg['body'] * s
        maxw = self.W * cfg['maxw'] - 2 * cfg['padx'] * s
        lines = wrap(ev['text'], size, maxw)
        lh = size * 1.42
        tw = max(textw(l, size) for l in lines)
        bw = tw + 2 * cfg['padx'] * s
        bh = len(lines) * lh + 2 * cfg['pady'] * s
        h = bh
        if cfg['time_pos'] == 'under':
            h += (4 + cfg['meta'] * 1.4) * s
        return {'h': h, 'lines': lines, 'lh': lh, 'bw': bw, 'bh': bh, 'size': size}

    def gap(self, a, b):
        s = self.s
        if b['t'] == 'sep' or b['t'] == 'sys':
            return 10 * s
        if a['t'] != 'msg':
            return 4 * s
        return (7 if a['dir'] == b['dir'] else 12) * s

    def draw_event(self, cv, ev, y):
        s, cfg, c = self.s, self.cfg, self.c
        mm = self.m(ev)
        if ev['t'] in ('sep', 'sys'):
            cy = y + mm['h'] / 2
            col = c['sep']
            if cfg['sep_pill'] and ev['t'] == 'sep':
                w = textw(ev['label'], cfg['sep'] * s) + 20 * s
                cv.rrect([self.W / 2 - w / 2, cy - cfg['sep'] * s * 0.95, self.W / 2 + w / 2, cy + cfg['sep'] * s * 0.95],
                         cfg['sep'] * s * 0.95, c['sep_bg'], 'sep_bg')
            cv.text(self.W / 2, cy, ev['label'], cfg['sep'] * s, col, ev['t'], anchor='mm')
            return
        mg = cfg['margin'] * s
        bw, bh = mm['bw'], mm['bh']
        x0 = mg if ev['dir'] == 'in' else self.W - mg - bw
        box = [x0, y, x0 + bw, y + bh]
        fillc = c['in_b'] if ev['dir'] == 'in' else c['out_b']
        R = min(cfg['R'] * s, bh / 2, bw / 2)
        cv.rrect(box, R, fillc, 'bubble')
        if cfg['small']:
            where, rs = cfg['small']
            q = R
            if where == 'bottom':
                cb = [x0, y + bh - q, x0 + q, y + bh] if ev['dir'] == 'in' else [x0 + bw - q, y + bh - q, x0 + bw, y + bh]
            else:
                cb = [x0, y, x0 + q, y + q] if ev['dir'] == 'in' else [x0 + bw - q, y, x0 + bw, y + q]
            cv.rrect(cb, rs * s, fillc, 'bubble_corner')
        tc = c['in_t'] if ev['dir'] == 'in' else c['out_t']
        for i, ln in enumerate(mm['lines']):
            cv.text(x0 + cfg['padx'] * s, y + cfg['pady'] * s + mm['lh'] * (i + 0.5), ln, mm['size'], tc, 'msg_line')
        ms = cfg['meta'] * s
        tstr = self.own_time(ev['dt'])
        if cfg['time_pos'] == 'under':
            ty = y + bh + 4 * s + cfg['meta'] * 1.4 * s / 2
            sim = ev.get('sim')
            if ev['dir'] == 'in':
                x = x0 + 4 * s
                if sim:
                    b = cv.text(x, ty, sim, ms * 0.95, c['meta'], 'sim')
                    x = b[2] + 5 * s
                cv.text(x, ty, tstr, ms, c['meta'], 'msg_time')
            else:
                b = cv.text(x0 + bw - 4 * s, ty, tstr, ms, c['meta'], 'msg_time', anchor='rm')
                if sim:
                    cv.text(b[0] - 5 * s, ty, sim, ms * 0.95, c['meta'], 'sim', anchor='rm')
        elif cfg['time_pos'] == 'beside':
            ty = y + bh - ms * 0.9
            if ev['dir'] == 'in':
                cv.text(x0 + bw + 6 * s, ty, tstr, ms, c['meta'], 'msg_time')
            else:
                cv.text(x0 - 6 * s, ty, tstr, ms, c['meta'], 'msg_time', anchor='rm')


IOS_COL = {
    'light': dict(bg='#FFFFFF', fg='#000000', hdr='#F6F6F6', hair='#D6D6DA', in_b='#E9E9EB', in_t='#000000',
                  out_b='#34C759', out_t='#FFFFFF', sep='#8A8A8E', accent='#007AFF', av='#A4A9B4', field_o='#C9C9CE',
                  ph='#BDBDC2', plus_bg='#E9E9EB', plus='#7C7C80'),
    'dark': dict(bg='#000000', fg='#FFFFFF', hdr='#161616', hair='#333336', in_b='#262629', in_t='#FFFFFF',
                 out_b='#30B550', out_t='#FFFFFF', sep='#8D8D93', accent='#0A84FF', av='#6B6E76', field_o='#3A3A3C',
                 ph='#5E5E62', plus_bg='#262629', plus='#9A9A9F'),
}


def ios_sb_h(W, H):
    # dynamic-island models have the taller status bar
    return 54 * 3 if (W, H) in ((1179, 2556), (1290, 2796)) else 47 * 3


class IPhoneSMS(ChatBase):
    ios = True

    def __init__(self, layout, W, H, dark, rng, opt):
        self.layout, self.W, self.H, self.dark, self.r, self.opt = layout, W, H, dark, rng, opt
        self.en = layout.endswith('_en')
        self.s = 3.0
        self.c = IOS_COL['dark' if dark else 'light']
        self._m = {}

    def sep_label(self, dtm, T):
        if self.en:
            delta = (T.date() - dtm.date()).days
            t = en_time(dtm)
            if delta == 0:
                return 'Today ' + t
            if delta == 1:
                return 'Yesterday ' + t
            if delta <= 6:
                return WD_EN[dtm.weekday()] + ' ' + t
            if dtm.year == T.year:
                return '%s, %s %d at %s' % (WD_EN[dtm.weekday()][:3], MON_EN[dtm.month - 1], dtm.day, t)
            return '%s %d, %d at %s' % (MON_EN[dtm.month - 1], dtm.day, dtm.year, t)
        return zh_day(dtm.date(), T.date(), '星期') + ' ' + zh_time(dtm, self.opt.get('tmode', '24'))

    def draw_chrome(self, cv, clock, notifs, title, subtitle):
        s, c = self.s, self.c
        sbh = ios_sb_h(self.W, self.H)
        hh = 92 * s
        cv.rect([0, 0, self.W, sbh + hh], c['hdr'], 'header_bg')
        cv.rect([0, sbh + hh, self.W, sbh + hh + 1], c['hair'], 'hairline')
        ios_status(cv, s, sbh, clock, c['fg'], self.r)
        icons = chevron_prims(10 * s, sbh + 26 * s, 20 * s, c['accent'], 3 * s)
        unread = self.opt.get('unread')
        if unread:
            cv.text(24 * s, sbh + 26 * s, unread, 17 * s, c['accent'], 'back_count', anchor='lm')
        avr = 27 * s
        acy = sbh + 6 * s + avr
        icons += person_prims([self.W / 2 - avr, acy - avr, self.W / 2 + avr, acy + avr], c['av'], '#FFFFFF')
        # facetime-ish icon on the right
        icons.append(P('rrect', [self.W - 46 * s, sbh + 20 * s, self.W - 30 * s, sbh + 32 * s], c['accent'], r=3 * s, w=1.8 * s))
        icons.append(P('poly', [self.W - 30 * s, sbh + 26 * s, self.W - 22 * s, sbh + 21 * s, self.W - 22 * s, sbh + 31 * s], c['accent']))
        ty = acy + avr + 12 * s
        b = cv.text(self.W / 2, ty, title, 11.5 * s, c['fg'], 'title', anchor='mm')
        icons += chevron_prims(b[2] + 4 * s, ty, 7 * s, c['sep'], 1.3 * s, 'right')
        cv.group('header_icons', icons)
        ctop = sbh + hh
        # input bar
        ih = 50 * s
        iy0 = self.H - 34 * s - ih
        icy = iy0 + ih / 2
        ip = plus_circle_prims(26 * s, icy, 16 * s, c['plus'], 2.2 * s, filled_bg=c['plus_bg'])
        ip.append(P('rrect', [50 * s, icy - 17 * s, self.W - 12 * s, icy + 17 * s], c['field_o'], r=17 * s, w=1 * s))
        mx = self.W - 30 * s
        ip.append(P('rrect', [mx - 3.5 * s, icy - 8 * s, mx + 3.5 * s, icy + 3 * s], c['ph'], r=3.5 * s))
        ip.append(P('arc', [mx - 6.5 * s, icy - 5 * s, mx + 6.5 * s, icy + 6 * s], c['ph'], a0=0, a1=180, w=1.5 * s))
        ip.append(P('line', [mx, icy + 6 * s, mx, icy + 9 * s], c['ph'], w=1.5 * s))
        cv.group('input_icons', ip)
        cv.text(64 * s, icy, 'Text Message' if self.en else '短信/彩信', 16 * s, c['ph'], 'placeholder')
        home_indicator(cv, s, c['fg'])
        return ctop, iy0

    def _measure(self, ev):
        s = self.s
        if ev['t'] == 'sep':
            return {'h': 12 * s * 1.5}
        if ev['t'] == 'sys':
            return {'h': 12 * s * 1.5}
        size = 17 * s
        maxw = self.W * 0.72 - 24 * s
        lines = wrap(ev['text'], size, maxw)
        lh = 22 * s
        tw = max(textw(l, size) for l in lines)
        bw = tw + 24 * s
        bh = len(lines) * lh + 14 * s
        h = bh + (18 * s if ev.get('delivered') else 0)
        return {'h': h, 'lines': lines, 'lh': lh, 'bw': bw, 'bh': bh, 'size': size}

    def gap(self, a, b):
        s = self.s
        if a['t'] == 'sys' and b['t'] == 'sep':
            return 0
        if b['t'] in ('sep', 'sys'):
            return 14 * s
        if a['t'] != 'msg':
            return 6 * s
        return (2 if a['dir'] == b['dir'] else 10) * s

    def draw_event(self, cv, ev, y):
        s, c = self.s, self.c
        mm = self.m(ev)
        if ev['t'] in ('sep', 'sys'):
            cv.text(self.W / 2, y + mm['h'] / 2, ev['label'], 12 * s, c['sep'], ev['t'], anchor='mm')
            return
        bw, bh = mm['bw'], mm['bh']
        x0 = 16 * s if ev['dir'] == 'in' else self.W - 16 * s - bw
        fillc = c['in_b'] if ev['dir'] == 'in' else c['out_b']
        cv.rrect([x0, y, x0 + bw, y + bh], min(18 * s, bh / 2), fillc, 'bubble')
        if ev.get('tail'):
            yb = y + bh
            if ev['dir'] == 'in':
                pts = [x0 + 2 * s, yb - 14 * s, x0 + 14 * s, yb - 2 * s, x0 + 6 * s, yb, x0 - 5 * s, yb + 0.5 * s, x0 + 1 * s, yb - 4 * s]
            else:
                xe = x0 + bw
                pts = [xe - 2 * s, yb - 14 * s, xe - 14 * s, yb - 2 * s, xe - 6 * s, yb, xe + 5 * s, yb + 0.5 * s, xe - 1 * s, yb - 4 * s]
            cv.group('bubble_tail', [P('poly', pts, fillc)])
        tc = c['in_t'] if ev['dir'] == 'in' else c['out_t']
        for i, ln in enumerate(mm['lines']):
            cv.text(x0 + 12 * s, y + 7 * s + mm['lh'] * (i + 0.5), ln, mm['size'], tc, 'msg_line')
        if ev.get('delivered'):
            cv.text(self.W - 18 * s, y + bh + 10 * s, 'Sent as Text Message' if self.en else '以短信形式发送', 11 * s,
                    c['sep'], 'delivered', anchor='rm')


WX_COL = {
    'light': dict(bg='#EDEDED', fg='#191919', hdr='#EDEDED', hair='#D9D9D9', in_b='#FFFFFF', in_t='#191919',
                  out_b='#95EC69', out_t='#191919', sep='#9E9E9E', nick='#888888', inp='#F7F7F7', field='#FFFFFF',
                  icon='#181818', link='#576B95'),
    'dark': dict(bg='#111111', fg='#D5D5D5', hdr='#111111', hair='#232323', in_b='#2C2C2C', in_t='#D6D6D6',
                 out_b='#3EB575', out_t='#0F0F0F', sep='#6E6E6E', nick='#7F7F7F', inp='#1E1E1E', field='#2C2C2C',
                 icon='#CFCFCF', link='#7D90A9'),
}
AVATAR_COLS = ['#5B8FD6', '#E07A5F', '#6AA84F', '#B07CC6', '#D4A017', '#4DB6AC', '#8D6E63', '#EF6C8C', '#7986CB']


class WeChat(ChatBase):
    kind = 'im'

    def __init__(self, layout, W, H, dark, rng, opt):
        self.layout, self.W, self.H, self.dark, self.r, self.opt = layout, W, H, dark, rng, opt
        self.ios = opt['host'] == 'ios'
        self.s = 3.0 if self.ios else W / 360.0
        self.c = WX_COL['dark' if dark else 'light']
        self.group_chat = layout == 'wechat_group'
        self._m = {}

    def sep_label(self, dtm, T):
        tm = zh_time(dtm, self.opt.get('tmode', '24'))
        day = zh_day(dtm.date(), T.date(), '星期')
        return tm if day == '今天' else day + ' ' + tm

    def draw_chrome(self, cv, clock, notifs, title, subtitle):
        s, c = self.s, self.c
        if self.ios:
            sbh = ios_sb_h(self.W, self.H)
            ios_status(cv, s, sbh, clock, '#000000' if not self.dark else '#FFFFFF', self.r)
            hh = 44 * s
        else:
            sbh = 30 * s
            android_status(cv, s, sbh, clock, notifs, '#000000' if not self.dark else '#FFFFFF', 'left', self.r)
            hh = 50 * s
        cy = sbh + hh / 2
        cv.text(self.W / 2, cy, title, 17 * s, c['fg'], 'title', bold=True, anchor='mm')
        icons = chevron_prims(14 * s, cy, 18 * s, c['icon'], 2.2 * s)
        icons += dots_prims(self.W - 24 * s, cy, 2.2 * s, 7 * s, c['icon'], vertical=False)
        cv.group('header_icons', icons)
        cv.rect([0, sbh + hh, self.W, sbh + hh + max(1, int(0.4 * s))], c['hair'], 'hairline')
        ctop = sbh + hh + 1
        bottom_pad = 34 * s if self.ios else 16 * s
        ih = 56 * s
        iy0 = self.H - bottom_pad - ih
        cv.rect([0, iy0, self.W, self.H], c['inp'], 'input_bg')
        cv.rect([0, iy0, self.W, iy0 + max(1, int(0.4 * s))], c['hair'], 'hairline')
        icy = iy0 + ih / 2
        ip = []
        ip.append(P('ellipse', [10 * s, icy - 14 * s, 38 * s, icy + 14 * s], c['icon'], w=1.6 * s))
        ip.append(P('arc', [17 * s, icy - 6 * s, 29 * s, icy + 6 * s], c['icon'], a0=-50, a1=50, w=1.6 * s))
        ip.append(P('arc', [13 * s, icy - 10 * s, 33 * s, icy + 10 * s], c['icon'], a0=-50, a1=50, w=1.6 * s))
        cv.rrect([46 * s, icy - 19 * s, self.W - 92 * s, icy + 19 * s], 4 * s, c['field'], 'input_field')
        ex = self.W - 70 * s
        ip.append(P('ellipse', [ex - 14 * s, icy - 14 * s, ex + 14 * s, icy + 14 * s], c['icon'], w=1.6 * s))
        ip.append(P('arc', [ex - 8 * s, icy - 8 * s, ex + 8 * s, icy + 8 * s], c['icon'], a0=20, a1=160, w=1.6 * s))
        ip.append(P('ellipse', [ex - 6 * s, icy - 6 * s, ex - 3 * s, icy - 3 * s], c['icon']))
        ip.append(P('ellipse', [ex + 3 * s, icy - 6 * s, ex + 6 * s, icy - 3 * s], c['icon']))
        ip += plus_circle_prims(self.W - 28 * s, icy, 14 * s, c['icon'], 1.6 * s)
        cv.group('input_icons', ip)
        if self.ios:
            home_indicator(cv, s, c['fg'])
        else:
            android_navbar(cv, s, c['fg'])
        return ctop, iy0

    def _measure(self, ev):
        s = self.s
        if ev['t'] == 'sep':
            return {'h': 12 * s * 2.4}
        if ev['t'] == 'sys':
            maxw = self.W - 90 * s
            if ev.get('link'):
                assert textw(ev['label'] + ' ' + ev['link'], 12.5 * s) <= maxw, ev
                lines = [ev['label']]
            else:
                lines = wrap(ev['label'], 12.5 * s, maxw)
            return {'h': 12.5 * s * (1.5 * len(lines) + 0.8), 'lines': lines}
        size = 17 * s
        av = 40 * s
        maxw = self.W - 2 * (12 + 40 + 8) * s - 34 * s - 24 * s
        lines = wrap(ev['text'], size, maxw)
        lh = 24 * s
        tw = max(textw(l, size) for l in lines)
        bw = tw + 24 * s
        bh = max(len(lines) * lh + 18 * s, av)
        nick_h = 19 * s if ev.get('nick') else 0
        h = max(av, nick_h + bh)
        return {'h': h, 'lines': lines, 'lh': lh, 'bw': bw, 'bh': bh, 'size': size, 'nick_h': nick_h}

    def gap(self, a, b):
        return 16 * self.s if (a['t'] == 'msg' and b['t'] == 'msg') else 8 * self.s

    def avatar_col(self, key):
        h = 0
        for ch in key:
            h = (h * 131 + ord(ch)) % 1000003
        return AVATAR_COLS[h % len(AVATAR_COLS)]

    def draw_event(self, cv, ev, y):
        s, c = self.s, self.c
        mm = self.m(ev)
        if ev['t'] == 'sep':
            cv.text(self.W / 2, y + mm['h'] / 2, ev['label'], 12 * s, c['sep'], 'sep', anchor='mm')
            return
        if ev['t'] == 'sys':
            fs = 12.5 * s
            if ev.get('link'):
                full = ev['label'] + ' ' + ev['link']
                x = self.W / 2 - textw(full, fs) / 2
                cv.text(x, y + mm['h'] / 2, ev['label'], fs, c['sep'], 'sys', anchor='lm')
                cv.text(x + textw(ev['label'] + ' ', fs), y + mm['h'] / 2, ev['link'], fs, c['link'], 'sys', anchor='lm')
            else:
                top = y + 0.4 * fs
                for i, ln in enumerate(mm['lines']):
                    cv.text(self.W / 2, top + fs * 1.5 * (i + 0.5), ln, fs, c['sep'], 'sys', anchor='mm')
            return
        av = 40 * s
        bw, bh = mm['bw'], mm['bh']
        incoming = ev['dir'] == 'in'
        ax0 = 12 * s if incoming else self.W - 12 * s - av
        key = ev.get('nick') or (self.opt['title'] if incoming else 'self')
        cv.group('avatar', person_prims([ax0, y, ax0 + av, y + av], self.avatar_col(key), '#FFFFFF', 'rrect', 4 * s))
        bx0 = ax0 + av + 8 * s if incoming else ax0 - 8 * s - bw
        by = y + mm['nick_h']
        if ev.get('nick'):
            cv.text(bx0 + 2 * s, y + 8 * s, ev['nick'], 12 * s, c['nick'], 'nick', anchor='lm')
        fillc = c['in_b'] if incoming else c['out_b']
        cv.rrect([bx0, by, bx0 + bw, by + bh], 4 * s, fillc, 'bubble')
        ty = by + 20 * s
        if incoming:
            tri = [bx0, ty - 5.5 * s, bx0 - 5.5 * s, ty, bx0, ty + 5.5 * s]
        else:
            tri = [bx0 + bw, ty - 5.5 * s, bx0 + bw + 5.5 * s, ty, bx0 + bw, ty + 5.5 * s]
        cv.group('bubble_tail', [P('poly', tri, fillc)])
        tc = c['in_t'] if incoming else c['out_t']
        n = len(mm['lines'])
        top = by + (bh - n * mm['lh']) / 2
        for i, ln in enumerate(mm['lines']):
            cv.text(bx0 + 12 * s, top + mm['lh'] * (i + 0.5), ln, mm['size'], tc, 'msg_line')


# ----------------------------------------------------------------------------
# call logs
# ----------------------------------------------------------------------------
CALL_COL = {
    'light': dict(bg='#FFFFFF', fg='#191919', sub='#8C8C8C', red='#E84026', div='#E5E5E5', field='#F1F3F5',
                  ph='#A0A0A0', icon='#8C8C8C'),
    'dark': dict(bg='#000000', fg='#E6E6E6', sub='#858585', red='#F0584A', div='#262626', field='#1C1C1C',
                 ph='#6B6B6B', icon='#8A8A8A'),
}
CALL_ACCENT = {'huawei': '#007DFF', 'honor': '#256FFF', 'xiaomi': '#2BB06B', 'oppo': '#22A565', 'vivo': '#456FFF'}
IOS_CALL = {
    'light': dict(bg='#FFFFFF', fg='#000000', sub='#8A8A8E', red='#FF3B30', div='#D8D8DC', accent='#007AFF',
                  seg='#EEEEEF', seg_on='#FFFFFF', tab='#F7F7F7', tab_off='#999999', icon='#8A8A8E'),
    'dark': dict(bg='#000000', fg='#FFFFFF', sub='#8D8D93', red='#FF453A', div='#38383A', accent='#0A84FF',
                 seg='#1C1C1E', seg_on='#636366', tab='#121212', tab_off='#7E7E83', icon='#8D8D93'),
}


def fmt_dur(sec):
    h, rem = divmod(sec, 3600)
    m, s = divmod(rem, 60)
    if h:
        return '%d小时%d分%d秒' % (h, m, s)
    if m:
        return '%d分%d秒' % (m, s)
    return '%d秒' % s


class CallLog:
    kind = 'call'

    def __init__(self, layout, brand, W, H, dark, rng, opt):
        self.layout, self.brand, self.W, self.H, self.dark, self.r, self.opt = layout, brand, W, H, dark, rng, opt
        self.ios = brand == 'iphone'
        self.en = opt.get('en', False)
        self.s = 3.0 if self.ios else W / 360.0
        if self.ios:
            self.c = dict(IOS_CALL['dark' if dark else 'light'])
        else:
            self.c = dict(CALL_COL['dark' if dark else 'light'])
            self.c['accent'] = CALL_ACCENT[brand]
        self.row_h = {'huawei': 72, 'honor': 68, 'xiaomi': 72, 'oppo': 72, 'vivo': 70, 'iphone': 62}[brand] * self.s
        self.shows_dur = brand in ('xiaomi', 'oppo', 'vivo')

    def label(self, dtm, T):
        b = self.brand
        delta = (T.date() - dtm.date()).days
        t24 = '%02d:%02d' % (dtm.hour, dtm.minute)
        same = dtm.year == T.year
        if b == 'huawei':
            return [t24, '昨天 ' + t24][delta] if delta < 2 else ('星期' + WD[dtm.weekday()] if delta <= 6 else
                    ('%d月%d日' % (dtm.month, dtm.day) if same else '%d/%d/%d' % (dtm.year, dtm.month, dtm.day)))
        if b == 'honor':
            return [t24, '昨天'][delta] if delta < 2 else ('周' + WD[dtm.weekday()] if delta <= 6 else
                    ('%d/%d' % (dtm.month, dtm.day) if same else '%d/%d/%d' % (dtm.year, dtm.month, dtm.day)))
        if b == 'xiaomi':
            mi = zh_time(dtm, 'mi')
            return [mi, '昨天 ' + mi][delta] if delta < 2 else ('周' + WD[dtm.weekday()] if delta <= 6 else
                    ('%d月%d日' % (dtm.month, dtm.day) if same else '%d年%d月%d日' % (dtm.year, dtm.month, dtm.day)))
        if b == 'oppo':
            return [t24, '昨天 ' + t24][delta] if delta < 2 else ('星期' + WD[dtm.weekday()] if delta <= 6 else
                    ('%02d/%02d' % (dtm.month, dtm.day) if same else '%d/%02d/%02d' % (dtm.year, dtm.month, dtm.day)))
        if b == 'vivo':
            return [t24, '昨天'][delta] if delta < 2 else ('星期' + WD[dtm.weekday()] if delta <= 6 else
                    ('%02d-%02d' % (dtm.month, dtm.day) if same else '%d-%02d-%02d' % (dtm.year, dtm.month, dtm.day)))
        if self.en:
            if delta == 0:
                return en_time(dtm)
            if delta == 1:
                return 'Yesterday'
            if delta <= 6:
                return WD_EN[dtm.weekday()]
            return '%d/%d/%02d' % (dtm.month, dtm.day, dtm.year % 100)
        if delta == 0:
            return zh_time(dtm, self.opt.get('tmode', '24'))
        if delta == 1:
            return '昨天'
        if delta <= 6:
            return '星期' + WD[dtm.weekday()]
        return '%d/%d/%d' % (dtm.year, dtm.month, dtm.day)

    # ---- type icons: three different drawings per brand
    def type_icon(self, ctype, cx, cy):
        s, c = self.s, self.c
        b = self.brand
        red = c['red']
        if b == 'huawei':
            if ctype == 'missed':
                return zigzag_prims(cx, cy, 11 * s, red, 1.5 * s)
            return arrow_prims(cx, cy, 10 * s, 'in' if ctype == 'incoming' else 'out', c['icon'], 1.5 * s)
        if b == 'honor':
            hs = handset_prims(cx - 4 * s, cy + 3 * s, 13 * s, red if ctype == 'missed' else c['icon'])
            if ctype == 'missed':
                return hs + zigzag_prims(cx + 5 * s, cy - 5 * s, 10 * s, red, 1.5 * s)
            col = c['icon'] if ctype == 'incoming' else c['accent']
            return hs + arrow_prims(cx + 5 * s, cy - 5 * s, 9 * s, 'in' if ctype == 'incoming' else 'out', col, 1.5 * s, 'fill')
        if b == 'xiaomi':
            if ctype == 'missed':
                return arrow_prims(cx, cy, 9 * s, 'in', red, 1.4 * s, 'fill')
            return arrow_prims(cx, cy, 9 * s, 'in' if ctype == 'incoming' else 'out',
                               '#3482FF' if ctype == 'incoming' else c['accent'], 1.4 * s, 'chev')
        if b == 'oppo':
            if ctype == 'missed':
                return zigzag_prims(cx, cy, 11 * s, red, 1.4 * s)
            return arrow_prims(cx, cy, 10 * s, 'in' if ctype == 'incoming' else 'out', c['icon'], 1.4 * s, 'fill')
        if b == 'vivo':
            if ctype == 'missed':
                return zigzag_prims(cx, cy, 11 * s, red, 1.5 * s)
            return arrow_prims(cx, cy, 10 * s, 'in' if ctype == 'incoming' else 'out',
                               '#2E9BFF' if ctype == 'incoming' else '#2BB06B', 1.5 * s, 'chev')
        # iPhone: only outgoing calls carry a glyph; missed calls are red names
        if ctype == 'outgoing':
            return handset_prims(cx - 2 * s, cy + 2 * s, 13 * s, c['icon']) + \
                arrow_prims(cx + 5 * s, cy - 5 * s, 6 * s, 'out', c['icon'], 1.4 * s)
        return []

    def sim_badge(self, cv, x, cy, digit):
        s, c = self.s, self.c
        w = 11 * s
        cv.group('sim_badge', [P('rrect', [x, cy - 6.5 * s, x + w, cy + 6.5 * s], c['sub'], r=2 * s, w=1.1 * s)])
        cv.text(x + w / 2, cy + 0.3 * s, digit, 8 * s, c['sub'], 'sim', anchor='mm')
        return x + w

    def draw_chrome(self, cv, clock, notifs):
        s, c, b = self.s, self.c, self.brand
        W, H = self.W, self.H
        if self.ios:
            sbh = ios_sb_h(W, H)
            ios_status(cv, s, sbh, clock, c['fg'], self.r)
            en = self.en
            y = sbh + 22 * s
            cv.text(W - 16 * s, y, 'Edit' if en else '编辑', 17 * s, c['accent'], 'button', anchor='rm')
            sw = 190 * s
            cv.rrect([W / 2 - sw / 2, y - 16 * s, W / 2 + sw / 2, y + 16 * s], 9 * s, c['seg'], 'segmented')
            cv.rrect([W / 2 - sw / 2 + 2 * s, y - 14 * s, W / 2 - 1 * s, y + 14 * s], 7 * s, c['seg_on'], 'segmented')
            cv.text(W / 2 - sw / 4, y, 'All' if en else '所有通话', 13 * s, c['fg'], 'tab', bold=True, anchor='mm')
            cv.text(W / 2 + sw / 4, y, 'Missed' if en else '未接来电', 13 * s, c['fg'], 'tab', anchor='mm')
            cv.text(16 * s, sbh + 66 * s, 'Recents' if en else '最近通话', 32 * s, c['fg'], 'heading', bold=True)
            ltop = sbh + 92 * s
            tb_h = 49 * s + 34 * s
            cv.rect([0, H - tb_h, W, H], c['tab'], 'tabbar_bg')
            cv.rect([0, H - tb_h, W, H - tb_h + 1], c['div'], 'hairline')
            names = ['Favorites', 'Recents', 'Contacts', 'Keypad', 'Voicemail'] if en else ['个人收藏', '最近通话', '通讯录', '拨号键盘', '语音留言']
            ic = []
            for i, nm in enumerate(names):
                cx = W * (i + 0.5) / 5
                col = c['accent'] if i == 1 else c['tab_off']
                ic.append(P('ellipse', [cx - 11 * s, H - tb_h + 7 * s, cx + 11 * s, H - tb_h + 29 * s], col, w=2 * s))
                cv.text(cx, H - tb_h + 40 * s, nm, 10 * s, col, 'tab', anchor='mm')
            cv.group('tab_icons', ic)
            home_indicator(cv, s, c['fg'])
            return ltop, H - tb_h
        sbh = 30 * s
        android_status(cv, s, sbh, clock, notifs, c['fg'], 'right' if b == 'huawei' else 'left', self.r, b == 'xiaomi')
        acc = c['accent']
        ic = []
        nav = 18 * s
        if b in ('huawei', 'oppo', 'vivo'):
            ttl = {'huawei': '电话', 'oppo': '电话', 'vivo': '通话记录'}[b]
            cv.text(22 * s, sbh + 34 * s, ttl, 26 * s, c['fg'], 'heading', bold=True)
            ic += dots_prims(W - 24 * s, sbh + 34 * s, 2 * s, 6.5 * s, c['fg'])
            y = sbh + 62 * s
            if b == 'oppo':
                cv.text(22 * s, y + 12 * s, '全部通话', 15 * s, acc, 'tab', bold=True)
                cv.text(110 * s, y + 12 * s, '未接来电', 15 * s, c['sub'], 'tab')
                ltop = y + 34 * s
            else:
                cv.rrect([16 * s, y, W - 16 * s, y + 36 * s], 18 * s, c['field'], 'search_box')
                ic.append(P('ellipse', [30 * s, y + 11 * s, 42 * s, y + 23 * s], c['ph'], w=1.6 * s))
                ic.append(P('line', [41 * s, y + 22 * s, 46 * s, y + 27 * s], c['ph'], w=1.6 * s))
                cv.text(54 * s, y + 18 * s, '搜索联系人' if b == 'huawei' else '搜索', 14 * s, c['ph'], 'search')
                ltop = y + 46 * s
            cv.group('chrome_icons', ic)
            ic = []
            tabs = {'huawei': ['拨号', '联系人', '收藏', '畅连'], 'oppo': ['电话', '联系人', '收藏'],
                    'vivo': ['拨号', '联系人', '收藏', '黄页']}[b]
            tb_h = 58 * s
            y0 = H - nav - tb_h
            for i, nm in enumerate(tabs):
                cx = W * (i + 0.5) / len(tabs)
                col = acc if i == 0 else c['sub']
                ic.append(P('rrect', [cx - 11 * s, y0 + 8 * s, cx + 11 * s, y0 + 30 * s], col, r=5 * s, w=1.8 * s))
                cv.text(cx, y0 + 42 * s, nm, 11 * s, col, 'tab', anchor='mm')
            lbot = y0
        else:
            # honor: top tabs + search, floating dial button; xiaomi: search + floating dial button
            y = sbh + 8 * s
            if b == 'honor':
                for i, nm in enumerate(['通话', '联系人', '收藏']):
                    x = 22 * s + i * 72 * s
                    bb = cv.text(x, y + 18 * s, nm, 18 * s if i == 0 else 16 * s, c['fg'] if i == 0 else c['sub'], 'tab', bold=i == 0)
                    if i == 0:
                        cv.rrect([bb[0], y + 34 * s, bb[2], y + 37 * s], 1.5 * s, acc, 'tab_underline')
                ic += dots_prims(W - 24 * s, y + 18 * s, 2 * s, 6.5 * s, c['fg'])
                y += 46 * s
            cv.rrect([16 * s, y, W - 16 * s, y + 38 * s], 19 * s, c['field'], 'search_box')
            ic.append(P('ellipse', [30 * s, y + 12 * s, 42 * s, y + 24 * s], c['ph'], w=1.6 * s))
            ic.append(P('line', [41 * s, y + 23 * s, 46 * s, y + 28 * s], c['ph'], w=1.6 * s))
            cv.text(54 * s, y + 19 * s, '搜索联系人' if b == 'honor' else '搜索联系人、号码', 14 * s, c['ph'], 'search')
            ltop = y + 48 * s
            cv.group('chrome_icons', ic)
            ic = []
            fab = 56 * s
            fx, fy = W / 2, H - nav - 14 * s - fab / 2
            ic.append(P('ellipse', [fx - fab / 2, fy - fab / 2, fx + fab / 2, fy + fab / 2], acc))
            for i in range(3):
                for j in range(3):
                    px, py = fx + (i - 1) * 8 * s, fy + (j - 1) * 8 * s
                    ic.append(P('ellipse', [px - 2 * s, py - 2 * s, px + 2 * s, py + 2 * s], '#FFFFFF'))
            lbot = fy - fab / 2 - 8 * s
        cv.group('tab_icons', ic)
        android_navbar(cv, s, c['fg'])
        return ltop, lbot

    def draw_row(self, cv, row, y):
        s, c, b, W = self.s, self.c, self.brand, self.W
        h = self.row_h
        ct = row['type']
        namec = c['red'] if ct == 'missed' else c['fg']
        lab = row['label']
        cv.region('call_row', [0, y, W, y + h])
        icons = []

        def name_and_count(x, ny, size):
            bb = cv.text(x, ny, row['disp'], size, namec, 'call_name')
            if row.get('count'):
                cv.text(bb[2] + 4 * s, ny, '(%d)' % row['count'], size * 0.92, namec, 'call_count')

        def sub_items(x, sy, items, limit):
            for kind, val in items:
                if kind == 'icon':
                    icons.append(('type', self.type_icon(ct, x + 6 * s, sy)))
                    x += 16 * s
                elif kind == 'sim':
                    x = self.sim_badge(cv, x, sy, val) + 6 * s
                else:
                    role, col = kind
                    if x + textw(val, 12.5 * s) > limit:
                        if role in ('call_label', 'call_dur', 'call_note'):
                            raise ValueError('essential call text does not fit: ' + val)
                        continue
                    bb = cv.text(x, sy, val, 12.5 * s, col, role)
                    x = bb[2] + 8 * s
            return x

        if self.ios:
            ny, sy = y + 21 * s, y + 43 * s
            ip = self.type_icon(ct, 19 * s, ny)
            if ip:
                icons.append(('type', ip))
            name_and_count(36 * s, ny, 17 * s)
            cv.text(36 * s, sy, row['sub'], 14.5 * s, c['sub'], 'call_sub')
            icons.append(('info', info_prims(W - 26 * s, y + h / 2, 11 * s, c['accent'], 1.5 * s)))
            cv.text(W - 46 * s, ny, lab, 15 * s, c['sub'], 'call_time', anchor='rm')
            cv.rect([36 * s, y + h - 1, W, y + h], c['div'], 'divider')
        elif b == 'huawei':
            ny, sy = y + 25 * s, y + 49 * s
            name_and_count(24 * s, ny, 17 * s)
            icons.append(('info', info_prims(W - 30 * s, y + h / 2, 10 * s, c['icon'], 1.5 * s)))
            tb = cv.text(W - 52 * s, y + h / 2, lab, 12.5 * s, c['sub'], 'call_time', anchor='rm')
            items = [('icon', None)]
            if row.get('sim'):
                items.append(('sim', row['sim']))
            items += [(('call_sub', c['sub']), row['loc'])] if row['loc'] else []
            items += [(('call_tag', c['sub']), row['tag'])] if row.get('tag') else []
            sub_items(24 * s, sy, items, tb[0] - 10 * s)
            cv.rect([24 * s, y + h - 1, W - 24 * s, y + h], c['div'], 'divider')
        elif b == 'honor':
            icons.append(('type', self.type_icon(ct, 28 * s, y + h / 2)))
            ny, sy = y + 24 * s, y + 46 * s
            name_and_count(56 * s, ny, 16.5 * s)
            tb = cv.text(W - 20 * s, y + h / 2, lab, 12.5 * s, c['sub'], 'call_time', anchor='rm')
            items = []
            if row.get('sim'):
                items.append(('sim', row['sim']))
            items += [(('call_sub', c['sub']), row['loc'])] if row['loc'] else []
            items += [(('call_tag', c['red'] if '催收' in (row.get('tag') or '') else c['sub']), row['tag'])] if row.get('tag') else []
            sub_items(56 * s, sy, items, tb[0] - 10 * s)
            cv.rect([56 * s, y + h - 1, W, y + h], c['div'], 'divider')
        elif b == 'xiaomi':
            ny, sy = y + 26 * s, y + 50 * s
            name_and_count(20 * s, ny, 17 * s)
            tb = cv.text(W - 20 * s, y + h / 2, lab, 12.5 * s, c['sub'], 'call_time', anchor='rm')
            items = [('icon', None)]
            if row.get('sim'):
                items.append(('sim', row['sim']))
            items.append((('call_label', c['sub']), row['xlabel']))
            items += [(('call_sub', c['sub']), row['loc'])] if row['loc'] else []
            sub_items(20 * s, sy, items, tb[0] - 10 * s)
        elif b == 'oppo':
            icons.append(('avatar', person_prims([16 * s, y + h / 2 - 20 * s, 56 * s, y + h / 2 + 20 * s],
                                                 mix(c['accent'], c['bg'], 0.55), '#FFFFFF')))
            ny, sy = y + 26 * s, y + 50 * s
            name_and_count(68 * s, ny, 16.5 * s)
            tb = cv.text(W - 16 * s, ny, lab, 12.5 * s, c['sub'], 'call_time', anchor='rm')
            lim = tb[0]
            if row.get('durtxt'):
                db = cv.text(W - 16 * s, sy, row['durtxt'], 12 * s, c['sub'], row['durrole'], anchor='rm')
                lim = min(lim, db[0])
            items = [('icon', None)]
            items += [(('call_sub', c['sub']), row['loc'])] if row['loc'] else []
            if row.get('sim'):
                items.append(('sim', row['sim']))
            items += [(('call_tag', c['sub']), row['tag'])] if row.get('tag') else []
            sub_items(68 * s, sy, items, lim - 10 * s)
            cv.rect([68 * s, y + h - 1, W - 16 * s, y + h], c['div'], 'divider')
        elif b == 'vivo':
            ny, sy = y + 25 * s, y + 48 * s
            name_and_count(20 * s, ny, 17 * s)
            icons.append(('info', info_prims(W - 28 * s, y + h / 2, 10 * s, c['accent'], 1.5 * s)))
            tb = cv.text(W - 50 * s, y + h / 2, lab, 12.5 * s, c['sub'], 'call_time', anchor='rm')
            items = [('icon', None)]
            if row.get('durtxt'):
                items.append(((row['durrole'], c['sub']), row['durtxt']))
            items += [(('call_sub', c['sub']), row['loc'])] if row['loc'] else []
            if row.get('sim'):
                items.append(('sim', row['sim']))
            sub_items(20 * s, sy, items, tb[0] - 10 * s)
            cv.rect([20 * s, y + h - 1, W - 20 * s, y + h], c['div'], 'divider')
        for kind, prims in icons:
            if prims:
                cv.group({'type': 'call_icon', 'info': 'info_icon', 'avatar': 'avatar'}[kind], prims)


# ----------------------------------------------------------------------------
# threads and call rows
# ----------------------------------------------------------------------------
OFFS = [1, 2, 3, 4, 5, 6, 7, 9, 11, 14, 18, 23, 30, 38]


class Picker:
    """draws texts from pools without repeating inside a thread"""

    def __init__(self, rng):
        self.r = rng
        self.used = set()

    def pick(self, pool):
        cand = [t for t in pool if t not in self.used] or pool
        t = self.r.choice(cand)
        self.used.add(t)
        return t


def digits_of(disp):
    d = disp.replace(' ', '').replace('-', '')
    if d.startswith('+86'):
        d = d[3:]
    assert d.isdigit(), disp
    return d


def contact_name(rng, ctx, kind='sms'):
    S = rng.choice(SURN)
    pool = ['催收 %s专员' % S, '%s经理(调解)' % S, ctx['L'] + '客服', '%s律师' % S, '%s主管（%s）' % (S, ctx['L'][:2]),
            '法务 %s律师' % S, '外访-%s哥' % S, '%s调解员' % S]
    if kind == 'im':
        pool = ['催收-%s专员' % S, '%s-%s主管' % (ctx['L'], S), '%s经理(调解)' % S, '法务部 %s律师' % S,
                '%s姐（%s）' % (S, ctx['L'][:2]), 'A %s客服' % ctx['L'], '调解中心-小%s' % S]
    return rng.choice(pool)


def sms_sender(rng, fk, layout, ctx):
    """returns (display title, truth sender, subtitle, profile)"""
    ios = layout.startswith('iphone')
    k = rng.random()
    loc = rng.choice(CITY)
    locs = loc[0] + (' ' + loc[1] if loc[1] else '') + rng.choice(['', ' 移动', ' 联通', ' 电信'])
    if k < 0.3:
        num = fk.service() if rng.random() < 0.7 else fk.short95()
        return num, num, None, 'service'
    if k < 0.62:
        num = fk.mobile()
        style = 'plus' if ios else rng.choice(['space', 'plain', 'plus', 'space'])
        return fk.mob_disp(num, style), num, (None if ios else locs), 'collector'
    if k < 0.72:
        a, b, c = fk.landline()
        disp = '%s-%s %s' % (a, b, c)
        return disp, a + b + c, (None if ios else loc[0] + (' ' + loc[1] if loc[1] else '')), 'collector'
    if layout == 'iphone_sms_en' and rng.random() < 0.5:
        nm = rng.choice(['Li (Recovery)', 'Collector Wang', 'Zhang Legal', 'Chen - Mediation'])
    else:
        nm = contact_name(rng, ctx)
    sub = None
    if layout == 'vivo_sms':
        sub = fk.mob_disp(fk.mobile(), 'space')
    return nm, nm, sub, 'collector'


def pick_text(rng, pk, ctx, ectx, direction, profile, layout):
    en = layout == 'iphone_sms_en'
    if direction == 'out':
        if en and rng.random() < 0.7:
            return pk.pick(EN_OUT)
        if profile == 'service' and rng.random() < 0.5:
            return rng.choice(['TD', '你们是哪个平台的？', '别发了'])
        return pk.pick(BORROWER)
    if en and rng.random() < 0.6:
        return pk.pick(EN_IN).format(**ectx)
    if profile == 'service':
        return pk.pick(FORMAL).format(**ctx)
    if rng.random() < 0.22:
        return pk.pick(FORMAL).format(**ctx)
    return pk.pick(COLLECT_IN).format(**ctx)


def burst_times(rng, T, skip_today=False, nb=None):
    nb = nb or rng.randint(4, 6)
    offs = sorted(rng.sample(OFFS, nb - (0 if skip_today else 1)), reverse=True)
    if not skip_today:
        offs.append(0)
    out = []
    for off in offs:
        day = T.date() - DT.timedelta(days=off)
        if off == 0:
            st = T - DT.timedelta(minutes=rng.randint(25, 260))
            if st.date() != T.date() or st.hour < 7:
                st = DT.datetime.combine(T.date(), DT.time(7, rng.randint(0, 30)))
        else:
            st = DT.datetime.combine(day, DT.time(rng.randint(8, 22), rng.randint(0, 59)))
        out.append(st.replace(second=0, microsecond=0))
    return out


def gen_msgs(rng, fk, T, layout, profile, ctx, pk, skip_today=False, group=None):
    ectx = en_ctx(ctx, fk)
    msgs = []
    for st in burst_times(rng, T, skip_today):
        t = st
        for j in range(rng.randint(1, 4)):
            if group:
                d, text, nick = group_text(rng, pk, ctx, group)
            else:
                p_out = 0.12 if profile == 'service' else 0.36
                d = 'out' if (j > 0 and rng.random() < p_out * 1.6) or (j == 0 and rng.random() < p_out * 0.4) else 'in'
                text, nick = pick_text(rng, pk, ctx, ectx, d, profile, layout), None
            if t >= T - DT.timedelta(minutes=1):
                break
            msgs.append({'t': 'msg', 'dir': d, 'text': text, 'dt': t, 'nick': nick})
            t = t + DT.timedelta(minutes=rng.choice([0, 1, 1, 2, 3, 4, 6, 9, 15, 30, 45, 80]))
    return msgs


def group_text(rng, pk, ctx, group):
    k = rng.random()
    if k < 0.5:
        return 'in', pk.pick(GROUP_COLLECT + COLLECT_IN[:8]).format(**ctx), rng.choice(group['collectors'])
    if k < 0.78:
        return 'in', pk.pick(GROUP_FAMILY), rng.choice(group['family'])
    return 'out', pk.pick(GROUP_OUT), None


def new_msgs_after(rng, fk, t0, t1, layout, profile, ctx, pk, n, group=None):
    """messages that arrive between two screenshots"""
    ectx = en_ctx(ctx, fk)
    out = []
    span = max(1, int((t1 - t0).total_seconds() // 60) - 1)
    mins = sorted(rng.randint(1, span) for _ in range(n))
    for mi in mins:
        t = (t0 + DT.timedelta(minutes=mi)).replace(second=0, microsecond=0)
        if t >= t1.replace(second=0, microsecond=0):
            t = t1.replace(second=0, microsecond=0) - DT.timedelta(minutes=1)
        if group:
            d, text, nick = group_text(rng, pk, ctx, group)
        else:
            d = 'out' if rng.random() < 0.35 else 'in'
            text, nick = pick_text(rng, pk, ctx, ectx, d, profile, layout), None
        out.append({'t': 'msg', 'dir': d, 'text': text, 'dt': t, 'nick': nick})
    out.sort(key=lambda m: m['dt'])
    return out


GAP_THR = {'xiaomi_sms': 20, 'oppo_sms': 60, 'iphone_sms': 60, 'iphone_sms_en': 60,
           'wechat_private': 5, 'wechat_group': 5}


def to_events(app, layout, msgs, T, extras):
    evs = []
    prev = None
    thr = GAP_THR.get(layout)
    for i, m in enumerate(msgs):
        new = prev is None or m['dt'].date() != prev['dt'].date()
        if not new and thr is not None:
            new = (m['dt'] - prev['dt']).total_seconds() > thr * 60
        if i == 0 and extras.get('head_sys') and layout.startswith('iphone'):
            evs.append({'t': 'sys', 'label': extras['head_sys']})
        if new:
            evs.append({'t': 'sep', 'dt': m['dt'], 'label': app.sep_label(m['dt'], T)})
        if i == 0 and extras.get('head_sys') and layout.startswith('wechat'):
            evs.append({'t': 'sys', 'label': extras['head_sys']})
        evs.append(m)
        if m.get('recall_after'):
            evs.append({'t': 'sys', 'label': m['recall_after'][0], 'link': m['recall_after'][1]})
        if m.get('notice_after'):
            evs.append({'t': 'sys', 'label': m['notice_after']})
        prev = m
    # iPhone tails: last bubble of a run of same-direction bubbles
    for i, e in enumerate(evs):
        if e['t'] == 'msg':
            nx = evs[i + 1] if i + 1 < len(evs) else None
            e['tail'] = not (nx and nx['t'] == 'msg' and nx['dir'] == e['dir'])
    return evs


def place(app, evs, mode, idx, ctop, cbot):
    pad = app.u(8)
    out = []
    if mode == 'top':
        y, prev = ctop + pad, None
        for ev in evs[idx:]:
            g = app.gap(prev, ev) if prev else 0
            h = app.measure(ev)
            if y + g + h > cbot - pad:
                break
            out.append([ev, y + g, y + g + h])
            y += g + h
            prev = ev
    else:
        y, nxt = cbot - pad, None
        for ev in reversed(evs[:idx + 1]):
            g = app.gap(ev, nxt) if nxt else 0
            h = app.measure(ev)
            if y - g - h < ctop + pad:
                break
            out.insert(0, [ev, y - g - h, y - g])
            y -= g + h
            nxt = ev
    while out and out[-1][0]['t'] != 'msg':
        out.pop()
    return out


def callers_pool(rng, fk, brand, en, ctx):
    pool = []
    for i in range(rng.randint(5, 8)):
        k = rng.random()
        loc = rng.choice(CITY)
        locs = loc[0] + loc[1] + rng.choice(['', ' 移动', ' 联通', ' 电信'])
        tag = None
        if rng.random() < 0.35:
            tag = rng.choice(['疑似催收', '骚扰电话', '催收 %d人标记' % rng.randint(12, 980), '金融理财', '广告推销'])
        if k < 0.5:
            num = fk.mobile()
            style = {'huawei': 'space', 'honor': rng.choice(['space', 'plain']), 'xiaomi': 'space', 'oppo': 'plain',
                     'vivo': 'space', 'iphone': 'plus'}[brand]
            pool.append(dict(disp=fk.mob_disp(num, style), truth=num, loc=locs, tag=tag, kind='num'))
        elif k < 0.62:
            a, b, c = fk.landline()
            pool.append(dict(disp='%s-%s %s' % (a, b, c), truth=a + b + c, loc=loc[0] + loc[1], tag=tag, kind='num'))
        elif k < 0.7:
            num = fk.short95()
            pool.append(dict(disp=num, truth=num, loc='', tag=rng.choice([None, '金融服务']), kind='num'))
        elif k < 0.76:
            hl = fk.hotline()
            pool.append(dict(disp=hl, truth=digits_of(hl), loc='', tag=tag, kind='num'))
        else:
            nm = rng.choice(['Li (Recovery)', 'Collector Wang', 'Zhang Legal']) if (en and rng.random() < 0.5) else contact_name(rng, ctx)
            pool.append(dict(disp=nm, truth=nm, loc=locs if brand != 'iphone' else '', tag=None, kind='name'))
    return pool


def gen_rows(rng, fk, app, T, n, ctx):
    pool = callers_pool(rng, fk, app.brand, app.en, ctx)
    dual = rng.random() < 0.5
    t = T - DT.timedelta(minutes=rng.randint(2, 70))
    rows = []
    for i in range(n):
        c = rng.choice(pool)
        k = rng.random()
        if c['kind'] == 'name':
            ct = 'outgoing' if k < 0.4 else ('incoming' if k < 0.7 else 'missed')
        else:
            ct = 'missed' if k < 0.5 else ('incoming' if k < 0.75 else 'outgoing')
        dur = None
        if ct == 'incoming':
            dur = rng.choice([rng.randint(4, 59), rng.randint(60, 420), rng.randint(8, 150)])
            if rng.random() < 0.02:
                dur = rng.randint(3600, 4000)
        elif ct == 'outgoing' and rng.random() < 0.6:
            dur = rng.randint(3, 300)
        cnt = None
        if ct == 'missed' and rng.random() < 0.3:
            cnt = rng.randint(2, 6)
        elif rng.random() < 0.07:
            cnt = 2
        row = dict(disp=c['disp'], truth=c['truth'], type=ct, dt=t, dur=dur, count=cnt, loc=c['loc'], tag=c['tag'],
                   sim=(str(rng.choice([1, 1, 2])) if dual else None))
        if app.ios:
            if c['kind'] == 'name':
                row['sub'] = 'mobile' if app.en else '手机'
            else:
                row['sub'] = 'China' if app.en else rng.choice(['中国', '未知'])
        row['label'] = app.label(t, T)
        if app.brand == 'xiaomi':
            if ct == 'missed':
                row['xlabel'] = rng.choice(['未接来电', '响铃未接'])
            elif ct == 'incoming':
                row['xlabel'] = '呼入 ' + fmt_dur(dur)
            else:
                row['xlabel'] = '呼出 ' + (fmt_dur(dur) if dur else '未接通')
        if app.brand in ('oppo', 'vivo'):
            if dur:
                row['durtxt'], row['durrole'] = fmt_dur(dur), 'call_dur'
            elif ct == 'outgoing':
                row['durtxt'], row['durrole'] = '未接通', 'call_note'
            elif ct == 'missed' and rng.random() < 0.4:
                row['durtxt'], row['durrole'] = '响铃%d声' % rng.randint(2, 9), 'call_note'
        rows.append(row)
        t = t - DT.timedelta(minutes=rng.choice([2, 5, 11, 24, 47, 95, 180, 420, 800, 1300, 2100, 3500]))
    return rows


def call_record(app, row):
    has_time = ':' in row['label']
    shown_dur = app.shows_dur and row['dur'] is not None
    return {'kind': 'call', 'sender': row['truth'], 'occurred_at': iso(row['dt']) if has_time else None,
            'direction': 'out' if row['type'] == 'outgoing' else 'in', 'text': None, 'call_type': row['type'],
            'duration_seconds': row['dur'] if shown_dur else None}


# ----------------------------------------------------------------------------
# planning
# ----------------------------------------------------------------------------
CHAT_LAYOUTS = ['huawei_sms', 'honor_sms', 'xiaomi_sms', 'oppo_sms', 'vivo_sms', 'iphone_sms', 'iphone_sms_en',
                'wechat_private', 'wechat_group']
CALL_LAYOUTS = ['huawei_call', 'honor_call', 'xiaomi_call', 'oppo_call', 'vivo_call', 'iphone_call']
N_PAIRS = {'huawei_sms': 2, 'honor_sms': 1, 'xiaomi_sms': 2, 'oppo_sms': 1, 'vivo_sms': 1, 'iphone_sms': 2,
           'iphone_sms_en': 1, 'wechat_private': 2, 'wechat_group': 2}
N_PER = {'chat': 10, 'call': 9}
ANDROID_SIZES = [(1080, 2340), (1080, 2400), (1220, 2712), (1080, 2412), (1200, 2640), (1260, 2800)]
IPHONE_SIZES = [(1170, 2532), (1179, 2556), (1290, 2796), (1284, 2778), (1125, 2436)]
NAME_STYLE = {'huawei': ['a1', 'a1', 'a2'], 'honor': ['a1', 'a2'], 'xiaomi': ['a2', 'a2', 'a1'], 'oppo': ['a2', 'a1'],
              'vivo': ['a1', 'a1', 'a2'], 'iphone': ['img', 'img', 'img', 'mac']}


def brand_of(layout):
    return layout.split('_')[0]


def plan(master):
    specs = []
    for layout in CHAT_LAYOUTS + CALL_LAYOUTS:
        r = random.Random('%d-%s' % (SEED, layout))
        chat = layout in CHAT_LAYOUTS
        n = N_PER['chat' if chat else 'call']
        units = []
        for p in range(N_PAIRS.get(layout, 0)):
            units.append(('pair', p + 1))
        while sum(2 if u[0] == 'pair' else 1 for u in units) < n:
            units.append(('single', None))
        r.shuffle(units)
        n_dark = int(round(len(units) / 3.0))
        dark_flags = [True] * n_dark + [False] * (len(units) - n_dark)
        r.shuffle(dark_flags)
        singles = [i for i, u in enumerate(units) if u[0] == 'single']
        jpeg_idx = set(r.sample(singles, min(len(singles), r.choice([1, 2]))))
        crop_idx = set(r.sample([i for i in singles if i not in jpeg_idx], 1)) if len(singles) > 2 else set()
        if len(singles) > 5:
            crop_idx |= set(r.sample([i for i in singles if i not in jpeg_idx and i not in crop_idx], 1))
        for i, u in enumerate(units):
            base = dict(layout=layout, dark=dark_flags[i], jpeg=(r.randint(70, 92) if i in jpeg_idx else None),
                        crop=i in crop_idx, seed=r.randint(0, 10 ** 9))
            if u[0] == 'pair':
                base['thread'] = '%s_t%d' % (layout, u[1])
                specs.append(dict(base, part='A'))
                specs.append(dict(base, part='B'))
            else:
                base['thread'] = None
                specs.append(dict(base, part=None))
    return specs


def pick_T(rng):
    if rng.random() < 0.15:
        d = DT.date(2026, 1, 2) + DT.timedelta(days=rng.randint(0, 10))
    else:
        d = DT.date(2026, 1, 12) + DT.timedelta(days=rng.randint(0, 100))
    t = DT.time(rng.randint(7, 22), rng.randint(0, 59), rng.randint(0, 59))
    if t.hour == 7 and t.minute < 40:
        t = t.replace(minute=40)
    return DT.datetime.combine(d, t)


class Names:
    def __init__(self):
        self.used = set()
        self.img = set()

    def make(self, style, T, jpeg, rng):
        for bump in range(0, 200):
            Tb = T + DT.timedelta(seconds=bump)
            if jpeg:
                n = Tb.strftime('IMG_%Y%m%d_%H%M%S.jpg')
            elif style == 'a1':
                n = Tb.strftime('Screenshot_%Y%m%d_%H%M%S.png')
            elif style == 'a2':
                n = Tb.strftime('Screenshot_%Y-%m-%d-%H-%M-%S.png')
            elif style == 'mac':
                n = Tb.strftime('Screenshot %Y-%m-%d at %H.%M.%S.png')
            else:
                k = rng.randint(1000, 9999)
                while k in self.img:
                    k = rng.randint(1000, 9999)
                self.img.add(k)
                n = 'IMG_%04d.PNG' % k
            if n not in self.used and (Tb.minute == T.minute):
                self.used.add(n)
                return n, Tb
        raise RuntimeError('no file name')


# ----------------------------------------------------------------------------
# rendering one image
# ----------------------------------------------------------------------------
def clock_text(T, ios, twelve):
    if ios and twelve:
        return '%d:%02d' % (T.hour % 12 or 12, T.minute)
    return '%02d:%02d' % (T.hour, T.minute)


def finish(cv, spec, fname, T, records, crop_at, out_truth, out_draw):
    img = cv.img
    texts, shapes, regions = cv.texts, cv.shapes, cv.regions
    H = cv.H
    if crop_at:
        H = int(math.ceil(crop_at))

        def keep(items):
            res = []
            for it in items:
                b = it['box']
                if b[3] <= H:
                    res.append(it)
                elif b[1] < H:
                    raise ValueError('item cut by crop: %r' % it.get('text', it.get('role')))
            return res
        texts, shapes, regions = keep(texts), keep(shapes), keep(regions)
        img = img.crop((0, 0, cv.W, H))
    path = os.path.join(HERE, fname)
    if spec['jpeg']:
        img.save(path, 'JPEG', quality=spec['jpeg'], optimize=False, progressive=False, subsampling=2)
    else:
        img.save(path, 'PNG', optimize=False, compress_level=6)
    out_truth.append({'file': fname, 'layout': spec['layout'], 'dark': spec['dark'], 'taken_on': T.date().isoformat(),
                      'thread': spec['thread'], 'records': records})
    out_draw.append({'file': fname, 'layout': spec['layout'], 'size': [cv.W, H], 'screen': [cv.W, cv.H],
                     'taken_at': T.strftime('%Y-%m-%dT%H:%M:%S'), 'thread': spec['thread'],
                     'jpeg_quality': spec['jpeg'], 'texts': texts, 'shapes': shapes, 'regions': regions})


def chat_records(app, layout, placed, sender, title):
    recs = []
    cur = None
    for ev, y0, y1 in placed:
        if ev['t'] == 'sep':
            cur = ev
            continue
        if ev['t'] != 'msg':
            continue
        if cur is None:
            occ = None
        elif app.date_only:
            occ = iso(DT.datetime.combine(cur['dt'].date(), ev['dt'].time()))
        else:
            occ = iso(cur['dt'])
        if layout == 'wechat_group':
            snd = ev['nick'] if ev['dir'] == 'in' else sender
        else:
            snd = sender
        recs.append({'kind': app.kind, 'sender': snd, 'occurred_at': occ, 'direction': ev['dir'], 'text': ev['text'],
                     'call_type': None, 'duration_seconds': None})
    return recs


def make_chat_app(layout, W, H, dark, rng, opt):
    b = brand_of(layout)
    if b == 'wechat':
        return WeChat(layout, W, H, dark, rng, opt)
    if b == 'iphone':
        return IPhoneSMS(layout, W, H, dark, rng, opt)
    return AndroidSMS(layout, b, W, H, dark, rng, opt)


def wechat_setup(rng, fk, layout, ctx):
    if layout == 'wechat_private':
        title = contact_name(rng, ctx, 'im')
        return title, title, None
    n = rng.randint(3, 38)
    base = rng.choice(['%s欠款处理群' % ctx['N'], '还款协商通知群', '%s-逾期沟通' % ctx['L'], '关于%s的欠款说明' % ctx['N'],
                       '%s调解群' % ctx['L']])
    S = [rng.choice(SURN) for _ in range(6)]
    collectors = rng.sample(['法务部-%s律师' % S[0], '催收 %s专员' % S[1], '调解中心小%s' % S[2], '%s-%s主管' % (ctx['L'], S[3])], 2)
    family = rng.sample(['妈', '老%s' % S[4], fk.masked(), '%s姐' % S[5], 'A%s总' % S[0], '小%s' % rng.choice(GIV), '岁月静好',
                         'Jason', '%s哥' % S[2]], 3)
    return '%s(%d)' % (base, n), base, {'collectors': collectors, 'family': family}


def render_chat(spec, names, rng, out_truth, out_draw, pair_state):
    layout = spec['layout']
    b = brand_of(layout)
    fk = Fake(rng)
    if spec['part'] == 'B':
        st = pair_state[spec['thread']]
        W, H, T0, host = st['W'], st['H'], st['T'], st['host']
        T = T0 + DT.timedelta(minutes=rng.randint(3, 12), seconds=rng.randint(0, 59))
        if T.date() != T0.date():
            T = T0 + DT.timedelta(minutes=3)
        opt, ctx, title, sender, subtitle, profile, group, pk = st['opt'], st['ctx'], st['title'], st['sender'], \
            st['subtitle'], st['profile'], st['group'], st['pk']
        fstyle = st['fstyle']
        notifs = st['notifs']
    else:
        T = pick_T(rng)
        if b == 'wechat':
            host = 'ios' if rng.random() < 0.4 else 'android'
        else:
            host = 'ios' if b == 'iphone' else 'android'
        W, H = rng.choice(IPHONE_SIZES if host == 'ios' else ANDROID_SIZES)
        ctx = make_ctx(fk, T)
        opt = {'host': host, 'tmode': '12' if rng.random() < 0.25 else '24'}
        if b == 'xiaomi' or layout == 'iphone_sms_en':
            opt['tmode'] = '12' if layout == 'iphone_sms_en' else 'mi'
        if b == 'iphone' and rng.random() < 0.4:
            opt['unread'] = str(rng.randint(1, 99))
        group = None
        if b == 'wechat':
            title, sender, group = wechat_setup(rng, fk, layout, ctx)
            subtitle, profile = None, 'collector'
        else:
            title, sender, subtitle, profile = sms_sender(rng, fk, layout, ctx)
        opt['title'] = title
        pk = Picker(rng)
        fstyle = rng.choice(NAME_STYLE['iphone' if host == 'ios' else (b if b != 'wechat' else rng.choice(['huawei', 'xiaomi', 'oppo']))])
        notifs = rng.sample(['msg', 'chat', 'missed', 'mail', 'pay'], rng.choice([0, 0, 1, 2, 3])) if host == 'android' else []
    dark = spec['dark']
    app = make_chat_app(layout, W, H, dark, rng, opt)
    extras = {}
    if spec['part'] == 'B':
        msgs_old = pair_state[spec['thread']]['msgs']
        extras = pair_state[spec['thread']]['extras']
        t_last = pair_state[spec['thread']]['T']
        new = new_msgs_after(rng, fk, max(t_last, msgs_old[-1]['dt']), T, layout, profile, ctx, pk, 14, group)
        msgs = msgs_old + new
    else:
        skip_today = app.date_only and spec['part'] == 'A' and rng.random() < 0.5
        msgs = gen_msgs(rng, fk, T, layout, profile, ctx, pk, skip_today=skip_today, group=group)
        if b == 'iphone' and rng.random() < 0.5:
            extras['head_sys'] = 'Text Message' if layout.endswith('_en') else '短信/彩信'
        if b == 'wechat':
            if rng.random() < 0.5:
                extras['head_sys'] = ('你已添加了%s，现在可以开始聊天了。' % title) if layout == 'wechat_private' else \
                    '“%s”邀请你和%s加入了群聊' % (group['collectors'][0], '、'.join(group['family'][:2]))
            if rng.random() < 0.6 and len(msgs) > 4:
                m = rng.choice(msgs[-7:-1])
                if m['dir'] == 'out':
                    m['recall_after'] = ('你撤回了一条消息', '重新编辑')
                else:
                    m['recall_after'] = ('“%s”撤回了一条消息' % (m['nick'] or title), '')
            if group and rng.random() < 0.5 and len(msgs) > 4:
                m = rng.choice(msgs[-8:-2])
                if not m.get('recall_after'):
                    m['notice_after'] = '“%s”邀请“%s”加入了群聊' % (group['collectors'][-1], group['family'][-1])
        if b == 'iphone':
            outs = [m for m in msgs if m['dir'] == 'out']
            if outs and rng.random() < 0.5:
                outs[-1]['delivered'] = True
        if b in ('huawei', 'honor') and rng.random() < 0.5:
            card = rng.choice(['卡1', '卡2'])
            for m in msgs:
                m['sim'] = card if rng.random() < 0.85 else ('卡2' if card == '卡1' else '卡1')
    evs = to_events(app, layout, msgs, T, extras)
    cv = Canvas(W, H, app.c['bg'])
    twelve = host == 'ios' and opt.get('tmode') == '12'
    ctop, cbot = app.draw_chrome(cv, clock_text(T, host == 'ios', twelve), notifs, title, subtitle)
    if spec['part'] == 'B':
        st = pair_state[spec['thread']]
        first = st['overlap_first']
        idx = evs.index(first)
        placed = place(app, evs, 'top', idx, ctop, cbot)
    elif spec['part'] == 'A':
        placed = place(app, evs, 'bottom', len(evs) - 1, ctop, cbot)
    else:
        k = rng.random()
        msg_idx = [i for i, e in enumerate(evs) if e['t'] == 'msg']
        if k < 0.55:
            placed = place(app, evs, 'bottom', len(evs) - 1, ctop, cbot)
        elif k < 0.7:
            placed = place(app, evs, 'top', 0, ctop, cbot)
        elif k < 0.85:
            placed = place(app, evs, 'top', rng.choice(msg_idx[:max(1, len(msg_idx) // 2)]), ctop, cbot)
        else:
            placed = place(app, evs, 'bottom', rng.choice(msg_idx[len(msg_idx) // 2:]), ctop, cbot)
    nmsg = sum(1 for p in placed if p[0]['t'] == 'msg')
    if nmsg < 2:
        raise RuntimeError('too few bubbles')
    for ev, y0, y1 in placed:
        app.draw_event(cv, ev, y0)
    crop_at = None
    if spec['crop']:
        cands = []
        for i in range(len(placed) - 1):
            if placed[i][0]['t'] == 'msg' and sum(1 for p in placed[:i + 1] if p[0]['t'] == 'msg') >= 2:
                cut = (placed[i][2] + placed[i + 1][1]) / 2.0
                if cut > 0.4 * H:
                    cands.append((i, cut))
        if cands:
            i, crop_at = rng.choice(cands)
            placed = placed[:i + 1]
    records = chat_records(app, layout, placed, sender, title)
    fname, T = names.make(fstyle, T, spec['jpeg'], rng)
    finish(cv, spec, fname, T, records, crop_at, out_truth, out_draw)
    if spec['part'] == 'A':
        pm = [p for p in placed if p[0]['t'] == 'msg']
        last = placed[-1][0]
        li = evs.index(last)
        k = rng.choice([1, 2])
        if k == 2 and not (li >= 1 and evs[li - 1]['t'] == 'msg' and len(pm) >= 3):
            k = 1
        first = evs[li - (k - 1)]
        pair_state[spec['thread']] = dict(W=W, H=H, T=T, host=host, opt=opt, ctx=ctx, title=title, sender=sender,
                                          subtitle=subtitle, profile=profile, group=group, pk=pk, fstyle=fstyle,
                                          notifs=notifs, msgs=msgs, extras=extras, overlap_first=first)


def render_call(spec, names, rng, out_truth, out_draw):
    layout = spec['layout']
    b = brand_of(layout)
    fk = Fake(rng)
    T = pick_T(rng)
    ios = b == 'iphone'
    W, H = rng.choice(IPHONE_SIZES if ios else ANDROID_SIZES)
    opt = {'en': ios and rng.random() < 0.34, 'tmode': '12' if rng.random() < 0.25 else '24'}
    app = CallLog(layout, b, W, H, spec['dark'], rng, opt)
    cv = Canvas(W, H, app.c['bg'])
    notifs = [] if ios else rng.sample(['msg', 'chat', 'missed', 'mail', 'pay'], rng.choice([0, 1, 2, 3]))
    twelve = ios and (opt['en'] or opt['tmode'] == '12')
    ltop, lbot = app.draw_chrome(cv, clock_text(T, ios, twelve), notifs)
    n = int((lbot - ltop) // app.row_h)
    ctx = make_ctx(fk, T)
    rows = gen_rows(rng, fk, app, T, n, ctx)
    y = ltop
    placed = []
    for row in rows:
        if y + app.row_h > lbot:
            break
        app.draw_row(cv, row, y)
        placed.append((row, y, y + app.row_h))
        y += app.row_h
    crop_at = None
    if spec['crop'] and len(placed) > 4:
        k = rng.randint(3, len(placed) - 2)
        crop_at = placed[k - 1][2]
        placed = placed[:k]
    records = [call_record(app, row) for row, y0, y1 in placed]
    fstyle = rng.choice(NAME_STYLE['iphone' if ios else b])
    fname, T = names.make(fstyle, T, spec['jpeg'], rng)
    finish(cv, spec, fname, T, records, crop_at, out_truth, out_draw)


def main():
    # start from a clean set: remove images of an earlier run of this script
    for f in sorted(os.listdir(HERE)):
        if f.lower().endswith(('.png', '.jpg')) and (f.startswith('Screenshot') or f.startswith('IMG_')):
            os.remove(os.path.join(HERE, f))
    specs = plan(SEED)
    names = Names()
    truth, draw = [], []
    pair_state = {}
    for spec in specs:
        for attempt in range(50):
            rng = random.Random('%d-%d-%d' % (SEED, spec['seed'], attempt))
            n_t, n_d = len(truth), len(draw)
            used, imgs = set(names.used), set(names.img)
            try:
                if spec['layout'] in CALL_LAYOUTS:
                    render_call(spec, names, rng, truth, draw)
                else:
                    render_chat(spec, names, rng, truth, draw, pair_state)
                break
            except (RuntimeError, ValueError) as e:
                del truth[n_t:], draw[n_d:]
                names.used, names.img = used, imgs
                if attempt == 49:
                    raise
                print('retry', spec['layout'], spec['part'], e)
    with open(os.path.join(HERE, 'truth.jsonl'), 'w', encoding='utf-8') as f:
        for t in truth:
            f.write(json.dumps(t, ensure_ascii=False) + '\n')
    with open(os.path.join(HERE, 'drawlog.jsonl'), 'w', encoding='utf-8') as f:
        for d in draw:
            f.write(json.dumps(d, ensure_ascii=False, separators=(',', ':')) + '\n')
    print('images', len(truth))


if __name__ == '__main__':
    main()

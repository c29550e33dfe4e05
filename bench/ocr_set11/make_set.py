#!/usr/bin/env python3
"""Deterministic generator for benchmark set ocr_set11.

Synthetic screenshots of Chinese debt-collection SMS threads, WeChat chats and
call logs.  Every person, company, number, link and case number is invented.
Run:  /tmp/set11venv/bin/python make_set.py
Outputs (next to this file): images, truth.jsonl, drawlog.jsonl.
"""
import datetime as dt
import json
import math
import os
import random

from PIL import Image, ImageDraw, ImageFont

SEED = 20260311
OUT = os.path.dirname(os.path.abspath(__file__))
FREG = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'
FBOLD = '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc'
FIDX = 2  # Noto Sans CJK SC face in the collection
TZ = '+08:00'

_FONTS = {}


def font(size, bold=False):
    k = (size, bold)
    if k not in _FONTS:
        _FONTS[k] = ImageFont.truetype(FBOLD if bold else FREG, size, index=FIDX)
    return _FONTS[k]


def tw(s, size, bold=False):
    return font(size, bold).getlength(s)


def hexc(c):
    return '#%02X%02X%02X' % tuple(c[:3])


def H(s):
    s = s.lstrip('#')
    return tuple(int(s[i:i + 2], 16) for i in (0, 2, 4))


# ---------------------------------------------------------------- canvas
class Canvas:
    def __init__(self, W, Hh, bg):
        self.W, self.H = W, Hh
        self.img = Image.new('RGB', (W, Hh), bg)
        self.d = ImageDraw.Draw(self.img)
        self.items = []

    def text(self, x, y, s, size, color, role, bold=False, anchor='lm'):
        f = font(size, bold)
        self.d.text((x, y), s, font=f, fill=color, anchor=anchor)
        b = self.d.textbbox((x, y), s, font=f, anchor=anchor)
        self.items.append({'type': 'text', 'text': s, 'box': [int(v) for v in b], 'role': role,
                           'color': hexc(color), 'size': size, 'bold': bold})
        return b

    def rrect(self, kind, box, r, fill, outline=None, width=1, log=True):
        box = [int(round(v)) for v in box]
        self.d.rounded_rectangle(box, radius=int(r), fill=fill, outline=outline, width=width)
        if log:
            self.items.append({'type': 'shape', 'kind': kind, 'box': box,
                               'fill': hexc(fill) if fill else None})

    def ellipse(self, kind, box, fill, outline=None, width=1, log=True):
        box = [int(round(v)) for v in box]
        self.d.ellipse(box, fill=fill, outline=outline, width=width)
        if log:
            self.items.append({'type': 'shape', 'kind': kind, 'box': box,
                               'fill': hexc(fill) if fill else hexc(outline)})

    def poly(self, kind, pts, fill, log=True):
        pts = [(int(round(x)), int(round(y))) for x, y in pts]
        self.d.polygon(pts, fill=fill)
        if log:
            xs = [p[0] for p in pts]
            ys = [p[1] for p in pts]
            self.items.append({'type': 'shape', 'kind': kind, 'box': [min(xs), min(ys), max(xs), max(ys)],
                               'fill': hexc(fill), 'polygon': [list(p) for p in pts]})

    def line(self, kind, pts, fill, width, log=True):
        pts = [(int(round(x)), int(round(y))) for x, y in pts]
        self.d.line(pts, fill=fill, width=width, joint='curve')
        if log:
            xs = [p[0] for p in pts]
            ys = [p[1] for p in pts]
            self.items.append({'type': 'shape', 'kind': kind,
                               'box': [min(xs) - width // 2, min(ys) - width // 2, max(xs) + width // 2, max(ys) + width // 2],
                               'fill': hexc(fill), 'points': [list(p) for p in pts]})


# ---------------------------------------------------------------- icons
def rot(pts, ang, cx, cy):
    c, s = math.cos(ang), math.sin(ang)
    return [(cx + x * c - y * s, cy + x * s + y * c) for x, y in pts]


ARROW = [(-0.5, -0.09), (0.12, -0.09), (0.12, -0.3), (0.5, 0.0), (0.12, 0.3), (0.12, 0.09), (-0.5, 0.09)]


def arrow_pts(cx, cy, size, ang_deg):
    return rot([(x * size, y * size) for x, y in ARROW], math.radians(ang_deg), cx, cy)


def missed_pts(cx, cy, size):
    # Android-style bounced arrow: down-right then up-right with a head
    u = size / 10.0
    p = [(-5, -4), (-1, 0.3), (2.4, -3.1), (1, -4.5), (5, -4.5), (5, -0.5), (3.6, -1.9),
         (-1, 2.7), (-6.2, -2.8)]
    return [(cx + x * u, cy + y * u + u) for x, y in p]


def draw_call_icon(cv, ctype, cx, cy, size, color, style='arrow'):
    if ctype == 'outgoing':
        cv.poly('icon_call_out', arrow_pts(cx, cy, size, -45), color)
    elif ctype == 'incoming':
        cv.poly('icon_call_in', arrow_pts(cx, cy, size, 135), color)
    else:
        cv.poly('icon_call_missed', missed_pts(cx, cy, size), color)


def handset(cv, cx, cy, s, color, kind='icon_phone'):
    pts = [(-0.5, -0.45), (-0.25, -0.5), (-0.12, -0.22), (-0.25, -0.1), (0.1, 0.25), (0.22, 0.12),
           (0.5, 0.25), (0.45, 0.5), (0.2, 0.52), (-0.2, 0.3), (-0.5, -0.1)]
    cv.poly(kind, [(cx + x * s, cy + y * s) for x, y in pts], color)


def chevron_left(cv, x, cy, s, color, width=6):
    cv.line('icon_back', [(x + s * 0.5, cy - s), (x, cy), (x + s * 0.5, cy + s)], color, width)


def dots(cv, cx, cy, r, color, vertical=False, gap=None):
    gap = gap or r * 3.2
    for i in (-1, 0, 1):
        x, y = (cx, cy + i * gap) if vertical else (cx + i * gap, cy)
        cv.ellipse('icon_more', [x - r, y - r, x + r, y + r], color)


def info_button(cv, cx, cy, r, color):
    cv.ellipse('icon_info', [cx - r, cy - r, cx + r, cy + r], None, outline=color, width=3)
    cv.rrect('icon_info_i', [cx - 2, cy - r * 0.2, cx + 2, cy + r * 0.5], 1, color)
    cv.ellipse('icon_info_dot', [cx - 3, cy - r * 0.5 - 3, cx + 3, cy - r * 0.5 + 3], color)


# ---------------------------------------------------------------- content pools
SURN = list('王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段')
GIVEN = list('伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红燕鹏辉浩宇晨欣怡子涵梓轩')
PLATS = ['鑫易借', '速融花', '恒信分期', '融优贷', '小橙钱包', '乐享借', '金桔花', '安诚消费金融', '众邦易贷', '青禾分期',
         '万家乐借', '云朵钱包', '百汇通', '星途借款', '禾信金服']
PLAT_EN = ['XinYiJie', 'SuRongHua', 'OrangeWallet', 'LeXiang Loan', 'Jinju Finance', 'CloudPay Credit']
LAWS = ['浙江衡信律师事务所', '北京中禾律师事务所', '上海启正律师事务所', '广东粤诚律师事务所', '江苏明衡律师事务所',
        '四川蓉信律师事务所', '湖北楚衡律师事务所']
CENTERS = ['华东调解中心', '贷后服务中心', '诉前调解中心', '资产管理部', '风控合规部']
COURT = [('京', '0105'), ('浙', '0106'), ('沪', '0115'), ('粤', '0304'), ('苏', '0102'), ('川', '0107'), ('鄂', '0106')]
PLACES = ['浙江杭州', '北京', '上海', '广东深圳', '广东广州', '江苏南京', '四川成都', '湖北武汉', '山东济南', '河南郑州',
          '福建厦门', '湖南长沙', '重庆', '天津', '陕西西安', '安徽合肥']
CARRIERS = ['移动', '联通', '电信']
DOMAINS = ['h5.xyjie-app.cn', 'm.srhua-loan.cn', 'pay.cz-qb.com', 's.lxj-jr.cn', 'app.jjh-fin.cn', 't.hxfq.cn',
           'kf.zbyd-credit.cn', 'r.qhfq.net']
WX_EMO = ['[捂脸]', '[微笑]', '[抱拳]', '[OK]', '[流泪]', '[发怒]', '[握手]', '[强]', '[尴尬]', '[撇嘴]', '[合十]']


class Gen:
    def __init__(self, rnd):
        self.r = rnd

    def mobile(self):
        r = self.r
        return '1%d%d0000%04d' % (r.choice([3, 5, 7, 8, 9]), r.randint(0, 9), r.randint(0, 9999))

    def name_full(self):
        return self.r.choice(SURN) + ''.join(self.r.choice(GIVEN) for _ in range(self.r.choice([1, 2])))

    def name_mask(self):
        r = self.r
        s = r.choice(SURN)
        return r.choice([s + '**先生', s + '*女士', s + '先生', s + '女士', s + '*' + r.choice(GIVEN), s + '**'])

    def amt(self, lo=300, hi=60000, style=None):
        r = self.r
        v = r.randint(lo, hi) + (r.choice([0, 0, r.randint(1, 99)]) / 100.0)
        style = style or r.choice(['yen', 'yuan', 'plain', 'yen'])
        s = '{:,.2f}'.format(v) if r.random() < 0.6 else '{:,}'.format(int(v))
        if style == 'yen':
            return '¥' + s
        if style == 'yuan':
            return s + '元'
        return s

    def amt_num(self, lo=300, hi=60000):
        v = self.r.randint(lo, hi)
        return '{:,}'.format(v) if self.r.random() < 0.5 else str(v)

    def card(self):
        r = self.r
        return '%s **** **** %04d' % (r.choice(['6222', '6217', '6228', '6214', '6230']), r.randint(0, 9999))

    def idm(self):
        r = self.r
        return '%06d********%03d%s' % (r.choice([330106, 110105, 310115, 440304, 320102, 510107]), r.randint(0, 999),
                                        r.choice(['X', '1', '5', '8']))

    def case(self, year=2026):
        r = self.r
        prov, code = r.choice(COURT)
        kind = r.choice(['民初', '民诉前调', '民初', '执'])
        br = r.choice([('(', ')'), ('（', '）'), ('〔', '〕')])
        return '%s%d%s%s%s%s%d号' % (br[0], year, br[1], prov, code, kind, r.randint(100, 19999))

    def caseno(self):
        r = self.r
        return '%s%d%02d%02d-%04d' % (r.choice(['XY', 'AJ', 'TJ', 'HX']), 2026, r.randint(1, 4), r.randint(1, 28),
                                      r.randint(1, 9999))

    def link(self):
        r = self.r
        al = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'
        tok = ''.join(r.choice(al) for _ in range(r.randint(5, 8)))
        return '%s://%s/%s/%s' % (r.choice(['https', 'https', 'http']), r.choice(DOMAINS), r.choice(['r', 'p', 'h5', 'a']), tok)

    def hotline(self):
        r = self.r
        return r.choice(['400-8%02d-%04d' % (r.randint(0, 99), r.randint(0, 9999)),
                         '0571-8%03d %04d' % (r.randint(0, 999), r.randint(0, 9999)),
                         '95%03d' % r.randint(100, 999)])

    def md(self, base):
        d = base + dt.timedelta(days=self.r.randint(1, 9))
        return '%d月%d日' % (d.month, d.day)

    def fill(self, t, base):
        r = self.r
        rep = {
            '{plat}': lambda: r.choice(PLATS), '{nm}': self.name_mask, '{agent}': lambda: r.choice(
                ['工号A%04d ' % r.randint(1, 9999), '']) + r.choice(SURN) + r.choice(['专员', '经理', '主管', '调解员']),
            '{amt}': self.amt, '{amt2}': self.amt, '{amt3}': self.amt, '{d}': lambda: str(r.randint(3, 190)),
            '{hh}': lambda: str(r.choice([12, 15, 17, 18, 20])), '{tail}': lambda: '%04d' % r.randint(0, 9999),
            '{law}': lambda: r.choice(LAWS), '{case}': self.case, '{md}': lambda: self.md(base), '{card}': self.card,
            '{idm}': self.idm, '{link}': self.link, '{hot}': self.hotline, '{pen}': lambda: '%d.%02d' % (
                r.randint(3, 90), r.randint(0, 99)), '{n}': lambda: str(r.randint(2, 9)), '{N}': lambda: str(
                r.choice([12, 18, 24, 36])), '{cno}': self.caseno, '{center}': lambda: r.choice(CENTERS),
            '{num}': lambda: self.amt_num(), '{h}': lambda: str(r.randint(1, 9)), '{platEn}': lambda: r.choice(PLAT_EN),
            '{mob}': lambda: self.mobile()[:3] + '****' + self.mobile()[-4:], '{emo}': lambda: r.choice(WX_EMO),
            '{pct}': lambda: str(r.choice([20, 30, 35, 40, 50])), '{usd}': lambda: '{:,}'.format(r.randint(500, 9000)),
        }
        out = t
        while '{' in out:
            i = out.index('{')
            j = out.index('}', i)
            key = out[i:j + 1]
            out = out[:i] + rep[key]() + out[j + 1:]
        return out


IN_ZH = [
    '【{plat}】尊敬的{nm}，您的借款已逾期{d}天，应还金额{amt}，请于今日{hh}点前登录APP处理，以免影响个人征信。退订回T',
    '{nm}您好，我是{plat}贷后部{agent}，您尾号{tail}的账户欠款{amt}已严重逾期，请尽快联系我方协商还款，电话{hot}。',
    '【{law}】关于{plat}诉您借款合同纠纷一案，案号{case}，现通知您于{md}前与我所联系，逾期将依法申请财产保全。',
    '您名下银行卡{card}已被列入还款核查名单，请于{md}前将{amt}存入该卡，系统将自动扣款。详情查看 {link}',
    '温馨提示：您的身份证{idm}关联账单剩余未还本金{amt}，罚息每日{pen}元，今天是最后协商期限。',
    '{nm}，你的紧急联系人已被通知，如果今天再不处理，我们会按流程安排外访核实。',
    '您好，{center}已为您申请减免方案：一次性结清{amt}即可，方案有效期至{md}，回复1确认，回复2转人工。',
    '逾期账单明细：本金{amt}，利息{amt2}，合计{amt3}。还款链接：{link} （请勿相信他人转账要求）',
    '【{plat}】您的分期账单第{n}/{N}期未还，已产生违约金{amt}。如已还款请忽略。客服{hot}',
    '{nm}你好,电话一直打不通,看到请回电!!!今天下午5点前必须给答复,否则移交{law}处理。',
    '根据《民法典》第六百七十六条，借款人未按照约定的期限返还借款的，应当按照约定或者国家有关规定支付逾期利息，请您重视。',
    '案件编号：{cno}，委托方：{plat}，待还金额：{amt}。请于{md}前完成还款或申请分期，逾期将进入诉前调解程序。',
    '立案前最后一次通知：{case}相关材料已准备完毕，如需撤回请在{md}前结清{amt}。',
    '您好，已收到您的还款{amt}，剩余待还{amt2}，下次还款日{md}，请按时还款。',
    '【{plat}】{nm}，您的账户今日进入M{n}阶段，减免通道仅剩最后24小时，点击{link}申请。',
    '我是{law}的{agent}，你的案子({cno})已经分到我这里，今天之内回个电话{hot}。',
    '{nm}：本月{md}为还款截止日，应还{amt}，可通过APP-我的-账单-立即还款，或拨打{hot}。',
    '请核对：借款人{nm}，身份证{idm}，手机{mob}，欠款本息合计{amt}。如信息有误请回复。',
    '你好，这边是{plat}的，核实一下你现在的工作单位地址，方便的话回复一下。',
    '最后提醒：{md}18:00前未处理，将按合同第9.2条向您的工作单位发送核实函。',
    '协商结果：同意您分{n}期还款，首期{amt}需在{md}前支付，后续每期{amt2}。',
    '收到，已为您登记，明天上午10点前到账即可。',
    '您好在吗？',
    '请在APP内上传还款凭证，审核通过后24小时内更新账单状态。',
]
OUT_ZH = [
    '我这个月工资还没发，能不能宽限到{md}？',
    '好的，我明天下午{h}点前先还{amt}',
    '请不要再给我家人打电话了，我会处理的',
    '已经还了{amt}，请查收，截图已经发过去了',
    '把减免方案发我一下，我看看',
    '收到',
    '你们是哪个公司的？工号多少？',
    '我要求提供借款合同和完整的还款明细',
    '这个案号{case}我在网上查不到，你们是真的律所吗',
    '每个月只能还{num}，能分{n}期吗?',
    '我现在在上班，晚上8点以后再联系',
    '利息怎么这么高？本金才{amt}',
    '好',
    '我已经在APP上申请了延期，审核中',
    '上次说好的减免{pct}%还算数吗？',
    '别发了，我知道了，月底一次性处理',
    '我没有借过{plat}的钱，请核实一下身份',
    '能不能先还本金，利息后面再说',
    '卡里{card}余额不够，周五发工资后自动扣吧',
    '可以，按你说的方案，首期我今天转',
    '我已投诉到12378，请注意你们的催收方式',
    '行，链接发我',
]
IN_EN = [
    'Reminder: your {platEn} loan of CNY {usd} is overdue. Please repay today to avoid extra fees.',
    'Dear customer, your installment {n}/{N} is past due. Reply 1 to get a repayment link.',
    'This is the final notice before legal action. Call {hot} today.',
    '【{plat}】您的账单已逾期{d}天，应还{amt}，Pay now: {link}',
    '您好，我是{plat}的{agent}，your account is overdue, 请今天回电{hot}。',
    '{nm}，please confirm the repayment plan before {md}，否则将提交{law}。',
    'Your case {cno} has been transferred to the collection team.',
    'We received your payment. Remaining balance: CNY {usd}.',
    '【{plat}】尊敬的{nm}，您尾号{tail}的账户已逾期，请登录APP处理。',
]
OUT_EN = [
    'I can pay {usd} on Friday.',
    'Please stop calling my office.',
    'Send me the repayment plan by email please.',
    'Who is this?',
    'OK, received.',
    'I already paid last week, please check again.',
    '我下周一还{amt}，OK?',
    'Can I split it into {n} payments?',
    '好的 noted，明天联系',
    'Please do not contact my family again.',
]
WX_IN = [
    '在吗？', '{nm}，今天的款什么时候能到账？', '你好，我是{plat}{center}的，{agent}，加你是为了协商逾期账单的事情',
    '方案我发你了，一次性结清{amt}，今天18点前有效{emo}', '别装看不见啊，消息都已读了',
    '你这样拖下去对你自己没好处，案子{case}已经在走流程了', '截图收到了，稍等我帮你核实一下',
    '{emo}', '今天能还多少？先还一部分也行', '还款账户：{card}，户名：{plat}（代收），备注你的名字',
    '我们这边最多给你减免{pct}%的利息，再低做不了了', '好的，那就按{n}期走，第一期{md}前',
    '链接在这里 {link} 登录后点“协商还款”', '你的紧急联系人电话是{mob}吗？', '这个月再不处理就要报上去了',
    '收到{emo}', '语音不方便的话就打字吧', '@{nmf} 请看一下群公告，按要求上传凭证',
    '群里统一说明：{md}前结清的可以申请减免违约金，逾期不候。',
]
WX_OUT = [
    '在的', '我知道了{emo}', '今天先转{amt}，剩下的下个月', '能不能再宽限几天，最近真的没钱{emo}',
    '已转，麻烦查一下', '你们能不能别给我同事打电话了', '方案收到，我考虑一下', '好的',
    '减免{pct}%可以吗？我一次性还', '凭证已经上传了', '{emo}{emo}', '我在开会，晚点回复你',
    '合同能发我一份吗', '这个链接安全吗？我不敢点', '行吧，就按{n}期', '请给我正式的书面通知',
]


# ---------------------------------------------------------------- time labels
WD_ZH = '一二三四五六日'
WD_EN = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
MON_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']


def period_zh(h):
    if h < 6:
        return '凌晨'
    if h < 9:
        return '早上'
    if h < 12:
        return '上午'
    if h < 13:
        return '中午'
    if h < 18:
        return '下午'
    return '晚上'


def t12(h, m):
    hh = h % 12
    if hh == 0:
        hh = 12
    return '%d:%02d' % (hh, m)


def fmt_time(t, mode):
    h, m = t.hour, t.minute
    if mode == '24':
        return '%02d:%02d' % (h, m)
    if mode == '24s':  # no leading zero
        return '%d:%02d' % (h, m)
    if mode == 'xm':  # Xiaomi period words
        return period_zh(h) + t12(h, m)
    if mode == 'ampm_zh':  # iOS zh 12h: 上午/下午
        return ('上午' if h < 12 else '下午') + t12(h, m)
    if mode == 'en':
        return t12(h, m) + (' AM' if h < 12 else ' PM')
    raise ValueError(mode)


def day_part(d, taken, style, allow_week=True):
    """date label; style: zh / zh_full / en / slash / zhou"""
    delta = (taken - d).days
    assert delta >= 0
    if delta == 0:
        return {'en': 'Today'}.get(style, '今天')
    if delta == 1:
        return {'en': 'Yesterday'}.get(style, '昨天')
    if 2 <= delta <= 6 and allow_week:
        if style == 'en':
            return WD_EN[d.weekday()]
        if style == 'zhou':
            return '周' + WD_ZH[d.weekday()]
        return '星期' + WD_ZH[d.weekday()]
    if d.year != taken.year:
        if style == 'en':
            return '%s %d, %d' % (MON_EN[d.month - 1], d.day, d.year)
        if style == 'slash':
            return '%d/%d/%d' % (d.year, d.month, d.day)
        return '%d年%d月%d日' % (d.year, d.month, d.day)
    if style == 'en':
        return '%s %d' % (MON_EN[d.month - 1], d.day)
    if style == 'slash':
        return '%d/%d/%d' % (d.year, d.month, d.day)
    if style == 'zh_full':
        return '%d年%d月%d日' % (d.year, d.month, d.day)
    return '%d月%d日' % (d.month, d.day)


def iso(d):
    return d.strftime('%Y-%m-%dT%H:%M:00') + TZ


# ---------------------------------------------------------------- styles
def mk(light, dark):
    return {'light': light, 'dark': dark}


SMS_STYLE = {
    'huawei_sms': dict(bg=mk('#F1F3F5', '#000000'), bin=mk('#FFFFFF', '#262626'), bout=mk('#007DFF', '#0A59F7'),
                       tin=mk('#191919', '#E5E5E5'), tout=mk('#FFFFFF', '#FFFFFF'), fs=46, lh=64, r=40, px=36, py=24,
                       maxw=0.70, tmode='under', sepfmt='date', sim='卡'),
    'honor_sms': dict(bg=mk('#FFFFFF', '#0D0D0D'), bin=mk('#F0F1F3', '#2A2A2A'), bout=mk('#256FFF', '#2F6BE6'),
                      tin=mk('#1A1A1A', '#E0E0E0'), tout=mk('#FFFFFF', '#FFFFFF'), fs=47, lh=66, r=44, px=38, py=26,
                      maxw=0.72, tmode='under', sepfmt='date', sim='卡'),
    'vivo_sms': dict(bg=mk('#F5F6F8', '#0D0D0D'), bin=mk('#FFFFFF', '#262626'), bout=mk('#415FFF', '#3D5AFE'),
                     tin=mk('#141414', '#E3E3E3'), tout=mk('#FFFFFF', '#FFFFFF'), fs=46, lh=64, r=36, px=36, py=24,
                     maxw=0.62, tmode='beside', sepfmt='date'),
    'xiaomi_sms': dict(bg=mk('#FFFFFF', '#000000'), bin=mk('#F2F3F5', '#242424'), bout=mk('#3482FF', '#2F6FDF'),
                       tin=mk('#1F1F1F', '#E6E6E6'), tout=mk('#FFFFFF', '#FFFFFF'), fs=48, lh=68, r=46, px=40, py=26,
                       maxw=0.72, tmode=None, sepfmt='xm'),
    'oppo_sms': dict(bg=mk('#FFFFFF', '#0F0F0F'), bin=mk('#F2F2F2', '#2A2A2A'), bout=mk('#2DB36B', '#23995A'),
                     tin=mk('#1C1C1C', '#E0E0E0'), tout=mk('#FFFFFF', '#FFFFFF'), fs=46, lh=65, r=42, px=38, py=25,
                     maxw=0.70, tmode=None, sepfmt='oppo'),
    'iphone_sms': dict(bg=mk('#FFFFFF', '#000000'), bin=mk('#E9E9EB', '#262628'), bout=mk('#34C759', '#30D158'),
                       tin=mk('#000000', '#FFFFFF'), tout=mk('#FFFFFF', '#FFFFFF'), fs=51, lh=66, r=54, px=38, py=21,
                       maxw=0.72, tmode=None, sepfmt='ios'),
    'iphone_sms_en': dict(bg=mk('#FFFFFF', '#000000'), bin=mk('#E9E9EB', '#262628'), bout=mk('#34C759', '#30D158'),
                          tin=mk('#000000', '#FFFFFF'), tout=mk('#FFFFFF', '#FFFFFF'), fs=51, lh=66, r=54, px=38,
                          py=21, maxw=0.72, tmode=None, sepfmt='ios_en'),
    'wechat_private': dict(bg=mk('#EDEDED', '#111111'), bin=mk('#FFFFFF', '#2C2C2C'), bout=mk('#95EC69', '#3EB575'),
                           tin=mk('#191919', '#D5D5D5'), tout=mk('#111111', '#0F0F0F'), fs=50, lh=70, r=12, px=34,
                           py=28, maxw=0.62, tmode=None, sepfmt='wx'),
}
SMS_STYLE['wechat_group'] = dict(SMS_STYLE['wechat_private'])


def C(st, key, dark):
    return H(st[key]['dark' if dark else 'light'])


# ---------------------------------------------------------------- wrapping
def is_ascii(s):
    return all(ord(c) < 128 for c in s)


CLOSE_P = '，。、：；！？）》」』】〕,.!?:;)%'
OPEN_P = '¥（《「『【〔(“'


def wrap_text(s, size, maxw, bold=False):
    """Return (lines, used_max_width).  Pure-ASCII: word wrap at spaces.
    Other: break between characters (short ASCII runs kept together),
    never at a space (narrow the width until that holds)."""
    f = font(size, bold)
    if is_ascii(s):
        words = s.split(' ')
        lines, cur = [], ''
        for w in words:
            assert f.getlength(w) <= maxw, ('word too long', w)
            cand = w if not cur else cur + ' ' + w
            if f.getlength(cand) <= maxw:
                cur = cand
            else:
                lines.append(cur)
                cur = w
        lines.append(cur)
        return lines
    # tokens
    toks = []
    i = 0
    while i < len(s):
        c = s[i]
        if ord(c) < 128 and c != ' ':
            j = i
            while j < len(s) and ord(s[j]) < 128 and s[j] != ' ':
                j += 1
            run = s[i:j]
            if len(run) <= 10:
                toks.append(run)
            else:
                toks.extend(list(run))
            i = j
        else:
            toks.append(c)
            i += 1
    # glue each space to its neighbours so no break can fall on it
    glued = []
    i = 0
    while i < len(toks):
        t = toks[i]
        if t == ' ' and glued:
            glued[-1] = glued[-1] + ' '
            i += 1
            if i < len(toks):
                glued[-1] += toks[i]
                i += 1
            continue
        glued.append(t)
        i += 1
    toks = []
    for t in glued:
        if f.getlength(t) > maxw * 0.9:
            toks.extend(list(t))
        else:
            toks.append(t)
    w = maxw
    while True:
        lines, cur = [], ''
        for t in toks:
            if f.getlength(cur + t) <= w or cur == '' or (t[0] in CLOSE_P and f.getlength(cur + t) <= maxw + size):
                cur += t
            else:
                if len(cur) > 1 and cur[-1] in OPEN_P:
                    lines.append(cur[:-1])
                    cur = cur[-1] + t
                else:
                    lines.append(cur)
                    cur = t
        lines.append(cur)
        bad = any(l.endswith(' ') or l.startswith(' ') for l in lines)
        if not bad and all(f.getlength(l) <= maxw + size for l in lines):
            return lines
        w -= 6
        assert w > 100


# ---------------------------------------------------------------- device chrome
def device_of(layout, rnd):
    if layout.startswith('iphone'):
        return 'iphone'
    if layout.startswith('wechat'):
        return rnd.choice(['huawei', 'xiaomi', 'oppo', 'vivo', 'honor', 'iphone', 'iphone'])
    return layout.split('_')[0]


def status_bar(cv, device, clock, dark, rnd, bg=None):
    W = cv.W
    fg = (255, 255, 255) if dark else (0, 0, 0)
    if bg is not None:
        cv.rrect('status_bar_bg', [0, 0, W, sb_height(device)], 0, bg, log=False)
    batt = rnd.randint(12, 99)
    if device == 'iphone':
        y = 74
        cv.text(150, y, clock, 50, fg, 'clock', bold=True, anchor='mm')
        # signal bars
        x = W - 300
        for i in range(4):
            cv.rrect('icon_signal', [x + i * 17, y + 14 - (i + 1) * 8, x + i * 17 + 11, y + 16], 3, fg)
        # wifi
        cx = W - 200
        for i, rr in enumerate((30, 20, 10)):
            cv.d.pieslice([cx - rr, y + 12 - rr, cx + rr, y + 12 + rr], 225, 315, fill=fg if i % 2 == 0 else (
                (0, 0, 0) if dark else (255, 255, 255)))
        cv.items.append({'type': 'shape', 'kind': 'icon_wifi', 'box': [cx - 30, y - 18, cx + 30, y + 12], 'fill': hexc(fg)})
        bx = W - 150
        cv.rrect('icon_battery', [bx, y - 17, bx + 74, y + 17], 10, None, outline=fg, width=3)
        fillw = int(64 * batt / 100)
        cv.rrect('icon_battery_level', [bx + 5, y - 12, bx + 5 + max(fillw, 6), y + 12], 6,
                 (255, 59, 48) if batt < 20 else fg)
        return
    y = 55
    small = 38
    right_clock = device == 'huawei'
    if right_clock:
        cv.text(50, y, ['中国移动', '中国联通', '中国电信'][(W * 7 + cv.H) % 3], 32, fg, 'status')
        x = 50 + tw('中国移动', 32) + 16
        for i in range(4):
            cv.rrect('icon_signal', [x + i * 13, y + 12 - (i + 1) * 6, x + i * 13 + 8, y + 13], 1, fg)
        cv.text(x + 62, y, '5G', 26, fg, 'status', bold=True)
        cv.text(W - 60, y, clock, small, fg, 'clock', anchor='rm')
        bx = W - 60 - tw(clock, small) - 100
        cv.rrect('icon_battery', [bx, y - 14, bx + 60, y + 14], 7, None, outline=fg, width=3)
        cv.rrect('icon_battery_level', [bx + 5, y - 9, bx + 5 + int(50 * batt / 100), y + 9], 3, fg)
        cv.text(bx - 14, y, '%d%%' % batt, 30, fg, 'status', anchor='rm')
        return
    cv.text(60, y, clock, small, fg, 'clock', bold=device in ('oppo', 'xiaomi'))
    if rnd.random() < 0.5:  # notification icons
        nx = 60 + tw(clock, small, device in ('oppo', 'xiaomi')) + 24
        for k in range(rnd.randint(1, 3)):
            cv.rrect('icon_notify', [nx + k * 44, y - 14, nx + k * 44 + 28, y + 14], 6, fg)
    bx = W - 60 - 62
    show_pct = device in ('vivo', 'honor', 'xiaomi')
    if show_pct:
        cv.rrect('icon_battery', [bx, y - 15, bx + 62, y + 15], 8, fg)
        cv.text(bx + 31, y, str(batt), 24, (255, 255, 255) if not dark else (0, 0, 0), 'status', bold=True, anchor='mm')
    else:
        cv.rrect('icon_battery', [bx, y - 14, bx + 60, y + 14], 7, None, outline=fg, width=3)
        cv.rrect('icon_battery_level', [bx + 5, y - 9, bx + 5 + int(50 * batt / 100), y + 9], 3, fg)
        cv.text(bx - 14, y, '%d%%' % batt, 30, fg, 'status', anchor='rm')
        bx -= tw('%d%%' % batt, 30) + 14
    x = bx - 120
    for i in range(4):
        cv.rrect('icon_signal', [x + i * 13, y + 12 - (i + 1) * 6, x + i * 13 + 8, y + 13], 1, fg)
    cv.text(x - 14, y, rnd.choice(['5G', '4G', '5G']), 26, fg, 'status', bold=True, anchor='rm')


def sb_height(device):
    return 150 if device == 'iphone' else 110


def gesture_bar(cv, device, dark):
    W, Hh = cv.W, cv.H
    col = (230, 230, 230) if dark else (20, 20, 20)
    w = 400 if device == 'iphone' else 330
    cv.rrect('gesture_bar', [W / 2 - w / 2, Hh - 32, W / 2 + w / 2, Hh - 20], 6, col)


# ---------------------------------------------------------------- chat rendering
def sep_label(style, when, taken, rnd, clockmode):
    d = when.date()
    if style == 'date':  # date only
        st = rnd.choice(['zh', 'zh', 'zh_full']) if d.year == taken.year else 'zh'
        return day_part(d, taken, st)
    if style == 'xm':
        dp = day_part(d, taken, 'zh')
        tm = fmt_time(when, 'xm')
        return tm if dp == '今天' and rnd.random() < 0.6 else dp + ' ' + tm
    if style == 'oppo':
        dp = day_part(d, taken, 'zh')
        tm = fmt_time(when, '24')
        return tm if dp == '今天' and rnd.random() < 0.5 else dp + ' ' + tm
    if style == 'ios':
        dp = day_part(d, taken, 'zh')
        return dp + ' ' + fmt_time(when, clockmode)
    if style == 'ios_en':
        dp = day_part(d, taken, 'en')
        sepw = ' at ' if (taken - d).days >= 7 else ' '
        return dp + sepw + fmt_time(when, 'en')
    if style == 'wx':
        delta = (taken - d).days
        if delta == 0:
            return fmt_time(when, rnd.choice(['24', '24', 'ampm_zh']))
        if delta == 1:
            return '昨天 ' + fmt_time(when, '24')
        if 2 <= delta <= 6:
            return '星期' + WD_ZH[d.weekday()] + ' ' + fmt_time(when, '24')
        if d.year != taken.year or rnd.random() < 0.4:
            return '%d年%d月%d日 %s' % (d.year, d.month, d.day, fmt_time(when, 'ampm_zh'))
        return '%d月%d日 %s' % (d.month, d.day, fmt_time(when, 'ampm_zh'))
    raise ValueError(style)


def build_thread(layout, gen, taken_dt, n_msgs, sender_kind, group_nicks=None):
    """Return list of blocks (sep/msg/notice) ordered in time, all before taken_dt."""
    r = gen.r
    st = SMS_STYLE[layout]
    taken = taken_dt.date()
    en = layout == 'iphone_sms_en'
    wx = layout.startswith('wechat')
    # sessions: (day offset, hour) descending in age
    offs = sorted(set(r.choice([0, 0, 0, 1, 1, 2, 3, 4, 5, 6, 8, 11, 15, 23, 34, 47, 70, 95]) for _ in range(
        r.randint(2, 5))), reverse=True)
    sessions = []
    for off in offs:
        n_sess = 1 if st['tmode'] else r.choice([1, 1, 2])
        d = taken - dt.timedelta(days=off)
        mins = []
        for _ in range(n_sess):
            if off == 0:
                lim = taken_dt.hour * 60 + taken_dt.minute - 25
                if lim < 30:
                    continue
                mins.append(r.randint(max(0, lim - 600), lim))
            else:
                mins.append(r.choice([r.randint(0, 1439), r.randint(480, 1320), r.randint(540, 1260)]))
        mins = sorted(set(mins))
        clean = []
        for m in mins:
            if not clean or m - clean[-1] > 40:
                clean.append(m)
        for m in clean:
            sessions.append(dt.datetime(d.year, d.month, d.day) + dt.timedelta(minutes=m))
    if not sessions:
        sessions = [taken_dt - dt.timedelta(days=1, minutes=r.randint(0, 600))]
    sessions.sort()
    # distribute messages
    per = [1] * len(sessions)
    for _ in range(max(0, n_msgs - len(sessions))):
        per[r.randrange(len(sessions))] += 1
    blocks = []
    clockmode = r.choice(['24', 'ampm_zh']) if layout == 'iphone_sms' else None
    last_day = None
    for si, (start, k) in enumerate(zip(sessions, per)):
        # a session must stay inside its day and before the screenshot
        if st['tmode']:
            if start.date() != last_day:
                blocks.append({'t': 'sep', 'when': start, 'label': sep_label(st['sepfmt'], start, taken, r, clockmode),
                               'dateonly': True})
                last_day = start.date()
        else:
            blocks.append({'t': 'sep', 'when': start, 'label': sep_label(st['sepfmt'], start, taken, r, clockmode),
                           'dateonly': False})
        cur = start
        prev_dir = None
        for j in range(k):
            if j > 0:
                step = r.randint(0, 4)
                nxt = cur + dt.timedelta(minutes=step)
                if nxt.date() != start.date() or (nxt.date() == taken and nxt >= taken_dt - dt.timedelta(minutes=3)):
                    nxt = cur
                cur = nxt
            if j == 0:
                d = 'in' if r.random() < 0.75 else 'out'
            else:
                d = r.choice(['in', 'out']) if prev_dir is None else (prev_dir if r.random() < 0.35 else (
                    'out' if prev_dir == 'in' else 'in'))
            prev_dir = d
            if wx:
                pool = WX_IN if d == 'in' else WX_OUT
                if not group_nicks:
                    pool = [p for p in pool if '群' not in p and '@' not in p]
            elif en:
                pool = (IN_EN + IN_ZH[:6]) if d == 'in' else (OUT_EN + OUT_ZH[:4])
                if d == 'in' and r.random() < 0.6:
                    pool = IN_EN
                if d == 'out' and r.random() < 0.6:
                    pool = OUT_EN
            else:
                pool = IN_ZH if d == 'in' else OUT_ZH
            txt = gen.fill(r.choice(pool).replace('{nmf}', gen.name_full()), taken)
            if not wx and sender_kind == 'service' and d == 'out':
                txt = r.choice(['TD', 'T', '退订', '1', '2', '收到', '人工'])
            m = {'t': 'msg', 'dir': d, 'text': txt, 'when': cur, 'sim': r.choice(['1', '2']) if r.random() < 0.5 else None}
            if group_nicks and d == 'in':
                m['nick'] = r.choice(group_nicks)
            blocks.append(m)
            if wx and r.random() < 0.06:
                blocks.append({'t': 'notice', 'text': r.choice(['你撤回了一条消息', '对方撤回了一条消息']) if not group_nicks
                               else '"%s"撤回了一条消息' % r.choice(group_nicks)})
    return blocks


class ChatLayout:
    def __init__(self, layout, W, Hh, dark, device, cropped):
        self.layout, self.W, self.H, self.dark, self.device, self.cropped = layout, W, Hh, dark, device, cropped
        self.st = SMS_STYLE[layout]
        self.wx = layout.startswith('wechat')
        self.ios = layout.startswith('iphone')

    # measurement -------------------------------------------------------
    def bubble_maxw(self):
        st = self.st
        return int(self.W * st['maxw']) - 2 * st['px']

    def measure(self, b, prev):
        st = self.st
        if b['t'] == 'sep':
            return 38 + 40 + (26 if self.ios else 0) + 22 + (56 if b.get('first') and self.ios else 0)
        if b['t'] == 'notice':
            return 110
        lines = b.get('lines')
        if lines is None:
            lines = wrap_text(b['text'], st['fs'], self.bubble_maxw())
            b['lines'] = lines
        h = len(lines) * st['lh'] + 2 * st['py']
        if self.wx:
            h = max(h, 120)
        gap = 42 if self.wx else (10 if (prev and prev['t'] == 'msg' and prev['dir'] == b['dir']) else 30)
        if self.ios:
            gap = 8 if (prev and prev['t'] == 'msg' and prev['dir'] == b['dir']) else 26
        extra = 0
        if st['tmode'] == 'under':
            extra = 56
        if b.get('nick') and self.layout == 'wechat_group':
            extra += 50
        return h + gap + extra

    def heights(self, blocks):
        out = []
        prev = None
        for b in blocks:
            out.append(self.measure(b, prev))
            prev = b
        return out


def render_chat(layout, W, Hh, dark, device, cropped, clock, blocks, win, title, subtitle, rnd, group=False,
                anchor='top', show_ios_label=False):
    st = SMS_STYLE[layout]
    bg = C(st, 'bg', dark)
    cv = Canvas(W, Hh, bg)
    wx = layout.startswith('wechat')
    ios = device == 'iphone'
    ios_app = layout.startswith('iphone')
    fg = (240, 240, 240) if dark else (25, 25, 25)
    gray = (140, 140, 140) if dark else (128, 128, 128)
    accent = (10, 132, 255) if ios_app else ((80, 140, 255) if dark else (0, 110, 230))
    sbh = sb_height(device)
    # header ------------------------------------------------------------
    if wx:
        hb = (30, 30, 30) if dark else (237, 237, 237)
        hdr_h = sbh + 140
        cv.rrect('bar_header', [0, 0, W, hdr_h], 0, hb)
        status_bar(cv, device, clock, dark, rnd)
        cy = sbh + 70
        chevron_left(cv, 45, cy, 26, fg, 7)
        cv.text(W / 2, cy, title, 50, fg, 'title', bold=True, anchor='mm')
        dots(cv, W - 70, cy, 7, fg)
    elif ios_app:
        hb = (22, 22, 22) if dark else (246, 246, 246)
        hdr_h = sbh + 250
        cv.rrect('bar_header', [0, 0, W, hdr_h], 0, hb)
        status_bar(cv, device, clock, dark, rnd)
        cy = sbh + 80
        chevron_left(cv, 40, cy, 28, accent, 8)
        if rnd.random() < 0.6:
            cv.rrect('badge_unread', [92, cy - 30, 92 + 24 + tw('12', 36), cy + 30], 30, accent)
            cv.text(104, cy, str(rnd.randint(2, 98)), 36, (255, 255, 255), 'ui', anchor='lm')
        ar = 72
        cv.ellipse('avatar', [W / 2 - ar, cy - ar + 10, W / 2 + ar, cy + ar + 10], (120, 124, 138) if dark else (
            160, 165, 178))
        ini = subtitle or ''
        if ini:
            cv.text(W / 2, cy + 10, ini, 54, (255, 255, 255), 'avatar', bold=True, anchor='mm')
        b = cv.text(W / 2, cy + ar + 60, title, 36, fg, 'title', anchor='mm')
        cv.line('icon_chevron', [(b[2] + 14, cy + ar + 50), (b[2] + 24, cy + ar + 60), (b[2] + 14, cy + ar + 70)],
                gray, 4)
        handset(cv, W - 90, cy, 44, accent, 'icon_facetime')
    else:
        hb = bg if layout != 'huawei_sms' else ((0, 0, 0) if dark else (241, 243, 245))
        two = subtitle is not None
        hdr_h = sbh + (170 if two else 140)
        cv.rrect('bar_header', [0, 0, W, hdr_h], 0, hb)
        status_bar(cv, device, clock, dark, rnd)
        cy = sbh + (70 if not two else 60)
        chevron_left(cv, 48, cy, 26, fg, 7)
        centered = layout in ('xiaomi_sms', 'vivo_sms', 'honor_sms')
        if layout == 'huawei_sms':
            cv.ellipse('avatar', [120, cy - 45, 210, cy + 45], (90, 150, 240))
            tx = 236
        else:
            tx = 130
        if centered:
            cv.text(W / 2, cy, title, 52, fg, 'title', bold=True, anchor='mm')
            if two:
                cv.text(W / 2, cy + 62, subtitle, 32, gray, 'subtitle', anchor='mm')
        else:
            cv.text(tx, cy, title, 52, fg, 'title', bold=True, anchor='lm')
            if two:
                cv.text(tx, cy + 62, subtitle, 32, gray, 'subtitle', anchor='lm')
        handset(cv, W - 180, cy, 46, fg)
        dots(cv, W - 70, cy, 6, fg, vertical=True)
    # input bar ------------------------------------------------------
    if cropped:
        inp_top = Hh
    else:
        nav = 70
        ib_h = 150
        inp_top = Hh - nav - ib_h
        ibg = (30, 30, 30) if (dark and wx) else ((246, 246, 246) if wx else bg)
        if ios_app:
            ibg = bg
        cv.rrect('bar_input', [0, inp_top, W, Hh], 0, ibg)
        cy = inp_top + ib_h / 2
        fieldc = (45, 45, 45) if dark else (255, 255, 255) if wx else ((40, 40, 40) if dark else (235, 237, 240))
        if wx:
            cv.ellipse('icon_voice', [30, cy - 40, 110, cy + 40], None, outline=fg, width=4)
            cv.rrect('input_field', [135, cy - 52, W - 260, cy + 52], 12, fieldc)
            cv.ellipse('icon_emoji', [W - 235, cy - 40, W - 155, cy + 40], None, outline=fg, width=4)
            cv.ellipse('icon_plus', [W - 125, cy - 40, W - 45, cy + 40], None, outline=fg, width=4)
        elif ios_app:
            cv.ellipse('icon_plus', [30, cy - 44, 118, cy + 44], (50, 50, 52) if dark else (230, 230, 234))
            cv.rrect('input_field', [140, cy - 52, W - 40, cy + 52], 52, None, outline=gray, width=3)
            cv.text(180, cy, 'Text Message' if layout.endswith('_en') else '短信', 44, gray, 'placeholder')
        else:
            cv.ellipse('icon_plus', [36, cy - 42, 120, cy + 42], fieldc)
            cv.rrect('input_field', [145, cy - 56, W - 150, cy + 56], 56, fieldc)
            ph = {'huawei_sms': '信息', 'honor_sms': '信息', 'xiaomi_sms': '短信', 'oppo_sms': '短信',
                  'vivo_sms': '发送短信'}[layout]
            cv.text(185, cy, ph, 44, gray, 'placeholder')
            if layout in ('huawei_sms', 'honor_sms', 'vivo_sms') and rnd.random() < 0.7:
                cv.rrect('sim_selector', [W - 290, cy - 24, W - 230, cy + 24], 8, None, outline=gray, width=3)
                cv.text(W - 260, cy, str(rnd.choice([1, 2])), 28, gray, 'sim', bold=True, anchor='mm')
            cv.ellipse('icon_send', [W - 125, cy - 44, W - 37, cy + 44], accent if rnd.random() < 0.5 else fieldc)
        gesture_bar(cv, device, dark)
    # content area ----------------------------------------------------
    ctop = hdr_h + 24
    cbot = inp_top - 24
    return cv, ctop, cbot, hdr_h, inp_top


def draw_blocks(cv, layout, dark, blocks, heights, y0, rnd, avatars):
    st = SMS_STYLE[layout]
    W = cv.W
    wx = layout.startswith('wechat')
    ios = layout.startswith('iphone')
    gray = (140, 140, 140) if dark else (135, 135, 135)
    y = y0
    prev = None
    placed = []
    for i, (b, h) in enumerate(zip(blocks, heights)):
        top = y
        if b['t'] == 'sep':
            cy = top + 38 + 20
            if ios:
                cy += 13
                if b.get('first'):
                    cv.text(W / 2, cy, 'Text Message' if layout.endswith('_en') else '短信/彩信', 34, gray, 'ui',
                            anchor='mm')
                    cy += 56
                lab = b['label']
                # iOS: day part bold, time regular
                parts = lab.split(' ', 1) if not lab[0].isdigit() else [lab]
                if lab.startswith(tuple(MON_EN)) or len(parts) == 1:
                    cv.text(W / 2, cy, lab, 34, gray, 'sep', anchor='mm')
                else:
                    w1 = tw(parts[0], 34, True)
                    w2 = tw(' ' + parts[1], 34)
                    x = W / 2 - (w1 + w2) / 2
                    cv.text(x, cy, parts[0], 34, gray, 'sep', bold=True, anchor='lm')
                    cv.text(x + w1 + tw(' ', 34), cy, parts[1], 34, gray, 'sep', anchor='lm')
            elif layout == 'vivo_sms' or (wx and False):
                w = tw(b['label'], 32) + 40
                cv.rrect('sep_pill', [W / 2 - w / 2, cy - 28, W / 2 + w / 2, cy + 28], 28,
                         (38, 38, 38) if dark else (228, 230, 234))
                cv.text(W / 2, cy, b['label'], 32, gray, 'sep', anchor='mm')
            else:
                cv.text(W / 2, cy, b['label'], 34 if wx else 34, gray, 'sep', anchor='mm')
        elif b['t'] == 'notice':
            cy = top + 55
            t = b['text']
            if t.startswith('你撤回'):
                w1 = tw(t + ' ', 34)
                w2 = tw('重新编辑', 34)
                x = W / 2 - (w1 + w2) / 2
                cv.text(x, cy, t, 34, gray, 'notice', anchor='lm')
                cv.text(x + w1, cy, '重新编辑', 34, (87, 107, 149) if not dark else (125, 144, 169), 'notice',
                        anchor='lm')
            else:
                cv.text(W / 2, cy, t, 34, gray, 'notice', anchor='mm')
        else:
            d = b['dir']
            fill = C(st, 'bin' if d == 'in' else 'bout', dark)
            tcol = C(st, 'tin' if d == 'in' else 'tout', dark)
            if ios and prev is not None and prev['t'] == 'msg' and prev['dir'] == d:
                gap = 8
            elif ios:
                gap = 26
            elif wx:
                gap = 42
            else:
                gap = 10 if (prev and prev['t'] == 'msg' and prev['dir'] == d) else 30
            btop = top + gap
            if b.get('nick') and layout == 'wechat_group':
                nx = 30 + 120 + 24
                cv.text(nx, btop + 20, b['nick'], 32, gray, 'nick', anchor='lm')
                btop += 50
            lines = b['lines']
            bw = max(tw(l, st['fs']) for l in lines) + 2 * st['px']
            bh = len(lines) * st['lh'] + 2 * st['py']
            if wx:
                bh = max(bh, 120)
            if wx:
                av = 120
                if d == 'in':
                    ax = 30
                    bx0 = ax + av + 24
                else:
                    ax = W - 30 - av
                    bx0 = ax - 24 - bw
                avc = avatars['in' if d == 'in' else 'out']
                if d == 'in' and b.get('nick'):
                    avc = avatars.get(b['nick'], avc)
                cv.rrect('avatar', [ax, btop, ax + av, btop + av], 14, avc)
                tri_y = btop + 60
                if d == 'in':
                    cv.poly('bubble_tail', [(bx0 + 1, tri_y - 16), (bx0 - 15, tri_y), (bx0 + 1, tri_y + 16)], fill)
                else:
                    cv.poly('bubble_tail', [(bx0 + bw - 1, tri_y - 16), (bx0 + bw + 15, tri_y),
                                            (bx0 + bw - 1, tri_y + 16)], fill)
            else:
                margin = 40 if not ios else 34
                if layout == 'vivo_sms':
                    margin = 44
                bx0 = margin if d == 'in' else W - margin - bw
            cv.rrect('bubble_' + d, [bx0, btop, bx0 + bw, btop + bh], st['r'], fill)
            if ios:
                nxt = blocks[i + 1] if i + 1 < len(blocks) else None
                if not (nxt and nxt['t'] == 'msg' and nxt['dir'] == d):
                    if d == 'in':
                        cv.poly('bubble_tail', [(bx0 + 4, btop + bh - 40), (bx0 - 14, btop + bh),
                                                (bx0 + 40, btop + bh - 2)], fill)
                    else:
                        cv.poly('bubble_tail', [(bx0 + bw - 4, btop + bh - 40), (bx0 + bw + 14, btop + bh),
                                                (bx0 + bw - 40, btop + bh - 2)], fill)
            ly = btop + st['py'] + st['lh'] / 2
            if wx and len(lines) == 1:
                ly = btop + bh / 2
            for ln in lines:
                cv.text(bx0 + st['px'], ly, ln, st['fs'], tcol, 'msg', anchor='lm')
                ly += st['lh']
            tstr = b.get('tlabel')
            if st['tmode'] == 'under':
                ty = btop + bh + 30
                parts = []
                if b.get('sim'):
                    parts.append(('卡' + b['sim'], 'sim'))
                parts.append((tstr, 'msg_time'))
                if d == 'in':
                    x = bx0 + 8
                    for s_, role in parts:
                        bb = cv.text(x, ty, s_, 30, gray, role, anchor='lm')
                        x = bb[2] + 14
                else:
                    x = bx0 + bw - 8
                    for s_, role in reversed(parts):
                        bb = cv.text(x, ty, s_, 30, gray, role, anchor='rm')
                        x = bb[0] - 14
            elif st['tmode'] == 'beside':
                ty = btop + bh - 24
                if d == 'in':
                    cv.text(bx0 + bw + 16, ty, tstr, 28, gray, 'msg_time', anchor='lm')
                else:
                    cv.text(bx0 - 16, ty, tstr, 28, gray, 'msg_time', anchor='rm')
            placed.append((b, [bx0, btop, bx0 + bw, btop + bh]))
        y += h
        prev = b
    return y, placed


# ---------------------------------------------------------------- call logs
def call_rows(gen, taken_dt, n, layout):
    r = gen.r
    people = []
    for _ in range(r.randint(4, 8)):
        kind = r.random()
        if kind < 0.45:
            num = gen.mobile()
            people.append({'num': num, 'name': None})
        elif kind < 0.65:
            num = r.choice(['0571', '010', '021', '0755', '020', '025', '028']) + '8%03d%04d' % (
                r.randint(0, 999), r.randint(0, 9999))
            people.append({'num': num, 'name': None})
        elif kind < 0.75:
            num = '4008%02d%04d' % (r.randint(0, 99), r.randint(0, 9999))
            people.append({'num': num, 'name': None})
        else:
            nm = r.choice(['催收 ' + r.choice(SURN) + '专员', r.choice(SURN) + '经理(调解)', r.choice(PLATS) + '客服',
                           r.choice(SURN) + '律师', r.choice(SURN) + r.choice(GIVEN) + '(' + r.choice(PLATS) + ')',
                           '老' + r.choice(SURN), r.choice(['妈妈', '张总', '房东', '公司前台'])])
            people.append({'num': gen.mobile(), 'name': nm})
    rows = []
    t = taken_dt - dt.timedelta(minutes=r.randint(3, 90))
    for i in range(n):
        p = r.choice(people)
        if rows and rows[-1]['p'] is p:
            p = r.choice(people)
        ct = r.choices(['missed', 'incoming', 'outgoing'], [0.4, 0.3, 0.3])[0]
        cnt = r.choice([1, 1, 1, 1, 2, 3, 4, 6]) if ct == 'missed' or r.random() < 0.2 else 1
        dur = None
        if ct == 'incoming':
            dur = r.choice([r.randint(4, 59), r.randint(60, 400), r.randint(400, 3900)])
        elif ct == 'outgoing':
            dur = None if r.random() < 0.35 else r.choice([r.randint(3, 59), r.randint(60, 600)])
        rows.append({'p': p, 'type': ct, 'count': cnt, 'dur': dur, 'when': t,
                     'place': r.choice(PLACES), 'carrier': r.choice(CARRIERS), 'sim': r.choice(['1', '2'])})
        t = t - dt.timedelta(minutes=r.choice([r.randint(5, 120), r.randint(5, 120), r.randint(20, 240),
                                               r.randint(60, 900), r.randint(600, 4000), r.randint(1440, 9000)]))
    return rows


def dur_zh(s):
    h, rem = divmod(s, 3600)
    m, sec = divmod(rem, 60)
    out = ''
    if h:
        out += '%d小时' % h
    if m:
        out += '%d分' % m
    if sec or not out:
        out += '%d秒' % sec
    return out


def fmt_num_display(num, r):
    if num.startswith('1') and len(num) == 11:
        return r.choice([num, '%s %s %s' % (num[:3], num[3:7], num[7:]), '+86 %s %s %s' % (num[:3], num[3:7], num[7:])])
    if num.startswith('400'):
        return '%s-%s-%s' % (num[:3], num[3:6], num[6:])
    ac = 3 if num[:3] in ('010', '021', '020', '025', '028') else 4
    return r.choice(['%s-%s %s' % (num[:ac], num[ac:ac + 4], num[ac + 4:]), '%s-%s' % (num[:ac], num[ac:]),
                     num])


def call_label(layout, when, taken_dt, r):
    """returns (label, occurred or None)"""
    taken = taken_dt.date()
    d = when.date()
    delta = (taken - d).days
    if layout == 'iphone_calls':
        if delta == 0:
            mode = r.choice(['24', 'ampm_zh'])
            return fmt_time(when, mode), when
        if delta == 1:
            return '昨天', None
        if delta <= 6:
            return '星期' + WD_ZH[d.weekday()], None
        return '%d/%d/%d' % (d.year, d.month, d.day), None
    if delta == 0:
        return fmt_time(when, '24'), when
    if delta == 1:
        if layout in ('huawei_calls', 'honor_calls', 'oppo_calls') and r.random() < 0.7:
            return '昨天 ' + fmt_time(when, '24'), when
        return '昨天', None
    if delta <= 6:
        if layout == 'oppo_calls':
            return '周' + WD_ZH[d.weekday()], None
        return '星期' + WD_ZH[d.weekday()], None
    if d.year != taken.year:
        return r.choice(['%d/%d/%d' % (d.year, d.month, d.day), '%d年%d月%d日' % (d.year, d.month, d.day)]), None
    if layout == 'xiaomi_calls':
        return '%02d-%02d' % (d.month, d.day), None
    return '%d月%d日' % (d.month, d.day), None


CALL_STYLE = {
    'huawei_calls': dict(bg=mk('#F1F3F5', '#000000'), card=mk('#FFFFFF', '#1A1A1A'), red='#E84026', title='电话'),
    'honor_calls': dict(bg=mk('#FFFFFF', '#0D0D0D'), card=None, red='#F2463D', title='通话'),
    'xiaomi_calls': dict(bg=mk('#FFFFFF', '#000000'), card=None, red='#F43F3F', title='电话'),
    'oppo_calls': dict(bg=mk('#FFFFFF', '#0F0F0F'), card=None, red='#EF4238', title='通话记录'),
    'vivo_calls': dict(bg=mk('#F7F8FA', '#0D0D0D'), card=None, red='#F24949', title='电话'),
    'iphone_calls': dict(bg=mk('#FFFFFF', '#000000'), card=None, red='#FF3B30', title='最近通话'),
}


def render_calls(layout, W, Hh, dark, cropped, clock, rows, taken_dt, rnd):
    st = CALL_STYLE[layout]
    device = layout.split('_')[0]
    bg = C(st, 'bg', dark)
    cv = Canvas(W, Hh, bg)
    fg = (238, 238, 238) if dark else (20, 20, 20)
    gray = (145, 145, 145) if dark else (128, 128, 128)
    red = H(st['red'])
    blue = (10, 132, 255) if device == 'iphone' else ((70, 130, 255) if dark else (0, 110, 230))
    status_bar(cv, device, clock, dark, rnd)
    sbh = sb_height(device)
    y = sbh
    if device == 'iphone':
        cv.rrect('segmented', [W / 2 - 250, y + 20, W / 2 + 250, y + 100], 22, (44, 44, 46) if dark else (
            238, 238, 239))
        cv.rrect('segmented_sel', [W / 2 - 244, y + 26, W / 2 - 2, y + 94], 18, (99, 99, 102) if dark else (
            255, 255, 255))
        cv.text(W / 2 - 123, y + 60, '所有通话', 36, fg, 'tab', bold=True, anchor='mm')
        cv.text(W / 2 + 123, y + 60, '未接来电', 36, fg, 'tab', anchor='mm')
        cv.text(W - 50, y + 60, '编辑', 44, blue, 'ui', anchor='rm')
        cv.text(48, y + 190, st['title'], 100, fg, 'title', bold=True, anchor='lm')
        y += 270
    else:
        big = layout in ('huawei_calls', 'vivo_calls', 'xiaomi_calls', 'oppo_calls')
        if big:
            cv.text(60, y + 110, st['title'], 84 if layout != 'oppo_calls' else 72, fg, 'title', bold=True)
            dots(cv, W - 70, y + 110, 7, fg, vertical=True)
            y += 200
        else:
            cv.text(W / 2, y + 70, st['title'], 54, fg, 'title', bold=True, anchor='mm')
            dots(cv, W - 70, y + 70, 6, fg, vertical=True)
            y += 140
        if layout in ('huawei_calls', 'honor_calls', 'xiaomi_calls'):
            sc = (40, 40, 40) if dark else (232, 234, 237)
            cv.rrect('search_box', [48, y + 10, W - 48, y + 110], 50, sc)
            cv.ellipse('icon_search', [90, y + 42, 126, y + 78], None, outline=gray, width=4)
            cv.text(150, y + 60, '搜索联系人' if layout != 'xiaomi_calls' else '搜索', 40, gray, 'ui')
            y += 140
        if layout == 'oppo_calls':
            cv.text(60, y + 40, '全部', 40, blue, 'tab', bold=True)
            cv.text(200, y + 40, '未接', 40, gray, 'tab')
            y += 90
    # bottom tabs
    if cropped:
        bottom = Hh - 10
    else:
        tb_h = 210
        bottom = Hh - tb_h
        tbc = (18, 18, 18) if dark else ((248, 248, 248) if device == 'iphone' else bg)
        cv.rrect('bar_tabs', [0, bottom, W, Hh], 0, tbc)
        tabs = {'iphone': ['个人收藏', '最近通话', '通讯录', '拨号键盘', '语音留言'],
                'huawei': ['电话', '联系人', '收藏'], 'honor': ['电话', '联系人', '收藏'],
                'xiaomi': ['电话', '联系人', '营业厅'], 'oppo': ['电话', '联系人', '收藏'],
                'vivo': ['电话', '联系人', '收藏']}[device]
        n = len(tabs)
        for k, t in enumerate(tabs):
            cx = W * (k + 0.5) / n
            on = (k == 1) if device == 'iphone' else (k == 0)
            c = blue if on else gray
            cv.ellipse('tab_icon', [cx - 26, bottom + 30, cx + 26, bottom + 82], c if on else None,
                       outline=c, width=3)
            cv.text(cx, bottom + 118, t, 28, c, 'tab', anchor='mm')
        gesture_bar(cv, device, dark)
        if device != 'iphone':
            cv.ellipse('fab_dialpad', [W / 2 - 80, bottom - 200, W / 2 + 80, bottom - 40], blue)
            bottom -= 220
    # rows
    row_h = {'iphone_calls': 150, 'huawei_calls': 170, 'honor_calls': 170, 'xiaomi_calls': 178, 'oppo_calls': 170,
             'vivo_calls': 172}[layout]
    if st.get('card'):
        cardc = C(st, 'card', dark)
    recs = []
    y += 10
    used = 0
    for ri, row in enumerate(rows):
        if y + row_h > bottom:
            break
        used += 1
        p = row['p']
        ct = row['type']
        name = p['name'] or fmt_num_display(p['num'], rnd)
        sender = p['name'] or p['num']
        lab, occ = call_label(layout, row['when'], taken_dt, rnd)
        ncol = red if ct == 'missed' else fg
        top = y
        cy1 = top + row_h * 0.36
        cy2 = top + row_h * 0.70
        if st.get('card'):
            cv.rrect('row_card', [24, top + 4, W - 24, top + row_h - 4], 24, cardc)
        if device == 'iphone':
            xname = 110
            if ct == 'outgoing':
                cv.poly('icon_call_out', arrow_pts(62, cy1 - 4, 30, -45), gray)
                handset(cv, 50, cy1 + 10, 26, gray, 'icon_call_out_handset')
            b = cv.text(xname, cy1, name, 48, ncol, 'call_name', bold=False)
            if row['count'] > 1:
                cv.text(b[2] + 12, cy1, '(%d)' % row['count'], 48, ncol, 'call_count')
            sub = rnd.choice(['手机', p['name'] and '手机' or row['place'], '未知', row['place']])
            cv.text(xname, cy2, sub, 34, gray, 'call_sub')
            cv.text(W - 150, cy1 + 22, lab, 38, gray, 'call_time', anchor='rm')
            info_button(cv, W - 80, cy1 + 22, 28, blue)
            cv.rrect('divider', [xname, top + row_h - 2, W, top + row_h], 0, (44, 44, 46) if dark else (220, 220, 224))
        else:
            xname = 80 if not st.get('card') else 70
            if layout == 'vivo_calls':
                av = 100
                cv.ellipse('avatar', [50, top + row_h / 2 - av / 2, 50 + av, top + row_h / 2 + av / 2],
                           (60, 60, 64) if dark else (222, 228, 240))
                xname = 180
            b = cv.text(xname, cy1, name, 48, ncol, 'call_name')
            if row['count'] > 1:
                cv.text(b[2] + 12, cy1, '(%d)' % row['count'], 48, ncol, 'call_count')
            x = xname
            icol = red if ct == 'missed' else gray
            # direction icon
            draw_call_icon(cv, ct, x + 18, cy2, 36, icol)
            x += 50
            if layout in ('huawei_calls', 'vivo_calls'):
                cv.rrect('sim_badge', [x, cy2 - 16, x + 26, cy2 + 16], 5, None, outline=gray, width=2)
                cv.text(x + 13, cy2, row['sim'], 22, gray, 'sim', bold=True, anchor='mm')
                x += 42
            elif layout == 'honor_calls':
                bb = cv.text(x, cy2, '卡' + row['sim'], 30, gray, 'sim')
                x = bb[2] + 14
            parts = []
            if layout == 'xiaomi_calls':
                if ct == 'missed':
                    parts.append('未接来电' if rnd.random() < 0.6 else '呼入 未接通')
                elif ct == 'incoming':
                    parts.append('呼入 ' + dur_zh(row['dur']))
                else:
                    parts.append('呼出 ' + (dur_zh(row['dur']) if row['dur'] else '未接通'))
                parts.append(row['place'])
            elif layout in ('oppo_calls', 'vivo_calls'):
                parts.append(row['place'] + (' ' + row['carrier'] if layout == 'vivo_calls' else ''))
                if ct != 'missed':
                    parts.append(dur_zh(row['dur']) if row['dur'] else '未接通')
                elif rnd.random() < 0.4:
                    parts.append('响铃%d声' % rnd.randint(1, 6))
            else:
                parts.append(row['place'] + rnd.choice(['', ' ' + row['carrier']]))
                if ct == 'outgoing' and not row['dur'] and rnd.random() < 0.5:
                    parts.append('未接通')
            for k, s_ in enumerate(parts):
                bb = cv.text(x, cy2, s_, 34, gray if not (ct == 'missed' and layout == 'xiaomi_calls' and k == 0)
                             else red, 'call_sub')
                x = bb[2] + 24
            cv.text(W - 150, top + row_h / 2, lab, 36, gray, 'call_time', anchor='rm')
            info_button(cv, W - 80, top + row_h / 2, 28, gray if layout != 'vivo_calls' else blue)
            if ct == 'missed' and layout in ('vivo_calls', 'xiaomi_calls') and ri < 3 and rnd.random() < 0.5:
                cv.ellipse('unread_dot', [xname - 36, cy1 - 8, xname - 20, cy1 + 8], red)
            if not st.get('card'):
                cv.rrect('divider', [xname, top + row_h - 2, W - 40, top + row_h], 0,
                         (40, 40, 40) if dark else (232, 232, 232))
        dur = row['dur'] if layout in ('xiaomi_calls', 'oppo_calls', 'vivo_calls') else None
        recs.append({'kind': 'call', 'sender': sender, 'occurred_at': iso(occ) if occ else None,
                     'direction': 'out' if ct == 'outgoing' else 'in', 'text': None, 'call_type': ct,
                     'duration_seconds': dur})
        y += row_h + (14 if st.get('card') else 0)
    return cv, recs


# ---------------------------------------------------------------- naming
class Namer:
    def __init__(self, rnd):
        self.r = rnd
        self.used = set()
        self.img_no = rnd.randint(1200, 4000)

    def name(self, device, taken_dt, jpeg):
        r = self.r
        t = taken_dt
        while True:
            if jpeg:
                n = 'IMG_%s.jpg' % t.strftime('%Y%m%d_%H%M%S')
            elif device == 'iphone':
                if r.random() < 0.5:
                    self.img_no += r.randint(1, 40)
                    n = 'IMG_%04d.PNG' % self.img_no
                else:
                    n = 'Screenshot %s at %s.png' % (t.strftime('%Y-%m-%d'), t.strftime('%H.%M.%S'))
            else:
                if device in ('xiaomi', 'oppo') or r.random() < 0.3:
                    n = 'Screenshot_%s.png' % t.strftime('%Y-%m-%d-%H-%M-%S')
                else:
                    n = 'Screenshot_%s.png' % t.strftime('%Y%m%d_%H%M%S')
            if n not in self.used:
                self.used.add(n)
                return n


# ---------------------------------------------------------------- main
SIZES_ANDROID = [(1080, 2340), (1080, 2400), (1080, 2340), (1080, 1920)]
SIZES_IPHONE = [(1170, 2532), (1179, 2556)]
CHAT_LAYOUTS = ['huawei_sms', 'honor_sms', 'xiaomi_sms', 'oppo_sms', 'vivo_sms', 'iphone_sms', 'iphone_sms_en',
                'wechat_private', 'wechat_group']
CALL_LAYOUTS = ['huawei_calls', 'honor_calls', 'xiaomi_calls', 'oppo_calls', 'vivo_calls', 'iphone_calls']


def pick_size(device, rnd):
    W, Hh = rnd.choice(SIZES_IPHONE if device == 'iphone' else SIZES_ANDROID)
    cropped = rnd.random() < 0.12
    if cropped:
        Hh = rnd.randint(int(Hh * 0.55), int(Hh * 0.8))
    return W, Hh, cropped


def rand_taken(rnd):
    base = dt.datetime(2025, 12, 18)
    d = base + dt.timedelta(days=rnd.randint(0, 125))
    return d.replace(hour=rnd.randint(8, 23), minute=rnd.randint(0, 59), second=rnd.randint(0, 59))


def thread_header(layout, gen, r, taken):
    """title shown, subtitle, truth sender, sender kind"""
    wx = layout.startswith('wechat')
    if layout == 'wechat_group':
        plat = r.choice(PLATS)
        t = r.choice([plat + '还款协商群', plat + '债务调解(%s)' % r.choice(['一', '二', '三']) + '群', r.choice(
            LAWS)[:4] + '案件沟通群', '逾期处理-' + gen.name_full(), plat + ' 客户服务群'])
        n = r.randint(3, 60)
        return '%s(%d)' % (t, n), None, t, 'group'
    if wx:
        t = r.choice(['催收 ' + r.choice(SURN) + '专员', r.choice(SURN) + '经理(调解)', r.choice(PLATS) + '-' + r.choice(
            SURN) + '主管', r.choice(SURN) + '律师【' + r.choice(LAWS)[:2] + '】', 'A' + r.choice(PLATS) + '贷后 ' + r.choice(
            SURN) + r.choice(GIVEN), r.choice(SURN) + r.choice(GIVEN)])
        return t, None, t, 'person'
    k = r.random()
    if k < 0.35:
        num = gen.mobile()
        disp = r.choice(['+86 %s %s %s' % (num[:3], num[3:7], num[7:]), '%s %s %s' % (num[:3], num[3:7], num[7:]),
                         num, '+86' + num])
        return disp, r.choice([None, r.choice(PLACES) + ' ' + r.choice(CARRIERS)]), num, 'person'
    if k < 0.6:
        num = '10690%d' % r.randint(10 ** 7, 10 ** 9)
        return num, None, num, 'service'
    if k < 0.7:
        num = '95%03d' % r.randint(100, 999)
        return num, None, num, 'service'
    if k < 0.8:
        num = '0571-8%03d %04d' % (r.randint(0, 999), r.randint(0, 9999))
        return num, '浙江杭州', num.replace('-', '').replace(' ', ''), 'person'
    nm = r.choice(['催收 ' + r.choice(SURN) + '专员', r.choice(SURN) + '经理(调解)', r.choice(PLATS) + '客服',
                   r.choice(SURN) + '律师', r.choice(SURN) + r.choice(GIVEN) + '(贷后)'])
    num = gen.mobile()
    return nm, '%s %s %s' % (num[:3], num[3:7], num[7:]), nm, 'person'


def main():
    rnd = random.Random(SEED)
    gen = Gen(rnd)
    namer = Namer(rnd)
    truth_lines, draw_lines = [], []
    plan = []
    counts = {'huawei_sms': 10, 'honor_sms': 10, 'xiaomi_sms': 10, 'oppo_sms': 10, 'vivo_sms': 10, 'iphone_sms': 10,
              'iphone_sms_en': 10, 'wechat_private': 11, 'wechat_group': 11}
    pairs = {'huawei_sms': 2, 'honor_sms': 1, 'xiaomi_sms': 2, 'oppo_sms': 1, 'vivo_sms': 1, 'iphone_sms': 2,
             'iphone_sms_en': 1, 'wechat_private': 2, 'wechat_group': 1}
    ccounts = {'huawei_calls': 7, 'honor_calls': 7, 'xiaomi_calls': 7, 'oppo_calls': 7, 'vivo_calls': 7,
               'iphone_calls': 7}
    jobs = []
    for lay in CHAT_LAYOUTS:
        n = counts[lay]
        np_ = pairs[lay]
        for k in range(np_):
            jobs.append(('pair', lay, k + 1))
        for k in range(n - 2 * np_):
            jobs.append(('single', lay, None))
    for lay in CALL_LAYOUTS:
        for k in range(ccounts[lay]):
            jobs.append(('call', lay, None))
    rnd.shuffle(jobs)
    n_img = 0
    for kind, lay, pk in jobs:
        if kind == 'call':
            out = make_call(lay, gen, rnd, namer)
        elif kind == 'single':
            out = make_chat(lay, gen, rnd, namer, None)
        else:
            out = make_chat(lay, gen, rnd, namer, '%s_t%d' % (lay, pk))
        for tr, dl, img, fmtinfo in out:
            path = os.path.join(OUT, tr['file'])
            if fmtinfo:
                img.save(path, 'JPEG', quality=fmtinfo, optimize=False)
            else:
                img.save(path, 'PNG', optimize=False)
            truth_lines.append(json.dumps(tr, ensure_ascii=False))
            draw_lines.append(json.dumps(dl, ensure_ascii=False))
            n_img += 1
    with open(os.path.join(OUT, 'truth.jsonl'), 'w', encoding='utf-8') as f:
        f.write('\n'.join(truth_lines) + '\n')
    with open(os.path.join(OUT, 'drawlog.jsonl'), 'w', encoding='utf-8') as f:
        f.write('\n'.join(draw_lines) + '\n')
    print('images', n_img)


def finish(cv, layout, dark, taken_dt, device, namer, rnd, records, thread, force_png=False):
    jpeg = (not force_png) and rnd.random() < 0.14
    q = rnd.randint(70, 92) if jpeg else None
    fname = namer.name(device, taken_dt, jpeg)
    tr = {'file': fname, 'layout': layout, 'dark': dark, 'taken_on': taken_dt.strftime('%Y-%m-%d'),
          'thread': thread, 'records': records}
    dl = {'file': fname, 'size': [cv.W, cv.H], 'layout': layout, 'dark': dark, 'jpeg_quality': q,
          'items': cv.items}
    return tr, dl, cv.img, q


def chat_records(layout, placed, blocks_vis, sender, taken):
    st = SMS_STYLE[layout]
    recs = []
    cur_sep = None
    for b in blocks_vis:
        if b['t'] == 'sep':
            cur_sep = b
        elif b['t'] == 'msg':
            if cur_sep is None:
                occ = None
            elif st['tmode']:
                w = b['when']
                occ = dt.datetime.combine(cur_sep['when'].date(), dt.time(w.hour, w.minute))
            else:
                occ = cur_sep['when']
            snd = sender
            if layout == 'wechat_group' and b['dir'] == 'in':
                snd = b['nick']
            recs.append({'kind': 'im' if layout.startswith('wechat') else 'sms', 'sender': snd,
                         'occurred_at': iso(occ) if occ else None, 'direction': b['dir'], 'text': b['text'],
                         'call_type': None, 'duration_seconds': None})
    return recs


def assign_tlabels(layout, blocks, rnd):
    st = SMS_STYLE[layout]
    if not st['tmode']:
        return
    mode = rnd.choice(['24', '24', '24s']) if layout != 'honor_sms' else rnd.choice(['24', 'ampm_zh'])
    for b in blocks:
        if b['t'] == 'msg':
            b['tlabel'] = fmt_time(b['when'], mode)
            if layout == 'vivo_sms' or st.get('sim') is None:
                b['sim'] = None


def make_chat(layout, gen, rnd, namer, thread):
    device = device_of(layout, rnd)
    dark = rnd.random() < 0.34
    taken_dt = rand_taken(rnd)
    title, subtitle, sender, skind = thread_header(layout, gen, rnd, taken_dt)
    nicks = None
    avatars = {'in': (rnd.randint(60, 200), rnd.randint(60, 200), rnd.randint(60, 200)),
               'out': (rnd.randint(60, 200), rnd.randint(60, 200), rnd.randint(60, 200))}
    if layout == 'wechat_group':
        nicks = rnd.sample(['调解员小王', '李律师', '催收 王专员', '财务 Amy', '贷后-陈主管', '法务 赵老师', '客服小美',
                            '张经理(调解)', '刘专员 工号A0317', 'Kevin-贷后'], 3)
        for nk in nicks:
            avatars[nk] = (rnd.randint(60, 200), rnd.randint(60, 200), rnd.randint(60, 200))
    if layout.startswith('iphone') and skind != 'service':
        ini = title[0] if not title[0] in '+0123456789' else None
    else:
        ini = None
    n_msgs = rnd.randint(26, 34) if thread else rnd.randint(8, 16)
    blocks = build_thread(layout, gen, taken_dt, n_msgs, skind, nicks)
    assign_tlabels(layout, blocks, rnd)
    if layout.startswith('iphone') and blocks[0]['t'] == 'sep':
        blocks[0]['first'] = True
    outs = []
    W, Hh, cropped = pick_size(device, rnd)
    sub = subtitle if not layout.startswith('iphone') else ini
    # dry canvas to know content area
    probe = ChatLayout(layout, W, Hh, dark, device, cropped)
    hts = probe.heights(blocks)
    dummy_rnd = random.Random(0)
    cv0, ctop, cbot, _, _ = render_chat(layout, W, Hh, dark, device, cropped, '00:00', blocks, None, title, sub,
                                        dummy_rnd)
    avail = cbot - ctop

    def fit_from(s):
        e = s
        while e < len(blocks) and sum(probe.heights(blocks[s:e + 1])) <= avail:
            e += 1
        return e, None

    def fit_to(e):
        s = e
        while s > 0 and sum(probe.heights(blocks[s - 1:e])) <= avail:
            s -= 1
        return s, None

    shots = []
    if thread is None:
        if rnd.random() < 0.55:
            s, tot = fit_to(len(blocks))
            e = len(blocks)
            shots.append((s, e, 'bottom', taken_dt))
        else:
            s = rnd.choice([i for i, b in enumerate(blocks) if b['t'] != 'notice'][:max(1, len(blocks) // 2)])
            e, tot = fit_from(s)
            shots.append((s, e, 'top', taken_dt))
    else:
        # A: starts near thread start, B starts with last 1-2 bubbles of A
        sA = rnd.choice([0, 0, 1, 2])
        eA, _ = fit_from(sA)
        while eA > sA and blocks[eA - 1]['t'] != 'msg':
            eA -= 1
        k = rnd.choice([1, 2])
        if k == 2 and not (blocks[eA - 2]['t'] == 'msg'):
            k = 1
        sB = eA - k
        eB, _ = fit_from(sB)
        tB = taken_dt
        tA = taken_dt - dt.timedelta(minutes=rnd.randint(1, 6), seconds=rnd.randint(0, 50))
        if tA.date() != tB.date():
            tA = tB.replace(second=0) - dt.timedelta(seconds=5)
        shots.append((sA, eA, 'top', tA))
        shots.append((sB, eB, 'top', tB))
    for idx, (s, e, anc, tdt) in enumerate(shots):
        vis = blocks[s:e]
        vh = hts[s:e]
        # first block's gap is relative to a block not shown; recompute heights for visible list
        vh = ChatLayout(layout, W, Hh, dark, device, cropped).heights(vis)
        # recomputing first height may shrink it; make sure still fits
        while sum(vh) > avail:
            vis = vis[:-1]
            vh = vh[:-1]
        clock = tdt.strftime('%H:%M')
        cv, ctop, cbot, hdr_h, inp_top = render_chat(layout, W, Hh, dark, device, cropped, clock, vis, None, title,
                                                     sub, rnd)
        y0 = ctop if anc == 'top' else cbot - sum(vh)
        if layout.startswith('iphone') and s == 0 and anc == 'top' and vis and vis[0]['t'] == 'sep':
            pass
        yend, placed = draw_blocks(cv, layout, dark, vis, vh, y0, rnd, avatars)
        if layout.startswith('iphone') and vis and vis[-1]['t'] == 'msg' and vis[-1]['dir'] == 'out' and \
                e == len(blocks) and yend + 50 <= cbot + 24:
            bx = placed[-1][1]
            cv.text(bx[2] - 6, bx[3] + 30, 'Delivered' if layout.endswith('_en') else '已送达', 30,
                    (140, 140, 140), 'delivered', anchor='rm')
        recs = chat_records(layout, placed, vis, sender, taken_dt.date())
        outs.append(finish(cv, layout, dark, tdt, device, namer, rnd, recs, thread))
    return outs


def make_call(layout, gen, rnd, namer):
    device = layout.split('_')[0]
    dark = rnd.random() < 0.34
    taken_dt = rand_taken(rnd)
    W, Hh, cropped = pick_size(device, rnd)
    rows = call_rows(gen, taken_dt, 20, layout)
    cv, recs = render_calls(layout, W, Hh, dark, cropped, taken_dt.strftime('%H:%M'), rows, taken_dt, rnd)
    return [finish(cv, layout, dark, taken_dt, device, namer, rnd, recs, None)]


if __name__ == '__main__':
    main()

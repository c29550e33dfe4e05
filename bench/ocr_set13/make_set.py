#!/usr/bin/env python3
"""Deterministic generator for benchmark set ocr_set13.

Synthetic Chinese debt-collection phone screenshots (SMS, WeChat, call logs)
with exact truth (truth.jsonl) and a full draw log (drawlog.jsonl).
All people, companies, numbers, links and case numbers are invented.
Run:  /tmp/set13venv/bin/python make_set.py
"""
import io, json, os, random, datetime as DT
from PIL import Image, ImageDraw, ImageFont

OUT = os.path.dirname(os.path.abspath(__file__))
SEED = 20260313
REG = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'
BOLD = '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc'
FACE = 2  # Noto Sans CJK SC
_FC = {}


def font(size, bold=False):
    k = (int(size), bool(bold))
    if k not in _FC:
        _FC[k] = ImageFont.truetype(BOLD if bold else REG, int(size), index=FACE)
    return _FC[k]


def tlen(s, size, bold=False):
    return font(size, bold).getlength(s)


def hexc(c):
    return '#%02X%02X%02X' % c if isinstance(c, tuple) else c


class Canvas:
    def __init__(self, W, H, bg):
        self.W, self.H = W, H
        self.im = Image.new('RGB', (W, H), bg)
        self.d = ImageDraw.Draw(self.im)
        self.items = []

    def text(self, x, y, s, size, color, role, bold=False):
        f = font(size, bold)
        x, y = int(round(x)), int(round(y))
        mask, off = f.getmask2(s, mode='L', anchor='la')
        bb = mask.getbbox()
        self.d.text((x, y), s, font=f, fill=color, anchor='la')
        ink = [x + off[0] + bb[0], y + off[1] + bb[1], x + off[0] + bb[2], y + off[1] + bb[3]]
        self.items.append({'type': 'text', 'text': s, 'box': ink, 'role': role,
                           'color': hexc(color), 'size': int(size), 'bold': bool(bold)})
        return ink

    def rect(self, kind, box, fill, r=0, outline=None, width=1):
        box = [int(round(v)) for v in box]
        if r:
            self.d.rounded_rectangle(box, radius=int(r), fill=fill, outline=outline, width=width)
        else:
            self.d.rectangle(box, fill=fill, outline=outline, width=width)
        it = {'type': 'shape', 'kind': kind, 'box': box, 'fill': hexc(fill) if fill else None}
        if outline:
            it['outline'] = hexc(outline)
        self.items.append(it)

    def ellipse(self, kind, box, fill, outline=None, width=1):
        box = [int(round(v)) for v in box]
        self.d.ellipse(box, fill=fill, outline=outline, width=width)
        self.items.append({'type': 'shape', 'kind': kind, 'box': box, 'fill': hexc(fill) if fill else None})

    def poly(self, kind, pts, fill):
        pts = [(int(round(a)), int(round(b))) for a, b in pts]
        self.d.polygon(pts, fill=fill)
        xs = [p[0] for p in pts]; ys = [p[1] for p in pts]
        self.items.append({'type': 'shape', 'kind': kind, 'box': [min(xs), min(ys), max(xs), max(ys)],
                           'fill': hexc(fill), 'polygon': [list(p) for p in pts]})

    def line(self, kind, pts, fill, width):
        pts = [(int(round(a)), int(round(b))) for a, b in pts]
        self.d.line(pts, fill=fill, width=int(width))
        xs = [p[0] for p in pts]; ys = [p[1] for p in pts]
        self.items.append({'type': 'shape', 'kind': kind, 'box': [min(xs), min(ys), max(xs), max(ys)],
                           'fill': hexc(fill), 'points': [list(p) for p in pts]})


# ---------------------------------------------------------------- content
PLATS = ['鑫融易贷', '速借宝', '安心分期', '恒达普惠', '优米花', '金桔钱包', '云帆消费金融', '橙子借款', '禾信小贷', '悦享花']
FIRMS = ['杭州启衡律师事务所', '上海溯川律师事务所', '广州泓策法律咨询有限公司', '成都岷正律师事务所', '南京璟和调解中心']
COMPANIES = ['杭州禾泰信息咨询有限公司', '深圳前岭资产管理有限公司', '武汉楚诚商务服务有限公司']
DEBTORS = ['周先生', '李女士', '赵明', '孙丽娟', '钱先生', '吴女士', '郑建国', '冯小姐', '陈浩', '何女士']
COLLECTORS = ['王专员', '李主管', '张律师', '刘调解员', '黄经理', '杨专员']
COURTS = ['京0105', '浙0106', '沪0115', '粤0304', '苏0102', '川0107']
LINKS = ['http://jqb9.cn/a/Xk3p7', 'https://m.yfxf-h5.cn/pay?id=77310', 'http://sjb-app.cn/r/8Kx2Q',
         'https://hd.jjqb-pay.cn/s/T5m2', 'http://axfq.cc/h/0aZ91', 'https://czjk-m.cn/repay/4471']
LOCS = ['浙江杭州 移动', '广东深圳 联通', '江苏南京 电信', '四川成都 移动', '湖北武汉 联通', '上海 电信', '北京 移动',
        '河南郑州 移动', '福建厦门 电信', '山东济南 联通']
EMO = ['[捂脸]', '[抱拳]', '[OK]', '[微笑]', '[流泪]', '[握手]', '[叹气]', '[合十]']
NICKS = ['王专员-鑫融', '法务 张律师', '调解员小刘', '客服(阿杰)', 'Kevin 贷后', '黄经理', '小雅-安心分期', '老周']
GROUPS = ['速借宝还款协商群', '周先生债务处理群', '安心分期-逾期沟通', '家庭还款群', '鑫融贷后3组']
EN_PLATS = ['QuickLoan', 'CashPal', 'Yunfan Finance', 'OrangeCredit']


def amt(rng, lo=800, hi=98000, dec=None):
    v = rng.randint(lo, hi)
    if dec is None:
        dec = rng.random() < 0.4
    s = '{:,}'.format(v)
    if dec:
        s += '.%02d' % rng.randint(0, 99)
    return s


def case_no(rng, year):
    y = rng.choice([year, year - 1])
    if rng.random() < 0.5:
        return '(%d)%s民初%d号' % (y, rng.choice(COURTS), rng.randint(100, 39999))
    return '〔%d〕%s民诉前调%d号' % (y, rng.choice(COURTS), rng.randint(100, 9999))


def mobile(rng):
    return '1%d%d0000%04d' % (rng.choice([3, 5, 7, 8, 9]), rng.randint(0, 9), rng.randint(0, 9999))


def fill(rng, t, year):
    tail = '%04d' % rng.randint(0, 9999)
    m = rng.randint(1, 12)
    d = {
        'plat': rng.choice(PLATS), 'firm': rng.choice(FIRMS), 'company': rng.choice(COMPANIES),
        'debtor': rng.choice(DEBTORS), 'collector': rng.choice(COLLECTORS), 'amt': amt(rng),
        'amt2': amt(rng, 300, 9000, False), 'case': case_no(rng, year), 'link': rng.choice(LINKS),
        'tail': tail, 'days': rng.randint(3, 190), 'n': rng.choice([3, 6, 12, 24]),
        'mdate': '%d月%d日' % (m, rng.randint(1, 28)), 'phone': '400-8%02d-%04d' % (rng.randint(0, 99), rng.randint(0, 9999)),
        'mob': mobile(rng), 'card': '6222 **** **** %s' % tail, 'id': '3301%02d********%04d' % (rng.randint(1, 9), rng.randint(0, 9999)),
        'emo': rng.choice(EMO), 'plat_en': rng.choice(EN_PLATS), 'en_name': rng.choice(['Lisa', 'Kevin Wang', 'Amy', 'Mr. Zhang']), 'hh': rng.randint(15, 20),
    }
    return t.format(**d)


IN_T = [
    '【{plat}】尊敬的{debtor}，您在{plat}的借款已逾期{days}天，当前应还金额{amt}元，请于今日{hh}:00前登录APP或通过 {link} 还款，以免影响个人征信。',
    '{debtor}您好，我是{plat}贷后管理部{collector}，您尾号{tail}的银行卡本期账单¥{amt}未还，请尽快处理，联系电话{phone}。',
    '【{firm}】关于{plat}诉您借款合同纠纷一案，案号{case}，现通知您于{mdate}前联系我所协商，逾期将依法申请强制执行。',
    '您好，您的还款已到账¥{amt2}.00，剩余待还{amt}元，下期还款日为{mdate}。',
    '{debtor}，今天下午{hh}点前必须把最低还款{amt2}元打到对公账户，户名：{company}，账号：{card}，备注身份证后四位。',
    '[提醒] 您的账户已被列入重点催收名单，如再不处理我们将联系您的紧急联系人和工作单位。',
    '催收专员提醒：您申请的分期第3/{n}期已逾期，罚息每日按0.05%计算，当前合计￥{amt}。',
    '我们已收到您的协商申请，可申请减免部分罚息，首付{amt2}元后剩余分{n}期，请回复Y确认或拨打{phone}。',
    '在吗？',
    '今天能处理吗',
    '{debtor}，电话怎么一直不接？',
    '您的身份证号{id}已登记在案，请勿心存侥幸。',
    '最后通知：{hh}:30前未还款，案件将移交{firm}处理，届时产生的诉讼费用由您承担。',
    '还款链接：{link} 有效期24小时',
    '我们核实到您名下还有{plat}的欠款{amt}元，建议一并结清，可享受8.5折优惠（仅限本周）。',
    '好的，那就按您说的{mdate}之前先还{amt2}，剩下的我帮您申请延期。',
    '请问您是{debtor}本人吗？我们这边是{plat}客服中心，工号A{tail}。',
    '收到',
    '转账截图发我一下',
    '您好，本平台从未委托第三方催收，如遇威胁请拨打官方热线{phone}核实。回T退订',
]
OUT_T = [
    '我现在手头真的很紧，能不能先还{amt2}，剩下的下个月15号再还？',
    '请不要再打我家人和同事的电话了，有事直接找我。',
    '好的，我今天晚上8点前转过去。',
    '这个罚息怎么这么高？合同上不是这么写的',
    '已转账，尾号{tail}，麻烦查收一下',
    '收到',
    '你们是哪个律所的？案号{case}我去法院网站查不到',
    '我已经在还了，上周刚还了{amt2}元',
    '能不能减免一部分利息，本金我一定还',
    '你是谁？',
    '好',
    '我在上班，晚点回复',
    '请发一下正式的还款明细，包括本金、利息和罚息',
    '工资下周五发，发了第一时间还',
]
WX_IN_EXTRA = ['{emo}', '在不在{emo}', '{debtor}，回个消息{emo}', '今天必须给个说法', '语音不方便，打字说吧']
WX_OUT_EXTRA = ['好的{emo}', '知道了{emo}', '{emo}{emo}', '真的没钱了{emo}', '我尽量凑']
EN_IN = [
    'Hi, this is {en_name} from {plat_en} Collections. Your payment of CNY {amt} is {days} days overdue. Please call {phone} today.',
    'Reminder: your installment 3 of {n} is past due. Pay now to avoid extra fees.',
    'Please confirm whether you can make a partial payment before Friday.',
    'Final notice from {plat_en}. Your case may be transferred to a third-party agency.',
    '【{plat}】您的账单已逾期{days}天，请尽快还款 Pay here: {link}',
    'Payment received, thank you. Remaining balance: CNY {amt}.',
    '您好，请问今天可以还款吗？Please reply.',
]
EN_OUT = [
    'I will pay CNY {amt2} on Friday. Please stop calling my office.',
    'Who is this?',
    'OK, noted.',
    '我下周一前还{amt2}元，OK?',
    'Please send me the full statement by email.',
    '收到，thanks',
]


SHORT_IN = ['在吗？', '人呢？', '请尽快回复', '晚上8点前给答复', '看到回电话', '明天上午10点前必须处理', '已登记']
SHORT_OUT = ['好', '知道了', '在开会', '明天还', '别再打了', '已还', '稍等']
SHORT_EN = ['OK', 'Call me back please.', 'Noted, thanks.', '好的 OK']


def in_text(rng, year, family, en=False):
    if rng.random() < 0.3:
        return rng.choice(SHORT_EN if en else SHORT_IN + (['{}'.format(rng.choice(EMO))] if family == 'wechat' else []))
    if en:
        return fill(rng, rng.choice(EN_IN), year)
    pool = IN_T + (WX_IN_EXTRA if family == 'wechat' else [])
    return fill(rng, rng.choice(pool), year)


def out_text(rng, year, family, en=False):
    if rng.random() < 0.3:
        return rng.choice(SHORT_EN if en else SHORT_OUT + (['好的' + rng.choice(EMO)] if family == 'wechat' else []))
    if en:
        return fill(rng, rng.choice(EN_OUT), year)
    pool = OUT_T + (WX_OUT_EXTRA if family == 'wechat' else [])
    return fill(rng, rng.choice(pool), year)


# ---------------------------------------------------------------- time labels
WD_CN = '一二三四五六日'
WD_EN = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
MON_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']


def hm24(t):
    return '%02d:%02d' % (t.hour, t.minute)


def hm_period(t):  # Xiaomi style period words
    h = t.hour
    if h < 6:
        return '凌晨%d:%02d' % (12 if h == 0 else h, t.minute)
    if h < 9:
        return '早上%d:%02d' % (h, t.minute)
    if h < 12:
        return '上午%d:%02d' % (h, t.minute)
    if h == 12:
        return '中午12:%02d' % t.minute
    if h < 18:
        return '下午%d:%02d' % (h - 12, t.minute)
    return '晚上%d:%02d' % (h - 12, t.minute)


def hm_ampm_cn(t):
    h = t.hour
    if h < 12:
        return '上午%d:%02d' % (12 if h == 0 else h, t.minute)
    return '下午%d:%02d' % (12 if h == 12 else h - 12, t.minute)


def hm_en(t):
    h = t.hour
    return '%d:%02d %s' % (12 if h % 12 == 0 else h % 12, t.minute, 'AM' if h < 12 else 'PM')


def day_kind(dt, T):
    dd = (T.date() - dt.date()).days
    assert dd >= 0
    if dd == 0:
        return 'today', dd
    if dd == 1:
        return 'yday', dd
    if dd <= 6:
        return 'week', dd
    if dt.year == T.year:
        return 'date', dd
    return 'year', dd


def sep_label(layout, dt, T, rng):
    k, dd = day_kind(dt, T)
    wd = dt.weekday()
    md = '%d月%d日' % (dt.month, dt.day)
    ymd = '%d年%d月%d日' % (dt.year, dt.month, dt.day)
    if k == 'week' and rng.random() < 0.3:
        k = 'date' if dt.year == T.year else 'year'
    if layout == 'huawei_sms':
        return {'today': '今天', 'yday': '昨天', 'week': '星期' + WD_CN[wd], 'date': md + ' 星期' + WD_CN[wd], 'year': ymd}[k]
    if layout == 'honor_sms':
        return {'today': rng.choice(['今天', md + ' 周' + WD_CN[wd]]), 'yday': '昨天', 'week': '周' + WD_CN[wd],
                'date': md + ' 周' + WD_CN[wd], 'year': ymd + ' 周' + WD_CN[wd]}[k]
    if layout == 'vivo_sms':
        return {'today': '今天', 'yday': '昨天', 'week': '星期' + WD_CN[wd], 'date': md,
                'year': '%d/%d/%d' % (dt.year, dt.month, dt.day)}[k]
    if layout == 'xiaomi_sms':
        t = hm_period(dt)
        return {'today': rng.choice([t, '今天 ' + t]), 'yday': '昨天 ' + t, 'week': '星期' + WD_CN[wd] + ' ' + t,
                'date': md + ' ' + t, 'year': ymd + ' ' + t}[k]
    if layout == 'oppo_sms':
        t = hm24(dt)
        return {'today': rng.choice([t, '今天 ' + t]), 'yday': '昨天 ' + t, 'week': '周' + WD_CN[wd] + ' ' + t,
                'date': md + ' ' + t, 'year': ymd + ' ' + t}[k]
    if layout == 'iphone_sms':
        t = hm_ampm_cn(dt)
        return {'today': '今天 ' + t, 'yday': '昨天 ' + t, 'week': '星期' + WD_CN[wd] + ' ' + t,
                'date': md + ' 周' + WD_CN[wd] + ' ' + t, 'year': ymd + ' ' + t}[k]
    if layout == 'iphone_sms_en':
        t = hm_en(dt)
        return {'today': 'Today ' + t, 'yday': 'Yesterday ' + t, 'week': WD_EN[wd] + ' ' + t,
                'date': '%s, %s %d at %s' % (WD_EN[wd][:3], MON_EN[dt.month - 1], dt.day, t),
                'year': '%s %d, %d at %s' % (MON_EN[dt.month - 1], dt.day, dt.year, t)}[k]
    if layout.startswith('wechat'):
        t24 = hm24(dt)
        tp = hm_ampm_cn(dt)
        return {'today': t24, 'yday': '昨天 ' + t24, 'week': '星期' + WD_CN[wd] + ' ' + t24,
                'date': md + ' ' + rng.choice([t24, tp]), 'year': ymd + ' ' + tp}[k]
    raise ValueError(layout)


def call_label(layout, dt, T, rng):
    """returns (label, has_time)"""
    k, dd = day_kind(dt, T)
    wd = dt.weekday()
    md = '%d月%d日' % (dt.month, dt.day)
    if layout in ('huawei_calls', 'honor_calls'):
        if k == 'today':
            return hm24(dt), True
        if k == 'yday':
            return (('昨天 ' + hm24(dt), True) if rng.random() < 0.5 else ('昨天', False))
        if k == 'week':
            return ('星期' if layout == 'huawei_calls' else '周') + WD_CN[wd], False
        if k == 'date':
            return (md, False) if rng.random() < 0.6 else ('%s %s' % (md, hm24(dt)), True)
        return '%d/%d/%d' % (dt.year, dt.month, dt.day), False
    if layout == 'xiaomi_calls':
        if k == 'today':
            return hm_period(dt), True
        if k == 'yday':
            return (('昨天 ' + hm_period(dt), True) if rng.random() < 0.6 else ('昨天', False))
        if k == 'week':
            return '周' + WD_CN[wd], False
        if k == 'date':
            return md, False
        return '%d年%d月%d日' % (dt.year, dt.month, dt.day), False
    if layout == 'oppo_calls':
        if k == 'today':
            return hm24(dt), True
        if k == 'yday':
            return '昨天 ' + hm24(dt), True
        if k == 'week':
            return '周' + WD_CN[wd], False
        if k == 'date':
            return '%s %s' % (md, hm24(dt)), True
        return '%d/%d/%d' % (dt.year, dt.month, dt.day), False
    if layout == 'vivo_calls':
        if k == 'today':
            return hm24(dt), True
        if k == 'yday':
            return '昨天', False
        if k == 'week':
            return '星期' + WD_CN[wd], False
        if k == 'date':
            return md, False
        return '%d/%d/%d' % (dt.year, dt.month, dt.day), False
    if layout == 'iphone_calls':
        if k == 'today':
            return hm_ampm_cn(dt), True
        if k == 'yday':
            return '昨天', False
        if k == 'week':
            return '星期' + WD_CN[wd], False
        return '%d/%d/%d' % (dt.year, dt.month, dt.day), False
    raise ValueError(layout)


def iso(dt):
    return None if dt is None else dt.strftime('%Y-%m-%dT%H:%M:00+08:00')


# ---------------------------------------------------------------- wrapping
def is_ascii(s):
    return all(ord(c) < 128 for c in s)


def wrap(s, size, maxw, bold=False):
    if is_ascii(s):
        words = s.split(' ')
        lines, cur = [], ''
        for w in words:
            assert tlen(w, size, bold) <= maxw, (w, maxw)
            cand = w if not cur else cur + ' ' + w
            if tlen(cand, size, bold) <= maxw:
                cur = cand
            else:
                lines.append(cur)
                cur = w
        lines.append(cur)
        return lines
    mw = maxw
    while True:
        lines, cur = [], ''
        for ch in s:
            if tlen(cur + ch, size, bold) <= mw or not cur:
                cur += ch
            else:
                lines.append(cur)
                cur = ch
        lines.append(cur)
        bad = any(l.startswith(' ') or l.endswith(' ') for l in lines)
        if not bad:
            return lines
        mw -= size * 0.5


# ---------------------------------------------------------------- specs
def C(h):
    h = h.lstrip('#')
    return tuple(int(h[i:i + 2], 16) for i in (0, 2, 4))


CHAT = {
    'huawei_sms': dict(family='sms', os='android', clock_right=True, carrier=True, header='left_avatar', own='below', sim='text',
                       L=dict(bg='#F1F3F5', hdr='#F1F3F5', inb='#FFFFFF', outb='#007DFF', intx='#191919', outtx='#FFFFFF', sub='#8A8A8A', fg='#191919', inp='#FFFFFF'),
                       D=dict(bg='#000000', hdr='#000000', inb='#262626', outb='#3F56EA', intx='#E6E6E6', outtx='#FFFFFF', sub='#8C8C8C', fg='#E6E6E6', inp='#1F1F1F'),
                       fs=46, r=36, maxw=0.68, ph='短信/彩信', sepstyle='plain'),
    'honor_sms': dict(family='sms', os='android', clock_right=False, carrier=False, header='left', own='below', sim='badge',
                      L=dict(bg='#F5F5F5', hdr='#F5F5F5', inb='#FFFFFF', outb='#D3E4FF', intx='#1A1A1A', outtx='#0B2A5B', sub='#999999', fg='#1A1A1A', inp='#FFFFFF'),
                      D=dict(bg='#0E0E0E', hdr='#0E0E0E', inb='#2A2A2A', outb='#1E3A78', intx='#E8E8E8', outtx='#E8F0FF', sub='#808080', fg='#E8E8E8', inp='#222222'),
                      fs=44, r=28, maxw=0.70, ph='输入短信', sepstyle='plain'),
    'xiaomi_sms': dict(family='sms', os='android', clock_right=False, carrier=False, header='center', own=None, sim=None,
                       L=dict(bg='#FFFFFF', hdr='#FFFFFF', inb='#F2F2F2', outb='#3482FF', intx='#000000', outtx='#FFFFFF', sub='#A0A0A0', fg='#000000', inp='#F2F2F2'),
                       D=dict(bg='#000000', hdr='#000000', inb='#1F1F1F', outb='#2C6BD9', intx='#EDEDED', outtx='#FFFFFF', sub='#7A7A7A', fg='#EDEDED', inp='#1F1F1F'),
                       fs=47, r=44, maxw=0.70, ph='短信', sepstyle='plain'),
    'oppo_sms': dict(family='sms', os='android', clock_right=False, carrier=False, header='left_big', own=None, sim=None,
                     L=dict(bg='#FAFAFA', hdr='#FAFAFA', inb='#EDEEF0', outb='#2AD181', intx='#1C1C1C', outtx='#FFFFFF', sub='#8F8F8F', fg='#1C1C1C', inp='#EDEEF0'),
                     D=dict(bg='#121212', hdr='#121212', inb='#2B2B2D', outb='#1F9E62', intx='#EAEAEA', outtx='#FFFFFF', sub='#808080', fg='#EAEAEA', inp='#2B2B2D'),
                     fs=45, r=40, maxw=0.69, ph='发送短信', sepstyle='plain'),
    'vivo_sms': dict(family='sms', os='android', clock_right=False, carrier=False, header='left', own='beside', sim=None,
                     L=dict(bg='#FFFFFF', hdr='#FFFFFF', inb='#F0F2F5', outb='#456FFF', intx='#222222', outtx='#FFFFFF', sub='#A3A3A3', fg='#222222', inp='#F0F2F5'),
                     D=dict(bg='#0A0A0A', hdr='#0A0A0A', inb='#242527', outb='#3558D8', intx='#E5E5E5', outtx='#FFFFFF', sub='#7C7C7C', fg='#E5E5E5', inp='#242527'),
                     fs=45, r=34, maxw=0.64, ph='短信', sepstyle='pill'),
    'iphone_sms': dict(family='sms', os='ios', header='ios', own=None, sim=None,
                       L=dict(bg='#FFFFFF', hdr='#F7F7F7', inb='#E9E9EB', outb='#34C759', intx='#000000', outtx='#FFFFFF', sub='#8E8E93', fg='#000000', inp='#FFFFFF'),
                       D=dict(bg='#000000', hdr='#1C1C1E', inb='#262628', outb='#30B650', intx='#FFFFFF', outtx='#FFFFFF', sub='#8E8E93', fg='#FFFFFF', inp='#000000'),
                       fs=50, r=52, maxw=0.70, ph='短信/彩信', sepstyle='plain'),
    'iphone_sms_en': dict(family='sms', os='ios', header='ios', own=None, sim=None,
                          L=dict(bg='#FFFFFF', hdr='#F7F7F7', inb='#E9E9EB', outb='#34C759', intx='#000000', outtx='#FFFFFF', sub='#8E8E93', fg='#000000', inp='#FFFFFF'),
                          D=dict(bg='#000000', hdr='#1C1C1E', inb='#262628', outb='#30B650', intx='#FFFFFF', outtx='#FFFFFF', sub='#8E8E93', fg='#FFFFFF', inp='#000000'),
                          fs=50, r=52, maxw=0.70, ph='Text Message', sepstyle='plain'),
    'wechat_private': dict(family='wechat', os='android', clock_right=False, carrier=False, header='wechat', own=None, sim=None,
                           L=dict(bg='#EDEDED', hdr='#EDEDED', inb='#FFFFFF', outb='#95EC69', intx='#191919', outtx='#191919', sub='#9E9E9E', fg='#191919', inp='#F7F7F7'),
                           D=dict(bg='#111111', hdr='#111111', inb='#2C2C2C', outb='#3EB575', intx='#D5D5D5', outtx='#0E0E0E', sub='#6B6B6B', fg='#D5D5D5', inp='#1E1E1E'),
                           fs=48, r=12, maxw=0.62, ph='', sepstyle='plain'),
    'wechat_group': dict(family='wechat', os='android', clock_right=False, carrier=False, header='wechat', own=None, sim=None,
                         L=dict(bg='#EDEDED', hdr='#EDEDED', inb='#FFFFFF', outb='#95EC69', intx='#191919', outtx='#191919', sub='#9E9E9E', fg='#191919', inp='#F7F7F7'),
                         D=dict(bg='#111111', hdr='#111111', inb='#2C2C2C', outb='#3EB575', intx='#D5D5D5', outtx='#0E0E0E', sub='#6B6B6B', fg='#D5D5D5', inp='#1E1E1E'),
                         fs=48, r=12, maxw=0.58, ph='', sepstyle='plain'),
}
DATE_ONLY = {'huawei_sms', 'honor_sms', 'vivo_sms'}

# ---------------------------------------------------------------- icon polygons (unit square)
ARROW_OUT = [(0.40, 0.08), (0.92, 0.08), (0.92, 0.60), (0.74, 0.42), (0.22, 0.94), (0.06, 0.78), (0.58, 0.26)]
ARROW_IN = [(1 - x, 1 - y) for x, y in ARROW_OUT]
MISSED = [(0.04, 0.30), (0.18, 0.16), (0.50, 0.48), (0.70, 0.28), (0.52, 0.28), (0.52, 0.12), (0.96, 0.12),
          (0.96, 0.56), (0.80, 0.56), (0.80, 0.40), (0.50, 0.76)]
ICONS = {'outgoing': ('icon_call_out', ARROW_OUT), 'incoming': ('icon_call_in', ARROW_IN), 'missed': ('icon_call_missed', MISSED)}


def status_bar(cv, spec, pal, clock, s, en=False):
    W = cv.W
    fg = C(pal['fg'])
    if spec.get('os') == 'ios':
        sh = int(round(140 * s))
        cv.rect('statusbar', [0, 0, W, sh], C(pal['hdr']))
        t = clock if not en else '%d:%02d' % (int(clock[:2]) % 12 or 12, int(clock[3:]))
        fs = 46 * s
        tw = tlen(t, fs, True)
        cv.text(W * 0.17 - tw / 2, 44 * s, t, fs, fg, 'status', True)
        x = W - 260 * s
        for i in range(4):
            h = (14 + 8 * i) * s
            cv.rect('icon_signal', [x + i * 16 * s, 92 * s - h, x + i * 16 * s + 10 * s, 92 * s], fg)
        cv.poly('icon_wifi', [(W - 175 * s, 60 * s), (W - 125 * s, 60 * s), (W - 150 * s, 92 * s)], fg)
        cv.rect('icon_battery', [W - 105 * s, 58 * s, W - 45 * s, 90 * s], None, r=8 * s, outline=fg, width=max(2, int(3 * s)))
        cv.rect('icon_battery_fill', [W - 100 * s, 63 * s, W - 68 * s, 85 * s], fg, r=4 * s)
        return sh
    sh = int(round(96 * s))
    cv.rect('statusbar', [0, 0, W, sh], C(pal['hdr']))
    fs = 38 * s
    if spec.get('clock_right'):
        tw = tlen(clock, fs)
        cv.text(W - 50 * s - tw, 26 * s, clock, fs, fg, 'status')
        if spec.get('carrier'):
            cv.text(50 * s, 26 * s, '中国移动 5G', 34 * s, fg, 'status')
        bx = W - 90 * s - tw - 130 * s
    else:
        cv.text(50 * s, 26 * s, clock, fs, fg, 'status')
        bx = W - 180 * s
        cv.text(W - 118 * s, 28 * s, '86', 32 * s, fg, 'status')
    cv.rect('icon_battery', [bx + 60 * s, 34 * s, bx + 110 * s, 62 * s], None, r=6 * s, outline=fg, width=2)
    for i in range(4):
        h = (10 + 7 * i) * s
        cv.rect('icon_signal', [bx - 80 * s + i * 12 * s, 64 * s - h, bx - 80 * s + i * 12 * s + 8 * s, 64 * s], fg)
    cv.poly('icon_wifi', [(bx - 10 * s, 34 * s), (bx + 38 * s, 34 * s), (bx + 14 * s, 64 * s)], fg)
    return sh


def back_arrow(cv, x, y, s, col, size=40):
    h = size * s
    cv.poly('icon_back', [(x + h * 0.55, y), (x + h * 0.7, y + h * 0.14), (x + h * 0.3, y + h * 0.5),
                          (x + h * 0.7, y + h * 0.86), (x + h * 0.55, y + h), (x, y + h * 0.5)], col)


# ---------------------------------------------------------------- chat screens
def display_number(rng, digits):
    if digits.startswith('1') and len(digits) == 11:
        f = rng.choice(['+86 %s %s %s', '%s %s %s', '+86 %s%s%s'])
        return f % (digits[:3], digits[3:7], digits[7:])
    if digits.startswith('0571'):
        return '0571-%s %s' % (digits[4:8], digits[8:])
    if digits.startswith('400'):
        return '%s-%s-%s' % (digits[:3], digits[3:6], digits[6:])
    return digits


def header_chat(cv, spec, pal, top, s, title, subtitle):
    W = cv.W
    fg = C(pal['fg']); sub = C(pal['sub'])
    hk = spec['header']
    if hk == 'ios':
        hh = int(250 * s)
        cv.rect('header', [0, top, W, top + hh], C(pal['hdr']))
        back_arrow(cv, 36 * s, top + 30 * s, s, C('#0A84FF'), 44)
        cv.ellipse('avatar', [W / 2 - 62 * s, top + 10 * s, W / 2 + 62 * s, top + 134 * s], C('#A1A7B3'))
        cv.ellipse('avatar_head', [W / 2 - 24 * s, top + 36 * s, W / 2 + 24 * s, top + 84 * s], C('#E4E6EA'))
        fs = 34 * s
        tw = tlen(title, fs)
        cv.text(W / 2 - tw / 2, top + 152 * s, title, fs, fg, 'title')
        cv.poly('icon_chevron', [(W / 2 + tw / 2 + 10 * s, top + 162 * s), (W / 2 + tw / 2 + 16 * s, top + 162 * s),
                                 (W / 2 + tw / 2 + 26 * s, top + 176 * s), (W / 2 + tw / 2 + 16 * s, top + 190 * s),
                                 (W / 2 + tw / 2 + 10 * s, top + 190 * s), (W / 2 + tw / 2 + 20 * s, top + 176 * s)], sub)
        cv.rect('divider', [0, top + hh - 2, W, top + hh], C('#3A3A3C') if pal['bg'] == '#000000' else C('#D8D8DC'))
        return top + hh
    if hk == 'wechat':
        hh = int(140 * s)
        cv.rect('header', [0, top, W, top + hh], C(pal['hdr']))
        back_arrow(cv, 40 * s, top + 48 * s, s, fg, 44)
        fs = 50 * s
        tw = tlen(title, fs, True)
        cv.text(W / 2 - tw / 2, top + 40 * s, title, fs, fg, 'title', True)
        for i in range(3):
            cv.ellipse('icon_more', [W - 110 * s + i * 26 * s, top + 64 * s, W - 96 * s + i * 26 * s, top + 78 * s], fg)
        cv.rect('divider', [0, top + hh - 1, W, top + hh], C('#D6D6D6') if pal['bg'] == '#EDEDED' else C('#262626'))
        return top + hh
    hh = int((200 if subtitle else 150) * s)
    cv.rect('header', [0, top, W, top + hh], C(pal['hdr']))
    back_arrow(cv, 44 * s, top + 50 * s, s, fg, 44)
    if hk == 'left_avatar':
        cv.ellipse('avatar', [120 * s, top + 26 * s, 210 * s, top + 116 * s], C('#7F9CF5'))
        tx = 236 * s
    else:
        tx = 130 * s
    fs = {'left_big': 56, 'center': 50}.get(hk, 52) * s
    tw = tlen(title, fs, hk == 'left_big')
    if hk == 'center':
        tx = W / 2 - tw / 2
    cv.text(tx, top + 34 * s, title, fs, fg, 'title', hk == 'left_big')
    if subtitle:
        sw = tlen(subtitle, 34 * s)
        sx = W / 2 - sw / 2 if hk == 'center' else tx
        cv.text(sx, top + 120 * s, subtitle, 34 * s, sub, 'subtitle')
    # phone + more icons on right
    cv.poly('icon_phone', [(W - 190 * s, top + 50 * s), (W - 170 * s, top + 46 * s), (W - 150 * s, top + 90 * s),
                           (W - 170 * s, top + 100 * s)], fg)
    for i in range(3):
        cv.ellipse('icon_more', [W - 72 * s, top + 44 * s + i * 22 * s, W - 60 * s, top + 56 * s + i * 22 * s], fg)
    return top + hh


def input_bar(cv, spec, pal, s, bottom):
    W = cv.W
    fg = C(pal['fg']); sub = C(pal['sub'])
    ih = int(150 * s)
    top = bottom - ih
    cv.rect('inputbar', [0, top, W, bottom], C(pal['bg']) if spec['family'] != 'wechat' else C(pal['inp']))
    if spec['family'] == 'wechat':
        cv.ellipse('icon_voice', [30 * s, top + 40 * s, 100 * s, top + 110 * s], None, outline=fg, width=3)
        cv.rect('input_field', [125 * s, top + 28 * s, W - 260 * s, top + 122 * s], C('#FFFFFF') if pal['bg'] == '#EDEDED' else C('#2C2C2C'), r=10 * s)
        cv.ellipse('icon_emoji', [W - 230 * s, top + 40 * s, W - 160 * s, top + 110 * s], None, outline=fg, width=3)
        cv.ellipse('icon_plus', [W - 130 * s, top + 40 * s, W - 60 * s, top + 110 * s], None, outline=fg, width=3)
        return top
    cv.ellipse('icon_add', [30 * s, top + 40 * s, 100 * s, top + 110 * s], C(pal['inp']))
    cv.rect('input_field', [125 * s, top + 30 * s, W - 130 * s, top + 120 * s], C(pal['inp']), r=45 * s,
            outline=C(pal['sub']) if spec['os'] == 'ios' else None, width=2)
    cv.text(160 * s, top + 50 * s, spec['ph'], 40 * s, sub, 'placeholder')
    cv.ellipse('icon_send', [W - 110 * s, top + 40 * s, W - 40 * s, top + 110 * s], C(pal['outb']))
    return top


class Chat:
    """element list: ('sep', dt) / ('msg', dir, text, dt, extra) / ('note', text) / ('sys', text)"""

    def __init__(self, layout, spec, dark, W, s):
        self.layout, self.spec, self.dark, self.W, self.s = layout, spec, dark, W, s
        self.pal = spec['D'] if dark else spec['L']
        self.fs = spec['fs'] * s
        self.lh = self.fs * 1.42
        self.padx = 36 * s if spec['family'] != 'wechat' else 30 * s
        self.pady = 26 * s if spec['family'] != 'wechat' else 24 * s
        self.avatar = spec['family'] == 'wechat'
        self.group = layout == 'wechat_group'
        self.maxw = W * spec['maxw'] - 2 * self.padx

    def lines(self, text):
        return wrap(text, self.fs, self.maxw)

    def height(self, el, labels):
        s = self.s
        k = el[0]
        if k == 'sep':
            return 90 * s
        if k in ('note', 'sys'):
            return 80 * s
        n = len(self.lines(el[2]))
        h = n * self.lh + 2 * self.pady
        if self.avatar:
            h = max(h, 112 * s)
        if self.group and el[1] == 'in':
            h += 50 * s
        if self.spec['own'] == 'below':
            h += 56 * s
        return h + 30 * s

    def draw(self, cv, el, y, label, ctx):
        s, W, pal, spec = self.s, self.W, self.pal, self.spec
        k = el[0]
        if k == 'sep':
            fs = 34 * s if spec['family'] != 'wechat' else 32 * s
            tw = tlen(label, fs)
            col = C(pal['sub'])
            if spec['sepstyle'] == 'pill':
                cv.rect('sep_pill', [W / 2 - tw / 2 - 24 * s, y + 12 * s, W / 2 + tw / 2 + 24 * s, y + 74 * s], C(pal['inb']), r=31 * s)
            cv.text(W / 2 - tw / 2, y + 22 * s, label, fs, col, 'sep')
            return
        if k in ('note', 'sys'):
            fs = 32 * s
            tw = tlen(el[1], fs)
            cv.text(W / 2 - tw / 2, y + 20 * s, el[1], fs, C(pal['sub']), 'note' if k == 'note' else 'system')
            return
        _, d, text, dt, extra = el
        lines = self.lines(text)
        bw = max(tlen(l, self.fs) for l in lines) + 2 * self.padx
        bh = len(lines) * self.lh + 2 * self.pady
        av = 112 * s
        yb = y
        if self.avatar:
            if d == 'in':
                cv.rect('avatar', [30 * s, y, 30 * s + av, y + av], C(extra.get('avc', '#6C8EBF')), r=10 * s)
                bx0 = 30 * s + av + 24 * s
            else:
                cv.rect('avatar', [W - 30 * s - av, y, W - 30 * s, y + av], C('#C99A6B'), r=10 * s)
                bx0 = W - 30 * s - av - 24 * s - bw
            if self.group and d == 'in':
                cv.text(bx0 + 4 * s, y - 2 * s, extra['nick'], 32 * s, C(pal['sub']), 'nick')
                yb = y + 50 * s
        else:
            bx0 = 40 * s if d == 'in' else W - 40 * s - bw
            if spec['own'] == 'beside' and d == 'out':
                bx0 = W - 40 * s - bw
        bcol = C(pal['inb'] if d == 'in' else pal['outb'])
        tcol = C(pal['intx'] if d == 'in' else pal['outtx'])
        cv.rect('bubble_in' if d == 'in' else 'bubble_out', [bx0, yb, bx0 + bw, yb + bh], bcol, r=spec['r'] * s)
        if self.avatar:  # little tail
            ty = yb + 40 * s
            if d == 'in':
                cv.poly('bubble_tail', [(bx0 + 1, ty - 14 * s), (bx0 - 14 * s, ty), (bx0 + 1, ty + 14 * s)], bcol)
            else:
                cv.poly('bubble_tail', [(bx0 + bw - 1, ty - 14 * s), (bx0 + bw + 14 * s, ty), (bx0 + bw - 1, ty + 14 * s)], bcol)
        for i, l in enumerate(lines):
            cv.text(bx0 + self.padx, yb + self.pady + i * self.lh + self.lh * 0.12 - 2 * s, l, self.fs, tcol, 'msg')
        own = spec['own']
        if own == 'below':
            t = hm24(dt)
            fs = 30 * s
            yt = yb + bh + 12 * s
            x = bx0 + 8 * s if d == 'in' else bx0 + bw - 8 * s - tlen(t, fs)
            cv.text(x, yt, t, fs, C(pal['sub']), 'msg_time')
            sim = extra.get('sim')
            if sim:
                if spec['sim'] == 'text':
                    lab = '卡%d' % sim
                    lw = tlen(lab, fs)
                    sx = x + tlen(t, fs) + 16 * s if d == 'in' else x - 16 * s - lw
                    cv.text(sx, yt, lab, fs, C(pal['sub']), 'sim')
                else:
                    bxs = x + tlen(t, fs) + 14 * s if d == 'in' else x - 46 * s
                    cv.rect('sim_badge', [bxs, yt + 4 * s, bxs + 30 * s, yt + 38 * s], None, r=5 * s, outline=C(pal['sub']), width=2)
                    cv.text(bxs + 8 * s, yt + 4 * s, str(sim), 24 * s, C(pal['sub']), 'sim')
        elif own == 'beside':
            t = hm24(dt)
            fs = 28 * s
            tw = tlen(t, fs)
            yt = yb + bh - 40 * s
            x = bx0 + bw + 14 * s if d == 'in' else bx0 - 14 * s - tw
            cv.text(x, yt, t, fs, C(pal['sub']), 'msg_time')


def build_groups(rng, T, layout, n_groups, en, family, pair_last=None, min_msgs=1):
    """returns chronological element list. pair_last: day offset forced for last group."""
    date_only = layout in DATE_ONLY
    offs_pool = [0, 0, 1, 2, 3, 4, 5, 6, 8, 12, 20, 35, 60, 110, 200, 380]
    offs = sorted(set(rng.sample(offs_pool, n_groups)), reverse=True)
    if pair_last is not None:
        offs = [o for o in offs if o > pair_last] + [pair_last]
    els = []
    used = set()
    prev_dt = None
    for gi, o in enumerate(offs):
        day = T.date() - DT.timedelta(days=o)
        if date_only and day in used:
            continue
        used.add(day)
        reps = 1 if date_only or rng.random() < 0.6 else 2
        hours = sorted(rng.sample([0, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23], reps))
        for h in hours:
            base = DT.datetime(day.year, day.month, day.day, h, rng.randint(0, 59))
            if o == 0 or (pair_last is not None and o == pair_last):
                lim = T - DT.timedelta(minutes=40)
                if base >= lim or (o == 0 and base.date() != T.date()):
                    base = DT.datetime(day.year, day.month, day.day, max(0, min(lim.hour - 1, 9)), rng.randint(0, 59))
                    if base >= lim:
                        base = DT.datetime(day.year, day.month, day.day, 0, 5)
            if prev_dt is not None and base <= prev_dt:
                continue
            nm = rng.choice([1, 1, 2, 2, 3, 4]) if gi else rng.choice([2, 3])
            nm = max(nm, min_msgs)
            els.append(('sep', base))
            t = base
            for i in range(nm):
                d = 'in' if rng.random() < 0.62 else 'out'
                txt = in_text(rng, T.year, family, en) if d == 'in' else out_text(rng, T.year, family, en)
                if date_only and i:
                    t = t + DT.timedelta(minutes=rng.randint(0, 7))
                    if t.date() != base.date():
                        t = base
                mt = t if date_only else base
                els.append(['msg', d, txt, mt, {}])
            prev_dt = t
    return els


def decorate(rng, els, layout, spec):
    nicks = rng.sample(NICKS, 3)
    avc = {n: c for n, c in zip(nicks, ['#6C8EBF', '#B07AA1', '#59A14F'])}
    out = []
    for e in els:
        if e[0] == 'msg':
            ex = {}
            if spec['own'] == 'below' and spec['sim'] and rng.random() < 0.45:
                ex['sim'] = rng.choice([1, 2])
            if layout == 'wechat_group' and e[1] == 'in':
                ex['nick'] = rng.choice(nicks)
                ex['avc'] = avc[ex['nick']]
            e = ('msg', e[1], e[2], e[3], ex)
        out.append(e)
    return out


# ---------------------------------------------------------------- names / sizes
ANDROID_SIZES = [(1080, 2340), (1080, 2400), (1080, 2340), (1080, 2400), (1080, 1920)]
IOS_SIZES = [(1170, 2532), (1179, 2556)]


def file_name(rng, layout, T, jpeg, used):
    ios = layout.startswith('iphone')
    while True:
        if jpeg:
            n = 'IMG_%s.jpg' % T.strftime('%Y%m%d_%H%M%S')
        elif ios:
            n = ('IMG_%04d.PNG' % rng.randint(1000, 9999)) if rng.random() < 0.5 else \
                'Screenshot %s at %s.png' % (T.strftime('%Y-%m-%d'), T.strftime('%H.%M.%S'))
        else:
            n = ('Screenshot_%s.png' % T.strftime('%Y%m%d_%H%M%S')) if rng.random() < 0.6 else \
                'Screenshot_%s.png' % T.strftime('%Y-%m-%d-%H-%M-%S')
        if n not in used:
            used.add(n)
            return n
        T = T + DT.timedelta(seconds=1)


def render_chat(rng, layout, T, dark, W, H, els, title, subtitle, fit='bottom', cropped=False, sender=None,
                group_title=None):
    spec = CHAT[layout]
    s = W / 1080.0 if spec['os'] == 'android' else W / 1170.0
    ch = Chat(layout, spec, dark, W, s)
    cv = Canvas(W, H, C(ch.pal['bg']))
    en = layout == 'iphone_sms_en'
    top = status_bar(cv, spec, ch.pal, hm24(T), s, en)
    top = header_chat(cv, spec, ch.pal, top, s, title, subtitle)
    bottom = H - (int(40 * s) if spec['os'] == 'ios' else 0)
    if not cropped:
        bottom = input_bar(cv, spec, ch.pal, s, bottom)
        if spec['os'] == 'ios':
            cv.rect('home_indicator', [W / 2 - 140 * s, H - 24 * s, W / 2 + 140 * s, H - 14 * s], C(ch.pal['fg']), r=5 * s)
    area_top = top + 24 * s
    area_bot = bottom - 20 * s
    labels = {}
    for i, e in enumerate(els):
        if e[0] == 'sep':
            labels[i] = sep_label(layout, e[1], T, rng)
    hs = [ch.height(e, labels) for e in els]
    avail = area_bot - area_top
    if fit == 'bottom':
        end = len(els)
        start = end
        tot = 0
        while start > 0 and tot + hs[start - 1] <= avail:
            start -= 1
            tot += hs[start]
    else:
        start = 0
        tot = 0
        end = 0
        while end < len(els) and tot + hs[end] <= avail:
            tot += hs[end]
            end += 1
    y = area_top if fit == 'top' else area_bot - tot
    recs, drawn = [], []
    cur_sep = None
    for i in range(start, end):
        e = els[i]
        ch.draw(cv, e, y, labels.get(i), None)
        if e[0] == 'sep':
            cur_sep = e[1]
        elif e[0] == 'msg':
            if cur_sep is None:
                occ = None
            elif layout in DATE_ONLY:
                occ = DT.datetime.combine(cur_sep.date(), e[3].time())
            else:
                occ = cur_sep
            d = e[1]
            if spec['family'] == 'wechat':
                if layout == 'wechat_group':
                    snd = e[4]['nick'] if d == 'in' else group_title
                else:
                    snd = title
            else:
                snd = sender
            recs.append({'kind': 'im' if spec['family'] == 'wechat' else 'sms', 'sender': snd, 'occurred_at': iso(occ),
                         'direction': d, 'text': e[2], 'call_type': None, 'duration_seconds': None})
            drawn.append(i)
        y += hs[i]
    return cv, recs, drawn, start, end


# ---------------------------------------------------------------- call logs
CALLSPEC = {
    'huawei_calls': dict(os='android', clock_right=True, carrier=True, icon='sub', title='电话', rh=196, nfs=50, sfs=36, dur=None,
                         L=dict(bg='#FFFFFF', hdr='#FFFFFF', fg='#191919', sub='#8A8A8A', red='#E84026', acc='#007DFF', div='#EDEDED'),
                         D=dict(bg='#000000', hdr='#000000', fg='#E6E6E6', sub='#8C8C8C', red='#F2543A', acc='#3F8CFF', div='#1E1E1E')),
    'honor_calls': dict(os='android', clock_right=False, carrier=False, icon='left', title='通话', rh=188, nfs=48, sfs=34, dur=None,
                        L=dict(bg='#F7F7F7', hdr='#F7F7F7', fg='#1A1A1A', sub='#999999', red='#FA2A2D', acc='#256FFF', div='#E6E6E6'),
                        D=dict(bg='#0E0E0E', hdr='#0E0E0E', fg='#E8E8E8', sub='#808080', red='#FF4D4F', acc='#4D8BFF', div='#222222')),
    'xiaomi_calls': dict(os='android', clock_right=False, carrier=False, icon='sub', title='通话记录', rh=200, nfs=50, sfs=36, dur='xiaomi',
                         L=dict(bg='#FFFFFF', hdr='#FFFFFF', fg='#000000', sub='#999999', red='#F0413C', acc='#0D84FF', div='#F0F0F0'),
                         D=dict(bg='#000000', hdr='#000000', fg='#EDEDED', sub='#7A7A7A', red='#FF5A55', acc='#3C9BFF', div='#1A1A1A')),
    'oppo_calls': dict(os='android', clock_right=False, carrier=False, icon='left', title='通话记录', rh=192, nfs=48, sfs=34, dur='plain',
                       L=dict(bg='#FAFAFA', hdr='#FAFAFA', fg='#1C1C1C', sub='#8F8F8F', red='#EE3B3B', acc='#2AD181', div='#EBEBEB'),
                       D=dict(bg='#121212', hdr='#121212', fg='#EAEAEA', sub='#808080', red='#FF5C5C', acc='#2AD181', div='#252525')),
    'vivo_calls': dict(os='android', clock_right=False, carrier=False, icon='sub', title='电话', rh=190, nfs=49, sfs=35, dur='plain',
                       L=dict(bg='#FFFFFF', hdr='#FFFFFF', fg='#222222', sub='#A3A3A3', red='#F54A45', acc='#456FFF', div='#F0F0F0'),
                       D=dict(bg='#0A0A0A', hdr='#0A0A0A', fg='#E5E5E5', sub='#7C7C7C', red='#FF5F5A', acc='#5C80FF', div='#1C1C1C')),
    'iphone_calls': dict(os='ios', icon='left', title='最近通话', rh=150, nfs=50, sfs=36, dur=None,
                         L=dict(bg='#FFFFFF', hdr='#FFFFFF', fg='#000000', sub='#8E8E93', red='#FF3B30', acc='#007AFF', div='#E5E5EA'),
                         D=dict(bg='#000000', hdr='#000000', fg='#FFFFFF', sub='#8E8E93', red='#FF453A', acc='#0A84FF', div='#2C2C2E')),
}
CALL_NAMES = ['催收 王专员', '陈经理(调解)', '速借宝客服', '安心分期(贷后)', '张律师', '妈妈', '老婆', '公司前台', '快递', '李主管-鑫融',
              '刘调解员', '房东 吴姐']


def fmt_dur(sec):
    m, s = divmod(sec, 60)
    h, m = divmod(m, 60)
    if h:
        return '%d小时%d分%d秒' % (h, m, s)
    if m:
        return '%d分%d秒' % (m, s)
    return '%d秒' % s


def gen_calls(rng, T, n):
    rows = []
    t = T - DT.timedelta(minutes=rng.randint(3, 50))
    for i in range(n):
        r = rng.random()
        if r < 0.12:
            gap = rng.randint(2, 30)
        elif r < 0.5:
            gap = rng.randint(30, 300)
        elif r < 0.8:
            gap = rng.randint(300, 1500)
        else:
            gap = rng.randint(1500, 20000)
        if i:
            t = t - DT.timedelta(minutes=gap)
        ct = rng.choices(['missed', 'incoming', 'outgoing'], [0.45, 0.3, 0.25])[0]
        if rng.random() < 0.4:
            who = ('name', rng.choice(CALL_NAMES))
        else:
            p = rng.random()
            if p < 0.7:
                dg = mobile(rng)
            elif p < 0.82:
                dg = '05718%03d%04d' % (rng.randint(0, 999), rng.randint(0, 9999))
            elif p < 0.92:
                dg = '4008%02d%04d' % (rng.randint(0, 99), rng.randint(0, 9999))
            else:
                dg = '95%03d' % rng.randint(100, 999)
            who = ('num', dg)
        dur = None
        connected = True
        if ct == 'incoming':
            dur = rng.choice([rng.randint(3, 59), rng.randint(60, 600), rng.randint(600, 4000)])
        elif ct == 'outgoing':
            if rng.random() < 0.3:
                connected = False
            else:
                dur = rng.choice([rng.randint(3, 59), rng.randint(60, 900)])
        cnt = rng.choice([2, 3, 4, 6]) if rng.random() < 0.22 else None
        rows.append(dict(dt=t.replace(second=0), type=ct, who=who, dur=dur, connected=connected, cnt=cnt,
                         loc=rng.choice(LOCS), sim=rng.choice([1, 2]) if rng.random() < 0.6 else None))
    return rows


def call_icon(cv, ctype, x, y, size, col):
    kind, unit = ICONS[ctype]
    cv.poly(kind, [(x + u * size, y + v * size) for u, v in unit], col)


def render_calls(rng, layout, T, dark, W, H, rows, cropped=False):
    sp = CALLSPEC[layout]
    pal = sp['D'] if dark else sp['L']
    s = W / 1080.0 if sp['os'] == 'android' else W / 1170.0
    cv = Canvas(W, H, C(pal['bg']))
    fg, sub, red, acc = C(pal['fg']), C(pal['sub']), C(pal['red']), C(pal['acc'])
    top = status_bar(cv, dict(os=sp['os'], clock_right=sp.get('clock_right'), carrier=sp.get('carrier')),
                     dict(fg=pal['fg'], hdr=pal['hdr']), hm24(T), s)
    if sp['os'] == 'ios':
        cv.text(40 * s, top + 20 * s, '编辑', 44 * s, acc, 'header')
        cv.rect('segmented', [W / 2 - 250 * s, top + 14 * s, W / 2 + 250 * s, top + 84 * s], C('#EEEEF0') if not dark else C('#1C1C1E'), r=16 * s)
        cv.text(W / 2 - 210 * s, top + 26 * s, '所有通话', 36 * s, fg, 'tab')
        cv.text(W / 2 + 40 * s, top + 26 * s, '未接来电', 36 * s, fg, 'tab')
        cv.text(40 * s, top + 110 * s, sp['title'], 80 * s, fg, 'title', True)
        y = top + 240 * s
        bottom_bar = int(200 * s)
    else:
        cv.text(50 * s, top + 40 * s, sp['title'], 72 * s, fg, 'title', layout != 'huawei_calls')
        cv.rect('searchbox', [44 * s, top + 170 * s, W - 44 * s, top + 270 * s], C('#EFEFF1') if not dark else C('#1E1E1E'), r=50 * s)
        cv.text(130 * s, top + 196 * s, rng.choice(['搜索联系人', '搜索', '搜索号码或联系人']), 38 * s, sub, 'search')
        cv.ellipse('icon_search', [76 * s, top + 200 * s, 112 * s, top + 236 * s], None, outline=sub, width=3)
        y = top + 300 * s
        if layout in ('xiaomi_calls', 'oppo_calls'):
            cv.text(50 * s, y, '全部', 40 * s, acc, 'tab', True)
            cv.text(190 * s, y, '未接', 40 * s, sub, 'tab')
            y += 80 * s
        bottom_bar = int(180 * s)
    bottom = H if cropped else H - bottom_bar
    if not cropped:
        cv.rect('tabbar', [0, H - bottom_bar, W, H], C(pal['hdr']))
        tabs = ['个人收藏', '最近通话', '通讯录', '拨号键盘', '语音留言'] if sp['os'] == 'ios' else ['拨号', '通话', '联系人', '收藏']
        for i, tb in enumerate(tabs):
            cx = W * (i + 0.5) / len(tabs)
            tw = tlen(tb, 30 * s)
            cv.ellipse('tab_icon', [cx - 26 * s, H - bottom_bar + 24 * s, cx + 26 * s, H - bottom_bar + 76 * s],
                       acc if i == 1 else sub)
            cv.text(cx - tw / 2, H - bottom_bar + 96 * s, tb, 30 * s, acc if i == 1 else sub, 'tab')
    rh = sp['rh'] * s
    recs = []
    nfs, sfs = sp['nfs'] * s, sp['sfs'] * s
    for r in rows:
        if y + rh > bottom - 10 * s:
            break
        label, has_t = call_label(layout, r['dt'], T, rng)
        ct = r['type']
        namecol = red if ct == 'missed' else fg
        nm = r['who'][1] if r['who'][0] == 'name' else display_number(rng, r['who'][1])
        if r['who'][0] == 'num' and nm.startswith('+86 ') and rng.random() < 0.5:
            nm = nm[4:]
        sender = r['who'][1]
        left = 50 * s
        if sp['icon'] == 'left':
            call_icon(cv, ct, left, y + rh / 2 - 20 * s, 40 * s, red if ct == 'missed' else sub)
            left += 74 * s
        ny = y + (24 if sp['os'] != 'ios' else 18) * s
        if sp['os'] == 'ios':
            ny = y + 16 * s
        # right side
        cv.ellipse('icon_info', [W - 96 * s, y + rh / 2 - 28 * s, W - 40 * s, y + rh / 2 + 28 * s], None, outline=acc, width=max(2, int(3 * s)))
        cv.rect('icon_info_i', [W - 71 * s, y + rh / 2 - 6 * s, W - 65 * s, y + rh / 2 + 16 * s], acc)
        cv.rect('icon_info_dot', [W - 71 * s, y + rh / 2 - 17 * s, W - 65 * s, y + rh / 2 - 11 * s], acc)
        lw = tlen(label, sfs)
        lx = W - 126 * s - lw
        cv.text(lx, y + rh / 2 - sfs * 0.7, label, sfs, sub, 'call_time')
        maxname = lx - left - 40 * s
        cnt = '(%d)' % r['cnt'] if r['cnt'] else ''
        while tlen(nm, nfs) + (tlen(' ' + cnt, nfs) if cnt else 0) > maxname:
            nfs *= 0.94
        cv.text(left, ny, nm, nfs, namecol, 'call_name')
        if cnt:
            cv.text(left + tlen(nm, nfs) + 12 * s, ny, cnt, nfs, namecol, 'call_count')
        nfs = sp['nfs'] * s
        sy = y + rh - sfs - 40 * s if sp['os'] != 'ios' else y + 92 * s
        sx = left
        if sp['icon'] == 'sub':
            call_icon(cv, ct, sx, sy + 4 * s, 32 * s, red if ct == 'missed' else sub)
            sx += 46 * s
        if r['sim'] and sp['os'] != 'ios':
            cv.rect('sim_badge', [sx, sy + 2 * s, sx + 32 * s, sy + 40 * s], None, r=5 * s, outline=sub, width=2)
            cv.text(sx + 9 * s, sy + 5 * s, str(r['sim']), 24 * s, sub, 'sim')
            sx += 46 * s
        dur_rec = None
        parts = []
        if sp['os'] == 'ios':
            parts.append(rng.choice(['手机', '未知', '住宅']) if r['who'][0] == 'name' else r['loc'].split()[0])
        elif sp['dur'] == 'xiaomi':
            if ct == 'incoming':
                parts.append('呼入 ' + fmt_dur(r['dur'])); dur_rec = r['dur']
            elif ct == 'outgoing':
                if r['connected']:
                    parts.append('呼出 ' + fmt_dur(r['dur'])); dur_rec = r['dur']
                else:
                    parts.append('呼出 未接通')
            else:
                parts.append('未接来电')
            parts.append(r['loc'])
        elif sp['dur'] == 'plain':
            parts.append(r['loc'])
            if ct == 'missed':
                parts.append('未接')
            elif r['connected']:
                parts.append(fmt_dur(r['dur'])); dur_rec = r['dur']
            else:
                parts.append('未接通')
        else:
            parts.append(r['loc'])
            if ct == 'outgoing' and not r['connected'] and rng.random() < 0.5:
                parts.append('未接通')
        for pt in parts:
            role = 'call_sub'
            cv.text(sx, sy, pt, sfs, sub, role)
            sx += tlen(pt, sfs) + 28 * s
        cv.rect('divider', [left, y + rh - 2, W, y + rh], C(pal['div']))
        recs.append({'kind': 'call', 'sender': sender, 'occurred_at': iso(r['dt']) if has_t else None,
                     'direction': 'out' if ct == 'outgoing' else 'in', 'text': None, 'call_type': ct,
                     'duration_seconds': dur_rec})
        y += rh
    return cv, recs


# ---------------------------------------------------------------- sender choices
def sms_sender(rng, layout):
    r = rng.random()
    if r < 0.35:
        d = mobile(rng)
        return d, display_number(rng, d), rng.choice(LOCS)
    if r < 0.5:
        d = '10690%03d%04d' % (rng.randint(0, 999), rng.randint(0, 9999))
        return d, d, None
    if r < 0.6:
        d = '95%03d' % rng.randint(100, 999)
        return d, d, None
    if r < 0.68:
        d = '4008%02d%04d' % (rng.randint(0, 99), rng.randint(0, 9999))
        return d, display_number(rng, d), None
    if r < 0.74:
        d = '05718%03d%04d' % (rng.randint(0, 999), rng.randint(0, 9999))
        return d, display_number(rng, d), '浙江杭州'
    nm = rng.choice(['催收 王专员', '陈经理(调解)', '【速借宝】法务部', '安心分期 客服', '张律师（启衡所）', '李主管-鑫融', 'Lisa 贷后'])
    return nm, nm, None


# ---------------------------------------------------------------- main
PLAN = {  # layout: (files, overlap pairs)
    'huawei_sms': (11, 1), 'honor_sms': (10, 1), 'xiaomi_sms': (11, 2), 'oppo_sms': (10, 1), 'vivo_sms': (10, 2),
    'iphone_sms': (11, 1), 'iphone_sms_en': (10, 1), 'wechat_private': (12, 2), 'wechat_group': (11, 2),
    'huawei_calls': (7, 0), 'honor_calls': (6, 0), 'xiaomi_calls': (7, 0), 'oppo_calls': (6, 0), 'vivo_calls': (7, 0),
    'iphone_calls': (6, 0),
}


def rand_taken(rng):
    base = DT.date(2025, 11, 1) + DT.timedelta(days=rng.randint(0, 150))
    return DT.datetime(base.year, base.month, base.day, rng.randint(9, 22), rng.randint(0, 59), rng.randint(0, 59))


def save(cv, path, jpeg_q):
    if jpeg_q:
        cv.im.save(path, 'JPEG', quality=jpeg_q, subsampling=2, optimize=False)
    else:
        cv.im.save(path, 'PNG', optimize=False, compress_level=6)


def main():
    rng = random.Random(SEED)
    for f in os.listdir(OUT):
        if f.lower().endswith(('.png', '.jpg')):
            os.remove(os.path.join(OUT, f))
    used = set()
    truth, dlog = [], []

    def emit(cv, layout, dark, T, recs, thread, jpeg_q):
        name = file_name(rng, layout, T, bool(jpeg_q), used)
        save(cv, os.path.join(OUT, name), jpeg_q)
        truth.append({'file': name, 'layout': layout, 'dark': dark, 'taken_on': T.strftime('%Y-%m-%d'),
                      'thread': thread, 'records': recs})
        dlog.append({'file': name, 'size': [cv.W, cv.H], 'layout': layout, 'dark': dark, 'jpeg_quality': jpeg_q,
                     'taken_clock': T.strftime('%H:%M'), 'items': cv.items})

    for layout, (nfiles, npairs) in PLAN.items():
        ios = layout.startswith('iphone')
        k = 0
        pair_left = npairs
        doff = rng.randint(0, 2)
        while k < nfiles:
            dark = (k + doff) % 3 == 0
            rng.random()
            W, H = rng.choice(IOS_SIZES if ios else ANDROID_SIZES)
            cropped = rng.random() < 0.15
            if cropped:
                H = rng.randint(1300, 1900)
            jpeg_q = rng.randint(70, 92) if rng.random() < 0.2 else None
            T = rand_taken(rng)
            if layout in CALLSPEC:
                rows = gen_calls(rng, T, 16)
                cv, recs = render_calls(rng, layout, T, dark, W, H, rows, cropped)
                emit(cv, layout, dark, T, recs, None, jpeg_q)
                k += 1
                continue
            spec = CHAT[layout]
            en = layout == 'iphone_sms_en'
            do_pair = pair_left > 0 and nfiles - k >= 2 and (rng.random() < 0.4 or nfiles - k <= 2 * pair_left)
            if spec['family'] == 'wechat':
                if layout == 'wechat_group':
                    gt = rng.choice(GROUPS)
                    title = '%s(%d)' % (gt, rng.randint(3, 9))
                else:
                    gt = None
                    title = rng.choice(['催收 王专员', '陈经理(调解)', '小雅-安心分期', '黄经理', '张律师（启衡所）', 'Kevin 贷后', '鑫融-李主管'])
                sender, subtitle = None, None
            else:
                sender, title, subtitle = sms_sender(rng, layout)
                gt = None
                if layout.startswith('iphone'):
                    subtitle = None
            ng = rng.randint(3, 6)
            pair_last = (1 if layout in DATE_ONLY else 0) if do_pair else None
            els = build_groups(rng, T, layout, ng, en, spec['family'], pair_last=pair_last)
            els = decorate(rng, els, layout, spec)
            if not do_pair and rng.random() < 0.25:  # scrolled up a little: drop trailing elements
                cut = rng.randint(1, 3)
                if len(els) > cut + 3:
                    els = els[:-cut]
            # non-record extras
            if layout.startswith('iphone') and rng.random() < 0.4:
                els.insert(0, ('note', 'Text Message' if en else '短信/彩信'))
            if els[-1][0] == 'msg' and els[-1][1] == 'out' and spec['family'] == 'sms' and rng.random() < 0.6:
                els.append(('note', 'Delivered' if en else '已送达'))
            if spec['family'] == 'wechat' and rng.random() < 0.35:
                pos = rng.randint(2, len(els) - 1)
                if els[pos - 1][0] == 'msg':
                    els.insert(pos, ('sys', rng.choice(['你撤回了一条消息 重新编辑', '"%s"撤回了一条消息' % rng.choice(NICKS)]
                                                       if layout == 'wechat_group' else ['你撤回了一条消息 重新编辑', '对方撤回了一条消息'])))
            if not do_pair and rng.random() < 0.18:  # start mid-group -> null times at top
                pass
            cv, recs, drawn, start, end = render_chat(rng, layout, T, dark, W, H, els, title, subtitle, 'bottom', cropped,
                                                      sender, gt)
            thread = None
            if do_pair and len(drawn) >= 3:
                thread = '%s_t%d' % (layout, npairs - pair_left + 1)
            emit(cv, layout, dark, T, recs, thread, jpeg_q)
            k += 1
            if thread:
                pair_left -= 1
                nk = rng.choice([1, 2])
                carry = [els[i] for i in drawn[-nk:]]
                if carry[-1][1] == 'out' or carry[0][0] != 'msg':
                    pass
                T2 = T + DT.timedelta(minutes=rng.randint(3, 9), seconds=rng.randint(0, 59))
                new = []
                t0 = T + DT.timedelta(minutes=1)
                t0 = t0.replace(second=0)
                if t0.date() != T.date() or T2.date() != T.date():
                    T2 = T.replace(hour=23, minute=59, second=30) if T2.date() != T.date() else T2
                new.append(('sep', t0))
                tt = t0
                for j in range(12):
                    d = 'in' if rng.random() < 0.6 else 'out'
                    txt = in_text(rng, T.year, spec['family'], en) if d == 'in' else out_text(rng, T.year, spec['family'], en)
                    if layout in DATE_ONLY:
                        tt2 = tt + DT.timedelta(minutes=rng.randint(0, 1))
                        if tt2 < T2.replace(second=0):
                            tt = tt2
                    new.append(['msg', d, txt, tt if layout in DATE_ONLY else t0, {}])
                new = decorate(rng, new, layout, spec)
                if layout == 'wechat_group':  # keep nicknames of carried consistent, new nicks fine
                    pass
                els2 = carry + new
                dark2 = dark
                W2, H2 = W, H
                if cropped:
                    H2 = rng.randint(1300, 1900)
                cv2, recs2, drawn2, _, _ = render_chat(rng, layout, T2, dark2, W2, H2, els2, title, subtitle, 'top',
                                                       cropped, sender, gt)
                emit(cv2, layout, dark2, T2, recs2, thread, None if rng.random() < 0.8 else rng.randint(70, 92))
                k += 1
    with open(os.path.join(OUT, 'truth.jsonl'), 'w', encoding='utf-8') as f:
        for t in truth:
            f.write(json.dumps(t, ensure_ascii=False) + '\n')
    with open(os.path.join(OUT, 'drawlog.jsonl'), 'w', encoding='utf-8') as f:
        for t in dlog:
            f.write(json.dumps(t, ensure_ascii=False) + '\n')
    write_readme(truth)
    print('images', len(truth), 'records', sum(len(t['records']) for t in truth))


README_HEAD = ('**This is a frozen benchmark set. It was made apart from the reader, and it is to be scored once.** '
               'Do not tune the reader on it, and do not regenerate it with changes after it has been scored.')


def write_readme(truth):
    rows = {}
    for t in truth:
        r = rows.setdefault(t['layout'], dict(files=0, recs=0, dark=0, jpeg=0, threads=set(), null=0))
        r['files'] += 1
        r['recs'] += len(t['records'])
        r['dark'] += t['dark']
        r['jpeg'] += t['file'].endswith('.jpg')
        if t['thread']:
            r['threads'].add(t['thread'])
        r['null'] += sum(1 for x in t['records'] if x['occurred_at'] is None)
    tab = ['| layout | files | records | dark | JPEG | overlap pairs | null-time records |', '|---|---|---|---|---|---|---|']
    tot = [0] * 6
    for l, r in rows.items():
        v = [r['files'], r['recs'], r['dark'], r['jpeg'], len(r['threads']), r['null']]
        tot = [a + b for a, b in zip(tot, v)]
        tab.append('| %s | %s |' % (l, ' | '.join(map(str, v))))
    tab.append('| **total** | %s |' % ' | '.join(map(str, tot)))
    res_path = os.path.join(OUT, 'verify', 'check_result.txt')
    res = open(res_path, encoding='utf-8').read().strip() if os.path.exists(res_path) else '(checker not yet run)'
    body = open(os.path.join(OUT, 'README_body.md'), encoding='utf-8').read() if os.path.exists(os.path.join(OUT, 'README_body.md')) else ''
    with open(os.path.join(OUT, 'README.md'), 'w', encoding='utf-8') as f:
        f.write(README_HEAD + '\n\n' + body + '\n## Files and records per layout\n\n' + '\n'.join(tab) +
                '\n\n## Checker result\n\n```\n' + res + '\n```\n')


if __name__ == '__main__':
    main()

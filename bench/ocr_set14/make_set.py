#!/usr/bin/env python3
"""Deterministic generator for benchmark set ocr_set14 (synthetic Chinese debt-collection screenshots)."""
import json, os, random, datetime as dt
from PIL import Image, ImageDraw, ImageFont

OUT = os.path.dirname(os.path.abspath(__file__))
SEED = 14014
REG = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'
BOLD = '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc'
FACE = 2  # Noto Sans CJK SC
_fc = {}


def font(size, bold=False):
    k = (int(size), bold)
    if k not in _fc:
        _fc[k] = ImageFont.truetype(BOLD if bold else REG, int(size), index=FACE)
    return _fc[k]


WD_ZH = ['一', '二', '三', '四', '五', '六', '日']
WD_EN = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
WD_EN3 = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']
MON_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']


class Canvas:
    def __init__(self, w, h, bg):
        self.img = Image.new('RGB', (w, h), bg)
        self.d = ImageDraw.Draw(self.img)
        self.items = []
        self.w, self.h = w, h

    def text(self, x, y, s, size, color, role, bold=False, anchor_right=False, center=False):
        f = font(size, bold)
        if anchor_right or center:
            b = self.d.textbbox((0, 0), s, font=f)
            tw = b[2] - b[0]
            x = x - tw - b[0] if anchor_right else x - tw // 2 - b[0]
        self.d.text((x, y), s, font=f, fill=color)
        box = list(self.d.textbbox((x, y), s, font=f))
        self.items.append({'type': 'text', 'text': s, 'box': box, 'role': role, 'color': color,
                           'size': int(size), 'bold': bold})
        return box

    def rrect(self, box, r, fill, kind, outline=None):
        box = [int(v) for v in box]
        self.d.rounded_rectangle(box, radius=int(r), fill=fill, outline=outline)
        self.items.append({'type': 'shape', 'kind': kind, 'box': box, 'fill': fill})

    def ellipse(self, box, fill, kind, outline=None, width=1):
        box = [int(v) for v in box]
        self.d.ellipse(box, fill=fill, outline=outline, width=width)
        self.items.append({'type': 'shape', 'kind': kind, 'box': box, 'fill': fill or outline})

    def poly(self, pts, fill, kind):
        pts = [(int(round(a)), int(round(b))) for a, b in pts]
        self.d.polygon(pts, fill=fill)
        xs = [p[0] for p in pts]; ys = [p[1] for p in pts]
        self.items.append({'type': 'shape', 'kind': kind, 'box': [min(xs), min(ys), max(xs), max(ys)],
                           'fill': fill, 'polygon': [list(p) for p in pts]})

    def tw(self, s, size, bold=False):
        b = self.d.textbbox((0, 0), s, font=font(size, bold))
        return b[2] - b[0]


_meas = ImageDraw.Draw(Image.new('RGB', (4, 4)))


def tlen(s, size, bold=False):
    return _meas.textlength(s, font=font(size, bold))


def is_ascii(s):
    return all(ord(c) < 128 for c in s)


def wrap(text, size, maxw):
    """Return lines. ASCII: wrap at spaces. Otherwise between characters, never at a space."""
    if is_ascii(text):
        words = text.split(' ')
        lines, cur = [], ''
        for w_ in words:
            t = (cur + ' ' + w_) if cur else w_
            if tlen(t, size) <= maxw or not cur:
                cur = t
            else:
                lines.append(cur); cur = w_
        lines.append(cur)
        return lines
    mw = maxw
    while True:
        lines, cur = [], ''
        for ch in text:
            if tlen(cur + ch, size) <= mw or not cur:
                cur += ch
            elif cur[-1] in '（《「“' and len(cur) > 1:
                lines.append(cur[:-1]); cur = cur[-1] + ch  # no opening punctuation at line end
            elif ch in '，。、；：？！）》」”' and len(cur) > 1:
                lines.append(cur[:-1]); cur = cur[-1] + ch  # no closing punctuation at line start
            else:
                lines.append(cur); cur = ch
        lines.append(cur)
        bad = any(l.endswith(' ') or l.startswith(' ') for l in lines)
        if not bad:
            return lines
        mw -= 6


# ---------------------------------------------------------------- content
PLATS = ['橙信借', '青禾分期', '云朵钱包', '鑫诺贷', '恒通快借', '安易花', '闪融通', '宜享借']
PLATS_EN = ['QingHe Loan', 'CloudPay Credit', 'XinNuo Finance', 'HengTong Cash']
FIRMS = ['浙江衡信律师事务所', '北京中泽律师事务所', '上海正衡明律师事务所', '广东汇诚达律师事务所', '四川蓉信律师事务所']
COMPS = ['杭州信达合商务咨询有限公司', '深圳前海瑞和资产管理有限公司', '成都蓉安企业服务有限公司', '南京宁和信息咨询有限公司']
BANKS = ['招商银行', '中国工商银行', '建设银行', '浦发银行', '兴业银行']
AGENTS = ['王专员', '李主管', '张律师', '刘调解员', '周主任', '赵专员', '孙经理', '吴法务']
DEBT = ['张*明', '李*华', '陈*', '王*婷', '刘*强', '赵*杰', '黄*丽', '周*宇']
RELS = ['母亲', '父亲', '配偶', '同事', '朋友']
COURTS = ['京0105', '浙0106', '沪0115', '粤0304', '川0107']
PLACES = ['浙江杭州 移动', '广东深圳 联通', '北京 电信', '上海 移动', '四川成都 移动', '江苏南京 电信', '湖北武汉 联通', '山东济南 移动']
DOMS = ['hqfq.cn', 'yunduo-pay.com', 'xnd8.cn', 'htkj.net.cn', 'axh5.cn']
WX_EMO = ['[捂脸]', '[抱拳]', '[微笑]', '[流泪]', '[OK]', '[握手]', '[叹气]']


def amt(rng, lo=800, hi=60000):
    v = rng.randint(lo * 100, hi * 100)
    return '{:,}.{:02d}'.format(v // 100, v % 100)


def mobile(rng):
    return '1%d%d 0000 %04d' % (rng.choice([3, 5, 7, 8, 9]), rng.randint(0, 9), rng.randint(0, 9999))


def in_msg(rng, taken, wechat=False, en=False):
    p = rng.choice(PLATS); nm = rng.choice(DEBT); ag = rng.choice(AGENTS)
    c4 = '%04d' % rng.randint(0, 9999)
    dd = taken + dt.timedelta(days=rng.randint(1, 6))
    dstr = '%d月%d日' % (dd.month, dd.day)
    case = rng.choice(['(%d)%s民初%d号', '〔%d〕%s民初%d号', '（%d）%s执%d号']) % (rng.choice([2025, 2026]), rng.choice(COURTS), rng.randint(100, 19999))
    link = 'https://%s/r/%s' % (rng.choice(DOMS), ''.join(rng.choice('abcdefghjkmnpqrstuvwxyzABCDEFGH23456789') for _ in range(rng.randint(5, 8))))
    ph = rng.choice(['400-8%02d-%04d' % (rng.randint(0, 99), rng.randint(0, 9999)), '0571-8%03d %04d' % (rng.randint(0, 999), rng.randint(0, 9999)), mobile(rng)])
    if rng.random() < 0.3:
        return rng.choice(['在吗？', '看到请回电', '今天能还多少？', '请尽快处理', '电话为什么不接？', '请正面回复', '最后一次提醒。', '今天18:00前给答复', '什么时候能还？'] + (['Call me back ASAP.', 'Are you there?'] if en else []))
    if en and rng.random() < 0.55:
        pe = rng.choice(PLATS_EN)
        T = [
            '[%s] Your loan is %d days overdue. Amount due: CNY %s. Please repay by %s %d to avoid further collection action.' % (pe, rng.randint(3, 120), amt(rng), MON_EN[dd.month - 1], dd.day),
            'Hello, this is %s from %s. Your card ending %s was declined. Call us at %s today.' % (rng.choice(['Mr. Wang', 'Ms. Li', 'Agent Zhou']), pe, c4, ph),
            'Final notice: case %s has been transferred to legal review. Reply Y to request an installment plan.' % ('HT-%d-%05d' % (taken.year, rng.randint(0, 99999))),
            'Please check your repayment link %s before 18:00 today.' % link,
        ]
        return rng.choice(T)
    T = [
        '【%s】尊敬的%s，您在%s的借款已逾期%d天，当前应还金额¥%s，请于%s前还款，否则将影响您的个人信用记录。退订回T' % (p, nm, p, rng.randint(3, 180), amt(rng), dstr),
        '%s您好，我是%s贷后%s，您尾号%s的银行卡扣款失败，请今天18:00前将¥%s转入还款账户，避免产生额外罚息。' % (nm, p, ag, c4, amt(rng)),
        '【%s】您名下%s借款合同编号HT%d%06d已委托我所处理，案号%s，请于%d个工作日内联系%s协商，逾期将依法提起诉讼。' % (rng.choice(FIRMS), p, taken.year, rng.randint(0, 999999), case, rng.randint(2, 5), ph),
        '还款账户：%s 6222 **** **** %s，户名：%s，转账后请截图回复。' % (rng.choice(BANKS), c4, rng.choice(COMPS)),
        '您的身份证号 3301**********%s 已登记在案，如需申请分期请点击 %s 填写资料。' % ('%03d%s' % (rng.randint(0, 999), rng.choice('0123456789X')), link),
        '最后通知：截至%s，您共欠款¥%s（含本金¥%s、利息¥%s），今天不处理明天上门核实。' % (dstr, amt(rng, 5000, 90000), amt(rng, 4000, 60000), amt(rng, 200, 9000)),
        rng.choice(['在吗？', '看到请回电', '今天能还多少？', '请尽快处理', '电话为什么不接？', '请正面回复', '最后一次提醒。']),
        '我们已经联系了您的紧急联系人（%s），请您本人尽快回复，以免影响家人。' % rng.choice(RELS),
        '亲，今天是最后还款日，APP内搜索“%s”或登录 %s 即可还款，如已还款请忽略。' % (p, link),
        '您的订单No.%d 已逾期，应还CNY %s，Ref:%s，客服热线%s。' % (rng.randint(10000000, 99999999), amt(rng), 'QX%04d' % rng.randint(0, 9999), ph),
        '%s，关于案件%s，调解方案：一次性结清可减免¥%s，方案有效期至%s 20:00。' % (nm, case, amt(rng, 300, 5000), dstr),
    ]
    if wechat:
        T.append('收到没？%s' % rng.choice(WX_EMO))
        T.append('你那个%s的账今天必须给个说法，不然我们按流程走了' % p)
    return rng.choice(T)


def out_msg(rng, taken, wechat=False, en=False):
    T = ['我这个月工资还没发，能不能宽限几天', '好的，知道了', '请不要再给我家人打电话了',
         '我已经还了¥%s，剩下的下周五前还清' % amt(rng, 200, 3000), '能不能减免一部分利息？', '你们是哪个公司的？工号多少？',
         'OK', '收到', '我现在在上班，晚点回你', '分期的话每期多少？', '我要先核实一下，请发一下合同编号',
         '上个月已经通过APP还了2期，记录在这里能查到，你们再核对一下']
    if wechat:
        T += ['%s真的没钱了' % rng.choice(WX_EMO), '已转账¥%s，截图发你了%s' % (amt(rng, 200, 3000), rng.choice(WX_EMO)), '明天下午3点前给你回复']
    if en:
        T += ['I will pay next Friday.', 'Please stop calling my family.', 'Can I pay in installments?', 'OK got it',
              '我下周还 OK?', 'Who is this? Send me the contract number please.']
    return rng.choice(T)


# ---------------------------------------------------------------- labels
def period(h):
    if h < 6: return '凌晨'
    if h < 9: return '早上'
    if h < 12: return '上午'
    if h == 12: return '中午'
    if h < 18: return '下午'
    return '晚上'


def h12(h):
    return 12 if h % 12 == 0 else h % 12


def zh_ampm(t):
    return '%s%d:%02d' % ('上午' if t.hour < 12 else '中午' if t.hour == 12 else '下午', h12(t.hour), t.minute)


def en_time(t):
    return '%d:%02d %s' % (h12(t.hour), t.minute, 'AM' if t.hour < 12 else 'PM')


def date_only_label(d, taken, rng):
    k = (taken.date() - d).days
    if k == 0: return '今天'
    if k == 1: return '昨天'
    if 2 <= k <= 6: return '星期' + WD_ZH[d.weekday()]
    if d.year == taken.year:
        return rng.choice(['%d月%d日' % (d.month, d.day), '%d月%d日 星期%s' % (d.month, d.day, WD_ZH[d.weekday()])])
    return '%d年%d月%d日' % (d.year, d.month, d.day)


def sep_label(layout, t, taken, style):
    k = (taken.date() - t.date()).days
    hm = '%02d:%02d' % (t.hour, t.minute)
    if layout == 'xiaomi_sms':
        pt = '%s%d:%02d' % (period(t.hour), h12(t.hour), t.minute)
        if k == 0: return ('今天 ' + pt) if style else pt
        if k == 1: return '昨天 ' + pt
        if k <= 6: return '星期%s %s' % (WD_ZH[t.weekday()], pt)
        if t.year == taken.year: return '%d月%d日 %s' % (t.month, t.day, pt)
        return '%d年%d月%d日 %s' % (t.year, t.month, t.day, pt)
    if layout == 'oppo_sms':
        if k == 0: return ('今天 ' + hm) if style else hm
        if k == 1: return '昨天 ' + hm
        if k <= 6: return '周%s %s' % (WD_ZH[t.weekday()], hm)
        if t.year == taken.year: return '%d月%d日 %s' % (t.month, t.day, hm)
        return '%d年%d月%d日 %s' % (t.year, t.month, t.day, hm)
    if layout == 'iphone_sms':
        tm = zh_ampm(t) if style else hm
        if k == 0: return '今天 ' + tm
        if k == 1: return '昨天 ' + tm
        if k <= 6: return '星期%s %s' % (WD_ZH[t.weekday()], tm)
        if t.year == taken.year: return '%d月%d日 周%s %s' % (t.month, t.day, WD_ZH[t.weekday()], tm)
        return '%d年%d月%d日 周%s %s' % (t.year, t.month, t.day, WD_ZH[t.weekday()], tm)
    if layout == 'iphone_sms_en':
        tm = en_time(t)
        if k == 0: return 'Today ' + tm
        if k == 1: return 'Yesterday ' + tm
        if k <= 6: return '%s %s' % (WD_EN[t.weekday()], tm)
        if t.year == taken.year: return '%s, %s %d at %s' % (WD_EN3[t.weekday()], MON_EN[t.month - 1], t.day, tm)
        return '%s, %s %d, %d at %s' % (WD_EN3[t.weekday()], MON_EN[t.month - 1], t.day, t.year, tm)
    # wechat
    tm = zh_ampm(t) if style else hm
    if k == 0: return tm
    if k == 1: return '昨天 ' + tm
    if k <= 6: return '星期%s %s' % (WD_ZH[t.weekday()], tm)
    if t.year == taken.year: return '%d月%d日 %s' % (t.month, t.day, tm)
    return '%d年%d月%d日 %s' % (t.year, t.month, t.day, tm)


def iso(t):
    return t.strftime('%Y-%m-%dT%H:%M:00+08:00') if t else None


# ---------------------------------------------------------------- styles
def palette(layout, dark):
    L = {
        'huawei_sms': (('#FFFFFF', '#000000'), ('#F1F3F5', '#1F1F1F'), ('#007DFF', '#0A59F7'), ('#191919', '#E6E6E6'), ('#FFFFFF', '#FFFFFF')),
        'honor_sms': (('#F8F8F8', '#0A0A0A'), ('#FFFFFF', '#262626'), ('#256FFF', '#3C6FE0'), ('#1A1A1A', '#E0E0E0'), ('#FFFFFF', '#FFFFFF')),
        'xiaomi_sms': (('#F7F7F7', '#000000'), ('#FFFFFF', '#1C1C1E'), ('#3482FF', '#2F6FE0'), ('#000000', '#E8E8E8'), ('#FFFFFF', '#FFFFFF')),
        'oppo_sms': (('#FAFAFA', '#0D0D0D'), ('#EDEDED', '#262626'), ('#2FBE6C', '#1E8F4E'), ('#202020', '#DDDDDD'), ('#FFFFFF', '#FFFFFF')),
        'vivo_sms': (('#FFFFFF', '#111111'), ('#F2F2F2', '#2A2A2A'), ('#415FFF', '#3550D8'), ('#222222', '#E2E2E2'), ('#FFFFFF', '#FFFFFF')),
        'iphone_sms': (('#FFFFFF', '#000000'), ('#E9E9EB', '#262628'), ('#34C759', '#30B350'), ('#000000', '#FFFFFF'), ('#FFFFFF', '#FFFFFF')),
        'iphone_sms_en': (('#FFFFFF', '#000000'), ('#E9E9EB', '#262628'), ('#34C759', '#30B350'), ('#000000', '#FFFFFF'), ('#FFFFFF', '#FFFFFF')),
        'wechat_private': (('#EDEDED', '#111111'), ('#FFFFFF', '#2C2C2C'), ('#95EC69', '#3EB575'), ('#191919', '#D5D5D5'), ('#191919', '#111111')),
        'wechat_group': (('#EDEDED', '#111111'), ('#FFFFFF', '#2C2C2C'), ('#95EC69', '#3EB575'), ('#191919', '#D5D5D5'), ('#191919', '#111111')),
    }[layout]
    i = 1 if dark else 0
    return {'bg': L[0][i], 'bin': L[1][i], 'bout': L[2][i], 'tin': L[3][i], 'tout': L[4][i],
            'fg': '#FFFFFF' if dark else '#111111', 'sub': '#8A8A8A' if dark else '#808080',
            'bar': '#1A1A1A' if dark else '#FFFFFF' if 'wechat' not in layout else ('#1E1E1E' if dark else '#F7F7F7')}


def status_bar(c, clock, iphone, dark, s, fg):
    if iphone:
        y = int(48 * s)
        c.text(int(150 * s), y, clock, 46 * s, fg, 'status', bold=True, center=True)
        x = c.w - int(80 * s)
        c.rrect([x - 20 * s, y + 8 * s, x + 34 * s, y + 36 * s], 7 * s, fg, 'battery')
        for i in range(4):
            c.rrect([x - 140 * s + i * 16 * s, y + 34 * s - (i + 1) * 7 * s, x - 130 * s + i * 16 * s, y + 36 * s], 2, fg, 'signal')
        return int(150 * s)
    y = int(26 * s)
    c.text(int(44 * s), y, clock, 38 * s, fg, 'status')
    x = c.w - int(50 * s)
    c.rrect([x - 60 * s, y + 10 * s, x, y + 38 * s], 5 * s, fg, 'battery')
    bx = c.text(x - 68 * s, y + 4 * s, str(40 + (sum(map(ord, clock)) % 60)), 26 * s, fg, 'status', anchor_right=True)
    for i in range(4):
        c.rrect([bx[0] - 90 * s + i * 14 * s, y + 38 * s - (i + 1) * 7 * s, bx[0] - 80 * s + i * 14 * s, y + 38 * s], 2, fg, 'signal')
    return int(100 * s)


def back_arrow(c, x, y, s, col):
    c.poly([(x + 24 * s, y), (x + 30 * s, y + 6 * s), (x + 10 * s, y + 24 * s), (x + 30 * s, y + 42 * s), (x + 24 * s, y + 48 * s), (x, y + 24 * s)], col, 'back')


# ---------------------------------------------------------------- chat screens
def header_name(num_fmt):
    return num_fmt


def norm_sender(s):
    t = s.replace(' ', '').replace('-', '')
    if t.startswith('+86'): t = t[3:]
    if all(ch.isdigit() for ch in t):
        return t
    return s


def chat_header(c, layout, title, pal, s, top, sub):
    fg = pal['fg']
    if layout.startswith('iphone'):
        cx = c.w // 2
        c.ellipse([cx - 60 * s, top + 10 * s, cx + 60 * s, top + 130 * s], '#A0A4AE', 'avatar')
        back_arrow(c, 40 * s, top + 40 * s, s, '#0A84FF')
        c.text(cx, top + 145 * s, title, 34 * s, fg, 'title', center=True)
        y1 = top + 215 * s
    elif layout.startswith('wechat'):
        back_arrow(c, 40 * s, top + 40 * s, s, fg)
        c.text(c.w // 2, top + 34 * s, title, 48 * s, fg, 'title', bold=True, center=True)
        for i in range(3):
            c.ellipse([c.w - 110 * s + i * 26 * s, top + 60 * s, c.w - 98 * s + i * 26 * s, top + 72 * s], fg, 'menu')
        y1 = top + 130 * s
    else:
        back_arrow(c, 40 * s, top + 46 * s, s, fg)
        bold = layout in ('xiaomi_sms', 'oppo_sms')
        c.text(120 * s, top + 24 * s, title, 52 * s, fg, 'title', bold=bold)
        if sub:
            c.text(120 * s, top + 96 * s, sub, 32 * s, pal['sub'], 'header_sub')
        c.ellipse([c.w - 110 * s, top + 40 * s, c.w - 60 * s, top + 90 * s], None, 'icon_phone', outline=fg, width=max(2, int(4 * s)))
        y1 = top + (160 if sub else 130) * s
    c.rrect([0, y1, c.w, y1 + 2], 0, '#333333' if pal['bg'] < '#8' else '#DDDDDD', 'divider')
    return int(y1 + 2)


def input_bar(c, layout, pal, s):
    h = int(150 * s)
    y0 = c.h - h
    c.rrect([0, y0, c.w, c.h], 0, pal['bar'], 'input_bar')
    if layout.startswith('wechat'):
        c.ellipse([30 * s, y0 + 35 * s, 100 * s, y0 + 105 * s], None, 'icon_voice', outline=pal['fg'], width=max(2, int(4 * s)))
        c.rrect([125 * s, y0 + 28 * s, c.w - 230 * s, y0 + 112 * s], 10 * s, '#FFFFFF' if pal['bg'] > '#8' else '#2C2C2C', 'input_box')
        c.ellipse([c.w - 200 * s, y0 + 35 * s, c.w - 130 * s, y0 + 105 * s], None, 'icon_emoji', outline=pal['fg'], width=max(2, int(4 * s)))
        c.ellipse([c.w - 105 * s, y0 + 35 * s, c.w - 35 * s, y0 + 105 * s], None, 'icon_plus', outline=pal['fg'], width=max(2, int(4 * s)))
    else:
        c.rrect([40 * s, y0 + 28 * s, c.w - 150 * s, y0 + 118 * s], 45 * s, '#2A2A2A' if pal['bg'] < '#8' else '#F0F0F0', 'input_box')
        ph = {'iphone_sms': '短信/彩信', 'iphone_sms_en': 'Text Message'}.get(layout, '短信/彩信')
        c.text(80 * s, y0 + 48 * s, ph, 38 * s, pal['sub'], 'placeholder')
        c.ellipse([c.w - 120 * s, y0 + 33 * s, c.w - 40 * s, y0 + 113 * s], pal['bout'], 'send_button')
    return y0


def measure_el(el, layout, s, W):
    """Compute lines and height of an element."""
    fs = el['fs']
    if el['t'] == 'sep':
        return int(fs * 1.6 + 40 * s)
    avatar = layout.startswith('wechat')
    maxw = int(W * (0.62 if avatar else 0.70))
    if layout == 'vivo_sms': maxw = int(W * 0.62)
    el['lines'] = wrap(el['text'], fs, maxw)
    lh = int(fs * 1.42)
    el['lh'] = lh
    el['padx'] = int(32 * s); el['pady'] = int(22 * s)
    el['bw'] = int(max(tlen(l, fs) for l in el['lines'])) + 2 * el['padx']
    el['bh'] = lh * len(el['lines']) + 2 * el['pady']
    h = el['bh'] + int(26 * s)
    if layout in ('huawei_sms', 'honor_sms'): h += int(46 * s)
    if layout == 'wechat_group' and el['dir'] == 'in': h += int(44 * s)
    if avatar: h = max(h, int(130 * s))
    if el.get('delivered'): h += int(46 * s)
    return h


def draw_el(c, el, layout, s, y, pal):
    W = c.w
    fs = el['fs']
    if el['t'] == 'sep':
        c.text(W // 2, y + 20 * s, el['label'], int(fs), pal['sub'], 'sep', center=True)
        return
    avatar = layout.startswith('wechat')
    out = el['dir'] == 'out'
    margin = int(40 * s)
    av = int(110 * s)
    if avatar:
        ax = W - margin - av if out else margin
        c.rrect([ax, y, ax + av, y + av], 10 * s, el.get('avc', '#7A8BA6'), 'avatar')
    by = y
    if layout == 'wechat_group' and not out:
        c.text(margin + av + 30 * s, y - 4 * s, el['nick'], 32 * s, pal['sub'], 'nick')
        by = y + int(44 * s)
    bw, bh = el['bw'], el['bh']
    if avatar:
        bx = (W - margin - av - 22 * s - bw) if out else (margin + av + 22 * s)
    else:
        bx = (W - margin - bw) if out else margin
    bx = int(bx)
    r = {'iphone_sms': 44, 'iphone_sms_en': 44, 'wechat_private': 10, 'wechat_group': 10, 'xiaomi_sms': 40, 'oppo_sms': 34, 'vivo_sms': 30}.get(layout, 36) * s
    col = pal['bout'] if out else pal['bin']
    c.rrect([bx, by, bx + bw, by + bh], r, col, 'bubble_out' if out else 'bubble_in')
    if avatar:
        ty = by + 36 * s
        if out:
            c.poly([(bx + bw, ty), (bx + bw + 14 * s, ty + 14 * s), (bx + bw, ty + 28 * s)], col, 'tail')
        else:
            c.poly([(bx, ty), (bx - 14 * s, ty + 14 * s), (bx, ty + 28 * s)], col, 'tail')
    tc = pal['tout'] if out else pal['tin']
    ly = by + el['pady']
    for ln in el['lines']:
        c.text(bx + el['padx'], ly + int(fs * 0.08), ln, fs, tc, 'msg')
        ly += el['lh']
    if el.get('own'):
        if layout == 'vivo_sms':
            ts = 28 * s
            if out:
                c.text(bx - 16 * s, by + bh - 44 * s, el['own'], ts, pal['sub'], 'msg_time', anchor_right=True)
            else:
                c.text(bx + bw + 16 * s, by + bh - 44 * s, el['own'], ts, pal['sub'], 'msg_time')
        else:
            ts = 28 * s
            label = el['own']
            if out:
                b = c.text(bx + bw - 10 * s, by + bh + 10 * s, label, ts, pal['sub'], 'msg_time', anchor_right=True)
                if el.get('sim'):
                    draw_sim(c, layout, b[0] - 14 * s, by + bh + 10 * s, el['sim'], s, pal, right=True)
            else:
                b = c.text(bx + 10 * s, by + bh + 10 * s, label, ts, pal['sub'], 'msg_time')
                if el.get('sim'):
                    draw_sim(c, layout, b[2] + 14 * s, by + bh + 10 * s, el['sim'], s, pal)
    if el.get('delivered'):
        c.text(bx + bw - 10 * s, by + bh + 8 * s, el['delivered'], 28 * s, pal['sub'], 'status_note', anchor_right=True)


def draw_sim(c, layout, x, y, sim, s, pal, right=False):
    if layout == 'huawei_sms':
        w = 30 * s
        x0 = x - w if right else x
        c.rrect([x0, y + 4 * s, x0 + w, y + 36 * s], 5 * s, None, 'sim_badge', outline=pal['sub'])
        c.text(x0 + w / 2, y + 4 * s, str(sim), 22 * s, pal['sub'], 'sim', center=True)
    else:
        lab = '卡%d' % sim
        if right:
            c.text(x, y, lab, 26 * s, pal['sub'], 'sim', anchor_right=True)
        else:
            c.text(x, y, lab, 26 * s, pal['sub'], 'sim')


DATE_ONLY = ('huawei_sms', 'honor_sms', 'vivo_sms')


def own_label(layout, t, style):
    if layout == 'vivo_sms' and style:
        return zh_ampm(t)
    return '%02d:%02d' % (t.hour, t.minute)


def gen_sessions(rng, layout, taken, n_sess, last_before_today=False, wechat=False, en=False, group_nicks=None):
    """Return chronological element list (seps + bubbles) ending before taken."""
    # choose session start datetimes, increasing, last one before taken
    days_back = sorted(rng.sample(range(0, 40), n_sess), reverse=True)
    if last_before_today:
        days_back = [d + 1 for d in days_back]
    if rng.random() < 0.2:  # an old session from previous year
        days_back[0] = (taken.date() - dt.date(taken.year - 1, 12, rng.randint(1, 28))).days
    els = []
    prev_end = None
    for db in days_back:
        day = taken.date() - dt.timedelta(days=db)
        if db == 0:
            lim = taken.hour * 60 + taken.minute - 30
            if lim < 60:
                continue
            m = rng.randint(max(0, lim - 400), lim)
        else:
            m = rng.choice([rng.randint(0, 1439), rng.randint(480, 1320), rng.randint(480, 1320)])
            m = min(m, 1439 - 30)
        t = dt.datetime(day.year, day.month, day.day) + dt.timedelta(minutes=m)
        if prev_end and t <= prev_end + dt.timedelta(minutes=10):
            continue
        els.append({'t': 'sep', 'time': t})
        nb = rng.randint(2, 5)
        cur = t
        for i in range(nb):
            d = 'in' if (i == 0 or rng.random() < 0.55) else 'out'
            txt = in_msg(rng, taken, wechat, en) if d == 'in' else out_msg(rng, taken, wechat, en)
            b = {'t': 'b', 'dir': d, 'text': txt, 'time': cur, 'sess': t}
            if group_nicks and d == 'in':
                b['nick'] = rng.choice(group_nicks)
            els.append(b)
            cur = cur + dt.timedelta(minutes=rng.randint(0, 3))
            if cur.date() != t.date():
                cur = t
        prev_end = cur
    return els


def render_chat(spec, rng):
    layout = spec['layout']; W, H = spec['size']; dark = spec['dark']
    s = W / 1080.0
    pal = palette(layout, dark)
    c = Canvas(W, H, pal['bg'])
    iphone = layout.startswith('iphone')
    top = status_bar(c, spec['clock'], iphone, dark, s, pal['fg'])
    hy = chat_header(c, layout, spec['title'], pal, s, top, spec.get('hsub'))
    bottom = H - int(40 * s) if spec['cropped'] else input_bar(c, layout, pal, s)
    if spec['cropped']:
        bottom = H
    area_top = hy + int(30 * s); area_bot = bottom - int(30 * s)
    fs = spec['fs']
    els = spec['els']
    for el in els:
        el['fs'] = int(fs if el['t'] == 'b' else fs * 0.72)
    # measure
    hs = [measure_el(el, layout, s, W) for el in els]
    avail = area_bot - area_top
    if spec.get('top_anchor'):
        chosen = []
        tot = 0
        for el, h in zip(els, hs):
            if tot + h > avail: break
            chosen.append((el, h)); tot += h
        # drop trailing separator
        while chosen and chosen[-1][0]['t'] == 'sep':
            chosen.pop()
        y = area_top
    else:
        chosen = []
        tot = 0
        for el, h in reversed(list(zip(els, hs))):
            if tot + h > avail: break
            chosen.insert(0, (el, h)); tot += h
        y = area_bot - tot
        if spec.get('iphone_service') and chosen and chosen[0][0]['t'] == 'sep' and y - area_top > 70 * s:
            c.text(W // 2, y - 40 * s, spec['iphone_service'], int(fs * 0.66), pal['sub'], 'service_label', center=True)
    recs = []
    cur_sep = None
    for el, h in chosen:
        if el['t'] == 'sep':
            cur_sep = el
        draw_el(c, el, layout, s, y, pal)
        y += h
        if el['t'] == 'b':
            if cur_sep is None:
                occ = None
            elif layout in DATE_ONLY:
                st = cur_sep['time']; ot = el['time']
                occ = dt.datetime(st.year, st.month, st.day, ot.hour, ot.minute)
            else:
                occ = cur_sep['time']
            if el['dir'] == 'in' and layout == 'wechat_group':
                snd = el['nick']
            else:
                snd = spec['sender']
            recs.append({'kind': 'im' if layout.startswith('wechat') else 'sms', 'sender': snd, 'occurred_at': iso(occ),
                         'direction': el['dir'], 'text': el['text'], 'call_type': None, 'duration_seconds': None})
    return c, recs, [el for el, h in chosen]


# ---------------------------------------------------------------- call logs
ICON_SHAPES = {
    # unit polygons (0..1); arrows differ per direction
    'icon_call_in': [(0.85, 0.05), (0.95, 0.15), (0.35, 0.75), (0.7, 0.75), (0.7, 0.9), (0.1, 0.9), (0.1, 0.3), (0.25, 0.3), (0.25, 0.65)],
    'icon_call_out': [(0.15, 0.95), (0.05, 0.85), (0.65, 0.25), (0.3, 0.25), (0.3, 0.1), (0.9, 0.1), (0.9, 0.7), (0.75, 0.7), (0.75, 0.35)],
    'icon_call_missed': [(0.05, 0.2), (0.15, 0.1), (0.5, 0.45), (0.85, 0.1), (0.95, 0.2), (0.5, 0.65), (0.25, 0.4), (0.25, 0.6), (0.1, 0.6), (0.1, 0.3)],
}
IPHONE_OUT = [(0.1, 0.2), (0.3, 0.05), (0.45, 0.3), (0.35, 0.4), (0.6, 0.65), (0.7, 0.55), (0.95, 0.7), (0.8, 0.9), (0.5, 0.85), (0.15, 0.5)]


def call_label(layout, t, taken, rng):
    k = (taken.date() - t.date()).days
    hm = '%02d:%02d' % (t.hour, t.minute)
    if k == 0:
        if layout == 'xiaomi_calls':
            return '%s%d:%02d' % (period(t.hour), h12(t.hour), t.minute), True
        if layout == 'iphone_calls' and rng.random() < 0.4:
            return zh_ampm(t), True
        return hm, True
    if k == 1:
        if layout in ('oppo_calls', 'honor_calls') and rng.random() < 0.6:
            return '昨天 ' + hm, True
        return '昨天', False
    if k <= 6:
        if layout == 'oppo_calls':
            return '周' + WD_ZH[t.weekday()], False
        return '星期' + WD_ZH[t.weekday()], False
    if t.year != taken.year:
        return '%d/%d/%d' % (t.year, t.month, t.day), False
    if layout == 'oppo_calls' and rng.random() < 0.5:
        return '%d月%d日 %s' % (t.month, t.day, hm), True
    if layout in ('vivo_calls', 'huawei_calls'):
        return '%02d-%02d' % (t.month, t.day), False
    if layout == 'iphone_calls':
        return '%d/%d/%d' % (t.year, t.month, t.day), False
    return '%d月%d日' % (t.month, t.day), False


def dur_text(sec):
    m, s_ = divmod(sec, 60)
    h, m = divmod(m, 60)
    out = ''
    if h: out += '%d小时' % h
    if m: out += '%d分' % m
    out += '%d秒' % s_
    return out


def render_calls(spec, rng):
    layout = spec['layout']; W, H = spec['size']; dark = spec['dark']
    s = W / 1080.0
    iphone = layout == 'iphone_calls'
    bg = '#000000' if dark else ('#FFFFFF' if layout != 'honor_calls' else '#F5F5F5')
    fg = '#FFFFFF' if dark else '#111111'
    sub = '#8D8D8D' if dark else '#7A7A7A'
    red = '#FF453A' if iphone else '#E84026'
    c = Canvas(W, H, bg)
    top = status_bar(c, spec['clock'], iphone, dark, s, fg)
    if iphone:
        c.text(W // 2, top + 20 * s, '所有通话', 34 * s, fg, 'tab', center=True)
        c.text(W - 60 * s, top + 20 * s, '编辑', 40 * s, '#0A84FF', 'header_btn', anchor_right=True)
        c.text(50 * s, top + 110 * s, '最近通话', 84 * s, fg, 'title', bold=True)
        y = top + int(250 * s)
    else:
        title = {'huawei_calls': '电话', 'honor_calls': '电话', 'xiaomi_calls': '通话记录', 'oppo_calls': '通话', 'vivo_calls': '电话'}[layout]
        c.text(50 * s, top + 40 * s, title, 72 * s, fg, 'title', bold=layout != 'huawei_calls')
        c.rrect([40 * s, top + 160 * s, W - 40 * s, top + 260 * s], 50 * s, '#1C1C1E' if dark else '#EFEFF1', 'search_box')
        c.text(110 * s, top + 185 * s, rng.choice(['搜索联系人', '搜索']), 38 * s, sub, 'search_hint')
        y = top + int(300 * s)
    bottom = H - int(40 * s) if spec['cropped'] else H - int(190 * s)
    if not spec['cropped']:
        tabs = ['最近通话', '通讯录', '个人收藏', '拨号键盘'] if iphone else ['拨号', '联系人', '收藏', '畅连' if layout == 'huawei_calls' else '营业厅']
        for i, tb in enumerate(tabs):
            c.text(int(W * (i + 0.5) / len(tabs)), H - 110 * s, tb, 30 * s, sub, 'tab', center=True)
    rowh = int(rng.choice([150, 160, 172]) * s)
    rows = spec['rows']
    recs = []
    for r in rows:
        if y + rowh > bottom: break
        ct = r['type']
        ncol = red if ct == 'missed' else fg
        x0 = 50 * s
        if layout in ('xiaomi_calls', 'vivo_calls'):
            c.ellipse([40 * s, y + rowh / 2 - 52 * s, 144 * s, y + rowh / 2 + 52 * s], '#5B8DEF' if r['is_name'] else '#B0B6C0', 'avatar')
            x0 = 180 * s
        if iphone:
            if ct == 'outgoing':
                pts = [(40 * s + px * 40 * s, y + 40 * s + py * 40 * s) for px, py in IPHONE_OUT]
                c.poly(pts, sub, 'icon_call_out')
            x0 = 100 * s
        nb = c.text(x0, y + 26 * s, r['disp'], 50 * s, ncol, 'call_name', bold=iphone or layout == 'oppo_calls')
        if r['count'] > 1:
            c.text(nb[2] + 12 * s, y + 26 * s, '(%d)' % r['count'], 50 * s, ncol, 'call_count')
        sy = y + 100 * s
        sx = x0
        if not iphone:
            isz = 32 * s
            kind = 'icon_call_' + {'incoming': 'in', 'outgoing': 'out', 'missed': 'missed'}[ct]
            icol = red if ct == 'missed' else (sub if layout != 'vivo_calls' else '#3FA35B' if ct == 'incoming' else '#3F7BF5')
            pts = [(sx + px * isz, sy + 6 * s + py * isz) for px, py in ICON_SHAPES[kind]]
            c.poly(pts, icol, kind)
            sx += isz + 14 * s
            if r.get('sim'):
                if layout in ('huawei_calls', 'xiaomi_calls'):
                    c.rrect([sx, sy + 4 * s, sx + 30 * s, sy + 38 * s], 5 * s, None, 'sim_badge', outline=sub)
                    c.text(sx + 15 * s, sy + 6 * s, str(r['sim']), 22 * s, sub, 'sim', center=True)
                    sx += 44 * s
                else:
                    b = c.text(sx, sy, '卡%d' % r['sim'], 30 * s, sub, 'sim')
                    sx = b[2] + 14 * s
            if layout == 'xiaomi_calls':
                lab = {'incoming': '呼入', 'outgoing': '呼出', 'missed': '未接'}[ct]
                if ct == 'missed':
                    st = '未接来电'
                elif r['dur'] is None:
                    st = lab + ' 未接通'
                else:
                    st = lab + ' ' + dur_text(r['dur'])
                b = c.text(sx, sy, st, 32 * s, red if ct == 'missed' else sub, 'call_sub')
                sx = b[2] + 20 * s
                c.text(sx, sy, r['place'], 32 * s, sub, 'call_place')
            else:
                b = c.text(sx, sy, r['place'], 32 * s, sub, 'call_place')
                sx = b[2] + 20 * s
                if layout in ('oppo_calls', 'vivo_calls'):
                    if ct == 'outgoing' and r['dur'] is None:
                        c.text(sx, sy, '未接通', 32 * s, sub, 'call_sub')
                    elif r['dur'] is not None:
                        c.text(sx, sy, dur_text(r['dur']), 32 * s, sub, 'call_dur')
        else:
            c.text(x0, sy, r['place'], 32 * s, sub, 'call_place')
        c.text(W - 150 * s, y + rowh / 2 - 22 * s, r['label'], 34 * s, sub, 'call_time', anchor_right=True)
        icx = W - 90 * s; icy = y + rowh / 2
        c.ellipse([icx - 26 * s, icy - 26 * s, icx + 26 * s, icy + 26 * s], None, 'icon_info', outline='#0A84FF' if iphone else sub, width=max(2, int(3 * s)))
        c.rrect([x0, y + rowh - 2, W, y + rowh], 0, '#2A2A2A' if dark else '#E6E6E6', 'divider')
        recs.append({'kind': 'call', 'sender': norm_sender(r['disp']), 'occurred_at': iso(r['time']) if r['timed'] else None,
                     'direction': 'out' if ct == 'outgoing' else 'in', 'text': None, 'call_type': ct,
                     'duration_seconds': r['dur'] if layout in ('xiaomi_calls', 'oppo_calls', 'vivo_calls') else None})
        y += rowh
    return c, recs


def gen_rows(rng, layout, taken):
    t = taken - dt.timedelta(minutes=rng.randint(5, 90))
    rows = []
    for i in range(18):
        ct = rng.choice(['incoming', 'outgoing', 'missed', 'missed', 'incoming'])
        if rng.random() < 0.45:
            disp = rng.choice(['催收 王专员', '陈经理(调解)', '【法务】赵', '李主管', '刘调解员', '橙信借客服', '张律师（衡信所）', '妈妈', '周主任', '孙经理', '公司 前台'])
            is_name = True
        else:
            is_name = False
            disp = rng.choice([mobile(rng), mobile(rng), '0571-8%03d %04d' % (rng.randint(0, 999), rng.randint(0, 9999)),
                               '400-8%02d-%04d' % (rng.randint(0, 99), rng.randint(0, 9999)), '95%03d' % rng.randint(0, 999),
                               '+86 ' + mobile(rng), '010-8%03d%04d' % (rng.randint(0, 999), rng.randint(0, 9999))])
        if ct == 'missed':
            dur = None
        elif ct == 'outgoing' and rng.random() < 0.3:
            dur = None
        else:
            dur = rng.choice([rng.randint(3, 59), rng.randint(60, 900), rng.randint(60, 300)])
        label, timed = call_label(layout, t, taken, rng)
        place = '手机' if layout == 'iphone_calls' else rng.choice(PLACES)
        if layout == 'iphone_calls' and not is_name:
            place = rng.choice(['中国', '浙江杭州', '未知'])
        rows.append({'type': ct, 'disp': disp, 'is_name': is_name, 'dur': dur, 'label': label, 'timed': timed, 'time': t,
                     'place': place, 'count': rng.choice([1, 1, 1, 2, 3, 5]), 'sim': rng.choice([0, 1, 2]) if layout != 'iphone_calls' else 0})
        t = t - dt.timedelta(minutes=rng.choice([7, 35, 90, 180, 400, 1500, 2900]))
    return rows


# ---------------------------------------------------------------- names & driver
used_names = set()


def file_name(rng, layout, taken, jpeg):
    ios = layout.startswith('iphone')
    while True:
        if jpeg:
            n = taken.strftime('IMG_%Y%m%d_%H%M%S.jpg')
        elif ios:
            n = rng.choice(['IMG_%04d.PNG' % rng.randint(1000, 9999), taken.strftime('Screenshot %Y-%m-%d at %H.%M.%S.png')])
        else:
            n = rng.choice([taken.strftime('Screenshot_%Y%m%d_%H%M%S.png'), taken.strftime('Screenshot_%Y-%m-%d-%H-%M-%S.png')])
        if n not in used_names:
            used_names.add(n)
            return n
        taken = taken + dt.timedelta(seconds=1)


SMS_LAYOUTS = ['huawei_sms', 'honor_sms', 'xiaomi_sms', 'oppo_sms', 'vivo_sms', 'iphone_sms', 'iphone_sms_en', 'wechat_private', 'wechat_group']
CALL_LAYOUTS = ['huawei_calls', 'honor_calls', 'xiaomi_calls', 'oppo_calls', 'vivo_calls', 'iphone_calls']


def pick_size(rng, ios):
    if ios:
        w, h = rng.choice([(1170, 2532), (1179, 2556), (1170, 2532)])
    else:
        w, h = rng.choice([(1080, 2340), (1080, 2400), (1080, 1920), (1080, 2340)])
    cropped = rng.random() < 0.12
    if cropped:
        h = rng.randint(1300, 1800)
    return (w, h), cropped


def rand_taken(rng):
    d = dt.date(2026, 1, 5) + dt.timedelta(days=rng.randint(0, 110))
    return dt.datetime(d.year, d.month, d.day, rng.randint(8, 22), rng.randint(0, 59), rng.randint(0, 59))


def save(c, name, jpeg, q):
    p = os.path.join(OUT, name)
    if jpeg:
        c.img.save(p, 'JPEG', quality=q)
    else:
        c.img.save(p, 'PNG', optimize=False, compress_level=6)


def main():
    rng = random.Random(SEED)
    for f in os.listdir(OUT):
        if f.lower().endswith(('.png', '.jpg')):
            os.remove(os.path.join(OUT, f))
    truth, draw = [], []

    def emit(c, name, layout, dark, taken, thread, recs, jpeg, q):
        save(c, name, jpeg, q)
        truth.append({'file': name, 'layout': layout, 'dark': dark, 'taken_on': taken.strftime('%Y-%m-%d'),
                      'thread': thread, 'records': recs})
        draw.append({'file': name, 'size': [c.w, c.h], 'layout': layout, 'dark': dark,
                     'jpeg_quality': q if jpeg else None, 'items': c.items})

    for layout in SMS_LAYOUTS:
        n_files = rng.randint(10, 11)
        n_pairs = rng.choice([1, 2])
        i = 0
        tcount = 0
        while i < n_files:
            ios = layout.startswith('iphone')
            size, cropped = pick_size(rng, ios)
            dark = rng.random() < 0.42
            taken = rand_taken(rng)
            pair = tcount < n_pairs and i >= 2 * tcount + 1 and i + 2 <= n_files
            wechat = layout.startswith('wechat'); en = layout == 'iphone_sms_en'
            nicks = None
            if layout == 'wechat_group':
                nicks = rng.sample(['催收-王专员', '陈经理(调解)', '【法务】赵', '群主 李', '小周@橙信', 'Amy_贷后', '张律师'], 3)
                title = rng.choice(['%s还款协商群', '%s逾期处理(专项)群', '关于%s欠款', '%s调解沟通']) % rng.choice(DEBT)
                title_shown = '%s(%d)' % (title, rng.randint(3, 12))
                sender = title
            elif layout == 'wechat_private':
                title_shown = rng.choice(['催收 王专员', '陈经理(调解)', '橙信借-李主管', '刘调解员', 'Kevin 贷后', '张律师（衡信所）', '周主任'])
                sender = title_shown
            else:
                if rng.random() < 0.35:
                    title_shown = rng.choice(['催收 王专员', '陈经理(调解)', '橙信借客服', '【法务】赵', '青禾分期'])
                else:
                    title_shown = rng.choice(['+86 ' + mobile(rng), mobile(rng), '10690%07d' % rng.randint(0, 9999999),
                                              '95%03d' % rng.randint(0, 999), '0571-8%03d %04d' % (rng.randint(0, 999), rng.randint(0, 9999)),
                                              '400-8%02d-%04d' % (rng.randint(0, 99), rng.randint(0, 9999))])
                sender = norm_sender(title_shown)
            hsub = rng.choice(PLACES) if (not ios and not wechat and rng.random() < 0.5) else None
            sep_style = rng.random() < 0.4
            fs = int(rng.choice([42, 44, 46, 48]) * size[0] / 1080)
            els = gen_sessions(rng, layout, taken, rng.randint(2, 5), last_before_today=pair and layout in DATE_ONLY,
                               wechat=wechat, en=en, group_nicks=nicks)
            if not els or els[-1]['t'] == 'sep':
                continue
            own_style = rng.random() < 0.4
            sims = layout in ('huawei_sms', 'honor_sms') and rng.random() < 0.6
            avc = {}
            for el in els:
                if el['t'] == 'sep':
                    if layout in DATE_ONLY:
                        el['label'] = date_only_label(el['time'].date(), taken, rng)
                    else:
                        el['label'] = sep_label(layout, el['time'], taken, sep_style)
                else:
                    if layout in DATE_ONLY:
                        el['own'] = own_label(layout, el['time'], own_style)
                        if sims: el['sim'] = rng.choice([1, 2])
                    if wechat:
                        key = el.get('nick', el['dir'])
                        if key not in avc: avc[key] = rng.choice(['#7A8BA6', '#C58B5A', '#5AA07A', '#A05A8B', '#4F6D9E'])
                        el['avc'] = avc[key]
            if ios and els[-1]['dir'] == 'out':
                els[-1]['delivered'] = 'Delivered' if en else '已送达'
            jpeg = rng.random() < 0.2
            q = rng.randint(70, 92) if jpeg else None
            spec = {'layout': layout, 'size': size, 'cropped': cropped, 'dark': dark, 'clock': taken.strftime('%H:%M'),
                    'title': title_shown, 'hsub': hsub, 'sender': sender, 'fs': fs, 'els': els,
                    'iphone_service': ('Text Message' if en else '短信/彩信') if ios else None}
            c, recs, shown = render_chat(spec, rng)
            if not recs:
                continue
            thread = None
            if pair:
                tcount += 1
                thread = '%s_t%d' % (layout, tcount)
            name = file_name(rng, layout, taken, jpeg)
            emit(c, name, layout, dark, taken, thread, recs, jpeg, q)
            i += 1
            if pair:
                # later screenshot of same thread
                shown_b = [e for e in shown if e['t'] == 'b']
                k = rng.choice([1, 2])
                k = min(k, len(shown_b))
                carry = [dict(e) for e in shown_b[-k:]]
                for e in carry:
                    e.pop('delivered', None)
                taken2 = taken + dt.timedelta(minutes=rng.randint(3, 9), seconds=rng.randint(0, 50))
                if taken2.date() != taken.date():
                    taken2 = taken + dt.timedelta(seconds=30)
                tnew = taken + dt.timedelta(minutes=1) if layout not in DATE_ONLY else taken + dt.timedelta(minutes=1)
                newsep = {'t': 'sep', 'time': tnew}
                newsep['label'] = date_only_label(tnew.date(), taken2, rng) if layout in DATE_ONLY else sep_label(layout, tnew, taken2, sep_style)
                new = [newsep]
                cur = tnew
                for j in range(rng.randint(3, 6)):
                    d = 'in' if j % 2 == 0 or rng.random() < 0.3 else 'out'
                    b = {'t': 'b', 'dir': d, 'text': in_msg(rng, taken, wechat, en) if d == 'in' else out_msg(rng, taken, wechat, en), 'time': cur}
                    if nicks and d == 'in': b['nick'] = rng.choice(nicks)
                    if layout in DATE_ONLY:
                        b['own'] = own_label(layout, cur, own_style)
                        if sims: b['sim'] = rng.choice([1, 2])
                    if wechat:
                        key = b.get('nick', d)
                        if key not in avc: avc[key] = '#7A8BA6'
                        b['avc'] = avc[key]
                    new.append(b)
                    cur = min(cur + dt.timedelta(minutes=1), taken2 - dt.timedelta(minutes=1))
                spec2 = dict(spec)
                spec2['els'] = carry + new
                spec2['clock'] = taken2.strftime('%H:%M')
                spec2['top_anchor'] = True
                spec2['iphone_service'] = None
                c2, recs2, _ = render_chat(spec2, rng)
                name2 = file_name(rng, layout, taken2, jpeg)
                emit(c2, name2, layout, dark, taken2, thread, recs2, jpeg, q)
                i += 1

    for layout in CALL_LAYOUTS:
        for i in range(rng.randint(6, 7)):
            ios = layout == 'iphone_calls'
            size, cropped = pick_size(rng, ios)
            dark = rng.random() < 0.42
            taken = rand_taken(rng)
            jpeg = rng.random() < 0.2
            q = rng.randint(70, 92) if jpeg else None
            spec = {'layout': layout, 'size': size, 'cropped': cropped, 'dark': dark, 'clock': taken.strftime('%H:%M'),
                    'rows': gen_rows(rng, layout, taken)}
            c, recs = render_calls(spec, rng)
            name = file_name(rng, layout, taken, jpeg)
            emit(c, name, layout, dark, taken, None, recs, jpeg, q)

    with open(os.path.join(OUT, 'truth.jsonl'), 'w', encoding='utf-8') as f:
        for t in truth:
            f.write(json.dumps(t, ensure_ascii=False) + '\n')
    with open(os.path.join(OUT, 'drawlog.jsonl'), 'w', encoding='utf-8') as f:
        for t in draw:
            f.write(json.dumps(t, ensure_ascii=False) + '\n')
    print('files', len(truth), 'records', sum(len(t['records']) for t in truth))


if __name__ == '__main__':
    main()

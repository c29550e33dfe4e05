#!/usr/bin/env python3
"""Deterministic generator for benchmark set ocr_set10 (synthetic Chinese debt-collection screenshots)."""
import os, json, random, datetime as DT, glob
from PIL import Image, ImageDraw, ImageFont
from fontTools.ttLib import TTCollection

SEED = 1010
OUT = os.path.dirname(os.path.abspath(__file__))
FDIR = '/usr/share/fonts/opentype/noto/'
FONTS = {'Regular': FDIR + 'NotoSansCJK-Regular.ttc', 'Bold': FDIR + 'NotoSansCJK-Bold.ttc'}
CMAP = {k: set(TTCollection(v).fonts[2].getBestCmap().keys()) for k, v in FONTS.items()}
_fc = {}
def font(w, s):
    k = (w, s)
    if k not in _fc: _fc[k] = ImageFont.truetype(FONTS[w], s, index=2)
    return _fc[k]

WD = '一二三四五六日'
EN_WD = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
EN_MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

class Canvas:
    def __init__(s, W, H, bg):
        s.W, s.H = W, H
        s.im = Image.new('RGB', (W, H), bg)
        s.d = ImageDraw.Draw(s.im)
        s.strings, s.shapes = [], []
    def text(s, x, y, t, w, size, col, role, anchor='la', **ex):
        assert t == t.strip() and t, repr(t)
        for ch in t:
            assert ord(ch) in CMAP[w], (t, ch)
        f = font(w, size)
        s.d.text((x, y), t, font=f, fill=col, anchor=anchor)
        bb = [int(v) for v in s.d.textbbox((x, y), t, font=f, anchor=anchor)]
        rec = dict(text=t, bbox=bb, role=role, font='NotoSansCJK-%s.ttc#2' % w, size=size, colour=col)
        rec.update(ex); s.strings.append(rec)
        return bb
    def width(s, t, w, size): return font(w, size).getlength(t)
    def shape(s, kind, bb, col, role, r=0, **ex):
        bb = [int(round(v)) for v in bb]
        if kind == 'rect': s.d.rectangle(bb, fill=col)
        elif kind == 'rounded_rect': s.d.rounded_rectangle(bb, radius=r, fill=col)
        elif kind == 'ellipse': s.d.ellipse(bb, fill=col)
        elif kind == 'line': s.d.line(bb, fill=col, width=max(2, ex.get('lw', 2)))
        elif kind == 'polygon':
            s.d.polygon([tuple(p) for p in ex['points']], fill=col)
        rec = dict(kind=kind, bbox=bb, role=role, colour=col); rec.update(ex); s.shapes.append(rec)

# ---------------- content -----------------
PLAT = ['速融花', '易借宝', '金桔分期', '闪电贷', '禾苗钱包', '安心借', '星途信用', '蓝鲸易贷', '恒信普惠', '青松金融']
BANKS = ['招行', '广发', '浦发', '中信', '平安']
FIRMS = ['鼎诚资产管理', '汇正调解中心', '明衡律师事务所', '安合信息咨询', '正远催收服务']
SURN = '王李张刘陈杨黄赵周吴徐孙马朱胡郭何林罗'
CITIES = ['浙江杭州', '广东深圳', '江苏南京', '四川成都', '湖北武汉', '河南郑州', '山东济南', '福建厦门', '湖南长沙', '安徽合肥']
EN_CITIES = ['China', 'Hangzhou, China', 'Shenzhen, China', 'mobile', 'unknown']
DOMS = ['t.cn', 'dwz.cn', 'hk-fw.cn', 'jqd.top', 'a8x.cc']

def mobile(r): return '1%d%d0000%04d' % (r.choice([3, 5, 7, 8, 9]), r.randint(0, 9), r.randint(0, 9999))
def fmt_mobile(n, r):
    st = r.randint(0, 3)
    if st == 0: return '+86 %s %s %s' % (n[:3], n[3:7], n[7:])
    if st == 1: return '%s %s %s' % (n[:3], n[3:7], n[7:])
    if st == 2: return n
    return '+86 ' + n
def other_number(r):
    k = r.randint(0, 3)
    if k == 0:
        s = '10690%d' % r.randint(10000000, 99999999); return s, s
    if k == 1:
        s = '95%03d' % r.randint(100, 999); return s, s
    if k == 2:
        s = '400-8%02d-%04d' % (r.randint(0, 99), r.randint(0, 9999)); return s, s.replace('-', '')
    s = '0571-8%03d %04d' % (r.randint(0, 999), r.randint(0, 9999)); return s, s.replace('-', '').replace(' ', '')
NAMES = ['催收 王专员', '陈经理(调解)', '李律师', '法务部 赵', '刘专员', '贷后 周主管', '张经理', '调解中心-孙', '【鼎诚】何', '林律师(仲裁)']
def contact(r, allow_service=True):
    k = r.random()
    if k < 0.35: return r.choice(NAMES), None
    if k < 0.7 or not allow_service:
        n = mobile(r); return fmt_mobile(n, r), n
    return other_number(r)

def amount(r):
    v = r.randint(800, 68000) + r.choice([0, 0.5, 0.37, 0.8])
    st = r.randint(0, 3)
    if st == 0: return '¥%.2f' % v
    if st == 1: return '￥%s' % format(v, ',.2f')
    if st == 2: return '%.2f元' % v
    return '%d元' % int(v)

def link(r):
    c = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'
    return r.choice(['https://', 'http://', '']) + r.choice(DOMS) + '/' + ''.join(r.choice(c) for _ in range(r.randint(5, 7)))

def case_no(r): return '(%d)浙%04d民催%d号' % (r.choice([2025, 2026]), r.randint(100, 9999), r.randint(100, 9999))

def coll_msg(r, ctx):
    p, a, nm = ctx['plat'], amount(r), ctx['bname']
    card = '尾号%04d' % r.randint(0, 9999)
    idm = '3301**********%04d' % r.randint(0, 9999)
    days = r.randint(3, 120)
    T = [
        '【%s】尊敬的%s，您的借款已逾期%d天，欠款%s，请于今日18:00前还款，否则将移交法务处理。' % (p, nm, days, a),
        '%s先生/女士，您在%s的借款已严重逾期，今天必须处理，我们将安排人员上门核实。' % (nm, p),
        '您的借呗已逾期%d天，应还%s，逾期利率已上浮50%%，请尽快还款。' % (days, a),
        '【%s信用卡】您%s的信用卡已逾期，最低还款%s，请今日内还清，避免影响征信。' % (r.choice(BANKS), card, a),
        '花呗账单逾期%d天未还，金额%s，再不处理将通知您的紧急联系人。' % (days, a),
        '网商贷提醒：您的贷款已逾期，欠款%s，如拒不还款将依法起诉。' % a,
        '【律师函】%s：受%s委托，就您欠款%s一事，限您3日内还款，逾期将提起诉讼。' % (nm, p, a),
        '案件编号%s已立案，身份证%s，请于明日前联系处理。' % (case_no(r), idm),
        '今天下午之前不还款，我们就联系你单位和通讯录里所有人，后果自负！',
        '你的案件已转入仲裁程序，点击查看：%s' % link(r),
        '最后通知：今日还款%s可减免部分罚息，详情 %s 回复TD退订' % (a, link(r)),
        '%s催收中心：您已逾期%d天，我司将于本周安排外访人员上门，请配合。' % (FIRMS[r.randint(0, 4)], days),
        '再不还钱就发催收函到你家里，让你家人都知道。',
        '司法通知：您涉嫌恶意拖欠，已进入诉前调解，请拨打400-8%02d-%04d处理。' % (r.randint(0, 99), r.randint(0, 9999)),
        '还款账户：6222****%04d，户名%s，今天必须到账。' % (r.randint(0, 9999), FIRMS[r.randint(0, 4)]),
        '%s，法院传票已寄出，请注意查收。' % nm,
        '你还有多少钱能还？今天先还%s也行，给你一次机会。' % a,
        '您好，这里是%s贷后部，今天下午3点前回电，不然按流程走。' % p,
    ]
    return r.choice(T)

def borrower_msg(r, wechat=False):
    B = ['我知道了', '这个月发工资就还', '能不能分期？', '我现在真的没钱', '别打我家人电话', '明天还一部分', '好的', '再宽限几天吧', '金额不对吧？', '我已经还了%d' % r.randint(200, 3000), '你们是哪家公司？', '不要联系我单位', '在想办法了', '下周一还']
    t = r.choice(B)
    if wechat and r.random() < 0.35: t += r.choice(['[捂脸]', '[流泪]', '[抱拳]', '[叹气]'])
    return t

EN_PURE = ['Your loan is %d days overdue. Please repay today to avoid legal action.',
           'Final notice: pay the overdue amount today or your case goes to court.',
           'We will contact your employer if payment is not received by 6 PM.',
           'Reply with your repayment plan today.', 'Payment received. Thank you.',
           'This is the legal team of a lending platform. Call us back today.']
EN_MIX = ['【%s】Dear customer, 您的账单已逾期%d天, please repay %s today.',
          'Overdue notice: 您的借款%s已逾期, call 400-8%02d-%04d now.',
          '%s final notice 今天18:00前还款, otherwise we will visit your home.',
          'Case %s 已立案, check %s']
EN_REPLY = ['OK', 'I will pay tomorrow', 'Who is this?', 'Please stop calling', '我明天还', 'Give me 3 more days', 'Not my loan']
def en_msg(r, ctx, out):
    if out: return r.choice(EN_REPLY)
    k = r.randint(0, 7)
    if k < 3:
        t = r.choice(EN_PURE)
        return t % r.randint(3, 90) if '%d' in t else t
    i = r.randint(0, 3)
    if i == 0: return EN_MIX[0] % (ctx['plat'], r.randint(3, 90), amount(r))
    if i == 1: return EN_MIX[1] % (amount(r), r.randint(0, 99), r.randint(0, 9999))
    if i == 2: return EN_MIX[2] % ctx['plat']
    return EN_MIX[3] % (case_no(r), link(r))

# ---------------- time labels -----------------
def hm12(dt, style):
    h, m = dt.hour, dt.minute
    h12 = h % 12 or 12
    if style == 'xm':
        p = '凌晨' if h < 5 else '早上' if h < 9 else '上午' if h < 12 else '中午' if h == 12 else '下午' if h < 18 else '晚上'
        return '%s%d:%02d' % (p, h12, m)
    if style == 'cn12': return '%s%d:%02d' % ('上午' if h < 12 else '下午', h12, m)
    if style == 'en12': return '%d:%02d %s' % (h12, m, 'AM' if h < 12 else 'PM')
    return '%02d:%02d' % (h, m)

def dprefix(dt, T, brand):
    d = (T.date() - dt.date()).days
    wd = dt.weekday()
    same = dt.year == T.year
    if brand == 'iphone_en':
        if d == 0: return 'Today'
        if d == 1: return 'Yesterday'
        if d <= 6: return EN_WD[wd]
        s = '%s, %s %d' % (EN_WD[wd][:3], EN_MON[dt.month - 1], dt.day)
        return s if same else s + ', %d' % dt.year
    if d == 0: return {'xiaomi': '', 'wechat': ''}.get(brand, '今天')
    if d == 1: return '昨天'
    if d <= 6: return ('周' if brand in ('vivo', 'oppo') else '星期') + WD[wd]
    if brand == 'iphone':
        s = '%d月%d日 周%s' % (dt.month, dt.day, WD[wd])
        return s if same else '%d年' % dt.year + s
    if same:
        return '%d月%d日' % (dt.month, dt.day) + (' 星期' + WD[wd] if brand == 'huawei_wd' else '')
    if brand == 'oppo': return '%d/%d/%d' % (dt.year, dt.month, dt.day)
    return '%d年%d月%d日' % (dt.year, dt.month, dt.day)

def sep_label(dt, T, layout, v):
    """v: per-image variant dict"""
    if layout in ('huawei_sms', 'honor_sms', 'vivo_sms'):
        b = 'vivo' if layout == 'vivo_sms' else ('huawei_wd' if v['wd'] else 'huawei')
        return dprefix(dt, T, b)
    if layout == 'xiaomi_sms':
        p = dprefix(dt, T, 'xiaomi'); t = hm12(dt, 'xm')
    elif layout == 'oppo_sms':
        p = dprefix(dt, T, 'oppo'); t = hm12(dt, 'cn12' if v['h12'] else '24')
    elif layout == 'iphone_sms':
        p = dprefix(dt, T, 'iphone'); t = hm12(dt, 'cn12' if v['h12'] else '24')
    elif layout == 'iphone_sms_en':
        p = dprefix(dt, T, 'iphone_en'); t = hm12(dt, 'en12' if v['h12'] else '24')
        if ',' in p: return p + ' at ' + t
    else:
        p = dprefix(dt, T, 'wechat'); t = hm12(dt, 'cn12' if v['h12'] else '24')
    return (p + ' ' + t).strip()

def call_label(dt, T, layout, v):
    d = (T.date() - dt.date()).days
    b = layout.split('_')[0]
    wd = dt.weekday()
    if layout == 'iphone_calls_en':
        if d == 0: return hm12(dt, 'en12' if v['h12'] else '24'), True
        if d == 1: return 'Yesterday', False
        if d <= 6: return EN_WD[wd], False
        return '%d/%d/%02d' % (dt.month, dt.day, dt.year % 100), False
    t = hm12(dt, 'xm' if b == 'xiaomi' else ('cn12' if v['h12'] else '24'))
    if d == 0: return t, True
    if d == 1:
        if b in ('huawei', 'honor', 'xiaomi', 'vivo') and v['ytime']: return '昨天 ' + t, True
        return '昨天', False
    if d <= 6: return ('周' if b in ('oppo', 'vivo') else '星期') + WD[wd], False
    same = dt.year == T.year
    if b == 'iphone': return '%d/%d/%d' % (dt.year, dt.month, dt.day), False
    if b == 'oppo': return ('%02d-%02d' % (dt.month, dt.day)) if same else '%d-%02d-%02d' % (dt.year, dt.month, dt.day), False
    if b in ('huawei', 'honor'): return ('%d月%d日' % (dt.month, dt.day)) if same else '%d/%d/%d' % (dt.year, dt.month, dt.day), False
    return ('%d月%d日' % (dt.month, dt.day)) if same else '%d年%d月%d日' % (dt.year, dt.month, dt.day), False

def iso(dt): return None if dt is None else dt.strftime('%Y-%m-%dT%H:%M:00+08:00')

# ---------------- styles -----------------
def pal(layout, dark):
    fam = layout.split('_')[0]
    out_c = {'huawei': '#0A59F7', 'honor': '#256FFF', 'vivo': '#3C7CF6', 'xiaomi': '#3482FF', 'oppo': '#22B463', 'iphone': '#34C759', 'wechat': '#95EC69'}[fam]
    if dark:
        P = dict(bg='#000000' if fam in ('iphone', 'huawei') else '#121212', fg='#EDEDED', sub='#8C8C8C', in_bg='#2B2B2D', in_fg='#E8E8E8',
                 out_bg=out_c if fam != 'wechat' else '#3EB575', out_fg='#FFFFFF' if fam != 'wechat' else '#0B0B0B', bar='#1C1C1E', line='#2E2E30', red='#FF5A4F')
        if fam == 'wechat': P['bg'] = '#111111'
    else:
        P = dict(bg='#FFFFFF', fg='#191919', sub='#8A8A8A', in_bg='#F0F1F3' if fam != 'wechat' else '#FFFFFF', in_fg='#1A1A1A',
                 out_bg=out_c, out_fg='#FFFFFF' if fam != 'wechat' else '#111111', bar='#F7F7F7', line='#E3E3E3', red='#E5372D')
        if fam == 'wechat': P['bg'] = '#EDEDED'
        if fam == 'vivo': P['bg'] = '#F6F6F6'; P['in_bg'] = '#FFFFFF'
    return P

ANDROID_SIZES = [(1080, 2340), (1080, 2400), (1080, 2412), (1220, 2712), (1260, 2800), (1200, 2640)]
IPHONE_SIZES = [(1170, 2532), (1179, 2556), (1290, 2796), (1125, 2436), (828, 1792), (1206, 2622)]

def status_bar(c, P, T, ios, en12, r):
    W = c.W; h = int(W * 0.105) if ios else int(W * 0.075)
    fs = int(W * (0.04 if ios else 0.034))
    if ios:
        clk = '%d:%02d' % (T.hour % 12 or 12, T.minute) if en12 else '%02d:%02d' % (T.hour, T.minute)
        c.text(int(W * 0.13), h // 2, clk, 'Bold', fs, P['fg'], 'status_clock', anchor='lm')
        bx = W - int(W * 0.06) - int(W * 0.065)
        c.shape('rounded_rect', [bx, h // 2 - fs * 0.3, bx + W * 0.065, h // 2 + fs * 0.3], P['fg'], 'status_battery', r=6)
        c.text(bx - 20, h // 2, '5G', 'Bold', int(fs * 0.8), P['fg'], 'status_net', anchor='rm')
    else:
        clk = '%02d:%02d' % (T.hour, T.minute)
        c.text(int(W * 0.06), h // 2, clk, 'Regular', fs, P['fg'], 'status_clock', anchor='lm')
        bat = '%d' % r.randint(12, 99)
        bx = W - int(W * 0.05) - int(W * 0.055)
        c.shape('rounded_rect', [bx, h // 2 - fs * 0.3, bx + W * 0.055, h // 2 + fs * 0.3], P['sub'], 'status_battery', r=5)
        c.text(bx - 14, h // 2, bat + '%', 'Regular', int(fs * 0.85), P['fg'], 'status_battery_text', anchor='rm')
        c.text(bx - 14 - int(fs * 2.6), h // 2, r.choice(['5G', '4G', 'HD']), 'Regular', int(fs * 0.75), P['fg'], 'status_net', anchor='rm')
    return h

# ---------- wrapping ----------
def is_ascii(t): return all(ord(ch) < 128 for ch in t)
def wrap(c, t, w, size, maxw):
    if is_ascii(t):
        words, lines, cur = t.split(' '), [], ''
        for wd in words:
            cand = wd if not cur else cur + ' ' + wd
            if c.width(cand, w, size) <= maxw: cur = cand
            else:
                assert c.width(wd, w, size) <= maxw
                lines.append(cur); cur = wd
        lines.append(cur); return lines, maxw
    while True:
        lines, cur = [], ''
        for ch in t:
            if c.width(cur + ch, w, size) <= maxw: cur += ch
            else: lines.append(cur); cur = ch
        lines.append(cur)
        if all(l == l.strip() for l in lines): return lines, maxw
        maxw -= 8

# ---------------- message screens -----------------
def gen_stream(r, T, layout, n_groups, latest, ctx):
    """returns list of groups: (dt, [(dir, text, dt_msg)]) ascending"""
    dts = [latest]
    cur = latest
    for _ in range(n_groups - 1):
        k = r.random()
        if k < 0.45: cur = cur - DT.timedelta(minutes=r.randint(8, 200))
        elif k < 0.75: cur = cur - DT.timedelta(days=r.randint(1, 3), minutes=r.randint(-300, 300))
        elif k < 0.92: cur = cur - DT.timedelta(days=r.randint(3, 12), minutes=r.randint(-300, 300))
        else: cur = cur - DT.timedelta(days=r.randint(12, 60), minutes=r.randint(-300, 300))
        if cur.hour < 7: cur -= DT.timedelta(hours=9)
        dts.append(cur)
    dts.reverse()
    wechat = layout.startswith('wechat'); en = layout == 'iphone_sms_en'
    service = ctx.get('service', False)
    groups = []
    for gdt in dts:
        msgs = []; mdt = gdt
        for i in range(r.choice([1, 1, 2, 2, 3])):
            out = (not service) and r.random() < (0.4 if wechat else 0.28)
            if en: txt = en_msg(r, ctx, out)
            else: txt = borrower_msg(r, wechat) if out else coll_msg(r, ctx)
            if i > 0:
                n = mdt + DT.timedelta(minutes=r.randint(0, 4))
                if n.date() == mdt.date() and n <= T: mdt = n
            msgs.append(('out' if out else 'in', txt, mdt))
        groups.append((gdt, msgs))
    return groups

def render_msgs(layout, r, T, ctx, pre_items, groups, geo, drop_first_sep):
    """pre_items: list of (dir,text,dt,nick) drawn first with no separator. Returns canvas, records, drawn list"""
    W, H, dark, v = geo['W'], geo['H'], geo['dark'], geo['v']
    P = pal(layout, dark)
    fam = layout.split('_')[0]
    ios = fam == 'iphone' or geo.get('ios_frame', False)
    c = Canvas(W, H, P['bg'])
    sb = status_bar(c, P, T, ios, layout.endswith('_en'), r)
    wechat = fam == 'wechat'
    # header
    hh = int(W * (0.2 if fam == 'iphone' else 0.13))
    c.shape('rect', [0, sb, W, sb + hh], P['bar'] if (wechat or dark) else P['bg'], 'header_bg')
    c.shape('polygon', [W * 0.03, sb + hh / 2 - 20, W * 0.06, sb + hh / 2 + 20], P['fg'], 'back_arrow', points=[[W * 0.055, sb + hh / 2 - 22], [W * 0.035, sb + hh / 2], [W * 0.055, sb + hh / 2 + 22]])
    title = ctx['title']
    tfs = int(W * 0.045)
    if fam == 'iphone':
        c.shape('ellipse', [W / 2 - W * 0.06, sb + 10, W / 2 + W * 0.06, sb + 10 + W * 0.12], '#A0A4AB', 'avatar')
        c.text(W // 2, sb + int(W * 0.12) + 20, title, 'Regular', int(W * 0.034), P['fg'], 'header_title', anchor='mt')
    else:
        c.text(W // 2 if wechat else int(W * 0.1), sb + hh // 2 - (0 if (wechat or not ctx.get('hsub')) else tfs // 2), title, 'Bold' if not wechat else 'Regular', tfs, P['fg'], 'header_title', anchor='mm' if wechat else 'lm')
        if ctx.get('hsub') and not wechat:
            c.text(int(W * 0.1), sb + hh // 2 + tfs // 2 + 8, ctx['hsub'], 'Regular', int(tfs * 0.6), P['sub'], 'header_sub', anchor='lm')
        if wechat:
            for i in range(3): c.shape('ellipse', [W * 0.9 + i * 18, sb + hh / 2 - 5, W * 0.9 + i * 18 + 10, sb + hh / 2 + 5], P['fg'], 'menu_dots')
    top = sb + hh
    ibh = int(W * 0.15)
    bottom = H - ibh
    c.shape('rect', [0, bottom, W, H], P['bar'], 'input_bar')
    c.shape('rounded_rect', [W * 0.14, bottom + ibh * 0.18, W * 0.86, bottom + ibh * 0.72], P['bg'] if not dark else '#2C2C2E', 'input_box', r=int(ibh * 0.27))
    ph = {'iphone': 'Text Message' if layout.endswith('_en') else '短信/彩信', 'wechat': ''}.get(fam, '短信')
    if ph: c.text(int(W * 0.17), int(bottom + ibh * 0.45), ph, 'Regular', int(W * 0.035), P['sub'], 'placeholder', anchor='lm')
    fs = geo['fs']; lh = int(fs * geo['lsp']); px = geo['padx']; py = geo['pady']; rad = geo['rad']
    mx = int(W * 0.04)
    av = int(W * 0.105) if wechat else 0
    maxw = int(W * geo['maxw']) - 2 * px
    if layout == 'vivo_sms': maxw = min(maxw, int(W * 0.62) - 2 * px)
    sfs = int(fs * 0.62)
    y = top + int(fs * 0.6)
    recs = []; drawn = []
    items = [('msg', m, None, True) for m in pre_items]
    prev_date = pre_items[-1][2].date() if pre_items else None
    dateonly = layout in ('huawei_sms', 'honor_sms', 'vivo_sms')
    first = True
    for gdt, msgs in groups:
        if dateonly:
            if prev_date != gdt.date():
                if not (first and drop_first_sep): items.append(('sep', gdt, None, False))
                prev_date = gdt.date()
        elif not (first and drop_first_sep): items.append(('sep', gdt, None, False))
        first = False
        for m in msgs:
            items.append(('msg', m, gdt, False))
            if wechat and r.random() < 0.06: items.append(('sys', None, None, False))
    cur_sep = None
    nick_pool = ctx.get('nicks')
    for kind, m, gdt, carried in items:
        if kind == 'sep':
            lab = sep_label(m, T, layout, v)
            need = int(sfs * 1.5) + int(fs * 0.5)
            if y + need + int(fs * 3.2) > bottom - 10: break
            c.text(W // 2, y + need // 2, lab, 'Regular', sfs, P['sub'], 'separator', anchor='mm')
            cur_sep = m; y += need; continue
        if kind == 'sys':
            need = int(sfs * 1.5) + int(fs * 0.4)
            if y + need > bottom - 10: break
            c.text(W // 2, y + need // 2, '你撤回了一条消息 重新编辑', 'Regular', sfs, P['sub'], 'system', anchor='mm'); y += need; continue
        d, txt, mdt = m[0], m[1], m[2]
        lines, mw = wrap(c, txt, 'Regular', fs, maxw)
        bw = int(max(c.width(l, 'Regular', fs) for l in lines)) + 2 * px
        bh = len(lines) * lh + 2 * py
        nick = None; need = bh
        if wechat and layout == 'wechat_group' and d == 'in':
            nick = m[3] if len(m) > 3 and m[3] else r.choice(nick_pool); need += int(sfs * 1.45)
        own = None
        if dateonly:
            own = hm12(mdt, 'cn12' if v['h12'] else '24')
            if layout != 'vivo_sms' and v['card']: own = v['card'] + ' ' + own
            if layout != 'vivo_sms': need += int(sfs * 1.5)
        if layout == 'iphone_sms' or layout == 'iphone_sms_en':
            pass
        if y + need > bottom - 10: break
        if nick:
            c.text(mx + av + 20 + 6, y, nick, 'Regular', sfs, P['sub'], 'nickname'); y += int(sfs * 1.45)
        if d == 'in':
            x0 = mx + (av + 20 if wechat else 0)
        else:
            x0 = W - mx - (av + 20 if wechat else 0) - bw
        if wechat:
            ax = mx if d == 'in' else W - mx - av
            c.shape('rounded_rect', [ax, y, ax + av, y + av], ctx['avc'][d], 'avatar', r=10, side=d)
        c.shape('rounded_rect', [x0, y, x0 + bw, y + bh], P['in_bg'] if d == 'in' else P['out_bg'], 'bubble', r=rad, side=d)
        col = P['in_fg'] if d == 'in' else P['out_fg']
        for i, l in enumerate(lines):
            c.text(x0 + px, y + py + i * lh + int(lh * 0.5), l, 'Regular', fs, col, 'msg_line', anchor='lm')
        # underline links
        if geo['uline'] and not is_ascii(txt):
            for key in ('https://', 'http://') + tuple(DOMS):
                k = txt.find(key)
                if k >= 0: break
            if k >= 0:
                e = k
                while e < len(txt) and (txt[e].isascii() and (txt[e].isalnum() or txt[e] in ':/.-_')): e += 1
                pos = 0
                for i, l in enumerate(lines):
                    a, b = max(k, pos), min(e, pos + len(l))
                    if a < b:
                        xa = x0 + px + c.width(l[:a - pos], 'Regular', fs) if a > pos else x0 + px
                        xb = x0 + px + c.width(l[:b - pos], 'Regular', fs)
                        yy = y + py + i * lh + int(lh * 0.5) + int(fs * 0.62)
                        c.shape('line', [xa, yy, xb, yy], col, 'link_underline', lw=2)
                    pos += len(l)
        by = y
        y += bh
        if own:
            if layout == 'vivo_sms':
                if d == 'in': c.text(x0 + bw + 14, y - 4, own, 'Regular', sfs, P['sub'], 'own_time', anchor='ld')
                else: c.text(x0 - 14, y - 4, own, 'Regular', sfs, P['sub'], 'own_time', anchor='rd')
            else:
                if d == 'in': c.text(x0 + 6, y + 8, own, 'Regular', sfs, P['sub'], 'own_time', anchor='lt')
                else: c.text(x0 + bw - 6, y + 8, own, 'Regular', sfs, P['sub'], 'own_time', anchor='rt')
                y += int(sfs * 1.5)
        if wechat: y = max(y, by + av)
        y += geo['gap']
        if dateonly: t = mdt if cur_sep is not None and not carried else None
        else: t = cur_sep if (cur_sep is not None and not carried) else None
        if carried: t = None
        sender = ctx['sender']
        if layout == 'wechat_group' and d == 'in': sender = nick
        recs.append(dict(kind='im' if wechat else 'sms', sender=sender, occurred_at=iso(t), direction=d, text=''.join(lines) if not is_ascii(txt) else ' '.join(lines), call_type=None, duration_seconds=None))
        drawn.append((d, txt, mdt, nick))
    # delivered marker for iphone after last out bubble (only if room)
    if fam == 'iphone' and drawn and drawn[-1][0] == 'out' and y + sfs * 1.4 < bottom:
        c.text(W - mx - 6, y - geo['gap'] + 6, 'Delivered' if layout.endswith('_en') else '已送达', 'Regular', int(sfs * 0.9), P['sub'], 'status', anchor='rt')
    return c, recs, drawn

# ---------------- call screens -----------------
def render_calls(layout, r, T, geo):
    W, H, dark, v = geo['W'], geo['H'], geo['dark'], geo['v']
    P = pal(layout, dark); b = layout.split('_')[0]; en = layout.endswith('_en')
    ios = b == 'iphone'
    c = Canvas(W, H, P['bg'])
    sb = status_bar(c, P, T, ios, en, r)
    y = sb + 20
    tfs = int(W * (0.075 if ios else 0.062))
    if ios:
        c.text(W - int(W * 0.05), y + 30, 'Edit' if en else '编辑', 'Regular', int(W * 0.042), '#0A84FF', 'nav_button', anchor='rm')
        seg = ['All', 'Missed'] if en else ['全部', '未接来电']
        c.shape('rounded_rect', [W * 0.3, y + 5, W * 0.7, y + 60], P['line'], 'segment', r=12)
        c.text(int(W * 0.4), y + 32, seg[0], 'Regular', int(W * 0.034), P['fg'], 'tab', anchor='mm')
        c.text(int(W * 0.6), y + 32, seg[1], 'Regular', int(W * 0.034), P['fg'], 'tab', anchor='mm')
        y += 90
        c.text(int(W * 0.05), y, 'Recents' if en else '最近通话', 'Bold', tfs, P['fg'], 'title')
        y += int(tfs * 1.6)
    else:
        ttl = {'huawei': '电话', 'honor': '电话', 'xiaomi': '通话记录', 'oppo': '电话', 'vivo': '电话'}[b]
        c.text(int(W * 0.06), y + 10, ttl, 'Bold' if v['bold'] else 'Regular', tfs, P['fg'], 'title')
        y += int(tfs * 1.7)
        c.shape('rounded_rect', [W * 0.05, y, W * 0.95, y + W * 0.1], P['bar'] if not dark else '#232325', 'search_box', r=int(W * 0.05))
        c.text(int(W * 0.12), int(y + W * 0.05), '搜索联系人', 'Regular', int(W * 0.036), P['sub'], 'search', anchor='lm')
        y += int(W * 0.13)
        if b in ('huawei', 'honor', 'vivo'):
            c.text(int(W * 0.06), y + 10, '全部', 'Bold', int(W * 0.038), P['fg'], 'tab')
            c.text(int(W * 0.2), y + 10, '未接', 'Regular', int(W * 0.038), P['sub'], 'tab')
            y += int(W * 0.08)
    navh = int(W * 0.16)
    bottom = H - navh
    c.shape('rect', [0, bottom, W, H], P['bar'], 'nav_bar')
    tabs = (['Favorites', 'Recents', 'Contacts', 'Keypad', 'Voicemail'] if en else ['个人收藏', '最近通话', '通讯录', '拨号键盘', '语音留言']) if ios else ['拨号', '联系人', '收藏', '畅连' if b in ('huawei', 'honor') else '营业厅']
    for i, tb in enumerate(tabs):
        c.text(int(W * (i + 0.5) / len(tabs)), bottom + int(navh * 0.62), tb, 'Regular', int(W * 0.026), P['sub'], 'tab', anchor='mm')
        c.shape('ellipse', [W * (i + 0.5) / len(tabs) - 18, bottom + navh * 0.18, W * (i + 0.5) / len(tabs) + 18, bottom + navh * 0.18 + 36], P['sub'], 'tab_icon')
    rowh = geo['rowh']; nfs = geo['nfs']; sfs = int(nfs * 0.72)
    cur = T - DT.timedelta(minutes=r.randint(2, 90))
    recs = []
    mx = int(W * 0.05)
    icon_x = mx
    name_x = mx + (int(W * 0.07) if (ios or b in ('huawei', 'honor', 'oppo')) else 0)
    pool = [contact(r) for _ in range(5)]
    while y + rowh <= bottom:
        k = r.random()
        if k < 0.35: typ = 'missed'
        elif k < 0.62: typ = 'incoming'
        else: typ = 'outgoing'
        disp, num = r.choice(pool) if r.random() < 0.4 else contact(r)
        sender = num if num else disp
        if en and num is None: disp, num = fmt_mobile(mobile(r), r), None; sender = ''.join(ch for ch in disp if ch.isdigit()); sender = sender[2:] if disp.startswith('+86') else sender
        if num is None and not (en) and disp not in NAMES: pass
        lab, has_t = call_label(cur, T, layout, v)
        dur = None; noconn = False
        if typ != 'missed' and b in ('xiaomi', 'oppo', 'vivo'):
            if typ == 'outgoing' and r.random() < 0.3: noconn = True
            else: dur = r.choice([r.randint(3, 59), r.randint(60, 900), r.randint(3600, 4000)] if r.random() < 0.1 else [r.randint(3, 59), r.randint(60, 900)])
        ytop = y
        col = P['red'] if typ == 'missed' else P['fg']
        ny = ytop + int(rowh * 0.16)
        nb = c.text(name_x, ny, disp, 'Regular' if not v['bold'] else 'Bold', nfs, col, 'call_name')
        if r.random() < 0.18:
            c.text(nb[2] + 12, ny, '(%d)' % r.randint(2, 5), 'Regular', nfs, col, 'call_counter')
        def dstr(s):
            h, rem = divmod(s, 3600); m, s2 = divmod(rem, 60)
            return ('%d小时' % h if h else '') + ('%d分' % m if (m or h) else '') + '%d秒' % s2
        city = r.choice(CITIES)
        tag = r.choice([None, None, '疑似催收', '骚扰电话', '催收电话', '疑似诈骗'])
        if ios:
            sub = r.choice(EN_CITIES) if en else r.choice(['手机', '未知', '中国' + city[:2], '疑似催收'])
        elif b == 'xiaomi':
            st = {'missed': '未接 响铃%d声' % r.randint(1, 6), 'incoming': '呼入 ' + (dstr(dur) if dur else ''), 'outgoing': '呼出 ' + ('未接通' if noconn else dstr(dur) if dur else '')}[typ].strip()
            sub = (city + ' ' if r.random() < 0.7 else '') + st
        elif b in ('oppo', 'vivo'):
            st = '未接通' if noconn else (dstr(dur) if dur else ('响铃%d声' % r.randint(1, 6) if typ == 'missed' else ''))
            sub = (city + ' ' + st).strip() if not tag else (tag + ' ' + st).strip()
        else:
            sub = city if not tag else (tag + (' | 被%d人标记' % r.randint(5, 900) if r.random() < 0.6 else ' · ' + city))
        sy = ny + int(nfs * 1.4)
        sx = name_x + (int(W * 0.045) if b in ('xiaomi', 'vivo') and not ios else 0)
        c.text(sx, sy, sub, 'Regular', sfs, P['sub'], 'call_sub')
        tcol = P['sub']
        rx = W - mx - (int(W * 0.08) if ios else 0)
        c.text(rx, ytop + rowh // 2 + 2, lab, 'Regular', sfs, tcol, 'call_time', anchor='rm')
        if ios:
            c.shape('ellipse', [W - mx - 44, ytop + rowh / 2 - 22, W - mx, ytop + rowh / 2 + 22], '#0A84FF', 'info_button')
            if typ == 'outgoing':
                c.shape('polygon', [icon_x, ny + 10, icon_x + 34, ny + 44], P['sub'], 'call_icon', icon='outgoing', points=[[icon_x, ny + 44], [icon_x + 34, ny + 10], [icon_x + 34, ny + 44]])
        elif b in ('xiaomi', 'vivo'):
            if b == 'vivo':
                ic = {'missed': 'missed', 'incoming': 'incoming', 'outgoing': 'outgoing'}[typ]
                c.shape('polygon', [name_x, sy + 8, name_x + 30, sy + 38], P['red'] if typ == 'missed' else P['sub'], 'call_icon', icon=ic, points=[[name_x, sy + 8], [name_x + 30, sy + 8], [name_x, sy + 38]])
        else:
            ic = typ
            c.shape('polygon', [icon_x, ny + 14, icon_x + 34, ny + 48], P['red'] if typ == 'missed' else P['sub'], 'call_icon', icon=ic, points=[[icon_x, ny + 14], [icon_x + 34, ny + 48], [icon_x, ny + 48]])
        c.shape('line', [name_x, ytop + rowh - 1, W, ytop + rowh - 1], P['line'], 'row_separator')
        recs.append(dict(kind='call', sender=sender, occurred_at=iso(cur) if has_t else None, direction='out' if typ == 'outgoing' else 'in', text=None, call_type=typ, duration_seconds=dur))
        y += rowh
        k = r.random()
        if k < 0.5: cur -= DT.timedelta(minutes=r.randint(3, 240))
        elif k < 0.8: cur -= DT.timedelta(days=1, minutes=r.randint(0, 600))
        else: cur -= DT.timedelta(days=r.randint(2, 9), minutes=r.randint(0, 600))
    return c, recs

# ---------------- main -----------------
LAYOUTS = ['huawei_sms', 'honor_sms', 'vivo_sms', 'xiaomi_sms', 'oppo_sms', 'iphone_sms', 'iphone_sms_en', 'wechat_private', 'wechat_group',
           'huawei_calls', 'honor_calls', 'xiaomi_calls', 'oppo_calls', 'vivo_calls', 'iphone_calls', 'iphone_calls_en']
PAIR_LAYOUTS = ['huawei_sms', 'honor_sms', 'vivo_sms', 'xiaomi_sms', 'oppo_sms', 'iphone_sms', 'iphone_sms_en', 'wechat_private', 'wechat_group', 'xiaomi_sms']

def main():
    r = random.Random(SEED)
    for f in glob.glob(os.path.join(OUT, '*')):
        if f.lower().endswith(('.png', '.jpg')) or os.path.basename(f) in ('truth.jsonl', 'drawlog.jsonl'): os.remove(f)
    truth, dlog = [], []
    used_names = set(); img_nums = list(range(1200, 9999)); r.shuffle(img_nums)
    n_per = 8
    jobs = []
    pc = {}
    for L in LAYOUTS:
        for i in range(n_per): jobs.append((L, None))
    # overlap pairs replace two single jobs each
    for L in PAIR_LAYOUTS:
        pc[L] = pc.get(L, 0) + 1
        jobs.remove((L, None)); jobs.remove((L, None))
        jobs.append((L, '%s_t%d' % (L, pc[L])))
    start = DT.date(2025, 6, 1); span = (DT.date(2026, 11, 30) - start).days
    njpg = 0
    for idx, (L, thread) in enumerate(jobs):
        if idx % 6 == 0: day = DT.date(2026, 1, r.randint(1, 8))
        else: day = start + DT.timedelta(days=r.randint(0, span))
        T = DT.datetime(day.year, day.month, day.day, r.randint(7, 22), r.randint(0, 59), r.randint(0, 59))
        dark = r.random() < 0.34
        fam = L.split('_')[0]
        ios = fam == 'iphone' or (fam == 'wechat' and r.random() < 0.4)
        W, H = r.choice(IPHONE_SIZES if ios else ANDROID_SIZES)
        v = dict(h12=r.random() < 0.4, wd=r.random() < 0.4, card=r.choice([None, None, '卡1', '卡2']), ytime=r.random() < 0.5, bold=r.random() < 0.3)
        fs = r.randint(38, 46) if W < 1000 else r.randint(40, 60)
        geo = dict(W=W, H=H, dark=dark, v=v, ios_frame=ios, fs=fs, lsp=r.uniform(1.34, 1.55), padx=r.randint(int(fs * 0.5), int(fs * 0.8)), pady=r.randint(int(fs * 0.38), int(fs * 0.6)),
                   rad=r.randint(14, 44), maxw=r.uniform(0.62, 0.76), gap=r.randint(int(fs * 0.5), int(fs * 0.9)), uline=r.random() < 0.5,
                   rowh=int(W * r.uniform(0.15, 0.2)), nfs=int(W * r.uniform(0.04, 0.047)))
        shots = []
        if L.endswith('calls') or L.endswith('calls_en'):
            c, recs = render_calls(L, r, T, geo); shots.append((T, c, recs))
        else:
            disp, num = contact(r, allow_service=not L.startswith('wechat'))
            ctx = dict(plat=r.choice(PLAT), bname=r.choice(SURN) + r.choice(['先生', '女士', '某某']), avc={'in': r.choice(['#7A9CC6', '#C98B6B', '#6BA58F']), 'out': r.choice(['#B58BC9', '#8FA0A8'])})
            if L == 'wechat_group':
                base = r.choice(['逾期协商群', '还款处理群', '%s调解群' % ctx['plat'], '债务沟通'])
                ctx['title'] = '%s(%d)' % (base, r.randint(3, 12)); ctx['sender'] = base
                ctx['nicks'] = ['催收-王', '张律师', '调解员小李', '法务 陈', '财务(核账)']
            elif L == 'wechat_private':
                ctx['title'] = ctx['sender'] = r.choice(NAMES + ['信贷小刘', 'Amy(调解)'])
            else:
                ctx['title'] = disp
                ctx['sender'] = num if num else disp
                ctx['service'] = bool(num and not num.startswith('1') or (num and len(num) > 11))
                if num and num.startswith('1') and len(num) == 11: ctx['hsub'] = r.choice(CITIES) + ' ' + r.choice(['移动', '联通', '电信'])
            dateonly = L in ('huawei_sms', 'honor_sms', 'vivo_sms')
            latest = T - DT.timedelta(minutes=r.randint(3, 120))
            if thread and dateonly: latest = DT.datetime(T.year, T.month, T.day) - DT.timedelta(minutes=r.randint(30, 600))
            groups = gen_stream(r, T, L, r.randint(5, 8), latest, ctx)
            drop = thread is None and r.random() < 0.3
            c, recs, drawn = render_msgs(L, r, T, ctx, [], groups, geo, drop)
            shots.append((T, c, recs))
            if thread:
                n = r.choice([1, 2])
                T2 = T + DT.timedelta(minutes=r.randint(4, 12), seconds=r.randint(0, 59))
                if T2.date() != T.date(): T2 = T
                gdt = T2 - DT.timedelta(minutes=r.randint(1, 3))
                new = []
                for i in range(r.randint(2, 4)):
                    out = r.random() < 0.35 and not ctx.get('service')
                    t = (en_msg(r, ctx, out) if L.endswith('_en') else (borrower_msg(r, L.startswith('wechat')) if out else coll_msg(r, ctx)))
                    new.append(('out' if out else 'in', t, gdt))
                c2, recs2, _ = render_msgs(L, r, T2, ctx, drawn[-n:], [(gdt, new)], geo, False)
                assert len(recs2) > n
                shots.append((T2, c2, recs2))
        for (TT, c, recs) in shots:
            as_jpg = r.random() < 0.15
            q = r.randint(70, 92) if as_jpg else None
            while True:
                if as_jpg: name = 'IMG_%s.jpg' % TT.strftime('%Y%m%d_%H%M%S')
                elif ios:
                    if r.random() < 0.5: name = 'IMG_%d.PNG' % img_nums.pop()
                    else: name = 'Screenshot %s.png' % TT.strftime('%Y-%m-%d at %H.%M.%S')
                else:
                    name = ('Screenshot_%s.png' % TT.strftime('%Y%m%d_%H%M%S')) if r.random() < 0.5 else ('Screenshot_%s.png' % TT.strftime('%Y-%m-%d-%H-%M-%S'))
                if name not in used_names: break
                TT = TT + DT.timedelta(seconds=1)
            used_names.add(name)
            if as_jpg: c.im.save(os.path.join(OUT, name), 'JPEG', quality=q); njpg += 1
            else: c.im.save(os.path.join(OUT, name), 'PNG', compress_level=9)
            truth.append(dict(file=name, layout=L, dark=dark, taken_on=TT.strftime('%Y-%m-%d'), thread=thread, records=recs))
            dlog.append(dict(file=name, size=[c.W, c.H], layout=L, dark=dark, format='JPEG' if as_jpg else 'PNG', jpeg_quality=q,
                             taken_at=TT.strftime('%Y-%m-%dT%H:%M:%S'), strings=c.strings, shapes=c.shapes))
    with open(os.path.join(OUT, 'truth.jsonl'), 'w', encoding='utf-8') as f:
        for t in truth: f.write(json.dumps(t, ensure_ascii=False) + '\n')
    with open(os.path.join(OUT, 'drawlog.jsonl'), 'w', encoding='utf-8') as f:
        for t in dlog: f.write(json.dumps(t, ensure_ascii=False) + '\n')
    print(len(truth), 'images', sum(len(t['records']) for t in truth), 'records', njpg, 'jpeg')

if __name__ == '__main__':
    main()

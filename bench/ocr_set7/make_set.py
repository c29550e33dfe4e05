#!/usr/bin/env python3
"""Deterministic generator for benchmark set ocr_set7: synthetic Chinese phone screenshots
(debt-collection SMS threads, WeChat chats, call logs) with exact truth.

Run:  python make_set.py          (writes images, truth.jsonl, drawlog.jsonl next to this file)
Requires Pillow, fontTools and Noto Sans CJK (face index 2 = SC) in /usr/share/fonts/opentype/noto.
"""
import os, sys, json, random, datetime as dt
from PIL import Image, ImageDraw, ImageFont
from fontTools.ttLib import TTCollection

OUT = os.path.dirname(os.path.abspath(__file__))
SEED = 20260719
FONT_DIR = '/usr/share/fonts/opentype/noto'
FACE = 2
TZ = '+08:00'
CLOSE_PUNCT = '，。、：；！？）】」”’,.:;!?)%'

# ----------------------------------------------------------------------------- fonts
_fonts, _cmaps = {}, {}


def fpath(weight):
    return f'{FONT_DIR}/NotoSansCJK-{weight}.ttc'


def font(weight, size):
    k = (weight, int(size))
    if k not in _fonts:
        _fonts[k] = ImageFont.truetype(fpath(weight), int(size), index=FACE)
    return _fonts[k]


def cmap(weight):
    if weight not in _cmaps:
        _cmaps[weight] = set(TTCollection(fpath(weight)).fonts[FACE].getBestCmap().keys())
    return _cmaps[weight]


def tlen(s, weight, size):
    return font(weight, size).getlength(s)

# ----------------------------------------------------------------------------- canvas


class Canvas:
    def __init__(self, W, H, bg):
        self.W, self.H = W, H
        self.img = Image.new('RGB', (W, H), bg)
        self.d = ImageDraw.Draw(self.img)
        self.strings, self.shapes = [], []

    def text(self, x, y, s, weight, size, fill, role, anchor='ls', **meta):
        x, y, size = int(round(x)), int(round(y)), int(size)
        cm = cmap(weight)
        for ch in s:
            if ord(ch) not in cm:
                raise ValueError(f'char {ch!r} not in font {weight}')
        f = font(weight, size)
        self.d.text((x, y), s, font=f, fill=fill, anchor=anchor)
        m, off = f.getmask2(s, mode='L', anchor=anchor)
        bb = m.getbbox()
        ink = [x + off[0] + bb[0], y + off[1] + bb[1], x + off[0] + bb[2], y + off[1] + bb[3]]
        rec = {'text': s, 'bbox': ink, 'role': role, 'size': size,
               'font': f'NotoSansCJK-{weight}.ttc', 'face': FACE, 'fill': fill,
               'origin': [x, y], 'anchor': anchor, 'advance': round(f.getlength(s), 2)}
        rec.update(meta)
        self.strings.append(rec)
        return ink

    def _shape(self, shape_kind, box, role, fill, **meta):
        rec = {'shape': shape_kind, 'bbox': [int(round(v)) for v in box], 'role': role, 'fill': fill}
        rec.update(meta)
        self.shapes.append(rec)

    def rrect(self, box, r, fill, role, outline=None, width=1, **meta):
        box = [int(round(v)) for v in box]
        self.d.rounded_rectangle(box, radius=int(r), fill=fill, outline=outline, width=width)
        self._shape('rrect', box, role, fill, radius=int(r), outline=outline, **meta)

    def rect(self, box, fill, role, **meta):
        box = [int(round(v)) for v in box]
        self.d.rectangle(box, fill=fill)
        self._shape('rect', box, role, fill, **meta)

    def ellipse(self, box, fill, role, outline=None, width=1, **meta):
        box = [int(round(v)) for v in box]
        self.d.ellipse(box, fill=fill, outline=outline, width=width)
        self._shape('ellipse', box, role, fill, outline=outline, **meta)

    def poly(self, pts, fill, role, **meta):
        pts = [(int(round(a)), int(round(b))) for a, b in pts]
        self.d.polygon(pts, fill=fill)
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        self._shape('polygon', [min(xs), min(ys), max(xs), max(ys)], role, fill, points=pts, **meta)

    def line(self, pts, fill, width, role, **meta):
        pts = [(int(round(a)), int(round(b))) for a, b in pts]
        self.d.line(pts, fill=fill, width=int(width), joint='curve')
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        self._shape('line', [min(xs), min(ys), max(xs), max(ys)], role, fill, points=pts, width=int(width), **meta)

    def arc(self, box, start, end, fill, width, role, **meta):
        box = [int(round(v)) for v in box]
        self.d.arc(box, start, end, fill=fill, width=int(width))
        self._shape('arc', box, role, fill, start=start, end=end, width=int(width), **meta)

# ----------------------------------------------------------------------------- time labels
WD_XQ = ['星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日']
WD_ZHOU = ['周一', '周二', '周三', '周四', '周五', '周六', '周日']
WD_EN = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
WD_EN3 = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']
MON_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']


def t24(t):
    return f'{t.hour:02d}:{t.minute:02d}'


def t24n(t):  # no leading zero hour (e.g. 9:05)
    return f'{t.hour}:{t.minute:02d}'


def tperiod(t):  # Xiaomi / WeChat style period words
    h = t.hour
    p = '凌晨' if h < 5 else '早上' if h < 8 else '上午' if h < 12 else '中午' if h < 13 else '下午' if h < 18 else '晚上'
    hh = h % 12 or 12
    return f'{p}{hh}:{t.minute:02d}'


def tampm_zh(t):  # iOS zh 12h
    h = t.hour
    return f'{"上午" if h < 12 else "下午"}{h % 12 or 12}:{t.minute:02d}'


def tampm_en(t):
    h = t.hour
    return f'{h % 12 or 12}:{t.minute:02d} {"AM" if h < 12 else "PM"}'


def dkind(d, T):
    n = (T - d).days
    assert n >= 0
    if n == 0:
        return 'today'
    if n == 1:
        return 'yest'
    if n <= 6:
        return 'week'
    if d.year == T.year:
        return 'year'
    return 'old'


def sep_label(layout, when, T, v):
    """Separator label for chat layouts. Returns label string. v = per-image variant dict."""
    d, k = when.date(), dkind(when.date(), T)
    if layout in ('huawei_sms', 'honor_sms', 'vivo_sms'):  # date only
        wd = WD_ZHOU[d.weekday()] if v.get('zhou') else WD_XQ[d.weekday()]
        if k == 'today':
            return '今天'
        if k == 'yest':
            return '昨天'
        if k == 'week':
            return wd
        if k == 'year':
            return f'{d.month}月{d.day}日' if not v.get('slash') else f'{d.month}/{d.day}'
        return f'{d.year}年{d.month}月{d.day}日' if not v.get('slash') else f'{d.year}/{d.month}/{d.day}'
    if layout == 'xiaomi_sms':
        tm = tperiod(when)
        pre = {'today': '', 'yest': '昨天 ', 'week': WD_XQ[d.weekday()] + ' ',
               'year': f'{d.month}月{d.day}日 ', 'old': f'{d.year}年{d.month}月{d.day}日 '}[k]
        return pre + tm
    if layout == 'oppo_sms':
        tm = t24(when)
        pre = {'today': '今天 ', 'yest': '昨天 ', 'week': WD_ZHOU[d.weekday()] + ' ',
               'year': f'{d.month}月{d.day}日 ', 'old': f'{d.year}年{d.month}月{d.day}日 '}[k]
        return pre + tm
    if layout == 'iphone_sms':
        tm = tampm_zh(when) if v.get('h12') else t24(when)
        pre = {'today': '今天 ', 'yest': '昨天 ', 'week': WD_XQ[d.weekday()] + ' ',
               'year': f'{d.month}月{d.day}日 {WD_XQ[d.weekday()]} ', 'old': f'{d.year}年{d.month}月{d.day}日 '}[k]
        return pre + tm
    if layout == 'iphone_sms_en':
        tm = tampm_en(when)
        if k == 'today':
            return 'Today ' + tm
        if k == 'yest':
            return 'Yesterday ' + tm
        if k == 'week':
            return WD_EN[d.weekday()] + ' ' + tm
        if k == 'year':
            return f'{WD_EN3[d.weekday()]}, {MON_EN[d.month - 1]} {d.day} at {tm}'
        return f'{WD_EN3[d.weekday()]}, {MON_EN[d.month - 1]} {d.day}, {d.year} at {tm}'
    if layout.startswith('wechat'):
        tm = tperiod(when) if v.get('h12') else t24(when)
        pre = {'today': '', 'yest': '昨天 ', 'week': WD_XQ[d.weekday()] + ' ',
               'year': f'{d.month}月{d.day}日 ', 'old': f'{d.year}年{d.month}月{d.day}日 '}[k]
        return pre + tm
    raise KeyError(layout)


def own_label(layout, when, v):
    if layout == 'honor_sms' and v.get('h12'):
        return tperiod(when)
    return t24(when)


def call_label(layout, when, T, v):
    """Returns (label, has_time)."""
    d, k = when.date(), dkind(when.date(), T)
    if layout == 'huawei_calls':
        if k == 'today':
            return t24(when), True
        if k == 'yest':
            return ('昨天 ' + t24(when), True) if v.get('yt') else ('昨天', False)
        if k == 'week':
            return WD_XQ[d.weekday()], False
        if k == 'year':
            return f'{d.month}/{d.day}', False
        return f'{d.year}/{d.month}/{d.day}', False
    if layout == 'honor_calls':
        if k == 'today':
            return t24(when), True
        if k == 'yest':
            return '昨天 ' + t24(when), True
        if k == 'week':
            return WD_ZHOU[d.weekday()], False
        if k == 'year':
            return f'{d.month}月{d.day}日', False
        return f'{d.year}年{d.month}月{d.day}日', False
    if layout == 'xiaomi_calls':
        if k == 'today':
            return tperiod(when), True
        if k == 'yest':
            return ('昨天 ' + tperiod(when), True) if v.get('yt') else ('昨天', False)
        if k == 'week':
            return WD_XQ[d.weekday()], False
        if k == 'year':
            return f'{d.month}月{d.day}日', False
        return f'{d.year}年{d.month}月{d.day}日', False
    if layout == 'oppo_calls':
        if k == 'today':
            return t24(when), True
        if k == 'yest':
            return '昨天', False
        if k == 'week':
            return WD_XQ[d.weekday()], False
        if k == 'year':
            return f'{d.month:02d}/{d.day:02d}', False
        return f'{d.year}/{d.month:02d}/{d.day:02d}', False
    if layout == 'vivo_calls':
        if k == 'today':
            return t24(when), True
        if k == 'yest':
            return '昨天 ' + t24(when), True
        if k == 'week':
            return WD_ZHOU[d.weekday()], False
        if k == 'year':
            return f'{d.month:02d}-{d.day:02d}', False
        return f'{d.year}-{d.month:02d}-{d.day:02d}', False
    if layout == 'iphone_calls':
        if k == 'today':
            return (tampm_zh(when) if v.get('h12') else t24(when)), True
        if k == 'yest':
            return '昨天', False
        if k == 'week':
            return WD_XQ[d.weekday()], False
        return f'{d.year}/{d.month}/{d.day}', False
    if layout == 'iphone_calls_en':
        if k == 'today':
            return tampm_en(when), True
        if k == 'yest':
            return 'Yesterday', False
        if k == 'week':
            return WD_EN[d.weekday()], False
        return f'{d.month}/{d.day}/{d.year % 100:02d}', False
    raise KeyError(layout)

# ----------------------------------------------------------------------------- content


def mobile(r, spaced=True):
    a = f'1{r.choice("3578")}{r.randint(0, 9)}'
    b = f'{r.randint(1000, 9999)}'
    return f'{a} 0000 {b}' if spaced else f'{a}0000{b}'


PLATS = ['速易借', '融信花', '月月盈', '快银宝', '闪租分期', '玖信贷', '优品钱包', '金橙白条', '惠享借', '鑫桥金融', '米粒贷', '青禾分期']
AGENTS = ['王专员', '李主管', '陈经理', '周专员', '赵调解员', '孙律师助理', '刘组长', '吴专员']
BNAMES_M = ['张建国', '刘洋', '王磊', '赵志强', '周凯', '徐斌']
BNAMES_F = ['陈晓梅', '李娜', '黄丽', '吴婷']
LAWS = ['浙江衡正律师事务所', '广东信诚明律师事务所', '北京中和鼎律师事务所', '江苏立衡律师事务所', '上海瑞简律师事务所']
COURTS = ['临江市西湖区人民法院', '南屏市天河区人民法院', '东陵县人民法院']
ARBS = ['华东互联网仲裁中心', '南方金融纠纷调解中心', '临江仲裁委员会']
BANKS = ['华信银行', '东衡银行', '中泰商业银行', '江北农商银行']
COMPANIES = ['临江市恒信资产管理有限公司', '深圳前海盈泰商务咨询有限公司', '杭州鼎安信息技术有限公司']
ECNAMES = ['王秀英', '李国强', '张丽华', '陈志伟']
LOCS = ['浙江 杭州', '广东 深圳', '江苏 南京', '四川 成都', '湖北 武汉', '河南 郑州', '湖南 长沙', '福建 厦门', '山东 济南', '安徽 合肥']
CARRIERS = ['移动', '联通', '电信']


def link(r):
    dom = r.choice(['hxjf8.cn', 'rxd6.cn', 'qbd-law.cn', 'sfys.cc', 'jinc9.com', 'yyy-pay.cn', 'tzcs.net'])
    pre = r.choice(['https://', 'http://', ''])
    sub = r.choice(['dx.', 't.', 'm.', 'case.', ''])
    path = ''.join(r.choice('abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789') for _ in range(r.randint(4, 7)))
    return f'{pre}{sub}{dom}/{r.choice(["p", "a", "s", "q", "r"])}/{path}'


def short_link(r):
    path = ''.join(r.choice('abcdefghjkmnpqrstuvwxyz23456789') for _ in range(r.randint(4, 5)))
    return f'{r.choice(["hxd8.cn", "rxd6.cn", "sfys.cc"])}/{path}'


def amount(r):
    v = r.choice([r.randint(800, 9999), r.randint(10000, 68000)]) + r.choice([0, 0, 0.5, 0.36, 0.8, 0.12])
    style = r.randint(0, 4)
    if style == 0:
        return f'¥{v:,.2f}'
    if style == 1:
        return f'￥{v:,.2f}'
    if style == 2:
        return f'{int(v)}元'
    if style == 3:
        return f'{v:.2f}元'
    return f'￥{int(v)}'


def case_no(r):
    y = r.choice([2025, 2026])
    k = r.randint(0, 4)
    if k == 0:
        return f'({y}){r.choice(["浙0106", "粤0304", "苏0102", "川0107"])}民初{r.randint(1000, 19999)}号'
    if k == 1:
        return f'HZ{y}{r.randint(1, 12):02d}{r.randint(1, 28):02d}-{r.randint(100, 9999):04d}'
    if k == 2:
        return f'No.CS{y}-{r.randint(100000, 999999)}'
    if k == 3:
        return f'SF-{r.randint(100, 999):04d}-{r.randint(10000, 99999)}'
    return f'〔{y}〕临仲字第{r.randint(100, 9999)}号'


def card_mask(r):
    pre = r.choice(['6222', '6217', '6228', '6214', '6259'])
    tail = f'{r.randint(0, 9999):04d}'
    return r.choice([f'{pre} **** **** {tail}', f'{pre}****{tail}', f'{pre} **** {tail}'])


def id_mask(r):
    return r.choice(['3301', '4403', '3201', '5101', '4201']) + '*' * 10 + f'{r.randint(0, 9999):04d}'


def svc_num(r):
    return r.choice([f'400-8{r.randint(10, 99)}-{r.randint(1000, 9999)}', f'95{r.randint(700, 799)}', f'0571-8{r.randint(100, 999)} {r.randint(1000, 9999)}'])


def fill_vars(r):
    return {
        'plat': r.choice(PLATS), 'agent': r.choice(AGENTS), 'bname': (r.choice(BNAMES_M) + r.choice(['', '先生']) if r.random() < 0.6 else r.choice(BNAMES_F) + r.choice(['', '女士'])),
        'law': r.choice(LAWS), 'court': r.choice(COURTS), 'arb': r.choice(ARBS), 'bank': r.choice(BANKS),
        'company': r.choice(COMPANIES), 'ec': r.choice(ECNAMES), 'days': r.choice([3, 7, 15, 26, 31, 45, 62, 87, 120, 183]),
        'amt': amount(r), 'amt2': amount(r), 'card': card_mask(r), 'card4': f'{r.randint(0, 9999):04d}',
        'id': id_mask(r), 'case': case_no(r), 'svc': svc_num(r), 'mob': mobile(r, r.random() < 0.5),
        'hh': r.choice([12, 15, 17, 18, 20]), 'rate': r.choice(['0.05%', '0.1%', '0.065%', '0.08%']),
        'pct': r.choice([24, 35.9, 36, 18.25]), 'md': f'{r.randint(1, 12)}月{r.randint(1, 28)}日',
        'contract': f'{r.choice(["JK", "HT", "LN"])}{r.randint(10 ** 9, 10 ** 10 - 1)}',
        'int': amount(r), 'pen': amount(r), 'tot': amount(r), 'amt3': amount(r),
    }


COLLECT_ZH = [
    '【{plat}】{bname}，您在我司的借款已逾期{days}天，应还金额{amt}，请于今日{hh}:00前还清，逾期将影响个人征信。',
    '{bname}您好，我是{plat}贷后部{agent}，您的账单已严重逾期，今天必须处理，否则我们将按流程联系您的紧急联系人。',
    '您尾号{card4}的信用卡已逾期{days}天，欠款{amt}，请立即还款。如有疑问请致电{svc}。',
    '【{law}】关于您拖欠{plat}借款一案，我所已受理委托，案件编号：{case}。请于{md}前联系处理，逾期将向法院提起诉讼。',
    '最后通知：您的案件已进入司法预审阶段，预审编号{case}，查询链接：{link}',
    '你再不接电话，我们明天就安排外访人员上门，到时候你家里人和村委会都会知道。',
    '已经给你很多次机会了，今天下午6点前不还，我们就联系你单位人事和通讯录里的所有人。',
    '尊敬的客户，您的借呗已逾期{days}天，当前应还{amt}（含罚息），请尽快处理，避免影响信用记录。',
    '您的花呗账单已逾期，逾期费率按日{rate}计收。请今日内还款，回T退订',
    '【{plat}】您名下借款合同{contract}已移交{arb}，仲裁申请将于3个工作日内提交，详情：{link}',
    '{bname}，你的身份证号{id}，户籍地址我们已经核实，下周安排人员上门核实家庭资产。',
    '还款账户：{bank} {card}，户名：{company}。还完截图发我，我这边帮你销账。',
    '我们不想走到起诉那一步，你今天先还最低{amt2}，剩下的可以申请延期。',
    '网商贷提醒：您有一笔{amt}的贷款已逾期{days}天，请于今日23:59前还款，逾期将上报征信系统。',
    '【律师函】{bname}：受{plat}委托，就您拖欠借款本息合计{amt}一事，特此函告。请于收函后48小时内履行还款义务。电子版：{link}',
    '联系不上你本人，我们已经给你的紧急联系人{ec}打过电话了。',
    '请注意！您的逾期记录已被标记为“恶意拖欠”，若今日仍未处理，将按程序通报至您所在单位及户籍所在地。',
    '今天最后一天了，钱准备好了吗？',
    '在吗？看到回复。',
    '账单明细：本金{amt}，利息{int}，罚息{pen}，合计{tot}。',
    '您好，法院传票已寄出，请注意查收。案号：{case}',
    '{ec}你好，{bname}欠我司款项未还，请转告尽快联系{agent}，电话{mob}。',
    '逾期{days}天，年化{pct}%，你自己算算还要拖多久？',
    'Hi，这边是{plat}风控中心，您的额度已冻结，请尽快还清欠款{amt}。',
    '分期方案：分3期，每期{amt3}，首期今天17:00前付。同意请回复1。',
    '【{court}】{bname}，您涉及的借款合同纠纷已立案，请登录{link}查看诉讼材料。',
    '为避免影响您的出行及子女入学，请尽快处理逾期欠款。',
    '我们的外访组已经到你户籍地了，你确定不接电话？',
    '电话不接，短信不回，你是打算一直躲着吗?',
    '【{plat}】尊敬的用户：您的账单(尾号{card4})已逾期，应还{amt}。还款请点击{link} ，退订回TD',
    '今天{hh}点前必须到账，到账后发截图给我，不然明天早上九点准时上门。',
    '您的欠款已委托第三方机构处理，后续将由{law}与您联系，请保持电话畅通：{svc}',
    '核实一下，{id}是你本人身份证吧？地址还是原来那个吗？',
    '通知：你的借款逾期{days}天，已被列入重点催收名单（{case}）。',
    '你不处理，我们只能走法律程序，到时候诉讼费、律师费都由你承担。',
    '最后再提醒一次，别让我们去你公司找你。',
    '还款方式：转账至{bank}对公账户{card}，备注身份证后四位。',
    '{plat}温馨提示：本期应还{amt}，已逾期{days}天，每日罚息{rate}。',
    '我们已经掌握你的通讯录，一共256个联系人，你自己看着办。',
    '{bname}，您的减免申请已通过，今日还款{amt2}即可结清，过期作废。',
]

REPLY_ZH = ['好', '嗯', '？', '?', '明天还', '我在想办法', 'ok', '别再打我家人电话了', '能不能分期', '下周一发工资就还',
            '我已经还了500了', '你们是哪个公司的？', '别发了', '知道了', '我现在没钱', '给我三天时间', '能减免一点罚息吗？',
            '好的，我今天先还一部分', '这个链接是真的吗', '我要投诉你们', '行', '1', '已还，截图发你了', '你们这样是违法的！',
            '我不认识这个人', '晚点打给你', '嗯嗯', '收到', '月底一定还清', '你再骚扰我就报警了', '我在上班，不方便接电话']

COLLECT_EN = [
    'Your loan of RMB {amt_e} is {days} days overdue. Please repay today to avoid legal action.',
    'FINAL NOTICE: your account has been transferred to our legal team. Case No. {case_e}.',
    'Pay now at {slink} or call {svc_e}.',
    'We will contact your employer and emergency contacts tomorrow.',
    'Reply 1 to accept the 3-month installment plan.',
    'Hello, are you there?',
    'This is {plat_e} collections. Your payment of RMB {amt_e} is still missing.',
    'If we do not receive payment by 6 PM, a field agent will visit your address.',
    'Your credit record will be reported. Last chance to settle: RMB {amt_e}.',
]
MIXED_EN = [
    '【{plat}】Dear customer, 您的账单已逾期{days}天, please repay {amt} today.',
    'Your 花呗 bill is overdue. 请尽快还款 to protect your credit.',
    'Case {case}: 您的案件已转交律师处理, check {link}',
    'Hi {bname}, 今天是最后期限, total due {amt}. Call me: {mob}',
    '逾期{days} days already! 再不还就起诉 (lawsuit).',
    'Notice from {law}: 请于48小时内联系我们, otherwise we file at court.',
    '还款账户 Account: {bank} {card}',
]
REPLY_EN = ['ok', 'Who is this?', 'I will pay tomorrow', 'Stop calling my family', 'Can I pay in installments?', '别再打了',
            'Got it.', '?', 'OK 明天还', 'I already paid 500', 'Please stop.', '好']

WX_EXTRA_IN = ['[微笑]在吗？', '今天能处理吗[疑问]', '收到请回复[抱拳]', '别装死，看到回消息', '你这样拖着对谁都没好处[捂脸]',
               '我们也是按流程办事[握手]', '你家人那边我们先不打扰，今天给个准话', '发个定位过来，我们的人在附近']
WX_EXTRA_OUT = ['[抱拳]再宽限几天', '好的[OK]', '我在想办法凑钱[流泪]', '别打我爸妈电话了！', '嗯', '明天中午前', '能不能只还本金']

WX_NICKS = ['催收-王专员', '调解员 刘姐', '李律师(衡正所)', '法务部-陈', '小周', '贷后 张组长', '风控-吴']


def render_tpl(r, tpl, V):
    V = dict(V)
    V['link'] = link(r)
    V['slink'] = short_link(r)
    V['amt_e'] = f'{r.randint(800, 40000):,}.{r.choice(["00", "50", "36"])}'
    V['case_e'] = f'CS{r.randint(2025, 2026)}-{r.randint(10000, 99999)}'
    V['svc_e'] = f'400-8{r.randint(10, 99)}-{r.randint(1000, 9999)}'
    V['plat_e'] = r.choice(['QuickSilver Credit', 'Moonleaf Finance', 'Jincheng Lending'])
    txt = tpl.format(**V)
    lk = None
    for key in ('link', 'slink'):
        if '{' + key + '}' in tpl:
            i = txt.find(V[key])
            lk = (i, i + len(V[key]))
    return txt, lk

# ----------------------------------------------------------------------------- wrapping


def is_ascii(s):
    return all(ord(c) < 128 for c in s)


def wrap(text, weight, size, maxw, maxlines=9):
    f = font(weight, size)
    if is_ascii(text):
        words = text.split(' ')
        if any(f.getlength(w) > maxw for w in words) or '  ' in text:
            return None
        lines, cur = [], ''
        for w in words:
            t = w if not cur else cur + ' ' + w
            if f.getlength(t) <= maxw:
                cur = t
            else:
                lines.append(cur)
                cur = w
        lines.append(cur)
        return lines if len(lines) <= maxlines else None
    w = maxw
    while w >= maxw * 0.55:
        lines, cur = [], ''
        for ch in text:
            if cur and f.getlength(cur + ch) > w:
                lines.append(cur)
                cur = ch
            else:
                cur += ch
        if cur:
            lines.append(cur)
        bad = any(lines[i].endswith(' ') or lines[i + 1].startswith(' ') or lines[i + 1][0] in CLOSE_PUNCT
                  for i in range(len(lines) - 1))
        if not bad:
            return lines if len(lines) <= maxlines else None
        w -= size * 0.5
    return None

# ----------------------------------------------------------------------------- palettes


def pal(layout, dark):
    P = {
        'huawei_sms': (('#FFFFFF', '#F1F3F5', '#191919', '#007DFF', '#FFFFFF'), ('#000000', '#262626', '#E6E6E6', '#0A59F7', '#FFFFFF')),
        'honor_sms': (('#F7F7F7', '#FFFFFF', '#1A1A1A', '#256FFF', '#FFFFFF'), ('#0D0D0D', '#2B2B2B', '#E0E0E0', '#2A5BD7', '#FFFFFF')),
        'vivo_sms': (('#F4F5F7', '#FFFFFF', '#141414', '#415FFF', '#FFFFFF'), ('#0A0A0A', '#262626', '#E8E8E8', '#3355E0', '#FFFFFF')),
        'xiaomi_sms': (('#FFFFFF', '#F2F3F5', '#1C1C1C', '#2F7BFF', '#FFFFFF'), ('#000000', '#1F1F1F', '#E3E3E3', '#2666D9', '#FFFFFF')),
        'oppo_sms': (('#FFFFFF', '#F0F0F0', '#1B1B1B', '#2DC36A', '#FFFFFF'), ('#000000', '#242424', '#E6E6E6', '#1FA155', '#FFFFFF')),
        'iphone_sms': (('#FFFFFF', '#E9E9EB', '#000000', '#34C759', '#FFFFFF'), ('#000000', '#262628', '#FFFFFF', '#30B250', '#FFFFFF')),
        'wechat': (('#EDEDED', '#FFFFFF', '#191919', '#95EC69', '#191919'), ('#111111', '#2C2C2C', '#D5D5D5', '#3EB575', '#0F0F0F')),
    }
    key = 'iphone_sms' if layout.startswith('iphone_sms') else 'wechat' if layout.startswith('wechat') else layout
    bg, inb, intx, outb, outx = P[key][1 if dark else 0]
    return {'bg': bg, 'in': inb, 'intx': intx, 'out': outb, 'outx': outx,
            'sub': '#8A8A8A' if not dark else '#8C8C8C', 'sep': '#999999' if not dark else '#7A7A7A',
            'fg': '#111111' if not dark else '#EDEDED', 'bar': '#F7F7F7' if not dark else '#1A1A1A',
            'field': '#FFFFFF' if not dark else '#2A2A2A', 'line': '#E5E5E5' if not dark else '#2A2A2A',
            'icon': '#333333' if not dark else '#DDDDDD', 'red': '#E84040' if not dark else '#F25C5C',
            'blue': '#0A7AFF' if not dark else '#3D95FF', 'link_in': '#1F6FEB' if not dark else '#5EA2FF'}

# ----------------------------------------------------------------------------- chrome


def status_android(cv, P, clock, r, u):
    W = cv.W
    sb = int(96 * u)
    fs = int(r.choice([36, 38, 40]) * u)
    base = int(sb * 0.68)
    x = int(54 * u)
    ink = cv.text(x, base, clock, r.choice(['Medium', 'Regular']), fs, P['fg'], 'status_clock')
    nx = ink[2] + int(22 * u)
    for k in range(r.randint(1, 3)):  # notification icons
        s = int(30 * u)
        kind = r.choice(['msg', 'dot', 'chat', 'down'])
        if kind == 'msg':
            cv.rrect([nx, base - s, nx + s, base - int(6 * u)], int(5 * u), P['icon'], 'status_icon', kind=kind)
        elif kind == 'dot':
            cv.ellipse([nx, base - s, nx + s, base], P['icon'], 'status_icon', kind=kind)
        elif kind == 'chat':
            cv.ellipse([nx, base - s, nx + s, base - int(4 * u)], None, 'status_icon', outline=P['icon'], width=max(2, int(4 * u)), kind=kind)
        else:
            cv.line([(nx + s / 2, base - s), (nx + s / 2, base - 4 * u)], P['icon'], max(2, int(4 * u)), 'status_icon', kind=kind)
            cv.poly([(nx + 2 * u, base - 14 * u), (nx + s - 2 * u, base - 14 * u), (nx + s / 2, base)], P['icon'], 'status_icon', kind=kind)
        nx += s + int(16 * u)
    # right side: battery
    bw, bh = int(52 * u), int(26 * u)
    bx1 = W - int(54 * u)
    by0 = base - bh
    pct = r.randint(12, 99)
    cv.rrect([bx1 - bw, by0, bx1, base], int(6 * u), None, 'status_icon', outline=P['icon'], width=max(2, int(3 * u)), kind='battery')
    cv.rect([bx1 - bw + 5 * u, by0 + 5 * u, bx1 - bw + 5 * u + (bw - 10 * u) * pct / 100, base - 5 * u], P['icon'], 'status_icon', kind='battery_level')
    pfs = int(30 * u)
    pw = tlen(f'{pct}', 'Regular', pfs)
    cv.text(bx1 - bw - 12 * u - pw, base, f'{pct}', 'Regular', pfs, P['fg'], 'status_text')
    xx = bx1 - bw - 12 * u - pw - 24 * u
    # wifi
    wsz = int(34 * u)
    for i in range(3):
        rr = wsz - i * 10 * u
        cx = xx - wsz / 2
        cv.arc([cx - rr / 2 * 1.2, base - rr, cx + rr / 2 * 1.2, base - rr + rr * 1.2], 225, 315, P['icon'], max(2, int(4 * u)), 'status_icon', kind='wifi')
    xx -= wsz + 20 * u
    for sim in range(r.choice([1, 2])):  # signal bars
        for i in range(4):
            h = (i + 1) * 6 * u
            bx = xx - (4 - i) * 8 * u
            cv.rect([bx, base - h, bx + 5 * u, base], P['icon'], 'status_icon', kind='signal')
        xx -= 44 * u
    return sb


def status_ios(cv, P, clock, r, p):
    W = cv.W
    sb = int(54 * p)
    base = int(33 * p)
    fs = int(17 * p)
    cw = tlen(clock, 'Bold', fs)
    cx = 66 * p
    cv.text(cx - cw / 2, base, clock, 'Bold', fs, P['fg'], 'status_clock')
    # dynamic island
    cv.rrect([W / 2 - 62 * p, 11 * p, W / 2 + 62 * p, 48 * p], int(18 * p), '#000000', 'status_island')
    # battery
    bx1 = W - 24 * p
    bw, bh = 27 * p, 13 * p
    pct = r.randint(15, 99)
    cv.rrect([bx1 - bw, base - bh, bx1, base], int(4 * p), P['icon'], 'status_icon', kind='battery')
    pfs = int(11 * p)
    pw = tlen(str(pct), 'Bold', pfs)
    cv.text(bx1 - bw / 2 - pw / 2, base - 2.2 * p, str(pct), 'Bold', pfs, P['bg'], 'status_text')
    xx = bx1 - bw - 8 * p
    cv.arc([xx - 20 * p, base - 13 * p, xx, base + 7 * p], 225, 315, P['icon'], int(2.4 * p), 'status_icon', kind='wifi')
    cv.arc([xx - 15 * p, base - 8 * p, xx - 5 * p, base + 2 * p], 225, 315, P['icon'], int(2.4 * p), 'status_icon', kind='wifi')
    xx -= 26 * p
    for i in range(4):
        h = (i + 1) * 3 * p
        bx = xx - (4 - i) * 5 * p
        cv.rrect([bx, base - h, bx + 3.4 * p, base], 1, P['icon'], 'status_icon', kind='signal')
    return sb


def chevron(cv, x, yc, s, col, w, role='icon'):
    cv.line([(x + s * 0.5, yc - s), (x, yc), (x + s * 0.5, yc + s)], col, w, role, kind='back')


def dots(cv, x, yc, s, col, vertical=True):
    for i in (-1, 0, 1):
        cx, cy = (x, yc + i * s * 2.4) if vertical else (x + i * s * 2.4, yc)
        cv.ellipse([cx - s / 2, cy - s / 2, cx + s / 2, cy + s / 2], col, 'icon', kind='more')


def phone_icon(cv, x, yc, s, col, w):
    cv.arc([x - s, yc - s, x + s, yc + s], 100, 260, col, w, 'icon', kind='phone')
    cv.rrect([x - s * 0.9, yc - s * 1.0, x - s * 0.45, yc - s * 0.55], 2, col, 'icon', kind='phone')
    cv.rrect([x - s * 0.9, yc + s * 0.55, x - s * 0.45, yc + s * 1.0], 2, col, 'icon', kind='phone')


def avatar(cv, box, col, role='avatar', round_=False):
    x0, y0, x1, y1 = box
    s = x1 - x0
    if round_:
        cv.ellipse(box, col, role)
    else:
        cv.rrect(box, int(s * 0.1), col, role)
    head = [x0 + s * 0.34, y0 + s * 0.18, x0 + s * 0.66, y0 + s * 0.50]
    cv.ellipse(head, '#FFFFFF', role + '_glyph')
    cv.poly([(x0 + s * 0.18, y1 - s * 0.08), (x0 + s * 0.30, y0 + s * 0.58), (x0 + s * 0.70, y0 + s * 0.58), (x0 + s * 0.82, y1 - s * 0.08)], '#FFFFFF', role + '_glyph')

# ----------------------------------------------------------------------------- chat renderer


def chat_items_from_sessions(layout, sessions, T, v, r):
    """sessions: list of lists of msg dicts (with 'dt'). Returns item list with separators inserted."""
    items = []
    own = layout in ('huawei_sms', 'honor_sms', 'vivo_sms')
    prev_date = None
    for si, sess in enumerate(sessions):
        if not own:
            when = sess[0]['dt']
            items.append({'t': 'sep', 'label': sep_label(layout, when, T, v), 'truth_dt': when})
        for m in sess:
            if own and m['dt'].date() != prev_date:
                items.append({'t': 'sep', 'label': sep_label(layout, m['dt'], T, v), 'truth_date': m['dt'].date()})
                prev_date = m['dt'].date()
            items.append(m)
            if m.get('after_note'):
                items.append(m.pop('after_note'))
    if layout.startswith('iphone_sms'):
        outs = [i for i, it in enumerate(items) if it['t'] == 'msg' and it['dir'] == 'out']
        if outs:
            items.insert(outs[-1] + 1, {'t': 'note', 'kind': 'delivered', 'parts': ['已送达' if layout == 'iphone_sms' else 'Delivered']})
    return items


def msg_geom(it, L):
    if '_g' in it and it['_g'][0] == L['fs']:
        return it['_g'][1]
    lines = wrap(it['text'], L['weight'], L['fs'], L['maxw'] - 2 * L['padx'])
    assert lines is not None
    tw = max(tlen(l, L['weight'], L['fs']) for l in lines)
    bw = int(tw + 2 * L['padx'])
    bw = max(bw, int(L['fs'] * 1.0 + 2 * L['padx']))
    bh = int(2 * L['pady'] + (len(lines) - 1) * L['lh'] + 1.1 * L['fs'])
    g = {'lines': lines, 'bw': bw, 'bh': bh}
    it['_g'] = (L['fs'], g)
    return g


def item_h(it, L):
    if it['t'] == 'sep':
        return L['sep_h']
    if it['t'] == 'note':
        return L['note_h']
    g = msg_geom(it, L)
    h = g['bh']
    if L.get('avatar'):
        h = max(h, L['av'])
    if it.get('nick'):
        h += L['nick_h']
    if L.get('own') == 'under':
        h += L['own_h']
    return h + L['gap']


def draw_item(cv, it, y, L, P):
    W = cv.W
    if it['t'] == 'sep':
        s = it['label']
        w = tlen(s, L['sep_w'], L['sep_fs'])
        base = y + L['sep_h'] * 0.5 + L['sep_fs'] * 0.38
        if L.get('sep_pill'):
            cv.rrect([W / 2 - w / 2 - L['sep_fs'] * 0.6, base - L['sep_fs'] * 1.02, W / 2 + w / 2 + L['sep_fs'] * 0.6, base + L['sep_fs'] * 0.42],
                     int(L['sep_fs'] * 0.7), L['sep_pill'], 'sep_pill')
        cv.text(W / 2 - w / 2, base, s, L['sep_w'], L['sep_fs'], P['sep'], 'separator')
        return
    if it['t'] == 'note':
        fs = L['note_fs']
        base = y + L['note_h'] * 0.5 + fs * 0.38
        parts = it['parts']
        if it['kind'] == 'delivered':
            w = tlen(parts[0], 'Regular', fs)
            cv.text(W - L['mx'] - w - fs * 0.3, base - L['note_h'] * 0.2, parts[0], 'Regular', fs, P['sep'], 'delivered')
            return
        sp = fs * 0.4
        ws = [tlen(p_, 'Regular', fs) for p_ in parts]
        tot = sum(ws) + sp * (len(parts) - 1)
        x = W / 2 - tot / 2
        if L.get('note_pill'):
            cv.rrect([x - fs * 0.6, base - fs * 1.05, x + tot + fs * 0.6, base + fs * 0.45], int(fs * 0.3), L['note_pill'], 'note_pill')
        for i, p_ in enumerate(parts):
            col = P['blue'] if (it['kind'] == 'recall' and i == 1) else P['sep']
            cv.text(x, base, p_, 'Regular', fs, col, it['kind'])
            x += ws[i] + sp
        return
    # message
    g = msg_geom(it, L)
    fs, padx, pady = L['fs'], L['padx'], L['pady']
    top = y
    left_edge = L['mx'] + (L['av'] + L['avgap'] if L.get('avatar') else 0)
    right_edge = W - L['mx'] - (L['av'] + L['avgap'] if L.get('avatar') else 0)
    if L.get('avatar'):
        if it['dir'] == 'in':
            avatar(cv, [L['mx'], top, L['mx'] + L['av'], top + L['av']], it.get('avcol', '#7FA7D9'))
        else:
            avatar(cv, [W - L['mx'] - L['av'], top, W - L['mx'], top + L['av']], L['my_av'])
    if it.get('nick'):
        nfs = L['nick_fs']
        cv.text(left_edge + 4, top + nfs * 0.95, it['nick'], 'Regular', nfs, P['sub'], 'nickname')
        top += L['nick_h']
    bx0 = left_edge if it['dir'] == 'in' else right_edge - g['bw']
    bx1 = bx0 + g['bw']
    by1 = top + g['bh']
    fill = P['in'] if it['dir'] == 'in' else P['out']
    cv.rrect([bx0, top, bx1, by1], L['radius'], fill, 'bubble', side=it['dir'])
    if L.get('avatar'):  # wechat tail
        ty = top + min(L['av'] * 0.5, g['bh'] * 0.5)
        ts = fs * 0.28
        if it['dir'] == 'in':
            cv.poly([(bx0 + 1, ty - ts), (bx0 - ts, ty), (bx0 + 1, ty + ts)], fill, 'bubble_tail')
        else:
            cv.poly([(bx1 - 1, ty - ts), (bx1 + ts, ty), (bx1 - 1, ty + ts)], fill, 'bubble_tail')
    col = P['intx'] if it['dir'] == 'in' else P['outx']
    base0 = top + pady + 0.88 * fs
    off = 0
    lk = it.get('link')
    for i, line in enumerate(g['lines']):
        bl = base0 + i * L['lh']
        x = bx0 + padx
        seg_col = col
        cv.text(x, bl, line, L['weight'], fs, seg_col, 'msg_line')
        if lk and L.get('underline'):
            a, b = max(lk[0], off), min(lk[1], off + len(line))
            if a < b:
                xa = x + tlen(line[:a - off], L['weight'], fs)
                xb = x + tlen(line[:b - off], L['weight'], fs)
                cv.line([(xa, bl + fs * 0.14), (xb, bl + fs * 0.14)], col, max(2, fs // 20), 'underline')
        # advance offset: ascii wrapping removed one space at the break
        off += len(line) + (1 if is_ascii(it['text']) else 0)
    ofs = L.get('own_fs', 0)
    if L.get('own') == 'under':
        base = by1 + L['own_h'] * 0.5 + ofs * 0.4
        s = it['own']
        w = tlen(s, 'Regular', ofs)
        sim = it.get('sim')
        if it['dir'] == 'in':
            x = bx0 + ofs * 0.3
            if sim:
                sw = tlen(sim, 'Regular', ofs * 0.8)
                cv.rrect([x, base - ofs * 0.95, x + sw + ofs * 0.5, base + ofs * 0.15], int(ofs * 0.2), None, 'sim_box', outline=P['sep'], width=2)
                cv.text(x + ofs * 0.25, base - ofs * 0.12, sim, 'Regular', int(ofs * 0.8), P['sep'], 'sim_tag')
                x += sw + ofs * 0.9
            cv.text(x, base, s, 'Regular', ofs, P['sep'], 'own_time')
        else:
            x = bx1 - ofs * 0.3 - w
            cv.text(x, base, s, 'Regular', ofs, P['sep'], 'own_time')
            if sim:
                sw = tlen(sim, 'Regular', ofs * 0.8)
                sx = x - ofs * 0.4 - sw - ofs * 0.5
                cv.rrect([sx, base - ofs * 0.95, sx + sw + ofs * 0.5, base + ofs * 0.15], int(ofs * 0.2), None, 'sim_box', outline=P['sep'], width=2)
                cv.text(sx + ofs * 0.25, base - ofs * 0.12, sim, 'Regular', int(ofs * 0.8), P['sep'], 'sim_tag')
    elif L.get('own') == 'beside':
        s = it['own']
        w = tlen(s, 'Regular', ofs)
        base = by1 - pady * 0.4
        x = bx1 + ofs * 0.5 if it['dir'] == 'in' else bx0 - ofs * 0.5 - w
        cv.text(x, base, s, 'Regular', ofs, P['sep'], 'own_time')


def render_chat(cv, items, start, L, P, top, bottom):
    """Draw items from index start while they fit. Returns list of (item_index) drawn."""
    y = top + L['gap']
    drawn = []
    for idx in range(start, len(items)):
        it = items[idx]
        h = item_h(it, L)
        if y + h > bottom:
            break
        if it['t'] == 'sep' and (idx + 1 >= len(items) or y + h + item_h(items[idx + 1], L) > bottom):
            break  # never leave a separator dangling at the bottom
        draw_item(cv, it, y, L, P)
        drawn.append(idx)
        y += h
    return drawn

# ----------------------------------------------------------------------------- SMS / WeChat screens


def make_L(layout, W, H, r, P, plat):
    u = W / 1080 if plat == 'android' else W / 1170
    fs = r.randint(40, 58) + (4 if W >= 1260 else 0)
    if plat == 'ios' and layout.startswith('iphone'):
        fs = r.randint(46, 58) + (2 if W >= 1290 else 0)
    L = {'fs': fs, 'weight': r.choice(['Regular', 'Regular', 'DemiLight', 'Light', 'Medium']),
         'lh': int(fs * r.uniform(1.24, 1.5)), 'padx': int(fs * r.uniform(0.5, 0.78)), 'pady': int(fs * r.uniform(0.32, 0.55)),
         'radius': int(fs * r.uniform(0.35, 0.95)), 'maxw': int(W * r.uniform(0.62, 0.72)),
         'mx': int(W * r.uniform(0.035, 0.05)), 'gap': int(fs * r.uniform(0.45, 0.8)),
         'sep_fs': int(fs * r.uniform(0.62, 0.74)), 'sep_w': 'Regular', 'note_fs': int(fs * 0.64), 'underline': r.random() < 0.6}
    L['sep_h'] = int(L['sep_fs'] * r.uniform(2.4, 3.2))
    L['note_h'] = int(L['note_fs'] * 2.4)
    if layout in ('huawei_sms', 'honor_sms'):
        L['own'] = 'under'
        L['own_fs'] = int(fs * 0.62)
        L['own_h'] = int(L['own_fs'] * 1.9)
    if layout == 'vivo_sms':
        L['own'] = 'beside'
        L['own_fs'] = int(fs * 0.6)
        L['maxw'] = int(W * r.uniform(0.6, 0.66))
    if layout.startswith('wechat'):
        L['avatar'] = True
        L['av'] = int(W * 0.105)
        L['avgap'] = int(W * 0.022)
        L['maxw'] = int(W * r.uniform(0.6, 0.66))
        L['radius'] = int(fs * r.uniform(0.12, 0.25))
        L['my_av'] = r.choice(['#C9A27E', '#8FBF8F', '#B59AD6', '#E0A96D'])
        L['nick_fs'] = int(fs * 0.62)
        L['nick_h'] = int(L['nick_fs'] * 1.5)
        L['gap'] = int(fs * r.uniform(0.7, 0.95))
    if layout.startswith('iphone'):
        L['radius'] = int(fs * r.uniform(0.75, 0.95))
        L['sep_w'] = 'Medium'
        L['gap'] = int(fs * r.uniform(0.2, 0.35))
    if layout == 'xiaomi_sms' and r.random() < 0.5:
        L['sep_pill'] = None
    if layout == 'vivo_sms' and r.random() < 0.6:
        L['sep_pill'] = '#E6E7EA' if P['bg'] != '#0A0A0A' else '#1E1E1E'
    return L, u


def header_android(cv, layout, P, u, name, sub, top, r):
    W = cv.W
    hh = int(r.uniform(190, 230) * u)
    yc = top + hh * 0.5
    chevron(cv, 48 * u, yc, 22 * u, P['icon'], max(3, int(5 * u)))
    nfs = int(r.choice([52, 56, 60]) * u)
    sfs = int(r.choice([32, 34, 36]) * u)
    center = layout in ('vivo_sms',)
    nw = tlen(name, 'Medium', nfs)
    sw = tlen(sub, 'Regular', sfs) if sub else 0
    if sub:
        nb, sbase = yc - 4 * u, yc + sfs * 1.25
    else:
        nb, sbase = yc + nfs * 0.36, None
    x = W / 2 - nw / 2 if center else 120 * u
    cv.text(x, nb, name, 'Medium', nfs, P['fg'], 'header_name')
    if sub:
        sx = W / 2 - sw / 2 if center else 120 * u
        cv.text(sx, sbase, sub, 'Regular', sfs, P['sub'], 'header_sub')
    phone_icon(cv, W - 190 * u, yc, 20 * u, P['icon'], max(3, int(4 * u)))
    dots(cv, W - 64 * u, yc, 8 * u, P['icon'])
    return top + hh


def input_android(cv, layout, P, u, r):
    W, H = cv.W, cv.H
    nav = int(50 * u)
    cv.rrect([W / 2 - 130 * u, H - nav / 2 - 5 * u, W / 2 + 130 * u, H - nav / 2 + 5 * u], int(5 * u), P['icon'], 'nav_pill')
    ih = int(150 * u)
    y0 = H - nav - ih
    cv.rect([0, y0, W, H - nav - 1], P['bar'], 'input_bar')
    fy0, fy1 = y0 + 25 * u, y0 + ih - 25 * u
    cv.ellipse([40 * u, (fy0 + fy1) / 2 - 38 * u, 116 * u, (fy0 + fy1) / 2 + 38 * u], None, 'icon', outline=P['icon'], width=max(2, int(4 * u)), kind='plus')
    cv.rrect([140 * u, fy0, W - 150 * u, fy1], int((fy1 - fy0) / 2), P['field'], 'input_field')
    ph = {'huawei_sms': '短信', 'honor_sms': '短信', 'vivo_sms': '输入短信', 'xiaomi_sms': '短信', 'oppo_sms': '短信'}[layout]
    pfs = int(42 * u)
    cv.text(180 * u, (fy0 + fy1) / 2 + pfs * 0.36, ph, 'Regular', pfs, P['sub'], 'placeholder')
    cv.ellipse([W - 120 * u, (fy0 + fy1) / 2 - 40 * u, W - 40 * u, (fy0 + fy1) / 2 + 40 * u], P['out'], 'icon', kind='send')
    return y0


def header_ios_sms(cv, P, p, name, top, dark):
    W = cv.W
    hh = int(96 * p)
    cv.rect([0, top, W, top + hh], '#F6F6F6' if not dark else '#161616', 'header_bg')
    cv.line([(0, top + hh), (W, top + hh)], P['line'], 2, 'divider')
    chevron(cv, 14 * p, top + 26 * p, 11 * p, P['blue'], int(3.2 * p))
    avatar(cv, [W / 2 - 27 * p, top + 4 * p, W / 2 + 27 * p, top + 58 * p], '#A4A9B4', role='avatar', round_=True)
    nfs = int(12 * p)
    nw = tlen(name, 'Regular', nfs)
    cv.text(W / 2 - nw / 2 - 4 * p, top + 80 * p, name, 'Regular', nfs, P['fg'], 'header_name')
    cv.line([(W / 2 + nw / 2 + 1 * p, top + 71 * p), (W / 2 + nw / 2 + 4 * p, top + 75 * p), (W / 2 + nw / 2 + 1 * p, top + 79 * p)], P['sub'], int(1.6 * p), 'icon', kind='chev')
    return top + hh


def input_ios(cv, P, p, ph, r):
    W, H = cv.W, cv.H
    cv.rrect([W / 2 - 67 * p, H - 13 * p, W / 2 + 67 * p, H - 8 * p], int(3 * p), P['fg'], 'home_indicator')
    y1 = H - 34 * p
    y0 = y1 - 38 * p
    cv.ellipse([10 * p, y0 + 2 * p, 44 * p, y0 + 36 * p], '#E9E9EB' if P['bg'] == '#FFFFFF' else '#2C2C2E', 'icon', kind='plus')
    cv.rrect([52 * p, y0, W - 12 * p, y1], int(19 * p), None, 'input_field', outline=P['line'], width=int(1.2 * p))
    pfs = int(17 * p)
    cv.text(66 * p, (y0 + y1) / 2 + pfs * 0.36, ph, 'Regular', pfs, P['sub'], 'placeholder')
    return y0 - 8 * p


def header_wechat(cv, P, u, title, top, r):
    W = cv.W
    hh = int(140 * u)
    yc = top + hh / 2
    chevron(cv, 44 * u, yc, 22 * u, P['icon'], max(3, int(5 * u)))
    tfs = int(r.choice([48, 50, 52]) * u)
    tw = tlen(title, 'Medium', tfs)
    cv.text(W / 2 - tw / 2, yc + tfs * 0.36, title, 'Medium', tfs, P['fg'], 'header_name')
    dots(cv, W - 60 * u, yc, 9 * u, P['icon'], vertical=False)
    cv.line([(0, top + hh), (W, top + hh)], P['line'], 2, 'divider')
    return top + hh


def input_wechat(cv, P, u, plat, dark):
    W, H = cv.W, cv.H
    nav = int(50 * u) if plat == 'android' else int(34 * W / 390)
    if plat == 'android':
        cv.rrect([W / 2 - 130 * u, H - nav / 2 - 5 * u, W / 2 + 130 * u, H - nav / 2 + 5 * u], int(5 * u), P['icon'], 'nav_pill')
    else:
        pp = W / 390
        cv.rrect([W / 2 - 67 * pp, H - 13 * pp, W / 2 + 67 * pp, H - 8 * pp], int(3 * pp), P['fg'], 'home_indicator')
    ih = int(150 * u)
    y0 = H - nav - ih
    cv.rect([0, y0, W, H - 1], '#F7F7F7' if not dark else '#1E1E1E', 'input_bar')
    yc = y0 + ih / 2
    cv.ellipse([30 * u, yc - 34 * u, 98 * u, yc + 34 * u], None, 'icon', outline=P['icon'], width=max(2, int(4 * u)), kind='voice')
    cv.rrect([120 * u, yc - 48 * u, W - 230 * u, yc + 48 * u], int(12 * u), '#FFFFFF' if not dark else '#2C2C2C', 'input_field')
    cv.ellipse([W - 210 * u, yc - 34 * u, W - 142 * u, yc + 34 * u], None, 'icon', outline=P['icon'], width=max(2, int(4 * u)), kind='emoji')
    cv.ellipse([W - 118 * u, yc - 34 * u, W - 50 * u, yc + 34 * u], None, 'icon', outline=P['icon'], width=max(2, int(4 * u)), kind='plus')
    return y0


def digits_sender(s):
    d = s.replace(' ', '').replace('-', '')
    if d.startswith('+86'):
        d = d[3:]
    return d


def pick_text(r, pool, V, weight, fs, maxw, used=None):
    for _ in range(200):
        tpl = r.choice(pool)
        if used is not None and tpl in used and len(pool) > 5 and _ < 100:
            continue
        txt, lk = render_tpl(r, tpl, V)
        if used is not None:
            used.add(tpl)
        if wrap(txt, weight, fs, maxw) is not None:
            return txt, lk
    raise RuntimeError('no wrappable text')


def build_sessions(r, layout, T, n_sess, L, V, thread_kind):
    """Build sessions backwards from T (datetime). Returns list (chronological) of sessions."""
    sessions = []
    t_end = T - dt.timedelta(minutes=r.randint(3, 70))
    maxw = L['maxw'] - 2 * L['padx']
    en = layout == 'iphone_sms_en'
    group = layout == 'wechat_group'
    wx = layout.startswith('wechat')
    nick_cols = ['#7FA7D9', '#D98F7F', '#8FC4A0', '#C6A35E', '#9E8FD9', '#6FB7C2', '#D98FB9']
    members = r.sample(WX_NICKS, 3) if group else []
    used = set()
    for k in range(n_sess):
        n = r.choice([1, 1, 2, 2, 3, 3, 4])
        span_offsets = sorted(r.randint(0, 9) for _ in range(n))
        span_offsets = [o - span_offsets[0] for o in span_offsets]
        start = t_end - dt.timedelta(minutes=span_offsets[-1])
        start = start.replace(second=0, microsecond=0)
        msgs = []
        for j in range(n):
            direction = 'in' if j == 0 or r.random() < 0.45 else 'out'
            if thread_kind == 'service' and direction == 'out' and r.random() < 0.7:
                direction = 'in'
            if direction == 'in':
                if en:
                    pool = COLLECT_EN if r.random() < 0.5 else MIXED_EN
                elif wx and r.random() < 0.3:
                    pool = WX_EXTRA_IN
                else:
                    pool = COLLECT_ZH
            else:
                pool = REPLY_EN if en else (WX_EXTRA_OUT if wx and r.random() < 0.35 else REPLY_ZH)
            txt, lk = pick_text(r, pool, V, L['weight'], L['fs'], maxw, used)
            m = {'t': 'msg', 'dir': direction, 'text': txt, 'link': lk, 'dt': start + dt.timedelta(minutes=span_offsets[j])}
            if layout in ('huawei_sms', 'honor_sms') and r.random() < 0.55:
                m['sim'] = r.choice(['卡1', '卡2'])
            if group and direction == 'in':
                ni = r.randrange(len(members))
                m['nick'] = members[ni]
                m['avcol'] = nick_cols[WX_NICKS.index(members[ni]) % len(nick_cols)]
            elif wx and direction == 'in':
                m['avcol'] = L['peer_av']
            if wx and r.random() < 0.08:
                if group:
                    who = members[r.randrange(len(members))]
                    m['after_note'] = {'t': 'note', 'kind': 'recall', 'parts': [f'"{who}"撤回了一条消息']}
                elif direction == 'out':
                    m['after_note'] = {'t': 'note', 'kind': 'recall', 'parts': ['你撤回了一条消息', '重新编辑']}
                else:
                    m['after_note'] = {'t': 'note', 'kind': 'recall', 'parts': ['对方撤回了一条消息']}
            msgs.append(m)
        if group and r.random() < 0.12:
            inv, nw = members[r.randrange(len(members))], r.choice(['赵六', '小李', '王女士'])
            msgs[-1]['after_note'] = {'t': 'note', 'kind': 'system', 'parts': [f'"{inv}"邀请"{nw}"加入了群聊']}
        sessions.append(msgs)
        x = r.random()
        if x < 0.4:
            gap = dt.timedelta(minutes=r.randint(25, 300))
        elif x < 0.7:
            gap = dt.timedelta(days=1, minutes=r.randint(-200, 200))
        elif x < 0.9:
            gap = dt.timedelta(days=r.randint(2, 4), minutes=r.randint(-300, 300))
        else:
            gap = dt.timedelta(days=r.randint(6, 40), minutes=r.randint(-300, 300))
        t_end = start - gap
        # keep collection hours mostly 7:00-23:59 (sometimes small hours)
        if t_end.hour < 7 and r.random() < 0.7:
            new = t_end.replace(hour=r.randint(8, 21))
            if new < start - dt.timedelta(minutes=20):
                t_end = new
    sessions.reverse()
    # own times for own-time brands
    for s in sessions:
        for m in s:
            m['dt'] = m['dt'].replace(second=0, microsecond=0)
    return sessions


def iso(d):
    return d.strftime('%Y-%m-%dT%H:%M:00') + TZ


def sms_sender_display(r, layout):
    k = r.random()
    if layout == 'iphone_sms_en':
        opts = [('+86 ' + mobile(r), 'mobile'), ('Collector Wang', 'name'), (f'+86 {r.randint(1000, 9999)}-8{r.randint(100, 999)}-{r.randint(1000, 9999)}', 'x')]
        s, kind = opts[r.randrange(2)]
        return s, 'person'
    if k < 0.3:
        return r.choice(['催收 王专员', '陈经理(调解)', '速易借-李', '法务 周律师', '张专员', '鑫桥金融 贷后', '刘姐(协商)']), 'person'
    if k < 0.6:
        return (mobile(r, True) if r.random() < 0.6 else '+86 ' + mobile(r, True)), 'person'
    if k < 0.8:
        return f'10690{r.randint(100000, 999999)}{r.randint(10, 99)}', 'service'
    if k < 0.9:
        return f'0{r.choice(["571", "755", "25", "28"])}-8{r.randint(100, 999)} {r.randint(1000, 9999)}', 'person'
    return f'95{r.randint(700, 799)}', 'service'


def make_chat_image(r, layout, W, H, dark, T, plat, pair_role=None, pair_state=None):
    """Returns (canvas, truth_records, state). pair_role: None / 'A' / 'B'."""
    P = pal(layout, dark)
    if pair_role == 'B':
        st = pair_state
        L, u = st['L'], st['u']
        items, start = st['items'], st['b_start']
        hdr, v, sender_disp, group_title = st['hdr'], st['v'], st['sender_disp'], st['group_title']
    else:
        L, u = make_L(layout, W, H, r, P, plat)
        v = {'zhou': r.random() < 0.4, 'slash': r.random() < 0.25, 'h12': r.random() < 0.4}
        if layout.startswith('wechat'):
            L['peer_av'] = r.choice(['#7FA7D9', '#D9A07F', '#8FC4A0', '#A98FD9'])
        V = fill_vars(r)
        group_title = None
        if layout == 'wechat_group':
            group_title = f'{V["plat"]}{r.choice(["逾期协商群", "还款沟通群", "贷后处理群"])}({r.randint(3, 9)})'
            sender_disp, tk = group_title, 'group'
        elif layout == 'wechat_private':
            sender_disp = r.choice(['李律师(调解中心)', f'{V["plat"]}-王专员', '客服小陈', '刘姐', '调解员 周', 'A催收-赵经理', '法务部 陈'])
            tk = 'person'
        else:
            sender_disp, tk = sms_sender_display(r, layout)
        n_sess = r.randint(9, 14) if pair_role == 'A' else r.randint(5, 10)
        sessions = build_sessions(r, layout, T, n_sess, L, V, tk)
        items = chat_items_from_sessions(layout, sessions, T.date(), v, r)
        for it in items:
            if it['t'] == 'msg':
                it['own'] = own_label(layout, it['dt'], v) if L.get('own') else None
        if pair_role == 'A':
            start = 0 if r.random() < 0.5 else r.randint(1, 3)
        else:
            x = r.random()
            start = 'tail' if x < 0.6 else 0 if x < 0.85 else r.randint(1, max(1, len(items) // 3))
        hdr = None
    cv = Canvas(W, H, P['bg'])
    if plat == 'ios':
        clock = f'{T.hour}:{T.minute:02d}' if not layout.endswith('_en') else f'{T.hour % 12 or 12}:{T.minute:02d}'
    else:
        clock = T.strftime('%H:%M')
    if plat == 'android':
        top = status_android(cv, P, clock, r, u)
    else:
        top = status_ios(cv, P, clock, r, W / 390)
    # header
    if layout.startswith('wechat'):
        top = header_wechat(cv, P, u, sender_disp, top, r)
        bottom = input_wechat(cv, P, u, plat, dark)
    elif plat == 'ios':
        # iOS header painted first then status bar on top would overlap; header bg drawn within
        top = header_ios_sms(cv, P, W / 390, sender_disp, top, dark)
        bottom = input_ios(cv, P, W / 390, '短信' if layout == 'iphone_sms' else 'Text Message', r)
    else:
        if hdr is None:
            if sender_disp[0].isdigit() or sender_disp.startswith('+'):
                loc = r.choice(LOCS)
                sub = loc + (' ' + r.choice(CARRIERS) if r.random() < 0.5 else '') if not sender_disp.startswith(('1069', '95')) else r.choice(['服务号码', ''])
            else:
                sub = mobile(r, True) + '  ' + r.choice(LOCS).replace(' ', '')
            hdr = {'sub': sub}
        top = header_android(cv, layout, P, u, sender_disp, hdr['sub'], top, r)
        bottom = input_android(cv, layout, P, u, r)
    if start == 'tail':  # window that shows the newest part of the thread
        avail = bottom - 6 - top - L['gap']
        i, y = len(items), 0
        while i > 0 and y + item_h(items[i - 1], L) <= avail:
            y += item_h(items[i - 1], L)
            i -= 1
        start = i
    # iPhone service label at thread start
    items_draw = items
    if layout.startswith('iphone_sms') and start == 0 and items and items[0].get('t') == 'sep' and not items[0].get('_svc'):
        items.insert(0, {'t': 'note', 'kind': 'service', 'parts': ['短信/彩信' if layout == 'iphone_sms' else 'Text Message'], '_svc': True})
    drawn = render_chat(cv, items_draw, start, L, P, top, bottom - 6)
    # truth
    recs = []
    own = L.get('own') is not None
    last_sep = None
    for idx in drawn:
        it = items[idx]
        if it['t'] == 'sep':
            last_sep = it
        elif it['t'] == 'msg':
            if last_sep is None:
                occ = None
            elif own:
                occ = iso(dt.datetime.combine(last_sep['truth_date'], it['dt'].time()))
            else:
                occ = iso(last_sep['truth_dt'])
            if layout == 'wechat_group':
                sender = it['nick'] if it['dir'] == 'in' else group_title[:group_title.rfind('(')]
            elif layout == 'wechat_private':
                sender = sender_disp
            else:
                sender = digits_sender(sender_disp) if (sender_disp[0].isdigit() or sender_disp.startswith('+')) else sender_disp
            recs.append({'kind': 'im' if layout.startswith('wechat') else 'sms', 'sender': sender, 'occurred_at': occ,
                         'direction': it['dir'], 'text': it['text'], 'call_type': None, 'duration_seconds': None})
    state = None
    if pair_role == 'A':
        msg_idx = [i for i in drawn if items[i]['t'] == 'msg']
        ov = min(r.choice([1, 2]), len(msg_idx))
        b_start = msg_idx[-ov]
        if ov == 2 and any(items[j]['t'] != 'msg' for j in range(msg_idx[-2], msg_idx[-1])):
            b_start = msg_idx[-1]
        state = {'L': L, 'u': u, 'items': items, 'b_start': b_start, 'hdr': hdr, 'v': v, 'sender_disp': sender_disp,
                 'group_title': group_title, 'n_overlap': len([i for i in msg_idx if i >= b_start])}
        if drawn[-1] >= len(items) - 1:
            raise RuntimeError('pair A shows whole thread')
    return cv, recs, state

# ----------------------------------------------------------------------------- call logs
CALL_NAMES = ['催收 王专员', '陈经理(调解)', '速易借客服', '法务 周律师', '快银宝贷后', '刘姐(协商)', '张专员', '鑫桥金融', 'Collector Li']
TAGS = ['疑似催收', '催收', '骚扰电话', '广告推销', '金融理财', '快递送餐']


def call_sender(r, en):
    k = r.random()
    if k < 0.25:
        nm = r.choice(CALL_NAMES if not en else ['Collector Wang', 'Lawyer Zhou', 'Moonleaf Finance', '速易借客服', 'Mr. Chen (Legal)'])
        return nm, nm, False
    if k < 0.65:
        s = mobile(r, r.random() < 0.6)
        if r.random() < 0.2:
            s = '+86 ' + s
        return s, digits_sender(s), True
    if k < 0.8:
        s = f'0{r.choice(["571", "755", "25", "28", "27"])}-8{r.randint(100, 999)} {r.randint(1000, 9999)}'
        if r.random() < 0.4:
            s = s.replace(' ', '')
        return s, digits_sender(s), True
    if k < 0.9:
        s = f'400-8{r.randint(10, 99)}-{r.randint(1000, 9999)}'
        return s, digits_sender(s), True
    s = f'95{r.randint(700, 799)}'
    return s, s, True


def dur_label(sec):
    h, m, s = sec // 3600, (sec % 3600) // 60, sec % 60
    out = ''
    if h:
        out += f'{h}小时'
    if m or h:
        out += f'{m}分'
    out += f'{s}秒'
    return out


def call_icon(cv, x, yc, s, ctype, P, w):
    """Small arrow icon: in (arrow pointing down-left), out (up-right), missed (red zigzag)."""
    col = P['red'] if ctype == 'missed' else P['sub']
    if ctype == 'out':
        cv.line([(x, yc + s / 2), (x + s, yc - s / 2)], col, w, 'call_icon', ctype='out')
        cv.poly([(x + s * 0.35, yc - s / 2), (x + s, yc - s / 2), (x + s, yc + s * 0.15)], col, 'call_icon', ctype='out')
    elif ctype == 'in':
        cv.line([(x + s, yc - s / 2), (x, yc + s / 2)], col, w, 'call_icon', ctype='in')
        cv.poly([(x, yc - s * 0.15), (x, yc + s / 2), (x + s * 0.65, yc + s / 2)], col, 'call_icon', ctype='in')
    else:
        cv.line([(x, yc - s / 2), (x + s * 0.5, yc + s / 2), (x + s, yc - s / 2)], col, w, 'call_icon', ctype='missed')


def ios_out_icon(cv, x, yc, s, P):
    cv.poly([(x, yc + s * 0.5), (x + s * 0.2, yc + s * 0.1), (x + s * 0.5, yc + s * 0.3), (x + s * 0.7, yc - s * 0.1), (x + s, yc - s * 0.5),
             (x + s * 0.55, yc - s * 0.35), (x + s * 0.25, yc - s * 0.2)], P['sub'], 'call_icon', ctype='out')


def make_calls_image(r, layout, W, H, dark, T, plat):
    P = pal('xiaomi_sms', dark)
    if plat == 'ios':
        P['bg'] = '#FFFFFF' if not dark else '#000000'
        P['red'] = '#FF3B30' if not dark else '#FF453A'
    cv = Canvas(W, H, P['bg'])
    en = layout == 'iphone_calls_en'
    v = {'yt': r.random() < 0.5, 'h12': r.random() < 0.4}
    u = W / 1080 if plat == 'android' else W / 1170
    pp = W / 390
    if plat == 'ios':
        clock = f'{T.hour}:{T.minute:02d}' if not en else f'{T.hour % 12 or 12}:{T.minute:02d}'
    else:
        clock = T.strftime('%H:%M')
    if plat == 'android':
        top = status_android(cv, P, clock, r, u)
    else:
        top = status_ios(cv, P, clock, r, pp)
    wt = r.choice(['Regular', 'Regular', 'Medium', 'DemiLight'])
    nfs = int(r.randint(46, 56) * (u if plat == 'android' else 1.0) * (W / 1080 if plat == 'ios' else 1))
    nfs = max(42, min(nfs, 62))
    sfs = int(nfs * r.uniform(0.66, 0.74))
    tfs = int(nfs * r.uniform(0.66, 0.74))
    mx = int(W * 0.045)
    # ---- top chrome
    if plat == 'ios':
        efs = int(17 * pp)
        cv.text(16 * pp, top + 30 * pp, 'Edit' if en else '编辑', 'Regular', efs, P['blue'], 'nav')
        segs = ['All', 'Missed'] if en else ['所有通话', '未接来电']
        sw = 200 * pp
        sx0 = W / 2 - sw / 2
        cv.rrect([sx0, top + 10 * pp, sx0 + sw, top + 42 * pp], int(8 * pp), '#EEEEF0' if not dark else '#1C1C1E', 'segment')
        cv.rrect([sx0 + 2 * pp, top + 12 * pp, sx0 + sw / 2, top + 40 * pp], int(7 * pp), '#FFFFFF' if not dark else '#636366', 'segment_on')
        for i, sname in enumerate(segs):
            w = tlen(sname, 'Medium', int(13 * pp))
            cv.text(sx0 + sw / 4 * (1 + 2 * i) - w / 2, top + 31 * pp, sname, 'Medium', int(13 * pp), P['fg'], 'tab')
        ttl = 'Recents' if en else '最近通话'
        cv.text(16 * pp, top + 94 * pp, ttl, 'Bold', int(34 * pp), P['fg'], 'title')
        y = top + 112 * pp
    else:
        ttl = {'huawei_calls': '电话', 'honor_calls': '电话', 'xiaomi_calls': '电话', 'oppo_calls': '通话记录', 'vivo_calls': '通话记录'}[layout]
        tfs_big = int(r.choice([64, 72, 80]) * u)
        cv.text(mx, top + 130 * u, ttl, 'Medium', tfs_big, P['fg'], 'title')
        dots(cv, W - 64 * u, top + 100 * u, 8 * u, P['icon'])
        sy0 = top + 180 * u
        cv.rrect([mx, sy0, W - mx, sy0 + 100 * u], int(50 * u), '#F1F1F2' if not dark else '#1E1E1E', 'search_box')
        cv.ellipse([mx + 34 * u, sy0 + 30 * u, mx + 70 * u, sy0 + 66 * u], None, 'icon', outline=P['sub'], width=max(2, int(4 * u)), kind='search')
        pfs = int(40 * u)
        cv.text(mx + 96 * u, sy0 + 50 * u + pfs * 0.36, r.choice(['搜索联系人', '搜索', '搜索号码、联系人']), 'Regular', pfs, P['sub'], 'placeholder')
        y = sy0 + 130 * u
        if layout in ('oppo_calls', 'vivo_calls', 'xiaomi_calls'):
            tabs = ['全部', '未接'] if layout != 'vivo_calls' else ['全部通话', '未接来电']
            x = mx
            for i, tb in enumerate(tabs):
                f_ = int(40 * u)
                cv.text(x, y + 40 * u, tb, 'Medium' if i == 0 else 'Regular', f_, P['fg'] if i == 0 else P['sub'], 'tab')
                x += tlen(tb, 'Regular', f_) + 60 * u
            y += 80 * u
    # ---- bottom tabs
    if plat == 'ios':
        cv.rrect([W / 2 - 67 * pp, H - 13 * pp, W / 2 + 67 * pp, H - 8 * pp], int(3 * pp), P['fg'], 'home_indicator')
        tabs = ['Favorites', 'Recents', 'Contacts', 'Keypad', 'Voicemail'] if en else ['个人收藏', '最近通话', '通讯录', '拨号键盘', '语音留言']
        tb_y = H - 34 * pp
        bar_top = tb_y - 49 * pp
        cv.rect([0, bar_top, W, H - 1], '#F9F9F9' if not dark else '#121212', 'tabbar')
        for i, tb in enumerate(tabs):
            f_ = int(10 * pp)
            cx = W / 10 * (1 + 2 * i)
            w = tlen(tb, 'Regular', f_)
            cv.ellipse([cx - 12 * pp, bar_top + 8 * pp, cx + 12 * pp, bar_top + 30 * pp], P['blue'] if i == 1 else P['sub'], 'icon', kind='tab')
            cv.text(cx - w / 2, bar_top + 44 * pp, tb, 'Regular', f_, P['blue'] if i == 1 else P['sub'], 'tab')
        bottom = bar_top
    else:
        nav = int(50 * u)
        cv.rrect([W / 2 - 130 * u, H - nav / 2 - 5 * u, W / 2 + 130 * u, H - nav / 2 + 5 * u], int(5 * u), P['icon'], 'nav_pill')
        tabs = ['拨号', '联系人', '收藏'] if layout != 'xiaomi_calls' else ['拨号', '联系人', '营业厅']
        bar_top = H - nav - 150 * u
        cv.rect([0, bar_top, W, H - nav], P['bar'], 'tabbar')
        for i, tb in enumerate(tabs):
            f_ = int(32 * u)
            cx = W / 6 * (1 + 2 * i)
            w = tlen(tb, 'Regular', f_)
            cv.ellipse([cx - 26 * u, bar_top + 22 * u, cx + 26 * u, bar_top + 74 * u], P['blue'] if i == 0 else P['sub'], 'icon', kind='tab')
            cv.text(cx - w / 2, bar_top + 120 * u, tb, 'Regular', f_, P['blue'] if i == 0 else P['sub'], 'tab')
        bottom = bar_top
    # ---- rows
    row_h = int(nfs * r.uniform(2.9, 3.4))
    t = T - dt.timedelta(minutes=r.randint(2, 90))
    recs = []
    first = True
    while y + row_h <= bottom - 10:
        disp, sender, is_num = call_sender(r, en)
        ctype = r.choices(['missed', 'in', 'out'], [45, 25, 30])[0]
        connected = ctype == 'in' or (ctype == 'out' and r.random() < 0.6)
        dur = r.choice([r.randint(3, 59), r.randint(60, 600), r.randint(60, 300)]) if connected else None
        if connected and r.random() < 0.04:
            dur = r.randint(3600, 4800)
        count = r.choice([2, 3, 4, 5, 6, 8, 12]) if r.random() < 0.3 else 1
        when = t.replace(second=0, microsecond=0)
        label, has_time = call_label(layout, when, T.date(), v)
        dur_shown = None
        # geometry
        yc = y + row_h / 2
        name_base = yc - nfs * 0.12
        sub_base = yc + sfs * 1.18
        xname = mx + (int(70 * u) if plat == 'android' and layout in ('huawei_calls', 'honor_calls', 'oppo_calls') else 0)
        if plat == 'ios':
            avatar(cv, [16 * pp, yc - 20 * pp, 56 * pp, yc + 20 * pp], '#A4A9B4' if not dark else '#5A5E66', role='avatar', round_=True)
            xname = int(68 * pp)
        name_col = P['red'] if ctype == 'missed' else P['fg']
        # right label and info icon
        info = plat == 'ios' or layout in ('huawei_calls', 'honor_calls')
        rx = W - mx - (int(84 * u) if info else 0)
        lw = tlen(label, 'Regular', tfs)
        max_name_w = rx - lw - 40 * u - xname
        nw = tlen(disp, wt, nfs)
        cstr = f'({count})' if count > 1 else None
        cw = tlen(cstr, wt, nfs) + 12 * u if cstr else 0
        if nw + cw > max_name_w:
            continue
        cv.text(xname, name_base, disp, wt, nfs, name_col, 'call_name')
        if cstr:
            cv.text(xname + nw + 12 * u, name_base, cstr, wt, nfs, name_col, 'call_counter')
        cv.text(rx - lw, yc + tfs * 0.36, label, 'Regular', tfs, P['sub'], 'call_time')
        if info:
            ic = W - mx - 30 * u
            cv.ellipse([ic - 28 * u, yc - 28 * u, ic + 28 * u, yc + 28 * u], None, 'icon', outline=P['blue'], width=max(2, int(4 * u)), kind='info')
        # type + sub line
        if is_num:
            loc = r.choice(LOCS).replace(' ', '') if not disp.startswith(('400', '95')) else ''
            tag = ''
            if r.random() < 0.55:
                tag = r.choice([r.choice(TAGS), f'被{r.randint(12, 980)}人标记', f'被{r.randint(12, 980)}人标记为催收'])
            sub = ' '.join(x for x in [tag, loc] if x) or ('未知' if not en else 'unknown')
        else:
            sub = r.choice(['手机', '浙江杭州', '广东深圳']) if not en else r.choice(['mobile', 'home', 'work'])
        if en and is_num:
            sub = r.choice(['China', 'Hangzhou, China', 'Shenzhen, China', 'unknown'])
        x = xname
        if plat == 'ios':
            if ctype == 'out':
                ios_out_icon(cv, x, sub_base - sfs * 0.35, sfs * 0.8, P)
                x += sfs * 1.1
            cv.text(x, sub_base, sub, 'Regular', sfs, P['sub'], 'call_sub')
        elif layout == 'xiaomi_calls':
            lab = {'in': '呼入', 'out': '呼出', 'missed': '未接来电'}[ctype]
            if ctype == 'in' or (ctype == 'out' and connected):
                detail = f'{lab} {dur_label(dur)}'
            elif ctype == 'out':
                detail = '呼出 未接通'
            else:
                detail = lab
            ink = cv.text(x, sub_base, detail, 'Regular', sfs, P['red'] if ctype == 'missed' else P['sub'], 'call_detail')
            sub_w = tlen(sub, 'Regular', sfs)
            if ink[2] + 30 * u + sub_w < rx - lw - 30 * u:
                cv.text(ink[2] + 30 * u, sub_base, sub, 'Regular', sfs, P['sub'], 'call_sub')
        else:
            if layout in ('huawei_calls', 'honor_calls', 'oppo_calls'):
                call_icon(cv, mx, yc - 14 * u, 34 * u, ctype, P, max(3, int(5 * u)))
            else:  # vivo: icon on the sub line
                call_icon(cv, x, sub_base - sfs * 0.35, sfs * 0.7, ctype, P, max(3, int(4 * u)))
                x += sfs * 1.0
            ink = cv.text(x, sub_base, sub, 'Regular', sfs, P['sub'], 'call_sub')
            if layout in ('oppo_calls', 'vivo_calls'):
                extra, role = None, None
                if ctype != 'missed' and connected:
                    extra, role = dur_label(dur), 'call_duration'
                elif ctype == 'out':
                    extra, role = '未接通', 'call_detail'
                if extra:
                    ew = tlen(extra, 'Regular', sfs)
                    ex = ink[2] + 28 * u
                    if ex + ew < rx - lw - 30 * u:
                        cv.text(ex, sub_base, extra, 'Regular', sfs, P['sub'], role)
                        if role == 'call_duration':
                            dur_shown = dur
        if layout == 'xiaomi_calls':
            dur_shown = dur if (ctype != 'missed' and connected) else None
        cv.line([(xname, y + row_h - 1), (W - mx, y + row_h - 1)], P['line'], 2, 'row_divider')
        recs.append({'kind': 'call', 'sender': sender, 'occurred_at': iso(when) if has_time else None,
                     'direction': 'out' if ctype == 'out' else 'in', 'text': None,
                     'call_type': {'in': 'incoming', 'out': 'outgoing', 'missed': 'missed'}[ctype],
                     'duration_seconds': dur_shown})
        y += row_h
        # next (older) call
        x_ = r.random()
        if first and x_ < 0.5:
            t -= dt.timedelta(minutes=r.randint(3, 50))
        elif x_ < 0.75:
            t -= dt.timedelta(minutes=r.randint(4, 90))
        elif x_ < 0.9:
            t -= dt.timedelta(days=1, minutes=r.randint(-300, 300))
        else:
            t -= dt.timedelta(days=r.randint(2, 20), minutes=r.randint(-300, 300))
        first = False
    return cv, recs


# ----------------------------------------------------------------------------- job plan
LAYOUTS_CHAT = ['huawei_sms', 'honor_sms', 'vivo_sms', 'xiaomi_sms', 'oppo_sms', 'iphone_sms', 'iphone_sms_en', 'wechat_private', 'wechat_group']
LAYOUTS_CALL = ['huawei_calls', 'honor_calls', 'xiaomi_calls', 'oppo_calls', 'vivo_calls', 'iphone_calls', 'iphone_calls_en']
ANDROID_SIZES = [(1080, 2340), (1080, 2400), (1080, 2412), (1220, 2712), (1260, 2800), (1440, 3200)]
IOS_SIZES = [(1170, 2532), (1179, 2556), (1290, 2796)]


def rand_taken(r):
    d0 = dt.date(2025, 6, 1)
    days = (dt.date(2026, 11, 30) - d0).days
    if r.random() < 0.12:  # early January: exercises previous-year labels
        d = dt.date(r.choice([2026]), 1, r.randint(1, 9))
    else:
        d = d0 + dt.timedelta(days=r.randint(0, days))
    h = r.choice([8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 0, 7])
    return dt.datetime(d.year, d.month, d.day, h, r.randint(0, 59 if h != 23 else 40), r.randint(0, 59))


class Namer:
    def __init__(self, r):
        self.r = r
        self.used = set()
        self.img_no = r.randint(1200, 3000)

    def name(self, plat, T, jpeg):
        r = self.r
        for _ in range(100):
            if jpeg:
                n = T.strftime('IMG_%Y%m%d_%H%M%S.jpg')
            elif plat == 'android':
                n = T.strftime('Screenshot_%Y%m%d_%H%M%S.png') if r.random() < 0.5 else T.strftime('Screenshot_%Y-%m-%d-%H-%M-%S.png')
            else:
                if r.random() < 0.5:
                    self.img_no += r.randint(1, 40)
                    n = f'IMG_{self.img_no}.PNG'
                else:
                    n = T.strftime('Screenshot %Y-%m-%d at %H.%M.%S.png')
            if n not in self.used:
                self.used.add(n)
                return n
            T = T + dt.timedelta(seconds=1)
        raise RuntimeError('name clash')


def main():
    for fn in sorted(os.listdir(OUT)):  # remove images of an earlier run
        if fn.lower().endswith(('.png', '.jpg')):
            os.remove(os.path.join(OUT, fn))
    r = random.Random(SEED)
    namer = Namer(r)
    truth, drawlog = [], []
    plan = []
    for lay in LAYOUTS_CHAT:
        n = 10 if lay.startswith('wechat') else 9
        plan.append((lay, n, 1 if not lay.startswith('wechat') else 2))
    for lay in LAYOUTS_CALL:
        plan.append((lay, 6, 0))
    for lay, n, npairs in plan:
        plat = 'ios' if lay.startswith('iphone') else ('android' if not lay.startswith('wechat') else None)
        singles = n - 2 * npairs
        jobs = [('pair', k) for k in range(npairs)] + [('single', k) for k in range(singles)]
        darks = [i % 3 == 1 for i in range(len(jobs))]
        r.shuffle(darks)
        for ji, (kind, k) in enumerate(jobs):
            pl = plat or ('ios' if r.random() < 0.4 else 'android')
            W, H = r.choice(IOS_SIZES if pl == 'ios' else ANDROID_SIZES)
            dark = darks[ji]
            T = rand_taken(r)
            if kind == 'pair':
                T = T.replace(hour=r.randint(9, 22))
                tid = f'{lay}_t{k + 1}'
                for attempt in range(50):
                    try:
                        cvA, recA, st = make_chat_image(r, lay, W, H, dark, T, pl, 'A')
                        break
                    except RuntimeError:
                        continue
                T2 = T + dt.timedelta(minutes=r.randint(2, 9), seconds=r.randint(0, 50))
                cvB, recB, _ = make_chat_image(r, lay, W, H, dark, T2, pl, 'B', st)
                outs = [(cvA, recA, T, tid), (cvB, recB, T2, tid)]
            elif lay.endswith('_calls') or lay.endswith('_calls_en'):
                cv, rec = make_calls_image(r, lay, W, H, dark, T, pl)
                outs = [(cv, rec, T, None)]
            else:
                cv, rec, _ = make_chat_image(r, lay, W, H, dark, T, pl)
                outs = [(cv, rec, T, None)]
            for cv, rec, TT, tid in outs:
                jpeg = r.random() < 0.1
                q = r.randint(75, 92) if jpeg else None
                fname = namer.name(pl, TT, jpeg)
                path = os.path.join(OUT, fname)
                if jpeg:
                    cv.img.save(path, 'JPEG', quality=q)
                else:
                    cv.img.save(path, 'PNG', compress_level=9)
                truth.append({'file': fname, 'layout': lay, 'dark': dark, 'taken_on': TT.strftime('%Y-%m-%d'),
                              'thread': tid, 'records': rec})
                drawlog.append({'file': fname, 'size': [cv.W, cv.H], 'layout': lay, 'platform': pl, 'dark': dark,
                                'format': 'JPEG' if jpeg else 'PNG', 'jpeg_quality': q,
                                'strings': cv.strings, 'shapes': cv.shapes})
                print(fname, lay, len(rec), flush=True)
    with open(os.path.join(OUT, 'truth.jsonl'), 'w', encoding='utf-8') as f:
        for t in truth:
            f.write(json.dumps(t, ensure_ascii=False) + '\n')
    with open(os.path.join(OUT, 'drawlog.jsonl'), 'w', encoding='utf-8') as f:
        for t in drawlog:
            f.write(json.dumps(t, ensure_ascii=False) + '\n')


if __name__ == '__main__':
    main()

#!/usr/bin/env python3
"""Deterministic generator of the frozen OCR benchmark set 6 (synthetic phone screenshots
of Chinese debt-collection messages and call logs).

Run:  /work/main/.venv/bin/python make_set.py
Writes the images, truth.jsonl and drawlog.jsonl next to this file.
Everything (people, companies, numbers, links, case numbers) is invented.
"""
import datetime as dt
import json
import os
import random

from PIL import Image, ImageDraw, ImageFont

OUT = os.path.dirname(os.path.abspath(__file__))
REG = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'
BOLD = '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc'
FACE = 2  # Noto Sans CJK SC
SEED = 20260606

_FONTS = {}


def font(size, bold=False):
    key = (int(size), bool(bold))
    if key not in _FONTS:
        _FONTS[key] = ImageFont.truetype(BOLD if bold else REG, int(size), index=FACE)
    return _FONTS[key]


def tw(s, size, bold=False):
    return font(size, bold).getlength(s)


def hexc(c):
    if isinstance(c, str):
        return c.upper()
    return '#%02X%02X%02X' % tuple(c[:3])


# ----------------------------------------------------------------------------------------
# canvas with a draw log
# ----------------------------------------------------------------------------------------
class Canvas:
    def __init__(self, w, h, bg):
        self.w, self.h = w, h
        self.u = w / 1080.0
        self.img = Image.new('RGB', (w, h), bg)
        self.d = ImageDraw.Draw(self.img)
        self.items = []

    def text(self, x, y, s, size, color, role, bold=False, anchor='lm'):
        f = font(size, bold)
        box = [int(round(v)) for v in self.d.textbbox((x, y), s, font=f, anchor=anchor)]
        self.d.text((x, y), s, font=f, fill=color, anchor=anchor)
        self.items.append({'type': 'text', 'text': s, 'box': box, 'role': role,
                           'color': hexc(color), 'size': int(size), 'bold': bool(bold)})
        return box

    def _log(self, kind, box, fill):
        self.items.append({'type': 'shape', 'kind': kind,
                           'box': [int(round(v)) for v in box],
                           'fill': hexc(fill) if fill is not None else None})

    def rrect(self, box, r, fill, kind, outline=None, width=1):
        self.d.rounded_rectangle([int(v) for v in box], radius=int(r), fill=fill,
                                 outline=outline, width=int(width))
        self._log(kind, box, fill if fill is not None else outline)

    def rect(self, box, fill, kind):
        self.d.rectangle([int(v) for v in box], fill=fill)
        self._log(kind, box, fill)

    def ellipse(self, box, fill, kind, outline=None, width=1):
        self.d.ellipse([int(v) for v in box], fill=fill, outline=outline, width=int(width))
        self._log(kind, box, fill if fill is not None else outline)

    def chord(self, box, a0, a1, fill, kind):
        self.d.chord([int(v) for v in box], a0, a1, fill=fill)
        self._log(kind, [box[0], box[1], box[2], (box[1] + box[3]) / 2], fill)

    def poly(self, pts, fill, kind):
        self.d.polygon([(int(a), int(b)) for a, b in pts], fill=fill)
        xs = [p[0] for p in pts]
        ys = [p[1] for p in pts]
        self._log(kind, [min(xs), min(ys), max(xs), max(ys)], fill)

    def line(self, pts, fill, width, kind):
        self.d.line([(int(a), int(b)) for a, b in pts], fill=fill, width=int(width), joint='curve')
        xs = [p[0] for p in pts]
        ys = [p[1] for p in pts]
        self._log(kind, [min(xs), min(ys), max(xs), max(ys)], fill)


# ----------------------------------------------------------------------------------------
# time labels
# ----------------------------------------------------------------------------------------
WD_ZH = '一二三四五六日'
WD_EN = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
WD_EN3 = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']
MON_EN3 = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']


def t24(t):
    return '%02d:%02d' % (t.hour, t.minute)


def t12zh(t, periods=False):
    h = t.hour
    h12 = h % 12 or 12
    if periods:
        p = ('凌晨' if h < 6 else '早上' if h < 9 else '上午' if h < 12 else
             '中午' if h < 13 else '下午' if h < 18 else '晚上')
    else:
        p = '上午' if h < 12 else '下午'
    return '%s%d:%02d' % (p, h12, t.minute)


def t12en(t):
    h = t.hour
    return '%d:%02d %s' % (h % 12 or 12, t.minute, 'AM' if h < 12 else 'PM')


def tod(t, clock):
    if clock == '24':
        return t24(t)
    if clock == '12':
        return t12zh(t, False)
    if clock == '12p':
        return t12zh(t, True)
    if clock == 'en':
        return t12en(t)
    raise ValueError(clock)


def rel(d, d0):
    off = (d0 - d).days
    assert off >= 0
    if off == 0:
        return 'today'
    if off == 1:
        return 'yday'
    if off <= 6:
        return 'week'
    if d.year == d0.year:
        return 'md'
    return 'ymd'


def sep_label(family, when, d0, clock, rng):
    """Centred separator text. Returns (text, shows_time)."""
    d = when.date()
    r = rel(d, d0)
    wd = d.weekday()
    if family in ('huawei', 'honor', 'vivo'):           # date only
        if r == 'today':
            return '今天', False
        if r == 'yday':
            return '昨天', False
        if r == 'week':
            return ('周' if family == 'vivo' else '星期') + WD_ZH[wd], False
        if r == 'md':
            if family == 'huawei':
                return '%d月%d日 星期%s' % (d.month, d.day, WD_ZH[wd]), False
            if family == 'honor':
                return '%d月%d日 周%s' % (d.month, d.day, WD_ZH[wd]), False
            return '%d月%d日' % (d.month, d.day), False
        if family == 'vivo':
            return '%d/%02d/%02d' % (d.year, d.month, d.day), False
        return '%d年%d月%d日' % (d.year, d.month, d.day), False
    tm = tod(when, clock)
    if family == 'xiaomi':
        pre = {'today': '', 'yday': '昨天 ', 'week': '星期%s ' % WD_ZH[wd],
               'md': '%d月%d日 ' % (d.month, d.day),
               'ymd': '%d年%d月%d日 ' % (d.year, d.month, d.day)}[r]
        return pre + tm, True
    if family == 'oppo':
        pre = {'today': '今天 ', 'yday': '昨天 ', 'week': '周%s ' % WD_ZH[wd],
               'md': '%d月%d日 周%s ' % (d.month, d.day, WD_ZH[wd]),
               'ymd': '%d/%d/%d ' % (d.year, d.month, d.day)}[r]
        return pre + tm, True
    if family == 'iphone':
        pre = {'today': rng.choice(['今天 ', '']), 'yday': '昨天 ', 'week': '星期%s ' % WD_ZH[wd],
               'md': '%d月%d日 周%s ' % (d.month, d.day, WD_ZH[wd]),
               'ymd': '%d年%d月%d日 周%s ' % (d.year, d.month, d.day, WD_ZH[wd])}[r]
        return pre + tm, True
    if family == 'iphone_en':
        if r == 'today':
            return rng.choice(['Today ', '']) + tm, True
        if r == 'yday':
            return 'Yesterday ' + tm, True
        if r == 'week':
            return WD_EN[wd] + ' ' + tm, True
        if r == 'md':
            return '%s, %s %d at %s' % (WD_EN3[wd], MON_EN3[d.month - 1], d.day, tm), True
        return '%s, %s %d, %d at %s' % (WD_EN3[wd], MON_EN3[d.month - 1], d.day, d.year, tm), True
    if family == 'wechat':
        pre = {'today': '', 'yday': '昨天 ', 'week': '星期%s ' % WD_ZH[wd],
               'md': '%d月%d日 ' % (d.month, d.day),
               'ymd': '%d年%d月%d日 ' % (d.year, d.month, d.day)}[r]
        return pre + tm, True
    raise ValueError(family)


def call_label(brand, when, d0, clock):
    """Right-hand time label of a call-log row. Returns (text, shows_time)."""
    d = when.date()
    r = rel(d, d0)
    wd = d.weekday()
    tm = tod(when, clock)
    if brand == 'huawei':
        return {'today': (tm, True), 'yday': ('昨天 ' + tm, True), 'week': ('星期' + WD_ZH[wd], False),
                'md': ('%d月%d日' % (d.month, d.day), False),
                'ymd': ('%d/%d/%d' % (d.year, d.month, d.day), False)}[r]
    if brand == 'honor':
        return {'today': (tm, True), 'yday': ('昨天', False), 'week': ('周' + WD_ZH[wd], False),
                'md': ('%02d/%02d' % (d.month, d.day), False),
                'ymd': ('%d/%02d/%02d' % (d.year, d.month, d.day), False)}[r]
    if brand == 'xiaomi':
        return {'today': (tm, True), 'yday': ('昨天 ' + tm, True), 'week': ('星期%s %s' % (WD_ZH[wd], tm), True),
                'md': ('%d月%d日 %s' % (d.month, d.day, tm), True),
                'ymd': ('%d年%d月%d日' % (d.year, d.month, d.day), False)}[r]
    if brand == 'oppo':
        return {'today': (tm, True), 'yday': ('昨天', False), 'week': ('星期' + WD_ZH[wd], False),
                'md': ('%d月%d日' % (d.month, d.day), False),
                'ymd': ('%d/%d/%d' % (d.year, d.month, d.day), False)}[r]
    if brand == 'vivo':
        return {'today': (tm, True), 'yday': ('昨天 ' + tm, True), 'week': ('周%s %s' % (WD_ZH[wd], tm), True),
                'md': ('%02d/%02d %s' % (d.month, d.day, tm), True),
                'ymd': ('%d/%02d/%02d' % (d.year, d.month, d.day), False)}[r]
    if brand == 'iphone':
        return {'today': (tm, True), 'yday': ('昨天', False), 'week': ('星期' + WD_ZH[wd], False),
                'md': ('%d/%d/%d' % (d.year, d.month, d.day), False),
                'ymd': ('%d/%d/%d' % (d.year, d.month, d.day), False)}[r]
    if brand == 'iphone_en':
        return {'today': (tm, True), 'yday': ('Yesterday', False), 'week': (WD_EN[wd], False),
                'md': ('%d/%d/%02d' % (d.month, d.day, d.year % 100), False),
                'ymd': ('%d/%d/%02d' % (d.month, d.day, d.year % 100), False)}[r]
    raise ValueError(brand)


def iso(t):
    return t.strftime('%Y-%m-%dT%H:%M:00+08:00')


# ----------------------------------------------------------------------------------------
# content pools (all invented)
# ----------------------------------------------------------------------------------------
BORROWERS = ['王先生', '李女士', '张伟', '刘洋', '陈静', '杨帆', '赵磊', '黄丽', '周强', '吴敏', '孙浩', '徐婷',
             '马俊', '朱琳', '胡斌', '郭倩']
PLATS = ['速融贷', '金桔借款', '云帆分期', '快鹿钱包', '聚沙贷', '易朵分期', '禾苗借钱', '橙意借', '青禾花',
         '鑫诺消费']
PLATS_EN = ['QuickLoan', 'EasyCash', 'FlashFund', 'PeachPay', 'MintCredit']
FIRMS = ['浙江衡正律师事务所', '广东信和律师事务所', '安诚资产管理有限公司', '恒远法务调解中心', '鼎泰律师事务所',
         '明德法务服务中心']
BANKS = ['江南商业银行', '鼎信银行', '汇川银行', '东岳农商银行', '华锦银行']
BANKS_EN = ['Jiangnan Bank', 'Dingxin Bank', 'Huichuan Bank']
AGENTS = ['王专员', '李经理', '陈律师', '刘主管', '赵调解员', '孙专员', '周法务', '郑经理']
HOMETOWNS = ['浙江衢州', '安徽阜阳', '河南周口', '江西上饶', '湖南邵阳', '四川南充', '山东临沂']
LOCS = ['浙江杭州', '广东深圳', '上海', '北京', '江苏南京', '四川成都', '湖北武汉', '福建厦门', '重庆',
        '广东广州', '陕西西安', '湖南长沙']
CARRIERS = ['移动', '联通', '电信']
ACCTS = ['杭州安诚信息咨询有限公司', '深圳鼎泰商务服务有限公司', '王建国', '刘海燕']
LINK_HOSTS = ['hkd7.cn', 'rzdk.top', 'jqjk8.cn', 'sdt-pay.cn', 'yfq6.com', 'kl-h5.cn', 't.xkd9.cn']
EMOJI = ['[捂脸]', '[微笑]', '[抱拳]', '[流泪]', '[强]', '[发怒]', '[叹气]', '[OK]']

SMS_IN = [
    '【{plat}】尊敬的{name}，您在我司的借款已逾期{days}天，应还金额{amt}元，请于今日18:00前还款，逾期将影响您的个人征信。',
    '【{plat}】{name}您好，您的账单已严重逾期，案件编号：{case}，我司已启动法律程序，请尽快联系处理：{phone}',
    '{name}，你名下{plat}欠款{amt}元至今未还，今天下午5点前不处理，我们将安排外访人员上门核实你的居住地址和工作单位。',
    '【{firm}】律师函：{name}（身份证号{idm}）因拖欠{plat}借款本息合计{amt}元，现已委托我所依法追讨，限你3日内结清，否则将向户籍所在地人民法院提起诉讼。',
    '【{bank}】您尾号{last4}的信用卡已逾期{days}天，最低还款额{amt}元，请及时还款至{card}，详询{phone}。',
    '温馨提示：您的借呗账单已逾期，欠款{amt}元，请登录{link}查看还款计划，如已还款请忽略。',
    '【{plat}】您的花呗分期已逾期{days}天，我们将按合同约定联系您的紧急联系人及通讯录好友，请于{date}前还清。',
    '{name}你好，我是{plat}贷后部的{agent}，你的案件{case}已转入我组，今天必须给我一个明确的还款时间。',
    '最后通知：再不还款，明天上午我们会联系你单位人事部门和你家里人，后果自负。',
    '【{plat}】您的借款已被列入司法预审名单，案号{case}，请点击{link}查看起诉材料，逾期未处理将冻结名下银行卡{card}。',
    '{name}，你借款时填写的紧急联系人我们已经核实，如果今天还不处理，我们会逐一通知他们协助催还。',
    '【{plat}】还款账户：{bank} {card}，户名：{acct}，请备注案件编号{case}，转账后截图回复本号码。',
    '您好，这里是{firm}，受{plat}委托处理您的欠款纠纷，请于48小时内回电{phone}，否则视为放弃协商机会。',
    '{name}，你已逾期{days}天，减免方案今天24点截止，一次性结清只需还{amt}元，机会只有一次。',
    '【{plat}】账单提醒：本期应还{amt}元，已逾期{days}天，罚息每日持续产生，请尽快还款。退订回T',
    '通知：你的欠款已移交我司外访组，外访人员将于本周内前往你户籍地{hometown}走访，请提前准备好还款。',
    '{name}，你的电话一直不接，我们只能联系你的家人了。请尽快回电{phone}。',
    '【{plat}】您好，您的借款合同编号{contract}，逾期本息{amt}元，经多次提醒未果，我司将依法向法院申请支付令。',
    '已经给你打了{ncalls}次电话，你再不接我们就按失联处理，直接走诉讼流程。',
    '{name}，你身份证{idm}名下的{plat}借款今天是最后处理期限，链接：{link}',
    '【{plat}】您的逾期案件{case}已生成电子律师函，查看：{link} 回复1确认收到。',
    '你好，{name}的家属吗？他在{plat}的借款逾期{days}天了，麻烦转告他尽快处理。',
]
SMS_IN_SHORT = ['在吗？', '看到回复', '今天几点能还？', '还款了截图发我', '你还有多少能先还上？', '收到请回复',
                '别装看不见', '请尽快处理', '回电', '今天能还多少？']
SMS_IN_EN = [
    '[{plat_en}] Dear customer, your loan of CNY {amt} is {days} days overdue. Please repay today to avoid further penalties.',
    '[{plat_en}] Final notice: case {case} will be sent to our legal department within 24 hours. Call {phone} now.',
    'Your account is seriously overdue. Repay via {slink} before 6 PM or we will contact your emergency contacts.',
    'This is the last reminder. If you do not pay today, our field team will visit your home address.',
    '[{bank_en}] Card ending {last4} is overdue. Minimum payment CNY {amt}. Details: {slink}',
    'Hello {name_en}, we have called you {ncalls} times. Please reply with a repayment date today.',
]
REPLIES = ['好', '嗯', '?', '？', '明天还', '我在想办法', 'ok', 'OK', '知道了', '再宽限几天', '这周五前还',
           '能不能分期', '我现在真的没钱', '别打我家里电话', '已经还了一部分', '你们是哪里', '在开会，晚点说',
           '好的', '收到', '能减免利息吗', '下个月发工资就还', '不要联系我单位', '我会处理的', '1',
           '发我还款账号', '我下午转500', '你们这是违法的', '嗯嗯']
REPLIES_EN = ['ok', 'OK', 'Who is this?', 'I will pay tomorrow', 'Need more time', 'Stop calling my family',
              'Paid 500 just now', 'ok thanks', 'Please send the account number']

WX_IN = [
    '{name}，我是{plat}的{agent}，你的逾期款项今天能处理吗？',
    '你这个账已经拖了{days}天了，再拖下去对你没好处{emo}',
    '今天下午我们同事会去你公司附近，你自己看着办',
    '方案我给你申请下来了，结清{amt}，今天之内',
    '你看下这个律师函，已经盖章了，明天就寄到你户籍地址',
    '转账到这个卡：{bank} {card} 户名{acct}',
    '截图发我',
    '别逃避，逃避解决不了问题',
    '你通讯录里的人我们都有，要不要我一个个打？',
    '{emo}理解你的难处，但你总得给个时间',
    '好好说不听是吧',
    '在吗',
    '案件号{case}，你自己去查',
    '链接打开就能还：{link}',
    '身份证{idm}是你本人吧？核实一下',
    '明天上午十点前必须到账，否则直接走诉讼',
]
WX_GROUP_IN = [
    '各位好，我是{plat}的调解员，{name}欠款{amt}元已逾期{days}天，麻烦大家督促其尽快还款。',
    '@{name} 请你在群里给大家一个说法',
    '本群仅用于协商还款，请{name}本人尽快回复',
    '这是法院的立案通知预览：{link}',
    '{name}你再不出面，我们就把你的欠款情况发到你单位群里',
    '怎么回事啊？你欠钱了？',
    '你赶紧处理一下吧，别连累大家{emo}',
    '案件编号{case}，今天18点前结清可以减免部分罚息',
    '收款账户{bank} {card}，转完发截图到群里',
    '已截图留存，后续作为起诉证据',
]
WX_REPLY = ['{emo}', '我在想办法', '明天还', '好', '别在群里说了', '能不能私聊', 'ok', '?', '下周一还{emo}',
            '已经转了300', '你们别骚扰我家人', '嗯', '知道了', '给我两天时间']
GROUP_NICKS = ['王专员', '法务-陈律师', '调解员小刘', '{plat}客服', '表哥', '李姐(同事)', '赵主管']
GROUP_NAMES = ['{plat}协商处理群', '{name}欠款处理群', '还款协商{n}群', '{plat}法务调解群']


def fill(tpl, ctx):
    return tpl.format(**ctx)


def new_ctx(rng):
    name = rng.choice(BORROWERS)
    plat = rng.choice(PLATS)
    amt_v = rng.randint(800, 48000)
    cents = rng.choice(['00', '50', '36', '80', '12', '00'])
    amt = ('{:,}'.format(amt_v) if rng.random() < 0.3 else str(amt_v)) + '.' + cents
    yr = rng.choice([2025, 2026])
    case = rng.choice([
        'HX%d%02d%02d-%05d' % (yr, rng.randint(1, 12), rng.randint(1, 28), rng.randint(0, 99999)),
        'CS%d%07d' % (yr, rng.randint(0, 9999999)),
        '（%d）催字第%04d号' % (yr, rng.randint(1, 9999)),
        'AJ-%d-%06d' % (yr, rng.randint(0, 999999)),
    ])
    host = rng.choice(LINK_HOSTS)
    path = ''.join(rng.choice('ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789') for _ in range(rng.randint(5, 9)))
    link = rng.choice(['https://', 'http://', '']) + host + '/' + rng.choice(['', 'h5/', 'r/', 'p?c=']) + path
    slink = host + '/' + path[:6]
    bin_ = rng.choice(['6222', '6217', '6228', '6214', '6236', '6259'])
    last4 = '%04d' % rng.randint(0, 9999)
    card = rng.choice([bin_ + ' **** **** ' + last4, bin_ + '****' + last4,
                       bin_ + '********' + last4, bin_ + ' **** **** ' + last4])
    idm = rng.choice(['330106', '340121', '412723', '362301', '430521', '511302', '371302']) + \
        rng.choice(['********', '19******', '********']) + '%04d' % rng.randint(0, 9999)
    if rng.random() < 0.2:
        idm = idm[:-1] + 'X'
    phone = rng.choice(['400-8%02d-%04d' % (rng.randint(0, 99), rng.randint(0, 9999)),
                        '0571-86%06d' % rng.randint(0, 999999),
                        '021-5%07d' % rng.randint(0, 9999999),
                        '13800%06d' % rng.randint(0, 999999)])
    return dict(
        name=name, plat=plat, amt=amt, days=rng.randint(3, 190), case=case, link=link, slink=slink,
        card=card, idm=idm, firm=rng.choice(FIRMS), bank=rng.choice(BANKS), acct=rng.choice(ACCTS),
        phone=phone, agent=rng.choice(AGENTS), contract='JK%d%08d' % (yr, rng.randint(0, 99999999)),
        hometown=rng.choice(HOMETOWNS), last4=last4, ncalls=rng.randint(5, 38),
        date='%d月%d日' % (rng.randint(1, 12), rng.randint(1, 28)), plat_en=rng.choice(PLATS_EN),
        bank_en=rng.choice(BANKS_EN), name_en=rng.choice(['Mr. Wang', 'Ms. Li', 'Mr. Zhang', 'Ms. Chen']),
        emo=rng.choice(EMOJI), n=rng.randint(1, 9))


# ----------------------------------------------------------------------------------------
# numbers and senders
# ----------------------------------------------------------------------------------------
def mobile(rng):
    return rng.choice(['138', '139', '137', '150', '186', '177', '135']) + '0000' + '%04d' % rng.randint(0, 9999)


def fmt_mobile(m, rng, allow_plus=True):
    c = rng.random()
    if c < 0.45:
        return '%s %s %s' % (m[:3], m[3:7], m[7:])
    if c < 0.7 and allow_plus:
        return '+86 %s %s %s' % (m[:3], m[3:7], m[7:])
    if c < 0.85:
        return '%s-%s-%s' % (m[:3], m[3:7], m[7:])
    return m


def digits_of(display):
    s = display.strip()
    plus86 = s.startswith('+86')
    if plus86:
        s = s[3:]
    return ''.join(ch for ch in s if ch.isdigit())


def sms_sender(rng, allow_names=True):
    """Return (display, sender_truth, subtitle)"""
    c = rng.random()
    if c < 0.3:
        m = mobile(rng)
        disp = fmt_mobile(m, rng)
        return disp, digits_of(disp), rng.choice(LOCS) + ' ' + rng.choice(CARRIERS)
    if c < 0.55:
        d = '10690' + '%07d' % rng.randint(0, 9999999)
        disp = rng.choice(['%s %s %s' % (d[:4], d[4:8], d[8:]), d])
        return disp, d, ''
    if c < 0.65:
        d = '95' + '%03d' % rng.randint(100, 999)
        return d, d, '客服热线'
    if c < 0.78:
        area = rng.choice(['0571', '021', '0755', '020', '0551'])
        num = rng.choice(['8', '5', '6']) + '%07d' % rng.randint(0, 9999999)
        disp = rng.choice(['%s-%s %s' % (area, num[:4], num[4:]), '%s-%s' % (area, num), '%s %s %s' % (area, num[:4], num[4:])])
        return disp, digits_of(disp), rng.choice(LOCS) + ' 固话'
    if not allow_names:
        d = '95%03d' % rng.randint(100, 999)
        return d, d, '客服热线'
    name = rng.choice(['速融贷客服', '法务部-刘律师', '催收 王专员', '金桔借款', '云帆分期贷后', '张律师',
                       '快鹿钱包', '陈经理(调解)'])
    m = mobile(rng)
    return name, name, fmt_mobile(m, rng, False)


# ----------------------------------------------------------------------------------------
# wrapping
# ----------------------------------------------------------------------------------------
NO_START = set('，。、：；！？）》」』”’,.!?;:)%')


def has_cjk(s):
    return any(ord(ch) > 127 for ch in s)


def wrap(s, size, maxw):
    """CJK text: break between any characters (with a simple no-line-start rule for closing
    punctuation); a break never falls on a space.  Pure ASCII text: word wrap at spaces,
    no word is ever broken.  Returns None when the rule cannot be met at this width."""
    f = font(size)
    if has_cjk(s):
        lines = []
        cur = ''
        for ch in s:
            if f.getlength(cur + ch) <= maxw or cur == '':
                cur += ch
            else:
                if ch in NO_START and len(cur) > 1:
                    lines.append(cur[:-1])
                    cur = cur[-1] + ch
                else:
                    lines.append(cur)
                    cur = ch
        lines.append(cur)
        for ln in lines:
            if ln.startswith(' ') or ln.endswith(' ') or f.getlength(ln) > maxw:
                return None
        if ''.join(lines) != s:
            return None
        return lines
    words = s.split(' ')
    lines = []
    cur = ''
    for w in words:
        if f.getlength(w) > maxw:
            return None
        cand = w if cur == '' else cur + ' ' + w
        if f.getlength(cand) <= maxw:
            cur = cand
        else:
            lines.append(cur)
            cur = w
    lines.append(cur)
    if ' '.join(lines) != s:
        return None
    return lines


def wrap_fit(s, size, maxw):
    for k in range(40):
        r = wrap(s, size, maxw - 6 * k)
        if r is not None:
            return r
    raise RuntimeError('cannot wrap %r' % s)


def link_spans(s):
    """character spans of links inside s (for the underline)"""
    spans = []
    for host in LINK_HOSTS:
        i = s.find(host)
        if i >= 0:
            a = i
            for pre in ('https://', 'http://'):
                if s[max(0, i - len(pre)):i] == pre:
                    a = i - len(pre)
            b = i
            while b < len(s) and s[b].isascii() and (s[b].isalnum() or s[b] in '/.?=-_:'):
                b += 1
            spans.append((a, b))
    return spans


# ----------------------------------------------------------------------------------------
# thread generation
# ----------------------------------------------------------------------------------------
def build_sessions(rng, d0, t_shot, n_sessions, allow_old=True):
    """list of session start datetimes, ascending, all before t_shot"""
    offs = set()
    pool = [0, 0, 1, 1, 2, 3, 4, 5, 6]
    if allow_old:
        pool += [8, 12, 20, 35, 60, 95, 150, 240]
    while len(offs) < n_sessions:
        offs.add(rng.choice(pool))
    res = []
    for off in sorted(offs, reverse=True):
        day = d0 - dt.timedelta(days=off)
        if off == 0:
            latest = t_shot - dt.timedelta(minutes=25)
            if latest.hour < 8:
                continue
            h = rng.randint(8, latest.hour)
            m = rng.randint(0, 59)
            start = dt.datetime.combine(day, dt.time(h, m))
            if start > latest:
                start = latest.replace(second=0, microsecond=0)
        else:
            if rng.random() < 0.05:
                h = 0
            else:
                h = rng.randint(8, 22)
            start = dt.datetime.combine(day, dt.time(h, rng.randint(0, 59)))
        res.append(start)
    return res


def pick(rng, pool, used):
    """choose from pool, avoiding entries already used in this thread while possible"""
    free = [p for p in pool if p not in used]
    c = rng.choice(free if free else pool)
    used.add(c)
    return c


def sms_thread(rng, d0, t_shot, n_sessions, lang, ctx):
    """messages: list of dicts {dir, text, when, session}"""
    msgs = []
    used = set()
    for si, start in enumerate(build_sessions(rng, d0, t_shot, n_sessions)):
        t = start
        n_in = rng.choice([1, 1, 1, 2, 2, 3])
        plan = ['in'] * n_in
        if rng.random() < 0.55:
            plan.append('out')
            if rng.random() < 0.4:
                plan.append('in')
                if rng.random() < 0.5:
                    plan.append('out')
        if rng.random() < 0.12:
            plan.insert(0, 'out')
        limit = dt.datetime.combine(start.date(), dt.time(23, 59))
        if start.date() == d0:
            limit = t_shot - dt.timedelta(minutes=1)
        for k, dirn in enumerate(plan):
            if k:
                t = t + dt.timedelta(minutes=rng.choice([0, 1, 1, 2, 3, 5, 8, 15]))
            if t > limit:
                t = limit
            if dirn == 'in':
                if lang == 'en' and rng.random() < 0.6:
                    text = fill(pick(rng, SMS_IN_EN, used), ctx)
                elif k > 0 and rng.random() < 0.35:
                    text = pick(rng, SMS_IN_SHORT, used)
                else:
                    text = fill(pick(rng, SMS_IN, used), ctx)
            else:
                text = pick(rng, REPLIES_EN if (lang == 'en' and rng.random() < 0.6) else REPLIES, used)
            msgs.append({'dir': dirn, 'text': text, 'when': t, 'session': si})
    return msgs


def wx_thread(rng, d0, t_shot, n_sessions, group, ctx, nicks):
    msgs = []
    used = set()
    for si, start in enumerate(build_sessions(rng, d0, t_shot, n_sessions)):
        t = start
        n = rng.randint(2, 5)
        limit = dt.datetime.combine(start.date(), dt.time(23, 59))
        if start.date() == d0:
            limit = t_shot - dt.timedelta(minutes=1)
        for k in range(n):
            if k:
                t = t + dt.timedelta(minutes=rng.choice([0, 0, 1, 2, 4]))
            if t > limit:
                t = limit
            dirn = 'out' if rng.random() < 0.3 else 'in'
            ctx['emo'] = rng.choice(EMOJI)
            if dirn == 'out':
                text = fill(pick(rng, WX_REPLY, used), ctx)
                nick = None
            else:
                text = fill(pick(rng, WX_GROUP_IN if group and rng.random() < 0.6 else WX_IN, used), ctx)
                nick = rng.choice(nicks) if group else None
            msgs.append({'dir': dirn, 'text': text, 'when': t, 'session': si, 'nick': nick})
            if rng.random() < 0.07:
                msgs.append({'dir': 'recall', 'session': si, 'when': t,
                             'who': None if dirn == 'out' else (nick if group else '对方')})
    return msgs


# ----------------------------------------------------------------------------------------
# phone chrome
# ----------------------------------------------------------------------------------------
def status_android(cv, brand, t_shot, dark, rng, clock):
    u = cv.u
    h = int(rng.choice([88, 96, 104]) * u)
    fg = '#FFFFFF' if dark else '#000000'
    sz = int(rng.choice([34, 36, 38]) * u)
    cy = h // 2 + int(4 * u)
    x = int(54 * u)
    clk = t24(t_shot) if clock == '24' else '%d:%02d' % (t_shot.hour % 12 or 12, t_shot.minute)
    right = cv.w - int(54 * u)
    # battery
    bw, bh = int(52 * u), int(26 * u)
    bx1 = right
    bx0 = bx1 - bw
    cv.rrect([bx0, cy - bh // 2, bx1, cy + bh // 2], 5 * u, None, 'icon_battery', outline=fg, width=max(2, 2 * u))
    lvl = rng.randint(12, 98)
    cv.rect([bx0 + 4 * u, cy - bh // 2 + 4 * u, bx0 + 4 * u + (bw - 8 * u) * lvl / 100, cy + bh // 2 - 4 * u], fg, 'icon_battery_level')
    xr = bx0 - int(12 * u)
    if rng.random() < 0.7:
        b = cv.text(xr, cy, str(lvl), int(sz * 0.8), fg, 'status', anchor='rm')
        xr = b[0] - int(16 * u)
    # wifi
    cv.poly([(xr - 40 * u, cy - 14 * u), (xr, cy - 14 * u), (xr - 20 * u, cy + 14 * u)], fg, 'icon_wifi')
    xr -= int(56 * u)
    # signal bars
    for k in range(4):
        bh2 = (k + 1) * 7 * u
        cv.rect([xr - (4 - k) * 10 * u, cy + 14 * u - bh2, xr - (4 - k) * 10 * u + 6 * u, cy + 14 * u], fg, 'icon_signal')
    xr -= int(50 * u)
    if rng.random() < 0.5:
        cv.text(xr, cy, rng.choice(['5G', '4G', '5G', 'HD']), int(sz * 0.62), fg, 'status', bold=True, anchor='rm')
    if brand in ('huawei', 'honor') and rng.random() < 0.6:
        b = cv.text(x, cy, rng.choice(['中国移动', '中国联通', '中国电信']), int(sz * 0.85), fg, 'status')
        x = b[2] + int(20 * u)
        b = cv.text(x, cy, clk, sz, fg, 'status')
        x = b[2] + int(22 * u)
    else:
        b = cv.text(x, cy, clk, sz, fg, 'status')
        x = b[2] + int(22 * u)
    for k in range(rng.randint(0, 3)):
        kind = rng.choice(['icon_notify_msg', 'icon_notify_wechat', 'icon_notify_missed', 'icon_notify_alipay'])
        cv.rrect([x, cy - 13 * u, x + 26 * u, cy + 13 * u], 6 * u, '#8A8A8A' if dark else '#555555', kind)
        x += int(40 * u)
    return h


def status_iphone(cv, t_shot, dark, rng, clock):
    h = int(cv.w / 1170 * 141)
    fg = '#FFFFFF' if dark else '#000000'
    cy = int(h * 0.55)
    clk = '%d:%02d' % (t_shot.hour % 12 or 12, t_shot.minute) if clock in ('en', '12', '12p') else \
        '%d:%02d' % (t_shot.hour, t_shot.minute)
    cv.text(int(cv.w * 0.165), cy, clk, int(48 * cv.w / 1170), fg, 'status', bold=True, anchor='mm')
    # dynamic island
    cv.rrect([cv.w / 2 - 190 * cv.u, 30 * cv.u, cv.w / 2 + 190 * cv.u, 134 * cv.u], 52 * cv.u, '#000000', 'island')
    right = cv.w - int(0.07 * cv.w)
    bw, bh = int(78 * cv.u), int(38 * cv.u)
    lvl = rng.randint(15, 99)
    cv.rrect([right - bw, cy - bh // 2, right, cy + bh // 2], 10 * cv.u, '#8E8E93', 'icon_battery')
    cv.rrect([right - bw, cy - bh // 2, right - bw + bw * lvl / 100, cy + bh // 2], 10 * cv.u, fg, 'icon_battery_level')
    if rng.random() < 0.5:
        cv.text(right - bw // 2, cy, str(lvl), int(27 * cv.u), '#000000' if not dark else '#FFFFFF', 'status', bold=True, anchor='mm')
    x = right - bw - int(60 * cv.u)
    cv.poly([(x - 22 * cv.u, cy - 14 * cv.u), (x + 22 * cv.u, cy - 14 * cv.u), (x, cy + 14 * cv.u)], fg, 'icon_wifi')
    x -= int(80 * cv.u)
    for k in range(4):
        bh2 = (k + 1) * 8 * cv.u
        cv.rect([x + k * 11 * cv.u, cy + 15 * cv.u - bh2, x + k * 11 * cv.u + 7 * cv.u, cy + 15 * cv.u], fg, 'icon_signal')
    return h


def back_chevron(cv, x, cy, size, color, kind='icon_back'):
    cv.line([(x + size * 0.5, cy - size), (x, cy), (x + size * 0.5, cy + size)], color, max(3, size * 0.16), kind)


# ----------------------------------------------------------------------------------------
# chat screens
# ----------------------------------------------------------------------------------------
ANDROID_SIZES = [(1080, 2340), (1080, 2400), (1080, 2412), (1220, 2712), (1260, 2800)]
IPHONE_SIZES = [(1170, 2532), (1179, 2556), (1290, 2796)]

SMS_STYLE = {
    'huawei': dict(family='huawei', own='under', in_l='#FFFFFF', in_d='#2A2A2A', out_l='#007DFF', out_d='#1F6FD6',
                   bg_l='#F1F3F5', bg_d='#000000', radius=36, placeholder='短信', title_align='left'),
    'honor': dict(family='honor', own='under', in_l='#FFFFFF', in_d='#262626', out_l='#256FFF', out_d='#2D63D8',
                  bg_l='#F2F2F2', bg_d='#0A0A0A', radius=30, placeholder='短信', title_align='center'),
    'vivo': dict(family='vivo', own='beside', in_l='#F0F1F3', in_d='#2B2B2D', out_l='#456FFF', out_d='#3A5FD9',
                 bg_l='#FFFFFF', bg_d='#000000', radius=40, placeholder='输入短信', title_align='left'),
    'xiaomi': dict(family='xiaomi', own=None, in_l='#F1F2F4', in_d='#262729', out_l='#3482FF', out_d='#2C6FDB',
                   bg_l='#FFFFFF', bg_d='#000000', radius=42, placeholder='短信', title_align='center'),
    'oppo': dict(family='oppo', own=None, in_l='#F2F2F2', in_d='#2A2A2A', out_l='#2EBE6A', out_d='#23A35A',
                 bg_l='#FFFFFF', bg_d='#121212', radius=34, placeholder='短信内容', title_align='left'),
}


def own_time_label(st, when, clock, rng):
    tm = tod(when, clock)
    if st['family'] in ('huawei', 'honor') and rng.random() < 0.35:
        sim = rng.choice(['卡1', '卡2'])
        return rng.choice([sim + ' ' + tm, tm + ' ' + sim])
    return tm


class ChatResult:
    def __init__(self):
        self.records = []       # (msg, occurred_at or None)
        self.last_index = None  # index of last drawn event
        self.drawn_msg_idx = []


def draw_msg_lines(cv, x0, y0, lines, size, line_h, color, text, pad_x, pad_y, link_color=None):
    spans = link_spans(text)
    pos = 0
    for i, ln in enumerate(lines):
        cy = y0 + pad_y + line_h * i + line_h / 2
        cv.text(x0 + pad_x, cy, ln, size, color, 'msg')
        # underline link parts
        for a, b in spans:
            s0, s1 = max(a, pos), min(b, pos + len(ln))
            if s1 > s0:
                xa = x0 + pad_x + tw(ln[:s0 - pos], size)
                xb = x0 + pad_x + tw(ln[:s1 - pos], size)
                yy = cy + size * 0.62
                cv.rect([xa, yy, xb, yy + max(2, size // 22)], color, 'underline')
        pos += len(ln)
        if pos < len(text) and text[pos] == ' ' and not has_cjk(text):
            pos += 1


def render_chat(cv, layout, st, events, start, top, bottom, dark, clock, rng, d0, geo):
    """Generic chat renderer for SMS (android/iphone) and WeChat.
    events: list of dicts type in {'label','sep','msg','recall','sys'}.
    Returns list of (event, occurred_at) for every drawn message, and index of the last drawn event."""
    u = cv.u
    y = top + geo['top_gap']
    out = []
    last_sep = None
    last_drawn = None
    W = cv.w
    grey = '#8C8C8C' if not dark else '#8A8A8A'
    i = start
    def measure(m):
        size = geo['msg_size']
        line_h = int(size * geo['line_k'])
        lines = wrap_fit(m['text'], size, geo['max_text_w'])
        text_w = max(tw(ln, size) for ln in lines)
        bw = max(int(text_w + 2 * geo['pad_x'] + 1), geo.get('min_bw', 0))
        bh = int(len(lines) * line_h + 2 * geo['pad_y'])
        nick_h = int(geo['nick_size'] * 1.45) if m.get('nick') else 0
        own_h = int(geo['own_size'] * 1.55) if st.get('own') == 'under' else 0
        deliv_h = int(geo['own_size'] * 1.55) if m.get('delivered') else 0
        return lines, size, line_h, bw, bh, nick_h, own_h, deliv_h, nick_h + bh + own_h + deliv_h + geo['msg_gap']

    def sep_h():
        return int(geo['sep_size'] * 1.5) + geo['sep_gap']

    while i < len(events):
        ev = events[i]
        typ = ev['type']
        if typ in ('label', 'sep', 'recall', 'sys'):
            sz = geo['sep_size']
            h = sep_h()
            # never leave a separator dangling: it must fit together with the message after it
            need = 0
            for nxt in events[i:]:
                if nxt['type'] == 'msg':
                    need += measure(nxt)[-1]
                    break
                need += sep_h()
            if y + need > bottom:
                break
            cy = y + geo['sep_gap'] // 2 + int(sz * 0.75)
            role = {'label': 'thread_label', 'sep': 'sep', 'recall': 'recall', 'sys': 'system'}[typ]
            if typ == 'recall' and ev.get('edit'):
                w1 = tw(ev['text'], sz)
                w2 = tw(ev['edit'], sz)
                x = W / 2 - (w1 + w2 + 14 * u) / 2
                cv.text(x, cy, ev['text'], sz, grey, role)
                cv.text(x + w1 + 14 * u, cy, ev['edit'], sz, '#576B95' if not dark else '#7D90A9', role)
            else:
                cv.text(W / 2, cy, ev['text'], sz, grey, role, anchor='mm')
            if typ == 'sep':
                last_sep = ev
            y += h
            last_drawn = i
            i += 1
            continue
        # message
        m = ev
        lines, size, line_h, bw, bh, nick_h, own_h, deliv_h, h = measure(m)
        pad_x, pad_y = geo['pad_x'], geo['pad_y']
        if y + h > bottom:
            break
        # --- draw
        yb = y + nick_h
        if m['dir'] == 'in':
            x0 = geo['in_x']
        else:
            x0 = W - geo['out_x'] - bw
        if geo.get('avatar'):
            a = geo['avatar']
            ax = geo['margin'] if m['dir'] == 'in' else W - geo['margin'] - a
            col = m.get('avatar_col', '#7A9CC6')
            cv.rrect([ax, y, ax + a, y + a], a * 0.12, col, 'avatar')
            cv.ellipse([ax + a * 0.3, y + a * 0.18, ax + a * 0.7, y + a * 0.58], '#FFFFFF', 'avatar_glyph')
            cv.poly([(ax + a * 0.16, y + a * 0.92), (ax + a * 0.5, y + a * 0.6), (ax + a * 0.84, y + a * 0.92)], '#FFFFFF', 'avatar_glyph')
        if nick_h:
            cv.text(x0 + 4 * u, y + nick_h / 2, m['nick'], geo['nick_size'], grey, 'nick')
        fill_c = st['out_d' if dark else 'out_l'] if m['dir'] == 'out' else st['in_d' if dark else 'in_l']
        tcol = st['tout'] if m['dir'] == 'out' else (st['tin_d'] if dark else st['tin_l'])
        if dark and m['dir'] == 'out' and 'tout_d' in st:
            tcol = st['tout_d']
        cv.rrect([x0, yb, x0 + bw, yb + bh], geo['radius'], fill_c, 'bubble')
        if geo.get('avatar'):
            ty = yb + 28 * u
            if m['dir'] == 'in':
                cv.poly([(x0 - 12 * u, ty + 12 * u), (x0 + 1, ty), (x0 + 1, ty + 24 * u)], fill_c, 'bubble_tail')
            else:
                cv.poly([(x0 + bw + 12 * u, ty + 12 * u), (x0 + bw - 1, ty), (x0 + bw - 1, ty + 24 * u)], fill_c, 'bubble_tail')
        draw_msg_lines(cv, x0, yb, lines, size, line_h, tcol, m['text'], pad_x, pad_y)
        yy = yb + bh
        if st.get('own') == 'under':
            lab = m['own_label']
            ty = yy + own_h / 2 + 2 * u
            if m['dir'] == 'in':
                cv.text(x0 + 6 * u, ty, lab, geo['own_size'], grey, 'msg_time')
            else:
                cv.text(x0 + bw - 6 * u, ty, lab, geo['own_size'], grey, 'msg_time', anchor='rm')
            yy += own_h
        elif st.get('own') == 'beside':
            lab = m['own_label']
            ty = yb + bh - geo['own_size'] * 0.7
            if m['dir'] == 'in':
                cv.text(x0 + bw + 14 * u, ty, lab, geo['own_size'], grey, 'msg_time')
            else:
                cv.text(x0 - 14 * u, ty, lab, geo['own_size'], grey, 'msg_time', anchor='rm')
        if deliv_h:
            cv.text(x0 + bw - 6 * u, yy + deliv_h / 2 + 2 * u, m['delivered'], geo['own_size'], grey, 'delivered', anchor='rm')
        # truth
        if last_sep is None:
            occ = None
        elif st.get('own'):
            occ = iso(dt.datetime.combine(last_sep['when'].date(), m['when'].time()))
        else:
            occ = iso(last_sep['when'])
        out.append((m, occ, i))
        y += h
        last_drawn = i
        i += 1
    return out, last_drawn


def events_from_msgs(msgs, family, clock, rng, d0, st, iphone_label=None, en=False):
    """turn messages into display events (separators etc.)."""
    ev = []
    if iphone_label:
        ev.append({'type': 'label', 'text': iphone_label})
    prev = None
    for m in msgs:
        if m['dir'] == 'recall':
            if m['who'] is None:
                ev.append({'type': 'recall', 'text': '你撤回了一条消息', 'edit': '重新编辑'})
            else:
                ev.append({'type': 'recall', 'text': '“%s”撤回了一条消息' % m['who'] if m['who'] != '对方' else '对方撤回了一条消息'})
            continue
        need = False
        if prev is None:
            need = True
        elif family in ('huawei', 'honor', 'vivo'):
            need = m['when'].date() != prev['when'].date()
        else:
            need = m['session'] != prev['session']
        if need:
            when = m['when']
            txt, _ = sep_label(family, when, d0, clock, rng)
            ev.append({'type': 'sep', 'text': txt, 'when': when})
        e = {'type': 'msg', 'dir': m['dir'], 'text': m['text'], 'when': m['when'], 'nick': m.get('nick'),
             'avatar_col': m.get('avatar_col')}
        if st.get('own'):
            e['own_label'] = own_time_label(st, m['when'], clock, rng)
        ev.append(e)
        prev = m
    return ev


def input_bar_android(cv, st, dark, brand, rng):
    u = cv.u
    nav = int(rng.choice([48, 60, 70]) * u)
    bar_h = int(150 * u)
    y1 = cv.h - nav
    y0 = y1 - bar_h
    bgc = '#FFFFFF' if not dark else '#111111'
    if st['bg_l'] != '#FFFFFF' or dark:
        cv.rect([0, y0, cv.w, y1 + nav], bgc if not dark else '#161616', 'input_bar')
    fld = '#F1F3F5' if not dark else '#2A2A2A'
    fx0, fx1 = int(140 * u), cv.w - int(160 * u)
    cv.rrect([fx0, y0 + 22 * u, fx1, y1 - 22 * u], 50 * u, fld, 'input_field')
    cv.text(fx0 + 40 * u, (y0 + y1) / 2, st['placeholder'], int(40 * u), '#9A9A9A' if not dark else '#707070', 'placeholder')
    # plus icon
    cx, cyy = int(70 * u), (y0 + y1) / 2
    cv.line([(cx - 24 * u, cyy), (cx + 24 * u, cyy)], '#555555' if not dark else '#BBBBBB', 5 * u, 'icon_plus')
    cv.line([(cx, cyy - 24 * u), (cx, cyy + 24 * u)], '#555555' if not dark else '#BBBBBB', 5 * u, 'icon_plus')
    sx = cv.w - int(80 * u)
    cv.ellipse([sx - 40 * u, cyy - 40 * u, sx + 40 * u, cyy + 40 * u], '#C8C8C8' if not dark else '#3A3A3A', 'icon_send')
    cv.poly([(sx - 16 * u, cyy - 18 * u), (sx + 20 * u, cyy), (sx - 16 * u, cyy + 18 * u)], '#FFFFFF', 'icon_send')
    # gesture bar
    cv.rrect([cv.w / 2 - 130 * u, cv.h - nav / 2 - 5 * u, cv.w / 2 + 130 * u, cv.h - nav / 2 + 5 * u], 5 * u,
             '#000000' if not dark else '#FFFFFF', 'gesture_bar')
    return y0


def header_android_sms(cv, st, y0, title, sub, dark, rng):
    u = cv.u
    h = int(rng.choice([160, 170, 180]) * u)
    fg = '#000000' if not dark else '#F0F0F0'
    grey = '#808080'
    back_chevron(cv, 48 * u, y0 + h / 2, 24 * u, fg)
    tsize = int(rng.choice([50, 54, 56]) * u)
    ssize = int(32 * u)
    tcy = y0 + (h * 0.38 if sub else h * 0.5)
    if st['title_align'] == 'center':
        cv.text(cv.w / 2, tcy, title, tsize, fg, 'title', bold=True, anchor='mm')
        if sub:
            cv.text(cv.w / 2, y0 + h * 0.74, sub, ssize, grey, 'subtitle', anchor='mm')
    else:
        cv.text(130 * u, tcy, title, tsize, fg, 'title', bold=True)
        if sub:
            cv.text(130 * u, y0 + h * 0.74, sub, ssize, grey, 'subtitle')
    # phone and more icons
    px = cv.w - int(190 * u)
    cv.rrect([px - 20 * u, y0 + h / 2 - 26 * u, px + 20 * u, y0 + h / 2 + 26 * u], 10 * u, fg, 'icon_phone')
    mx = cv.w - int(64 * u)
    for k in (-1, 0, 1):
        cv.ellipse([mx - 6 * u, y0 + h / 2 + k * 20 * u - 6 * u, mx + 6 * u, y0 + h / 2 + k * 20 * u + 6 * u], fg, 'icon_more')
    return y0 + h


def sms_geo(cv, layout, st, rng, plat):
    u = cv.u
    if plat == 'iphone':
        k = cv.w / 1170
        msg_size = rng.choice([50, 51, 51, 54, 57])
        g = dict(msg_size=msg_size, line_k=1.28, pad_x=int(38 * k), pad_y=int(20 * k), radius=int(52 * k),
                 in_x=int(48 * k), out_x=int(48 * k), max_text_w=int(cv.w * 0.62), sep_size=int(36 * k),
                 sep_gap=int(34 * k), own_size=int(34 * k), msg_gap=int(rng.choice([12, 16, 20]) * k),
                 top_gap=int(20 * k))
        return g
    msg_size = int(rng.choice([42, 44, 46, 48]) * u)
    msg_size = max(36, min(60, msg_size))
    g = dict(msg_size=msg_size, line_k=rng.choice([1.32, 1.38, 1.42]), pad_x=int(36 * u), pad_y=int(24 * u),
             radius=int(st['radius'] * u), in_x=int(rng.choice([36, 44, 48]) * u), out_x=int(rng.choice([36, 44, 48]) * u),
             max_text_w=int(cv.w * (0.6 if st.get('own') == 'beside' else 0.66)), sep_size=int(32 * u),
             sep_gap=int(46 * u), own_size=int(30 * u), msg_gap=int(rng.choice([22, 28, 34]) * u),
             top_gap=int(24 * u))
    return g


def iphone_sms_header(cv, y0, title, dark, en, rng):
    k = cv.w / 1170
    h = int(330 * k)
    bg = '#F6F6F6' if not dark else '#1C1C1E'
    cv.rect([0, 0, cv.w, y0 + h], bg, 'header_bg')
    cv.rect([0, y0 + h - 2, cv.w, y0 + h], '#D1D1D6' if not dark else '#38383A', 'divider')
    blue = '#007AFF' if not dark else '#0A84FF'
    back_chevron(cv, 36 * k, y0 + 70 * k, 28 * k, blue)
    if rng.random() < 0.7:
        n = rng.randint(1, 99)
        cv.rrect([90 * k, y0 + 44 * k, 90 * k + (70 if n > 9 else 54) * k, y0 + 96 * k], 26 * k, blue, 'badge')
        cv.text(90 * k + (35 if n > 9 else 27) * k, y0 + 70 * k, str(n), int(32 * k), '#FFFFFF', 'nav', anchor='mm')
    av = int(150 * k)
    ax = cv.w / 2 - av / 2
    cv.ellipse([ax, y0 + 16 * k, ax + av, y0 + 16 * k + av], '#A4A9B4' if not dark else '#6C6C70', 'avatar')
    cv.ellipse([ax + av * 0.32, y0 + 16 * k + av * 0.2, ax + av * 0.68, y0 + 16 * k + av * 0.56], '#FFFFFF', 'avatar_glyph')
    cv.chord([ax + av * 0.2, y0 + 16 * k + av * 0.62, ax + av * 0.8, y0 + 16 * k + av * 1.12], 180, 360, '#FFFFFF', 'avatar_glyph')
    fg = '#000000' if not dark else '#FFFFFF'
    b = cv.text(cv.w / 2 - 8 * k, y0 + 16 * k + av + 50 * k, title, int(36 * k), fg, 'title', anchor='mm')
    cv.line([(b[2] + 10 * k, b[1] + 6 * k), (b[2] + 20 * k, (b[1] + b[3]) / 2), (b[2] + 10 * k, b[3] - 6 * k)], '#8E8E93', 3 * k, 'icon_chevron')
    # facetime icon
    fx = cv.w - 110 * k
    cv.rrect([fx, y0 + 54 * k, fx + 52 * k, y0 + 90 * k], 8 * k, blue, 'icon_video')
    cv.poly([(fx + 52 * k, y0 + 72 * k), (fx + 76 * k, y0 + 58 * k), (fx + 76 * k, y0 + 86 * k)], blue, 'icon_video')
    return y0 + h


def input_bar_iphone(cv, dark, en):
    k = cv.w / 1170
    home = int(100 * k)
    y1 = cv.h - home
    y0 = y1 - int(130 * k)
    bg = '#FFFFFF' if not dark else '#000000'
    cv.rect([0, y0, cv.w, cv.h], bg, 'input_bar')
    cv.ellipse([30 * k, y0 + 24 * k, 112 * k, y0 + 106 * k], '#E9E9EB' if not dark else '#2C2C2E', 'icon_plus')
    cv.rrect([140 * k, y0 + 20 * k, cv.w - 36 * k, y0 + 110 * k], 45 * k, None, 'input_field',
             outline='#C7C7CC' if not dark else '#3A3A3C', width=3 * k)
    cv.text(180 * k, y0 + 65 * k, 'Text Message' if en else '短信', int(48 * k), '#A0A0A5' if not dark else '#6E6E73', 'placeholder')
    cv.rrect([cv.w - 100 * k, y0 + 44 * k, cv.w - 74 * k, y0 + 86 * k], 12 * k, '#A0A0A5', 'icon_mic')
    cv.rrect([cv.w / 2 - 200 * k, cv.h - 36 * k, cv.w / 2 + 200 * k, cv.h - 22 * k], 7 * k, '#000000' if not dark else '#FFFFFF', 'home_indicator')
    return y0


# ----------------------------------------------------------------------------------------
# screenshot specs
# ----------------------------------------------------------------------------------------
SMS_LAYOUTS = ['huawei_sms', 'honor_sms', 'vivo_sms', 'xiaomi_sms', 'oppo_sms', 'iphone_sms', 'iphone_sms_en']
WX_LAYOUTS = ['wechat_private', 'wechat_group']
CALL_LAYOUTS = ['huawei_calls', 'honor_calls', 'xiaomi_calls', 'oppo_calls', 'vivo_calls', 'iphone_calls', 'iphone_calls_en']
COUNTS = {'huawei_sms': 12, 'honor_sms': 11, 'vivo_sms': 11, 'xiaomi_sms': 12, 'oppo_sms': 12, 'iphone_sms': 12,
          'iphone_sms_en': 11, 'wechat_private': 8, 'wechat_group': 8, 'huawei_calls': 5, 'honor_calls': 5,
          'xiaomi_calls': 5, 'oppo_calls': 5, 'vivo_calls': 5, 'iphone_calls': 5, 'iphone_calls_en': 5}
PAIRS = {'huawei_sms': 1, 'honor_sms': 1, 'vivo_sms': 1, 'xiaomi_sms': 2, 'oppo_sms': 1, 'iphone_sms': 2,
         'iphone_sms_en': 1, 'wechat_private': 1, 'wechat_group': 1}

D_START = dt.date(2025, 9, 1)
D_END = dt.date(2026, 11, 30)


class Namer:
    def __init__(self, rng):
        self.rng = rng
        self.used = set()
        self.img_no = rng.randint(1200, 3000)

    def name(self, plat, t, jpeg):
        rng = self.rng
        while True:
            if jpeg:
                n = 'IMG_%s.jpg' % t.strftime('%Y%m%d_%H%M%S')
            elif plat == 'iphone':
                if rng.random() < 0.5:
                    self.img_no += rng.randint(1, 40)
                    n = 'IMG_%04d.PNG' % self.img_no
                else:
                    n = 'Screenshot %s at %s.png' % (t.strftime('%Y-%m-%d'), t.strftime('%H.%M.%S'))
            else:
                if rng.random() < 0.55:
                    n = 'Screenshot_%s.png' % t.strftime('%Y%m%d_%H%M%S')
                else:
                    n = 'Screenshot_%s.png' % t.strftime('%Y-%m-%d-%H-%M-%S')
            if n not in self.used:
                self.used.add(n)
                return n
            t = t + dt.timedelta(seconds=1)


def rand_shot_time(rng):
    days = (D_END - D_START).days
    d = D_START + dt.timedelta(days=rng.randint(0, days))
    return dt.datetime.combine(d, dt.time(rng.randint(9, 23), rng.randint(0, 59), rng.randint(0, 59)))


# ----------------------------------------------------------------------------------------
# SMS screenshots
# ----------------------------------------------------------------------------------------
def make_sms_thread_events(layout, rng, d0, t_shot, long, clock, st, ctx, en):
    brand = layout.split('_')[0]
    family = 'iphone_en' if layout == 'iphone_sms_en' else ('iphone' if brand == 'iphone' else brand)
    n_sessions = rng.randint(5, 7) if long else rng.randint(3, 5)
    lang = 'en' if (en and rng.random() < 0.55) else 'zh'
    msgs = sms_thread(rng, d0, t_shot, n_sessions, lang, ctx)
    label = None
    if brand == 'iphone':
        label = 'Text Message' if en else '短信/彩信'
    events = events_from_msgs(msgs, family, clock, rng, d0, st, iphone_label=label)
    # iPhone: "delivered" under the last message of the thread when outgoing
    if brand == 'iphone' and events[-1]['type'] == 'msg' and events[-1]['dir'] == 'out':
        events[-1]['delivered'] = 'Delivered' if en else '已送达'
    return events


def sms_chrome(cv, layout, st, dark, t_shot, clock, rng, header):
    brand = layout.split('_')[0]
    en = layout.endswith('_en')
    if brand == 'iphone':
        # the translucent header reaches under the status bar: paint it first
        top = iphone_sms_header(cv, int(cv.w / 1170 * 141), header[0], dark, en, rng)
        status_iphone(cv, t_shot, dark, rng, clock)
        bottom = input_bar_iphone(cv, dark, en)
    else:
        sb = status_android(cv, brand, t_shot, dark, rng, clock)
        top = header_android_sms(cv, st, sb, header[0], header[2], dark, rng)
        bottom = input_bar_android(cv, st, dark, brand, rng)
    return top, bottom


def iphone_style(dark):
    return dict(family='iphone', own=None, in_l='#E9E9EB', in_d='#262629', out_l='#34C759', out_d='#30D158',
                bg_l='#FFFFFF', bg_d='#000000', tin_l='#000000', tin_d='#FFFFFF', tout='#FFFFFF')


def style_for(layout):
    brand = layout.split('_')[0]
    if brand == 'iphone':
        return iphone_style(False)
    st = dict(SMS_STYLE[brand])
    st.update(tin_l='#1A1A1A', tin_d='#E8E8E8', tout='#FFFFFF')
    return st


def new_canvas(plat, size, dark, st):
    return Canvas(size[0], size[1], st['bg_d'] if dark else st['bg_l'])


def pick_clock(layout, rng):
    if layout.endswith('_en'):
        return 'en'
    c = rng.random()
    if layout.startswith('xiaomi') and c < 0.3:
        return '12p'
    if c < 0.22:
        return '12'
    return '24'


def save(cv, fname, jpeg, rng):
    path = os.path.join(OUT, fname)
    if jpeg:
        q = rng.randint(80, 92)
        cv.img.save(path, 'JPEG', quality=q)
        return q
    cv.img.save(path, 'PNG')
    return None


def record_msg(kind, sender, m, occ):
    return {'kind': kind, 'sender': sender, 'occurred_at': occ, 'direction': m['dir'], 'text': m['text'],
            'call_type': None, 'duration_seconds': None}


# ----------------------------------------------------------------------------------------
# WeChat
# ----------------------------------------------------------------------------------------
WX_STYLE = dict(family='wechat', own=None, in_l='#FFFFFF', in_d='#2C2C2C', out_l='#95EC69', out_d='#3EB575',
                bg_l='#EDEDED', bg_d='#111111', tin_l='#191919', tin_d='#D5D5D5', tout='#191919', tout_d='#111111')


def wx_header(cv, y0, title, dark):
    u = cv.u
    h = int(150 * u)
    fg = '#191919' if not dark else '#D5D5D5'
    back_chevron(cv, 44 * u, y0 + h / 2, 26 * u, fg)
    cv.text(cv.w / 2, y0 + h / 2, title, int(50 * u), fg, 'title', bold=True, anchor='mm')
    mx = cv.w - int(70 * u)
    for k in (-1, 0, 1):
        cv.ellipse([mx + k * 22 * u - 6 * u, y0 + h / 2 - 6 * u, mx + k * 22 * u + 6 * u, y0 + h / 2 + 6 * u], fg, 'icon_more')
    cv.rect([0, y0 + h - 2, cv.w, y0 + h], '#D9D9D9' if not dark else '#222222', 'divider')
    return y0 + h


def wx_input(cv, dark, plat):
    u = cv.u
    home = int((100 if plat == 'iphone' else 60) * u)
    y1 = cv.h - home
    y0 = y1 - int(150 * u)
    bg = '#F7F7F7' if not dark else '#1E1E1E'
    cv.rect([0, y0, cv.w, cv.h], bg, 'input_bar')
    fg = '#181818' if not dark else '#CFCFCF'
    cyy = (y0 + y1) / 2
    cv.ellipse([30 * u, cyy - 38 * u, 106 * u, cyy + 38 * u], None, 'icon_voice', outline=fg, width=4 * u)
    cv.rrect([130 * u, cyy - 52 * u, cv.w - 250 * u, cyy + 52 * u], 12 * u, '#FFFFFF' if not dark else '#2C2C2C', 'input_field')
    cv.ellipse([cv.w - 226 * u, cyy - 38 * u, cv.w - 150 * u, cyy + 38 * u], None, 'icon_emoji', outline=fg, width=4 * u)
    cv.ellipse([cv.w - 118 * u, cyy - 38 * u, cv.w - 42 * u, cyy + 38 * u], None, 'icon_plus', outline=fg, width=4 * u)
    cv.rrect([cv.w / 2 - 140 * u, cv.h - 30 * u, cv.w / 2 + 140 * u, cv.h - 18 * u], 6 * u, fg, 'home_indicator')
    return y0


def wx_geo(cv, rng, group):
    u = cv.u
    msg_size = max(36, min(60, int(rng.choice([44, 46, 48, 50]) * u)))
    a = int(112 * u)
    margin = int(32 * u)
    return dict(msg_size=msg_size, line_k=1.36, pad_x=int(32 * u), pad_y=int(24 * u), radius=int(12 * u),
                in_x=margin + a + int(24 * u), out_x=margin + a + int(24 * u), avatar=a, margin=margin,
                max_text_w=int(cv.w * 0.58), sep_size=int(32 * u), sep_gap=int(50 * u), own_size=int(30 * u),
                msg_gap=int(40 * u), top_gap=int(20 * u), nick_size=int(32 * u), min_bw=int(a * 0.8))


# ----------------------------------------------------------------------------------------
# call logs
# ----------------------------------------------------------------------------------------
PERSONAL = ['妈妈', '老婆', '小陈', '王磊', '房东刘姐', '快递', '公司前台', '表哥']
COLLECTOR_NAMES = ['速融贷催收', '张律师', '法务部-刘', '金桔借款', '催收 王专员']


def gen_calls(rng, d0, t_shot, n, brand):
    """list of calls, newest first"""
    calls = []
    t = t_shot - dt.timedelta(minutes=rng.randint(3, 40))
    numbers = []
    for _ in range(6):
        m = mobile(rng)
        numbers.append(('num', m))
    for _ in range(2):
        area = rng.choice(['0571', '021', '0755', '020'])
        numbers.append(('land', area + rng.choice(['8', '5', '6']) + '%07d' % rng.randint(0, 9999999)))
    numbers.append(('num400', '4008%02d%04d' % (rng.randint(0, 99), rng.randint(0, 9999))))
    shown = {}   # one number is always displayed the same way on one screen
    while len(calls) < n:
        kind = rng.random()
        if kind < 0.18:
            name = rng.choice(PERSONAL)
            disp = name
            sender = name
            loc = rng.choice(['手机', rng.choice(LOCS)])
            collector = False
        elif kind < 0.3:
            name = rng.choice(COLLECTOR_NAMES)
            disp = name
            sender = name
            loc = rng.choice(LOCS)
            collector = True
        else:
            typ, num = rng.choice(numbers)
            if num in shown:
                disp = shown[num]
            elif typ == 'num':
                disp = fmt_mobile(num, rng)
            elif typ == 'land':
                a = 4 if num.startswith('0') and num[1] != '2' else 3
                disp = rng.choice(['%s-%s %s' % (num[:a], num[a:a + 4], num[a + 4:]), '%s-%s' % (num[:a], num[a:])])
            else:
                disp = '%s-%s-%s' % (num[:3], num[3:6], num[6:])
            shown[num] = disp
            sender = digits_of(disp)
            loc = rng.choice(LOCS) + (' ' + rng.choice(CARRIERS) if typ == 'num' and rng.random() < 0.5 else '')
            if rng.random() < 0.3 and brand not in ('iphone', 'iphone_en'):
                loc = loc + ' · ' + rng.choice(['疑似催收', '催收电话', '骚扰电话', '被%d人标记' % rng.randint(12, 480)])
            collector = True
        r = rng.random()
        if collector:
            ctype = 'missed' if r < 0.55 else ('incoming' if r < 0.8 else 'outgoing')
        else:
            ctype = 'incoming' if r < 0.5 else ('outgoing' if r < 0.85 else 'missed')
        connected = ctype == 'incoming' or (ctype == 'outgoing' and rng.random() < 0.7)
        dur = None
        if connected:
            dur = rng.choice([rng.randint(3, 59), rng.randint(60, 600), rng.randint(8, 180)])
        cnt = 1
        if ctype == 'missed' and rng.random() < 0.35:
            cnt = rng.randint(2, 6)
        calls.append(dict(disp=disp, sender=sender, loc=loc, type=ctype, connected=connected, dur=dur, cnt=cnt,
                          when=t.replace(second=0, microsecond=0), ring=rng.randint(1, 9)))
        gap = rng.choice([4, 9, 15, 30, 60, 120, 200, 400, 900, 1600])
        t = t - dt.timedelta(minutes=gap)
        if t.hour < 8 and rng.random() < 0.8:
            t = t.replace(hour=rng.randint(18, 21)) - dt.timedelta(days=1)
        if (d0 - t.date()).days > 400:
            break
    return calls


def fmt_dur(s):
    if s < 60:
        return '%d秒' % s
    return '%d分%d秒' % (s // 60, s % 60)


CALL_THEME = {
    'huawei': dict(title='电话', tabs=['拨号', '联系人', '收藏', '畅连'], red='#E84026'),
    'honor': dict(title='通话记录', tabs=['拨号', '联系人', '收藏'], red='#E8383D'),
    'xiaomi': dict(title='电话', tabs=None, red='#F0413E'),
    'oppo': dict(title='电话', tabs=['电话', '联系人', '收藏'], red='#EB4A3F'),
    'vivo': dict(title='通话记录', tabs=['拨号', '通话记录', '联系人'], red='#F04B4B'),
    'iphone': dict(title='最近通话', tabs=['个人收藏', '最近通话', '通讯录', '拨号键盘', '语音留言'], red='#FF3B30'),
    'iphone_en': dict(title='Recents', tabs=['Favorites', 'Recents', 'Contacts', 'Keypad', 'Voicemail'], red='#FF3B30'),
}


def call_icon(cv, x, cy, s, ctype, color):
    kind = {'incoming': 'icon_call_in', 'outgoing': 'icon_call_out', 'missed': 'icon_call_missed'}[ctype]
    if ctype == 'outgoing':
        cv.poly([(x, cy + s * 0.6), (x + s * 0.9, cy - s * 0.3), (x + s * 0.4, cy - s * 0.6), (x + s * 1.1, cy - s * 0.8),
                     (x + s * 1.0, cy - s * 0.1), (x + s * 0.7, cy - s * 0.5), (x + s * 0.15, cy + s * 0.8)], color, kind)
    else:
        cv.poly([(x + s * 1.1, cy - s * 0.8), (x + s * 0.2, cy + s * 0.1), (x + s * 0.7, cy + s * 0.4), (x, cy + s * 0.6),
                 (x + s * 0.1, cy - s * 0.1), (x + s * 0.4, cy + s * 0.3), (x + s * 0.95, cy - s * 0.95)], color, kind)


def render_calls(layout, rng, size, dark, t_shot, fname):
    brand = 'iphone_en' if layout == 'iphone_calls_en' else layout.split('_')[0]
    plat = 'iphone' if brand.startswith('iphone') else 'android'
    theme = CALL_THEME[brand]
    bg = '#000000' if dark else ('#FFFFFF' if plat == 'iphone' or brand != 'huawei' else '#F8F8F8')
    cv = Canvas(size[0], size[1], bg)
    u = cv.u
    k = cv.w / 1170
    fg = '#FFFFFF' if dark else '#000000'
    grey = '#8A8A8E' if plat == 'iphone' else ('#8C8C8C' if not dark else '#8A8A8A')
    clock = pick_clock(layout, rng)
    if plat == 'iphone':
        sb = status_iphone(cv, t_shot, dark, rng, clock)
    else:
        sb = status_android(cv, brand, t_shot, dark, rng, clock)
    d0 = t_shot.date()
    # --- header
    if plat == 'iphone':
        blue = '#007AFF' if not dark else '#0A84FF'
        y = sb + int(30 * k)
        cv.text(48 * k, y + 40 * k, '编辑' if brand == 'iphone' else 'Edit', int(51 * k), blue, 'nav')
        segw = int(420 * k)
        sx0 = cv.w / 2 - segw / 2
        cv.rrect([sx0, y + 8 * k, sx0 + segw, y + 76 * k], 18 * k, '#EEEEF0' if not dark else '#1C1C1E', 'segmented')
        cv.rrect([sx0 + 4 * k, y + 12 * k, sx0 + segw / 2, y + 72 * k], 15 * k, '#FFFFFF' if not dark else '#636366', 'segmented_on')
        labs = ['所有通话', '未接来电'] if brand == 'iphone' else ['All', 'Missed']
        cv.text(sx0 + segw / 4, y + 42 * k, labs[0], int(38 * k), fg, 'tab', bold=True, anchor='mm')
        cv.text(sx0 + segw * 3 / 4, y + 42 * k, labs[1], int(38 * k), fg, 'tab', anchor='mm')
        y += int(110 * k)
        cv.text(48 * k, y + 60 * k, theme['title'], int(102 * k), fg, 'title', bold=True)
        y += int(150 * k)
        row_h = int(rng.choice([172, 178, 186]) * k)
        name_sz = int(51 * k)
        sub_sz = int(40 * k)
        left = int(112 * k)
        tab_h = int(250 * k)
    else:
        y = sb + int(24 * u)
        tsz = int(rng.choice([72, 80, 84]) * u)
        cv.text(60 * u, y + tsz * 0.75, theme['title'], tsz, fg, 'title', bold=True)
        mx = cv.w - int(70 * u)
        for kk in (-1, 0, 1):
            cv.ellipse([mx - 6 * u, y + tsz * 0.75 + kk * 20 * u - 6 * u, mx + 6 * u, y + tsz * 0.75 + kk * 20 * u + 6 * u], fg, 'icon_more')
        y += int(tsz * 1.6)
        if brand in ('huawei', 'oppo', 'honor') or rng.random() < 0.5:
            cv.rrect([48 * u, y, cv.w - 48 * u, y + 100 * u], 50 * u, '#F0F0F0' if not dark else '#1E1E1E', 'search')
            cv.text(120 * u, y + 50 * u, '搜索联系人' if brand != 'xiaomi' else '搜索', int(38 * u), '#9A9A9A', 'placeholder')
            y += int(130 * u)
        if brand in ('oppo', 'vivo'):
            cv.text(60 * u, y + 30 * u, '全部通话' if brand == 'oppo' else '全部', int(40 * u), fg, 'tab', bold=True)
            cv.text(60 * u + (220 if brand == 'oppo' else 140) * u, y + 30 * u, '未接来电' if brand == 'oppo' else '未接', int(40 * u), grey, 'tab')
            y += int(80 * u)
        row_h = int(rng.choice([196, 206, 216]) * u)
        name_sz = int(rng.choice([46, 48, 50]) * u)
        sub_sz = int(rng.choice([34, 36]) * u)
        left = int((170 if brand in ('huawei', 'honor', 'vivo') else 60) * u)
        tab_h = int((190 if theme['tabs'] else 220) * u)
    bottom = cv.h - tab_h
    # --- bottom bar
    if theme['tabs']:
        bbg = '#F7F7F7' if not dark else '#121212'
        cv.rect([0, bottom, cv.w, cv.h], bbg, 'tab_bar')
        n = len(theme['tabs'])
        for j, t in enumerate(theme['tabs']):
            cx = cv.w * (j + 0.5) / n
            active = (t in ('最近通话', 'Recents', '通话记录', '拨号', '电话')) and j == [i for i, x in enumerate(theme['tabs']) if x in ('最近通话', 'Recents', '通话记录', '拨号', '电话')][0]
            col = (('#007AFF' if plat == 'iphone' else '#0A59F7') if active else grey)
            cv.rrect([cx - 28 * u, bottom + 26 * u, cx + 28 * u, bottom + 78 * u], 10 * u, col, 'tab_icon')
            cv.text(cx, bottom + 112 * u, t, int((30 if plat == 'iphone' else 30) * u), col, 'tab', anchor='mm')
    else:
        cx = cv.w / 2
        cv.ellipse([cx - 84 * u, bottom + 10 * u, cx + 84 * u, bottom + 178 * u], '#0D84FF', 'fab_dial')
        for a in range(3):
            for b in range(3):
                cv.ellipse([cx - 40 * u + a * 36 * u - 6 * u, bottom + 54 * u + b * 36 * u - 6 * u,
                            cx - 40 * u + a * 36 * u + 6 * u, bottom + 54 * u + b * 36 * u + 6 * u], '#FFFFFF', 'fab_glyph')
    # --- rows
    n_target = int((bottom - y) / row_h) + 2
    calls = gen_calls(rng, d0, t_shot, n_target, brand)
    records = []
    div = '#E5E5EA' if not dark else '#2C2C2E'
    for c in calls:
        if y + row_h > bottom:
            break
        missed = c['type'] == 'missed'
        ncol = theme['red'] if missed else fg
        cy1 = y + row_h * (0.33 if plat == 'iphone' else 0.36)
        cy2 = y + row_h * 0.72
        # time label
        tlab, has_t = call_label(brand, c['when'], d0, clock)
        if plat == 'iphone':
            info_x = cv.w - int(64 * k)
            cv.ellipse([info_x - 22 * k, y + row_h / 2 - 22 * k, info_x + 22 * k, y + row_h / 2 + 22 * k], None, 'icon_info',
                       outline=blue, width=3 * k)
            tb = cv.text(info_x - 50 * k, y + row_h / 2, tlab, sub_sz, grey, 'call_time', anchor='rm')
            x = left
            if c['type'] == 'outgoing':
                call_icon(cv, 48 * k, cy1, 22 * k, 'outgoing', grey)
            name_limit = tb[0] - 30 * k
        else:
            tb = cv.text(cv.w - 110 * u, cy1, tlab, sub_sz, grey, 'call_time', anchor='rm')
            cv.ellipse([cv.w - 84 * u, cy1 - 22 * u, cv.w - 40 * u, cy1 + 22 * u], None, 'icon_info', outline=grey, width=3 * u)
            if brand in ('huawei', 'honor', 'vivo'):
                cv.ellipse([48 * u, y + row_h / 2 - 48 * u, 144 * u, y + row_h / 2 + 48 * u], '#D8DDE6' if not dark else '#3A3A3A', 'avatar')
            name_limit = tb[0] - 30 * u
        disp = c['disp']
        nb = cv.text(left, cy1, disp, name_sz, ncol, 'call_name')
        assert nb[2] < name_limit, (disp, nb, name_limit)
        if c['cnt'] > 1:
            cb = cv.text(nb[2] + 12 * u, cy1, '(%d)' % c['cnt'], name_sz, ncol, 'call_count')
            assert cb[2] < name_limit, (disp, cb, name_limit)
        # second line
        x = left
        dur_shown = None
        if plat == 'iphone':
            loc = '手机' if c['disp'] in PERSONAL else (c['loc'].split(' ')[0] if brand == 'iphone' else
                                                        ('mobile' if c['disp'] in PERSONAL else 'China'))
            if brand == 'iphone_en':
                loc = 'mobile' if c['disp'] in PERSONAL else rng.choice(['unknown', 'China', 'mobile'])
            cv.text(x, cy2, loc, sub_sz, grey, 'call_sub')
        elif brand in ('huawei', 'honor'):
            icol = theme['red'] if missed else grey
            call_icon(cv, x, cy2, 16 * u, c['type'], icol)
            x += int(34 * u)
            b = cv.text(x, cy2, c['loc'], sub_sz, grey, 'call_sub')
            if brand == 'huawei' and missed:
                cv.text(b[2] + 20 * u, cy2, '响铃%d声' % c['ring'], sub_sz, theme['red'], 'call_label')
        elif brand == 'xiaomi':
            b = cv.text(x, cy2, c['loc'], sub_sz, grey, 'call_sub')
            if missed:
                lab = '响铃%d声' % c['ring']
            elif c['type'] == 'incoming':
                lab = '呼入 ' + fmt_dur(c['dur'])
                dur_shown = c['dur']
            elif c['connected']:
                lab = '呼出 ' + fmt_dur(c['dur'])
                dur_shown = c['dur']
            else:
                lab = '未接通'
            cv.text(b[2] + 24 * u, cy2, lab, sub_sz, theme['red'] if missed else grey, 'call_label')
        elif brand == 'oppo':
            icol = theme['red'] if missed else grey
            call_icon(cv, x, cy2, 16 * u, c['type'], icol)
            x += int(34 * u)
            b = cv.text(x, cy2, c['loc'], sub_sz, grey, 'call_sub')
            if c['connected']:
                cv.text(b[2] + 24 * u, cy2, fmt_dur(c['dur']), sub_sz, grey, 'call_duration')
                dur_shown = c['dur']
        elif brand == 'vivo':
            lab = {'incoming': '呼入', 'outgoing': '呼出', 'missed': '未接'}[c['type']]
            if c['type'] == 'outgoing' and not c['connected']:
                lab = '未接通'
            b = cv.text(x, cy2, lab, sub_sz, theme['red'] if missed else grey, 'call_label')
            b2 = cv.text(b[2] + 20 * u, cy2, c['loc'], sub_sz, grey, 'call_sub')
            if c['connected']:
                cv.text(b2[2] + 20 * u, cy2, fmt_dur(c['dur']), sub_sz, grey, 'call_duration')
                dur_shown = c['dur']
        cv.rect([left, y + row_h - 2, cv.w, y + row_h], div, 'divider')
        records.append({'kind': 'call', 'sender': c['sender'], 'occurred_at': iso(c['when']) if has_t else None,
                        'direction': 'out' if c['type'] == 'outgoing' else 'in', 'text': None,
                        'call_type': c['type'], 'duration_seconds': dur_shown})
        y += row_h
    return cv, records, clock


# ----------------------------------------------------------------------------------------
# main
# ----------------------------------------------------------------------------------------
def main():
    rng = random.Random(SEED)
    namer = Namer(rng)
    truth = []
    drawlog = []
    plan = []
    for layout in SMS_LAYOUTS + WX_LAYOUTS + CALL_LAYOUTS:
        n = COUNTS[layout]
        darks = [True] * round(n / 3) + [False] * (n - round(n / 3))
        rng.shuffle(darks)
        plan.append((layout, n, darks))
    # jpeg assignment: about 15 % of all screenshots
    total = sum(p[1] for p in plan)
    jpeg_ids = set(rng.sample(range(total), round(total * 0.15)))
    gid = 0
    for layout, n, darks in plan:
        pairs = PAIRS.get(layout, 0)
        j = 0
        pair_no = 0
        while j < n:
            make_pair = pair_no < pairs and j + 1 < n
            if make_pair:
                pair_no += 1
                shots = [j, j + 1]
            else:
                shots = [j]
            dark = darks[j]
            t_shot = rand_shot_time(rng)
            kind = 'call' if layout in CALL_LAYOUTS else ('im' if layout in WX_LAYOUTS else 'sms')
            brand = layout.split('_')[0]
            plat = 'iphone' if brand == 'iphone' else 'android'
            if kind == 'im':
                plat = rng.choice(['android', 'android', 'iphone'])
            size = rng.choice(IPHONE_SIZES if plat == 'iphone' else ANDROID_SIZES)
            if kind == 'call':
                jpeg = gid in jpeg_ids
                fname = namer.name(plat, t_shot, jpeg)
                cv, recs, clock = render_calls(layout, rng, size, dark, t_shot, fname)
                q = save(cv, fname, jpeg, rng)
                truth.append({'file': fname, 'layout': layout, 'dark': dark, 'taken_on': t_shot.date().isoformat(),
                              'thread': None, 'records': recs})
                drawlog.append({'file': fname, 'size': list(size), 'layout': layout, 'dark': dark,
                                'jpeg_quality': q, 'items': cv.items})
                gid += 1
                j += 1
                continue
            # chat
            ctx = new_ctx(rng)
            clock = pick_clock(layout, rng)
            en = layout.endswith('_en')
            if kind == 'sms':
                st = style_for(layout)
                header = sms_sender(rng)
                if plat == 'iphone':
                    m = mobile(rng)
                    c = rng.random()
                    if c < 0.45:
                        disp = '+86 %s %s %s' % (m[:3], m[3:7], m[7:])
                        header = (disp, digits_of(disp), '')
                    elif c < 0.65:
                        d = '10690' + '%07d' % rng.randint(0, 9999999)
                        header = (d, d, '')
                    elif c < 0.75:
                        d = '95%03d' % rng.randint(100, 999)
                        header = (d, d, '')
                events = make_sms_thread_events(layout, rng, t_shot.date(), t_shot, make_pair, clock, st, ctx, en)
                sender = header[1]
            else:
                st = dict(WX_STYLE)
                group = layout == 'wechat_group'
                nicks = [fill(x, ctx) for x in rng.sample(GROUP_NICKS, 4)]
                cols = ['#7A9CC6', '#C69A7A', '#8CB37A', '#B37AA8', '#6E8FA8', '#A8A26E']
                avcol = {nk: cols[ix % len(cols)] for ix, nk in enumerate(nicks)}
                if group:
                    gname = fill(rng.choice(GROUP_NAMES), ctx)
                    title = '%s(%d)' % (gname, rng.randint(3, 28))
                    sender = gname
                else:
                    title = rng.choice(['%s-%s' % (ctx['agent'], ctx['plat']), ctx['agent'], '%s法务' % ctx['plat'],
                                        '调解中心 %s' % ctx['agent'][0] + '老师'])
                    sender = title
                msgs = wx_thread(rng, t_shot.date(), t_shot, rng.randint(5, 7) if make_pair else rng.randint(3, 5),
                                 group, ctx, nicks)
                for m in msgs:
                    if m['dir'] == 'in':
                        m['avatar_col'] = avcol.get(m.get('nick'), '#7A9CC6')
                    elif m['dir'] == 'out':
                        m['avatar_col'] = '#5B8C5A'
                events = events_from_msgs(msgs, 'wechat', clock, rng, t_shot.date(), st)
                if rng.random() < 0.25 and not make_pair:
                    events.insert(0, {'type': 'sys', 'text': ('你已添加了%s，现在可以开始聊天了。' % title) if not group
                                      else '“%s”邀请你加入了群聊' % nicks[0]})
            # choose start: thread start or mid-thread
            msg_idx = [ix for ix, e in enumerate(events) if e['type'] == 'msg']
            if make_pair or rng.random() < 0.6:
                start = 0
            else:
                start = rng.choice(msg_idx[1:max(2, len(msg_idx) // 2)])
            thread_id = '%s_t%d' % (layout, pair_no) if make_pair else None
            t_cur = t_shot
            for si, jj in enumerate(shots):
                jpeg = gid in jpeg_ids
                fname = namer.name(plat, t_cur, jpeg)
                if kind == 'sms':
                    cv = new_canvas(plat, size, dark, st)
                    top, bottom = sms_chrome(cv, layout, st, dark, t_cur, clock, rng, header)
                    geo = sms_geo(cv, layout, st, rng, plat)
                    rng_geo = geo
                else:
                    cv = new_canvas(plat, size, dark, st)
                    sb = status_iphone(cv, t_cur, dark, rng, clock) if plat == 'iphone' else \
                        status_android(cv, 'wechat', t_cur, dark, rng, clock)
                    top = wx_header(cv, sb, title, dark)
                    bottom = wx_input(cv, dark, plat)
                    geo = wx_geo(cv, rng, layout == 'wechat_group')
                drawn, last = render_chat(cv, layout, st, events, start, top, bottom - int(10 * cv.u), dark, clock,
                                          rng, t_cur.date(), geo)
                recs = [record_msg(kind, (m['nick'] if (kind == 'im' and m.get('nick') and m['dir'] == 'in') else sender),
                                   m, occ) for m, occ, _ in drawn]
                q = save(cv, fname, jpeg, rng)
                truth.append({'file': fname, 'layout': layout, 'dark': dark, 'taken_on': t_cur.date().isoformat(),
                              'thread': thread_id, 'records': recs})
                drawlog.append({'file': fname, 'size': list(size), 'layout': layout, 'dark': dark,
                                'jpeg_quality': q, 'items': cv.items})
                gid += 1
                if si == 0 and len(shots) == 2:
                    # the later screenshot starts with the last 1-2 bubbles of this one
                    idxs = [ix for _, _, ix in drawn]
                    back = rng.choice([1, 2]) if len(idxs) >= 3 else 1
                    start = idxs[-back]
                    if last is not None and last + 1 >= len(events):
                        raise RuntimeError('thread too short for an overlap pair: %s' % layout)
                    t_cur = t_cur + dt.timedelta(minutes=rng.randint(0, 6), seconds=rng.randint(5, 59))
                    if t_cur.date() != t_shot.date():
                        t_cur = t_shot + dt.timedelta(seconds=20)
            j += len(shots)
    with open(os.path.join(OUT, 'truth.jsonl'), 'w', encoding='utf-8') as f:
        for t in truth:
            f.write(json.dumps(t, ensure_ascii=False) + '\n')
    with open(os.path.join(OUT, 'drawlog.jsonl'), 'w', encoding='utf-8') as f:
        for t in drawlog:
            f.write(json.dumps(t, ensure_ascii=False) + '\n')
    nrec = sum(len(t['records']) for t in truth)
    print('images', len(truth), 'records', nrec)


if __name__ == '__main__':
    main()

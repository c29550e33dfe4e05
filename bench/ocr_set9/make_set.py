#!/usr/bin/env python3
"""make_set.py - deterministic generator for the frozen benchmark set ocr_set9.

Draws synthetic phone screenshots (SMS threads, WeChat chats, call logs) of
invented Chinese debt-collection traffic, and writes truth.jsonl and
drawlog.jsonl next to the images.  Running it again gives byte-identical files.

Usage:  python make_set.py
"""
import datetime as dt
import glob
import json
import os
import random

from fontTools.ttLib import TTCollection, TTFont
from PIL import Image, ImageDraw, ImageFont

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 20260917
N_PER_LAYOUT = 8

FONTS = {
    'R': ('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', 2),
    'B': ('/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc', 2),
    'D': ('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', 0),
}
FONT_NAMES = {'R': 'NotoSansCJK-Regular.ttc#2 (Noto Sans CJK SC)',
              'B': 'NotoSansCJK-Bold.ttc#2 (Noto Sans CJK SC Bold)',
              'D': 'DejaVuSans.ttf'}

LAYOUTS = ['huawei_sms', 'honor_sms', 'vivo_sms', 'xiaomi_sms', 'oppo_sms', 'iphone_sms',
           'iphone_sms_en', 'wechat_private', 'wechat_group',
           'huawei_calls', 'honor_calls', 'xiaomi_calls', 'oppo_calls', 'vivo_calls',
           'iphone_calls', 'iphone_calls_en']
CHAT_LAYOUTS = LAYOUTS[:9]
PAIR_LAYOUTS = ['huawei_sms', 'honor_sms', 'vivo_sms', 'xiaomi_sms', 'oppo_sms', 'iphone_sms',
                'iphone_sms_en', 'wechat_private', 'wechat_group', 'xiaomi_sms']

SIZES = {
    'huawei': [(1260, 2720), (1080, 2340), (1220, 2700)],
    'honor': [(1080, 2400), (1200, 2652), (1224, 2700)],
    'vivo': [(1080, 2400), (1260, 2800), (1080, 2408)],
    'xiaomi': [(1080, 2400), (1220, 2712), (1440, 3200)],
    'oppo': [(1080, 2412), (1240, 2772), (1080, 2400)],
    'iphone': [(1170, 2532), (1179, 2556), (1290, 2796), (1125, 2436), (828, 1792)],
    'android_wx': [(1080, 2400), (1080, 2340), (1220, 2712), (1260, 2800)],
}

WD_CN = ['一', '二', '三', '四', '五', '六', '日']
WD_EN = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
WD_EN3 = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']
MON_EN3 = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

# --------------------------------------------------------------------------- fonts

_font_cache = {}
_cmap_cache = {}


def get_font(key, size):
    k = (key, size)
    if k not in _font_cache:
        path, idx = FONTS[key]
        _font_cache[k] = ImageFont.truetype(path, size, index=idx,
                                            layout_engine=ImageFont.Layout.BASIC)
    return _font_cache[k]


def get_cmap(key):
    if key not in _cmap_cache:
        path, idx = FONTS[key]
        if path.endswith('.ttc'):
            f = TTCollection(path).fonts[idx]
        else:
            f = TTFont(path)
        _cmap_cache[key] = set(f.getBestCmap().keys())
    return _cmap_cache[key]


def text_w(s, key, size):
    return get_font(key, size).getlength(s)


def hexc(c):
    return '#%02X%02X%02X' % c


def rgb(h):
    h = h.lstrip('#')
    return tuple(int(h[i:i + 2], 16) for i in (0, 2, 4))

# --------------------------------------------------------------------------- painter


class Painter:
    def __init__(self, W, H, bg):
        self.W, self.H = W, H
        self.im = Image.new('RGB', (W, H), rgb(bg))
        self.d = ImageDraw.Draw(self.im)
        self.strings = []
        self.shapes = []

    def text(self, x, y, s, key, size, colour, role, anchor='lm', **extra):
        cm = get_cmap(key)
        for ch in s:
            if ord(ch) not in cm:
                raise ValueError('char %r not in font %s' % (ch, key))
        if s != s.strip() or not s:
            raise ValueError('string with outer space: %r' % s)
        f = get_font(key, size)
        x, y = int(round(x)), int(round(y))
        self.d.text((x, y), s, font=f, fill=rgb(colour), anchor=anchor)
        bb = self.d.textbbox((x, y), s, font=f, anchor=anchor)
        w, h = bb[2] - bb[0] + 8, bb[3] - bb[1] + 8
        m = Image.new('L', (w, h), 0)
        ImageDraw.Draw(m).text((x - bb[0] + 4, y - bb[1] + 4), s, font=f, fill=255, anchor=anchor)
        ib = m.getbbox()
        if ib is None:
            ink = [x, y, x, y]
        else:
            ink = [ib[0] + bb[0] - 4, ib[1] + bb[1] - 4, ib[2] + bb[0] - 4, ib[3] + bb[1] - 4]
        rec = {'text': s, 'bbox': ink, 'role': role, 'font': FONT_NAMES[key], 'size': size,
               'colour': colour.upper()}
        rec.update(extra)
        self.strings.append(rec)
        return ink

    def _shape(self, kind, bbox, role, colour, extra):
        rec = {'kind': kind, 'bbox': [int(round(v)) for v in bbox], 'role': role,
               'colour': colour.upper()}
        rec.update(extra)
        self.shapes.append(rec)

    def rrect(self, bbox, r, fill, role, outline=None, width=1, **extra):
        bbox = [int(round(v)) for v in bbox]
        r = int(max(0, min(r, (bbox[2] - bbox[0]) / 2, (bbox[3] - bbox[1]) / 2)))
        self.d.rounded_rectangle(bbox, radius=r, fill=rgb(fill) if fill else None,
                                 outline=rgb(outline) if outline else None, width=width)
        extra = dict(extra)
        extra['radius'] = r
        self._shape('rrect', bbox, role, fill or outline, extra)

    def rect(self, bbox, fill, role, **extra):
        bbox = [int(round(v)) for v in bbox]
        self.d.rectangle(bbox, fill=rgb(fill))
        self._shape('rect', bbox, role, fill, extra)

    def ellipse(self, bbox, fill, role, outline=None, width=1, **extra):
        bbox = [int(round(v)) for v in bbox]
        self.d.ellipse(bbox, fill=rgb(fill) if fill else None,
                       outline=rgb(outline) if outline else None, width=width)
        self._shape('ellipse', bbox, role, fill or outline, extra)

    def line(self, pts, colour, width, role, **extra):
        pts = [(int(round(a)), int(round(b))) for a, b in pts]
        self.d.line(pts, fill=rgb(colour), width=int(width), joint='curve')
        xs = [p[0] for p in pts]
        ys = [p[1] for p in pts]
        self._shape('line', [min(xs), min(ys), max(xs), max(ys)], role, colour, extra)

    def poly(self, pts, fill, role, **extra):
        pts = [(int(round(a)), int(round(b))) for a, b in pts]
        self.d.polygon(pts, fill=rgb(fill))
        xs = [p[0] for p in pts]
        ys = [p[1] for p in pts]
        self._shape('polygon', [min(xs), min(ys), max(xs), max(ys)], role, fill, extra)

# --------------------------------------------------------------------------- text content


PLATS = ['速易贷', '金满借', '闪融钱包', '安信分期', '好享借', '融易花', '鑫诚小贷', '瑞丰金融',
         '快借宝', '易通分期', '汇融e借', '恒信普惠', '万家优贷', '星河消费金融']
PLATS_EN = ['QuickFund', 'EasyLoan', 'CashNow', 'FlexiCredit', 'GoldLeaf Finance']
SURN = ['张', '李', '王', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭']
DOMAINS = ['dl.xcjr8.cn', 's.hrjk.top', 'h5.ysd-pay.cn', 'm.jmj66.com', 'u.rfjr.net', 'c.kjb9.cn',
           'pay.aqfq.cn', 'x.hryj.vip']
COURT = ['浙0106', '粤0305', '沪0115', '京0105', '川0107', '苏0102', '鄂0106', '豫0105']
ADDR = ['老家村委会', '户籍所在地派出所', '你住的小区物业', '你父母家', '你公司前台']
CONTACTS = ['你母亲', '你爱人', '你同事', '你表哥', '你大学室友']


def r_amount(rng):
    v = rng.choice([rng.randint(300, 9999), rng.randint(1000, 60000), rng.randint(200, 3000)])
    cents = rng.choice([0, 0, rng.randint(1, 99)])
    st = rng.randint(0, 6)
    if st == 0:
        return '¥%s.%02d' % (format(v, ','), cents)
    if st == 1:
        return '￥%d.%02d' % (v, cents)
    if st == 2:
        return '%d元' % v
    if st == 3:
        return '%d.%02d元' % (v, cents)
    if st == 4:
        return '￥%s' % format(v, ',')
    if st == 5:
        return '人民币%d元' % v
    return '¥%d' % v


def r_amount_en(rng):
    v = rng.randint(500, 40000)
    return rng.choice(['RMB %s.%02d' % (format(v, ','), rng.randint(0, 99)), 'CNY %s' % format(v, ','),
                       '¥%s' % format(v, ','), 'RMB %d' % v])


def r_link(rng):
    chars = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'
    code = ''.join(rng.choice(chars) for _ in range(rng.randint(4, 7)))
    d = rng.choice(DOMAINS)
    p = rng.choice(['', 'r/', 'c/', 'h5/', 'a/'])
    pre = rng.choice(['https://', 'http://', '', 'https://'])
    return pre + d + '/' + p + code


def r_case(rng, year):
    st = rng.randint(0, 3)
    if st == 0:
        return '(%d)%s民初%d号' % (year, rng.choice(COURT), rng.randint(1000, 29999))
    if st == 1:
        return '（%d）%s民诉前调%d号' % (year, rng.choice(COURT), rng.randint(100, 9999))
    if st == 2:
        return '%s%d-%02d%02d-%04d' % (rng.choice(['HZ', 'SZ', 'CD', 'BJ', 'WH']), year, rng.randint(1, 12),
                                         rng.randint(1, 28), rng.randint(1000, 9999))
    return 'ZC%d%06d' % (year, rng.randint(0, 999999))


def r_mobile_digits(rng):
    return '1' + rng.choice(['38', '39', '35', '36', '37', '58', '59', '86', '87', '88', '50', '51', '52',
                             '77', '80', '81', '89', '30', '31', '32', '55', '56', '85', '76', '66',
                             '99', '98', '91', '33', '53', '73', '83']) + '0000' + '%04d' % rng.randint(0, 9999)


def fmt_mobile(rng, d, allow_plus=True):
    st = rng.randint(0, 4 if allow_plus else 2)
    if st == 0:
        return d
    if st in (1, 2):
        return '%s %s %s' % (d[:3], d[3:7], d[7:])
    if st == 3:
        return '+86 %s %s %s' % (d[:3], d[3:7], d[7:])
    return '+86 ' + d


def r_landline(rng):
    area = rng.choice(['0571', '0755', '010', '021', '020', '028', '027', '0371', '025', '0574'])
    num = '8' + '%07d' % rng.randint(0, 9999999) if len(area) == 4 else '8' + '%07d' % rng.randint(0, 9999999)
    st = rng.randint(0, 2)
    if st == 0:
        disp = '%s-%s %s' % (area, num[:4], num[4:])
    elif st == 1:
        disp = '%s-%s' % (area, num)
    else:
        disp = '%s %s %s' % (area, num[:4], num[4:])
    return disp, area + num


def r_service(rng):
    st = rng.randint(0, 3)
    if st == 0:
        d = '10690' + ''.join(str(rng.randint(0, 9)) for _ in range(rng.randint(7, 9)))
        disp = d if rng.random() < 0.5 else d[:5] + ' ' + d[5:9] + ' ' + d[9:]
        return disp.strip(), d
    if st == 1:
        d = '95' + '%03d' % rng.randint(100, 999)
        return d, d
    if st == 2:
        d = '4008%02d%04d' % (rng.randint(0, 99), rng.randint(0, 9999))
        return '%s-%s-%s' % (d[:3], d[3:6], d[6:]), d
    disp, d = r_landline(rng)
    return disp, d


def digits_of(disp):
    s = disp.replace(' ', '').replace('-', '')
    if s.startswith('+86'):
        s = s[3:]
    return s


CN_NAMES = ['催收 王专员', '陈经理(调解)', '李律师', '速易贷客服', '张主管-鑫诚', '法务 刘', '【贷后】周经理',
            '调解中心 孙老师', '赵专员（外访）', '金满借 贷后部', '黄经理', '吴律师(委托)', '资产管理 徐',
            '杨专员', '郭主任 调解', '安信分期-马']
EN_NAMES = ['Kevin (QuickFund)', 'Ms. Lin', 'Collections Dept', 'Jason Wu', 'EasyLoan Support',
            'Lawyer Chen', 'Mr. Zhao (Agent)']


def collector_cn(rng, year, kind='sms'):
    plat = rng.choice(PLATS)
    name = rng.choice(SURN) + rng.choice(['先生', '女士'])
    days = rng.choice([3, 5, 7, 12, 15, 21, 30, 45, 60, 93, 128])
    amt = r_amount(rng)
    amt2 = r_amount(rng)
    link = r_link(rng)
    case = r_case(rng, year)
    card = '%04d' % rng.randint(0, 9999)
    idn = rng.choice(['33', '44', '31', '11', '51', '32', '42', '41']) + '01' + '*' * 10 + '%04d' % rng.randint(0, 9999)
    idn = idn if rng.random() < 0.7 else idn[:-1] + 'X'
    cardmask = rng.choice(['尾号%s' % card, '6222 **** **** %s' % card, '6228****%s' % card])
    pct = rng.choice(['0.05%', '0.1%', '24%', '36%', '1.5%', '0.08%'])
    ddl = '%d月%d日' % (rng.randint(1, 12), rng.randint(1, 28))
    _, phone_d = r_landline(rng)
    phone = rng.choice([r_mobile_digits(rng), '400-8%02d-%04d' % (rng.randint(0, 99), rng.randint(0, 9999)),
                        phone_d])
    gh = '%d' % rng.randint(1000, 99999)
    hour = rng.choice(['18:00', '17点', '晚上8点', '今天12点', '下午3点'])
    T = [
        '【{plat}】尊敬的{name}，您在{plat}的借款已逾期{days}天，当前应还{amt}，请于今日{hour}前还清，逾期将产生罚息并上报征信。',
        '{name}您好，您名下{plat}账户欠款{amt}已严重逾期，我司已启动上门核实流程，将联系您单位及{addr}，请尽快处理。',
        '【律师函】{name}：受{plat}委托，就您拖欠借款{amt}一事，本所已立案审查，案件编号{case}，请于{ddl}前联系处理，否则依法提起诉讼。',
        '您的信用卡（{cardmask}）已逾期{days}天，最低还款额{amt}未还，今日若仍未处理，将按程序通知您的紧急联系人及通讯录好友。',
        '【借呗】您的借呗已逾期{days}天，欠款{amt}，逾期利息按日{pct}计算，详情查看 {link} 回T退订',
        '【花呗】尊敬的用户，您本月花呗账单{amt}已逾期{days}天，请今日内还款，避免影响个人信用。',
        '【网商贷】您的网商贷欠款{amt}已逾期，账户已被冻结，请立即还款：{link}',
        '法院通知：{name}（身份证{idn}）因借款合同纠纷被起诉，案号{case}，请于{ddl}前到庭，拒不到庭将缺席判决。',
        '仲裁委员会通知：{plat}已对您申请仲裁，受理号{case}，仲裁费用由您承担，查询 {link}',
        '最后通知！今天下午5点前不还款{amt}，明天我们的外访人员直接去你单位，后果自负。',
        '{name}，电话不接信息不回是吧？已经给你家里人打过电话了，你自己看着办。',
        '别再拖了，你的通讯录我们都有，今天不处理就全部群发你的欠款信息。',
        '我是{plat}法务部王专员，工号{gh}，您的案件已转入司法程序，请回电{phone}。',
        '提醒：您的账单{amt}（含罚息{amt2}）已逾期{days}天，征信已上报，如需协商分期请联系{phone}。',
        '【{plat}】您好，您的逾期款项{amt}如今日还清可减免罚息{pct}，还款链接：{link}',
        '司法调解中心：您与{plat}的借款纠纷已进入诉前调解，调解编号{case}，请于3个工作日内回复，否则移交法院。',
        '{name}你好，我们已安排同事明天上午到{addr}走访，如今天能还{amt}可以撤销。',
        '本金{amt}，逾期{days}天，违约金按{pct}计收。今天必须给个还款时间！',
        '你的紧急联系人{contact}电话我们已经打了，再不处理下一步就是你公司人事。',
        '温馨提示：尾号{card}的信用卡本期欠款{amt}已逾期，请尽快还款，如已还款请忽略。',
        '【{plat}】{name}，您的欠款已委外处理，案件编号{case}，外访人员将于{ddl}上门，请保持电话畅通。',
        '您在{plat}的借款合同编号{gh}已违约，剩余本息{amt}全部到期，请立即结清。(年化{pct})',
        '【网贷逾期】您已逾期{days}天，今日不还将记入失信名单，影响子女升学、出行。退订回T',
        '【{plat}】还款提醒：{name}，{ddl}应还{amt}未到账，点击 {link} 立即还款，勿回复本短信。',
    ]
    if kind == 'im':
        T += [
            '在吗？你那笔{amt}到底什么时候还[捂脸]',
            '我这边是{plat}调解中心的，你的情况我看了，今天能先还一部分吗',
            '明天上午我们同事去{addr}，你自己考虑清楚[微笑]',
            '再不回消息我就发到你朋友圈里了',
            '律师函已经寄出去了，案件编号{case}，你注意查收',
            '今天最后期限，{amt}，到账截图发我',
        ]
    t = rng.choice(T)
    return t.format(plat=plat, name=name, days=days, amt=amt, amt2=amt2, link=link, case=case, card=card,
                    cardmask=cardmask, idn=idn, pct=pct, ddl=ddl, phone=phone, gh=gh, hour=hour,
                    addr=rng.choice(ADDR), contact=rng.choice(CONTACTS))


REPLIES_CN = ['知道了', '我这个月实在没钱', '能不能分期？', '下周五发工资就还', '别打我家里人电话', '你们是哪个公司的？',
              '我已经还了500', '好的，我今天晚上处理', '能减免一点罚息吗', '请发一下还款账号', '我在上班，不方便接电话',
              '你们这是暴力催收，我要投诉', '先还1000行吗?', '收到', '嗯', '明天给你答复', '不要联系我单位',
              '我会还的，再给我几天时间', '已经转账了，请查收', '你们有什么证据？', '我没有借过这个钱', '好', '在开会，晚点说',
              '利息怎么这么高？年化超过24%了吧', '月底之前一定还清', '已还2,000元，剩下的下个月', '别发了，我知道']
REPLIES_IM = ['[捂脸]再宽限两天', '[抱拳]真的没钱了', '好的[OK]', '我尽量今天凑', '你们别去我单位[流泪]', '收到[抱拳]',
              '转你了', '能不能只还本金', '[叹气]这个月工资还没发', '下周一前一定还', '行', '你们公司地址在哪',
              '已还款，截图发你了[图片]']
EN_COLL = [
    'Final notice: your loan of {amt} is {days} days overdue. Pay today to avoid legal action.',
    'Hi, this is Kevin from {plat} collections. Please call us back at 400-812-{n4}.',
    'Your credit card ending {n4} is past due. Minimum payment {amt}.',
    'We will contact your employer and family if no payment is made by 6 PM today.',
    'Case No. {case} has been filed against you. Visit {link} for details.',
    'Reply 1 to confirm your repayment plan, reply T to unsubscribe.',
    '{plat}: Your account is {days} days past due. Outstanding balance {amt}. Late fee 0.05% per day.',
    'This is your last reminder. Our field agent will visit your home address tomorrow.',
]
MIX_COLL = [
    '您好，Your loan account is overdue，请今天还款{amt}',
    '【{plat}】Overdue notice：您的欠款{amt}已逾期{days}天，pay now: {link}',
    'Please confirm 还款时间，否则我们将 contact your family.',
    '{plat}提醒：payment of {amt} is due today，逾期将上报征信。',
    'Last warning! 今天不处理，明天 legal team 上门。',
]
EN_REPLY = ['OK, I will pay on Friday.', 'Please stop calling my parents.', 'Can I pay in installments?',
            'Who is this?', 'I already paid 500 yesterday.', 'Noted. I need a few more days.', 'OK',
            'Send me the account number please.']
MIX_REPLY = ['OK 我明天还', 'sorry 这周真的没钱', '收到 thanks', 'Please 别打我单位电话', '我下周 pay']


def collector_en(rng, year, mixed):
    T = MIX_COLL if mixed else EN_COLL
    t = rng.choice(T)
    amt = r_amount_en(rng) if not mixed else rng.choice([r_amount(rng), r_amount_en(rng)])
    plat = rng.choice(PLATS_EN)
    case = '%s%d-%02d%02d-%04d' % (rng.choice(['HZ', 'SZ']), year, rng.randint(1, 12), rng.randint(1, 28),
                                    rng.randint(1000, 9999))
    return t.format(amt=amt, days=rng.choice([7, 15, 30, 45, 62]), plat=plat, n4='%04d' % rng.randint(0, 9999),
                    case=case, link=r_link(rng).replace('https://', '').replace('http://', ''))


# --------------------------------------------------------------------------- time labels


def period_word(h):
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


def fmt_clock(t, mode):
    """t: datetime or time.  mode: 24 | 24nz | cn12 | period | en12"""
    h, m = t.hour, t.minute
    if mode == '24':
        return '%02d:%02d' % (h, m)
    if mode == '24nz':
        return '%d:%02d' % (h, m)
    h12 = h % 12 or 12
    if mode == 'cn12':
        return ('上午' if h < 12 else '下午') + '%d:%02d' % (h12, m)
    if mode == 'period':
        return period_word(h) + '%d:%02d' % (h12, m)
    if mode == 'en12':
        return '%d:%02d %s' % (h12, m, 'AM' if h < 12 else 'PM')
    raise ValueError(mode)


def day_cn(d, taken, wstyle='星期', today='今天'):
    delta = (taken - d).days
    if delta == 0:
        return today
    if delta == 1:
        return '昨天'
    if 2 <= delta <= 6:
        return wstyle + WD_CN[d.weekday()]
    if d.year == taken.year:
        return '%d月%d日' % (d.month, d.day)
    return '%d年%d月%d日' % (d.year, d.month, d.day)


def sep_label(layout, variant, d, t, taken):
    """Separator label for a chat; t None for date-only brands."""
    delta = (taken - d).days
    if layout in ('huawei_sms',):
        return day_cn(d, taken, '星期')
    if layout == 'honor_sms':
        if 2 <= delta <= 6:
            return '周' + WD_CN[d.weekday()]
        if delta < 2:
            return day_cn(d, taken)
        s = day_cn(d, taken)
        return s + ' 周' + WD_CN[d.weekday()] if variant % 2 == 0 else s
    if layout == 'vivo_sms':
        if delta < 7:
            return day_cn(d, taken, '星期')
        if d.year == taken.year:
            return '%d月%d日' % (d.month, d.day)
        return '%d/%d/%d' % (d.year, d.month, d.day)
    if layout == 'xiaomi_sms':
        mode = 'period' if variant % 3 else '24'
        tm = fmt_clock(t, mode)
        if delta == 0:
            return tm
        return day_cn(d, taken) + ' ' + tm
    if layout == 'oppo_sms':
        mode = '24' if variant % 3 else 'cn12'
        tm = fmt_clock(t, mode)
        if delta == 0:
            return ('今天 ' + tm) if variant % 2 else tm
        if delta >= 7 and d.year != taken.year:
            return '%d/%d/%d %s' % (d.year, d.month, d.day, tm)
        return day_cn(d, taken) + ' ' + tm
    if layout == 'iphone_sms':
        mode = '24' if variant % 2 else 'cn12'
        tm = fmt_clock(t, mode)
        if delta < 7:
            return day_cn(d, taken) + ' ' + tm
        wd = '周' + WD_CN[d.weekday()]
        if d.year == taken.year:
            return '%d月%d日 %s %s' % (d.month, d.day, wd, tm)
        return '%d年%d月%d日 %s %s' % (d.year, d.month, d.day, wd, tm)
    if layout == 'iphone_sms_en':
        tm = fmt_clock(t, 'en12' if variant % 3 else '24')
        if delta == 0:
            return 'Today ' + tm
        if delta == 1:
            return 'Yesterday ' + tm
        if delta <= 6:
            return WD_EN[d.weekday()] + ' ' + tm
        if d.year == taken.year:
            return '%s, %s %d at %s' % (WD_EN3[d.weekday()], MON_EN3[d.month - 1], d.day, tm)
        return '%s, %s %d, %d at %s' % (WD_EN3[d.weekday()], MON_EN3[d.month - 1], d.day, d.year, tm)
    if layout in ('wechat_private', 'wechat_group'):
        mode = 'period' if variant % 2 else '24'
        tm = fmt_clock(t, mode)
        if delta == 0:
            return tm
        return day_cn(d, taken, '星期') + ' ' + tm
    raise ValueError(layout)


def own_time_label(layout, variant, t):
    if layout in ('huawei_sms', 'honor_sms'):
        return fmt_clock(t, 'cn12' if variant % 3 == 1 else '24')
    return fmt_clock(t, '24')


def call_label(layout, variant, d, t, taken, rng):
    """Returns (label, has_time)."""
    delta = (taken - d).days
    if layout == 'huawei_calls':
        if delta == 0:
            return fmt_clock(t, 'cn12' if variant % 3 == 2 else '24'), True
        if delta == 1:
            if rng.random() < 0.5:
                return '昨天 ' + fmt_clock(t, '24'), True
            return '昨天', False
        if delta <= 6:
            return '星期' + WD_CN[d.weekday()], False
        if d.year == taken.year:
            return '%d月%d日' % (d.month, d.day), False
        return '%d/%d/%d' % (d.year, d.month, d.day), False
    if layout == 'honor_calls':
        if delta == 0:
            return fmt_clock(t, 'cn12' if variant % 2 else '24'), True
        if delta == 1:
            return '昨天', False
        if delta <= 6:
            return '周' + WD_CN[d.weekday()], False
        if d.year == taken.year:
            if rng.random() < 0.4:
                return '%d月%d日 %s' % (d.month, d.day, fmt_clock(t, '24')), True
            return '%d月%d日' % (d.month, d.day), False
        return '%d/%d/%d' % (d.year, d.month, d.day), False
    if layout == 'xiaomi_calls':
        mode = 'period' if variant % 3 else '24'
        if delta == 0:
            return fmt_clock(t, mode), True
        if delta == 1:
            return '昨天 ' + fmt_clock(t, mode), True
        if delta <= 6:
            return '星期' + WD_CN[d.weekday()], False
        if d.year == taken.year:
            if rng.random() < 0.35:
                return '%d月%d日 %s' % (d.month, d.day, fmt_clock(t, mode)), True
            return '%d月%d日' % (d.month, d.day), False
        return '%d年%d月%d日' % (d.year, d.month, d.day), False
    if layout == 'oppo_calls':
        if delta == 0:
            return fmt_clock(t, '24' if variant % 2 else 'cn12'), True
        if delta == 1:
            return '昨天 ' + fmt_clock(t, '24'), True
        if delta <= 6:
            return '星期' + WD_CN[d.weekday()], False
        if d.year == taken.year:
            return '%d月%d日' % (d.month, d.day), False
        return '%d/%d/%d' % (d.year, d.month, d.day), False
    if layout == 'vivo_calls':
        if delta == 0:
            return fmt_clock(t, '24'), True
        if delta == 1:
            return ('昨天 ' + fmt_clock(t, '24'), True) if rng.random() < 0.6 else ('昨天', False)
        if delta <= 6:
            return '周' + WD_CN[d.weekday()], False
        if d.year == taken.year:
            return '%d月%d日' % (d.month, d.day), False
        return '%d-%d-%d' % (d.year, d.month, d.day), False
    if layout == 'iphone_calls':
        if delta == 0:
            return fmt_clock(t, '24' if variant % 2 else 'cn12'), True
        if delta == 1:
            return '昨天', False
        if delta <= 6:
            return '星期' + WD_CN[d.weekday()], False
        return '%d/%d/%d' % (d.year, d.month, d.day), False
    if layout == 'iphone_calls_en':
        if delta == 0:
            return fmt_clock(t, 'en12' if variant % 3 else '24'), True
        if delta == 1:
            return 'Yesterday', False
        if delta <= 6:
            return WD_EN[d.weekday()], False
        return '%d/%d/%02d' % (d.month, d.day, d.year % 100), False
    raise ValueError(layout)


def iso(d, t):
    return '%04d-%02d-%02dT%02d:%02d:00+08:00' % (d.year, d.month, d.day, t.hour, t.minute)

# --------------------------------------------------------------------------- wrapping


def is_ascii(s):
    return all(ord(c) < 128 for c in s)


NO_START = set('，。、；：！？）》」』”’,.;:!?)%')


def wrap_text(s, key, size, maxw):
    """Returns list of lines.  CJK/mixed: break between chars, never at a space.
    Pure ASCII: break at spaces only."""
    f = get_font(key, size)
    if is_ascii(s):
        words = s.split(' ')
        lines, cur = [], ''
        for w in words:
            if f.getlength(w) > maxw:
                return None
            cand = w if not cur else cur + ' ' + w
            if f.getlength(cand) <= maxw:
                cur = cand
            else:
                lines.append(cur)
                cur = w
        lines.append(cur)
        return lines
    w = maxw
    for _ in range(60):
        lines, cur = [], ''
        for ch in s:
            if f.getlength(cur + ch) <= w:
                cur += ch
            elif ch in NO_START and len(cur) >= 2:
                lines.append(cur[:-1])
                cur = cur[-1] + ch
            else:
                lines.append(cur)
                cur = ch
        lines.append(cur)
        if all(ln and ln[0] != ' ' and ln[-1] != ' ' for ln in lines):
            return lines
        w -= size * 0.37
    return None

# --------------------------------------------------------------------------- common chrome


def palette(dark):
    if dark:
        return {'bg': '#000000', 'fg': '#F2F2F2', 'sub': '#8C8C8C', 'line': '#2A2A2A', 'card': '#1C1C1E'}
    return {'bg': '#FFFFFF', 'fg': '#111111', 'sub': '#8A8A8A', 'line': '#E6E6E6', 'card': '#F5F5F5'}


def status_bar(P, rng, ios, clock_text, fg, h, bg=None):
    W = P.W
    if bg:
        P.rect([0, 0, W, h], bg, 'status_bg')
    if ios:
        fs = int(h * 0.36)
        x_c = W * 0.16
        P.text(x_c, h * 0.55, clock_text, 'B', fs, fg, 'status_clock', anchor='mm')
        # island
        P.rrect([W * 0.36, h * 0.24, W * 0.64, h * 0.82], h * 0.3, '#000000', 'dynamic_island')
        # signal bars
        x = W * 0.745
        bw = W * 0.009
        for i in range(4):
            P.rect([x + i * bw * 1.7, h * (0.66 - 0.06 * i) - h * 0.05, x + i * bw * 1.7 + bw, h * 0.68], fg,
                   'status_icon', icon='signal')
        # wifi: 3 arcs approximated by polygons
        cx, cy = W * 0.83, h * 0.68
        P.poly([(cx, cy), (cx - h * 0.17, cy - h * 0.22), (cx + h * 0.17, cy - h * 0.22)], fg, 'status_icon',
               icon='wifi')
        # battery
        bx0, by0, bx1, by1 = W * 0.87, h * 0.42, W * 0.935, h * 0.72
        pct = rng.randint(12, 99)
        P.rrect([bx0, by0, bx1, by1], (by1 - by0) * 0.3, '#8E8E93' if fg != '#FFFFFF' else '#C7C7CC',
                'status_icon', icon='battery')
        P.rect([bx1 + 2, by0 + (by1 - by0) * 0.3, bx1 + 5, by1 - (by1 - by0) * 0.3], fg, 'status_icon',
               icon='battery_cap')
        if rng.random() < 0.5:
            P.text((bx0 + bx1) / 2, (by0 + by1) / 2, str(pct), 'B', int((by1 - by0) * 0.75),
                   '#FFFFFF' if fg != '#FFFFFF' else '#000000', 'status_text', anchor='mm')
        return
    fs = int(h * rng.choice([0.36, 0.4, 0.42]))
    x0 = W * rng.choice([0.05, 0.06, 0.07])
    bb = P.text(x0, h * 0.55, clock_text, rng.choice(['R', 'B']), fs, fg, 'status_clock', anchor='lm')
    x = bb[2] + fs * 0.7
    for _ in range(rng.randint(0, 3)):
        P.rrect([x, h * 0.38, x + fs * 0.8, h * 0.72], fs * 0.15, '#9A9A9A', 'status_icon', icon='notif')
        x += fs * 1.1
    # right side: battery pct text, battery, wifi, signal, 5G
    pct = rng.randint(9, 100)
    xr = W - W * 0.05
    bw = fs * 1.5
    P.rrect([xr - bw, h * 0.38, xr, h * 0.72], fs * 0.2, None, 'status_icon', outline=fg, width=2, icon='battery')
    fillw = (bw - 6) * pct / 100
    P.rect([xr - bw + 3, h * 0.38 + 3, xr - bw + 3 + fillw, h * 0.72 - 3], fg, 'status_icon', icon='battery_fill')
    xr = xr - bw - fs * 0.4
    if rng.random() < 0.7:
        bb = P.text(xr, h * 0.55, '%d%%' % pct, 'R', int(fs * 0.85), fg, 'status_text', anchor='rm')
        xr = bb[0] - fs * 0.5
    for i in range(4):
        P.rect([xr - (4 - i) * fs * 0.28, h * (0.62 - 0.07 * i), xr - (4 - i) * fs * 0.28 + fs * 0.18, h * 0.72],
               fg, 'status_icon', icon='signal')
    xr = xr - 4 * fs * 0.28 - fs * 0.5
    if rng.random() < 0.6:
        bb = P.text(xr, h * 0.55, rng.choice(['5G', '4G', '5G', 'HD']), 'B', int(fs * 0.7), fg, 'status_text',
                    anchor='rm')
        xr = bb[0] - fs * 0.5
    P.poly([(xr - fs * 0.5, h * 0.72), (xr - fs * 1.05, h * 0.38), (xr + fs * 0.05, h * 0.38)], fg, 'status_icon',
           icon='wifi')


def back_arrow(P, x, y, sz, colour, width):
    P.line([(x + sz * 0.5, y - sz * 0.5), (x, y), (x + sz * 0.5, y + sz * 0.5)], colour, width, 'header_icon',
           icon='back')


def dots(P, x, y, sz, colour, vertical=False):
    for i in (-1, 0, 1):
        cx, cy = (x, y + i * sz * 0.45) if vertical else (x + i * sz * 0.45, y)
        P.ellipse([cx - sz * 0.09, cy - sz * 0.09, cx + sz * 0.09, cy + sz * 0.09], colour, 'header_icon',
                  icon='more')


def phone_glyph(P, cx, cy, sz, colour, role='header_icon', **extra):
    # simple handset: rotated bar with two ends
    P.poly([(cx - sz * 0.45, cy - sz * 0.25), (cx - sz * 0.25, cy - sz * 0.45), (cx + sz * 0.45, cy + sz * 0.25),
            (cx + sz * 0.25, cy + sz * 0.45)], colour, role, **extra)


def gesture_bar(P, fg):
    W, H = P.W, P.H
    P.rrect([W * 0.36, H - W * 0.022, W * 0.64, H - W * 0.014], W * 0.01, fg, 'gesture_bar')

# --------------------------------------------------------------------------- chat styles


def chat_style(layout, dark, W, rng, variant):
    s = W / 1080.0
    st = {'layout': layout, 'dark': dark, 's': s}
    ios = layout.startswith('iphone') or (layout.startswith('wechat') and variant % 2 == 1)
    st['ios'] = ios
    wx = layout.startswith('wechat')
    st['wx'] = wx
    # message font size 38-60
    lo, hi = (38, 44) if W < 900 else ((42, 54) if W <= 1100 else (46, 60))
    st['fs'] = rng.randint(lo, hi)
    st['ls'] = rng.choice([1.3, 1.36, 1.42, 1.5])
    st['fw'] = 'B' if rng.random() < 0.15 else 'R'
    st['pad_x'] = rng.uniform(0.028, 0.042) * W
    st['pad_y'] = rng.uniform(0.02, 0.03) * W
    st['radius'] = rng.uniform(0.028, 0.06) * W
    st['maxw'] = rng.uniform(0.66, 0.78) * W
    st['gap'] = rng.uniform(0.022, 0.04) * W
    st['margin'] = rng.uniform(0.035, 0.05) * W
    st['sep_fs'] = int(rng.uniform(0.028, 0.034) * W)
    st['own_fs'] = int(rng.uniform(0.025, 0.03) * W)
    st['sep_style'] = rng.choice(['plain', 'plain', 'pill', 'lines'])
    P = palette(dark)
    st.update(P)
    st['sep_fg'] = '#8E8E93' if not dark else '#7D7D7D'
    st['tail'] = False
    st['own'] = None
    st['avatar'] = False
    st['input_ph'] = '短信'
    if layout == 'huawei_sms':
        st['in_fill'], st['in_fg'] = ('#F1F3F5', '#191919') if not dark else ('#2B2B2B', '#E8E8E8')
        st['out_fill'], st['out_fg'] = ('#3F8CFF', '#FFFFFF') if not dark else ('#2F6ACB', '#F0F0F0')
        st['own'] = 'below'
        st['header'] = 'left'
        st['input_ph'] = rng.choice(['短信', '发送短信'])
    elif layout == 'honor_sms':
        st['in_fill'], st['in_fg'] = ('#F2F2F2', '#000000') if not dark else ('#262626', '#EDEDED')
        st['out_fill'], st['out_fg'] = ('#256FFF', '#FFFFFF') if not dark else ('#1F56C4', '#FFFFFF')
        st['own'] = 'below'
        st['header'] = 'center'
        st['radius'] = rng.uniform(0.045, 0.065) * W
        st['input_ph'] = '短信/彩信'
    elif layout == 'vivo_sms':
        st['bg'] = '#F6F7F9' if not dark else '#0B0B0B'
        st['in_fill'], st['in_fg'] = ('#FFFFFF', '#1A1A1A') if not dark else ('#242424', '#E6E6E6')
        st['out_fill'], st['out_fg'] = ('#456FFF', '#FFFFFF') if not dark else ('#3356C8', '#F5F5F5')
        st['own'] = 'beside'
        st['header'] = 'center'
        st['maxw'] = rng.uniform(0.6, 0.68) * W
        st['input_ph'] = '短信'
    elif layout == 'xiaomi_sms':
        st['bg'] = '#F7F7F7' if not dark else '#000000'
        st['in_fill'], st['in_fg'] = ('#FFFFFF', '#000000') if not dark else ('#1F1F1F', '#E0E0E0')
        st['out_fill'], st['out_fg'] = ('#3482FF', '#FFFFFF') if not dark else ('#2764C5', '#FFFFFF')
        st['header'] = 'left'
        st['input_ph'] = rng.choice(['短信', '发送短信至此号码'])
    elif layout == 'oppo_sms':
        st['in_fill'], st['in_fg'] = ('#F0F1F2', '#000000') if not dark else ('#2A2A2A', '#E5E5E5')
        st['out_fill'], st['out_fg'] = ('#2AD181', '#FFFFFF') if not dark else ('#1E9E61', '#FFFFFF')
        st['header'] = 'center'
        st['input_ph'] = rng.choice(['短信', '输入短信'])
    elif layout in ('iphone_sms', 'iphone_sms_en'):
        st['in_fill'], st['in_fg'] = ('#E9E9EB', '#000000') if not dark else ('#262628', '#FFFFFF')
        st['out_fill'], st['out_fg'] = ('#34C759', '#FFFFFF') if not dark else ('#30B94F', '#FFFFFF')
        st['header'] = 'ios'
        st['tail'] = True
        st['radius'] = rng.uniform(0.045, 0.055) * W
        st['input_ph'] = '短信/彩信' if layout == 'iphone_sms' else 'Text Message'
        st['sep_style'] = 'plain'
    else:  # wechat
        st['bg'] = '#EDEDED' if not dark else '#111111'
        st['in_fill'], st['in_fg'] = ('#FFFFFF', '#191919') if not dark else ('#2C2C2C', '#D5D5D5')
        st['out_fill'], st['out_fg'] = ('#95EC69', '#191919') if not dark else ('#3EB575', '#0F0F0F')
        st['header'] = 'wechat'
        st['tail'] = True
        st['avatar'] = True
        st['radius'] = rng.uniform(0.008, 0.014) * W
        st['maxw'] = rng.uniform(0.6, 0.66) * W
        st['sep_style'] = rng.choice(['plain', 'plain', 'pill'])
        st['sep_fg'] = '#9B9B9B' if not dark else '#6E6E6E'
    return st


# --------------------------------------------------------------------------- chat thread model


def pick_time(rng, lo_min, hi_min):
    """random minute-of-day in [lo, hi], with some bias to 0:xx and 12:xx."""
    r = rng.random()
    cands = []
    if r < 0.08:
        cands = [m for m in range(0, 60) if lo_min <= m <= hi_min]
    elif r < 0.16:
        cands = [m for m in range(720, 780) if lo_min <= m <= hi_min]
    if cands:
        return rng.choice(cands)
    return rng.randint(lo_min, hi_min)


def make_thread(rng, layout, taken, T, datetime_seps):
    """sessions oldest first: {'date','min', 'msgs':[{'dir','text','min'}]}"""
    tmin = T.hour * 60 + T.minute
    en = layout == 'iphone_sms_en'
    wx = layout.startswith('wechat')
    n = rng.randint(5, 8)
    pool = [0, 0, 1, 1, 2, 3, 4, 5, 6, 8, 9, 12, 15, 20, 26, 33, 41, 55, 70, 90, 120, 200]
    deltas = set()
    while len(deltas) < n:
        deltas.add(rng.choice(pool))
    deltas = sorted(deltas, reverse=True)
    if datetime_seps and rng.random() < 0.5:
        # two sessions on one day
        k = rng.choice(deltas)
        deltas.append(k)
        deltas.sort(reverse=True)
    sessions = []
    used = {}
    for dl in deltas:
        d = taken - dt.timedelta(days=dl)
        hi = tmin - 8 if dl == 0 else 23 * 60 + 50
        lo = 0 if dl != 0 else max(0, tmin - 600)
        if hi < lo + 30:
            lo = max(0, hi - 30)
        m = pick_time(rng, lo, hi)
        if d in used:
            prev = used[d]
            m = min(hi, prev + rng.randint(60, 240))
            if m <= prev + 30:
                continue
        used[d] = m
        sessions.append({'date': d, 'min': m, 'msgs': []})
    # make sure of chronological order within a day
    sessions.sort(key=lambda x: (x['date'], x['min']))
    year = taken.year
    for si, ses in enumerate(sessions):
        nmsg = rng.choice([1, 2, 2, 3, 3]) if not wx else rng.choice([2, 3, 3, 4, 5])
        msgs = []
        for j in range(nmsg):
            if j == 0 or rng.random() < 0.4:
                direc = 'in'
            else:
                direc = 'out'
            if en:
                mixed = rng.random() < 0.45
                if direc == 'in':
                    text = collector_en(rng, year, mixed)
                else:
                    text = rng.choice(MIX_REPLY if mixed else EN_REPLY)
            elif wx:
                if direc == 'in':
                    text = collector_cn(rng, year, 'im')
                else:
                    text = rng.choice(REPLIES_IM + REPLIES_CN)
            else:
                text = collector_cn(rng, year) if direc == 'in' else rng.choice(REPLIES_CN)
            msgs.append({'dir': direc, 'text': text})
        # own times
        m = ses['min']
        lim = (tmin - 3) if ses['date'] == taken else 23 * 60 + 59
        nxt = None
        if si + 1 < len(sessions) and sessions[si + 1]['date'] == ses['date']:
            nxt = sessions[si + 1]['min'] - 1
            lim = min(lim, nxt)
        for msg in msgs:
            msg['min'] = min(m, lim)
            m = m + rng.choice([0, 0, 1, 2, 3, 5, 11])
        ses['msgs'] = msgs
    return sessions

# --------------------------------------------------------------------------- chat rendering


def header_title_for_chat(rng, layout):
    if layout == 'wechat_group':
        base = rng.choice(['速易贷债务协商群', '金满借还款沟通群', '逾期处理-调解3组', '安信分期 协商', '鑫诚贷后通知群',
                           '家庭债务沟通群'])
        nmem = rng.randint(3, 12)
        return base + '(%d)' % nmem, base
    if layout == 'wechat_private':
        n = rng.choice(CN_NAMES + ['王姐', '小周-调解员', 'A金满借 刘经理', '法务-李律师', '信贷主管 老刘'])
        return n, n
    if layout == 'iphone_sms_en':
        r = rng.random()
        if r < 0.35:
            n = rng.choice(EN_NAMES)
            return n, n
    r = rng.random()
    if r < 0.35:
        disp, d = r_service(rng)
        return disp, d
    if r < 0.7:
        d = r_mobile_digits(rng)
        return fmt_mobile(rng, d), d
    n = rng.choice(CN_NAMES)
    return n, n


GROUP_NICKS = ['法务-李律师', '调解员小周', '信贷主管 老刘', '陈经理(调解)', '贷后 王专员', '小赵-外访', '速易贷-孙']


def build_chat_items(sessions, st, layout, variant, taken, group_nicks, rng):
    """Flatten sessions into items with measured heights."""
    items = []
    W = st['s'] * 1080
    for si, ses in enumerate(sessions):
        d = ses['date']
        t = dt.time(ses['min'] // 60, ses['min'] % 60)
        datetime_sep = st['own'] is None
        label = sep_label(layout, variant, d, t if datetime_sep else None, taken) if datetime_sep else \
            sep_label(layout, variant, d, None, taken)
        items.append({'type': 'sep', 'label': label, 'session': si})
        for mi, msg in enumerate(ses['msgs']):
            mt = dt.time(msg['min'] // 60, msg['min'] % 60)
            it = {'type': 'bubble', 'dir': msg['dir'], 'text': msg['text'], 'session': si,
                  'date': d, 'sep_time': t, 'own_time': mt}
            if st['own']:
                it['own_label'] = own_time_label(layout, variant, mt)
                it['sim'] = rng.choice([None, None, '卡1', '卡2']) if layout in ('huawei_sms', 'honor_sms') else None
            if layout == 'wechat_group' and msg['dir'] == 'in':
                it['nick'] = rng.choice(group_nicks)
            items.append(it)
            if layout.startswith('wechat') and rng.random() < 0.06:
                items.append({'type': 'notice', 'kind': 'recall', 'other': rng.random() < 0.5,
                              'who': rng.choice(GROUP_NICKS)})
    return items


def layout_bubble(st, it):
    """compute lines and size; returns (w,h) of bubble."""
    fs, key = st['fs'], st['fw']
    maxw = st['maxw'] - 2 * st['pad_x']
    if st['own'] == 'beside':
        maxw -= st['own_fs'] * 3.2
    lines = wrap_text(it['text'], key, fs, maxw)
    if lines is None:
        raise ValueError('cannot wrap ' + it['text'])
    lh = fs * st['ls']
    tw = max(get_font(key, fs).getlength(ln) for ln in lines)
    w = tw + 2 * st['pad_x']
    h = len(lines) * lh + 2 * st['pad_y']
    w = max(w, h * 0.9 if len(lines) == 1 else w, fs * 2.2)
    it['lines'] = lines
    it['lh'] = lh
    it['bw'] = w
    it['bh'] = h


def item_height(st, it):
    if it['type'] == 'sep':
        return st['sep_fs'] * 2.8
    if it['type'] == 'notice':
        return st['sep_fs'] * 2.6
    if it['type'] == 'delivered':
        return st['own_fs'] * 1.8
    layout_bubble(st, it)
    h = it['bh'] + st['gap']
    if st['own'] == 'below':
        h += st['own_fs'] * 1.7
    if it.get('nick'):
        h += st['own_fs'] * 1.7
    if st['avatar']:
        h = max(h, st['s'] * 1080 * 0.115 + st['gap'])
    return h


def draw_chat_header(P, st, title, sub, y0, rng):
    W = P.W
    s = st['s']
    fg = st['fg']
    hstyle = st['header']
    if hstyle == 'wechat':
        hh = W * 0.13
        hbg = st['bg']
        P.rect([0, y0, W, y0 + hh], hbg, 'header_bg')
        back_arrow(P, W * 0.045, y0 + hh / 2, W * 0.04, fg, max(3, int(W * 0.005)))
        tfs = int(W * rng.choice([0.042, 0.045, 0.047]))
        P.text(W / 2, y0 + hh / 2, title, 'B' if st['ios'] else 'R', tfs, fg, 'header_title', anchor='mm')
        dots(P, W * 0.93, y0 + hh / 2, W * 0.06, fg)
        P.rect([0, y0 + hh - 2, W, y0 + hh], '#D6D6D6' if not st['dark'] else '#222222', 'header_line')
        return y0 + hh
    if hstyle == 'ios':
        hh = W * 0.27
        hbg = '#F6F6F6' if not st['dark'] else '#161616'
        P.rect([0, y0, W, y0 + hh], hbg, 'header_bg')
        back_arrow(P, W * 0.04, y0 + hh * 0.32, W * 0.045, '#0A84FF', max(4, int(W * 0.007)))
        if rng.random() < 0.6:
            P.text(W * 0.09, y0 + hh * 0.32, str(rng.randint(1, 99)), 'R', int(W * 0.04), '#0A84FF',
                   'header_badge', anchor='lm')
        r = W * 0.075
        cx, cy = W / 2, y0 + hh * 0.36
        P.ellipse([cx - r, cy - r, cx + r, cy + r], '#A5A9B3' if not st['dark'] else '#5A5E66', 'avatar')
        P.ellipse([cx - r * 0.35, cy - r * 0.6, cx + r * 0.35, cy + r * 0.1], '#FFFFFF', 'avatar')
        P.poly([(cx - r * 0.6, cy + r * 0.75), (cx + r * 0.6, cy + r * 0.75), (cx + r * 0.4, cy + r * 0.25),
                (cx - r * 0.4, cy + r * 0.25)], '#FFFFFF', 'avatar')
        tfs = int(W * 0.033)
        bb = P.text(W / 2, y0 + hh * 0.8, title, 'R', tfs, fg, 'header_title', anchor='mm')
        P.line([(bb[2] + tfs * 0.3, bb[1] + 4), (bb[2] + tfs * 0.55, (bb[1] + bb[3]) / 2),
                (bb[2] + tfs * 0.3, bb[3] - 4)], '#9A9A9A', 3, 'header_icon', icon='chevron')
        P.rect([0, y0 + hh - 1, W, y0 + hh], '#D0D0D0' if not st['dark'] else '#2A2A2A', 'header_line')
        return y0 + hh
    hh = W * (0.16 if sub else 0.13)
    hbg = st['bg']
    P.rect([0, y0, W, y0 + hh], hbg, 'header_bg')
    back_arrow(P, W * 0.05, y0 + hh * 0.45, W * 0.04, fg, max(3, int(W * 0.006)))
    tfs = int(W * rng.choice([0.048, 0.052, 0.056]))
    sfs = int(W * 0.03)
    tkey = 'B' if rng.random() < 0.6 else 'R'
    if hstyle == 'left':
        tx, anc = W * 0.13, 'lm'
    else:
        tx, anc = W / 2, 'mm'
    if sub:
        P.text(tx, y0 + hh * 0.36, title, tkey, tfs, fg, 'header_title', anchor=anc)
        P.text(tx, y0 + hh * 0.74, sub, 'R', sfs, st['sub'], 'header_sub', anchor=anc)
    else:
        P.text(tx, y0 + hh * 0.45, title, tkey, tfs, fg, 'header_title', anchor=anc)
    phone_glyph(P, W * 0.8, y0 + hh * 0.45, W * 0.045, fg, icon='call')
    dots(P, W * 0.93, y0 + hh * 0.45, W * 0.06, fg, vertical=True)
    return y0 + hh


def draw_input_bar(P, st, rng, ybottom):
    """draw input bar ending at ybottom; returns its top."""
    W = P.W
    ih = W * 0.15
    top = ybottom - ih
    if st['wx']:
        P.rect([0, top, W, ybottom], '#F7F7F7' if not st['dark'] else '#1E1E1E', 'input_bg')
        r = W * 0.035
        cy = top + ih * 0.45
        P.ellipse([W * 0.03, cy - r, W * 0.03 + 2 * r, cy + r], None, 'input_icon', outline=st['fg'], width=3,
                  icon='voice')
        P.rrect([W * 0.12, cy - ih * 0.3, W * 0.74, cy + ih * 0.3], W * 0.01,
                '#FFFFFF' if not st['dark'] else '#2C2C2C', 'input_box')
        P.ellipse([W * 0.77, cy - r, W * 0.77 + 2 * r, cy + r], None, 'input_icon', outline=st['fg'], width=3,
                  icon='emoji')
        P.ellipse([W * 0.88, cy - r, W * 0.88 + 2 * r, cy + r], None, 'input_icon', outline=st['fg'], width=3,
                  icon='plus')
        return top
    P.rect([0, top, W, ybottom], st['bg'], 'input_bg')
    cy = top + ih * 0.5
    if st['ios']:
        P.ellipse([W * 0.03, cy - W * 0.035, W * 0.1, cy + W * 0.035], '#E5E5EA' if not st['dark'] else '#2C2C2E',
                  'input_icon', icon='plus')
        x0 = W * 0.13
    else:
        P.ellipse([W * 0.035, cy - W * 0.03, W * 0.095, cy + W * 0.03], None, 'input_icon', outline=st['sub'],
                  width=3, icon='plus')
        x0 = W * 0.12
    P.rrect([x0, cy - ih * 0.3, W * 0.86, cy + ih * 0.3], ih * 0.3, None if st['ios'] else st['card'],
            'input_box', outline='#C7C7CC' if st['ios'] else None, width=2)
    P.text(x0 + W * 0.035, cy, st['input_ph'], 'R', int(W * 0.036), '#A0A0A0', 'placeholder', anchor='lm')
    P.ellipse([W * 0.885, cy - W * 0.04, W * 0.965, cy + W * 0.04], '#C8C8C8' if not st['dark'] else '#3A3A3A',
              'input_icon', icon='send')
    return top


def draw_sep(P, st, y, h, label):
    W = P.W
    cy = y + h / 2
    fs = st['sep_fs']
    if st['sep_style'] == 'pill':
        tw = text_w(label, 'R', fs)
        P.rrect([W / 2 - tw / 2 - fs * 0.6, cy - fs * 0.85, W / 2 + tw / 2 + fs * 0.6, cy + fs * 0.85], fs * 0.5,
                '#DADADA' if not st['dark'] else '#2A2A2A', 'separator_bg')
    bb = P.text(W / 2, cy, label, 'R', fs, st['sep_fg'], 'separator', anchor='mm')
    if st['sep_style'] == 'lines':
        P.line([(W * 0.12, cy), (bb[0] - fs, cy)], st['line'], 2, 'separator_line')
        P.line([(bb[2] + fs, cy), (W * 0.88, cy)], st['line'], 2, 'separator_line')


def draw_bubble(P, st, y, it, layout):
    W = P.W
    s = st['s']
    side = it['dir']
    fill = st['in_fill'] if side == 'in' else st['out_fill']
    fg = st['in_fg'] if side == 'in' else st['out_fg']
    x_margin = st['margin']
    av = 0
    if st['avatar']:
        av = W * 0.105
        ax = x_margin if side == 'in' else W - x_margin - av
        acol = ['#6A8CAF', '#C47F5A', '#7FA66B', '#8C6BB1', '#B55B6A'][hash_str(it.get('nick') or side) % 5]
        P.rrect([ax, y, ax + av, y + av], av * 0.1, acol, 'avatar', side=side)
        P.ellipse([ax + av * 0.32, y + av * 0.18, ax + av * 0.68, y + av * 0.54], '#EEEEEE', 'avatar')
        P.poly([(ax + av * 0.18, y + av * 0.86), (ax + av * 0.82, y + av * 0.86), (ax + av * 0.68, y + av * 0.6),
                (ax + av * 0.32, y + av * 0.6)], '#EEEEEE', 'avatar')
        av += W * 0.025
    ytop = y
    if it.get('nick'):
        nx = x_margin + av
        P.text(nx, y + st['own_fs'] * 0.75, it['nick'], 'R', st['own_fs'], st['sep_fg'], 'nickname', anchor='lm')
        ytop = y + st['own_fs'] * 1.7
    bw, bh = it['bw'], it['bh']
    if side == 'in':
        x0 = x_margin + av
    else:
        x0 = W - x_margin - av - bw
    if st['wx']:
        x0 += (W * 0.018) if side == 'in' else -(W * 0.018)
    box = [x0, ytop, x0 + bw, ytop + bh]
    P.rrect(box, st['radius'], fill, 'bubble', side=side)
    if st['tail']:
        if st['wx']:
            ty = ytop + W * 0.05
            if side == 'in':
                P.poly([(x0 + 1, ty - W * 0.015), (x0 - W * 0.015, ty), (x0 + 1, ty + W * 0.015)], fill,
                       'bubble_tail', side=side)
            else:
                P.poly([(x0 + bw - 1, ty - W * 0.015), (x0 + bw + W * 0.015, ty), (x0 + bw - 1, ty + W * 0.015)],
                       fill, 'bubble_tail', side=side)
        else:
            by = ytop + bh
            if side == 'in':
                P.poly([(x0 + W * 0.02, by - W * 0.04), (x0 - W * 0.012, by), (x0 + W * 0.05, by - W * 0.004)],
                       fill, 'bubble_tail', side=side)
            else:
                P.poly([(x0 + bw - W * 0.02, by - W * 0.04), (x0 + bw + W * 0.012, by),
                        (x0 + bw - W * 0.05, by - W * 0.004)], fill, 'bubble_tail', side=side)
    for i, ln in enumerate(it['lines']):
        ly = ytop + st['pad_y'] + (i + 0.5) * it['lh']
        P.text(x0 + st['pad_x'], ly, ln, st['fw'], st['fs'], fg, 'msg_line', anchor='lm', side=side)
    if st['own'] == 'below':
        oy = ytop + bh + st['own_fs'] * 0.95
        parts = [it['own_label']]
        if it.get('sim'):
            parts = [it['sim'], it['own_label']] if side == 'out' else [it['own_label'], it['sim']]
        if side == 'in':
            x = x0 + W * 0.01
            for p in parts:
                role = 'own_time' if p == it['own_label'] else 'sim_tag'
                bb = P.text(x, oy, p, 'R', st['own_fs'], st['sub'], role, anchor='lm')
                x = bb[2] + st['own_fs'] * 0.5
        else:
            x = x0 + bw - W * 0.01
            for p in reversed(parts):
                role = 'own_time' if p == it['own_label'] else 'sim_tag'
                bb = P.text(x, oy, p, 'R', st['own_fs'], st['sub'], role, anchor='rm')
                x = bb[0] - st['own_fs'] * 0.5
    elif st['own'] == 'beside':
        oy = ytop + bh - st['own_fs'] * 0.8
        if side == 'in':
            P.text(x0 + bw + W * 0.018, oy, it['own_label'], 'R', st['own_fs'], st['sub'], 'own_time', anchor='lm')
        else:
            P.text(x0 - W * 0.018, oy, it['own_label'], 'R', st['own_fs'], st['sub'], 'own_time', anchor='rm')
    return box


def hash_str(s):
    h = 0
    for ch in s:
        h = (h * 131 + ord(ch)) % 1000003
    return h


def render_chat(job):
    rng = random.Random(job['chrome_seed'])
    layout = job['layout']
    W, H = job['size']
    st = job['style']
    P = Painter(W, H, st['bg'])
    ios = st['ios']
    sbh = int(W * (0.12 if ios else rng.choice([0.075, 0.085, 0.09])))
    status_bar(P, rng, ios, job['clock'], st['fg'], sbh, bg=st['bg'] if not st['wx'] else st['bg'])
    ytop = draw_chat_header(P, st, job['title'], job.get('sub'), sbh, rng)
    ybot = H - (W * 0.07 if ios else W * 0.045)
    if ios or rng.random() < 0.6:
        gesture_bar(P, st['fg'])
    ybot = draw_input_bar(P, st, rng, ybot)
    items = job['items']
    win = job['window']
    y = ytop + W * 0.03
    top_pad = y
    avail = ybot - W * 0.02 - y
    heights = [item_height(st, items[i]) for i in win]
    total = sum(heights)
    if job['align'] == 'bottom':
        y = ybot - W * 0.02 - total
    else:
        y = top_pad + (avail - total) * job.get('top_frac', 0.0)
    records = []
    for i, h in zip(win, heights):
        it = items[i]
        if it['type'] == 'sep':
            draw_sep(P, st, y, h, it['label'])
        elif it['type'] == 'notice':
            fs = st['sep_fs']
            cy = y + h / 2
            if layout == 'wechat_group' and it['other']:
                txt = '“%s”撤回了一条消息' % it['who']
                P.text(W / 2, cy, txt, 'R', fs, st['sep_fg'], 'system', anchor='mm')
            else:
                txt = '你撤回了一条消息'
                tw = text_w(txt, 'R', fs)
                tw2 = text_w('重新编辑', 'R', fs)
                x0 = W / 2 - (tw + tw2 + fs * 0.4) / 2
                bb = P.text(x0, cy, txt, 'R', fs, st['sep_fg'], 'system', anchor='lm')
                P.text(bb[2] + fs * 0.4, cy, '重新编辑', 'R', fs, '#576B95', 'system', anchor='lm')
        elif it['type'] == 'delivered':
            P.text(W - st['margin'] - W * 0.01, y + h / 2, it['label'], 'R', st['own_fs'], st['sub'],
                   'delivered', anchor='rm')
        else:
            draw_bubble(P, st, y, it, layout)
        y += h
    assert y <= ybot + 1, (y, ybot)
    return P


def truth_for_window(items, win, st, sender_of):
    recs = []
    cur_sep = None
    for i in win:
        it = items[i]
        if it['type'] == 'sep':
            cur_sep = it
        if it['type'] != 'bubble':
            continue
        if cur_sep is None:
            oa = None
        elif st['own']:
            oa = iso(it['date'], it['own_time'])
        else:
            oa = iso(it['date'], it['sep_time'])
        recs.append({'kind': 'im' if st['wx'] else 'sms', 'sender': sender_of(it), 'occurred_at': oa,
                     'direction': it['dir'], 'text': it['text'], 'call_type': None, 'duration_seconds': None})
    return recs


def choose_window(items, heights, avail, end, force_sep):
    """largest window ending at index end (inclusive) that fits into avail."""
    tot = 0
    start = end
    while start >= 0 and tot + heights[start] <= avail:
        tot += heights[start]
        start -= 1
    start += 1
    # never begin with a notice/delivered
    while start <= end and items[start]['type'] in ('notice', 'delivered'):
        start += 1
    if force_sep:
        j = start
        while j <= end and items[j]['type'] != 'sep':
            j += 1
        if j <= end and any(items[k]['type'] == 'bubble' for k in range(j, end + 1)):
            start = j
    return list(range(start, end + 1))


def pick_window(items, heights, avail, want_sep):
    last = len(items) - 1
    if not want_sep:
        return choose_window(items, heights, avail, last, False)
    ends = [i for i in range(last, -1, -1) if items[i]['type'] in ('bubble', 'delivered')][:8]
    best = None
    for e in ends:
        w = choose_window(items, heights, avail, e, True)
        fill = sum(heights[i] for i in w) / avail
        if items[w[0]]['type'] == 'sep' and fill >= 0.72:
            return w
        if best is None or fill > best[0]:
            best = (fill, w)
    return best[1]


def content_avail(W, H, st, sub):
    ios = st['ios']
    sbh = int(W * (0.12 if ios else 0.09))
    if st['header'] == 'wechat':
        hh = W * 0.13
    elif st['header'] == 'ios':
        hh = W * 0.27
    else:
        hh = W * (0.16 if sub else 0.13)
    ybot = H - (W * 0.07 if ios else W * 0.045) - W * 0.15
    return ybot - W * 0.02 - (sbh + hh + W * 0.03)

# --------------------------------------------------------------------------- calls


LOCS = ['浙江杭州', '广东深圳', '北京', '上海', '四川成都', '江苏南京', '湖北武汉', '河南郑州', '浙江宁波', '广东广州',
        '福建厦门', '山东济南']
OPS = ['移动', '联通', '电信']
TAGS = ['疑似催收', '骚扰电话', '催收电话', '疑似诈骗', '推销']
EN_LOC = ['Hangzhou, China', 'Shenzhen, China', 'China', 'Beijing, China', 'Shanghai, China']


def make_calls(rng, layout, taken, T):
    tmin = T.hour * 60 + T.minute
    rows = []
    en = layout == 'iphone_calls_en'
    # a descending list of (delta, minute)
    cur_delta, cur_min = 0, tmin - rng.randint(2, 40)
    if cur_min < 0:
        cur_delta, cur_min = 1, 23 * 60 + cur_min
    people = []
    for _ in range(rng.randint(6, 9)):
        r = rng.random()
        if r < 0.45:
            d = r_mobile_digits(rng)
            people.append((fmt_mobile(rng, d, allow_plus=layout.startswith('iphone')), d, True))
        elif r < 0.7:
            disp, d = r_service(rng)
            people.append((disp, d, True))
        else:
            n = rng.choice(EN_NAMES + CN_NAMES[:6]) if en else rng.choice(CN_NAMES)
            people.append((n, n, False))
    prev = None
    for k in range(22):
        p = rng.choice(people)
        while p is prev:
            p = rng.choice(people)
        prev = p
        r = rng.random()
        ctype = 'missed' if r < 0.45 else ('incoming' if r < 0.72 else 'outgoing')
        connected = True
        if ctype == 'outgoing' and rng.random() < 0.4:
            connected = False
        dur = None
        if ctype != 'missed' and connected:
            dur = rng.choice([rng.randint(3, 59), rng.randint(60, 600), rng.randint(20, 200)])
        d = taken - dt.timedelta(days=cur_delta)
        rows.append({'disp': p[0], 'sender': p[1], 'is_num': p[2], 'type': ctype, 'connected': connected,
                     'dur': dur, 'date': d, 'min': max(cur_min, 0), 'count': None,
                     'loc': rng.choice(LOCS), 'op': rng.choice(OPS),
                     'tag': (rng.choice(TAGS) if p[2] and rng.random() < 0.4 else None),
                     'marked': (rng.randint(3, 900) if p[2] and rng.random() < 0.25 else None)})
        # step back in time
        step = rng.choice([3, 10, 25, 45, 60, 90, 140, 300, 500, 700, 1500, 2500])
        step = rng.randint(max(1, step // 2), step * 3 // 2 + 1)
        cur_min -= step
        while cur_min < 0:
            cur_delta += 1
            cur_min += 1440
        if rng.random() < 0.05:
            cur_delta += rng.randint(4, 30)
        if rng.random() < 0.2:
            rows[-1]['count'] = rng.randint(2, 5)
    return rows


def call_style(layout, dark, W, rng, variant):
    s = W / 1080.0
    st = {'layout': layout, 'dark': dark, 's': s}
    st.update(palette(dark))
    st['ios'] = layout.startswith('iphone')
    st['name_fs'] = int(W * rng.uniform(0.042, 0.05))
    st['sub_fs'] = int(W * rng.uniform(0.031, 0.036))
    st['row_h'] = W * rng.uniform(0.15, 0.19)
    st['name_key'] = rng.choice(['R', 'R', 'B'])
    st['red'] = '#FF3B30' if st['ios'] else rng.choice(['#E8412C', '#F5483B', '#FA3E3E'])
    st['sep'] = rng.choice(['line', 'line', 'none', 'inset'])
    st['avatar'] = layout in ('oppo_calls', 'vivo_calls', 'honor_calls') and rng.random() < 0.6
    return st


def call_sub_strings(layout, row, rng, variant):
    """strings for the sub line (each a separate drawn string), and icon flag."""
    subs = []
    ct = row['type']
    if layout == 'xiaomi_calls':
        if ct == 'missed':
            subs.append(rng.choice(['未接来电', '未接']))
        elif ct == 'incoming':
            subs.append('呼入 ' + fmt_dur(row['dur']))
        else:
            subs.append('呼出 ' + (fmt_dur(row['dur']) if row['connected'] else '未接通'))
        subs.append(row['loc'] + ' ' + row['op'] if row['is_num'] else row['loc'])
    elif layout in ('oppo_calls', 'vivo_calls'):
        if row['is_num']:
            subs.append(row['loc'] + (' ' + row['op'] if rng.random() < 0.5 else ''))
        else:
            subs.append(rng.choice(['手机', '手机 ' + row['loc']]))
        if row['dur'] is not None:
            subs.append(fmt_dur(row['dur']))
    elif layout in ('huawei_calls', 'honor_calls'):
        subs.append(row['loc'] if row['is_num'] else '手机')
        if row['type'] == 'outgoing' and not row['connected'] and rng.random() < 0.5:
            subs.append('未接通')
    elif layout == 'iphone_calls':
        subs.append(rng.choice(['手机', '未知', row['loc']]) if row['is_num'] else '手机')
    else:
        subs.append(rng.choice(['mobile', 'unknown', rng.choice(EN_LOC)]) if row['is_num'] else 'mobile')
    tags = []
    if layout not in ('iphone_calls', 'iphone_calls_en'):
        if row['tag']:
            tags.append(row['tag'])
        if row['marked']:
            tags.append('被%d人标记' % row['marked'] + rng.choice(['', '为催收', '为骚扰']))
    return subs, tags


def fmt_dur(sec):
    if sec < 60:
        return '%d秒' % sec
    return '%d分%d秒' % (sec // 60, sec % 60)


def call_icon(P, x, cy, sz, kind, colour):
    """small arrow icon; kind in/out/missed"""
    if kind == 'out':
        pts = [(x, cy + sz * 0.45), (x + sz * 0.75, cy - sz * 0.3)]
        head = [(x + sz * 0.85, cy - sz * 0.45), (x + sz * 0.35, cy - sz * 0.4), (x + sz * 0.8, cy + sz * 0.05)]
    else:
        pts = [(x + sz * 0.85, cy - sz * 0.45), (x + sz * 0.1, cy + sz * 0.3)]
        head = [(x, cy + sz * 0.45), (x + sz * 0.5, cy + sz * 0.4), (x + sz * 0.05, cy - sz * 0.05)]
    P.line(pts, colour, max(2, sz * 0.14), 'call_icon', icon=kind)
    P.poly(head, colour, 'call_icon_head', icon=kind)


def render_calls(job):
    rng = job['rng']
    layout = job['layout']
    W, H = job['size']
    st = job['style']
    variant = job['variant']
    P = Painter(W, H, st['bg'])
    ios = st['ios']
    en = layout == 'iphone_calls_en'
    fg, sub = st['fg'], st['sub']
    sbh = int(W * (0.12 if ios else rng.choice([0.075, 0.085, 0.09])))
    status_bar(P, rng, ios, job['clock'], fg, sbh)
    y = sbh
    # ---- header
    if ios:
        y += W * 0.02
        P.text(W * 0.05, y + W * 0.05, 'Edit' if en else '编辑', 'R', int(W * 0.042), '#0A84FF', 'header_button',
               anchor='lm')
        segw = W * 0.42
        P.rrect([W / 2 - segw / 2, y + W * 0.015, W / 2 + segw / 2, y + W * 0.085], W * 0.02,
                '#E3E3E8' if not st['dark'] else '#2C2C2E', 'tab_bg')
        P.rrect([W / 2 - segw / 2 + 4, y + W * 0.015 + 4, W / 2 - 4, y + W * 0.085 - 4], W * 0.018,
                '#FFFFFF' if not st['dark'] else '#636366', 'tab_sel')
        tfs = int(W * 0.033)
        P.text(W / 2 - segw / 4, y + W * 0.05, 'All' if en else '所有通话', 'B', tfs, fg, 'tab', anchor='mm')
        P.text(W / 2 + segw / 4, y + W * 0.05, 'Missed' if en else '未接来电', 'R', tfs, fg, 'tab', anchor='mm')
        y += W * 0.12
        P.text(W * 0.05, y + W * 0.06, 'Recents' if en else '最近通话', 'B', int(W * 0.08), fg, 'header_title',
               anchor='lm')
        y += W * 0.14
        if rng.random() < 0.5:
            P.rrect([W * 0.05, y, W * 0.95, y + W * 0.09], W * 0.025, '#EEEEF0' if not st['dark'] else '#1C1C1E',
                    'search_box')
            P.text(W * 0.11, y + W * 0.045, 'Search' if en else '搜索', 'R', int(W * 0.037), '#8E8E93',
                   'search', anchor='lm')
            y += W * 0.12
    else:
        title = {'huawei_calls': '电话', 'honor_calls': '电话', 'xiaomi_calls': '通话记录', 'oppo_calls': '通话',
                 'vivo_calls': '电话'}[layout]
        tfs = int(W * rng.choice([0.06, 0.07, 0.075]))
        y += W * 0.03
        P.text(W * 0.055, y + tfs * 0.7, title, 'B', tfs, fg, 'header_title', anchor='lm')
        dots(P, W * 0.93, y + tfs * 0.7, W * 0.06, fg, vertical=True)
        y += tfs * 1.6
        if rng.random() < 0.7:
            P.rrect([W * 0.05, y, W * 0.95, y + W * 0.1], W * 0.05, st['card'], 'search_box')
            P.text(W * 0.12, y + W * 0.05, rng.choice(['搜索', '搜索联系人', '搜索号码']), 'R', int(W * 0.036),
                   '#9A9A9A', 'search', anchor='lm')
            y += W * 0.13
        if rng.random() < 0.6:
            tfs2 = int(W * 0.037)
            bb = P.text(W * 0.055, y + W * 0.04, '全部', 'B', tfs2, fg, 'tab', anchor='lm')
            P.text(bb[2] + W * 0.06, y + W * 0.04, '未接', 'R', tfs2, sub, 'tab', anchor='lm')
            P.rect([bb[0], y + W * 0.075, bb[2], y + W * 0.08], '#007DFF', 'tab_sel')
            y += W * 0.11
    # ---- bottom nav
    nav_h = W * (0.2 if ios else 0.17)
    nav_top = H - nav_h
    P.rect([0, nav_top, W, H], '#F7F7F7' if not st['dark'] else '#121212', 'nav_bg')
    if ios:
        labels = ['Favorites', 'Recents', 'Contacts', 'Keypad', 'Voicemail'] if en else \
            ['个人收藏', '最近通话', '通讯录', '拨号键盘', '语音留言']
    else:
        labels = {'huawei_calls': ['拨号', '联系人', '收藏', '畅连'], 'honor_calls': ['电话', '联系人', '收藏'],
                  'xiaomi_calls': ['电话', '联系人', '营业厅'], 'oppo_calls': ['电话', '联系人', '收藏'],
                  'vivo_calls': ['拨号', '联系人', '收藏']}[layout]
    n = len(labels)
    for i, lb in enumerate(labels):
        cx = W * (i + 0.5) / n
        sel = (i == 1 and ios) or (i == 0 and not ios)
        col = ('#0A84FF' if ios else '#007DFF') if sel else sub
        P.ellipse([cx - W * 0.025, nav_top + W * 0.03, cx + W * 0.025, nav_top + W * 0.08], col, 'nav_icon')
        P.text(cx, nav_top + W * 0.11, lb, 'R', int(W * (0.024 if ios else 0.028)), col, 'tab', anchor='mm')
    gesture_bar(P, fg)
    # ---- rows
    rows = job['rows']
    rh = st['row_h']
    nfit = int((nav_top - y - W * 0.01) // rh)
    rows = rows[:nfit]
    recs = []
    x_left = W * 0.05
    for k, row in enumerate(rows):
        r0 = y + k * rh
        cy = r0 + rh / 2
        name_y = cy - rh * 0.19
        sub_y = cy + rh * 0.2
        x = x_left
        kind_icon = {'missed': 'missed', 'incoming': 'in', 'outgoing': 'out'}[row['type']]
        if ios:
            if row['type'] == 'outgoing':
                phone_glyph(P, x + W * 0.02, name_y, W * 0.03, sub, role='call_icon', icon='out')
            x = x_left + W * 0.06
        elif st['avatar']:
            ar = rh * 0.3
            P.ellipse([x, cy - ar, x + 2 * ar, cy + ar], '#C9D3E0' if not st['dark'] else '#3A4048', 'avatar')
            x += 2 * ar + W * 0.035
        name_col = st['red'] if row['type'] == 'missed' else fg
        t = dt.time(row['min'] // 60, row['min'] % 60)
        label, has_time = call_label(layout, variant, row['date'], t, job['taken'], rng)
        lx = W * (0.86 if (ios or layout in ('huawei_calls', 'honor_calls')) else 0.93)
        ly = cy if not ios else name_y + rh * 0.05
        lfs = int(st['sub_fs'] * 0.98)
        lw = text_w(label, 'R', lfs)
        limit = lx - lw - W * 0.03
        nfs = st['name_fs']
        cnt = '(%d)' % row['count'] if row['count'] else None
        while True:
            nw = text_w(row['disp'], st['name_key'], nfs) + (text_w(cnt, 'R', nfs) + nfs * 0.4 if cnt else 0)
            if x + nw <= limit or nfs < 20:
                break
            nfs -= 2
        P.text(lx, ly, label, 'R', lfs, sub, 'call_time', anchor='rm')
        bb = P.text(x, name_y, row['disp'], st['name_key'], nfs, name_col, 'call_name', anchor='lm')
        if cnt:
            P.text(bb[2] + nfs * 0.3, name_y, cnt, 'R', nfs, name_col, 'call_count', anchor='lm')
        subs, tags = call_sub_strings(layout, row, rng, variant)
        sx = x
        if layout in ('huawei_calls', 'honor_calls', 'oppo_calls', 'vivo_calls'):
            icol = st['red'] if row['type'] == 'missed' else sub
            call_icon(P, sx, sub_y, st['sub_fs'] * 0.8, kind_icon, icol)
            sx += st['sub_fs'] * 1.2
        sfs = st['sub_fs']
        for si_, sstr in enumerate(subs):
            w_ = text_w(sstr, 'R', sfs)
            if sx + w_ > limit:
                if si_ > 0 and layout != 'xiaomi_calls' and not (row['dur'] is not None and sstr == fmt_dur(row['dur'])):
                    continue
                if layout == 'xiaomi_calls' and si_ > 0:
                    continue
            bb = P.text(sx, sub_y, sstr, 'R', sfs, sub, 'call_sub', anchor='lm')
            sx = bb[2] + sfs * 0.6
        for tg in tags:
            tfs_ = int(sfs * 0.92)
            if sx + text_w(tg, 'R', tfs_) > limit:
                continue
            bb = P.text(sx, sub_y, tg, 'R', tfs_, '#F08A24', 'call_tag', anchor='lm')
            sx = bb[2] + sfs * 0.5
        if ios or layout in ('huawei_calls', 'honor_calls'):
            r = W * 0.024
            ic = W * 0.915
            P.ellipse([ic - r, cy - r, ic + r, cy + r], None, 'info_icon', outline='#0A84FF' if ios else sub,
                      width=3)
        if st['sep'] != 'none' and k < len(rows) - 1:
            lx0 = x if st['sep'] == 'inset' else x_left
            P.rect([lx0, r0 + rh - 1, W, r0 + rh], st['line'], 'row_sep')
        direction = 'out' if row['type'] == 'outgoing' else 'in'
        recs.append({'kind': 'call', 'sender': row['sender'], 'occurred_at': iso(row['date'], t) if has_time else None,
                     'direction': direction, 'text': None, 'call_type': row['type'],
                     'duration_seconds': row['dur'] if layout in ('xiaomi_calls', 'oppo_calls', 'vivo_calls') else None})
    return P, recs

# --------------------------------------------------------------------------- plan


def brand_of(layout, variant):
    if layout.startswith('iphone'):
        return 'iphone'
    if layout.startswith('wechat'):
        return 'iphone' if variant % 2 == 1 else 'android_wx'
    return layout.split('_')[0]


def file_name(rng, brand, taken, T, jpeg, used_img):
    ios = brand == 'iphone'
    if jpeg:
        return 'IMG_%04d%02d%02d_%02d%02d%02d.jpg' % (taken.year, taken.month, taken.day, T.hour, T.minute, T.second)
    if ios:
        if rng.random() < 0.5:
            while True:
                n = rng.randint(1000, 9899)
                if n not in used_img:
                    used_img.add(n)
                    return 'IMG_%04d.PNG' % n
        return 'Screenshot %04d-%02d-%02d at %02d.%02d.%02d.png' % (taken.year, taken.month, taken.day, T.hour,
                                                                      T.minute, T.second)
    if rng.random() < 0.5:
        return 'Screenshot_%04d%02d%02d_%02d%02d%02d.png' % (taken.year, taken.month, taken.day, T.hour, T.minute,
                                                             T.second)
    return 'Screenshot_%04d-%02d-%02d-%02d-%02d-%02d.png' % (taken.year, taken.month, taken.day, T.hour, T.minute,
                                                              T.second)


def clock_text(layout, T):
    if layout in ('iphone_sms_en', 'iphone_calls_en'):
        return '%d:%02d' % (T.hour % 12 or 12, T.minute)
    return '%02d:%02d' % (T.hour, T.minute) if not layout.startswith('iphone') else '%d:%02d' % (T.hour, T.minute)


def main():
    rng = random.Random(SEED)
    for f in sorted(glob.glob(os.path.join(HERE, '*'))):
        if f.lower().endswith(('.png', '.jpg', '.jpeg')):
            os.remove(f)
    start = dt.date(2025, 6, 1)
    end = dt.date(2026, 11, 30)
    span = (end - start).days
    # plan slots
    slots = []
    pair_counter = {}
    for layout in LAYOUTS:
        npairs = PAIR_LAYOUTS.count(layout)
        for v in range(N_PER_LAYOUT - npairs):
            slots.append({'layout': layout, 'pair': False})
    for layout in PAIR_LAYOUTS:
        pair_counter[layout] = pair_counter.get(layout, 0) + 1
        slots.append({'layout': layout, 'pair': True, 'tid': '%s_t%d' % (layout, pair_counter[layout])})
    rng.shuffle(slots)
    # january slots
    jan_idx = set(rng.sample(range(len(slots)), 16))
    dark_plan = {}
    for layout in LAYOUTS:
        n = sum(1 for sl in slots if sl['layout'] == layout)
        flags = [i < round(n / 3.0) for i in range(n)]
        rng.shuffle(flags)
        dark_plan[layout] = flags
    used_names = set()
    used_img = set()
    truth_lines = []
    draw_lines = []
    variant_ctr = {}
    n_jpeg = 0
    for si, slot in enumerate(slots):
        layout = slot['layout']
        variant = variant_ctr.get(layout, 0)
        variant_ctr[layout] = variant + 1
        srng = random.Random(rng.randint(0, 10 ** 9))
        if si in jan_idx:
            taken = dt.date(2026, 1, srng.randint(1, 8))
        else:
            taken = start + dt.timedelta(days=srng.randint(0, span))
        T = dt.time(srng.randint(8, 23), srng.randint(0, 59), srng.randint(0, 59))
        if T.hour == 23 and T.minute > 40:
            T = dt.time(23, 30, T.second)
        dark = dark_plan[layout][variant]
        brand = brand_of(layout, variant)
        size = srng.choice(SIZES[brand])
        jpeg = (not slot['pair']) and srng.random() < 0.165
        if jpeg:
            n_jpeg += 1
        shots = []
        if layout in CHAT_LAYOUTS:
            st = chat_style(layout, dark, size[0], srng, variant)
            title, sender = header_title_for_chat(srng, layout)
            sub = None
            if st['header'] in ('left', 'center') and srng.random() < 0.6:
                if title.replace(' ', '').replace('+', '').replace('-', '').isdigit():
                    sub = srng.choice(LOCS) + ' ' + srng.choice(OPS)
                else:
                    dd = r_mobile_digits(srng)
                    sub = fmt_mobile(srng, dd, allow_plus=False)
            retry = 0
            chrome_seed = srng.randint(0, 10 ** 9)
            nicks = srng.sample(GROUP_NICKS, 3)
            while True:
                sessions = make_thread(srng, layout, taken, T, st['own'] is None)
                items = build_chat_items(sessions, st, layout, variant, taken, nicks, srng)
                if layout in ('iphone_sms', 'iphone_sms_en') and items[-1]['type'] == 'bubble' and \
                        items[-1]['dir'] == 'out':
                    items.append({'type': 'delivered', 'label': '已送达' if layout == 'iphone_sms' else 'Delivered'})
                heights = [item_height(st, it) for it in items]
                avail = content_avail(size[0], size[1], st, sub)

                def sender_of(it, _s=sender):
                    if layout == 'wechat_group' and it['dir'] == 'in':
                        return it['nick']
                    return _s
                if not slot['pair']:
                    win = pick_window(items, heights, avail, srng.random() < 0.72)
                    shots.append({'window': win, 'align': 'bottom', 'T': T, 'thread': None})
                else:
                    # earlier screenshot ends at bubble j with a later separator after it
                    bubble_idx = [i for i, it in enumerate(items) if it['type'] == 'bubble']
                    cands = []
                    for j in bubble_idx:
                        later_seps = [k for k in range(j + 1, len(items)) if items[k]['type'] == 'sep']
                        if not later_seps:
                            continue
                        if items[j + 1]['type'] != 'sep' and items[j + 1]['type'] != 'bubble':
                            continue
                        # window of later shot must reach the next separator and one bubble after it
                        k1 = 2 if (items[j - 1]['type'] == 'bubble' and srng.random() < 0.5) else 1
                        s0 = j - k1 + 1
                        nxt = later_seps[0]
                        if sum(heights[s0:nxt + 2]) > avail:
                            continue
                        if sum(heights[s0:]) < 0.9 * avail:
                            continue
                        if j < 3:
                            continue
                        cands.append((j, k1))
                    if not cands:
                        retry += 1
                        if retry > 40:
                            raise RuntimeError('no pair candidate')
                        continue
                    best = None
                    for (j, k1) in cands:
                        for fsep in (True, False):
                            w1 = choose_window(items, heights, avail, j, fsep)
                            f1 = sum(heights[i] for i in w1) / avail
                            s0 = j - k1 + 1
                            tot = 0
                            e = s0
                            while e < len(items) and tot + heights[e] <= avail:
                                tot += heights[e]
                                e += 1
                            w2 = list(range(s0, e))
                            while items[w2[-1]]['type'] in ('sep', 'notice'):
                                w2.pop()
                            f2 = sum(heights[i] for i in w2) / avail
                            score = min(f1, f2) + (0.08 if items[w1[0]]['type'] == 'sep' else 0)
                            if best is None or score > best[0] + 1e-9:
                                best = (score, w1, w2)
                    if best[0] < 0.8:
                        retry += 1
                        if retry <= 40:
                            continue
                    win1, win2 = best[1], best[2]
                    T2 = (dt.datetime.combine(taken, T) + dt.timedelta(minutes=srng.randint(1, 7),
                                                                       seconds=srng.randint(0, 50))).time()
                    if T2 < T:
                        T2 = T
                    shots.append({'window': win1, 'align': 'top', 'T': T, 'thread': slot['tid'], 'top_frac': 0.5})
                    shots.append({'window': win2, 'align': 'top', 'T': T2, 'thread': slot['tid']})
                break
            for shot in shots:
                job = {'chrome_seed': chrome_seed, 'layout': layout, 'size': size, 'style': st,
                       'clock': clock_text(layout, shot['T']),
                       'title': title, 'sub': sub, 'items': items, 'window': shot['window'], 'align': shot['align'],
                       'top_frac': shot.get('top_frac', 0.0), 'variant': variant}
                P = render_chat(job)
                recs = truth_for_window(items, shot['window'], st, sender_of)
                shot['P'] = P
                shot['recs'] = recs
        else:
            st = call_style(layout, dark, size[0], srng, variant)
            rows = make_calls(srng, layout, taken, T)
            job = {'rng': srng, 'layout': layout, 'size': size, 'style': st, 'clock': clock_text(layout, T),
                   'rows': rows, 'taken': taken, 'variant': variant}
            P, recs = render_calls(job)
            shots.append({'P': P, 'recs': recs, 'T': T, 'thread': None})
        prev_name = None
        for shot in shots:
            name = None
            for _ in range(50):
                if prev_name and prev_name.startswith('IMG_') and prev_name.endswith('.PNG'):
                    nn = int(prev_name[4:8]) + 1
                    used_img.add(nn)
                    name = 'IMG_%04d.PNG' % nn
                elif prev_name and prev_name.startswith('Screenshot '):
                    name = 'Screenshot %04d-%02d-%02d at %02d.%02d.%02d.png' % (
                        taken.year, taken.month, taken.day, shot['T'].hour, shot['T'].minute, shot['T'].second)
                elif prev_name and prev_name.startswith('Screenshot_2') and prev_name[19] == '_':
                    name = 'Screenshot_%04d%02d%02d_%02d%02d%02d.png' % (
                        taken.year, taken.month, taken.day, shot['T'].hour, shot['T'].minute, shot['T'].second)
                elif prev_name:
                    name = 'Screenshot_%04d-%02d-%02d-%02d-%02d-%02d.png' % (
                        taken.year, taken.month, taken.day, shot['T'].hour, shot['T'].minute, shot['T'].second)
                else:
                    name = file_name(srng, brand, taken, shot['T'], jpeg, used_img)
                if name not in used_names:
                    break
                shot['T'] = (dt.datetime.combine(taken, shot['T']) + dt.timedelta(seconds=1)).time()
            used_names.add(name)
            prev_name = name
            P = shot['P']
            path = os.path.join(HERE, name)
            q = None
            if jpeg:
                q = srng.randint(70, 92)
                P.im.save(path, 'JPEG', quality=q)
            else:
                P.im.save(path, 'PNG', compress_level=9)
            truth_lines.append({'file': name, 'layout': layout, 'dark': dark, 'taken_on': taken.isoformat(),
                                'thread': shot['thread'], 'records': shot['recs']})
            draw_lines.append({'file': name, 'size': [P.W, P.H], 'layout': layout, 'dark': dark,
                               'format': 'JPEG' if jpeg else 'PNG', 'jpeg_quality': q,
                               'strings': P.strings, 'shapes': P.shapes})
    order = sorted(range(len(truth_lines)), key=lambda i: truth_lines[i]['file'])
    with open(os.path.join(HERE, 'truth.jsonl'), 'w', encoding='utf-8') as f:
        for i in order:
            f.write(json.dumps(truth_lines[i], ensure_ascii=False) + '\n')
    with open(os.path.join(HERE, 'drawlog.jsonl'), 'w', encoding='utf-8') as f:
        for i in order:
            f.write(json.dumps(draw_lines[i], ensure_ascii=False) + '\n')
    nrec = sum(len(t['records']) for t in truth_lines)
    print('images', len(truth_lines), 'records', nrec, 'jpeg', n_jpeg)


if __name__ == '__main__':
    main()

#!/usr/bin/env python3
"""Generator for ocr_set3: synthetic phone screenshots of Chinese debt-collection
SMS threads, WeChat chats and call logs, with exact ground truth.

Everything is drawn with Pillow from scratch; all names, companies, numbers are invented.
Re-running with the same seed reproduces identical files.
Usage: python make_set.py
"""
import datetime as dt
import json
import os
import random
import re

from PIL import Image, ImageDraw, ImageFont

SEED = 20261204
OUT = os.path.dirname(os.path.abspath(__file__))
REG = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'
BLD = '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc'
FACE = 2  # Noto Sans CJK SC
TZ = '+08:00'

_fonts = {}


def F(size, bold=False):
    k = (int(size), bold)
    if k not in _fonts:
        _fonts[k] = ImageFont.truetype(BLD if bold else REG, int(size), index=FACE)
    return _fonts[k]


def tw(s, size, bold=False):
    return F(size, bold).getlength(s)


def hexc(c):
    return '#%02x%02x%02x' % tuple(c[:3])


# ----------------------------------------------------------------- canvas + log
class Canvas:
    def __init__(self, fname, w, h, bg):
        self.fname, self.w, self.h = fname, w, h
        self.img = Image.new('RGB', (w, h), bg)
        self.d = ImageDraw.Draw(self.img)
        self.log = []

    def text(self, xy, s, size, fill, role, bold=False, anchor='ls', **meta):
        f = F(size, bold)
        self.d.text(xy, s, font=f, fill=fill, anchor=anchor)
        box = [int(v) for v in self.d.textbbox(xy, s, font=f, anchor=anchor)]
        e = dict(file=self.fname, type='text', role=role, text=s, box=box, fill=hexc(fill),
                 size=int(size), bold=bold)
        e.update(meta)
        self.log.append(e)
        return box

    def shape(self, kind, box, **meta):
        e = dict(file=self.fname, type='shape', role=kind, box=[int(v) for v in box])
        e.update(meta)
        self.log.append(e)

    def rr(self, box, r, fill, outline=None, width=1):
        self.d.rounded_rectangle([int(v) for v in box], radius=int(r), fill=fill, outline=outline, width=width)


# ----------------------------------------------------------------- wrapping
TOK = re.compile(r'[!-~]+| |.', re.S)
NO_START = set('，。！？、；：）」》】”’,.!?;:)')


def wrap(s, size, maxw, bold=False):
    """Returns list of (line, join_before) where join_before is '' or ' ' (a consumed space)."""
    W = lambda x: tw(x, size, bold)
    lines, brks, cur = [], [], ''
    pend = ''

    def push(line, nextbrk):
        lines.append(line)
        brks.append(nextbrk)

    for tok in TOK.findall(s):
        if tok == ' ':
            assert cur, 'space at line start'
            cur += ' '
            continue
        cand = cur + tok
        if W(cand) <= maxw:
            cur = cand
            continue
        if cur.endswith(' '):
            push(cur.rstrip(' '), ' ')
            cur = ''
        elif cur and len(tok) == 1 and tok in NO_START and len(cur) > 1 and not cur[-1].isascii():
            push(cur[:-1], '')
            cur = cur[-1]
        elif cur and (len(tok) == 1 or W(tok) <= maxw):
            push(cur, '')
            cur = ''
        cand = cur + tok
        while W(cand) > maxw:
            k = len(cand)
            while k > 1 and W(cand[:k]) > maxw:
                k -= 1
            push(cand[:k], '')
            cand = cand[k:]
        cur = cand
    lines.append(cur)
    out = [(lines[0], '')]
    for i in range(1, len(lines)):
        out.append((lines[i], brks[i - 1]))
    assert ''.join(b + l for l, b in out) == s, (s, out)
    for i in range(1, len(out)):
        if out[i][1] == ' ':  # a wrap at a space only ever between two ASCII words
            assert out[i - 1][0][-1:].isascii() and out[i][0][:1].isascii(), (s, out)
    return out


# ----------------------------------------------------------------- time labels
WD_ZH = '一二三四五六日'
WD_EN = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
WD_EN3 = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']
MON_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']


def t24(t, pad=True):
    return ('%02d:%02d' if pad else '%d:%02d') % (t.hour, t.minute)


def t12zh(t, periods):
    h = t.hour
    if periods == 'full':
        p = '凌晨' if h < 6 else '早上' if h < 9 else '上午' if h < 12 else '中午' if h < 13 else '下午' if h < 18 else '晚上'
    else:
        p = '上午' if h < 12 else '下午'
    h12 = h % 12 or 12
    return '%s%d:%02d' % (p, h12, t.minute)


def t12en(t):
    h12 = t.hour % 12 or 12
    return '%d:%02d %s' % (h12, t.minute, 'AM' if t.hour < 12 else 'PM')


def day_part(d, taken, st):
    """st: dict(lang, today('bare'|'word'), wd('星期'|'周'|None), year_fmt)"""
    delta = (taken.date() - d.date()).days
    assert delta >= 0
    en = st.get('lang') == 'en'
    if delta == 0:
        return None if st.get('today', 'bare') == 'bare' else ('Today' if en else '今天')
    if delta == 1:
        return 'Yesterday' if en else '昨天'
    if delta <= 6 and st.get('wd'):
        if en:
            return WD_EN[d.weekday()]
        return st['wd'] + WD_ZH[d.weekday()]
    if d.year == taken.year and not st.get('always_year'):
        if en:
            return '%s, %s %d' % (WD_EN3[d.weekday()], MON_EN[d.month - 1], d.day)
        return '%d月%d日' % (d.month, d.day)
    if en:
        return '%s %d, %d' % (MON_EN[d.month - 1], d.day, d.year)
    return '%d年%d月%d日' % (d.year, d.month, d.day)


def time_part(d, st):
    c = st.get('clock', '24')
    if c == '24':
        return t24(d, st.get('pad', True))
    if c == 'en':
        return t12en(d)
    return t12zh(d, c)


def fmt_label(d, taken, st, with_time=True, with_day=True):
    dp = day_part(d, taken, st) if with_day else None
    if not with_time:
        return dp if dp else ('Today' if st.get('lang') == 'en' else '今天')
    tp = time_part(d, st)
    if not dp:
        return tp
    if st.get('lang') == 'en' and ',' in dp:
        return '%s at %s' % (dp, tp)
    return '%s %s' % (dp, tp)


def iso(d):
    return d.strftime('%Y-%m-%dT%H:%M:00') + TZ


# ----------------------------------------------------------------- content
NAMES = ['王建军', '刘芳', '陈志强', '赵丽娜', '孙浩', '周敏', '吴磊', '郑秀英', '黄晓明', '林静', '何文博', '罗佳怡']
EN_NAMES = {'王建军': 'Wang Jianjun', '刘芳': 'Liu Fang', '陈志强': 'Chen Zhiqiang', '赵丽娜': 'Zhao Lina',
            '孙浩': 'Sun Hao', '周敏': 'Zhou Min', '吴磊': 'Wu Lei', '郑秀英': 'Zheng Xiuying', '黄晓明': 'Huang Xiaoming',
            '林静': 'Lin Jing', '何文博': 'He Wenbo', '罗佳怡': 'Luo Jiayi'}
COS = ['速借宝', '融易贷', '恒信资产', '金满仓', '快易花', '安信达', '鼎盛法务', '众诚资产', '极速钱包', '优享分期', '瑞丰普惠', '汇通速贷']
EN_COS = ['QuickCash', 'EasyLoan', 'Hengxin Asset', 'GoldBarn Credit', 'FastFlow']
RELS = ['父亲', '母亲', '妻子', '老公', '哥哥', '同事', '公司领导', '大学同学', '房东']
EMPS = ['星河智能科技有限公司', '蓝湾物流有限公司', '南屿市第三建筑工程公司', '青禾餐饮管理有限公司', '云帆网络科技有限公司']
COURTS = ['南屿市人民法院', '云川市中级人民法院', '东洲区人民法院', '青岚县人民法院']
PAYEES = ['张丽', '李国强', '陈海', '刘晓燕']
DOMAINS = ['t.cn', 'jmc.vip', 'hxzc.cn', 'dwz.cm', 'sjb-app.com', 'ryd.top']


def rs(rng, n, alpha='ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789'):
    return ''.join(rng.choice(alpha) for _ in range(n))


def mk_vars(rng, name, co, taken):
    amt = rng.choice([
        '¥%s' % format(round(rng.uniform(800, 48000), 2), ',.2f'),
        '%.2f元' % rng.uniform(500, 30000),
        '%d元' % rng.randrange(1000, 60000, 100),
        '人民币%d元' % rng.randrange(2000, 90000, 10)])
    due = taken + dt.timedelta(days=rng.randint(1, 6))
    return dict(
        name=name, co=co, amt=amt,
        amts='%d元' % rng.randrange(500, 5000, 100),
        days=rng.randint(3, 160),
        case='%s%d%s' % (rng.choice(['HX', 'RY', 'ZC', 'JS', 'AX']), taken.year, ''.join(rng.choice('0123456789') for _ in range(9))),
        courtcase='（%d）%s%d民初%d号' % (taken.year, rng.choice(['云', '南', '东', '青']), rng.randint(101, 9999), rng.randint(1000, 39999)),
        url=('%s://%s/%s' % (rng.choice(['http', 'https']), rng.choice(DOMAINS), rs(rng, rng.randint(5, 9)))) if rng.random() < 0.65 else
            ('https://%s/h5/repay/index.html?cid=%s&t=%s' % (rng.choice(DOMAINS), rs(rng, 10, '0123456789'), rs(rng, 6))),
        tel=rng.choice(['400-%d-%04d' % (rng.randint(600, 899), rng.randint(0, 9999)),
                        '0%d-%08d' % (rng.choice([571, 755, 592, 731, 28, 21]), rng.randint(20000000, 89999999)),
                        '1%d%09d' % (rng.choice([3, 5, 7, 8]), rng.randint(0, 999999999))]),
        mday='%d月%d日' % (due.month, due.day),
        rel=rng.choice(RELS), emp=rng.choice(EMPS), court=rng.choice(COURTS),
        idm='%d**********%04d' % (rng.choice([3301, 4403, 3502, 4301, 5101]), rng.randint(0, 9999)) if rng.random() < 0.9 else '%dX' % rng.randint(10000, 99999),
        payee=rng.choice(PAYEES),
        acct='6222%04d%04d%04d%03d' % (rng.randint(0, 9999), rng.randint(0, 9999), rng.randint(0, 9999), rng.randint(0, 999)),
        nameE=EN_NAMES[name], coE=rng.choice(EN_COS),
        amtE='CNY %s' % format(rng.randrange(1000, 50000, 50), ','),
    )


SMS_OFFICIAL = [
    '【{co}】尊敬的{name}，您在我司的借款已逾期{days}天，应还金额{amt}，请于今日18:00前还款，以免影响您的个人征信。退订回T',
    '【{co}】{name}您好，您的账单已逾期，案件编号{case}，请尽快登录APP或点击{url}处理。客服电话{tel}',
    '【{co}】提醒：您的借款将于{mday}到期，应还{amt}，请确保还款账户余额充足。如已还款请忽略。',
    '【{co}法务部】{name}，您的欠款案件已移交我部处理，案件编号{case}。若48小时内仍未处理，我司将依法提起诉讼，由此产生的一切费用由您承担。',
    '【{co}】您好，您的逾期欠款{amt}已进入委外催收阶段，请于{mday}前联系{tel}协商还款方案。',
    '【{co}】{name}，系统已将您标记为恶意拖欠用户，我们将于明日上午对您的户籍所在地进行上门核实，请保持电话畅通。',
    '【{co}】尊敬的客户，您的借款已逾期{days}天，我们理解您可能遇到了困难，可申请分期协商，详情请致电{tel}。',
    '【{court}】{name}：你因借款合同纠纷被起诉一案，本院已受理，案号{courtcase}。请于收到短信后3日内到{url}查看传票并签收，逾期视为放弃答辩。',
    '【{co}】通知：您的欠款将于今日报送失信被执行人名单，届时将限制乘坐高铁飞机，子女上学也会受影响。详询{tel}',
    '【{co}】{name}，您的还款承诺已到期未履行，本次通话已录音存档。请于{mday}前还款{amt}，还款链接{url}',
]
SMS_PERSONAL = [
    '{name}，你欠的{amt}到底什么时候还？今天不给答复，明天就打给你{rel}。',
    '你通讯录里的人我们已经全部导出了，包括你{rel}，再不还钱就一个一个打电话通知。',
    '老赖{name}，借钱不还还玩失踪，你还要不要脸？',
    '最后通知：今天下午5点前还清{amt}，否则我们会把你的欠款信息发到你们公司群里，让你同事都看看。',
    '{name}，我是{co}的陈律师，你的案件已经提交{court}，立案号{courtcase}，请你在三日内主动联系处理：{tel}',
    '律师函：{name}先生/女士，受{co}委托，现就你拖欠借款{amt}一事正式函告，请于{mday}前清偿全部欠款，否则本所将代理委托人提起诉讼并申请强制执行。',
    '你单位是{emp}对吧？明天我们的人就过去找你领导聊聊。',
    '你以为换个号码就找不到你了？你老家的地址我们都有。',
    '曝光通知：{name}，身份证号{idm}，拖欠{co}借款{amt}拒不归还，现已制作曝光海报，24小时后发布到你的朋友圈和小区业主群。',
    '给你脸不要脸，欠钱还这么嚣张，等着吧。',
    '已经联系过你{rel}了，他说不管你的事。你自己看着办。',
    '今天再不处理，我们就按流程把材料发给当地派出所和你户籍地村委会。',
    '还款账户：{acct}，户名：{payee}，今天之内转{amt}，转完截图发我。',
    '{name}，接电话！别逼我们用其他方式。',
    '我们会在你小区门口贴你的照片，你好好想想。',
    '你是不是觉得不接电话就没事了？我们的人现在就在你公司楼下。',
    '在吗？看到回个电话{tel}',
    '你{rel}的电话我们已经打过了，下一个就是你们领导。',
]
SMS_EN_IN = [
    'Final notice: your loan of {amtE} is {days} days overdue. Repay today via {url} or we will contact your emergency contacts.',
    '{nameE}, this is {coE} Collections. Call us back at {tel} before 6 PM today.',
    'Your account {case} has been transferred to our legal team. Ignoring this message will have serious consequences.',
]
OUT_ZH = [
    '我这个月工资还没发，下周一一定还。',
    '请不要再给我家人打电话，他们跟这笔借款没有关系。',
    '我已经还了{amts}了，剩下的能不能分期？',
    '你们的利息明显超过法律规定了，我会去投诉。',
    '好的，我今天下午去处理。',
    '请发一下还款账号。',
    '再骚扰我同事我就报警了。',
    '我没有收到任何法院的传票，请提供正式文书。',
    '能不能减免一部分罚息？本金我可以先还。',
    '收到',
    '我已经录音了，你们说的话我都会提交给监管部门。',
    '这个号码是我的，但我现在真的没钱，给我两周时间。',
    '你们是哪个公司的？请报上工号。',
    '明天中午12点前转给你们。',
    '你们这样做是违法的。',
    '好',
]
OUT_EN = [
    'I will pay next Monday, please stop calling my family.',
    'Who is this? Please send me the official contract.',
    'I have already paid 2,000 yuan. Please check.',
    'Stop harassing my colleagues or I will report you to the police.',
    'OK',
    'Can I pay in installments? I lost my job last month.',
]
WX_IN = [
    '在吗？', '看到消息回一下', '你今天到底还不还？', '给你打了八个电话都不接，什么意思？',
    '{name}，你的逾期金额是{amt}，今天必须处理。',
    '我是{co}的催收专员，工号{days}07，你的案件在我这里。',
    '不还钱的话，你朋友圈里的人都会知道。',
    '你{rel}的微信我已经加上了，你要是不想让他知道就赶紧处理。',
    '还款链接：{url}，点进去输入身份证号就能看到账单。',
    '今天晚上8点前不转账，明天一早就去你单位。',
]
WX_GROUP_COLL = [
    '大家好，这是{name}的欠款通知群，{name}欠{co}借款{amt}至今未还，请各位亲友转告。',
    '@{name} 出来说话，躲是没用的。',
    '各位都是{name}的通讯录联系人，如果知道他的新联系方式请私聊我。',
    '【曝光】{name}，身份证号{idm}，欠款{amt}拒不归还，谁能联系上请转告他。',
    '群里的各位，{name}当初借款时填的紧急联系人就是你们。',
    '今天{name}再不出面，我们就把他的照片发到他单位。',
]
WX_GROUP_OTHER = [
    '你们是谁？为什么把我拉进来？', '他欠多少钱？', '我跟他不熟，别@我', '已报警，你们等着。',
    '这是诈骗吧', '{name}你快处理一下吧，大家都很烦', '[捂脸]',
]
WX_GROUP_OUT = [
    '请你们不要在群里发我的个人信息，我会还的。',
    '各位不好意思，这件事跟大家没关系，请直接退群。',
    '我已经在跟平台协商了，请你们立刻解散这个群。',
]
RECALL = ['“{nick}”撤回了一条消息', '你撤回了一条消息']


def fill(rng, tpl, v):
    return tpl.format(**v)


# ----------------------------------------------------------------- numbers
def rand_mobile(rng):
    return '1' + rng.choice(['38', '39', '58', '59', '77', '86', '87', '52', '36', '50', '71', '83']) + '%08d' % rng.randint(0, 99999999)


def show_mobile(rng, num, style=None):
    style = style or rng.choice(['plus', 'space', 'raw'])
    if style == 'plus':
        return '+86 %s %s %s' % (num[:3], num[3:7], num[7:])
    if style == 'space':
        return '%s %s %s' % (num[:3], num[3:7], num[7:])
    return num


def rand_landline(rng):
    area = rng.choice(['0571', '0755', '0592', '0731', '021', '028', '010'])
    loc = '%08d' % rng.randint(20000000, 89999999)
    return area + loc, '%s-%s %s' % (area, loc[:4], loc[4:])


def rand_short(rng):
    n = '1069' + ''.join(rng.choice('0123456789') for _ in range(rng.choice([8, 9, 10])))
    return n, n if rng.random() < 0.7 else ' '.join(n[i:i + 4] for i in range(0, len(n), 4))


def digits_of(shown):
    s = shown.strip()
    d = re.sub(r'\D', '', s)
    if s.startswith('+86'):
        d = d[2:]
    return d


CONTACT_NAMES = ['融易贷催收', '张律师', '陈经理(催收)', '速借宝客服', '恒信-李专员', '催收 王', '金满仓法务', '未知催收3']
LOCS = ['浙江杭州 移动', '广东深圳 联通', '福建厦门 电信', '湖南长沙 移动', '四川成都', '上海', '北京 联通', '江苏苏州 移动']


# ----------------------------------------------------------------- status bar icons
def draw_signal(c, x, y, hgt, col, bars=4, lvl=3):
    bw = hgt * 0.18
    for i in range(bars):
        bh = hgt * (0.35 + 0.65 * (i + 1) / bars)
        x0 = x + i * bw * 1.5
        cc = col if i < lvl else tuple(int(v * 0.5 + 128 * 0.5) for v in col)
        c.d.rounded_rectangle([x0, y + hgt - bh, x0 + bw, y + hgt], radius=2, fill=cc)
    return x + bars * bw * 1.5


def draw_wifi(c, x, y, hgt, col, bg):
    cx, cy = x + hgt * 0.75, y + hgt
    for k, r in enumerate([hgt, hgt * 0.68, hgt * 0.36]):
        c.d.pieslice([cx - r, cy - r, cx + r, cy + r], 225, 315, fill=col if k % 2 == 0 else bg)
    r = hgt * 0.36
    c.d.pieslice([cx - r, cy - r, cx + r, cy + r], 225, 315, fill=col)
    return x + hgt * 1.5


def draw_batt(c, x, y, hgt, col, lvl, bg):
    w = hgt * 1.9
    c.d.rounded_rectangle([x, y, x + w, y + hgt], radius=hgt * 0.25, outline=col, width=max(2, int(hgt * 0.09)))
    c.d.rectangle([x + w + 1, y + hgt * 0.3, x + w + hgt * 0.12, y + hgt * 0.7], fill=col)
    ins = hgt * 0.18
    fw = (w - 2 * ins) * lvl / 100
    fc = (52, 199, 89) if lvl > 20 else (255, 59, 48)
    c.d.rounded_rectangle([x + ins, y + ins, x + ins + max(fw, 3), y + hgt - ins], radius=hgt * 0.12, fill=col if lvl > 20 else fc)
    return x + w + hgt * 0.15


def status_bar(c, kind, clock, dark, rng):
    rng = random.Random(c.sb_seed) if getattr(c, 'sb_seed', None) is not None else rng
    fg = (255, 255, 255) if dark else (20, 20, 20)
    bg = c.img.getpixel((5, 5))
    lvl = rng.randint(8, 100)
    if kind == 'ios':
        H = 141
        c.text((150, 90), clock, 48, fg, 'status', bold=True, anchor='ms')
        x = c.w - 290
        x = draw_signal(c, x, 60, 34, fg)
        x = draw_wifi(c, x + 16, 60, 34, fg, bg)
        draw_batt(c, x + 18, 60, 34, fg, lvl, bg)
        return H
    H = 110
    sz = 36
    if kind == 'huawei':
        c.text((50, 72), rng.choice(['中国移动', '中国联通', '中国电信']), 30, fg, 'status')
        x = 200
        x = draw_signal(c, x, 44, 30, fg)
        c.text((x + 6, 72), rng.choice(['5G', '4G', 'HD']), 24, fg, 'status', bold=True)
        x = draw_wifi(c, x + 50, 44, 30, fg, bg)
        # right side battery pct + clock
        cw = tw(clock, sz)
        c.text((c.w - 50, 74), clock, sz, fg, 'status', anchor='rs')
        bx = c.w - 50 - cw - 20 - 57
        draw_batt(c, bx, 46, 30, fg, lvl, bg)
        c.text((bx - 12, 74), '%d%%' % lvl, 28, fg, 'status', anchor='rs')
        return H
    c.text((60, 74), clock, sz, fg, 'status', bold=kind in ('xiaomi',))
    x = c.w - 330
    c.text((x - 10, 72), rng.choice(['5G', '4G', '']) or 'HD', 24, fg, 'status', bold=True, anchor='rs')
    x = draw_signal(c, x, 44, 30, fg)
    x = draw_wifi(c, x + 14, 44, 30, fg, bg)
    if kind == 'vivo':
        c.text((x + 14, 74), '%d' % lvl, 28, fg, 'status')
        draw_batt(c, x + 60, 46, 30, fg, lvl, bg)
    else:
        draw_batt(c, x + 14, 46, 30, fg, lvl, bg)
        c.text((x + 90, 74), '%d%%' % lvl, 28, fg, 'status')
    return H


def back_arrow(c, x, y, s, col, w=5):
    c.d.line([(x + s * 0.5, y - s * 0.5), (x, y), (x + s * 0.5, y + s * 0.5)], fill=col, width=w, joint='curve')


def dots(c, x, y, r, col, vertical=False):
    for i in range(3):
        cx, cy = (x, y + i * r * 3.2) if vertical else (x + i * r * 3.2, y)
        c.d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=col)


def phone_icon(c, x, y, s, col):
    # simple handset: two blobs joined by an arc
    c.d.arc([x, y, x + s, y + s], 100, 260, fill=col, width=int(s * 0.22))
    c.d.ellipse([x + s * 0.30, y - s * 0.05, x + s * 0.60, y + s * 0.22], fill=col)
    c.d.ellipse([x + s * 0.30, y + s * 0.78, x + s * 0.60, y + s * 1.05], fill=col)


def gesture_bar(c, dark, ios=False):
    col = (230, 230, 230) if dark else (30, 30, 30)
    if ios:
        c.rr([c.w / 2 - 210, c.h - 30, c.w / 2 + 210, c.h - 16], 7, col)
    else:
        c.rr([c.w / 2 - 150, c.h - 26, c.w / 2 + 150, c.h - 16], 5, col)


# ----------------------------------------------------------------- chat layouts
PAL = {
    'huawei_sms': dict(bg=((241, 243, 245), (0, 0, 0)), inb=((255, 255, 255), (38, 38, 40)), outb=((0, 125, 255), (0, 98, 210)),
                       intx=((25, 25, 25), (228, 228, 228)), outtx=((255, 255, 255), (255, 255, 255)), sep=((140, 140, 140), (130, 130, 130))),
    'xiaomi_sms': dict(bg=((255, 255, 255), (0, 0, 0)), inb=((242, 242, 242), (34, 34, 34)), outb=((13, 132, 255), (13, 112, 230)),
                       intx=((0, 0, 0), (230, 230, 230)), outtx=((255, 255, 255), (255, 255, 255)), sep=((153, 153, 153), (120, 120, 120))),
    'oppo_sms': dict(bg=((250, 250, 250), (18, 18, 18)), inb=((238, 239, 243), (44, 44, 46)), outb=((46, 190, 120), (30, 150, 95)),
                     intx=((20, 20, 20), (235, 235, 235)), outtx=((255, 255, 255), (255, 255, 255)), sep=((150, 150, 150), (125, 125, 125))),
    'vivo_sms': dict(bg=((245, 246, 248), (12, 12, 14)), inb=((255, 255, 255), (40, 40, 44)), outb=((69, 111, 255), (55, 92, 220)),
                     intx=((30, 30, 30), (225, 225, 225)), outtx=((255, 255, 255), (255, 255, 255)), sep=((145, 145, 150), (120, 120, 125))),
    'iphone_sms': dict(bg=((255, 255, 255), (0, 0, 0)), inb=((233, 233, 235), (38, 37, 42)), outb=((52, 199, 89), (48, 180, 80)),
                       intx=((0, 0, 0), (255, 255, 255)), outtx=((255, 255, 255), (255, 255, 255)), sep=((138, 138, 142), (142, 142, 147))),
    'wechat': dict(bg=((237, 237, 237), (17, 17, 17)), inb=((255, 255, 255), (44, 44, 44)), outb=((149, 236, 105), (62, 181, 117)),
                   intx=((25, 25, 25), (213, 213, 213)), outtx=((25, 25, 25), (20, 20, 20)), sep=((160, 160, 160), (110, 110, 110))),
}
PAL['iphone_sms_en'] = PAL['iphone_sms']
PAL['wechat_private'] = PAL['wechat']
PAL['wechat_group'] = PAL['wechat']


def P(layout, key, dark):
    return PAL[layout][key][1 if dark else 0]


def layout_params(layout, rng, W):
    """Fonts, margins and label style for one screen."""
    p = {}
    if layout.startswith('iphone'):
        fs = rng.choice([44, 48, 51, 51, 54, 60])
        p.update(fs=fs, sep_fs=int(fs * 0.66), margin=40, maxw=int(W * 0.70), padx=int(fs * 0.62), pady=int(fs * 0.36),
                 rad=int(fs * 0.9), gap=int(fs * 0.18), gap_dir=int(fs * 0.55))
        en = layout.endswith('_en')
        p['label'] = dict(lang='en' if en else 'zh', today='word' if rng.random() < 0.8 else 'bare', wd='星期', clock='en' if en else 'ios')
        p['sep_split'] = True  # day part bold, time part regular
    elif layout.startswith('wechat'):
        fs = rng.choice([42, 46, 50, 50, 56, 62])
        p.update(fs=fs, sep_fs=int(fs * 0.68), margin=30, maxw=int(W * 0.66), padx=int(fs * 0.6), pady=int(fs * 0.46),
                 rad=10, gap=int(fs * 0.75), gap_dir=int(fs * 0.75), avatar=int(fs * 2.1))
        clock = rng.choice(['24', '24', 'full'])
        p['label'] = dict(lang='zh', today='bare', wd='星期', clock=clock)
    else:
        fs = rng.choice([38, 42, 46, 46, 50, 56, 62])
        p.update(fs=fs, sep_fs=int(fs * 0.7), margin=42, maxw=int(W * 0.72), padx=int(fs * 0.62), pady=int(fs * 0.5),
                 rad=int(fs * 0.8), gap=int(fs * 0.5), gap_dir=int(fs * 0.7))
        if layout == 'huawei_sms':
            p['label'] = dict(lang='zh', today='word', wd='星期', clock='24')
            p['btime'] = True
            p['sep_dayonly'] = True
        elif layout == 'xiaomi_sms':
            p['label'] = dict(lang='zh', today=rng.choice(['bare', 'word']), wd=rng.choice(['星期', '周']),
                              clock=rng.choice(['24', 'ampm', 'full']))
        elif layout == 'oppo_sms':
            p['label'] = dict(lang='zh', today='bare', wd=rng.choice([None, '星期']), clock='24', always_year=rng.random() < 0.4)
        elif layout == 'vivo_sms':
            p['label'] = dict(lang='zh', today=rng.choice(['bare', 'word']), wd='周', clock='24', pad=rng.random() < 0.5)
            p['btime'] = True
    p['btime_fs'] = int(p['fs'] * 0.58)
    return p


def build_items(msgs, layout, gap_min=5):
    """msgs sorted ascending. Insert separators. Returns item list."""
    items = []
    prev = None
    dayonly = layout == 'huawei_sms'
    for m in msgs:
        if prev is None:
            need = True
        elif dayonly:
            need = m['dt'].date() != prev['dt'].date()
        else:
            need = (m['dt'] - prev['dt']) > dt.timedelta(minutes=gap_min) or m['dt'].date() != prev['dt'].date()
        if need:
            items.append(dict(t='sep', dt=m['dt']))
        items.append(dict(t='msg', **m))
        prev = m
    return items


class ChatScreen:
    def __init__(self, layout, fname, W, H, dark, taken, title, sender, p, rng, extras=None):
        self.layout, self.fname, self.W, self.H, self.dark = layout, fname, W, H, dark
        self.taken, self.title, self.sender, self.p, self.rng = taken, title, sender, p, rng
        self.extras = extras or {}
        self.group = layout == 'wechat_group'
        self.c = Canvas(fname, W, H, P(layout, 'bg', dark))
        self.c.sb_seed = self.extras.get('sb_seed')

    # --- measurement
    def sep_text(self, it):
        p = self.p
        if p.get('sep_dayonly'):
            return fmt_label(it['dt'], self.taken, p['label'], with_time=False)
        return fmt_label(it['dt'], self.taken, p['label'])

    def msg_geom(self, it):
        p = self.p
        lines = wrap(it['text'], p['fs'], p['maxw'] - 2 * p['padx'])
        lh = int(p['fs'] * 1.42)
        bh = (len(lines) - 1) * lh + int(p['fs'] * 1.13) + 2 * p['pady']
        bw = max(tw(l, p['fs']) for l, _ in lines) + 2 * p['padx']
        bw = max(bw, p['fs'] * 1.6)
        extra_top = int(p['fs'] * 0.95) if (self.group and it['dir'] == 'in') else 0
        extra_bot = int(p['btime_fs'] * 1.5) if p.get('btime') else 0
        if self.layout.startswith('wechat'):
            bh = max(bh, p['avatar'])
        return lines, lh, bh, bw, extra_top, extra_bot

    def height(self, it, prev):
        p = self.p
        if it['t'] == 'sep':
            return int(p['sep_fs'] * 2.6)
        if it['t'] in ('label', 'recall', 'delivered'):
            return int(p['sep_fs'] * (1.3 if it['t'] == 'delivered' else 2.2))
        lines, lh, bh, bw, et, eb = self.msg_geom(it)
        g = p['gap']
        if prev is not None and prev['t'] == 'msg' and prev['dir'] != it['dir']:
            g = p['gap_dir']
        if prev is None or prev['t'] != 'msg':
            g = int(p['gap'] * 0.5)
        return g + et + bh + eb

    # --- chrome
    def chrome(self):
        c, L, d = self.c, self.layout, self.dark
        fg = (240, 240, 240) if d else (20, 20, 20)
        sub = (150, 150, 150)
        kind = 'ios' if L.startswith('iphone') else L.split('_')[0]
        if kind == 'wechat':
            kind = self.extras.get('os', 'xiaomi')
        clock = self.extras['clock']
        W = self.W
        if L.startswith('iphone'):
            hh = 250
            bgc = (245, 245, 247) if not d else (22, 22, 24)
            c.d.rectangle([0, 0, W, 141 + hh], fill=bgc)
        sb = status_bar(c, kind, clock, d, self.rng)
        if L.startswith('iphone'):
            blue = (10, 132, 255)
            back_arrow(c, 40, sb + 75, 46, blue, 7)
            unread = self.extras.get('unread')
            if unread:
                c.rr([80, sb + 48, 80 + 40 + 22 * len(unread), sb + 102], 27, blue)
                c.text((80 + (40 + 22 * len(unread)) / 2, sb + 88), unread, 36, (255, 255, 255), 'badge', anchor='ms')
            r = 62
            cx = W / 2
            c.d.ellipse([cx - r, sb + 10, cx + r, sb + 10 + 2 * r], fill=(160, 164, 175))
            c.d.ellipse([cx - 24, sb + 34, cx + 24, sb + 82], fill=(235, 235, 240))
            c.d.pieslice([cx - 44, sb + 90, cx + 44, sb + 170], 180, 360, fill=(235, 235, 240))
            tfs = 36
            tb = c.text((cx, sb + 185), self.title, tfs, fg, 'header_title', anchor='ms')
            c.d.line([(tb[2] + 10, sb + 163), (tb[2] + 20, sb + 173), (tb[2] + 10, sb + 183)], fill=sub, width=4)
            c.d.line([(0, sb + hh), (W, sb + hh)], fill=(200, 200, 200) if not d else (50, 50, 50), width=2)
            top = sb + hh
            # input
            ib = 150
            y = self.H - ib
            c.d.ellipse([36, y + 30, 106, y + 100], fill=(200, 200, 205) if not d else (60, 60, 66))
            c.d.line([(71, y + 48), (71, y + 82)], fill=(255, 255, 255), width=6)
            c.d.line([(54, y + 65), (88, y + 65)], fill=(255, 255, 255), width=6)
            c.rr([130, y + 25, W - 36, y + 105], 40, None, outline=(200, 200, 205) if not d else (70, 70, 75), width=3)
            c.text((165, y + 80), 'Text Message' if L.endswith('_en') else '短信', 40, (180, 180, 185), 'placeholder')
            gesture_bar(c, d, ios=True)
            return top + 20, self.H - ib - 20
        if L.startswith('wechat'):
            hh = 140
            bgc = P(L, 'bg', d)
            back_arrow(c, 45, sb + hh / 2, 46, fg, 6)
            c.text((W / 2, sb + hh / 2 + 18), self.title, 50, fg, 'header_title', bold=True, anchor='ms')
            dots(c, W - 95, sb + hh / 2, 7, fg)
            c.d.line([(0, sb + hh), (W, sb + hh)], fill=(215, 215, 215) if not d else (40, 40, 40), width=2)
            ib = 170
            y = self.H - ib
            c.d.rectangle([0, y, W, self.H], fill=(246, 246, 246) if not d else (30, 30, 30))
            icol = (40, 40, 40) if not d else (200, 200, 200)
            c.d.ellipse([30, y + 30, 100, y + 100], outline=icol, width=4)
            c.d.arc([50, y + 45, 80, y + 85], 300, 60, fill=icol, width=4)
            c.rr([125, y + 22, W - 230, y + 108], 12, (255, 255, 255) if not d else (55, 55, 55))
            c.d.ellipse([W - 205, y + 30, W - 135, y + 100], outline=icol, width=4)
            c.d.ellipse([W - 185, y + 50, W - 176, y + 59], fill=icol)
            c.d.ellipse([W - 164, y + 50, W - 155, y + 59], fill=icol)
            c.d.arc([W - 188, y + 52, W - 152, y + 86], 20, 160, fill=icol, width=4)
            c.d.ellipse([W - 110, y + 30, W - 40, y + 100], outline=icol, width=4)
            c.d.line([(W - 75, y + 47), (W - 75, y + 83)], fill=icol, width=4)
            c.d.line([(W - 93, y + 65), (W - 57, y + 65)], fill=icol, width=4)
            gesture_bar(c, d)
            return sb + hh + 20, y - 20
        # Android SMS headers
        hh = {'huawei_sms': 170, 'xiaomi_sms': 190, 'oppo_sms': 180, 'vivo_sms': 170}[L]
        back_arrow(c, 50, sb + 70, 44, fg, 6)
        sub_s = self.extras.get('subtitle')
        if L in ('huawei_sms', 'vivo_sms'):
            c.text((130, sb + 88), self.title, 52 if L == 'huawei_sms' else 50, fg, 'header_title', bold=L == 'vivo_sms')
            if sub_s:
                c.text((130, sb + 140), sub_s, 30, sub, 'header_sub')
            phone_icon(c, W - 220, sb + 48, 48, fg)
            dots(c, W - 75, sb + 48, 6, fg, vertical=True)
        elif L == 'xiaomi_sms':
            c.text((W / 2, sb + 90), self.title, 50, fg, 'header_title', bold=True, anchor='ms')
            if sub_s:
                c.text((W / 2, sb + 145), sub_s, 30, sub, 'header_sub', anchor='ms')
            dots(c, W - 75, sb + 48, 6, fg, vertical=True)
        else:  # oppo
            c.text((W / 2, sb + 90), self.title, 48, fg, 'header_title', anchor='ms')
            if sub_s:
                c.text((W / 2, sb + 142), sub_s, 30, sub, 'header_sub', anchor='ms')
            phone_icon(c, W - 230, sb + 45, 48, fg)
            dots(c, W - 80, sb + 70, 6, fg)
        top = sb + hh
        ib = 160
        y = self.H - ib
        fieldc = (240, 240, 242) if not d else (36, 36, 38)
        if L == 'huawei_sms':
            c.d.ellipse([30, y + 35, 100, y + 105], outline=fg, width=4)
            c.d.line([(65, y + 52), (65, y + 88)], fill=fg, width=4)
            c.d.line([(47, y + 70), (83, y + 70)], fill=fg, width=4)
            c.rr([120, y + 25, W - 140, y + 115], 45, fieldc)
            c.text((160, y + 84), '短信', 38, (160, 160, 160), 'placeholder')
        elif L == 'xiaomi_sms':
            c.rr([40, y + 25, W - 150, y + 115], 20, fieldc)
            c.text((80, y + 84), '输入短信内容', 38, (160, 160, 160), 'placeholder')
        elif L == 'oppo_sms':
            c.rr([40, y + 25, W - 150, y + 115], 45, fieldc)
            c.text((80, y + 84), '发送短信', 38, (160, 160, 160), 'placeholder')
        else:
            c.rr([40, y + 25, W - 150, y + 115], 45, fieldc)
            c.text((80, y + 84), '短信', 38, (160, 160, 160), 'placeholder')
        sc = P(L, 'outb', d)
        c.d.polygon([(W - 110, y + 45), (W - 45, y + 70), (W - 110, y + 95), (W - 98, y + 70)], fill=sc)
        gesture_bar(c, d)
        return top + 20, y - 20

    # --- render
    def render(self, items, anchor='bottom', require_sep=True):
        """Choose visible items (suffix if bottom-anchored, prefix if top), draw, return records."""
        top, bot = self.chrome()
        avail = bot - top
        n = len(items)
        if anchor == 'bottom':
            while True:
                vis = []
                tot = 0
                for i in range(n - 1, -1, -1):
                    h = self.height(items[i], None if i == 0 else items[i - 1])
                    if tot + h > avail:
                        break
                    tot += h
                    vis.insert(0, items[i])
                if not require_sep or vis[0]['t'] in ('sep', 'label'):
                    break
                # the screen starts mid-group: show the thread from its first visible message on,
                # with the separator the app shows above it
                first = next(it for it in vis if it['t'] == 'msg')
                j = items.index(first)
                cand = [dict(t='sep', dt=first['dt'])] + items[j:]
                if j > 0 and items[j - 1]['t'] == 'sep':
                    # the separator exists but did not fit above it: start at the next message instead
                    j = next(k for k in range(j + 1, len(items)) if items[k]['t'] == 'msg')
                    cand = [dict(t='sep', dt=items[j]['dt'])] + items[j:]
                items = cand
                n = len(items)
        else:
            vis, tot = [], 0
            for i in range(n):
                h = self.height(items[i], items[i - 1] if vis else None)
                if tot + h > avail:
                    break
                tot += h
                vis.append(items[i])
            # drop trailing non-msg items that would dangle
            while vis and vis[-1]['t'] == 'sep':
                vis.pop()
        # y positions
        hs = [self.height(it, vis[i - 1] if i else None) for i, it in enumerate(vis)]
        y = bot - sum(hs) if anchor == 'bottom' else top
        recs = []
        cur_sep = None
        self.visible = vis
        for i, it in enumerate(vis):
            h = hs[i]
            if it['t'] == 'sep':
                cur_sep = it['dt']
                self.draw_sep(it, y, h)
            elif it['t'] in ('label', 'recall', 'delivered'):
                self.draw_note(it, y, h)
            else:
                occ = None
                if self.p.get('btime'):
                    if cur_sep is not None:
                        assert cur_sep.date() == it['dt'].date()
                        occ = it['dt']
                else:
                    occ = cur_sep
                self.draw_msg(it, y, h, vis[i - 1] if i else None)
                kind = 'im' if self.layout.startswith('wechat') else 'sms'
                if self.group:
                    snd = it['nick'] if it['dir'] == 'in' else self.sender
                else:
                    snd = self.sender
                recs.append(dict(kind=kind, sender=snd, occurred_at=iso(occ) if occ else None, direction=it['dir'],
                                 text=it['text'], call_type=None, duration_seconds=None))
            y += h
        return recs

    def draw_sep(self, it, y, h):
        p, c = self.p, self.c
        s = self.sep_text(it)
        col = P(self.layout, 'sep', self.dark)
        cy = y + h * 0.62
        if self.layout.startswith('iphone') and ' ' in s and self.p.get('sep_split'):
            # iOS: day part semibold, time regular — drawn as one string in two weights would break logging; use one string
            c.text((self.W / 2, cy), s, p['sep_fs'], col, 'sep', anchor='ms')
        elif self.layout.startswith('wechat'):
            c.text((self.W / 2, cy), s, p['sep_fs'], col, 'sep', anchor='ms')
        elif self.layout == 'vivo_sms':
            wdt = tw(s, p['sep_fs'])
            pill = (228, 229, 233) if not self.dark else (38, 38, 42)
            c.rr([self.W / 2 - wdt / 2 - 24, cy - p['sep_fs'] * 1.0, self.W / 2 + wdt / 2 + 24, cy + p['sep_fs'] * 0.42], p['sep_fs'], pill)
            c.text((self.W / 2, cy), s, p['sep_fs'], col, 'sep', anchor='ms')
        else:
            c.text((self.W / 2, cy), s, p['sep_fs'], col, 'sep', anchor='ms')

    def draw_note(self, it, y, h):
        p, c = self.p, self.c
        col = P(self.layout, 'sep', self.dark)
        if it['t'] == 'delivered':
            c.text((self.W - p['margin'] - 10, y + h * 0.85), it['text'], int(p['sep_fs'] * 0.9), col, 'note', anchor='rs')
        else:
            c.text((self.W / 2, y + h * 0.62), it['text'], p['sep_fs'], col, 'note', anchor='ms')

    def draw_msg(self, it, y, h, prev):
        p, c, W = self.p, self.c, self.W
        lines, lh, bh, bw, et, eb = self.msg_geom(it)
        g = h - et - bh - eb
        y0 = y + g
        out = it['dir'] == 'out'
        wx = self.layout.startswith('wechat')
        if wx:
            av = p['avatar']
            ax = W - p['margin'] - av if out else p['margin']
            acol = it.get('avcol', (120, 150, 200))
            c.rr([ax, y0, ax + av, y0 + av], 10, acol)
            c.d.ellipse([ax + av * 0.32, y0 + av * 0.18, ax + av * 0.68, y0 + av * 0.54], fill=(250, 250, 250))
            c.d.pieslice([ax + av * 0.18, y0 + av * 0.6, ax + av * 0.82, y0 + av * 1.2], 180, 360, fill=(250, 250, 250))
            if self.group and not out:
                c.text((p['margin'] + av + 24, y0 + et * 0.72), it['nick'], int(p['fs'] * 0.62), (150, 150, 150), 'nick')
            by = y0 + et
            bx = (ax - 22 - bw) if out else (ax + av + 22)
            bh_draw = self.msg_geom(it)[2] if False else (len(lines) - 1) * lh + int(p['fs'] * 1.13) + 2 * p['pady']
        else:
            by = y0
            bx = (W - p['margin'] - bw) if out else p['margin']
            bh_draw = bh
        fillc = P(self.layout, 'outb' if out else 'inb', self.dark)
        c.rr([bx, by, bx + bw, by + bh_draw], p['rad'], fillc)
        # tails
        if wx:
            ty = by + min(p['avatar'], bh_draw) / 2 if bh_draw < p['avatar'] else by + p['avatar'] / 2
            ty = by + int(p['fs'] * 0.95)
            if out:
                c.d.polygon([(bx + bw - 1, ty - 14), (bx + bw + 14, ty), (bx + bw - 1, ty + 14)], fill=fillc)
            else:
                c.d.polygon([(bx + 1, ty - 14), (bx - 14, ty), (bx + 1, ty + 14)], fill=fillc)
        elif self.layout.startswith('iphone'):
            if out:
                c.d.polygon([(bx + bw - 30, by + bh_draw - 24), (bx + bw + 12, by + bh_draw), (bx + bw - 40, by + bh_draw - 2)], fill=fillc)
            else:
                c.d.polygon([(bx + 30, by + bh_draw - 24), (bx - 12, by + bh_draw), (bx + 40, by + bh_draw - 2)], fill=fillc)
        c.shape('bubble', [bx, by, bx + bw, by + bh_draw], dir=it['dir'])
        tcol = P(self.layout, 'outtx' if out else 'intx', self.dark)
        asc = int(p['fs'] * 0.92)
        for k, (ln, brk) in enumerate(lines):
            by_line = by + p['pady'] + asc + k * lh
            c.text((bx + p['padx'], by_line), ln, p['fs'], tcol, 'msg', line=k, brk=brk)
        if p.get('btime'):
            ts = t24(it['dt'], self.p['label'].get('pad', True))
            ty = by + bh_draw + p['btime_fs'] * 1.25
            col = P(self.layout, 'sep', self.dark)
            if out:
                c.text((bx + bw - 6, ty), ts, p['btime_fs'], col, 'btime', anchor='rs')
            else:
                c.text((bx + 6, ty), ts, p['btime_fs'], col, 'btime', anchor='ls')


# ----------------------------------------------------------------- thread content
def gen_msgs(rng, layout, taken, n, who, v, en_out=False, group_nicks=None, end_gap=None):
    """Generate n messages ascending in time ending before taken."""
    t = taken - dt.timedelta(minutes=end_gap if end_gap is not None else rng.randint(2, 400))
    t = t.replace(second=0, microsecond=0)
    times = []
    for i in range(n):
        times.append(t)
        r = rng.random()
        if r < 0.55:
            g = rng.randint(0, 4)
        elif r < 0.75:
            g = rng.randint(6, 120)
        elif r < 0.93:
            g = rng.randint(180, 1400)
        else:
            g = rng.randint(1500, 60 * 24 * 12)
        t = t - dt.timedelta(minutes=g)
    times.reverse()
    if rng.random() < 0.3 and n > 3:
        k = rng.randint(1, 2)
        extra = dt.timedelta(days=rng.randint(8, 75), minutes=rng.randint(0, 600))
        times = [x - extra for x in times[:k]] + times[k:]
    msgs = []
    used = set()
    for i in range(n):
        if who == 'official':
            d = 'in' if rng.random() < 0.88 else 'out'
        elif who == 'group':
            d = 'in' if rng.random() < 0.75 else 'out'
        else:
            d = 'in' if rng.random() < 0.62 else 'out'
        if i == 0:
            d = 'in'
        if d == 'in':
            if who == 'official':
                pool = SMS_OFFICIAL if rng.random() < 0.85 else SMS_PERSONAL
            elif who == 'personal':
                pool = SMS_PERSONAL
            elif who == 'en':
                pool = SMS_EN_IN + SMS_PERSONAL + SMS_OFFICIAL
            elif who == 'wx':
                pool = WX_IN + SMS_PERSONAL
            else:
                pool = None
            nick = None
            if who == 'group':
                nick, role = rng.choice(group_nicks)
                pool = WX_GROUP_COLL if role == 'coll' else WX_GROUP_OTHER
            cands = [x for x in pool if x not in used] or pool
            tpl = rng.choice(cands)
        else:
            if who == 'group':
                pool = WX_GROUP_OUT
            else:
                pool = OUT_EN if (en_out and rng.random() < 0.7) else OUT_ZH
            cands = [x for x in pool if x not in used] or pool
            tpl = rng.choice(cands)
            nick = None
        used.add(tpl)
        txt = fill(rng, tpl, v)
        m = dict(dir=d, text=txt, dt=times[i], nick=nick)
        msgs.append(m)
    return msgs


# ----------------------------------------------------------------- call logs
def dur_zh(s):
    if s >= 3600:
        return '%d小时%d分%d秒' % (s // 3600, s % 3600 // 60, s % 60)
    if s >= 60:
        return '%d分%d秒' % (s // 60, s % 60)
    return '%d秒' % s


def render_calls(layout, fname, W, H, dark, taken, rng, clock):
    bg = (255, 255, 255) if not dark else (0, 0, 0)
    if layout == 'huawei_calls' and not dark:
        bg = (241, 243, 245)
    c = Canvas(fname, W, H, bg)
    fg = (240, 240, 240) if dark else (20, 20, 20)
    sub = (140, 140, 140)
    red = (232, 64, 60)
    ios = layout == 'iphone_calls'
    en = ios and rng.random() < 0.35
    kind = 'ios' if ios else layout.split('_')[0]
    sb = status_bar(c, kind, clock, dark, rng)
    fs = rng.choice([44, 48, 52, 56]) if not ios else rng.choice([48, 51, 54])
    sfs = int(fs * 0.66)
    # header
    if ios:
        blue = (10, 132, 255)
        c.text((40, sb + 70), 'Edit' if en else '编辑', 46, blue, 'header')
        segw = 400
        c.rr([W / 2 - segw / 2, sb + 22, W / 2 + segw / 2, sb + 90], 16, (118, 118, 128) if dark else (230, 230, 235))
        c.rr([W / 2 - segw / 2 + 5, sb + 27, W / 2 - 5, sb + 85], 13, (99, 99, 102) if dark else (255, 255, 255))
        c.text((W / 2 - segw / 4, sb + 69), 'All' if en else '所有通话', 32, fg, 'header', anchor='ms')
        c.text((W / 2 + segw / 4, sb + 69), 'Missed' if en else '未接来电', 32, fg, 'header', anchor='ms')
        c.text((40, sb + 220), 'Recents' if en else '最近通话', 96, fg, 'header', bold=True)
        top = sb + 270
    elif layout == 'huawei_calls':
        c.text((50, sb + 110), '电话', 80, fg, 'header', bold=True)
        dots(c, W - 75, sb + 50, 6, fg, vertical=True)
        c.rr([40, sb + 150, W - 40, sb + 250], 50, (228, 230, 233) if not dark else (30, 30, 32))
        c.text((110, sb + 215), '搜索联系人', 36, sub, 'header')
        top = sb + 280
    else:
        c.text((W / 2 - 110, sb + 90), '拨号', 46, fg, 'header', bold=True, anchor='ms')
        c.text((W / 2 + 110, sb + 90), '联系人', 46, sub, 'header', anchor='ms')
        c.d.rectangle([W / 2 - 140, sb + 112, W / 2 - 80, sb + 118], fill=(13, 132, 255))
        top = sb + 150
    # bottom tab bar
    if ios:
        tabs = ['Favorites', 'Recents', 'Contacts', 'Keypad', 'Voicemail'] if en else ['个人收藏', '最近通话', '通讯录', '拨号键盘', '语音留言']
        tb = 250
        c.d.rectangle([0, H - tb, W, H], fill=(248, 248, 248) if not dark else (22, 22, 22))
    elif layout == 'huawei_calls':
        tabs = ['拨号', '联系人', '收藏', '畅连']
        tb = 200
    else:
        tabs = None
        tb = 260
    bot = H - tb
    if tabs:
        n = len(tabs)
        for i, t in enumerate(tabs):
            cx = W * (i + 0.5) / n
            col = (10, 132, 255) if (ios and i == 1) or (not ios and i == 0) else sub
            c.d.ellipse([cx - 28, H - tb + 30, cx + 28, H - tb + 86], outline=col, width=5)
            c.text((cx, H - tb + 128), t, 28, col, 'tab', anchor='ms')
    else:
        # xiaomi floating dial button
        c.d.ellipse([W / 2 - 85, H - tb + 40, W / 2 + 85, H - tb + 210], fill=(13, 132, 255))
        for i in range(3):
            for j in range(3):
                c.d.ellipse([W / 2 - 38 + j * 30, H - tb + 88 + i * 28, W / 2 - 26 + j * 30, H - tb + 100 + i * 28], fill=(255, 255, 255))
    gesture_bar(c, dark, ios)
    # rows
    rowh = int(fs * 1.35 + sfs * 1.5 + 50)
    nrows = (bot - top) // rowh
    # generate rows (descending time)
    parties = []
    for _ in range(rng.randint(3, 7)):
        r = rng.random()
        if r < 0.45:
            num = rand_mobile(rng)
            parties.append((show_mobile(rng, num, rng.choice(['space', 'raw', 'plus'] if not ios else ['plus', 'space'])), num))
        elif r < 0.65:
            num, shown = rand_landline(rng)
            parties.append((shown, num))
        elif r < 0.8:
            name = rng.choice(CONTACT_NAMES)
            parties.append((name, name))
        else:
            n2 = '400-%d-%04d' % (rng.randint(600, 899), rng.randint(0, 9999))
            parties.append((n2, n2))
    t = taken - dt.timedelta(minutes=rng.randint(1, 90))
    t = t.replace(second=0, microsecond=0)
    st = dict(lang='en' if en else 'zh', today='bare', wd=rng.choice(['星期', '周']) if not ios else '星期',
              clock='en' if en else ('ios' if ios else rng.choice(['24', '24', 'ampm'])))
    recs = []
    for i in range(nrows):
        shown, val = rng.choice(parties)
        typ = rng.choices(['missed', 'incoming', 'outgoing'], [0.45, 0.25, 0.30])[0]
        dur = None
        durtxt = None
        if typ == 'incoming':
            dur = rng.choice([rng.randint(3, 59), rng.randint(60, 900), rng.randint(3600, 4000)]) if rng.random() < 0.97 else rng.randint(60, 200)
            durtxt = dur_zh(dur)
        elif typ == 'outgoing':
            if rng.random() < 0.45:
                durtxt = '未接通'
            else:
                dur = rng.choice([rng.randint(2, 59), rng.randint(60, 1200)])
                durtxt = dur_zh(dur)
        else:
            durtxt = '响铃%d声' % rng.randint(1, 9) if layout == 'xiaomi_calls' else None
        y0 = top + i * rowh
        c.shape('call_row', [0, y0, W, y0 + rowh])
        namecol = red if typ == 'missed' else fg
        lx = 130 if ios else 60
        if ios and typ == 'outgoing':
            phone_icon(c, 55, y0 + 30, 40, (142, 142, 147))
            c.shape('out_icon', [55, y0 + 30, 95, y0 + 70])
        elif layout == 'huawei_calls':
            lx = 120
            col = red if typ == 'missed' else (0, 125, 255) if typ == 'outgoing' else (52, 180, 90)
            ax, ay = 60, y0 + rowh / 2
            if typ == 'outgoing':
                c.d.line([(ax, ay + 18), (ax + 30, ay - 12)], fill=col, width=5)
                c.d.line([(ax + 10, ay - 12), (ax + 30, ay - 12), (ax + 30, ay + 8)], fill=col, width=5)
            else:
                c.d.line([(ax + 30, ay - 12), (ax, ay + 18)], fill=col, width=5)
                c.d.line([(ax, ay - 2), (ax, ay + 18), (ax + 20, ay + 18)], fill=col, width=5)
            c.shape('call_icon', [ax - 3, ay - 15, ax + 33, ay + 21], ckind={'missed': 'missed', 'incoming': 'in', 'outgoing': 'out'}[typ])
        ln1 = y0 + 25 + fs
        c.text((lx, ln1), shown, fs, namecol, 'call_name')
        ln2 = ln1 + sfs * 1.55
        tl = fmt_label(t, taken, st)
        if ios:
            c.text((lx, ln2), rng.choice(['mobile', 'unknown', 'China']) if en else rng.choice(['手机', '未知', '中国大陆', '住宅']), sfs, sub, 'call_sub')
            c.text((W - 130, y0 + rowh / 2 + sfs * 0.35), tl, sfs, sub, 'call_time', anchor='rs')
            c.d.ellipse([W - 100, y0 + rowh / 2 - 24, W - 52, y0 + rowh / 2 + 24], outline=(10, 132, 255), width=4)
            c.d.line([(W - 76, y0 + rowh / 2 - 4), (W - 76, y0 + rowh / 2 + 12)], fill=(10, 132, 255), width=5)
            c.d.ellipse([W - 79, y0 + rowh / 2 - 15, W - 73, y0 + rowh / 2 - 9], fill=(10, 132, 255))
            dur = None
        elif layout == 'huawei_calls':
            x = lx
            b = c.text((x, ln2), rng.choice(LOCS), sfs, sub, 'call_sub')
            if durtxt:
                c.text((b[2] + 24, ln2), durtxt, sfs, sub, 'call_dur')
            c.text((W - 140, y0 + rowh / 2 + sfs * 0.35), tl, sfs, sub, 'call_time', anchor='rs')
            c.d.ellipse([W - 100, y0 + rowh / 2 - 24, W - 52, y0 + rowh / 2 + 24], outline=sub, width=4)
        else:  # xiaomi
            lab = {'missed': '未接', 'incoming': '呼入', 'outgoing': '呼出'}[typ]
            b = c.text((lx, ln2), lab, sfs, red if typ == 'missed' else sub, 'call_label')
            x = b[2] + 20
            if durtxt:
                b = c.text((x, ln2), durtxt, sfs, sub, 'call_dur')
                x = b[2] + 20
            c.text((x, ln2), rng.choice(LOCS), sfs, sub, 'call_sub')
            c.text((W - 60, y0 + rowh / 2 + sfs * 0.35), tl, sfs, sub, 'call_time', anchor='rs')
        c.d.line([(lx, y0 + rowh - 1), (W, y0 + rowh - 1)], fill=(225, 225, 225) if not dark else (40, 40, 40), width=2)
        sender = digits_of(shown) if re.fullmatch(r'[+\d][\d \-]*', shown) else shown
        recs.append(dict(kind='call', sender=sender, occurred_at=iso(t), direction='out' if typ == 'outgoing' else 'in',
                         text=None, call_type=typ, duration_seconds=dur))
        # next older call
        r = rng.random()
        gap = rng.randint(1, 30) if r < 0.5 else rng.randint(30, 600) if r < 0.8 else rng.randint(600, 60 * 24 * 5)
        t = t - dt.timedelta(minutes=gap)
    return c, recs


# ----------------------------------------------------------------- plan
PLAN = [  # layout, count, size
    ('huawei_sms', 16), ('xiaomi_sms', 14), ('oppo_sms', 11), ('vivo_sms', 11), ('iphone_sms', 12), ('iphone_sms_en', 8),
    ('wechat_private', 15), ('wechat_group', 11),
    ('huawei_calls', 8), ('xiaomi_calls', 7), ('iphone_calls', 7),
]
# overlapping pairs: one thread rendered as two screenshots (counted inside the totals above)
OVERLAP = {'xiaomi_sms': 1, 'oppo_sms': 1, 'iphone_sms': 1, 'wechat_private': 1, 'wechat_group': 1}


def size_for(layout, rng):
    if layout.startswith('iphone'):
        return 1170, 2532
    return rng.choice([(1080, 2340), (1080, 2400)])


def rand_taken(rng):
    base = dt.datetime(2026, 1, 3)
    d = base + dt.timedelta(days=rng.randint(0, 330) if rng.random() < 0.82 else rng.randint(0, 17))
    h = rng.choice([8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23])
    return d.replace(hour=h, minute=rng.randint(0, 59), second=rng.randint(0, 59))


def fname_for(layout, idx, taken, rng, used):
    r = rng.random()
    if r < 0.4:
        f = '%s_%02d.png' % (layout, idx)
    elif r < 0.75 and not layout.startswith('iphone'):
        f = 'Screenshot_%s.png' % taken.strftime('%Y%m%d_%H%M%S')
    else:
        f = 'IMG_%s.png' % taken.strftime('%Y%m%d_%H%M%S')
    while f in used:
        f = f.replace('.png', '_1.png')
    used.add(f)
    return f


def pick_header(rng, layout, who):
    """returns (title_shown, sender, who)"""
    r = rng.random()
    if who == 'official':
        num, shown = rand_short(rng)
        if rng.random() < 0.2:
            name = rng.choice(['速借宝客服', '融易贷', '1065' + '%08d' % rng.randint(0, 99999999)])
            return name, (digits_of(name) if name.isdigit() else name)
        return shown, digits_of(shown)
    if r < 0.5:
        num = rand_mobile(rng)
        st = 'plus' if layout.startswith('iphone') and rng.random() < 0.7 else None
        shown = show_mobile(rng, num, st)
        return shown, digits_of(shown)
    if r < 0.7:
        num, shown = rand_landline(rng)
        return shown, digits_of(shown)
    name = rng.choice(CONTACT_NAMES)
    return name, name


def main():
    rng = random.Random(SEED)
    truth, drawlog = [], []
    used = set()
    for f in os.listdir(OUT):
        if f.endswith('.png'):
            os.remove(os.path.join(OUT, f))
    tcount = 0
    for layout, count in PLAN:
        darks = [i % 3 == 1 for i in range(count)]
        rng.shuffle(darks)
        idx = 0
        n_ov = OVERLAP.get(layout, 0)
        while idx < count:
            overlap = n_ov > 0 and idx + 2 <= count and idx >= 1
            if overlap:
                n_ov -= 1
            W, H = size_for(layout, rng)
            dark = darks[idx]
            taken = rand_taken(rng)
            clock_fmt = lambda t: (('%d:%02d' % (t.hour % 12 or 12, t.minute)) if layout.startswith('iphone') else t24(t))
            if layout.endswith('_calls'):
                fn = fname_for(layout, idx + 1, taken, rng, used)
                c, recs = render_calls(layout, fn, W, H, dark, taken, rng, clock_fmt(taken))
                c.img.save(os.path.join(OUT, fn))
                drawlog += c.log
                truth.append(dict(file=fn, layout=layout, dark=dark, taken_on=taken.strftime('%Y-%m-%d'), thread=None, records=recs))
                idx += 1
                continue
            # chat
            name = rng.choice(NAMES)
            co = rng.choice(COS)
            v = mk_vars(rng, name, co, taken)
            extras = {}
            if layout.startswith('wechat'):
                extras['os'] = rng.choice(['xiaomi', 'huawei', 'oppo', 'vivo', 'ios'])
                if extras['os'] == 'ios':
                    W, H = 1170, 2532
            if layout == 'wechat_group':
                n_members = rng.randint(5, 80)
                gname = rng.choice(['%s欠款处理群', '%s亲友通知群', '%s还款协商群', '关于%s逾期的说明']) % name
                title = '%s(%d)' % (gname, n_members)
                sender = gname
                coll = [(rng.choice(['%s-张主管', '%s法务-刘律师', '%s 催收专员', '%s-陈经理']) % co, 'coll')]
                others = [(name + rng.choice(['妈妈', '的同事小李', '表哥']), 'other'), (rng.choice(['阿杰', '李娟', 'Sunny', '老周']), 'other'), (rng.choice(['王总', '财务-小何']), 'other')]
                nicks = coll + others[:rng.randint(1, 3)]
                who = 'group'
            elif layout == 'wechat_private':
                title = rng.choice(['%s-陈专员', '%s法务部王律师', '催收小刘', '%s 李经理', 'A.恒信调解中心', '张律师']).replace('%s', co)
                sender = title
                nicks = None
                who = 'wx'
            else:
                who = 'official' if rng.random() < 0.45 else ('en' if layout.endswith('_en') and rng.random() < 0.5 else 'personal')
                title, sender = pick_header(rng, layout, who)
                nicks = None
                if not layout.startswith('iphone') and rng.random() < 0.5 and who != 'official':
                    extras['subtitle'] = rng.choice(LOCS)
            if layout.startswith('iphone') and rng.random() < 0.5:
                extras['unread'] = str(rng.randint(1, 99))
            p = layout_params(layout, rng, W)
            en_out = layout.endswith('_en') or rng.random() < 0.1
            nmsg = rng.randint(14, 22) if overlap else rng.randint(6, 12)
            msgs = gen_msgs(rng, layout, taken, nmsg, who, v, en_out=en_out, group_nicks=nicks)
            if layout.startswith('wechat'):
                avcols = {}
                for m in msgs:
                    key = m['nick'] or m['dir']
                    if key not in avcols:
                        avcols[key] = tuple(rng.randint(60, 200) for _ in range(3))
                    m['avcol'] = avcols[key]
            items = build_items(msgs, layout)
            # decorations
            if layout.startswith('iphone') and items and rng.random() < 0.5:
                items.insert(0, dict(t='label', text='Text Message' if layout.endswith('_en') else '短信/彩信'))
            if layout.startswith('iphone') and items[-1]['t'] == 'msg' and items[-1]['dir'] == 'out':
                items.append(dict(t='delivered', text='Delivered' if layout.endswith('_en') else '已送达'))
            if layout.startswith('wechat') and rng.random() < 0.4:
                pos = rng.randint(2, len(items) - 1)
                if items[pos - 1]['t'] == 'msg':
                    nick = (rng.choice(nicks)[0] if nicks else title)
                    items.insert(pos, dict(t='recall', text=rng.choice(RECALL).format(nick=nick)))
            if not overlap:
                fn = fname_for(layout, idx + 1, taken, rng, used)
                extras['clock'] = clock_fmt(taken)
                scr = ChatScreen(layout, fn, W, H, dark, taken, title, sender, p, rng, extras)
                recs = scr.render(items, 'bottom', require_sep=rng.random() < 0.93)
                assert recs
                scr.c.img.save(os.path.join(OUT, fn))
                drawlog += scr.c.log
                truth.append(dict(file=fn, layout=layout, dark=dark, taken_on=taken.strftime('%Y-%m-%d'), thread=None, records=recs))
                idx += 1
                continue
            # overlapping pair: A = top part (top-anchored from first item), B = continues, repeating last 1-2 bubbles
            tcount += 1
            tid = 'T%d_%s' % (tcount, layout)
            extras['sb_seed'] = rng.randint(0, 10 ** 9)
            extras['clock'] = clock_fmt(taken)
            fnA = fname_for(layout, idx + 1, taken, rng, used)
            A = ChatScreen(layout, fnA, W, H, dark, taken, title, sender, p, rng, dict(extras))
            recA = A.render(items, 'top')
            visA = A.visible
            lastA = items.index(visA[-1])
            msg_idx = [i for i in range(lastA + 1) if items[i]['t'] == 'msg']
            rep = rng.choice([1, 2])
            start = msg_idx[-rep]
            taken2 = min(taken + dt.timedelta(seconds=rng.randint(3, 40)), taken.replace(hour=23, minute=59, second=59))
            extras['clock'] = clock_fmt(taken2)
            fnB = fname_for(layout, idx + 2, taken2, rng, used)
            B = ChatScreen(layout, fnB, W, H, dark, taken, title, sender, p, rng, dict(extras))
            recB = B.render(items[start:], 'top')
            for fn, cc, recs in ((fnA, A, recA), (fnB, B, recB)):
                cc.c.img.save(os.path.join(OUT, fn))
                drawlog += cc.c.log
                truth.append(dict(file=fn, layout=layout, dark=dark, taken_on=taken.strftime('%Y-%m-%d'), thread=tid, records=recs))
            idx += 2
    with open(os.path.join(OUT, 'truth.jsonl'), 'w', encoding='utf-8') as f:
        for t in truth:
            f.write(json.dumps(t, ensure_ascii=False) + '\n')
    with open(os.path.join(OUT, 'drawlog.jsonl'), 'w', encoding='utf-8') as f:
        for e in drawlog:
            f.write(json.dumps(e, ensure_ascii=False) + '\n')
    print('files', len(truth), 'records', sum(len(t['records']) for t in truth))


if __name__ == '__main__':
    main()

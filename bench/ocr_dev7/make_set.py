#!/usr/bin/env python3
"""Deterministic generator of the ocr_dev7 DEVELOPMENT set (synthetic phone screenshots
of debt-collection message threads).  Every screen is drawn with Pillow; all people,
companies, numbers, case numbers, cards and links are invented.

Run:  /work/main/.venv/bin/python make_set.py
Writes the images, truth.jsonl and drawlog.jsonl next to this file.
"""
import datetime as dt
import json
import os
import random
import re

from PIL import Image, ImageDraw, ImageFont

HERE = os.path.dirname(os.path.abspath(__file__))
FONT_REG = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'
FONT_BOLD = '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc'
FACE = 2  # Noto Sans CJK SC
SEED = 20260310 + 7

_FONTS = {}


def F(px, bold=False):
    key = (int(px), bool(bold))
    if key not in _FONTS:
        _FONTS[key] = ImageFont.truetype(FONT_BOLD if bold else FONT_REG, int(px), index=FACE)
    return _FONTS[key]


# ----------------------------------------------------------------------------
# invented content
# ----------------------------------------------------------------------------
SURN = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐'
GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华玲'
COMPANIES = ['恒信普惠', '安逸分期', '云借宝金融', '速享花科技', '聚信金融服务', '融通小贷', '瑞丰消费金融', '鼎盛资产管理']
PRODUCTS = ['速享花', '闪借', '安逸分期', '云借宝', '恒信贷', '易分期', '优享借', '星借呗']
BANKS = ['华鼎银行', '瑞通银行', '金穗商业银行', '汇泰银行']
COURTS = ['临江区人民法院', '青湖区人民法院', '云岭县人民法院', '东港区人民法院']
PROV = '粤浙沪京苏川鄂湘闽皖'
DOMAINS = ['hxpay-h5.cn', 'dh.yjbao.top', 'ayfq-repay.com', 'sxh.ink', 'rtjr.vip', 'm.hxph-kf.cn',
           'jxdk.top', 'yx-law.cn', 'sxh-fin.com', 'dsam.net.cn']
CITIES = ['湖南省长沙市岳麓区', '浙江省杭州市西湖区', '广东省深圳市宝安区', '四川省成都市武侯区', '湖北省武汉市洪山区']
ROADS = ['望江路', '新民街', '桂花巷', '东风路', '文昌大道']
WORKS = ['星河数码科技有限公司', '蓝湾物流有限公司', '临江第三中学', '恒远建材商行']
ALNUM = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789'


class Content:
    def __init__(self, r, taken):
        self.r = r
        self.taken = taken

    def tok(self, n):
        return ''.join(self.r.choice(ALNUM) for _ in range(n))

    def name(self):
        r = self.r
        s = r.choice(SURN)
        st = r.randrange(4)
        if st == 0:
            return s + '*' + r.choice(GIVEN)
        if st == 1:
            return s + '**'
        if st == 2:
            return s + r.choice(['先生', '女士'])
        return s + '*' + r.choice(GIVEN) + r.choice(['先生', '女士'])

    def amount(self):
        r = self.r
        v = r.choice([r.randint(300, 9999), r.randint(10000, 99999)]) + r.randint(0, 99) / 100
        st = r.randrange(7)
        if st == 0:
            return f'￥{v:,.2f}'
        if st == 1:
            return f'{v:.2f}元'
        if st == 2:
            return f'{v / 10000:.1f}万' if v >= 10000 else f'{int(v)}元'
        if st == 3:
            return f'{v:,.2f}元'
        if st == 4:
            return f'¥{int(v)}'
        if st == 5:
            return f'人民币{v:,.2f}元'
        return f'{int(v)}元'

    def amount_en(self):
        r = self.r
        v = r.randint(300, 60000) + r.choice([0, 0, r.randint(1, 99) / 100])
        return r.choice([f'¥{v:,.2f}', f'RMB {v:,.2f}', f'CNY {int(v):,}', f'${v:,.2f}'])

    def date(self):
        r = self.r
        d = self.taken.date() + dt.timedelta(days=r.randint(-25, 12))
        return r.choice([f'{d:%Y-%m-%d}', f'{d.year}/{d.month}/{d.day}', f'{d.month}月{d.day}日',
                         f'{d.year}年{d.month}月{d.day}日', f'{d.month}月{d.day}号'])

    def date_en(self):
        r = self.r
        d = self.taken.date() + dt.timedelta(days=r.randint(-10, 12))
        return r.choice([d.strftime('%b ') + str(d.day), f'{d:%Y-%m-%d}', f'{d.day:02d}/{d.month:02d}/{d.year}',
                         d.strftime('%B ') + str(d.day)])

    def time(self):
        return self.r.choice(['18:00', '下午6点', '17:30', '中午12点', '晚上8点', '12:00', '今晚9点', '下午5:30', '16:00'])

    def case(self):
        r = self.r
        y = r.choice([2025, 2026])
        kind = r.choice(['民初', '民初', '执', '民特'])
        body = f'{r.choice(PROV)}0{r.randint(100, 999)}{kind}{r.randint(100, 29999)}号'
        return r.choice([f'（{y}）{body}', f'({y}){body}', f'（{y}）{body}'])

    def caseno(self):
        r = self.r
        return r.choice([f'CS{r.randint(2025, 2026)}{r.randint(1, 12):02d}{r.randint(1, 28):02d}-{r.randint(1, 9999):04d}',
                         f'AJ{r.randint(10000000, 99999999)}', f'{r.randint(2025, 2026)}WF{r.randint(1000, 9999)}'])

    def contract(self):
        r = self.r
        return r.choice([f'HT{r.randint(2025, 2026)}{r.randint(1, 12):02d}{r.randint(10, 28)}{r.randint(1000, 99999):05d}',
                         f'JK-{r.randint(2024, 2026)}-{r.randint(100000, 999999)}',
                         f'SXH{r.randint(20250101, 20261130)}A{r.randint(1, 999):03d}',
                         f'D{r.randint(2501, 2611)}{r.randint(100000, 999999)}{self.tok(2).upper()}'])

    def card4(self):
        return f'{self.r.randint(0, 9999):04d}'

    def cardm(self):
        r = self.r
        c4 = self.card4()
        return r.choice(['\x01' + f'6222 **** **** {c4}' + '\x02', '\x01' + f'6217 00** **** {c4}' + '\x02',
                         f'6222****{c4}', f'尾号{c4}', '\x01' + f'6230 **** **** **** {c4[:3]}' + '\x02'])

    def idm(self):
        r = self.r
        a = r.choice(['3301', '4403', '4301', '5101', '4201'])
        return r.choice([f'{a}**********{r.randint(1000, 9999)}', f'{a}************{r.randint(10, 99)}',
                         f'{a}**********{r.randint(100, 999)}X', f'{a}{r.randint(10, 99)}********{r.randint(1000, 9999)}'])

    def link(self):
        r = self.r
        d = r.choice(DOMAINS)
        st = r.randrange(7)
        if st == 0:
            return f'https://{d}/r/{self.tok(6)}'
        if st == 1:
            return f'http://{d}/q?id={r.randint(100, 99999)}&c={self.tok(2)}'
        if st == 2:
            return f'{d}/x/{self.tok(4)}'
        if st == 3:
            return f'https://{d}/repay#/case/{r.randint(20250000, 20269999)}{r.randint(10, 99)}'
        if st == 4:
            return f'www.{d}/h5/pay?u={r.randint(1, 99)}&t={self.tok(4)}'
        if st == 5:
            return f'https://{d}/a/{self.tok(5)}?from=sms&uid={r.randint(1000, 999999)}'
        return f'{d}/{self.tok(6)}'

    def email(self):
        r = self.r
        return f"{r.choice(['legal', 'zhang.san', 'kf2026', 'fawu_01', 'tiaojie', 'li.lawyer'])}@{r.choice(DOMAINS)}"

    def mobile(self):
        r = self.r
        p = r.choice(['138', '139', '137', '136'])
        n = f'{r.randint(0, 9999):04d}'
        return r.choice(['\x01' + f'{p} 0000 {n}' + '\x02', f'{p}0000{n}', '\x01' + f'+86 {p} 0000 {n}' + '\x02',
                         f'{p}-0000-{n}'])

    def landline(self):
        r = self.r
        a = r.choice(['0755', '0571', '020', '028', '0731'])
        x = f'8{r.randint(100, 999)}'
        y = f'{r.randint(0, 9999):04d}'
        return r.choice(['\x01' + f'{a}-{x} {y}' + '\x02', f'{a}-{x}{y}', f'({a}){x}{y}'])

    def tel400(self):
        r = self.r
        return r.choice(['400-123-4567', f'400-{r.randint(100, 999)}-{r.randint(1000, 9999)}',
                         f'400{r.randint(100, 999)}{r.randint(1000, 9999)}'])

    def phone(self):
        return self.r.choice([self.mobile, self.landline, self.tel400])()

    def pct(self):
        return self.r.choice(['0.05%/天', '36%', '24.0%', '3.5%', '0.1%', '18.25%', '5‰'])

    def fill(self, tpl, extra=None):
        vals = {
            'name': self.name, 'amt': self.amount, 'amt2': self.amount, 'amt3': self.amount, 'amt4': self.amount,
            'amt_en': self.amount_en, 'date': self.date, 'date_en': self.date_en, 'time': self.time,
            'case': self.case, 'caseno': self.caseno, 'contract': self.contract, 'card4': self.card4,
            'cardm': self.cardm, 'idm': self.idm, 'link': self.link, 'email': self.email, 'mobile': self.mobile,
            'landline': self.landline, 'tel400': self.tel400, 'phone': self.phone, 'pct': self.pct,
            'days': lambda: str(self.r.randint(1, 186)),
            'n': lambda: str(self.r.choice([3, 6, 12, 24])),
            'comp': lambda: self.r.choice(COMPANIES), 'prod': lambda: self.r.choice(PRODUCTS),
            'bank': lambda: self.r.choice(BANKS), 'court': lambda: self.r.choice(COURTS),
            'dept': lambda: self.r.choice(['法务部门', '第三方催收机构', '合作律所', '风控中心']),
            'addr': lambda: self.r.choice(CITIES) + self.r.choice(ROADS) + str(self.r.randint(1, 300)) + '号',
            'workplace': lambda: self.r.choice(WORKS),
            'region': lambda: self.r.choice(['杭州西湖区', '长沙岳麓区', '深圳宝安区', '成都武侯区']),
            'title': lambda: self.r.choice(['贷后专员', '法务专员', '调解员', '客户经理']),
            'empno': lambda: f'CS{self.r.randint(100, 9999)}', 'uid': lambda: str(self.r.randint(100000, 99999999)),
            'wxid': lambda: self.r.choice(['hxph_kf2026', 'sxh-tj01', 'yjb_fawu88', 'rt_dh2025']),
            'branch': lambda: self.r.choice(['临江支行', '滨湖支行', '高新区支行']),
            'ename': lambda: self.r.choice(['Mr. Wang', 'Ms. Li', 'Mr. Zhang', 'Ms. Chen', 'Wang Qiang', 'customer']),
            'eagent': lambda: self.r.choice(['Kevin', 'Amy', 'Jason', 'Officer Liu']),
            'ecomp': lambda: self.r.choice(['Hengxin Finance', 'Anyi Credit', 'Yunjiebao', 'Dingsheng AMC']),
            'complaint': lambda: self.r.choice(['银保监', '12378', '金融消费者投诉热线', '消协']),
            'emo': lambda: self.r.choice(['[捂脸]', '[流泪]', '[微笑]', '[抱拳]', '[发怒]', '[可怜]', '[OK]', '[叹气]', '[强]']),
            'me': lambda: (extra or {}).get('me', '王**'),
        }
        return re.sub(r'\{(\w+)\}', lambda m: vals[m.group(1)](), tpl)


IN_ZH = [
    '【{prod}】尊敬的{name}，您在我司的借款已逾期{days}天，欠款{amt}，请于{date}{time}前还清，否则将上报征信并移交{dept}处理。',
    '{name}你好，这里是{comp}贷后部，你的{prod}账单已逾期，合同号{contract}，请今天{time}前处理，回复1确认。',
    '【律师函】{name}：因您拖欠{comp}借款本息合计{amt}，本所受委托已向法院提起诉讼，案号{case}，请于{date}前联系承办人{phone}，逾期将申请强制执行。',
    '通知：您名下尾号{card4}的信用卡已逾期{days}天，最低还款额{amt}未还，请立即还款。详询{tel400}【{bank}】',
    '{name}，明天我们的外访人员将到你户籍地（{addr}）及工作单位上门核实，如不想让家人知道，今天{time}前还款{amt}。',
    '最后通知！！你的案件已进入司法程序，{case}，法院传票将寄送至你身份证地址，身份证号{idm}。查询：{link}',
    '您的借款{amt}已逾期，我们将联系你通讯录中的紧急联系人及单位同事协助催收。如有疑问请致电{landline}。',
    '还款方式：1.登录{prod}APP-我的-立即还款；2.银行卡转账至{bank}账户{cardm}；3.点击链接{link}。请备注合同号{contract}。',
    '①本金{amt}②罚息{amt2}③违约金{amt3}，合计{amt4}。请在{date}{time}前一次性结清，逾期不再协商！',
    '{name}，你好！我是{comp}的{title}，工号{empno}。关于你逾期的账单，今天能处理吗？',
    '温馨提示：您的{prod}账单{amt}将于{date}到期，为避免产生{pct}的逾期费用，请按时还款。退订回T',
    '《债务催告函》已发送至您的邮箱{email}，请查收并于3个工作日内回复。——{comp}法务部',
    '你再不接电话，我们只能按流程走了：起诉、冻结银行卡、通知家人单位……后果自负。',
    '收到请回复！！你还款的事到底怎么说？',
    '今天{time}之前必须还{amt}，不然我们就给你单位打电话。',
    '【{comp}】您的减免申请已通过审核，减免金额{amt}，请于{date}前还款{amt2}，逾期减免失效。办理：{link}',
    '{name}：您的账户已被列入“高风险逾期名单”，我司将于{date}向{court}递交立案材料。如需协商请加微信{wxid}或回电{mobile}。',
    '你好，这里是{court}执行局，你涉及的借款纠纷案{case}即将开庭，请于{date}前主动联系书记员{landline}。',
    '逾期{days}天，累计应还{amt}（含罚息{amt2}），年化费率{pct}。再次提醒：请勿失信！',
    '您好，这边是{comp}委外催收机构，您的欠款已经逾期{days}天了，看您一直没有处理，请问是什么原因呢？',
    '我们已经核实到你的工作单位：{workplace}，如果今天下午6点前没有处理，我们会发函到单位人事部门。',
    '回复“Y”同意分期方案：分{n}期，每期{amt}，首期{date}还款。回复“N”视为拒绝。',
    '微信/支付宝转账无效，只认对公账户！户名：{comp}，账号{cardm}，开户行：{bank}{branch}。',
    '提醒：你已连续{n}次承诺还款未履约。下次联系将由法务接手。',
    '{name}：您的信用卡账户（卡号{cardm}）已逾期{days}天，欠款{amt}。银行已委托我司催收，请于{date}前致电{tel400}。',
    '【{prod}】您本期账单{amt}已逾期，立即还款可减免部分罚息：{link} 拒收请回复R',
    '您的APP账户ID:{uid}已冻结，VIP额度{amt}已取消，请尽快还款恢复。同意请回复OK。',
    '你好，这里是{comp}，你的借款逾期了，什么时候还？',
    '请核对：借款人{name}，身份证{idm}，借款日期{date}，借款金额{amt}，当前逾期{days}天。',
    '案件编号{caseno}已分配至{region}外访组，预计{date}上门，请保持电话畅通：{mobile}。',
    'Hello，{name}，你的loan已经overdue {days}天，请尽快还款，thanks。',
    '在吗？', '电话怎么不接？', '？？？', '人呢', '回个话', '今天是最后期限。', '已经给你家里人打过电话了。',
    '【{comp}】{name}，您的账单已逾期（{days}天），应还{amt}。还款请戳{link}，如已还款请忽略。',
    '不还钱是吧？行，{date}我们的人直接去你老家，你看着办～',
    '《法律告知书》编号{caseno}：因你长期拖欠借款，我方将于{date}{time}向{court}申请诉前保全，冻结名下银行卡（{cardm}）。',
]
IN_EN = [
    'Dear customer, your loan {contract} is {days} days overdue. Please repay {amt_en} before {date_en} to avoid legal action. Pay now: {link}',
    'FINAL NOTICE: Your account ending {card4} has an outstanding balance of {amt_en}. Call {tel400} today.',
    'Hi {ename}, this is {eagent} from {ecomp} Collections. When can you make a payment?',
    'We have not received your payment. Case No. {caseno} has been forwarded to our legal team.',
    'Reply YES to accept the installment plan: {n} payments of {amt_en}, first due {date_en}.',
    'Your due date was {date_en}. Late fee: {pct}. Visit {link} or email {email} for details.',
    'Please call me back ASAP.', 'Are you there?',
    'Reminder from {ecomp}: pay {amt_en} by {date_en} 6:00 PM, or your case will be sent to a lawyer. Hotline {tel400}',
]
OUT_ZH = [
    '好', '嗯', '?', '？', '明天还', '我在想办法', '好的，我知道了', '能不能宽限几天？', '下周五发工资就还',
    '已经还了{amt}，请查收', '你们是哪个公司的？', '别打我家人电话！！', '我现在真的没钱', '能分期吗', '收到', '1', '行',
    '我会还的，别再打了。', '这个号码不是我的，你们打错了', '请发一下还款账户', '你们这是暴力催收，我要投诉到{complaint}',
    '先还{amt}可以吗？剩下的{date}还清', '在开会，晚点回复', '嗯嗯', '……', '知道了',
    '还不上，等我找到工作再说吧，最近真的很难，房租都交不起了，你们再逼我也没用。',
    '我已经还了，截图发你了', 'OK', 'ok', 'Ok 明天', '好的，3月底之前一定还。',
    '能不能把罚息减免一部分？本金{amt}我这个月底一定还清，利息实在太高了。', '你们的链接{link}打不开',
]
OUT_EN = ['ok', 'OK', 'Will pay tomorrow', 'Who is this?', "I'm trying my best, please give me a few more days.",
          'Stop calling my family.', 'Paid {amt_en} just now', 'Yes', 'No', '?', 'Sorry, I can only pay part of it this month.']
WX_EXTRA_IN = ['{emo}', '在吗{emo}', '你好，考虑得怎么样了？{emo}', '收到请回复{emo}{emo}', '转账截图发我一下']
WX_EXTRA_OUT = ['{emo}{emo}', '[捂脸][流泪]', '好的[抱拳]', '再给我两天时间{emo}', '我真的在想办法了[可怜]']
GROUP_IN = ['@{me} 请你今天给个准话，到底什么时候还？', '@所有人 本群为{name}欠款协商群，请家属督促其尽快还款。',
            '[抱拳]请配合', '收到[OK]', '@{me} 再不回复我们就按流程起诉了，案号{case}', '大家好，我是{comp}的调解员。']


# ----------------------------------------------------------------------------
# wrapping (line breaking) and the truth join convention
# ----------------------------------------------------------------------------
CLOSE = '，。、；：？！”’）》】」』,.;:!?)]}%…—～·‰'
OPEN = '“‘（《【「『([{￥¥$'
URLISH = re.compile(r'[A-Za-z0-9]\.[A-Za-z]')


class WrapError(Exception):
    pass


def url_like(tok):
    return '/' in tok or '@' in tok or bool(URLISH.search(tok))


def is_ascii(c):
    return ord(c) < 128


def atomize(text):
    atoms = []
    i, n, sp = 0, len(text), False
    while i < n:
        c = text[i]
        if c == ' ':
            sp = True
            i += 1
            continue
        if c == '\x01':
            j = text.index('\x02', i)
            atoms.append([text[i + 1:j], 'group', sp])
            i = j + 1
        elif is_ascii(c):
            j = i
            while j < n and is_ascii(text[j]) and text[j] not in ' \x01\x02':
                j += 1
            run = text[i:j]
            atoms.append([run, 'url' if url_like(run) else 'word', sp])
            i = j
        elif text[i:i + 2] in ('……', '——'):
            atoms.append([text[i:i + 2], 'cjk', sp])
            i += 2
        else:
            atoms.append([c, 'cjk', sp])
            i += 1
        sp = False
    merged = []
    for a in atoms:  # closing punctuation never starts a line
        if merged and not a[2] and all(ch in CLOSE for ch in a[0]):
            merged[-1][0] += a[0]
        else:
            merged.append(a)
    out = []
    pend = None
    for a in merged:  # opening punctuation never ends a line
        if pend is not None and not a[2]:
            a = [pend[0] + a[0], a[1], pend[2]]
            pend = None
        elif pend is not None:
            out.append(pend)
            pend = None
        if all(ch in OPEN for ch in a[0]) and a[1] != 'group':
            pend = a
        else:
            out.append(a)
    if pend is not None:
        out.append(pend)
    return out


def wrap(text, font, maxw):
    L = font.getlength

    def fit(pre, s):
        k = 0
        while k < len(s) and L(pre + s[:k + 1]) <= maxw:
            k += 1
        return k

    lines, consumed, cur = [], [], ''
    for t, kind, sp in atomize(text):
        sep = ' ' if (sp and cur) else ''
        if L(cur + sep + t) <= maxw:
            cur = cur + sep + t
            continue
        if kind == 'url':
            s = t
            pre = cur + sep
            k = fit(pre, s)
            while 0 < k < len(s) and s[k] in CLOSE:
                k -= 1
            if cur and k >= 2:
                lines.append(pre + s[:k])
                consumed.append(False)
                s = s[k:]
            elif cur:
                lines.append(cur)
                consumed.append(bool(sep))
            while L(s) > maxw:
                k = fit('', s)
                while 0 < k < len(s) and s[k] in CLOSE:
                    k -= 1
                if k == 0:
                    raise WrapError('cannot split')
                lines.append(s[:k])
                consumed.append(False)
                s = s[k:]
            cur = s
        else:
            if L(t) > maxw:
                raise WrapError('atom too long')
            if cur:
                lines.append(cur)
                consumed.append(bool(sep))
            cur = t
    lines.append(cur)
    return lines, consumed


def join_truth(lines, consumed):
    """Join drawn lines into the truth text (convention: one space only where an English
    wrap fell between words). Raises WrapError where a reader could not tell."""
    out = lines[0]
    for i in range(1, len(lines)):
        a, b, c = lines[i - 1][-1], lines[i][0], consumed[i - 1]
        if is_ascii(a) and is_ascii(b):
            ul = url_like(lines[i - 1].split(' ')[-1]) or url_like(lines[i].split(' ')[0])
            if c == ul:
                raise WrapError('ambiguous wrap')
            out += (' ' if c else '') + lines[i]
        else:
            out += lines[i]
    return out


# ----------------------------------------------------------------------------
# dates and labels
# ----------------------------------------------------------------------------
WD_CN = '一二三四五六日'
WD_EN = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
MON_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']


def hm24(t):
    return f'{t.hour:02d}:{t.minute:02d}'


def hm_cn12(t, r):
    h, m = t.hour, t.minute
    if h == 0:
        p, hh = r.choice(['凌晨', '上午']), 12
    elif h < 6:
        p, hh = '凌晨', h
    elif h < 12:
        p, hh = '上午', h
    elif h == 12:
        p, hh = r.choice(['中午', '下午']), 12
    elif h < 18:
        p, hh = '下午', h - 12
    else:
        p, hh = r.choice(['晚上', '下午']), h - 12
    return f'{p}{hh}:{m:02d}'


def hm_en12(t):
    h = t.hour % 12 or 12
    return f"{h}:{t.minute:02d} {'AM' if t.hour < 12 else 'PM'}"


OWN_TIME = ('huawei_sms', 'honor_sms', 'vivo_sms')


def sep_label(layout, when, has_time, taken, p, r):
    """Centred separator text for datetime `when` (date only if not has_time)."""
    d = when.date()
    delta = (taken.date() - d).days
    same_year = d.year == taken.year
    wd = d.weekday()
    tm = ''
    if has_time:
        if layout == 'iphone_sms_en':
            tm = hm24(when) if p['h24en'] else hm_en12(when)
        else:
            tm = hm_cn12(when, r) if p['use12'] else hm24(when)
    if layout == 'iphone_sms_en':
        if delta == 0:
            return f'Today {tm}'
        if delta == 1:
            return f'Yesterday {tm}'
        if 2 <= delta <= 6 and r.random() < 0.8:
            return f'{WD_EN[wd]} {tm}'
        if same_year:
            return f'{WD_EN[wd][:3]}, {MON_EN[d.month - 1]} {d.day} at {tm}'
        return f'{WD_EN[wd][:3]}, {MON_EN[d.month - 1]} {d.day}, {d.year} at {tm}'
    wdn = ('周' if p['zhou'] else '星期') + WD_CN[wd]
    if layout == 'iphone_sms':
        if delta == 0:
            return f'今天 {tm}'
        if delta == 1:
            return f'昨天 {tm}'
        if 2 <= delta <= 6 and r.random() < 0.8:
            return f'星期{WD_CN[wd]} {tm}'
        if same_year:
            return f'{d.month}月{d.day}日 周{WD_CN[wd]} {tm}'
        return f'{d.year}年{d.month}月{d.day}日 周{WD_CN[wd]} {tm}'
    if not has_time:  # Huawei / Honor / vivo date separators
        if delta == 0:
            return r.choice(['今天', '今天'])
        if delta == 1:
            return '昨天'
        if 2 <= delta <= 6 and r.random() < 0.6:
            return wdn if r.random() < 0.6 else f'{d.month}月{d.day}日 {wdn}'
        if same_year:
            return r.choice([f'{d.month}月{d.day}日', f'{d.month}月{d.day}日 {wdn}'])
        return r.choice([f'{d.year}年{d.month}月{d.day}日', f'{d.year}/{d.month}/{d.day}'])
    # Xiaomi / OPPO / WeChat: date + time
    if delta == 0:
        return r.choice([tm, tm, f'今天 {tm}']) if layout in ('xiaomi_sms', 'oppo_sms') else tm
    if delta == 1:
        return f'昨天 {tm}'
    if 2 <= delta <= 6 and r.random() < 0.7:
        return f'{wdn} {tm}'
    if same_year:
        if layout == 'oppo_sms' and r.random() < 0.4:
            return f'{d.month}月{d.day}日 {wdn} {tm}'
        return f'{d.month}月{d.day}日 {tm}'
    if layout == 'xiaomi_sms' and r.random() < 0.4:
        return f'{d.year}/{d.month}/{d.day} {tm}'
    return f'{d.year}年{d.month}月{d.day}日 {tm}'


def own_label(t, p, r):
    s = hm_cn12(t, r) if p['use12'] else hm24(t)
    if p['sim']:
        s = f"{p['sim']} {s}" if p['sim_first'] else f"{s} {p['sim']}"
    return s


def iso(d, hhmm):
    return f'{d.isoformat()}T{hhmm[0]:02d}:{hhmm[1]:02d}:00+08:00'


# ----------------------------------------------------------------------------
# look of each app
# ----------------------------------------------------------------------------
def pal(layout, dark):
    P = {
        'huawei_sms': (dict(bg='#F1F3F5', hdr='#F1F3F5', in_b='#FFFFFF', in_t='#191919', out_b='#007DFF', out_t='#FFFFFF'),
                       dict(bg='#000000', hdr='#000000', in_b='#272727', in_t='#E6E6E6', out_b='#1F6FE0', out_t='#FFFFFF')),
        'honor_sms': (dict(bg='#FFFFFF', hdr='#FFFFFF', in_b='#F1F2F4', in_t='#1A1A1A', out_b='#256FFF', out_t='#FFFFFF'),
                      dict(bg='#0B0B0B', hdr='#0B0B0B', in_b='#2B2B2D', in_t='#E3E3E3', out_b='#2E67E8', out_t='#FFFFFF')),
        'vivo_sms': (dict(bg='#F4F5F7', hdr='#F4F5F7', in_b='#FFFFFF', in_t='#202020', out_b='#456FFF', out_t='#FFFFFF'),
                     dict(bg='#121212', hdr='#121212', in_b='#2A2A2A', in_t='#DDDDDD', out_b='#3C5FE0', out_t='#FFFFFF')),
        'xiaomi_sms': (dict(bg='#FFFFFF', hdr='#FFFFFF', in_b='#F2F3F5', in_t='#000000', out_b='#3482FF', out_t='#FFFFFF'),
                       dict(bg='#000000', hdr='#000000', in_b='#232323', in_t='#E0E0E0', out_b='#2C6FDB', out_t='#FFFFFF')),
        'oppo_sms': (dict(bg='#FAFAFA', hdr='#FAFAFA', in_b='#EDEDED', in_t='#1C1C1C', out_b='#2FB36A', out_t='#FFFFFF'),
                     dict(bg='#000000', hdr='#000000', in_b='#262626', in_t='#E2E2E2', out_b='#25914F', out_t='#FFFFFF')),
        'iphone_sms': (dict(bg='#FFFFFF', hdr='#F7F7F7', in_b='#E9E9EB', in_t='#000000', out_b='#34C759', out_t='#FFFFFF'),
                       dict(bg='#000000', hdr='#161616', in_b='#262629', in_t='#FFFFFF', out_b='#30B94F', out_t='#FFFFFF')),
        'wechat': (dict(bg='#EDEDED', hdr='#EDEDED', in_b='#FFFFFF', in_t='#191919', out_b='#95EC69', out_t='#191919'),
                   dict(bg='#111111', hdr='#111111', in_b='#2C2C2C', in_t='#D5D5D5', out_b='#3EB575', out_t='#0C0C0C')),
    }
    key = 'iphone_sms' if layout.startswith('iphone') else ('wechat' if layout.startswith('wechat') else layout)
    c = dict(P[key][1 if dark else 0])
    c.update(dict(meta='#7E7E7E' if dark else '#8C8C8C', title='#EDEDED' if dark else '#111111',
                  sub='#8A8A8A' if dark else '#888888', icon='#E0E0E0' if dark else '#222222',
                  bar='#1A1A1A' if dark else '#F7F7F7', field='#2A2A2A' if dark else '#FFFFFF',
                  ph='#6E6E6E' if dark else '#A0A0A0', status='#FFFFFF' if dark else '#000000',
                  line='#262626' if dark else '#DDDDDD'))
    if key in ('huawei_sms', 'honor_sms', 'vivo_sms', 'xiaomi_sms', 'oppo_sms'):
        c['bar'] = c['bg']
        c['field'] = '#1F1F1F' if dark else ('#FFFFFF' if c['bg'] != '#FFFFFF' else '#F2F3F5')
    if key == 'wechat':
        c['bar'] = '#1E1E1E' if dark else '#F7F7F7'
        c['field'] = '#2C2C2C' if dark else '#FFFFFF'
    return c


def hexc(c):
    if isinstance(c, str):
        return c.upper()
    return '#%02X%02X%02X' % tuple(c[:3])


class Canvas:
    def __init__(self, W, H, bg):
        self.W, self.H = W, H
        self.img = Image.new('RGB', (W, H), bg)
        self.d = ImageDraw.Draw(self.img)
        self.strings = []
        self.shapes = []

    def text(self, xy, s, font, fill, role, anchor='ls'):
        xy = (int(round(xy[0])), int(round(xy[1])))
        self.d.text(xy, s, font=font, fill=fill, anchor=anchor)
        box = [int(v) for v in self.d.textbbox(xy, s, font=font, anchor=anchor)]
        self.strings.append({'text': s, 'box': box, 'role': role, 'color': hexc(fill), 'px': font.size})
        return box

    def rrect(self, box, rad, fill, kind=None, outline=None, width=1):
        box = [int(round(v)) for v in box]
        self.d.rounded_rectangle(box, int(rad), fill=fill, outline=outline, width=width)
        if kind:
            self.shapes.append({'kind': kind, 'box': box, 'fill': hexc(fill)})
        return box


# --- icons (shapes only) -----------------------------------------------------
def icon_back(c, x, y, s, col, style='arrow'):
    w = max(3, int(s * 0.12))
    if style == 'arrow':
        c.d.line([(x, y), (x + s, y)], fill=col, width=w)
    c.d.line([(x, y), (x + s * 0.45, y - s * 0.45)], fill=col, width=w)
    c.d.line([(x, y), (x + s * 0.45, y + s * 0.45)], fill=col, width=w)


def icon_dots(c, x, y, s, col, vertical=True):
    r = max(3, int(s * 0.09))
    for k in (-1, 0, 1):
        cx, cy = (x, y + k * s * 0.32) if vertical else (x + k * s * 0.32, y)
        c.d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=col)


def icon_phone(c, x, y, s, col):
    w = max(3, int(s * 0.1))
    c.d.arc([x - s / 2, y - s / 2, x + s / 2, y + s / 2], 100, 260, fill=col, width=w)
    c.d.rounded_rectangle([x - s / 2 - 2, y - s / 2, x - s / 4, y - s / 4], 4, fill=col)
    c.d.rounded_rectangle([x - s / 4, y + s / 4, x, y + s / 2 + 2], 4, fill=col)


def icon_signal(c, x, y, s, col, bars=4):
    bw = s * 0.18
    for k in range(4):
        h = s * (0.35 + 0.2 * k)
        fill = col if k < bars else '#9A9A9A'
        c.d.rectangle([x + k * bw * 1.5, y - h, x + k * bw * 1.5 + bw, y], fill=fill)
    return x + 4 * bw * 1.5


def icon_wifi(c, x, y, s, col):
    for k, rr in enumerate((1.0, 0.68, 0.36)):
        R = s * rr / 2
        c.d.pieslice([x + s / 2 - R * 1.4, y - R * 1.6, x + s / 2 + R * 1.4, y + R * 1.2], 225, 315,
                     fill=col if k != 1 else None, outline=col)
    return x + s


def icon_battery(c, x, y, s, col, level, pct_font=None, bg='#FFFFFF', show_pct=True, inner_text=True):
    w, h = s * 1.9, s * 0.95
    c.d.rounded_rectangle([x, y - h, x + w, y], int(h * 0.3), outline=col, width=max(2, int(s * 0.07)))
    c.d.rectangle([x + w + 1, y - h * 0.68, x + w + s * 0.12, y - h * 0.32], fill=col)
    fillw = (w - 8) * level / 100
    if not inner_text:
        c.d.rounded_rectangle([x + 4, y - h + 4, x + 4 + fillw, y - 4], int(h * 0.2), fill=col)
    if show_pct and pct_font is not None and inner_text:
        c.text((x + w / 2, y - h / 2), str(level), pct_font, col, 'status', anchor='mm')
    return x + w + s * 0.2


# ----------------------------------------------------------------------------
# one screenshot
# ----------------------------------------------------------------------------
ANDROID_SIZES = [(1080, 2340), (1080, 2400), (1080, 2412), (1220, 2712), (1260, 2800)]
IPHONE_SIZES = [(1170, 2532), (1179, 2556), (1290, 2796)]
PLACEHOLDER = {'huawei_sms': ['短信'], 'honor_sms': ['短信', '发送短信'], 'vivo_sms': ['短信', '输入短信'],
               'xiaomi_sms': ['短信', '输入短信'], 'oppo_sms': ['短信', '输入短信'], 'iphone_sms': ['短信', '短信/彩信'],
               'iphone_sms_en': ['Text Message']}


class Shot:
    def __init__(self, layout, W, H, dark, taken, r, fs, spacing, p, header, members=None):
        self.layout, self.W, self.H, self.dark, self.taken, self.r = layout, W, H, dark, taken, r
        self.fs, self.spacing, self.p = fs, spacing, p
        self.header = header  # dict(title, sub, sender)
        self.members = members
        self.iphone_dev = (W, H) in IPHONE_SIZES
        self.wechat = layout.startswith('wechat')
        self.c = pal(layout, dark)
        s = W / 1080
        self.s = s
        self.fontM = F(fs)
        self.small = F(round(r.randint(30, 35) * s))
        self.lh = round(fs * spacing)
        self.padx = round(fs * (0.55 if self.wechat else 0.62))
        self.pady = round(fs * (0.42 if not layout.startswith('iphone') else 0.34))
        if self.wechat:
            self.av = round(118 * s)
            self.margin = round(30 * s)
            self.maxw = int(W - 2 * (self.margin + self.av + 22 * s) - 150 * s) - 2 * self.padx
            self.rad = round(12 * s)
        elif layout.startswith('iphone'):
            self.margin = round(46 * s)
            self.maxw = int(W * 0.70) - 2 * self.padx
            self.rad = round(fs * 0.85)
        else:
            self.margin = round(r.randint(36, 48) * s)
            self.maxw = int(W * (0.62 if layout == 'vivo_sms' else 0.72)) - 2 * self.padx
            self.rad = round(fs * r.choice([0.5, 0.75, 0.95]))
        self.own = layout in OWN_TIME
        self.asc = round(fs * 0.92)
        self.desc = round(fs * 0.27)

    # --- measuring ---------------------------------------------------------
    def measure_bubble(self, it):
        lines, consumed = wrap(it['src'], self.fontM, self.maxw)
        it['lines'] = lines
        it['text'] = join_truth(lines, consumed)
        tw = max(self.fontM.getlength(ln) for ln in lines)
        it['bw'] = int(tw + 2 * self.padx + 0.999)
        it['bh'] = self.pady * 2 + self.asc + (len(lines) - 1) * self.lh + self.desc
        h = it['bh']
        if it.get('nick'):
            h += round(self.small.size * 1.45)
        if self.own and self.layout != 'vivo_sms':
            h += round(self.small.size * 1.5)
        if self.wechat:
            h = max(h, self.av)
        it['h'] = h

    def measure(self, it):
        t = it['t']
        if t == 'bubble':
            self.measure_bubble(it)
        elif t in ('sep', 'label', 'notice', 'delivered'):
            it['h'] = round(self.small.size * 1.3)
        return it

    def gap(self, a, b):
        if a is None:
            return 0
        fs = self.fs
        if b['t'] == 'delivered':
            return round(fs * 0.15)
        if b['t'] in ('sep', 'notice', 'label') or a['t'] in ('sep', 'label', 'notice'):
            return round(fs * 0.75)
        if a['t'] == 'delivered':
            return round(fs * 0.6)
        same = a.get('dir') == b.get('dir')
        if self.wechat:
            return round(fs * 0.6)
        if self.layout.startswith('iphone'):
            return round(fs * (0.12 if same else 0.45))
        return round(fs * (0.35 if same else 0.6))

    def span(self, items, i, j):
        tot = 0
        for k in range(i, j + 1):
            tot += items[k]['h'] + (self.gap(items[k - 1], items[k]) if k > i else 0)
        return tot

    # --- frame -------------------------------------------------------------
    def frame_metrics(self):
        W, s = self.W, self.s
        if self.iphone_dev:
            self.sb_h = round(W * (0.121 if W != 1170 else 0.1205))
        else:
            self.sb_h = round(W * 0.088) + self.r.randint(0, 10)
        if self.layout.startswith('iphone'):
            self.hdr_h = round(292 * s)
        else:
            self.hdr_h = round((150 if self.wechat else 170) * s)
        if self.iphone_dev:
            self.bot_h = round(120 * s) + round(96 * s)
        else:
            self.bot_h = round((150 if self.wechat else 160) * s) + round(48 * s)
        self.top = self.sb_h + self.hdr_h
        self.bottom = self.H - self.bot_h
        self.avail = self.bottom - self.top - round(40 * s)

    def draw_status(self):
        c, W, s, r, col = self.c, self.W, self.s, self.r, self.c['status']
        cv = self.cv
        clock = hm24(self.taken) if not (self.iphone_dev and self.p['h12clock']) else f'{self.taken.hour % 12 or 12}:{self.taken.minute:02d}'
        level = self.p['battery']
        if self.iphone_dev:
            base = round(self.sb_h * 0.62)
            cv.text((round(W * 0.155), base), clock, F(round(48 * s), True), col, 'status', anchor='ms')
            if W != 1170:  # dynamic island
                cv.d.rounded_rectangle([W / 2 - 190 * s, 30 * s, W / 2 + 190 * s, 140 * s], int(55 * s), fill='#000000')
            else:  # notch
                cv.d.rounded_rectangle([W * 0.27, -40, W * 0.73, 88 * s], int(60 * s), fill='#000000')
            x = W * 0.745
            x = icon_signal(cv, x, base, 40 * s, col) + 14 * s
            if self.p['wifi']:
                x = icon_wifi(cv, x, base, 46 * s, col) + 14 * s
            else:
                cv.text((x, base), self.p['net'], F(round(34 * s), True), col, 'status')
                x += 70 * s
            icon_battery(cv, x, base, 40 * s, col, level, F(round(25 * s), True))
            return
        fs = round(W * 0.034)
        base = round(self.sb_h * 0.66)
        font = F(fs)
        if self.layout in ('huawei_sms', 'honor_sms') and self.p['carrier_left']:
            b = cv.text((round(40 * s), base), self.p['carrier'], font, col, 'status')
            x = icon_signal(cv, b[2] + 14 * s, base, fs, col)
            b = cv.text((x + 10 * s, base), self.p['net'], F(round(fs * 0.7), True), col, 'status')
            if self.p['speed']:
                cv.text((b[2] + 16 * s, base), self.p['speed'], F(round(fs * 0.62)), col, 'status')
            xr = W - round(40 * s)
            b = cv.text((xr, base), clock, font, col, 'status', anchor='rs')
            bx = b[0] - 14 * s - fs * 1.9 - 6
            icon_battery(cv, bx, base, fs, col, level, inner_text=False)
            cv.text((bx - 10 * s, base), f'{level}%', F(round(fs * 0.8)), col, 'status', anchor='rs')
            return
        b = cv.text((round(52 * s), base), clock, F(fs, self.layout in ('vivo_sms', 'oppo_sms')), col, 'status')
        x = b[2] + 18 * s
        for k in range(self.p['notif']):
            cv.d.rounded_rectangle([x, base - fs * 0.75, x + fs * 0.75, base], int(fs * 0.15), fill=col)
            x += fs * 1.05
        xr = W - round(52 * s) - fs * 2.1
        icon_battery(cv, xr, base, fs, col, level, F(round(fs * 0.58), True))
        xs = xr - fs * 1.3 - 14 * s
        icon_signal(cv, xs, base, fs, col)
        if self.p['wifi']:
            icon_wifi(cv, xs - fs * 1.3, base, fs * 1.05, col)
        else:
            cv.text((xs - 10 * s, base), self.p['net'], F(round(fs * 0.7), True), col, 'status', anchor='rs')

    def draw_header(self):
        c, W, s, cv, h = self.c, self.W, self.s, self.cv, self.header
        y0, y1 = self.sb_h, self.sb_h + self.hdr_h
        cv.d.rectangle([0, 0, W, y1], fill=c['hdr'])
        if self.layout.startswith('iphone'):
            cv.d.line([(0, y1), (W, y1)], fill=c['line'], width=2)
            icon_back(cv, round(40 * s), y0 + round(70 * s), round(40 * s), '#0A84FF' if self.dark else '#007AFF', 'chev')
            if self.p['badge']:
                cv.text((round(80 * s), y0 + round(84 * s)), self.p['badge'], F(round(40 * s)),
                        '#0A84FF' if self.dark else '#007AFF', 'header_other')
            R = round(72 * s)
            cx, cy = W // 2, y0 + round(20 * s) + R
            cv.d.ellipse([cx - R, cy - R, cx + R, cy + R], fill='#9FA4B0' if not self.dark else '#6B6F78')
            cv.d.ellipse([cx - R * 0.35, cy - R * 0.55, cx + R * 0.35, cy + R * 0.15], fill='#FFFFFF')
            cv.d.chord([cx - R * 0.7, cy + R * 0.25, cx + R * 0.7, cy + R * 1.3], 180, 360, fill='#FFFFFF')
            cv.shapes.append({'kind': 'avatar', 'box': [cx - R, cy - R, cx + R, cy + R], 'fill': '#9FA4B0'})
            b = cv.text((cx, cy + R + round(50 * s)), h['title'], F(round(36 * s)), c['title'], 'header_title', anchor='ms')
            icon_back(cv, b[2] + 22 * s, b[3] - 14 * s, -14 * s, c['sub'], 'chev')
            return
        mid = (y0 + y1) // 2
        icon_back(cv, round(44 * s), mid, round(44 * s), c['icon'], 'chev' if self.wechat else 'arrow')
        if self.wechat:
            cv.text((W // 2, mid + round(17 * s)), h['title'], F(round(50 * s), True), c['title'], 'header_title', anchor='ms')
            icon_dots(cv, W - round(60 * s), mid, round(50 * s), c['icon'], vertical=False)
            return
        center = self.layout in ('honor_sms', 'vivo_sms')
        tf = F(round(self.p['title_px'] * s), self.layout == 'xiaomi_sms')
        x = W // 2 if center else round(140 * s)
        anc = 'ms' if center else 'ls'
        if h.get('sub'):
            cv.text((x, mid + round(2 * s)), h['title'], tf, c['title'], 'header_title', anchor=anc)
            cv.text((x, mid + round(50 * s)), h['sub'], F(round(32 * s)), c['sub'], 'header_sub', anchor=anc)
        else:
            cv.text((x, mid + round(19 * s)), h['title'], tf, c['title'], 'header_title', anchor=anc)
        icon_dots(cv, W - round(56 * s), mid, round(54 * s), c['icon'])
        icon_phone(cv, W - round(160 * s), mid, round(50 * s), c['icon'])

    def draw_bottom(self):
        c, W, H, s, cv = self.c, self.W, self.H, self.s, self.cv
        y0 = self.bottom
        cv.d.rectangle([0, y0, W, H], fill=c['bar'])
        if self.iphone_dev:
            barh = round(120 * s)
        else:
            barh = round((150 if self.wechat else 160) * s)
        mid = y0 + barh // 2
        if self.wechat:
            cv.d.line([(0, y0), (W, y0)], fill=c['line'], width=2)
            R = round(34 * s)
            for cx in (round(62 * s), W - round(170 * s), W - round(62 * s)):
                cv.d.ellipse([cx - R, mid - R, cx + R, mid + R], outline=c['icon'], width=max(2, int(4 * s)))
            cv.d.rounded_rectangle([round(118 * s), mid - round(44 * s), W - round(226 * s), mid + round(44 * s)],
                                   int(10 * s), fill=c['field'])
        elif self.layout.startswith('iphone'):
            R = round(36 * s)
            cx = round(66 * s)
            cv.d.ellipse([cx - R, mid - R, cx + R, mid + R], fill='#3A3A3C' if self.dark else '#E5E5EA')
            cv.d.line([(cx - R / 2, mid), (cx + R / 2, mid)], fill=c['sub'], width=4)
            cv.d.line([(cx, mid - R / 2), (cx, mid + R / 2)], fill=c['sub'], width=4)
            cv.d.rounded_rectangle([round(124 * s), mid - round(42 * s), W - round(40 * s), mid + round(42 * s)],
                                   int(42 * s), outline='#3A3A3C' if self.dark else '#C7C7CC', width=2)
            cv.text((round(158 * s), mid + round(14 * s)), self.p['placeholder'], F(round(40 * s)), c['ph'], 'placeholder')
            mx = W - round(90 * s)
            cv.d.rounded_rectangle([mx - 9 * s, mid - 22 * s, mx + 9 * s, mid + 8 * s], int(9 * s), fill=c['sub'])
        else:
            R = round(38 * s)
            cx = round(70 * s)
            cv.d.ellipse([cx - R, mid - R, cx + R, mid + R], outline=c['icon'], width=max(2, int(4 * s)))
            cv.d.line([(cx - R / 2, mid), (cx + R / 2, mid)], fill=c['icon'], width=4)
            cv.d.line([(cx, mid - R / 2), (cx, mid + R / 2)], fill=c['icon'], width=4)
            cv.d.rounded_rectangle([round(130 * s), mid - round(52 * s), W - round(140 * s), mid + round(52 * s)],
                                   int(52 * s), fill=c['field'])
            cv.text((round(170 * s), mid + round(14 * s)), self.p['placeholder'], F(round(40 * s)), c['ph'], 'placeholder')
            sx = W - round(75 * s)
            cv.d.polygon([(sx - 30 * s, mid - 28 * s), (sx + 32 * s, mid), (sx - 30 * s, mid + 28 * s), (sx - 18 * s, mid)],
                         fill=c['sub'])
        # gesture / home indicator
        hy = H - round(30 * s) if not self.iphone_dev else H - round(28 * s)
        hw = round((140 if self.iphone_dev else 110) * s)
        cv.d.rounded_rectangle([W // 2 - hw, hy - 5 * s, W // 2 + hw, hy + 5 * s], int(5 * s),
                               fill='#FFFFFF' if self.dark else '#000000')

    # --- content -------------------------------------------------------------
    def draw_item(self, it, y):
        c, W, s, cv, fs = self.c, self.W, self.s, self.cv, self.fs
        t = it['t']
        sm = self.small
        if t in ('sep', 'label', 'notice', 'delivered'):
            base = y + round(sm.size * 1.0)
            if t == 'delivered':
                cv.text((W - self.margin - round(8 * s), base), it['text'], sm, c['meta'], 'delivered', anchor='rs')
                return
            col = c['meta']
            role = {'sep': 'separator', 'label': 'label', 'notice': it.get('role', 'notice')}[t]
            if t == 'sep' and self.p['sep_pill'] and not self.wechat:
                w = sm.getlength(it['text'])
                cv.d.rounded_rectangle([W / 2 - w / 2 - 18 * s, base - sm.size * 1.02, W / 2 + w / 2 + 18 * s,
                                        base + sm.size * 0.34], int(sm.size * 0.6),
                                       fill='#1C1C1C' if self.dark else '#E6E8EB')
            if t == 'sep' and self.layout.startswith('iphone') and ' ' in it['text'] and self.p['ios_bold']:
                # iOS prints the day part in semibold, the time in regular
                head, tail = it['text'].rsplit(' ', 1) if self.layout == 'iphone_sms' else (it['text'], '')
                if tail:
                    wh, wt = F(sm.size, True).getlength(head + ' '), sm.getlength(tail)
                    x0 = W / 2 - (wh + wt) / 2
                    cv.text((x0, base), head, F(sm.size, True), col, 'separator')
                    cv.text((x0 + wh, base), tail, sm, col, 'separator')
                    return
            cv.text((W / 2, base), it['text'], sm, col, role, anchor='ms')
            return
        # bubble
        out = it['dir'] == 'out'
        yb = y
        if it.get('nick'):
            xn = self.margin + self.av + round(26 * s)
            cv.text((xn, y + round(sm.size * 0.95)), it['nick'], sm, c['meta'], 'nickname')
            yb = y + round(sm.size * 1.45)
        if self.wechat:
            ax = W - self.margin - self.av if out else self.margin
            ay = y
            colr = self.p['avatar_me'] if out else it.get('avatar', self.p['avatar_them'])
            cv.rrect([ax, ay, ax + self.av, ay + self.av], int(10 * s), colr, kind='avatar')
            cv.d.ellipse([ax + self.av * 0.32, ay + self.av * 0.18, ax + self.av * 0.68, ay + self.av * 0.54], fill='#FFFFFF')
            cv.d.chord([ax + self.av * 0.16, ay + self.av * 0.6, ax + self.av * 0.84, ay + self.av * 1.25], 180, 360, fill='#FFFFFF')
            x1 = W - self.margin - self.av - round(22 * s) if out else None
            x0 = self.margin + self.av + round(22 * s) if not out else x1 - it['bw']
            if not out:
                x1 = x0 + it['bw']
        else:
            if out:
                x1 = W - self.margin
                x0 = x1 - it['bw']
            else:
                x0 = self.margin
                x1 = x0 + it['bw']
        fill = c['out_b'] if out else c['in_b']
        tcol = c['out_t'] if out else c['in_t']
        rad = min(self.rad, it['bh'] // 2)
        cv.rrect([x0, yb, x1, yb + it['bh']], rad, fill, kind='bubble')
        if self.wechat:  # little pointer towards the avatar
            ty = yb + min(round(40 * s), it['bh'] // 2)
            k = round(12 * s)
            if out:
                cv.d.polygon([(x1 - 1, ty - k), (x1 + k, ty), (x1 - 1, ty + k)], fill=fill)
            else:
                cv.d.polygon([(x0 + 1, ty - k), (x0 - k, ty), (x0 + 1, ty + k)], fill=fill)
        elif self.layout.startswith('iphone'):
            k = round(16 * s)
            yb2 = yb + it['bh']
            if out:
                cv.d.polygon([(x1 - k * 2, yb2 - k * 2), (x1 + k * 0.6, yb2), (x1 - k * 2.5, yb2 - 2)], fill=fill)
            else:
                cv.d.polygon([(x0 + k * 2, yb2 - k * 2), (x0 - k * 0.6, yb2), (x0 + k * 2.5, yb2 - 2)], fill=fill)
        base = yb + self.pady + self.asc
        for ln in it['lines']:
            cv.text((x0 + self.padx, base), ln, self.fontM, tcol, 'msg')
            base += self.lh
        if self.own:
            if self.layout == 'vivo_sms':
                yt = yb + it['bh'] - round(6 * s)
                if out:
                    cv.text((x0 - round(16 * s), yt), it['own'], sm, c['meta'], 'msg_time', anchor='rs')
                else:
                    cv.text((x1 + round(16 * s), yt), it['own'], sm, c['meta'], 'msg_time')
            else:
                yt = yb + it['bh'] + round(sm.size * 1.15)
                if out:
                    cv.text((x1 - round(6 * s), yt), it['own'], sm, c['meta'], 'msg_time', anchor='rs')
                else:
                    cv.text((x0 + round(6 * s), yt), it['own'], sm, c['meta'], 'msg_time')

    def render(self, items, align):
        """items: the window, top to bottom. align 'bottom' or 'top'."""
        self.cv = Canvas(self.W, self.H, self.c['bg'])
        total = self.span(items, 0, len(items) - 1)
        assert total <= self.avail, (total, self.avail)
        if align == 'bottom':
            y = self.bottom - round(24 * self.s) - total
        else:
            y = self.top + round(16 * self.s)
        prev = None
        for it in items:
            y += self.gap(prev, it)
            self.draw_item(it, y)
            y += it['h']
            prev = it
        self.draw_header()
        self.draw_status()
        self.draw_bottom()
        return self.cv


# ----------------------------------------------------------------------------
# threads
# ----------------------------------------------------------------------------
WX_PRIVATE = ['贷后管理-陈经理', '法务部 王律师', '小李（协商还款）', '速享花客服-阿杰', '调解中心 何老师', 'Kevin-恒信普惠',
              '安逸分期 贷后', '周律师']
WX_GROUPS = ['还款协商处理群', '【速享花】逾期处理3群', '王**欠款协商群', '家属沟通群', 'HX-0310调解群', '云借宝贷后沟通']
WX_NICKS = ['调解员小何', '法务专员-周', '贷后主管老陈', '客服阿杰', '王**妈妈', 'Lily-催收', '张律师', '外访组-刘']
SMS_NAMES = ['恒信普惠-贷后', '速享花客服', '李律师', '安逸分期', '陈经理（催收）', 'Collections Dept', '法务 张', '瑞丰消费金融']
LOCS = ['广东 深圳', '浙江 杭州', '湖南 长沙', '四川 成都', '北京', '上海', '湖北 武汉 中国移动', '江苏 南京 中国联通']


def sms_header(layout, r):
    st = r.randrange(10)
    if st < 4:
        p = r.choice(['138', '139', '137', '136'])
        n = f'{r.randint(0, 9999):04d}'
        title = r.choice([f'+86 {p} 0000 {n}', f'{p} 0000 {n}', f'{p}0000{n}', f'+86 {p}-0000-{n}'])
        if layout == 'iphone_sms_en':
            title = f'+86 {p} 0000 {n}'
        sub = r.choice(LOCS) if not layout.startswith('iphone') and r.random() < 0.7 else None
    elif st < 6:
        d = f'1069{r.randint(0, 9999):04d}{r.randint(0, 99999):05d}'
        title = r.choice([d, f'{d[:4]} {d[4:8]} {d[8:]}'])
        sub = None
    elif st < 7:
        title = f'950{r.randint(10, 99)}'
        sub = None
    elif st < 8:
        title = r.choice([f'0571-8{r.randint(100, 999)} {r.randint(0, 9999):04d}', f'400-123-{r.randint(1000, 9999)}'])
        sub = r.choice(LOCS[:4]) if not layout.startswith('iphone') and r.random() < 0.5 else None
    else:
        title = r.choice(SMS_NAMES)
        sub = (f'138 0000 {r.randint(0, 9999):04d}' if r.random() < 0.4 else None) if not layout.startswith('iphone') else None
    if re.fullmatch(r'[+\d\s-]+', title):
        sender = re.sub(r'[\s-]', '', title)
        if sender.startswith('+86'):
            sender = sender[3:]
    else:
        sender = title
    return dict(title=title, sub=sub, sender=sender)


def make_text(content, layout, direction, r, nick=None):
    en_ui = layout == 'iphone_sms_en'
    wx = layout.startswith('wechat')
    if direction == 'in':
        pool = IN_ZH
        if en_ui and r.random() < 0.55:
            pool = IN_EN
        elif not en_ui and r.random() < 0.08:
            pool = IN_EN
        if wx and r.random() < 0.2:
            pool = WX_EXTRA_IN
        if layout == 'wechat_group' and r.random() < 0.25:
            pool = GROUP_IN
    else:
        pool = OUT_ZH
        if en_ui and r.random() < 0.5:
            pool = OUT_EN
        elif r.random() < 0.1:
            pool = OUT_EN
        if wx and r.random() < 0.25:
            pool = WX_EXTRA_OUT
    return content.fill(r.choice(pool), {'me': '王**'})


def build_items(shot, content, n_groups, r):
    """A chronological thread as a list of items, every bubble measured for this shot."""
    layout, taken = shot.layout, shot.taken
    own = layout in OWN_TIME
    # group datetimes, newest first
    whens = []
    off = r.choice([0, 0, 0, 1, 1, 2, 4, 9])
    day_groups = []
    while len(whens) < n_groups:
        d = taken.date() - dt.timedelta(days=off)
        k = 1 if own else r.choice([1, 1, 2, 2, 3])
        k = min(k, n_groups - len(whens))
        latest = taken - dt.timedelta(minutes=3) if off == 0 else dt.datetime.combine(d, dt.time(23, 40))
        lo = dt.datetime.combine(d, dt.time(7, 0))
        if latest <= lo + dt.timedelta(minutes=30 * k):
            off += 1
            continue
        span = int((latest - lo).total_seconds() // 60)
        for _ in range(50):
            mins = sorted(r.sample(range(0, span), k))
            if all(b - a >= 10 for a, b in zip(mins, mins[1:])):
                break
        else:
            mins = [span * (i + 1) // (k + 1) for i in range(k)]
        for m in mins:
            whens.append(lo + dt.timedelta(minutes=m))
        off += r.choice([1, 1, 1, 2, 3, 5, 12, 30])
    whens = sorted(whens)[-n_groups:]
    items = []
    if layout.startswith('iphone') and r.random() < 0.9:
        items.append({'t': 'label', 'text': '短信/彩信' if layout == 'iphone_sms' else 'Text Message'})
    first = True
    for gi, w in enumerate(whens):
        nmsg = r.choice([1, 1, 2, 2, 3, 4])
        # per-message times for own-time apps
        times = []
        cur = w
        for k in range(nmsg):
            times.append(cur)
            cur = cur + dt.timedelta(minutes=r.choice([0, 1, 1, 2, 5, 11, 26]))
        if times[-1] > taken - dt.timedelta(minutes=1) or times[-1].date() != w.date():
            times = [w] * nmsg
        items.append({'t': 'sep', 'when': w, 'has_time': not own,
                      'text': sep_label(layout, w, not own, taken, shot.p, r)})
        if layout.startswith('wechat') and first and r.random() < 0.5:
            if layout == 'wechat_group':
                items.append({'t': 'notice', 'role': 'system', 'text': f'“{r.choice(WX_NICKS)}”邀请你加入了群聊'})
            else:
                items.append({'t': 'notice', 'role': 'system', 'text': f'你已添加了{shot.header["title"]}，现在可以开始聊天了。'})
        for k in range(nmsg):
            direction = 'in' if first else ('out' if r.random() < 0.35 else 'in')
            first = False
            nick = None
            if layout == 'wechat_group' and direction == 'in':
                nick = r.choice(shot.members)
            it = None
            for attempt in range(40):
                src = make_text(content, layout, direction, r, nick)
                it = {'t': 'bubble', 'dir': direction, 'src': src, 'nick': nick}
                try:
                    shot.measure(it)
                except WrapError:
                    it = None
                    continue
                if it['h'] > shot.avail * 0.55:
                    it = None
                    continue
                break
            assert it is not None
            if nick:
                it['avatar'] = shot.p['nick_colors'][nick]
            it['when'] = times[k]
            if own:
                it['own'] = own_label(times[k], shot.p, r)
            items.append(it)
            if layout.startswith('wechat') and r.random() < 0.06:
                if direction == 'out':
                    items.append({'t': 'notice', 'role': 'recall', 'text': '你撤回了一条消息'})
                elif layout == 'wechat_group':
                    items.append({'t': 'notice', 'role': 'recall', 'text': f'“{nick}”撤回了一条消息'})
                else:
                    items.append({'t': 'notice', 'role': 'recall', 'text': '对方撤回了一条消息'})
    if layout.startswith('iphone') and items[-1]['t'] == 'bubble' and items[-1]['dir'] == 'out':
        items.append({'t': 'delivered', 'text': '已送达' if layout == 'iphone_sms' else 'Delivered'})
    for it in items:
        shot.measure(it)
    return items


def records_for(shot, window):
    kind = 'im' if shot.layout.startswith('wechat') else 'sms'
    recs = []
    cur = None  # (date, time or None) of the nearest separator above on this screen
    for it in window:
        if it['t'] == 'sep':
            cur = it['when']
            continue
        if it['t'] != 'bubble':
            continue
        if cur is None:
            occ = None
        elif shot.layout in OWN_TIME:
            occ = iso(cur.date(), (it['when'].hour, it['when'].minute))
        else:
            occ = iso(cur.date(), (cur.hour, cur.minute))
        if shot.layout == 'wechat_group':
            sender = it['nick'] if it['dir'] == 'in' else re.sub(r'[(（]\d+[)）]$', '', shot.header['title'])
        else:
            sender = shot.header['sender']
        recs.append({'kind': kind, 'sender': sender, 'occurred_at': occ, 'direction': it['dir'], 'text': it['text'],
                     'call_type': None, 'duration_seconds': None})
    return recs


def window_back(shot, items, e, slack_ok=True):
    s = e
    while s - 1 >= 0 and shot.span(items, s - 1, e) <= shot.avail:
        s -= 1
    return s


def window_fwd(shot, items, s):
    e = s
    while e + 1 < len(items) and shot.span(items, s, e + 1) <= shot.avail:
        e += 1
    return e


# ----------------------------------------------------------------------------
# main
# ----------------------------------------------------------------------------
LAYOUTS = ['huawei_sms', 'honor_sms', 'vivo_sms', 'xiaomi_sms', 'oppo_sms', 'iphone_sms', 'iphone_sms_en',
           'wechat_private', 'wechat_group']
PAIR_LAYOUTS = ['huawei_sms', 'vivo_sms', 'xiaomi_sms', 'iphone_sms', 'wechat_private', 'wechat_group']
D0, D1 = dt.date(2025, 9, 1), dt.date(2026, 11, 30)


def file_name(r, layout, iphone_dev, taken, jpeg, used, img_no):
    if jpeg:
        name = f'IMG_{taken:%Y%m%d_%H%M%S}.jpg'
    elif iphone_dev:
        if r.random() < 0.55:
            name = f'IMG_{img_no}.PNG'
        else:
            name = f'Screenshot {taken:%Y-%m-%d} at {taken:%H.%M.%S}.png'
    else:
        name = r.choice([f'Screenshot_{taken:%Y%m%d_%H%M%S}.png', f'Screenshot_{taken:%Y-%m-%d-%H-%M-%S}.png'])
    assert name not in used, name
    used.add(name)
    return name


def main():
    r = random.Random(SEED)
    units = []  # (layout, is_pair)
    for lay in LAYOUTS:
        n_single = 6 if lay in PAIR_LAYOUTS else 8
        units += [(lay, False)] * n_single
        if lay in PAIR_LAYOUTS:
            units.append((lay, True))
    n = len(units)
    dark_flags = [k < round(n / 3) for k in range(n)]
    r.shuffle(dark_flags)
    jpeg_flags = [k < 10 for k in range(n)]
    r.shuffle(jpeg_flags)
    truth, drawlog, used = [], [], set()
    img_no = 2000 + r.randint(0, 3000)
    pair_no = 0
    for ui, (layout, is_pair) in enumerate(units):
        dark, jpeg = dark_flags[ui], jpeg_flags[ui]
        if layout.startswith('iphone'):
            iphone_dev = True
        elif layout.startswith('wechat'):
            iphone_dev = r.random() < 0.4
        else:
            iphone_dev = False
        W, H = r.choice(IPHONE_SIZES if iphone_dev else ANDROID_SIZES)
        day = D0 + dt.timedelta(days=r.randint(0, (D1 - D0).days))
        taken = dt.datetime.combine(day, dt.time(r.randint(8, 23), r.randint(0, 59), r.randint(0, 59)))
        if taken.hour == 23 and taken.minute > 40:
            taken = taken.replace(minute=r.randint(0, 40))
        fs = r.randint(36, 60)
        spacing = round(r.uniform(1.22, 1.7), 2)
        p = dict(use12=r.random() < 0.3, zhou=r.random() < 0.5, h24en=r.random() < 0.25,
                 sim=(r.choice(['卡1', '卡2', '卡1']) if layout in ('huawei_sms', 'honor_sms') and r.random() < 0.6 else None),
                 sim_first=r.random() < 0.6, battery=r.randint(9, 100), wifi=r.random() < 0.6,
                 net=r.choice(['5G', '4G', '5G', '4G+']), notif=r.randint(0, 3), h12clock=r.random() < 0.7,
                 carrier_left=r.random() < 0.7, carrier=r.choice(['中国移动', '中国联通', '中国电信', '中国广电']),
                 speed=r.choice([None, '12.5K/s', '0.8K/s', '356B/s', '1.2M/s']),
                 badge=r.choice([None, None, '3', '12', '99+']),
                 title_px=r.choice([52, 56, 60]), sep_pill=r.random() < 0.25 and layout not in ('oppo_sms', 'iphone_sms', 'iphone_sms_en'),
                 ios_bold=r.random() < 0.6,
                 avatar_me=r.choice(['#6A8CAF', '#C9956B', '#7FA37A', '#8E7CC3']),
                 avatar_them=r.choice(['#D9534F', '#4A90D9', '#E0A030', '#5CB85C', '#777777']))
        p['placeholder'] = r.choice(PLACEHOLDER.get(layout, ['']))
        members = None
        if layout == 'wechat_private':
            title = r.choice(WX_PRIVATE)
            header = dict(title=title, sub=None, sender=title)
        elif layout == 'wechat_group':
            g = r.choice(WX_GROUPS)
            members = r.sample(WX_NICKS, r.randint(2, 4))
            title = f'{g}({len(members) + 1 + r.randint(0, 3)})'
            header = dict(title=title, sub=None, sender=g)
            p['nick_colors'] = {m: r.choice(['#D9534F', '#4A90D9', '#E0A030', '#5CB85C', '#9B59B6']) for m in members}
        else:
            header = sms_header(layout, r)
        shot = Shot(layout, W, H, dark, taken, r, fs, spacing, p, header, members)
        shot.frame_metrics()
        content = Content(r, taken)
        if not is_pair:
            n_groups = r.choice([3, 3, 4, 4, 5, 6, 7, 8])
            items = build_items(shot, content, n_groups, r)
            e = len(items) - 1
            s = window_back(shot, items, e)
            windows = [(s, e, 'bottom')]
            thread = None
        else:
            pair_no += 1
            thread = f'{layout}-thread{pair_no}'
            for attempt in range(30):
                items = build_items(shot, content, r.randint(9, 14), r)
                cands = []
                for e in range(len(items)):
                    if items[e]['t'] != 'bubble':
                        continue
                    for rep in (2, 1):
                        sB = e - rep + 1
                        if any(items[k]['t'] != 'bubble' for k in range(sB, e + 1)):
                            continue
                        sA = window_back(shot, items, e)
                        eB = window_fwd(shot, items, sB)
                        if sA > 0 and eB > e + 2 and eB < len(items) - 1 and sB > sA:
                            cands.append((e, rep, sA, sB, eB))
                        break
                if cands:
                    break
            assert cands, 'no pair'
            e, rep, sA, sB, eB = r.choice(cands)
            while items[eB]['t'] != 'bubble':
                eB -= 1
            windows = [(sA, e, 'bottom'), (sB, eB, 'top')]
        for wi, (s, e, align) in enumerate(windows):
            win = items[s:e + 1]
            t_img = taken + dt.timedelta(seconds=wi * r.randint(6, 40))
            shot.taken = t_img if wi else taken
            cv = shot.render(win, align)
            img_no += r.randint(1, 4)
            name = file_name(r, layout, iphone_dev, t_img, jpeg, used, img_no)
            path = os.path.join(HERE, name)
            if jpeg:
                cv.img.save(path, 'JPEG', quality=r.randint(80, 92))
            else:
                cv.img.save(path, 'PNG')
            recs = records_for(shot, win)
            truth.append({'file': name, 'layout': layout, 'dark': dark, 'taken_on': t_img.date().isoformat(),
                          'thread': thread, 'records': recs})
            drawlog.append({'file': name, 'size': [W, H], 'layout': layout, 'dark': dark,
                            'strings': cv.strings, 'shapes': cv.shapes})
        shot.taken = taken
    with open(os.path.join(HERE, 'truth.jsonl'), 'w', encoding='utf-8') as f:
        for t in truth:
            f.write(json.dumps(t, ensure_ascii=False) + '\n')
    with open(os.path.join(HERE, 'drawlog.jsonl'), 'w', encoding='utf-8') as f:
        for t in drawlog:
            f.write(json.dumps(t, ensure_ascii=False) + '\n')
    print(len(truth), 'images', sum(len(t['records']) for t in truth), 'records')


if __name__ == '__main__':
    main()

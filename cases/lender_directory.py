"""The seed of the lender directory: licensed lenders borrowers most often name.

Loaded by migration 0002 and editable in the admin afterwards. Full legal names
are what letters must address. Customer-service numbers are listed only where
well established; otherwise the letter tells the borrower to use the channel
published in the lender's app (lenders must publish one: 信用卡办法 art. 62,
互联网贷款办法 art. 10, 消保办法 art. 15).
"""

NFRA = "国家金融监督管理总局及其派出机构"
LOCAL = "地方金融管理部门"

# (full legal name, common name, products, lender type, regulator, complaint channel)
LENDERS = [
    (
        "浙江网商银行股份有限公司",
        "网商银行",
        "网商贷",
        "bank",
        NFRA,
        "支付宝/网商银行 App 在线客服，95188",
    ),
    (
        "深圳前海微众银行股份有限公司",
        "微众银行",
        "微粒贷",
        "bank",
        NFRA,
        "微众银行 App 在线客服，95384",
    ),
    ("中国工商银行股份有限公司", "工商银行", "信用卡、融e借", "bank", NFRA, "95588"),
    ("中国农业银行股份有限公司", "农业银行", "信用卡、网捷贷", "bank", NFRA, "95599"),
    ("中国银行股份有限公司", "中国银行", "信用卡、中银E贷", "bank", NFRA, "95566"),
    ("中国建设银行股份有限公司", "建设银行", "信用卡、快贷", "bank", NFRA, "95533"),
    ("交通银行股份有限公司", "交通银行", "信用卡", "bank", NFRA, "95559"),
    ("招商银行股份有限公司", "招商银行", "信用卡、闪电贷", "bank", NFRA, "95555"),
    ("中信银行股份有限公司", "中信银行", "信用卡", "bank", NFRA, "95558"),
    ("中国光大银行股份有限公司", "光大银行", "信用卡", "bank", NFRA, "95595"),
    ("华夏银行股份有限公司", "华夏银行", "信用卡", "bank", NFRA, "95577"),
    ("中国民生银行股份有限公司", "民生银行", "信用卡", "bank", NFRA, "95568"),
    ("广发银行股份有限公司", "广发银行", "信用卡", "bank", NFRA, ""),
    ("平安银行股份有限公司", "平安银行", "信用卡、新一贷", "bank", NFRA, "95511"),
    ("兴业银行股份有限公司", "兴业银行", "信用卡", "bank", NFRA, "95561"),
    ("上海浦东发展银行股份有限公司", "浦发银行", "信用卡", "bank", NFRA, "95528"),
    ("中国邮政储蓄银行股份有限公司", "邮储银行", "信用卡、邮享贷", "bank", NFRA, "95580"),
    (
        "重庆蚂蚁消费金融有限公司",
        "蚂蚁消金",
        "花呗、借呗",
        "consumer_finance",
        NFRA,
        "支付宝 App 在线客服，95188",
    ),
    ("招联消费金融股份有限公司", "招联金融", "好期贷", "consumer_finance", NFRA, ""),
    ("马上消费金融股份有限公司", "马上消费", "安逸花", "consumer_finance", NFRA, ""),
    ("兴业消费金融股份公司", "兴业消金", "", "consumer_finance", NFRA, ""),
    ("中银消费金融有限公司", "中银消金", "", "consumer_finance", NFRA, ""),
    ("捷信消费金融有限公司", "捷信", "", "consumer_finance", NFRA, ""),
    ("中邮消费金融有限公司", "中邮消金", "", "consumer_finance", NFRA, ""),
    ("北银消费金融有限公司", "北银消金", "", "consumer_finance", NFRA, ""),
    ("海尔消费金融有限公司", "海尔消金", "", "consumer_finance", NFRA, ""),
    ("小米消费金融有限公司", "小米消金", "", "consumer_finance", NFRA, ""),
    ("平安消费金融有限公司", "平安消金", "", "consumer_finance", NFRA, ""),
    (
        "重庆市蚂蚁小微小额贷款有限公司",
        "蚂蚁小微小贷",
        "花呗（早期合同）",
        "microloan",
        LOCAL,
        "95188",
    ),
    (
        "重庆市蚂蚁商诚小额贷款有限公司",
        "蚂蚁商诚小贷",
        "借呗（早期合同）",
        "microloan",
        LOCAL,
        "95188",
    ),
    ("重庆度小满小额贷款有限公司", "度小满", "有钱花", "microloan", LOCAL, ""),
    ("深圳市财付通网络金融小额贷款有限公司", "财付通小贷", "分付", "microloan", LOCAL, ""),
]

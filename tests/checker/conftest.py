import pytest
from django.core.cache import caches

THREAT = "再不还钱就去你单位闹，让你全家不得安宁"
REMINDER = "您的借款已逾期3天，请尽快还款，如有疑问请致电客服。"
FAKE_PAPER = "法院传票已经寄到你家，三天内不还就强制执行"
INSULT = "你这个老赖，真不要脸"
THREE = "\n".join([THREAT, REMINDER, FAKE_PAPER])


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    """Every test starts with a clean count (the limiter keeps it in the default cache)."""
    caches["default"].clear()
    yield
    caches["default"].clear()


def answers(**overrides):
    return {
        "messages": THREE,
        "recipient": "borrower",
        "time": "day",
        "objected": "no",
        **overrides,
    }

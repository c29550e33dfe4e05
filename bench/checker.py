"""Time to answer the public message checker for 10 messages (target: under 100 ms).

Run: .venv/bin/python bench/checker.py

Two numbers, each the median and the worst of 50 runs after one warm-up:
1. the service alone (split, throwaway case, rights engine with the trained detector, routing);
2. the whole request through Django (middleware, form, engine, template), as a browser posts it.
"""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "selfhelp.test_settings")

import django  # noqa: E402

django.setup()

from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from checker.services import messages_check  # noqa: E402

TARGET_MS = 100
RUNS = 50
MESSAGES = [
    "再不还钱就去你单位闹，让你全家不得安宁",
    "您的借款已逾期3天，请尽快还款，如有疑问请致电客服。",
    "法院传票已经寄到你家，三天内不还就强制执行",
    "你这个老赖，真不要脸",
    "我们是公安局的，你涉嫌诈骗，马上还钱",
    "今天下午五点前不处理，我们就联系你的紧急联系人",
    "已将你的欠款信息发到你的朋友圈和你单位群",
    "请按时还款，以免影响您的个人征信。",
    "把钱转到这个私人账户：6222 0000 1111 2222，户名张三",
    "你可以去别的平台借钱先把我们的还上",
]


def _time(fn) -> list[float]:
    fn()  # warm-up: loads the model and the templates
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> None:
    setup_test_environment()
    client = Client()
    text = "\n".join(MESSAGES)
    form = {"messages": text, "recipient": "borrower", "time": "night", "objected": "no"}

    def request():
        response = client.post("/check/", form, REMOTE_ADDR=f"10.0.{len(times_seen)}.1")
        times_seen.append(1)
        assert response.status_code == 200, response.status_code

    times_seen: list[int] = []
    service = _time(lambda: messages_check(messages=MESSAGES, when="night"))
    whole = _time(request)
    found = len(messages_check(messages=MESSAGES, when="night").assessment.findings)
    print(f"10 messages, {found} findings, {RUNS} runs each (target < {TARGET_MS} ms)")
    for name, times in (("service", service), ("request", whole)):
        median, worst = statistics.median(times), max(times)
        verdict = "ok" if median < TARGET_MS else "SLOW"
        print(f"  {name:8} median {median:6.1f} ms   worst {worst:6.1f} ms   {verdict}")


if __name__ == "__main__":
    main()

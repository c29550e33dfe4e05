"""Time and peak memory of importing a case bundle with 10,000 and 100,000 contacts.

    .venv/bin/python bench/import_bundle.py [SIZE ...]

Each size runs in its own process, so the peak RSS of one run is not inflated
by the previous one, on a throwaway test database of the configured backend
(SQLite by default; set DATABASE_URL for PostgreSQL: a test_<name> database is
created and dropped, the named one is never touched). Not a test: the numbers
depend on the machine.
"""

import json
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from memory import peak_mb, scratch_owner  # noqa: E402  (beside this file)

CHANNELS = ["call", "sms", "im", "visit"]
TARGETS = ["borrower", "relative", "colleague", "contact_list"]


def make_bundle(size: int) -> bytes:
    start = datetime(2026, 9, 1, 8, 0)
    contacts = [
        {
            "ref": f"C{i + 1}",
            "loan": "L1" if i % 3 else "L2",
            "occurred_at": (start + timedelta(minutes=7 * i)).isoformat(),
            "channel": CHANNELS[i % 4],
            "connected": bool(i % 2),
            "duration_seconds": 30 + i % 300,
            "target": TARGETS[i % 4],
            "target_name": "王秀英（母亲）" if i % 4 == 1 else "",
            "target_phone": f"139{i:08d}",
            "caller": {
                "name": "王经理",
                "organization": "某某信息咨询有限公司",
                "phone": "17100001234",
            },
            "claims_to_be": ["court"] if i % 50 == 0 else [],
            "content": "说逾期就是诈骗要坐牢，让我今天之内还清，不然就去我家里。",
            "tags": ["threat", "insult"] if i % 5 == 0 else [],
        }
        for i in range(size)
    ]
    bundle = {
        "format": "selfhelp.case/1",
        "timezone": "Asia/Shanghai",
        "borrower": {"name": "李晓梅", "phone": "13800000000"},
        "loans": [
            {"ref": "L1", "lender": "浙江网商银行股份有限公司", "principal": "30000.00"},
            {"ref": "L2", "lender": "重庆蚂蚁消费金融有限公司", "principal": "20000.00"},
        ],
        "contacts": contacts,
        "events": [],
    }
    return json.dumps(bundle, ensure_ascii=False).encode("utf-8")


def child(size: int) -> None:
    with scratch_owner() as owner:
        from cases.bundle import bundle_parse, case_import_bundle

        data = make_bundle(size)
        t0 = time.perf_counter()
        bundle_parse(data)
        t1 = time.perf_counter()
        case = case_import_bundle(owner=owner, data=data)
        t2 = time.perf_counter()
        assert case.contacts.count() == size
        print(
            f"{size:>7,} contacts  {len(data) / 1e6:5.1f} MB  parse {t1 - t0:5.2f} s  "
            f"parse+import {t2 - t1:6.2f} s  peak RSS {peak_mb():6.0f} MB"
        )


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        child(int(sys.argv[2]))
        return
    sizes = [int(arg) for arg in sys.argv[1:]] or [10_000, 100_000]
    for size in sizes:
        subprocess.run([sys.executable, __file__, "--child", str(size)], check=True)


if __name__ == "__main__":
    main()

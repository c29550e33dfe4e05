"""Time of the case page at 10,000 contacts: with nothing changed, and right after a quick-add.

    .venv/bin/python bench/case_page.py [--contacts 10000] [--views 20] [--adds 5]

In a child process on a throwaway test database (SQLite unless DATABASE_URL says otherwise;
the named database is never touched), with DEBUG off:
1. imports a case of N contacts (bench/import_bundle.py's generator: three in four reach a
   third party, so the contact-list finding cites thousands of contacts);
2. opens the case page once (the engine runs and its findings are stored), then `--views`
   more times with nothing changed: these read the stored findings and run no engine;
3. `--adds` times: records a contact with the quick-add form, then opens the page: the
   first view after the change runs the rule pass once (the new contact's text detection
   was stored when it was saved).

Each request goes through Django's whole stack in-process (sessions, middleware, template),
signed in as the borrower; the numbers are server time without the network. Targets: under
300 ms with nothing changed, under 2 s for the first view after a quick-add. Before findings
were stored, every view ran the engine: 1.9 s at 10,000 contacts in the issue's measurement.
Not a test: the numbers depend on the machine.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def make_bundle(contacts: int) -> bytes:
    spec = importlib.util.spec_from_file_location("import_bundle", ROOT / "bench/import_bundle.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.make_bundle(contacts)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.0f} ms"


def child(contacts: int, views: int, adds: int) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "selfhelp.test_settings")
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.urls import reverse
    from django.utils import timezone

    from accounts.models import User
    from cases import findings
    from cases.bundle import case_import_bundle

    runs = []
    real_assess = findings.assess

    def counting(*args, **kwargs):
        started = time.perf_counter()
        result = real_assess(*args, **kwargs)
        runs.append(time.perf_counter() - started)
        return result

    findings.assess = counting

    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        owner = User.objects.create(email="bench@example.com")
        started = time.perf_counter()
        case = case_import_bundle(owner=owner, data=make_bundle(contacts))
        print(
            f"{case.contacts.count():,} contacts imported in {time.perf_counter() - started:.1f} s "
            f"({connection.vendor})"
        )
        client = Client()
        client.force_login(owner)
        url = reverse("cases:case_detail", args=[case.pk])
        add_url = reverse("cases:contact_quick_add", args=[case.pk])

        cpu: list[float] = []

        def view() -> float:
            started, started_cpu = time.perf_counter(), time.process_time()
            response = client.get(url)
            elapsed = time.perf_counter() - started
            cpu.append(time.process_time() - started_cpu)
            assert response.status_code == 200, response.status_code
            return elapsed

        first = view()
        print(f"first view ever (engine runs, findings stored):  {ms(first)}")
        before = len(runs)
        cpu.clear()
        unchanged = [view() for _ in range(views)]
        unchanged_cpu = list(cpu)
        assert len(runs) == before, "a view with nothing changed ran the engine"
        print(
            f"{views} views, nothing changed (no engine run):      median {ms(statistics.median(unchanged))}"
            f", max {ms(max(unchanged))}; CPU median {ms(statistics.median(unchanged_cpu))}"
        )
        after_add, posts = [], []
        cpu.clear()
        for n in range(adds):
            started = time.perf_counter()
            response = client.post(
                add_url,
                {
                    "occurred_at": timezone.localtime(timezone.now()).strftime("%Y-%m-%dT%H:%M"),
                    "channel": "sms",
                    "target": "borrower",
                    "content": f"今天之内不还钱就去你单位闹，第{n}次通知",
                },
            )
            posts.append(time.perf_counter() - started)
            assert response.status_code == 302, response.status_code
            before = len(runs)
            after_add.append(view())
            assert len(runs) == before + 1, "the first view after a change ran no engine"
        print(
            f"{adds} quick-adds (POST):                           median {ms(statistics.median(posts))}"
        )
        print(
            f"first view after each quick-add (one rule pass): median {ms(statistics.median(after_add))}"
            f", max {ms(max(after_add))}; CPU median {ms(statistics.median(cpu))}"
        )
        print(
            f"  of which the rule pass (assess):               median {ms(statistics.median(runs[1:]))}"
        )
        print(
            "targets: < 300 ms unchanged, < 2 s after a quick-add -> "
            + ("met" if statistics.median(unchanged) < 0.3 and max(after_add) < 2 else "NOT met")
        )
        load = os.getloadavg()[0]
        print(
            f"(load average {load:.1f} on {os.cpu_count()} cores: wall time includes waiting for a core)"
        )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--contacts", type=int, default=10_000)
    parser.add_argument("--views", type=int, default=20)
    parser.add_argument("--adds", type=int, default=5)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.contacts, args.views, args.adds)
        return
    subprocess.run(
        [sys.executable, __file__, "--child", "--contacts", str(args.contacts),
         "--views", str(args.views), "--adds", str(args.adds)],
        check=True,
    )  # fmt: skip


if __name__ == "__main__":
    main()

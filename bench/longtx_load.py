"""Long reports must not stall the site: evidence reports on 10,000-contact cases under load.

    .venv/bin/python bench/longtx_load.py [--db sqlite|postgres] [--contacts 10000]
                                          [--heavy 5] [--reports 4] [--light 20]
                                          [--duration 600] [--think 1] [--workers 3]
                                          [--task-workers 1] [--worker-nice 0]
                                          [--priority N]

What it does, all on this machine (only 127.0.0.1 is ever contacted):
1. Makes a throwaway database (SQLite in a temporary folder, or a PostgreSQL database
   `selfhelp_longtx_<pid>` at postgres://root@127.0.0.1:5432, dropped at the end), migrates it
   and seeds:
   - --heavy borrowers, each with one case of --contacts contacts (the demo bundle's 32
     contacts repeated over the months before today) and --reports evidence-report drafts;
   - --light borrowers, each with the demo case (32 contacts).
2. Starts gunicorn (sync workers, production settings) and --task-workers `manage.py db_worker`
   processes (the database task queue: evidence reports render there).
3. Every heavy user logs in with the form, asks for all their evidence reports to be finalised
   (POST, as the button does; each answers with a job page) and polls each job page as htmx
   does, once a second, until the report is done or failed.
   At the same time every light user logs in with the form (the password hash is paid for) and
   repeats: case list, case page, quick-add a contact (htmx POST), the #findings reload that
   follows, the timeline filter. They pause --think seconds on average before each request
   (0: no pause at all, the worst case).
4. It stops when every report has finished, or at --duration seconds. It prints the light
   users' errors and p50/p95/p99 per page, the heavy users' numbers apart, how many reports
   finished and how long they took, and any error the server answered with.

--worker-nice N lowers the task workers' CPU share against gunicorn's, by nice and by their
autogroup's nice (Linux shares the CPU between sessions first; systemd's CPUWeight= and Nice= do
the same between services). --priority N (root only, for a shared machine) sets the autogroup
nice of the load generator and gunicorn, so other work on the machine takes less from them.

The target (issue 14): 0 errors, and p95 under 500 ms for the light users' pages. Not a test:
it asserts nothing, and the numbers depend on the machine (the load generator, the task worker
and gunicorn share its cores).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from load import (  # noqa: E402  (the helpers of the 200-user benchmark beside this file)
    HOST,
    PASSWORD,
    PY,
    ROOT,
    Budget,
    Stats,
    User,
    free_port,
    percentile,
    pg_admin,
    server_env,
    set_autogroup_nice,
    wait_for_server,
)

DURATION_CAP = 900  # seconds: the run is bounded whatever is asked


def big_bundle(template: dict, contacts: int, name: str) -> dict:
    """The demo bundle with its contacts repeated `contacts` times over the past months."""
    base = template["contacts"]
    start = datetime.now().replace(microsecond=0) - timedelta(days=300)
    step = timedelta(days=290) / max(contacts, 1)
    items = []
    for i in range(contacts):
        item = dict(base[i % len(base)])
        item["ref"] = f"C{i + 1}"
        item["occurred_at"] = (start + step * i).strftime("%Y-%m-%dT%H:%M:%S")
        items.append(item)
    return {
        **template,
        "borrower": {**template["borrower"], "name": name},
        "contacts": items,
        "events": [],
    }


def seed(args) -> None:
    """Runs in a child process with the server's environment: migrate and seed."""
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.contrib.auth.hashers import make_password
    from django.core.management import call_command

    from accounts.models import User as Account
    from cases.bundle import case_import_bundle
    from letters.models import LetterDraft

    call_command("migrate", verbosity=0, interactive=False)
    template = json.loads((ROOT / "cases/demo/demo_case.json").read_text(encoding="utf-8"))
    encoded = make_password(PASSWORD)
    started = time.perf_counter()
    heavy, light = [], []
    for i in range(args.heavy):
        user = Account.objects.create(email=f"heavy{i:02d}@example.com", password=encoded)
        case = case_import_bundle(
            owner=user, data=big_bundle(template, args.contacts, f"重度用户{i:02d}")
        )
        drafts = [
            LetterDraft.objects.create(case=case, owner=user, kind="evidence_report").pk
            for _ in range(args.reports)
        ]
        heavy.append({"email": user.email, "case": case.pk, "drafts": drafts})
    for i in range(args.light):
        user = Account.objects.create(email=f"light{i:02d}@example.com", password=encoded)
        bundle = {**template, "borrower": {**template["borrower"], "name": f"借款人{i:02d}"}}
        light.append({"email": user.email, "case": case_import_bundle(owner=user, data=bundle).pk})
    print(
        json.dumps(
            {"heavy": heavy, "light": light, "seconds": time.perf_counter() - started},
        )
    )


class HeavyUser(User):
    """Finalises every evidence-report draft, then polls each job until it ends."""

    def __init__(self, *args, drafts: list[int], reports: list, lock: threading.Lock, **kw):
        super().__init__(*args, **kw)
        self.drafts, self.reports, self.lock = drafts, reports, lock

    def request(self, name: str, *args, **kwargs):
        # Heavy users' pages (their login too) are reported apart from the light users'.
        return super().request(f"heavy: {name.removeprefix('heavy: ')}", *args, **kwargs)

    def run(self, session_key: str | None, delay: float) -> None:
        time.sleep(delay)
        try:
            if not self.login():
                return
            jobs = []
            for draft in self.drafts:
                asked = time.monotonic()
                self.request(
                    "heavy: finalise POST",
                    "POST",
                    f"/letters/draft/{draft}/finalise/",
                    form={"csrfmiddlewaretoken": self.cookies.get("csrftoken", "")},
                    expect=(302,),
                )
                location = self.last_headers.get("location", "")
                if "/jobs/" in location:
                    jobs.append((location, asked))
            for location, asked in jobs:
                while True:
                    page = self.request(
                        "heavy: job poll (htmx)",
                        "GET",
                        location,
                        headers={"HX-Request": "true", "HX-Target": "job-progress"},
                    )
                    if page is not None and (b"/pdf/" in page or b'class="errors"' in page):
                        with self.lock:
                            self.reports.append(
                                (b"/pdf/" in page, time.monotonic() - asked, location)
                            )
                        break
                    time.sleep(1)
        except StopIteration:
            return


class LightUser(User):
    """Logs in and adds contacts to a small case, over and over."""

    def __init__(self, *args, stop: threading.Event, **kw):
        super().__init__(*args, **kw)
        self.stop = stop

    def walk(self, n: int) -> None:
        if self.stop.is_set():
            raise StopIteration
        self.walk_case(n)


def print_table(stats: Stats, names: list[str]) -> None:
    print(
        f"{'page':28} {'n':>6} {'err':>5} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8}"
    )
    for name in names:
        ms = [v * 1000 for v in stats.latencies.get(name, [])]
        if not ms:
            continue
        print(
            f"{name:28} {len(ms):6d} {stats.errors.get(name, 0):5d} {percentile(ms, 50):8.0f} "
            f"{percentile(ms, 95):8.0f} {percentile(ms, 99):8.0f} {max(ms):8.0f}"
        )


def report(args, stats: Stats, reports: list, seconds: float, seeded: dict) -> None:
    light = [name for name in stats.latencies if not name.startswith("heavy")]
    heavy = [name for name in stats.latencies if name.startswith("heavy")]
    light_ms = [v * 1000 for name in light for v in stats.latencies[name]]
    light_errors = sum(stats.errors.get(name, 0) for name in light)
    print()
    print(
        f"db={args.db} heavy users={args.heavy} x {args.reports} evidence reports on "
        f"{args.contacts} contacts; light users={args.light} (think {args.think:g} s); "
        f"gunicorn workers={args.workers}, task workers={args.task_workers} "
        f"(nice +{args.worker_nice}); priority={args.priority}; "
        f"cores={os.cpu_count()}; seeded in {seeded['seconds']:.0f} s; ran {seconds:.0f} s"
    )
    print(
        f"LIGHT USERS: {len(light_ms)} requests, errors {light_errors}, "
        f"p50 {percentile(light_ms, 50):.0f} ms, p95 {percentile(light_ms, 95):.0f} ms, "
        f"p99 {percentile(light_ms, 99):.0f} ms (all their pages together)"
    )
    print_table(stats, light)
    print("heavy users:")
    print_table(stats, heavy)
    done = [r for r in reports if r[0]]
    failed = [r for r in reports if not r[0]]
    wanted = args.heavy * args.reports
    print(
        f"evidence reports: {len(done)} of {wanted} done, {len(failed)} failed, "
        f"{wanted - len(reports)} unfinished when the run ended"
    )
    if done:
        times = [r[1] for r in done]
        print(
            f"  time from the click to the PDF: min {min(times):.0f} s, "
            f"median {percentile(times, 50):.0f} s, max {max(times):.0f} s"
        )
    for sample in stats.error_samples:
        print("  error:", sample)
    print("load average now " + " ".join(f"{x:.1f}" for x in os.getloadavg()))


def stop_process(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=20)
    except ProcessLookupError:
        pass
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--contacts", type=int, default=10_000)
    parser.add_argument("--heavy", type=int, default=5, help="users finalising reports")
    parser.add_argument("--reports", type=int, default=4, help="evidence reports per heavy user")
    parser.add_argument("--light", type=int, default=20, help="users adding contacts")
    parser.add_argument(
        "--duration", type=float, default=600, help=f"seconds, at most {DURATION_CAP}"
    )
    parser.add_argument("--think", type=float, default=1, help="light users' mean pause (s)")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn sync workers")
    parser.add_argument("--task-workers", type=int, default=1, help="db_worker processes")
    parser.add_argument(
        "--worker-nice",
        type=int,
        default=0,
        help="how much lower the task workers' CPU priority is than the web server's",
    )
    parser.add_argument(
        "--priority",
        type=int,
        default=None,
        help="autogroup nice of the load generator and gunicorn (root only; e.g. -15)",
    )
    parser.add_argument("--_seed", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args._seed:
        seed(args)
        return
    args.duration = min(args.duration, DURATION_CAP)

    var_dir = Path(tempfile.mkdtemp(prefix="selfhelp-longtx-"))
    pg_name = f"selfhelp_longtx_{os.getpid()}"
    if args.db == "postgres":
        pg_admin(f'CREATE DATABASE "{pg_name}"')
        database_url = f"postgres://root@127.0.0.1:5432/{pg_name}"
    else:
        database_url = f"sqlite:///{var_dir / 'db.sqlite3'}"
    env = server_env(var_dir, database_url)
    env["DJANGO_LOG_LEVEL"] = "WARNING"
    processes: list[subprocess.Popen] = []
    try:
        print(f"seeding on {args.db} ...", flush=True)
        seed_args = [
            "--_seed", "--contacts", str(args.contacts), "--heavy", str(args.heavy),
            "--reports", str(args.reports), "--light", str(args.light),
        ]  # fmt: skip
        seeded_out = subprocess.run(
            [PY, __file__, *seed_args], env=env, cwd=ROOT, check=True, capture_output=True,
            text=True,
        ).stdout  # fmt: skip
        seeded = json.loads(seeded_out.strip().splitlines()[-1])
        port = free_port()
        gunicorn = subprocess.Popen(
            [
                str(Path(PY).parent / "gunicorn"), "selfhelp.wsgi:application",
                f"--bind={HOST}:{port}", f"--workers={args.workers}", "--worker-class=sync",
                "--backlog=2048", "--timeout=120", "--log-level=warning",
            ],
            env=env, cwd=ROOT, start_new_session=True,
        )  # fmt: skip
        processes.append(gunicorn)
        base_nice = args.priority if args.priority is not None else 0
        if args.priority is not None:
            set_autogroup_nice(os.getpid(), base_nice)
        set_autogroup_nice(gunicorn.pid, base_nice)
        worker_log = (var_dir / "worker.log").open("a")
        for n in range(args.task_workers):
            processes.append(
                subprocess.Popen(
                    [
                        "nice",
                        "-n",
                        str(args.worker_nice),
                        PY,
                        "manage.py",
                        "db_worker",
                        "--no-reload",
                        "--interval",
                        "0.5",
                    ],
                    env={**env, "SELFHELP_WORKER_ID": f"longtx-{n}"},
                    cwd=ROOT,
                    stdout=worker_log,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                )  # fmt: skip
            )
            # Each worker runs in a session of its own, so Linux shares the CPU between it and
            # gunicorn by autogroup first: the nice value alone would not lower its share.
            set_autogroup_nice(processes[-1].pid, min(19, base_nice + args.worker_nice))
        wait_for_server(port, gunicorn)
        stats, lock, reports = Stats(), threading.Lock(), []
        budget = Budget(args.duration, 10**9)
        stop = threading.Event()
        print(
            f"{args.heavy} users finalise {args.reports} reports each while {args.light} users "
            f"add contacts, on {HOST}:{port}, for at most {args.duration:.0f} s ...",
            flush=True,
        )
        started = time.perf_counter()
        heavy_threads, light_threads = [], []
        for i, entry in enumerate(seeded["light"]):
            user = LightUser(
                port, stats, budget, entry["email"], entry["case"], args.think, stop=stop
            )
            thread = threading.Thread(target=user.run, args=(None, 5 * i / len(seeded["light"])))
            thread.start()
            light_threads.append(thread)
        for entry in seeded["heavy"]:
            user = HeavyUser(
                port, stats, budget, entry["email"], entry["case"], 0,
                drafts=entry["drafts"], reports=reports, lock=lock,
            )  # fmt: skip
            thread = threading.Thread(target=user.run, args=(None, 2 + random.random()))
            thread.start()
            heavy_threads.append(thread)
        for thread in heavy_threads:
            thread.join(timeout=max(1, budget.deadline - time.monotonic() + 5))
        if not heavy_threads:  # --heavy 0: the light users alone, for the whole duration
            time.sleep(max(0.0, budget.deadline - time.monotonic()))
        stop.set()
        for thread in light_threads:
            thread.join(timeout=max(1, budget.deadline - time.monotonic() + 70))
        seconds = time.perf_counter() - started
        report(args, stats, reports, seconds, seeded)
        worker_log.close()
        log = (var_dir / "worker.log").read_text(errors="replace")
        problems = [line for line in log.splitlines() if "error" in line.lower()]
        print(f"task worker log: {len(problems)} lines mentioning an error")
        for line in problems[:5]:
            print("  ", line[:200])
    finally:
        for proc in processes:
            stop_process(proc)
        if args.db == "postgres":
            pg_admin(f'DROP DATABASE IF EXISTS "{pg_name}" WITH (FORCE)')
        shutil.rmtree(var_dir, ignore_errors=True)


if __name__ == "__main__":
    main()

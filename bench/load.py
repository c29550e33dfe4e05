"""Load at 200 users: the app under gunicorn, 200 borrowers logging in and walking their case.

    .venv/bin/python bench/load.py [--db sqlite|postgres] [--users 200] [--duration 60]
                                   [--max-requests 20000] [--workers 3] [--login form|session]
                                   [--ramp 10] [--think 0] [--login-pool 0]

What it does, all on this machine:
1. Makes a throwaway database: SQLite in a temporary folder, or a PostgreSQL database
   `selfhelp_load_<pid>` at postgres://root@127.0.0.1:5432 (created here, dropped at the end;
   BENCH_PG_SERVER=postgres://user@host:port names another server).
2. Migrates it and seeds one borrower account per user, each with a case imported from the demo
   bundle (cases/demo/demo_case.json: 2 loans, 32 contacts) through cases.bundle.case_import_bundle.
3. Starts gunicorn (sync workers) with the production settings (DEBUG off, cached templates)
   on a free loopback port.
4. Runs one thread per user. Each logs in (the real login form, so the password hash is paid
   for; `--login session` seeds sessions instead, to measure browsing alone), then repeats the
   walk: case list, case page (runs the rules engine), quick-add POST as htmx (CSRF header)
   and the #findings reload its caseChanged event triggers, timeline filter as htmx
   (HX-Request / HX-Target), rules page, knowledge base.
   Every request goes to 127.0.0.1 only. It stops at --duration seconds or --max-requests
   requests, whichever comes first. Users arrive evenly over --ramp seconds. With the default
   --think 0 nobody pauses (the worst case: latency is then mostly queueing for a worker);
   --think 5 pauses about 5 s before each request, as people do.
5. Prints requests/s, error rate, p50/p95/p99 latency per endpoint (and for every page but the
   login's together) and the server's peak RSS (gunicorn masters plus workers, sampled every 0.2 s).

--login-pool N starts a second gunicorn with N sync workers at a lower CPU priority
(--login-pool-nice, 10) and sends the login page (GET and POST) there: what a reverse proxy does
with a `location = /accounts/login/` rule (see README, "Logins on their own pool"). Password
hashing then queues in that pool instead of holding the workers that serve everything else.
Each gunicorn runs in its own session, and Linux shares the CPU between sessions
(autogroups) before nice values count, so the lower priority is set on the login pool's
autogroup too (/proc/PID/autogroup), as systemd's CPUWeight= would between two services.

--priority N (root only, for a shared machine) sets the autogroup nice of the load generator
and the main pool to N (the login pool to N + its nice), so other work on the machine weighs
less in the measurement. It changes nothing inside the app.

Not a test: it asserts nothing, and the numbers depend on the machine (the load generator shares
its cores with the server).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
HOST = "127.0.0.1"  # the only target this benchmark ever sends to
PASSWORD = "load-test-pass-2026"
PG_SERVER = os.environ.get("BENCH_PG_SERVER", "postgres://root@127.0.0.1:5432")
PG_ADMIN_URL = f"{PG_SERVER}/postgres"
CSRF_INPUT = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')


# --- setup: database, seed, server -------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def pg_admin(sql: str) -> None:
    import psycopg

    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
        conn.execute(sql)


def server_env(var_dir: Path, database_url: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "SELFHELP_", "DATABASE"))
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "selfhelp.settings",
            "DJANGO_DEBUG": "false",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": HOST,
            "DJANGO_SECURE_COOKIES": "false",  # plain HTTP on loopback
            "DJANGO_HSTS_SECONDS": "0",
            "DJANGO_CONN_MAX_AGE": "60",
            "DJANGO_LOG_LEVEL": "ERROR",
            "SELFHELP_VAR_DIR": str(var_dir),
            "DATABASE_URL": database_url,
        }
    )
    return env


def seed(users: int, login: str) -> None:
    """Runs in a child process with the server's environment: migrate and seed."""
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.auth.hashers import make_password
    from django.contrib.sessions.backends.db import SessionStore
    from django.core.management import call_command

    from accounts.models import User
    from cases.bundle import case_import_bundle

    call_command("migrate", verbosity=0, interactive=False)
    template = json.loads((ROOT / "cases/demo/demo_case.json").read_text(encoding="utf-8"))
    encoded = make_password(PASSWORD)  # one hash for all: hashing 200 times is not the point
    out = []
    started = time.perf_counter()
    for i in range(users):
        user = User.objects.create(
            email=f"load{i:04d}@example.com", display_name=f"Load {i}", password=encoded
        )
        bundle = {**template, "borrower": {**template["borrower"], "name": f"借款人{i:04d}"}}
        case = case_import_bundle(owner=user, data=bundle)
        entry = {"email": user.email, "case": case.pk}
        if login == "session":
            session = SessionStore()
            session[SESSION_KEY] = str(user.pk)
            session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
            session[HASH_SESSION_KEY] = user.get_session_auth_hash()
            session.create()
            entry["session"] = session.session_key
        out.append(entry)
    contacts = case.contacts.count()
    print(
        json.dumps({"users": out, "seconds": time.perf_counter() - started, "contacts": contacts})
    )


def rss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        if ppid == pid:
            found.append(int(entry))
    return found


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time of one process so far."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


class RssSampler(threading.Thread):
    """Peak RSS and CPU time of the gunicorn masters and their workers."""

    def __init__(self, *masters: int):
        super().__init__(daemon=True)
        self.masters = masters
        self.peak_total = 0
        self.peak_worker = 0
        self.cpu: dict[int, float] = {}
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.wait(0.2):
            pids = [p for master in self.masters for p in children(master)]
            workers = [rss_kib(p) for p in pids]
            self.peak_worker = max([self.peak_worker, *workers])
            total = sum(rss_kib(master) for master in self.masters) + sum(workers)
            self.peak_total = max(self.peak_total, total)
            for p in [*self.masters, *pids]:
                self.cpu[p] = max(self.cpu.get(p, 0.0), cpu_seconds(p))


# --- the simulated users -----------------------------------------------------------------------


@dataclass
class Stats:
    lock: threading.Lock = field(default_factory=threading.Lock)
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    error_samples: list[str] = field(default_factory=list)
    total: int = 0

    def add(self, name: str, seconds: float, ok: bool, detail: str = "") -> None:
        with self.lock:
            self.total += 1
            self.latencies[name].append(seconds)
            if not ok:
                self.errors[name] += 1
                if len(self.error_samples) < 10:
                    self.error_samples.append(f"{name}: {detail}")


class Budget:
    """Stops every user at the deadline or after max_requests, whichever comes first."""

    def __init__(self, duration: float, max_requests: int):
        self.deadline = time.monotonic() + duration
        self.left = max_requests
        self.lock = threading.Lock()

    def take(self) -> bool:
        if time.monotonic() >= self.deadline:
            return False
        with self.lock:
            if self.left <= 0:
                return False
            self.left -= 1
            return True


class User:
    def __init__(
        self,
        port: int,
        stats: Stats,
        budget: Budget,
        email: str,
        case: int,
        think: float,
        login_port: int | None = None,
    ):
        self.port, self.stats, self.budget, self.think = port, stats, budget, think
        self.login_port = login_port or port
        self.email, self.case = email, case
        self.cookies: dict[str, str] = {}
        self.last_headers: dict[str, str] = {}

    def request(
        self,
        name: str,
        method: str,
        path: str,
        *,
        form: dict | None = None,
        headers: dict | None = None,
        expect: tuple[int, ...] = (200,),
        port: int | None = None,
    ) -> bytes | None:
        if self.think:
            # A person reads before the next click: exponential pauses around the mean.
            pause = min(self.think * 5, random.expovariate(1 / self.think))
            time.sleep(max(0.0, min(pause, self.budget.deadline - time.monotonic())))
        if not self.budget.take():
            raise StopIteration
        body = urllib.parse.urlencode(form, doseq=True).encode() if form is not None else None
        hdrs = {"Host": HOST, "Accept-Language": "zh-Hans", "Connection": "close"}
        if self.cookies:
            hdrs["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None:
            hdrs["Content-Type"] = "application/x-www-form-urlencoded"
        hdrs.update(headers or {})
        started = time.perf_counter()
        try:
            conn = http.client.HTTPConnection(HOST, port or self.port, timeout=60)
            conn.request(method, path, body=body, headers=hdrs)
            response = conn.getresponse()
            content = response.read()
            conn.close()
        except (OSError, http.client.HTTPException) as exc:
            self.stats.add(name, time.perf_counter() - started, False, repr(exc))
            return None
        elapsed = time.perf_counter() - started
        self.last_headers = {k.lower(): v for k, v in response.getheaders()}
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                self.cookies[key.strip()] = rest.split(";", 1)[0]
        ok = response.status in expect
        self.stats.add(name, elapsed, ok, f"{response.status} {path}")
        return content if ok else None

    def login(self) -> bool:
        page = self.request("login GET", "GET", "/accounts/login/", port=self.login_port)
        match = CSRF_INPUT.search(page or b"")
        if not match:
            return False
        form = {
            "csrfmiddlewaretoken": match.group(1).decode(),
            "username": self.email,
            "password": PASSWORD,
        }
        return (
            self.request(
                "login POST",
                "POST",
                "/accounts/login/",
                form=form,
                expect=(302,),
                port=self.login_port,
            )
            is not None
        )

    def walk(self, n: int) -> None:
        self.walk_case(n)
        self.request("rules page", "GET", "/rules/")
        self.request("knowledge base", "GET", "/help/")

    def walk_case(self, n: int) -> None:
        """The case list, the case page, a quick-add with the reload htmx makes, a filter."""
        case = f"/cases/{self.case}/"
        self.request("case list", "GET", "/cases/")
        self.request("case page", "GET", case)
        quick = {
            "occurred_at": datetime.now().strftime("%Y-%m-%dT%H:%M"),
            "channel": "call",
            "target": "borrower",
            "caller": "new",
            "caller_phone": f"1710000{n % 10000:04d}",
            "content": "催收员说今天不还就上门。",
        }
        self.request(
            "quick-add POST (htmx)",
            "POST",
            f"{case}contacts/quick/",
            form=quick,
            headers={
                "X-CSRFToken": self.cookies.get("csrftoken", ""),
                "HX-Request": "true",
                "HX-Target": "quick-add",
            },
        )
        if "caseChanged" in self.last_headers.get("hx-trigger-after-settle", ""):
            # What htmx does next in a browser: #findings reloads itself (rules engine again).
            self.request(
                "findings reload (htmx)",
                "GET",
                case,
                headers={"HX-Request": "true", "HX-Target": "findings"},
            )
        self.request(
            "timeline filter (htmx)",
            "GET",
            f"{case}?channel=call&target=borrower",
            headers={"HX-Request": "true", "HX-Target": "timeline"},
        )

    def run(self, session_key: str | None, delay: float) -> None:
        time.sleep(delay)
        try:
            if session_key:
                self.cookies["sessionid"] = session_key
                # The CSRF cookie comes with the first page that has a form.
            elif not self.login():
                return
            n = 0
            while True:
                self.walk(n)
                n += 1
        except StopIteration:
            return


# --- main --------------------------------------------------------------------------------------


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * len(ordered) + 0.5) - 1))
    return ordered[index]


def report(
    stats: Stats, seconds: float, sampler: RssSampler, args, seeded: dict, cpu_before: float
) -> None:
    print()
    print(
        f"db={args.db} users={args.users} gunicorn workers={args.workers} "
        f"login pool={args.login_pool} (nice +{args.login_pool_nice}) priority={args.priority} "
        f"login={args.login} {' '.join(args.server_env)} "
        f"ramp={args.ramp:.0f} s think={args.think:g} s "
        f"cores={os.cpu_count()} seeded {len(seeded['users'])} cases x {seeded['contacts']} "
        f"contacts in {seeded['seconds']:.1f} s"
    )
    errors = sum(stats.errors.values())
    print(
        f"{stats.total} requests in {seconds:.1f} s = {stats.total / seconds:.1f} req/s, "
        f"errors {errors} ({100 * errors / max(stats.total, 1):.2f} %)"
    )
    print(
        f"{'endpoint':26} {'n':>6} {'err':>5} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8}"
    )
    for name, values in stats.latencies.items():
        ms = [v * 1000 for v in values]
        print(
            f"{name:26} {len(ms):6d} {stats.errors.get(name, 0):5d} {percentile(ms, 50):8.0f} "
            f"{percentile(ms, 95):8.0f} {percentile(ms, 99):8.0f} {max(ms):8.0f}"
        )
    others = [
        v * 1000
        for name, values in stats.latencies.items()
        if not name.startswith("login")
        for v in values
    ]
    if others:
        print(
            f"{'all but login':26} {len(others):6d} "
            f"{sum(n for k, n in stats.errors.items() if not k.startswith('login')):5d} "
            f"{percentile(others, 50):8.0f} {percentile(others, 95):8.0f} "
            f"{percentile(others, 99):8.0f} {max(others):8.0f}"
        )
    print(
        f"server peak RSS: {sampler.peak_total / 1024:.0f} MiB total (master + workers), "
        f"{sampler.peak_worker / 1024:.0f} MiB largest worker"
    )
    server_cpu = sum(sampler.cpu.values()) - cpu_before
    client_cpu = sum(os.times()[:2])
    print(
        f"server CPU {server_cpu:.1f} s = {1000 * server_cpu / max(stats.total, 1):.1f} ms a request "
        f"(it got {server_cpu / seconds:.2f} of {os.cpu_count()} cores); "
        f"load generator CPU {client_cpu:.1f} s; load average now "
        + " ".join(f"{x:.1f}" for x in os.getloadavg())
        + " (other processes on the machine share its cores)"
    )
    for sample in stats.error_samples:
        print("  error:", sample)


def set_autogroup_nice(pid: int, nice: int) -> None:
    """The CPU weight of the process's whole session against other sessions (Linux autogroups)."""
    path = Path(f"/proc/{pid}/autogroup")
    if path.exists():
        try:
            path.write_text(str(nice))
        except OSError as exc:
            print(f"could not set the autogroup nice of {pid} to {nice}: {exc}")


def start_gunicorn(port: int, workers: int, env: dict, nice: int = 0) -> subprocess.Popen:
    command = [
        str(Path(PY).parent / "gunicorn"),
        "selfhelp.wsgi:application",
        f"--bind={HOST}:{port}",
        f"--workers={workers}",
        "--worker-class=sync",
        "--backlog=2048",
        "--timeout=120",
        "--log-level=warning",
    ]
    if nice:
        command = ["nice", "-n", str(nice), *command]
    return subprocess.Popen(command, env=env, cwd=ROOT, start_new_session=True)


def wait_for_server(port: int, proc: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"gunicorn exited with {proc.returncode}")
        try:
            conn = http.client.HTTPConnection(HOST, port, timeout=2)
            conn.request("GET", "/accounts/login/", headers={"Host": HOST})
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("gunicorn did not answer in time")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--duration", type=float, default=60, help="seconds of load, at most 60")
    parser.add_argument("--max-requests", type=int, default=20000)
    parser.add_argument("--workers", type=int, default=3, help="gunicorn sync workers")
    parser.add_argument("--login", choices=["form", "session"], default="form")
    parser.add_argument(
        "--ramp", type=float, default=10, help="seconds over which the users arrive (0: at once)"
    )
    parser.add_argument(
        "--think", type=float, default=0, help="mean pause before each request (0: none)"
    )
    parser.add_argument(
        "--login-pool",
        type=int,
        default=0,
        help="sync workers of a separate gunicorn (under nice -n 10) for the login page (0: none)",
    )
    parser.add_argument(
        "--login-pool-nice",
        type=int,
        default=10,
        help="how much lower the login pool's priority is",
    )
    parser.add_argument(
        "--priority",
        type=int,
        default=None,
        help="autogroup nice of the load generator and the main pool (root only; e.g. -10)",
    )
    parser.add_argument(
        "--server-env",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="an extra setting for the servers, e.g. SELFHELP_ARGON2_MEMORY_KIB=102400",
    )
    parser.add_argument("--_seed", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args._seed:
        seed(args.users, args.login)
        return
    args.duration = min(args.duration, 60)

    var_dir = Path(tempfile.mkdtemp(prefix="selfhelp-load-"))
    pg_name = f"selfhelp_load_{os.getpid()}"
    if args.db == "postgres":
        pg_admin(f'CREATE DATABASE "{pg_name}"')
        database_url = f"{PG_SERVER}/{pg_name}"
    else:
        database_url = f"sqlite:///{var_dir / 'db.sqlite3'}"
    env = server_env(var_dir, database_url)
    env.update(item.split("=", 1) for item in args.server_env)
    server = login_server = None
    try:
        print(f"seeding {args.users} borrowers on {args.db} ...", flush=True)
        seeded_out = subprocess.run(
            [PY, __file__, "--_seed", "--users", str(args.users), "--login", args.login],
            env=env,
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        seeded = json.loads(seeded_out.strip().splitlines()[-1])
        port = free_port()
        base_nice = args.priority if args.priority is not None else 0
        if args.priority is not None:
            set_autogroup_nice(os.getpid(), base_nice)
        server = start_gunicorn(port, args.workers, env)
        set_autogroup_nice(server.pid, base_nice)
        wait_for_server(port, server)
        masters = [server.pid]
        login_port = None
        if args.login_pool:
            login_port = free_port()
            login_server = start_gunicorn(
                login_port, args.login_pool, env, nice=args.login_pool_nice
            )
            set_autogroup_nice(login_server.pid, min(19, base_nice + args.login_pool_nice))
            wait_for_server(login_port, login_server)
            masters.append(login_server.pid)
        sampler = RssSampler(*masters)
        cpu_before = sum(cpu_seconds(p) for m in masters for p in [m, *children(m)])
        print("load average before: " + " ".join(f"{x:.1f}" for x in os.getloadavg()))
        sampler.start()
        stats = Stats()
        budget = Budget(args.duration, args.max_requests)
        print(
            f"driving {args.users} users against gunicorn on {HOST}:{port} for at most "
            f"{args.duration:.0f} s / {args.max_requests} requests ...",
            flush=True,
        )
        started = time.perf_counter()
        threads = []
        for i, entry in enumerate(seeded["users"]):
            user = User(port, stats, budget, entry["email"], entry["case"], args.think, login_port)
            delay = args.ramp * i / len(seeded["users"])
            thread = threading.Thread(
                target=user.run, args=(entry.get("session"), delay), daemon=True
            )
            thread.start()
            threads.append(thread)
        for thread in threads:
            thread.join(timeout=max(1, budget.deadline - time.monotonic() + 65))
        seconds = time.perf_counter() - started
        sampler.stop.set()
        sampler.join()
        report(stats, seconds, sampler, args, seeded, cpu_before)
    finally:
        for proc in (server, login_server):
            if proc is None:
                continue
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        if args.db == "postgres":
            pg_admin(f'DROP DATABASE IF EXISTS "{pg_name}" WITH (FORCE)')
        shutil.rmtree(var_dir, ignore_errors=True)


if __name__ == "__main__":
    main()

"""A process killed (SIGKILL) between writing a letter's PDF and committing its version row
leaves an orphan PDF; the next orphan sweep (manage.py verify_files --delete-orphans)
removes it, once it is older than --min-age, and rows and files agree again.

Real processes on a throwaway SQLite database and file storage: the finalise runs in a
process of its own (tests/faults/killed_finalise.py), which kills itself at the worst
point, so no clean-up code of the app's gets a chance to run.
"""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 120

pytestmark = pytest.mark.once  # its own SQLite database, whatever the suite runs on


@pytest.fixture
def env(tmp_path):
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "selfhelp.settings",
        "DJANGO_SECRET_KEY": "killed-finalise-test",
        "DJANGO_DEBUG": "false",
        "SELFHELP_VAR_DIR": str(tmp_path / "var"),
        "PYTHONPATH": str(ROOT),
    }
    for name in (
        "DATABASE_URL",
        "SELFHELP_S3_BUCKET",
        "SELFHELP_EVIDENCE_ROOT",
        "SELFHELP_LETTER_ROOT",
        "SELFHELP_EVIDENCE_BACKEND",
        "SELFHELP_LETTER_BACKEND",
    ):
        environment.pop(name, None)
    (tmp_path / "var").mkdir()
    run(environment, "manage.py", "migrate", "--noinput", "-v0")
    return environment


def run(env: dict, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=TIMEOUT, check=check,
    )  # fmt: skip


def in_django(env: dict, code: str, *, check: bool = True) -> subprocess.CompletedProcess:
    return run(env, "-c", f"import django; django.setup(); {code}", check=check)


def consistency(env: dict) -> dict:
    done = in_django(
        env, "from tests.faults.killed_finalise import report_consistency; report_consistency()"
    )
    return json.loads(done.stdout)


def test_a_finalise_killed_before_its_commit_leaves_an_orphan_the_sweep_removes(env):
    died = in_django(
        env,
        "from tests.faults.killed_finalise import finalise_then_die; finalise_then_die()",
        check=False,
    )
    assert died.returncode == -signal.SIGKILL, died.stderr

    after_kill = consistency(env)
    assert after_kill["versions"] == 0 and after_kill["missing"] == []
    ((alias, name),) = after_kill["orphans"]
    assert alias == "letters" and name.endswith(".pdf")
    pdf = Path(env["SELFHELP_VAR_DIR"]) / "letters" / name
    assert pdf.read_bytes() == b"%PDF-1.7 fake"

    # The next sweep comes straight away: the PDF is too fresh to tell from one being
    # finalised right now, so it stays.
    sweep = run(env, "manage.py", "verify_files", "--delete-orphans")
    assert "deleted 0 orphans" in sweep.stdout and pdf.exists()

    old = time.time() - 3600
    os.utime(pdf, (old, old))  # the sweep after next, an hour later
    sweep = run(env, "manage.py", "verify_files", "--delete-orphans")

    assert f"REMOVED letters storage {name}" in sweep.stdout
    assert "deleted 1 orphans" in sweep.stdout
    assert not pdf.exists()
    assert consistency(env) == {"missing": [], "orphans": [], "versions": 0}

"""PostgreSQL backups: pg_dump (custom format) of a migrated database with data, restored with
pg_restore into a fresh database, gives the same rows; backup_db and restore_db run the two.

Runs against the PostgreSQL server of the suite's own PostgreSQL run (DATABASE_URL), or of
SELFHELP_TEST_POSTGRES_URL; it makes two scratch databases there and drops them after.
"""

import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import dj_database_url
import psycopg
import pytest
from django.conf import settings
from psycopg import sql

ROOT = Path(__file__).resolve().parents[2]


def server_url() -> str | None:
    if os.environ.get("SELFHELP_TEST_POSTGRES_URL"):
        return os.environ["SELFHELP_TEST_POSTGRES_URL"]
    if settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        return os.environ.get("DATABASE_URL")
    return None


def skip_reason() -> str | None:
    missing = [p for p in ("pg_dump", "pg_restore") if shutil.which(p) is None]
    if missing:
        return f"{' and '.join(missing)} not installed (the PostgreSQL client programs)"
    if server_url() is None:
        return (
            "runs in the PostgreSQL run (DATABASE_URL=postgres://…, as .ci/run does), "
            "or with SELFHELP_TEST_POSTGRES_URL"
        )
    return None


pytestmark = pytest.mark.skipif(skip_reason() is not None, reason=skip_reason() or "")


def url_for(database: str) -> str:
    config = dj_database_url.parse(server_url())
    user = config["USER"] or ""
    password = f":{config['PASSWORD']}" if config.get("PASSWORD") else ""
    host = config["HOST"] or "127.0.0.1"
    port = config["PORT"] or 5432
    return f"postgres://{user}{password}@{host}:{port}/{database}"


def admin():
    return psycopg.connect(url_for("postgres"), autocommit=True)


@pytest.fixture
def scratch():
    """Names of scratch databases, created on demand and dropped after the test."""
    made: list[str] = []

    def create() -> str:
        name = f"selfhelp_backup_{uuid.uuid4().hex[:10]}"
        with admin() as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        made.append(name)
        return name

    yield create
    with admin() as conn:
        for name in made:
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


def manage(*args: str, database: str, var_dir: Path) -> str:
    var_dir.mkdir(exist_ok=True)
    env = {
        "PATH": os.environ["PATH"],
        "DJANGO_SECRET_KEY": "backup-test-secret-key",
        "SELFHELP_ALLOW_DEMO": "true",
        "SELFHELP_VAR_DIR": str(var_dir),
        "DATABASE_URL": url_for(database),
    }
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def fingerprint(database: str) -> dict[str, tuple[int, str]]:
    """Each table's row count and a hash of all its rows, in a stable order."""
    with psycopg.connect(url_for(database)) as conn:
        tables = [
            t
            for (t,) in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
            )
        ]
        found = {}
        for table in tables:
            query = sql.SQL(
                "SELECT count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) "
                "FROM {} t"
            ).format(sql.Identifier(table))
            found[table] = tuple(conn.execute(query).fetchone())
        return found


def test_pg_dump_and_pg_restore_give_the_same_data(scratch, tmp_path):
    live, fresh = scratch(), scratch()
    manage("migrate", "-v", "0", database=live, var_dir=tmp_path / "live")
    manage("seed_demo", database=live, var_dir=tmp_path / "live")

    folder = Path(
        manage("backup_db", str(tmp_path / "b"), database=live, var_dir=tmp_path / "live").strip()
    )
    assert (folder / "db.dump").read_bytes().startswith(b"PGDMP")  # pg_dump's custom format
    manage("restore_db", str(folder), "--yes", database=fresh, var_dir=tmp_path / "fresh")

    before, after = fingerprint(live), fingerprint(fresh)
    assert after == before
    assert before["cases_contact"][0] > 0 and before["accounts_user"][0] > 0


def test_restoring_over_an_existing_database_replaces_its_rows(scratch, tmp_path):
    live = scratch()
    var = tmp_path / "live"
    manage("migrate", "-v", "0", database=live, var_dir=var)
    manage("seed_demo", database=live, var_dir=var)
    saved = fingerprint(live)
    folder = manage("backup_db", str(tmp_path / "b"), database=live, var_dir=var).strip()
    with psycopg.connect(url_for(live)) as conn:
        # a mistake after the backup: the contacts, and every row that points at them, gone
        conn.execute("TRUNCATE cases_contact CASCADE")
    assert fingerprint(live) != saved

    manage("restore_db", folder, "--yes", database=live, var_dir=var)

    assert fingerprint(live) == saved

"""SQLite backups: the online backup API copies a live database with its data, the copy
restores into a fresh file with the same data, and the private files come back too.

In-process tests use the test database itself (a live connection with real commits);
one test runs the commands as an operator would, on database files, in subprocesses.
"""

import json
import os
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from django.core.files.storage import storages
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import translation

from backups import services
from cases.bundle import case_import_bundle
from cases.models import Evidence
from cases.services import evidence_verify
from tests.cases.conftest import make_everything
from tests.cases.test_bundle_parse import rich_bundle

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(
    connection.vendor != "sqlite",
    reason="the database under test is not SQLite; tests/backups/test_postgres_backup.py "
    "covers pg_dump and pg_restore",
)


def table_rows(db: sqlite3.Connection) -> dict[str, list[tuple]]:
    """Every table's rows, in a stable order."""
    tables = [
        name
        for (name,) in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {t: sorted(db.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables}  # noqa: S608


def live_rows() -> dict[str, list[tuple]]:
    """The test database's rows, read through a plain connection (Django's own converts
    dates and times on the way out)."""
    name = connection.settings_dict["NAME"]
    uri = str(name).startswith("file:")
    return table_rows(sqlite3.connect(name, uri=uri))


@pytest.fixture
def data(case, borrower, monkeypatch):
    monkeypatch.setattr("letters.services.html_to_pdf", lambda html: b"%PDF-1.7 fake")
    from letters.services import letter_draft_create, letter_finalise

    everything = make_everything(case, borrower)
    letter_finalise(
        draft=letter_draft_create(
            case=case, owner=borrower, kind="stop_harassment", language="zh-hans"
        )
    )
    case_import_bundle(owner=borrower, data=rich_bundle())
    return everything


@pytest.mark.django_db(transaction=True)
def test_backup_db_copies_the_live_database_with_its_data(data, tmp_path, capsys):
    call_command("backup_db", str(tmp_path))
    folder = Path(capsys.readouterr().out.strip())

    copy = sqlite3.connect(folder / "db.sqlite3")
    assert table_rows(copy) == live_rows()
    assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert copy.execute("PRAGMA journal_mode").fetchone() == ("delete",)  # one whole file
    assert len(table_rows(copy)["cases_contact"]) == 1 + len(rich_bundle()["contacts"])
    evidence = data.evidence.file.name
    assert (folder / "files" / "evidence" / evidence).read_bytes() == storages["evidence"].open(
        evidence
    ).read()
    manifest = json.loads((folder / "manifest.json").read_text())
    on_disk = [p for p in Path(storages["evidence"].location).rglob("*") if p.is_file()]
    assert manifest["engine"] == "sqlite" and manifest["files"]["evidence"] == len(on_disk)
    assert manifest["migrations"]["cases"].startswith("00")
    assert oct(folder.stat().st_mode & 0o777) == "0o700"


@pytest.mark.django_db(transaction=True)
def test_restore_into_a_fresh_file_gives_the_same_data(data, tmp_path):
    backup = services.backup_create(destination=tmp_path / "backups")
    fresh = tmp_path / "fresh.sqlite3"

    services.backup_restore(folder=backup.folder, target=fresh, include_files=False)

    assert table_rows(sqlite3.connect(fresh)) == live_rows()


@pytest.mark.django_db(transaction=True)
def test_restore_puts_lost_files_back(data, tmp_path):
    backup = services.backup_create(destination=tmp_path)
    evidence = Evidence.objects.get(pk=data.evidence.pk)
    storages["evidence"].delete(evidence.file.name)
    assert evidence_verify(evidence=evidence) == (False, "")

    services.files_restore(backup.folder / "files")

    assert evidence_verify(evidence=evidence)[0]


def test_online_backup_of_a_database_being_written(tmp_path):
    """Another connection keeps committing while the copy is made: the copy is one
    consistent snapshot (whole, no gaps), never a torn mixture."""
    live = tmp_path / "live.sqlite3"
    setup = sqlite3.connect(live)
    setup.execute("PRAGMA journal_mode=WAL")
    setup.execute("CREATE TABLE contact (id INTEGER PRIMARY KEY, body TEXT)")
    setup.executemany("INSERT INTO contact (body) VALUES (?)", [("x" * 500,)] * 20000)
    setup.commit()
    stop = threading.Event()

    def write():
        writer = sqlite3.connect(live, timeout=30)
        while not stop.is_set():
            writer.execute("INSERT INTO contact (body) VALUES (?)", ("y" * 500,))
            writer.commit()
        writer.close()

    thread = threading.Thread(target=write)
    thread.start()
    while setup.execute("SELECT count(*) FROM contact").fetchone()[0] < 20010:
        pass  # the writer is under way
    try:
        source = sqlite3.connect(live, timeout=30)
        services.sqlite_backup(source, tmp_path / "copy.sqlite3")
    finally:
        stop.set()
        thread.join()
    total = setup.execute("SELECT count(*) FROM contact").fetchone()[0]

    copy = sqlite3.connect(tmp_path / "copy.sqlite3")
    ids = [i for (i,) in copy.execute("SELECT id FROM contact ORDER BY id")]
    assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert 20010 <= len(ids) <= total
    assert ids == list(range(1, len(ids) + 1))  # a prefix of what was committed: no gaps


@pytest.mark.django_db(transaction=True)
def test_a_changed_backup_is_refused(data, tmp_path):
    backup = services.backup_create(destination=tmp_path)
    with (backup.folder / "db.sqlite3").open("ab") as handle:
        handle.write(b"tampered")

    with pytest.raises(services.BackupError, match="changed"):
        services.backup_restore(folder=backup.folder, target=tmp_path / "x.sqlite3")


def test_restore_db_asks_for_yes_first(tmp_path):
    with pytest.raises(CommandError, match="--yes"):
        call_command("restore_db", str(tmp_path))


def test_restore_db_refuses_a_folder_that_is_not_a_backup(tmp_path):
    with translation.override("en"), pytest.raises(CommandError, match="not a backup"):
        call_command("restore_db", str(tmp_path), "--yes")
    with translation.override("zh-hans"), pytest.raises(CommandError, match="不是备份文件夹"):
        call_command("restore_db", str(tmp_path), "--yes")


def manage(*args: str, env: dict) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={"PATH": os.environ["PATH"], **env},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


@pytest.mark.once
def test_backup_db_and_restore_db_commands_on_database_files(tmp_path):
    """What docs/backup.md tells an operator to run: back up a migrated database with data,
    restore it as another installation's database, and find the same rows."""
    env = {
        "DJANGO_SECRET_KEY": "backup-test-secret-key",
        "SELFHELP_ALLOW_DEMO": "true",
    }
    (tmp_path / "live").mkdir()
    live = {**env, "SELFHELP_VAR_DIR": str(tmp_path / "live")}
    manage("migrate", "-v", "0", env=live)
    manage("seed_demo", env=live)

    folder = manage("backup_db", str(tmp_path / "backups"), env=live).strip()
    other = {**env, "SELFHELP_VAR_DIR": str(tmp_path / "other")}
    (tmp_path / "other").mkdir()
    manage("restore_db", folder, "--yes", env=other)
    manage("migrate", "-v", "0", env=other)  # nothing to do: the same code

    rows = table_rows(sqlite3.connect(tmp_path / "other" / "db.sqlite3"))
    assert rows == table_rows(sqlite3.connect(tmp_path / "live" / "db.sqlite3"))
    assert len(rows["cases_contact"]) > 0 and len(rows["accounts_user"]) > 0

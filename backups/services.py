"""Back up and restore the database and the private files (docs/backup.md).

One backup is one folder, `selfhelp-<UTC time>/`:

- the database: `db.sqlite3`, a consistent copy made with SQLite's online backup API
  (sqlite3.Connection.backup) while the app keeps running, or `db.dump`, PostgreSQL's
  custom format from `pg_dump --format=custom`, restored with `pg_restore`;
- `files/<storage>/…`: every file of each private storage kept on the file system
  (evidence, letter PDFs, pending imports). Object storage (S3) is not copied: back up
  the bucket itself (versioning or replication), see docs/backup.md;
- `manifest.json`: when, which engine, the database file's SHA-256, the migrations the
  database had and how many files each storage gave.

The database is copied before the files. A file written while the backup runs may be in
the copy without its row (harmless); a file deleted while it runs may be missing for a
row of the copy: `manage.py verify_files` after a restore names any.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.db import connections
from django.db.migrations.recorder import MigrationRecorder
from django.utils.translation import gettext as _

FORMAT = "selfhelp-backup/1"
MANIFEST = "manifest.json"
FILES_DIR = "files"
SQLITE_NAME = "db.sqlite3"
PG_NAME = "db.dump"


class BackupError(Exception):
    """A backup or restore could not be made; the message says why."""


@dataclass(frozen=True)
class Backup:
    folder: Path
    manifest: dict


# The database


def sqlite_backup(source: sqlite3.Connection, target: Path) -> None:
    """Copy a live SQLite database into `target` with the online backup API.

    The copy is made in one step, which reads one consistent snapshot. The app's
    database is in WAL mode, so other connections go on writing meanwhile (copying in
    several steps would let them restart the copy again and again). The copy is made a
    single self-contained file (no WAL) and checked page by page.
    """
    destination = sqlite3.connect(target)
    try:
        source.backup(destination)
        destination.execute("PRAGMA journal_mode=DELETE")
        (result,) = destination.execute("PRAGMA integrity_check").fetchone()
        if result != "ok":
            raise BackupError(
                _("The copy of the database failed its integrity check: %(result)s")
                % {"result": result}
            )
    finally:
        destination.close()


def sqlite_restore(backup_file: Path, target: Path) -> None:
    """Replace the SQLite database at `target` (made if missing) with the backup's content."""
    source = sqlite3.connect(f"file:{backup_file}?mode=ro", uri=True)
    destination = sqlite3.connect(target)
    try:
        source.backup(destination)
    finally:
        destination.close()
        source.close()


def _pg_command(program: str, db: dict) -> tuple[list[str], dict[str, str]]:
    """The command line and environment that reach the database `db` (a DATABASES entry)."""
    binary = shutil.which(program)
    if binary is None:
        raise BackupError(
            _("%(program)s was not found. Install the PostgreSQL client programs.")
            % {"program": program}
        )
    args = [binary]
    if db.get("HOST"):
        args += ["--host", str(db["HOST"])]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", str(db["USER"])]
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    if (db.get("OPTIONS") or {}).get("sslmode"):
        env["PGSSLMODE"] = str(db["OPTIONS"]["sslmode"])
    return args, env


def _run(args: list[str], env: dict[str, str]) -> None:
    result = subprocess.run(args, env=env, capture_output=True, text=True)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(
            _("%(program)s failed: %(error)s")
            % {"program": Path(args[0]).name, "error": result.stderr.strip()[:2000]}
        )


def pg_dump(db: dict, target: Path) -> None:
    """Dump the PostgreSQL database `db` into `target` in pg_dump's custom format.

    pg_dump reads one consistent snapshot while the app keeps running.
    """
    args, env = _pg_command("pg_dump", db)
    _run([*args, "--format=custom", "--no-owner", "--file", str(target), str(db["NAME"])], env)


def pg_restore(backup_file: Path, db: dict) -> None:
    """Restore a custom-format dump into the PostgreSQL database `db`, replacing what the
    dump holds (tables are dropped first when they exist)."""
    args, env = _pg_command("pg_restore", db)
    _run(
        [
            *args,
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            "--exit-on-error",
            "--dbname",
            str(db["NAME"]),
            str(backup_file),
        ],
        env,
    )


# The private files


def private_storages() -> dict[str, object]:
    """Every configured storage but the static files, by alias."""
    return {alias: storages[alias] for alias in settings.STORAGES if alias != "staticfiles"}


def _filesystem_roots() -> tuple[dict[str, Path], list[str]]:
    """(alias -> folder) of the storages on the file system, and the aliases that are not."""
    roots, elsewhere = {}, []
    for alias, storage in private_storages().items():
        if isinstance(storage, FileSystemStorage):
            roots[alias] = Path(storage.location)
        else:
            elsewhere.append(alias)
    return roots, elsewhere


def files_copy(target: Path) -> tuple[dict[str, int], list[str]]:
    """Copy every file of the file-system storages into target/<alias>/.

    Returns the number of files per alias and the aliases not copied (object storage).
    """
    roots, elsewhere = _filesystem_roots()
    counts = {}
    for alias, root in roots.items():
        counts[alias] = 0
        if not root.is_dir():
            continue
        for path in sorted(root.rglob("*")):
            if path.is_file() and not path.is_symlink():
                copy = target / alias / path.relative_to(root)
                copy.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, copy)
                counts[alias] += 1
    return counts, elsewhere


def files_restore(source: Path) -> dict[str, int]:
    """Copy the backup's files back into each file-system storage (files of the same name
    are replaced; others are left). Returns the number of files per alias."""
    roots, _ = _filesystem_roots()
    counts = {}
    for alias, root in roots.items():
        folder = source / alias
        counts[alias] = 0
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                restored = root / path.relative_to(folder)
                restored.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, restored)
                counts[alias] += 1
    return counts


# Whole backups


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _migrations(using: str) -> dict[str, str]:
    """The latest migration applied, per app: what `migrate` starts from after a restore."""
    applied: dict[str, str] = {}
    for app, name in MigrationRecorder(connections[using]).applied_migrations():
        applied[app] = max(applied.get(app, ""), name)
    return dict(sorted(applied.items()))


def backup_create(
    *, destination: Path, include_files: bool = True, using: str = "default"
) -> Backup:
    """Make a backup folder inside `destination`: the database, then the private files."""
    connection = connections[using]
    now = datetime.now(UTC)
    folder = Path(destination) / f"selfhelp-{now:%Y%m%d-%H%M%S-%f}"
    folder.mkdir(parents=True)
    os.chmod(folder, 0o700)  # a backup holds everything the app keeps private
    if connection.vendor == "sqlite":
        database = folder / SQLITE_NAME
        connection.ensure_connection()
        sqlite_backup(connection.connection, database)
    elif connection.vendor == "postgresql":
        database = folder / PG_NAME
        pg_dump(connection.settings_dict, database)
    else:
        raise BackupError(
            _("Backups of %(engine)s databases are not supported.") % {"engine": connection.vendor}
        )
    counts, not_copied = files_copy(folder / FILES_DIR) if include_files else ({}, [])
    manifest = {
        "format": FORMAT,
        "created_at": now.isoformat(),
        "engine": connection.vendor,
        "database": database.name,
        "database_sha256": _sha256(database),
        "migrations": _migrations(using),
        "files": counts,
        "storages_not_copied": not_copied,
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return Backup(folder=folder, manifest=manifest)


def backup_read(folder: Path) -> Backup:
    """A backup folder's manifest, checked: the right format and an unchanged database file."""
    folder = Path(folder)
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BackupError(
            _("%(folder)s is not a backup folder (%(error)s).") % {"folder": folder, "error": exc}
        ) from None
    if manifest.get("format") != FORMAT:
        raise BackupError(
            _("%(folder)s is not a backup made by backup_db (%(format)s).")
            % {"folder": folder, "format": FORMAT}
        )
    database = folder / manifest["database"]
    if not database.is_file() or _sha256(database) != manifest["database_sha256"]:
        raise BackupError(
            _("The database file in %(folder)s is missing or has changed.") % {"folder": folder}
        )
    return Backup(folder=folder, manifest=manifest)


def backup_restore(
    *, folder: Path, include_files: bool = True, using: str = "default", target=None
) -> Backup:
    """Restore a backup into the configured database (or `target`: a SQLite file path, or
    a DATABASES entry for PostgreSQL), then its files. Stop the app and its workers first.
    """
    backup = backup_read(folder)
    connection = connections[using]
    engine = backup.manifest["engine"]
    database = backup.folder / backup.manifest["database"]
    if engine != connection.vendor:
        raise BackupError(
            _("This backup is of a %(backup)s database; the app is set up for %(engine)s.")
            % {"backup": engine, "engine": connection.vendor}
        )
    connection.close()
    if engine == "sqlite":
        path = Path(target or connection.settings_dict["NAME"])
        if str(path).startswith(":memory:") or "mode=memory" in str(path):
            raise BackupError(_("The database is in memory; give a file to restore into."))
        sqlite_restore(database, path)
    else:
        pg_restore(database, target or connection.settings_dict)
    if include_files:
        files_restore(backup.folder / FILES_DIR)
    return backup

"""Opening the sessions database: writable (a damaged or foreign file moved aside, the schema
upgraded), or read-only from a read-only folder, with what the user can do when neither works.
"""
from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

from interviewer.storage import files
from interviewer.storage.errors import ReadOnlyError, StorageError, from_sqlite_error
from interviewer.storage.schema import APPLICATION_ID, LATEST_VERSION, TABLES_OF_VERSION, migrate


def _configure(db: sqlite3.Connection) -> None:
    db.row_factory = sqlite3.Row
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA secure_delete = ON")
    db.execute("PRAGMA busy_timeout = 5000")


def _open_writable(path: Path, notices: list[str]) -> sqlite3.Connection:
    files.private_file(path)
    reason = _unusable_reason(path)
    if reason is not None:
        aside = files.move_aside(path, "unreadable")
        notices.append(
            f"The session database {path} could not be used ({reason}). It was moved aside to {aside} "
            f"(nothing was deleted) and a new, empty database was started; the recordings in "
            f"{path.parent / files.RECORDINGS} are untouched.")
        files.private_file(path)
    try:
        db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    except sqlite3.Error as exc:
        raise from_sqlite_error(exc, "Opening the database", path) from None
    action = "Opening the database"
    try:
        _configure(db)
        db.execute("PRAGMA journal_mode = WAL")  # a new database (or a full disk) needs a write here
        db.execute("PRAGMA synchronous = FULL")  # a power cut after commit keeps the commit
        action = "Upgrading the database"
        migrate(db)
    except sqlite3.Error as exc:
        db.close()
        raise from_sqlite_error(exc, action, path) from None
    return db


def _unusable_reason(path: Path) -> str | None:
    """Why this file is not an Interviewer database we can use, or None if it is (or is new).

    Raises StorageError for a database written by a newer Interviewer: that one must not be touched.
    """
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
    except sqlite3.Error as exc:
        raise StorageError(f"Cannot open the session database {path}: {exc}") from None
    try:
        app_id = db.execute("PRAGMA application_id").fetchone()[0]
        version = db.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        check = db.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        text = str(exc).lower()
        if "locked" in text or "busy" in text or "unable to open" in text:
            raise StorageError(f"The session database {path} is in use or cannot be opened ({exc}); "
                               "close other Interviewer windows and try again.") from None
        if "disk i/o error" in text or "disk is full" in text:
            # The machine failed to read or to make room (e.g. a full disk cannot hold the
            # -shm file): nothing says the file is damaged, so it must not be moved aside.
            raise StorageError(f"Reading the session database {path} failed ({exc}); the file was "
                               "left as it is.") from None
        return f"not a readable SQLite database: {exc}"
    finally:
        db.close()
    if check != "ok":
        return f"damaged: {check}"
    if app_id == 0 and version == 0 and not (tables - {"sqlite_sequence"}):
        return None  # brand new
    if app_id != APPLICATION_ID:
        return "it belongs to another program"
    if version > LATEST_VERSION:
        raise StorageError(
            f"The session database {path} was written by a newer version of Interviewer (schema "
            f"{version}, this version knows {LATEST_VERSION}). Update Interviewer; the file was not changed.")
    needed = TABLES_OF_VERSION.get(version, set())
    if not needed <= tables:
        return "its tables are missing"
    return None


def _disk_is_full(folder: Path) -> bool:
    """Too little room left for SQLite to open a database (its shared-memory file is 32 kB)."""
    try:
        stats = os.statvfs(folder)
    except (OSError, AttributeError):  # AttributeError: no statvfs on Windows
        try:
            return shutil.disk_usage(folder).free < 64 * 1024
        except OSError:
            return False
    return stats.f_bavail * stats.f_frsize < 64 * 1024


def _open_read_only(path: Path) -> sqlite3.Connection:
    if not path.is_file():
        raise ReadOnlyError(f"The data folder {path.parent} is read-only and holds no sessions yet. "
                            "Choose a writable data folder in Settings or set INTERVIEWER_DATA_DIR.")
    # A WAL database normally needs its -shm file; on a read-only folder, read it as immutable.
    for uri in (f"file:{path}?mode=ro", f"file:{path}?immutable=1"):
        try:
            db = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
            _configure(db)
            version = db.execute("PRAGMA user_version").fetchone()[0]
            db.execute("SELECT COUNT(*) FROM sessions").fetchone()
        except sqlite3.Error:
            continue
        if version != LATEST_VERSION:
            db.close()
            raise ReadOnlyError(f"The data folder {path.parent} is read-only and its database needs an "
                                f"upgrade (schema {version} -> {LATEST_VERSION}); make it writable once.")
        return db
    raise ReadOnlyError(f"The session database {path} cannot be read from this read-only folder.")

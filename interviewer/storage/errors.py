"""Storage problems a user can see and act on (disk full, read-only folder, unreadable database)."""
from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

from interviewer.errors import UserError


class StorageError(UserError):
    """Saving or loading a session failed; the message says what, where, and what was kept."""


class DiskFullError(StorageError):
    pass


class ReadOnlyError(StorageError):
    pass


class SessionNotFound(StorageError):
    pass


class DatabaseBusyError(StorageError):
    """Another process held the database's write lock longer than the busy timeout."""


def from_os_error(exc: OSError, action: str, where: Path | str) -> StorageError:
    """Turn an OSError into a StorageError with a plain message."""
    if exc.errno == errno.ENOSPC:
        return DiskFullError(f"{action} failed: the disk holding {where} is full. "
                             "Everything saved before this moment is kept; free some space and try again.")
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return ReadOnlyError(f"{action} failed: {where} cannot be written ({exc.strerror}). "
                             "Nothing saved earlier was changed; choose a writable data folder in Settings "
                             "or set INTERVIEWER_DATA_DIR.")
    return StorageError(f"{action} failed at {where}: {exc.strerror or exc}")


def from_sqlite_error(exc: sqlite3.Error, action: str, db_path: Path) -> StorageError:
    """Turn a sqlite3 error into a StorageError; the transaction was rolled back, so nothing half-saved."""
    text = str(exc).lower()
    if "disk is full" in text or "database or disk is full" in text:
        return DiskFullError(f"{action} failed: the disk holding {db_path} is full. "
                             "Nothing saved earlier was lost; free some space and try again.")
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return ReadOnlyError(f"{action} failed: the database {db_path} cannot be written ({exc}). "
                             "Nothing saved earlier was changed; choose a writable data folder.")
    if "locked" in text or "busy" in text:
        return DatabaseBusyError(f"{action} failed: the database {db_path} is busy: another Interviewer window "
                                 "or program kept it locked for writing. Nothing was changed; close the other "
                                 "program or wait a moment, and try again.")
    if "malformed" in text or "not a database" in text:
        return StorageError(f"{action} failed: the database {db_path} is damaged ({exc}). "
                            "Close the app; at the next start it will be moved aside and kept.")
    return StorageError(f"{action} failed on {db_path}: {exc}")


class _AlsoOSError(OSError):
    def __str__(self) -> str:
        return self.strerror or super().__str__()


class RecordingError(StorageError, _AlsoOSError):
    """Writing a recording failed. Also an OSError (errno kept, strerror = the plain message),
    so audio code that handles OSError from file writes handles it too."""


class RecordingDiskFullError(DiskFullError, _AlsoOSError):
    pass


class RecordingReadOnlyError(ReadOnlyError, _AlsoOSError):
    pass


def recording_error(exc: OSError, action: str, where: Path | str, extra: str = "") -> StorageError:
    plain = from_os_error(exc, action, where)
    cls = {DiskFullError: RecordingDiskFullError, ReadOnlyError: RecordingReadOnlyError}.get(
        type(plain), RecordingError)
    return cls(exc.errno or 0, f"{plain}{extra}")

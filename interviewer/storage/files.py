"""The data folder on disk: private permissions, and audio paths that can never leave it."""
from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from interviewer.storage.errors import StorageError

DB_NAME = "interviewer.sqlite3"
RECORDINGS = "recordings"
LOCKS = "locks"
TRASH_PREFIX = ".trash-"
DIR_MODE = 0o700
FILE_MODE = 0o600


def private_dir(path: Path) -> Path:
    """Create (if needed) a folder only the user can read, and tighten it if it exists."""
    path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    if os.name == "posix" and (path.stat().st_mode & 0o777) != DIR_MODE:
        os.chmod(path, DIR_MODE)
    return path


def private_file(path: Path) -> Path:
    """Create an empty file readable by the user only (or tighten an existing one)."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, FILE_MODE)
    os.close(fd)
    if os.name == "posix" and (path.stat().st_mode & 0o777) != FILE_MODE:
        os.chmod(path, FILE_MODE)
    return path


def is_writable_dir(path: Path) -> bool:
    """Really try to write (root ignores permission bits, a read-only mount does not)."""
    probe = path / f".write-test-{os.getpid()}"
    try:
        fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileExistsError:
        probe.unlink(missing_ok=True)
        return is_writable_dir(path)
    except OSError:
        return False
    os.close(fd)
    probe.unlink(missing_ok=True)
    return True


def resolve_inside(root: Path, relative: str | os.PathLike) -> Path:
    """The absolute path of `relative` under root; refuses anything that would land outside it
    (absolute paths, `..`, symlinks pointing out), so recordings stay in the data folder."""
    if "\x00" in str(relative):  # (a path with a NUL byte cannot even be looked up)
        raise StorageError(f"refusing audio path {str(relative)!r}: it holds a NUL character")
    rel = Path(relative)
    if rel.is_absolute() or rel.drive:
        raise StorageError(f"refusing audio path {relative}: recordings are kept inside {root} only")
    root_real = root.resolve()
    target = (root / rel).resolve()
    if target != root_real and root_real not in target.parents:
        raise StorageError(f"refusing audio path {relative}: it points outside {root}")
    return target


def move_aside(path: Path, reason: str) -> Path:
    """Rename a database (and its -wal/-shm companions) out of the way; never deletes anything."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.{reason}-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.{reason}-{stamp}-{n}")
    os.replace(path, target)
    for suffix in ("-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            os.replace(companion, target.with_name(target.name + suffix))
    return target


def purge_trash(recordings: Path) -> None:
    """Finish deletes whose rows were already removed (the app stopped before the files went)."""
    if not recordings.is_dir():
        return
    for entry in recordings.iterdir():
        if entry.name.startswith(TRASH_PREFIX) and entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)

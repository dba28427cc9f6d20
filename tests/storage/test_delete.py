"""Delete is for good: rows, audio and even the deleted bytes in the database files are gone."""
import sqlite3

import pytest

from interviewer.storage import Store, StorageError
from interviewer.storage import store as store_module
from interviewer.storage.files import DB_NAME
from storage_helpers import full_round

TABLES = ("sessions", "answers", "phase_timeline", "debrief_entries", "findings")


def counts(db_path) -> dict:
    db = sqlite3.connect(db_path)
    try:
        return {t: db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in TABLES}
    finally:
        db.close()


def database_bytes(data_dir) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(data_dir.glob(DB_NAME + "*")))


def test_delete_removes_rows_audio_and_deleted_text(data_dir):
    with Store.open() as store:
        doomed = full_round(store, marker="ZEBRA-SECRET-4711")
        kept = full_round(store, marker="kept-round")
        doomed_folder = store.recordings_dir / store.get_session(doomed).folder
        kept_session = store.get_session(kept)
        assert len(list(doomed_folder.iterdir())) == 3  # two answers and a spoken debrief
        assert b"ZEBRA-SECRET-4711" in database_bytes(data_dir)

        store.delete_session(doomed)

        assert [s.id for s in store.list_sessions()] == [kept]
        with pytest.raises(StorageError):
            store.get_session(doomed)
        assert not doomed_folder.exists()
        assert store.get_session(kept) == kept_session
        assert store.missing_audio(kept_session) == []

    # No orphan rows anywhere: every row left belongs to the kept session.
    db = sqlite3.connect(data_dir / DB_NAME)
    for table in TABLES[1:]:
        orphans = db.execute(f"SELECT COUNT(*) FROM {table} WHERE session_id NOT IN (SELECT id FROM sessions)")
        assert orphans.fetchone()[0] == 0, table
    assert db.execute("SELECT COUNT(*) FROM sessions").fetchone()[0] == 1
    db.close()
    # Nothing left on disk: only the kept round's folder, no lock or trash files.
    assert [p.name for p in (data_dir / "recordings").iterdir()] == [kept_session.folder]
    assert [p.name for p in (data_dir / "locks").iterdir()] == ["open.lock"]  # no session locks
    # The deleted transcripts, scratchpad and debrief text are not recoverable from the files.
    assert b"ZEBRA-SECRET-4711" not in database_bytes(data_dir)
    assert b"kept-round" in database_bytes(data_dir)


def test_deleting_every_session_leaves_empty_tables_and_folders(data_dir):
    with Store.open() as store:
        ids = [full_round(store) for _ in range(3)]
        running = store.create_session("s", "t", "coding", 45)  # ours: may be deleted
        store.add_answer(running, "q", "Q?")
        for sid in ids + [running]:
            store.delete_session(sid)
    assert counts(data_dir / DB_NAME) == dict.fromkeys(TABLES, 0)
    assert list((data_dir / "recordings").iterdir()) == []
    assert [p.name for p in (data_dir / "locks").iterdir()] == ["open.lock"]  # no session locks


def test_a_delete_that_fails_to_commit_keeps_rows_and_audio(data_dir, monkeypatch):
    with Store.open() as store:
        sid = full_round(store)
        folder = store.recordings_dir / store.get_session(sid).folder
        files_before = sorted(p.name for p in folder.iterdir())

        def explode(*args):
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(store_module.os, "replace", explode)
        with pytest.raises(StorageError, match="full"):
            store.delete_session(sid)
        monkeypatch.undo()
        assert store.get_session(sid).answers
        assert sorted(p.name for p in folder.iterdir()) == files_before


def test_trash_left_by_a_crash_after_commit_is_removed_at_next_open(data_dir):
    with Store.open() as store:
        sid = full_round(store)
        folder = store.get_session(sid).folder
    trash = data_dir / "recordings" / f".trash-{folder}"
    (data_dir / "recordings" / folder).rename(trash)  # as if the app died between commit and rmtree
    Store.open().close()
    assert not trash.exists()

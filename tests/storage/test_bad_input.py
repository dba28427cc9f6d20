"""A damaged or foreign database, a missing recording, a full disk, a read-only folder:
each gives a clear StorageError (a UserError) and loses nothing else."""
import os
import sqlite3
import subprocess

import numpy as np
import pytest
import soundfile as sf

from interviewer.errors import UserError
from interviewer.storage import DiskFullError, ReadOnlyError, Store, StorageError
from interviewer.storage import files
from interviewer.storage.wav_writer import CrashSafeWavWriter
from storage_helpers import full_round, make_transcript, tmpfs


def aside_files(data_dir):
    """The databases moved aside, without their -wal/-shm companions: a torn header whose random
    bytes say WAL makes SQLite's read-only check leave a -shm file, moved aside with it (1 run in
    a few hundred failed on that)."""
    return sorted(p for p in data_dir.iterdir()
                  if p.name.startswith(files.DB_NAME + ".unreadable-") and not p.name.endswith(("-wal", "-shm")))


@pytest.mark.parametrize("content", [
    os.urandom(8192),
    b"SQLite format 3\x00" + os.urandom(4000),  # a torn header
    b"SQLite format 3\x00\x10\x00\x02\x02" + os.urandom(4000),  # ... that says WAL: -wal/-shm go aside too
    b"this is my shopping list\n" * 50,
])
def test_a_corrupt_database_is_moved_aside_and_a_new_one_started(data_dir, content):
    with Store.open() as store:
        sid = full_round(store)
        folder = store.get_session(sid).folder
    (data_dir / files.DB_NAME).write_bytes(content)
    for suffix in ("-wal", "-shm"):
        (data_dir / (files.DB_NAME + suffix)).unlink(missing_ok=True)

    with Store.open() as store:
        (aside,) = aside_files(data_dir)
        assert aside.read_bytes() == content  # kept exactly as it was
        (notice,) = store.notices
        assert str(aside) in notice and "nothing was deleted" in notice
        assert store.list_sessions() == []
        assert (data_dir / "recordings" / folder / "answer-1.wav").is_file()  # audio untouched
        new = store.create_session("s", "t", "coding", 45)
        assert store.get_session(new).folder != folder


def test_another_programs_sqlite_file_is_moved_aside_untouched(data_dir):
    data_dir.mkdir(mode=0o700)
    other = sqlite3.connect(data_dir / files.DB_NAME)
    other.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
    other.execute("INSERT INTO contacts VALUES ('Ada', '555')")
    other.commit()
    other.close()
    with Store.open() as store:
        (aside,) = aside_files(data_dir)
        assert "another program" in store.notices[0] and str(aside) in store.notices[0]
        assert store.list_sessions() == []
    assert sqlite3.connect(aside).execute("SELECT * FROM contacts").fetchall() == [("Ada", "555")]


def test_a_missing_recording_is_reported_and_the_rest_still_works(store):
    sid = full_round(store)
    session = store.get_session(sid)
    lost = session.answers[0].audio_path
    store.resolve_audio_path(lost).unlink()
    assert store.missing_audio(session) == [lost]
    assert store.audio_file(lost) is None
    assert store.audio_file(session.answers[1].audio_path) is not None
    assert store.get_session(sid).answers[0].transcript is not None
    assert store.progress()[0].words == 18


def write_until_full(writer: CrashSafeWavWriter, limit_seconds: float = 600.0) -> None:
    chunk = (0.1 * np.sin(np.arange(1600) / 5.0)).astype(np.float32)
    for _ in range(int(limit_seconds * 10)):
        writer.write(chunk)
        writer.flush()
    raise AssertionError("the disk never filled up")


def check_recording_kept(path, error, written_before):
    message = str(error)
    assert "full" in message and "kept" in message and str(path) in message
    data, rate = sf.read(path, dtype="float32")
    assert rate == 16000 and len(data) % 1600 == 0
    assert len(data) / 16000 == pytest.approx(written_before, abs=0.11)


def test_a_full_disk_while_recording_and_saving(tmp_path, monkeypatch):
    mount = tmp_path / "small-disk"
    with tmpfs(mount, "size=1m,mode=0700") as mounted:
        if not mounted:
            pytest.skip("no tmpfs here; test_a_full_disk_simulated covers the logic")
        data_dir = mount / "data"
        with Store.open(data_dir) as store:
            sid = store.create_session("s", "t", "coding", 45)
            done = store.add_answer(sid, "q1", "First?")
            store.attach_transcript(done, make_transcript("first answer kept"))
            aid = store.add_answer(sid, "q2", "Second?")
            path = store.audio_path_for(sid, aid)
            writer = CrashSafeWavWriter(path, fsync=False)
            with pytest.raises(DiskFullError) as caught:
                write_until_full(writer)
            assert isinstance(caught.value, UserError)
            check_recording_kept(path, caught.value, writer.seconds_written)
            # The database is on the same full disk: saving fails clearly, nothing half-saved.
            with pytest.raises(DiskFullError, match="full"):
                for n in range(200):
                    store.attach_transcript(aid, make_transcript("x " * 2000 + str(n)))
                    store.add_debrief(sid, "Where?", "y" * 5000)
            assert store.get_session(sid).answers[0].transcript.text == "first answer kept"
            # Free space (as the user would) and carry on.
            path.unlink()
            store.save_scratchpad(sid, "after freeing space")
            store.finish_session(sid)
        with Store.open(data_dir) as store:
            assert store.get_session(sid).scratchpad == "after freeing space"


def test_a_full_disk_simulated(store, monkeypatch):
    """The same guarantees where no tmpfs can be mounted: ENOSPC from the file, SQLITE_FULL from SQLite."""
    sid = store.create_session("s", "t", "coding", 45)
    aid = store.add_answer(sid, "q", "Q?")
    path = store.audio_path_for(sid, aid)
    writer = CrashSafeWavWriter(path, fsync=False)
    real_file = writer._file

    class FillsUp:
        def __init__(self):
            self.room = 16000 * 2 * 3 + 500  # ~3 s of audio and then a torn chunk

        def write(self, data):
            if len(data) > self.room:
                written = real_file.write(bytes(data[:self.room]))
                self.room = 0
                if written:
                    return written
                raise OSError(28, "No space left on device")
            self.room -= len(data)
            return real_file.write(data)

        def __getattr__(self, name):
            return getattr(real_file, name)

    writer._file = FillsUp()
    with pytest.raises(DiskFullError) as caught:
        write_until_full(writer)
    check_recording_kept(path, caught.value, writer.seconds_written)
    assert 2.5 <= writer.seconds_written <= 3.0  # header rewrites used some of the room

    store.attach_transcript(aid, make_transcript("kept before the disk filled"))
    pages = store._db.execute("PRAGMA page_count").fetchone()[0]
    store._db.execute(f"PRAGMA max_page_count = {pages + 1}")  # SQLite now answers SQLITE_FULL
    with pytest.raises(DiskFullError, match="disk holding .* is full"):
        store.add_debrief(sid, "Where?", "z" * 100_000)
    assert store.get_session(sid).debrief == []
    assert store.get_session(sid).answers[0].transcript.text == "kept before the disk filled"


def remount_read_only(mount):
    return subprocess.run(["mount", "-o", "remount,ro", str(mount)], capture_output=True).returncode == 0


def test_a_read_only_data_folder_opens_for_reading_and_refuses_writes(tmp_path, monkeypatch):
    mount = tmp_path / "ro-disk"
    with tmpfs(mount, "size=4m,mode=0700") as mounted:
        data_dir = mount / "data"
        with Store.open(data_dir) as store:
            sid = full_round(store)
            before = store.get_session(sid)
        if mounted:
            assert remount_read_only(mount)
        elif os.geteuid() != 0:
            data_dir.chmod(0o500)
        else:  # root without mount: permission bits do not stop root, so pretend
            monkeypatch.setattr(files, "is_writable_dir", lambda path: False)
        try:
            with Store.open(data_dir) as store:
                assert store.read_only
                assert "read-only" in store.notices[0] and str(data_dir) in store.notices[0]
                assert store.get_session(sid) == before
                assert store.audio_file(before.answers[0].audio_path) is not None
                for write in (lambda: store.create_session("s", "t", "coding", 45),
                              lambda: store.save_scratchpad(sid, "x"),
                              lambda: store.delete_session(sid)):
                    with pytest.raises(ReadOnlyError, match="read-only"):
                        write()
                assert store.recover_interrupted() == []
        finally:
            if not mounted and os.geteuid() != 0:
                data_dir.chmod(0o700)
        if mounted:  # the recorder gets a clear message too
            with pytest.raises(ReadOnlyError, match="cannot be written"):
                CrashSafeWavWriter(data_dir / "recordings" / "x.wav")


def test_an_empty_read_only_folder_says_what_to_do(tmp_path, monkeypatch):
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.setattr(files, "is_writable_dir", lambda path: False)
    with pytest.raises(ReadOnlyError, match="Choose a writable data folder"):
        Store.open(empty)


def test_instances_starting_at_once_move_a_corrupt_database_aside_once(data_dir):
    import threading

    data_dir.mkdir(mode=0o700)
    (data_dir / files.DB_NAME).write_bytes(os.urandom(8192))
    stores, errors = [], []

    def start():
        try:
            stores.append(Store.open(data_dir))
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=start) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(aside_files(data_dir)) == 1
    assert sum(len(s.notices) for s in stores) == 1
    sid = stores[0].create_session("s", "t", "coding", 45)
    assert all(s.get_session(sid).title == "t" for s in stores)
    for s in stores:
        s.close()


def test_recording_errors_are_also_os_errors_for_the_audio_code(tmp_path, monkeypatch):
    """The microphone adapter catches OSError around the writer; it must see these too."""
    import errno

    from interviewer.storage.errors import recording_error

    error = recording_error(OSError(errno.ENOSPC, "No space left on device"), "Recording", tmp_path / "a.wav",
                            " The recording up to 3.0 s is kept.")
    assert isinstance(error, OSError) and isinstance(error, DiskFullError) and isinstance(error, UserError)
    assert error.errno == errno.ENOSPC
    assert str(error) == error.strerror and str(error).startswith("Recording failed: the disk holding")
    assert str(error).endswith("is kept.")
    with pytest.raises(OSError):
        CrashSafeWavWriter(tmp_path / "no" / "such" / "folder" / "a.wav")

"""An export never writes over the data folder's own files, not even with --force (the GUI's
file dialog always forces): before, `sessions export 1 -f wav -o <recordings>/answer-1.wav
--force` replaced the answer's recording with the joined round, and `-o interviewer.sqlite3
--force` replaced the session database with Markdown (every round lost)."""
import hashlib
import os

import pytest

from interviewer.errors import UserError
from interviewer.export import export_session
from interviewer.storage import Store
from storage_helpers import full_round
from test_sessions_bad_input import one_error_line, sessions


def _fingerprint(data_dir):
    return {p: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(data_dir.rglob("*")) if p.is_file() and p.suffix in (".wav", ".sqlite3")}


def test_the_command_refuses_to_replace_a_recording_or_the_database(data_dir):
    with Store.open() as store:
        sid = full_round(store)
        recording = store.audio_file(store.get_session(sid).answers[0].audio_path)
    before = _fingerprint(data_dir)
    line = one_error_line(sessions("export", str(sid), "-f", "wav", "-o", str(recording), "--force",
                                   data_dir=data_dir))
    assert line.startswith(f"interviewer: {recording}: is in the recordings folder") and "nothing was written" in line
    line = one_error_line(sessions("export", str(sid), "-f", "md", "-o", str(data_dir / "interviewer.sqlite3"),
                                   "--force", data_dir=data_dir))
    assert "is the session database" in line and "nothing was written" in line
    assert _fingerprint(data_dir) == before
    listed = sessions("list", data_dir=data_dir)
    assert listed.returncode == 0 and "Feed ranking design" in listed.stdout


@pytest.mark.parametrize("where", ["recording", "new file among the recordings", "database", "wal",
                                   "moved-aside database", "split into the round's folder",
                                   "split into recordings", "split into locks", "symlinked folder"])
def test_every_own_file_or_folder_is_refused(store, tmp_path, where):
    sid = full_round(store)
    recording = store.audio_file(store.get_session(sid).answers[0].audio_path)
    (store.data_dir / "interviewer.sqlite3.unreadable-20260101-000000").write_bytes(b"old rounds")
    link = tmp_path / "link"
    os.symlink(recording.parent, link)
    fmt, split, out = {
        "recording": ("wav", False, recording),
        "new file among the recordings": ("md", False, recording.parent / "notes.md"),
        "database": ("json", False, store.db_path),
        "wal": ("md", False, store.data_dir / "interviewer.sqlite3-wal"),
        "moved-aside database": ("md", False, store.data_dir / "interviewer.sqlite3.unreadable-20260101-000000"),
        "split into the round's folder": ("wav", True, recording.parent),
        "split into recordings": ("flac", True, store.recordings_dir),
        "split into locks": ("wav", True, store.data_dir / "locks"),
        "symlinked folder": ("wav", True, link),
    }[where]
    before = _fingerprint(store.data_dir)
    names = sorted(p.name for p in store.data_dir.rglob("*"))
    with pytest.raises(UserError, match="nothing was written"):
        export_session(store, sid, fmt, out, split=split, force=True)
    assert _fingerprint(store.data_dir) == before
    assert sorted(p.name for p in store.data_dir.rglob("*")) == names


def test_exports_beside_the_data_folder_and_through_a_symlink_to_a_recording_still_work(store, tmp_path):
    sid = full_round(store)
    recording = store.audio_file(store.get_session(sid).answers[0].audio_path)
    kept = recording.read_bytes()
    # A file in the data folder itself that is not the database is the user's to overwrite.
    (store.data_dir / "session.md").write_text("old")
    assert export_session(store, sid, "md", store.data_dir / "session.md", force=True).files
    # A symlink named as the output is replaced, never what it points to.
    link = tmp_path / "answer.wav"
    os.symlink(recording, link)
    export_session(store, sid, "wav", link, force=True)
    assert not link.is_symlink() and recording.read_bytes() == kept

"""A database file that cannot be written in a folder that can (made read-only by a restore, a
sync tool or by hand): it opens read-only, like a read-only folder, so the rounds can still be
listed, shown and exported. Before, every command, `sessions list` included, stopped with
"Opening the database failed: ... cannot be written" and nothing could be read."""
import contextlib
import os
import subprocess

import pytest

from interviewer.storage import ReadOnlyError, Store, files
from storage_helpers import full_round
from test_sessions_bad_input import sessions


@contextlib.contextmanager
def read_only_file(path):
    """The file cannot be opened for writing: chmod 444, and for root (whom modes do not stop)
    the immutable attribute."""
    if os.geteuid() != 0:
        path.chmod(0o444)
        try:
            yield
        finally:
            path.chmod(0o600)
        return
    if subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode != 0:
        pytest.skip("root, and this file system has no immutable attribute (chattr +i)")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(path)], capture_output=True)


def test_it_opens_read_only_and_every_write_is_refused(data_dir):
    with Store.open() as store:
        sid = full_round(store)
        before = store.get_session(sid)
    with read_only_file(data_dir / files.DB_NAME):
        with Store.open() as store:
            assert store.read_only
            assert store.notices == [
                f"The session database {data_dir / files.DB_NAME} cannot be written (it is read-only): "
                "sessions can be viewed and exported, but nothing new can be saved. Make the file "
                "writable, or choose another data folder, to record rounds."]
            assert store.get_session(sid) == before
            for write in (lambda: store.create_session("s", "t", "coding", 45),
                          lambda: store.discard_session(sid), lambda: store.delete_session(sid)):
                with pytest.raises(ReadOnlyError):
                    write()
            assert store.audio_file(before.answers[0].audio_path) is not None


def test_the_commands_read_and_export_and_refuse_to_delete(data_dir, tmp_path):
    with Store.open() as store:
        sid = full_round(store)
    with read_only_file(data_dir / files.DB_NAME):
        listed = sessions("list", data_dir=data_dir)
        assert listed.returncode == 0 and "Feed ranking design" in listed.stdout
        assert "cannot be written (it is read-only)" in listed.stderr and "Traceback" not in listed.stderr
        exported = sessions("export", str(sid), "-o", str(tmp_path / "round.md"), data_dir=data_dir)
        assert exported.returncode == 0 and (tmp_path / "round.md").is_file()
        deleted = sessions("delete", str(sid), "--yes", data_dir=data_dir)
        assert deleted.returncode == 1 and "Traceback" not in deleted.stderr
    with Store.open() as store:
        assert store.audio_file(store.get_session(sid).answers[0].audio_path) is not None

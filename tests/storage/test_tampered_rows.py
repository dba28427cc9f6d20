"""A database edited by another program (SQLite keeps whatever is written into a column): a
value of the wrong type is read as "none" and every command still shows the round. Before,
`sessions list`, `show` and `export` stopped with a traceback: TypeError for text in a time
column or bytes in a text column, OverflowError / OSError for a start time past year 9999,
ValueError for a NUL byte in an audio path."""
import sqlite3

import pytest

from interviewer.storage import Store, files
from storage_helpers import full_round
from test_sessions_bad_input import sessions

TAMPERED = [
    ("sessions", "started_at", "yesterday"), ("sessions", "started_at", 10**18), ("sessions", "started_at", 1e308),
    ("sessions", "ended_at", b"\xff\x00"), ("sessions", "planned_minutes", "forty-five"),
    ("sessions", "kind", b"\xff\x00"), ("sessions", "title", 42), ("sessions", "scratchpad", b"\xff\x00"),
    ("answers", "asked_at", "x"), ("answers", "answer_start", b"\xff"), ("answers", "answer_end", "x"),
    ("answers", "question_text", b"\xff\x00"), ("answers", "audio_path", b"\xff\x00"),
    ("answers", "audio_path", "a\x00b.wav"), ("debrief_entries", "created_at", "x"),
    ("phase_timeline", "started_at", "x"),
]


def _tamper(data_dir, table, column, value):
    db = sqlite3.connect(data_dir / files.DB_NAME)
    db.execute(f"UPDATE {table} SET {column} = ?", (value,))
    db.commit()
    db.close()


@pytest.mark.parametrize("table, column, value", TAMPERED, ids=[f"{t}.{c}={v!r}"[:60] for t, c, v in TAMPERED])
def test_the_round_is_still_listed_shown_and_exported(data_dir, tmp_path, table, column, value):
    with Store.open() as store:
        sid = full_round(store)
    _tamper(data_dir, table, column, value)
    with Store.open() as store:
        assert [s.id for s in store.list_sessions()] == [sid]
        session = store.get_session(sid)
        assert isinstance(session.title, str) and isinstance(session.started_at, float)
        assert all(isinstance(a.question_text, str) for a in session.answers)
    for args in (["list"], ["show", str(sid)], ["export", str(sid), "-f", "html", "-o", str(tmp_path / "r.html")],
                 ["export", str(sid), "-f", "json", "-o", str(tmp_path / "r.json")]):
        done = sessions(*args, data_dir=data_dir)
        assert "Traceback" not in done.stderr, (args, done.stderr)
        if column != "audio_path":  # a refused audio path is one line naming it (StorageError)
            assert done.returncode == 0, (args, done.stderr)

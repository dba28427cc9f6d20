"""Sessions in a local SQLite database, their audio in `recordings/<session folder>/` beside it.

One `Store` per process is enough; its methods may be called from any thread (one lock guards
the connection). Every write is one transaction, so a crash or a full disk never leaves half a
change. Times: session started_at/ended_at are UNIX time; answer, phase and finding times are
seconds since the round started (answers) or into the answer's audio (findings).
"""
from __future__ import annotations

import contextlib
import json
import logging
import os
import secrets
import shutil
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any, Callable, Iterator

from interviewer import paths
from interviewer.core.analysis.report import stored_finding_kind
from interviewer.core.analysis.version import ANALYSIS_VERSION
from interviewer.core.debrief import prompt_order
from interviewer.core.transcript import Transcript
from interviewer.storage import files
from interviewer.storage.connection import _disk_is_full, _open_read_only, _open_writable
from interviewer.storage.errors import (
    DiskFullError, ReadOnlyError, SessionNotFound, StorageError, from_os_error, from_sqlite_error,
)
from interviewer.storage.models import (
    ENDED_EARLY_KIND, QUESTIONS_DONE_KIND, Answer, Clarification, DebriefEntry, Finding, InterviewerLine, Pause, PhaseRecord,
    RecoveredSession, Session, SessionProgress, SessionStatus, SessionSummary,
)
from interviewer.storage.progress import answer_numbers, round_totals, with_joined_findings
from interviewer.storage.row_values import (
    _as_dict, _check_rating, _clock_time, _dumps, _insert_finding, _load_json, _load_transcript, _number,
    _read_transcript, _text, _version,
)
from interviewer.storage.session_lock import SessionLock
from interviewer.storage.wav_writer import repair_wav

WAV_HEADER_BYTES = 44  # a WAV file of this size or less holds no sound

log = logging.getLogger(__name__)
# A session's paused time (the round clock stood still): a round paused 10 minutes for a
# doorbell did not run 10 minutes longer.
_PAUSED = "(SELECT IFNULL(SUM(p.seconds), 0) FROM pauses p WHERE p.session_id = s.id) AS paused"
# The round's last known moment on the round clock, as export.report.last_moment finds it.
_LAST_MOMENT = ("MAX((SELECT IFNULL(MAX(MAX(IFNULL(p.started_at, 0), IFNULL(p.ended_at, 0))), 0) FROM phase_timeline p"
                " WHERE p.session_id = s.id), (SELECT IFNULL(MAX(MAX(IFNULL(a.asked_at, 0), IFNULL(a.answer_start, 0),"
                " IFNULL(a.answer_end, 0))), 0) FROM answers a WHERE a.session_id = s.id)) AS last_moment")


class Store:
    def __init__(self, data_dir: Path, db: sqlite3.Connection, read_only: bool, notices: list[str]) -> None:
        self.data_dir = data_dir
        self.db_path = data_dir / files.DB_NAME
        self.recordings_dir = data_dir / files.RECORDINGS
        self.read_only = read_only
        # Set when the store is read-only because the disk is full (not the folder): writes
        # then say so instead of calling the folder read-only.
        self.full_disk = False
        # Things the user should be told once (e.g. a damaged database was moved aside).
        self.notices = notices
        self._db = db
        self._mutex = threading.RLock()
        self._locks: dict[int, SessionLock] = {}

    # ------------------------------------------------------------------ opening

    @classmethod
    def open(cls, data_dir: str | os.PathLike | None = None) -> "Store":
        """Open (creating or upgrading) the database in the data folder.

        A damaged or foreign database file is moved aside (never deleted) and a new one started;
        `store.notices` then says where it went. A read-only data folder opens read-only: reading
        works, every write raises ReadOnlyError. So does an existing database on a full disk (SQLite
        cannot even create its shared-memory file there), where every write raises DiskFullError.
        A database from a newer app version raises.
        """
        root = Path(data_dir) if data_dir is not None else paths.data_dir()
        root = root.expanduser()
        notices: list[str] = []
        try:
            files.private_dir(root)
        except OSError as exc:
            if not (root.is_dir() and (root / files.DB_NAME).is_file()):
                blocker = next((p for p in (root, *root.parents) if p.exists()), root)
                if isinstance(exc, (FileExistsError, NotADirectoryError)) and not blocker.is_dir():
                    # Said as "File exists" before: the data folder is, or is under, a file.
                    raise StorageError(f"The data folder {root} cannot be used: {blocker} is a file, not "
                                       "a folder. Choose a folder in Settings or set INTERVIEWER_DATA_DIR.") from None
                raise from_os_error(exc, "Opening the data folder", root) from None
        if not files.is_writable_dir(root):
            return cls(root, _open_read_only(root / files.DB_NAME), True, [
                f"The data folder {root} is read-only: sessions can be viewed and exported, but "
                "nothing new can be saved. Choose a writable data folder to record rounds."])
        try:
            files.private_dir(root / files.RECORDINGS)
            files.private_dir(root / files.LOCKS)
            # One process at a time checks, moves aside or upgrades the database file.
            opening = SessionLock(root / files.LOCKS / "open.lock")
            opening.acquire()
            try:
                files.purge_trash(root / files.RECORDINGS)
                db = _open_writable(root / files.DB_NAME, notices)
            finally:
                opening.release()
        except OSError as exc:
            failure = from_os_error(exc, "Opening the database", root / files.DB_NAME)
        except StorageError as exc:
            failure = exc
        else:
            return cls(root, db, False, notices)
        if isinstance(failure, ReadOnlyError) and (root / files.DB_NAME).is_file():
            # The folder is writable but the database file is not (made read-only by a restore,
            # a sync tool or by hand): read it as a read-only folder is read.
            try:
                db = _open_read_only(root / files.DB_NAME)
            except StorageError:
                raise failure from None
            return cls(root, db, True, notices + [
                f"The session database {root / files.DB_NAME} cannot be written (it is read-only): "
                "sessions can be viewed and exported, but nothing new can be saved. Make the file "
                "writable, or choose another data folder, to record rounds."])
        if not _disk_is_full(root):
            raise failure from None
        return cls._open_on_full_disk(root, notices, failure)

    @classmethod
    def _open_on_full_disk(cls, root: Path, notices: list[str], failure: StorageError) -> "Store":
        path = root / files.DB_NAME
        full = (f"the disk holding {root} is full. Nothing saved earlier was lost; free some space "
                "and try again")
        if not path.is_file() or path.stat().st_size == 0:
            raise DiskFullError(f"Creating the session database failed: {full}.") from None
        try:
            db = _open_read_only(path)
        except StorageError:
            raise failure from None
        store = cls(root, db, True, notices + [
            f"The disk holding {root} is full: sessions can be viewed and exported (to another disk), "
            "but nothing can be saved, and an interrupted round is recovered only once space is freed."])
        store.full_disk = True
        return store

    def close(self) -> None:
        with self._mutex:
            for lock in self._locks.values():
                lock.release(remove=True)
            self._locks.clear()
            if self._db is not None:
                self._db.close()
                self._db = None

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ internals

    @contextlib.contextmanager
    def _write(self, action: str) -> Iterator[sqlite3.Connection]:
        """One transaction: all of it is saved, or (on any error) none of it."""
        if self.full_disk:
            raise DiskFullError(f"{action} failed: the disk holding {self.data_dir} is full. "
                                "Nothing was changed; free some space and try again.")
        if self.read_only:
            raise ReadOnlyError(f"{action} failed: the data folder {self.data_dir} is read-only. "
                                "Nothing was changed; choose a writable data folder.")
        with self._mutex:
            db = self._connection()
            try:
                db.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise from_sqlite_error(exc, action, self.db_path) from None
            try:
                yield db
                db.execute("COMMIT")
            except BaseException as exc:
                with contextlib.suppress(sqlite3.Error):
                    db.execute("ROLLBACK")
                if isinstance(exc, sqlite3.Error):
                    raise from_sqlite_error(exc, action, self.db_path) from None
                if isinstance(exc, OSError):
                    raise from_os_error(exc, action, self.data_dir) from None
                raise

    def _read(self, sql: str, args: tuple = ()) -> list[sqlite3.Row]:
        with self._mutex:
            try:
                return self._connection().execute(sql, args).fetchall()
            except sqlite3.Error as exc:
                raise from_sqlite_error(exc, "Reading sessions", self.db_path) from None
            except OverflowError:  # an id beyond SQLite's 64-bit integers matches nothing
                return []

    def _connection(self) -> sqlite3.Connection:
        if self._db is None:
            raise StorageError("the session store is closed")
        return self._db

    def _session_row(self, session_id: int) -> sqlite3.Row:
        # SQLite ids are 64-bit; a bigger number (e.g. typed on the command line) is no session.
        rows = (self._read("SELECT * FROM sessions WHERE id = ?", (session_id,))
                if -2**63 <= session_id < 2**63 else [])
        if not rows:
            raise SessionNotFound(f"no session with id {session_id} (see `interviewer sessions list`)")
        return rows[0]

    def _lock_path(self, folder: str) -> Path:
        return self.data_dir / files.LOCKS / f"{folder}.lock"

    def session_dir(self, session_id: int) -> Path:
        """The session's private recordings folder (created if needed); delete_session removes it."""
        folder = self._session_row(session_id)["folder"]
        return files.private_dir(self.recordings_dir / folder)

    # ------------------------------------------------------------------ paths

    def resolve_audio_path(self, relative: str | os.PathLike) -> Path:
        """Absolute path of a stored audio path. Refuses anything outside data_dir/recordings."""
        path = files.resolve_inside(self.data_dir, relative)
        recordings = self.recordings_dir.resolve()
        if recordings not in path.parents:
            raise StorageError(f"refusing audio path {relative}: recordings live in {recordings} only")
        return path

    def audio_file(self, relative: str | None) -> Path | None:
        """The audio file behind a stored path, or None if there is none or it went missing."""
        if not relative:
            return None
        path = self.resolve_audio_path(relative)
        return path if path.is_file() else None

    def audio_path_for(self, session_id: int, answer_id: int) -> Path:
        """Where the recorder writes an answer's audio (the folder is created, private)."""
        rows = self._read("SELECT audio_path FROM answers WHERE id = ? AND session_id = ?", (answer_id, session_id))
        if not rows:
            raise StorageError(f"no answer {answer_id} in session {session_id}")
        self.session_dir(session_id)
        return self.resolve_audio_path(rows[0]["audio_path"])

    def debrief_audio_path(self, session_id: int, debrief_id: int) -> Path:
        rows = self._read("SELECT audio_path FROM debrief_entries WHERE id = ? AND session_id = ?",
                          (debrief_id, session_id))
        if not rows or not rows[0]["audio_path"]:
            raise StorageError(f"debrief entry {debrief_id} of session {session_id} has no audio")
        self.session_dir(session_id)
        return self.resolve_audio_path(rows[0]["audio_path"])

    # ------------------------------------------------------------------ writing a round

    def create_session(self, script_id: str, title: str, kind: str, planned_minutes: float,
                       started_at: float | None = None, script_text: str | None = None,
                       audio_setup: str | None = None) -> int:
        """Start a round. This process owns it (holds its lock) until finish_session or close.
        `script_text`: the exact text the round's script was parsed from, kept with the round so
        its review never changes with the file (core.stored_script); None: not known.
        `audio_setup`: core.echo_filter.HEADPHONES or LOUDSPEAKERS (None: not known). The round
        is analysed by the current version of the analysis (core.analysis.version)."""
        started_at = time.time() if started_at is None else started_at
        folder = time.strftime("%Y%m%d-%H%M%S", time.localtime(started_at)) + "-" + secrets.token_hex(3)
        if self.full_disk:
            raise DiskFullError(f"Starting a round failed: the disk holding {self.data_dir} is full; "
                                "free some space and try again.")
        if self.read_only:
            raise ReadOnlyError(f"Starting a round failed: the data folder {self.data_dir} is read-only.")
        # Lock first: a session row must never exist in_progress without its owner's lock.
        lock = SessionLock(self._lock_path(folder))
        try:
            files.private_dir(self.recordings_dir / folder)
            lock.try_acquire()
        except OSError as exc:
            raise from_os_error(exc, "Starting a round", self.recordings_dir) from None
        try:
            with self._write("Starting a round") as db:
                cur = db.execute(
                    "INSERT INTO sessions (folder, script_id, title, kind, planned_minutes, started_at, status, owner_pid,"
                    " script_text, analysis_version, audio_setup) VALUES (?, ?, ?, ?, ?, ?, 'in_progress', ?, ?, ?, ?)",
                    (folder, script_id, title, kind, float(planned_minutes), started_at, os.getpid(),
                     script_text or None, ANALYSIS_VERSION, audio_setup))
                session_id = int(cur.lastrowid)
        except BaseException:
            lock.release(remove=True)
            shutil.rmtree(self.recordings_dir / folder, ignore_errors=True)
            raise
        self._locks[session_id] = lock
        return session_id

    def add_phase(self, session_id: int, phase_id: str, name: str, planned_minutes: float,
                  started_at: float) -> int:
        with self._write("Saving the timeline of the parts") as db:
            cur = db.execute(
                "INSERT INTO phase_timeline (session_id, phase_id, name, planned_minutes, started_at)"
                " VALUES (?, ?, ?, ?, ?)", (session_id, phase_id, name, float(planned_minutes), started_at))
            return int(cur.lastrowid)

    def end_phase(self, phase_row_id: int, ended_at: float) -> None:
        with self._write("Saving the timeline of the parts") as db:
            db.execute("UPDATE phase_timeline SET ended_at = ? WHERE id = ?", (ended_at, phase_row_id))

    def add_answer(self, session_id: int, question_id: str, question_text: str, *,
                   follow_up_id: str | None = None, asked_at: float | None = None,
                   answer_start: float | None = None, answer_end: float | None = None,
                   with_audio: bool = True, phase_id: str | None = None) -> int:
        """Record that a question was asked; returns the answer id. With audio, the recorder
        writes to `audio_path_for(session_id, answer_id)`. Call before recording starts, so a
        crash mid-answer still finds the audio."""
        folder = self._session_row(session_id)["folder"]
        with self._write("Saving an answer") as db:
            cur = db.execute(
                "INSERT INTO answers (session_id, question_id, follow_up_id, question_text, asked_at,"
                " answer_start, answer_end, phase_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (session_id, question_id, follow_up_id, question_text, asked_at, answer_start, answer_end,
                 phase_id))
            answer_id = int(cur.lastrowid)
            if with_audio:
                relative = f"{files.RECORDINGS}/{folder}/answer-{answer_id}.wav"
                db.execute("UPDATE answers SET audio_path = ? WHERE id = ?", (relative, answer_id))
        return answer_id

    def finish_answer(self, answer_id: int, answer_end: float, answer_start: float | None = None) -> None:
        with self._write("Saving an answer") as db:
            if answer_start is not None:
                db.execute("UPDATE answers SET answer_start = ? WHERE id = ?", (answer_start, answer_id))
            db.execute("UPDATE answers SET answer_end = ? WHERE id = ?", (answer_end, answer_id))

    def drop_answer(self, answer_id: int) -> None:
        """Forget a stretch of recording that held no answer (no words, and the candidate moved
        on first), with its own audio file: nothing else refers to it, and a file no row names
        is one no screen shows. The round recording (round.wav) and any file another row still
        names (an answer, a debrief entry, a round) are never removed here. The row goes first,
        so a failure to remove the file leaves an unused file, never a row without its audio."""
        rows = self._read("SELECT audio_path FROM answers WHERE id = ?", (answer_id,))
        relative = rows[0]["audio_path"] if rows else None
        with self._write("Dropping an empty answer") as db:
            db.execute("DELETE FROM answers WHERE id = ?", (answer_id,))
            still_used = relative and db.execute(
                "SELECT 1 FROM answers WHERE audio_path = ? UNION ALL "
                "SELECT 1 FROM debrief_entries WHERE audio_path = ? UNION ALL "
                "SELECT 1 FROM sessions WHERE round_audio_path = ? LIMIT 1",
                (relative, relative, relative)).fetchone()
        if not relative or still_used:
            return
        try:
            path = self.resolve_audio_path(relative)
        except StorageError:  # a stored path outside the recordings folder: not ours to touch
            return
        try:
            path.unlink(missing_ok=True)
        except OSError as exc:  # still open elsewhere (Windows), read-only folder: left, unused
            log.warning("the recording of a dropped answer was left on disk: %s", exc.strerror)

    def round_audio_path_for(self, session_id: int) -> Path:
        """Where the round's one continuous recording goes (recordings/<folder>/round.wav);
        reserved in the database before recording starts, so a crash still finds it."""
        folder = self._session_row(session_id)["folder"]
        relative = f"{files.RECORDINGS}/{folder}/round.wav"
        with self._write("Saving the round recording") as db:
            db.execute("UPDATE sessions SET round_audio_path = ? WHERE id = ?", (relative, session_id))
        return self.resolve_audio_path(relative)

    def has_recordings(self, session_id: int) -> bool:
        """Whether any recording of the round (its answers', its debrief's, the whole round's) is a
        file holding sound: more than a WAV header. A round with no microphone has none, and
        "its recordings are kept" read oddly after discarding it (trial 38)."""
        rows = self._read(
            "SELECT audio_path AS p FROM answers WHERE session_id = ? UNION ALL "
            "SELECT audio_path FROM debrief_entries WHERE session_id = ? UNION ALL "
            "SELECT round_audio_path FROM sessions WHERE id = ?", (session_id, session_id, session_id))
        for row in rows:
            if not row["p"]:
                continue
            try:
                path = self.resolve_audio_path(row["p"])
                if path.is_file() and path.stat().st_size > WAV_HEADER_BYTES:
                    return True
            except (StorageError, OSError):
                continue
        return False

    def round_audio(self, session_id: int) -> str | None:
        """The stored (relative) path of the round recording, None for rounds without one."""
        rows = self._read("SELECT round_audio_path FROM sessions WHERE id = ?", (session_id,))
        return rows[0]["round_audio_path"] if rows else None

    def set_round_offsets(self, answer_id: int, start: float | None, end: float | None) -> None:
        """Where the answer lies in the round recording (seconds into it)."""
        with self._write("Saving an answer") as db:
            db.execute("UPDATE answers SET round_offset_start = ?, round_offset_end = ? WHERE id = ?",
                       (start, end, answer_id))

    def add_pause(self, session_id: int, at: float, seconds: float, why: str = "") -> None:
        """The round was paused at `at` (round seconds) for `seconds`; left out of every measure.
        `why`: Pause.why."""
        with self._write("Saving a pause") as db:
            db.execute("INSERT INTO pauses (session_id, at, seconds, why) VALUES (?, ?, ?, ?)",
                       (session_id, at, seconds, why))

    def pauses(self, session_id: int) -> list[Pause]:
        return [Pause(r["at"], r["seconds"], r["why"])
                for r in self._read("SELECT at, seconds, why FROM pauses WHERE session_id = ? ORDER BY at, id",
                                    (session_id,))]

    def add_clarification(self, answer_id: int, asked_at: float, question: str, topic: str | None,
                          reply: str) -> None:
        """The candidate asked a clarifying question during this answer; the interviewer said `reply`."""
        with self._write("Saving a clarifying question") as db:
            db.execute("INSERT INTO clarifications (answer_id, asked_at, question, topic, reply) VALUES (?, ?, ?, ?, ?)",
                       (answer_id, asked_at, question, topic, reply))

    def add_interviewer_line(self, session_id: int, said_at: float, kind: str, text: str) -> None:
        """The interviewer began to say `text` at `said_at` (round seconds); `kind` as UtteranceKind."""
        with self._write("Saving what the interviewer said") as db:
            db.execute("INSERT INTO interviewer_lines (session_id, said_at, kind, text) VALUES (?, ?, ?, ?)",
                       (session_id, said_at, kind, text))

    def file_answer_under(self, answer_id: int, question_id: str | None, question_text: str,
                          follow_up_id: str | None = None) -> None:
        """The answer `answer_id`, saved under no question (its turn began over a question cut
        off), answered that question after all: it is filed under it."""
        with self._write("Saving an answer") as db:
            db.execute("UPDATE answers SET question_id = ?, follow_up_id = ?, question_text = ? WHERE id = ?",
                       (question_id, follow_up_id, question_text, answer_id))

    def mark_line_cut_off(self, session_id: int, text: str, marked: str) -> None:
        """The last line said as `text` was talked over before it was out: it reads `marked`
        (core.round_records.cut_off_text) in the review and every export."""
        with self._write("Saving what the interviewer said") as db:
            db.execute("UPDATE interviewer_lines SET text = ? WHERE id = (SELECT id FROM interviewer_lines"
                       " WHERE session_id = ? AND text = ? ORDER BY said_at DESC, id DESC LIMIT 1)",
                       (marked, session_id, text))

    def drop_interviewer_line(self, session_id: int, text: str) -> None:
        """The last line logged as `text` was stopped before any of it was heard: it was not said,
        so the review and exports do not show it."""
        with self._write("Saving what the interviewer said") as db:
            db.execute("DELETE FROM interviewer_lines WHERE id = (SELECT id FROM interviewer_lines"
                       " WHERE session_id = ? AND text = ? ORDER BY said_at DESC, id DESC LIMIT 1)",
                       (session_id, text))

    def mark_reply_cut_off(self, answer_id: int, reply: str, marked: str) -> None:
        """The last exchange of answer `answer_id` whose reply was `reply` was talked over before
        the reply was out: it reads `marked` (core.round_records.cut_off_text), as its line does."""
        with self._write("Saving a clarifying question") as db:
            db.execute("UPDATE clarifications SET reply = ? WHERE id = (SELECT id FROM clarifications"
                       " WHERE answer_id = ? AND reply = ? ORDER BY asked_at DESC, id DESC LIMIT 1)",
                       (marked, answer_id, reply))

    def attach_transcript(self, answer_id: int, transcript: Transcript | dict) -> None:
        data = (transcript if isinstance(transcript, Transcript) else Transcript.from_dict(transcript)).to_dict()
        with self._write("Saving a transcript") as db:
            if db.execute("UPDATE answers SET transcript_json = ? WHERE id = ?",
                          (json.dumps(data), answer_id)).rowcount != 1:
                raise StorageError(f"no answer with id {answer_id}")

    def attach_analysis(self, answer_id: int, analysis: Any, findings: list[dict] | None = None) -> None:
        """Store an answer's analysis (a dict, or an object with to_dict()). Its findings (the
        `findings` argument, else analysis["findings"]) replace the answer's earlier ones."""
        data = _as_dict(analysis)
        if findings is None and isinstance(data.get("findings"), list):
            findings = data["findings"]
        with self._write("Saving an analysis") as db:
            row = db.execute("SELECT session_id FROM answers WHERE id = ?", (answer_id,)).fetchone()
            if row is None:
                raise StorageError(f"no answer with id {answer_id}")
            db.execute("UPDATE answers SET analysis_json = ? WHERE id = ?", (_dumps(data), answer_id))
            if findings is not None:
                db.execute("DELETE FROM findings WHERE answer_id = ?", (answer_id,))
                for f in findings:
                    _insert_finding(db, row["session_id"], answer_id, _as_dict(f))

    def add_finding(self, session_id: int, kind: str, message: str, *, answer_id: int | None = None,
                    start: float | None = None, end: float | None = None, details: dict | None = None) -> int:
        """A round-level finding (e.g. time per phase against the plan), or one for an answer."""
        with self._write("Saving a finding") as db:
            return _insert_finding(db, session_id, answer_id,
                                   {"kind": kind, "message": message, "start": start, "end": end, **(details or {})})

    def set_analysis_version(self, session_id: int, version: int) -> None:
        """The round's findings and numbers now come from this version of the analysis
        (after it was analysed again: app/backfill.reanalyse)."""
        with self._write("Saving the analysis version") as db:
            if db.execute("UPDATE sessions SET analysis_version = ? WHERE id = ?",
                          (int(version), session_id)).rowcount != 1:
                raise SessionNotFound(f"no session with id {session_id}")

    def set_audio_setup(self, session_id: int, setup: str | None) -> None:
        """The audio setup the round runs with (core.echo_filter.HEADPHONES or LOUDSPEAKERS), when
        it is found to be another during the round (the interviewer heard through loudspeakers)."""
        with self._write("Saving the audio setup") as db:
            if db.execute("UPDATE sessions SET audio_setup = ? WHERE id = ?", (setup, session_id)).rowcount != 1:
                raise SessionNotFound(f"no session with id {session_id}")

    def save_scratchpad(self, session_id: int, text: str) -> None:
        with self._write("Saving the scratchpad") as db:
            if db.execute("UPDATE sessions SET scratchpad = ? WHERE id = ?", (text, session_id)).rowcount != 1:
                raise SessionNotFound(f"no session with id {session_id}")

    def add_debrief(self, session_id: int, prompt: str, text: str = "", self_rating: int | None = None,
                    with_audio: bool = False) -> int:
        """A self-debrief answer; with_audio reserves `debrief_audio_path(session_id, id)`."""
        _check_rating(self_rating)
        folder = self._session_row(session_id)["folder"]
        with self._write("Saving the debrief") as db:
            cur = db.execute(
                "INSERT INTO debrief_entries (session_id, prompt, text, self_rating, created_at) VALUES (?, ?, ?, ?, ?)",
                (session_id, prompt, text, self_rating, time.time()))
            entry_id = int(cur.lastrowid)
            if with_audio:
                db.execute("UPDATE debrief_entries SET audio_path = ? WHERE id = ?",
                           (f"{files.RECORDINGS}/{folder}/debrief-{entry_id}.wav", entry_id))
        return entry_id

    def update_debrief(self, entry_id: int, text: str | None = None, self_rating: int | None = None) -> None:
        _check_rating(self_rating)
        with self._write("Saving the debrief") as db:
            if text is not None:
                db.execute("UPDATE debrief_entries SET text = ? WHERE id = ?", (text, entry_id))
            if self_rating is not None:
                db.execute("UPDATE debrief_entries SET self_rating = ? WHERE id = ?", (self_rating, entry_id))

    def finish_session(self, session_id: int, status: SessionStatus = SessionStatus.COMPLETED,
                       ended_at: float | None = None) -> None:
        if status not in tuple(SessionStatus) or status == SessionStatus.IN_PROGRESS:
            raise ValueError(f"cannot finish a session as {status!r}")
        with self._write("Finishing the round") as db:
            if db.execute("UPDATE sessions SET status = ?, ended_at = COALESCE(?, ended_at, ?) WHERE id = ?",
                          (status, ended_at, time.time(), session_id)).rowcount != 1:
                raise SessionNotFound(f"no session with id {session_id}")
        lock = self._locks.pop(session_id, None)
        if lock is not None:
            lock.release(remove=True)

    def discard_session(self, session_id: int) -> None:
        """Mark a round (typically an interrupted one) as discarded: kept, but left out of progress."""
        row = self._session_row(session_id)
        if row["status"] == SessionStatus.IN_PROGRESS and session_id not in self._locks and self._is_live(row["folder"]):
            raise StorageError(f"session {session_id} is still being recorded by another window")
        self.finish_session(session_id, SessionStatus.DISCARDED, ended_at=row["ended_at"])

    # ------------------------------------------------------------------ reading

    def list_sessions(self, kind: str | None = None, include_discarded: bool = True) -> list[SessionSummary]:
        # Answers as the review counts them (core/analysis/summary.py): the recordings of one ask
        # (split by Repeat question or a mic pause) are one answer.
        sql = ("SELECT s.*, (SELECT COUNT(DISTINCT IFNULL(a.question_id, '') || '|' || IFNULL(a.follow_up_id, '')"
               " || '|' || IFNULL(a.asked_at, '') || '|' || IFNULL(a.question_text, ''))"
               " FROM answers a WHERE a.session_id = s.id) AS n, " + _PAUSED + ", " + _LAST_MOMENT + ", EXISTS (SELECT 1 FROM findings f"
               " WHERE f.session_id = s.id AND f.answer_id IS NULL AND f.kind = ?) AS early,"
               " (SELECT json_extract(f.details_json, '$.skipped') FROM findings f WHERE f.session_id = s.id"
               " AND f.answer_id IS NULL AND f.kind = ? AND json_valid(f.details_json) LIMIT 1) AS skipped FROM sessions s"
               " WHERE (? IS NULL OR kind = ?) AND (? OR status != 'discarded') ORDER BY started_at DESC, id DESC")
        return [
            SessionSummary(r["id"], _text(r["script_id"]), _text(r["title"]), _text(r["kind"]),
                           _number(r["planned_minutes"], 0.0), _clock_time(r["started_at"], 0.0),
                           _clock_time(r["ended_at"]), _text(r["status"]), r["n"], _number(r["paused"], 0.0),
                           bool(r["early"]), _number(r["last_moment"]) or None,
                           r["skipped"] if isinstance(r["skipped"], str) and r["skipped"] else None,
                           _text(r["script_text"], None) or None, _version(r["analysis_version"]))
            for r in self._read(sql, (ENDED_EARLY_KIND, QUESTIONS_DONE_KIND, kind, kind, include_discarded))
        ]

    def get_session(self, session_id: int) -> Session:
        r = self._session_row(session_id)
        session = Session(r["id"], _text(r["folder"]), _text(r["script_id"]), _text(r["title"]), _text(r["kind"]),
                          _number(r["planned_minutes"], 0.0), _clock_time(r["started_at"], 0.0),
                          _clock_time(r["ended_at"]), _text(r["status"]), _text(r["scratchpad"]),
                          script_text=_text(r["script_text"], None) or None,
                          analysis_version=_version(r["analysis_version"]),
                          audio_setup=_text(r["audio_setup"], None) or None)
        for a in self._read("SELECT * FROM answers WHERE session_id = ? ORDER BY id", (session_id,)):
            transcript, problem = _read_transcript(a["transcript_json"])
            session.answers.append(Answer(
                a["id"], a["session_id"], _text(a["question_id"]), _text(a["follow_up_id"], None),
                _text(a["question_text"]), _number(a["asked_at"]), _number(a["answer_start"]),
                _number(a["answer_end"]), _text(a["audio_path"], None) or None,
                transcript, _load_json(a["analysis_json"]), problem, phase_id=_text(a["phase_id"], None) or None))
        by_id = {a.id: a for a in session.answers}
        for c in self._read("SELECT c.* FROM clarifications c JOIN answers a ON a.id = c.answer_id"
                            " WHERE a.session_id = ? ORDER BY c.asked_at, c.id", (session_id,)):
            by_id[c["answer_id"]].clarifications.append(
                Clarification(_number(c["asked_at"], 0.0), _text(c["question"]), _text(c["topic"], None),
                              _text(c["reply"])))
        session.phases = [
            PhaseRecord(p["id"], _text(p["phase_id"]), _text(p["name"]), _number(p["planned_minutes"], 0.0),
                        _number(p["started_at"], 0.0), _number(p["ended_at"]))
            for p in self._read("SELECT * FROM phase_timeline WHERE session_id = ? ORDER BY started_at, id",
                                (session_id,))]
        session.lines = [
            InterviewerLine(_number(r["said_at"], 0.0), _text(r["kind"]), _text(r["text"]))
            for r in self._read("SELECT * FROM interviewer_lines WHERE session_id = ? ORDER BY said_at, id",
                                (session_id,))]
        session.pauses = self.pauses(session_id)
        session.debrief = [
            DebriefEntry(d["id"], _text(d["prompt"]), _text(d["text"]), _text(d["audio_path"], None) or None,
                         d["self_rating"] if type(d["self_rating"]) is int else None,
                         _clock_time(d["created_at"], 0.0))
            for d in self._read("SELECT * FROM debrief_entries WHERE session_id = ? ORDER BY id", (session_id,))]
        # In the order the debrief asks (a spoken answer may be saved before the typed ones above it).
        session.debrief.sort(key=lambda d: (prompt_order(d.prompt), d.id))
        session.findings = [
            Finding(f["id"], f["answer_id"], stored_finding_kind(_text(f["kind"]), _text(f["message"])),
                    _number(f["start"]), _number(f["end"]), _text(f["message"]),
                    _load_json(f["details_json"]))
            for f in self._read("SELECT * FROM findings WHERE session_id = ? ORDER BY answer_id, start, id",
                                (session_id,))]
        session.findings = with_joined_findings(session)  # one pace and filler rate per answer, as its row shows them
        return session

    def missing_audio(self, session: Session) -> list[str]:
        """Stored audio paths of this session whose file is gone (shown, never fatal)."""
        stored = [a.audio_path for a in session.answers] + [d.audio_path for d in session.debrief]
        return [p for p in stored if p and self.audio_file(p) is None]

    # ------------------------------------------------------------------ topic areas across rounds

    def save_round_areas(self, session_id: int, results: list, matcher: str,
                         covered_areas: dict[str, list[str]] | None = None) -> None:
        """The topic areas a round's talking points covered (core.weak_spots.AreaResult, from
        the round's coverage matched with `matcher`), and per question the areas of its points
        covered (summary.covered_areas_by_question: the depth counts need them); replaces what
        was stored for the round."""
        from interviewer.core.weak_spots import POINT_AREAS_RULE

        rows = [{"area": r.area, "measured": r.measured, "covered": r.covered, "source": r.source, "partly": r.partly}
                for r in results]
        data = {"areas": rows, "covered_areas": covered_areas or {}, "rule": POINT_AREAS_RULE}
        with self._write("Saving the round's topic areas") as db:
            self._session_row(session_id)
            db.execute("INSERT OR REPLACE INTO round_areas (session_id, matcher, areas_json, computed_at)"
                       " VALUES (?, ?, ?, ?)", (session_id, matcher, _dumps(data), time.time()))

    def round_area_matchers(self) -> dict[int, str]:
        """Session id -> what its stored topic areas were matched with (rounds not in it have none).
        Areas stored without the questions' covered areas (a bare list, before trial 20) count as
        none: matched again, or Home's depth counts would not be the review's; so do areas stored
        under an older rule (weak_spots.POINT_AREAS_RULE), or Home would keep what the review no
        longer says (trial 28)."""
        from interviewer.core.weak_spots import POINT_AREAS_RULE

        return {r["session_id"]: r["matcher"] for r in self._read("SELECT session_id, matcher, areas_json FROM round_areas")
                if isinstance(data := _load_json(r["areas_json"]), dict) and data.get("rule", 1) == POINT_AREAS_RULE}

    def area_history(self, kind: str | None = None, script_areas: Callable[[str], Any] | None = None,
                     script_questions: Callable[[str], Any] | None = None) -> list:
        """Completed rounds, oldest first, with their measured topic areas (core.weak_spots.RoundAreas):
        the stored areas of their talking points, and the depth-signal and clarifying-question
        areas of their answers' analyses (computed here: the analyses are the source of truth).
        `script_areas(script_id)`: the areas of that script's talking points (None: not known); a
        depth signal's area a round's script has no point in is then counted only when covered.
        `script_questions(script_id)`: that script (core RoundScript; None: not known), to count
        the questions a round has no answer to (RoundAreas.unanswered)."""
        from interviewer.core.analysis.summary import Part, answered_question_ids, summarize
        from interviewer.core.weak_spots import (AreaResult, RoundAreas, round_area_results,
                                                 skipped_follow_up_results, unanswered_questions)

        sessions = self._read("SELECT id, kind, started_at, script_id, script_text, EXISTS (SELECT 1 FROM findings f"
                              " WHERE f.session_id = s.id AND f.answer_id IS NULL AND f.kind = ?) AS early,"
                              # What Next left, as Session.skipped reads it: the round's status.
                              " EXISTS (SELECT 1 FROM findings f WHERE f.session_id = s.id AND f.answer_id IS NULL"
                              " AND f.kind = ? AND json_valid(f.details_json)"
                              " AND json_extract(f.details_json, '$.skipped') != '') AS skipped"
                              " FROM sessions s WHERE status = 'completed'"
                              " AND (? IS NULL OR kind = ?) ORDER BY started_at, id",
                              (ENDED_EARLY_KIND, QUESTIONS_DONE_KIND, kind, kind))
        wanted = {r["id"] for r in sessions}
        parts: dict[int, list[Part]] = {sid: [] for sid in wanted}
        for a in self._read("SELECT id, session_id, question_id, follow_up_id, question_text, asked_at, answer_start,"
                            " answer_end, analysis_json, phase_id FROM answers ORDER BY id"):
            if a["session_id"] in wanted:
                parts[a["session_id"]].append(Part(a["id"], a["question_id"] or "", a["follow_up_id"],
                                                   a["question_text"], a["asked_at"], a["answer_start"],
                                                   a["answer_end"], _load_json(a["analysis_json"]) or {},
                                                   phase_id=_text(a["phase_id"], None) or None))
        lines: dict[int, list[InterviewerLine]] = {}
        for line in self._read("SELECT session_id, said_at, kind, text FROM interviewer_lines ORDER BY said_at, id"):
            if line["session_id"] in wanted:
                lines.setdefault(line["session_id"], []).append(
                    InterviewerLine(_number(line["said_at"], 0.0), _text(line["kind"]), _text(line["text"])))
        starts: dict[int, list[float]] = {}
        for p in self._read("SELECT session_id, started_at FROM phase_timeline ORDER BY started_at"):
            starts.setdefault(p["session_id"], []).append(p["started_at"])
        # A round's extra questions (core.extra_questions) make its script as it ran: their
        # questions and talking points count as the review and the exports count them (trial 37:
        # Home "5 of 7 areas", the export "6 of 9").
        from interviewer.core.extra_questions import EXTRAS_KIND, script_with_extras
        from interviewer.core.stored_script import stored_script
        from interviewer.core.weak_spots import script_point_areas

        extras: dict[int, list] = {}
        for f in self._read("SELECT session_id, details_json FROM findings WHERE kind = ? AND answer_id IS NULL",
                            (EXTRAS_KIND,)):
            details = _load_json(f["details_json"])
            if f["session_id"] in wanted and isinstance(details, dict):
                extras[f["session_id"]] = list(details.get("extras") or [])
        stored: dict[int, list[AreaResult]] = {}
        covered_areas: dict[int, dict[str, list[str]]] = {}
        for r in self._read("SELECT session_id, areas_json FROM round_areas"):
            try:
                data = json.loads(r["areas_json"])
                rows = data["areas"] if isinstance(data, dict) else data  # a bare list: stored before trial 20
                stored[r["session_id"]] = [AreaResult(str(x["area"]), float(x["measured"]), float(x["covered"]),
                                                      str(x.get("source", "points")), partly=float(x.get("partly", 0)))
                                           for x in rows]
                if isinstance(data, dict):
                    covered_areas[r["session_id"]] = {str(q): [str(a) for a in areas]
                                                      for q, areas in dict(data.get("covered_areas") or {}).items()}
            except (ValueError, TypeError, KeyError, AttributeError):
                continue  # unreadable: computed again by whoever fills the table
        out = []
        for r in sessions:
            # The depth counts with the talking points the review matched (a covered point counts
            # for its area): Home said "5 of 7, missed Edge cases" where the review said 7 of 7.
            numbers = summarize(parts[r["id"]], starts.get(r["id"]), covered_areas=covered_areas.get(r["id"]))
            if not numbers.words:
                # Nothing was heard (ended a few seconds in): no round of its kind was practised,
                # as the practice plan counts it (a coding round closed 6 s in made the next
                # round proposed pass over coding).
                continue
            # The script the round ran: the copy kept with it, else the file of its id now
            # (core.stored_script, as the review and the exports find it).
            text = _text(r["script_text"], None) or None
            script = stored_script(r["script_id"], text, script_questions) if script_questions else None
            if text and script is not None and script.text == text:
                point_areas = script_point_areas(script) if script_areas else None
            else:
                point_areas = script_areas(r["script_id"]) if script_areas else None
            if script is not None and extras.get(r["id"]):
                script = script_with_extras(script, extras[r["id"]], script_questions)
                point_areas = script_point_areas(script) if script_areas else None
            areas = round_area_results(stored.get(r["id"], []), numbers, point_areas,
                                       skipped_follow_up_results(script, lines.get(r["id"], []), numbers))
            unanswered = unanswered_questions(script, answered_question_ids(numbers)) if script else 0
            out.append(RoundAreas(r["id"], r["kind"], r["started_at"], areas, r["script_id"], unanswered,
                                  bool(r["early"]), len(script.questions) if script else 0, bool(r["skipped"]),
                                  tuple(str(d.get("script")) for d in extras.get(r["id"], []) if isinstance(d, dict))))
        return out

    def progress(self, kind: str | None = None) -> list[SessionProgress]:
        """Numbers per completed or interrupted session, oldest first, for the progress plots."""
        sessions = self._read(
            "SELECT id, script_id, kind, title, started_at, status, planned_minutes, ended_at, analysis_version, "
            + _PAUSED + ", " + _LAST_MOMENT
            + ", EXISTS (SELECT 1"
            " FROM findings f WHERE f.session_id = s.id AND f.answer_id IS NULL AND f.kind = ?) AS early"
            ", EXISTS (SELECT 1 FROM findings f WHERE f.session_id = s.id AND f.answer_id IS NULL AND f.kind = ?"
            " AND json_valid(f.details_json) AND json_extract(f.details_json, '$.finished') = 1) AS finished"
            " FROM sessions s WHERE status IN ('completed', 'interrupted')"
            " AND (? IS NULL OR kind = ?) ORDER BY started_at, id", (ENDED_EARLY_KIND, QUESTIONS_DONE_KIND, kind, kind))
        if not sessions:
            return []
        from interviewer.core.analysis.summary import Part

        # Each round's numbers as the review computes them (progress.round_totals); a transcript
        # is parsed only where the analysis is missing. An analysis of flat counts (no "pace":
        # not AnswerAnalysis.to_dict()) is read as before, by progress.numbers_from_analysis.
        parts: dict[int, list[Part]] = {r["id"]: [] for r in sessions}
        counted: dict[int, list] = {r["id"]: [] for r in sessions}
        ratings: dict[int, list[int]] = {r["id"]: [] for r in sessions}
        for a in self._read("SELECT a.id, a.session_id, a.question_id, a.follow_up_id, a.question_text, a.asked_at,"
                            " a.answer_start, a.answer_end, a.phase_id, a.analysis_json,"
                            " CASE WHEN a.analysis_json IS NULL THEN a.transcript_json END AS transcript_json"
                            " FROM answers a JOIN sessions s ON s.id = a.session_id"
                            " WHERE s.status IN ('completed', 'interrupted') AND (? IS NULL OR s.kind = ?)"
                            " ORDER BY a.id", (kind, kind)):
            analysis = _load_json(a["analysis_json"])
            if analysis and isinstance(analysis.get("pace"), dict):
                parts[a["session_id"]].append(Part(a["id"], a["question_id"] or "", a["follow_up_id"],
                                                   a["question_text"], a["asked_at"], a["answer_start"],
                                                   a["answer_end"], analysis,
                                                   phase_id=_text(a["phase_id"], None) or None))
                continue
            numbers = answer_numbers(analysis, _load_transcript(a["transcript_json"], a["id"]))
            if numbers is not None:
                counted[a["session_id"]].append(numbers)
        for d in self._read("SELECT d.session_id, d.self_rating FROM debrief_entries d JOIN sessions s"
                            " ON s.id = d.session_id WHERE d.self_rating IS NOT NULL ORDER BY d.id"):
            if d["session_id"] in ratings:
                ratings[d["session_id"]].append(d["self_rating"])
        out = []
        for r in sessions:
            t = round_totals(parts[r["id"]], counted[r["id"]])
            # Rates as the review's (the filler rate unrounded: each view rounds once; 1.8499
            # rounded to 1.85 here read "1.9" on Home and "1.8" in the review, trial12).
            out.append(SessionProgress(
                r["id"], r["kind"], r["title"], r["started_at"], r["status"], t.words, t.speaking_seconds, t.fillers,
                t.filler_rate, t.pace_wpm, t.long_pauses, t.clarifying_questions,
                tuple(ratings[r["id"]]), r["planned_minutes"], r["ended_at"],
                _number(r["paused"], 0.0), bool(r["early"]), _number(r["last_moment"]) or None,
                _text(r["script_id"], ""), bool(r["finished"]), _version(r["analysis_version"])))
        return out

    # ------------------------------------------------------------------ recovery and deletion

    def _is_live(self, folder: str) -> bool:
        lock = SessionLock(self._lock_path(folder))
        try:
            if lock.try_acquire():
                lock.release()
                return False
        except OSError:
            return False
        return True

    def recover_interrupted(self) -> list[RecoveredSession]:
        """Mark rounds left in_progress by a process that died as interrupted, and repair their
        WAV headers so the audio up to the last flush plays. Only repairs; never deletes audio."""
        if self.read_only:
            return []
        recovered = []
        for row in self._read("SELECT * FROM sessions WHERE status = 'in_progress' ORDER BY id"):
            if row["id"] in self._locks:
                continue  # ours, still being recorded
            lock = SessionLock(self._lock_path(row["folder"]))
            try:
                if not lock.try_acquire():
                    continue  # a live process is recording it
            except OSError:
                pass
            try:
                recovered.append(self._recover_one(row))
            finally:
                lock.release(remove=True)
        return recovered

    def _recover_one(self, row: sqlite3.Row) -> RecoveredSession:
        seconds: dict[str, float] = {}
        missing: list[str] = []
        broken: list[str] = []
        last_activity = row["started_at"]
        answers = self._read("SELECT id, answer_start, answer_end, audio_path FROM answers WHERE session_id = ?",
                             (row["id"],))
        debrief = self._read("SELECT audio_path FROM debrief_entries WHERE session_id = ?", (row["id"],))
        ends: dict[int, float] = {}
        round_audio = self._read("SELECT round_audio_path FROM sessions WHERE id = ?", (row["id"],))
        recordings = [(a["audio_path"], a) for a in answers] + [(d["audio_path"], None) for d in debrief]
        recordings += [(r["round_audio_path"], None) for r in round_audio]  # the whole round's recording
        for relative, answer in recordings:
            if not relative:
                continue
            try:
                path = self.resolve_audio_path(relative)
            except StorageError:
                broken.append(relative)
                continue
            if not path.is_file():
                missing.append(relative)
                continue
            last_activity = max(last_activity, path.stat().st_mtime)
            try:
                seconds[relative] = repair_wav(path)
            except (ValueError, OSError):
                broken.append(relative)  # kept as it is for the user to look at
                continue
            if answer is not None and answer["answer_end"] is None and answer["answer_start"] is not None:
                ends[answer["id"]] = answer["answer_start"] + seconds[relative]
        with self._write("Recovering an interrupted round") as db:
            for answer_id, end in ends.items():
                db.execute("UPDATE answers SET answer_end = ? WHERE id = ?", (round(end, 3), answer_id))
            db.execute("UPDATE sessions SET status = 'interrupted', ended_at = ? WHERE id = ?",
                       (last_activity, row["id"]))
        return RecoveredSession(row["id"], row["title"], row["started_at"], seconds, tuple(missing), tuple(broken))

    def delete_session(self, session_id: int) -> None:
        """Remove the session's rows and its audio for good (deleted content is overwritten)."""
        row = self._session_row(session_id)
        folder = row["folder"]
        own = self._locks.get(session_id)
        if own is None and row["status"] == SessionStatus.IN_PROGRESS and self._is_live(folder):
            raise StorageError(f"session {session_id} is still being recorded; stop the round first")
        source = self.recordings_dir / folder
        trash = self.recordings_dir / f"{files.TRASH_PREFIX}{folder}"
        # Rows go in one transaction; the folder is renamed to trash inside it and only removed
        # after the commit, so a failure at any point leaves either everything or nothing.
        with self._write(f"Deleting session {session_id}") as db:
            db.execute("DELETE FROM sessions WHERE id = ?", (session_id,))
            if source.exists():
                os.replace(source, trash)
        try:
            if trash.exists():
                shutil.rmtree(trash)
        except OSError as exc:
            raise from_os_error(exc, f"Removing the recordings of session {session_id}", trash) from None
        if own is not None:
            self._locks.pop(session_id).release(remove=True)
        with contextlib.suppress(OSError):
            self._lock_path(folder).unlink(missing_ok=True)
        with self._mutex, contextlib.suppress(sqlite3.Error):
            # Deleted pages are zeroed (secure_delete); push them out of the WAL file too.
            self._connection().execute("PRAGMA wal_checkpoint(TRUNCATE)")

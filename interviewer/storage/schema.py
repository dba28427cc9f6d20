"""The database schema as an ordered list of migrations; PRAGMA user_version is the last one applied.

Never edit a migration that has shipped: add a new one. tests/storage/test_migrations.py keeps the
SQL each released version created and checks that every one of them upgrades to the latest.
"""
from __future__ import annotations

import sqlite3
from typing import Callable

# PRAGMA application_id: tells our database apart from another program's SQLite file ("Intv").
APPLICATION_ID = 0x496E7476

Migration = Callable[[sqlite3.Connection], None]


def _v1_initial(db: sqlite3.Connection) -> None:
    for sql in (
        f"PRAGMA application_id = {APPLICATION_ID}",
        """CREATE TABLE sessions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            folder TEXT NOT NULL UNIQUE,          -- recordings/<folder>/ holds its audio
            script_id TEXT NOT NULL,
            title TEXT NOT NULL,
            kind TEXT NOT NULL,
            planned_minutes REAL NOT NULL,
            started_at REAL NOT NULL,             -- UNIX time
            ended_at REAL,
            status TEXT NOT NULL DEFAULT 'in_progress'
                CHECK (status IN ('in_progress', 'completed', 'interrupted', 'discarded'))
        )""",
        """CREATE TABLE answers (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            question_id TEXT NOT NULL,
            follow_up_id TEXT,
            question_text TEXT NOT NULL,
            asked_at REAL,                        -- seconds since the round started
            answer_start REAL,
            answer_end REAL,
            audio_path TEXT,                      -- relative to the data folder
            transcript_json TEXT,
            analysis_json TEXT
        )""",
        "CREATE INDEX answers_by_session ON answers(session_id)",
    ):
        db.execute(sql)


def _v2_debrief_scratchpad_timeline(db: sqlite3.Connection) -> None:
    for sql in (
        "ALTER TABLE sessions ADD COLUMN scratchpad TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE sessions ADD COLUMN owner_pid INTEGER",
        """CREATE TABLE phase_timeline (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            phase_id TEXT NOT NULL,
            name TEXT NOT NULL,
            planned_minutes REAL NOT NULL,
            started_at REAL NOT NULL,             -- seconds since the round started
            ended_at REAL
        )""",
        """CREATE TABLE debrief_entries (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            prompt TEXT NOT NULL,
            text TEXT NOT NULL DEFAULT '',
            audio_path TEXT,
            self_rating INTEGER CHECK (self_rating IS NULL OR self_rating BETWEEN 1 AND 5),
            created_at REAL NOT NULL
        )""",
        """CREATE TABLE findings (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            answer_id INTEGER REFERENCES answers(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            start REAL,                           -- seconds into the answer's audio
            end REAL,
            message TEXT NOT NULL,
            details_json TEXT
        )""",
        "CREATE INDEX phases_by_session ON phase_timeline(session_id)",
        "CREATE INDEX debrief_by_session ON debrief_entries(session_id)",
        "CREATE INDEX findings_by_session ON findings(session_id)",
        "CREATE INDEX findings_by_answer ON findings(answer_id)",
    ):
        db.execute(sql)


def _v3_round_recording_and_pauses(db: sqlite3.Connection) -> None:
    """Issue 12: one continuous recording per round, answers cut from it by time, and pauses."""
    for sql in (
        "ALTER TABLE sessions ADD COLUMN round_audio_path TEXT",  # relative to the data folder
        # Seconds into the round recording where the answer's own recording starts and ends.
        "ALTER TABLE answers ADD COLUMN round_offset_start REAL",
        "ALTER TABLE answers ADD COLUMN round_offset_end REAL",
        """CREATE TABLE pauses (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            at REAL NOT NULL,                     -- round seconds (round time stands still in a pause)
            seconds REAL NOT NULL                 -- how long the round was paused
        )""",
        "CREATE INDEX pauses_by_session ON pauses(session_id)",
    ):
        db.execute(sql)


def _v4_clarifying_exchanges(db: sqlite3.Connection) -> None:
    """Issue 12: the candidate's clarifying questions the interviewer answered, with its reply."""
    for sql in (
        """CREATE TABLE clarifications (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            answer_id INTEGER NOT NULL REFERENCES answers(id) ON DELETE CASCADE,
            asked_at REAL NOT NULL,               -- round seconds: the interviewer began to answer
            question TEXT NOT NULL,               -- the candidate's question, as transcribed live
            topic TEXT,                           -- the clarifying topic answered; NULL: no fact fit
            reply TEXT NOT NULL                   -- what the interviewer said
        )""",
        "CREATE INDEX clarifications_by_answer ON clarifications(answer_id)",
    ):
        db.execute(sql)


def _v5_round_areas(db: sqlite3.Connection) -> None:
    """Issue 13: the topic areas a round's talking points covered, computed once with the
    meaning matcher (which is too slow to rerun over every round each time Progress opens)."""
    for sql in (
        """CREATE TABLE round_areas (
            session_id INTEGER PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
            matcher TEXT NOT NULL,                -- what the points were matched with (encoder name)
            areas_json TEXT NOT NULL,             -- [{"area", "measured", "covered", "source"}]
            computed_at REAL NOT NULL             -- UNIX time
        )""",
    ):
        db.execute(sql)


def _v6_interviewer_lines(db: sqlite3.Connection) -> None:
    """Everything the interviewer said, with when: a phase's prompt followed at once by the
    phase's question was in no row (answers keep only what was said last before the answer)."""
    for sql in (
        """CREATE TABLE interviewer_lines (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            said_at REAL NOT NULL,                -- round seconds: when it began to be said
            kind TEXT NOT NULL,                   -- prompt, question, follow_up, nudge... (UtteranceKind)
            text TEXT NOT NULL
        )""",
        "CREATE INDEX interviewer_lines_by_session ON interviewer_lines(session_id)",
    ):
        db.execute(sql)


def _v7_answer_phase(db: sqlite3.Connection) -> None:
    """The phase each answer was recorded in: the round's numbers tell the candidate's own
    questions at the wrap-up ("Do you have questions for me?") from clarifying questions by it.
    Answers stored before are given the phase of the stored timeline they started in."""
    for sql in (
        "ALTER TABLE answers ADD COLUMN phase_id TEXT",  # NULL: not known (a round without a timeline)
        """UPDATE answers SET phase_id = (
            SELECT p.phase_id FROM phase_timeline p
            WHERE p.session_id = answers.session_id
              AND p.started_at <= COALESCE(answers.answer_start, answers.asked_at) + 0.001
            ORDER BY p.started_at DESC, p.id DESC LIMIT 1)""",
    ):
        db.execute(sql)


def _v8_round_areas_recomputed(db: sqlite3.Connection) -> None:
    """Trial 14: the topic areas stored for a round counted the talking points of a question the
    round only clarified (a coding round ended in Clarify: "Algorithm design 0 of 1"). They are a
    cache of the coverage (app/round_areas.py), so they are dropped, and computed again by the
    current rule the next time Progress is read."""
    db.execute("DELETE FROM round_areas")


def _v9_round_areas_recomputed(db: sqlite3.Connection) -> None:
    """Trial 21: a round whose answer was given over the end of its question stored that answer
    under no question, so the topic areas cached for it counted the question's points as
    missed. Answers are now filed under their question when read (core.summary), and the cache
    is dropped so the areas are computed again with them."""
    db.execute("DELETE FROM round_areas")


def _v10_round_script_text(db: sqlite3.Connection) -> None:
    """Trial 40: a round's review (talking points, its ten seconds, the exports, the topic areas)
    was computed from the script FILE as it is now, so it changed when the file was later edited,
    broken or deleted. A round now keeps the exact text its script was parsed from when it starts
    (core.stored_script); rounds stored before have none (NULL) and use the file as before."""
    db.execute("ALTER TABLE sessions ADD COLUMN script_text TEXT")


def _v11_analysis_version_and_audio_setup(db: sqlite3.Connection) -> None:
    """A round keeps which version of the analysis produced its findings and numbers
    (core.analysis.version: rounds stored before are version 0, not known, and offered to be
    analysed again), and the audio setup it ran with ('headphones' or 'loudspeakers',
    core.echo_filter: the echo filter of answers transcribed after the round follows it; NULL
    for rounds stored before: not known)."""
    for sql in (
        "ALTER TABLE sessions ADD COLUMN analysis_version INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE sessions ADD COLUMN audio_setup TEXT",
    ):
        db.execute(sql)


def _v12_pause_why(db: sqlite3.Connection) -> None:
    """Trial 48: the time the app's "End the round?" question stood open was kept as a pause of
    the round and shown as "Round paused for 30 s", as if the candidate had taken it. A pause
    now keeps why the clock stood still (storage.models.Pause.why): '' the candidate paused it
    (P, Pause round: every pause stored before, as it cannot be told apart now), or
    core.round_pauses.END_QUESTION_PAUSE."""
    db.execute("ALTER TABLE pauses ADD COLUMN why TEXT NOT NULL DEFAULT ''")


# Index i holds the migration from version i to version i + 1.
MIGRATIONS: tuple[Migration, ...] = (
    _v1_initial,
    _v2_debrief_scratchpad_timeline,
    _v3_round_recording_and_pauses,
    _v4_clarifying_exchanges,
    _v5_round_areas,
    _v6_interviewer_lines,
    _v7_answer_phase,
    _v8_round_areas_recomputed,
    _v9_round_areas_recomputed,
    _v10_round_script_text,
    _v11_analysis_version_and_audio_setup,
    _v12_pause_why,
)
LATEST_VERSION = len(MIGRATIONS)

OUR_TABLES = frozenset({"sessions", "answers", "phase_timeline", "debrief_entries", "findings", "pauses",
                        "clarifications", "round_areas", "interviewer_lines"})
# The tables a database of each version has (a missing one means it is damaged).
TABLES_OF_VERSION = {
    1: frozenset({"sessions", "answers"}),
    2: frozenset({"sessions", "answers", "phase_timeline", "debrief_entries", "findings"}),
    3: frozenset({"sessions", "answers", "phase_timeline", "debrief_entries", "findings", "pauses"}),
    4: frozenset({"sessions", "answers", "phase_timeline", "debrief_entries", "findings", "pauses",
                  "clarifications"}),
    5: frozenset({"sessions", "answers", "phase_timeline", "debrief_entries", "findings", "pauses",
                  "clarifications", "round_areas"}),
    6: OUR_TABLES,
    7: OUR_TABLES,
    8: OUR_TABLES,
    9: OUR_TABLES,
    10: OUR_TABLES,
    11: OUR_TABLES,
    12: OUR_TABLES,
}


def migrate(db: sqlite3.Connection, target: int = LATEST_VERSION) -> int:
    """Apply the migrations after the current user_version, each in its own transaction.

    The version is read inside the write transaction, so two app instances starting at once
    never apply a migration twice. The connection must be in autocommit mode
    (isolation_level=None). Returns the version reached.

    An up-to-date database is only read: no write lock is taken, so opening to read works while
    another process is writing (it holds the write lock for the length of its transaction).
    """
    current = db.execute("PRAGMA user_version").fetchone()[0]
    if current >= target:
        return current
    while True:
        db.execute("BEGIN IMMEDIATE")
        try:
            current = db.execute("PRAGMA user_version").fetchone()[0]
            if current >= target:
                db.execute("COMMIT")
                return current
            MIGRATIONS[current](db)
            db.execute(f"PRAGMA user_version = {current + 1}")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

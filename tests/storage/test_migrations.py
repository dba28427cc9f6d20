"""Every schema version ever shipped (frozen in schema_history/) upgrades to the latest, keeping data."""
import sqlite3
from pathlib import Path

import pytest

from interviewer.storage import Store, StorageError
from interviewer.storage import schema
from interviewer.storage.files import DB_NAME

HISTORY = Path(__file__).with_name("schema_history")
EARLIER = list(range(1, schema.LATEST_VERSION))


def build_database(path: Path, version: int, with_data: bool = True) -> None:
    db = sqlite3.connect(path)
    db.executescript((HISTORY / f"v{version}.sql").read_text())
    if with_data:
        db.executescript((HISTORY / f"v{version}_data.sql").read_text())
    db.commit()
    db.close()


def schema_of(db: sqlite3.Connection) -> dict:
    tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
    return {
        "tables": {t: [(c[1], c[2], c[3], c[4], c[5]) for c in db.execute(f"PRAGMA table_info({t})")] for t in tables},
        "indexes": sorted(r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='index'"
                                                    " AND name NOT LIKE 'sqlite_autoindex%'")),
        "foreign_keys": {t: sorted(tuple(fk[2:5]) + (fk[6],) for fk in db.execute(f"PRAGMA foreign_key_list({t})"))
                         for t in tables},
        "version": db.execute("PRAGMA user_version").fetchone()[0],
        "application_id": db.execute("PRAGMA application_id").fetchone()[0],
    }


def fresh_schema(tmp_path) -> dict:
    with Store.open(tmp_path / "fresh") as store:
        return schema_of(store._db)


def test_every_version_is_frozen_and_the_latest_matches_a_new_database(tmp_path):
    assert schema.LATEST_VERSION == len(schema.MIGRATIONS) >= 2
    for version in range(1, schema.LATEST_VERSION + 1):
        assert (HISTORY / f"v{version}.sql").is_file(), f"freeze schema version {version} in {HISTORY}"
        assert (HISTORY / f"v{version}_data.sql").is_file()
    latest = tmp_path / "latest.sqlite3"
    build_database(latest, schema.LATEST_VERSION, with_data=False)
    assert schema_of(sqlite3.connect(latest)) == fresh_schema(tmp_path)


@pytest.mark.parametrize("version", EARLIER)
def test_upgrade_from_every_earlier_version_keeps_the_data(tmp_path, version):
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    build_database(data_dir / DB_NAME, version)
    with Store.open(data_dir) as store:
        assert store.notices == []
        assert schema_of(store._db) == fresh_schema(tmp_path)
        sessions = {s.id: s for s in store.list_sessions()}
        assert sessions and all(s.title for s in sessions.values())
        first = store.get_session(min(sessions))
        assert first.answers and first.answers[0].question_text
        # What the newer schema adds works on the upgraded data.
        store.save_scratchpad(first.id, "notes")
        store.add_debrief(first.id, "How ready?", "getting there", self_rating=4)
        store.add_phase(first.id, "work", "Work", 30, 300.0)
        store.add_clarification(first.answers[0].id, 12.0, "How many users?", "scale", "About a million.")
        assert store.get_session(first.id).debrief[-1].self_rating == 4
        # Clarifications come in the order they were asked; version 4 data holds one at 20.5 s.
        assert "About a million." in [c.reply for c in store.get_session(first.id).answers[0].clarifications]
        assert store.progress()
        from interviewer.core.weak_spots import AreaResult

        store.save_round_areas(first.id, [AreaResult("cold start", 2, 1.0)], "lexical")
        assert store.round_area_matchers()[first.id] == "lexical"
        history = {r.session_id: r for r in store.area_history()}
        if first.status == "completed":
            assert history[first.id].areas["cold start"].measured == 2


def test_version_1_rows_arrive_intact(tmp_path):
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    build_database(data_dir / DB_NAME, 1)
    with Store.open(data_dir) as store:
        done = store.get_session(1)
        assert (done.status, done.kind, done.scratchpad) == ("completed", "ml_breadth", "")
        assert [a.follow_up_id for a in done.answers] == [None, "fu-metric"]
        assert done.answers[0].transcript.words[0].text == "um"
        assert done.answers[0].analysis == {"word_count": 3, "filler_count": 1, "speaking_seconds": 2.0}
        # A round a v1 app left in_progress (it has no lock) is recovered after the upgrade.
        (recovered,) = store.recover_interrupted()
        assert recovered.id == 2
        assert recovered.missing_audio == ("recordings/20250102-090000-bbbbbb/answer-3.wav",)
        assert store.get_session(2).status == "interrupted"


def test_version_4_clarifying_exchanges_arrive_with_their_answer_and_go_with_the_session(tmp_path):
    from interviewer.storage import Clarification

    data_dir = tmp_path / "data"
    data_dir.mkdir()
    build_database(data_dir / DB_NAME, 4)
    with Store.open(data_dir) as store:
        answer = store.get_session(1).answers[0]
        assert answer.clarifications == [
            Clarification(20.5, "What is the latency budget?", "latency", "Assume 200 milliseconds.")]
        store.delete_session(1)
        assert store._db.execute("SELECT COUNT(*) FROM clarifications").fetchone()[0] == 0


def test_a_failing_migration_changes_nothing(tmp_path, monkeypatch):
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    build_database(data_dir / DB_NAME, 1)

    def half_then_fail(db):
        db.execute("ALTER TABLE sessions ADD COLUMN scratchpad TEXT")
        db.execute("CREATE TABLE debrief_entries (id INTEGER PRIMARY KEY)")
        raise sqlite3.OperationalError("simulated failure half-way")

    monkeypatch.setattr(schema, "MIGRATIONS", (schema.MIGRATIONS[0], half_then_fail))
    with pytest.raises(StorageError, match="Upgrading the database"):
        Store.open(data_dir)
    db = sqlite3.connect(data_dir / DB_NAME)
    assert db.execute("PRAGMA user_version").fetchone()[0] == 1
    assert [c[1] for c in db.execute("PRAGMA table_info(sessions)")][-1] == "status"
    assert db.execute("SELECT COUNT(*) FROM answers").fetchone()[0] == 3


def test_a_database_from_a_newer_version_is_left_untouched(tmp_path):
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    build_database(data_dir / DB_NAME, schema.LATEST_VERSION)
    db = sqlite3.connect(data_dir / DB_NAME)
    db.execute(f"PRAGMA user_version = {schema.LATEST_VERSION + 1}")
    db.commit()
    db.close()
    before = (data_dir / DB_NAME).read_bytes()
    with pytest.raises(StorageError, match="newer version of Interviewer"):
        Store.open(data_dir)
    assert (data_dir / DB_NAME).read_bytes() == before
    assert [p.name for p in data_dir.iterdir() if p.name.startswith(DB_NAME)] == [DB_NAME]


def test_two_instances_starting_at_once_migrate_once(tmp_path):
    import threading

    data_dir = tmp_path / "data"
    data_dir.mkdir()
    build_database(data_dir / DB_NAME, 1)
    results, errors = [], []

    def start():
        try:
            with Store.open(data_dir) as store:
                results.append(len(store.list_sessions()))
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=start) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == [] and results == [2, 2, 2, 2]


def test_version_9_rounds_get_no_script_copy_and_new_rounds_keep_theirs(tmp_path):
    """Trial 40: a round keeps the exact text of its script (version 10). A real version-9
    database upgrades with none for its rounds (their review uses the file, as before), and a
    round started after keeps the text it was given."""
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    build_database(data_dir / DB_NAME, 9)
    with Store.open(data_dir) as store:
        old = store.get_session(1)
        assert old.script_text is None and old.script_id == "sd-1" and old.answers
        assert [s.script_text for s in store.list_sessions()] == [None]
        text = 'id = "sd-1"\ntitle = "System design"\n'
        sid = store.create_session("sd-1", "System design", "ml_system_design", 45, script_text=text)
        assert store.get_session(sid).script_text == text
    with Store.open(data_dir) as store:  # kept across a restart
        assert store.get_session(sid).script_text == text and store.get_session(1).script_text is None


def test_version_10_rounds_are_of_an_unknown_analysis_version_and_audio_setup(tmp_path):
    """A real version-10 database upgrades with its rounds marked as analysed by version 0 (not
    known: the review and Progress offer to analyse them again) and with no audio setup (not
    known); its data is kept, and a round started after stores both."""
    from interviewer.core.analysis.version import ANALYSIS_VERSION, analysed_by_older_version

    HEADPHONES = "headphones"  # core.echo_filter.HEADPHONES
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    build_database(data_dir / DB_NAME, 10)
    with Store.open(data_dir) as store:
        old = store.get_session(1)
        assert old.analysis_version == 0 and analysed_by_older_version(old.analysis_version)
        assert old.audio_setup is None
        assert old.answers[0].analysis["word_count"] == 500 and old.debrief[0].text == "Serving latency"
        assert [s.analysis_version for s in store.list_sessions()] == [0]
        assert [p.analysis_version for p in store.progress()] == [0]
        sid = store.create_session("sd-1", "System design", "ml_system_design", 45, audio_setup=HEADPHONES)
        store.set_analysis_version(1, ANALYSIS_VERSION)
    with Store.open(data_dir) as store:  # kept across a restart
        new = store.get_session(sid)
        assert (new.analysis_version, new.audio_setup) == (ANALYSIS_VERSION, HEADPHONES)
        assert store.get_session(1).analysis_version == ANALYSIS_VERSION


def test_version_11_pauses_arrive_as_the_candidates_own(tmp_path):
    """Trial 48: a pause now keeps why the round stood still; every pause stored before was kept
    alike and reads as the candidate's (P), and a new one keeps its why."""
    from interviewer.core.round_pauses import END_QUESTION_PAUSE
    from interviewer.storage import Pause

    data_dir = tmp_path / "data"
    data_dir.mkdir()
    build_database(data_dir / DB_NAME, 11)
    with Store.open(data_dir) as store:
        assert store.pauses(1) == [Pause(120.0, 45.5, "")]
        store.add_pause(1, 400.0, 30.0, END_QUESTION_PAUSE)
        assert store.pauses(1)[-1] == Pause(400.0, 30.0, END_QUESTION_PAUSE)

import sqlite3
import stat
import threading

import pytest
import soundfile as sf

from interviewer import paths
from interviewer.storage import Store, StorageError
from interviewer.storage.errors import SessionNotFound
from interviewer.storage.files import DB_NAME
from storage_helpers import full_round, make_transcript, record_tone


def test_a_full_round_reads_back_completely(store):
    sid = full_round(store, marker="zebra")
    session = store.get_session(sid)
    assert (session.script_id, session.title, session.kind, session.planned_minutes) == (
        "sd-feed", "Feed ranking design", "ml_system_design", 45)
    assert session.status == "completed" and session.ended_at == 1_700_002_700
    assert session.scratchpad.endswith("# zebra")
    assert [a.question_id for a in session.answers] == ["q0", "q1"]
    first = session.answers[0]
    assert (first.asked_at, first.answer_start, first.answer_end) == (0.0, 1.0, 7.0)
    assert first.transcript.text.endswith("latency zebra") and first.transcript.words[0].text == "um"
    assert first.transcript.speech[1].start == 4.5
    assert first.analysis["filler_count"] == 2
    assert [(f.kind, f.start) for f in session.findings_for(first.id)] == [("filler", 0.0), ("long_pause", 2.0)]
    assert session.findings_for(first.id)[1].details == {"seconds": 2.5}
    assert [(p.phase_id, p.started_at, p.ended_at) for p in session.phases] == [("clarify", 0.0, 300.0)]
    (entry,) = session.debrief
    assert (entry.prompt, entry.self_rating) == ("Where did you hesitate?", 3)
    data, rate = sf.read(store.audio_file(first.audio_path))
    assert rate == 16000 and len(data) == 16000
    assert store.missing_audio(session) == []


def test_store_uses_the_data_folder_from_the_environment(data_dir):
    assert paths.data_dir() == data_dir
    with Store.open() as store:
        sid = store.create_session("s", "t", "coding", 45)
        aid = store.add_answer(sid, "q", "Q?")
        assert store.audio_path_for(sid, aid).is_relative_to(data_dir / "recordings")
    assert (data_dir / DB_NAME).is_file()


def test_files_and_folders_are_private_and_database_is_wal(store, data_dir):
    sid = full_round(store)
    found = list(data_dir.rglob("*")) + [data_dir]
    assert any(p.name.endswith("-wal") for p in found)
    for path in found:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o700 if path.is_dir() else 0o600), (path, oct(mode))
    assert store._db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.get_session(sid)


def test_existing_data_folder_is_tightened(tmp_path):
    root = tmp_path / "open"
    root.mkdir(mode=0o755)
    root.chmod(0o755)
    Store.open(root).close()
    assert stat.S_IMODE(root.stat().st_mode) == 0o700


def test_a_failing_write_leaves_nothing_half_saved(store):
    sid = store.create_session("s", "t", "coding", 45)
    aid = store.add_answer(sid, "q", "Q?")
    with pytest.raises(StorageError, match="1 to 5"):
        store.add_debrief(sid, "How ready?", "meh", self_rating=9)
    # An analysis whose findings are malformed fails as a whole: no analysis, no findings.
    with pytest.raises(Exception):
        store.attach_analysis(aid, {"filler_count": 1, "findings": [{"kind": "filler"}, {"start": "soon"}]})
    session = store.get_session(sid)
    assert session.answers[0].analysis is None and session.findings == [] and session.debrief == []


def test_reanalysis_replaces_an_answers_findings(store):
    sid = store.create_session("s", "t", "coding", 45)
    aid = store.add_answer(sid, "q", "Q?")
    store.attach_analysis(aid, {"findings": [{"kind": "filler", "start": 1.0, "message": "um"}]})
    store.attach_analysis(aid, {"findings": [{"kind": "long_pause", "start": 3.0, "message": "3 s"}]})
    store.add_finding(sid, "phase_overrun", "Clarify took 9 min of 5")
    kinds = sorted(f.kind for f in store.get_session(sid).findings)
    assert kinds == ["long_pause", "phase_overrun"]


def test_list_filters_and_orders_newest_first(store):
    a = store.create_session("a", "A", "coding", 45, started_at=100.0)
    b = store.create_session("b", "B", "behavioral", 60, started_at=200.0)
    c = store.create_session("c", "C", "coding", 45, started_at=300.0)
    store.finish_session(c, "discarded")
    assert [s.id for s in store.list_sessions()] == [c, b, a]
    assert [s.id for s in store.list_sessions(kind="coding")] == [c, a]
    assert [s.id for s in store.list_sessions(include_discarded=False)] == [b, a]


def test_unknown_ids_give_clear_errors(store):
    with pytest.raises(SessionNotFound, match="no session with id 42"):
        store.get_session(42)
    with pytest.raises(StorageError, match="no answer with id 7"):
        store.attach_transcript(7, make_transcript())


def test_progress_rates_are_not_rounded_twice(store):
    """trial12, real app: 18 fillers in 973 words (1.8499 per 100) read "1.9 fillers/100 words" on
    Home, which showed the progress row's rate rounded to 1.85 and then to one decimal, and
    "1.8 per 100 words" in the review and the exports."""
    sid = store.create_session("d", "Depth", "ml_depth", 60, started_at=1_800_000_000)
    aid = store.add_answer(sid, "q", "Tell me about a project")
    text = " ".join(["um " + " ".join(["delivery"] * 53)] * 18 + ["done"])
    store.attach_transcript(aid, make_transcript(text, seconds=300.0))
    store.finish_session(sid)
    (p,) = store.progress()
    assert (p.words, p.filler_count) == (973, 18)
    assert f"{p.filler_rate:.1f}" == f"{100 * 18 / 973:.1f}" == "1.8"


def test_progress_numbers_per_session(store):
    first = full_round(store)
    second = store.create_session("b", "Behavioral", "behavioral", 45, started_at=1_800_000_000)
    aid = store.add_answer(second, "q", "Tell me about a conflict")
    store.attach_transcript(aid, make_transcript("um uh I think so", seconds=4.0))  # no analysis: counted from text
    store.add_debrief(second, "Ready?", self_rating=4)
    store.add_debrief(second, "Metrics?", self_rating=2)
    store.finish_session(second)
    running = store.create_session("c", "Still going", "coding", 45)
    rows = store.progress()
    assert [r.session_id for r in rows] == [first, second]  # oldest first; in-progress left out
    p = rows[0]
    assert (p.words, p.filler_count, p.long_pauses, p.clarifying_questions) == (18, 4, 2, 2)
    assert p.filler_rate == pytest.approx(100 * 4 / 18, abs=1e-3)
    assert p.pace_wpm is None  # 9 words in 4.5 s per answer: too short for a pace (pace.measurable)
    assert p.self_ratings == (3,)
    q = rows[1]
    assert (q.words, q.filler_count, q.long_pauses) == (5, 2, 1)
    assert q.mean_self_rating == 3.0
    assert [r.session_id for r in store.progress(kind="behavioral")] == [second]
    assert running not in [r.session_id for r in rows]


def test_store_can_be_used_from_worker_threads(store):
    sid = store.create_session("s", "t", "coding", 45)
    errors = []

    def work(n):
        try:
            for i in range(20):
                aid = store.add_answer(sid, f"q{n}-{i}", "Q?")
                store.attach_transcript(aid, make_transcript())
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(store.get_session(sid).answers) == 80


def test_recovery_leaves_a_live_round_alone_and_takes_a_dead_ones(data_dir):
    recording = Store.open()
    sid = recording.create_session("s", "t", "coding", 45)
    aid = recording.add_answer(sid, "q", "Q?", answer_start=3.0)
    record_tone(recording.audio_path_for(sid, aid), 2.0)
    with Store.open() as other:  # e.g. `interviewer sessions list` while the app records
        assert other.recover_interrupted() == []
        assert other.get_session(sid).status == "in_progress"
        with pytest.raises(StorageError, match="still being recorded"):
            other.delete_session(sid)
    # The recording process dies without finishing: the OS drops its lock.
    recording._locks.pop(sid).release()
    with Store.open() as next_start:
        (recovered,) = next_start.recover_interrupted()
        assert recovered.id == sid and recovered.missing_audio == ()
        answer = next_start.get_session(sid).answers[0]
        assert answer.answer_end == pytest.approx(5.0)
        assert next_start.get_session(sid).status == "interrupted"


def test_audio_paths_never_leave_the_recordings_folder(store, tmp_path):
    sid = store.create_session("s", "t", "coding", 45)
    aid = store.add_answer(sid, "q", "Q?")
    assert store.audio_path_for(sid, aid).parent == store.session_dir(sid).resolve()
    assert store.session_dir(sid).parent == store.recordings_dir
    for bad in ("/etc/passwd", str(tmp_path / "x.wav"), "recordings/../../x.wav", "../x.wav",
                "interviewer.sqlite3", "recordings"):
        with pytest.raises(StorageError, match="refusing audio path"):
            store.resolve_audio_path(bad)
    # A symlink planted inside the folder that points outside is refused too.
    outside = tmp_path / "outside"
    outside.mkdir()
    (store.recordings_dir / "evil").symlink_to(outside)
    with pytest.raises(StorageError, match="refusing audio path"):
        store.resolve_audio_path("recordings/evil/a.wav")
    # And a tampered row cannot redirect the recorder.
    store._db.execute("UPDATE answers SET audio_path = ? WHERE id = ?", (str(tmp_path / "x.wav"), aid))
    with pytest.raises(StorageError, match="refusing audio path"):
        store.audio_path_for(sid, aid)


def test_closed_store_says_so(data_dir):
    store = Store.open()
    store.close()
    with pytest.raises(StorageError, match="closed"):
        store.list_sessions()


def test_connection_is_sqlite_with_foreign_keys(store):
    assert store._db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert isinstance(store._db, sqlite3.Connection)


def test_progress_reads_the_core_analysis_format(store):
    from interviewer.core.analysis.report import analyze_answer

    transcript = make_transcript("um so what is the latency budget uh and how many users are there", 12.0)
    analysis = analyze_answer(transcript, question_text="Design a feed.",
                              expected_topics=[("latency", ("latency",)), ("scale", ("users",))],
                              expects_clarifying=True).to_dict()
    sid = store.create_session("s", "t", "ml_system_design", 45)
    aid = store.add_answer(sid, "q", "Design a feed.")
    store.attach_transcript(aid, transcript)
    store.attach_analysis(aid, analysis)
    store.finish_session(sid)
    (p,) = store.progress()
    assert p.words == analysis["pace"]["words"] and p.words > 0
    assert p.filler_count == analysis["filler_stats"]["count"] == 2
    assert p.filler_rate == pytest.approx(analysis["filler_stats"]["per_100_words"], abs=0.01)
    assert p.long_pauses == len(analysis["long_pauses"])
    assert p.clarifying_questions == len(analysis["clarifying_questions"]) >= 1
    assert p.pace_wpm == pytest.approx(analysis["pace"]["wpm"], rel=0.02)
    stored = store.get_session(sid)
    assert len(stored.findings) == len(analysis["findings"])


def test_the_round_list_counts_answers_as_the_review_does(store):
    """A new user's trial: `sessions list` and Home's recent rounds said 6 answers where the review
    said 5: an answer recorded in two parts (a mic pause) was counted twice."""
    sid = store.create_session("s", "Round", "ml_system_design", 45)
    store.add_answer(sid, "q1", "Design it.", asked_at=10.0, with_audio=False)
    store.add_answer(sid, "q1", "Design it.", asked_at=10.0, with_audio=False)  # the same ask, resumed
    store.add_answer(sid, "q1", "How do you serve it?", follow_up_id="serve", asked_at=90.0, with_audio=False)
    store.add_answer(sid, "q2", "Monitor it.", asked_at=200.0, with_audio=False)
    (summary,) = store.list_sessions()
    assert summary.answer_count == 3

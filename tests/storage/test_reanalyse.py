"""A stored round analysed again with the current rules, from its stored transcripts (J1).

After an update, a round analysed with the old rules kept its old findings and numbers while new
rounds used the new ones, so Progress mixed two definitions. Analysing it again replaces the
analyses and the answers' findings; transcripts, recordings, the debrief and its self-ratings,
and the scratchpad are kept."""
import json
import sqlite3

from interviewer.app.backfill import reanalyse
from interviewer.core.scripts.model import ClarifyingTopic, Phase, Question, RoundScript
from storage_helpers import make_transcript, record_tone

SCRIPT = RoundScript(
    "sd-feed", "Feed ranking design", "ml_system_design", 45,
    (Phase("clarify", "Clarify", 10, "Ask what you need.", expects_clarifying=True),
     Phase("design", "Design", 35, "Now the design.")),
    (Question("q0", "Design a feed ranker.", "clarify", clarifying_topics=(
        ClarifyingTopic("latency", ("latency", "milliseconds")), ClarifyingTopic("scale", ("users",)))),
     Question("q1", "How would you serve it?", "design")),
)

# What an older version stored: no fillers marked, no clarifying question counted, a stale finding.
OLD_ANALYSIS = {"word_count": 9, "filler_count": 0, "fillers": [], "clarifying_questions": [],
                "clarifying_question_count": 0, "pace_wpm": 999.0, "old_rule_only": True,
                "pause_before": 1.5, "part": {"after_interviewer": True, "interrupted": False},
                "findings": [{"kind": "old_rule_finding", "start": 0.0, "end": 1.0, "message": "Said by an old rule."}]}


def _stored_round(store):
    sid = store.create_session("sd-feed", "Feed ranking design", "ml_system_design", 45, started_at=1_700_000_000)
    store.add_phase(sid, "clarify", "Clarify", 10, 0.0)
    texts = ["um so what is the latency budget in milliseconds", "uh I would um cache the scores"]
    ids = []
    for n, (question, asked_at) in enumerate([("q0", 5.0), ("q1", 700.0)]):
        if n == 1:
            store.add_phase(sid, "design", "Design", 35, 600.0)
        aid = store.add_answer(sid, question, f"Question {n}?", asked_at=asked_at, answer_start=asked_at + 2)
        record_tone(store.audio_path_for(sid, aid), 0.5)
        store.finish_answer(aid, answer_end=asked_at + 8)
        store.attach_transcript(aid, make_transcript(texts[n], seconds=5.0))
        store.attach_analysis(aid, OLD_ANALYSIS)
        ids.append(aid)
    store.save_scratchpad(sid, "def rank(items): ...")
    store.add_debrief(sid, "Where did you hesitate?", "At the latency part", self_rating=3)
    store.finish_session(sid, ended_at=1_700_002_700)
    return sid, ids


def _old_rule_in_the_database(store, answer_ids):
    """The analysis as an old version left it, edited in the database file itself."""
    with sqlite3.connect(store.db_path) as db:
        for aid in answer_ids:
            db.execute("UPDATE answers SET analysis_json = ? WHERE id = ?", (json.dumps(OLD_ANALYSIS), aid))


def _snapshot(store, sid):
    s = store.get_session(sid)
    return ([(a.id, a.transcript.to_dict(), a.audio_path) for a in s.answers],
            [(d.id, d.prompt, d.text, d.self_rating) for d in s.debrief], s.scratchpad)


def test_an_answer_analysed_with_an_old_rule_is_analysed_again_with_the_current_rules(store):
    sid, ids = _stored_round(store)
    _old_rule_in_the_database(store, ids)
    before = _snapshot(store, sid)
    old_progress = {p.session_id: p for p in store.progress()}[sid]
    assert old_progress.filler_count == 0 and old_progress.clarifying_questions == 0

    progress = []
    result = reanalyse(store, store.get_session(sid), SCRIPT, on_progress=lambda d, n: progress.append((d, n)))
    assert result.analysed == ids and result.cancelled == 0
    assert progress == [(0, 2), (1, 2), (2, 2)]
    assert result.message == "Analysed 2 answers again with the current rules."

    after = store.get_session(sid)
    by_id = {a.id: a for a in after.answers}
    first, second = by_id[ids[0]].analysis, by_id[ids[1]].analysis
    assert "old_rule_only" not in first and first["pace_wpm"] != 999.0
    assert {f["text"] for f in first["fillers"]} == {"um"} and {f["text"] for f in second["fillers"]} == {"uh", "um"}
    # Asked in the Clarify phase about the question's topics: counted now.
    assert first["clarifying_questions"] and first["topics_covered"] == ["latency"]
    assert first["pause_before"] == 1.5  # timed live, not in the transcript: kept
    # The answers' findings are the new analysis's; the old rule's finding is gone.
    kinds = {f.kind for f in after.findings_for(ids[0])}
    assert "old_rule_finding" not in kinds and kinds
    assert _snapshot(store, sid) == before  # transcripts, recordings, debrief, rating, scratchpad kept
    new_progress = {p.session_id: p for p in store.progress()}[sid]
    assert new_progress.filler_count == 3 and new_progress.clarifying_questions >= 1
    assert new_progress.self_ratings == (3,)


def test_analysing_a_round_again_twice_gives_the_same_round(store):
    sid, ids = _stored_round(store)
    _old_rule_in_the_database(store, ids)
    reanalyse(store, store.get_session(sid), SCRIPT)
    once = store.get_session(sid)
    reanalyse(store, store.get_session(sid), SCRIPT)
    twice = store.get_session(sid)
    assert [a.analysis for a in twice.answers] == [a.analysis for a in once.answers]
    assert ([(f.answer_id, f.kind, f.message) for f in twice.findings]
            == [(f.answer_id, f.kind, f.message) for f in once.findings])


def test_stopping_keeps_the_earlier_analysis_of_the_answers_left(store):
    import threading

    sid, ids = _stored_round(store)
    cancel = threading.Event()

    def progress(done, total):
        if done == 1:
            cancel.set()
    result = reanalyse(store, store.get_session(sid), SCRIPT, on_progress=progress, cancel=cancel)
    assert result.analysed == ids[:1] and result.cancelled == 1
    assert {a.id: a.analysis for a in store.get_session(sid).answers}[ids[1]]["old_rule_only"]


def test_the_command_analyses_one_round_or_all_again(data_dir, capsys):
    from interviewer.cli import main
    from interviewer.storage import Store

    with Store.open() as store:
        rounds = [_stored_round(store) for _ in range(2)]
        for _sid, ids in rounds:
            _old_rule_in_the_database(store, ids)
    (one, one_ids), (other, other_ids) = rounds
    assert main(["sessions", "reanalyse", str(one)]) == 0
    assert capsys.readouterr().out.startswith("Analysed 2 answers again with the current rules.")
    with Store.open() as store:
        assert all("old_rule_only" not in a.analysis for a in store.get_session(one).answers)
        assert all(a.analysis["old_rule_only"] for a in store.get_session(other).answers)
    assert main(["sessions", "reanalyse", "--all"]) == 0
    assert capsys.readouterr().out.startswith("Analysed 4 answers again with the current rules, in 2 rounds.")
    with Store.open() as store:
        assert all("old_rule_only" not in a.analysis for a in store.get_session(other).answers)


def test_a_round_still_being_recorded_is_left_alone(store):
    from interviewer.app.backfill import reanalyse_rounds

    done, done_ids = _stored_round(store)
    live = store.create_session("sd-feed", "Feed ranking design", "ml_system_design", 45)
    aid = store.add_answer(live, "q0", "Question 0?", asked_at=5.0, answer_start=7.0)
    store.attach_transcript(aid, make_transcript("um latency"))
    store.attach_analysis(aid, OLD_ANALYSIS)
    progress = []
    result = reanalyse_rounds(store, [done, live], lambda _id: SCRIPT, lambda d, n: progress.append((d, n)))
    assert result.rounds == [done] and result.skipped == [live] and result.analysed == done_ids
    assert progress[-1] == (2, 2)
    assert store.get_session(live).answers[0].analysis["old_rule_only"]
    assert result.message.endswith("Left alone: 1 round still being recorded.")


def test_when_the_interviewer_spoke_is_read_from_what_the_live_round_measured(store):
    """The live round knew when the interviewer answered a clarifying question during the answer;
    the catch-up's estimate from the reply's words (170 a minute) is far shorter for a slow reply.
    Analysed again, the 5.6 s the interviewer spoke are not the candidate's silence."""
    from interviewer.core.transcript import Segment, SpeechRegion, Transcript, Word

    sid = store.create_session("sd-feed", "Feed ranking design", "ml_system_design", 45)
    store.add_phase(sid, "design", "Design", 35, 0.0)
    aid = store.add_answer(sid, "q1", "How would you serve it?", asked_at=10.0, answer_start=10.0, with_audio=False)
    store.finish_answer(aid, answer_end=21.0)
    store.add_clarification(aid, 12.2, "Is latency a concern?", None, "Yes.")
    first = [Word(w, 0.4 * i, 0.4 * i + 0.3, 0.9) for i, w in enumerate("so is latency a concern".split())]
    second = [Word(w, 8.0 + 0.4 * i, 8.3 + 0.4 * i, 0.9) for i, w in enumerate("then I would cache the scores".split())]
    transcript = Transcript([Segment("so is latency a concern?", 0.0, 2.0, tuple(first)),
                             Segment("then I would cache the scores", 8.0, 10.4, tuple(second))], 11.0,
                            [SpeechRegion(0.0, 2.0), SpeechRegion(8.0, 10.4)], "test")
    store.attach_transcript(aid, transcript)
    store.attach_analysis(aid, {"interviewer_speech": [[2.2, 7.8]], "part": {"after_interviewer": True}})
    reanalyse(store, store.get_session(sid), SCRIPT)
    analysis = store.get_session(sid).answers[0].analysis
    assert analysis["interviewer_speech"] == [[2.2, 7.8]]  # kept for the next time
    silences = [f for f in analysis["findings"] if f["kind"] in ("long_pause", "waited")
                and f["start"] is not None and 2.0 <= f["start"] < 8.0 and f["end"] - f["start"] > 1.0]
    assert silences == []


def _older_version(store, sid):
    """The round as an older version of the analysis left it (version 0: before it was stored)."""
    with sqlite3.connect(store.db_path) as db:
        db.execute("UPDATE sessions SET analysis_version = 0 WHERE id = ?", (sid,))


def test_a_round_analysed_again_stores_the_current_analysis_version(store):
    """A round keeps which version of the analysis produced it: analysed again in full, it is the
    current one (its review no longer offers it); stopped part-way, it stays the older one."""
    import threading

    from interviewer.core.analysis.version import ANALYSIS_VERSION, analysed_by_older_version

    sid, ids = _stored_round(store)
    assert store.get_session(sid).analysis_version == ANALYSIS_VERSION  # a new round: the current rules
    _older_version(store, sid)
    assert analysed_by_older_version(store.get_session(sid).analysis_version)
    assert [s.analysis_version for s in store.list_sessions()] == [0]
    assert [p.analysis_version for p in store.progress()] == [0]
    cancel = threading.Event()
    reanalyse(store, store.get_session(sid), SCRIPT, on_progress=lambda done, _total: done == 1 and cancel.set(),
              cancel=cancel)
    assert store.get_session(sid).analysis_version == 0  # one answer still has the older analysis
    before = _snapshot(store, sid)
    reanalyse(store, store.get_session(sid), SCRIPT)
    assert store.get_session(sid).analysis_version == ANALYSIS_VERSION
    assert [p.analysis_version for p in store.progress()] == [ANALYSIS_VERSION]
    assert _snapshot(store, sid) == before  # transcripts, recordings, debrief and notes kept

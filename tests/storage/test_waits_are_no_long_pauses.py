"""Trial 17 item 4: the coding summary said "long pauses 5" (the Progress chart 5) where four were
the candidate waiting for the interviewer (the review labelled them "Waited ... while clarifying":
12.5 s after "Sorted?" that got no reply, silences right after a reply), and the behavioral round
counted the 5.0 s after the interviewer answered "How much time do I have?". A wait for the
interviewer is no long pause anywhere (round summary, per-answer counts, Progress, exports); a
thinking pause inside an answer still is one."""
from interviewer.app.review_model import flagged_moments, round_numbers
from interviewer.core.analysis.report import analyze_answer
from interviewer.core.analysis.summary import long_pause_count
from interviewer.export.report import build_report
from interviewer.storage.progress import numbers_from_analysis

from tests.core.analysis.speech import spoken

# Clarify: a one-word question the recogniser heard but nobody answered, then 12 s of waiting.
ASKED_NO_REPLY = "Sorted? [12.0] Okay, I will assume they come in no particular order."
# Approach: one 9 s thinking pause mid-sentence.
THINKING = "I would sort the sessions by start time and [9.0] then merge each one into the last."
TIME_ASKED = "How much time do I have? [8.0] He would say I was stubborn at first."


def _time_question():
    """The interviewer answers "How much time do I have?" for 3 s, then 5 s of quiet."""
    t = spoken(TIME_ASKED)
    asked_end = t.words[5].end  # "have?"
    return t, [(asked_end + 0.5, asked_end + 3.0)]


def test_waits_for_the_interviewer_are_no_long_pauses_of_an_answer():
    clarify = analyze_answer(spoken(ASKED_NO_REPLY), expects_clarifying=True).to_dict()
    approach = analyze_answer(spoken(THINKING), expects_clarifying=False).to_dict()
    assert [f["message"].split(" s")[0] for f in clarify["findings"] if f["kind"] == "waited"] == ["Waited 12.0"]
    assert long_pause_count(clarify) == 0 and clarify["long_pauses"] == []
    assert long_pause_count(approach) == 1 and len(approach["long_pauses"]) == 1


def test_the_silence_after_the_interviewer_answered_the_time_is_no_long_pause():
    t, reply = _time_question()
    a = analyze_answer(t, interviewer_speech=reply, round_kind="behavioral").to_dict()
    [pause] = [f for f in a["findings"] if f["kind"] == "waited"]
    assert pause["message"].startswith("Waited") and "after the interviewer's reply" in pause["message"]
    assert long_pause_count(a) == 0 and a["long_pauses"] == []
    # The same silence with no reply before it is the candidate's own pause.
    alone = analyze_answer(spoken(TIME_ASKED), round_kind="behavioral").to_dict()
    assert long_pause_count(alone) == 1


def test_summary_progress_and_export_count_the_same_one_long_pause(store):
    sid = store.create_session("merge_sessions", "Merge sessions", "coding", 45, started_at=1_700_000_000)
    parts = [("merge_sessions", "clarify", ASKED_NO_REPLY, True), ("", "approach", THINKING, False)]
    for n, (qid, phase, text, clarifying) in enumerate(parts):
        aid = store.add_answer(sid, qid, "Merge the overlapping sessions." if qid else "Your approach?",
                               asked_at=60.0 * n, answer_start=60.0 * n + 1, phase_id=phase)
        store.finish_answer(aid, answer_end=60.0 * n + 40)
        store.attach_transcript(aid, spoken(text))
        store.attach_analysis(aid, analyze_answer(spoken(text), expects_clarifying=clarifying).to_dict())
    store.finish_session(sid, ended_at=1_700_000_200)
    session = store.get_session(sid)
    numbers = round_numbers(session)
    assert numbers.long_pauses == 1 and [a.long_pauses for a in numbers.answers] == [0, 1]
    assert [p.long_pauses for p in store.progress() if p.session_id == sid] == [1]
    assert sum(numbers_from_analysis(a.analysis).long_pauses for a in session.answers) == 1
    assert build_report(session).facts["Long pauses"] == "1"
    assert [m.start for m in flagged_moments(session) if m.kind == "long_silence"] == [
        [f for f in session.answers[1].analysis["findings"] if f["kind"] == "long_pause"][0]["start"]]

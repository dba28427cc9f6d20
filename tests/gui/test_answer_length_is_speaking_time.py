"""Trial 15: the phone screen's debrief recalled "One of your longest answers (4.9 min), to 'That's
everything from my side. What would you like to know...'": one 12-word question to the
interviewer, then 4.9 min of waiting for the clock, and the review and exports gave it
"Length: 4:55.1". An answer's Length is its speaking time now (core.analysis.summary), the same in
the review, the exports and the debrief, and the floor for the candidate's own questions is no
answer recalled for its length. A stored round (real SQLite)."""
from __future__ import annotations

from interviewer.app.review_model import flagged_moments
from interviewer.core.analysis.report import analyze_answer
from interviewer.core.scripts.loader import load_script
from interviewer.core.transcript import Transcript
from interviewer.export.report import answer_facts
from interviewer.storage import SessionStatus, Store
from interviewer.storage.progress import round_summary
from tests.core.analysis.speech import spoken

SCRIPT = "question_scripts/phone_screen_top_k_and_fundamentals.toml"
LONG = " ".join(["I", "would", "count", "each", "query", "in", "a", "hash", "map", "and", "keep", "a", "heap"] * 9)


def _add(store: Store, sid: int, phase: str, question: str, said: str, start: float, recorded_s: float) -> int:
    aid = store.add_answer(sid, "", question, asked_at=start - 3, answer_start=start, answer_end=start + recorded_s,
                           with_audio=False, phase_id=phase)
    heard = spoken(said)
    # The recording ran on in silence after the last word (the round waited for the clock).
    transcript = Transcript(heard.segments, recorded_s, heard.speech)
    store.attach_transcript(aid, transcript)
    store.attach_analysis(aid, analyze_answer(transcript))
    return aid


def test_length_is_speaking_time_and_a_wrap_up_question_is_no_long_answer(tmp_path):
    with Store.open(tmp_path / "data") as store:
        sid = store.create_session("phone_screen_top_k_and_fundamentals", "Phone screen", "phone_screen", 45,
                                   started_at=1_700_000_000.0)
        store.add_phase(sid, "ml", "ML fundamentals", 12, started_at=0.0)
        ml = _add(store, sid, "ml", "What is regularization for?", LONG, 10.0, 45.0)
        store.add_phase(sid, "wrap_up", "Your questions", 5, started_at=340.0)
        wrap = _add(store, sid, "wrap_up", "That's everything from my side. What would you like to know?",
                    "What does that typical week look like for someone on the team", 341.0, 295.1)
        # A long question of the candidate's own: the floor for their questions, no answer.
        asked = _add(store, sid, "wrap_up", "Anything else you'd like to ask?", LONG, 640.0, 50.0)
        store.finish_session(sid, SessionStatus.COMPLETED, ended_at=1_700_000_000.0 + 636.0)
        session = store.get_session(sid)
    numbers = {a.part_ids[0]: a for a in round_summary(session).answers}
    # 12 words of 0.3 s with 0.05 s gaps: about 4.2 s of speaking, not the 295 s recording.
    assert 4.0 < numbers[wrap].duration < 4.5
    assert answer_facts(numbers[wrap])["Length"] == "4 s"
    assert 40.0 < numbers[ml].duration < 42.0  # 117 words, first to last
    script = load_script(SCRIPT, bundled=True)
    recalled = [m for m in flagged_moments(session, script=script) if m.kind == "long_answer"]
    assert [(m.answer_id, m.message) for m in recalled] == [
        (ml, 'One of your longest answers (41 s), to "What is regularization for?"')]
    # Without the script, which says where the candidate asked, only the length counts.
    assert {m.answer_id for m in flagged_moments(session) if m.kind == "long_answer"} == {ml, asked}

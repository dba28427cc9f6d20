"""Trial 18 item 4: Home and Progress showed "2.4 fillers/100 words · 124 wpm with pauses" for a
round whose first recording only asked to hear the question again, the review and the exports
"2.5 per 100 words · 123 wpm": Home and Progress counted the request's words, which the review
leaves out of the answer (summary.summarize). Every view now shows the review's numbers."""
import json

from interviewer.app.review_model import round_numbers
from interviewer.core.analysis.report import analyze_answer
from interviewer.export import export_session
from interviewer.export.report import build_report
from interviewer.gui.home_screen import _headline

from tests.core.analysis.speech import spoken

QUESTION = "Tell me about a time you had a conflict with a peer."
REQUEST = "Um, sorry, could you please repeat the question for me?"
ANSWER = ("So, um, in my last job our fraud models started missing new patterns. [0.6] I led the retraining "
          "and, uh, we caught about thirty percent more fraud within two months.")


def test_home_progress_review_and_exports_leave_the_repeat_request_out(store, tmp_path, monkeypatch):
    # Its answer is 27 words, under the headline's minimum (fillers.MIN_RATE_WORDS): the rates are
    # headlined here all the same, to compare them with the review's.
    monkeypatch.setattr("interviewer.core.analysis.fillers.MIN_RATE_WORDS", 0)
    sid = store.create_session("conflict", "Behavioral", "behavioral", 45, started_at=1_700_000_000)
    store.add_phase(sid, "conflict", "Conflict", 10, 0.0)
    for n, (text, repeat) in enumerate([(REQUEST, True), (ANSWER, False)]):
        aid = store.add_answer(sid, "peer_conflict", QUESTION, asked_at=20.0, answer_start=30.0 + 20 * n,
                               phase_id="conflict")
        store.finish_answer(aid, answer_end=45.0 + 20 * n)
        store.attach_transcript(aid, spoken(text))
        store.attach_analysis(aid, analyze_answer(spoken(text), question_text=QUESTION, round_kind="behavioral",
                                                  repeat_request=repeat, interrupted=repeat).to_dict())
    store.finish_session(sid, ended_at=1_700_000_100)
    session = store.get_session(sid)
    review = round_numbers(session)
    [row] = [p for p in store.progress() if p.session_id == sid]
    # The request's words and filler are not in the answer's numbers.
    assert review.words == row.words and review.fillers == row.filler_count == 2
    assert (row.filler_rate, row.pace_wpm, row.long_pauses) == (review.filler_rate, review.pace_wpm,
                                                                 review.long_pauses)
    headline = _headline(row)
    assert f"{review.filler_rate:.1f} fillers/100 words" in headline
    assert f"{review.pace_wpm:.0f} wpm with pauses" in headline
    facts = build_report(session).facts
    assert f"({review.filler_rate:.1f} per 100 words)" in facts["Fillers"]
    assert f"{review.pace_wpm:.0f} with pauses" in facts["Pace"]
    export_session(store, sid, "json", tmp_path / "round.json")
    exported = json.loads((tmp_path / "round.json").read_text())["session"]["numbers"]
    assert (exported["words"], exported["filler_rate"], exported["pace_wpm"]) == (
        row.words, row.filler_rate, row.pace_wpm)

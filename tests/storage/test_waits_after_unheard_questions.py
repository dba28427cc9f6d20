"""Trial 23 item 1 (B2): a clarifying question the recogniser mangled ("Should not be case, and
lowercase versions on the same query be counted together...") and nobody answered was followed
by 18.9 s of waiting, which the review called "Went silent ... think aloud instead" and every
view counted as a long pause: Whisper stamped "together..." to end 0.05 s after the voice did,
so the word before the silence was taken to be "counted", mid-sentence. And in "Your questions",
"Yes, well done a typical week look like for the team." (a question by its rise in pitch) left
unanswered brought "Slow start: Took 12.4 s". Waits for the interviewer are judged once, in the
core (report.waits_for_interviewer), so the review, Home, Progress and exports agree."""
from dataclasses import replace

from interviewer.app.review_model import round_numbers
from interviewer.core.analysis.report import analyze_answer
from interviewer.core.analysis.summary import long_pause_count
from interviewer.core.transcript import Segment, SpeechRegion, Transcript
from interviewer.export.report import build_report
from interviewer.storage.progress import numbers_from_analysis

from tests.core.analysis.speech import spoken

MANGLED = ("Should not be case, and lowercase versions on the same query be counted together... [18.0] "
           "Sorry, let me ask it differently. Does capitalization matter when we count the queer is [20.0] "
           "And do capital letters matter, or is it all lower case?")
THINKING = "I would sort the sessions by start time and [12.0] then merge each one into the last."
WHISPER_LATE_S = 0.3  # Whisper's word ends run past the voice's by this much before a silence


def late_stamped(t: Transcript) -> Transcript:
    """`t` with the last word before each silence stamped to end after the voice stopped."""
    words = list(t.words)
    for region in t.speech:
        last = max((i for i, w in enumerate(words) if w.end <= region.end + 1e-6), default=None)
        if last is not None:
            words[last] = replace(words[last], end=round(region.end + WHISPER_LATE_S, 3))
    segment = Segment(" ".join(w.text for w in words), words[0].start, words[-1].end, tuple(words))
    return Transcript([segment], t.duration, t.speech)


def kinds(analysis: dict) -> list[str]:
    return [f["kind"] for f in analysis["findings"] if f["kind"] in ("went_silent", "waited", "long_pause")]


def test_waiting_after_an_unheard_clarifying_question_is_a_wait_not_went_silent():
    a = analyze_answer(late_stamped(spoken(MANGLED)), expects_clarifying=True).to_dict()
    assert kinds(a) == ["waited", "waited"]
    assert long_pause_count(a) == 0 and a["long_pauses"] == []
    assert not any("think aloud" in f["message"] for f in a["findings"])


def test_thinking_mid_sentence_in_a_clarify_part_still_went_silent():
    a = analyze_answer(late_stamped(spoken(THINKING)), expects_clarifying=True).to_dict()
    assert kinds(a) == ["went_silent"] and long_pause_count(a) == 1


def floor_question(rise: float | None) -> Transcript:
    """ "Your questions": 12.4 s to choose, a question heard as a statement, then a wait."""
    t = spoken("[12.4] Yes, well done a typical week look like for the team. [8.0] Okay.")
    first, *rest = t.speech
    return Transcript(t.segments, t.duration, [replace(first, final_rise=rise), *rest])


def test_no_slow_start_when_the_first_words_were_a_question_then_waited_on():
    asked = analyze_answer(floor_question(3.9), questions_for_interviewer=True, to_problem=False).to_dict()
    assert asked["questions_for_interviewer"]  # found by its rise in pitch
    assert "response_latency" not in [f["kind"] for f in asked["findings"]]
    assert asked["response_latency"] > 12  # the measurement stands; it is no slow start
    assert kinds(asked) == ["waited"] and long_pause_count(asked) == 0
    # Said flat it is no question: the 12 s start is a slow start as before.
    flat = analyze_answer(floor_question(0.1), questions_for_interviewer=True, to_problem=False).to_dict()
    assert "response_latency" in [f["kind"] for f in flat["findings"]]


def test_every_view_counts_the_same_one_long_pause(store):
    sid = store.create_session("topk", "Top k", "coding", 45, started_at=1_700_000_000)
    parts = [("topk", "clarify", MANGLED, True), ("", "approach", THINKING, False)]
    for n, (qid, phase, text, clarifying) in enumerate(parts):
        t = late_stamped(spoken(text))
        aid = store.add_answer(sid, qid, "Top k queries." if qid else "Your approach?",
                               asked_at=90.0 * n, answer_start=90.0 * n + 1, phase_id=phase)
        store.finish_answer(aid, answer_end=90.0 * n + 80)
        store.attach_transcript(aid, t)
        store.attach_analysis(aid, analyze_answer(t, expects_clarifying=clarifying).to_dict())
    store.finish_session(sid, ended_at=1_700_000_200)
    session = store.get_session(sid)
    numbers = round_numbers(session)
    assert numbers.long_pauses == 1 and [a.long_pauses for a in numbers.answers] == [0, 1]
    assert [p.long_pauses for p in store.progress() if p.session_id == sid] == [1]
    assert sum(numbers_from_analysis(a.analysis).long_pauses for a in session.answers) == 1
    assert build_report(session).facts["Long pauses"] == "1"

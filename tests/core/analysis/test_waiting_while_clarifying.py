"""Trial 16 item 11: the review's first "To work on" was "Went silent for 18.3 s; think aloud
instead" for silences in the Requirements part: 17.9 s after a question the app misheard as a
statement (no reply came: the candidate waited for one) and 18.3 s after the interviewer's reply,
before "That's all my questions". In a part that expects clarifying questions, a silence right
after a finished sentence or right after the interviewer's reply is waiting: a pause, not
"went silent". Mid-sentence, or in a part that does not expect questions, it still is."""
from interviewer.core.analysis.report import analyze_answer

from .speech import spoken

MISHEARD = "I'll quickly do new videos need to show up in the feed. [17.9] Okay, great. That's all my questions."
MID_SENTENCE = "How fast should a new upload, um, [17.9] be eligible for the feed?"


def _kinds(analysis):
    return [f.kind for f in analysis.findings if f.kind in ("went_silent", "long_pause", "waited")]


def test_a_wait_after_a_question_heard_as_a_statement_is_no_went_silent():
    a = analyze_answer(spoken(MISHEARD), expects_clarifying=True)
    assert _kinds(a) == ["waited"]
    [pause] = [f for f in a.findings if f.kind == "waited"]
    assert pause.message.startswith("Waited 17.9 s after \"feed.\"") and pause.severity == "note"
    assert len(a.pauses) == 1  # still on the timeline as a pause


def test_a_wait_after_the_interviewers_reply_is_no_went_silent():
    t = spoken("How fast should a new upload be eligible? [23.3] Okay, great. That's all my questions.")
    asked_end = t.words[7].end  # "eligible?"
    reply = (asked_end + 1.0, asked_end + 5.0)  # the interviewer answered for 4 s; 18.3 s of quiet after
    a = analyze_answer(t, interviewer_speech=[reply], expects_clarifying=True)
    assert _kinds(a) == ["waited"]
    assert not [f for f in a.findings if f.severity == "problem" and "silent" in f.message.lower()]


def test_a_silence_mid_sentence_or_outside_a_clarify_part_still_went_silent():
    assert _kinds(analyze_answer(spoken(MID_SENTENCE), expects_clarifying=True)) == ["went_silent"]
    assert _kinds(analyze_answer(spoken(MISHEARD), expects_clarifying=False)) == ["went_silent"]


def test_a_thinking_pause_the_candidate_goes_on_solving_from_is_a_long_pause():
    """Trial 25: two 2.5 s pauses mid-answer in a clarifying part were "Waited 2.9 s after
    'variance.' while clarifying" and no long pause: no reply came, the candidate went on with
    their own solution. A wait after a question stays a wait."""
    said = ("This is classic overfitting, the model has high variance. [2.9] Um, so, uh, first I would add "
            "regularization and early stopping. [2.8] I would also try to get more data.")
    a = analyze_answer(spoken(said), expects_clarifying=True)
    assert [f.kind for f in a.findings if f.kind in ("long_pause", "waited")] == ["long_pause", "long_pause"]
    asked = "Is the validation set from the same period? [2.9] So first I would add regularization."
    assert _kinds(analyze_answer(spoken(asked), expects_clarifying=True)) == ["waited"]

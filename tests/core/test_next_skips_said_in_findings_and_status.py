"""Trial 25 item 11: N pressed in "Questions" at about 2:14 gave "[00:14] You moved on with Next
from Questions after 2 of 38 min" (stamped when the part began, not at the key press), and the
round, whose threshold follow-up N skipped, was said to be "completed" with "every question of
its script was asked and answered". The engine counts what Next leaves unasked; the findings and
the status say it."""
import pytest

from interviewer.core.analysis.phases import skipped_text
from interviewer.core.analysis.report import analyze_round
from interviewer.core.clock import FakeClock
from interviewer.core.engine import PhaseEnd, RoundEngine
from interviewer.core.scripts.loader import parse_script

# The trial's own script (my_breadth), trimmed to what decides the flow.
SCRIPT = parse_script('''
id = "my_breadth"
title = "My ML breadth"
kind = "ml_breadth"
minutes = 45

[[phases]]
id = "intro"
name = "Introduction"
minutes = 2
prompt = "Hi, thanks for joining."

[[phases]]
id = "questions"
name = "Questions"
minutes = 38
prompt = "Let's start with the questions."

[[phases]]
id = "wrap_up"
name = "Your questions"
minutes = 5
prompt = "What would you like to ask me?"

[[questions]]
id = "overfitting"
phase = "questions"
text = "Your model does great on training data but poorly on validation data. What would you do?"

[[questions.follow_ups]]
id = "strength"
text = "How would you pick the regularization strength?"
if_missing = ["cross validation"]

[[questions]]
id = "imbalance"
phase = "questions"
text = "One percent of transactions are fraud. How do you handle the imbalance?"

[[questions.follow_ups]]
id = "threshold"
text = "How would you choose the decision threshold?"
if_missing = ["threshold"]
''')


def _trial_round():
    """The trial's round: the intro, both questions, N while answering the second one (its
    threshold follow-up still to come) at 2:14, then the candidate's questions, after which the
    interviewer closes the round (as RoundController does when the conversation is over)."""
    clock = FakeClock(1000.0)
    engine = RoundEngine(SCRIPT, clock)
    engine.start()
    clock.advance(14.0)
    engine.answer_finished("Thanks for having me, I'm ready to start.")
    clock.advance(60.0)
    engine.answer_finished("It overfits: high variance. I would regularize, tuned with cross validation.")
    clock.advance(60.0)  # answering the imbalance question ("I will use class weights") ...
    engine.next_phase()  # ... when N is pressed, at 2:14
    clock.advance(40.0)
    engine.answer_finished("No, that's all from me. Thank you.")
    engine.stop(PhaseEnd.AGENDA)
    spans = engine.timeline.phases
    return analyze_round([], [(s.phase, SCRIPT.phase(s.phase).minutes, s.ended_at - s.started_at) for s in spans],
                         phase_names={p.id: p.name for p in SCRIPT.phases},
                         plan=[(p.id, p.minutes) for p in SCRIPT.phases],
                         allotted={s.phase: s.allotted for s in spans},
                         ended_by={s.phase: str(s.ended_by) for s in spans},
                         skipped={s.phase: (s.skipped_questions, s.skipped_follow_ups) for s in spans}), spans


def test_next_counts_the_follow_up_it_left_unasked():
    _, spans = _trial_round()
    questions = spans[1]
    assert (questions.phase, questions.ended_by, questions.ended_at) == ("questions", "next", pytest.approx(134.0))
    assert (questions.skipped_questions, questions.skipped_follow_ups) == (0, 1)
    assert (spans[0].skipped_questions, spans[0].skipped_follow_ups) == (0, 0)  # left by the interviewer


def test_the_moved_on_note_is_stamped_when_next_was_pressed():
    analysis, _ = _trial_round()
    [moved_on] = [f for f in analysis.findings if f.kind == "moved_on_early"]
    assert moved_on.start == pytest.approx(134.0)  # 2:14, not the part's start at 0:14
    assert moved_on.message == "You moved on with Next from Questions after 2 min of 38 min (1 follow-up skipped)."


def test_a_round_with_a_skipped_follow_up_is_not_all_asked_and_answered():
    analysis, _ = _trial_round()
    [done] = [f for f in analysis.findings if f.kind == "round_questions_done"]
    assert "asked and answered" not in done.message
    assert done.message == ("The interviewer closed the round at 2 min 54 s of 45 min planned, after its last part; "
                            "Questions left with Next (1 follow-up skipped).")
    assert done.skipped == "1 follow-up" and done.to_dict()["skipped"] == "1 follow-up"


def test_skipped_text_counts_questions_and_follow_ups():
    assert skipped_text(0, 0) == ""
    assert skipped_text(0, 1) == "1 follow-up"
    assert skipped_text(2, 3) == "2 questions and 3 follow-ups"

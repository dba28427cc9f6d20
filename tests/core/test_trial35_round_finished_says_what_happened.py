"""Trial 35 D2: an ML depth round closed itself at 7.1 of 45 min, with two questions cut off by the
candidate and never said again and two parts left with Next, and the review, exports and Home said
"every question of its script was asked and answered". The round's one sentence
(report.questions_done_message, stored as its "round_questions_done" finding) says what happened,
from the stored facts: the parts left with Next and the questions cut off and not said again."""
from types import SimpleNamespace

from interviewer.core.analysis.report import analyze_round, questions_done_message
from interviewer.core.round_records import CUT_OFF_MARK, cut_off_not_repeated

NAMES = {"intro": "Introduction", "context": "The model and its setting", "incident": "The incident",
         "fix": "The fix", "prevention": "Prevention", "wrap_up": "Your questions"}
PLAN = [("intro", 2), ("context", 8), ("incident", 12), ("fix", 11), ("prevention", 8), ("wrap_up", 4)]
# The trial's timeline (seconds) and how each part ended.
LENGTHS = {"intro": 29.7, "context": 131.7, "incident": 78.2, "fix": 103.2, "prevention": 70.2, "wrap_up": 15.7}
ENDED_BY = {"intro": "agenda", "context": "agenda", "incident": "agenda", "fix": "next", "prevention": "next",
            "wrap_up": "agenda"}


def _record(question_id, text, follow_up_id=None, continuation=False):
    return SimpleNamespace(question_id=question_id, follow_up_id=follow_up_id, question_text=text,
                           continuation=continuation)


def _analysis(cut_off=0):
    timeline = [(phase, minutes, LENGTHS[phase]) for phase, minutes in PLAN]
    return analyze_round([], timeline, phase_names=NAMES, plan=PLAN, ended_by=ENDED_BY, cut_off=cut_off)


def test_the_trial_round_is_not_called_all_asked_and_answered():
    [done] = [f for f in _analysis(cut_off=2).findings if f.kind == "round_questions_done"]
    assert "every question" not in done.message and "answered" not in done.message
    assert done.message == ("The interviewer closed the round at 7 min 9 s of 45 min planned, after its last part; "
                            "The fix and Prevention left with Next; 2 questions cut off and not said again.")


def test_a_clean_round_says_every_question_was_asked_not_answered():
    clean = {phase: "agenda" for phase in ENDED_BY}
    timeline = [(phase, minutes, LENGTHS[phase]) for phase, minutes in PLAN]
    [done] = [f for f in analyze_round([], timeline, phase_names=NAMES, plan=PLAN, ended_by=clean).findings
              if f.kind == "round_questions_done"]
    assert done.message == "The interviewer closed the round at 7 min 9 s of 45 min planned: every question of its script was asked."


def test_one_wording_for_every_fact():
    # The parts left with Next carry what Next skipped in them (trial 41: one sentence, every part named).
    assert questions_done_message("X", "1 follow-up", ["A"], 1) == (
        "X, after its last part; A left with Next (1 follow-up skipped); 1 question cut off and not said again.")
    assert questions_done_message("X", "1 follow-up") == "X, after its last part; 1 follow-up skipped with Next."


def test_a_cut_off_question_said_again_in_full_is_not_counted():
    records = [_record("context", "Tell me about a model..." + CUT_OFF_MARK),
               _record("context", "Tell me about a model you were responsible for."),
               _record("fix", "Imagine the same model..." + CUT_OFF_MARK, "new_market"),
               _record("fix", "Imagine the same model..." + CUT_OFF_MARK, "new_market", continuation=True),
               _record(None, "Hi, thanks for coming.")]
    assert cut_off_not_repeated(records) == 1

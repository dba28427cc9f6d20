"""Trial 37 item 5: "Round finished: ... after its last part and one extra question after them;
Code left with Next; 1 question cut off and not said again." Both parts were untrue: the extra
part runs before the round's last part (the wrap-up), and the cut-off question (the extra's
problem) was said again in full at once, the turn under it going on with the answer begun over
the cut line (a continuation record)."""
from types import SimpleNamespace

from interviewer.core.analysis.report import analyze_round
from interviewer.core.round_records import CUT_OFF_MARK, cut_off_not_repeated

NAMES = {"intro": "Introduction", "story": "A story", "extra1-problem": "Extra question: Sessions problem",
         "wrap": "Your questions"}
PLAN = [("intro", 3), ("story", 30), ("wrap", 5)]


def _record(question_id, text, continuation=False):
    return SimpleNamespace(question_id=question_id, follow_up_id=None, question_text=text,
                           continuation=continuation)


def test_a_cut_off_question_said_again_under_the_answer_going_on_is_not_counted():
    problem = "Return an order in which to run all tasks."
    records = [_record("extra1-q", "Return an order..." + CUT_OFF_MARK),
               _record("extra1-q", problem, continuation=True)]
    assert cut_off_not_repeated(records) == 0
    # cut off, and only the cut line carried on under a pause: still not said again
    assert cut_off_not_repeated([_record("q", "Return..." + CUT_OFF_MARK),
                                 _record("q", "Return..." + CUT_OFF_MARK, continuation=True)]) == 1


def test_the_extra_is_said_before_the_last_part():
    timeline = [("intro", 3, 30.0), ("story", 30, 90.0), ("extra1-problem", 12, 150.0), ("wrap", 5, 60.0)]
    ended_by = {"intro": "agenda", "story": "next", "extra1-problem": "agenda", "wrap": "agenda"}
    [done] = [f for f in analyze_round([], timeline, phase_names=NAMES, plan=PLAN, ended_by=ended_by).findings
              if f.kind == "round_questions_done"]
    assert "after them" not in done.message
    assert done.message.endswith("after its last part, with one extra question before it; A story left with Next.")
    ended_by["story"] = "agenda"
    [done] = [f for f in analyze_round([], timeline, phase_names=NAMES, plan=PLAN, ended_by=ended_by).findings
              if f.kind == "round_questions_done"]
    assert done.message.endswith(": every question of its script was asked, and one extra question before its last part.")

"""Trial 25 item 10: a user's breadth script whose one "Questions" part expects clarifying
questions (no solving part after it) never counted its talking points' areas: an answer given
there was taken for clarifying only, so "Topic areas 1 of 2" came from the depth signals alone and
"class imbalance", all of whose points were missed, was not named. A clarifying part with a
solving part after it still only clarifies (trial 14)."""
from interviewer.core.analysis.coverage import keyword_only, round_coverage
from interviewer.core.analysis.report import analyze_answer
from interviewer.core.analysis.summary import Part
from interviewer.core.scripts.loader import parse_script

from .speech import spoken

SCRIPT = '''
id = "my_breadth"
title = "My ML breadth"
kind = "ml_breadth"
minutes = 45

[[phases]]
id = "questions"
name = "Questions"
minutes = {q}
expects_clarifying = true
prompt = "Let's start with the questions."
{solve}
[[phases]]
id = "wrap_up"
name = "Your questions"
minutes = 5
prompt = "What would you like to ask me?"

[[questions]]
id = "imbalance"
phase = "questions"
text = "How do you handle a one percent positive class?"
expected_points = [
    {{ text = "Resampling or class weights", keywords = ["class weights", "smote"], area = "class imbalance" }},
    {{ text = "Tune the decision threshold", keywords = ["threshold"], area = "class imbalance" }},
]
'''
SOLVE = '''
[[phases]]
id = "solve"
name = "Solve"
minutes = 20
prompt = "Now the approach."
'''


def _coverage(script_text):
    script = parse_script(script_text)
    said = "I would use class weights and then check precision."
    part = Part(1, "imbalance", None, "How do you handle it?", 1.0, 2.0, 10.0,
                analysis=analyze_answer(spoken(said), expects_clarifying=True).to_dict(), phase_id="questions")
    [q] = round_coverage([part], script, keyword_only())
    return q


def test_answers_in_a_clarifying_part_with_no_solving_part_after_it_count():
    q = _coverage(SCRIPT.format(q=40, solve=""))
    assert q.reached and [p.status for p in q.points] == ["covered", "missed"]


def test_a_clarifying_part_a_solving_part_follows_still_only_clarifies():
    assert not _coverage(SCRIPT.format(q=20, solve=SOLVE)).reached

"""Trial 34 D8: "Um, before I start, what is the expected scale? How many orders per second?",
said in one breath, and its repeat later counted as four clarifying questions: the review and
Progress said "Asked 5 clarifying questions" for three. "How many ...?" said right after a question
about a size puts a number on it: the same question said more precisely (analysis.questions
`_puts_a_number_on`); a question on a subject of its own still counts apart."""
from interviewer.core.analysis.report import analyze_answer
from interviewer.core.scripts.loader import load_script
from interviewer.resources import bundled_scripts_dir

from .speech import spoken


def _topics():
    script = load_script(bundled_scripts_dir() / "ml_system_design_eta_prediction.toml", bundled=True)
    q = next(q for q in script.questions if q.id == "design_eta")
    return [(t.name, t.keywords) for t in q.clarifying_topics]


def test_a_question_and_its_narrower_wording_in_one_breath_count_once():
    t = spoken("Um, before I start, what is the expected scale? How many orders per second? [6.0] "
               "And is arriving late worse for the business than arriving early? [9.0] "
               "Sorry, what was the expected scale again? How many orders per second? [6.0] "
               "Okay. That's all my questions.")
    a = analyze_answer(t, expected_topics=_topics(), expects_clarifying=True)
    texts = [q.text for q in a.clarifying.questions]
    assert len(texts) == 3, texts
    assert texts[0].endswith("How many orders per second?"), texts
    assert "Asked 3 clarifying questions." in [f.message for f in a.findings], [f.message for f in a.findings]


def test_two_questions_on_two_topics_in_one_breath_still_count_twice():
    t = spoken("What is the expected scale? And what is the latency budget? [6.0] Okay, thanks.")
    a = analyze_answer(t, expected_topics=_topics(), expects_clarifying=True)
    assert len(a.clarifying.questions) == 2, [q.text for q in a.clarifying.questions]


def test_a_question_then_a_number_on_something_else_counts_twice():
    t = spoken("Are we optimizing for precision? And how many posts are there?", with_vad=False)
    a = analyze_answer(t, expected_topics=_topics(), expects_clarifying=True)
    assert len(a.clarifying.questions) == 2, [q.text for q in a.clarifying.questions]

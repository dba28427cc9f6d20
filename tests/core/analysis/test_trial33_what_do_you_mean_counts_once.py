"""Trial 33 #9: "Sorry, what do you mean by that? Are you asking about a specific kind of model like
a transformer or a CNN?" is one clarifying question said in two sentences; the breath review said
"Asked 2 clarifying questions". So is "What's the budget? I mean, per request?". The count is the
analysis' (analysis.questions `_says_what_it_meant`), which the review, findings and exports read;
two questions on two different subjects still count twice."""
from interviewer.core.analysis.report import analyze_answer

from .speech import spoken


def _asked(text: str) -> list[str]:
    a = analyze_answer(spoken(text), expects_clarifying=True)
    return [q.text for q in a.clarifying.questions], [f.message for f in a.findings]


def test_what_do_you_mean_then_are_you_asking_about_counts_once():
    texts, findings = _asked("Sorry, what do you mean by that? Are you asking about a specific kind of model "
                             "like a transformer or a CNN? [6.0] Okay, then I'd pick a transformer.")
    assert len(texts) == 1, texts
    assert texts[0].endswith("like a transformer or a CNN?"), texts
    assert "Asked 1 clarifying question." in findings, findings


def test_a_question_said_again_after_i_mean_counts_once():
    texts, _ = _asked("What's the budget? I mean, per request? [6.0] Okay, thanks.")
    assert len(texts) == 1, texts


def test_what_do_you_mean_then_a_question_on_another_subject_counts_twice():
    texts, _ = _asked("What do you mean by latency? And how many users are there? [6.0] Okay, thanks.")
    assert len(texts) == 2, texts

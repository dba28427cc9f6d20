"""Trial 33 defect 7: to the follow-up "When would you use batch normalization rather than layer
normalization?" the candidate asked what it meant, got the reply, then said "Um... Honestly, I
don't know the difference well enough to say when I'd pick one over the other." The review, the
export and the debrief kept no trace of it (no gave-up finding: questions were asked first). The
core notes it, neutrally and with its audio: "Said you didn't know: <question>"; an answer that
goes on past "I don't know the exact number" is an answer."""
from interviewer.core.analysis.report import DID_NOT_KNOW_KIND, GAVE_UP_KIND, analyze_answer, finding_label
from tests.core.analysis.speech import spoken

QUESTION = "When would you use batch normalization rather than layer normalization?"
TRIAL_33 = ("Sorry, what do you mean by that? Are you asking about a specific kind of model like a transformer "
            "or a CNN? [6.7] Um... Honestly, I don't know the difference well enough to say when I dig one over "
            "the other...")


def _findings(text: str):
    return analyze_answer(spoken(text), question_text=QUESTION, round_kind="ml_breadth").findings


def test_i_dont_know_after_asking_what_it_meant_is_noted_with_its_audio():
    [f] = [f for f in _findings(TRIAL_33) if f.kind == DID_NOT_KNOW_KIND]
    assert f.message == f"Said you didn't know: {QUESTION}"
    assert f.severity == "note" and finding_label(f.kind) == "Didn't know"
    words = spoken(TRIAL_33).words
    um = next(w for w in words if w.text == "Um...")
    assert (f.start, f.end) == (um.start, words[-1].end)  # plays the give-up, not the questions


def test_an_answer_that_goes_on_past_not_knowing_is_an_answer():
    for text in ("I don't know the exact number, but I'd estimate about a million a day from the logs.",
                 "I'm not sure. Batch norm needs large batches because it uses batch statistics, layer norm does not.",
                 "What do you mean by that?"):
        assert DID_NOT_KNOW_KIND not in [f.kind for f in _findings(text)], text


def test_a_bare_give_up_keeps_its_own_finding_only():
    kinds = [f.kind for f in _findings("I don't know.")]
    assert GAVE_UP_KIND in kinds and DID_NOT_KNOW_KIND not in kinds


def test_the_debrief_recalls_each_question_the_candidate_did_not_know():
    from interviewer.app.review_model import flagged_moments
    from interviewer.storage.models import Answer, Finding, Session

    answers = [Answer(1, 1, "q1", None, "Tell me about your work.", 0.0, 1.0, 8.0, None),
               Answer(2, 1, "q2", "norms", QUESTION, 60.0, 62.0, 80.0, None)]
    [f] = [f for f in _findings(TRIAL_33) if f.kind == DID_NOT_KNOW_KIND]
    session = Session(1, "f", "s", "Round", "ml_breadth", 45, 0.0, 100.0, "completed", answers=answers,
                      findings=[Finding(1, 2, f.kind, f.start, f.end, f.message, {"severity": f.severity})])
    [moment] = [m for m in flagged_moments(session) if m.kind == "did_not_know"]
    assert moment.answer_id == 2 and moment.start == f.start  # plays from where it was said
    assert moment.message.startswith("Said you didn't know: \"When would you use batch normalization")


def test_the_talking_point_count_says_a_follow_up_went_unanswered():
    from interviewer.core.analysis.coverage import COVERED, PointCoverage, QuestionCoverage
    from interviewer.core.analysis.ten_seconds import points_covered
    from interviewer.storage.models import Answer, Finding, Session

    answers = [Answer(1, 1, "q1", None, "How would you pick a model?", 0.0, 1.0, 30.0, None),
               Answer(2, 1, "q1", "norms", QUESTION, 60.0, 62.0, 80.0, None)]
    coverage = [QuestionCoverage("q1", "How would you pick a model?", "training",
                                 tuple(PointCoverage(i, f"point {i}", None, COVERED, 0.9) for i in range(4)), ())]
    plain = Session(1, "f", "s", "Round", "ml_breadth", 45, 0.0, 100.0, "completed", answers=answers)
    assert points_covered(plain, coverage).message == "Talking points covered: 4 of 4 points."
    [f] = [f for f in _findings(TRIAL_33) if f.kind == DID_NOT_KNOW_KIND]
    told = Session(1, "f", "s", "Round", "ml_breadth", 45, 0.0, 100.0, "completed", answers=answers,
                   findings=[Finding(1, 2, f.kind, f.start, f.end, f.message, {"severity": f.severity})])
    assert points_covered(told, coverage).message == (
        "Talking points covered: 4 of 4 points; 1 follow-up not answered (you said you didn't know).")

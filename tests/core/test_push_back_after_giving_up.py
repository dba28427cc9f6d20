"""Trial 24: in an ML depth round (opening: "I'll push on details; that's the point of the
round"), "I'm not sure. I think we just used the defaults." to the follow-up "Why not just
optimize clicks?" got "Thanks. Let's talk about what it learns from." An answer that gives up
gets one push-back before the round moves on, never twice for the same question."""
from interviewer.core.clock import FakeClock
from interviewer.core.engine import ASK_FOR_MORE_BELOW_WORDS, PUSH_BACK, AskQuestion, RoundEngine
from interviewer.core.scripts.model import ExpectedPoint, FollowUp, Phase, Question, RoundScript

OVERVIEW = ("I built a two-tower ranking model for product search; it optimized NDCG at ten offline and "
            "conversion online, because clicks alone reward clickbait titles.")
GAVE_UP = "I'm not sure. I think we just used the defaults."


def _round(kind="ml_depth", clarifying=False):
    phases = (Phase("overview", "Overview", 10, "Let's start with what it does.", expects_clarifying=clarifying),
              Phase("labels", "Labels", 10, "Let's talk about what it learns from."),
              Phase("wrap", "Your questions", 5, "Any questions for me?"))
    first = Question("overview", "Tell me about a ranking model you built.", "overview",
                     follow_ups=(FollowUp("clicks", "Why not just optimize clicks?"),),
                     expected_points=(ExpectedPoint("Names the objective"),))
    second = Question("labels", "What labels did the model learn from?", "labels",
                      expected_points=(ExpectedPoint("Names the labels"),))
    return RoundScript("m", "ML depth", kind, 25, phases, (first, second))


def _asks_after(script, *answers):
    clock = FakeClock()
    engine = RoundEngine(script, clock, ask_for_more_below_words=ASK_FOR_MORE_BELOW_WORDS)
    engine.start()
    asked = []
    for answer in answers:
        clock.advance(30)
        asked += [e for e in engine.answer_finished(answer) if isinstance(e, AskQuestion)]
    return asked


def test_giving_up_on_a_follow_up_gets_one_push_back():
    asked = _asks_after(_round(), OVERVIEW, GAVE_UP)
    assert [a.follow_up_id for a in asked] == ["clicks", PUSH_BACK.id]
    assert asked[-1].text == "What would you check first to find out?"
    assert asked[-1].question_id == "overview"


def test_never_twice_for_the_same_question():
    asked = _asks_after(_round(), OVERVIEW, GAVE_UP, "I don't know.")
    ids = [(a.question_id, a.follow_up_id) for a in asked]
    assert ids.count(("overview", PUSH_BACK.id)) == 1
    assert ids[-1] != ("overview", PUSH_BACK.id)


def test_a_real_answer_gets_no_push_back():
    asked = _asks_after(_round(), OVERVIEW, "Clicks reward clickbait, so we optimized add-to-cart and "
                                            "purchases with clicks as a weaker label.")
    assert PUSH_BACK.id not in [a.follow_up_id for a in asked]


def test_not_in_rounds_that_do_not_push_on_details():
    asked = _asks_after(_round(kind="behavioral"), OVERVIEW, GAVE_UP)
    assert PUSH_BACK.id not in [a.follow_up_id for a in asked]


def test_not_while_clarifying_in_a_design_round_but_after_it():
    # The clarify part is for the candidate's questions; the next part pushes.
    asked = _asks_after(_round(kind="ml_system_design", clarifying=True), GAVE_UP)
    assert PUSH_BACK.id not in [a.follow_up_id for a in asked]
    asked = _asks_after(_round(kind="ml_system_design", clarifying=True), OVERVIEW, GAVE_UP)
    assert [(a.question_id, a.follow_up_id) for a in asked][-1] == ("labels", PUSH_BACK.id)


def test_a_main_question_given_up_in_ml_depth_gets_the_request_for_more_only():
    # Its few words already get "Could you say a bit more?": a push-back after it would push twice.
    asked = _asks_after(_round(), GAVE_UP, "I don't know.")
    ids = [a.follow_up_id for a in asked]
    assert ids[0] == "ask-for-more" and PUSH_BACK.id not in ids

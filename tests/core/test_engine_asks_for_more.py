"""A question answered in a few words gets one request for more before any follow-up.

Before: trial3's behavioral round heard ten garbled words, said "Okay, thanks." and asked the
follow-up "How would the other person describe that conflict?" about a story never told."""
from interviewer.core.clock import FakeClock
from interviewer.core.engine import ASK_FOR_MORE_BELOW_WORDS, AskQuestion, RoundEngine
from interviewer.core.scripts.model import ExpectedPoint, FollowUp, Phase, Question, RoundScript

STORY = ("Last year two teams wanted the same GPU budget, so I set up a meeting, we compared the "
         "expected gains, agreed on a split, and both projects shipped on time.")


def _round(kind="behavioral", points=True, clarifying=False):
    phases = (Phase("stories", "Stories", 40, "Let's talk about your experience.", expects_clarifying=clarifying),
              Phase("wrap", "Your questions", 5, "Any questions for me?"))
    question = Question("conflict", "Tell me about a time you disagreed with a colleague.", "stories",
                        follow_ups=(FollowUp("other-view", "How would the other person describe that conflict?"),),
                        expected_points=(ExpectedPoint("Names a specific situation"),) if points else ())
    return RoundScript("b", "Behavioral", kind, 45, phases, (question,))


def _asks_after(script, *answers):
    clock = FakeClock()
    engine = RoundEngine(script, clock, ask_for_more_below_words=ASK_FOR_MORE_BELOW_WORDS)
    engine.start()
    asked = []
    for answer in answers:
        clock.advance(30)
        asked += [e for e in engine.answer_finished(answer) if isinstance(e, AskQuestion)]
    return asked


def test_a_few_words_get_one_request_for_more_then_the_follow_up():
    first, second = _asks_after(_round(), "Um, yes, I, uh, had that once.", STORY)
    assert first.follow_up_id == "ask-for-more" and "specific time" in first.text
    assert second.follow_up_id == "other-view"


def test_asked_once_per_question_and_never_after_a_full_answer():
    asked = _asks_after(_round(), "Yes.", "Not really.")
    assert [a.follow_up_id for a in asked] == ["ask-for-more"]
    assert [a.follow_up_id for a in _asks_after(_round(), STORY)] == ["other-view"]


def _two_questions():
    script = _round()
    second = Question("failure", "Tell me about a project that failed.", "stories",
                      expected_points=(ExpectedPoint("Names what went wrong"),))
    return RoundScript(script.id, script.title, script.kind, script.minutes, script.phases,
                       (*script.questions, second))


def test_still_a_few_words_after_the_request_for_more_moves_to_the_next_question():
    """Trial4: 'Yes.' - 'Could you say a bit more?' - 'Not sure.' was followed by a follow-up that
    drills into the answer never given; an interviewer moves on instead."""
    asked = _asks_after(_two_questions(), "Yes.", "Not sure, I don't remember.")
    assert [(a.question_id, a.follow_up_id) for a in asked] == [("conflict", "ask-for-more"), ("failure", None)]
    # A real answer to the request for more still gets its follow-up.
    asked = _asks_after(_two_questions(), "Yes.", STORY)
    assert [(a.question_id, a.follow_up_id) for a in asked] == [("conflict", "ask-for-more"), ("conflict", "other-view")]


def test_not_in_coding_while_clarifying_or_for_questions_without_talking_points():
    for script in (_round(kind="coding"), _round(points=False)):
        assert [a.follow_up_id for a in _asks_after(script, "Yes.")][:1] != ["ask-for-more"], script.kind
    for clarifying in ("Was this a peer or my manager?", "I'll assume a peer, right."):
        asked = _asks_after(_round(clarifying=True), clarifying)
        assert [a.follow_up_id for a in asked][:1] != ["ask-for-more"], clarifying


def test_a_short_answer_that_asks_nothing_gets_a_request_for_more_in_a_clarifying_part_too():
    """Trial15: "I would run an A B test first." (8 words) to "How do you decide whether to
    ship it?" in an ML breadth part that asks for clarifying questions: a short answer, not a
    clarifying question, so it gets the one request for more the docs promise."""
    for kind in ("ml_breadth", "behavioral"):
        asked = _asks_after(_round(kind=kind, clarifying=True), "I would run an A B test first.")
        assert [a.follow_up_id for a in asked][:1] == ["ask-for-more"], kind


def test_off_unless_asked_for():
    engine = RoundEngine(_round(), FakeClock())
    engine.start()
    asked = [e for e in engine.answer_finished("Yes.") if isinstance(e, AskQuestion)]
    assert [a.follow_up_id for a in asked] == ["other-view"]


def test_the_interviewer_asks_for_more_without_thanking_first(tmp_path):
    """Through the round controller: "Thank you. Could you tell me more?" would thank for too
    little; the request comes alone, and a full answer after it gets its "Okay, thanks."."""
    from test_round_controller import past_the_beat
    from test_round_turns import make, step

    clock, engine, speaker, recorder, controller, _ = make(
        tmp_path, script=_round(), speech_seconds=1, ask_for_more_below_words=ASK_FOR_MORE_BELOW_WORDS)
    controller.start()
    while controller.current_answer is None or controller.current_answer.question_id != "conflict":
        step(clock, speaker, controller, 0.5)
    for answer in ("Yes, I had one.", STORY):
        step(clock, speaker, controller, 2)
        controller.on_silence(0)
        recorder.speak(answer)
        controller.end_answer()
        controller.poll()
        step(clock, speaker, controller, 3)
        past_the_beat(clock, speaker, controller)
    said = speaker.said
    more = next(i for i, s in enumerate(said) if s.startswith("Could you tell me more?"))
    assert said[more - 1] == "Tell me about a time you disagreed with a colleague."
    assert said[-1] == "How would the other person describe that conflict?"
    assert said[-2] in ("Okay, thanks.", "Got it.", "Thank you.", "Okay.")

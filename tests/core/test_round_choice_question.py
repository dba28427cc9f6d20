"""A new-user trial: the candidate asked "Is it batch or real time." (Whisper dropped the "?")
and waited; the interviewer took it for no question and, once the silence ended the answer,
asked its next follow-up over it."""
from engine_scripts import design_round
from test_round_turns import FakeAnswerer, at_feed_question, ask


def test_a_choice_asked_without_a_question_mark_gets_the_reply_not_the_follow_up(tmp_path):
    answerer = FakeAnswerer()
    clock, engine, speaker, recorder, controller, updates = at_feed_question(tmp_path, answerer=answerer)
    ask(controller, recorder, "Is scoring batch or real time.")
    assert answerer.asked == ["Is scoring batch or real time."]
    assert speaker.said[-1] == "Good question. Make a reasonable assumption and state it."
    # The silence after the reply is the candidate's to think in: no follow-up comes over it.
    controller.on_silence(9.0)
    controller.poll()
    assert controller.current_answer is not None and controller.current_answer.question_id == "feed"
    follow_ups = [f.text for f in design_round().question("feed").follow_ups]
    assert not set(speaker.said) & set(follow_ups)


def test_a_question_that_trails_away_is_answered_after_a_longer_silence(tmp_path):
    """New-user trial 7: "...should I use for this..." got no reply, and the silence then ended the
    answer. A thinking pause after it (90 % of pauses inside answers are under 2.8 s) is left
    alone; 4 s of silence and the interviewer answers, before the 8 s that end the answer."""
    from interviewer.core.trailing_questions import TRAILED_QUESTION_WAIT_S

    answerer = FakeAnswerer()
    clock, engine, speaker, recorder, controller, updates = at_feed_question(tmp_path, answerer=answerer)
    said = len(speaker.said)
    ask(controller, recorder, "Which data structure should I use for this...", pause=2.8)
    assert answerer.asked == [] and len(speaker.said) == said
    controller.on_silence(TRAILED_QUESTION_WAIT_S)
    controller.poll()
    assert answerer.asked == ["Which data structure should I use for this"]
    assert speaker.said[-1] == "Good question. Make a reasonable assumption and state it."
    assert controller.current_answer is not None and controller.current_answer.question_id == "feed"


def test_a_trailed_question_the_candidate_answers_themselves_gets_no_reply(tmp_path):
    answerer = FakeAnswerer()
    clock, engine, speaker, recorder, controller, updates = at_feed_question(tmp_path, answerer=answerer)
    ask(controller, recorder, "Which model should I use for this...", pause=1.5)
    ask(controller, recorder, "Probably gradient boosted trees first.", pause=5.0)
    assert answerer.asked == []

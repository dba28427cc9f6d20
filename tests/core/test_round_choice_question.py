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

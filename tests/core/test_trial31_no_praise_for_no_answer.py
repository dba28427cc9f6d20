"""Trial 31 suggestion: "Good. Let's go into the data and the features." came after an answer that
was only "Hmm, good question. Let me think about that for a moment.", and "Thanks, that's
helpful." after every introduction sounded canned. Praise opens the next part only when something
of an answer was said (interview_requests.gives_no_answer), and the thanks for an introduction
varies (round_settings.intro_thanks)."""
from test_no_praise_after_skipping import PRAISE_PROMPT, _answered_then_follow_up_being_said
from test_round_controller import step

from interviewer.core.interview_requests import gives_no_answer
from interviewer.core.round_settings import INTRO_THANKS_VARIANTS, intro_thanks


def test_an_answer_that_only_asks_for_time_to_think_gives_nothing():
    assert gives_no_answer("Hmm, good question. Let me think about that for a moment.")
    assert gives_no_answer("Um. Okay. That's it.")
    assert not gives_no_answer("Good question. I would train with a quantile loss. That's it.")
    assert not gives_no_answer("Split by time.")


def test_next_after_only_asking_for_time_to_think_gets_no_praise(tmp_path):
    clock, speaker, recorder, controller = _answered_then_follow_up_being_said(tmp_path)
    while controller.current_answer is None:
        step(clock, speaker, controller, 0.5)
    controller.on_silence(0)
    recorder.speak("Hmm, good question. Let me think about that for a moment.")
    step(clock, speaker, controller)
    assert controller.next_part()
    step(clock, speaker, controller)
    assert speaker.said[-1] == "Walk me through the high-level design."
    assert PRAISE_PROMPT not in speaker.said


def test_the_thanks_for_an_introduction_varies():
    intros = ["Hi, I'm Alex, a machine learning engineer working on ranking.",
              "Hello, I'm Sam. I build fraud models at a bank.",
              "I'm Priya, I lead a small search team.",
              "Hi, my name is Jo and I work on recommendations.",
              "I'm Lee, a data scientist moving into ML engineering."]
    said = [intro_thanks(i) for i in intros]
    assert set(said) <= set(INTRO_THANKS_VARIANTS) and len(set(said)) >= 3, said
    assert intro_thanks(intros[0]) == said[0]  # the same introduction, the same line

"""Trial 30 (D2 follow-up): "Hi, nice to meet you." said over the opening's "Hi, thanks for
coming." was heard by the speech model as "Um Nice to meet you."; the interviewer answered
"Great." (not a greeting back) and the "Um" counted as a filler of the introduction. A voice over
the greeting sentence is a hello whatever it was heard as, and gets one back ("Nice to meet you
too." to a nice-to-meet-you); that turn is kept in the transcript but is no part of the
introduction's numbers. Fake clock and fakes."""
from interviewer.core.conversation_cues import greets
from interviewer.core.round_settings import ControllerSettings
from interviewer.core.round_updates import TranscriptReady

from test_hello_over_an_opening_that_asks import ASKING, OPENING, WRAP_UP, quiet, talked_over_at_once
from test_round_controller import step

HEARD_GREETING = len("Hi, thanks for coming.")  # the speaker stopped at the end of it (trial 30)
SETTINGS = ControllerSettings()


def _over_the_greeting(tmp_path, heard_as, heard_chars=HEARD_GREETING):
    clock, engine, speaker, recorder, controller, updates = _talked_over(tmp_path, heard_as, heard_chars)
    # A greeting hands back after the usual beat; other words after the silence that ends a turn.
    quiet(clock, speaker, controller, (WRAP_UP if greets(heard_as) else SETTINGS.silence_ends_answer_after) + 0.5)
    for _ in range(4):
        step(clock, speaker, controller, 0.5)
    return speaker, controller, updates


def _talked_over(tmp_path, heard_as, heard_chars):
    import test_hello_over_an_opening_that_asks as base
    from test_round_controller import FakeSpeaker

    class TellingSpeaker(FakeSpeaker):
        """Tells how much of the line had played when it was stopped, as the real speaker does."""

        def stop(self):
            super().stop()
            return heard_chars

    original, base.FakeSpeaker = base.FakeSpeaker, TellingSpeaker
    try:
        return talked_over_at_once(tmp_path, heard_as)
    finally:
        base.FakeSpeaker = original


def test_a_nice_to_meet_you_over_the_greeting_gets_nice_to_meet_you_too(tmp_path):
    speaker, controller, _ = _over_the_greeting(tmp_path, "Um Nice to meet you.")  # as Whisper wrote it
    assert SETTINGS.greeting_returned_reply_text == "Nice to meet you too."
    assert speaker.said[1:3] == ["Nice to meet you too.", "So, as I was saying:"], speaker.said
    assert speaker.said[3].endswith(ASKING)


def test_a_voice_over_the_greeting_is_a_hello_however_it_was_heard(tmp_path):
    speaker, controller, _ = _over_the_greeting(tmp_path, "Eyes to eat you.")  # "Nice to meet you." misheard
    assert speaker.said[1:3] == [SETTINGS.greeting_reply_text, "So, as I was saying:"], speaker.said


def test_a_word_heard_after_the_greeting_sentence_is_no_hello(tmp_path):
    """Cut well into the next sentence: words over "This round is about..." are no hello."""
    speaker, controller, _ = _over_the_greeting(tmp_path, "Eyes to eat you.", heard_chars=OPENING.index("We'll stay"))
    assert speaker.said[1] == "So, as I was saying:", speaker.said


def test_a_hello_returned_already_gets_the_short_reply(tmp_path):
    speaker, controller, _ = _over_the_greeting(tmp_path, "Hi, nice to meet you too.")
    assert speaker.said[1] == SETTINGS.greeted_back_reply_text, speaker.said


def test_the_hello_over_the_opening_is_no_part_of_the_introductions_numbers(tmp_path):
    speaker, controller, updates = _over_the_greeting(tmp_path, "Um Nice to meet you.")
    hello = controller.answers[0]
    assert hello.question_id is None and hello.transcript.text == "Um Nice to meet you."
    # Marked before its transcript is handed on: the round analyses it then (as a repeat request:
    # kept for the transcript, scored as nothing; summary.summarize leaves it out).
    assert any(isinstance(u, TranscriptReady) and u.answer == hello.index for u in updates)
    assert hello.asked_to_repeat

"""Trial 19 item 15: the candidate cut in ~2 s after the part's question was handed to the
speaker, but before its first sound (synthesis took that long): the question was never heard,
yet it counted as heard (cut-off time counted from say()), was never asked again and the review
showed it as asked. With a speaker that reports its first sound, the cut-off time counts from it."""
from test_question_cut_off import FEED, LEAD_IN, said_in_full, talk
from test_round_controller import FakeSpeaker, step
from test_round_turns import make

from interviewer.core.round_records import cut_off_text
from interviewer.core.round_updates import LineCutOff


class SlowStartSpeaker(FakeSpeaker):
    """Each line's first sound comes `synth` seconds (fake clock) after say()."""

    reports_sound = True

    def __init__(self, clock, seconds, synth):
        super().__init__(clock, seconds)
        self.synth, self._sound = synth, None

    def say(self, text, on_done=None, on_sound=None):
        self._sound = (self.clock.now() + self.synth, on_sound)
        super().say(text, on_done)

    def tick(self):
        if self._sound and self.clock.now() >= self._sound[0]:
            _, on_sound = self._sound
            self._sound = None
            on_sound and on_sound()
        super().tick()

    def stop(self):
        self._sound = None
        super().stop()


def at_question_before_its_sound(tmp_path, synth):
    clock, engine, _speaker, recorder, controller, updates = make(tmp_path, speech_seconds=6)
    speaker = SlowStartSpeaker(clock, 6 + synth, synth)
    controller.speaker = speaker
    controller.start()
    clock.set(1300)
    controller.poll()
    speaker.stop()
    controller.poll()
    while not (speaker.said[-1] == FEED and speaker.busy):
        step(clock, speaker, controller, 0.5)
    return clock, speaker, recorder, controller, updates


def test_a_question_cut_before_its_first_sound_is_asked_after_the_turn(tmp_path):
    clock, speaker, recorder, controller, updates = at_question_before_its_sound(tmp_path, synth=2.5)
    step(clock, speaker, controller, 1.5)
    step(clock, speaker, controller, 0.5)  # 2 s after say(): later than CUT_OFF_AT_ONCE_S, no sound yet
    controller.on_voice()
    controller.poll()
    question = [u for u in controller.utterances if u.text == FEED][0]
    assert question.sounded_at is None and question.interrupted
    turn = controller.current_answer
    assert turn.question_id is None and turn.question_text == cut_off_text(FEED), "answers no question"
    assert [u.text for u in updates if isinstance(u, LineCutOff)] == [FEED], "the review marks it cut off"
    talk(controller, recorder, "sorry, one thing first")
    controller.end_answer()
    controller.poll()
    said_in_full(clock, speaker, controller, FEED)
    assert speaker.said[-2:] == [LEAD_IN, FEED], "asked again, in full"
    assert controller.current_answer.question_id == "feed"


def test_a_question_heard_for_long_enough_is_answered_by_talking_over_it(tmp_path):
    clock, speaker, recorder, controller, updates = at_question_before_its_sound(tmp_path, synth=0.5)
    step(clock, speaker, controller, 0.5)
    step(clock, speaker, controller, 1.5)  # sounding for 1.5 s
    controller.on_voice()
    controller.poll()
    question = [u for u in controller.utterances if u.text == FEED][0]
    assert question.sounded_at is not None
    assert controller.current_answer.question_id == "feed"
    # Not out yet: the line is marked cut off (trial 20), the turn still answers it.
    assert [u.text for u in updates if isinstance(u, LineCutOff)] == [FEED]

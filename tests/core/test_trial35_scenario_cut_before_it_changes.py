"""Trial 35 D4: a new constraint or scenario talked over was never said again. A scenario cut at
once was already said again after the candidate's turn ("So, as I was saying: ..."), the turn filed
under the question before it; one cut after its first words but before its first sentence, what
changes, was out ("Latency must now be... [cut off]") kept a real answer over it as its answer,
though the candidate could not have heard what changed. That is now as a cut at once. Fake clock,
speaker (it tells how much of a line it played, as the real one does) and transcriber."""
import pytest
from test_question_cut_off import talk
from test_round_controller import FakeSpeaker, step
from test_round_turns import make

from interviewer.core.round_settings import ControllerSettings
from interviewer.core.round_updates import AnswerFiled

LATENCY = "Latency must now be under 50 ms. What changes?"
LEAD_IN = ControllerSettings().reask_lead_in
REAL = ("I would add a daily schema check on every input, a null rate alert per feature with a threshold of three "
        "times the weekly average, and a chart of the score distribution.")


class PlayedSpeaker(FakeSpeaker):
    """Tells how many characters of the line it stopped were played, at an even pace."""

    def say(self, text, on_done=None):
        self._line, self._began = text, self.clock.now()
        return super().say(text, on_done)

    def stop(self):
        played = None
        if self.busy and self.seconds:
            share = min(1.0, (self.clock.now() - self._began) / self.seconds)
            played = int(len(self._line) * share)
        super().stop()
        return played


def at_the_constraint(tmp_path):
    clock, engine, speaker, recorder, controller, updates = make(tmp_path, speech_seconds=6)
    played = PlayedSpeaker(clock, 6)
    controller.speaker = played
    controller.start()
    for _ in range(400):
        step(clock, played, controller, 0.5)
        if played.busy and played.said[-1] == LATENCY:
            return clock, engine, played, recorder, controller, updates
        if controller.current_answer is not None and engine.current_phase.id != "deep":
            controller.next_part()
    raise AssertionError(played.said[-3:])


@pytest.mark.parametrize("cut_after", [0.4, 2.5])
def test_a_real_answer_over_a_constraint_before_it_changes_anything_is_filed_before_it_and_it_is_said_again(
        tmp_path, cut_after):
    clock, engine, speaker, recorder, controller, updates = at_the_constraint(tmp_path)
    step(clock, speaker, controller, cut_after)
    controller.on_voice()
    controller.poll()
    turn = controller.current_answer
    talk(controller, recorder, REAL)
    controller.end_answer()
    for _ in range(30):
        step(clock, speaker, controller, 0.5)
    assert LEAD_IN in speaker.said and speaker.said[speaker.said.index(LEAD_IN) + 1] == LATENCY
    assert (turn.question_id, turn.follow_up_id) == ("features", None), "filed under the question before it"
    assert [(u.question_id, u.follow_up_id) for u in updates if isinstance(u, AnswerFiled)][-1:] == [("features", None)]


def test_a_real_answer_once_the_change_was_said_answers_the_constraint(tmp_path):
    clock, engine, speaker, recorder, controller, updates = at_the_constraint(tmp_path)
    step(clock, speaker, controller, 4.5)  # "Latency must now be under 50 ms. What..."
    controller.on_voice()
    controller.poll()
    turn = controller.current_answer
    talk(controller, recorder, REAL)
    controller.end_answer()
    for _ in range(30):
        step(clock, speaker, controller, 0.5)
    assert LEAD_IN not in speaker.said
    assert (turn.question_id, turn.follow_up_id) == ("feed", "feed-latency")

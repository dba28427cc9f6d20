"""Trial 16 items 6 and 7: in an ML design round's "Data and features" part (no clarify part) the
answer "For data, we log impressions, ... Labels come from engagement within a day." was taken
for a clarifying question heard as a statement: the interviewer said the labels fact, the review
counted a clarifying question, and the silence after it brought "Remember to think out loud."
instead of ending the answer (trial 15 item 6: a plain ML breadth answer got a fact too). A
statement is taken for a question only in a part for clarifying questions, and not once the
candidate tells their own plan, work or design; with no reply the silence ends the answer."""
import pytest
from test_round_controller import step
from test_round_turns import at_feed_question, make
from test_trailing_question import _words

from interviewer.core.round_settings import ControllerSettings
from interviewer.core.trailing_questions import STATED_QUESTION_WAIT_S, stated_question

DATA_ANSWER = ("For data, we log impressions, clicks, likes, comments, and dwell time. Um, features are ... "
               "Labels come from engagement within a day.")
TREES_ANSWER = ("Gradient boosted trees win on tabular data. Neural networks win on images, text and audio.")
LABELS_FACT = "We log impressions plus watch time, likes, shares and skips; there are no human labels."
SETTINGS = ControllerSettings(silence_ends_answer_after=8, silence_nudge_after=12)  # the app's defaults


class DataAnswerer:
    """Has a fact for anything about labels, data or negative numbers (the script's topics)."""

    def __init__(self):
        self.asked = []

    def reply(self, question):
        self.asked.append(question)
        lowered = question.lower()
        if "negative" in lowered:
            return "negatives", "Yes, negative numbers can appear."
        if any(w in lowered for w in ("label", "data", "log")):
            return "labels", LABELS_FACT
        return None, "Good question. Make a reasonable assumption and state it."


def _say_and_wait(clock, speaker, recorder, controller, said):
    """The candidate says `said` and waits, as after a full answer, until the answer ends (or 14 s)."""
    answer = controller.current_answer
    controller.on_silence(0)
    recorder.speak(said)
    for quiet in range(1, 14):
        clock.advance(1.0)
        speaker.tick()
        controller.on_silence(float(quiet))
        controller.poll()
        if answer.ended_at is not None:
            return


def _at_design_question(tmp_path, answerer):
    clock, engine, speaker, recorder, controller, updates = make(
        tmp_path, speech_seconds=0.5, settings=SETTINGS, answerer=answerer)
    controller.start()
    step(clock, speaker, controller)
    controller.next_part()
    controller.next_part()  # to the high-level design part: no clarifying questions expected
    while controller.current_answer is None or controller.current_answer.question_id != "features":
        step(clock, speaker, controller, 0.5)
    return clock, speaker, recorder, controller


def test_the_candidates_own_data_is_no_question_heard_as_a_statement():
    assert stated_question(_words(DATA_ANSWER)) is None
    assert stated_question(_words("Labels come from engagement within a day.")) is None
    assert stated_question(_words("Features are the user's history and the video's age.")) is None
    assert stated_question(_words("Negative numbers allowed.")) == "Negative numbers allowed."


@pytest.mark.parametrize("said", [DATA_ANSWER, TREES_ANSWER])
def test_a_plain_answer_outside_a_clarify_part_gets_no_fact_and_ends_on_silence(tmp_path, said):
    answerer = DataAnswerer()
    clock, speaker, recorder, controller = _at_design_question(tmp_path, answerer)
    answer = controller.current_answer
    before = list(speaker.said)
    _say_and_wait(clock, speaker, recorder, controller, said)
    assert LABELS_FACT not in speaker.said
    assert answer.clarifications == []  # nothing counted as asked
    assert "Remember to think out loud." not in speaker.said[len(before):]
    assert answer.ended_at is not None and answer.ended_by == "silence"


def test_the_data_answer_in_a_clarify_part_gets_no_fact_either(tmp_path):
    answerer = DataAnswerer()
    clock, engine, speaker, recorder, controller, updates = at_feed_question(
        tmp_path, answerer=answerer, settings=SETTINGS)
    answer = controller.current_answer
    _say_and_wait(clock, speaker, recorder, controller, DATA_ANSWER)
    assert LABELS_FACT not in speaker.said and answer.clarifications == []


def test_a_question_heard_as_a_statement_in_a_clarify_part_still_gets_its_fact(tmp_path):
    answerer = DataAnswerer()
    clock, engine, speaker, recorder, controller, updates = at_feed_question(tmp_path, answerer=answerer)
    answer = controller.current_answer
    controller.on_silence(0)
    recorder.speak("Negative numbers allowed.")
    controller.on_silence(STATED_QUESTION_WAIT_S + 0.2)
    controller.poll()
    assert speaker.said[-1] == "Yes, negative numbers can appear."
    assert [c.topic for c in answer.clarifications] == ["negatives"]

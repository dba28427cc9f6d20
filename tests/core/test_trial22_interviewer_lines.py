"""Trial 22 item 3: the transcript showed interviewer lines twice or as not said. (a) A reply that
went on with the question cut off ("About one payment in a thousand is fraud. Let me finish the
question: ...") showed twice: alone with its exchange and whole as a line. (b) A reply the
candidate talked over as it started, said again at their pause, was logged twice (heard once).
(c) A reply cut off after its first word by the candidate's next question showed in full, with
no "[cut off]". Each line is logged once, as said; a reply talked over reads the words heard."""
from types import SimpleNamespace

from test_round_controller import FakeSpeaker, step
from test_round_turns import FakeAnswerer, at_feed_question

from interviewer.core.round_records import UtteranceKind, cut_off_text
from interviewer.core.round_settings import REPLY_CUT_AT_START_S
from interviewer.core.round_updates import ReplyCutOff, Speaking
from interviewer.export.interviewer_lines import lines_to_show

QUESTION = "what is the expected latency?"
REPLY = "Assume a 200 millisecond budget."


class HeardSpeaker(FakeSpeaker):
    """Tells, when stopped, how many characters of the line had played (at a word's end), as the
    real speaker does: the line plays at an even pace over `seconds`."""

    def say(self, text, on_done=None):
        self._text, self._began = text, self.clock.now()
        super().say(text, on_done)

    def stop(self):
        busy = self._pending is not None
        super().stop()
        if not busy:
            return None
        played = int(len(self._text) * (self.clock.now() - self._began) / self.seconds)
        end = self._text.rfind(" ", 0, played + 1)
        return max(end, 0)


def _replying(tmp_path):
    clock, engine, _speaker, recorder, controller, updates = at_feed_question(
        tmp_path, answerer=FakeAnswerer(), speech_seconds=2)
    speaker = HeardSpeaker(clock, 4)
    controller.speaker = speaker
    controller.on_silence(0)
    recorder.speak(QUESTION)
    clock.advance(0.5)
    controller.on_silence(0.5)
    controller.poll()
    assert speaker.said[-1] == REPLY and speaker.busy
    return clock, speaker, recorder, controller, updates


def test_a_reply_cut_off_after_its_first_words_reads_the_words_heard(tmp_path):
    clock, speaker, recorder, controller, updates = _replying(tmp_path)
    clock.advance(1.2)
    assert 1.2 > REPLY_CUT_AT_START_S
    controller.on_voice()  # the candidate's next question
    controller.poll()
    marked = cut_off_text(REPLY, len("Assume a"))  # 1.2 of its 4 s played
    assert marked == "Assume a... [cut off]"
    cut = [u for u in updates if isinstance(u, ReplyCutOff)]
    assert [(u.text, u.marked, u.reply, u.marked_reply) for u in cut] == [(REPLY, marked, REPLY, marked)]
    assert [c.reply for c in controller.current_answer.clarifications] == [marked]


def test_a_reply_cut_as_it_starts_and_said_again_is_one_line(tmp_path):
    clock, speaker, recorder, controller, updates = _replying(tmp_path)
    clock.advance(0.2)
    controller.on_voice()  # "That's all my questions." over its start
    controller.on_silence(0)
    controller.poll()
    clock.advance(0.5)
    controller.on_silence(0)
    controller.poll()
    clock.advance(0.6)
    controller.on_silence(0.6)
    controller.poll()
    assert speaker.said.count(REPLY) == 2
    said = [(u.text, u.again) for u in updates if isinstance(u, Speaking) and u.kind == UtteranceKind.CLARIFICATION]
    assert said == [(REPLY, False), (REPLY, True)], "said again: already in the round's log"
    assert not [u for u in updates if isinstance(u, ReplyCutOff)]
    assert [c.reply for c in controller.current_answer.clarifications] == [REPLY]


def test_a_reply_cut_as_it_starts_and_then_dropped_is_marked_cut_off(tmp_path):
    clock, speaker, recorder, controller, updates = _replying(tmp_path)
    clock.advance(0.2)
    controller.on_voice()
    controller.on_silence(0)
    controller.poll()
    recorder.speak("actually I'll assume it's a few hundred milliseconds and start with the design")
    for _ in range(12):
        step(clock, speaker, controller, 0.25)
        controller.on_silence(0)
    controller.on_silence(0.7)
    controller.poll()
    assert speaker.said.count(REPLY) == 1
    assert [(u.text, u.marked) for u in updates if isinstance(u, ReplyCutOff)] == [(REPLY, cut_off_text(REPLY, 0))]


def _session(reply, lines):
    answer = SimpleNamespace(id=1, question_id="q", follow_up_id=None, asked_at=10.0, answer_start=12.0,
                             question_text="Design it.", clarifications=[SimpleNamespace(asked_at=20.0, reply=reply)])
    return SimpleNamespace(answers=[answer], lines=[SimpleNamespace(said_at=t, kind=k, text=x) for t, k, x in lines])


def test_a_reply_that_went_on_with_the_question_shows_the_reply_once_and_the_rest_as_its_line():
    fact = "About one payment in a thousand is fraud."
    finish = "Let me finish the question: Design it."
    session = _session(fact, [(10.0, "question", "Design it."), (20.0, "clarification", f"{fact} {finish}")])
    assert [(line.said_at, line.text) for line in lines_to_show(session)] == [(20.0, finish)]


def test_a_reply_marked_cut_off_is_shown_once():
    marked = "Labels... [cut off]"
    session = _session(marked, [(10.0, "question", "Design it."), (20.0, "clarification", marked)])
    assert lines_to_show(session) == []

"""A reply to the candidate's question waits if the candidate speaks again before it starts
(trial 12: a candidate who went on after a ~0.5 s pause was talked over; the voice detector
re-arms only after 0.6 s, so their talking did not interrupt the reply). Held until their next
pause, or dropped when they went on answering."""
from test_round_controller import step
from test_round_turns import FakeAnswerer, at_feed_question

QUESTION = "what is the expected latency?"
REPLY = "Assume a 200 millisecond budget."


def _asked_then_resumed(tmp_path):
    """The candidate asks, pauses 0.5 s (the reply is due), and speaks again before the next poll."""
    clock, engine, speaker, recorder, controller, updates = at_feed_question(
        tmp_path, answerer=FakeAnswerer(), speech_seconds=2)
    controller.on_silence(0)
    recorder.speak(QUESTION)
    clock.advance(0.5)
    controller.on_silence(0.5)
    clock.advance(0.1)
    controller.on_silence(0)  # the candidate goes on, in the same poll interval
    controller.poll()
    return clock, speaker, recorder, controller


def test_a_reply_due_when_the_candidate_speaks_again_is_held_and_said_at_their_next_pause(tmp_path):
    clock, speaker, recorder, controller = _asked_then_resumed(tmp_path)
    assert REPLY not in speaker.said and not speaker.busy, "said over the candidate"
    assert controller.status == "listening"
    clock.advance(0.4)
    controller.on_silence(0)  # a short "um"
    controller.poll()
    assert REPLY not in speaker.said
    clock.advance(0.6)
    controller.on_silence(0.6)  # the next pause
    controller.poll()
    assert speaker.said[-1] == REPLY
    assert [c.reply for c in controller.current_answer.clarifications] == [REPLY]


def test_a_held_reply_is_dropped_when_the_candidate_went_on_answering(tmp_path):
    clock, speaker, recorder, controller = _asked_then_resumed(tmp_path)
    recorder.speak("actually I'll assume it's a few hundred milliseconds and start with the design")
    for _ in range(12):
        step(clock, speaker, controller, 0.25)
        controller.on_silence(0)
    controller.on_silence(0.7)
    controller.poll()
    assert REPLY not in speaker.said
    assert controller.current_answer.clarifications == []


def test_a_reply_with_no_voice_since_starts_at_once(tmp_path):
    clock, engine, speaker, recorder, controller, updates = at_feed_question(
        tmp_path, answerer=FakeAnswerer(), speech_seconds=2)
    controller.on_silence(0)
    recorder.speak(QUESTION)
    clock.advance(0.5)
    controller.on_silence(0.5)
    controller.poll()
    assert speaker.said[-1] == REPLY and speaker.busy


def test_a_reply_the_candidate_talks_over_as_it_starts_is_said_again_at_their_next_pause(tmp_path):
    """The candidate resumed just after the reply started: their voice interrupts it (the
    detector re-arms for a reply), and the cut-off reply comes again when they pause."""
    clock, engine, speaker, recorder, controller, updates = at_feed_question(
        tmp_path, answerer=FakeAnswerer(), speech_seconds=2)
    controller.on_silence(0)
    recorder.speak(QUESTION)
    clock.advance(0.5)
    controller.on_silence(0.5)
    controller.poll()
    assert speaker.said[-1] == REPLY and speaker.busy
    clock.advance(0.2)
    controller.on_voice()  # the candidate goes on
    controller.on_silence(0)
    controller.poll()
    assert not speaker.busy and speaker.said.count(REPLY) == 1
    clock.advance(0.5)
    controller.on_silence(0)
    controller.poll()
    clock.advance(0.6)
    controller.on_silence(0.6)
    controller.poll()
    assert speaker.said.count(REPLY) == 2 and speaker.busy


def test_two_questions_in_one_breath_get_both_answered_in_order(tmp_path):
    """Trial 12: "What is the latency budget? And how many users ...?" said without a pause got
    only the last one answered; the first was lost."""
    answerer = FakeAnswerer()
    clock, engine, speaker, recorder, controller, updates = at_feed_question(
        tmp_path, answerer=answerer, speech_seconds=2)
    controller.on_silence(0)
    recorder.speak("Can I ask something? What is the latency budget? And how many users do we have?")
    clock.advance(0.6)
    controller.on_silence(0.6)
    controller.poll()
    assert list(dict.fromkeys(answerer.asked)) == ["What is the latency budget?", "And how many users do we have?"]
    step(clock, speaker, controller, 2.5)
    step(clock, speaker, controller, 2.5)
    # One turn, one reply (trial 21): the fact; the second question's no-fact reply is not added.
    assert REPLY in speaker.said and "Good question. Make a reasonable assumption and state it." not in speaker.said
    assert len(controller.current_answer.clarifications) == 1


def test_a_question_the_candidate_answered_themself_gets_no_reply(tmp_path):
    answerer = FakeAnswerer()
    clock, engine, speaker, recorder, controller, updates = at_feed_question(
        tmp_path, answerer=answerer, speech_seconds=2)
    controller.on_silence(0)
    recorder.speak("What is the latency? Probably a few hundred milliseconds. Is the feed personalised?")
    clock.advance(0.6)
    controller.on_silence(0.6)
    controller.poll()
    assert answerer.asked == ["Is the feed personalised?"]

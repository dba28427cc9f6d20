"""A reply to the candidate's question waits if the candidate speaks again before it starts
(trial 12: a candidate who went on after a ~0.5 s pause was talked over; the voice detector
re-arms only after 0.6 s, so their talking did not interrupt the reply). Held until their next
pause, or dropped when they went on answering."""
from test_round_controller import step
from test_round_turns import FakeAnswerer, at_feed_question

QUESTION = "what is the expected latency?"
REPLY = "Assume a 200 millisecond budget."


def _asked_then_resumed(tmp_path, updates=None):
    """The candidate asks, pauses 0.5 s (the reply is due), and speaks again before the next poll.
    `updates`: a list that gets the round's list of updates (make() collects them there)."""
    clock, engine, speaker, recorder, controller, kept = at_feed_question(
        tmp_path, answerer=FakeAnswerer(), speech_seconds=2)
    if updates is not None:
        updates.append(kept)
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


# Trial 24 (C2): a held reply whose turn the candidate ended another way. A real interviewer lets
# a stale answer go once the candidate moved on (the repeat or the next question has the floor):
# not said, its exchange kept and marked cut off, as a talked-over reply reads; said when Space
# ended the answer on that question (the interviewer gets the floor), with one exchange.

def _moved_on_from_a_held_reply(tmp_path, move):
    holder = []
    clock, speaker, recorder, controller = _asked_then_resumed(tmp_path, holder)
    updates = holder[0]
    record = controller.current_answer
    assert [c.reply for c in record.clarifications] == [REPLY] and REPLY not in speaker.said  # held
    move(controller)
    for _ in range(40):  # pauses and new recordings: the stale reply is never said
        step(clock, speaker, controller, 0.25)
        controller.on_silence(1.0)
    return speaker, controller, record, updates


def _cut_off_updates(updates):
    from interviewer.core.round_updates import ReplyCutOff

    return [u for u in updates if isinstance(u, ReplyCutOff)]


def test_a_held_reply_moved_on_from_with_a_repeat_reads_cut_off(tmp_path):
    from interviewer.core.round_records import CUT_OFF_MARK

    speaker, controller, record, updates = _moved_on_from_a_held_reply(tmp_path, lambda c: c.repeat_question())
    assert REPLY not in speaker.said
    assert [c.reply for c in record.clarifications] == [REPLY + CUT_OFF_MARK]
    cut = _cut_off_updates(updates)
    assert [(u.text, u.reply, u.marked_reply) for u in cut] == [("", REPLY, REPLY + CUT_OFF_MARK)]  # no line said


def test_a_held_reply_moved_on_from_with_next_reads_cut_off(tmp_path):
    from interviewer.core.round_records import CUT_OFF_MARK

    speaker, controller, record, updates = _moved_on_from_a_held_reply(tmp_path, lambda c: c.next_part())
    assert REPLY not in speaker.said
    assert [c.reply for c in record.clarifications] == [REPLY + CUT_OFF_MARK]
    assert controller.current_answer is not record


def test_a_held_reply_is_said_once_with_one_exchange_when_space_ends_the_answer(tmp_path):
    speaker, controller, record, updates = _moved_on_from_a_held_reply(tmp_path, lambda c: c.end_answer())
    assert speaker.said.count(REPLY) == 1
    assert [c.reply for c in record.clarifications] == [REPLY]  # counted once, not twice
    assert not _cut_off_updates(updates)

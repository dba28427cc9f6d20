"""A candidate who was only pausing goes on over "Okay, thanks." (a human trial): the interviewer
stops, takes back the question it was about to ask (not said, not shown, not asked), lets the
answer go on as the same answer, and asks the next thing only when the answer really ends.
Walked with fakes and the fake clock: silence ends the answer -> acknowledgement -> the
candidate resumes -> the answer goes on -> silence ends it -> the follow-up is said; and the
same round where the candidate does not resume (unchanged)."""
from engine_scripts import design_round
from interviewer.core.analysis.summary import PAUSE_BEFORE_KEY, Part, summarize
from interviewer.core.engine import AskQuestion, RoundEngine
from interviewer.core.clock import FakeClock
from interviewer.core.round_settings import ACK_GRACE_S, BARGE_IN_PREROLL_SECONDS, ECHO_TAIL_SECONDS, ControllerSettings
from interviewer.core.round_status import ControllerStatus
from interviewer.core.round_updates import Speaking, SpeechInterrupted, StatusChanged
from interviewer.core.transcript import Segment, Transcript, Word

from test_round_controller import step
from test_round_turns import at_feed_question

ACKS = ("Okay, thanks.", "Got it.", "Thank you.", "Okay.")
METRIC = "Which metric would you optimize?"  # asked unless a metric was named (if_missing)
SCALE = "How many users are we serving?"


def at_acknowledgement(tmp_path, settings=ControllerSettings(), first_words="I would rank posts by engagement."):
    """The feed question answered with `first_words` (no metric named), 8 s of silence ended the
    answer, and the interviewer is 0.5 s into its acknowledgement (each utterance takes 2 s)."""
    clock, engine, speaker, recorder, controller, updates = at_feed_question(tmp_path, speech_seconds=2,
                                                                             settings=settings)
    step(clock, speaker, controller, 2)  # the question said in full
    controller.on_silence(0)
    recorder.speak(first_words)
    for seconds in (2, 5, 8):
        clock.advance(3)
        controller.on_silence(seconds)
        controller.poll()
    assert controller.answers[-1].ended_by == "silence"
    step(clock, speaker, controller, 0.5)
    assert speaker.busy and speaker.said[-1] in ACKS, "the answer is acknowledged"
    return clock, engine, speaker, recorder, controller, updates


def asked(updates):
    return [(u.question_id, u.follow_up_id) for u in updates if isinstance(u, AskQuestion)]


def shown(updates):
    return [u.text for u in updates if isinstance(u, Speaking)]


def end_on_silence(clock, speaker, controller):
    for seconds in (3, 6, 9):
        clock.advance(3)
        controller.on_silence(seconds)
        controller.poll()


def test_going_on_over_the_acknowledgement_continues_the_same_answer_and_the_follow_up_waits(tmp_path):
    clock, engine, speaker, recorder, controller, updates = at_acknowledgement(tmp_path)
    first = controller.answers[-1]
    asks_before = len(engine.timeline.asks)
    stopped = speaker.stopped
    controller.on_voice()  # "...and I'd optimize the click through rate"
    assert speaker.stopped > stopped and not speaker.busy, "the voice stops at once, as a barge-in does"
    controller.poll()
    ack = controller.utterances[-1]
    assert ack.kind == "acknowledgement" and ack.interrupted
    assert [u for u in updates if isinstance(u, SpeechInterrupted)][-1].kind == "acknowledgement"
    # The follow-up is taken back: not said, not shown, not asked.
    assert METRIC not in speaker.said and METRIC not in shown(updates)
    assert ("feed", "feed-metric") not in asked(updates)
    assert len(engine.timeline.asks) == asks_before - 1 and engine.timeline.asks[-1].answered_at is None
    assert not any(u.question_id is not None and u.follow_up_id for u in controller.utterances)
    # The recording goes on as more of the same answer, and the status line says listening.
    second = controller.current_answer
    assert second is not first and second.question_id == "feed" and second.follow_up_id is None
    assert second.continuation and second.resumed and second.barged_in
    assert (second.question_text, second.asked_at) == (first.question_text, first.asked_at)
    assert not second.after_interviewer, "a pause inside the answer, no new response latency"
    assert controller.status == ControllerStatus.LISTENING
    assert [u for u in updates if isinstance(u, StatusChanged)][-1].status == "listening"
    # The candidate finishes; silence ends the answer for real; now the follow-up comes, decided
    # on the whole answer: the metric was named in its second part, so it is not asked for.
    recorder.speak("and I would optimize the click through rate.")
    end_on_silence(clock, speaker, controller)
    assert second.ended_by == "silence"
    for _ in range(20):
        step(clock, speaker, controller, 0.5)
    assert speaker.said[-2] in ACKS and speaker.said[-1] == SCALE
    assert asked(updates)[-1] == ("feed", "feed-scale") and METRIC not in speaker.said
    assert controller.current_answer.follow_up_id == "feed-scale"
    feed_asks = [a for a in engine.timeline.asks if a.question_id == "feed" and a.follow_up_id is None]
    assert len(feed_asks) == 1 and feed_asks[0].answered_at == second.ended_at


def test_going_on_in_the_beat_after_the_acknowledgement_also_continues_the_answer(tmp_path):
    clock, engine, speaker, recorder, controller, updates = at_acknowledgement(tmp_path)
    step(clock, speaker, controller, 1.5)  # the acknowledgement is over; the question waits a beat
    assert not speaker.busy and speaker.said[-1] in ACKS and controller.status == "speaking"
    clock.advance(ACK_GRACE_S / 2)
    controller.on_voice()
    controller.poll()
    assert METRIC not in speaker.said and ("feed", "feed-metric") not in asked(updates)
    answer = controller.current_answer
    assert answer.resumed and answer.question_id == "feed" and controller.status == "listening"
    assert not [u for u in updates if isinstance(u, SpeechInterrupted)], "nothing was being said"


def test_without_going_on_the_follow_up_comes_after_the_beat_as_before(tmp_path):
    clock, engine, speaker, recorder, controller, updates = at_acknowledgement(tmp_path)
    step(clock, speaker, controller, 1.5)
    assert METRIC not in speaker.said and ("feed", "feed-metric") not in asked(updates)
    step(clock, speaker, controller, ACK_GRACE_S + 0.1)
    assert speaker.said[-1] == METRIC and asked(updates)[-1] == ("feed", "feed-metric")
    ask_at = next(i for i, u in enumerate(updates) if isinstance(u, AskQuestion) and u.follow_up_id)
    assert isinstance(updates[ask_at + 1], Speaking) and updates[ask_at + 1].text == METRIC
    step(clock, speaker, controller, 2)
    answer = controller.current_answer
    assert answer.follow_up_id == "feed-metric" and not answer.resumed and not answer.continuation
    assert answer.after_interviewer


def test_talking_over_the_follow_up_itself_answers_it(tmp_path):
    """Once most of the follow-up was said, talking over it is a barge-in on it, as before (under
    CUT_OFF_AT_ONCE_S, it is asked again after: test_question_cut_off.py)."""
    clock, engine, speaker, recorder, controller, updates = at_acknowledgement(tmp_path)
    step(clock, speaker, controller, 1.5)
    step(clock, speaker, controller, ACK_GRACE_S + 0.1)
    step(clock, speaker, controller, 1.2)  # 1.2 s of its 2 s
    assert speaker.busy and speaker.said[-1] == METRIC
    controller.on_voice()
    controller.poll()
    answer = controller.current_answer
    assert answer.follow_up_id == "feed-metric" and answer.barged_in and not answer.resumed


def test_a_noise_over_the_acknowledgement_goes_on_to_the_follow_up(tmp_path):
    """A cough stopped "Okay, thanks.": no words and silence after it, so the answer was over
    after all; the follow-up is asked (not thanked for twice), the empty stretch dropped."""
    clock, engine, speaker, recorder, controller, updates = at_acknowledgement(tmp_path)
    controller.on_voice()
    controller.poll()
    resumed = controller.current_answer
    assert resumed.resumed
    for seconds in (1, 2, 3):
        clock.advance(1)
        controller.on_silence(seconds)
        controller.poll()
    assert resumed.ended_by == "silence" and resumed.dropped
    for _ in range(6):
        step(clock, speaker, controller, 0.5)
    assert speaker.said[-1] == METRIC and speaker.said[-2] in ACKS
    assert sum(s in ACKS for s in speaker.said) == 1
    assert controller.current_answer.follow_up_id == "feed-metric"


def test_with_loudspeakers_the_key_goes_on_over_the_acknowledgement_and_its_echo_does_not(tmp_path):
    loudspeakers = ControllerSettings(barge_in=False)
    clock, engine, speaker, recorder, controller, updates = at_acknowledgement(tmp_path, settings=loudspeakers)
    controller.on_voice()  # its own voice in the room
    controller.poll()
    assert speaker.busy and controller.current_answer is None
    assert controller.interrupt()  # Space
    controller.poll()
    assert controller.current_answer.resumed and METRIC not in speaker.said


def test_with_loudspeakers_the_echo_of_the_acknowledgement_does_not_take_the_question_back(tmp_path):
    loudspeakers = ControllerSettings(barge_in=False)
    assert ACK_GRACE_S < ECHO_TAIL_SECONDS
    clock, engine, speaker, recorder, controller, updates = at_acknowledgement(tmp_path, settings=loudspeakers)
    step(clock, speaker, controller, 1.5)
    controller.on_voice()  # the room still rings
    controller.poll()
    step(clock, speaker, controller, ACK_GRACE_S + 0.1)
    assert speaker.said[-1] == METRIC and asked(updates)[-1] == ("feed", "feed-metric")


def test_with_loudspeakers_the_key_in_the_beat_after_the_acknowledgement_goes_on(tmp_path):
    clock, engine, speaker, recorder, controller, updates = at_acknowledgement(
        tmp_path, settings=ControllerSettings(barge_in=False))
    step(clock, speaker, controller, 1.5)
    assert not speaker.busy and controller.status == "speaking"  # the beat, in the room's echo
    assert controller.interrupt()
    controller.poll()
    assert controller.current_answer.resumed and METRIC not in speaker.said


def test_asking_to_hear_it_again_over_the_acknowledgement_repeats_the_question_being_answered(tmp_path):
    clock, engine, speaker, recorder, controller, updates = at_acknowledgement(tmp_path)
    assert controller.repeat_question()
    for _ in range(6):
        step(clock, speaker, controller, 0.5)
    assert speaker.said[-1] == "Design a news feed ranking system." and METRIC not in speaker.said
    answer = controller.current_answer
    assert answer.question_id == "feed" and answer.follow_up_id is None and answer.continuation
    recorder.speak("and I would optimize the click through rate.")
    controller.end_answer()
    for _ in range(10):
        step(clock, speaker, controller, 0.5)
    assert speaker.said[-1] == SCALE, "decided on both parts: the metric was named"


def test_the_resumed_answer_is_one_answer_in_the_review(tmp_path):
    """The parts are stored under one ask (question, follow-up, asked at, text), so the review
    joins them: one answer, its response latency once (the resumed part has none), and the
    silence before the candidate went on is a long pause inside it."""
    clock, engine, speaker, recorder, controller, updates = at_acknowledgement(tmp_path)
    controller.on_voice()
    controller.poll()
    recorder.speak("and I would optimize the click through rate.")
    end_on_silence(clock, speaker, controller)
    first, second = controller.answers[-2:]
    first.transcript = Transcript([Segment("rank by engagement", 0.2, 1.0, (Word("rank", 0.2, 0.5), Word("by", 0.5, 0.7),
                                                                          Word("engagement", 0.7, 1.0)))])
    second.transcript = Transcript([Segment("and optimize", 0.7, 1.4, (Word("and", 0.7, 0.9), Word("optimize", 0.9, 1.4)))])
    gap = second.pause_before(first, BARGE_IN_PREROLL_SECONDS)
    assert gap == (second.started_at - BARGE_IN_PREROLL_SECONDS + 0.7) - (first.started_at + 1.0)
    assert 8.0 <= gap < second.started_at - first.started_at  # the silence that ended it, and the acknowledgement
    assert first.pause_before(None, BARGE_IN_PREROLL_SECONDS) is None and not first.resumed
    parts = [Part(i, r.question_id, r.follow_up_id, r.question_text, r.asked_at, r.started_at, r.ended_at,
                  {"words": [{"text": "x", "start": 0.5, "end": 1.0}],
                   "response_latency": 1.5 if r.after_interviewer else None,
                   **({PAUSE_BEFORE_KEY: gap} if r.resumed else {})})
             for i, r in enumerate((first, second), start=1)]
    numbers = summarize(parts)
    assert [a.part_ids for a in numbers.answers] == [[1, 2]]
    answer = numbers.answers[0]
    assert answer.response_latency == 1.5 and numbers.mean_latency == 1.5 and answer.long_pauses == 1


# ---------------------------------------------------------------- the engine

def test_the_engine_takes_back_what_an_answer_led_to_and_decides_again_on_the_whole_answer():
    clock = FakeClock(0.0)
    engine = RoundEngine(design_round(), clock)
    engine.start()
    clock.set(300)
    engine.poll()
    clock.advance(30)
    [ask] = [e for e in engine.answer_finished("I would rank posts by engagement.") if isinstance(e, AskQuestion)]
    assert ask.follow_up_id == "feed-metric"
    assert engine.take_back_last_ask()
    assert engine.timeline.asks[-1].follow_up_id is None and engine.timeline.asks[-1].answered_at is None
    assert not engine.take_back_last_ask(), "only once"
    assert engine.repeat_question()[0].follow_up_id is None, "the last thing asked is the question again"
    clock.advance(20)
    [ask] = [e for e in engine.answer_finished("I would rank posts by engagement. I would optimize the "
                                               "click through rate.") if isinstance(e, AskQuestion)]
    assert ask.follow_up_id == "feed-scale"
    assert [a.follow_up_id for a in engine.timeline.asks if a.question_id == "feed"] == [None, "feed-scale"]


def test_the_engine_does_not_take_back_a_move_to_the_next_part():
    clock = FakeClock(0.0)
    engine = RoundEngine(design_round(), clock)
    engine.start()
    engine.answer_finished("Hi, I'm an ML engineer.")  # the intro's agenda is done: the next part starts
    assert engine.current_phase.id == "clarify"
    assert not engine.take_back_last_ask()

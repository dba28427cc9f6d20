"""Issue 12 in the round controller: barge-in, answers to clarifying questions, the Next key,
the pause, and one status state machine (every transition, including after a nudge)."""
import pytest
from engine_scripts import design_round, short_round
from interviewer.core.clock import FakeClock
from interviewer.core.engine import RoundEngine
from interviewer.core.clarifying_responder import ClarifyingResponder
from interviewer.core.conversation_cues import without_framing
from interviewer.core.scripts.model import Phase, Question, RoundScript
from interviewer.core.round_controller import RoundController
from interviewer.core.round_settings import ControllerSettings
from interviewer.core.round_status import ControllerStatus, status_text
from interviewer.core.transcript import Segment
from interviewer.core.round_updates import (
    AnswerDropped, ClarifyingAnswered, SpeechInterrupted, StatusChanged, TranscriptReady,
)

from test_round_controller import FakeRecorder, FakeSpeaker, FakeTranscriber, past_the_beat, run_now, step


class FakeAnswerer:
    """Answers every question about latency; others get the no-fact reply."""

    def __init__(self):
        self.asked = []

    def reply(self, question):
        self.asked.append(question)
        if "latency" in question.lower():
            return "latency", "Assume a 200 millisecond budget."
        return None, "Good question. Make a reasonable assumption and state it."


class SegmentTranscriber(FakeTranscriber):
    """Each fed text becomes a segment at once, as the live transcriber's partial results do.
    Made by `timed(clock)`, a segment ends when it is fed (recording time, as Whisper stamps it),
    so the round can tell a question said just now from one said long before the voice stopped."""

    clock = None
    lag = 0.0  # how long the transcript trails the voice (a transcriber behind under load)

    def __init__(self):
        super().__init__()
        self.origin = self.clock.now() if self.clock is not None else 0.0

    @classmethod
    def timed(cls, clock):
        return type(cls.__name__, (cls,), {"clock": clock})

    def feed(self, samples):
        if self.clock is None:
            return super().feed(samples)
        self.fed.append(samples)
        end = max(1.0, self.clock.now() - self.origin - self.lag)
        if self.on_segment:
            self.on_segment(Segment(samples, end - 1.0, end))


def make(tmp_path, script=None, speech_seconds=0.0, settings=ControllerSettings(), answerer=None,
         answerer_for=None, **engine_args):
    clock = FakeClock(1000.0)
    engine = RoundEngine(script or design_round(), clock, **engine_args)
    speaker, recorder = FakeSpeaker(clock, speech_seconds), FakeRecorder()
    updates = []

    def every_question(question_id):
        return answerer

    controller = RoundController(engine, speaker, recorder, SegmentTranscriber.timed(clock), tmp_path,
                                 on_update=updates.append,
                                 settings=settings, run_in_background=run_now,
                                 answerer=answerer_for or (every_question if answerer else None))
    return clock, engine, speaker, recorder, controller, updates


def statuses(updates):
    return [u.status for u in updates if isinstance(u, StatusChanged)]


def at_feed_question(tmp_path, **kwargs):
    clock, engine, speaker, recorder, controller, updates = make(tmp_path, **kwargs)
    controller.start()
    clock.set(1300)
    while controller.current_answer is None or controller.current_answer.question_id != "feed":
        step(clock, speaker, controller, 0.5)
    return clock, engine, speaker, recorder, controller, updates


def ask(controller, recorder, text: str, pause: float = 0.6) -> None:
    """The candidate says `text`, then is silent for `pause` seconds (a question gets its reply)."""
    controller.on_silence(0)
    recorder.speak(text)
    controller.on_silence(pause)
    controller.poll()


# ---------------------------------------------------------------- barge-in (bug 1: speech dropped)

def feed_question_being_said(tmp_path):
    """A round 1 s into saying the feed question (each utterance takes 6 s)."""
    clock, engine, speaker, recorder, controller, updates = make(tmp_path, speech_seconds=6)
    controller.start()
    clock.set(1300)
    controller.poll()
    speaker.stop()  # the intro prompt
    controller.poll()
    step(clock, speaker, controller, 6)  # "Let's start with the problem." said
    assert speaker.said[-1] == "Design a news feed ranking system." and speaker.busy
    step(clock, speaker, controller, 1)
    return clock, engine, speaker, recorder, controller, updates


def test_talking_over_the_question_stops_the_interviewer_and_records_from_then_on(tmp_path):
    clock, engine, speaker, recorder, controller, updates = feed_question_being_said(tmp_path)
    step(clock, speaker, controller, 1)  # most of it said (later than CUT_OFF_AT_ONCE_S: test_question_cut_off.py)
    controller.on_voice()  # the candidate answers before the question is over
    controller.poll()
    assert speaker.stopped >= 2 and not speaker.busy
    assert recorder.path is not None, "what the candidate says while the interviewer talks is recorded"
    answer = controller.current_answer
    assert answer.question_id == "feed" and answer.barged_in and answer.heard_speech
    assert answer.started_at == engine.elapsed()
    question = [u for u in controller.utterances if u.kind == "question"][-1]
    assert question.interrupted and question.ended_at == answer.started_at
    assert [u for u in updates if isinstance(u, SpeechInterrupted)][-1].kind == "question"
    recorder.speak("what is the expected latency")
    controller.end_answer()
    controller.poll()
    assert controller.answers[-1].transcript.text == "what is the expected latency"


def test_the_closing_is_not_interrupted_and_voice_while_idle_adds_to_the_answer(tmp_path):
    clock, engine, speaker, recorder, controller, updates = at_feed_question(tmp_path, move_on_early=False)
    recorder.speak("the ctr")
    controller.end_answer()
    controller.poll()
    past_the_beat(clock, speaker, controller)
    controller.end_answer()  # the follow-up's answer
    controller.poll()
    assert controller.status == "waiting"
    controller.on_voice()  # the candidate thought of something more
    controller.poll()
    assert controller.status == "listening" and controller.current_answer.continuation
    clock.set(1000 + 3600)
    controller.poll()
    assert speaker.said[-1].startswith("That's time")
    controller.on_voice()
    controller.poll()
    assert controller.finished


def test_voice_during_a_nudge_stops_it_and_the_recording_goes_on(tmp_path):
    settings = ControllerSettings(silence_nudge_after=5)
    clock, engine, speaker, recorder, controller, updates = at_feed_question(tmp_path, settings=settings,
                                                                             speech_seconds=3)
    answer = controller.current_answer
    controller.on_silence(5)
    controller.poll()
    assert speaker.said[-1] == "Remember to think out loud." and speaker.busy
    controller.on_voice()
    controller.on_silence(0)
    controller.poll()
    assert not speaker.busy and controller.current_answer is answer and recorder.path is not None


# ---------------------------------------------------------------- clarifying questions

def test_a_clarifying_question_is_answered_after_a_short_pause_and_counts_its_topic(tmp_path):
    answerer = FakeAnswerer()
    clock, engine, speaker, recorder, controller, updates = at_feed_question(tmp_path, answerer=answerer,
                                                                             speech_seconds=2)
    answer = controller.current_answer
    controller.on_silence(0)
    recorder.speak("Okay, what is the expected latency?")
    controller.on_silence(0.2)
    controller.poll()
    assert answerer.asked == []  # not yet: the candidate may go on
    controller.on_silence(0.6)
    controller.poll()
    assert answerer.asked == ["Okay, what is the expected latency?"]
    assert speaker.said[-1] == "Assume a 200 millisecond budget." and controller.status == "answering"
    assert controller.current_answer is answer  # the recording went on while it answered
    [done] = [u for u in updates if isinstance(u, ClarifyingAnswered)]
    assert (done.answer, done.clarification.topic) == (answer.index, "latency")
    assert answer.clarifications == [done.clarification] and answer.interjections == [done.clarification.asked_at]
    step(clock, speaker, controller, 2)
    assert controller.status == "listening"
    # The same question is not answered twice; a statement is not answered at all.
    controller.on_silence(3)
    recorder.speak("I would start with a simple ranker.")
    controller.on_silence(1)
    controller.poll()
    assert len(answerer.asked) == 1
    # Silence after the answer counts from the end of the interviewer's reply.
    controller.on_silence(0)
    recorder.speak("And how many daily users are there?")
    controller.on_silence(1)
    controller.poll()
    assert answerer.asked[-1] == "And how many daily users are there?"
    assert speaker.said[-1].startswith("Good question")
    assert [c.topic for c in answer.clarifications] == ["latency", None]


def test_a_question_asked_right_before_the_end_key_is_answered_and_the_answer_goes_on(tmp_path):
    """A new-user trial: "Before I start, can I ask what the size of the input is?" and Space at
    once: the interviewer never answered and went on to the follow-up."""
    answerer = FakeAnswerer()
    clock, engine, speaker, recorder, controller, updates = at_feed_question(tmp_path, answerer=answerer,
                                                                             speech_seconds=2)
    first = controller.current_answer
    controller.on_silence(0)
    recorder.speak("Okay, what is the expected latency?")
    controller.on_silence(0.1)
    assert controller.end_answer()
    controller.poll()
    assert answerer.asked == ["Okay, what is the expected latency?"]
    assert speaker.said[-1] == "Assume a 200 millisecond budget."
    [done] = [u for u in updates if isinstance(u, ClarifyingAnswered)]
    assert done.answer == first.index and first.clarifications == [done.clarification]
    step(clock, speaker, controller, 2.5)
    # The candidate goes on with the same question after the reply.
    again = controller.current_answer
    assert again is not None and again is not first and again.question_id == "feed" and again.continuation
    recorder.speak("Then I would start with a two stage ranker.")
    controller.on_silence(0.1)
    assert controller.end_answer()
    controller.poll()
    assert answerer.asked == ["Okay, what is the expected latency?"]  # a statement gets no reply
    assert controller.current_answer is None or controller.current_answer.question_id != "feed" \
        or controller.current_answer.follow_up_id is not None


@pytest.mark.parametrize("said, reply", [
    # A request to ask got the no-fact reply ("Make an assumption and state it.").
    ("Before I answer that, can I ask a clarifying question?", "Sure, go ahead."),
    # So did a check that the interviewer follows, and both were kept as clarifying exchanges.
    ("I would start with a two stage ranker. Does that make sense?", "Yes, that makes sense. Go on."),
    ("I would start with a two stage ranker. Okay, so, are you with me so far?", "Yes, that makes sense. Go on."),
])
def test_asking_to_ask_or_checking_in_gets_its_reply_and_is_not_a_clarifying_question(tmp_path, said, reply):
    script = design_round()
    clock, engine, speaker, recorder, controller, updates = at_feed_question(
        tmp_path, script=script, speech_seconds=2,
        answerer=ClarifyingResponder(script.question("feed"), script=script))
    answer = controller.current_answer
    controller.on_silence(0)
    recorder.speak(said)
    controller.on_silence(1)
    controller.poll()
    assert speaker.said[-1] == reply
    assert answer.clarifications == [] and not [u for u in updates if isinstance(u, ClarifyingAnswered)]


def test_a_check_in_said_last_does_not_keep_the_answer_open(tmp_path):
    """Trial 11: an answer ending "... Does that make sense?" got "Yes, that makes sense. Go on."
    and then the silence was taken for thinking after a reply: no end, a nudge instead."""
    script = design_round()
    clock, engine, speaker, recorder, controller, updates = at_feed_question(
        tmp_path, script=script, speech_seconds=2, settings=ControllerSettings(silence_ends_answer_after=8),
        answerer=ClarifyingResponder(script.question("feed"), script=script))
    answer = controller.current_answer
    ask(controller, recorder, "I would start with a two stage ranker. Does that make sense?", pause=1)
    assert speaker.said[-1] == "Yes, that makes sense. Go on."
    step(clock, speaker, controller, 3)
    for seconds in (4, 9):  # counted from the end of the reply
        controller.on_silence(seconds)
        controller.poll()
    assert answer.ended_by == "silence"


def test_a_question_the_candidate_asks_themself_gets_no_reply(tmp_path):
    script = design_round()
    clock, engine, speaker, recorder, controller, updates = at_feed_question(
        tmp_path, script=script, speech_seconds=2,
        answerer=ClarifyingResponder(script.question("feed"), script=script))
    said_before = list(speaker.said)
    controller.on_silence(0)
    recorder.speak("Then a ranker on top. Um, what else?")
    controller.on_silence(2)
    controller.poll()
    assert speaker.said == said_before and not controller.current_answer.clarifications


@pytest.mark.parametrize("said, hands_back", [
    ("So I would use a heap of size k. And yeah, that's pretty much it.", True),
    ("A heap of size k, then pop in order. Does that answer your question?", True),
    ("I would use a heap of size k. Want me to go deeper on any part?", True),
    ("A heap of size k. That's it for the data structure.", False),  # more to come
    ("I would use a heap of size k. That's the tricky part.", False),
    # Trial 11: more ways candidates hand back, each waited 8 s before.
    ("Sort, then one sweep. So that's what I'd do.", True),
    ("Sort, then one sweep. That's it, I think.", True),
    ("Sort, then one sweep. Hope that answers your question.", True),
    ("Sort, then one sweep. That's my approach. Thank you.", True),
    ("Sort, then one sweep. That's what I'd do first, and then the merge.", False),
    # Trial 12: the verb of the question, not one of a few ("How would you measure ...?").
    ("Precision and recall on fraud dollars. So yeah, that's how I would measure it.", True),
    ("Canary first, then ramp up. That's how I'd roll it out.", True),
    ("That's how I would measure it, and then the review queue.", False),
])
def test_an_answer_that_hands_the_turn_back_ends_after_a_beat_not_the_long_silence(tmp_path, said, hands_back):
    """Trial: after "... and that's it." the candidate waited 8 s of dead air for the interviewer.
    A sentence that hands the turn back ends the answer after 3 s; a question doing so gets no
    clarifying reply and is not kept as one; any other sentence still waits the full 8 s."""
    script = design_round()
    clock, engine, speaker, recorder, controller, updates = at_feed_question(
        tmp_path, script=script, speech_seconds=2, settings=ControllerSettings(silence_ends_answer_after=8),
        answerer=ClarifyingResponder(script.question("feed"), script=script))
    answer = controller.current_answer
    said_before = list(speaker.said)
    controller.on_silence(0)
    recorder.speak(said)
    for seconds in (1, 2, 3.2):
        controller.on_silence(seconds)
        controller.poll()
    assert (answer.ended_by == "silence") is hands_back
    assert not answer.clarifications and speaker.said[:len(said_before)] == said_before
    assert not any(text in ("Sure, go ahead.", "Yes, that makes sense. Go on.") or "assumption" in text
                   for text in speaker.said[len(said_before):])
    controller.on_silence(8.1)
    controller.poll()
    assert answer.ended_by == "silence"


def test_a_long_silence_setting_of_off_is_not_overridden_by_a_wrap_up(tmp_path):
    """Ending answers on silence switched off (press a key): "That's it." does not end it either."""
    clock, engine, speaker, recorder, controller, updates = at_feed_question(
        tmp_path, speech_seconds=2, settings=ControllerSettings(silence_ends_answer_after=None))
    answer = controller.current_answer
    controller.on_silence(0)
    recorder.speak("A heap of size k. That's it.")
    controller.on_silence(5)
    controller.poll()
    assert answer.ended_by is None


def test_without_an_answerer_questions_get_no_reply(tmp_path):
    clock, engine, speaker, recorder, controller, updates = at_feed_question(tmp_path)
    controller.on_silence(0)
    recorder.speak("what is the expected latency?")
    controller.on_silence(2)
    controller.poll()
    assert controller.status == "listening" and not controller.current_answer.clarifications


def test_a_broken_answerer_is_reported_and_the_round_goes_on(tmp_path):
    class Broken:
        def reply(self, question):
            raise RuntimeError("model file missing")

    clock, engine, speaker, recorder, controller, updates = at_feed_question(tmp_path, answerer=Broken())
    controller.on_silence(0)
    recorder.speak("what is the expected latency?")
    controller.on_silence(1)
    controller.poll()
    assert controller.status == "listening"
    assert any("model file missing" in getattr(u, "message", "") for u in updates)


# ---------------------------------------------------------------- moving on (bug 3: dead air)

def test_next_key_moves_to_the_next_part_now(tmp_path):
    clock, engine, speaker, recorder, controller, updates = at_feed_question(tmp_path)
    controller.on_silence(0)  # the candidate's voice: N after it leaves this part, however soon
    recorder.speak("I have no more questions")
    controller.poll()
    now = engine.elapsed()
    assert controller.next_part()
    assert controller.answers[-1].ended_by == "next"
    controller.poll()
    assert engine.current_phase.id == "design" and engine.timeline.phases[-1].started_at == now
    assert speaker.said[-2:] == ["Walk me through the high-level design.", "Which features would you use?"]
    assert controller.status == "listening" and controller.current_answer.question_id == "features"
    assert controller.answers[0].transcript is not None  # the last answer's words are kept


def test_next_key_in_the_last_part_ends_the_round_with_a_closing(tmp_path):
    clock, engine, speaker, recorder, controller, updates = make(tmp_path, script=short_round((1, 44)))
    controller.start()
    step(clock, speaker, controller)
    controller.next_part()
    step(clock, speaker, controller)
    assert engine.current_phase.id == "p1" and controller.status == "listening"
    controller.end_answer()
    step(clock, speaker, controller)
    # Its question done, the interviewer offers to add (never silent); nothing is added.
    assert speaker.said[-1] == ControllerSettings().nothing_left_text and controller.status == "listening"
    controller.end_answer()
    step(clock, speaker, controller)
    assert controller.status == "waiting"
    assert "N to end the round" in controller.status_line and "Space" in controller.status_line
    controller.next_part()
    step(clock, speaker, controller)
    assert controller.finished and speaker.said[-1] == "Thank you, that's the end of the round."
    assert engine.state == "stopped" and engine.elapsed() < 45 * 60


def test_a_stretch_with_no_words_before_n_or_added_to_an_answer_is_dropped_not_scored(tmp_path):
    """N pressed 2.3 s into the next question, before a word, stored an empty answer that was
    scored "No speech was heard". A first answer with no words ended by Space is kept: there
    "no speech" (a muted microphone?) is worth saying."""
    clock, engine, speaker, recorder, controller, updates = at_feed_question(tmp_path)
    recorder.speak("I would ask about the latency and the ctr")
    controller.on_silence(0)
    step(clock, speaker, controller)
    controller.on_silence(9)  # the answer ends on silence; the interviewer asks the next thing
    step(clock, speaker, controller)
    past_the_beat(clock, speaker, controller)
    empty = controller.current_answer
    assert empty is not None and empty.follow_up_id == "feed-scale"
    clock.advance(2.3)
    assert controller.next_part()
    step(clock, speaker, controller)
    assert empty.dropped and empty.ended_by == "next"
    assert AnswerDropped(empty.index) in updates
    assert not [u for u in updates if isinstance(u, TranscriptReady) and u.answer == empty.index]
    assert engine.current_phase.id == "design" and controller.status == "listening"  # moved on, as N says
    clock.advance(5)
    controller.end_answer()  # Space with nothing said: kept
    step(clock, speaker, controller)
    kept = next(r for r in controller.answers if r.question_id == "features")
    assert not kept.dropped and kept.ended_by == "key"
    assert kept.index in [u.answer for u in updates if isinstance(u, TranscriptReady)]

    # In the last part, Space adds to the answer; then the candidate has nothing to add after all.
    clock, engine, speaker, recorder, controller, updates = make(tmp_path, script=short_round((1, 44)))
    controller.start()
    step(clock, speaker, controller)
    controller.next_part()
    step(clock, speaker, controller)
    recorder.speak("a brute force first")
    controller.end_answer()
    step(clock, speaker, controller)
    recorder.speak("and then a hash map")  # answers "Anything you'd like to add?"
    controller.end_answer()
    step(clock, speaker, controller)
    assert controller.status == "waiting" and controller.continue_answer()
    step(clock, speaker, controller)
    added = controller.current_answer
    assert added.continuation
    clock.advance(2.3)
    controller.next_part()
    step(clock, speaker, controller)
    assert controller.finished
    assert added.dropped and AnswerDropped(added.index) in updates


def test_no_part_of_a_round_waits_on_the_clock(tmp_path):
    """Bug 3: after an answer the screen said 'waiting for the next part' for minutes."""
    clock, engine, speaker, recorder, controller, updates = make(tmp_path)
    controller.start()
    waited = 0.0
    while not controller.finished and clock.now() < 1000 + 3600:
        step(clock, speaker, controller, 1)
        if controller.status == "waiting":
            waited += 1
        answer = controller.current_answer
        if answer is not None and engine.elapsed() - answer.started_at >= 20:
            recorder.speak("an answer about drift and the ctr")
            controller.end_answer()
    # Only the last part waits (nothing more is planned): never before it.
    assert engine.current_phase.id == "wrap"
    assert all(p.ended_at - p.started_at < 300 for p in engine.timeline.phases[:-1])
    assert waited > 0 and "N to end the round" in status_text(ControllerStatus.WAITING)


# ---------------------------------------------------------------- the status line (bug 4)

def test_status_walks_every_state_and_is_listening_right_after_a_nudge(tmp_path):
    settings = ControllerSettings(silence_nudge_after=10, silence_ends_answer_after=6)
    answerer = FakeAnswerer()
    clock, engine, speaker, recorder, controller, updates = make(tmp_path, speech_seconds=2, settings=settings,
                                                                 answerer=answerer)
    assert controller.status == "starting"
    controller.start()
    assert statuses(updates) == ["speaking"]
    step(clock, speaker, controller, 2)
    assert statuses(updates)[-1] == "listening"
    # A nudge: speaking (while the answer is recorded), then listening again.
    controller.on_silence(10)
    controller.poll()
    assert controller.status == "speaking" and "still being recorded" in controller.status_line
    step(clock, speaker, controller, 2)
    assert controller.status == "listening" and statuses(updates)[-1] == "listening"
    assert "listening" in controller.status_line.lower()
    # A clarifying question: the interviewer answers it, then listens again.
    controller.on_silence(0)
    recorder.speak("what is the latency budget?")
    controller.on_silence(1)
    controller.poll()
    assert statuses(updates)[-1] == "answering"
    step(clock, speaker, controller, 2)
    assert statuses(updates)[-1] == "listening"
    # The answer ends on silence once the candidate spoke after the reply: thinking while the
    # last words are taken in.
    controller.on_silence(0)
    recorder.speak("I would rank by watch time.")
    transcribe_later = []
    controller._run_in_background = transcribe_later.append
    controller.on_silence(7)
    controller.poll()
    assert statuses(updates)[-1] == "thinking"
    transcribe_later.pop()()
    controller.poll()
    assert statuses(updates)[-1] == "speaking"  # the next part's prompt
    controller._run_in_background = run_now
    # Pause and resume.
    controller.pause()
    assert statuses(updates)[-1] == "paused"
    controller.resume()
    step(clock, speaker, controller, 2)
    step(clock, speaker, controller, 2)  # "Thanks, that's helpful." for the introduction (trial 27)
    step(clock, speaker, controller, 2)
    assert statuses(updates)[-1] == "listening"
    controller.stop()
    assert statuses(updates)[-1] == "finished"
    walked = statuses(updates)
    assert set(walked) == {s.value for s in ControllerStatus} - {"starting", "waiting"}
    # Each change is emitted once, with its text.
    assert all(a != b for a, b in zip(walked, walked[1:]) if a != "listening")
    texts = [u.text for u in updates if isinstance(u, StatusChanged)]
    assert all(t in (status_text(s, heard_speech=True), status_text(s), status_text(s, talking=True))
               or "still being recorded" in t for s, t in zip(walked, texts))


# ---------------------------------------------------------------- the GUI thread never encodes

class ThreadRecordingEncoder:
    """A sentence encoder that notes the thread of every call (one-hot vectors by a text hash)."""

    name = "thread-recording"

    def __init__(self):
        self.calls = []

    def encode(self, texts):
        import threading

        self.calls.append((threading.current_thread(), list(texts)))
        return [[1.0 if i == sum(map(ord, t)) % 97 else 0.0 for i in range(97)] for t in texts]


def test_the_follow_up_decision_encodes_the_answer_off_the_callers_thread(tmp_path):
    """The decision runs on the caller's (GUI) thread at the end of an answer; the answer's
    sentences are encoded before that, on the thread that finished the transcript (measured on
    the GUI thread before: 29-37 ms for 50-90 words, ~200 ms for 230 words)."""
    import threading

    from interviewer.core.matching import Matcher

    encoder = ThreadRecordingEncoder()
    clock = FakeClock(1000.0)
    engine = RoundEngine(design_round(), clock, matcher=Matcher(encoder))
    speaker, recorder = FakeSpeaker(clock), FakeRecorder()
    jobs = []

    def in_a_thread(task):
        jobs.append(threading.Thread(target=task))
        jobs[-1].start()

    controller = RoundController(engine, speaker, recorder, SegmentTranscriber, tmp_path, run_in_background=in_a_thread)
    controller.start()
    clock.set(1300)
    while controller.current_answer is None or controller.current_answer.question_id != "feed":
        step(clock, speaker, controller, 0.5)
    recorder.speak("I would rank the posts by predicted engagement. Then I would re-rank them for freshness "
                   "and keep a holdout group to compare against.")
    encoder.calls.clear()
    controller.end_answer()
    for job in jobs:
        job.join(5)
    controller.poll()
    past_the_beat(clock, speaker, controller)
    assert engine.timeline.asks[0].answered_at is not None, "the answer was finished and judged"
    asked = [u.follow_up_id for u in controller.utterances if u.follow_up_id]
    assert asked == ["feed-metric"]  # no metric named: asked
    main = threading.current_thread()
    assert [texts for thread, texts in encoder.calls if thread is main] == []
    assert any(thread is not main for thread, _ in encoder.calls), "the answer was encoded, off the thread"


def _feed_with_encoder_threads_recorded(tmp_path):
    """At the feed question, whose latency and scale topics an answerer matches with an encoder
    that records the thread of each call (calls so far cleared), the candidate's turn begun."""
    import dataclasses

    from interviewer.core.matching import Matcher, Thresholds
    from interviewer.core.scripts.model import ClarifyingTopic

    script = design_round()
    feed = dataclasses.replace(script.question("feed"), clarifying_topics=(
        ClarifyingTopic("latency", ("latency",), "Assume a 200 millisecond budget."),
        ClarifyingTopic("scale", ("daily users",), "About fifty million daily users.")))
    encoder = ThreadRecordingEncoder()
    # The one-hot test vectors carry no meaning: the keywords decide the topic.
    responder = ClarifyingResponder(feed, Matcher(encoder, Thresholds(topic=0.3, keyword_bonus=0.4, covered=None)))
    clock, _, speaker, recorder, controller, _ = at_feed_question(tmp_path, script=script, speech_seconds=2,
                                                                  answerer=responder)
    encoder.calls.clear()
    controller.on_silence(0)
    return encoder, clock, speaker, recorder, controller


def test_a_clarifying_reply_is_prepared_off_the_callers_thread_and_then_only_looked_up(tmp_path):
    """Matching the candidate's question took ~50 ms of CPU on the GUI thread, several hundred ms
    under load (benchmarks/gui_responsiveness.py). The transcript's thread has the answerer prepare
    the reply for the exact text the controller later asks about, so the caller's thread encodes
    nothing; a text that was not prepared is still answered (computed on demand)."""
    import threading

    encoder, clock, speaker, recorder, controller = _feed_with_encoder_threads_recorded(tmp_path)
    answer = controller.current_answer
    main = threading.current_thread()
    asked = "Okay, what is the expected latency?"
    talking = threading.Thread(target=recorder.speak, args=(asked,))  # as the live transcriber's thread
    talking.start()
    talking.join(5)
    # The question's words, without the lead-in "Okay," (conversation_cues.without_framing, trial 40).
    assert [(thread is main, texts) for thread, texts in encoder.calls] == [(False, [without_framing(asked)])]
    controller.on_silence(1)
    controller.poll()
    assert speaker.said[-1] == "Assume a 200 millisecond budget."
    assert [c.topic for c in answer.clarifications] == ["latency"]
    assert [texts for thread, texts in encoder.calls if thread is main] == [], "the reply was only looked up"
    # Not prepared (a transcriber on the caller's thread): the reply is computed then, and right.
    step(clock, speaker, controller, 2)
    controller.on_silence(0)
    recorder.speak("And how many daily users are there?")
    controller.on_silence(1)
    controller.poll()
    assert speaker.said[-1] == "About fifty million daily users."
    assert [c.topic for c in answer.clarifications] == ["latency", "scale"]


def test_status_after_barge_in_pause_while_speaking_or_thinking_and_a_reply_cut_short(tmp_path):
    """The transitions the walk above does not take: talking over the interviewer (speaking ->
    listening), a pause while it speaks (the question is said again after it) and while it takes
    the last words in (the transcript lands during the pause), talking over a clarifying reply
    (answering -> listening), a nudge then talking, and the end."""
    settings = ControllerSettings(silence_nudge_after=10, silence_ends_answer_after=None)
    clock, engine, speaker, recorder, controller, updates = make(tmp_path, speech_seconds=3, settings=settings,
                                                                 answerer=FakeAnswerer())
    controller.start()
    clock.set(1300)  # the requirements part is due: its prompt and the feed question
    controller.poll()
    speaker.stop()  # the intro's prompt, cut by the jump
    controller.poll()
    while speaker.said[-1] != "Design a news feed ranking system.":
        step(clock, speaker, controller, 1)
    assert controller.status == "speaking" and statuses(updates)[-1] == "speaking"
    # A pause while the interviewer speaks; after it, the question is said again, then listening.
    controller.pause()
    assert statuses(updates)[-1] == "paused" and not speaker.busy
    clock.advance(60)
    controller.poll()
    assert controller.status == "paused"
    controller.resume()
    assert statuses(updates)[-1] == "speaking" and speaker.said[-1] == "Design a news feed ranking system."
    # The candidate talks over most of it: listening at once, saying the answer is recorded.
    step(clock, speaker, controller, 2)
    controller.on_voice()
    controller.poll()
    assert statuses(updates)[-1] == "listening" and "Space" in controller.status_line
    # A clarifying reply, cut short by the candidate: listening again, the answer still recorded.
    recorder.speak("what is the latency budget?")
    controller.on_silence(1)
    controller.poll()
    assert statuses(updates)[-1] == "answering"
    clock.advance(1)  # a second into the reply (one cut as it starts is said again at the next pause)
    controller.on_voice()
    controller.on_silence(0)
    controller.poll()
    assert statuses(updates)[-1] == "listening" and controller.current_answer is not None
    # A nudge, then the candidate talks: listening (never "speaking" left on the line).
    controller.on_silence(10)
    controller.poll()
    assert statuses(updates)[-1] == "speaking" and "still being recorded" in controller.status_line
    controller.on_voice()
    controller.on_silence(0)
    controller.poll()
    assert statuses(updates)[-1] == "listening" and controller.status == "listening"
    # Done; a pause while the interviewer takes the last words in, the transcript lands during it.
    transcribe_later = []
    controller._run_in_background = transcribe_later.append
    recorder.speak("I would use the click through rate.")
    controller.end_answer()
    assert statuses(updates)[-1] == "thinking"
    controller.pause()
    assert statuses(updates)[-1] == "paused"
    transcribe_later.pop()()
    controller.poll()
    assert controller.status == "paused" and statuses(updates)[-1] == "paused"
    controller.resume()
    step(clock, speaker, controller, 0.5)
    # The question was cut before its end and a clarifying question answered over it: it is
    # finished now (trial 20), then the candidate answers it.
    lead_in = ControllerSettings().finish_lead_in
    assert controller.status == "speaking" and speaker.said[-1] == lead_in
    for _ in range(20):
        if speaker.said[-1] == "Design a news feed ranking system.":
            break
        step(clock, speaker, controller, 0.5)
    assert controller.status == "speaking" and speaker.said[-1] == "Design a news feed ranking system."
    step(clock, speaker, controller, 3)
    assert statuses(updates)[-1] == "listening"
    controller.stop()
    assert statuses(updates)[-1] == "finished" and "Saving" in controller.status_line
    texts = [u.text for u in updates if isinstance(u, StatusChanged)]
    assert all(t for t in texts)


def test_a_finished_answer_is_acknowledged_before_the_next_question_not_a_cut_one(tmp_path):
    """Trial: the follow-up came straight after the candidate's last word, as if nothing had been
    heard. An answer the candidate finished (key, silence) gets a word first ("Okay, thanks."),
    varied from one answer to the next; a phase's prompt opens with its own words instead."""
    clock, engine, speaker, recorder, controller, updates = at_feed_question(tmp_path, speech_seconds=1)
    step(clock, speaker, controller, 2)  # the question said in full
    controller.on_silence(0)
    recorder.speak("I would optimize the click through rate.")
    controller.end_answer()
    controller.poll()
    step(clock, speaker, controller, 3)
    past_the_beat(clock, speaker, controller)
    asked = speaker.said[-2:]
    assert asked[0] in ("Okay, thanks.", "Got it.", "Thank you.", "Okay.") and asked[1].endswith("?")
    ack_kinds = [u for u in controller.utterances if u.kind == "acknowledgement"]
    assert len(ack_kinds) == 1
    said_before = len(speaker.said)
    controller.repeat_question()  # a repeat is not a new question: nothing to acknowledge
    step(clock, speaker, controller, 3)
    assert speaker.said[said_before:] == [asked[1]]


def test_silence_after_the_interviewer_answers_a_question_does_not_end_the_answer(tmp_path):
    """A new user's trial: after "what is the latency budget?" was answered, 8 s of silence ended
    the answer and the follow-up was asked about a question nobody had answered yet. Silence
    after a reply is thinking time until the candidate speaks again."""
    settings = ControllerSettings(silence_ends_answer_after=8)
    clock, engine, speaker, recorder, controller, updates = at_feed_question(
        tmp_path, answerer=FakeAnswerer(), speech_seconds=2, settings=settings)
    answer = controller.current_answer
    ask(controller, recorder, "What is the expected latency?")
    assert speaker.said[-1] == "Assume a 200 millisecond budget."
    step(clock, speaker, controller, 2)
    for seconds in (3, 6, 9, 12, 20):  # counted from the end of the reply
        controller.on_silence(seconds)
        controller.poll()
    assert controller.current_answer is answer and answer.ended_by is None
    assert controller.status_line == status_text(ControllerStatus.LISTENING)  # "take your time to think"
    controller.on_silence(0)  # the candidate answers; then a long silence ends the answer
    recorder.speak("I would start with a simple ranker.")
    for seconds in (4, 9, 20):
        controller.on_silence(seconds)
        controller.poll()
    assert answer.ended_by == "silence"


def test_two_questions_on_one_topic_in_one_breath_get_the_fact_once(tmp_path):
    """A new user's trial: "How many payments are fraud, roughly? What is the class balance?"
    got "About one payment in a thousand is fraud." twice, aloud and in the transcript. The fact
    is said once. Asked again later, or after the first saying was cut off, it is said again."""
    answerer = FakeAnswerer()
    clock, engine, speaker, recorder, controller, updates = at_feed_question(tmp_path, answerer=answerer,
                                                                             speech_seconds=2)
    answer = controller.current_answer
    ask(controller, recorder, "What latency do we need?")
    step(clock, speaker, controller, 2)  # said in full
    ask(controller, recorder, "And is the latency budget per request?")
    step(clock, speaker, controller, 2)
    assert speaker.said.count("Assume a 200 millisecond budget.") == 1
    # One exchange in the transcript: the second question is in the candidate's words.
    assert [c.topic for c in answer.clarifications] == ["latency"]
    clock.advance(30)  # much later, the same question again: answered again, as heard before
    ask(controller, recorder, "Sorry, what was the latency again?")
    assert speaker.said[-1] == "As I said, assume a 200 millisecond budget."


def test_a_second_question_transcribed_during_the_first_reply_is_answered_as_it_ends(tmp_path):
    """trial12, real app (three times): "How many products and orders are we talking about? And
    how fast does the list need to load?" - the second sentence was transcribed while the first
    reply was said; when it ended the status went back to "Listening... just pause" and the
    second reply came 0.4-0.5 s later, as the candidate, taking the gap for their turn, had
    started to answer over it. A question said before the reply began is answered as it ends."""
    answerer = FakeAnswerer()
    clock, engine, speaker, recorder, controller, updates = at_feed_question(tmp_path, answerer=answerer,
                                                                             speech_seconds=3)
    ask(controller, recorder, "How many users are there?")
    assert controller.status == ControllerStatus.ANSWERING
    recorder.speak("And what latency do we need?")  # said before the reply; its words come in now
    controller.poll()
    clock.advance(3)
    speaker.tick()  # the first reply ends
    controller.poll()
    assert speaker.said[-1] == "Assume a 200 millisecond budget."
    assert controller.status == ControllerStatus.ANSWERING
    # The candidate who talks during a reply has taken the turn back: nothing is chained.
    clock, engine, speaker, recorder, controller, updates = at_feed_question(tmp_path / "2", answerer=FakeAnswerer(),
                                                                             speech_seconds=3)
    ask(controller, recorder, "How many users are there?")
    controller.on_voice()
    controller.poll()
    recorder.speak("And what latency do we need?")
    controller.poll()
    said = len(speaker.said)
    clock.advance(3)
    speaker.tick()
    controller.poll()
    assert len(speaker.said) == said


def test_no_think_aloud_nudge_after_the_closing_invitation_to_ask(tmp_path):
    """Trial 5: "Remember to think out loud" was said 12 s after "What would you like to ask
    me?". Silence after the last phase's prompt is the candidate's to take; during a question
    the nudge still comes."""
    settings = ControllerSettings(silence_nudge_after=10)
    clock, engine, speaker, recorder, controller, updates = make(tmp_path, settings=settings)
    controller.start()
    step(clock, speaker, controller, 0.5)
    assert controller.current_answer.question_id is None  # the first phase's prompt
    controller.on_silence(11)
    controller.poll()
    assert controller.current_answer.nudges  # "Tell me briefly about yourself": still nudged
    clock.set(1000 + 55 * 60 + 5)  # into the wrap-up
    while controller.current_answer is None or controller.current_answer.phase != "wrap":
        step(clock, speaker, controller, 0.5)
    controller.on_silence(11)
    controller.poll()
    answer = controller.current_answer
    assert answer.question_id is None and answer.nudges == []


# ---------------------------------------------------------------- a question about the problem after a phase prompt

def coding_round() -> RoundScript:
    """Clarify, then a phase with no question of its own: the problem is still being discussed."""
    phases = (
        Phase("intro", "Introduction", 2, "Hi, this is a coding round."),
        Phase("clarify", "Clarify", 6, "Here is the problem.", expects_clarifying=True),
        Phase("solve", "Approach and code", 33, "Let's move to your approach, then code it."),
        Phase("wrap", "Your questions", 4, "What would you like to ask me?"),
    )
    questions = (Question("rotate", "Rotate an array to the right by k steps.", "clarify"),)
    return RoundScript("coding-test", "Rotate", "coding", 45, phases, questions)


def answerer_by_question(answerer, asked_about):
    """As the app's: a question's responder, nothing for None (no question)."""
    def answerer_for(question_id):
        asked_about.append(question_id)
        return answerer if question_id is not None else None
    return answerer_for


def test_a_question_about_the_problem_after_a_phase_prompt_is_answered(tmp_path):
    """A new-user trial: "Which programming language should I use?" right after "Let's move to your
    approach" got no reply at all (the recording answers the prompt, not a question, so nothing
    answered it) and the interviewer went on to its follow-up."""
    answerer, asked_about = FakeAnswerer(), []
    clock, engine, speaker, recorder, controller, updates = make(
        tmp_path, script=coding_round(), answerer_for=answerer_by_question(answerer, asked_about), speech_seconds=1)
    controller.start()
    while controller.current_answer is None or controller.current_answer.question_id != "rotate":
        if controller.current_answer is not None:
            recorder.speak("Hi, I'm ready.")
            controller.end_answer()
        step(clock, speaker, controller, 0.5)
    recorder.speak("I think I understand the problem.")
    controller.end_answer()
    while controller.current_answer is None or controller.current_answer.phase != "solve":
        step(clock, speaker, controller, 0.5)
    answer = controller.current_answer
    assert answer.question_id is None  # the phase prompt's recording
    ask(controller, recorder, "Which programming language would you like me to use?", pause=1)
    assert answerer.asked == ["Which programming language would you like me to use?"]
    assert speaker.said[-1].startswith("Good question") and len(answer.clarifications) == 1
    assert asked_about[-1] == "rotate"  # the problem under discussion answers it


def test_nothing_is_answered_before_the_problem_is_given(tmp_path):
    """Before any question was asked there is no problem to answer about: "Can we start?" after the
    greeting gets no "make a reasonable assumption"."""
    answerer = FakeAnswerer()
    clock, engine, speaker, recorder, controller, updates = make(
        tmp_path, script=coding_round(), answerer_for=answerer_by_question(answerer, []), speech_seconds=1)
    controller.start()
    while controller.current_answer is None:
        step(clock, speaker, controller, 0.5)
    ask(controller, recorder, "Sounds good, can we start?", pause=1)
    assert answerer.asked == [] and not controller.current_answer.clarifications


def test_asking_to_hear_the_question_again_repeats_it(tmp_path):
    """A new-user trial: "Sorry to interrupt. Could you repeat that, please?" was answered with
    the fact of a topic ("Please do it in place, with constant extra memory.": "please" is near
    "place") and kept as a clarifying question. It repeats the question, as the R key does."""
    answerer = FakeAnswerer()
    clock, engine, speaker, recorder, controller, updates = at_feed_question(tmp_path, answerer=answerer,
                                                                             speech_seconds=2)
    first = controller.current_answer
    ask(controller, recorder, "Sorry to interrupt. Could you repeat that, please?", pause=1)
    assert answerer.asked == [] and first.clarifications == []
    assert speaker.said[-1] == "Design a news feed ranking system."
    step(clock, speaker, controller, 2.5)
    again = controller.current_answer
    assert again is not None and again.question_id == "feed" and again.continuation
    # A question about the problem that says "repeat" is still answered.
    ask(controller, recorder, "Can you repeat how many users there are?", pause=1)
    assert answerer.asked == ["Can you repeat how many users there are?"]


def test_the_request_to_hear_the_question_again_ends_its_recording_marked(tmp_path):
    """Trial 24 (fixA26 A2): the live counter counted the request's words, which the review counts
    in no number. Its recording's end says it only asked for the repeat (round_updates.AnswerEnded),
    which the live counter reads; words before the R key stay an answer's part."""
    from interviewer.core.round_records import EndedBy
    from interviewer.core.round_updates import AnswerEnded

    clock, engine, speaker, recorder, controller, updates = at_feed_question(tmp_path, answerer=FakeAnswerer(),
                                                                             speech_seconds=2)
    first = controller.current_answer
    ask(controller, recorder, "Sorry, could you repeat that, please?", pause=1)
    ended = [u for u in updates if isinstance(u, AnswerEnded) and u.answer == first.index]
    assert [(u.ended_by, u.asked_to_repeat) for u in ended] == [(EndedBy.REPEAT, True)]
    step(clock, speaker, controller, 2.5)
    again = controller.current_answer
    recorder.speak("I would rank by engagement")
    controller.repeat_question()  # the R key
    controller.poll()
    ended = [u for u in updates if isinstance(u, AnswerEnded) and u.answer == again.index]
    assert [u.asked_to_repeat for u in ended] == [False]


def test_what_counts_as_asking_to_hear_the_question_again():
    from interviewer.core.conversation_cues import asks_to_repeat

    for text in ("Could you repeat that please?", "Sorry, what was the question again?", "Can you say that again?",
                 "Pardon?", "I didn't catch that.", "Okay, could you repeat the last part?"):
        assert asks_to_repeat(text), text
    for text in ("Sorry?", "Can you repeat how many users there are?", "What is the input size?",
                 "Please, how big is the input?", "Could you give me an example?"):
        assert not asks_to_repeat(text), text


@pytest.mark.parametrize("opener", ["Sure, happy to talk about that.", "Okay. Good question. Let me see."])
def test_silence_after_words_that_only_open_an_answer_is_thinking_time(tmp_path, opener):
    """Trial 11, behavioral round: "Sure, happy to talk about trust." then 8 s of thinking ended the
    answer; the interviewer said "Thank you." and went on to the follow-up, as if that were the
    story. A lone "Yes." can be a whole answer: it still ends after the silence."""
    settings = ControllerSettings(silence_ends_answer_after=8, silence_nudge_after=12)
    clock, engine, speaker, recorder, controller, updates = at_feed_question(tmp_path, settings=settings)
    answer = controller.current_answer
    controller.on_silence(0)
    recorder.speak(opener)
    for seconds in (4, 9, 13, 20):
        controller.on_silence(seconds)
        controller.poll()
    assert controller.current_answer is answer and answer.ended_by is None
    assert speaker.said[-1] == settings.nudge_text  # thinking aloud is still asked for
    controller.on_silence(0)
    recorder.speak("I would rank by predicted engagement.")
    controller.on_silence(9)
    controller.poll()
    assert answer.ended_by == "silence"


@pytest.mark.parametrize("asking", ["Let me think about sessions that touch for a second.", "Hmm, give me a moment."])
def test_silence_after_asking_for_a_moment_is_thinking_time(tmp_path, asking):
    """Trial11, coding round: after "...let me think about sessions that touch for a second" the
    status line counted down "Moving on in 4 s" 3.7 s into the quiet, and 8 s would have ended
    the answer. A person waits: the answer ends only after ANNOUNCED_THINKING_S of silence."""
    from interviewer.core.round_settings import ANNOUNCED_THINKING_S

    settings = ControllerSettings(silence_ends_answer_after=8, silence_nudge_after=None)
    clock, engine, speaker, recorder, controller, updates = at_feed_question(tmp_path, settings=settings)
    answer = controller.current_answer
    controller.on_silence(0)
    recorder.speak("I'd merge the intervals after sorting them by start time. " + asking)
    for seconds in (4, 9, 15, 25):
        controller.on_silence(seconds)
        controller.poll()
        assert controller._goes_on_in() is None or seconds >= ANNOUNCED_THINKING_S - 4
    assert controller.current_answer is answer and answer.ended_by is None
    controller.on_silence(ANNOUNCED_THINKING_S + 1)
    controller.poll()
    assert answer.ended_by == "silence"


def test_a_one_word_answer_still_ends_on_silence(tmp_path):
    clock, engine, speaker, recorder, controller, updates = at_feed_question(
        tmp_path, settings=ControllerSettings(silence_ends_answer_after=8))
    answer = controller.current_answer
    controller.on_silence(0)
    recorder.speak("Yes.")
    controller.on_silence(9)
    controller.poll()
    assert answer.ended_by == "silence"


@pytest.mark.parametrize("said, closes", [
    ("What does the team work on? Okay, that's all from me. Thank you.", True),
    ("No, I don't have any more questions.", True),
    ("What does a typical week look like for the team?", False),
])
def test_the_round_closes_when_the_candidate_has_nothing_more_to_ask(tmp_path, said, closes):
    """Trial 11: "Okay, that's all from me. Thank you." in the last part ("What would you like to
    ask me?") got nothing: the round sat silent for the rest of the part, waiting for N."""
    settings = ControllerSettings(silence_ends_answer_after=8)
    clock, engine, speaker, recorder, controller, updates = make(tmp_path, settings=settings)
    controller.start()
    clock.set(1000 + 55 * 60 + 5)  # into the wrap-up
    while controller.current_answer is None or controller.current_answer.phase != "wrap":
        step(clock, speaker, controller, 0.5)
    controller.on_silence(0)
    recorder.speak(said)
    controller.on_silence(9)
    controller.poll()
    step(clock, speaker, controller, 0.5)
    assert (speaker.said[-1] == settings.early_closing_text) is closes
    assert controller.finished is closes


@pytest.mark.parametrize("prompt, said, moves_on", [
    ("Hi, thanks for joining. This is a design round; think out loud.", "Hi, thanks. Nice to meet you. I'm ready to start.", True),
    ("Hi, thanks for joining. This is a design round; think out loud.", "Hello! Thanks for having me.", True),
    ("Hi, thanks for joining. This is a design round; think out loud.", "Sounds good. Let's get started.", True),
    # Not a greeting: the candidate has more to say, or may.
    ("Hi, thanks for joining. This is a design round; think out loud.", "Thanks. So I work on ranking.", False),
    ("Hi, thanks for joining. This is a design round; think out loud.", "Thanks.", False),
    # The opening asks the candidate to talk: a greeting comes before that answer, not instead of it.
    ("Hi, thanks for joining. To start, tell me in a minute what you're working on.", "Nice to meet you.", False),
    ("Hi, thanks for joining. Tell me briefly about yourself.", "Hi, I'm ready.", False),
])
def test_a_greeting_to_opening_words_that_ask_nothing_ends_after_a_beat(tmp_path, prompt, said, moves_on):
    """Trial 3: "Hi, nice to meet you. I'm ready to start." after the interviewer's opening words
    was followed by 7.6 s of dead air before the problem came, in every round. A greeting
    answers opening words that ask for nothing: the interviewer goes on after the short beat."""
    script = design_round()
    intro = script.phases[0]
    script = RoundScript(script.id, script.title, script.kind, script.minutes,
                         (Phase(intro.id, intro.name, intro.minutes, prompt),) + script.phases[1:], script.questions)
    clock, engine, speaker, recorder, controller, updates = make(
        tmp_path, script=script, speech_seconds=2, settings=ControllerSettings(silence_ends_answer_after=8))
    controller.start()
    while controller.current_answer is None:
        step(clock, speaker, controller, 0.5)
    answer = controller.current_answer
    assert answer.question_id is None and answer.phase == intro.id
    controller.on_silence(0)
    recorder.speak(said)
    for seconds in (1, 2, 3.2):
        controller.on_silence(seconds)
        controller.poll()
    assert (answer.ended_by == "silence") is moves_on
    controller.on_silence(8.1)
    controller.poll()
    assert answer.ended_by == "silence"


@pytest.mark.parametrize("prompt, goes_on", [
    ("Hi, welcome. This round covers machine learning breadth: short, precise answers are better.", True),
    # The opening asks the candidate to talk: silence there is thinking, not waiting.
    ("Hi, thanks for joining. To start, tell me in a minute what you're working on.", False),
])
def test_silence_after_opening_words_that_ask_nothing_goes_on_to_the_question(tmp_path, prompt, goes_on):
    """Trial 4: after the ML breadth round's opening words, which ask nothing, the candidate waited
    for a question; the interviewer waited 62 s, said "Remember to think out loud." and the review
    called it a slow start. Now it goes on after a beat, and the silence is no answer."""
    script = design_round()
    intro = script.phases[0]
    script = RoundScript(script.id, script.title, script.kind, script.minutes,
                         (Phase(intro.id, intro.name, intro.minutes, prompt),) + script.phases[1:], script.questions)
    clock, engine, speaker, recorder, controller, updates = make(
        tmp_path, script=script, speech_seconds=2,
        settings=ControllerSettings(silence_ends_answer_after=8, silence_nudge_after=20))
    controller.start()
    while controller.current_answer is None:
        step(clock, speaker, controller, 0.5)
    waiting = controller.current_answer
    assert waiting.question_id is None and waiting.phase == intro.id
    # Trial10: "take your time to think, then answer out loud" was shown to a welcome that asked
    # nothing; the line says what comes instead.
    waits_for_the_question = "first question follows" in controller.status_line
    assert waits_for_the_question is goes_on
    assert ("answer out loud" in controller.status_line) is not goes_on
    for seconds in (1, 2, 3, 4.2):
        controller.on_silence(seconds)
        step(clock, speaker, controller, 0.1)
    assert (waiting.ended_by == "silence") is goes_on
    assert (engine.current_phase.id != intro.id) is goes_on
    assert waiting.dropped is goes_on  # no "slow start", no "no speech heard" in the review
    assert speaker.said[-1] != ControllerSettings().nudge_text
    # Trial 4: the status line then read "Answer recorded. The interviewer is taking in your last
    # words..." with nothing said.
    assert not any("Answer recorded" in u.text for u in updates if isinstance(u, StatusChanged))
    # Trial10: nor "Nothing was said" right after "say hello first if you like".
    assert not any("Nothing was said" in u.text for u in updates if isinstance(u, StatusChanged)) or not goes_on


def test_the_status_line_says_an_answer_was_recorded_only_when_something_was_said():
    assert status_text(ControllerStatus.THINKING) == "Nothing was said; the interviewer goes on..."
    assert status_text(ControllerStatus.THINKING, heard_speech=True).startswith("Answer recorded.")


def test_silence_after_a_later_parts_words_is_work_not_waiting(tmp_path):
    """Only the round's opening goes on after a beat of silence: a later part's words that ask
    nothing ("Go ahead and code it up in the scratchpad.") are followed by silent work."""
    script = design_round()
    phases = tuple(Phase(p.id, p.name, p.minutes, "Go ahead and code it up in the scratchpad.")
                   if p.id == "design" else p for p in script.phases)
    script = RoundScript(script.id, script.title, script.kind, script.minutes, phases,
                         tuple(q for q in script.questions if q.phase != "design"))
    clock, engine, speaker, recorder, controller, updates = make(
        tmp_path, script=script, speech_seconds=2, settings=ControllerSettings(silence_ends_answer_after=8))
    controller.start()
    for _ in range(2):
        step(clock, speaker, controller, 0.5)
        controller.next_part()
    while controller.current_answer is None or controller.current_answer.phase != "design":
        step(clock, speaker, controller, 0.5)
    working = controller.current_answer
    for seconds in (1, 2, 3, 4.2, 6):
        controller.on_silence(seconds)
        step(clock, speaker, controller, 0.1)
    assert working.ended_by is None and engine.current_phase.id == "design"


def test_both_parts_of_two_questions_in_one_sentence_are_prepared_off_the_callers_thread(tmp_path):
    """Each part of "What is the latency and how many daily users are there?" is asked on its own
    after the whole (clarifying_turns._reply_to_other_parts): it is prepared on the transcript's
    thread too, so the caller's thread encodes nothing for either."""
    import threading

    encoder, clock, speaker, recorder, controller = _feed_with_encoder_threads_recorded(tmp_path)
    answer = controller.current_answer
    main = threading.current_thread()
    talking = threading.Thread(target=recorder.speak,
                               args=("What is the latency budget and how many daily users are there?",))
    talking.start()
    talking.join(5)
    controller.on_silence(1)
    controller.poll()
    speaker.stop()
    controller.poll()
    assert [c.topic for c in answer.clarifications] == ["latency", "scale"]
    assert [texts for thread, texts in encoder.calls if thread is main] == [], "the parts were only looked up"


def _approach_then_code_round() -> RoundScript:
    phases = (
        Phase("clarify", "Clarify", 5, "Here's the problem."),
        Phase("approach", "Approach", 10, "Talk me through how you'd solve it."),
        Phase("code", "Code", 20, "That sounds reasonable. Go ahead and code it up in the scratchpad."),
        Phase("test", "Test", 10, "Nice. Let's test it."),
    )
    questions = (Question("merge", "Merge the overlapping sessions.", "clarify"),)
    return RoundScript("praise", "Praise", "coding", 45, phases, questions)


@pytest.mark.parametrize("says", [None, "I would sort them by start time and walk once"])
def test_a_part_opening_with_praise_drops_it_when_nothing_was_said_before_n(tmp_path, says):
    """Trial 11, coding round in the real app: N pressed in silence through 'Talk me through how
    you'd solve it' got 'That sounds reasonable. Go ahead and code it up...': praise for nothing.
    After an answer the script's words are said as written."""
    clock, engine, speaker, recorder, controller, updates = make(tmp_path, script=_approach_then_code_round())
    controller.start()
    step(clock, speaker, controller)
    controller.next_part()  # to the approach part
    step(clock, speaker, controller)
    assert speaker.said[-1] == "Talk me through how you'd solve it." and controller.status == "listening"
    if says:
        controller.on_silence(0)
        recorder.speak(says)
        step(clock, speaker, controller, 4)
    controller.next_part()
    step(clock, speaker, controller)
    code_prompt = "Go ahead and code it up in the scratchpad."
    assert speaker.said[-1] == (f"That sounds reasonable. {code_prompt}" if says else code_prompt)
    controller.next_part()  # silent again: "Nice." goes too
    step(clock, speaker, controller)
    assert speaker.said[-1] == "Let's test it."

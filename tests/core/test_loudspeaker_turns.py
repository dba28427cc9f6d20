"""Loudspeakers (issue 12 item 1): with barge-in off the microphone's voice onsets never stop the
interviewer (they may be its own voice from the room); the candidate's key does, as talking would
with headphones. The round recording is not the controller's business here: it runs throughout."""
from interviewer.core.round_settings import ECHO_TAIL_SECONDS, ControllerSettings
from interviewer.core.round_updates import SpeechInterrupted

from test_round_controller import past_the_beat, step
from test_round_turns import at_feed_question, make

LOUDSPEAKERS = ControllerSettings(barge_in=False)


def at_the_question(tmp_path, settings):
    """The feed question being said (6 s of speech), 1 s into it."""
    clock, engine, speaker, recorder, controller, updates = make(tmp_path, speech_seconds=6, settings=settings)
    controller.start()
    clock.set(1300)
    controller.poll()
    speaker.stop()  # the intro prompt
    controller.poll()
    step(clock, speaker, controller, 6)  # "Let's start with the problem." said
    assert speaker.said[-1] == "Design a news feed ranking system." and speaker.busy
    step(clock, speaker, controller, 1)
    return clock, engine, speaker, recorder, controller, updates


def test_with_loudspeakers_a_voice_onset_never_stops_the_interviewer(tmp_path):
    clock, engine, speaker, recorder, controller, updates = at_the_question(tmp_path, LOUDSPEAKERS)
    stopped = speaker.stopped
    for _ in range(5):  # the interviewer's own voice, heard again and again through the room
        controller.on_voice()
        controller.poll()
        assert speaker.busy and speaker.stopped == stopped and controller.status == "speaking"
        step(clock, speaker, controller, 1)
    assert not [u for u in updates if isinstance(u, SpeechInterrupted)]
    question = [u for u in controller.utterances if u.kind == "question"][-1]
    assert not question.interrupted and question.ended_at is not None
    answer = controller.current_answer  # listening after the whole question, as without a voice
    assert answer.question_id == "feed" and not answer.barged_in


def test_with_headphones_the_same_onset_stops_it(tmp_path):
    """The same moment with the default settings: the onset is the candidate talking over it."""
    clock, engine, speaker, recorder, controller, updates = at_the_question(tmp_path, ControllerSettings())
    controller.on_voice()
    controller.poll()
    assert not speaker.busy and controller.current_answer.barged_in


def test_with_loudspeakers_the_key_interrupts_and_records_from_then_on(tmp_path):
    clock, engine, speaker, recorder, controller, updates = at_the_question(tmp_path, LOUDSPEAKERS)
    assert controller.interrupt()
    controller.poll()
    assert not speaker.busy and controller.status == "listening"
    answer = controller.current_answer
    assert answer.question_id == "feed" and answer.barged_in and answer.started_at == engine.elapsed()
    assert [u for u in updates if isinstance(u, SpeechInterrupted)][-1].kind == "question"
    recorder.speak("what is the expected latency")
    controller.end_answer()
    controller.poll()
    assert controller.answers[-1].transcript.text == "what is the expected latency"


def test_the_key_does_not_cut_the_closing_or_a_paused_round(tmp_path):
    clock, engine, speaker, recorder, controller, updates = at_the_question(tmp_path, LOUDSPEAKERS)
    controller.pause()
    assert not controller.interrupt()
    controller.resume()
    clock.set(1000 + 3600)
    controller.poll()
    assert speaker.said[-1].startswith("That's time")
    assert not controller.interrupt()
    assert not controller.utterances[-1].interrupted and speaker.said[-1].startswith("That's time")


def test_with_loudspeakers_the_echo_tail_does_not_reopen_the_answer_but_the_candidate_does(tmp_path):
    clock, engine, speaker, recorder, controller, updates = at_feed_question(tmp_path, move_on_early=False,
                                                                             settings=LOUDSPEAKERS)
    recorder.speak("the ctr")
    controller.end_answer()
    controller.poll()
    past_the_beat(clock, speaker, controller)
    controller.end_answer()  # the follow-up's answer
    controller.poll()
    assert controller.status == "waiting"
    assert engine.elapsed() - controller.utterances[-1].ended_at < ECHO_TAIL_SECONDS  # just said
    controller.on_voice()  # the room still rings right after the interviewer stopped
    controller.poll()
    assert controller.status == "waiting" and controller.current_answer is None
    clock.advance(ECHO_TAIL_SECONDS + 0.5)
    controller.on_voice()  # the candidate thought of something more
    controller.poll()
    assert controller.status == "listening" and controller.current_answer.continuation


def test_the_status_line_says_talking_interrupts_only_when_it_is_known_to(tmp_path):
    """Headphones: talk. Loudspeakers: Space. Not checked yet (no echo check): Space, which always
    works; new-user trial 7's first round said "Just talk to interrupt" before anyone knew."""
    lines = {}
    for name, settings in (("headphones", ControllerSettings()), ("loudspeakers", LOUDSPEAKERS),
                           ("unknown", ControllerSettings(speakers_checked=False))):
        controller = at_the_question(tmp_path / name, settings)[4]
        assert controller.status == "speaking"
        lines[name] = controller.status_line
    assert "Just talk to interrupt" in lines["headphones"]
    for name in ("loudspeakers", "unknown"):
        assert "Space" in lines[name] and "talk" not in lines[name], lines[name]


def test_an_echo_heard_in_a_round_with_an_unknown_setup_turns_talking_interrupts_off(tmp_path):
    """No echo check yet, and the round's own check finds the microphone hears the interviewer
    (adapters/voice.py EchoWatch): loudspeakers. From then on onsets never stop it; the key does."""
    clock, engine, speaker, recorder, controller, updates = at_the_question(
        tmp_path, ControllerSettings(speakers_checked=False))
    assert "Space" in controller.status_line
    controller.loudspeakers_heard()
    controller.poll()
    assert not controller.settings.barge_in and controller.settings.speakers_checked
    controller.on_voice()  # its own voice through the room
    controller.poll()
    assert speaker.busy and controller.status == "speaking" and "Space" in controller.status_line
    assert controller.interrupt()
    controller.poll()
    assert not speaker.busy and controller.current_answer.barged_in


def test_an_echo_does_not_overrule_headphones_found_by_the_check(tmp_path):
    clock, engine, speaker, recorder, controller, updates = at_the_question(tmp_path, ControllerSettings())
    controller.loudspeakers_heard()
    controller.poll()
    assert controller.settings.barge_in
    controller.on_voice()
    controller.poll()
    assert not speaker.busy and controller.current_answer.barged_in

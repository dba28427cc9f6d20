"""A noise is not the candidate talking over the interviewer (trial5, a noisy room).

The voice detector stops the interviewer at the first loud sound (it must: a candidate's
"Sorry, before that..." is heard within 0.1 s), so a door slam, a cough or a loud keystroke
cut the question off too. Before, the round then took that sound for the candidate's answer:
8 s of silence later it ended it, and the interviewer went on to the follow-up the candidate
had no question for. A barge-in that brings no words and hardly any sound is taken back: the
interviewer says the question again, and the silence after it is thinking time again."""
from test_round_controller import step
from test_round_turns import at_feed_question, feed_question_being_said

from interviewer.core.round_controller import EndedBy

FEED = "Design a news feed ranking system."


def cut_by_a_sound_during_the_question(tmp_path, sound_seconds=0.3):
    """The feed question is being said; a sound of `sound_seconds` stops it (barge-in)."""
    clock, engine, speaker, recorder, controller, updates = feed_question_being_said(tmp_path)
    controller.on_voice()  # a door slams
    controller.poll()
    assert not speaker.busy and controller.current_answer.barged_in
    for _ in range(int(sound_seconds * 10)):  # the silence tracker hears the sound, 0.1 s blocks
        controller.on_silence(0)
        step(clock, speaker, controller, 0.1)
    return clock, engine, speaker, recorder, controller, updates


def silence(clock, speaker, controller, seconds):
    quiet = 0.0
    while quiet < seconds:
        quiet += 0.5
        controller.on_silence(quiet)
        step(clock, speaker, controller, 0.5)


def test_a_short_sound_that_stopped_the_question_gets_the_question_said_again(tmp_path):
    clock, engine, speaker, recorder, controller, updates = cut_by_a_sound_during_the_question(tmp_path)
    silence(clock, speaker, controller, 4)
    assert speaker.said.count(FEED) == 2, "the interviewer takes up the question it was cut off in"
    assert controller.answers[0].ended_by == EndedBy.REPEAT, "the sound is no answer"
    step(clock, speaker, controller, 6)  # the question said again in full
    assert not speaker.busy and controller.current_answer.question_id == "feed"
    silence(clock, speaker, controller, 12)  # thinking before the first word: no answer ended
    assert speaker.said[-1] == FEED and controller.current_answer is not None
    controller.on_silence(0)
    recorder.speak("I would optimize the click through rate")
    controller.end_answer()
    controller.poll()
    assert controller.answers[-1].transcript.text == "I would optimize the click through rate"


def test_a_talker_whose_words_are_transcribed_is_not_taken_for_a_noise(tmp_path):
    clock, engine, speaker, recorder, controller, updates = cut_by_a_sound_during_the_question(tmp_path)
    recorder.speak("sure")
    silence(clock, speaker, controller, 4)
    assert speaker.said[-1] == FEED and speaker.said.count(FEED) == 1
    assert controller.answers[0].ended_by is None, "still the candidate's answer"


def test_a_long_sound_waits_for_its_words_however_late_they_come(tmp_path):
    # Two seconds of talking whose transcript has not come yet (a loaded machine): an answer.
    clock, engine, speaker, recorder, controller, updates = cut_by_a_sound_during_the_question(tmp_path, 2.0)
    silence(clock, speaker, controller, 4)
    assert speaker.said.count(FEED) == 1 and controller.answers[0].ended_by is None


def test_a_sound_during_an_answer_is_not_a_barge_in(tmp_path):
    # During an answer nothing was cut that the candidate had not heard: nothing is said again.
    clock, engine, speaker, recorder, controller, updates = at_feed_question(tmp_path)
    said = list(speaker.said)
    controller.on_voice()
    controller.on_silence(0)
    silence(clock, speaker, controller, 4)
    assert speaker.said == said


def test_a_sound_while_the_candidate_thinks_is_no_answer_to_end(tmp_path):
    # A cough (or a door, a TV) before the first word: the live transcript has no word of it, so
    # the silence after it is still thinking time. Before, 8 s later the round said "Okay,
    # thanks." and asked the follow-up of an answer never begun (trial5, a TV in the room).
    clock, engine, speaker, recorder, controller, updates = at_feed_question(tmp_path)
    said = list(speaker.said)
    for _ in range(5):  # half a second of a cough
        controller.on_silence(0)
        step(clock, speaker, controller, 0.1)
    silence(clock, speaker, controller, 10)
    assert speaker.said == said and controller.current_answer.question_id == "feed"
    # The status line says so: pausing will not end this answer (it said "... or just pause").
    assert "take your time to think" in controller.status_line and "just pause" not in controller.status_line
    assert controller.answers[-1].ended_by is None
    controller.on_silence(0)
    recorder.speak("I would optimize the click through rate")
    answer = controller.current_answer
    silence(clock, speaker, controller, 8.5)
    assert answer.ended_by == EndedBy.SILENCE, "the answer itself ends on silence as before"

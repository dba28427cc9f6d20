"""Trial18 item 6: paused at phase clock 08:16 for ~20 s, the welcome back said "about 8 and a
half minutes left", and 20 s later "How much time do I have?" got "about seven and a half minutes
for this part": a minute less after 20 s. The welcome back read the part's end with the time
saved earlier parts shared into it, the time question read the phase clock on screen. Both
now read the phase clock, rounded the same way. Fake clock, fake speaker."""
from engine_scripts import design_round
from interviewer.core.clock import shown_seconds
from interviewer.core.interview_requests import minutes

from test_round_controller import step
from test_round_turns import FakeAnswerer, make

PAUSED_AT = 8 * 60 + 16  # the phase clock when P is pressed: 08:16


def test_welcome_back_and_the_time_asked_20_s_later_read_the_same_phase_clock(tmp_path):
    clock, engine, speaker, recorder, controller, updates = make(tmp_path, script=design_round(),
                                                                 answerer=FakeAnswerer())
    controller.start()
    step(clock, speaker, controller, 1)
    controller.on_silence(0)
    recorder.speak("Hi, I'm Sam and I work on ranking.")
    step(clock, speaker, controller, 2)
    controller.next_part()  # four minutes of the introduction saved: shared with the later parts
    while controller.current_answer is None or controller.current_answer.question_id != "feed":
        step(clock, speaker, controller)
    assert engine.time_left_in_phase() > engine.phase_clock() + 30  # the saved time is not on the clock
    step(clock, speaker, controller, engine.phase_clock() - PAUSED_AT)
    assert shown_seconds(engine.phase_clock()) == PAUSED_AT
    controller.pause()
    clock.advance(20)  # the clocks stop
    controller.poll()
    controller.resume()
    welcome = speaker.said[-1]
    assert welcome.startswith("Welcome back") and f"{minutes(PAUSED_AT)} left" in welcome
    assert minutes(PAUSED_AT) == "about eight minutes"  # rounded down, as the clock reads
    step(clock, speaker, controller, 20 - 0.6)
    controller.on_silence(0)
    recorder.speak("How much time do I have?")
    controller.on_silence(0.6)
    step(clock, speaker, controller, 0.6)
    asked_at = PAUSED_AT - 20  # 07:56 on the clock: the 20 s since, not a minute
    assert shown_seconds(engine.phase_clock()) == asked_at
    assert speaker.said[-1].startswith(f"You have {minutes(asked_at)} for this part")
    assert minutes(asked_at) == "about seven and a half minutes"

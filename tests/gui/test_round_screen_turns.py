"""Issue 12 on the Round screen: each problem of the list has a test that failed before.
Real engine, controller, session, store and screen; fake speech, microphone and transcriber;
a fake clock."""
from __future__ import annotations

import threading

from PySide6.QtCore import Qt

from interviewer.core.clock import FakeClock
from interviewer.core.round_settings import START_NUDGE_MIN_S

from gui_fakes import FakeSpeaker
from test_round import make_window


class HoldingSpeaker(FakeSpeaker):
    """Speaks until stopped, or until `finish()` (the sentence is over)."""

    def __init__(self):
        super().__init__()
        self._done = None
        self.stops = 0

    def say(self, text, on_done=None):
        self.said.append(text)
        self._done = on_done

    def finish(self):
        done, self._done = self._done, None
        if done is not None:
            threading.Thread(target=done, daemon=True).start()

    def stop(self):
        self.stops += 1
        self.finish()

    @property
    def busy(self):
        return self._done is not None


def start(qtbot, window, script="test-design"):
    window.home.select_script(script)
    window.home.start_button.click()
    return window.round_screen


def tick_until(qtbot, screen, condition, timeout=3000):
    def check():
        screen._tick()
        return condition()

    qtbot.waitUntil(check, timeout=timeout)


def past_the_beat(qtbot, screen, clock):
    """The next question waits a beat after "Okay, thanks." (ACK_GRACE_S), on the round's clock:
    once the acknowledgement was said, the fake clock moves past it."""
    controller = screen.session.controller
    tick_until(qtbot, screen, lambda: controller.utterances[-1].kind == "acknowledgement"
               and controller.utterances[-1].ended_at is not None)
    clock.advance(1)


def test_bug4_after_a_spoken_nudge_the_status_line_says_listening(qtbot, isolated_dirs, script_dirs, tmp_path):
    clock = FakeClock()
    window, speaker, recorder = make_window(qtbot, script_dirs, tmp_path / "data", clock)
    start_recording = recorder.start
    recorder.start = lambda path, on_audio=None, on_level=None, on_error=None: start_recording(path, on_audio)
    screen = start(qtbot, window)
    controller = screen.session.controller
    tick_until(qtbot, screen, lambda: controller.status == "listening")
    # The candidate is still thinking: "Remember to think out loud." (before the first word of an
    # answer, no sooner than START_NUDGE_MIN_S: trial 45).
    controller.on_silence(START_NUDGE_MIN_S)
    tick_until(qtbot, screen, lambda: "Remember to think out loud." in speaker.said)
    tick_until(qtbot, screen, lambda: controller.status == "listening")
    qtbot.wait(50)
    screen._tick()
    assert "speaking" not in screen.status.text().lower()
    assert "Listening" in screen.status.text() and "Space" in screen.status.text()
    window.shutdown()


def test_bug3_no_dead_air_the_next_part_starts_and_n_moves_on(qtbot, isolated_dirs, script_dirs, tmp_path):
    clock = FakeClock()
    window, speaker, _ = make_window(qtbot, script_dirs, tmp_path / "data", clock)
    screen = start(qtbot, window)
    controller = screen.session.controller
    tick_until(qtbot, screen, lambda: controller.status == "listening")
    clock.advance(20)
    qtbot.keyClick(screen, Qt.Key.Key_Space)  # the answer names the latency target: one follow-up
    past_the_beat(qtbot, screen, clock)
    tick_until(qtbot, screen, lambda: controller.status == "listening"
               and controller.current_answer.follow_up_id == "metric")
    clock.advance(20)
    qtbot.keyClick(screen, Qt.Key.Key_Space)
    # Nothing more planned in this part: the next part starts now, not in 9 minutes.
    tick_until(qtbot, screen, lambda: "Now walk me through your design." in speaker.said)
    assert screen.session.engine.current_phase.id == "design" and screen.session.engine.elapsed() == 41
    assert "waiting for the next part" not in screen.status.text()
    tick_until(qtbot, screen, lambda: controller.status == "listening")
    # The candidate talks the design through, then is done with it (N at once after the move-on
    # would be the same move-on: RoundController.next_is_same_move_on).
    clock.advance(60)
    qtbot.keyClick(screen, Qt.Key.Key_N)
    tick_until(qtbot, screen, lambda: screen.session.engine.current_phase.id == "wrap")
    tick_until(qtbot, screen, lambda: controller.status == "listening")
    qtbot.keyClick(screen, Qt.Key.Key_Space)
    # The last part's changed constraint answered, the floor is the candidate's questions; once
    # they are done nothing more is planned.
    tick_until(qtbot, screen, lambda: controller.status == "listening"
               and controller.current_answer.question_id is None)
    assert speaker.said[-1] == controller.settings.your_turn_text
    qtbot.keyClick(screen, Qt.Key.Key_Space)
    tick_until(qtbot, screen, lambda: controller.status == "waiting")
    assert "N to end the round" in screen.status.text()  # it says what it waits for, and the key
    window.shutdown()


def test_bug6_pause_stops_both_clocks_and_the_recording(qtbot, isolated_dirs, script_dirs, tmp_path):
    clock = FakeClock()
    window, speaker, recorder = make_window(qtbot, script_dirs, tmp_path / "data", clock)
    screen = start(qtbot, window)
    controller = screen.session.controller
    tick_until(qtbot, screen, lambda: controller.status == "listening")
    clock.advance(30)
    screen._tick()
    phase, round_ = screen.phase_clock.text(), screen.round_clock.text()
    recorded = len(recorder.paths)
    qtbot.keyClick(screen, Qt.Key.Key_P)
    assert "Paused" in screen.status.text() and screen.pause_button.text() == "Resume (P)"
    clock.advance(600)  # a doorbell
    screen._tick()
    assert (screen.phase_clock.text(), screen.round_clock.text()) == (phase, round_) == ("09:30", "44:30")
    qtbot.keyClick(screen, Qt.Key.Key_P)
    tick_until(qtbot, screen, lambda: controller.status == "listening")
    assert len(recorder.paths) == recorded + 1  # the answer goes on in a new part
    clock.advance(1)
    screen._tick()
    assert screen.round_clock.text() == "44:29"
    screen.confirm_stop_round()
    qtbot.waitUntil(lambda: window.last_session_id is not None, timeout=10000)
    stored = window.store().get_session(window.last_session_id)
    assert [(p.at, p.seconds) for p in window.store().pauses(stored.id)] == [(30.0, 600.0)]


def test_bug6_end_round_during_a_follow_up_does_not_show_it_as_asked(qtbot, isolated_dirs, script_dirs, tmp_path,
                                                                      confirmations):
    clock = FakeClock()
    speaker = HoldingSpeaker()
    window, _, _ = make_window(qtbot, script_dirs, tmp_path / "data", clock, speaker=speaker)
    screen = start(qtbot, window)
    controller = screen.session.controller
    for _ in range(2):  # the prompt, then the question
        tick_until(qtbot, screen, lambda: speaker.busy)
        speaker.finish()
    tick_until(qtbot, screen, lambda: controller.status == "listening")
    tick_until(qtbot, screen, lambda: "latency target" in screen.transcript.plain_text())
    clock.advance(20)
    qtbot.keyClick(screen, Qt.Key.Key_Space)
    tick_until(qtbot, screen, lambda: speaker.said[-1] == "Okay, thanks.")  # the answer heard
    speaker.finish()
    past_the_beat(qtbot, screen, clock)
    tick_until(qtbot, screen, lambda: speaker.said[-1] == "How would you measure success?")
    assert speaker.busy
    # End round asks first; "No" keeps the round going.
    confirmations.answer_yes = False
    screen.stop_button.click()
    assert confirmations.asked == ["End the round?"] and screen.running
    confirmations.answer_yes = True
    screen.stop_button.click()
    assert not screen.running and speaker.stops >= 1
    text = screen.transcript.plain_text()
    follow_up_at = text.index("How would you measure success?")
    # Nothing of the previous answer is shown under the follow-up, which is marked as ended while
    # it was being read (trial 40 item 10: "not asked" under the question it had shown confused).
    assert "latency target" not in text[follow_up_at:]
    assert "(the round was ended while the question was being read)" in text[follow_up_at:]
    assert "How would you measure success?" not in screen.question.text()
    qtbot.waitUntil(lambda: window.last_session_id is not None, timeout=10000)


def test_closing_the_window_during_a_round_asks_first(qtbot, isolated_dirs, script_dirs, tmp_path, confirmations):
    clock = FakeClock()
    window, speaker, _ = make_window(qtbot, script_dirs, tmp_path / "data", clock)
    screen = start(qtbot, window)
    tick_until(qtbot, screen, lambda: screen.session.controller.status == "listening")
    confirmations.answer_yes = False
    window.close()
    # It says the app quits (Ctrl+Q asked "End the round now?", found by a new-user run).
    assert confirmations.asked == ["Quit and end the round?"] and screen.running and window.isVisible()
    confirmations.answer_yes = True
    window.close()
    assert not screen.running


def test_bug2_clarifying_exchanges_are_stored_reviewed_and_count_their_topic(qtbot, isolated_dirs, script_dirs,
                                                                             tmp_path):
    """The interviewer answered "how many people open the app every day?" with the scale fact
    (matched by meaning: no keyword of the topic is said). The exchange is kept in the session,
    the review shows the reply where it was said, and the topic counts as asked."""
    import time
    from concurrent.futures import ThreadPoolExecutor

    from interviewer.adapters.embeddings import load_text_encoder
    from interviewer.app.review_model import round_numbers
    from interviewer.app.round_session import RoundSession
    from interviewer.core.scripts.loader import discover_scripts
    from interviewer.gui.review_screen import ReviewScreen
    from interviewer.storage import Store

    from gui_scripts import SYSTEM_DESIGN_TOML
    from gui_fakes import FakeRecorder, FakeTranscriber

    scale_fact = "About fifty million daily users, at twenty thousand requests per second."
    folder = tmp_path / "scripts"
    folder.mkdir()
    (folder / "design.toml").write_text(SYSTEM_DESIGN_TOML.replace(
        'clarifying_topics = ["latency", "scale"]\n',
        'clarifying_topics = ["latency", "scale"]\n\n[questions.facts]\n'
        'latency = "Assume two hundred milliseconds."\n'
        f'scale = "{scale_fact}"\n', 1))
    script = discover_scripts(folder, tmp_path / "none").by_id("test-design")
    encoder = load_text_encoder()
    assert encoder.name != "lexical"
    store = Store.open(tmp_path / "data")
    pool = ThreadPoolExecutor(4)
    question = "How many people open the app every day?"
    clock = FakeClock()
    session = RoundSession(script, clock, speaker=FakeSpeaker(), recorder=FakeRecorder(),
                           transcriber_factory=lambda: FakeTranscriber(question), store=store,
                           run_in_background=pool.submit, post=lambda fn: fn(), text_encoder=encoder)
    controller = session.controller
    session.start()
    deadline = time.monotonic() + 10
    while controller.status != "listening" and time.monotonic() < deadline:
        session.poll()
        time.sleep(0.01)
    clock.advance(4)
    controller.on_silence(0.0)  # the candidate asked...
    controller.on_silence(1.0)  # ... and paused: the interviewer answers
    session.poll()
    assert [(c.topic, c.reply) for c in controller.current_answer.clarifications] == [("scale", scale_fact)]
    controller.end_answer()
    session.stop()
    session.close()
    pool.shutdown()
    stored = store.get_session(session.session_id)
    first = stored.answers[0]
    assert [(c.question, c.topic, c.reply) for c in first.clarifications] == [(question, "scale", scale_fact)]
    assert "scale" in first.analysis["topics_covered"] and "scale" not in first.analysis["topics_missed"]
    assert first.analysis["clarifying_exchanges"][0]["reply"] == scale_fact
    assert "scale" not in round_numbers(stored, script).topics_missed
    review = ReviewScreen()
    qtbot.addWidget(review)
    review.show_session(stored, script)
    text = review.transcript.toPlainText()
    assert question in text and f"Interviewer: {scale_fact}" in text
    assert text.index(question) < text.index(scale_fact)
    store.close()


def test_going_on_over_the_acknowledgement_is_more_of_the_answer_on_screen_and_in_the_review(
        qtbot, isolated_dirs, script_dirs, tmp_path, confirmations):
    """A human trial: the candidate went on over "Okay, thanks."; the follow-up was shown unsaid
    and their words were stored as its answer. Now the screen says it is listening, shows no
    follow-up, and the store keeps the words under the question they go on answering: one
    answer in the review, its response latency once."""
    from interviewer.gui.workers import wait_for_background_work
    from interviewer.storage.progress import round_summary

    clock = FakeClock()
    speaker = HoldingSpeaker()
    window, _, _ = make_window(qtbot, script_dirs, tmp_path / "data", clock, speaker=speaker)
    screen = start(qtbot, window)
    controller = screen.session.controller
    for _ in range(2):  # the prompt, then the question
        tick_until(qtbot, screen, lambda: speaker.busy)
        speaker.finish()
    tick_until(qtbot, screen, lambda: controller.status == "listening"
               and "latency target" in screen.transcript.plain_text())
    question = screen.question.text()
    clock.advance(20)
    qtbot.keyClick(screen, Qt.Key.Key_Space)
    tick_until(qtbot, screen, lambda: speaker.said[-1] == "Okay, thanks.")
    controller.on_voice()  # the candidate goes on
    tick_until(qtbot, screen, lambda: controller.status == "listening")
    assert not speaker.busy and screen.status.text().startswith("Listening")
    assert "How would you measure success?" not in speaker.said
    assert screen.question.text() == question
    assert "How would you measure success?" not in screen.transcript.plain_text()
    clock.advance(10)
    qtbot.keyClick(screen, Qt.Key.Key_Space)  # now the answer is over
    tick_until(qtbot, screen, lambda: speaker.said[-1] in ("Okay, thanks.", "Got it.") and speaker.busy)
    speaker.finish()
    past_the_beat(qtbot, screen, clock)
    tick_until(qtbot, screen, lambda: speaker.busy and speaker.said[-1].endswith("?"))
    follow_up = speaker.said[-1]
    assert follow_up in screen.question.text()
    speaker.finish()
    tick_until(qtbot, screen, lambda: controller.status == "listening")
    screen.confirm_stop_round()
    qtbot.waitUntil(lambda: window.last_session_id is not None, timeout=10000)
    wait_for_background_work()
    stored = window.store().get_session(window.last_session_id)
    assert [(a.question_id, a.follow_up_id) for a in stored.answers] == [
        ("feed", None), ("feed", None), ("feed", "metric")]
    went_on = stored.answers[1]
    assert went_on.analysis["response_latency"] is None and went_on.analysis["pause_before"] >= 2.0
    numbers = round_summary(stored)
    assert [a.part_ids for a in numbers.answers][:2] == [[stored.answers[0].id, went_on.id], [stored.answers[2].id]]
    assert numbers.answers[0].long_pauses >= 1
    window.shutdown()

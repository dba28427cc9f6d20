"""Issue 14's bugs, each reproduced in the real window (real engine, store, analysis; fake
speech and microphone), plus the real player for the playback status line."""
from __future__ import annotations

import threading

from PySide6.QtCore import Qt

from interviewer.app.labels import clock_text
from interviewer.app.services import DeviceList
from interviewer.core.clock import FakeClock
from interviewer.gui.workers import post_to_gui, wait_for_background_work

from test_round import make_window, run_round

VOICES = [("roa/an", "Aragonese"), ("gmw/af", "Afrikaans"), ("gmw/en-us", "English (America)"),
          ("sit/cmn", "Chinese (Mandarin, latin as English)"), ("gmw/en", "English (Great Britain)")]


def _window_with_devices(qtbot, script_dirs, tmp_path, clock=None):
    window, speaker, recorder = make_window(qtbot, script_dirs, tmp_path / "data", clock or FakeClock())
    window.devices = DeviceList(inputs=["Virtual mic"], voices=VOICES, loaded=True)
    window.settings_screen.set_devices(window.devices)
    return window, speaker, recorder


def _nav_to(window, key: str) -> None:
    """As a person does: click the screen's entry in the side bar."""
    for row in range(window.nav.count()):
        if window.nav.item(row).data(Qt.ItemDataRole.UserRole) == key:
            window.nav.setCurrentRow(row)
            return
    raise AssertionError(f"{key} is not in the side bar")


def test_1_check_shows_the_voice_and_rate_just_saved_in_settings(qtbot, isolated_dirs, script_dirs, tmp_path):
    window, _, _ = _window_with_devices(qtbot, script_dirs, tmp_path)
    _nav_to(window, "check")  # filled once with the defaults
    _nav_to(window, "settings")
    settings = window.settings_screen
    settings.voice.setCurrentIndex(settings.voice.findData("gmw/en-us"))
    settings.rate.setValue(150)
    settings.save_button.click()
    _nav_to(window, "check")
    check = window.check_screen
    assert check.voice.currentData() == "gmw/en-us"
    assert check.rate.value() == 150


def test_2_status_lines_clear_when_what_they_describe_is_over(qtbot, isolated_dirs, script_dirs, tmp_path):
    clock = FakeClock()
    window, speaker, _ = _window_with_devices(qtbot, script_dirs, tmp_path, clock)
    window.check.open(None)
    check = window.check_screen
    check.voice_button.click()
    assert speaker.said  # the fake speaker reports "done" at once, on its own thread
    qtbot.waitUntil(lambda: "Speaking a sample" not in check.voice_status.text(), timeout=30000)
    # The round's status line: not "Saving..." once the session is saved.
    window.home.select_script("test-design")
    window.home.start_button.click()
    run_round(qtbot, window, clock)
    qtbot.waitUntil(lambda: window.current_screen_key() == "review", timeout=30000)
    wait_for_background_work()
    qtbot.wait(50)
    assert "Saving" not in window.round_screen.status.text()
    assert "saved" in window.round_screen.status.text()
    assert "Saving" not in window.banner.text


class _LastEndHeld:
    """The real player, whose clips' ends are recorded as they come; the end of the clip that
    starts past 0 s (the second click's) is held back until release(): the check that the first
    clip's end did not clear the second's status then waits on that end, not on a time: a fixed
    300 ms wait checked nothing when the first end had not come yet, and on a loaded machine could
    outlast the second 1.3 s clip, whose own end clears the status. The last end is waited for
    with room (its 8 s ran out in 1 of 10 runs beside two busy CPU loops)."""

    def __init__(self, play):
        self._play = play
        self._lock = threading.Lock()
        self.ended: list[float] = []  # the clips' start seconds, as each one's end was handed on
        self._held = None
        self._released = False

    def __call__(self, path, start_seconds=0.0, on_done=None):
        def done(error):
            with self._lock:
                if start_seconds > 0 and not self._released:
                    self._held = (on_done, error)
                    return
            if on_done is not None:
                on_done(error)
            with self._lock:
                self.ended.append(start_seconds)

        return self._play(path, start_seconds, on_done=done)

    def release(self) -> None:
        with self._lock:
            self._released = True
            held, self._held = self._held, None
        if held is not None and held[0] is not None:
            held[0](held[1])


def test_2_playback_status_clears_after_the_real_player_ends(qtbot, isolated_dirs, script_dirs, tmp_path):
    """Real PortAudio output (PulseAudio's null sink under ./bootstrap.sh test). Two clicks in a
    row: the first clip must not clear the second's status, and the last end clears it."""
    from interviewer.app import real_adapters

    clock = FakeClock()
    window, _, _ = _window_with_devices(qtbot, script_dirs, tmp_path, clock)
    player = _LastEndHeld(real_adapters.play_audio)
    window.services.play_audio = player
    window.home.select_script("test-design")
    window.home.start_button.click()
    run_round(qtbot, window, clock)
    qtbot.waitUntil(lambda: window.current_screen_key() == "review", timeout=30000)
    review = window.review_screen
    answers = [a for a in review.session.answers if a.audio_path]
    window.review.play_answer(answers[0].id, 0.0)
    window.review.play_answer(answers[-1].id, 1.0)  # before the first one has even started
    playing = f"Playing from {clock_text(answers[-1].answer_start + 1.0)}"  # on the round clock
    assert review.playing.text() == playing
    # The first clip (stopped as it starts) has ended and its end reached the window: a call
    # posted after it has run. The second clip is still playing (its end is held).
    qtbot.waitUntil(lambda: 0.0 in player.ended, timeout=30000)
    reached = []
    post_to_gui(lambda: reached.append(True))
    qtbot.waitUntil(lambda: bool(reached), timeout=30000)
    assert review.playing.text() == playing  # the first clip's end did not clear it
    player.release()
    # Over: "Playing from" goes (where no sound server runs, the player's problem takes its place).
    qtbot.waitUntil(lambda: not review.playing.text().startswith("Playing from")
                    and not review.stop_button.isEnabled(), timeout=30000)
    assert not [m for level, m in window.banner.history if "Could not play" in m]


def test_3_progress_shows_ratings_right_after_the_debrief_is_saved(qtbot, isolated_dirs, script_dirs, tmp_path):
    clock = FakeClock()
    window, _, _ = _window_with_devices(qtbot, script_dirs, tmp_path, clock)
    window.home.select_script("test-design")
    window.home.start_button.click()
    run_round(qtbot, window, clock)
    qtbot.waitUntil(lambda: window.current_screen_key() == "review", timeout=30000)
    wait_for_background_work()
    qtbot.wait(50)
    assert window.progress_screen.rating_chart.point_count() == 0
    window.debrief.open(window.last_session_id)
    window.debrief_screen.items[0].ratings.button(4).click()
    window.debrief_screen.save_button.click()
    qtbot.waitUntil(lambda: window.progress_screen.rating_chart.point_count() == 1, timeout=30000)


def test_4_english_voices_come_first(qtbot, isolated_dirs, script_dirs, tmp_path):
    window, _, _ = _window_with_devices(qtbot, script_dirs, tmp_path)
    window.check.open(None)
    for combo in (window.check_screen.voice, window.settings_screen.voice):
        names = [combo.itemText(i) for i in range(combo.count())]
        assert names[:3] == ["(system default)", "English (America)", "English (Great Britain)"], names
        # Then a separator and the other languages (Mandarin "latin as English" is not English).
        assert names[3] == "" and names[4:] == ["Afrikaans", "Aragonese", "Chinese (Mandarin, latin as English)"]


def test_5_the_scratchpad_says_how_to_end_an_answer_and_esc_gives_space_back(
        qtbot, isolated_dirs, script_dirs, tmp_path):
    window, _, _ = _window_with_devices(qtbot, script_dirs, tmp_path)
    window.home.select_script("test-design")
    window.home.start_button.click()
    screen = window.round_screen
    assert "Ctrl+Enter" in screen.end_button.toolTip()
    assert "Ctrl+Enter" in screen.scratchpad.placeholderText()
    qtbot.waitUntil(lambda: screen.session.controller.status == "listening", timeout=30000)
    screen.scratchpad.setFocus()
    qtbot.keyClick(screen.scratchpad, Qt.Key.Key_Space)
    assert screen.session.controller.status == "listening"  # typing a space does not end it
    qtbot.keyClick(screen.scratchpad, Qt.Key.Key_Escape)
    assert not screen.scratchpad.hasFocus()
    qtbot.keyClick(screen, Qt.Key.Key_Space)
    assert screen.session.controller.status != "listening"
    screen.stop_round()


def test_6_debrief_questions_fit_the_round(qtbot, isolated_dirs, script_dirs, tmp_path):
    clock = FakeClock()
    window, _, _ = _window_with_devices(qtbot, script_dirs, tmp_path, clock)
    window.home.select_script("test-design")
    window.home.start_button.click()
    run_round(qtbot, window, clock)
    qtbot.waitUntil(lambda: window.current_screen_key() == "review", timeout=30000)
    window.debrief.open(window.last_session_id)
    prompts = [i.prompt.text for i in window.debrief_screen.items]
    assert not any("clean code" in p for p in prompts)  # a system design round
    assert any("metrics" in p for p in prompts) and any("requirements" in p for p in prompts)
    assert any("hesitate" in p for p in prompts)

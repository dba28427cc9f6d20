"""The check screen: microphone test with level and playback, voice sample, model status."""
from __future__ import annotations

from interviewer.core.clock import FakeClock
from interviewer.gui.check_screen import SAMPLE_TEXT
from interviewer.app.services import DeviceList

from test_round import RecordingPlayer, make_window


def test_check_screen_flow(qtbot, isolated_dirs, script_dirs, tmp_path, monkeypatch):
    import interviewer.gui.check_controller as mw

    monkeypatch.setattr(mw, "TEST_RECORDING_MS", 50)
    window, speaker, recorder = make_window(qtbot, script_dirs, tmp_path / "data", FakeClock())
    player = window.services.play_audio = RecordingPlayer()
    window.devices = DeviceList(inputs=["Virtual mic"], voices=[("en-us", "English")], loaded=True)
    window.home.select_script("test-behavioral")
    window.home.check_button.click()
    check = window.check_screen
    assert window.current_screen_key() == "check"
    assert "Ownership stories" in check.round_label.text()
    assert "ready" in check.model_status.text() and "Ready: " not in check.model_status.text()
    # Microphone test: records to the data folder, shows the level, plays it back, cleans up.
    check.mic.setCurrentIndex(check.mic.findData("Virtual mic"))
    check.mic_button.click()
    assert "Recording" in check.mic_status.text()
    qtbot.waitUntil(lambda: check.mic_button.isEnabled(), timeout=3000)
    # In words first; the number only as a detail (new-user trial 7 read "-15 dBFS").
    verdict = check.mic_status.text()
    assert verdict.startswith("Good: your voice came through clearly.") and "Detail: loudest moment -20 dBFS" in verdict
    assert player.calls and player.calls[0][0].parent == tmp_path / "data"
    assert not player.calls[0][0].exists()
    assert recorder.closed  # the microphone is let go after the test
    # Voice sample is spoken with the chosen rate.
    check.voice.setCurrentIndex(check.voice.findData("en-us"))
    check.rate.setValue(140)
    check.voice_button.click()
    assert speaker.said[-1] == SAMPLE_TEXT
    assert (speaker.voice, speaker.rate) == ("en-us", 140)
    # Start goes straight into the round picked on Home.
    check.start_button.click()
    assert window.current_screen_key() == "round"
    assert window.round_screen.session.script.id == "test-behavioral"
    window.round_screen.stop_round()


def test_missing_model_is_explained(qtbot, isolated_dirs):
    from interviewer.errors import UserError
    from interviewer.gui.main_window import MainWindow
    from interviewer.app.services import AppServices, ScriptList

    def load(_settings):
        raise UserError("speech model 'huge.en' is not on this machine")

    window = MainWindow(AppServices(load_scripts=lambda: ScriptList(), load_model=load))
    qtbot.addWidget(window)
    window.start_background_loading()
    qtbot.waitUntil(lambda: window.model_status.state == "missing", timeout=3000)
    assert "not on this machine" in window.banner.text
    assert window.banner.action.isHidden()  # a missing model: Settings, not Retry
    window.check.open(None)
    assert "missing" in window.check_screen.model_status.text()
    assert not window.check_screen.start_button.isEnabled()


def test_a_bundled_model_whose_process_died_offers_retry_not_another_model(qtbot, isolated_dirs):
    """Trial25's first start: "Speech model missing: the transcription process ended before the
    model loaded. ... Pick another model in Settings", for the bundled model, with no way to try
    again but restarting the app. The client has started it twice by then (transcription_process)."""
    from interviewer.app.services import AppServices, ScriptList
    from interviewer.app.transcription_process import EndedBeforeLoad
    from interviewer.gui.main_window import MainWindow

    outcomes = [EndedBeforeLoad("the transcription process ended before the model loaded (killed by SIGKILL)"),
                "model"]

    def load(_settings):
        outcome = outcomes.pop(0)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    window = MainWindow(AppServices(load_scripts=lambda: ScriptList(), load_model=load))
    qtbot.addWidget(window)
    window.start_background_loading()
    qtbot.waitUntil(lambda: window.model_status.state == "failed", timeout=3000)
    text = window.banner.text
    assert "did not start" in text and "killed by SIGKILL" in text and "Retry" in text
    assert "missing" not in text.lower() and "another model" not in text
    assert window.banner.action.isVisibleTo(window) and window.banner.action.text() == "Retry"
    window.banner.action.click()
    qtbot.waitUntil(lambda: window.model_status.state == "ready", timeout=3000)
    assert window.banner.text == "" and window.banner.action.isHidden()


def test_start_off_on_the_check_page_says_why(qtbot):
    """A new-user run: "Start the round" was disabled with no reason shown (no round chosen)."""
    from interviewer.gui.check_screen import CheckScreen

    check = CheckScreen()
    qtbot.addWidget(check)
    check.set_round(None)
    assert not check.start_button.isEnabled()
    assert "No round chosen" in check.round_label.text() and "Home" in check.round_label.text()
    assert "Home" in check.start_button.toolTip()
    check.set_round("Ownership stories")
    assert check.start_button.isEnabled() and "Ownership stories" in check.round_label.text()
    assert check.start_button.toolTip() == ""


def test_the_model_failure_leaves_the_banner_once_the_model_loads(qtbot, isolated_dirs):
    """A failed load left 'The speech model could not be loaded (...)' up after a later load
    (Settings saved) had the model ready (new-user trial); a message of something else stays."""
    from interviewer.gui.main_window import MainWindow
    from interviewer.app.services import AppServices, ScriptList

    outcomes = [RuntimeError("the transcription process ended while loading"), "model"]

    def load(_settings):
        outcome = outcomes.pop(0)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    window = MainWindow(AppServices(load_scripts=lambda: ScriptList(), load_model=load))
    qtbot.addWidget(window)
    window.start_background_loading()
    qtbot.waitUntil(lambda: window.model_status.state == "failed", timeout=3000)
    assert "could not be loaded" in window.banner.text
    window.model_status.start()
    qtbot.waitUntil(lambda: window.model_status.state == "ready", timeout=3000)
    assert window.banner.text == ""
    # Another message shown since is not the model's to take away.
    outcomes[:] = [RuntimeError("again"), "model"]
    window.model_status.start()
    qtbot.waitUntil(lambda: window.model_status.state == "failed", timeout=3000)
    window.banner.show_message("Could not list audio devices: busy", "warning")
    window.model_status.start()
    qtbot.waitUntil(lambda: window.model_status.state == "ready", timeout=3000)
    assert window.banner.text == "Could not list audio devices: busy"


def test_check_from_the_side_bar_offers_the_round_selected_on_home(qtbot, isolated_dirs, script_dirs, tmp_path):
    """New-user trial 6: with a round selected on Home, Check (side bar or Ctrl+2) said 'No round
    chosen yet: pick one on Home' and Start the round stayed off."""
    window, _, _ = make_window(qtbot, script_dirs, tmp_path / "data", FakeClock())
    window.home.select_script("test-behavioral")
    window.go_to("check")
    check = window.check_screen
    assert "Ownership stories" in check.round_label.text() and check.start_button.isEnabled()
    window.go_to("home")
    window.home.select_script("test-design")
    window.go_to("check")
    check.start_button.click()
    assert window.current_screen_key() == "round"
    assert window.round_screen.session.script.id == "test-design"
    window.round_screen.stop_round()


def test_the_round_to_start_is_not_called_the_next_round(qtbot):
    """New-user trial: Check said "Next round: Phone screen: ..." (the card selected on Home)
    while Home's plan said "Next round: Coding, e.g. ...": the same words for two rounds."""
    from interviewer.gui.check_screen import CheckScreen

    check = CheckScreen()
    qtbot.addWidget(check)
    check.set_round("Ownership stories")
    assert "Next round" not in check.round_label.text()
    assert "chosen on Home" in check.round_label.text() and "Ownership stories" in check.round_label.text()


def test_a_small_window_stacks_the_check_rows_instead_of_scrolling_sideways(qtbot, isolated_dirs, script_dirs,
                                                                            tmp_path):
    """Trial8: at 1024x640 with 150 % scaling (683x427) the Check screen needed 728 px in a 605 px
    page: 'Test microphone' and 'Speak a sample' were off to the right."""
    from PySide6.QtWidgets import QApplication

    window, _, _ = make_window(qtbot, script_dirs, tmp_path / "data", FakeClock())
    window.show()
    window.setMinimumSize(1, 1)  # the test screen is 800x600: its minimum would be larger
    window.resize(600, 427)  # 683 in the app; the tests' 9 pt font needs 586 px where the app's needed 728
    window.check.open(window.home.selected_script())
    for _ in range(5):
        QApplication.processEvents()
    page, screen = window._pages["check"], window.screen("check")
    assert page.horizontalScrollBar().maximum() == 0, "no sideways scrolling"
    for button in (screen.mic_button, screen.voice_button, screen.echo_button, screen.start_button):
        right = button.mapTo(screen, button.rect().topRight()).x()
        assert right <= page.viewport().width(), (button.text(), right, page.viewport().width())
    window.resize(1280, 800)  # wide: the button beside its list again
    for _ in range(5):
        QApplication.processEvents()
    assert screen.mic_button.mapTo(screen, screen.mic_button.rect().topLeft()).y() < screen.mic.mapTo(
        screen, screen.mic.rect().bottomLeft()).y()

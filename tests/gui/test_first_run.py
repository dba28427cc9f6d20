"""The guided start (issue 14): shown once at the first launch, skippable, reachable from the
Help menu; the microphone check records and plays back, the voice list starts with English and
the choices made are kept like Settings."""
from __future__ import annotations

from PySide6.QtWidgets import QApplication

from interviewer.app.services import DeviceList
from interviewer.app.settings import load_settings, save_settings
from interviewer.core.clock import FakeClock

from test_round import RecordingPlayer, make_window

VOICES = [("gmw/af", "Afrikaans"), ("gmw/en-us", "English (America)"), ("gmw/en", "English (Great Britain)")]


def _window(qtbot, script_dirs, tmp_path):
    window, speaker, recorder = make_window(qtbot, script_dirs, tmp_path / "data", FakeClock())
    window.services.save_settings = save_settings
    window.services.play_audio = RecordingPlayer()
    window.devices = DeviceList(inputs=["Virtual mic", "USB headset"], voices=VOICES, loaded=True)
    return window, speaker, recorder


def test_first_run_walks_through_the_checks_and_keeps_the_choices(qtbot, isolated_dirs, script_dirs, tmp_path,
                                                                   monkeypatch):
    import interviewer.gui.first_run as first_run

    monkeypatch.setattr(first_run, "MIC_TEST_MS", 50)
    window, speaker, recorder = _window(qtbot, script_dirs, tmp_path)
    window.maybe_show_first_run()
    dialog = window.first_run
    assert dialog.isVisible() and "Step 1 of 4" in dialog.step_label.text()
    dialog.next_button.click()
    # Microphone: a level while recording, then played back from the data folder and removed.
    dialog.mic.setCurrentIndex(dialog.mic.findData("USB headset"))
    dialog.test_button.click()
    assert "Recording" in dialog.mic_status.text()
    qtbot.waitUntil(lambda: dialog.test_button.isEnabled(), timeout=3000)
    assert dialog.mic_status.text().startswith("Good: your voice came through clearly.")  # as on Check
    player = window.services.play_audio
    assert player.calls and player.calls[0][0].parent == tmp_path / "data" and not player.calls[0][0].exists()
    assert recorder.closed
    dialog.next_button.click()
    # Voice: English first, headphones recommended, a sample spoken with the chosen voice and rate.
    names = [dialog.voice.itemText(i) for i in range(dialog.voice.count())]
    assert names[1:3] == ["English (America)", "English (Great Britain)"]
    page_text = " ".join(label.text() for label in dialog.pages.currentWidget().findChildren(type(dialog.step_label)))
    assert "Headphones" in page_text
    dialog.voice.setCurrentIndex(dialog.voice.findData("gmw/en"))
    dialog.rate.setValue(150)
    dialog.sample_button.click()
    assert (speaker.voice, speaker.rate) == ("gmw/en", 150) and speaker.said
    qtbot.waitUntil(lambda: dialog.voice_status.text() == "Sample spoken.", timeout=3000)
    dialog.next_button.click()
    # The speech model's status (the fake model is ready).
    # Said once: "Speech model ready (loaded in ...)", not "Ready: Speech model ready" (new-user trial 7).
    assert dialog.model_status.text().startswith("Speech model ready") and "Ready" not in dialog.model_status.text()
    assert dialog.next_button.text() == "Finish"
    dialog.next_button.click()
    assert not dialog.isVisible()
    saved, _ = load_settings()
    assert saved.first_run_done and saved.voice == "gmw/en" and saved.speech_rate == 150
    assert saved.input_device == "USB headset"
    assert window.settings_screen.voice.currentData() == "gmw/en"
    # Shown once: not again at the next start, but from Help > Getting started.
    window.first_run = None
    window.maybe_show_first_run()
    assert window.first_run is None
    window.actions['first-run'].trigger()
    assert window.first_run.isVisible()
    window.first_run.skip()


def test_first_run_can_be_skipped_and_is_not_shown_again(qtbot, isolated_dirs, script_dirs, tmp_path):
    window, speaker, _ = _window(qtbot, script_dirs, tmp_path)
    window.maybe_show_first_run()
    window.first_run.skip_button.click()
    assert not window.first_run.isVisible()
    saved, _ = load_settings()
    assert saved.first_run_done and saved.voice is None  # skipping changes nothing else
    assert window.services.settings.first_run_done
    # The Settings form saved later keeps it (it holds the settings as its base).
    window.settings_screen.save_button.click()
    assert load_settings()[0].first_run_done


def test_the_lists_fill_when_the_devices_are_listed_after_the_guide_opened(qtbot, isolated_dirs, script_dirs,
                                                                          tmp_path):
    """At a first start the guide opens before the background device listing is done: its
    voice list held only "(system default)" while Settings listed every voice."""
    from interviewer.gui.workers import wait_for_background_work

    window, _speaker, _recorder = _window(qtbot, script_dirs, tmp_path)
    window.devices = DeviceList()  # not listed yet
    window.maybe_show_first_run()
    dialog = window.first_run
    assert dialog.voice.count() == 1 and dialog.mic.count() == 1
    dialog.rate.setValue(150)
    window.services.list_devices = lambda: DeviceList(inputs=["Virtual mic", "USB headset"], voices=VOICES,
                                                      loaded=True)
    window.refresh_devices()
    wait_for_background_work()
    qtbot.waitUntil(lambda: dialog.voice.count() > 1, timeout=3000)
    names = [dialog.voice.itemText(i) for i in range(dialog.voice.count())]
    assert names[1:3] == ["English (America)", "English (Great Britain)"]
    assert [dialog.mic.itemText(i) for i in range(dialog.mic.count())][1:] == ["Virtual mic", "USB headset"]
    assert dialog.rate.value() == 150  # what was chosen meanwhile stays
    dialog.skip()


def test_enter_after_starting_the_microphone_test_does_not_skip_the_guide(qtbot, isolated_dirs, script_dirs,
                                                                         tmp_path, monkeypatch):
    """Space on Test disabled it and Qt moved the focus to Skip: the next Enter closed the guide."""
    from PySide6.QtCore import Qt

    import interviewer.gui.first_run as first_run

    monkeypatch.setattr(first_run, "MIC_TEST_MS", 50)
    window, _speaker, _recorder = _window(qtbot, script_dirs, tmp_path)
    window.maybe_show_first_run()
    dialog = window.first_run
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)
    dialog.next_button.click()
    dialog.test_button.setFocus()
    qtbot.keyClick(dialog.test_button, Qt.Key.Key_Space)
    assert "Recording" in dialog.mic_status.text()
    assert dialog.focusWidget() is not dialog.skip_button
    qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.pages.currentIndex() == 2  # Enter went on to the voice step
    qtbot.waitUntil(lambda: dialog.test_button.isEnabled(), timeout=3000)
    dialog.skip()


def test_enter_when_the_guide_opens_goes_to_the_next_step(qtbot, isolated_dirs, script_dirs, tmp_path):
    """The guide opened with the focus on Skip (the first button), so a keyboard user's first
    Enter closed it instead of going on to the microphone step."""
    from PySide6.QtCore import Qt

    window, _speaker, _recorder = _window(qtbot, script_dirs, tmp_path)
    window.maybe_show_first_run()
    dialog = window.first_run
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)
    assert dialog.focusWidget() is dialog.next_button
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.pages.currentIndex() == 1
    dialog.skip()


def test_a_long_voice_name_does_not_push_the_voice_step_sideways(qtbot, isolated_dirs, script_dirs, tmp_path):
    """espeak-ng lists "Chinese (Cantonese, latin as Jyutping)": the voice box grew to fit it, so the
    560-pixel guide got a sideways scroll bar and cut off "Speak a sample" and the text beside it."""
    window, _, _ = _window(qtbot, script_dirs, tmp_path)
    window.devices = DeviceList(inputs=["Monitor of Built-in Audio Analog Stereo (a long microphone name)"],
                                voices=VOICES + [("sit/yue-Latn-jyutping", "Chinese (Cantonese, latin as Jyutping)")],
                                loaded=True)
    window.maybe_show_first_run()
    dialog = window.first_run
    from PySide6.QtWidgets import QScrollArea

    page_area = dialog.findChild(QScrollArea)
    for step in (1, 2):
        dialog.go(step)
        qtbot.waitUntil(lambda: dialog.pages.currentWidget().isVisible())
        dialog.layout().activate()
        assert dialog.pages.minimumSizeHint().width() <= page_area.viewport().width(), step
        assert not page_area.horizontalScrollBar().isVisible(), step
    dialog.skip()


def test_the_last_page_offers_finish_not_skip(qtbot, isolated_dirs, script_dirs, tmp_path):
    """Trial 16: the last step showed "Skip" beside "Finish", two ways to close the guide that
    a new user could not tell apart. Skip is on every page but the last."""
    window, _, _ = _window(qtbot, script_dirs, tmp_path)
    window.maybe_show_first_run()
    dialog = window.first_run
    qtbot.waitExposed(dialog)
    last = dialog.pages.count() - 1
    for page in range(last):
        dialog.go(page)
        assert dialog.skip_button.isVisible() and dialog.next_button.text() == "Next", page
    dialog.go(last)
    QApplication.processEvents()
    assert not dialog.skip_button.isVisible() and dialog.next_button.text() == "Finish"
    assert dialog.back_button.isVisible() and dialog.back_button.isEnabled()
    dialog.go(last - 1)  # back again: Skip returns
    assert dialog.skip_button.isVisible()


def test_no_step_shows_a_scroll_bar_it_does_not_need(qtbot, isolated_dirs, script_dirs, tmp_path):
    """Trial 18: step 4 (Speech model) showed a vertical scroll bar with 2 px to scroll: the guide
    was fitted to the steps with Skip in the button row, and the last step has none. Nor when
    the model's message grows while the step is shown."""
    window, _, _ = _window(qtbot, script_dirs, tmp_path)
    window.maybe_show_first_run()
    dialog = window.first_run
    qtbot.waitExposed(dialog)
    bar = dialog.page_area.verticalScrollBar()
    for page in range(dialog.pages.count()):
        dialog.go(page)
        for _ in range(3):
            QApplication.processEvents()
        assert bar.maximum() == 0 and not bar.isVisible(), page
    dialog._model_changed("failed", "Could not load the speech model: the file is damaged. Download it again "
                                    "from Settings > Speech model, or pick another model there; rounds still "
                                    "run and answers are transcribed once a model works.")
    for _ in range(3):
        QApplication.processEvents()
    assert bar.maximum() == 0 and not bar.isVisible()

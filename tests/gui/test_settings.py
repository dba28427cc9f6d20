"""Settings are edited in the window, saved to the config folder and read back at the next start."""
from __future__ import annotations

import json

from interviewer.app.settings import AppSettings, load_settings, save_settings, settings_path
from interviewer.gui.main_window import MainWindow
from interviewer.app.services import AppServices, DeviceList, ScriptList


import pytest


@pytest.fixture
def models_dir(tmp_path, monkeypatch):
    """An empty model folder of the app's: no model but the bundled tiny.en is on this machine."""
    from interviewer.adapters import models

    root = tmp_path / "models"
    monkeypatch.setenv(models.MODELS_DIR_ENV, str(root))
    return root


def install_model(root, name: str) -> None:
    """A downloaded model's folder as the app leaves it (the loader here is a fake)."""
    from interviewer.adapters import models

    folder = root / name
    folder.mkdir(parents=True)
    for file in models.MODEL_FILES:
        (folder / file).write_text("{}")
    (folder / models._COMPLETE_MARK).write_text("ok\n")


def _window(qtbot, **kw) -> MainWindow:
    services = AppServices(load_scripts=lambda: ScriptList(), save_settings=save_settings, **kw)
    window = MainWindow(services)
    qtbot.addWidget(window)
    return window


def test_settings_are_saved_and_reloaded(qtbot, isolated_dirs, models_dir):
    install_model(models_dir, "small.en")
    window = _window(qtbot)
    screen = window.settings_screen
    screen.set_devices(DeviceList(inputs=["USB mic", "Laptop mic"], outputs=["Speakers"],
                                  voices=[("en-us", "English (America)")], loaded=True))
    screen.input_device.setCurrentIndex(screen.input_device.findData("USB mic"))
    screen.voice.setCurrentIndex(screen.voice.findData("en-us"))
    screen.rate.setValue(150)
    screen.end_after_silence.setValue(4.5)
    screen.long_pause.setValue(3.0)
    screen.model.setCurrentIndex(screen.model.findData("small.en"))
    screen.save_button.click()

    assert "Saved" in screen.status.text()
    on_disk = json.loads(settings_path().read_text())
    assert on_disk["input_device"] == "USB mic"
    assert on_disk["voice"] == "en-us"
    assert on_disk["speech_rate"] == 150
    assert on_disk["end_answer_after_silence"] == 4.5
    loaded, message = load_settings()
    assert message is None
    assert loaded.long_pause_seconds == 3.0 and loaded.model == "small.en"
    assert window.services.settings == loaded


def test_a_saved_device_that_is_unplugged_stays_selected(qtbot, isolated_dirs):
    window = _window(qtbot, settings=AppSettings(input_device="Old headset"))
    window.settings_screen.set_devices(DeviceList(inputs=["Laptop mic"], loaded=True))
    combo = window.settings_screen.input_device
    assert combo.currentData() == "Old headset"
    assert "not connected" in combo.currentText()


def test_no_microphone_is_explained(qtbot, isolated_dirs):
    window = _window(qtbot)
    window.settings_screen.set_devices(DeviceList(loaded=True))
    assert "No microphone found" in window.settings_screen.devices_note.text()


def test_damaged_settings_file_gives_defaults_and_a_message(isolated_dirs):
    path = settings_path()
    path.parent.mkdir(parents=True)
    path.write_text('{"speech_rate": 150,,}')
    settings, message = load_settings()
    assert settings == AppSettings()
    assert "damaged" in message and "line 1" in message
    path.write_text('{"speech_rate": "fast", "warning_minutes": 3, "unknown": 1}')
    settings, message = load_settings()
    assert settings.speech_rate == AppSettings().speech_rate and settings.warning_minutes == 3.0
    # A value of the wrong type is named (tests/test_settings_bad_input.py); an unknown key is not.
    assert "line 1: speech_rate must be a whole number" in message and "unknown" not in message


def test_an_older_settings_file_with_keys_no_longer_used_still_loads(isolated_dirs):
    path = settings_path()
    path.parent.mkdir(parents=True)
    # Earlier versions wrote an "extra" dictionary of screen preferences.
    path.write_text('{"speech_rate": 150, "extra": {"splitter": [1, 2]}, "voice": "en-gb"}')
    settings, message = load_settings()
    assert message is None
    assert (settings.speech_rate, settings.voice) == (150, "en-gb")
    save_settings(settings)
    assert "extra" not in path.read_text()


def test_saving_on_a_full_disk_shows_a_message(qtbot, isolated_dirs):
    def full_disk(_settings):
        raise OSError(28, "No space left on device")

    services = AppServices(load_scripts=lambda: ScriptList(), save_settings=full_disk)
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.settings_screen.rate.setValue(200)
    window.settings_screen.save_button.click()
    assert "No space left on device" in window.banner.text
    assert window.services.settings.speech_rate == 200  # still used for this session


def test_changing_the_model_reloads_it_in_the_background(qtbot, isolated_dirs, models_dir):
    import threading

    install_model(models_dir, "small.en")
    release = threading.Event()
    loaded = []

    def load(settings):
        release.wait(5)
        loaded.append(settings.model)
        return f"model:{settings.model}"

    window = _window(qtbot, load_model=load)
    window.start_background_loading()
    assert window.model_status.state == "loading"
    window.settings_screen.model.setCurrentIndex(window.settings_screen.model.findData("small.en"))
    window.settings_screen.save_button.click()  # while the first load is still running
    release.set()
    qtbot.waitUntil(lambda: window.model_status.model == "model:small.en", timeout=5000)
    assert loaded == ["", "small.en"]


def test_the_data_folder_setting_points_the_app_at_it(tmp_path, monkeypatch):
    from interviewer import paths
    from interviewer.app.settings import apply_data_dir

    monkeypatch.setenv("INTERVIEWER_DATA_DIR", "")  # empty = not set; restored after the test
    apply_data_dir(AppSettings(data_dir=str(tmp_path / "mine")))
    assert paths.data_dir() == tmp_path / "mine"
    # An explicit environment variable (tests, portable installs) wins over the setting.
    monkeypatch.setenv("INTERVIEWER_DATA_DIR", str(tmp_path / "env"))
    apply_data_dir(AppSettings(data_dir=str(tmp_path / "mine")))
    assert paths.data_dir() == tmp_path / "env"


def test_the_home_kind_filter_is_kept_between_runs(qtbot, isolated_dirs):
    window = _window(qtbot)
    window.home.set_kind_filter("behavioral")
    settings, _ = load_settings()
    assert settings.recent_kind_filter == "behavioral"
    again = _window(qtbot, settings=settings)
    assert again.home.kind_filter.currentData() == "behavioral"


def test_the_practice_plan_length_is_kept_between_runs_and_home_follows_it(qtbot, isolated_dirs, tmp_path):
    """A new-user run with a 6-week plan: every start the plan was 8 weeks again, and Home said
    "2 of 8 weeks done" until Progress was opened and set to 6 once more."""
    from interviewer.storage import Store
    from tests.gui.test_app_paths import _completed_round

    with Store.open(tmp_path / "data") as store:
        _completed_round(store, "s", "coding")  # a round in which something was said
    window = _window(qtbot, open_store=lambda: Store.open(tmp_path / "data"))
    window.refresh_sessions()  # as the shown window does
    qtbot.waitUntil(lambda: "1 round completed" in window.home.progress_label.text(), timeout=5000)
    assert "0 of 8 weeks done" in window.home.progress_label.text()
    window.progress_screen.weeks.setValue(6)
    assert "0 of 6 weeks done" in window.home.progress_label.text()
    settings, _ = load_settings()
    assert settings.plan_weeks == 6
    again = _window(qtbot, settings=settings, open_store=lambda: Store.open(tmp_path / "data"))
    again.refresh_sessions()
    qtbot.waitUntil(lambda: "1 round completed" in again.home.progress_label.text(), timeout=5000)
    assert "0 of 6 weeks done" in again.home.progress_label.text()
    assert again.progress_screen.weeks.value() == 6


def test_home_says_which_recent_rounds_were_ended_early(qtbot, isolated_dirs, tmp_path):
    """A new-user run: a behavioral round ended after 4 of its 45 minutes was listed on Home as
    "(3 answers)" like any round; the practice plan no longer counts it as a full mock round."""
    from interviewer.storage import SessionStatus, Store

    with Store.open(tmp_path / "data") as store:
        # The last one was paused 30 minutes (a doorbell): 44 minutes of wall time, 14 on the
        # round clock, which the Home list had said was "Full" (it used the wall clock).
        for n, (title, minutes, paused) in enumerate((("Short round", 4.2, 0), ("Full round", 44.0, 0),
                                                      ("Paused round", 44.0, 30))):
            sid = store.create_session("s", title, "behavioral", 45, started_at=1_700_000_000 + n)
            store.finish_session(sid, SessionStatus.COMPLETED, ended_at=1_700_000_000 + n + minutes * 60)
            if paused:
                store.add_pause(sid, 300.0, paused * 60.0)
            if minutes - paused < 36:  # ended with End round: the review's "Ended early" finding
                store.add_finding(sid, "round_ended_early", "You ended the round early.", start=0.0)
    window = _window(qtbot, open_store=lambda: Store.open(tmp_path / "data"))
    window.refresh_sessions()
    rows = [window.home.recent_list.item(i).text() for i in range(window.home.recent_list.count())]
    assert [r.split(" · ", 1)[1] for r in rows] == ["Paused round · ended after 14 min of 45 min (no answers)",
                                                    "Full round (no answers)",
                                                    "Short round · ended after 4 min 12 s of 45 min (no answers)"]


def test_home_gives_a_rounds_length_as_the_review_and_the_exports_do(qtbot, isolated_dirs, tmp_path):
    """Trial13: Home said "ended after 5 of 45 min" where the review said 4.6: one measure (the
    round clock's last moment) and one rounding (core.clock.length_text)."""
    from interviewer.core.analysis.report import analyze_round
    from interviewer.export.report import build_report
    from interviewer.storage import Store

    with Store.open(tmp_path / "data") as store:
        sid = store.create_session("s", "Short round", "coding", 45, started_at=1_700_000_000)
        phase = store.add_phase(sid, "clarify", "Clarify", 45, started_at=0.0)
        store.end_phase(phase, 276.0)  # End round at 4.6 min on the round clock
        for f in analyze_round([], [("clarify", 45, 276.0)], ended_by={"clarify": "stopped"}).findings:
            store.add_finding(sid, f.kind, f.message, start=f.start, details={"severity": f.severity})
        # Saved 20 s later, once the last answers were analysed: 4.93 min of wall time.
        store.finish_session(sid, ended_at=1_700_000_000 + 296.0)
        session = store.get_session(sid)
    [ended] = [f.message for f in session.findings if f.kind == "round_ended_early"]
    assert ended.startswith("You ended the round at 4 min 36 s of 45 min planned")
    assert build_report(session, script=None).facts["Took"] == "4 min 36 s on the round clock"
    window = _window(qtbot, open_store=lambda: Store.open(tmp_path / "data"))
    window.refresh_sessions()
    [row] = [window.home.recent_list.item(i).text() for i in range(window.home.recent_list.count())]
    assert "ended after 4 min 36 s of 45 min" in row, row


def test_the_empty_data_folder_field_says_where_the_data_is(qtbot, isolated_dirs):
    """New-user trial 6: the field said only 'default data folder'; where the recordings and your
    own scripts are was not written anywhere in the app."""
    from interviewer.paths import data_dir

    screen = _window(qtbot).settings_screen
    assert screen.data_dir.text() == "" and str(data_dir()) in screen.data_dir.placeholderText()


def test_a_plan_length_that_cannot_be_saved_is_used_and_said(qtbot, isolated_dirs):
    """A full or read-only config folder: the new length is used now and the banner says it was
    not kept (it was dropped silently)."""
    def full_disk(_settings):
        raise OSError(28, "No space left on device")

    window = MainWindow(AppServices(load_scripts=lambda: ScriptList(), save_settings=full_disk))
    qtbot.addWidget(window)
    window.progress_screen.weeks.setValue(7)
    assert window.services.settings.plan_weeks == 7
    assert any("could not be saved" in text and "No space left" in text for _, text in window.banner.history)


def test_saving_a_new_data_folder_says_nothing_is_moved(qtbot, isolated_dirs, tmp_path):
    """A trial set Settings > Data folder to an empty folder and restarted: Home showed no rounds
    and none of their own question scripts, and nothing had said the old folder keeps them."""
    data, _config = isolated_dirs
    window = _window(qtbot)
    screen = window.settings_screen
    screen.data_dir.setText(str(tmp_path / "new"))
    screen.save_button.click()
    status = screen.status.text()
    assert "Saved" in status and str(tmp_path / "new") in status
    assert "Nothing is moved" in status and str(data) in status
    # A folder that already holds rounds is used as it is; saving again says nothing more.
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "interviewer.sqlite3").write_bytes(b"")
    screen.data_dir.setText(str(tmp_path / "other"))
    screen.save_button.click()
    assert "rounds already in" in screen.status.text() and "Nothing is moved" not in screen.status.text()
    screen.save_button.click()
    assert screen.status.text().startswith("Saved") and "next start" not in screen.status.text()


def test_the_data_folder_field_shows_the_chosen_folder_and_the_default_as_placeholder(qtbot, isolated_dirs,
                                                                                    tmp_path, monkeypatch):
    """Trial: with a data folder chosen, the field's placeholder (shown once it is cleared, to go
    back to the default) and its tooltip named the chosen folder as the default."""
    from interviewer import paths
    from interviewer.app.settings import apply_data_dir, data_dir_change_note

    monkeypatch.setenv("INTERVIEWER_DATA_DIR", "")  # no folder from outside the app
    monkeypatch.setattr(paths, "data_dir_from_settings", None, raising=False)
    monkeypatch.setattr(paths, "platform_data_dir", lambda: tmp_path / "platform-default")
    chosen = AppSettings(data_dir=str(tmp_path / "mine"))
    apply_data_dir(chosen)  # as at start-up
    assert paths.data_dir() == tmp_path / "mine"
    screen = _window(qtbot, settings=chosen).settings_screen
    assert screen.data_dir.text() == str(tmp_path / "mine")
    assert str(tmp_path / "platform-default") in screen.data_dir.placeholderText()
    assert "mine" not in screen.data_dir.placeholderText() and "mine" not in screen.data_dir.toolTip()
    screen.data_dir.clear()  # back to the default: saving says where the app goes from the next start
    assert screen.current().data_dir == ""
    assert str(tmp_path / "platform-default") in data_dir_change_note(chosen, screen.current())


def test_bare_route_names_say_what_they_are_and_the_saved_name_stays_the_devices(qtbot, isolated_dirs):
    """New-user trial: the microphone list read "(system default)", "pulse", "default" with no
    word on what the last two are."""
    window = _window(qtbot)
    screen = window.settings_screen
    screen.set_devices(DeviceList(inputs=["HDA Intel PCH: ALC295 Analog (hw:0,0)", "pulse", "default"],
                                  outputs=["pulse"], loaded=True))
    shown = [screen.input_device.itemText(i) for i in range(screen.input_device.count())]
    assert shown[1:] == ["HDA Intel PCH: ALC295 Analog (hw:0,0)", "pulse (through PulseAudio or PipeWire)",
                         "default (ALSA's default device)"]
    screen.input_device.setCurrentIndex(screen.input_device.findData("pulse"))
    screen.save_button.click()
    assert json.loads(settings_path().read_text())["input_device"] == "pulse"


def test_the_sound_servers_microphones_are_offered_by_description_below_the_system_default(qtbot, isolated_dirs):
    """New-user trial: under PulseAudio/PipeWire the list had only "(system default)", "pulse"
    and "default", so a USB headset could not be chosen. The server's sources now come first,
    by what the sound settings call them; the setting keeps the source's name."""
    headset = "pulse source: alsa_input.usb-Logitech_USB_Headset-00.mono-fallback"
    window = _window(qtbot)
    screen = window.settings_screen
    screen.set_devices(DeviceList(inputs=[headset, "pulse", "default"],
                                  input_labels={headset: "Microphone: Logitech USB Headset Mono"}, loaded=True))
    shown = [screen.input_device.itemText(i) for i in range(screen.input_device.count())]
    assert shown == ["(system default)", "Microphone: Logitech USB Headset Mono",
                     "pulse (through PulseAudio or PipeWire)", "default (ALSA's default device)"]
    screen.input_device.setCurrentIndex(1)
    screen.save_button.click()
    assert json.loads(settings_path().read_text())["input_device"] == headset
    assert load_settings()[0].input_device == headset


def test_a_saved_source_that_is_gone_says_the_system_default_is_used(qtbot, isolated_dirs):
    gone = "pulse source: alsa_input.usb-Old_Headset-00.mono-fallback"
    window = _window(qtbot, settings=AppSettings(input_device=gone))
    window.settings_screen.set_devices(DeviceList(inputs=["pulse"], loaded=True))
    combo = window.settings_screen.input_device
    assert combo.currentData() == gone
    assert combo.currentText() == ("Microphone: alsa_input.usb-Old_Headset-00.mono-fallback "
                                   "(not connected: the system default is used)")

"""Trial 26 (item 12 b, c): the first-run guide had no echo check, only "Headphones
recommended"; it now runs the Check screen's echo check (one code path) and keeps its result.
And at a first start the Check screen said "Round chosen on Home: ..." for the round Home had
selected itself (the practice plan's suggestion), though the user had chosen nothing."""
from __future__ import annotations

from interviewer.app.services import DeviceList
from interviewer.app.settings import save_settings
from interviewer.core.clock import FakeClock

from test_round import make_window


class FakeEcho:
    heard = True

    def advice(self) -> str:
        return "The microphone hears the interviewer's voice (loudspeakers): headphones are better."


def test_the_first_run_guide_runs_the_echo_check(qtbot, isolated_dirs, script_dirs, tmp_path, monkeypatch):
    import interviewer.app.echo_test as echo_test

    checked = []
    monkeypatch.setattr(echo_test, "run_echo_test", lambda speaker, recorder, path: checked.append(path) or FakeEcho())
    window, _speaker, _recorder = make_window(qtbot, script_dirs, tmp_path / "data", FakeClock())
    window.services.save_settings = save_settings
    window.devices = DeviceList(inputs=["Virtual mic", "USB headset"], voices=[("gmw/en", "English")], loaded=True)
    window.maybe_show_first_run()
    dialog = window.first_run
    dialog.next_button.click()
    dialog.mic.setCurrentIndex(dialog.mic.findData("USB headset"))
    dialog.next_button.click()  # the voice step: headphones, and the check that tells
    assert dialog.pages.currentWidget().isAncestorOf(dialog.echo_button) and dialog.echo_button.isVisible()
    dialog.echo_button.click()
    qtbot.waitUntil(lambda: bool(checked) and dialog.echo_button.isEnabled(), timeout=5000)
    assert "headphones are better" in dialog.echo_status.text()
    assert "press Space" in dialog.echo_status.text()  # the same verdict as on the Check screen
    settings = window.services.settings
    assert settings.output_setup == "loudspeakers" and settings.output_setup_source == "echo check"
    assert settings.output_setup_input_device == "USB headset"  # the microphone chosen in the guide
    dialog.skip()


def test_check_says_a_round_home_suggested_was_not_chosen(qtbot, isolated_dirs, script_dirs, tmp_path):
    window, _speaker, _recorder = make_window(qtbot, script_dirs, tmp_path / "data", FakeClock())
    suggested = window.home.selected_script()  # a first start: Home selected it itself
    assert suggested is not None
    window.show_screen("check")
    label = window.check_screen.round_label.text()
    assert "chosen" not in label and "Suggested round" in label and suggested.title in label
    assert not window.home.user_picked
    window.show_screen("home")
    window.home.select_script("test-design")  # now the user picks one
    window.show_screen("check")
    assert window.check_screen.round_label.text().startswith("Round chosen on Home: ")


def test_after_the_echo_check_the_focus_is_on_next_not_skip(qtbot, isolated_dirs, script_dirs, tmp_path, monkeypatch):
    """Trial 27: the echo check disabled its button, Qt moved the focus on to Skip, and Space
    then skipped the guide. The focus goes to Next, the guide's default button."""
    import interviewer.app.echo_test as echo_test

    checked = []
    monkeypatch.setattr(echo_test, "run_echo_test", lambda speaker, recorder, path: checked.append(path) or FakeEcho())
    window, _speaker, _recorder = make_window(qtbot, script_dirs, tmp_path / "data", FakeClock())
    window.services.save_settings = save_settings
    window.devices = DeviceList(inputs=["Virtual mic"], voices=[("gmw/en", "English")], loaded=True)
    window.maybe_show_first_run()
    dialog = window.first_run
    dialog.activateWindow()
    dialog.next_button.click()
    dialog.next_button.click()  # the voice step
    dialog.echo_button.setFocus()
    qtbot.waitUntil(dialog.echo_button.hasFocus, timeout=2000)
    qtbot.keyClick(dialog.echo_button, " ")  # as the user pressed it
    assert not dialog.skip_button.hasFocus()
    assert dialog.next_button.hasFocus() and dialog.next_button.isDefault()
    qtbot.waitUntil(lambda: bool(checked) and dialog.echo_button.isEnabled(), timeout=5000)
    assert dialog.next_button.hasFocus()
    dialog.skip()

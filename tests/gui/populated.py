"""A window with something on every screen: a round in progress, then finished, reviewed and
debriefed; `shots(visit)` calls `visit(theme, screen key)` for every screen in both themes."""
from __future__ import annotations

from PySide6.QtCore import Qt

from interviewer.app.services import DeviceList
from interviewer.core.clock import FakeClock
from interviewer.gui import theme
from interviewer.gui.workers import wait_for_background_work

from test_round import make_window, run_round

SCREENS_AFTER_ROUND = ("review", "debrief", "progress", "home", "check", "settings")
THEMES = ("light", "dark")


def populated_window(qtbot, script_dirs, tmp_path):
    clock = FakeClock()
    window, _, _ = make_window(qtbot, script_dirs, tmp_path / "data", clock)
    window.devices = DeviceList(inputs=["Virtual microphone"], outputs=["Speakers"],
                                voices=[("gmw/en-us", "English (America)"), ("gmw/af", "Afrikaans")], loaded=True)
    window.settings_screen.set_devices(window.devices)
    window.home.select_script("test-design")
    return window, clock


def every_screen(qtbot, window, clock, visit) -> None:
    """visit(theme_name, key) on each screen in each theme; the round screen mid-round."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    window.home.start_button.click()
    screen = window.round_screen
    for step in range(8):  # into the round: a question answered, a live transcript, the clock running
        clock.advance(40)
        screen._tick()
        qtbot.wait(5)
        if screen.session.controller.status == "listening" and step % 3 == 2:
            qtbot.keyClick(screen, Qt.Key.Key_Space)
    screen.scratchpad.setPlainText("def rank(posts):\n    return sorted(posts, key=score)\n")
    screen._render_partial()
    for name in THEMES:
        window.set_theme(name)
        app.processEvents()
        visit(name, "round")
    run_round(qtbot, window, clock)
    qtbot.waitUntil(lambda: window.current_screen_key() == "review", timeout=10000)
    wait_for_background_work()
    app.processEvents()
    window.debrief.open(window.last_session_id)
    window.debrief_screen.items[0].text.setPlainText("When asked about serving I hesitated.")
    window.debrief_screen.items[0].ratings.button(3).click()
    window.debrief_screen.save_button.click()
    qtbot.waitUntil(lambda: len(window.progress_screen.rows) == 1, timeout=5000)
    wait_for_background_work()
    app.processEvents()
    for name in THEMES:
        window.set_theme(name)
        for key in SCREENS_AFTER_ROUND:
            if key == "check":
                window.check.open(window.home.selected_script())
            else:
                window.show_screen(key)
            app.processEvents()
            visit(name, key)
    window.set_theme("light")

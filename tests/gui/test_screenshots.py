"""Saves a PNG of each main screen (to the test's tmp folder and bench-out/screenshots/), and
checks each image really shows something: a grab that is one flat colour fails."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from interviewer.core.clock import FakeClock
from interviewer.app.services import DeviceList
from interviewer.gui.workers import wait_for_background_work

from test_round import make_window, run_round

OUT = Path(__file__).resolve().parents[2] / "bench-out" / "screenshots"


def _save(window, name: str, tmp_path: Path) -> QImage:
    window.repaint()
    image = window.grab().toImage()
    for folder in (tmp_path, OUT):
        folder.mkdir(parents=True, exist_ok=True)
        assert image.save(str(folder / f"{name}.png"))
    return image


def _distinct_colours(image: QImage) -> int:
    seen = set()
    for y in range(0, image.height(), 7):
        for x in range(0, image.width(), 7):
            seen.add(image.pixel(x, y))
    return len(seen)


def test_screenshot_of_each_main_screen(qtbot, isolated_dirs, script_dirs, tmp_path):
    clock = FakeClock()
    window, _, _ = make_window(qtbot, script_dirs, tmp_path / "data", clock)
    window.resize(1280, 800)
    window.devices = DeviceList(inputs=["Virtual microphone"], outputs=["Speakers"],
                                voices=[("en-us", "English (America)")], loaded=True)
    window.settings_screen.set_devices(window.devices)
    shots = {}
    window.home.select_script("test-design")
    shots["home"] = _save(window, "home", tmp_path)
    window.check.open(window.home.selected_script())
    shots["check"] = _save(window, "check", tmp_path)

    window.home.start_button.click()
    screen = window.round_screen
    for _ in range(8):  # into the round: a question answered, a live transcript, the clock running
        clock.advance(40)
        screen._tick()
        qtbot.wait(5)
        if screen.session.controller.status == "listening" and _ % 3 == 2:
            qtbot.keyClick(screen, Qt.Key.Key_Space)
    screen.scratchpad.setPlainText("def rank(posts):\n    return sorted(posts, key=score)\n")
    screen._render_partial()
    shots["round"] = _save(window, "round", tmp_path)
    run_round(qtbot, window, clock)
    qtbot.waitUntil(lambda: window.current_screen_key() == "review", timeout=10000)
    wait_for_background_work()
    shots["review"] = _save(window, "review", tmp_path)
    window.debrief.open(window.last_session_id)
    window.debrief_screen.items[0].text.setPlainText("When asked about serving I hesitated.")
    window.debrief_screen.items[0].ratings.button(3).click()
    shots["debrief"] = _save(window, "debrief", tmp_path)
    window.refresh_progress()
    qtbot.waitUntil(lambda: len(window.progress_screen.rows) == 1, timeout=5000)
    window.show_screen("progress")
    shots["progress"] = _save(window, "progress", tmp_path)
    window.show_screen("settings")
    shots["settings"] = _save(window, "settings", tmp_path)

    for name, image in shots.items():
        assert image.width() >= 1000 and image.height() >= 700, name
        assert _distinct_colours(image) > 20, f"{name} looks blank"
        assert (tmp_path / f"{name}.png").stat().st_size > 10_000, name

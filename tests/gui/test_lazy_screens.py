"""Launch time (issue 14: an interactive window within 1 s on 2 cores): the window builds only
Home at start; the other screens, their controllers and their modules come when first opened or
used, and what was sent to them before (devices, the model's state, settings) shows then."""
from __future__ import annotations

import json
import os
import subprocess
import sys

from PySide6.QtWidgets import QHeaderView, QWidget

from interviewer.app.services import AppServices, DeviceList, ScriptList
from interviewer.gui.lazy_screens import LAZY_SCREEN_MODULES
from interviewer.gui.main_window import MainWindow

# What the first window must not wait for: numpy (the store's WAV writer used to pull it in),
# and every screen module that is not Home.
LAUNCH_CHILD = """
import json, sys
from interviewer.gui.app import create_application
app = create_application()
from interviewer.gui.lazy_screens import LAZY_SCREEN_MODULES
from interviewer.gui.main_window import MainWindow
from interviewer.app import real_adapters
window = MainWindow(real_adapters.default_services())
window.show()
app.processEvents()
print(json.dumps({"built": [k for k, s in window._screens.items() if s is not None],
                  "imported": [m for m in LAZY_SCREEN_MODULES + ("numpy",) if m in sys.modules],
                  "rounds": len(window.scripts)}))
window.close()
"""


def test_the_first_window_builds_and_imports_only_what_home_needs(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", INTERVIEWER_DATA_DIR=str(tmp_path / "data"),
               INTERVIEWER_CONFIG_DIR=str(tmp_path / "config"))
    out = subprocess.run([sys.executable, "-c", LAUNCH_CHILD], env=env, capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert seen["built"] == ["home"]
    assert seen["imported"] == []
    assert seen["rounds"] >= 20  # the bundled rounds are on Home


def test_a_screen_is_built_when_opened_and_shows_what_was_sent_before(qtbot, isolated_dirs):
    devices = DeviceList(inputs=["Virtual mic"], outputs=["Virtual speaker"],
                         voices=[("gmw/en-us", "English (America)")], loaded=True)
    window = MainWindow(AppServices(load_scripts=lambda: ScriptList(), list_devices=lambda: devices,
                                    load_model=lambda _settings: object()))
    qtbot.addWidget(window)
    window.show()
    window.start_background_loading()
    qtbot.waitUntil(lambda: window.devices.loaded and window.model_status.ready, timeout=5000)
    from interviewer.gui import theme

    before = theme.mode()
    window.set_theme("dark")
    # Data for Check and Settings did not build them.
    assert window._screens["check"] is None and window._screens["settings"] is None

    window.go_to("settings")
    settings = window.settings_screen
    assert window.current_screen_key() == "settings" and window.stack.currentWidget().widget() is settings
    assert settings.input_device.findData("Virtual mic") >= 0
    assert settings.voice.findData("gmw/en-us") >= 0
    assert settings.theme.currentData() == "dark"
    window.go_to("check")
    check = window.check_screen
    assert check.mic.findData("Virtual mic") >= 0
    assert "ready" in check.model_status.text()
    # Controls of a screen built late get their spoken names like the rest.
    from interviewer.gui.accessibility import CONTROL_TYPES, spoken_name

    unnamed = [w for screen in (settings, check) for w in screen.findChildren(QWidget)
               if isinstance(w, CONTROL_TYPES) and not isinstance(w, QHeaderView) and not spoken_name(w)]
    assert not unnamed, unnamed
    window.set_theme(before)


def test_review_is_built_on_first_use_and_closing_before_is_clean(qtbot, isolated_dirs):
    window = MainWindow(AppServices(load_scripts=lambda: ScriptList()))
    qtbot.addWidget(window)
    window.show()
    assert window._screens["review"] is None and window._screens["round"] is None
    window.close()  # nothing was built: shutting down must not build or touch them
    assert window._screens["review"] is None and window._screens["round"] is None
    again = MainWindow(AppServices(load_scripts=lambda: ScriptList()))
    qtbot.addWidget(again)
    progress = again.review.import_progress  # File > Import's bar: in the status bar once built
    assert again._screens["review"] is not None and again._screens["debrief"] is not None
    assert progress.parent() is not None and again.statusBar().isAncestorOf(progress)
    assert set(LAZY_SCREEN_MODULES) >= {"interviewer.gui.review_screen", "interviewer.gui.settings_screen"}

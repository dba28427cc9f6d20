"""Settings > Speech model: each model says what it costs; Download runs off the GUI thread with
a progress bar and Cancel, against a fake hub (nothing reaches the network)."""
from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from interviewer.adapters import models
from interviewer.app.settings import AppSettings
from interviewer.gui.settings_screen import SettingsScreen


@pytest.fixture(autouse=True)
def models_root(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    root = tmp_path / "models"
    monkeypatch.setenv(models.MODELS_DIR_ENV, str(root))
    return root


class SlowHub:
    """huggingface_hub.snapshot_download stand-in: 40 chunks of 5 kB, `delay` s apart, reported
    through the byte progress bar the real one creates; records the thread it ran on."""

    def __init__(self, delay: float):
        self.delay = delay
        self.thread = None

    def __call__(self, repo_id, *, local_dir, allow_patterns, tqdm_class, **kwargs):
        self.thread = threading.current_thread()
        bar = tqdm_class(desc="Reconstructing (incomplete total...)", total=0, initial=0, unit="B")
        bar.total = 200_000 + 4
        for name in ("config.json", "tokenizer.json"):
            (Path(local_dir) / name).write_text("{}")
            bar.update(2)
        with open(Path(local_dir) / "model.bin", "wb") as out:
            for _ in range(40):
                out.write(bytes(5000))
                bar.update(5000)
                time.sleep(self.delay)
        return str(local_dir)


def _screen(qtbot, model: str = "") -> SettingsScreen:
    screen = SettingsScreen(AppSettings(model=model))
    qtbot.addWidget(screen)
    return screen


def test_every_model_is_offered_with_what_it_costs(qtbot):
    screen = _screen(qtbot)
    names = [screen.model.itemData(i) for i in range(screen.model.count())]
    assert names == ["" if m.name == models.DEFAULT_MODEL_NAME else m.name for m in models.CATALOG]
    assert screen.current().model == ""  # the default
    assert "bundled" in screen.model_cost.text() and not screen.download_button.isEnabled()
    screen.model.setCurrentIndex(screen.model.findData("base"))
    assert models.info("base").cost in screen.model_cost.text()
    assert "145 MB" in screen.model_cost.text()
    assert not screen.download_button.isEnabled()  # on this machine from its packages
    screen.model.setCurrentIndex(screen.model.findData("small.en"))
    assert "needs a download" in screen.model_cost.text() and screen.download_button.isEnabled()
    assert screen.current().model == "small.en"


def test_a_saved_folder_or_unknown_name_stays_selected(qtbot, tmp_path):
    folder = tmp_path / "my-model"
    folder.mkdir()
    for name in models.MODEL_FILES:
        (folder / name).write_text("{}")
    screen = _screen(qtbot, str(folder))
    assert screen.current().model == str(folder)
    assert "Local model folder" in screen.model_cost.text()
    assert not screen.download_button.isEnabled()
    screen.load(AppSettings(model="large-v3"))
    assert screen.current().model == "large-v3"
    assert "Hugging Face cache" in screen.model_cost.text()


def test_download_shows_progress_and_the_gui_stays_free(qtbot, models_root, monkeypatch):
    import huggingface_hub

    hub = SlowHub(delay=0.02)
    monkeypatch.setattr(huggingface_hub, "snapshot_download", hub)
    screen = _screen(qtbot)
    screen.show()
    screen.model.setCurrentIndex(screen.model.findData("distil-small.en"))
    values = []
    screen.download_progress.valueChanged.connect(values.append)
    started = time.monotonic()
    screen.download_button.click()
    assert time.monotonic() - started < 0.3  # the click returns at once: the work is elsewhere
    assert screen.download_row.isVisible() and screen.cancel_download.isEnabled()
    assert not screen.download_button.isEnabled()
    qtbot.waitUntil(lambda: "Downloaded distil-small.en" in screen.status.text(), timeout=10_000)
    assert hub.thread is not threading.main_thread()
    assert values and values == sorted(values) and values[-1] == 1000 and len(values) > 3
    assert not screen.download_row.isVisible()
    assert models.status("distil-small.en") == "installed"
    assert "downloaded" in screen.model_cost.text() and not screen.download_button.isEnabled()


def test_cancel_stops_the_download_and_keeps_nothing(qtbot, models_root, monkeypatch):
    import huggingface_hub

    hub = SlowHub(delay=0.1)  # 4 s in all
    monkeypatch.setattr(huggingface_hub, "snapshot_download", hub)
    screen = _screen(qtbot)
    screen.show()
    screen.model.setCurrentIndex(screen.model.findData("small.en"))
    screen.download_button.click()
    qtbot.waitUntil(lambda: screen.download_progress.value() > 0, timeout=5000)
    started = time.monotonic()
    screen.cancel_download.click()
    qtbot.waitUntil(lambda: "cancelled" in screen.status.text(), timeout=5000)
    assert time.monotonic() - started < 1.0
    assert not screen.download_row.isVisible()
    assert models.status("small.en") == "not downloaded" and screen.download_button.isEnabled()
    assert not models_root.exists() or list(models_root.iterdir()) == []


def test_offline_download_failure_is_one_line_in_the_status(qtbot, models_root):
    # The real huggingface_hub with HF_HUB_OFFLINE=1: refuses before any connection.
    screen = _screen(qtbot)
    screen.model.setCurrentIndex(screen.model.findData("base.en"))
    screen.download_button.click()
    qtbot.waitUntil(lambda: "could not be downloaded" in screen.status.text(), timeout=10_000)
    assert "\n" not in screen.status.text() and "base.en" in screen.status.text()
    assert screen.status.text().startswith("No internet connection") and "Error" not in screen.status.text()
    assert screen.download_button.isEnabled()
    assert not models_root.exists() or list(models_root.iterdir()) == []


def test_nothing_is_fetched_until_download_is_pressed(qtbot, models_root, monkeypatch):
    import huggingface_hub

    calls = []
    monkeypatch.setattr(huggingface_hub, "snapshot_download", lambda *a, **k: calls.append(a))
    screen = _screen(qtbot, "small.en")
    for i in range(screen.model.count()):
        screen.model.setCurrentIndex(i)
    screen.save()
    assert calls == [] and not models_root.joinpath("small.en").exists()


def test_save_and_the_status_stay_in_a_1280x720_window_while_a_model_downloads(qtbot, isolated_dirs, script_dirs,
                                                                              tmp_path):
    """New-user trial: the download's progress row pushed the status line and Save below the
    bottom of the window. The groups scroll; the status and the buttons stay under them."""
    from PySide6.QtCore import QPoint, QRect

    from interviewer.core.clock import FakeClock
    from test_round import make_window

    window, _, _ = make_window(qtbot, script_dirs, tmp_path / "data", FakeClock())
    window.resize(1280, 720)
    window.show()
    window.show_screen("settings")
    screen = window.settings_screen
    release = threading.Event()
    screen._download = lambda name, progress, cancel: release.wait(10)
    screen.model.setCurrentIndex(screen.model.findData("distil-small.en"))
    try:
        screen.download_button.click()
        qtbot.waitUntil(lambda: screen.download_row.isVisible())
        qtbot.wait(50)
        shown = QRect(QPoint(0, 0), window.centralWidget().size())
        for widget in (screen.save_button, screen.revert_button, screen.status):
            where = QRect(widget.mapTo(window.centralWidget(), QPoint(0, 0)), widget.size())
            assert shown.contains(where), f"{widget!r} at {where} is outside the window's {shown}"
            assert widget.visibleRegion().boundingRect().size() == widget.size(), f"{widget!r} partly hidden"
        assert "Downloading distil-small.en" in screen.status.text()
        page = window.stack.currentWidget()
        assert page.verticalScrollBar().maximum() == 0, "the whole screen scrolled (Save with it)"
    finally:
        release.set()
        qtbot.waitUntil(lambda: not screen.download_row.isVisible(), timeout=10_000)


def _main_window(qtbot, settings: AppSettings, loaded: list):
    from interviewer.app.services import AppServices, ScriptList
    from interviewer.app.settings import save_settings
    from interviewer.gui.main_window import MainWindow

    def load(chosen):
        loaded.append(chosen.model)
        return f"model:{chosen.model}"

    window = MainWindow(AppServices(load_scripts=lambda: ScriptList(), save_settings=save_settings,
                                    load_model=load, settings=settings))
    qtbot.addWidget(window)
    return window


def test_a_model_whose_download_failed_is_not_saved_and_the_one_in_use_stays(qtbot, isolated_dirs, tmp_path):
    """Trial: base.en chosen, its download failed (offline), Save: the settings named a model
    the next start could not load. Saving keeps the model in use, says why, saves the rest."""
    from interviewer.app.settings import load_settings

    loaded: list = []
    window = _main_window(qtbot, AppSettings(), loaded)
    window.start_background_loading()
    qtbot.waitUntil(lambda: window.model_status.ready, timeout=5000)
    screen = window.settings_screen
    screen.model.setCurrentIndex(screen.model.findData("base.en"))
    screen.download_button.click()  # the real hub, offline: refused before any connection
    qtbot.waitUntil(lambda: "could not be downloaded" in screen.status.text(), timeout=10_000)
    screen.rate.setValue(150)
    screen.save_button.click()
    saved, _ = load_settings()
    assert saved.model == "" and saved.speech_rate == 150  # the rest is saved
    assert window.services.settings.model == ""
    status = screen.status.text()
    assert status.startswith("Saved") and "stays tiny.en" in status and "base.en is not on this machine" in status
    assert screen.model.currentData() == "" and screen.current().model == ""  # shown as used
    assert loaded == [""]  # nothing reloaded
    # A folder without a model in it is kept out the same way.
    empty = tmp_path / "not-a-model"
    empty.mkdir()
    screen._select_model(str(empty))
    screen.save_button.click()
    assert load_settings()[0].model == "" and "not a Whisper model folder" in screen.status.text()


def test_a_start_with_a_saved_model_that_is_not_here_loads_the_default_and_says_so(qtbot, isolated_dirs):
    """A settings file from before (or a model folder deleted since): the start loaded a model it
    could not load, and the app had no transcripts. It loads tiny.en and says why."""
    loaded: list = []
    window = _main_window(qtbot, AppSettings(model="base.en"), loaded)
    window.start_background_loading()
    qtbot.waitUntil(lambda: window.model_status.ready, timeout=5000)
    assert loaded == [""]
    assert window.banner.level == "warning"
    assert "base.en is not on this machine" in window.banner.text and "Using tiny.en" in window.banner.text
    assert window.settings_screen.current().model == "base.en"  # the choice is kept, to download later

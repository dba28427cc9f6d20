"""Trial 46 suggestion: in Settings, after changing the speech model to small.en and back to
tiny.en, the status line was blank (the "Saved at ..." it showed was cleared by the change and
not given back once the change was undone), and a model to download said "Without it the model
in use stays.". The page now always says which model is in use and what happens next, in plain
words (app.model_choice.model_choice_text), and the saved message comes back when what is shown
is what was saved."""
from __future__ import annotations

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


def _in_use_line(screen: SettingsScreen) -> str:
    return screen.model_in_use.text()


def test_the_model_line_says_what_is_in_use_and_what_happens_next(qtbot):
    screen = SettingsScreen(AppSettings(model=""))
    qtbot.addWidget(screen)
    default = models.DEFAULT_MODEL_NAME
    assert _in_use_line(screen) == f"In use: {default}."
    screen.show_saved("Saved at 10:14 to /tmp/settings.toml.")

    screen.model.setCurrentIndex(screen.model.findData("small.en"))  # not downloaded here
    assert models.status("small.en") == "not downloaded"
    assert _in_use_line(screen) == (f"In use: {default}. It stays in use until you download small.en "
                                    "(press Download) and save settings.")
    assert "Without it the model in use stays" not in screen.model_cost.text()
    assert screen.status.text() == "" and not screen.unsaved.isHidden()  # the saved message is no longer true

    screen.model.setCurrentIndex(screen.model.findData(""))  # and back
    assert _in_use_line(screen) == f"In use: {default}."
    assert screen.status.text() == "Saved at 10:14 to /tmp/settings.toml."  # not blank
    assert screen.unsaved.isHidden()


def test_a_model_that_can_load_says_save_switches_to_it(qtbot, models_root):
    folder = models_root / "base"
    folder.mkdir(parents=True)
    for name in models.MODEL_FILES:
        (folder / name).write_text("{}")
    screen = SettingsScreen(AppSettings(model=""))
    qtbot.addWidget(screen)
    screen._select_model(str(folder))
    assert _in_use_line(screen) == (f"In use: {models.DEFAULT_MODEL_NAME}. Save settings to switch to "
                                    f"{folder}; it loads right away.")


def test_undoing_a_change_gives_back_the_saved_message(qtbot):
    screen = SettingsScreen(AppSettings(model=""))
    qtbot.addWidget(screen)
    screen.show_saved("Saved at 10:14.")
    screen.model.setCurrentIndex(screen.model.findData("small.en"))
    assert screen.status.text() == ""
    screen.model.setCurrentIndex(0)  # the default, as saved
    assert screen.status.text() == "Saved at 10:14."

"""New-user trial 17: Help > Getting started, reopened, still said "you can skip it and come back
from Help > Getting started", and the guide left a large empty area below its text (a fixed
420 px for steps of about 200)."""
from __future__ import annotations

from PySide6.QtWidgets import QApplication

from interviewer.app.settings import save_settings
from interviewer.core.clock import FakeClock

from test_round import make_window


def _welcome_text(dialog) -> str:
    from PySide6.QtWidgets import QLabel

    return " ".join(label.text() for label in dialog.pages.widget(0).findChildren(QLabel))


def test_the_reopened_guide_does_not_say_come_back_from_help(qtbot, isolated_dirs, script_dirs, tmp_path):
    window, _, _ = make_window(qtbot, script_dirs, tmp_path / "data", FakeClock())
    window.services.save_settings = save_settings
    window.maybe_show_first_run()
    first = window.first_run
    assert "come back from Help > Getting started" in _welcome_text(first)  # the first start says where
    first.skip()
    window.actions["first-run"].trigger()
    again = window.first_run
    assert again is not first and again.isVisible()
    assert "come back from Help" not in _welcome_text(again)
    again.skip()


def test_the_guide_is_as_tall_as_its_steps(qtbot, isolated_dirs, script_dirs, tmp_path):
    window, _, _ = make_window(qtbot, script_dirs, tmp_path / "data", FakeClock())
    window.resize(1280, 800)
    window.maybe_show_first_run()
    dialog = window.first_run
    qtbot.waitExposed(dialog)
    QApplication.processEvents()
    inner = dialog.page_area.viewport().width()
    tallest = max(dialog.pages.widget(i).heightForWidth(inner) for i in range(dialog.pages.count()))
    shown = dialog.page_area.viewport().height()
    assert shown >= tallest  # every step whole, no scrolling
    assert shown - tallest <= 2 * dialog.fontMetrics().lineSpacing(), (shown, tallest)  # and no empty area
    assert dialog.page_area.verticalScrollBar().maximum() == 0
    dialog.skip()

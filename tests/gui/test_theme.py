"""The theme (issue 14): light and dark, switchable; on every rendered screen in both themes no
text has a contrast ratio under 4.5:1 with its background."""
from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from interviewer.gui import theme
from interviewer.gui.theme import contrast_ratio

from contrast import contrast_problems
from populated import every_screen, populated_window


def test_the_theme_pairs_meet_wcag_aa():
    for t in (theme.LIGHT, theme.DARK):
        for fg, bg in (("text", "window"), ("text", "surface"), ("text_muted", "window"),
                       ("text_muted", "surface"), ("primary_text", "primary_bg"), ("accent", "surface"),
                       ("nav_current_text", "nav_current_bg"), ("text", "nav_bg"),
                       ("info_text", "info_bg"), ("warning_text", "warning_bg"), ("error_text", "error_bg"),
                       ("good_text", "surface"), ("problem_text", "surface"), ("note_text", "surface"),
                       ("filler_text", "filler_bg"), ("pause_text", "pause_bg"), ("disfluency_text", "surface")):
            ratio = contrast_ratio(t.color(fg), t.color(bg))
            assert ratio >= 4.5, f"{t.name}: {fg} on {bg} = {ratio:.2f}"
        for phase in t.phases:
            assert contrast_ratio(t.color("text"), QColor(phase)) >= 4.5, (t.name, phase)


def test_switching_the_theme_changes_the_palette_and_is_kept(qtbot, isolated_dirs, script_dirs, tmp_path):
    window, _clock = populated_window(qtbot, script_dirs, tmp_path)
    app = QApplication.instance()
    window.actions  # the menu exists
    window.theme_actions["dark"].trigger()
    assert theme.current() is theme.DARK and window.services.settings.theme == "dark"
    assert app.palette().color(QPalette.ColorRole.Window).lightness() < 60
    assert window.settings_screen.theme.currentData() == "dark"
    window.settings_screen.theme.setCurrentIndex(window.settings_screen.theme.findData("light"))
    window.settings_screen.save_button.click()
    assert theme.current() is theme.LIGHT and window.theme_actions["light"].isChecked()
    assert app.palette().color(QPalette.ColorRole.Window).lightness() > 200


def test_no_text_under_4_5_to_1_on_any_screen_in_either_theme(qtbot, isolated_dirs, script_dirs, tmp_path):
    window, clock = populated_window(qtbot, script_dirs, tmp_path)
    window.resize(1280, 720)
    window.banner.show_message("A notice at the top of the window.", "warning")
    problems: list[str] = []
    seen = []

    def visit(theme_name: str, key: str) -> None:
        seen.append((theme_name, key))
        problems.extend(contrast_problems(window, f"[{theme_name} {key}]"))

    every_screen(qtbot, window, clock, visit)
    for name in ("light", "dark"):
        window.set_theme(name)
        window.show_first_run()
        QApplication.processEvents()
        problems.extend(contrast_problems(window.first_run, f"[{name} first run]"))
        window.first_run.skip()
        window.show_shortcuts()
        QApplication.processEvents()
        problems.extend(contrast_problems(window.shortcut_sheet, f"[{name} shortcuts]"))
        window.shortcut_sheet.close()
    assert len(seen) == 14
    assert not problems, "\n".join(problems)


def test_system_mode_follows_the_desktop(qtbot, isolated_dirs, monkeypatch):
    """"Follow the system": the desktop's colour scheme when Qt reports one, else its own
    palette as it was before the app set one; a change on the desktop re-applies the theme."""
    from PySide6.QtCore import Qt

    from interviewer.app.services import AppServices, ScriptList
    from interviewer.app.settings import AppSettings
    from interviewer.gui.main_window import MainWindow

    app = QApplication.instance()
    hints = app.styleHints()
    scheme = {"now": Qt.ColorScheme.Unknown}
    monkeypatch.setattr(type(hints), "colorScheme", lambda _self: scheme["now"])
    monkeypatch.setattr(theme, "_platform_dark", True)
    window = MainWindow(AppServices(settings=AppSettings(theme="system"), load_scripts=lambda: ScriptList()))
    qtbot.addWidget(window)
    assert theme.current() is theme.DARK  # the desktop's own palette was dark
    monkeypatch.setattr(theme, "_platform_dark", False)
    scheme["now"] = Qt.ColorScheme.Dark
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert theme.current() is theme.DARK
    scheme["now"] = Qt.ColorScheme.Light
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert theme.current() is theme.LIGHT
    assert app.palette().color(QPalette.ColorRole.Window).lightness() > 200
    window.set_theme("light")

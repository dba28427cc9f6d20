"""Trial 40 item 5: the Talking points tab showed "The round&#x27;s question script was not
found", and said "not found" of a script whose file is there but broken (a typo in `kind` while
the app ran); meanwhile the round's summary changed ("Talking points covered" went, "Edge cases"
came) until the file was fixed. Now the tab shows plain words, a broken file is "could not be
loaded" with its file, line and reason, and the open app reviews the round with the version of
the script it last loaded."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt

from interviewer.app.services import AppServices, ScriptList
from interviewer.core.scripts.loader import discover_scripts
from interviewer.export.coverage_section import NO_SCRIPT
from interviewer.export.markdown import render_markdown
from interviewer.export.report import build_report
from interviewer.gui.coverage_checklist import _plain
from interviewer.gui.main_window import MainWindow
from interviewer.gui.review_screen import ReviewScreen
from interviewer.paths import user_scripts_dir
from interviewer.storage import Store

from conftest import SYSTEM_DESIGN_TOML


def shown(label) -> str:
    """What a QLabel puts on screen: its text rendered as rich text, or as it is."""
    text = label.text()
    rich = label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text))
    return _plain(text) if rich else text


def test_the_talking_points_message_shows_no_html_entity(qtbot):
    screen = ReviewScreen()
    qtbot.addWidget(screen)
    screen.coverage.show_message(NO_SCRIPT)
    assert shown(screen.coverage.status) == NO_SCRIPT and "&#x27;" not in shown(screen.coverage.status)


BROKEN = SYSTEM_DESIGN_TOML.replace('"test-design"', '"t40-design"').replace(
    'kind = "ml_system_design"', 'kind = "system_design"')


def test_a_broken_script_is_said_to_be_broken_not_missing(isolated_dirs):
    assert BROKEN != SYSTEM_DESIGN_TOML and 'kind = "system_design"' in BROKEN
    folder = user_scripts_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "fraud.toml").write_text(BROKEN)
    with Store.open() as store:
        sid = store.create_session("t40-design", "My design", "ml_system_design", 45, started_at=1_700_000_000)
        store.finish_session(sid, ended_at=1_700_000_600)
        session = store.get_session(sid)
    md = render_markdown(build_report(session), escape=False)
    assert "could not be loaded" in md and "not found" not in md
    assert "fraud.toml, line" in md and "unknown round kind 'system_design'" in md


def test_the_open_app_reviews_a_round_with_the_script_it_last_loaded(qtbot, tmp_path):
    user = tmp_path / "user"
    user.mkdir()
    good = SYSTEM_DESIGN_TOML.replace('"test-design"', '"t40-design"')
    (user / "fraud.toml").write_text(good)
    empty = tmp_path / "bundled"
    empty.mkdir()

    def load() -> ScriptList:
        catalog = discover_scripts(empty, user)
        found = ScriptList(catalog.scripts, catalog.problems)
        found.broken = getattr(catalog, "broken", {})
        return found

    window = MainWindow(AppServices(load_scripts=load))
    qtbot.addWidget(window)
    window.refresh_scripts()
    loaded = window.review.script_by_id("t40-design")
    assert loaded is not None
    (user / "fraud.toml").write_text(BROKEN)  # a typo while the app runs
    window.refresh_scripts()
    assert "t40-design" not in [s.id for s in window.scripts]  # no new round of it
    assert window.review.script_by_id("t40-design") is loaded  # the review is unchanged
    screen = window.review.screen
    assert any("unknown round kind" in p for p in screen.script_problems("t40-design"))

"""Scripts written by users show on Home. One written in Arabic or Hebrew reads right there: its title, description and phase
names keep their own order, and the app's words around them ("3 min", the plan's numbers) stay
where an English line puts them.

Before: a plan line whose phase name is Arabic became a right-to-left line, drawn as
"min 3 :مقدمة .1" (minutes reversed, numbering on the right)."""
from __future__ import annotations

from interviewer.app.services import AppServices, ScriptList
from interviewer.core.scripts.loader import discover_scripts
from interviewer.gui.main_window import MainWindow

ARABIC = "مقدمة"
HEBREW = "עיצוב המערכת"

SCRIPT = f"""\
id = "rtl-round"
title = "مقابلة تصميم النظام 2"
kind = "ml_system_design"
minutes = 45
description = "مقابلة تصميم 45 دقيقة."

[[phases]]
id = "intro"
name = "{ARABIC}"
minutes = 3
prompt = "مرحبًا!"

[[phases]]
id = "design"
name = "{HEBREW}"
minutes = 42
prompt = "עכשיו נעבור לעיצוב."

[[questions]]
id = "q1"
phase = "design"
text = "תכנן מערכת המלצות."
expected_points = []
"""


def _x_positions(block, start: int, end: int) -> list[float]:
    """Where the characters start..end of a block are drawn, left to right on screen."""
    layout = block.layout()
    line = layout.lineForTextPosition(start)
    return [line.cursorToX(i)[0] for i in range(start, end)]


def test_right_to_left_names_keep_the_plan_lines_in_english_order(qtbot, isolated_dirs, script_dirs):
    bundled, user = script_dirs
    (user / "rtl.toml").write_text(SCRIPT, encoding="utf-8")

    def load():
        catalog = discover_scripts(bundled, user)
        return ScriptList(catalog.scripts, catalog.problems)

    window = MainWindow(AppServices(load_scripts=load))
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    assert window.home.select_script("rtl-round")
    document = window.home.details.document()
    document.setTextWidth(800)
    lines = {}
    block = document.begin()
    while block.isValid():
        lines[block.text().replace("\u2068", "").replace("\u2069", "")] = block
        block = block.next()
    for name, minutes in ((ARABIC, "3 min"), (HEBREW, "42 min")):
        text = f"{name}: {minutes}"
        block = next(b for t, b in lines.items() if t == text)
        raw = block.text()
        name_at, minutes_at = raw.index(name), raw.index(minutes)
        name_x = _x_positions(block, name_at, name_at + len(name))
        minutes_x = _x_positions(block, minutes_at, minutes_at + len(minutes))
        assert max(name_x) < min(minutes_x), (text, name_x, minutes_x)   # the name, then its minutes
        assert minutes_x == sorted(minutes_x), (text, minutes_x)          # '3 min', not 'min 3'


def test_home_lists_every_user_written_script_with_its_whole_title(qtbot, isolated_dirs, script_dirs):
    """tests/data/user_scripts (Windows line endings and BOM, inline tables, forty questions,
    Arabic, Japanese and emoji titles, a title on two lines ...) all show on Home, none left out."""
    import shutil
    from pathlib import Path

    from interviewer.core.scripts.loader import load_script

    bundled, user = script_dirs
    (user / "broken.toml").unlink()
    written = sorted((Path(__file__).parents[1] / "data" / "user_scripts").glob("*.toml"))
    for path in written:
        shutil.copy(path, user / path.name)

    def load():
        catalog = discover_scripts(bundled, user)
        return ScriptList(catalog.scripts, catalog.problems)

    window = MainWindow(AppServices(load_scripts=load))
    qtbot.addWidget(window)
    assert discover_scripts(bundled, user).problems == []
    shown = {s.id: s for s in window.home.visible_scripts()}
    for path in written:
        script = load_script(path)
        assert script.id in shown, path.name
        assert window.home.select_script(script.id)
        assert script.title in window.home.round_list.currentItem().text()
        assert script.title in window.home.details.toPlainText()

"""Home lists the good rounds and names every broken user script: the first five problems in
the text, all of them in its tooltip (a sixth broken file was only '... and 1 more')."""
from __future__ import annotations

import html

from interviewer.app.services import AppServices, ScriptList
from interviewer.core.scripts.loader import discover_scripts
from interviewer.gui.main_window import MainWindow


def test_every_broken_script_is_named_and_the_good_ones_listed(qtbot, isolated_dirs, script_dirs):
    bundled, user = script_dirs
    for i in range(6):
        (user / f"broken_{i}.toml").write_text(f'id = "broken-{i}"\ntitle = "B"\nkind = "cook_{i}"\n')

    def load():
        catalog = discover_scripts(bundled, user)
        return ScriptList(catalog.scripts, catalog.problems)

    window = MainWindow(AppServices(load_scripts=load))
    qtbot.addWidget(window)
    label = window.home.problems_label
    problems = discover_scripts(bundled, user).problems
    assert len(problems) > 5
    assert "My own design round" in [s.title for s in window.home.visible_scripts()]
    assert all(p.split(":")[0] in label.toolTip() for p in problems), label.toolTip()
    assert "broken_5.toml" in label.toolTip() and "broken_5.toml" not in label.text()
    assert "scripts list" in label.text()


def _long_problems(user) -> None:
    """Five scripts with a mistake each, written the way a user does: one message per script,
    some longer than a 1280-pixel line."""
    good = (user / "mine.toml").read_text()
    (user / "broken.toml").unlink()
    mistakes = {"kind": ('kind = "ml_system_design"', 'kind = "system_desing"'),
                "minutes": ("minutes = 45", 'minutes = "45 min"'),
                "phase": ('phase = "clarify"', 'phase = "clarification_of_the_problem_statement"'),
                "key": ('[[questions]]', '[[questions]]\nexpected_point = ["x"]'),
                "title": ('title = "My own design round"', 'titel = "My own design round"')}
    for name, (old, new) in mistakes.items():
        assert old in good, old
        (user / f"my_{name}_round_with_a_long_descriptive_file_name.toml").write_text(
            good.replace('"my-design"', f'"my-{name}"').replace(old, new, 1))


def test_long_script_errors_are_readable_at_1600x1000_and_1280x720(qtbot, isolated_dirs, script_dirs):
    """Trial: a user-written script with a mistake; the error under the round list was cut off
    at the bottom of the window. The errors sit in a box of their own that fits them up to a
    few lines and scrolls the rest; it always shows whole, and Home does not scroll for it."""
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtWidgets import QApplication

    bundled, user = script_dirs
    _long_problems(user)

    def load():
        catalog = discover_scripts(bundled, user)
        return ScriptList(catalog.scripts, catalog.problems)

    problems = discover_scripts(bundled, user).problems
    assert len(problems) >= 5 and max(len(p) for p in problems) > 200, problems
    window = MainWindow(AppServices(load_scripts=load))
    qtbot.addWidget(window)
    window.show()
    label = window.home.problems_label
    for width, height in ((1280, 720), (1600, 1000)):
        window.resize(width, height)
        QApplication.processEvents()
        qtbot.wait(20)
        page = window.stack.currentWidget()
        shown = label.visibleRegion().boundingRect()
        assert page.verticalScrollBar().maximum() == 0, f"Home scrolls at {width}x{height}"
        assert label.height() >= label.heightForWidth(label.width()), "the text is cut inside its box"
        assert shown.width() == label.width()  # no line runs off to the right
        if shown.height() < label.height():  # the rest is reached by the box's own scroll bar
            box = window.home.problems_box
            assert box.verticalScrollBar().maximum() >= label.height() - shown.height(), (width, height)
        box = window.home.problems_box  # whole in the window
        where = QRect(box.mapTo(window, QPoint(0, 0)), box.size())
        assert window.rect().contains(where), (width, height, where)
        assert box.visibleRegion().boundingRect().size() == box.size(), (width, height)
        assert all(html.escape(p, quote=False) in label.text() for p in problems[:5])  # the rest: tooltip

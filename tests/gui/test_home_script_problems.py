"""Home lists the good rounds and names every broken user script: the first five problems in
the text, all of them in its tooltip (a sixth broken file was only '... and 1 more')."""
from __future__ import annotations

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

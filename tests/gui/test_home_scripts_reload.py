"""A script written or fixed while the app is open shows on Home without a restart (a new user's
trial: Home named 'mine.toml:10: phases[1].minutes: must be a number of minutes, not a string'
and kept naming it after the file was fixed, until the app was started again)."""
from __future__ import annotations

from interviewer.app.services import AppServices, ScriptList
from interviewer.core.scripts.loader import discover_scripts
from interviewer.gui.main_window import MainWindow
from interviewer.paths import user_scripts_dir

from gui_scripts import SYSTEM_DESIGN_TOML


def test_home_reads_the_user_scripts_again_when_a_file_changes(qtbot, isolated_dirs, script_dirs):
    bundled, _ = script_dirs
    user = user_scripts_dir()
    user.mkdir(parents=True)
    good = SYSTEM_DESIGN_TOML.replace('"test-design"', '"my-round"').replace("Design a feed ranker", "My round")
    mine = user / "mine.toml"
    mine.write_text(good.replace("minutes = 45", 'minutes = "45 min"', 1))

    def load():
        catalog = discover_scripts(bundled, user)
        return ScriptList(catalog.scripts, catalog.problems)

    window = MainWindow(AppServices(load_scripts=load))
    qtbot.addWidget(window)
    titles = lambda: [s.title for s in window.home.visible_scripts()]  # noqa: E731
    assert "mine.toml" in window.home.problems_label.text() and "My round" not in titles()

    mine.write_text(good)  # fixed
    qtbot.waitUntil(lambda: "My round" in titles() and window.home.problems_box.isHidden(), timeout=5000)

    # A new file, and a file saved by renaming over the old one (as many editors do).
    (user / "second.toml").write_text(good.replace('"my-round"', '"second"').replace("My round", "Second round"))
    qtbot.waitUntil(lambda: "Second round" in titles(), timeout=5000)
    replacement = user / "mine.toml.tmp"
    replacement.write_text(good.replace("My round", "My round, renamed"))
    replacement.replace(mine)
    qtbot.waitUntil(lambda: "My round, renamed" in titles(), timeout=5000)
    mine.unlink()
    qtbot.waitUntil(lambda: "My round, renamed" not in titles(), timeout=5000)


def test_scripts_are_not_read_again_during_a_round(qtbot, isolated_dirs, script_dirs, monkeypatch):
    bundled, _ = script_dirs
    user = user_scripts_dir()
    user.mkdir(parents=True)
    calls = []

    def load():
        calls.append(1)
        return ScriptList(discover_scripts(bundled, user).scripts)

    window = MainWindow(AppServices(load_scripts=load))
    qtbot.addWidget(window)
    monkeypatch.setattr(window, "current_screen_key", lambda: "round")
    (user / "new.toml").write_text(SYSTEM_DESIGN_TOML.replace('"test-design"', '"new"'))
    qtbot.wait(1500)
    assert len(calls) == 1
    monkeypatch.setattr(window, "current_screen_key", lambda: "review")
    qtbot.waitUntil(lambda: len(calls) == 2, timeout=5000)


def test_a_scripts_folder_made_while_the_app_is_open_is_read(qtbot, isolated_dirs, script_dirs):
    """New-user trial 6: the docs say own scripts go in .../question_scripts; the folder did not
    exist when the app started, so nothing was watched and the new script (and its problem) showed
    only after a restart."""
    bundled, _ = script_dirs
    user = user_scripts_dir()
    user.parent.mkdir(parents=True, exist_ok=True)  # the data folder exists, its scripts folder not yet
    assert not user.exists()

    def load():
        catalog = discover_scripts(bundled, user)
        return ScriptList(catalog.scripts, catalog.problems)

    window = MainWindow(AppServices(load_scripts=load))
    qtbot.addWidget(window)
    titles = lambda: [s.title for s in window.home.visible_scripts()]  # noqa: E731
    user.mkdir()
    good = SYSTEM_DESIGN_TOML.replace('"test-design"', '"my-round"').replace("Design a feed ranker", "My round")
    (user / "mine.toml").write_text(good.replace("minutes = 45", "minutes = 20", 1))
    qtbot.waitUntil(lambda: "mine.toml" in window.home.problems_label.text(), timeout=5000)
    (user / "mine.toml").write_text(good)  # and the folder itself is watched from then on
    qtbot.waitUntil(lambda: "My round" in titles(), timeout=5000)


def test_file_menu_opens_the_user_scripts_folder(qtbot, isolated_dirs, script_dirs, monkeypatch):
    """New-user trial 6: nothing in the app said where your own scripts go. File > Open my question
    scripts folder makes it and opens it; without a file manager the banner names it."""
    from PySide6.QtGui import QDesktopServices

    bundled, _ = script_dirs
    user = user_scripts_dir()
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or False)
    window = MainWindow(AppServices(load_scripts=lambda: ScriptList(discover_scripts(bundled, user).scripts)))
    qtbot.addWidget(window)
    file_menu = window.menuBar().actions()[0].menu()
    action = next(a for a in file_menu.actions() if "question scripts folder" in a.text().replace("&", ""))
    action.trigger()
    assert user.is_dir() and opened == [str(user)]
    assert str(user) in window.banner.text and window.banner.level == "info"
    (user / "mine.toml").write_text(SYSTEM_DESIGN_TOML.replace('"test-design"', '"mine"')
                                    .replace("Design a feed ranker", "My round"))
    qtbot.waitUntil(lambda: "My round" in [s.title for s in window.home.visible_scripts()], timeout=5000)


def test_scripts_read_again_after_a_change_are_read_off_the_gui_thread(qtbot, isolated_dirs, script_dirs):
    """trial11 measured the window frozen 1.0-1.1 s at every start: a change in the watched folder
    made Home parse and check all the scripts again on the GUI thread."""
    import threading

    bundled, _ = script_dirs
    threads = []

    def load():
        threads.append(threading.current_thread() is threading.main_thread())
        return ScriptList(discover_scripts(bundled, user_scripts_dir()).scripts)

    window = MainWindow(AppServices(load_scripts=load))
    qtbot.addWidget(window)
    assert threads == [True]  # the first list, before the window shows
    window._reload_user_scripts()
    qtbot.waitUntil(lambda: len(threads) == 2, timeout=5000)
    assert threads[1] is False
    qtbot.waitUntil(lambda: not window._scripts_loading, timeout=5000)
    assert window.home.visible_scripts()

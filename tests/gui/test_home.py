"""The main window opens and lists the available rounds (bundled and the user's own)."""
from __future__ import annotations

from interviewer.core.scripts.loader import discover_scripts
from interviewer.gui.main_window import MainWindow
from interviewer.app.services import AppServices, ScriptList


def _services(bundled, user) -> AppServices:
    def load():
        catalog = discover_scripts(bundled, user)
        return ScriptList(catalog.scripts, catalog.problems)

    return AppServices(load_scripts=load)


def test_main_window_lists_bundled_and_user_rounds(qtbot, isolated_dirs, script_dirs):
    window = MainWindow(_services(*script_dirs))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)

    assert window.current_screen_key() == "home"
    titles = [s.title for s in window.home.visible_scripts()]
    assert sorted(titles) == ["Design a feed ranker", "My own design round", "Ownership stories"]
    # The user's broken script is reported in the window, not a crash.
    assert window.home.problems_label.isVisibleTo(window)
    assert "cooking" in window.home.problems_label.text()
    # The user's own round is marked as such.
    texts = [window.home.round_list.item(i).text() for i in range(window.home.round_list.count())]
    assert any("My own design round (yours)" in t for t in texts)
    assert not [t for t in texts if "  " in t]  # one space before "(yours)" (new-user trial 7 saw two)


def test_kind_filter_narrows_the_list(qtbot, isolated_dirs, script_dirs):
    window = MainWindow(_services(*script_dirs))
    qtbot.addWidget(window)
    window.home.set_kind_filter("behavioral")
    assert [s.id for s in window.home.visible_scripts()] == ["test-behavioral"]
    window.home.set_kind_filter("coding")
    assert window.home.visible_scripts() == []
    assert not window.home.start_button.isEnabled()
    window.home.set_kind_filter("")
    assert len(window.home.visible_scripts()) == 3


def test_start_emits_the_selected_round(qtbot, isolated_dirs, script_dirs):
    window = MainWindow(_services(*script_dirs))
    qtbot.addWidget(window)
    assert window.home.select_script("test-behavioral")
    with qtbot.waitSignal(window.home.start_requested) as blocker:
        window.home.start_button.click()
    assert blocker.args[0].id == "test-behavioral"


def test_a_failing_script_folder_shows_a_message(qtbot, isolated_dirs):
    def load():
        raise PermissionError("scripts folder is not readable")

    window = MainWindow(AppServices(load_scripts=load))
    qtbot.addWidget(window)
    assert "not readable" in window.banner.text
    assert window.home.visible_scripts() == []


def test_a_description_keeps_its_paragraphs(qtbot, isolated_dirs, script_dirs):
    """A script author's trial: a description's blank-line paragraphs ran together on Home,
    although the docs say a blank line starts a new paragraph."""
    bundled, user = script_dirs
    design = bundled / "design.toml"
    design.write_text(design.read_text().replace(
        'description = "A short test round."',
        'description = """First paragraph about the round.\n\nSecond paragraph: what to practise."""'))
    window = MainWindow(_services(bundled, user))
    qtbot.addWidget(window)
    assert window.home.select_script("test-design")
    html = window.home.details.toHtml()
    assert html.count("First paragraph about the round.") == 1
    doc = window.home.details.document()
    blocks = [doc.findBlockByNumber(i).text() for i in range(doc.blockCount())]
    assert "First paragraph about the round." in blocks and "Second paragraph: what to practise." in blocks

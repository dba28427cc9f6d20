"""Export > PDF with a name typed without its suffix wrote a file named "round" that no viewer
opens by itself: the format's suffix is added."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from test_round import play_to_review


def test_a_name_without_a_suffix_gets_the_formats(qtbot, isolated_dirs, script_dirs, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    window = play_to_review(qtbot, script_dirs, tmp_path)
    written = []
    monkeypatch.setattr(window.review, "export_session", lambda sid, fmt, out: written.append((fmt, out)))
    chosen = {"path": str(tmp_path / "round")}
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (chosen["path"], ""))
    for fmt in ("pdf", "md"):
        window.review_screen.export_requested.emit(window.last_session_id, fmt)
    chosen["path"] = str(tmp_path / "notes.txt")  # a suffix of the user's own is kept
    window.review_screen.export_requested.emit(window.last_session_id, "md")
    assert written == [("pdf", tmp_path / "round.pdf"), ("md", tmp_path / "round.md"), ("md", tmp_path / "notes.txt")]


def test_the_suggested_name_says_which_round_it_is(qtbot, isolated_dirs, script_dirs, tmp_path, monkeypatch):
    """The save dialog suggested 'session-5.html': a number the user never sees in the app. It
    suggests the date and the round's title."""
    import time

    from PySide6.QtWidgets import QFileDialog

    window = play_to_review(qtbot, script_dirs, tmp_path)
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda _parent, _title, suggested, *a, **k:
                        (asked.append(suggested), ("", ""))[1])
    window.review_screen.export_requested.emit(window.last_session_id, "html")
    session = window.store().get_session(window.last_session_id)
    day = time.strftime("%Y-%m-%d", time.localtime(session.started_at))
    assert Path(asked[0]).name == f"{day} Design a feed ranker.html"


def test_the_exported_message_stays_on_the_review_and_moves_nothing(qtbot, isolated_dirs, script_dirs, tmp_path):
    """Trial: "Exported to ..." stayed up over Home and Settings after the review was left; trial
    16: shown in the banner above the page, it pushed the page down and the Export button moved.
    It is the review's own line under the buttons, kept empty until an export ends."""
    window = play_to_review(qtbot, script_dirs, tmp_path)
    review = window.review_screen
    QApplication.processEvents()
    where = review.export_button.mapTo(window, review.export_button.rect().topLeft())
    note_height = review.export_note.height()
    assert review.export_note.note() == "" and note_height > 0  # the line is there, empty
    out = tmp_path / "round.md"
    window.review.export_session(window.last_session_id, "md", out)
    qtbot.waitUntil(lambda: window.review.last_export is not None, timeout=10000)
    QApplication.processEvents()
    assert review.export_note.note().startswith(f"Exported to {out}")
    assert review.export_note.toolTip().startswith(f"Exported to {out}")  # whole, where the line elides it
    assert window.banner.isHidden()
    assert review.export_button.mapTo(window, review.export_button.rect().topLeft()) == where
    assert review.export_note.height() == note_height
    window.show_screen("home")
    assert window.banner.isHidden() and not review.isVisible()


def test_the_save_dialog_filters_by_the_exports_format(qtbot, isolated_dirs, script_dirs, tmp_path, monkeypatch):
    """Trial 16: a Markdown export's save dialog offered "All Files (*)"."""
    from PySide6.QtWidgets import QFileDialog

    window = play_to_review(qtbot, script_dirs, tmp_path)
    filters = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda _parent, _title, _suggested, selected_filter="", *a,
                        **k: (filters.append(selected_filter), ("", ""))[1])
    for fmt in ("md", "html", "pdf", "wav"):
        window.review_screen.export_requested.emit(window.last_session_id, fmt)
    assert filters == ["Markdown (*.md)", "HTML (*.html)", "PDF (*.pdf)", "WAV (*.wav)"]


def test_the_name_typed_decides_the_format_and_the_folder_is_remembered(qtbot, isolated_dirs, script_dirs,
                                                                         tmp_path, monkeypatch):
    """Trial 39 item 8: "HTML report" saved as round1.pdf wrote an HTML document into a .pdf,
    with no word; and the save dialog always opened in the home folder, not where the last
    export went."""
    from PySide6.QtWidgets import QFileDialog

    window = play_to_review(qtbot, script_dirs, tmp_path)
    written, suggested = [], []
    monkeypatch.setattr(window.review, "export_session", lambda sid, fmt, out: written.append((fmt, out)))
    folder = tmp_path / "exports"
    folder.mkdir()
    chosen = {"path": str(folder / "round1.pdf")}
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda _parent, _title, name, *a, **k:
                        (suggested.append(Path(name)), (chosen["path"], ""))[1])
    window.review_screen.export_requested.emit(window.last_session_id, "html")
    assert written == [("pdf", folder / "round1.pdf")]  # a PDF, as the name says
    chosen["path"] = str(folder / "round1.HTML")
    window.review_screen.export_requested.emit(window.last_session_id, "md")
    assert written[-1] == ("html", folder / "round1.HTML")
    assert suggested[0].parent == Path.home()
    assert suggested[1].parent == folder, "the second save opens where the first went"
    assert window.services.settings.last_export_dir == str(folder)  # kept for the next start


def test_import_opens_where_the_last_export_went_and_remembers_its_own_folder(qtbot, isolated_dirs, script_dirs,
                                                                             tmp_path, monkeypatch):
    """Trial 44 (D8): File > Import opened in the home folder right after an export to another
    folder. Import and export share the last folder used (settings' last_export_dir)."""
    from PySide6.QtWidgets import QFileDialog

    window = play_to_review(qtbot, script_dirs, tmp_path)
    monkeypatch.setattr(window.review, "export_session", lambda sid, fmt, out: None)
    exports, recordings = tmp_path / "exports", tmp_path / "recordings"
    exports.mkdir()
    recordings.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(exports / "round1.html"), ""))
    window.review_screen.export_requested.emit(window.last_session_id, "html")
    opened, imported = [], []
    monkeypatch.setattr(window.review, "import_recording", lambda path: imported.append(path))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda _parent, _title, folder, *a, **k:
                        (opened.append(Path(folder)), (str(recordings / "mock.wav"), ""))[1])
    window.review.ask_import()
    assert opened == [exports], "the import dialog opens where the last export went"
    assert imported == [recordings / "mock.wav"]
    assert window.services.settings.last_export_dir == str(recordings)
    window.review.ask_import()
    assert opened[-1] == recordings, "and next time where the last import came from"

"""Trial 39 defect 10: the review of an imported recording opened on the Talking points tab (the
one last used) with "An imported recording has no question script...", an empty Time per part
table, empty Plan and Parts rows in the timeline, and "mean response latency –" and "not asked
about: none" in its numbers, none of which means anything without a script. Now those are left
out, the Round tab says why once, and the review opens on it; a scripted round's review after it
has them all back."""
from __future__ import annotations

import numpy as np
import soundfile as sf

from interviewer.app.import_recording import import_recording
from interviewer.storage import Store
from tests.storage.test_area_history import NOT_MONITORED, store_round

from gui_fakes import transcript_of


def test_an_imported_recordings_review_hides_what_needs_a_script(qapp, isolated_dirs, tmp_path):
    from interviewer.gui.review_screen import IMPORTED_NO_SCRIPT, ReviewScreen

    wav = tmp_path / "interview.wav"
    sf.write(wav, np.zeros(16000 * 3, dtype="float32"), 16000)
    words = transcript_of("Tell me about a conflict. Sure, I listened first and we shipped in two weeks.")
    with Store.open(tmp_path / "data") as store:
        imported = store.get_session(import_recording(store, wav, lambda path, progress, cancel: words))
        scripted = store.get_session(store_round(store, 1_700_000_000, NOT_MONITORED))
    screen = ReviewScreen()
    screen.resize(1000, 700)
    screen.tabs.setCurrentWidget(screen.coverage)  # the tab last used
    screen.show_session(imported, None)
    tabs = screen.tabs
    visible = [tabs.tabText(i) for i in range(tabs.count()) if tabs.isTabVisible(i)]
    assert "Time per part" not in visible and "Talking points" not in visible
    assert tabs.currentWidget() is screen.numbers_area
    summary = screen.summary.text()
    assert "response latency" not in summary and "not asked about" not in summary
    assert summary.count(IMPORTED_NO_SCRIPT) == 1
    assert screen.timeline.rows() == ("Asked", "Answers", "Fillers", "Findings")

    screen.show_session(scripted, None)
    visible = [tabs.tabText(i) for i in range(tabs.count()) if tabs.isTabVisible(i)]
    assert "Time per part" in visible and "Talking points" in visible
    assert "mean response latency" in screen.summary.text() and IMPORTED_NO_SCRIPT not in screen.summary.text()
    assert screen.timeline.rows()[:2] == ("Plan", "Parts")

"""The per-answer table's pace cell "190 / 56" said not which number was which (trial 23): the
cell's tooltip spells them out with the review's own numbers, as the header's tooltip does (the
header has no room for more words at 1280x800: test_review_1280x800.py)."""
from __future__ import annotations

from interviewer.core.analysis.report import analyze_answer
from interviewer.gui.review_screen import ReviewScreen
from interviewer.storage import SessionStatus, Store
from tests.core.analysis.speech import spoken

ANSWER = ("so I would count the queries in a hash map and then keep a heap of size k over the counts "
          "which gives n log k time and linear space for the map")


def test_the_pace_cell_says_which_rate_is_which(qtbot, tmp_path):
    with Store.open(tmp_path) as store:
        sid = store.create_session("c", "Coding: top k", "coding", 45, started_at=1_700_000_000)
        store.add_phase(sid, "approach", "Approach", 10, started_at=0.0)
        question = "Talk me through how you'd solve it."
        aid = store.add_answer(sid, "q", question, asked_at=5.0, answer_start=8.0, answer_end=40.0,
                               with_audio=False, phase_id="approach")
        transcript = spoken(ANSWER)
        store.attach_transcript(aid, transcript)
        store.attach_analysis(aid, analyze_answer(transcript, question_text=question).to_dict())
        store.finish_session(sid, SessionStatus.COMPLETED, ended_at=1_700_000_000 + 60.0)
        session = store.get_session(sid)
    screen = ReviewScreen()
    qtbot.addWidget(screen)
    screen.show_session(session)
    [col] = [c for c in range(screen.table.columnCount())
             if screen.table.horizontalHeaderItem(c).text().startswith("Pace")]
    assert "while speaking" in screen.table.horizontalHeaderItem(col).toolTip()
    cell = screen.table.item(0, col)
    speaking, overall = cell.text().split(" / ")
    assert cell.toolTip() == (f"{speaking} wpm while speaking (pauses left out), "
                              f"{overall} wpm over the whole answer (pauses included)"), cell.toolTip()
    assert speaking != "–" and overall != "–"

"""Trial10: in the review, a finding clicked ("[02:20] 8 filler words ...") played its moment but
the transcript stayed where it was (at its end, or its start): nothing showed which answer the
finding was about. The transcript now goes to that answer, as a click in the answers' table does."""
from __future__ import annotations

from PySide6.QtWidgets import QApplication

from interviewer.storage import Store

from test_depth_views import _stored


def _finding_of(screen, answer_id: int):
    for i in range(screen.findings.count()):
        item = screen.findings.item(i)
        data = item.data(256)  # Qt.ItemDataRole.UserRole
        if data and data[0] == answer_id:
            return item
    raise AssertionError(f"no finding of answer {answer_id}")


def _heading_top(screen, text: str) -> int:
    """Where the transcript's line holding `text` is, in the viewport (px from its top)."""
    document = screen.transcript.document()
    cursor = document.find(text)
    assert not cursor.isNull(), text
    return screen.transcript.cursorRect(cursor).top()


def test_a_clicked_finding_shows_its_answer_in_the_transcript(qtbot, isolated_dirs):
    from interviewer.gui.review_screen import ReviewScreen

    with Store.open() as store:
        session = store.get_session(_stored(store))
    screen = ReviewScreen()
    qtbot.addWidget(screen)
    played = []
    screen.play_requested.connect(lambda *a: played.append(a))
    screen.show_session(session)
    screen.resize(1100, 700)
    screen.show()
    screen.transcript.setFixedHeight(120)  # a few lines: the answers are out of sight of each other
    QApplication.processEvents()
    first, last = session.answers[0].id, session.answers[-1].id
    viewport = screen.transcript.viewport().height()
    assert not 0 <= _heading_top(screen, "Question serving") < viewport  # below, out of sight

    screen.findings.itemClicked.emit(_finding_of(screen, last))
    QApplication.processEvents()
    assert played and played[-1][0] == last
    assert 0 <= _heading_top(screen, "Question serving") < viewport

    screen.findings.itemClicked.emit(_finding_of(screen, first))
    QApplication.processEvents()
    assert 0 <= _heading_top(screen, "Question design") < viewport

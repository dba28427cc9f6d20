"""New-user trial 20: at 1280x800 the per-answer table's questions read "We've ...", "Tell
me ...", "The ..." and the table scrolled sideways: the review shared its width between the
transcript and the table when its panes were not laid out at the window's size yet (a 636 px
page), and never again. The split follows the splitter's own size now."""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTabWidget

from interviewer.storage import Store


sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "storage"))
from storage_helpers import make_transcript  # noqa: E402

# The trial's phone screen, as asked.
QUESTIONS = [
    "Hi, thanks for taking the time. For the next forty-five minutes: a short coding question, then some "
    "machine learning fundamentals, then your questions. Briefly, what are you working on at the moment?",
    "We've shipped model versions one to n. Some version broke an evaluation, and every version after it is "
    "broken too. Find the first broken version with as few calls as possible.",
    "Tell me your approach, then code it in the scratchpad while you talk.",
    "Now you can run four evaluations at the same time. Can you finish faster?",
    "The evaluation is noisy and sometimes says a good version is broken. In a sentence or two, what changes?",
    "You're evaluating a search ranking model. Explain precision at k and NDCG, and when you'd use each.",
]


def _phone_round(store: Store) -> int:
    sid = store.create_session("phone", "Phone screen: the first bad model version", "phone_screen", 45,
                               started_at=1_700_000_000)
    for n, question in enumerate(QUESTIONS):
        aid = store.add_answer(sid, f"q{n}", question, asked_at=40.0 * n, answer_start=40.0 * n + 3,
                               with_audio=False)
        store.attach_transcript(aid, make_transcript("um so I would split the range in half and check the middle"))
        store.attach_analysis(aid, {"word_count": 40, "filler_count": 1, "speaking_seconds": 15.0,
                                    "long_pause_count": 0, "clarifying_question_count": 2 if n == 1 else 0,
                                    "response_latency": 13.8, "pace": {"speaking_seconds": 15.0,
                                                                       "articulation_seconds": 12.0},
                                    "topics_missed": ["edge cases", "call cost"] if n == 1 else []})
        store.finish_answer(aid, answer_end=40.0 * n + 28)
    store.finish_session(sid, ended_at=1_700_000_400)
    return sid


def test_at_1280x800_the_questions_read_when_the_review_opens_at_that_size(qtbot, isolated_dirs, script_dirs,
                                                                          tmp_path):
    from interviewer.core.clock import FakeClock
    from interviewer.gui.workers import wait_for_background_work

    from test_round import make_window

    window, _, _ = make_window(qtbot, script_dirs, tmp_path / "data", FakeClock())
    window.resize(1280, 800)  # the window's size before the review is first opened, as in the trial
    qtbot.wait(50)
    with Store.open() as store:
        sid = _phone_round(store)
    window._open_review(sid)  # from Home: the review is built and laid out now
    qtbot.waitUntil(lambda: window.current_screen_key() == "review")
    wait_for_background_work()
    review = window.review_screen
    review.findChildren(QTabWidget)[0].setCurrentWidget(review.table)
    qtbot.wait(100)
    QApplication.processEvents()
    table = review.table
    assert table.rowCount() == len(QUESTIONS)
    assert not table.horizontalScrollBar().isVisible()
    assert table.columnWidth(0) >= table.question_read_px(), (table.columnWidth(0), review.main.sizes())
    for row, question in enumerate(QUESTIONS):
        shown = table.fontMetrics().elidedText(question, Qt.TextElideMode.ElideRight, table.columnWidth(0) - 12)
        assert len(shown.rstrip("…").split()) >= 3, shown  # "We've shipped model…", not "We've …"
        assert table.item(row, 0).toolTip() == question


def test_at_1280x800_the_ten_second_summary_gets_its_height_when_the_review_opens(qtbot, isolated_dirs,
                                                                                   script_dirs, tmp_path):
    """Fitted only on resizes, the summary's pane kept the height of its content before it was
    laid out: one line ("The round in ten seconds") and a scroll bar."""
    from interviewer.core.clock import FakeClock
    from interviewer.gui.workers import wait_for_background_work

    from test_round import make_window

    window, _, _ = make_window(qtbot, script_dirs, tmp_path / "data", FakeClock())
    window.resize(1280, 800)
    qtbot.wait(50)
    with Store.open() as store:
        sid = _phone_round(store)
    window._open_review(sid)
    qtbot.waitUntil(lambda: window.current_screen_key() == "review")
    wait_for_background_work()
    qtbot.wait(100)
    QApplication.processEvents()
    review = window.review_screen
    lines = review.fontMetrics().lineSpacing()
    assert review.summary_area.height() >= 4 * lines, review.body.sizes()


def _cell_fits(table, row: int, column: int) -> bool:
    """The cell's text fits where the style paints it, wrapped (inside the stylesheet's padding)."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

    option = QStyleOptionViewItem()
    index = table.model().index(row, column)
    table.itemDelegate().initStyleOption(option, index)
    option.rect = table.visualRect(index)
    style = table.style()
    text = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, table)
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
    need = QFontMetrics(option.font).boundingRect(QRect(0, 0, max(1, text.width() - 2 * margin), 100_000),
                                                  int(Qt.TextFlag.TextWordWrap), option.text).height()
    return need <= text.height()


def test_the_questions_read_whole_wrapped_in_their_column(qtbot, isolated_dirs, script_dirs, tmp_path):
    """Trial 39 item 7: even at 1600x1000, with room to spare below, the Question column read
    "1. Hi, thanks for …", "2. Your neural …". Each question wraps in its cell, read whole where
    the tab has the height; at 1280x800 the rows share it, every row in view."""
    from interviewer.core.clock import FakeClock
    from interviewer.gui import theme
    from interviewer.gui.workers import wait_for_background_work

    from test_round import make_window

    theme.apply_theme(QApplication.instance(), "light")  # the app's cell padding
    window, _, _ = make_window(qtbot, script_dirs, tmp_path / "data", FakeClock())
    for size in ((1600, 1000), (1280, 800)):
        window.resize(*size)
        qtbot.wait(50)
        with Store.open() as store:
            sid = _phone_round(store)
        window._open_review(sid)
        qtbot.waitUntil(lambda: window.current_screen_key() == "review")
        wait_for_background_work()
        review = window.review_screen
        review.findChildren(QTabWidget)[0].setCurrentWidget(review.table)
        qtbot.wait(100)
        QApplication.processEvents()
        table = review.table
        for row, question in enumerate(QUESTIONS):
            assert question in table.item(row, 0).text() and table.item(row, 0).toolTip() == question
            if size == (1600, 1000):
                assert _cell_fits(table, row, 0), (size, row, table.columnWidth(0), table.rowHeight(row))
        assert sum(table.rowHeight(r) for r in range(table.rowCount())) <= table.viewport().height()

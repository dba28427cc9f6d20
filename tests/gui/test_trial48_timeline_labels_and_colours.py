"""Trial 48, the review's Round and timeline tab: (1) the Answers row read "Round paused for 16
Round paused for 30 s", two labels drawn over each other; (2) the 30 s was the "End the round?"
question standing open, not a pause the candidate took; (3) every dot of the Findings row was
red, the went-well ones too. Labels now stop before the next pause's line (elided, or left to
the tooltip), each pause says what it was, and the dots take the findings list's colours."""
from __future__ import annotations

from PySide6.QtGui import QColor, QFontMetrics, QImage

from interviewer.core.round_pauses import END_QUESTION_PAUSE

QUESTION = "Sketch the system around the model, and tell me where the training data and labels come from."
P_AT, P_FOR = 546.0, 16.0  # 09:06, the candidate's P
END_AT, END_FOR = 1108.0, 30.0  # 18:28, the End question stood open
GOOD_AT, PROBLEM_AT, NOTE_AT = 700.0, 300.0, 1000.0


def _stored_round():
    from interviewer.storage import Store

    with Store.open() as store:
        sid = store.create_session("test-design", "ML system design", "ml_system_design", 55)
        answer = store.add_answer(sid, "hl", QUESTION, asked_at=200.0, answer_start=204.0, answer_end=1100.0,
                                  with_audio=False)
        store.add_pause(sid, P_AT, P_FOR)
        store.add_pause(sid, END_AT, END_FOR, END_QUESTION_PAUSE)
        store.add_finding(sid, "depth_tradeoff", "Tradeoffs: a cost named.", answer_id=answer,
                          start=GOOD_AT - 204.0, details={"severity": "good"})
        store.add_finding(sid, "long_pause", "Went silent for 17.1 s.", answer_id=answer,
                          start=PROBLEM_AT - 204.0, end=PROBLEM_AT - 204.0 + 17.1, details={"severity": "problem"})
        store.add_finding(sid, "clarifying", "Asked one clarifying question.", answer_id=answer,
                          start=NOTE_AT - 204.0, details={"severity": "note"})
        return store.get_session(sid)


def _review(qtbot, width):
    from interviewer.gui.review_screen import ReviewScreen

    review = ReviewScreen()
    qtbot.addWidget(review)
    review.show_session(_stored_round())
    plot = review.timeline
    plot.setParent(None)  # alone, at the width a narrow review side gives it
    plot.resize(width, plot.sizeHint().height())
    return review, plot


def test_pause_labels_never_overlap_and_say_what_each_pause_was(qtbot, isolated_dirs):
    end_said = "\u201cEnd the round?\u201d asked, 30 s"
    for width in (420, 620, 900, 1400):
        review, plot = _review(qtbot, width)
        labels = plot.round_pause_labels(QFontMetrics(plot._label_font()))
        boxes = [box for box, _text in labels]
        assert all(not a.intersects(b) for i, a in enumerate(boxes) for b in boxes[i + 1:]), (width, labels)
        assert all(box.right() <= plot._plot_rect().right() + 1 for box in boxes), (width, labels)
        texts = [text for _box, text in labels]
        assert not any("Round paused for 30" in t for t in texts), texts
        # What a label cannot show, its tooltip says.
        assert plot.round_pause_tip(plot._x(P_AT)) == "Round paused for 16 s at 09:06"
        assert plot.round_pause_tip(plot._x(END_AT)) == f"{end_said} at 18:28"
    assert texts[0] == "Round paused for 16 s" and texts[-1] == end_said, texts  # room enough at 1400 px
    transcript = review.transcript.toPlainText()
    assert f"[18:28] {end_said}" in transcript and "Round paused for 30 s" not in transcript


def test_findings_dots_take_the_colour_of_their_kind(qtbot, isolated_dirs):
    from interviewer.gui import theme
    from interviewer.gui.timeline_widgets import FINDING_STYLE

    review, plot = _review(qtbot, 900)
    image = QImage(plot.size(), QImage.Format.Format_ARGB32)
    plot.render(image)
    y = int(plot._row(5).center().y())
    for at, kind in ((GOOD_AT, "good"), (PROBLEM_AT, "problem"), (NOTE_AT, "note")):
        shown = QColor(image.pixel(int(round(plot._x(at))), y))
        want = theme.current().color(FINDING_STYLE[kind])
        assert max(abs(shown.red() - want.red()), abs(shown.green() - want.green()),
                   abs(shown.blue() - want.blue())) <= 40, (kind, shown.name(), want.name())
    tip = plot.finding_tip(plot._row(5).center().__class__(plot._x(GOOD_AT), y))
    assert tip.startswith("Went well, 11:40: ") and "Tradeoffs" in tip, tip
    assert "1 to work on, 1 went well, 1 for information" in plot.accessibleDescription()

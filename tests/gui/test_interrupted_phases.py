"""A round interrupted by a crash: its last phase has no end. The phase table counted it as
0 s long and the review's timeline drew it to the round's planned end (55 minutes), while the
candidate had talked in it for five minutes."""
from __future__ import annotations

from interviewer.storage import SessionStatus, Store


def test_the_last_phase_of_an_interrupted_round_ends_where_the_round_stopped(qapp, isolated_dirs):
    from interviewer.app.review_model import round_numbers
    from interviewer.gui.review_screen import ReviewScreen

    with Store.open() as store:
        sid = store.create_session("test-design", "Design a feed ranker", "ml_system_design", 45)
        first = store.add_phase(sid, "clarify", "Clarify", 10, 0.0)
        store.end_phase(first, 200.0)
        store.add_phase(sid, "design", "Design", 30, 200.0)  # never ended: the app was killed
        store.add_answer(sid, "feed", "Design a feed.", asked_at=5.0, answer_start=12.0, answer_end=190.0)
        store.add_answer(sid, "serve", "How do you serve it?", asked_at=201.0, answer_start=215.0,
                         answer_end=495.0)
        store.finish_session(sid, SessionStatus.INTERRUPTED)
        session = store.get_session(sid)
    numbers = round_numbers(session)
    assert [(p.phase_id, p.actual_s) for p in numbers.phases] == [("clarify", 200.0), ("design", 295.0)]
    screen = ReviewScreen()
    screen.show_session(session)
    assert [(p.id, p.start, p.end) for p in screen.timeline.data.actual] == [
        ("clarify", 0.0, 200.0), ("design", 200.0, 495.0)]
    assert screen.phase_table.item(1, 2).text() == "4 min 55 s"
    # ... and the exports say the same (their phase table said "-").
    from interviewer.export.report import build_report

    report = build_report(session, script=None)
    assert [(p["Part"], p["Actual"]) for p in report.phases] == [("Clarify", "3 min 20 s"), ("Design", "4 min 55 s")]


def test_the_review_timeline_marks_where_a_round_ended_before_its_plan(qapp, isolated_dirs):
    """A new-user run: a round ended after 4 of its 45 minutes was drawn on a 45-minute axis with
    nothing to say the rest never happened; past its end the rows are now greyed and marked."""
    from PySide6.QtGui import QColor

    from interviewer.gui import theme
    from interviewer.gui.review_screen import ReviewScreen

    with Store.open() as store:
        sid = store.create_session("test-design", "Design a feed ranker", "ml_system_design", 45)
        store.end_phase(store.add_phase(sid, "clarify", "Clarify", 10, 0.0), 240.0)
        store.add_answer(sid, "feed", "Design a feed.", asked_at=5.0, answer_start=12.0, answer_end=230.0,
                         with_audio=False)
        store.finish_session(sid, SessionStatus.COMPLETED)
        session = store.get_session(sid)
    screen = ReviewScreen()
    screen.show_session(session)
    plot = screen.timeline
    assert plot.data.ended == 240.0
    assert "ended 04:00 into the round" in plot.accessibleDescription()
    plot.resize(900, plot.sizeHint().height())
    image = plot.grab().toImage()
    rect = plot._plot_rect()
    surface = theme.current().color("surface").rgb()
    y = int(rect.top() + rect.height() * 3.5 / len(plot.ROWS))  # the answers row
    after = {QColor(image.pixel(x, y)).rgb() for x in range(int(plot._x(600)), int(plot._x(2400)))}
    assert after - {surface}, "the time after the round's end is marked"
    # A round that ran its plan has nothing after its end to mark.
    with Store.open() as store:
        sid = store.create_session("test-design", "Design a feed ranker", "ml_system_design", 45)
        store.end_phase(store.add_phase(sid, "clarify", "Clarify", 45, 0.0), 2700.0)
        store.finish_session(sid, SessionStatus.COMPLETED)
        screen.show_session(store.get_session(sid))
    assert plot.data.ended is None

"""Session 35 item 1: a round's lengths were written in several forms: "9.3 of 45 min" in the
summary, "09:18" in the review, "9.3 min" in the exports. A length is core.clock.length_text
("4 min 55 s") everywhere, a point of the round core.clock.clock_text ("03:20"): one stored
round through the review, Home's line, the practice plan's wording and the Markdown and HTML
exports gives the same texts."""
from __future__ import annotations

from interviewer.storage import SessionStatus, Store


def test_one_round_gives_the_same_lengths_in_the_review_and_the_exports(qapp, isolated_dirs, tmp_path):
    from interviewer.core.analysis.phases import round_length_text
    from interviewer.export import export_session
    from interviewer.gui.review_screen import ReviewScreen

    with Store.open() as store:
        sid = store.create_session("test-design", "Design a feed ranker", "ml_system_design", 45)
        first = store.add_phase(sid, "clarify", "Clarify", 10, 0.0)
        store.end_phase(first, 200.0)
        second = store.add_phase(sid, "design", "Design", 30, 200.0)
        store.end_phase(second, 495.0)
        store.add_answer(sid, "feed", "Design a feed.", asked_at=5.0, answer_start=12.0, answer_end=190.0,
                         with_audio=False)
        store.finish_session(sid, SessionStatus.COMPLETED)
        session = store.get_session(sid)
        md = export_session(store, sid, "md", tmp_path / "r.md").path.read_text()
        html = export_session(store, sid, "html", tmp_path / "r.html").path.read_text()
    screen = ReviewScreen()
    screen.show_session(session)
    review_phases = [[screen.phase_table.item(r, c).text() for c in range(3)]
                     for r in range(screen.phase_table.rowCount())]
    assert review_phases == [["Clarify", "10 min", "3 min 20 s"], ["Design", "30 min", "4 min 55 s"]]
    answer_length = screen.table.item(0, 1).text()
    assert answer_length == "2 min 58 s"
    # The round's own length, as Home and the practice plan say it.
    assert round_length_text(495.0, 45) == "8 min 15 s of 45 min"
    for text in (md, html):
        assert "8 min 15 s on the round clock" in text
        assert "3 min 20 s" in text and "4 min 55 s" in text and "2 min 58 s" in text
        # where it started, a point of the round: the clock form
        assert "03:20" in text
        for old in ("3.3 min", "4.9 min", "8.2 min", "8.3 min", "04:55"):
            assert old not in text, old

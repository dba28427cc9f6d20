"""Trial 27 problem 8: the review's phase table read "3 min planned / 0.3 min" (-02:42) for an
introduction the interviewer ended because it was done, whose minutes went to the later parts:
it read as a part cut short. A part that ended while the round went on says where its time
went; the part the round stopped in, or one over its plan, keeps the bare difference. The
exports say the same (one rule: core.analysis.phases)."""
from __future__ import annotations

from interviewer.storage import SessionStatus, Store


def test_a_part_done_early_says_its_time_went_to_later_parts(qapp, isolated_dirs):
    from interviewer.app.review_model import round_numbers
    from interviewer.export.report import build_report
    from interviewer.gui.review_screen import ReviewScreen

    with Store.open() as store:
        sid = store.create_session("behavioral_conflict_and_trust", "Behavioral", "behavioral", 45)
        intro = store.add_phase(sid, "intro", "Introduction", 3, 0.0)
        store.end_phase(intro, 18.0)
        conflict = store.add_phase(sid, "conflict", "Conflict with a peer", 10, 18.0)
        store.end_phase(conflict, 800.0)
        store.add_phase(sid, "trust", "Earning trust", 10, 800.0)  # the round was ended in it
        store.add_answer(sid, "", "Tell me briefly about yourself.", asked_at=5.0, answer_start=8.0,
                         answer_end=17.0)
        store.add_answer(sid, "peer_conflict", "Tell me about a conflict.", asked_at=20.0, answer_start=25.0,
                         answer_end=790.0)
        store.add_answer(sid, "trust", "Tell me about trust.", asked_at=801.0, answer_start=805.0,
                         answer_end=900.0)
        store.finish_session(sid, SessionStatus.COMPLETED)
        session = store.get_session(sid)
    numbers = round_numbers(session)
    assert [p.difference_text for p in numbers.phases] == [
        "-2 min 42 s, passed on to later parts", "+3 min 2 s", "-8 min 20 s, round ended here"]
    screen = ReviewScreen()
    screen.show_session(session)
    assert screen.phase_table.item(0, 3).text() == "-2 min 42 s, passed on to later parts"
    report = build_report(session, script=None)
    # The built-in script's later parts follow, "not reached" (trial 28).
    assert [p["Difference"] for p in report.phases][:3] == ["-2 min 42 s, passed on to later parts", "+3 min 2 s",
                                                           "-8 min 20 s, round ended here"]

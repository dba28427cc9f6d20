"""Trial 17: the review, the exports and Home said a coding round "ended early at 6.1 of 45 min",
the practice plan "ended early at 6.2 of 45 min": the plan took the wall clock (start to end
less pauses, a few seconds past the closing line) and formatted it itself. One length now
(core.analysis.phases.round_length_seconds: the round's last known moment on its clock) and one
text for it (round_length_text). A stored round whose two lengths round differently (6.11 and
6.2 min), through the review's finding, the export, Home's list and the plan's reason."""
from __future__ import annotations

from PySide6.QtCore import Qt

from interviewer.core.analysis.report import analyze_answer, analyze_round
from interviewer.core.practice_plan import not_counted_reasons, practised_rounds
from interviewer.export.markdown import render_markdown
from interviewer.export.report import build_report
from interviewer.storage import SessionStatus, Store
from tests.core.analysis.speech import spoken
from tests.gui.test_delete_round import _window

START = 1_700_000_000.0
ROUND_S = 366.4   # the last part ended at 6:06.4 on the round clock: "6.1"
WALL_S = 372.0    # the session was closed 5.6 s later on the wall clock: "6.2"


def _stored(data) -> int:
    with Store.open(data) as store:
        sid = store.create_session("s", "Short round", "coding", 45, started_at=START)
        phase = store.add_phase(sid, "main", "Main", 45, started_at=0.0)
        aid = store.add_answer(sid, "q", "How would you merge them?", asked_at=5.0, answer_start=6.0,
                               answer_end=60.0, with_audio=False, phase_id="main")
        transcript = spoken("I would sort the sessions by start and sweep once, merging the overlapping ones.")
        store.attach_transcript(aid, transcript)
        store.attach_analysis(aid, analyze_answer(transcript).to_dict())
        store.end_phase(phase, ROUND_S)
        for f in analyze_round([], [("main", 45, ROUND_S)], ended_by={"main": "stopped"}).findings:
            store.add_finding(sid, f.kind, f.message, start=f.start, details={"severity": f.severity})
        store.finish_session(sid, SessionStatus.COMPLETED, ended_at=START + WALL_S)
        return sid


def test_a_round_length_reads_the_same_in_the_review_exports_home_and_plan(qtbot, isolated_dirs, tmp_path):
    data = tmp_path / "data"
    sid = _stored(data)
    with Store.open(data) as store:
        session = store.get_session(sid)
        rows = store.progress()
    finding = next(f.message for f in session.findings if f.kind == "round_ended_early")
    assert "at 6 min 6 s of 45 min planned" in finding  # the review's summary and findings
    md = render_markdown(build_report(session, script=None))
    assert "at 6 min 6 s of 45 min planned" in md and "**Took:** 6 min 6 s on the round clock" in md
    assert not_counted_reasons(practised_rounds(rows))[sid].startswith("ended early at 6 min 6 s of 45 min:")
    window = _window(qtbot, data)
    home = {window.home.recent_list.item(i).data(Qt.ItemDataRole.UserRole): window.home.recent_list.item(i).text()
            for i in range(window.home.recent_list.count())}
    assert "ended after 6 min 6 s of 45 min" in home[sid], home
    window.shutdown()

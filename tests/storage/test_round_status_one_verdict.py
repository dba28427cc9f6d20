"""Trial 26: a coding round the interviewer closed after its last part, with follow-ups left by
Next. The review's header and timeline said "All questions done" ("all planned questions done"),
its finding "... 2 follow-ups not asked (skipped with Next)", the Markdown Status "completed,
2 follow-ups skipped", and Home "1 question was not reached". One status now: the round
completed with what Next skipped, said as skipped wherever it shows. Stored rounds, real SQLite."""
from __future__ import annotations

from interviewer.app.round_areas import load_progress
from interviewer.core.analysis.report import analyze_round, finding_label
from interviewer.core.time_left import questions_done_text
from interviewer.core.weak_spots import AREAS_HEADING, content_text, round_content
from interviewer.export.report import build_report
from interviewer.storage import Store
from tests.storage.test_area_history import by_id
from tests.storage.test_areas_of_unreached_questions import CLARIFYING, SCRIPT, SHORT_DESIGN, store_round


def _closed_with_a_skip(store: Store, started_at: float, skipped: str = "1 question") -> int:
    """A round whose last part the interviewer closed, one question left with Next."""
    sid = store_round(store, started_at, [("design", CLARIFYING, "requirements"), ("", SHORT_DESIGN, "design")])
    store.add_finding(sid, "round_questions_done", "The interviewer closed the round at 3.0 of 45 min planned, "
                      f"after its last part; {skipped} skipped with Next.", start=180.0,
                      details={"severity": "note", "skipped": skipped})
    return sid


def test_a_completed_round_with_a_skip_says_skipped_everywhere(tmp_path):
    with Store.open(tmp_path) as store:
        sid = _closed_with_a_skip(store, 1_700_000_000)
        [stored] = load_progress(store, by_id).areas
        session = store.get_session(sid)
        report = build_report(session, script=SCRIPT)
    assert stored.unanswered == 1 and not stored.ended_early
    status = session.status_text
    assert status == "completed, 1 question skipped"
    assert report.facts["Status"] == status
    home = content_text(round_content(stored))
    # Home's card, the review's line and the exports: skipped with Next, not "not reached".
    assert "; 1 question was skipped with Next and is not counted" in home and "not reached" not in home
    assert "1 question was skipped with Next" in report.facts[AREAS_HEADING]
    # The review's header link and timeline: no "All questions done" beside a skip.
    [done] = [f for f in session.findings if f.kind == "round_questions_done"]
    assert "All questions done" not in finding_label(done.kind)
    assert questions_done_text(session.skipped) == "last part done; 1 question skipped with Next"


def test_a_round_ended_early_still_says_not_reached(tmp_path):
    with Store.open(tmp_path) as store:
        store_round(store, 1_700_000_000, [("design", CLARIFYING, "requirements"), ("", SHORT_DESIGN, "design")])
        [stored] = load_progress(store, by_id).areas
    assert "1 question was not reached" in content_text(round_content(stored))



def test_the_command_line_list_keeps_its_columns_with_a_long_status(tmp_path, monkeypatch, capsys):
    """`interviewer sessions list`: "completed, 2 follow-ups skipped" overflowed the 11-character
    STATUS column and pushed ANSWERS out of line."""
    from interviewer.cli import main

    with Store.open(tmp_path) as store:
        _closed_with_a_skip(store, 1_700_000_000, skipped="2 follow-ups")
        store_round(store, 1_700_100_000, [("design", CLARIFYING, "requirements")])
    monkeypatch.setenv("INTERVIEWER_DATA_DIR", str(tmp_path))
    assert main(["sessions", "list"]) == 0
    header, *rows = capsys.readouterr().out.splitlines()
    assert any("completed, 2 follow-ups skipped" in row for row in rows)
    column = header.index("ANSWERS") + len("ANSWERS")  # the counts are right-aligned under it
    assert all(row[column - 1].isdigit() and row[column] == " " for row in rows), rows

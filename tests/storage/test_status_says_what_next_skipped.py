"""Trial 25 item 11: a round that ran out of questions after N skipped a follow-up was listed,
shown and exported as "completed", read as everything asked and answered. Its status says what
was skipped, in `sessions list`, the stored session (review, exports) and the JSON export."""
import json

from interviewer.cli import main
from interviewer.core.analysis.report import analyze_round
from interviewer.export.json_export import session_to_dict
from interviewer.export.report import build_report
from interviewer.storage import Store

PLAN = [("intro", 2), ("questions", 38), ("wrap_up", 5)]


def _round(store, title: str, skipped: dict) -> int:
    """As RoundSession stores a round whose last part ended with its script done at 2.9 min."""
    sid = store.create_session("my_breadth", title, "ml_breadth", 45, started_at=1_700_000_000)
    timeline = [("intro", 2, 14.0), ("questions", 38, 120.0), ("wrap_up", 5, 40.0)]
    for f in analyze_round([], timeline, plan=PLAN, ended_by={"intro": "agenda", "questions": "next",
                                                               "wrap_up": "agenda"}, skipped=skipped).findings:
        store.add_finding(sid, f.kind, f.message, start=f.start, end=f.end,
                          details={"severity": f.severity, **({"skipped": f.skipped} if f.skipped else {})})
    store.finish_session(sid, ended_at=1_700_000_000 + 174.0)
    return sid


def test_a_round_with_a_skipped_follow_up_says_so_in_its_status(data_dir, capsys):
    with Store.open() as store:
        skipped = _round(store, "Skipped round", {"questions": (0, 1)})
        whole = _round(store, "Whole round", {})
        session = store.get_session(skipped)
        assert session.status_text == "completed, 1 follow-up skipped"
        assert store.get_session(whole).status_text == "completed"
        assert build_report(session, script=None).facts["Status"] == "completed, 1 follow-up skipped"
        assert session_to_dict(session)["session"]["status_text"] == "completed, 1 follow-up skipped"
        listed = {s.id: s.status_text for s in store.list_sessions()}
    assert listed == {skipped: "completed, 1 follow-up skipped", whole: "completed"}
    assert main(["sessions", "list"]) == 0
    rows = {line.split()[0]: line for line in capsys.readouterr().out.splitlines()[1:]}
    assert "1 follow-up skipped" in rows[str(skipped)] and "skipped" not in rows[str(whole)]

"""A round ended well before its plan (End round) is "ended early" in `sessions list` as in
`sessions show`, the exports and the app: the list said "completed" (trial13)."""
import json

from interviewer.cli import main
from interviewer.core.analysis.report import analyze_round
from interviewer.export.report import build_report
from interviewer.storage import Store


def _round(store, title: str, ended_at: float) -> int:
    sid = store.create_session("merge", title, "coding", 45, started_at=1_700_000_000)
    phase = store.add_phase(sid, "clarify", "Clarify", 45, started_at=0.0)
    store.end_phase(phase, ended_at)
    for f in analyze_round([], [("clarify", 45, ended_at)], ended_by={"clarify": "stopped"}).findings:
        store.add_finding(sid, f.kind, f.message, start=f.start, end=f.end, details={"severity": f.severity})
    store.finish_session(sid, ended_at=1_700_000_000 + ended_at)
    return sid


def test_sessions_list_says_ended_early_where_show_and_the_exports_do(data_dir, capsys):
    with Store.open() as store:
        early = _round(store, "Short round", 276.0)
        full = _round(store, "Full round", 44 * 60.0)
        shown = {sid: build_report(store.get_session(sid), script=None).facts["Status"] for sid in (early, full)}
    assert shown == {early: "ended early", full: "completed"}
    assert main(["sessions", "list"]) == 0
    rows = {line.split()[0]: line for line in capsys.readouterr().out.splitlines()[1:]}
    assert "ended early" in rows[str(early)] and "completed" not in rows[str(early)]
    assert "completed" in rows[str(full)] and "ended early" not in rows[str(full)]
    assert main(["sessions", "list", "--json"]) == 0
    listed = {r["id"]: r["ended_early"] for r in json.loads(capsys.readouterr().out)}
    assert listed == {early: True, full: False}

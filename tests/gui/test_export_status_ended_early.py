"""Trial10: a round ended at 3.8 of 55 min planned (End round) was exported with "Status:
completed" beside "Took: 3.8 min": the stored status (completed, as opposed to interrupted by a
crash) read as if the round had been done in full. The exports say it ended early, as the review."""
from __future__ import annotations

from interviewer.export import export_session
from interviewer.storage import SessionStatus, Store


def _round(store: Store, ended_early: bool) -> int:
    sid = store.create_session("depth", "ML depth", "ml_depth", 55)
    store.add_phase(sid, "intro", "Introduction", 3, 0.0)
    if ended_early:
        store.add_finding(sid, "round_ended_early", "You ended the round at 3.8 of 55 min planned, in "
                          "Introduction.", start=229.9)
    store.finish_session(sid, SessionStatus.COMPLETED)
    return sid


def test_a_round_ended_early_is_not_exported_as_completed(isolated_dirs, tmp_path):
    with Store.open() as store:
        early, whole = _round(store, True), _round(store, False)
        for fmt in ("md", "html"):
            export_session(store, early, fmt, tmp_path / f"early.{fmt}")
            export_session(store, whole, fmt, tmp_path / f"whole.{fmt}")
    assert "**Status:** ended early" in (tmp_path / "early.md").read_text()
    assert "<th>Status</th><td>ended early</td>" in (tmp_path / "early.html").read_text()
    assert "**Status:** completed" in (tmp_path / "whole.md").read_text()


def test_the_json_export_says_ended_early_as_markdown_and_sessions_list(isolated_dirs, tmp_path, capsys):
    """Trial 18: the JSON export said "status": "completed" for rounds the Markdown, the HTML and
    `sessions list` call "ended early"; it keeps the stored status and says the same as they do."""
    import json

    from interviewer.cli import main

    with Store.open() as store:
        early, whole = _round(store, True), _round(store, False)
        for sid, name in ((early, "early"), (whole, "whole")):
            export_session(store, sid, "json", tmp_path / f"{name}.json")
    exported = {name: json.loads((tmp_path / f"{name}.json").read_text())["session"] for name in ("early", "whole")}
    assert (exported["early"]["status_text"], exported["early"]["ended_early"]) == ("ended early", True)
    assert (exported["whole"]["status_text"], exported["whole"]["ended_early"]) == ("completed", False)
    assert main(["sessions", "list", "--json"]) == 0
    listed = {r["id"]: (r["status_text"], r["ended_early"]) for r in json.loads(capsys.readouterr().out)}
    assert listed == {early: ("ended early", True), whole: ("completed", False)}
    assert main(["sessions", "list"]) == 0
    rows = {line.split()[0]: line for line in capsys.readouterr().out.splitlines()[1:]}
    assert "ended early" in rows[str(early)] and "ended early" not in rows[str(whole)]


def test_the_json_status_does_not_contradict_ended_early(isolated_dirs, tmp_path, capsys):
    """Trial 19: the JSON export had "status": "completed" beside "ended_early": true and
    "status_text": "ended early". Its "status" (and `sessions list --json`'s) is "ended_early"
    for such a round; the stored one is kept as "recording_status" (trial 21: "stored_status":
    "completed" beside "status": "ended_early" read as a contradiction)."""
    import json

    from interviewer.cli import main

    with Store.open() as store:
        early, whole = _round(store, True), _round(store, False)
        for sid, name in ((early, "early"), (whole, "whole")):
            export_session(store, sid, "json", tmp_path / f"{name}.json")
    exported = {name: json.loads((tmp_path / f"{name}.json").read_text())["session"] for name in ("early", "whole")}
    fields = ("status", "recording_status", "ended_early", "status_text")
    assert tuple(exported["early"][f] for f in fields) == ("ended_early", "completed", True, "ended early")
    assert tuple(exported["whole"][f] for f in fields) == ("completed", "completed", False, "completed")
    assert "stored_status" not in exported["early"]
    assert main(["sessions", "list", "--json"]) == 0
    listed = {r["id"]: tuple(r[f] for f in fields) for r in json.loads(capsys.readouterr().out)}
    assert listed == {early: tuple(exported["early"][f] for f in fields),
                      whole: tuple(exported["whole"][f] for f in fields)}

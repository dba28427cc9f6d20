"""Trial 18 item 11: "[02:30] Long pause: Waited 5.0 s after the interviewer's reply" was listed
beside "Long pauses 0": the wait is rightly not counted, but its finding was titled as one. A wait
for the interviewer has its own kind ("Waited for the interviewer") in the review, the exports
and the CLI, rounds stored before included; the candidate's own pauses keep "Long pause"."""
from interviewer.cli import main
from interviewer.core.analysis.report import analyze_answer, finding_label, finding_text
from interviewer.export import export_session

from tests.core.analysis.speech import spoken

TIME_ASKED = "How much time do I have? [8.0] He would say I was stubborn at first, [3.0] then he came round."


def _analysed():
    t = spoken(TIME_ASKED)
    asked_end = t.words[5].end  # "have?": the interviewer answers for 2.5 s, then 5 s of quiet
    return analyze_answer(t, interviewer_speech=[(asked_end + 0.5, asked_end + 3.0)], round_kind="behavioral")


def test_a_wait_for_the_interviewer_is_no_long_pause_finding():
    a = _analysed()
    [wait] = [f for f in a.findings if f.message.startswith("Waited")]
    [pause] = [f for f in a.findings if f.message.startswith("Paused")]
    assert (wait.kind, pause.kind) == ("waited", "long_pause")
    assert finding_label(wait.kind) == "Waited for the interviewer"
    assert "Long pause" not in finding_text(wait.kind, wait.message)
    assert finding_text(pause.kind, pause.message).startswith("Long pause: Paused 3.0 s")


def test_review_exports_and_cli_never_call_a_wait_a_long_pause(store, tmp_path, capsys):
    sid = store.create_session("conflict", "Behavioral", "behavioral", 45, started_at=1_700_000_000)
    aid = store.add_answer(sid, "peer_conflict", "How would they describe it?", asked_at=10.0, answer_start=12.0)
    store.finish_answer(aid, answer_end=40.0)
    analysis = _analysed().to_dict()
    for f in analysis["findings"]:  # as rounds analysed before waits had their own kind stored it
        if f["kind"] == "waited":
            f["kind"] = "long_pause"
    store.attach_transcript(aid, spoken(TIME_ASKED))
    store.attach_analysis(aid, analysis)
    store.finish_session(sid, ended_at=1_700_000_100)
    kinds = {f.message.split(" ")[0]: f.kind for f in store.get_session(sid).findings}
    assert (kinds["Waited"], kinds["Paused"]) == ("waited", "long_pause")
    for fmt in ("md", "html"):
        export_session(store, sid, fmt, tmp_path / f"round.{fmt}")
    md, html = (tmp_path / "round.md").read_text(), (tmp_path / "round.html").read_text()
    assert "Waited 5.0 s after the interviewer's reply" in md and "Long pause: Waited" not in md
    assert "Long pause: Paused 3.0 s" in md and "Long pauses:** 1" in md
    assert "Waited 5.0 s" in html and "Long pause</b>: Waited" not in html
    assert main(["sessions", "show", str(sid)]) == 0
    shown = capsys.readouterr().out
    assert "Waited 5.0 s after the interviewer's reply" in shown and "Long pause: Waited" not in shown

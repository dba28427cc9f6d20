"""Trial 40 item 5 (the rest): a round's review was computed from its script FILE as it is now, so
when the file was later edited, broken or deleted, the round's talking points, its ten seconds
("Talking points covered: 4 of 7 points", "Topic areas missed") and its exports changed or went after a
restart. A round now keeps the exact text its script was parsed from when it starts, and every
place that finds a stored round's script (core.stored_script) uses that copy first."""
from __future__ import annotations

import time

import pytest

from interviewer.app.round_areas import load_progress
from interviewer.app.services import AppServices, ScriptList
from interviewer.core.clock import FakeClock
from interviewer.core.matching import LexicalEncoder
from interviewer.core.scripts.loader import discover_scripts
from interviewer.core.stored_script import session_script
from interviewer.export.markdown import render_markdown
from interviewer.export.report import build_report
from interviewer.gui.main_window import MainWindow
from interviewer.paths import user_scripts_dir
from interviewer.storage import Store

from gui_scripts import SYSTEM_DESIGN_TOML

POINTS = '''
expected_points = [
    { text = "Ranks with a two-stage retrieval and ranking model", keywords = ["retrieval", "ranking model"], area = "model design" },
    { text = "Measures success online with an A/B test", keywords = ["a/b test", "online experiment"], area = "evaluation" },
    { text = "Watches for feature drift after launch", keywords = ["drift", "monitoring"], area = "monitoring" },
]
'''
SCRIPT = SYSTEM_DESIGN_TOML.replace('"test-design"', '"t40-keep"').replace(
    'clarifying_topics = ["latency", "scale"]\n', 'clarifying_topics = ["latency", "scale"]\n' + POINTS, 1)
ANSWER = "I would use candidate retrieval and then a ranking model, and measure it with an A/B test."

CHANGES = {
    # a point reworded and one added: the old round must still be reviewed against what was asked
    "edited": lambda path: path.write_text(SCRIPT.replace("Watches for feature drift after launch",
                                                          "Explains cold start for new users").replace(
        'keywords = ["drift", "monitoring"], area = "monitoring"',
        'keywords = ["cold start"], area = "cold start"')),
    "broken": lambda path: path.write_text(SCRIPT.replace('kind = "ml_system_design"', 'kind = "system_design"')),
    "deleted": lambda path: path.unlink(),
}


def _play_round(store, script) -> int:
    """One answer to the first question, threads as in the app, then the round is ended."""
    from concurrent.futures import ThreadPoolExecutor

    from gui_fakes import FakeRecorder, FakeSpeaker, FakeTranscriber

    from interviewer.app.round_session import RoundSession

    pool = ThreadPoolExecutor(4)
    session = RoundSession(script, FakeClock(), speaker=FakeSpeaker(), recorder=FakeRecorder(),
                           transcriber_factory=lambda: FakeTranscriber(ANSWER), store=store,
                           run_in_background=pool.submit, post=lambda fn: fn())
    session.start()
    deadline = time.monotonic() + 5
    while session.controller.status != "listening" and time.monotonic() < deadline:
        session.poll()
        time.sleep(0.01)
    session.controller.end_answer()
    session.stop()
    session.close()
    pool.shutdown()
    return session.session_id


def _what_the_user_sees(session_id: int) -> dict:
    """From new objects over the same database, as after a restart: the review window's script,
    the Markdown export (talking points, the round in ten seconds) and the topic areas."""
    scripts = discover_scripts().scripts
    with Store.open() as store:
        session = store.get_session(session_id)
        markdown = render_markdown(build_report(session, text_encoder=LexicalEncoder()), escape=False)
        areas = load_progress(store, {s.id: s for s in scripts}.get).areas
    window = MainWindow(AppServices(load_scripts=lambda: ScriptList(discover_scripts().scripts)))
    window.refresh_scripts()
    review = window.review.script_of(session)
    window.close()
    window.deleteLater()
    return {"markdown": markdown,
            "review": None if review is None else [(q.id, q.text, [p.text for p in q.expected_points])
                                                   for q in review.questions],
            "areas": [(r.session_id, sorted((a, v.measured, v.covered) for a, v in r.areas.items()))
                      for r in areas if r.session_id == session_id]}


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_a_rounds_review_does_not_change_when_its_script_file_does(qtbot, isolated_dirs, change):
    folder = user_scripts_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "keep.toml"
    path.write_text(SCRIPT)
    script = discover_scripts().by_id("t40-keep")
    assert script.text == SCRIPT  # the exact text it was parsed from
    with Store.open() as store:
        session_id = _play_round(store, script)
        stored = store.get_session(session_id)
        store.finish_session(session_id, ended_at=stored.started_at + 600)
        assert store.get_session(session_id).script_text == SCRIPT  # saved when the round started
    before = _what_the_user_sees(session_id)
    assert "Clarify: 2 of 3 covered" in before["markdown"] and "Topic areas missed" in before["markdown"]
    assert "Watches for feature drift after launch (missed)" in before["markdown"]
    assert before["review"] and before["areas"]

    CHANGES[change](path)
    after = _what_the_user_sees(session_id)

    assert after == before


def test_a_round_stored_before_the_copy_was_kept_uses_the_file(isolated_dirs):
    folder = user_scripts_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "keep.toml").write_text(SCRIPT)
    with Store.open() as store:
        sid = store.create_session("t40-keep", "Old round", "ml_system_design", 45, started_at=1_700_000_000)
        store.finish_session(sid, ended_at=1_700_000_600)
        session = store.get_session(sid)
    assert session.script_text is None
    script = session_script(session, discover_scripts().scripts)
    assert script is not None and script.id == "t40-keep"
    (folder / "keep.toml").write_text(SCRIPT.replace("Watches for feature drift", "Watches for label drift"))
    edited = session_script(session, discover_scripts().scripts)
    assert [p.text for p in edited.questions[0].expected_points][-1] == "Watches for label drift after launch"

"""Trial 17: a behavioral round where one of two stories had a number in its result. The review
said "Depth: Quantified results 1/2" (the signal alone) and nothing about the topic area; Home's
card said "missed Quantified results", Home's Next step and Progress "covered in 0 of 1 rounds"
(the area merged with a talking point about results, which the second story missed). One verdict
now (core.weak_spots.round_area_results): the review's Talking points say it too, with what
measured it, and
Home, Progress and the practice plan count the same areas of the same stored round."""
from __future__ import annotations

import re

from interviewer.app.round_areas import load_progress
from interviewer.core.analysis.report import analyze_answer
from interviewer.core.clock import FakeClock
from interviewer.core.practice_plan import build_plan, readiness
from interviewer.core.scripts.loader import parse_script
from interviewer.core.weak_spots import round_content
from interviewer.gui.workers import wait_for_background_work
from interviewer.storage import SessionStatus, Store
from tests.core.analysis.speech import spoken

from test_round import make_window

SCRIPT_TOML = '''
id = "stories"
title = "Behavioral: two stories"
kind = "behavioral"
minutes = 45

[[phases]]
id = "conflict"
name = "Conflict"
minutes = 20
prompt = "Let's start with conflict."

[[phases]]
id = "trust"
name = "Trust"
minutes = 25
prompt = "Now trust."

[[questions]]
id = "conflict"
phase = "conflict"
text = "Tell me about a time you had a conflict with a peer."
expected_points = [
    { text = "Went to the person directly and listened first", keywords = ["listened", "directly"], area = "collaboration and influence" },
]

[[questions]]
id = "trust"
phase = "trust"
text = "Tell me about a time you earned the trust of a new team."
expected_points = [
    { text = "The evidence that trust grew, in concrete terms", keywords = ["asked me to", "invited", "trusted me"], area = "quantified results" },
]
'''
SCRIPT = parse_script(SCRIPT_TOML, "stories.toml")
CONFLICT = ("Last year my peer and I disagreed about paging. My task was to fix the noise. I went to him directly "
            "and listened first, then I pulled three months of pages. As a result, we cut the pages by 40 percent "
            "within two months.")
TRUST = ("When I joined a new team, my task was to win them over. I fixed small bugs and shipped what I "
         "promised on time. As a result, the release went out on schedule.")


def _store_round(store: Store) -> int:
    sid = store.create_session(SCRIPT.id, SCRIPT.title, SCRIPT.kind, SCRIPT.minutes, started_at=1_700_000_000.0)
    store.add_phase(sid, "conflict", "Conflict", 20, 0.0)
    store.add_phase(sid, "trust", "Trust", 20, 300.0)
    for qid, text, at in (("conflict", CONFLICT, 5.0), ("trust", TRUST, 305.0)):
        question = SCRIPT.question(qid)
        aid = store.add_answer(sid, qid, question.text, asked_at=at, answer_start=at + 1, answer_end=at + 60,
                               with_audio=False, phase_id=question.phase)
        transcript = spoken(text)
        store.attach_transcript(aid, transcript)
        store.attach_analysis(aid, analyze_answer(transcript, question_text=question.text, round_kind=SCRIPT.kind,
                                                  question_findings=False).to_dict())
    store.finish_session(sid, SessionStatus.COMPLETED, ended_at=1_700_000_000.0 + 2700)
    return sid


def test_one_round_topic_areas_agree_in_review_home_progress_and_plan(qtbot, isolated_dirs, script_dirs, tmp_path):
    bundled, _ = script_dirs
    (bundled / "stories.toml").write_text(SCRIPT_TOML)
    data = tmp_path / "data"
    with Store.open(data) as store:
        sid = _store_round(store)
        progress = load_progress(store, lambda i: SCRIPT if i == SCRIPT.id else None)
    [stored] = progress.areas
    content = round_content(stored)
    signal = next(p for p in stored.areas["quantified results"].parts if p.source == "signal")
    assert (signal.covered, signal.measured) == (1, 2)  # the review's "Quantified results 1/2"
    assert "quantified results" in content.missed  # the talking point about results was missed
    counts = f"{content.covered_count} of {content.measured} areas. Missed:"

    window, _, _ = make_window(qtbot, script_dirs, data, FakeClock())
    qtbot.waitUntil(lambda: any("Topic areas covered:" in window.home.recent_list.item(i).text()
                                for i in range(window.home.recent_list.count())), timeout=5000)
    wait_for_background_work()
    # Home's recent session and card: the stored verdict.
    recent = window.home.recent_list.item(0).text()
    assert f"Topic areas covered: {counts}" in recent and "Quantified results" in recent
    # Progress's weak spots: missed in this round, as Home's Next step says.
    table = window.progress_screen.area_table
    rows = {table.item(r, 0).text(): table.item(r, 2).text() for r in range(table.rowCount())}
    assert rows["Quantified results"] == "0 of 1"
    assert re.search(r"Quantified results \(Behavioral, not covered in the last round\)", window.home.weak_spots_label.text())
    # The practice plan's checkpoints: no run of quantified results; STAR in order (1/2) is one.
    statuses = {s.checkpoint.areas: s for s in readiness(build_plan(8), progress.areas)}
    assert statuses[("quantified results",)].streak == 0
    assert statuses[("star structure", "personal ownership")].session_ids == (sid,)
    # The review: the same verdict, and why, beside the signal's own count.
    window.review.open(sid)
    checklist = window.review_screen.coverage
    qtbot.waitUntil(lambda: "Topic areas covered:" in checklist.status.text(), timeout=10000)
    assert "Quantified results 1/2" in window.review_screen.summary.text()
    line = checklist.status.text()
    assert (f"Topic areas covered:</b> {counts}" in line
            # and which talking point was missed (trial 24)
            and "Quantified results (1 of 2 questions that called for it, but talking points: 0 of 1 covered, "
                "missed &quot;" in line)
    window.shutdown()

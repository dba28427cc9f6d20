"""Trial 41: Home's "Weakest topic areas lately" named three areas of the ML breadth round and none
of the ML depth round played after it, although that round missed four areas too. Every area
missed once is equally weak (0 of 1); core.weak_spots.weakest_first put one kind's ties all before
the next kind's (in the order of ROUND_KINDS), so the three named were always the first kind's.
Among equal areas the kinds now take turns, the area measured most recently first."""
from __future__ import annotations

from interviewer.core.analysis.report import analyze_answer
from interviewer.core.scripts.model import ROUND_KINDS
from interviewer.core.weak_spots import AreaResult, weakest_first
from interviewer.storage import Store
from interviewer.storage.models import SessionStatus
from tests.core.analysis.speech import spoken

SHOWN = 3  # gui.home_screen.WEAK_SPOTS_SHOWN


def _stored_round(store: Store, kind: str, started_at: float, missed: list[str], covered: list[str]) -> int:
    sid = store.create_session(f"{kind}_script", f"A {kind} round", kind, 45, started_at=started_at)
    aid = store.add_answer(sid, "q1", "Tell me about it.", asked_at=5.0, answer_start=6.0, answer_end=60.0,
                           with_audio=False)
    transcript = spoken("I trained a model on the payments and shipped it behind a service.")
    store.attach_transcript(aid, transcript)
    store.attach_analysis(aid, analyze_answer(transcript, question_text="Tell me about it.", round_kind=kind,
                                              question_findings=False).to_dict())
    store.finish_session(sid, SessionStatus.COMPLETED, ended_at=started_at + 2700)
    results = [AreaResult(a, 1, 0.0) for a in missed] + [AreaResult(a, 1, 1.0) for a in covered]
    store.save_round_areas(sid, results, "all-MiniLM-L6-v2-int8", {})
    return sid


def test_the_weakest_areas_lately_name_both_kinds_of_round(tmp_path):
    with Store.open(tmp_path) as store:
        # trial 41's two rounds: breadth first, then depth, each missing four areas
        _stored_round(store, "ml_breadth", 1_700_000_000, ["cold start", "evaluation metrics", "online experiments",
                                                           "generalization"], ["optimization", "model fundamentals"])
        _stored_round(store, "ml_depth", 1_700_000_800, ["edge cases", "online experiments",
                                                         "reflection and learning", "tradeoffs"],
                      ["monitoring and rollback", "personal ownership"])
        areas = store.area_history()
    assert {r.kind for r in areas} == {"ml_breadth", "ml_depth"}
    ranked = weakest_first(areas, ROUND_KINDS)
    named = [(s.area, s.kind) for s in ranked if s.rate < 1.0][:SHOWN]
    assert {kind for _, kind in named} == {"ml_breadth", "ml_depth"}, named
    # the kinds take turns, the round played last first; each kind's own order is kept
    depth = [s.area for s in ranked if s.kind == "ml_depth" and s.rate < 1.0]
    breadth = [s.area for s in ranked if s.kind == "ml_breadth" and s.rate < 1.0]
    assert named == [(depth[0], "ml_depth"), (breadth[0], "ml_breadth"), (depth[1], "ml_depth")]
    # nothing is lost or counted twice: every area missed in either round is still listed, before the rest
    missed = [s for s in ranked if s.rate < 1.0]
    assert len(missed) == len(set((s.area, s.kind) for s in missed)) >= 8
    assert ranked[:len(missed)] == missed

"""Filler findings: every filler of an answer in one burst is one finding, not two at the same
moment (trial6: "7 filler words in a short answer of 19 words" beside "7 fillers within 10 s")."""
import re

from interviewer.core.analysis.report import analyze_answer

from .speech import spoken


def _fillers(text: str) -> list:
    return [f for f in analyze_answer(spoken(text)).findings if f.kind in ("fillers", "filler_cluster")]


def test_one_burst_holding_every_filler_is_one_finding():
    found = _fillers("Um, so, uh, I would, um, use a, uh, heap here.")
    assert [f.kind for f in found] == ["fillers"]
    assert "all within 10 s" in found[0].message
    assert found[0].end is not None and found[0].end > found[0].start  # spans the burst: its audio


def test_a_burst_among_other_fillers_keeps_its_own_finding():
    calm = " ".join(["I would rank candidates by predicted watch time with a small model."] * 3)
    found = _fillers(f"Um, so, uh, I would, um, start. [3] {calm} [2] {calm} Uh, that is it.")
    assert [f.kind for f in found] == ["fillers", "filler_cluster"]
    assert "all within" not in found[0].message


def test_a_burst_says_its_time_once():
    """trial10: the review showed "[00:54] 4 fillers within 10 s at 0:03.4": the round's clock and
    the answer's for one moment. The finding's time is its start, which each view shows its way."""
    calm = " ".join(["I would rank candidates by predicted watch time with a small model."] * 3)
    burst = [f for f in _fillers(f"Um, so, uh, I would, um, start. [3] {calm} [2] {calm} Uh, that is it.")
             if f.kind == "filler_cluster"][0]
    assert re.fullmatch(r"\d+ fillers within 10 s\.", burst.message), burst.message
    assert burst.start is not None and burst.start < 2.0

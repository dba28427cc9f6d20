"""Filler findings: every filler of an answer in one burst is one finding, not two at the same
moment (trial6: "7 filler words in a short answer of 19 words" beside "7 fillers within 10 s")."""
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

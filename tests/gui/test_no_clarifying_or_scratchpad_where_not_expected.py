"""New-user trial 17: the behavioral round showed the coding scratchpad ("code and design notes"),
and Progress's "Clarifying questions per round" plotted the behavioral round as 0, which read as
a drop. Rounds told, not worked out, have no scratchpad (unless the microphone failed and answers
are typed there); rounds that call for no clarifying questions are left out of that chart."""
from __future__ import annotations

from interviewer.core.clock import FakeClock
from interviewer.core.scripts.model import NO_CLARIFYING_KINDS, NO_SCRATCHPAD_KINDS
from interviewer.storage.models import SessionProgress

from test_round import make_window


def test_the_scratchpad_shows_only_in_rounds_with_code_or_design(qtbot, isolated_dirs, script_dirs, tmp_path):
    assert "behavioral" in NO_SCRATCHPAD_KINDS and "coding" not in NO_SCRATCHPAD_KINDS
    window, _, _ = make_window(qtbot, script_dirs, tmp_path / "data", FakeClock())
    window.home.select_script("test-behavioral")
    window.home.start_button.click()
    screen = window.round_screen
    assert screen.running and screen.scratchpad.isHidden()
    screen.stop_round()
    qtbot.waitUntil(lambda: not screen.running, timeout=5000)
    window.show_screen("home")
    window.home.select_script("test-design")
    window.home.start_button.click()
    assert screen.running and not screen.scratchpad.isHidden()
    screen.stop_round()
    qtbot.waitUntil(lambda: not screen.running, timeout=5000)


def test_the_clarifying_chart_leaves_out_rounds_that_call_for_none(qapp):
    from interviewer.gui.progress_screen import ProgressScreen

    assert {"behavioral", "ml_depth"} <= NO_CLARIFYING_KINDS and "coding" not in NO_CLARIFYING_KINDS

    def row(sid: int, kind: str, clarifying: int) -> SessionProgress:
        return SessionProgress(sid, kind, f"round {sid}", 1_700_000_000 + sid * 86_400, "completed", 120,
                               60.0, 3, 2.5, 120.0, 1, clarifying)

    screen = ProgressScreen()
    screen.set_progress([row(1, "coding", 3), row(2, "behavioral", 0), row(3, "ml_depth", 0), row(4, "coding", 4)])
    names = [s.name for s in screen.clarifying_chart.series]
    assert names == ["Coding"], names
    assert [p for s in screen.clarifying_chart.series for p in s.points] == [(1.0, 3.0), (4.0, 4.0)]
    # The other charts still plot every round, numbered the same.
    assert sorted(x for s in screen.pause_chart.series for x, _ in s.points) == [1.0, 2.0, 3.0, 4.0]


def test_a_round_of_those_kinds_that_asked_is_plotted_with_its_count(qapp):
    """Trial 21: an ML depth round whose review and exports said 2 clarifying questions had no
    point on the chart, and nothing said why. One that asked is plotted, with the stored count;
    the chart says which rounds it leaves out."""
    from interviewer.gui.progress_screen import CLARIFYING_CHART_NOTE, ProgressScreen

    def row(sid: int, kind: str, clarifying: int) -> SessionProgress:
        return SessionProgress(sid, kind, f"round {sid}", 1_700_000_000 + sid * 86_400, "completed", 120,
                               60.0, 3, 2.5, 120.0, 1, clarifying)

    screen = ProgressScreen()
    screen.set_progress([row(1, "ml_depth", 2), row(2, "coding", 2), row(3, "ml_depth", 0)])
    plotted = {s.name: s.points for s in screen.clarifying_chart.series}
    assert plotted == {"ML depth": [(1.0, 2.0)], "Coding": [(2.0, 2.0)]}, plotted
    assert "ML depth" in screen.clarifying_chart.toolTip() == CLARIFYING_CHART_NOTE

"""Trials 32-35: an extra question's part (core.extra_questions) joins the round while it runs:
the plan bar draws it, named "Extra question: <its part name>", before the wrap-up, with the
cursor in it, and the wrap-up keeps its minutes (right after it since trial 42, the time saved
hatched at the bar's end)."""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt

from interviewer.core.clock import FakeClock

from test_round import make_window


def test_the_plan_bar_shows_an_extra_part_added_during_the_round(qtbot, isolated_dirs, script_dirs, tmp_path,
                                                                monkeypatch):
    # The fixture's scripts are designs, which take no extra (core.extra_questions.EXTRA_KINDS:
    # a design runs through several parts); the plan bar's drawing of one is what is tested.
    monkeypatch.setattr("interviewer.core.extra_questions.EXTRA_KINDS", frozenset({"ml_system_design"}))
    clock = FakeClock()
    window, _speaker, _ = make_window(qtbot, script_dirs, tmp_path / "data", clock)
    window.home.select_script("test-design")
    window.home.start_button.click()
    screen = window.round_screen
    qtbot.waitUntil(lambda: screen.session.controller.status == "listening", timeout=3000)
    clock.advance(60.0)
    screen._tick()
    qtbot.keyClick(screen, Qt.Key.Key_N)
    engine = screen.session.engine
    qtbot.waitUntil(lambda: engine.current_phase.id == "design", timeout=3000)
    # "my-design" (the user's script of the same kind) is offered; the candidate took it.
    assert [s.id for s in engine.extra_scripts if s.kind == engine.script.kind and s.id != "test-design"]
    # "my-design" is the same script under another id: an extra whose questions were all asked
    # already is passed over (trial 41), so its questions get other words here.
    engine.extra_scripts = [replace(s, questions=tuple(replace(q, text=f"Design question {i}: count unique "
                                                                       f"visitors per page for a news site.")
                                                       for i, q in enumerate(s.questions)))
                            if s.id == "my-design" else s for s in engine.extra_scripts]
    clock.advance(60.0)
    engine._start_extra(engine.elapsed())
    clock.advance(1.0)
    screen._tick()
    bar = [(p.id, p.name, p.start, p.end) for p in screen.plan.phases]
    assert [b[0] for b in bar] == ["clarify", "design", "extra1-clarify", "wrap"], bar
    assert bar[2][1] == "Extra question: Clarify"
    # drawn for its planned minutes, as the phase clock counts it, not stretched to the wrap-up
    # (trial 37: "Extra question: ..." spanned 06:40-41:40 while the phase clock said 4:51)
    extra = engine.script.phase("extra1-clarify")
    assert bar[2][2] == 120.0 and bar[2][3] == 120.0 + extra.minutes * 60.0, bar
    # The wrap-up keeps its minutes, right after it: the time saved is hatched at the end of the
    # bar, not left blank between the parts (trial 42).
    assert bar[3][2:] == (bar[2][3], bar[2][3] + 300.0), bar
    assert screen.plan.saved_from() == bar[3][3] < engine.round_seconds
    assert screen.plan.current_phase == "extra1-clarify"
    assert bar[2][2] <= screen.plan.elapsed < bar[2][3]
    screen.stop_button.click()
    qtbot.waitUntil(lambda: window.last_session_id is not None, timeout=10000)

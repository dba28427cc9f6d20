"""Trial 38 item 5 on screen: the early-end banner ("... press N to end the round now") is shown
only once the interviewer has nothing more to ask (RoundController.only_their_questions_left),
not as the last part begins with a scenario and a summary still to come."""
from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core"))
from engine_scripts import design_round  # noqa: E402

from interviewer.core.clock import FakeClock  # noqa: E402
from interviewer.core.engine import PhaseStarted, RoundEngine  # noqa: E402
from interviewer.core.round_settings import ControllerSettings  # noqa: E402
from interviewer.core.round_updates import StatusChanged  # noqa: E402
from interviewer.gui.round_screen import RoundScreen  # noqa: E402


def test_the_banner_waits_for_the_last_scenario_and_the_summary(qtbot):
    clock = FakeClock(0.0)
    engine = RoundEngine(design_round(), clock)
    engine.start()
    screen = RoundScreen()
    qtbot.addWidget(screen)
    controller = SimpleNamespace(only_their_questions_left=False, talking_before_words=False, typing_answers=False,
                                 settings=ControllerSettings())
    screen.session = SimpleNamespace(engine=engine, script=engine.script, controller=controller)
    screen.on_update(PhaseStarted("intro", "Hi", 0.0))
    while engine.has_next_phase:
        clock.advance(30)
        engine.next_phase()
    assert engine.ends_early_at() is not None
    screen.on_update(PhaseStarted("wrap", "Let's wrap up.", engine.elapsed()))
    assert "ends early" not in screen.warning.text(), "a scenario and the summary are still to come"
    screen.on_update(StatusChanged("listening", "Listening...", engine.elapsed()))
    assert "ends early" not in screen.warning.text()
    controller.only_their_questions_left = True
    screen.on_update(StatusChanged("listening", "Listening: your questions.", engine.elapsed()))
    assert "ends early" in screen.warning.text() and not screen.warning.isHidden()

"""Trial 49 problem 1c: the food-delivery design round ended its work early, and the last part
began "That's everything I wanted to ask, so we'll finish early. About five minutes for this part."
and seconds later the interviewer asked "One last scenario before your summary: on a rainy
Friday, ...". The early-end sentence is said only when nothing is left to ask in the round."""
from __future__ import annotations

from interviewer.core.clock import FakeClock
from interviewer.core.engine import EARLY_END_SAID, AskQuestion, PhaseStarted, RoundEngine
from interviewer.core.scripts.loader import load_script
from interviewer.resources import bundled_scripts_dir


def _round_answered_quickly(script_file: str) -> list[tuple[str, list[AskQuestion]]]:
    """Every part answered at once, none left with Next: (each part's prompt, what it asked at once)."""
    clock = FakeClock()
    engine = RoundEngine(load_script(bundled_scripts_dir() / script_file, bundled=True), clock,
                         phase_warning_minutes=None, round_warning_minutes=None)
    events, parts = engine.start(), []
    for _ in range(200):
        started = [e for e in events if isinstance(e, PhaseStarted)]
        if started:
            parts.append((started[-1].prompt, [e for e in events if isinstance(e, AskQuestion)]))
        if engine.is_over:
            break
        clock.advance(30)
        events = engine.answer_finished("I think that covers it. That's it.")
    return parts


def test_no_early_end_sentence_before_a_last_scenario():
    prompt, asked = _round_answered_quickly("ml_system_design_eta_prediction.toml")[-1]
    assert asked, "the ETA round asks a last scenario in its summary part"
    assert EARLY_END_SAID not in prompt, prompt


def test_the_early_end_sentence_stays_when_nothing_is_left_to_ask():
    prompt, asked = _round_answered_quickly("ml_system_design_ads_ctr.toml")[-1]
    assert not asked
    assert prompt.startswith(EARLY_END_SAID), prompt

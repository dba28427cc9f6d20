"""A phase that starts off its planned time must not state a false time (found by a new-user run:
moving on at 2:09 the interviewer said "We're about ten minutes in")."""
import re

import pytest

from interviewer.core.clock import FakeClock
from interviewer.core.engine import PhaseStarted, RoundEngine
from interviewer.core.phase_prompts import spoken_phase_prompt
from interviewer.core.scripts.loader import discover_scripts
from interviewer.resources import bundled_scripts_dir

SCRIPTS = discover_scripts(bundled_scripts_dir(), user_dir=bundled_scripts_dir() / "no-such-folder").scripts

_NUMBERS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen".split())}
_NUMBERS.update({"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "a": 1})


def _number(words: str) -> int | None:
    parts = re.split(r"[- ]", words.lower())
    if all(p in _NUMBERS or p.isdigit() for p in parts):
        return sum(int(p) if p.isdigit() else _NUMBERS[p] for p in parts)
    return None


def false_time_claims(prompt: str, at: float, round_seconds: float) -> list[str]:
    """Every statement of the round's time in `prompt` that is false at `at` (written separately
    from the app's detector, with an interviewer's tolerance for "about")."""
    left, text, wrong = round_seconds - at, prompt.lower(), []
    for m in re.finditer(r"([a-z0-9]+(?:-[a-z]+)?) minutes? in\b", text):
        n = _number(m.group(1))
        if n is None or abs(n * 60 - at) > 90:
            wrong.append(m.group(0))
    for m in re.finditer(r"([a-z0-9-]+) minutes? (?:left|to go)\b", text):
        n = _number(m.group(1))
        if (n is None and m.group(1) != "few") or (n is not None and abs(n * 60 - left) > 150) \
                or (m.group(1) == "few" and left > 10 * 60):
            wrong.append(m.group(0))
    if re.search(r"we have (?:about )?a few minutes(?! left)", text) and left > 10 * 60:
        wrong.append("a few minutes")
    if re.search(r"half ?way", text) and abs(at - round_seconds / 2) > round_seconds * 0.15:
        wrong.append("half way")
    if "third of the way" in text and abs(at - round_seconds / 3) > round_seconds * 0.15:
        wrong.append("a third of the way")
    if re.search(r"(?:nearly|almost|close to) (?:at |out of )?(?:time|done)", text) and left > 10 * 60:
        wrong.append("almost at time")
    return wrong


def _spoken_prompts(script, move_on_after: float | None) -> list[PhaseStarted]:
    """Run a round; `move_on_after` seconds into each phase the candidate presses Next."""
    clock = FakeClock()
    engine = RoundEngine(script, clock)
    events = [e for e in engine.start() if isinstance(e, PhaseStarted)]
    phase_began = 0.0
    while not engine.is_over:
        clock.advance(1.0)
        new = engine.poll()
        if move_on_after is not None and engine.elapsed() - phase_began >= move_on_after:
            new += engine.next_phase()
        for e in new:
            if isinstance(e, PhaseStarted):
                events.append(e)
                phase_began = e.at
    return events


def test_the_check_sees_a_false_time():
    assert false_time_claims("We're about ten minutes in; let's move on.", 129, 3600) == ["ten minutes in"]
    assert false_time_claims("We're about half way. Next.", 300, 3600) == ["half way"]
    assert false_time_claims("We have a few minutes left. Questions?", 600, 3600) == ["few minutes left"]
    assert false_time_claims("We're about two minutes in. Let's move on.", 129, 3600) == []


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda s: s.id)
def test_no_phase_prompt_states_a_wrong_time_when_moving_on_early(script):
    starts = _spoken_prompts(script, move_on_after=30.0)
    assert [e.phase for e in starts] == [p.id for p in script.phases]
    for event in starts:
        assert false_time_claims(event.prompt, event.at, script.minutes * 60) == [], (event.phase, event.at, event.prompt)


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda s: s.id)
def test_on_plan_the_scripts_prompts_are_said_as_written(script):
    starts = _spoken_prompts(script, move_on_after=None)
    assert [e.prompt for e in starts] == [p.prompt for p in script.phases]


def test_the_bundled_scripts_do_state_times():
    """Else the tests above would pass without testing anything."""
    timed = [p.prompt for s in SCRIPTS for p in s.phases if false_time_claims(p.prompt, 60, s.minutes * 60)]
    assert len(timed) >= 30


def test_moving_on_early_keeps_the_rest_of_the_prompt_and_says_the_true_time():
    prompt = "We're about ten minutes in; let's move from requirements to a high-level design. Sketch it."
    said = spoken_phase_prompt(prompt, planned_at=600, started_at=129)
    assert said == "We're about two minutes in. Let's move from requirements to a high-level design. Sketch it."
    assert spoken_phase_prompt(prompt, planned_at=600, started_at=570) == prompt  # within a minute
    plan = "A few minutes on production."  # a plan, not the clock
    assert spoken_phase_prompt(plan, planned_at=600, started_at=129) == plan


def test_a_time_left_clause_keeps_its_purpose_with_the_true_amount():
    # A script author's trial: "We have a few minutes left for your questions." started early
    # became only "We're about two minutes in.": the invitation to ask was lost.
    said = spoken_phase_prompt("We have a few minutes left for your questions.", planned_at=3360,
                               started_at=3000, remaining=600)
    assert said == "We're about fifty minutes in. We have about ten minutes left for your questions."
    assert false_time_claims(said, 3000, 3600) == []
    said = spoken_phase_prompt("Ten minutes to go; let's wrap up.", planned_at=3000, started_at=1500, remaining=2100)
    assert said == "We're about twenty-five minutes in. About thirty-five minutes to go; let's wrap up."
    # Other statements of the clock are still dropped; without the time left, so is this one.
    assert spoken_phase_prompt("We're half way. Next, the design.", 1800, 600, remaining=3000) == \
        "We're about ten minutes in. Next, the design."
    assert spoken_phase_prompt("We have a few minutes left for your questions.", 3360, 146) == \
        "We're about two minutes in."

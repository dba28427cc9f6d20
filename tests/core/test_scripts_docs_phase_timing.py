"""docs/question-scripts.md says what a new user's trial saw the round do with its phases and
did not find in the docs: a phase whose questions are done hands over to the next one at once
(the time saved goes to the later phases), and a prompt's sentences stating the time are
replaced by the true time when its phase starts off plan."""
import re
from pathlib import Path

from interviewer.core.clock import FakeClock
from interviewer.core.engine import EARLY_END_SAID, AskQuestion, PhaseStarted, RoundEngine
from interviewer.core.scripts.loader import parse_script

DOC = (Path(__file__).resolve().parents[2] / "docs" / "question-scripts.md").read_text(encoding="utf-8")


def _example_round():
    block = re.search(r"## A complete example\n\n```toml\n(.*?)```", DOC, re.S)[1]
    return parse_script(block, "example.toml")


def _run(script, answer_every=30.0):
    clock = FakeClock()
    engine = RoundEngine(script, clock)
    events, asked_for_code = engine.start(), False
    while not engine.is_over:
        clock.advance(1.0)
        events += engine.poll()
        if engine.elapsed() % answer_every == 0:
            said = "I would use a hash map in one pass." + (" That's it." if asked_for_code else "")
            new = engine.answer_finished(said)
            events += new
            # The code is asked for, as RoundController does: when nothing else is asked.
            asked_for_code = engine.holds_for_work and not [e for e in new if isinstance(e, (AskQuestion, PhaseStarted))]
            if asked_for_code:
                engine.asked_to_keep_working()
    return engine, [e for e in events if isinstance(e, PhaseStarted)]


def test_the_docs_say_a_phase_moves_on_when_its_questions_are_done():
    text = " ".join(DOC.split())
    assert "A phase does not wait for its planned time" in text
    assert "The time saved goes to the later phases that are work, in proportion to their `minutes`" in text
    assert "a phase that takes the candidate's own questions" in text and "keeps its planned `minutes`" in text
    engine, started = _run(_example_round())
    spans = engine.timeline.phases
    assert [s.phase for s in spans] == ["intro", "clarify", "solve", "test", "wrap_up"]
    assert spans[1].started_at == 30.0 < spans[1].planned_start  # earlier than its 2 planned minutes
    # Only the candidate's questions left: the round ends with them, their planned minutes after.
    wrap = _example_round().phases[-1]
    assert spans[-1].ended_at == spans[-1].started_at + wrap.minutes * 60 < 45 * 60


def test_the_docs_say_a_prompt_stating_the_time_is_made_true_sentence_by_sentence():
    text = " ".join(DOC.split())
    assert "keep such a statement in a sentence of its own" in text
    assert "is said with the real amount" in text
    script = _example_round()
    _, started = _run(script)
    prompts = {e.phase: e.prompt for e in started}
    true_time = r"We're about (a|[a-z-]+) minutes? in\. "
    # "We're about eight minutes in; let's move from clarifying ..." said a few minutes in:
    assert re.fullmatch(true_time + "Let's move from clarifying to your approach, then code it\\.", prompts["solve"])
    assert "eight" not in prompts["solve"]
    # "We have a few minutes left. What would you like to ask me?" with most of the round left:
    # the time left is said as it is, as a person says it.
    # The round ends early with the questions: said as the time for the part, not "left", and
    # without the round's elapsed minutes first (trial 38).
    assert "is said as\nthe time for the part" in DOC or "is said as the time for the part" in text
    assert "without the round's elapsed minutes first" in text
    # Ended early because the planned questions ran out: said why first (trial 48).
    assert "wanted to ask, so we'll finish early" in text
    assert re.fullmatch(re.escape(EARLY_END_SAID) + r" We have (about [a-z-]+ minutes|over half an hour) for this part\. "
                        r"What would you like to ask me\?",
                        prompts["wrap_up"]), prompts["wrap_up"]


def test_the_docs_say_a_prompt_without_a_time_is_said_as_written_off_plan():
    """The docs said every phase starting off plan says the elapsed time first; only a prompt
    that states the time does (a trial heard 'Let's stop coding there and test it.' two minutes
    into a 45-minute round, with no 'We're about two minutes in.')."""
    text = " ".join(DOC.split())
    assert "A prompt that states no time of the round" in text
    assert "is said as written whenever its phase starts" in text
    script = _example_round()
    _, started = _run(script)
    prompts = {e.phase: e.prompt for e in started}
    test_phase = next(p for p in script.phases if p.id == "test")
    assert started[[e.phase for e in started].index("test")].at < 30 * 60  # off plan (planned at 33 min)
    assert prompts["test"] == test_phase.prompt

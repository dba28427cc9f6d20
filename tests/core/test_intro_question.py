"""Trial 27 problem 8: the plan said "Introduction: 3 min", but the interviewer said one welcome
line and moved on after about 16 s; the candidate was never asked to introduce themselves, and the
phases table read "3 min planned / 0.3 min". An opening that asks nothing now ends with the intro
question (the script's `intro_question`, else DEFAULT_INTRO_QUESTION); the round listens to the
introduction, thanks the candidate, and hands the unused minutes on. Injected clock and fakes."""
import pytest

from interviewer.core.clock import FakeClock
from interviewer.core.engine import PhaseEnd, RoundEngine
from interviewer.core.round_controller import RoundController
from interviewer.core.round_settings import INTRO_THANKS_VARIANTS, ControllerSettings
from interviewer.core.scripts.loader import parse_script
from interviewer.core.scripts.model import DEFAULT_INTRO_QUESTION
from interviewer.resources import bundled_scripts_dir

from test_round_controller import FakeRecorder, FakeSpeaker, run_now, step
from test_round_turns import SegmentTranscriber

BEHAVIORAL = (bundled_scripts_dir() / "behavioral_conflict_and_trust.toml").read_text()
WELCOME = ("Hi, good to meet you. This is a behavioral round about working with people. I'll ask for "
           "specific past examples; please pick real ones and tell me what you personally did. Take a "
           "moment to think before answering if you need it.")


def test_an_opening_that_asks_nothing_ends_with_the_default_intro_question():
    script = parse_script(BEHAVIORAL, bundled=True)
    assert script.phases[0].prompt == f"{WELCOME} {DEFAULT_INTRO_QUESTION}"
    assert not script.warnings
    assert script.phases[1].prompt == "Let's start with conflict."  # only the opening gets it


def test_a_script_overrides_the_intro_question_or_keeps_an_opening_that_asks_nothing():
    own = parse_script('intro_question = "What are you working on these days?"\n' + BEHAVIORAL)
    assert own.phases[0].prompt == f"{WELCOME} What are you working on these days?"
    assert parse_script('intro_question = ""\n' + BEHAVIORAL).phases[0].prompt == WELCOME


@pytest.mark.parametrize("extra, warning", [
    ('intro_question = "Welcome aboard."\n', "asks the candidate nothing"),
    # The opening already asks: the script's own question would never be said.
    ('intro_question = "What do you do?"\n', "already asks the candidate to talk"),
])
def test_validation_warns_about_an_intro_question_that_asks_nothing_or_is_never_asked(extra, warning):
    text = extra + BEHAVIORAL
    if "already" in warning:
        text = text.replace("if you need it.\"", "if you need it. Tell me about yourself.\"", 1)
    script = parse_script(text)
    assert any("intro_question" in w and warning in w for w in script.warnings), script.warnings


def test_the_introduction_is_listened_to_thanked_and_its_unused_time_goes_to_later_parts(tmp_path):
    script = parse_script(BEHAVIORAL, bundled=True)
    clock = FakeClock(1000.0)
    engine = RoundEngine(script, clock)
    speaker, recorder = FakeSpeaker(clock, 2), FakeRecorder()
    controller = RoundController(engine, speaker, recorder, SegmentTranscriber.timed(clock), tmp_path,
                                 settings=ControllerSettings(silence_ends_answer_after=8, silence_nudge_after=20),
                                 run_in_background=run_now)
    controller.start()
    while controller.current_answer is None:
        step(clock, speaker, controller, 0.5)
    intro = controller.current_answer
    assert speaker.said == [script.phases[0].prompt] and intro.phase == "intro"
    # A few seconds of thinking before answering: the interviewer waits (it went on after 4 s).
    for seconds in (1, 2, 3, 4, 5, 6):
        controller.on_silence(seconds)
        step(clock, speaker, controller, 1)
    assert engine.current_phase.id == "intro" and intro.ended_by is None
    controller.on_silence(0)
    recorder.speak("I'm a machine learning engineer on a payments team, working on fraud models and serving.")
    step(clock, speaker, controller, 20)
    controller.on_silence(1)
    controller.end_answer()
    for _ in range(20):
        step(clock, speaker, controller, 0.5)
    # Thanked, then the next part's own words.
    assert speaker.said[1] in INTRO_THANKS_VARIANTS and speaker.said[2] == "Let's start with conflict."
    opening, conflict = engine.timeline.phases[:2]
    assert opening.ended_by == PhaseEnd.AGENDA and opening.ended_at < 40
    # The minutes it did not use went on to the parts with questions (38 of the 45 minutes), in
    # proportion to their plan; "Your questions" keeps its 4.
    assert conflict.allotted == pytest.approx(600 * (2700 - conflict.started_at - 240) / (38 * 60))
    assert conflict.allotted > 600 + 30


def test_scripts_validate_prints_the_intro_question_warning_with_its_line(tmp_path):
    import os
    import subprocess
    import sys

    path = tmp_path / "mine.toml"
    path.write_text(BEHAVIORAL.replace('id = "behavioral_conflict_and_trust"',
                                       'id = "mine"\nintro_question = "Welcome aboard."'), encoding="utf-8")
    line = next(i for i, text in enumerate(path.read_text().splitlines(), 1) if text.startswith("intro_question"))
    result = subprocess.run([sys.executable, "-m", "interviewer", "scripts", "validate", str(path)],
                            capture_output=True, text=True, timeout=60,
                            env=dict(os.environ, INTERVIEWER_DATA_DIR=str(tmp_path)))
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{path}:{line}: intro_question: warning: asks the candidate nothing" in result.stdout
    assert f"OK {path} (1 warning)" in result.stdout


def _transcript(text: str):
    from interviewer.core.transcript import Segment, Transcript, Word

    words, t = [], 1.0
    for w in text.split():
        words.append(Word(" " + w, t, t + 0.3))
        t += 0.35
    return Transcript([Segment(text, 1.0, t, tuple(words))], duration=t + 1.0)


def test_the_introduction_is_analysed_as_an_introduction_not_a_clarifying_turn_or_a_story():
    from interviewer.core.analysis.report import analyze_answer

    script = parse_script(BEHAVIORAL, bundled=True)
    assert script.introduction_phase() == "intro"
    said = ("Hi, nice to meet you. I'm a machine learning engineer at a payments company. I lead a team "
            "of three, and we built the fraud model that cut chargebacks by a third. How long is this "
            "round, by the way? Should I use examples from my current job?")
    a = analyze_answer(_transcript(said), question_text=script.phases[0].prompt, round_kind="behavioral",
                       to_problem=False, question_findings=False, introduction=True).to_dict()
    kinds = {f["kind"] for f in a["findings"]}
    assert not a["clarifying_questions"] and not {"clarifying_questions", "no_clarifying_questions"} & kinds
    assert not a.get("story") and "star_missing" not in kinds


def test_a_round_that_opens_with_a_question_of_its_own_has_no_introduction_part():
    text = BEHAVIORAL.replace('phase = "conflict"', 'phase = "intro"', 1)
    assert parse_script(text).introduction_phase() is None

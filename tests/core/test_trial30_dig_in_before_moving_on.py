"""Trial 30: the 12-minute incident part ended after one 11-second answer. Its follow-ups ("Was
it the data, the model or the serving code?", "How long was it between the problem starting and
someone noticing?") were skipped as covered, since the short answer said "upstream" and "three
days later" in passing, and ~3 s later came "We're about three minutes in. Let's move from
finding the problem to fixing it." With most of the part left and little said, the interviewer
digs in: a follow-up only touched on is asked before the part ends early."""
from interviewer.core.clock import FakeClock
from interviewer.core.engine import AskQuestion, PhaseStarted, RoundEngine
from interviewer.core.scripts.loader import load_script
from interviewer.resources import bundled_scripts_dir

# The incident answer as Whisper wrote it in trial 30.
INCIDENT = ("So, ladies and gentlemen... Uh, the floor rate suddenly dropped, and we know this three days later. "
            "The route calls when a upstream scheme of change in the pipeline. That's it.")


def _in_the_incident_part():
    script = load_script(bundled_scripts_dir() / "ml_depth_production_model.toml", bundled=True)
    clock = FakeClock()
    engine = RoundEngine(script, clock, phase_warning_minutes=None, round_warning_minutes=None)
    engine.start()
    while engine.current_phase.id != "incident":
        events = engine.next_phase()
    assert [e.question_id for e in events if isinstance(e, AskQuestion)] == ["incident"]
    return engine, clock


def _asked(events):
    return [(e.question_id, e.follow_up_id) for e in events if isinstance(e, AskQuestion)]


def test_a_short_answer_with_most_of_the_part_left_gets_its_follow_ups_before_moving_on():
    engine, clock = _in_the_incident_part()
    clock.advance(26)
    events = engine.answer_finished(INCIDENT)
    assert not [e for e in events if isinstance(e, PhaseStarted)]
    assert _asked(events) == [("incident", "where_was_it")]
    clock.advance(20)
    events = engine.answer_finished("The data. The features looked wrong, the model was fine.")
    assert _asked(events) == [("incident", "detection_delay")]
    clock.advance(20)
    events = engine.answer_finished("About three days, because nobody watched that feature.")
    # No follow-up left to dig into; a talking point still missed ("The root cause stated
    # precisely") gets a probe (trial 31), and the candidate's N moves on at any time.
    assert [f for _, f in _asked(events)] == ["probe-0"]
    assert [e.phase for e in engine.next_phase() if isinstance(e, PhaseStarted)] == ["fix"]


def test_a_follow_up_covered_at_length_is_not_asked_again():
    engine, clock = _in_the_incident_part()
    clock.advance(60)
    long_answer = INCIDENT + " " + " ".join(["We then looked at every feature and compared it to the week before."]
                                            * 10)  # 150 words
    events = engine.answer_finished(long_answer)
    assert [e.phase for e in events if isinstance(e, PhaseStarted)] == ["fix"]


def test_with_a_third_of_the_part_left_the_interviewer_still_digs_in():
    # Trials 32-34: the dig-in stopped once half the part was used; the part's time decides now.
    engine, clock = _in_the_incident_part()
    clock.advance(engine.time_left_in_phase() - 4 * 60)  # 4 minutes left of 12 (and the time saved before it)
    events = engine.answer_finished(INCIDENT)
    assert not [e for e in events if isinstance(e, PhaseStarted)]
    assert _asked(events) == [("incident", "where_was_it")]


def test_with_less_than_a_minute_of_the_part_left_the_interviewer_moves_on():
    engine, clock = _in_the_incident_part()
    clock.advance(engine.time_left_in_phase() - 50)
    events = engine.answer_finished(INCIDENT)
    assert [e.phase for e in events if isinstance(e, PhaseStarted)] == ["fix"]


def test_a_short_answer_that_made_every_talking_point_moves_on():
    engine, clock = _in_the_incident_part()
    clock.advance(26)
    events = engine.answer_finished("It started on Monday and we noticed three days later. It was caused by an "
                                    "upstream schema change in the pipeline. That's it.")
    assert [e.phase for e in events if isinstance(e, PhaseStarted)] == ["fix"]

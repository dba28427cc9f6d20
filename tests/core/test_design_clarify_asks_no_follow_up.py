"""A design round's Requirements part is about requirements (trial 14): the bundled feed round
asked "What is the single metric you'd optimize...?" and "What would you show a brand-new user
...?" while the candidate was still clarifying, then left the part after 1.6 of its 8 minutes
because those follow-ups had run out. The question's follow-ups now come in the design parts,
after the part's own question; one the script puts in the clarify part (`phase`) stays there."""
from dataclasses import replace

from interviewer.core.clock import FakeClock
from interviewer.core.engine import AskQuestion, PhaseStarted, RoundEngine
from interviewer.core.scripts.loader import discover_scripts
from interviewer.resources import bundled_scripts_dir

SCRIPTS = {s.id: s for s in discover_scripts(bundled_scripts_dir(),
                                             user_dir=bundled_scripts_dir() / "no-such-folder").scripts}
FEED = SCRIPTS["ml_system_design_feed_ranking"]


def _asks(events):
    return [e for e in events if isinstance(e, AskQuestion)]


def _at_requirements(script=FEED, **kw):
    clock = FakeClock()
    engine = RoundEngine(script, clock, **kw)
    engine.start()
    clock.set(2 * 60)
    [started, ask] = engine.poll()
    assert (started.phase, ask.question_id, ask.follow_up_id) == ("requirements", "design_feed", None)
    return clock, engine


def test_the_requirements_part_asks_no_follow_up_while_the_candidate_keeps_asking():
    clock, engine = _at_requirements(move_on_early=False)
    assert engine.phase_agenda_done  # nothing more planned there: the part waits for the candidate
    for asked in ("So the feed is for logged-in users only.", "How many daily active users are there?",
                  "Is the goal clicks or long-term watch time?", "What's the latency budget?"):
        clock.advance(60)
        assert _asks(engine.answer_finished(asked)) == []
        assert engine.current_phase.id == "requirements"
    clock.set(10 * 60)  # its time is what ends it
    events = engine.poll()
    assert [e.phase for e in events if isinstance(e, PhaseStarted)] == ["high_level"]
    assert [(a.question_id, a.follow_up_id) for a in _asks(events)] == [("architecture", None)]


def test_a_clarifying_answer_does_not_end_the_part_because_follow_ups_ran_out():
    """With moving on early, the answer that ends the candidate's turn (a hand-back, Space) is
    what moves the part on; before, the follow-ups were asked one per answer and the part ended
    when they ran out."""
    clock, engine = _at_requirements()
    clock.advance(60)
    events = engine.answer_finished("Who are the users? How many are there? That's all my questions.")
    assert [e.phase for e in events if isinstance(e, PhaseStarted)] == ["high_level"]
    assert [a.follow_up_id for a in _asks(events)] == [None]


def test_the_follow_ups_come_in_the_design_part_after_its_own_question():
    clock, engine = _at_requirements()
    clock.advance(120)
    engine.answer_finished("How many users? What's the latency budget? That's all.")
    asked = []
    for said in ("A retrieval stage, a ranker and a re-ranker.", "Two-tower retrieval with nearest neighbours.",
                 "I'd cap videos per creator.", "I don't know.", "Popular videos.", "Popular videos."):
        clock.advance(40)
        events = engine.answer_finished(said)
        asked += [(engine.current_phase.id, a.question_id, a.follow_up_id, a.reason) for a in _asks(events)]
    assert asked[:6] == [
        ("high_level", "architecture", "diversity", "follow_up"),  # "funnel" was covered by "retrieval"
        ("high_level", "design_feed", "north_star", "follow_up"),
        ("high_level", "design_feed", "cold_start_user", "follow_up"),
        # "I don't know." gets one push-back (trial 24)
        ("high_level", "design_feed", "push-back", "follow_up"),
        # no tradeoff named in the part: one request for one (trial 38), on the part's own
        # question, not the requirements one whose follow-ups were carried over (trial 44 D6)
        ("high_level", "architecture", "probe-tradeoff", "follow_up"),
        # then no probe on the requirements part's question, which the candidate closed with
        # "That's all." (trial 32), nor on the architecture question's missed point about the
        # offline pipelines and logging: its area, data and labels, is the next part's subject
        # ("Where exactly do the labels come from...?" before the Data part's own question, trial 34)
        ("data_features", "data_and_features", None, "question"),
    ]


def test_a_follow_up_covered_while_clarifying_is_not_asked_later():
    clock, engine = _at_requirements()
    clock.advance(60)
    engine.answer_finished("Is the goal long-term watch time and retention? What about new users with "
                           "no history, is cold start a concern? That's all.")
    asked = []
    for said in ("Retrieval, then a ranker.", "Candidate generation narrows it.", "A diversity re-ranker."):
        clock.advance(40)
        asked += [a.follow_up_id for a in _asks(engine.answer_finished(said))]
    assert "north_star" not in asked and "cold_start_user" not in asked


def test_a_follow_up_the_script_puts_in_the_clarify_part_is_asked_there():
    question = FEED.questions[0]
    north_star = replace(question.follow_ups[0], phase="requirements")
    script = replace(FEED, questions=(replace(question, follow_ups=(north_star, *question.follow_ups[1:])),
                                      *FEED.questions[1:]))
    clock, engine = _at_requirements(script)
    clock.advance(60)
    [ask] = _asks(engine.answer_finished("How many users are there?"))
    assert (engine.current_phase.id, ask.follow_up_id) == ("requirements", "north_star")
    clock.advance(60)
    events = engine.answer_finished("Daily watch time, guarding diversity.")
    # cold_start_user still waits for the design part
    assert [e.phase for e in events if isinstance(e, PhaseStarted)] == ["high_level"]


def test_every_bundled_design_round_asks_its_follow_ups_after_requirements():
    for script in (s for s in SCRIPTS.values() if s.kind == "ml_system_design"):
        clock = FakeClock()
        engine = RoundEngine(script, clock, move_on_early=False)
        events = engine.start()
        while not engine.is_over:
            clock.advance(20)
            events += engine.poll()
            events += engine.answer_finished("")  # says nothing: every if_missing follow-up is needed
        current, follow_ups = None, {}
        for e in events:
            if isinstance(e, PhaseStarted):
                current = e.phase
            elif isinstance(e, AskQuestion) and e.reason == "follow_up":
                follow_ups.setdefault(current, []).append((e.question_id, e.follow_up_id))
        clarifying = {p.id for p in script.phases if p.expects_clarifying}
        assert not clarifying & set(follow_ups), (script.id, follow_ups)
        first = script.questions_in(sorted(clarifying)[0])[0]
        plain = [f.id for f in first.follow_ups if not f.at_phase and not f.phase]
        later = [fid for asked in follow_ups.values() for qid, fid in asked if qid == first.id]
        assert plain and later == plain, (script.id, follow_ups)

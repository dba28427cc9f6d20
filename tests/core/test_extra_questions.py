"""Trials 32-35: a round of brief answers ran out of script at a fifth of its plan ("All planned
questions are done, so the round ends early, at 14:21 instead of 55:00"). With time left the
interviewer offers another question, from another script of the same kind (core.extra_questions,
core.engine); the review, exports and summary show its part like any other."""
from __future__ import annotations

from interviewer.core.analysis.report import analyze_round
from interviewer.core.clarifying_responder import ClarifyingResponder
from interviewer.core.clock import FakeClock
from interviewer.core.engine import AskQuestion, PhaseEnd, PhaseStarted, RoundEngine
from interviewer.core.extra_questions import (EXTRA_OFFER_ID, EXTRAS_KIND, extras_details, pick_extra, round_script,
                                              wants_wrap_up)
from interviewer.core.scripts.model import ClarifyingTopic, ExpectedPoint, FollowUp, Phase, Question, RoundScript
from interviewer.core.time_left import early_end_note
from interviewer.storage.models import Finding

THIN = "I would keep it simple. That's it."


def story_round(sid: str = "own", minutes: float = 45, story_minutes: float = 30, qid: str = "story",
                kind: str = "behavioral") -> RoundScript:
    phases = (Phase("intro", "Introductions", 3, "Tell me briefly about yourself."),
              Phase("story", "A story", story_minutes, "Let's talk about your work."),
              Phase("wrap", "Wrap-up", 5, "Let's wrap up. Do you have questions for me?"))
    questions = (Question(qid, f"Tell me about a time ({sid}).", "story"),)
    return RoundScript(sid, f"Round {sid}", kind, minutes, phases, questions)


def other_round(sid: str = "other", kind: str = "behavioral",
                text: str = "Merge the overlapping sessions of a user.") -> RoundScript:
    phases = (Phase("intro", "Introductions", 3, "Hi."),
              Phase("problem", "Sessions problem", 12, "Here is a problem."),
              Phase("wrap", "Wrap-up", 5, "Do you have questions for me?"))
    question = Question(
        "merge", text, "problem",
        clarifying_topics=(ClarifyingTopic("input size", ("how many", "size", "large"),
                                           "Up to a million sessions a user."),),
        follow_ups=(FollowUp("merge-complexity", "What is the time complexity?", at_phase="wrap"),),
        expected_points=(ExpectedPoint("Sort by start time first.", ("sort",), area="algorithms"),),
        outline=("sort", "sweep"))
    return RoundScript(sid, f"Round {sid}", kind, 45, phases, (question,))


def _started(script, others=(), recent=()):
    clock = FakeClock()
    engine = RoundEngine(script, clock, phase_warning_minutes=None, round_warning_minutes=None,
                         extra_scripts=others, recent_scripts=recent)
    engine.start()
    clock.advance(60)
    events = engine.answer_finished("Hi, I am an engineer.")  # intro done: the story question
    return engine, clock, events


def _answer_story(engine, clock):
    clock.advance(40)
    return engine.answer_finished(THIN)


def _offer(events):
    return next((e for e in events if isinstance(e, AskQuestion) and e.follow_up_id == EXTRA_OFFER_ID), None)


def test_offer_made_when_the_script_runs_out_with_time_left():
    engine, clock, events = _started(story_round(), [other_round()])
    assert any(isinstance(e, AskQuestion) and e.question_id == "story" for e in events)
    events = _answer_story(engine, clock)
    offer = _offer(events)
    assert offer is not None, events
    # 45 min - 1:40 gone - 5 min wrap-up: about 38 min -> "over half an hour"
    assert "left" in offer.text and "one more question" in offer.text and "wrap up" in offer.text
    assert engine.current_phase.id == "story"  # not the wrap-up yet
    assert not any(isinstance(e, PhaseStarted) for e in events)


def test_offer_says_the_time_left_beyond_the_wrap_up():
    engine, clock, _ = _started(story_round(minutes=40, story_minutes=32), [other_round()])
    clock.advance(12 * 60)
    offer = _offer(engine.answer_finished(THIN))
    # 40 - 13 - 5 = 22 min beyond the wrap-up
    assert offer is not None and offer.text.startswith("We have about twenty minutes left,")


def test_no_offer_when_little_time_is_left():
    # 45 min round; the story answered at 31 min: 45 - 31 - 5 = 9 min < 10 min
    engine, clock, _ = _started(story_round(story_minutes=37), [other_round()])
    clock.advance(30 * 60)
    events = engine.answer_finished(THIN)
    assert _offer(events) is None
    assert engine.current_phase.id == "wrap"


def test_no_offer_without_another_script_of_the_kind():
    engine, clock, _ = _started(story_round(), [other_round(kind="coding"), story_round()])
    events = _answer_story(engine, clock)
    assert _offer(events) is None
    assert engine.current_phase.id == "wrap"


def test_yes_asks_another_scripts_question_whose_facts_answer_clarifying_questions():
    engine, clock, _ = _started(story_round(), [other_round()])
    _answer_story(engine, clock)
    clock.advance(10)
    events = engine.answer_finished("Sure, let's do one more.")
    started = next(e for e in events if isinstance(e, PhaseStarted))
    asked = next(e for e in events if isinstance(e, AskQuestion))
    assert started.phase == "extra1-problem"
    assert engine.current_phase.name == "Extra question: Sessions problem"
    assert asked.text == "Merge the overlapping sessions of a user."
    question = engine.script.question(asked.question_id)
    # every field of the other script's question came with it
    assert question.expected_points[0].area == "algorithms" and question.outline == ("sort", "sweep")
    reply = ClarifyingResponder(question, None, engine.script).reply("How large can the input get?")
    assert "million" in reply.text
    # its follow-up (a changed constraint of a part this round has not) is asked after the answer
    clock.advance(40)
    follow = engine.answer_finished("I would sort them and sweep.")
    assert any(isinstance(e, AskQuestion) and e.follow_up_id == "merge-complexity" for e in follow)
    # deadlines from the round start: the wrap-up keeps its 5 minutes at the round's end
    assert engine.planned_phases()[-1][1:] == (40 * 60, 45 * 60)


def test_silence_or_next_take_the_extra_question():
    for answer in ("silence", "next"):
        engine, clock, _ = _started(story_round(), [other_round()])
        _answer_story(engine, clock)
        clock.advance(8)
        events = engine.answer_finished(None, unanswered=True) if answer == "silence" else engine.next_phase()
        assert engine.current_phase.id == "extra1-problem", answer
        assert any(isinstance(e, AskQuestion) and e.question_id.startswith("extra1-") for e in events)


def test_no_wraps_up():
    engine, clock, _ = _started(story_round(), [other_round()])
    _answer_story(engine, clock)
    clock.advance(5)
    engine.answer_finished("No, let's wrap up.")
    assert engine.current_phase.id == "wrap"
    assert engine.extras_from == []
    assert wants_wrap_up("I'm good, thanks.") and not wants_wrap_up("Yes, sure.") and not wants_wrap_up(None)


def test_extras_repeat_while_time_allows_at_most_three_from_unasked_scripts_recent_last():
    # Five different questions: one asked already in the round is passed over (trial 41).
    texts = ["Merge the overlapping sessions of a user.", "Describe a conflict with a colleague.",
             "Explain how you would rank search results.", "Tell me about a deadline you missed.",
             "Which metric would you pick for fraud detection?"]
    others = [other_round(f"o{i}", text=t) for i, t in enumerate(texts)]
    engine, clock, _ = _started(story_round(minutes=90, story_minutes=80), others, recent=("o0",))
    events = _answer_story(engine, clock)
    for _ in range(60):  # thin answers; every offer taken
        if engine.current_phase.id == "wrap":
            break
        clock.advance(30)
        events = engine.answer_finished("Yes." if _offer(events) is not None else THIN)
    assert engine.extras_from == ["o1", "o2", "o3"]  # o0 was asked in a recent round
    assert pick_extra(story_round(), others, [], recent=("o1", "o4", "o2", "o0", "o3")).id == "o3"  # longest ago


def test_review_and_summary_show_the_extra_part():
    engine, clock, _ = _started(story_round(), [other_round()])
    _answer_story(engine, clock)
    engine.answer_finished("Yes.")
    clock.advance(60)
    engine.answer_finished("I would sort them.")
    clock.advance(30)
    engine.answer_finished("Linear after sorting.")  # the follow-up: the extra part is done
    assert engine.current_phase.id == "wrap"
    clock.advance(60)
    engine.stop(PhaseEnd.AGENDA)
    script = engine.script
    # kept with the round and made again for the review/exports from the stored scripts
    stored = Finding(1, None, EXTRAS_KIND, None, None, "", {"extras": extras_details(script, engine.extras_from)})
    again = round_script(story_round(), [stored], [other_round(), story_round()])
    assert again == script
    assert again.phase("extra1-problem").name == "Extra question: Sessions problem"
    timeline = [(p.phase, script.phase(p.phase).minutes, p.ended_at - p.started_at) for p in engine.timeline.phases]
    result = analyze_round([], timeline, {}, {p.id: p.name for p in script.phases},
                           plan=[(p.id, p.minutes) for p in story_round().phases],
                           allotted={p.phase: p.allotted for p in engine.timeline.phases},
                           ended_by={p.phase: str(p.ended_by) for p in engine.timeline.phases})
    done = next(f for f in result.findings if f.kind == "round_questions_done")
    assert "one extra question" in done.message
    assert "and one extra question are done" in early_end_note(600, 2700, True, extras=1)

"""Trial 43 defect 7: the extra-question offer said "Another one of about ten minutes" while Time
per part planned the extras at 13, 12 and 13 minutes (the offer said the part's minutes with the
time-left wording, which rounds past ten to fives); the spoken length is now the minutes the plan
gives the part (extra_questions.extra_minutes), in whole minutes. And a change of the problem
from a part named with its own article read "a follow-on to your answer in the “The fix” part"."""
from __future__ import annotations

from dataclasses import replace

from interviewer.core.ask_labels import from_earlier_part
from interviewer.core.engine import PhaseStarted
from interviewer.core.extra_questions import is_extra_part, offer_text

from test_extra_questions import other_round, story_round
from test_trial37_extra_offer import _engine, _offer


def _other(minutes: float):
    other = other_round()
    return replace(other, phases=tuple(replace(p, minutes=minutes) if p.id == "problem" else p for p in other.phases))


def test_the_offer_says_the_minutes_the_plan_gives_the_extra_part():
    engine, clock = _engine(story_round(), [_other(13)])
    offer = _offer(engine.answer_finished("I would keep it simple. That's it."))
    assert offer is not None
    assert "of about thirteen minutes" in offer.text, offer.text
    clock.advance(5)
    events = engine.answer_finished("Yes, let's do it.")
    assert any(isinstance(e, PhaseStarted) for e in events)
    extra = next(p for p in engine.script.phases if is_extra_part(p.id))
    assert extra.minutes == 13


def test_the_offer_words_whole_minutes_past_ten():
    assert "of about twelve minutes" in offer_text(38 * 60, 12)
    assert "of about a minute" in offer_text(5 * 60, 1)


def test_a_part_named_with_its_own_article_gets_no_second_one():
    assert from_earlier_part("The fix", change=True, one_problem=False, kind="ml_depth") == (
        "a follow-on to your answer in \u201cThe fix\u201d")
    assert from_earlier_part("Approach", change=True, one_problem=False, kind="ml_depth") == (
        "a follow-on to your answer in the \u201cApproach\u201d part")
    assert from_earlier_part("A story", change=False, one_problem=False) == "a follow-up from \u201cA story\u201d"

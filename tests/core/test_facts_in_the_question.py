"""A clarifying topic whose fact the problem statement already gives is not "not asked" (trial17:
"Did not ask about: ..., sorted input" for "the list is in no particular order")."""
from pathlib import Path

from interviewer.core.matching import fact_stated_in, topics_to_ask
from interviewer.core.scripts.loader import load_script

SCRIPTS = Path(__file__).resolve().parents[2] / "question_scripts"


def _question(script: str, question_id: str):
    return next(q for q in load_script(SCRIPTS / f"{script}.toml").questions if q.id == question_id)


def test_sorted_input_is_given_by_the_merge_sessions_question():
    question = _question("coding_intervals", "merge_sessions")
    names = [t.name for t in topics_to_ask(question)]
    assert "sorted input" not in names
    # The rest still has to be asked: the statement does not give them.
    assert names == ["input size", "edge cases", "output format", "touching sessions", "in place"]


def test_fact_said_in_one_clause_of_the_question():
    assert fact_stated_in("No, the input is in no particular order; you can't assume it's sorted.",
                          "Each session has a start and an end, and the list is in no particular order.")


def test_near_misses_are_not_taken_as_given():
    merge = "Merge all sessions that overlap and return the merged list sorted by start time."
    # A later clause given ("sorted by start time"), not the main one ("a new list of pairs").
    assert not fact_stated_in("Return a new list of start and end pairs, sorted by start time.", merge)
    # The opposite said: negation must agree.
    assert not fact_stated_in("No, the input is in no particular order.", "The list is in a particular order.")
    # Words in common, scattered: not the same statement.
    assert not fact_stated_in("Return a list of up to k hashtags, most frequent first.",
                              "Another method returns the k hashtags used most often.")
    assert not fact_stated_in("At least one version is broken; version one could be the broken one.",
                              "You have a function that says whether a version is broken.")
    assert not fact_stated_in("If a user has only one session, there's no gap.",
                              "Return the longest idle gap between two sessions of the same user.")
    assert not fact_stated_in(None, merge)
    assert not fact_stated_in("Yes.", merge)


def test_bundled_scripts_give_only_facts_their_questions_say():
    given = {(q.id, t.name) for path in sorted(SCRIPTS.glob("*.toml")) for q in load_script(path).questions
             for t in q.clarifying_topics if t not in topics_to_ask(q)}
    assert given == {("merge_sessions", "sorted input"), ("context", "which model"), ("design_feed", "scale"),
                     ("design_fraud", "scale"), ("first_bad_version", "monotonic")}

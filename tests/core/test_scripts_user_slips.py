"""Slips a user writing their first script makes, and what validation tells them: an id with
an accent or a space gets the plain id to use instead, and a fact is not called topic-less when
the question's clarifying_topics were written wrong (that line is reported instead)."""
from interviewer.core.scripts.loader import parse_script, ScriptError

HEAD = '''id = "{id}"
title = "Slips"
kind = "coding"
minutes = 45

[[phases]]
id = "{phase}"
name = "Main"
minutes = 45
prompt = "Let's start."

[[questions]]
id = "q1"
text = "Reverse a linked list."
clarifying_topics = {topics}

[questions.facts]
"input size" = "Up to a million nodes."
'''


def problems(text: str) -> list[str]:
    try:
        parse_script(text, "mine.toml")
    except ScriptError as error:
        return error.problems
    return []


def test_an_id_with_accents_or_spaces_gets_the_plain_id_to_write():
    found = problems(HEAD.format(id="entretien café", phase="début", topics='["input size"]'))
    assert len(found) == 2, found
    assert found[0].startswith("mine.toml:1: id: ") and "did you mean 'entretien_cafe'?" in found[0]
    assert found[1].startswith("mine.toml:7: phases[1].id: ") and "did you mean 'debut'?" in found[1]
    assert all("no accents" in line for line in found)


def test_an_id_with_nothing_plain_in_it_gets_no_suggestion():
    found = problems(HEAD.format(id="编程", phase="main", topics='["input size"]'))
    assert len(found) == 1 and "did you mean" not in found[0] and "no accents" in found[0]


def test_a_fact_is_not_blamed_when_the_topics_themselves_are_written_wrong():
    for topics in ('"input size"', '[{ topic = "input size" }]', '[5]'):
        found = problems(HEAD.format(id="slips", phase="main", topics=topics))
        assert len(found) >= 1, topics
        assert all("clarifying_topics" in line and "facts" not in line for line in found), found


def test_a_quote_left_open_is_told_in_words_not_as_an_illegal_newline_character(tmp_path):
    from interviewer.core.scripts.loader import validate_file

    path = tmp_path / "round.toml"
    path.write_bytes(b'\xef\xbb\xbfid = "broken_quote"\r\ntitle = "Broken quote\r\nkind = "coding"\r\n')
    [problem] = validate_file(path)
    assert problem.startswith(f"{path}:2: TOML syntax: a text string is not closed on this line (column ")
    assert "Illegal" not in problem and "\\n" not in problem and "closing quote" in problem


PHASES = '''id = "slips"
title = "Slips"
kind = "coding"
minutes = 45

[[phases]]
id = "clarify"
name = "Clarify the problem"
minutes = 10
prompt = "Ask."

[[phases]]
id = "code"
name = "Approach and code"
minutes = 35
prompt = "Code."
replies = "Good question, really"

[[questions]]
id = "q1"
phase = "Approach and code"
text = "Reverse a linked list."
clarifying_topics = "scale, latency"
hints = "Use three pointers, then recurse"
expected_points = []

[[questions.follow_ups]]
id = "f1"
text = "Recursion?"
if_missing = "recursion, recursive"
'''


def test_a_phase_named_by_its_name_and_text_where_a_list_belongs_get_what_to_write():
    found = "\n".join(problems(PHASES))
    assert ("questions[1].phase: unknown phase 'Approach and code' (that is the name of phase 'code': "
            'write phase = "code", its id)') in found
    assert 'write clarifying_topics = ["scale", "latency"]' in found
    assert 'write if_missing = ["recursion", "recursive"]' in found
    assert 'write hints = ["Use three pointers, then recurse"]' in found  # a sentence is one hint
    assert 'write replies = ["Good question, really"]' in found

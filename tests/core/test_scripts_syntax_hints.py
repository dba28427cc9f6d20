"""TOML syntax errors a script author plausibly makes get a hint saying what to change, not only
tomllib's message ('Cannot overwrite a value' said nothing about a follow-up written before its
question). Each hinted message reads FILE:LINE: FIELD: hint (TOML syntax: parser's message, column
N): the helpful sentence first (trial 23's curly quote led with "Invalid value (column 8)")."""
import pytest

from interviewer.core.scripts.loader import validate_file

VALID = """\
id = "demo"
title = "Demo round"
kind = "coding"
minutes = 45

[[phases]]
id = "solve"
name = "Solve"
minutes = 45
prompt = "Let's start."

[[questions]]
id = "two_sum"
text = "Find two numbers that add up to a target."
clarifying_topics = ["input size"]
expected_points = []

[questions.facts]
"input size" = "About a million numbers."

[[questions.follow_ups]]
id = "complexity"
text = "What is the complexity?"
"""


def _only_problem(tmp_path, text):
    path = tmp_path / "round.toml"
    path.write_text(text, encoding="utf-8")
    found = validate_file(path)
    assert len(found) == 1, found
    return found[0].removeprefix(f"{path}:")


def _line(text, needle):
    return text[:text.index(needle)].count("\n") + 1


CASES = {
    "string not closed on its line": (
        VALID.replace('title = "Demo round"', 'title = "Demo round'), 'title =',
        "a text string is not closed on this line"),
    "curly quotes from a word processor": (
        VALID.replace('title = "Demo round"', 'title = \u201cDemo round\u201d'), 'title =',
        "curly quote \u201c: text must be in straight quotes"),
    "a key given twice": (
        VALID.replace('kind = "coding"', 'kind = "coding"\ntitle = "Again"'), 'title = "Again"',
        "'title' is already set in this table"),
    "a follow-up before any question": (
        VALID.replace("[[questions]]", '[[questions.follow_ups]]\nid = "x"\ntext = "y"\n\n[[questions]]', 1),
        "[[questions]]", "line {line_of_follow_up} opens [[questions.follow_ups]] before any [[questions]]"),
    "[phases] with single brackets": (
        VALID.replace("[[questions]]", '[[phases]]\nid = "more"\n\n[[questions]]', 1).replace("[[phases]]", "[phases]", 1),
        '[[phases]]\nid = "more"', "line 6 writes [phases] with single brackets"),
    "facts written twice for a question": (
        VALID.replace("[questions.facts]", "[questions.facts]\n\n[questions.facts]", 1),
        "[questions.facts]\n\n[questions.facts]", "[questions.facts] is written twice"),
    "yaml style key: value": (
        VALID.replace("minutes = 45", "minutes: 45", 1), "minutes: 45", "TOML writes key = value, not key: value"),
    "unit after a number": (
        VALID.replace("minutes = 45", "minutes = 45 min", 1), "minutes = 45 min", "text after a number must be in quotes"),
    "text without quotes": (
        VALID.replace('kind = "coding"', 'kind = coding'), 'kind = coding', 'text must be in quotes: "coding", not coding'),
    "a list item without quotes": (
        VALID.replace('["input size"]', '[latency, "input size"]'), 'clarifying_topics',
        'text must be in quotes: "latency", not latency'),
    "a comma after a value, as in JSON": (
        VALID.replace('title = "Demo round"', 'title = "Demo round",'), 'title =',
        "a comma after a value: remove it"),
    "a comma after a list": (
        VALID.replace('expected_points = []', 'expected_points = [],'), 'expected_points =',
        "a comma after a value: remove it"),
    "a comma after a number": (
        VALID.replace("minutes = 45", "minutes = 45,", 1), "minutes = 45,", "a comma after a value: remove it"),
    "a double quote inside text": (
        VALID.replace('title = "Demo round"', 'title = "Demo "round""'), 'title =', 'a " inside text ends the string'),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_syntax_error_says_what_to_change(tmp_path, case):
    text, at, hint = CASES[case]
    line = _line(text, at) + (2 if at.startswith("[questions.facts]\n\n") else 0)
    if "{line_of_follow_up}" in hint:
        hint = hint.format(line_of_follow_up=_line(text, "[[questions.follow_ups]]"))
        line = _line(text, "[[questions]]")
    found = _only_problem(tmp_path, text)
    assert found.startswith(f"{line}: "), found
    assert "column " in found and hint in found, found
    # The hint leads, the parser's words follow (an unclosed string has only the hint's words).
    assert found.index(hint) < found.index("TOML syntax") or found.startswith(f"{line}: TOML syntax: {hint}"), found


SECOND_QUESTION = """
[[questions]]
id = "tests"
text = "Which tests would you write?"
clarifying_topics = ["edge cases"]
expected_points = []

[questions.facts]
"edge cases" = "Name them yourself."
"""


@pytest.mark.parametrize("written", ["question", "Questions", "questons"])
def test_a_misspelt_questions_header_is_named_when_its_facts_clash(tmp_path, written):
    """A second question headed [[question]] (a new user's trial): TOML reads its
    [questions.facts] as a second one for the first question. The hint said the facts were
    written twice and to put them in one table, which is not what to change."""
    text = VALID + SECOND_QUESTION.replace("[[questions]]", f"[[{written}]]")
    found = _only_problem(tmp_path, text)
    typo_line = _line(text, f"[[{written}]]")
    facts_line = text[:text.rindex("[questions.facts]")].count("\n") + 1
    assert found.startswith(f"{facts_line}: line {typo_line} writes"), found
    assert (f"line {typo_line} writes [[{written}]], not [[questions]], so this [questions.facts] is read "
            f"as a second one for the questions table of line {_line(text, '[[questions]]')}: write "
            f"[[questions]] on line {typo_line}") in found, found


@pytest.mark.parametrize("written, number", [('"10 min"', "10"), ('"45"', "45"), ('"7.5 minutes"', "7.5")])
def test_minutes_written_as_text_say_what_to_write(tmp_path, written, number):
    """'minutes = "10 min"' (a new user's trial) said only 'must be a number of minutes, not a
    string'."""
    text = VALID.replace("minutes = 45\n\n[[phases]]", f"minutes = {written}\n\n[[phases]]")
    found = _only_problem(tmp_path, text)
    assert found == f"4: minutes: must be a number of minutes, not a string: write minutes = {number}, without quotes or unit", found


@pytest.mark.parametrize("written, meant", [
    ("expects_clarifying = True", "true"),      # as in Python
    ("expects_clarifying = yes", "true"),       # as in YAML
    ("expects_clarifying=False  # not here", "false"),
])
def test_true_or_false_in_another_spelling_is_told_to_be_written_lowercase_not_quoted(tmp_path, written, meant):
    """Before: 'text must be in quotes: "True"', and quoted it was 'must be true or false, not a string'."""
    text = VALID.replace('prompt = "Let\'s start."', f'prompt = "Let\'s start."\n{written}')
    problem = _only_problem(tmp_path, text)
    assert problem.startswith("11: phases[1].expects_clarifying: true and false"), problem
    assert "(TOML syntax: Invalid value, column " in problem, problem
    assert f"lowercase without quotes: {meant}" in problem and "must be in quotes" not in problem, problem


def test_true_or_false_in_quotes_is_told_to_lose_them(tmp_path):
    text = VALID.replace('prompt = "Let\'s start."', 'prompt = "Let\'s start."\nexpects_clarifying = "Yes"')
    assert _only_problem(tmp_path, text) == ("11: phases[1].expects_clarifying: must be true or false, not a "
                                             "string: write expects_clarifying = true, without quotes")


def test_a_bare_word_for_a_text_key_is_still_told_to_be_quoted(tmp_path):
    text = VALID.replace('name = "Solve"', "name = No")
    assert 'text must be in quotes: "No", not No' in _only_problem(tmp_path, text)


@pytest.mark.parametrize("written, fix", [('id = 2', 'write id = "2", in quotes'),
                                          ('id = 2.5', 'write id = "2.5", in quotes')])
def test_a_number_where_text_belongs_is_told_to_be_quoted(tmp_path, written, fix):
    """Before: 'must be a text string, not a number', without what to write."""
    problem = _only_problem(tmp_path, VALID.replace('id = "complexity"', written))
    assert problem == f"22: questions[1].follow_ups[1].id: must be a text string, not a number: {fix}", problem


def test_a_curly_quote_leads_with_what_and_where_then_the_parsers_words(tmp_path):
    """Trial 23: 'bad.toml:63: TOML syntax: Invalid value (column 8); curly quote ...': the
    parser's words first, and no field named."""
    text = VALID.replace('"input size" = "About a million numbers."', '"input size" = \u201cAbout a million.\u201d')
    found = _only_problem(tmp_path, text)
    line = _line(text, '"input size" = \u201c')
    assert found == (f'{line}: questions[1].facts."input size": curly quote \u201c: text must be in straight quotes '
                     '"..." (an editor may have replaced them) (TOML syntax: Invalid value, column 16)'), found

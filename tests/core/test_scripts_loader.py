"""Loading and validating question scripts: one test per kind of problem a user can make."""
from pathlib import Path

import pytest

from interviewer.core.scripts.loader import (
    ScriptError,
    discover_scripts,
    load_script,
    parse_script,
    validate_file,
)
from interviewer.errors import UserError

VALID = '''\
id = "demo"
title = "Demo round"
kind = "coding"
minutes = 45
description = "A small round for tests."

[[phases]]
id = "clarify"
name = "Clarify"
minutes = 10
prompt = "Ask me anything before you start."
expects_clarifying = true

[[phases]]
id = "solve"
name = "Solve"
minutes = 30
prompt = "Let's move from clarifying to your approach."

[[phases]]
id = "wrap_up"
name = "Wrap up"
minutes = 5
prompt = "One last change, then your questions."

[[questions]]
id = "two_sum"
text = "Find two numbers that add up to a target."
clarifying_topics = ["latency", "Input_Size", {name = "duplicates", keywords = ["Repeated", "same number"]}]
expected_points = ["hash map, one pass"]

[[questions.follow_ups]]
id = "complexity"
text = "What is the complexity?"
if_missing = ["complexity", "big o"]

[[questions.follow_ups]]
id = "sorted"
text = "Now the input is sorted and memory is tight. What changes?"
at_phase = "wrap_up"

[[questions]]
id = "tests"
phase = "solve"
text = "Which tests would you write?"
'''


def write(tmp_path: Path, text: str, name: str = "round.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problems(tmp_path: Path, text: str, name: str = "round.toml") -> list[str]:
    return validate_file(write(tmp_path, text, name))


def line_of(text: str, fragment: str, occurrence: int = 1) -> int:
    lines = [i for i, line in enumerate(text.splitlines(), start=1) if fragment in line]
    return lines[occurrence - 1]


def only(found: list[str]) -> str:
    assert len(found) == 1, found
    return found[0]


# ---------------------------------------------------------------- a valid script

def test_valid_script_loads_into_the_model(tmp_path):
    script = load_script(write(tmp_path, VALID))
    assert (script.id, script.kind, script.minutes, script.title) == ("demo", "coding", 45, "Demo round")
    assert [p.id for p in script.phases] == ["clarify", "solve", "wrap_up"]
    assert script.phase("clarify").expects_clarifying and not script.phase("solve").expects_clarifying
    first, second = script.questions
    assert first.phase == "clarify"  # default: the first phase
    assert second.phase == "solve"
    assert [p.text for p in first.expected_points] == ["hash map, one pass"]
    complexity, sorted_input = first.follow_ups
    assert complexity.if_missing == ("complexity", "big o") and complexity.at_phase is None
    assert sorted_input.at_phase == "wrap_up" and sorted_input.if_missing == ()
    assert script.source == str(tmp_path / "round.toml") and not script.bundled


def test_plain_topic_names_get_builtin_keywords_and_tables_keep_their_own():
    topics = {t.name: t for t in parse_script(VALID).questions[0].clarifying_topics}
    assert {"latency", "milliseconds", "p99"} <= set(topics["latency"].keywords)
    assert {"input_size", "how large", "up to"} <= set(topics["Input_Size"].keywords)
    assert topics["duplicates"].keywords == ("duplicates", "repeated", "same number")


def test_unknown_plain_topic_counts_its_own_name():
    text = VALID.replace('"latency", ', '"tokenizer choice", ')
    topic = parse_script(text).questions[0].clarifying_topics[0]
    assert topic.keywords == ("tokenizer choice",)


def test_text_is_reflowed_into_paragraphs():
    text = VALID.replace('description = "A small round for tests."',
                         'description = """\nFirst line\n  wraps here.\n\nSecond   paragraph.\n"""')
    assert parse_script(text).description == "First line wraps here.\n\nSecond paragraph."


def test_fractional_minutes_add_up(tmp_path):
    text = VALID.replace("minutes = 10\n", "minutes = 9.5\n").replace("minutes = 5\n", "minutes = 5.5\n")
    assert problems(tmp_path, text) == []


# ---------------------------------------------------------------- one test per error kind

def test_toml_syntax_error_names_file_line_and_column(tmp_path):
    text = VALID.replace('title = "Demo round"', 'title = "Demo round')
    found = only(problems(tmp_path, text, "broken.toml"))
    assert found.startswith(f"{tmp_path / 'broken.toml'}:2: TOML syntax: ")
    assert "column" in found


def test_a_string_left_open_to_the_end_names_the_line_it_opens_on(tmp_path):
    """tomllib gives no position when the file ends inside a string: the message had no line."""
    text = VALID + 'description = """A round that\nnever closes its text\n'
    found = only(problems(tmp_path, text, "open.toml"))
    line = VALID.count("\n") + 1
    assert found.startswith(f"{tmp_path / 'open.toml'}:{line}: TOML syntax: Unterminated string"), found


def test_unknown_key_suggests_the_right_one(tmp_path):
    text = VALID.replace('expected_points = ["hash map', 'expected_point = ["hash map')
    found = only(problems(tmp_path, text))
    assert found == (f"{tmp_path / 'round.toml'}:{line_of(text, 'expected_point =')}: "
                     "questions[1].expected_point: unknown key 'expected_point' "
                     "(did you mean 'expected_points'?)")


def test_unknown_keys_are_found_at_every_level(tmp_path):
    text = (VALID.replace('kind = "coding"', 'kind = "coding"\nauthor = "me"')
            .replace('prompt = "One last change', 'promt = "One last change')
            .replace('if_missing = ["complexity"', 'if_mising = ["complexity"')
            .replace('{name = "duplicates",', '{name = "duplicates", weight = 2,'))
    found = problems(tmp_path, text)
    assert [p.split(": ")[1] for p in found] == [
        "author", "phases[3].prompt", "phases[3].promt", "questions[1].clarifying_topics[3].weight",
        "questions[1].follow_ups[1].if_mising"]
    assert "missing required field" in found[1] and "did you mean 'prompt'" in found[2]


def test_missing_required_field_at_top_level_names_the_field(tmp_path):
    text = VALID.replace('title = "Demo round"\n', "")
    assert only(problems(tmp_path, text)) == f"{tmp_path / 'round.toml'}: title: missing required field"


def test_missing_field_in_a_table_points_at_the_table(tmp_path):
    text = VALID.replace('text = "Which tests would you write?"\n', "")
    found = only(problems(tmp_path, text))
    assert found == (f"{tmp_path / 'round.toml'}:{line_of(text, '[[questions]]', 2)}: "
                     "questions[2].text: missing required field")


def test_wrong_types_are_reported(tmp_path):
    text = (VALID.replace("minutes = 45", 'minutes = "45"')
            .replace("expects_clarifying = true", 'expects_clarifying = "yes"')
            .replace('if_missing = ["complexity", "big o"]', 'if_missing = "complexity"'))
    found = problems(tmp_path, text)
    assert len(found) == 3, found
    assert "minutes: must be a number of minutes, not a string" in found[0]
    assert "phases[1].expects_clarifying: must be true or false, not a string" in found[1]
    assert "questions[1].follow_ups[1].if_missing: must be a list of strings, not a string" in found[2]


def test_minutes_cannot_be_nan_or_inf(tmp_path):
    text = VALID.replace("minutes = 30", "minutes = nan").replace("minutes = 5\n", "minutes = inf\n")
    found = problems(tmp_path, text)
    assert [p.split(": ", 1)[1] for p in found] == [
        "phases[2].minutes: must be a number of minutes, not nan or inf",
        "phases[3].minutes: must be a number of minutes, not nan or inf"]


def test_unknown_round_kind_lists_the_kinds(tmp_path):
    found = only(problems(tmp_path, VALID.replace('kind = "coding"', 'kind = "system_design"')))
    assert ":3: kind: unknown round kind 'system_design' (did you mean 'ml_system_design'?)" in found
    assert "phone_screen, coding, ml_breadth" in found


@pytest.mark.parametrize("minutes", ["44", "61", "120"])
def test_round_outside_45_to_60_minutes(tmp_path, minutes):
    found = problems(tmp_path, VALID.replace("minutes = 45", f"minutes = {minutes}"))
    assert only(found).endswith(f":4: minutes: a round lasts 45 to 60 minutes, not {minutes}")


def test_phases_that_do_not_add_up_say_the_sum(tmp_path):
    text = VALID.replace("minutes = 30", "minutes = 25")
    found = only(problems(tmp_path, text))
    assert found == (f"{tmp_path / 'round.toml'}:{line_of(text, '[[phases]]')}: phases: "
                     "phase minutes add up to 40, but the round is 45 minutes (10 + 25 + 5)")


def test_phase_minutes_must_be_positive(tmp_path):
    text = VALID.replace("minutes = 30", "minutes = 35").replace("minutes = 5\n", "minutes = 0\n")
    assert only(problems(tmp_path, text)).endswith("phases[3].minutes: must be more than 0, not 0")


def test_duplicate_phase_ids(tmp_path):
    text = VALID.replace('id = "wrap_up"', 'id = "solve"').replace('at_phase = "wrap_up"', 'at_phase = "solve"')
    line = line_of(text, 'id = "solve"', 2)
    assert f":{line}: phases[3].id: duplicate phase id 'solve'" in only(problems(tmp_path, text))


def test_duplicate_question_ids(tmp_path):
    text = VALID.replace('id = "tests"', 'id = "two_sum"')
    line = line_of(text, 'id = "two_sum"', 2)
    found = only(problems(tmp_path, text))
    assert found.endswith(f":{line}: questions[2].id: duplicate question id 'two_sum'")


def test_duplicate_follow_up_ids_within_a_question(tmp_path):
    text = VALID.replace('id = "sorted"', 'id = "complexity"')
    line = line_of(text, 'id = "complexity"', 2)
    found = only(problems(tmp_path, text))
    assert found.endswith(f":{line}: questions[1].follow_ups[2].id: duplicate follow-up id 'complexity'")


def test_same_follow_up_id_in_different_questions_is_fine(tmp_path):
    text = VALID + '\n[[questions.follow_ups]]\nid = "complexity"\ntext = "And the memory?"\n'
    assert problems(tmp_path, text) == []


@pytest.mark.parametrize("field, old, new", [
    ("title", 'title = "Demo round"', 'title = "   "'),
    ("phases[2].prompt", 'prompt = "Let\'s move from clarifying to your approach."', 'prompt = ""'),
    ("questions[2].text", 'text = "Which tests would you write?"', 'text = """\n  \n"""'),
    ("questions[1].follow_ups[1].text", 'text = "What is the complexity?"', 'text = " "'),
])
def test_empty_or_blank_text(tmp_path, field, old, new):
    assert old in VALID
    found = only(problems(tmp_path, VALID.replace(old, new)))
    assert found.endswith(f": {field}: is empty"), found


def test_question_in_an_unknown_phase(tmp_path):
    text = VALID.replace('phase = "solve"', 'phase = "solv"')
    line = line_of(text, 'phase = "solv"')
    found = only(problems(tmp_path, text))
    assert found.endswith(f":{line}: questions[2].phase: unknown phase 'solv' "
                          "(did you mean 'solve'?); phases: clarify, solve, wrap_up")


def test_follow_up_at_an_unknown_phase(tmp_path):
    found = only(problems(tmp_path, VALID.replace('at_phase = "wrap_up"', 'at_phase = "end"')))
    assert "questions[1].follow_ups[2].at_phase: unknown phase 'end'" in found


def test_follow_up_at_a_phase_before_its_question_is_asked(tmp_path):
    found = only(problems(tmp_path, VALID.replace('at_phase = "wrap_up"', 'at_phase = "clarify"')))
    assert "at_phase: phase 'clarify' starts before or when the question is asked" in found


def test_no_phases(tmp_path):
    head, _, rest = VALID.partition("[[phases]]")
    text = head + "[[questions]]" + rest.partition("[[questions]]")[2]
    found = problems(tmp_path, text)
    assert f"{tmp_path / 'round.toml'}: phases: no phases: add at least one [[phases]] table" in found


def test_no_questions(tmp_path):
    text = VALID.partition("[[questions]]")[0]
    found = only(problems(tmp_path, text))
    assert found == f"{tmp_path / 'round.toml'}: questions: no questions: add at least one [[questions]] table"


def test_phases_written_as_a_single_table(tmp_path):
    text = ('id = "x"\ntitle = "T"\nkind = "coding"\nminutes = 45\n'
            '[phases]\nid = "all"\nname = "All"\nminutes = 45\nprompt = "Go."\n'
            '[[questions]]\nid = "q"\ntext = "Hi?"\n')
    found = only(problems(tmp_path, text))
    assert found.endswith(":5: phases: must be a list of [[phases]] tables")


def test_invalid_id_characters(tmp_path):
    found = only(problems(tmp_path, VALID.replace('id = "tests"', 'id = "my tests"')))
    assert "questions[2].id: 'my tests' is not a valid id" in found


def test_bad_clarifying_topic_entries(tmp_path):
    text = VALID.replace('"latency", "Input_Size",', '"latency", 3, "", {keywords = ["x"]},')
    found = problems(tmp_path, text)
    assert [p.split(": ", 2)[1] for p in found] == [
        "questions[1].clarifying_topics[2]", "questions[1].clarifying_topics[3]",
        "questions[1].clarifying_topics[4].name"]


def test_every_problem_is_reported_in_file_order(tmp_path):
    text = (VALID.replace('kind = "coding"', 'kind = "cooking"')
            .replace("minutes = 30", "minutes = 31")
            .replace('id = "tests"', 'id = "two_sum"')
            .replace('text = "What is the complexity?"', 'text = ""'))
    found = problems(tmp_path, text)
    assert len(found) == 4, found
    lines = [int(p.split(":")[1]) for p in found]
    assert lines == sorted(lines)


# ---------------------------------------------------------------- files that are not scripts

def test_missing_file(tmp_path):
    assert validate_file(tmp_path / "nope.toml") == [f"{tmp_path / 'nope.toml'}: no such file"]


def test_folder_instead_of_file(tmp_path):
    assert validate_file(tmp_path) == [f"{tmp_path}: is a folder, not a script file"]


def test_binary_junk(tmp_path):
    path = tmp_path / "junk.toml"
    path.write_bytes(bytes(range(256)) * 4)
    assert validate_file(path) == [f"{path}: binary file, not a TOML question script"]


def test_not_utf8(tmp_path):
    path = tmp_path / "latin1.toml"
    path.write_bytes(VALID.replace("Demo round", "Démo round").encode("latin-1"))
    assert only(validate_file(path)).startswith(f"{path}:2: encoding: not UTF-8 text (byte 0xe9)")


def test_empty_file(tmp_path):
    path = write(tmp_path, "\n  \n")
    assert validate_file(path) == [f"{path}: empty file; see docs/question-scripts.md for the format"]


def test_utf8_with_bom_is_fine(tmp_path):
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + VALID.encode())
    assert validate_file(path) == []


def test_load_script_raises_a_user_error_with_all_problems(tmp_path):
    path = write(tmp_path, VALID.replace('kind = "coding"', 'kind = "x"').replace("minutes = 45", "minutes = 90"))
    with pytest.raises(ScriptError) as caught:
        load_script(path)
    assert isinstance(caught.value, UserError)
    assert len(caught.value.problems) == 2 and str(caught.value).count("\n") == 1


# ---------------------------------------------------------------- discovery

def test_discovers_bundled_and_user_scripts_and_reports_broken_ones(tmp_path):
    bundled, user = tmp_path / "bundled", tmp_path / "user"
    bundled.mkdir(), user.mkdir()
    write(bundled, VALID, "demo.toml")
    write(user, VALID.replace('id = "demo"', 'id = "mine"').replace('kind = "coding"', 'kind = "behavioral"'), "mine.toml")
    write(user, VALID, "clash.toml")  # same id as a bundled script
    write(user, "not = [valid", "broken.toml")
    write(user, "ignored", "notes.txt")
    catalog = discover_scripts(bundled, user)
    assert [(s.id, s.bundled) for s in catalog.scripts] == [("demo", True), ("mine", False)]
    assert len(catalog.problems) == 2
    assert catalog.problems[0].startswith(f"{user / 'broken.toml'}:1: ")
    assert "TOML syntax" in catalog.problems[0]
    assert catalog.problems[1].startswith(f"{user / 'clash.toml'}:1: id: script id 'demo' is already used by")
    assert catalog.by_id("mine").source == str(user / "mine.toml")


def test_discovery_uses_the_data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("INTERVIEWER_DATA_DIR", str(tmp_path))
    folder = tmp_path / "question_scripts"
    folder.mkdir()
    write(folder, VALID.replace('id = "demo"', 'id = "my_own_round"'), "own.toml")
    catalog = discover_scripts()
    own = catalog.by_id("my_own_round")
    assert not own.bundled and catalog.problems == []
    assert sum(s.bundled for s in catalog.scripts) >= 12


def test_missing_user_folder_is_not_a_problem(tmp_path, monkeypatch):
    monkeypatch.setenv("INTERVIEWER_DATA_DIR", str(tmp_path / "nothing-here"))
    catalog = discover_scripts()
    assert catalog.problems == [] and catalog.scripts


def test_find_script_by_id_or_path(tmp_path, monkeypatch):
    from interviewer.core.scripts.loader import find_script

    monkeypatch.setenv("INTERVIEWER_DATA_DIR", str(tmp_path / "data"))
    assert find_script("coding_intervals").bundled
    assert find_script(write(tmp_path, VALID)).id == "demo"
    with pytest.raises(UserError, match="no question script with id or path 'coding_interval' "
                                        r"\(did you mean 'coding_intervals'\?\)"):
        find_script("coding_interval")
    with pytest.raises(ScriptError, match="no such file"):
        find_script(tmp_path / "absent.toml")


# ---------------------------------------------------------------- talking points and outlines (issue 13)

POINTS = VALID.replace('expected_points = ["hash map, one pass"]\n', '''\
expected_points = [
    "Ask whether the same element may be used twice",
    { text = "One pass with a hash map", keywords = ["Hash Map", "dictionary"], area = "Algorithm  Design" },
    { text = "Linear time and space", keywords = ["o of n", "linear"], area = "complexity analysis" },
]
outline = [
    "Clarify duplicates",
    """Brute force first,
       then the hash map""",
    "State the cost",
]

[questions.facts]
latency = "No latency limit."
input_size = "Up to a million numbers."
duplicates = "Yes, numbers can repeat."
''').replace('text = "Which tests would you write?"\n', '''\
text = "Which tests would you write?"
expected_points = [{ text = "Empty input and a single element", keywords = ["empty"], area = "edge cases" }]
''')
assert POINTS != VALID


def warnings_of(text: str) -> list[str]:
    return list(parse_script(text, "round.toml").warnings)


def test_points_keywords_areas_and_outline_load():
    question = parse_script(POINTS).questions[0]
    plain, hash_map, cost = question.expected_points
    assert (plain.keywords, plain.area) == ((), None)
    assert hash_map.keywords == ("hash map", "dictionary") and hash_map.area == "algorithm design"
    assert cost.area == "complexity analysis"
    assert question.outline == ("Clarify duplicates", "Brute force first, then the hash map",
                                "State the cost")
    assert question.outline_steps() == question.outline
    assert parse_script(POINTS).warnings == ()


def test_without_an_outline_the_points_are_the_outline():
    text = POINTS.split("outline = [")[0] + "\n[[questions.follow_ups]]" + POINTS.split(
        "[[questions.follow_ups]]", 1)[1]
    question = parse_script(text).questions[0]
    assert question.outline == ()
    assert question.outline_steps()[1] == "One pass with a hash map"


@pytest.mark.parametrize("old, new, field, message", [
    ('area = "complexity analysis"', 'area = ""', "questions[1].expected_points[3].area", "is empty"),
    ('area = "complexity analysis"', "area = 3", "questions[1].expected_points[3].area",
     "must be a text string, not a number"),
    ('keywords = ["o of n", "linear"]', 'keywords = "linear"', "questions[1].expected_points[3].keywords",
     "must be a list of strings, not a string"),
    ('keywords = ["o of n", "linear"]', 'keywords = ["o of n", " "]',
     "questions[1].expected_points[3].keywords[2]", "is empty"),
    ('area = "complexity analysis"', 'area = "complexity analysis", level = 2',
     "questions[1].expected_points[3].level", "unknown key 'level'; allowed keys: text, keywords, area"),
    ('"Ask whether the same element may be used twice"', "42", "questions[1].expected_points[1]",
     "must be a string or a table"),
    ('"State the cost",', '"   ",', "questions[1].outline[3]", "is empty"),
    ('"State the cost",', "7,", "questions[1].outline[3]", "must be a string, not a number"),
])
def test_bad_point_and_outline_fields_are_problems_on_their_own_line(tmp_path, old, new, field, message):
    text = POINTS.replace(old, new)
    assert text != POINTS
    found = only(problems(tmp_path, text))
    line = line_of(text, new)
    assert found.startswith(f"{tmp_path / 'round.toml'}:{line}: {field}: {message}"), found


HINTS = POINTS.replace('    "State the cost",\n]\n', '''    "State the cost",
]
hints = [
    "What would you have to look up for each number?",
    """Which structure makes that look-up
       cheap?""",
]
''')


def test_hints_load_in_order_and_are_checked(tmp_path):
    assert HINTS != POINTS
    question = parse_script(HINTS).questions[0]
    assert question.hints == ("What would you have to look up for each number?",
                              "Which structure makes that look-up cheap?")
    assert parse_script(POINTS).questions[0].hints == ()
    text = HINTS.replace('"What would you have to look up for each number?",', "7,")
    found = only(problems(tmp_path, text))
    assert found.startswith(f"{tmp_path / 'round.toml'}:{line_of(text, '7,')}: questions[1].hints[1]: "
                            "must be a string, not a number"), found


FOLLOW_UP_HINTS = VALID.replace('if_missing = ["complexity", "big o"]\n', '''if_missing = ["complexity", "big o"]
hints = ["How many times does the loop run?", "And what does each pass cost?"]
''')


def test_a_follow_up_s_hints_load_in_order_and_are_checked(tmp_path):
    assert FOLLOW_UP_HINTS != VALID
    complexity, sorted_input = parse_script(FOLLOW_UP_HINTS).questions[0].follow_ups
    assert complexity.hints == ("How many times does the loop run?", "And what does each pass cost?")
    assert sorted_input.hints == ()
    assert problems(tmp_path, FOLLOW_UP_HINTS) == []
    text = FOLLOW_UP_HINTS.replace('"And what does each pass cost?"', '""')
    found = only(problems(tmp_path, text))
    assert found.startswith(f"{tmp_path / 'round.toml'}:{line_of(text, 'hints = ')}: "
                            "questions[1].follow_ups[1].hints[2]: is empty"), found


def test_outline_must_be_a_list(tmp_path):
    text = POINTS.replace("outline = [", 'outline = "Clarify, code, test"\nnot_outline = [')
    found = problems(tmp_path, text)
    assert any(f":{line_of(text, 'outline = ')}: questions[1].outline: must be a list of strings, "
               "not a string" in p for p in found), found


@pytest.mark.parametrize("old, new, field, message", [
    # a misspelled area: one of the shared vocabulary, or one the script uses more often
    ('area = "complexity analysis"', 'area = "complexity analisys"',
     "questions[1].expected_points[3].area", "area 'complexity analisys' looks like a typo of "
                                             "'complexity analysis'"),
    ('area = "edge cases"', 'area = "edge case"', "questions[2].expected_points[1].area",
     "area 'edge case' looks like a typo of 'edge cases'"),
    ('keywords = ["o of n", "linear"]', "keywords = []", "questions[1].expected_points[3].keywords",
     "empty list"),
    ('keywords = ["o of n", "linear"]', 'keywords = ["o of n", "dictionary"]',
     "questions[1].expected_points[3].keywords", "keyword 'dictionary' is also a keyword of "
                                                 "expected_points[2]: saying it would count for both"),
    ('keywords = ["o of n", "linear"]', 'keywords = ["o of n", "Data"]',
     "questions[1].expected_points[3].keywords[2]", "keyword 'Data' is said in almost any answer"),
    ('"State the cost",', '"clarify   Duplicates",', "questions[1].outline[3]", "same step as outline[1]"),
    ('{ text = "Linear time and space"', '{ text = "one pass with a  hash map"',
     "questions[1].expected_points[3]", "same point as expected_points[2]"),
    ('outline = [\n    "Clarify duplicates",\n    """Brute force first,\n       then the hash map""",\n'
     '    "State the cost",\n]', "outline = []", "questions[1].outline", "empty list"),
])
def test_suspicious_points_and_outlines_are_warnings_on_their_line(old, new, field, message):
    text = POINTS.replace(old, new)
    assert text != POINTS
    (warning,) = warnings_of(text)
    line = line_of(text, new.splitlines()[0])
    assert warning.startswith(f"round.toml:{line}: {field}: warning: {message}"), warning


def test_phrases_of_common_words_and_technical_terms_are_fine_as_keywords():
    text = POINTS.replace('keywords = ["o of n", "linear"]',
                          'keywords = ["more data", "on time", "sort", "mean", "O(n)"]')
    assert warnings_of(text) == []


def test_a_users_own_area_is_fine_unless_it_looks_like_a_typo():
    text = POINTS.replace('area = "complexity analysis"', 'area = "Tokenizer Design"')
    assert parse_script(text).questions[0].expected_points[2].area == "tokenizer design"
    assert warnings_of(text) == []
    # Used twice, it is the script's spelling; a near miss of it is the typo.
    text = text.replace('area = "edge cases"', 'area = "tokenizer design"')
    assert warnings_of(text) == []
    text = text.replace('area = "Algorithm  Design"', 'area = "tokeniser design"')
    (warning,) = warnings_of(text)
    assert "questions[1].expected_points[2].area: warning: area 'tokeniser design' looks like a typo " \
           "of 'tokenizer design'" in warning


def test_a_question_without_expected_points_is_a_warning():
    text = POINTS.replace('expected_points = [{ text = "Empty input and a single element", '
                          'keywords = ["empty"], area = "edge cases" }]\n', "")
    (warning,) = warnings_of(text)
    line = line_of(text, 'id = "tests"')
    assert warning == (f"round.toml:{line}: questions[2].id: warning: no "
                       "expected_points: the review cannot say which talking points the answer covered")
    # An explicit empty list is the author's choice (e.g. a warm-up question): no warning.
    assert warnings_of(text.replace('text = "Which tests would you write?"\n',
                                    'text = "Which tests would you write?"\nexpected_points = []\n')) == []


def test_all_problems_and_warnings_of_the_new_fields_come_at_once(tmp_path):
    text = (POINTS.replace('area = "complexity analysis"', 'area = ""')
            .replace('"State the cost",', "7,")
            .replace('keywords = ["Hash Map", "dictionary"]', "keywords = []"))
    found = problems(tmp_path, text)
    assert [p.split(": ")[1] for p in found] == ["questions[1].expected_points[3].area",
                                                  "questions[1].outline[3]"]


def test_a_clarifying_phase_whose_questions_have_no_topics_is_a_warning():
    text = POINTS.replace('clarifying_topics = ["latency", "Input_Size", {name = "duplicates", '
                          'keywords = ["Repeated", "same number"]}]\n', "")
    text = text[:text.index("[questions.facts]")] + text[text.index("[[questions.follow_ups]]"):]
    (warning,) = warnings_of(text)
    assert warning == (f"round.toml:{line_of(text, 'expects_clarifying = true')}: "
                       "phases[1].expects_clarifying: warning: phase 'clarify' expects clarifying "
                       "questions, but none of its questions has clarifying_topics: none can be "
                       "credited or answered")


@pytest.mark.parametrize("encoding,name", [("utf-16", "UTF-16"), ("utf-16-le", "UTF-16"), ("utf-16-be", "UTF-16"),
                                           ("utf-32", "UTF-32"), ("utf-32-le", "UTF-32")])
def test_a_script_saved_as_utf16_is_told_to_be_saved_as_utf8(tmp_path, encoding, name):
    """Notepad's 'Unicode' (UTF-16) was reported as 'binary file, not a TOML question script',
    which does not tell the author that re-saving the same text as UTF-8 fixes it."""
    path = tmp_path / "round.toml"
    path.write_bytes(VALID.encode(encoding))
    assert validate_file(path) == [f"{path}: encoding: saved as {name} text (Notepad's 'Unicode'); "
                                   "save the file as UTF-8"]


def test_binary_junk_with_zero_bytes_is_still_binary(tmp_path):
    path = tmp_path / "junk.toml"
    path.write_bytes(b"\x00\x01\x02abc\x00" * 50)
    assert validate_file(path) == [f"{path}: binary file, not a TOML question script"]


def test_a_huge_number_of_minutes_is_written_short(tmp_path):
    """minutes = 1e308 printed all 309 digits of the number in the problem line."""
    path = write(tmp_path, VALID.replace("minutes = 45", "minutes = 1e308", 1))
    assert validate_file(path) == [f"{path}:4: minutes: a round lasts 45 to 60 minutes, not 1e+308"]
    path = write(tmp_path, VALID.replace("minutes = 10", "minutes = -1e300", 1))
    found = validate_file(path)
    assert f"{path}:10: phases[1].minutes: must be more than 0, not -1e+300" in found, found
    assert f"{path}:7: phases: phase minutes add up to -1e+300, but the round is 45 minutes (-1e+300 + 30 + 5)" in found


def test_an_empty_if_missing_list_is_a_warning_on_its_line():
    """A script author's trial: `if_missing = []` passed silently and acted as if the key were
    left out (the follow-up always asked), while `keywords = []` is warned about."""
    text = VALID.replace('if_missing = ["complexity", "big o"]', "if_missing = []")
    assert text != VALID
    [warning] = [w for w in warnings_of(text) if w not in warnings_of(VALID)]
    assert warning.startswith(f"round.toml:{line_of(text, 'if_missing = []')}: ") and \
        "if_missing: warning: empty list: the follow-up is always asked" in warning


def test_a_prompt_asking_the_candidate_followed_by_the_phases_own_question_is_a_warning():
    """A new user's trial wrote a wrap-up 'We have a few minutes left. What would you like to ask
    me?' with a changed constraint and a question of its own: the interviewer invited their
    questions and asked its own at once. Validation now says so, on the prompt's line."""
    text = VALID.replace('prompt = "One last change, then your questions."', 'prompt = "Any questions for me?"')
    (warning,) = [w for w in warnings_of(text) if "phases[" in w]
    line = text[:text.index('prompt = "Any questions for me?"')].count("\n") + 1
    assert warning == (f"round.toml:{line}: phases[3].prompt: warning: the prompt ends with a question to the "
                       "candidate, but a changed constraint of this phase is said right after it, before they "
                       "can answer: end the prompt with a statement, or move the changed constraint to another phase")
    # A question to the candidate with nothing of the phase's own after it is fine (the usual wrap-up).
    assert not [w for w in warnings_of(text.replace('at_phase = "wrap_up"\n', "")) if "phases[" in w]


@pytest.mark.parametrize("prompt", ["Let's stop there. Walk me through your code with a small example.",
                                    "Now, tell me how you would test it.", "Please explain your approach."])
def test_a_prompt_asking_for_something_followed_by_the_phases_own_question_is_a_warning(prompt):
    """A request is asked as much as a question: the docs' own example said 'Let's stop coding
    there. Walk me through your code with a small example.' and then, at once, a changed constraint
    and the phase's question, before the candidate could walk through anything."""
    text = VALID.replace('prompt = "One last change, then your questions."', f'prompt = "{prompt}"')
    (warning,) = [w for w in warnings_of(text) if "phases[" in w]
    assert "phases[3].prompt: warning: the prompt ends with a request to the candidate" in warning, warning
    assert "before they can answer" in warning
    assert not [w for w in warnings_of(text.replace('at_phase = "wrap_up"\n', "")) if "phases[" in w]


def test_a_statement_prompt_before_the_phases_question_is_no_warning():
    text = VALID.replace('prompt = "One last change, then your questions."',
                         'prompt = "Let\'s stop coding there and test it, starting from a small example."')
    assert not [w for w in warnings_of(text) if "phases[" in w]


def test_a_question_or_phase_key_at_the_top_says_where_it_belongs(tmp_path):
    """'[[follow_ups]]' for '[[questions.follow_ups]]' (a user's slip) said only "unknown key
    'follow_ups'; allowed keys: id, title, ..." with no word of where it goes."""
    text = VALID + '\n[[follow_ups]]\nid = "more"\ntext = "Anything else?"\n\n[facts]\nscale = "Big."\n'
    found = problems(tmp_path, text)
    assert any("follow_ups: unknown key 'follow_ups': it belongs to one of the questions: write "
               "[[questions.follow_ups]] under its [[questions]] table" in p for p in found), found
    assert any("facts: unknown key 'facts': it belongs to one of the questions: write [questions.facts]"
               in p for p in found), found
    text = VALID.replace('minutes = 45\n', 'minutes = 45\nprompt = "Hi."\n', 1)
    assert any("prompt: unknown key 'prompt': it belongs to one of the phases: write it under its [[phases]] table"
               in p for p in problems(tmp_path, text)), problems(tmp_path, text)


def test_a_misspelt_clarifying_topics_is_one_problem_not_one_per_fact(tmp_path):
    """'clarifying_topic = [...]' (a user's typo) was reported, and then every fact of the question
    again as 'no clarifying topic ... its topics: none; add clarifying_topics first'."""
    text = VALID.replace("clarifying_topics = ", "clarifying_topic = ", 1).replace(
        'expected_points = ["hash map, one pass"]\n',
        'expected_points = ["hash map, one pass"]\n\n[questions.facts]\nlatency = "Fast."\ninput_size = "A million."\n', 1)
    assert text.count("[questions.facts]") == 1
    found = problems(tmp_path, text)
    assert len(found) == 1 and "unknown key 'clarifying_topic' (did you mean 'clarifying_topics'?)" in found[0], found


def test_a_misspelt_questions_header_is_one_problem_when_the_question_above_has_no_facts(tmp_path):
    """'[[question]]' for the second question: its [questions.facts] was read, by TOML, as the first
    question's, and reported as 'questions[1].facts...: no clarifying topic ... in this question',
    a question the user never wrote facts for."""
    second = ('\n[[question]]\nid = "scale"\ntext = "How would it scale?"\nclarifying_topics = ["traffic"]\n'
              'expected_points = []\n\n[questions.facts]\ntraffic = "A thousand requests a second."\n')
    found = problems(tmp_path, VALID.replace('clarifying_topics = ["latency", "Input_Size", {name = "duplicates", '
                                             'keywords = ["Repeated", "same number"]}]\n', "") + second)
    assert len(found) == 1 and "unknown key 'question' (did you mean 'questions'?)" in found[0], found

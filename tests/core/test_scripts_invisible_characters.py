"""Characters that do not show: a script pasted from a web page or a word processor carries
no-break spaces (U+00A0) and zero-width spaces (U+200B) that look like plain spaces or nothing.

Before: an indent of no-break spaces was "Invalid statement (column 1)" with no hint, and a kind
ending in a zero-width space was "unknown round kind 'phone_screen' (did you mean 'phone_screen'?)"."""
import pytest

from interviewer.core.scripts.loader import ScriptError, parse_script

SCRIPT = """\
id = "pasted"
title = "Pasted from a web page"
kind = "phone_screen"
minutes = 45

[[phases]]
id = "main"
name = "Main"
minutes = 45
prompt = "Let's start."

[[questions]]
id = "q1"
phase = "main"
text = "How does a hash map work?"
expected_points = ["Buckets and a hash function"]
"""


def _problems(text):
    with pytest.raises(ScriptError) as caught:
        parse_script(text, "pasted.toml")
    return caught.value.problems


@pytest.mark.parametrize("old, new, line, column", [
    ('expected_points = [', '\u00a0\u00a0expected_points = [', 16, 1),     # an indent of no-break spaces
    ('kind = "phone_screen"', 'kind\u00a0= "phone_screen"', 3, 5),        # between a key and its =
    ('minutes = 45\n\n[[phases]]', 'minutes = 45\u00a0\n\n[[phases]]', 4, 13),  # after a value
    ('name = "Main"', 'name =\u200b"Main"', 8, 7),                       # a zero-width space
])
def test_an_invisible_character_in_the_toml_is_named_with_its_line_and_column(old, new, line, column):
    assert old in SCRIPT
    [problem] = _problems(SCRIPT.replace(old, new, 1))
    assert problem.startswith(f"pasted.toml:{line}: "), problem
    assert "(TOML syntax: " in problem and f"at column {column}" in problem and "invisible character" in problem, problem
    assert ("U+00A0" if "\u00a0" in new else "U+200B") in problem, problem


def test_an_invisible_character_in_a_value_is_written_out_in_the_message():
    [problem] = _problems(SCRIPT.replace('"phone_screen"', '"phone_screen\u200b"'))
    assert problem.startswith("pasted.toml:3: kind: unknown round kind 'phone_screen<U+200B>'"), problem
    [problem] = _problems(SCRIPT.replace('phase = "main"', 'phase = "\u200bmain"'))
    assert "unknown phase '<U+200B>main'" in problem, problem


def test_a_no_break_space_inside_text_is_just_a_space():
    script = parse_script(SCRIPT.replace("How does", "How\u00a0does"), "pasted.toml")
    assert script.questions[0].text == "How does a hash map work?"


@pytest.mark.parametrize("kind, meant", [("PHONE_SCREEN", "phone_screen"), ("ML System Design", "ml_system_design"),
                                         ("ML-Depth", "ml_depth"), ("Behavioural", "behavioral")])
def test_a_round_kind_in_another_spelling_is_told_the_kind_to_write(kind, meant):
    [problem] = _problems(SCRIPT.replace('"phone_screen"', f'"{kind}"'))
    assert f"unknown round kind '{kind}' (did you mean '{meant}'?)" in problem, problem

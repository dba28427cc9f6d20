"""Clarifying topic names: a topic written twice, and case-insensitive fact keys beyond ASCII.

Before: ["role", "Role"] with a `role` fact gave the fact to the second entry and warned that
'role' had no fact; a fact keyed "GRÖSSE" for the topic "Größe" was rejected although the docs
say case does not matter."""
from interviewer.core.scripts.loader import check_file

SCRIPT = """\
id = "demo"
title = "Demo"
kind = "behavioral"
minutes = 45

[[phases]]
id = "stories"
name = "Stories"
minutes = 45
prompt = "Let's start."

[[questions]]
id = "conflict"
text = "Tell me about a disagreement."
clarifying_topics = {topics}
expected_points = []

[questions.facts]
{facts}
"""


def _check(tmp_path, topics, facts):
    path = tmp_path / "round.toml"
    path.write_text(SCRIPT.format(topics=topics, facts=facts), encoding="utf-8")
    return path, check_file(path)


def test_a_topic_written_twice_is_one_warning_and_the_fact_goes_to_the_first(tmp_path):
    path, (problems, warnings) = _check(tmp_path, '["role", "Role", "time frame"]',
                                        'role = "Any role."\n"time frame" = "Recent."')
    assert problems == []
    assert warnings == [f"{path}:15: questions[1].clarifying_topics[2]: warning: topic 'Role' is written "
                        "twice (also clarifying_topics[1]; case, spaces, '_' and '-' do not matter): "
                        "only the first counts"]


def test_fact_keys_ignore_case_beyond_ascii(tmp_path):
    path, (problems, warnings) = _check(tmp_path, '["Größe", "Édge cases"]',
                                        '"GRÖSSE" = "A million."\n"ÉDGE_CASES" = "Empty input."')
    assert (problems, warnings) == ([], [])


def test_a_fact_key_and_its_topic_are_one_name_however_the_editor_stored_the_accent(tmp_path):
    """Before: a topic "café" (é as one character) with a fact keyed "café" (e and a combining
    accent, as some editors save it) was "no clarifying topic 'café' (did you mean 'café'?)"."""
    import unicodedata
    composed, decomposed = unicodedata.normalize("NFC", "café"), unicodedata.normalize("NFD", "café")
    path, (problems, warnings) = _check(tmp_path, f'["{composed}"]', f'"{decomposed}" = "Open late."')
    assert problems == [] and warnings == []

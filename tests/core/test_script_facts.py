"""Facts the interviewer holds back until asked, and its reply when no fact fits (issue 12)."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

from interviewer.core.scripts.loader import ScriptError, check_file, discover_scripts, parse_script
from interviewer.core.scripts.model import DEFAULT_NO_FACT_REPLY
from interviewer.resources import bundled_scripts_dir

SCRIPT = '''\
id = "facts_demo"
title = "Facts demo"
kind = "ml_system_design"
minutes = 45
{round_extra}

[[phases]]
id = "requirements"
name = "Requirements"
minutes = 45
prompt = "Ask me anything."
expects_clarifying = true

[[questions]]
id = "feed"
text = "Design a feed."
clarifying_topics = ["scale", "Data_Size", {{ name = "cold start", keywords = ["new users"] }}]
expected_points = ["Retrieval, then ranking"]
{question_extra}

[questions.facts]
{facts}

[[questions.follow_ups]]
id = "metric"
text = "Which metric?"
'''

ALL_FACTS = '''\
scale = "About fifty million daily users."
"data size" = "A hundred million videos."
cold_start = """Two hundred thousand new users
a day."""'''


def script(facts: str = ALL_FACTS, round_extra: str = "", question_extra: str = "") -> str:
    return SCRIPT.format(facts=facts, round_extra=round_extra, question_extra=question_extra)


def test_facts_are_keyed_by_topic_whatever_the_case_spaces_or_underscores():
    parsed = parse_script(script(), "demo.toml")
    question = parsed.question("feed")
    assert question.facts() == {
        "scale": "About fifty million daily users.",
        "Data_Size": "A hundred million videos.",
        "cold start": "Two hundred thousand new users a day.",  # reflowed like other text
    }
    assert parsed.warnings == ()
    assert question.no_fact_reply == DEFAULT_NO_FACT_REPLY


def test_no_fact_reply_per_script_and_per_question():
    parsed = parse_script(script(round_extra='no_fact_reply = "Assume what you need."'), "demo.toml")
    assert parsed.question("feed").no_fact_reply == "Assume what you need."
    parsed = parse_script(script(round_extra='no_fact_reply = "Assume what you need."',
                                 question_extra='no_fact_reply = "Your call."'), "demo.toml")
    assert parsed.question("feed").no_fact_reply == "Your call."


def test_a_topic_without_a_fact_is_a_warning_naming_file_line_and_field():
    text = script(facts='scale = "About fifty million daily users."')
    parsed = parse_script(text, "demo.toml")  # still usable
    facts_line = text.splitlines().index("[questions.facts]") + 1
    assert parsed.warnings == (
        f"demo.toml:{facts_line}: questions[1].facts: warning: no fact for clarifying topics "
        "'Data_Size', 'cold start': asked about them, the interviewer can only say its "
        "no_fact_reply",)


@pytest.mark.parametrize("facts, message", [
    ('latency = "Two hundred ms."',
     "questions[1].facts.latency: no clarifying topic 'latency' in this question; its topics: "
     "scale, Data_Size, cold start"),
    ('scael = "x"', "questions[1].facts.scael: no clarifying topic 'scael' in this question "
                    "(did you mean 'scale'?)"),
    ('scale = ""', "questions[1].facts.scale: is empty"),
    ('scale = 50', "questions[1].facts.scale: must be a text string, not a number"),
    ('scale = "a"\nScale = "b"', "questions[1].facts.Scale: second fact for topic 'scale'"),
])
def test_bad_facts_are_problems_with_their_line(facts, message):
    text = script(facts=facts)
    with pytest.raises(ScriptError) as error:
        parse_script(text, "demo.toml")
    [problem] = [p for p in error.value.problems if "facts" in p]
    key = message.split(":")[0].rsplit(".", 1)[-1]
    line = next(i for i, row in enumerate(text.splitlines(), 1) if row.startswith(f"{key} ="))
    assert problem.startswith(f"demo.toml:{line}: {message}"), problem


def test_facts_must_be_a_table():
    text = script().replace("[questions.facts]\n", "").replace(
        'clarifying_topics = [', 'facts = "all of them"\nclarifying_topics = [')
    text = text.replace(ALL_FACTS, "")
    with pytest.raises(ScriptError) as error:
        parse_script(text, "demo.toml")
    assert any("questions[1].facts: must be a table of topic = " in p and "not a string" in p
               for p in error.value.problems), error.value.problems


def test_every_clarifying_topic_of_every_bundled_question_has_a_spoken_fact(tmp_path):
    catalog = discover_scripts(bundled_scripts_dir(), tmp_path)
    assert catalog.problems == []
    count = 0
    for parsed in catalog.scripts:
        assert parsed.warnings == (), parsed.warnings
        for question in parsed.questions:
            for topic in question.clarifying_topics:
                count += 1
                assert topic.fact, f"{parsed.id}/{question.id}: {topic.name}"
                # Short enough to say in a breath or two, and a full sentence.
                assert len(topic.fact.split()) <= 40 and topic.fact.endswith("."), topic.fact
    assert count >= 140


def _validate(*args: str, data_dir: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, INTERVIEWER_DATA_DIR=str(data_dir))
    return subprocess.run([sys.executable, "-m", "interviewer", "scripts", "validate", *args],
                          capture_output=True, text=True, env=env, timeout=60)


def test_validate_prints_warnings_and_strict_fails_on_them(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text(script(facts='scale = "About fifty million daily users."'), encoding="utf-8")
    problems, warnings = check_file(path)
    assert problems == [] and len(warnings) == 1
    result = _validate(str(path), data_dir=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{path}:" in result.stdout and "warning: no fact for clarifying topics" in result.stdout
    assert f"OK {path} (1 warning)" in result.stdout
    strict = _validate("--strict", str(path), data_dir=tmp_path)
    assert strict.returncode == 1 and "Traceback" not in strict.stderr
    assert "1 of 1 script(s) have problems" in strict.stdout
    assert _validate("--strict", str(bundled_scripts_dir()), data_dir=tmp_path).returncode == 0


def test_the_documented_complete_example_is_valid_and_has_every_fact():
    import re

    doc = (Path(__file__).resolve().parents[2] / "docs" / "question-scripts.md").read_text()
    block = re.search(r"## A complete example\n\n```toml\n(.*?)```", doc, re.S)[1]
    parsed = parse_script(block, "example.toml")
    assert parsed.warnings == ()
    assert set(parsed.question("two_sum").facts()) == {"input size", "edge cases", "duplicates"}
    assert parsed.question("two_sum").no_fact_reply.startswith("Good question. Make a reasonable")


TWO_QUESTIONS = '''\
id = "spam"
title = "Spam filter"
kind = "ml_system_design"
minutes = 45

[[phases]]
id = "design"
name = "Design"
minutes = 45
prompt = "Let's design it."

[[questions]]
id = "filter"
text = "Design a spam filter."
clarifying_topics = ["scale", {{ name = "languages", keywords = ["language", "multilingual"] }}]
expected_points = []

[questions.facts]
scale = "Three billion emails a day."
languages = "Mostly English; forty percent is in other languages."

[[questions]]
id = "features"
text = "Which features would you use?"
clarifying_topics = [{second_topics}]
expected_points = []

[questions.facts]
freshness = "Within minutes."
'''


def test_a_topic_another_question_has_a_fact_for_is_no_warning():
    """A new user's trial: the second question lists 'languages', whose fact the first
    question holds. Asked about it there, the interviewer answers with that fact (a fact shared
    by name), yet validation warned that it 'can only say its
    no_fact_reply'."""
    from interviewer.core.clarifying_responder import ClarifyingResponder
    from interviewer.core.matching import LexicalEncoder

    script = parse_script(TWO_QUESTIONS.format(second_topics='"freshness", "Languages"'), "spam.toml")
    assert script.warnings == ()
    topic, reply = ClarifyingResponder(script.question("features"), LexicalEncoder(), script).reply(
        "Which languages are the emails written in?")
    assert reply == "Mostly English; forty percent is in other languages."
    # A topic no question has a fact for is still a warning, at the second question's facts.
    script = parse_script(TWO_QUESTIONS.format(second_topics='"freshness", "Languages", "privacy"'), "spam.toml")
    assert len(script.warnings) == 1
    assert script.warnings[0].startswith("spam.toml:28: questions[2].facts: warning: no fact for clarifying "
                                         "topic 'privacy': asked about it"), script.warnings


@pytest.mark.parametrize("value", ['""', '"   "', '"""\n  \n"""'])
def test_an_empty_round_no_fact_reply_is_a_problem_like_a_questions(value):
    """A round's no_fact_reply = "" silently became the default reply, while the same line in a
    question was a problem ('is empty'); both now are, at their line."""
    text = script(round_extra=f"no_fact_reply = {value}")
    with pytest.raises(ScriptError) as error:
        parse_script(text, "demo.toml")
    assert error.value.problems == ["demo.toml:5: no_fact_reply: is empty"]
    with pytest.raises(ScriptError) as error:
        parse_script(script(question_extra=f"no_fact_reply = {value}"), "demo.toml")
    assert [p.split(": ", 1)[1] for p in error.value.problems] == ["questions[1].no_fact_reply: is empty"]


def test_a_key_with_a_space_is_quoted_in_the_path_as_toml_writes_it(tmp_path):
    """Trial: 'questions[1].facts.negative k: no clarifying topic ...' read as a key 'negative'
    and something after it. Topic names with spaces are allowed (written quoted), so the path
    quotes them as TOML does; bare keys stay bare."""
    text = script(facts=ALL_FACTS + '\n"negative k" = "Never negative."\n"say \\"hi\\"" = "x"')
    with pytest.raises(ScriptError) as error:
        parse_script(text, "demo.toml")
    problems = [p for p in error.value.problems if "facts" in p]
    line = text.splitlines().index('"negative k" = "Never negative."') + 1
    assert any(p.startswith(f'demo.toml:{line}: questions[1].facts."negative k": no clarifying topic '
                            "'negative k' in this question") for p in problems), problems
    assert any('questions[1].facts."say \\"hi\\"": ' in p for p in problems), problems
    # `interviewer scripts validate` prints the same path.
    path = tmp_path / "mine.toml"
    path.write_text(text, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "interviewer", "scripts", "validate", str(path)],
                            capture_output=True, text=True, timeout=60,
                            env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])})
    assert result.returncode == 1 and f'{path}:{line}: questions[1].facts."negative k": ' in result.stdout

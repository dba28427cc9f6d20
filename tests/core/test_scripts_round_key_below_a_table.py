"""A round key written at the end of the file (below a table) is, for TOML, a key of that table.
The user got two lines that did not say so ('minutes: missing required field' and
'questions[1].follow_ups[1].minutes: unknown key'); now one line at the key says what to do."""
import pytest

from interviewer.core.scripts.loader import validate_file

SCRIPT = """\
id = "demo"
{title}kind = "coding"
{minutes}
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
{in_facts}
[[questions.follow_ups]]
id = "complexity"
text = "What is the complexity?"
{at_end}"""


@pytest.mark.parametrize("key, where, table", [
    ("minutes", "at_end", "questions[1].follow_ups[1]"),
    ("title", "in_facts", "questions[1].facts"),
])
def test_a_round_key_below_a_table_is_one_clear_problem(tmp_path, key, where, table):
    parts = {"title": 'title = "Demo"\n', "minutes": "minutes = 45\n", "in_facts": "", "at_end": ""}
    parts[where] = parts.pop(key)
    parts[key] = ""
    text = SCRIPT.format(**parts)
    path = tmp_path / "round.toml"
    path.write_text(text, encoding="utf-8")
    line = [n for n, l in enumerate(text.splitlines(), 1) if l.startswith(f"{key} =")][-1]
    assert validate_file(path) == [
        f"{path}:{line}: {table}.{key}: '{key}' is a key of the round, but it is written below a table, "
        f"so TOML reads it as part of {table}; move it up, above the first [[phases]] table"]


def test_a_fact_for_a_topic_named_like_a_round_key_is_still_a_fact(tmp_path):
    text = SCRIPT.format(title="", minutes="minutes = 45\n", in_facts='title = "The title is up to you."\n',
                         at_end="").replace('["input size"]', '["input size", "title"]')
    path = tmp_path / "round.toml"
    path.write_text(text, encoding="utf-8")
    assert validate_file(path) == [f"{path}: title: missing required field"]

"""`interviewer scripts list` stays a table a terminal can show when a user's title is very long
or has wide characters: one 350-character title made every row 407 columns wide (each wrapped),
and a title with Chinese characters pushed its SOURCE cell two columns off the others."""
import unicodedata

from interviewer.cli.scripts_cmd import _print_table
from interviewer.core.scripts.loader import parse_script

SCRIPT = '''
id = "{id}"
title = "{title}"
kind = "coding"
minutes = 45

[[phases]]
id = "solve"
name = "Solve"
minutes = 45
prompt = "Let's start."

[[questions]]
id = "q"
text = "Reverse a list."
expected_points = []
'''


def columns(text):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def test_long_and_wide_titles_keep_the_table_in_shape(capsys):
    titles = ["Coding: a short one", "Coding: " + "a very long title " * 20, "ML design: 推荐 recommendations"]
    scripts = [parse_script(SCRIPT.format(id=f"s{i}", title=t), f"s{i}.toml") for i, t in enumerate(titles)]
    _print_table(scripts)
    rows = capsys.readouterr().out.splitlines()
    assert len(rows) == 4
    # SOURCE, the last cell, starts at the same terminal column in every row.
    starts = {columns(row[:row.rindex("  ") + 2]) for row in rows}
    assert len(starts) == 1, rows
    assert max(columns(row) for row in rows) <= 140, rows
    assert "Coding: a very long title a very long" in rows[2] and rows[2].split("  ")[-2].rstrip().endswith("...")
    assert "推荐 recommendations" in rows[3]

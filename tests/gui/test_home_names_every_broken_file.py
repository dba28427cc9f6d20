"""Home's five problem lines name every broken user script first: one script with sixteen
mistakes hid a second broken one behind '... and 11 more' (a user-script trial)."""
from __future__ import annotations

from interviewer.gui.home_screen import each_file_first


def test_each_broken_file_is_named_before_the_second_problem_of_any():
    problems = [f"/u/question_scripts/many.toml:{i}: kind: wrong" for i in range(1, 17)]
    problems += ['/u/question_scripts/quote.toml:2: TOML syntax: a text string is not closed',
                 "/u/question_scripts/empty.toml: empty file", "/u/question_scripts: cannot read the folder"]
    ordered = each_file_first(problems)
    assert sorted(ordered) == sorted(problems)
    assert ordered[:4] == [problems[0], *problems[16:]]
    assert ordered[4:] == problems[1:16]  # then the rest, in the order given

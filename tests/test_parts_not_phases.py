"""Trial 39 defect 6: "phase" and "part" named the same thing. The interviewer says "part" ("Let's
begin with the part on..."), and so does everything the user reads: the round clock, Home's
cards, the review's table and timeline, the exports, Settings and the findings' labels. Script
fields, JSON keys, ids and CLI flags keep "phase" (file formats)."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import interviewer
from interviewer.core.analysis import report as analysis_report
from interviewer.core.analysis.coverage import PER_PHASE

ROOT = Path(interviewer.__file__).parent
# Where the text the user reads is written (the GUI, the exports, the review's numbers).
USER_TEXT = [*sorted((ROOT / "gui").glob("*.py")), *sorted((ROOT / "export").glob("*.py")),
             ROOT / "app" / "labels.py", ROOT / "app" / "review_model.py"]
_WORD = re.compile(r"\b[Pp]hases?\b")


def _strings(tree: ast.AST):
    docstrings = {id(node.value) for node in ast.walk(tree)  # docstrings and string statements
                  if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            yield node


def test_no_text_the_user_reads_says_phase():
    offending = []
    for path in USER_TEXT:
        for node in _strings(ast.parse(path.read_text(encoding="utf-8"))):
            text = node.value
            if re.fullmatch(r"[a-z_]+", text):  # a key or an id ("phase"), not a text
                continue
            if _WORD.search(text):
                offending.append(f"{path.relative_to(ROOT)}:{node.lineno}: {text!r}")
    assert not offending, "\n".join(offending)


def test_the_findings_and_the_coverage_line_say_part():
    assert analysis_report.FINDING_LABELS["phase_under"] == "Part short"
    assert analysis_report.FINDING_LABELS["phase_over"] == "Part over time"
    assert PER_PHASE == "Per part, where said"

"""ANALYSIS_VERSION names the analysis rules: the code of interviewer/core/analysis and of every core
module it imports (comments and docstrings aside). When that code changes, the version must be bumped,
or the rounds analysed before would never be offered to be analysed again (their reviews would keep
findings the current rules no longer make)."""
from __future__ import annotations

import ast
import hashlib
from pathlib import Path

from interviewer.core.analysis.version import ANALYSIS_VERSION

ROOT = Path(__file__).resolve().parent.parent
ANALYSIS = ROOT / "interviewer" / "core" / "analysis"
VERSION_FILE = ANALYSIS / "version.py"

# Modules that read and check script files: what they change is how a script loads or what its
# errors say, not what the analysis finds.
SCRIPT_READING = {ROOT / "interviewer" / "core" / "scripts" / f"{name}.py" for name in (
    "loader", "field_checks", "question_checks", "round_checks", "syntax_hints", "source_lines", "script_keys")}

# The version the rules were last recorded for, and their digest (rules_digest(); the same on
# Python 3.11, 3.12 and 3.13).
RECORDED = (2, "b38c47d3c0f837f7")


def _without_docstrings(tree: ast.AST) -> ast.AST:
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
                    and isinstance(body[0].value.value, str):
                node.body = body[1:] or [ast.Pass()]
    return tree


# Fields newer Pythons add to the tree (3.12: type parameters), left out so that every Python
# gives the same digest for the same code.
_NEWER_FIELDS = {"type_params", "type_comment"}


def _dump(node) -> str:
    if isinstance(node, ast.AST):
        fields = ",".join(f"{name}={_dump(getattr(node, name, None))}" for name in node._fields
                          if name not in _NEWER_FIELDS)
        return f"{type(node).__name__}({fields})"
    if isinstance(node, list):
        return "[" + ",".join(_dump(item) for item in node) + "]"
    return repr(node)


def normalized_code(source: str) -> str:
    """The code as Python reads it: comments, docstrings and layout left out."""
    return _dump(_without_docstrings(ast.parse(source)))


def _core_imports(tree: ast.AST) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
    return {n for n in names if n.startswith("interviewer.core")}


def _module_file(name: str) -> Path | None:
    path = ROOT.joinpath(*name.split("."))
    for candidate in (path.with_suffix(".py"), path / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def rule_files() -> list[Path]:
    """interviewer/core/analysis/*.py (version.py aside) and the core modules they import, transitively."""
    todo = [p for p in sorted(ANALYSIS.glob("*.py")) if p != VERSION_FILE]
    seen: set[Path] = set()
    while todo:
        path = todo.pop()
        if path in seen or path == VERSION_FILE or path in SCRIPT_READING:
            continue
        seen.add(path)
        for name in _core_imports(ast.parse(path.read_text(encoding="utf-8"))):
            found = _module_file(name)
            if found is not None and found not in seen:
                todo.append(found)
    return sorted(seen)


def rules_digest() -> str:
    digest = hashlib.sha256()
    for path in rule_files():
        digest.update(path.relative_to(ROOT).as_posix().encode() + b"\n")
        digest.update(normalized_code(path.read_text(encoding="utf-8")).encode() + b"\n")
    return digest.hexdigest()[:16]


def test_the_rules_digest_ignores_comments_and_docstrings_but_not_code():
    source = 'def f(x):\n    """Doc."""\n    return x + 1  # why\n'
    assert normalized_code(source) == normalized_code('def f(x):\n    # other words\n    return x + 1\n')
    assert normalized_code(source) != normalized_code('def f(x):\n    return x + 2\n')


def test_the_rules_cover_the_analysis_and_what_it_imports():
    names = {p.relative_to(ROOT).as_posix() for p in rule_files()}
    assert "interviewer/core/analysis/questions.py" in names
    assert "interviewer/core/matching.py" in names          # coverage and clarifying topics use it
    assert "interviewer/core/analysis/version.py" not in names
    assert "interviewer/core/scripts/loader.py" not in names


def test_a_change_of_the_analysis_rules_bumps_the_analysis_version():
    version, recorded = RECORDED
    digest = rules_digest()
    if digest == recorded:
        assert ANALYSIS_VERSION == version, (
            f"ANALYSIS_VERSION is {ANALYSIS_VERSION} but the rules are those of version {version}")
        return
    assert ANALYSIS_VERSION > version, (
        f"The analysis rules changed since version {version} (interviewer/core/analysis or a core "
        f"module it imports): bump ANALYSIS_VERSION in interviewer/core/analysis/version.py to "
        f"{version + 1} and set RECORDED = ({version + 1}, \"{digest}\") in {Path(__file__).name}")
    raise AssertionError(f"ANALYSIS_VERSION was bumped to {ANALYSIS_VERSION}: set RECORDED = "
                         f"({ANALYSIS_VERSION}, \"{digest}\") in {Path(__file__).name}")

"""Fixtures for the GUI tests: isolated data/config folders and small question scripts."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from gui_scripts import SYSTEM_DESIGN_TOML  # shared with tests that write their own scripts

BEHAVIORAL_TOML = textwrap.dedent('''
    id = "test-behavioral"
    title = "Ownership stories"
    kind = "behavioral"
    minutes = 60
    description = "Leadership principles."

    [[phases]]
    id = "intro"
    name = "Introductions"
    minutes = 5
    prompt = "Tell me a little about yourself."

    [[phases]]
    id = "stories"
    name = "Stories"
    minutes = 50
    prompt = "Let's go through some situations."

    [[phases]]
    id = "questions"
    name = "Your questions"
    minutes = 5
    prompt = "What would you like to ask me?"

    [[questions]]
    id = "ownership"
    phase = "stories"
    text = "Tell me about a time you took ownership of a problem outside your role."
''')


@pytest.fixture
def isolated_dirs(tmp_path, monkeypatch):
    data = tmp_path / "data"
    config = tmp_path / "config"
    monkeypatch.setenv("INTERVIEWER_DATA_DIR", str(data))
    monkeypatch.setenv("INTERVIEWER_CONFIG_DIR", str(config))
    return data, config


@pytest.fixture
def script_dirs(tmp_path) -> tuple[Path, Path]:
    """A bundled folder with two rounds and a user folder with one broken script."""
    bundled = tmp_path / "bundled"
    user = tmp_path / "user"
    bundled.mkdir()
    user.mkdir()
    (bundled / "design.toml").write_text(SYSTEM_DESIGN_TOML)
    (bundled / "behavioral.toml").write_text(BEHAVIORAL_TOML)
    (user / "mine.toml").write_text(SYSTEM_DESIGN_TOML.replace('"test-design"', '"my-design"')
                                    .replace("Design a feed ranker", "My own design round"))
    (user / "broken.toml").write_text('id = "broken"\ntitle = "Broken"\nkind = "cooking"\n')
    return bundled, user


@pytest.fixture(autouse=True)
def background_work_finishes(qapp):
    """No test may leave work running in the thread pool for the next one."""
    yield
    from interviewer.gui.workers import _active_tasks, wait_for_background_work

    import time

    # A finished task's handler may start the next one (scripts found -> the Home list filled ->
    # its cards' data): wait and deliver callbacks until none is left, within the same 15 s.
    deadline = time.monotonic() + 15.0
    while True:
        assert wait_for_background_work(max(1, int((deadline - time.monotonic()) * 1000))), \
            "background work still running 15 s after the test"
        qapp.processEvents()  # deliver the finished tasks' last callbacks
        if not _active_tasks or time.monotonic() > deadline:
            break
        time.sleep(0.01)
    assert not _active_tasks


class Confirmations:
    """Answers the app's yes/no questions (QMessageBox.question) instead of a person: a modal
    dialog would block the test. `answer` is what is clicked; `asked` the titles shown."""

    def __init__(self) -> None:
        self.answer_yes = True
        self.asked: list[str] = []
        self.texts: list[str] = []

    def question(self, _parent, title, text, *args, **kwargs):
        from PySide6.QtWidgets import QMessageBox

        self.asked.append(title)
        self.texts.append(text)
        return QMessageBox.StandardButton.Yes if self.answer_yes else QMessageBox.StandardButton.No

    def ask_destructive(self, _parent, title, text, _yes, _no) -> bool:
        """interviewer.gui.confirm's question (ending a round), answered the same way."""
        self.asked.append(title)
        self.texts.append(text)
        return self.answer_yes


@pytest.fixture(autouse=True)
def confirmations(monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from interviewer.gui import confirm

    answers = Confirmations()
    monkeypatch.setattr(QMessageBox, "question", answers.question)
    monkeypatch.setattr(confirm, "ask_destructive", answers.ask_destructive)
    return answers

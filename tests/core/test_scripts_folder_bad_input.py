"""A user scripts folder that cannot be listed, and entries in it that are not plain files.
Before, Path.glob hid a folder without read permission as an empty one: `scripts list` and the
app showed none of the user's own scripts and said nothing, and `scripts validate FOLDER` said
the folder had no .toml files; a broken link named x.toml was skipped without a word."""
import os
from pathlib import Path

import pytest

from interviewer.core.scripts import loader
from interviewer.resources import bundled_scripts_dir
from test_scripts_cli import run

GOOD = (bundled_scripts_dir() / "coding_intervals.toml").read_text(encoding="utf-8")


def _mine(folder: Path) -> Path:
    folder.mkdir(parents=True)
    (folder / "mine.toml").write_text(GOOD.replace('id = "coding_intervals"', 'id = "my_round"', 1))
    return folder


@pytest.fixture
def unlistable(tmp_path, monkeypatch):
    """A folder with a script in it that this process may not list (mode 000; root ignores the
    mode, so for root listing it is refused the way the kernel would)."""
    folder = _mine(tmp_path / "data" / "question_scripts")
    folder.chmod(0)
    if os.geteuid() == 0:
        real = Path.iterdir

        def iterdir(self):
            if self == folder:
                raise PermissionError(13, "Permission denied", str(self))
            return real(self)

        monkeypatch.setattr(Path, "iterdir", iterdir)
    yield folder
    folder.chmod(0o700)


def test_a_folder_that_cannot_be_listed_is_reported_and_bundled_scripts_still_load(unlistable):
    catalog = loader.discover_scripts(user_dir=unlistable)
    assert catalog.problems == [f"{unlistable}: cannot list the scripts folder: Permission denied"]
    assert len(catalog.scripts) == len(list(bundled_scripts_dir().glob("*.toml")))


def test_validate_says_the_folder_cannot_be_listed(unlistable, capsys):
    from interviewer.cli import main

    assert main(["scripts", "validate", str(unlistable)]) == 1
    out, err = capsys.readouterr()
    assert out == f"{unlistable}: cannot list the folder: Permission denied\n1 of 1 script(s) have problems\n"
    assert err == ""


def test_a_scripts_path_that_is_a_file_is_reported(tmp_path):
    (tmp_path / "question_scripts").write_text("not a folder")
    catalog = loader.discover_scripts(user_dir=tmp_path / "question_scripts")
    assert catalog.problems == [f"{tmp_path / 'question_scripts'}: cannot list the scripts folder: Not a directory"]
    assert loader.discover_scripts(user_dir=tmp_path / "missing").problems == []


def test_broken_links_and_pipes_are_named_and_the_good_script_still_listed(tmp_path):
    folder = _mine(tmp_path / "data" / "question_scripts")
    (folder / "gone.toml").symlink_to(tmp_path / "unmounted" / "round.toml")
    (folder / "loop.toml").symlink_to("loop.toml")
    os.mkfifo(folder / "pipe.toml")
    (folder / "folder.toml").mkdir()  # a folder is not a script: left out without a word
    (folder / ".hidden.toml").write_text("junk")  # an editor's file, as before
    done = run("list", data_dir=tmp_path / "data")
    assert done.returncode == 0 and "Traceback" not in done.stderr
    assert "my_round" in done.stdout
    assert done.stderr.splitlines() == [
        f"left out: {folder / 'gone.toml'}: a broken link (to {tmp_path / 'unmounted' / 'round.toml'}, "
        "which cannot be opened)",
        f"left out: {folder / 'loop.toml'}: a broken link (to loop.toml, which cannot be opened)",
        f"left out: {folder / 'pipe.toml'}: not a regular file",
    ]
    done = run("validate", str(folder), data_dir=tmp_path / "data")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert f"OK {folder / 'mine.toml'}" in done.stdout and "3 of 4 script(s) have problems" in done.stdout

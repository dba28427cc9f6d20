"""Trial 14: `interviewer sessions list` showed round kinds as internal ids (ml_system_design)
where the app shows names (ML system design). The list shows the app's names; `--kind` takes
either, in any case, and `--help` lists both."""
from __future__ import annotations

from interviewer.cli import main
from interviewer.core.scripts.model import KIND_LABELS, kind_label
from interviewer.storage import Store
from storage_helpers import full_round
from test_sessions_bad_input import sessions


def _coding_round(store: Store) -> int:
    sid = store.create_session("c", "Coding: top k", "coding", 45)
    store.finish_session(sid)
    return sid


def _listed_ids(out: str) -> list[int]:
    return [int(line.split()[0]) for line in out.splitlines()[1:]]


def test_the_list_shows_kinds_by_the_apps_names(data_dir, capsys):
    with Store.open() as store:
        design, coding = full_round(store), _coding_round(store)
    assert main(["sessions", "list"]) == 0
    out = capsys.readouterr().out
    assert "ML system design" in out and kind_label("ml_system_design") == "ML system design"
    assert "ml_system_design" not in out
    for kind in ("ML system design", "ml system design", "ml_system_design", "ML_SYSTEM_DESIGN"):
        assert main(["sessions", "list", "--kind", kind]) == 0, kind
        assert _listed_ids(capsys.readouterr().out) == [design], kind
    for kind in ("Coding", "coding", " CODING "):
        assert main(["sessions", "list", "--kind", kind]) == 0, kind
        assert _listed_ids(capsys.readouterr().out) == [coding], kind
    assert main(["sessions", "list", "--kind", "Behavioral"]) == 0
    assert capsys.readouterr().out.startswith("No behavioral rounds yet; 2 rounds of other kinds")


def test_help_lists_every_kind_by_name_and_id(data_dir):
    shown = " ".join(sessions("list", "--help", data_dir=data_dir).stdout.split())  # argparse wraps lines
    for kind, name in KIND_LABELS.items():
        assert f"'{name}' or {kind}" in shown, kind

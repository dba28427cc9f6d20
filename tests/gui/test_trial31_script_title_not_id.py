"""Trial 31 defect 15: the Markdown export showed "Script: ml\\_system\\_design\\_eta\\_prediction",
the HTML export and `sessions show` "Script ml_system_design_eta_prediction": the script's internal
id. Every export (one report) names the script by its title, and only where the Round line does not
already say it."""
from __future__ import annotations

import dataclasses

from interviewer.cli.sessions_cmd import show_session
from interviewer.core.scripts.loader import discover_scripts
from interviewer.export.html_report import render_html
from interviewer.export.markdown import render_markdown
from interviewer.export.report import build_report
from interviewer.storage import Store

SCRIPT_ID = "ml_system_design_eta_prediction"


def _eta_script():
    return next(s for s in discover_scripts().scripts if s.id == SCRIPT_ID)


def _round(store: Store, title: str) -> int:
    sid = store.create_session(SCRIPT_ID, title, "ml_system_design", 55, started_at=1_700_000_000)
    phase = store.add_phase(sid, "requirements", "Requirements", 8, 0.0)
    store.end_phase(phase, 60.0)
    store.finish_session(sid, ended_at=1_700_000_600)
    return sid


def test_no_export_shows_the_script_id(isolated_dirs, capsys):
    script = _eta_script()
    with Store.open() as store:
        session = store.get_session(_round(store, script.title))
    report = build_report(session, script=script)
    texts = [render_markdown(report), render_markdown(report, escape=False), render_html(report)]
    for text in texts:
        assert "system_design_eta" not in text and "system\\_design\\_eta" not in text
        assert script.title in text
    show_session(type("Args", (), {"id": session.id})())
    shown = capsys.readouterr().out
    assert "system_design_eta" not in shown and script.title in shown


def test_a_script_renamed_since_the_round_is_named_by_its_title(isolated_dirs):
    script = dataclasses.replace(_eta_script(), title="Delivery ETA (new title)")
    with Store.open() as store:
        session = store.get_session(_round(store, "ML system design: delivery time estimates"))
    report = build_report(session, script=script)
    md = render_markdown(report, escape=False)
    assert "- **Script:** Delivery ETA (new title)" in md
    assert "<th>Script</th><td>Delivery ETA (new title)</td>" in render_html(report).replace("\n", "")
    assert SCRIPT_ID not in md

"""Trial 44: since "One rule for cut short" the review names a round the interviewer closed at 4 of
45 min, parts left with N, "Cut short"; its HTML export still said "Round finished" (the finding's
kind label, through finding_heading), and so did the Markdown export, the PDF (printed from the
HTML) and `sessions show`. One label now (core.practice_plan.shown_finding_label): the review's
summary and findings list, every export and the CLI."""
from __future__ import annotations

from interviewer.cli import main
from interviewer.export import export_session
from interviewer.export.html_report import render_html
from interviewer.export.markdown import render_markdown
from interviewer.export.report import build_report
from interviewer.storage import Store
from tests.gui.test_plan_counts_rounds_that_ended_themselves import stored_round
from tests.gui.test_trial44_cut_short_one_rule import _closed_after_next


def test_every_export_and_the_cli_say_cut_short_as_the_review_does(tmp_path, monkeypatch, capsys):
    data = tmp_path / "data"
    monkeypatch.setenv("INTERVIEWER_DATA_DIR", str(data))
    with Store.open(data) as store:
        cut = _closed_after_next(store, 4.2)
        done = stored_round(store, "ml_breadth", 7.6, "agenda", 2)  # every question asked: finished
        cut_session, done_session = store.get_session(cut), store.get_session(done)
        export_session(store, cut, "md", tmp_path / "cut.md")
        export_session(store, cut, "html", tmp_path / "cut.html")
        printed = []  # the PDF is printed from this HTML (gui/pdf.py)

        def render_pdf(html, out, title):
            printed.append(html)
            out.write_bytes(b"%PDF")

        export_session(store, cut, "pdf", tmp_path / "cut.pdf", render_pdf=render_pdf)
    assert printed
    for text in (render_markdown(build_report(cut_session)), render_html(build_report(cut_session)),
                 (tmp_path / "cut.md").read_text(), (tmp_path / "cut.html").read_text(), *printed):
        assert "Cut short" in text and "Round finished" not in text, text
    # A round the interviewer closed with every question asked keeps "Round finished".
    assert "Round finished" in render_html(build_report(done_session))
    assert "Round finished" in render_markdown(build_report(done_session))
    # The CLI prints the Markdown report.
    assert main(["sessions", "show", str(cut)]) == 0
    out = capsys.readouterr().out
    assert "Cut short" in out and "Round finished" not in out, out

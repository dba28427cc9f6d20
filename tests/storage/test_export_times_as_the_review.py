"""Trial 25 item 14: the review stamps a finding "[00:31]" (core clock_text) while the exports
said "0:31.0" for the same moment. Both use the one formatter."""
from interviewer.core.clock import clock_text
from interviewer.export.html_report import render_html
from interviewer.export.markdown import render_markdown
from interviewer.export.report import build_report, fmt_clock
from interviewer.storage import Store


def test_export_times_read_as_the_reviews(data_dir):
    with Store.open() as store:
        sid = store.create_session("merge", "A round", "coding", 45, started_at=1_700_000_000)
        phase = store.add_phase(sid, "clarify", "Clarify", 45, started_at=0.0)
        store.end_phase(phase, 95.0)
        store.add_finding(sid, "phase_over", "Clarify: over.", start=31.0, details={"severity": "note"})
        store.finish_session(sid, ended_at=1_700_000_095)
        session = store.get_session(sid)
    assert fmt_clock(31.0) == clock_text(31.0) == "00:31" and fmt_clock(3725.4) == clock_text(3725.4)
    report = build_report(session, script=None)
    md, html = render_markdown(report), render_html(report)
    assert "00:31 " in md and "00:31 " in html
    assert "0:31.0" not in md and "0:31.0" not in html

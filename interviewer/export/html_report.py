"""A round as one self-contained HTML file: inline CSS, no scripts, no external links or fonts."""
from __future__ import annotations

from html import escape

from interviewer.core.analysis.marks import pause_word
from interviewer.core.analysis.report import finding_heading
from interviewer.core.analysis.ten_seconds import HEADING as TEN_SECONDS
from interviewer.core.analysis.ten_seconds import NOTE as TEN_SECONDS_NOTE
from interviewer.core.transcript import join_words
from interviewer.export import coverage_section
from interviewer.export.report import (
    TRANSCRIPT_LEGEND, SessionReport, Token, answer_label, fmt_clock, no_words_text, token_runs,
    transcript_paragraphs,
)

CSS = """
body { font-family: sans-serif; max-width: 52em; margin: 2em auto; padding: 0 1em; color: #222; line-height: 1.45; }
h1 { font-size: 1.6em; border-bottom: 2px solid #444; padding-bottom: .2em; }
h2 { font-size: 1.25em; margin-top: 1.6em; border-bottom: 1px solid #bbb; }
h3 { font-size: 1.05em; margin-bottom: .2em; }
table { border-collapse: collapse; margin: .5em 0; }
th, td { border: 1px solid #ccc; padding: .25em .6em; text-align: left; }
th { background: #f0f0f0; }
.meta { color: #666; font-style: italic; }
.filler { background: #ffe08a; font-weight: bold; }
.disfluency { color: #8a3b00; text-decoration: underline; }
.pause { color: #1f5fa8; font-style: italic; }
.missing { color: #a00; }
.reply { color: #1f4f7a; margin-left: 1.2em; }
.numbers { color: #333; background: #f6f6f6; padding: .3em .6em; }
li { page-break-inside: avoid; break-inside: avoid; }
pre { background: #f6f6f6; padding: .6em; white-space: pre-wrap; font-family: monospace; }
"""


DISFLUENCY_KINDS = {"repetition": "repetition", "cut_off": "cut-off word", "restart": "restart"}


def _transcript(tokens: list[Token]) -> str:
    """The words, with the interviewer's replies as paragraphs of their own between them."""
    return "".join(_said(p[0]) if p[0].kind == "reply" else f"<p>{_tokens(p)}</p>"
                   for p in transcript_paragraphs(tokens))


def _said(t: Token) -> str:
    """What the interviewer said, with its round time where it is not a clarifying reply; a pause
    of the round, in italics."""
    if not t.speaker:
        return f'<p class="reply"><b>At {escape(t.detail)}:</b> <i>{escape(t.text)}</i></p>'
    return f'<p class="reply"><b>Interviewer{" at " + escape(t.detail) if t.detail else ""}:</b> {escape(t.text)}</p>'


def _tokens(tokens: list[Token]) -> str:
    out, said = [], []  # the pieces, and the word each starts with ("" for a pause)
    for run in token_runs(tokens):
        t = run[0]
        said.append("" if t.kind == "pause" else t.text)
        if t.kind == "disfluency":  # one span per repetition, cut-off word or restart
            what = DISFLUENCY_KINDS.get(t.detail, t.detail)
            out.append(f'<span class="disfluency" title="{escape(what)}">'
                       + join_words([escape(w.text) for w in run], [w.text for w in run]) + "</span>")
        elif t.kind == "filler":
            out.append(f'<span class="filler">{escape(t.text)}</span>')
        elif t.kind == "pause":
            out.append(f'<span class="pause">[{pause_word(t.detail)} {escape(t.text)}]</span>')
        else:
            out.append(escape(t.text))
    return join_words(out, said)  # "one-hot", "1%": Whisper gives them as two words


def _table(rows: list[dict[str, str]]) -> str:
    if not rows:
        return ""
    head = "".join(f"<th>{escape(h)}</th>" for h in rows[0])
    body = "".join("<tr>" + "".join(f"<td>{escape(v)}</td>" for v in r.values()) + "</tr>" for r in rows)
    return f"<table><tr>{head}</tr>{body}</table>"


def render_html(report: SessionReport) -> str:
    s = report.session
    # The ten-second summary first, as on screen: after the 17 lines of facts it started at the
    # foot of the PDF's first page and broke across pages 1-2 (trial 16).
    parts = [f"<h1>{escape(report.heading)}</h1>"]
    if report.ten_seconds:
        parts.append(f"<h2>{escape(TEN_SECONDS)}</h2>")
        for column in report.ten_seconds:
            parts.append(f"<h3>{escape(column.title)}</h3>")
            parts.append("<ol>" + "".join(f"<li>{_highlight(h)}</li>" for h in column.items) + "</ol>"
                         if column.items else f"<p>{escape(column.empty)}</p>")
            parts += [f"<p><i>{escape(TEN_SECONDS_NOTE)}:</i> {_highlight(h)}</p>" for h in column.notes]
    parts.append("<table>" + "".join(f"<tr><th>{escape(k)}</th><td>{escape(v)}</td></tr>"
                                     for k, v in report.facts.items()) + "</table>")
    if report.phases:
        parts += ["<h2>Parts</h2>", _table(report.phases)]
    if report.round_findings:
        parts += ["<h2>Round findings</h2><ul>"] + [
            f"<li>{_at(f)}{_finding(f, report.label_of(f))}</li>" for f in report.round_findings
        ] + ["</ul>"]
    parts.append("<h2>Answers</h2>")
    if report.answers:
        parts.append(f'<p class="meta legend">In the transcripts: <span class="filler">filler</span> = '
                     f'{escape(TRANSCRIPT_LEGEND["filler"])}; <span class="disfluency">underlined</span> = '
                     f'{escape(TRANSCRIPT_LEGEND["disfluency"])}; <span class="pause">[pause 2.5 s]</span> = '
                     f'{escape(TRANSCRIPT_LEGEND["pause"])}.</p>')
    if not report.answers:
        parts.append("<p>No answers were recorded.</p>")
    for a in report.answers:
        label = answer_label(a.answer, report.session.kind, first=a is report.answers[0])
        parts += [_said(t) for t in a.said_before]
        parts += [f"<h3>{a.number}. {escape(a.title)}</h3>",
                  f'<p class="meta">{escape(label)}</p>']
        if a.audio_missing:
            parts += [f'<p class="missing">Recording missing: {escape(p.audio_path or "")}</p>'
                      for p in a.parts or [a.answer] if p.audio_path in report.missing_audio]
        parts.append(_transcript(a.tokens) if a.tokens
                     else f'<p class="meta">({no_words_text(a.parts or [a.answer])})</p>')
        if a.numbers:
            parts.append('<p class="numbers">' + " &middot; ".join(
                f"{escape(k)}: <b>{escape(v)}</b>" for k, v in a.numbers.items()) + "</p>")
        if a.findings:
            parts.append("<ul>" + "".join(
                f"<li>{_at(f)}{_finding(f, report.label_of(f))}</li>" for f in a.findings)
                + "</ul>")
    parts += [_said(t) for t in report.said_after]
    parts.append(coverage_section.html_section(report.coverage, report.phase_coverage, report.answer_numbers(),
                                               report.script_found, report.part_starts(), report.no_script))
    if s.scratchpad.strip():
        parts += ["<h2>Scratchpad</h2>", f"<pre>{escape(s.scratchpad)}</pre>"]
    if s.debrief:
        parts.append("<h2>Self-debrief</h2>")
        for d in s.debrief:
            rating = f" (self-rating {d.self_rating}/5)" if d.self_rating else ""
            parts.append(f"<h3>{escape(d.prompt)}{rating}</h3>")
            if d.text:
                parts.append(f"<p>{escape(d.text)}</p>")
            elif d.audio_path:  # only rated: nothing more to say
                parts.append('<p class="meta">(spoken answer only)</p>')
    body = "\n".join(parts)
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f"<title>{escape(report.heading)}</title><style>{CSS}{coverage_section.HTML_STYLE}</style></head>\n<body>\n{body}\n</body></html>\n")


def _finding(f, label: str | None = None) -> str:
    """"<b>Label</b>: message", or the message alone where it says its label (finding_heading);
    `label`: the one its round gives it (SessionReport.label_of)."""
    heading = finding_heading(f.kind, f.message, label)
    return f"<b>{escape(heading)}</b>: {escape(f.message)}" if heading else escape(f.message)


def _at(f) -> str:
    """A finding's time and a space, as the Markdown export and the review show it ('' if none)."""
    return "" if f.start is None else fmt_clock(f.start) + " "


def _highlight(h) -> str:
    """A ten-second summary line: its time, "<b>Label</b>: message", and "(also in ...)"."""
    heading = f"<b>{escape(h.heading)}</b>: " if h.heading else ""
    more = f" <i>{escape(h.more)}</i>" if h.more else ""
    return f"{escape(fmt_clock(h.round_time))} {heading}{escape(h.message)}{more}"

"""Trial 24 item 13: the PDF's Script id wrapped mid-word ("ml_depth_ranking_or_recommend" /
"ation"). In the PDF a line breaks after an underscore instead."""
from __future__ import annotations

from interviewer.gui.pdf import _as_printed, pdf_document

SCRIPT_ID = "ml_depth_ranking_or_recommendation_model_you_built_with_features"


def test_a_long_script_id_wraps_at_underscores_in_the_pdf(qtbot, tmp_path):
    from PySide6.QtGui import QPageSize, QPdfWriter

    html = ("<table><tr><th>Round</th><td>ML depth</td></tr>"
            f"<tr><th>Script</th><td>{SCRIPT_ID}</td></tr></table>")
    writer = QPdfWriter(str(tmp_path / "x.pdf"))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A6))  # narrow: the id must wrap
    source = pdf_document(html)  # the copy below is its child: kept alive with it
    document = _as_printed(source, writer)
    document.size()  # lays it out
    block = document.begin()
    while block.isValid() and "recommend" not in block.text():
        block = block.next()
    assert block.isValid()
    layout = block.layout()
    lines = [block.text()[layout.lineAt(i).textStart():layout.lineAt(i).textStart() + layout.lineAt(i).textLength()]
             for i in range(layout.lineCount())]
    assert len(lines) > 1, lines
    assert all(line.rstrip("\u200b").endswith("_") for line in lines[:-1]), lines
    assert "".join(lines).replace("\u200b", "") == SCRIPT_ID  # the id itself is unchanged
    del writer

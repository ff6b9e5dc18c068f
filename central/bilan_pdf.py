"""The Bilan as a PDF a funder can read: a cover with the headline figures, then each
section with its definition, its table and its chart (bars drawn by fpdf2 from the same
figures as the web page's SVG). Fonts: Debian's DejaVu Sans (accents, €, « »)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from fpdf import FPDF
from fpdf.fonts import FontFace

from central.bilan import Bilan, Chart, Section
from central.labels import day

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
COLOURS = ((31, 95, 168), (194, 91, 0), (46, 125, 50))
_HEAD = FontFace(emphasis="BOLD", fill_color=(230, 234, 240))


def _day(d: date) -> str:
    return day(d)


class _Doc(FPDF):
    def __init__(self, bilan: Bilan) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.bilan = bilan
        self.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
        self.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
        self.set_auto_page_break(True, margin=18)
        self.set_title(f"Bilan du club, du {_day(bilan.start)} au {_day(bilan.end)}")
        self.set_author("Club Kiosk")
        self.set_lang("fr")

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("DejaVu", "", 8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 6, f"Bilan du club — {self.bilan.scope} — du {_day(self.bilan.start)} au "
                        f"{_day(self.bilan.end)} — page {self.page_no()}/{{nb}}", align="C")


def _cell(v: object) -> str:
    return f"{v:,}".replace(",", "\u202f") if isinstance(v, int) else str(v)


def _table(pdf: _Doc, section: Section) -> None:
    n = len(section.columns)
    # Each column as wide as its longest cell (up to 40 characters) and never narrower than
    # the longest word of its heading, so headings wrap between words only.
    widths = [max(min(40, max([len(_cell(r[i])) for r in section.rows] + [6])),
                  max(len(w) for w in section.columns[i].split()) * 1.15) for i in range(n)]
    align = ["LEFT"] + ["RIGHT" if all(isinstance(r[i], int) or str(r[i])[:1].isdigit() or r[i] in ("< 5", "—", "")
                                       for r in section.rows) else "LEFT" for i in range(1, n)]
    pdf.set_font("DejaVu", "", 8.5)
    pdf.set_draw_color(170, 176, 186)
    pdf.set_fill_color(255, 255, 255)
    with pdf.table(col_widths=widths, text_align=align, line_height=5,
                   headings_style=_HEAD, first_row_as_headings=True) as table:
        head = table.row()
        for c in section.columns:
            head.cell(c)
        for r in section.rows:
            row = table.row()
            for v in r:
                row.cell(_cell(v)[:80])
    pdf.ln(2)


def _chart(pdf: _Doc, chart: Chart) -> None:
    if not chart.labels or not any(any(v for v in vals) for _, vals in chart.series):
        return
    h, left = 55.0, pdf.l_margin + 10
    if pdf.get_y() + h + 25 > pdf.h - 18:
        pdf.add_page()
    pdf.ln(3)
    pdf.set_font("DejaVu", "B", 9)
    pdf.cell(0, 6, chart.title, new_x="LMARGIN", new_y="NEXT")
    top_y = pdf.get_y() + 2
    width = pdf.epw - 12
    from central.charts import nice_step
    top = nice_step(max(v for _, vals in chart.series for v in vals) / 4 or 0.25) * 4
    n, k = len(chart.labels), len(chart.series)
    group = width / n
    bar = min(10.0, group * 0.8 / k)
    pdf.set_draw_color(200, 204, 210)
    pdf.set_font("DejaVu", "", 7)
    for step in range(5):
        y = top_y + h - h * step / 4
        pdf.line(left, y, left + width, y)
        pdf.text(pdf.l_margin, y + 1, f"{top * step / 4:.0f}")
    crowded = n > 6
    for i, label in enumerate(chart.labels):
        x0 = left + group * i + (group - bar * k) / 2
        for j, (_, vals) in enumerate(chart.series):
            bh = h * vals[i] / top
            pdf.set_fill_color(*COLOURS[j % 3])
            pdf.rect(x0 + j * bar, top_y + h - bh, bar * 0.92, bh, style="F")
        text = label[:16]
        tw = pdf.get_string_width(text)
        pdf.text(left + group * i + (group - tw) / 2, top_y + h + 4 + (3.5 if crowded and i % 2 else 0), text)
    y = top_y + h + 11
    for j, (name, _) in enumerate(chart.series):
        pdf.set_fill_color(*COLOURS[j % 3])
        pdf.rect(left + j * 60, y, 3, 3, style="F")
        pdf.text(left + j * 60 + 4.5, y + 2.6, name)
    pdf.set_y(y + 7)


def render(bilan: Bilan, not_yet: str) -> bytes:
    pdf = _Doc(bilan)
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 18)
    pdf.multi_cell(0, 9, "Bilan du club des locataires", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 11)
    pdf.multi_cell(0, 6, f"{bilan.scope} — du {_day(bilan.start)} au {_day(bilan.end)}", new_x="LMARGIN",
                   new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("DejaVu", "B", 11)
    for label, value in bilan.headline:
        pdf.set_font("DejaVu", "B", 14)
        pdf.cell(30, 9, value, align="R")
        pdf.set_font("DejaVu", "", 11)
        pdf.cell(0, 9, "  " + label, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font("DejaVu", "", 9)
    pdf.multi_cell(0, 5, not_yet, new_x="LMARGIN", new_y="NEXT")
    for section in bilan.sections:
        if pdf.get_y() > pdf.h - 70:
            pdf.add_page()
        pdf.ln(5)
        pdf.set_font("DejaVu", "B", 13)
        pdf.multi_cell(0, 7, section.title, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("DejaVu", "", 8.5)
        pdf.set_text_color(70, 70, 70)
        pdf.multi_cell(0, 4.5, section.definition, new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
        pdf.ln(2)
        if section.rows:
            _table(pdf, section)
        else:
            pdf.cell(0, 6, "Rien sur la période.", new_x="LMARGIN", new_y="NEXT")
        if section.chart is not None:
            _chart(pdf, section.chart)
    return bytes(pdf.output())

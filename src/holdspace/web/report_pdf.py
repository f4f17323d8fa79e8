"""The session report as a printable PDF (A4, one page where it fits), drawn with fpdf2."""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

from holdspace.journey.report import Report

# Helvetica is built in and instant; a name outside Latin-1 needs a Unicode font, when the system
# has one (loading it takes about a second).
_FONTS = (Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
          Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"))
INK, MUTED, LINE, TEAL = (43, 42, 40), (93, 90, 85), (228, 221, 210), (31, 95, 91)


class _Pdf(FPDF):
    def __init__(self, footer_text: str, needs_unicode: bool):
        super().__init__(format="A4")
        self.footer_text = footer_text
        self.unicode = needs_unicode and all(p.exists() for p in _FONTS)
        if self.unicode:
            self.add_font("body", "", str(_FONTS[0]))
            self.add_font("body", "B", str(_FONTS[1]))
        self.family = "body" if self.unicode else "helvetica"
        self.set_auto_page_break(True, margin=16)
        self.set_margins(16, 14, 16)

    def text_of(self, value: str) -> str:
        if self.unicode:
            return value
        replaced = (value.replace("–", "-").replace("—", "-").replace("’", "'").replace("“", '"')
                    .replace("”", '"').replace("→", "->").replace("…", "..."))
        return replaced.encode("latin-1", "replace").decode("latin-1")

    def footer(self):
        self.set_y(-12)
        self.set_font(self.family, "", 8)
        self.set_text_color(*MUTED)
        self.cell(0, 5, self.text_of(f"{self.footer_text}, page {self.page_no()}"), align="C")

    def heading(self, text: str) -> None:
        self.ln(3)
        self.set_font(self.family, "B", 12)
        self.set_text_color(*TEAL)
        self.cell(0, 7, self.text_of(text), new_x="LMARGIN", new_y="NEXT")
        self.set_draw_color(*LINE)
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.ln(1.5)

    def para(self, text: str, size: float = 9.5, bold: bool = False, color=INK) -> None:
        self.set_font(self.family, "B" if bold else "", size)
        self.set_text_color(*color)
        self.multi_cell(0, 4.8, self.text_of(text), new_x="LMARGIN", new_y="NEXT")


def render(report: Report, *, local) -> bytes:
    """The report as PDF bytes; `local` turns a stored UTC time into the practice's time zone."""
    name = report.client.display_name
    pdf = _Pdf(f"holdspace session report for {name}: confidential", not _latin1(name))
    pdf.add_page()
    pdf.set_font(pdf.family, "B", 17)
    pdf.set_text_color(*INK)
    pdf.cell(0, 9, pdf.text_of(f"Session report: {name}"), new_x="LMARGIN", new_y="NEXT")
    pdf.para(f"Since the last session on {report.since:%-d %B %Y} ({report.days} days), prepared "
             f"{local(report.until):%-d %B %Y, %H:%M}.", color=MUTED)
    if report.not_shared:
        pdf.para("Not shared with you, so not included: " + ", ".join(report.not_shared) + ".", 8.5, color=MUTED)

    pdf.heading("Risk flags")
    if not report.risks:
        pdf.para("None found in what is shared." if report.shared else "Nothing is shared.")
    for flag in report.risks:
        pdf.para(f"{local(flag.at):%-d %b %Y}  ·  {flag.source}  ·  {flag.level}", bold=True)
        pdf.para("; ".join(flag.reasons), 8.5, color=MUTED)

    if "measures" in report.shared:
        pdf.heading("Questionnaires")
        if not report.measures:
            pdf.para("None filled in yet.")
        else:
            widths = (26, 44, 44, 64)
            pdf.set_font(pdf.family, "B", 8.5)
            pdf.set_text_color(*MUTED)
            for width, title in zip(widths, ("Questionnaire", "Before", "Latest", "Change")):
                pdf.cell(width, 6, title)
            pdf.ln(6)
            pdf.set_text_color(*INK)
            for line in report.measures:
                before = (f"{line.baseline.total_text} ({line.baseline.band_label.lower()}), {local(line.baseline.at):%-d %b}"
                          if line.baseline else "-")
                if line.latest:
                    latest = f"{line.latest.total_text} ({line.latest.band_label.lower()}), {local(line.latest.at):%-d %b}"
                    change = line.change.short if line.change else "first result"
                    if line.change and line.change.rci is not None:
                        change += f"; RCI {line.change.rci:+.2f}"
                    if line.since_first:
                        change += f". Since the first ({line.first.total_text}, {local(line.first.at):%-d %b %Y}): {line.since_first.short}"
                else:
                    latest = "nothing new"
                    change = f"last {line.last_before.total_text} on {local(line.last_before.at):%-d %b %Y}"
                pdf.set_font(pdf.family, "B", 9)
                pdf.cell(widths[0], 5.5, pdf.text_of(line.instrument.name))
                pdf.set_font(pdf.family, "", 8.5)
                y = pdf.get_y()
                for width, text in zip(widths[1:], (before, latest, change)):
                    x = pdf.get_x()
                    pdf.multi_cell(width, 4.6, pdf.text_of(text), new_x="RIGHT", new_y="TOP")
                    pdf.set_xy(x + width, y)
                pdf.ln(14 if line.since_first else 10)
            pdf.para("Reliable change: Jacobson & Truax (1991), |RCI| > 1.96, with each questionnaire's "
                     "published SD and reliability; clinically significant when it is reliable and crosses "
                     "the published cut-off.", 7.5, color=MUTED)

    if report.mood is not None:
        pdf.heading("Mood")
        pdf.para(report.mood.words)
        if report.mood.lowest is not None:
            pdf.para(f"Lowest {report.mood.lowest}, highest {report.mood.highest}"
                     + (f"; feelings named most: {', '.join(report.mood.feelings)}." if report.mood.feelings else "."),
                     8.5, color=MUTED)
        _mood_chart(pdf, report)

    if report.themes is not None:
        pdf.heading("Themes in shared entries")
        if report.themes:
            pdf.para("; ".join(f"{t.name} ({t.entries} of {t.of})" for t in report.themes) + ".")
        else:
            pdf.para("No recurring themes in what was shared." if report.themes_from else "Nothing shared was written in this period.")

    if report.goals is not None:
        pdf.heading("Goals")
        for goal in report.goals:
            pdf.para(f"{goal.text} (check in {goal.schedule}{'; finished' if goal.status == 'done' else ''})", 9.5, bold=True)
            pdf.para(goal.words, 8.5, color=MUTED)
        if not report.goals:
            pdf.para("No goals yet.")
    if report.homework:
        pdf.heading("Homework you suggested")
        for line in report.homework:
            pdf.para(f"{line.practice} ({line.plan}{'; stopped' if line.ended else ''})", 9.5, bold=True)
            pdf.para(line.words, 8.5, color=MUTED)
    return bytes(pdf.output())


def _latin1(text: str) -> bool:
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:
        return False
    return True


def _mood_chart(pdf: _Pdf, report: Report) -> None:
    points = report.mood.points
    if len(points) < 2:
        return
    left, width, height = pdf.l_margin + 6, pdf.w - pdf.l_margin - pdf.r_margin - 6, 32
    top = pdf.get_y() + 2
    if top + height + 8 > pdf.h - pdf.b_margin:
        pdf.add_page()
        top = pdf.get_y() + 2
    pdf.set_draw_color(*LINE)
    pdf.set_font(pdf.family, "", 7)
    pdf.set_text_color(*MUTED)
    for value in (0, 5, 10):
        y = top + height * (1 - value / 10)
        pdf.line(left, y, left + width, y)
        pdf.text(left - 5, y + 1, str(value))
    start, end = points[0][0], points[-1][0]
    span = max(1.0, (end - start).total_seconds())
    xy = [(left + width * (at - start).total_seconds() / span, top + height * (1 - m / 10)) for at, m in points]
    pdf.set_draw_color(*TEAL)
    pdf.set_line_width(0.6)
    for a, b in zip(xy, xy[1:]):
        pdf.line(a[0], a[1], b[0], b[1])
    pdf.set_line_width(0.2)
    pdf.set_y(top + height + 5)

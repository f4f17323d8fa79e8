"""The session report as a printable PDF (fpdf2), from the report's JSON.

Pure. Uses the PDF core font, so text is folded to Latin-1 first (curly quotes become straight,
dashes become hyphens); anything else that can't be shown becomes "?" rather than failing.
"""

from __future__ import annotations

from datetime import datetime

__all__ = ["report_pdf"]

_FOLD = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "—": "-", "–": "-", "…": "...", "→": "->",
                       "·": "-", "≥": ">=", "≤": "<=", "•": "-"})


def _t(text) -> str:
    return str(text).translate(_FOLD).encode("latin-1", "replace").decode("latin-1")


def report_pdf(report: dict, title: str, made: datetime) -> bytes:
    """A few pages a supervisor can print: the measures, the moments, and every therapist line coded."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_title(_t(f"Listening skills: {title}"))
    pdf.set_author("holdspace")
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin

    def heading(text: str, size: int = 13) -> None:
        pdf.ln(2)
        pdf.set_font("Helvetica", "B", size)
        pdf.multi_cell(width, 7, _t(text), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "", 10)

    def para(text: str, size: int = 10, style: str = "") -> None:
        pdf.set_font("Helvetica", style, size)
        pdf.multi_cell(width, 5, _t(text), new_x="LMARGIN", new_y="NEXT")

    heading(f"Listening skills: {title}", 16)
    para(f"Made by holdspace on {made.strftime('%-d %B %Y')}. Confidential: this holds a client's words.", 9)
    heading("The session against MITI thresholds")
    pdf.set_font("Helvetica", "B", 9)
    cols = (60, 28, 18, 18, 22, width - 146)
    for w, h in zip(cols, ("Measure", "This session", "Fair", "Good", "Band", "Counts")):
        pdf.cell(w, 6, h, border="B")
    pdf.ln()
    pdf.set_font("Helvetica", "", 9)
    for m in report["measures"]:
        def fmt(v, key=m["key"]):
            if v is None:
                return "-"
            return f"{v:g}" if key in ("reflection_to_question", "empathy") else f"{v:.0%}"
        band = {"good": "good", "fair": "fair", "below": "below fair", "none": "-"}[m["band"]]
        for w, value in zip(cols, (m["name"], m["display"], fmt(m["fair"]), fmt(m["good"]), band, m["counts"])):
            pdf.cell(w, 6, _t(value)[:60])
        pdf.ln()
    pdf.ln(1)
    para(f"Fair: {report['thresholds']['fair']} Good: {report['thresholds']['good']}", 8)
    for m in report["measures"]:
        para(f"{m['name']}: {m['source']}.", 8)
    for key, name in (("done_well", "Three moments done well"), ("try_differently", "Three moments to try differently")):
        heading(name)
        if not report[key]:
            para("Nothing stood out here in this session.")
        for mo in report[key]:
            if mo["client"]:
                para(f"Client (line {mo['line']}): {mo['client']}", 9, "I")
            para(f"You said: {mo['said']}", 10)
            para(f"{mo['label']}: {mo['why']}", 9, "B")
            if mo.get("alternative"):
                para(f"Try: {mo['alternative']}", 9)
            pdf.ln(2)
    heading("Every therapist turn, coded")
    for u in report["utterances"]:
        if "code" not in u:
            continue
        code = u["code"]
        extra = f" - roadblock: {code['roadblocks'][0]['name']}" if code["roadblocks"] else ""
        evidence = "; ".join(code["evidence"][:3])
        para(f"Line {u['line']} [{code['name']}{extra}] {u['text']}", 8)
        if evidence:
            para(f"    because: {evidence}", 7, "I")
    return bytes(pdf.output())

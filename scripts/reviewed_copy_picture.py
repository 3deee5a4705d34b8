"""Make examples/report-2024.docx and docs/reviewed-copy.png: the README's Word workflow.

    python scripts/reviewed_copy_picture.py

examples/report-2024.docx is examples/report-2024.txt as a drafter has it in Word: set out
to GB/T 9704 but for the level-1 headings' font, with the half-width commas and 截止 a web
page leaves behind. The
script runs `lintlaw check examples/report-2024.docx --fix`, has LibreOffice turn the
reviewed copy into a PDF (its tracked changes shown as Word shows them) and its first page
with pdftoppm into docs/reviewed-copy.png, and prints the comments. Needs LibreOffice (soffice)
and poppler-utils.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# What a copy from a web page did to the text: half-width commas, and the common 截止.
PASTED = {"2024年，青山县教育局坚持": "2024年,青山县教育局坚持",
          "为指导，认真落实": "为指导,认真落实",
          "全年办理政务服务事项1260件，按时办结率100%。": "截止目前,全年办理政务服务事项1260件,按时办结率100%。",
          "梳理行政许可事项18项，全部": "梳理行政许可事项18项,全部",
          "一是听取法律顾问意见；二是公开征求意见；": "一是听取法律顾问意见;二是公开征求意见;"}


def word_example(out: Path) -> Path:
    """The example report as a Word document set out to GB/T 9704 (A4, its margins and line
    grid, 仿宋_GB2312 三号, the title in 方正小标宋简体 二号, page numbers “— 1 —”), but for
    one slip a drafter makes: the level-1 headings in 宋体 instead of 黑体."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    sys.path.insert(0, str(ROOT))
    from tests.layout_documents import east_asian, page, page_number, pages, set_run

    text = (ROOT / "examples" / "report-2024.txt").read_text(encoding="utf-8")
    for typed, pasted in PASTED.items():
        assert typed in text, typed
        text = text.replace(typed, pasted)
    document = docx.Document()
    normal = document.styles["Normal"]
    east_asian(normal.element, "仿宋_GB2312")
    normal.font.size = Pt(16)
    normal.paragraph_format.line_spacing = 1.0
    normal.paragraph_format.space_after = Pt(0)
    page(document.sections[0])
    lines = [line for line in text.splitlines() if line.strip()]
    for number, line in enumerate(lines):
        paragraph = document.add_paragraph()
        run = paragraph.add_run(line)
        if number == 0:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            set_run(run, "方正小标宋简体", 22)
        elif line[:2] in ("一、", "二、", "三、"):
            set_run(run, "宋体")
        elif line.startswith("（") and line[1:3].rstrip("）") in "一二三四五":
            set_run(run, "楷体_GB2312")
        elif number >= len(lines) - 2:  # the signature and date
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    page_number(document.sections[0])
    pages(document, 1)
    document.core_properties.author = "青山县教育局"
    document.save(out)
    return out


def main() -> None:
    example = word_example(ROOT / "examples" / "report-2024.docx")
    run = subprocess.run([sys.executable, "-m", "lintlaw", "check", "--isolated", "--fix", str(example)],
                         capture_output=True, text=True, check=False)
    print(run.stderr.strip())
    copy = example.with_name("report-2024.lintlaw.docx")
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    out = ROOT / "docs" / "reviewed-copy.png"
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        # The comments are not drawn: LibreOffice without its user interface cannot print them in
        # the margin, and as PDF notes their marks cover the text. The script prints them instead.
        subprocess.run([soffice, f"-env:UserInstallation=file://{folder / 'profile'}", "--headless", "--convert-to",
                        "pdf", "--outdir", str(folder), str(copy)], check=True, capture_output=True)
        subprocess.run(["pdftoppm", "-png", "-r", "110", "-f", "1", "-l", "1", "-singlefile",
                        str(folder / copy.with_suffix(".pdf").name), str(out.with_suffix(""))],
                       check=True, capture_output=True)
    sys.path.insert(0, str(ROOT))
    from tests.test_annotate import comments

    for note in comments(copy):
        print(f"[{note['anchored']}] {note['text']}")
    copy.unlink()
    print(out)


if __name__ == "__main__":
    main()

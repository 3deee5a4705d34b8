"""Accept or reject every tracked change of Word documents in LibreOffice, and print their text.

Run by the system Python that has LibreOffice's UNO bridge (Debian's python3-uno), not by the
test suite's interpreter: the tests start it once and talk to it through its standard input
and output, one JSON object a line each way.

    in:  {"path": "/abs/report.docx", "action": "accept" | "reject" | "none", "save": "/abs/out.docx"?}
    out: {"lines": [...], "changes": N, "comments": [[author, text], ...]}
         or {"error": "..."}

Each output line is the document's text as a reader sees it after the action: one entry per
paragraph in reading order (a table's cells row by row), with LibreOffice's own rendering of
Word's automatic numbering in front; `changes` is the number of tracked changes left, and
`comments` every comment's author and text. With "save", LibreOffice also saves the document
as it read it (before the action) to that path, as Word, WPS or a drafter saving it would.
"""

import json
import os
import re
import subprocess
import sys
import tempfile
import time
import zipfile

import uno  # noqa: F401 - sets up the com.sun.star imports below
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException

START_SECONDS = 120
WORD = "MS Word 2007 XML"


def _property(name, value):
    item = PropertyValue()
    item.Name, item.Value = name, value
    return item


def connect(soffice):
    """Start a private LibreOffice listening on a pipe and connect to it."""
    profile = tempfile.mkdtemp(prefix="lintlaw-lo-profile-")
    pipe = f"lintlaw{os.getpid()}"
    process = subprocess.Popen(
        [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--nologo",
         "--norestore", f"--accept=pipe,name={pipe};urp;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + START_SECONDS
    while True:
        try:
            context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            break
        except NoConnectException:
            # The office opens its pipe some time after it starts; there is nothing to wait on.
            if process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("LibreOffice did not start")
            time.sleep(0.1)
    return process, context


def text_of(document):
    lines = []
    walk(document.Text, lines)
    return lines


def walk(text, lines):
    items = text.createEnumeration()
    while items.hasMoreElements():
        item = items.nextElement()
        if item.supportsService("com.sun.star.text.Paragraph"):
            lines.append(item.ListLabelString + item.getString())
        elif item.supportsService("com.sun.star.text.TextTable"):
            for name in item.getCellNames():
                walk(item.getCellByName(name), lines)


def comments_of(document, remove=False):
    """Each comment's author and text; with `remove`, the comments are then deleted."""
    found, notes = [], []
    fields = document.TextFields.createEnumeration()
    while fields.hasMoreElements():
        field = fields.nextElement()
        if field.supportsService("com.sun.star.text.TextField.Annotation"):
            found.append([field.Author, field.Content])
            notes.append(field)
    if remove:
        for note in notes:
            note.dispose()
    return found


def load_model(context, path):
    """A Word document as a model only, with no view (nothing drawn)."""
    document = context.ServiceManager.createInstanceWithContext("com.sun.star.text.TextDocument", context)
    document.load((_property("URL", uno.systemPathToFileUrl(path)), _property("FilterName", WORD)))
    return document


def handle(context, desktop, dispatcher, request):
    """One request. Writer's view of a document draws its comments in windows the build
    without a user interface (libreoffice-writer-nogui) lacks, and stops: so the comments are
    read from the document loaded as a model only, and the changes accepted or rejected in a
    view of a copy without the comments' marks in the text (the changes are untouched)."""
    model = load_model(context, request["path"])
    try:
        if request.get("save"):  # the document as LibreOffice saves it, comments and all
            model.storeToURL(uno.systemPathToFileUrl(request["save"]), (_property("FilterName", WORD),))
        comments = comments_of(model)
    finally:
        model.close(True)
    with tempfile.TemporaryDirectory(prefix="lintlaw-lo-") as folder:
        bare = os.path.join(folder, "bare.docx")
        without_comment_marks(request["path"], bare)
        document = desktop.loadComponentFromURL(uno.systemPathToFileUrl(bare), "_blank", 0,
                                                (_property("Hidden", True),))
        try:
            command = {"accept": ".uno:AcceptAllTrackedChanges",
                       "reject": ".uno:RejectAllTrackedChanges"}.get(request["action"])
            if command:
                dispatcher.executeDispatch(document.CurrentController.Frame, command, "", 0, ())
            return {"lines": text_of(document), "changes": document.Redlines.Count, "comments": comments}
        finally:
            document.close(True)


_COMMENT_MARKS = re.compile(
    r"<w:commentRange(?:Start|End)\b[^>]*/>"
    r"|<w:r>(?:(?!</w:r>).)*?<w:commentReference\b[^>]*/>(?:(?!<w:r[ >]).)*?</w:r>"
    r"|<w:commentReference\b[^>]*/>", re.S)


def without_comment_marks(path, out):
    """A copy of a Word file whose text holds no comment anchors or references."""
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                data = _COMMENT_MARKS.sub("", data.decode("utf-8")).encode("utf-8")
            target.writestr(item, data)


def main():
    soffice = sys.argv[1] if len(sys.argv) > 1 else "soffice"
    process, context = connect(soffice)
    manager = context.ServiceManager
    desktop = manager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
    dispatcher = manager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", context)
    print(json.dumps({"ready": True}), flush=True)
    try:
        for line in sys.stdin:
            request = json.loads(line)
            try:
                answer = handle(context, desktop, dispatcher, request)
            except Exception as err:  # report, and go on with the next document
                answer = {"error": f"{type(err).__name__}: {err}"}
            print(json.dumps(answer, ensure_ascii=False), flush=True)
    finally:
        desktop.terminate()
        process.wait(timeout=60)


if __name__ == "__main__":
    main()

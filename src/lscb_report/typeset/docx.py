"""Markdown to Word with pandoc, for councils that take committee papers as Word documents.

pandoc comes from the pypandoc-binary wheel, which ships its binary. It runs with
``--sandbox``, so it reads nothing but its input and the reference document (no file named
in the content, nothing from the network), and it reads the Markdown as CommonMark with
tables, the dialect the HTML is made from. Raw HTML in the content stays text, as it does in
the HTML. The reference document gives the styles: ``templates/reference.docx``, or a
board's own.

pandoc marks each table's first row as a header row, which Word repeats on every page. Its
file is then finished with python-docx: the title, language and date in the document's
properties, each picture's description on both of its elements, and a draft or restricted
edition marked at the top and in the page header. Last, the zip is written again with every
entry dated by the build, so that two builds give the same bytes.
"""

from __future__ import annotations

import io
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import docx
from docx.document import Document
from docx.oxml.ns import qn

READER = "commonmark+pipe_tables+gfm_auto_identifiers"
LANGUAGE = "en-GB"
_RAW_AS_TEXT = """\
function RawInline(el) return pandoc.Str(el.text) end
function RawBlock(el)
  local lines = {}
  for line in (el.text:gsub("%s+$", "") .. "\\n"):gmatch("(.-)\\n") do
    if #lines > 0 then table.insert(lines, pandoc.LineBreak()) end
    table.insert(lines, pandoc.Str(line))
  end
  return pandoc.Para(lines)
end
"""


@dataclass(frozen=True)
class WordDocument:
    """What Word needs besides the Markdown."""

    title: str
    created: date
    reference: Path | None = None
    marks: tuple[str, ...] = ()
    """Words that mark every page, such as DRAFT: at the top and in the page header."""


def markdown_to_docx(markdown: str, document: WordDocument) -> bytes:
    """The Markdown as a Word document, the same bytes for the same input."""
    with Conversion(markdown, document) as conversion:
        return conversion.result()


def pandoc_path() -> str:
    """The pandoc binary that the pypandoc-binary wheel ships."""
    import pypandoc

    return str(pypandoc.get_pandoc_path())


class Conversion:
    """A Word document being made: pandoc starts at once, in a process of its own, so that
    the build can typeset PDFs meanwhile; ``result`` waits for it and finishes the file."""

    def __init__(self, markdown: str, document: WordDocument) -> None:
        self.document = document
        self._folder = tempfile.TemporaryDirectory(prefix="lscb-report-docx-")
        folder = Path(self._folder.name)
        (folder / "raw-as-text.lua").write_text(_RAW_AS_TEXT, encoding="utf-8")
        (folder / "in.md").write_text(markdown, encoding="utf-8")
        command = [pandoc_path(), "--sandbox", "--quiet", f"--from={READER}", "--to=docx"]
        command += [f"--lua-filter={folder / 'raw-as-text.lua'}", f"--metadata=lang:{LANGUAGE}"]
        command += [f"--output={folder / 'out.docx'}", str(folder / "in.md")]
        if document.reference is not None:
            command.append(f"--reference-doc={document.reference}")
        self._process = subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )

    def result(self) -> bytes:
        """The finished Word document, once pandoc has made it."""
        _, errors = self._process.communicate()
        if self._process.returncode != 0:
            message = errors.decode("utf-8", "replace").strip()
            raise RuntimeError(f"pandoc failed ({self._process.returncode}): {message}")
        made = (Path(self._folder.name) / "out.docx").read_bytes()
        return _finished(made, self.document)

    def close(self) -> None:
        """Stop pandoc if it is still running, and remove its folder."""
        if self._process.poll() is None:
            self._process.kill()
        self._process.communicate()
        self._folder.cleanup()

    def __enter__(self) -> Conversion:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def _finished(data: bytes, document: WordDocument) -> bytes:
    """pandoc's file with its properties, header rows, pictures and marks seen to."""
    word = docx.Document(io.BytesIO(data))
    stamp = datetime(document.created.year, document.created.month, document.created.day)
    properties = word.core_properties
    properties.title = document.title
    properties.language = LANGUAGE
    properties.created = properties.modified = stamp
    _describe_pictures(word)
    if document.marks:
        _mark(word, document.marks)
    out = io.BytesIO()
    word.save(out)
    return _dated(out.getvalue(), stamp)


def _describe_pictures(word: Document) -> None:
    """Give each picture's inner element the description of the picture (pandoc leaves the
    image's address there), so that no reader or converter finds one without the other."""
    for inline in word.element.body.iter(qn("wp:inline")):
        described = inline.find(qn("wp:docPr"))
        if described is None:
            continue
        for inner in inline.iter(qn("pic:cNvPr")):
            inner.set("descr", described.get("descr", ""))


def _mark(word: Document, marks: tuple[str, ...]) -> None:
    """The marks as the first paragraph and in every section's page header."""
    text = " | ".join(marks)
    if word.paragraphs:
        word.paragraphs[0].insert_paragraph_before().add_run(text).bold = True
    else:
        word.add_paragraph().add_run(text).bold = True
    for section in word.sections:
        header = section.header
        header.is_linked_to_previous = False
        paragraph = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
        if paragraph.text:
            paragraph = header.add_paragraph()
        paragraph.add_run(text).bold = True


def _dated(data: bytes, stamp: datetime) -> bytes:
    """The zip again, each entry dated ``stamp`` (never before 1980, which zip cannot hold)."""
    when = max(stamp, datetime(1980, 1, 1)).timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=when)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(entry.filename))
    return out.getvalue()

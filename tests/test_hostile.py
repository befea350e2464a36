"""The corpus of hostile snippets (tests/hostile/, format in its README), and what the PDF
engine may read: nothing outside the report, whatever the content or templates ask."""

from __future__ import annotations

import io
import shutil
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader
from typer.testing import CliRunner, Result

from lscb_report.cli.app import app
from lscb_report.typeset.pdf import RefusedFetch, html_to_pdf
from tests.conftest import SMALL
from tests.payload import live_html, live_markdown, put
from tests.rules.test_safety import FILE, PNG

runner = CliRunner()
CORPUS = Path(__file__).parent / "hostile"


@dataclass(frozen=True)
class Snippet:
    name: str
    expect: str
    payload: str
    message: str = ""
    at: tuple[int, int] = (1, 1)
    shows: str = ""


def read_snippet(path: Path) -> Snippet:
    head, payload = path.read_text(encoding="utf-8").split("\n---\n", 1)
    fields = dict(line.split(": ", 1) for line in head.splitlines())
    row, column = (int(n) for n in fields.get("at", "1:1").split(":"))
    return Snippet(
        path.stem,
        fields["expect"],
        payload.rstrip("\n"),
        fields.get("message", ""),
        (row, column),
        fields.get("shows", ""),
    )


SNIPPETS = [read_snippet(p) for p in sorted(CORPUS.glob("*.md"))]
REFUSED = [s for s in SNIPPETS if s.expect == "refused"]
TEXT = [s for s in SNIPPETS if s.expect == "text"]


def run(*args: str) -> Result:
    result = runner.invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


def test_the_corpus_has_both_kinds() -> None:
    assert len(REFUSED) >= 15 and len(TEXT) >= 15
    assert {s.expect for s in SNIPPETS} == {"refused", "text"}


@pytest.mark.parametrize("snippet", REFUSED, ids=[s.name for s in REFUSED])
def test_a_hostile_link_or_image_is_refused_where_it_stands(small: Path, snippet: Snippet) -> None:
    (small / "images").mkdir()
    (small / "images" / "dot.png").write_bytes(PNG)
    summary, body = put(small, snippet.payload)
    result = run("check", "2020-21")
    assert result.exit_code == 1, result.output
    row, column = snippet.at
    for field, first in (("summary", summary), ("body", body)):
        start = f"{FILE}:{first + row - 1}:{column + 2}: {field}: "
        assert any(
            line.startswith(start) and snippet.message in line
            for line in result.output.splitlines()
        ), f"expected {start}...{snippet.message} in\n{result.output}"
    built = run("build", "2020-21", "--format", "md", "--format", "html")
    assert built.exit_code == 1
    assert not (small.parent / "build").exists()


@pytest.mark.parametrize("snippet", TEXT, ids=[s.name for s in TEXT])
def test_hostile_markup_stays_text(small: Path, snippet: Snippet) -> None:
    put(small, snippet.payload)
    checked = run("check", "2020-21")
    assert checked.exit_code == 0, checked.output
    built = run("build", "2020-21", "--format", "md", "--format", "html")
    assert built.exit_code == 0, built.output
    out = small.parent / "build" / "2020-21"
    for document in ("executive-summary", "annual-report"):
        assert live_markdown((out / f"{document}.md").read_text()) == []
        html = (out / f"{document}.html").read_text()
        assert live_html(html) == []
        assert snippet.shows in visible_text(html)


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.skip = False

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.skip = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self.skip = False

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def visible_text(html: str) -> str:
    """The text a reader sees in a page: no markup, entities decoded."""
    parser = _Text()
    parser.feed(html)
    return straight("".join(parser.parts))


def straight(text: str) -> str:
    """Text with the typographer's curly quotes made straight again, as the markup was typed:
    prose prints quotes curly, markup shown as text included."""
    return text.translate(str.maketrans("\u2018\u2019\u201c\u201d", "''\"\""))


# --- the PDF ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile_pdf(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, str]:
    """The annual report typeset once with every 'text' snippet in one priority."""
    root = tmp_path_factory.mktemp("hostile")
    content = root / "content"
    shutil.copytree(SMALL, content)
    put(content, "\n\n".join(s.payload for s in TEXT))
    out = root / "build"
    result = run(
        "build", "2020-21", "--content", str(content), "--out", str(out), "--document",
        "annual-report", "--format", "pdf",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    data = (out / "2020-21" / "annual-report.pdf").read_bytes()
    reader = PdfReader(io.BytesIO(data))
    return data, straight(
        " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)
    )


def pdf_dangers(data: bytes) -> list[str]:
    """Embedded files, scripts, launch actions and unsafe links anywhere in a PDF."""
    found = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        names = pdf.Root.get("/Names", pikepdf.Dictionary())
        found += [f"/Names{key}" for key in ("/EmbeddedFiles", "/JavaScript") if key in names]
        found += [f"/Root{key}" for key in ("/AF", "/OpenAction") if key in pdf.Root]
        for obj in pdf.objects:
            if not isinstance(obj, pikepdf.Dictionary):
                continue
            found += [key for key in ("/EmbeddedFile", "/JS", "/Launch") if key in obj]
            if obj.get("/Type") == pikepdf.Name.Filespec:
                found.append("/Filespec")
            if obj.get("/S") in (pikepdf.Name.JavaScript, pikepdf.Name.Launch):
                found.append(f"action {obj.get('/S')}")
            uri = str(obj.get("/URI", "https:"))
            if not uri.lower().startswith(("http:", "https:", "mailto:")):
                found.append(f"/URI {uri}")
    return found


def test_the_pdf_of_hostile_content_embeds_nothing_and_shows_the_markup(
    hostile_pdf: tuple[bytes, str],
) -> None:
    data, text = hostile_pdf
    assert pdf_dangers(data) == []
    assert b"root:x:0:0" not in data
    for shown in (
        "<script>alert(document.cookie)</script>",
        "<link rel=attachment href=file:///etc/passwd>",
        "<img src=/etc/passwd>",
        '<a rel="attachment" href="file:///etc/passwd">the report</a>',
    ):
        assert shown in text


def test_the_pdf_check_finds_an_attachment(tmp_path: Path) -> None:
    """The check above would see a file embedded by an engine that read one."""
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0")
    with pikepdf.new() as pdf:
        pdf.attachments["secret.txt"] = pikepdf.AttachedFileSpec.from_filepath(pdf, secret)
        buffer = io.BytesIO()
        pdf.save(buffer)
    assert "/Names/EmbeddedFiles" in pdf_dangers(buffer.getvalue())


PAGE = '<html lang="en"><head><title>t</title>{head}</head><body><p>Hi</p>{body}</body></html>'


@pytest.mark.parametrize(
    ("head", "body"),
    [
        ('<link rel="attachment" href="file://{secret}">', ""),
        ("", '<a rel="attachment" href="file://{secret}">x</a>'),
        ("", '<img src="{secret}" alt="x">'),
        ("", '<img src="file://{secret}" alt="x">'),
        ("", '<img src="http://127.0.0.1:9/x.png" alt="x">'),
        ("<style>p {{ background: url(file://{secret}) }}</style>", ""),
        ('<style>@import url("file://{secret}");</style>', ""),
        ("", '<object data="file://{secret}"></object>'),
        (
            "<style>@font-face {{ font-family: x; src: url(file://{secret}) }} p {{ font-family: x }}</style>",
            "",
        ),
    ],
)
def test_the_pdf_engine_reads_nothing_outside_the_document(
    tmp_path: Path, head: str, body: str
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0")
    html = PAGE.format(head=head.format(secret=secret), body=body.format(secret=secret))
    with pytest.raises(RefusedFetch) as refused:
        html_to_pdf(html)
    assert str(refused.value).startswith("refused to read ")
    assert str(refused.value).endswith(": a report may only use files inside it")


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("page.html.j2", '<link rel="attachment" href="file:///etc/passwd">'),
        ("style.css", "main { background: url(/etc/passwd); }"),
    ],
)
def test_a_template_that_reaches_outside_stops_the_build(small: Path, name: str, text: str) -> None:
    args = ["build", "2020-21", "--format", "md", "--format", "pdf", "--document", "annual-report"]
    assert run(*args).exit_code == 0
    out = small.parent / "build" / "2020-21"
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    templates = small.parent / "templates"
    templates.mkdir()
    default = Path(__file__).parents[1] / "templates" / name
    source = default.read_text()
    source = source.replace("</head>", text + "\n</head>") if name.endswith(".j2") else text
    (templates / name).write_text(source)
    result = run(*args)
    assert result.exit_code == 1
    url = "file:///etc/passwd" if name.endswith(".j2") else "/etc/passwd"
    assert result.output.splitlines()[-2:] == [
        f"annual-report.pdf: refused to read {url}: a report may only use files inside it; "
        "the build stops (look for that address in the templates)",
        "2020-21: 1 error in 1 file; nothing was written",
    ]
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before

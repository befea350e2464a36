"""Content safety: links, images, raw HTML and overlong texts, each refused (or flagged) at the
line and column where it stands, and the renderers' second line behind the check."""

from __future__ import annotations

import base64
import os
import struct
import zlib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lscb_report.cli.app import app
from lscb_report.render.markup import markdown_to_body
from lscb_report.rules.safety import MAX_TEXT, link_problem, safe_markdown
from lscb_report.rules.scanning import scan
from tests.payload import PRIORITY, line_of, live_markdown, put

runner = CliRunner()
HINT = "link to a web page (https://...), an e-mail address (mailto:...) or a heading (#...)"
FILE = "content/2020-21/priorities/01-neglect.yaml"
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGP4z8AARAwQCgAf7gP9i18U1AAAAABJRU5ErkJggg=="
)


def check(*args: str) -> tuple[int, list[str]]:
    """The exit code and the problems check prints, but for other rules' word on the payload
    (a word such as JaVaScRiPt looks like an acronym to the glossary's rule)."""
    result = runner.invoke(app, ["check", "2020-21", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    lines = result.output.splitlines()
    return result.exit_code, [
        line
        for line in lines
        if line.startswith("content/") and "looks like an acronym" not in line
    ]


@pytest.mark.parametrize(
    ("href", "problem"),
    [
        ("https://example.org", None),
        ("HTTP://example.org", None),
        ("mailto:lscb@example.gov.uk", None),
        ("#glossary", None),
        ("javascript:alert(1)", "the link 'javascript:alert(1)' uses javascript:"),
        ("JaVaScRiPt:alert(1)", "the link 'JaVaScRiPt:alert(1)' uses javascript:"),
        ("java%09script:alert(1)", "the link 'java\\x09script:alert(1)' uses javascript:"),
        ("%6A%61vascript:alert(1)", "the link 'javascript:alert(1)' uses javascript:"),
        ("vbscript:msgbox(1)", "the link 'vbscript:msgbox(1)' uses vbscript:"),
        (
            "data:text/html;base64,PHNjcmlwdD4=",
            "the link 'data:text/html;base64,PHNjcmlwdD4=' uses data:",
        ),
        ("FILE:///etc/passwd", "the link 'FILE:///etc/passwd' uses file:"),
        ("tel:01234", "the link 'tel:01234' uses tel:"),
        ("//evil.example/x", "the link '//evil.example/x' is not a web address"),
        ("annual-report.pdf", "the link 'annual-report.pdf' is not a web address"),
    ],
)
def test_only_web_mail_and_heading_links(href: str, problem: str | None) -> None:
    found = link_problem(href)
    if problem is None:
        assert found is None
    else:
        assert found is not None
        assert found.startswith(
            problem + (", which a report may not use; " if " uses " in problem else "; ")
        )
        assert found.endswith(HINT)


def test_a_javascript_link_is_refused_where_it_stands_in_the_block(small: Path) -> None:
    summary, body = put(small, "Our work.\n\nSee [the site](JaVaScRiPt:alert(1)) for more.")
    code, lines = check()
    assert code == 1
    message = "the link 'JaVaScRiPt:alert(1)' uses javascript:, which a report may not use; " + HINT
    assert lines == [
        f"{FILE}:{summary + 2}:7: summary: {message}",
        f"{FILE}:{body + 2}:7: body: {message}",
    ]


@pytest.mark.parametrize(
    ("markdown", "row", "column", "shown"),
    [
        ("[x](&#106;avascript:alert(1))", 0, 3, "javascript:alert(1)"),
        ("[x](&#x6A;avascript:alert(1))", 0, 3, "javascript:alert(1)"),
        ("[x](javascript&colon;alert(1))", 0, 3, "javascript:alert(1)"),
        ("a [x](java&#x09;script:alert(1))", 0, 5, "java\\x09script:alert(1)"),
        ("a [x](<java\tscript:alert(1)>)", 0, 5, "java\\x09script:alert(1)"),
        ("a [x](   javascript:alert(1) 'title')", 0, 5, "javascript:alert(1)"),
        ("an <javascript:alert(1)> autolink", 0, 6, "javascript:alert(1)"),
        ("- a list\n  - with [x](vbscript:msgbox(1))", 1, 12, "vbscript:msgbox(1)"),
        ("> quoted [x](data:text/html,hi)", 0, 12, "data:text/html,hi"),
        ("| a | b |\n| - | - |\n| c | [x](file:///etc/passwd) |", 2, 9, "file:///etc/passwd"),
        ("[![A dot](images/dot.png)](javascript:alert(1))", 0, 3, "javascript:alert(1)"),
    ],
)
def test_tricks_do_not_hide_a_link(
    small: Path, markdown: str, row: int, column: int, shown: str
) -> None:
    (small / "images").mkdir()
    (small / "images" / "dot.png").write_bytes(PNG)
    summary, _ = put(small, markdown)
    code, lines = check()
    assert code == 1
    assert lines[0].startswith(f"{FILE}:{summary + row}:{column}: summary: the link '{shown}'")


def test_a_reference_link_is_refused_at_its_definition(small: Path) -> None:
    summary, _ = put(small, "Read [the guide][g].\n\n[g]: javascript:alert(1)")
    code, lines = check()
    assert code == 1
    assert lines[0].startswith(f"{FILE}:{summary + 2}:3: summary: the link 'javascript:alert(1)'")
    assert len(lines) == 2  # once in the summary, once in the body: not again where it is used


def test_a_link_in_a_one_line_value_is_placed_too(small: Path, edit) -> None:  # type: ignore[no-untyped-def]
    edit(small / PRIORITY, "title: Neglect", 'title: "Neglect, see [x](javascript:alert(1))"')
    code, lines = check()
    assert code == 1
    title = line_of(small / PRIORITY, "title:")
    assert lines[0].startswith(f"{FILE}:{title}:22: title: the link 'javascript:alert(1)'")


def test_a_link_in_a_folded_block_is_placed_by_its_words(small: Path, edit) -> None:  # type: ignore[no-untyped-def]
    edit(
        small / PRIORITY,
        "to_develop: |\n  Recording needs to improve.",
        "to_develop: >\n  Recording needs\n  to improve: [x](javascript:alert(1)).",
    )
    code, lines = check()
    assert code == 1
    second = line_of(small / PRIORITY, "to_develop: >") + 2
    assert lines[0].startswith(f"{FILE}:{second}:15: to_develop: the link 'javascript:alert(1)'")


def test_raw_html_is_a_warning_and_stays_text(small: Path) -> None:
    summary, _ = put(small, "Hello <script>alert(1)</script>\n\n<!-- a note -->")
    code, lines = check()
    assert code == 0
    assert lines[:3] == [
        f"{FILE}:{summary}:9: warning: summary: raw HTML (<script>) is printed as text, not "
        "used as markup; write Markdown instead, such as **bold** or [a link](https://example.org)",
        f"{FILE}:{summary}:25: warning: summary: raw HTML (</script>) is printed as text, not "
        "used as markup; write Markdown instead, such as **bold** or [a link](https://example.org)",
        f"{FILE}:{summary + 2}:3: warning: summary: the HTML comment <!-- a note --> would be "
        "printed in the report as it is; delete it, or keep the note in a YAML comment (a line "
        "starting with #)",
    ]
    strict, _ = check("--strict")
    assert strict == 1


def test_an_overlong_text_is_refused_before_it_is_read(small: Path) -> None:
    summary, _ = put(small, "![" * (MAX_TEXT // 2 + 1))
    code, lines = check()
    assert code == 1
    assert lines[0] == (
        f"{FILE}:{summary}:3: summary: this text is 100,003 characters long, over the "
        "limit of 100,000 for one value; split it into shorter sections"
    )


# --- images ---------------------------------------------------------------------------------

SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4" fill="#c00"/></svg>'


@pytest.fixture
def images(small: Path) -> Path:
    folder = small / "images"
    folder.mkdir()
    (folder / "dot.png").write_bytes(PNG)
    (folder / "square.svg").write_bytes(SVG)
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 20)
    return folder


@pytest.mark.parametrize(
    ("src", "problem"),
    [
        (
            "/etc/passwd",
            "is outside the content folder; write its path from the content folder, such as images/chart.png",
        ),
        (
            "../secret.png",
            "goes outside the content folder (through '..'); keep the image in the content folder and write its path from there, such as images/chart.png",
        ),
        (
            "images/%2e%2e/%2e%2e/secret.png",
            "goes outside the content folder (through '..'); keep the image in the content folder and write its path from there, such as images/chart.png",
        ),
        (
            "..\\secret.png",
            "goes outside the content folder (through '..'); keep the image in the content folder and write its path from there, such as images/chart.png",
        ),
        (
            "file:///etc/passwd",
            "is not a file in the content folder (file: addresses cannot be used); write its path from the content folder, such as images/chart.png",
        ),
        (
            "https://example.org/pixel.png",
            "is on the internet; a report may only show images kept in the content folder: save it there and write its path from the content folder, such as images/chart.png",
        ),
        (
            "data:image/png;base64,iVBORw0KGgo=",
            "is not a file in the content folder (data: addresses cannot be used); write its path from the content folder, such as images/chart.png",
        ),
        (
            "javascript:alert(1)",
            "is not a file in the content folder (javascript: addresses cannot be used); write its path from the content folder, such as images/chart.png",
        ),
        (
            "images/missing.png",
            "is not in the content folder: there is no file content/images/missing.png",
        ),
        ("images/notes.txt", "is not a PNG, JPEG or SVG image; save it as one of those"),
        (
            "images/.hidden.png",
            "is not a plain path: use letters, digits, '-', '_' and '.' in names, with '/' between folders, such as images/chart.png",
        ),
    ],
)
def test_an_image_must_be_a_file_in_the_content_folder(
    images: Path, src: str, problem: str
) -> None:
    summary, _ = put(images.parent, f"A picture: ![A picture]({src})")
    code, lines = check()
    assert code == 1
    shown = src.replace("%2e", ".")
    assert lines[0] == f"{FILE}:{summary}:14: summary: the image '{shown}' {problem}"


def test_an_image_that_links_out_of_the_folder_is_refused(images: Path) -> None:
    os.symlink("/etc/passwd", images / "passwd.png")
    put(images.parent, "![The password file](images/passwd.png)")
    code, lines = check()
    assert code == 1
    assert lines[0].endswith(
        "summary: the image 'images/passwd.png' leads outside the content folder (through a "
        "link); copy the image in"
    )


def test_an_image_needs_a_description(images: Path) -> None:
    summary, _ = put(images.parent, "![](images/dot.png) and ![  ](images/square.svg)")
    code, lines = check()
    assert code == 1
    assert lines[:2] == [
        f"{FILE}:{summary}:3: summary: the image 'images/dot.png' has no description; write "
        "what it shows between the brackets, ![Chart of referrals by year](images/dot.png), for "
        "readers who cannot see it",
        f"{FILE}:{summary}:27: summary: the image 'images/square.svg' has no description; write "
        "what it shows between the brackets, ![Chart of referrals by year](images/square.svg), "
        "for readers who cannot see it",
    ]


@pytest.mark.parametrize(
    ("svg", "problem"),
    [
        (
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "has a <script> element, which could run a program; remove it",
        ),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
            "has an event handler (onload=...), which runs a program; remove it",
        ),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink"><image x:href="file:///etc/passwd"/></svg>',
            "refers to something outside it (href=file:///etc/passwd); remove it",
        ),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg"><a href="javascript:alert(1)"><rect/></a></svg>',
            "refers to something outside it (href=javascript:alert(1)); remove it",
        ),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill: url(https://evil.example/x)"/></svg>',
            "refers to something outside it (fill: url(https://evil.example/x)); remove it",
        ),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg"><style>@import "https://evil.example/x.css";</style></svg>',
            "has a style that refers to something outside it; remove it",
        ),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><p>x</p></foreignObject></svg>',
            "has a <foreignObject> element, which could run a program; remove it",
        ),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg"><a><set attributeName="href" to="javascript:alert(1)"/></a></svg>',
            "has a <set> element that changes a link; remove it",
        ),
        (
            b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>',
            "declares a DOCTYPE, entities or a stylesheet; save it as plain SVG without them",
        ),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg"><rect',
            "is not a well-formed SVG image; save it again from the drawing program",
        ),
        (b"<html><body/></html>", "is not an SVG image (its first element is not <svg>)"),
    ],
)
def test_an_svg_with_a_script_or_outside_reference_is_refused(
    images: Path, svg: bytes, problem: str
) -> None:
    (images / "drawing.svg").write_bytes(svg)
    put(images.parent, "![A drawing](images/drawing.svg)")
    code, lines = check()
    assert code == 1
    assert lines[0].endswith(f"summary: the image 'images/drawing.svg' {problem}")


def test_an_image_must_be_what_its_name_says(images: Path) -> None:
    (images / "fake.png").write_bytes(b"<script>alert(1)</script>")
    put(images.parent, "![A fake](images/fake.png)")
    code, lines = check()
    assert code == 1
    assert lines[0].endswith(
        "summary: the image 'images/fake.png' is not a PNG image inside, whatever its name "
        "says; save it again as PNG"
    )


def test_an_image_over_the_size_limit_is_refused(images: Path) -> None:
    (images / "big.png").write_bytes(PNG + b"\0" * 5000)
    put(images.parent, "![A big dot](images/big.png)")
    code, lines = check("--max-file-size", "5000")
    assert code == 1
    assert lines[0].endswith(
        f"summary: the image 'images/big.png' is {len(PNG) + 5000:,} bytes, over the limit of "
        "5,000; make it smaller (or raise the limit with --max-file-size)"
    )


def test_images_in_the_folder_are_inlined_in_the_html(images: Path) -> None:
    put(images.parent, "![A red dot](images/dot.png) ![A red square](images/square.svg)")
    code, _ = check()
    assert code == 0
    result = runner.invoke(app, ["build", "2020-21", "--format", "md", "--format", "html"])
    assert result.exit_code == 0, result.output
    out = images.parent.parent / "build" / "2020-21"
    html = (out / "annual-report.html").read_text()
    png = base64.b64encode(PNG).decode()
    assert f'<img src="data:image/png;base64,{png}" alt="A red dot" />' in html
    svg = (  # as written again without its metadata
        b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        b'width="4" height="4"><rect width="4" height="4" fill="#c00"></rect></svg>'
    )
    assert f'<img src="data:image/svg+xml;base64,{base64.b64encode(svg).decode()}"' in html
    assert "![A red dot](images/dot.png)" in (out / "annual-report.md").read_text()


# --- the second line: the renderers ----------------------------------------------------------


def test_the_html_renderer_shows_an_image_it_was_not_given_as_its_description() -> None:
    body = markdown_to_body("![The passwords](/etc/passwd) ![A dot](images/dot.png)")
    assert body == "<p>![The passwords](/etc/passwd) A dot</p>\n"
    given = markdown_to_body("![A dot](images/dot.png)", {"images/dot.png": "file:///x"}.get)
    assert given == "<p>A dot</p>\n"


def test_the_html_renderer_refuses_unsafe_links_and_raw_html() -> None:
    body = markdown_to_body(
        "[a](javascript:alert(1)) [b](&#106;avascript:x) <javascript:x> <b onclick=x>c</b>"
    )
    assert "<a" not in body and "<b" not in body
    assert "&lt;b onclick=x&gt;c&lt;/b&gt;" in body


def test_the_markdown_keeps_nothing_live() -> None:
    hostile = (
        "Hi <script>alert(1)</script> [a](javascript:alert(1)) <vbscript:x>\n\n"
        "<div onclick=x>\n<iframe src=x>\n\n"
        '<a title="<img src=x onerror=alert(1)>">x</a> ![x](file:///etc/passwd)\n\n'
        "[r]: javascript:alert(1)\n\n`<code>` [ok](https://example.org) ![fine](images/a.png)"
    )
    assert live_markdown(hostile) != []
    safe = safe_markdown(hostile)
    assert live_markdown(safe) == []
    assert "`<code>` [ok](https://example.org) ![fine](images/a.png)" in safe
    assert "Hi \\<script>alert(1)\\</script> \\[a](javascript:alert(1))" in safe


def test_the_markdown_of_safe_content_is_untouched() -> None:
    text = "# Title\n\n- [Contents](#contents)\n\n| a | b |\n| - | - |\n| `<x>` | 2 < 3 |\n"
    assert safe_markdown(text) == text
    assert [f.kind for f in scan(text)] == ["link"]


def test_raw_html_is_flagged_ten_times_a_text_at_most(small: Path) -> None:
    put(small, "<b>x</b> " * 12 + "[then](javascript:alert(1))")
    code, lines = check()
    assert code == 1  # the link after the HTML is still found
    summary = [line for line in lines if ": summary: raw HTML" in line]
    assert len(summary) == 10
    assert summary[-1].endswith("(and every other piece of HTML after it in this text)")
    assert any(": summary: the link 'javascript:alert(1)'" in line for line in lines)


def png_header(width: int, height: int) -> bytes:
    """The start of a PNG file: its signature and header chunk, claiming a size."""
    chunk = b"IHDR" + struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return PNG[:8] + struct.pack(">I", 13) + chunk + struct.pack(">I", zlib.crc32(chunk))


def jpeg_header(width: int, height: int) -> bytes:
    """The start of a JPEG file: a JFIF segment, then a start-of-frame claiming a size."""
    jfif = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    frame = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    return b"\xff\xd8" + jfif + frame


@pytest.mark.parametrize(
    ("name", "data", "problem"),
    [
        (
            "bomb.png",
            png_header(20_000, 20_000),
            "is 20,000 by 20,000 pixels, more than a report needs (at most 40 million); save a smaller copy",
        ),
        (
            "bomb.jpg",
            jpeg_header(65_000, 65_000),
            "is 65,000 by 65,000 pixels, more than a report needs (at most 40 million); save a smaller copy",
        ),
        ("cut.png", PNG[:10], "is not a PNG image that can be read; save it again as PNG"),
        (
            "cut.jpg",
            b"\xff\xd8\xff\xe0\x00",
            "is not a JPEG image that can be read; save it again as JPEG",
        ),
    ],
)
def test_an_image_too_big_to_decode_is_refused_by_its_header(
    images: Path, name: str, data: bytes, problem: str
) -> None:
    (images / name).write_bytes(data)
    put(images.parent, f"![A picture](images/{name})")
    code, lines = check()
    assert code == 1
    assert lines[0].endswith(f"summary: the image 'images/{name}' {problem}")


def test_a_photo_of_a_sensible_size_is_accepted(images: Path) -> None:
    (images / "photo.jpg").write_bytes(jpeg_header(4000, 3000) + b"\xff\xd9")
    put(images.parent, "![A photo](images/photo.jpg)")
    assert check()[0] == 0


@pytest.mark.parametrize("kind", ["pipe", "/dev/zero", "/etc/passwd"])
def test_only_plain_files_inside_the_content_folder_are_read(small: Path, kind: str) -> None:
    """A pipe or a device would make reading hang; a link out would read another file."""
    priority = small / "2020-21" / "priorities" / "03-evil.yaml"
    image = small / "images" / "evil.png"
    image.parent.mkdir()
    if kind == "pipe":
        os.mkfifo(priority)
        os.mkfifo(image)
        expected = (
            "is not a file that can be read (it is a folder, device or pipe); put a YAML file here"
        )
        image_problem = "is not in the content folder: there is no file content/images/evil.png"
    else:
        os.symlink(kind, priority)
        os.symlink(kind, image)
        expected = "is a link to a file outside the content folder; put the file itself here"
        image_problem = "leads outside the content folder (through a link); copy the image in"
    put(small, "![Evil](images/evil.png)")
    code, lines = check()
    assert code == 1
    assert f"content/2020-21/priorities/03-evil.yaml:1:1: {expected}" in lines
    assert any(
        line.endswith(f"summary: the image 'images/evil.png' {image_problem}") for line in lines
    )
    assert not any("root:" in line for line in lines)


def test_a_board_can_make_raw_html_an_error(small: Path) -> None:
    board = small / "board.yaml"
    board.write_text(
        board.read_text().replace("rules:\n", "rules:\n  severity:\n    raw-html: error\n")
    )
    summary, _ = put(small, "Hello <b>bold</b>")
    code, lines = check()
    assert code == 1
    assert lines[0].startswith(f"{FILE}:{summary}:9: summary: raw HTML (<b>) is printed as text")

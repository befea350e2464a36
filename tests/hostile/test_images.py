"""Images carry pictures only: what a camera or drawing program adds is taken out before
publishing; what an image would cost to show is counted and bounded."""

from __future__ import annotations

import base64
import io
import re
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image
from typer.testing import CliRunner, Result

from lscb_report.cli.app import app
from lscb_report.rules.safety import MAX_IMAGES_TOTAL
from tests.payload import put
from tests.rules.test_safety import FILE, PNG

runner = CliRunner()
PERSONAL = "Jane Doe, 12 Acacia Avenue"


def run(*args: str) -> Result:
    result = runner.invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


def chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_with_text() -> bytes:
    text = chunk(b"tEXt", b"Author\x00" + PERSONAL.encode())
    exif = chunk(b"eXIf", b"MM\x00*" + PERSONAL.encode())
    return PNG[:33] + text + exif + PNG[33:]


def jpeg_with_exif() -> bytes:
    exif = Image.Exif()
    exif[0x013B] = PERSONAL  # Artist
    exif[0x010E] = PERSONAL  # ImageDescription
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 0, 0)).save(buffer, "JPEG", exif=exif, comment=PERSONAL)
    return buffer.getvalue()


SVG_WITH_METADATA = f"""<svg xmlns="http://www.w3.org/2000/svg"
  xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"
  inkscape:export-filename="/home/jane/{PERSONAL}.png" width="4" height="4">
  <title>{PERSONAL}</title><desc>{PERSONAL}</desc><!-- {PERSONAL} -->
  <metadata><author>{PERSONAL}</author></metadata>
  <inkscape:note>{PERSONAL}</inkscape:note>
  <rect width="4" height="4" fill="#c00"/>
</svg>""".encode()


def published(small: Path, name: str, data: bytes, formats: tuple[str, ...] = ("html",)) -> str:
    """The annual report's HTML (or PDF's bytes, as text) showing the image."""
    (small / "images").mkdir(exist_ok=True)
    (small / "images" / name).write_bytes(data)
    put(small, f"![A red square](images/{name})")
    args = [a for fmt in formats for a in ("--format", fmt)]
    result = run("build", "2020-21", "--document", "annual-report", *args)
    assert result.exit_code == 0, result.output
    out = small.parent / "build" / "2020-21"
    return (out / f"annual-report.{formats[0]}").read_bytes().decode("latin-1")


def images_in(html: str) -> list[bytes]:
    """The images the content put in a page (not the charts)."""
    found = re.findall(r'src="data:image/[^;]+;base64,([^"]+)" alt="A red square"', html)
    return [base64.b64decode(data) for data in found]


def test_a_pngs_text_chunks_are_not_published(small: Path) -> None:
    html = published(small, "square.png", png_with_text())
    (image,) = images_in(html)
    assert PERSONAL.encode() not in image
    assert image == PNG  # the picture, chunk for chunk
    assert Image.open(io.BytesIO(image)).size == (2, 2)


def test_a_jpegs_exif_and_comment_are_not_published(small: Path) -> None:
    html = published(small, "photo.jpg", jpeg_with_exif())
    (image,) = images_in(html)
    assert PERSONAL.encode() not in image
    picture = Image.open(io.BytesIO(image))
    assert picture.size == (8, 8) and not picture.getexif()
    assert picture.convert("RGB").getpixel((4, 4))[0] > 150


def test_a_jpegs_exif_is_not_in_the_pdf(small: Path) -> None:
    pdf = published(small, "photo.jpg", jpeg_with_exif(), ("pdf",))
    assert PERSONAL not in pdf


def test_an_svgs_title_description_metadata_and_comments_are_not_published(
    small: Path,
) -> None:
    html = published(small, "square.svg", SVG_WITH_METADATA)
    (image,) = images_in(html)
    assert PERSONAL.encode() not in image and b"inkscape" not in image
    assert b'<rect width="4" height="4" fill="#c00"></rect>' in image


def check_image(small: Path, name: str, data: bytes) -> list[str]:
    (small / "images").mkdir(exist_ok=True)
    (small / "images" / name).write_bytes(data)
    summary, _ = put(small, f"![A picture](images/{name})")
    result = run("check", "2020-21")
    assert result.exit_code == 1
    return [line for line in result.output.splitlines() if line.startswith(f"{FILE}:{summary}:")]


def use_bomb(levels: int = 10, width: int = 10) -> bytes:
    groups = ['<g id="l0"><rect width="1" height="1"/></g>']
    for level in range(1, levels + 1):
        uses = "".join(f'<use href="#l{level - 1}"/>' for _ in range(width))
        groups.append(f'<g id="l{level}">{uses}</g>')
    return f'<svg xmlns="http://www.w3.org/2000/svg">{"".join(groups)}</svg>'.encode()


@pytest.mark.parametrize(
    ("svg", "message"),
    [
        (
            use_bomb(),
            "draws more than 100,000 shapes (through <use> references, or nesting too deep)",
        ),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg"><g id="a"><use href="#a"/></g></svg>',
            "draws more than 100,000 shapes",
        ),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill:\\75rl(https://x.example/a)"/></svg>',
            "refers to something outside it",
        ),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg"><style>@\\69mport "https://x.example/a.css";</style></svg>',
            "has a style that refers to something outside it",
        ),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg"><style>r/**/ect{fill:u\\rl(/etc/passwd)}</style></svg>',
            "has a style that refers to something outside it",
        ),
    ],
)
def test_an_svg_that_would_cost_or_reach_out_is_refused(
    small: Path, svg: bytes, message: str
) -> None:
    lines = check_image(small, "bomb.svg", svg)
    assert len(lines) == 1 and message in lines[0], lines


def test_an_svg_of_moderate_reuse_is_shown(small: Path) -> None:
    html = published(small, "tiles.svg", use_bomb(levels=3))
    assert len(images_in(html)) == 1


def test_a_jpeg_with_a_huge_second_frame_is_refused(small: Path) -> None:
    data = jpeg_with_exif()
    start = data.index(b"\xff\xc0")
    length = struct.unpack(">H", data[start + 2 : start + 4])[0]
    huge = bytearray(data[start : start + 2 + length])
    huge[5:9] = struct.pack(">HH", 60000, 60000)
    bad = data[: start + 2 + length] + bytes(huge) + data[start + 2 + length :]
    lines = check_image(small, "frames.jpg", bad)
    assert lines[0].endswith(
        "the image 'images/frames.jpg' is 60,000 by 60,000 pixels, more than a report needs "
        "(at most 40 million); save a smaller copy"
    )


def test_one_image_shown_thousands_of_times_is_refused(small: Path) -> None:
    (small / "images").mkdir()
    big = PNG[:33] + chunk(b"IDAT", b"\x00" * 900_000) + PNG[33:]
    (small / "images" / "big.png").write_bytes(big)
    times = MAX_IMAGES_TOTAL // 1_200_000 + 2
    put(small, "\n".join("![A big picture](images/big.png)" for _ in range(times)))
    result = run("check", "2020-21")
    assert result.exit_code == 1
    assert any(
        line.startswith(f"{FILE}:")
        and "the images shown up to here, each time it is shown, add up to more than "
        "20,000,000 bytes, the most one report may hold"
        in line
        for line in result.output.splitlines()
    ), result.output
    assert not (small.parent / "build").exists()

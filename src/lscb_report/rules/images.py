"""Images in content: files inside the content folder, PNG, JPEG or plain SVG, made into
``data:`` URIs so the HTML stands alone and the PDF engine, which reads nothing else, can
show them. Anything else (a path out of the folder, a web address, an SVG with a script or
a reference to another file) is refused with a reason a person can act on."""

from __future__ import annotations

import base64
import re
import struct
from pathlib import Path
from urllib.parse import unquote
from xml.etree import ElementTree

from lscb_report.content.loading import display_path
from lscb_report.files import NOT_A_FILE, Unreadable, read_plain
from lscb_report.rules.pictures import (
    MAX_SHAPES,
    css_plain,
    jpeg_pictures_only,
    local_name,
    png_pictures_only,
    shapes,
    svg_pictures_only,
)

IMAGE_TYPES = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".svg": "image/svg+xml",
}
EXAMPLE = "such as images/chart.png"
MAX_PIXELS = 40_000_000
_NAME = re.compile(r"[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*(/[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*)*")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
_MAGIC = {"image/png": b"\x89PNG\r\n\x1a\n", "image/jpeg": b"\xff\xd8\xff"}
_SVG_ACTIVE = {"script", "foreignobject", "iframe", "object", "embed", "handler", "listener"}
_SVG_SETTERS = {"set", "animate"}


def image_data(root: Path, src: str, max_bytes: int) -> tuple[str | None, str | None]:
    """The image at ``src``, a path from the content folder, as a ``data:`` URI; or, when it
    cannot be used, why not."""
    path = unquote(src)
    problem = _path_problem(path)
    if problem:
        return None, problem
    file = root / path
    inside = root.resolve()
    if not file.resolve().is_relative_to(inside):
        return None, "leads outside the content folder (through a link); copy the image in"
    kind = IMAGE_TYPES.get(file.suffix.lower())
    if kind is None:
        return None, "is not a PNG, JPEG or SVG image; save it as one of those"
    if not file.is_file():  # a folder, or a pipe or device that could make reading hang
        return None, f"is not in the content folder: there is no file {display_path(file)}"
    try:
        data = read_plain(file, max_bytes)
    except Unreadable as error:
        if error.size is not None:
            return None, (
                f"is {error.size:,} bytes, over the limit of {max_bytes:,}; make it smaller "
                "(or raise the limit with --max-file-size)"
            )
        if error.reason == NOT_A_FILE:
            return None, "is a link or not a plain file; copy the image itself in"
        return None, f"cannot be read ({error.reason})"
    problem = svg_problem(data) if kind == "image/svg+xml" else _type_problem(data, kind)
    if problem:
        return None, problem
    cleaned, problem = pictures_only(data, kind)
    if cleaned is None:
        return None, problem
    return f"data:{kind};base64,{base64.b64encode(cleaned).decode('ascii')}", None


def pictures_only(data: bytes, kind: str) -> tuple[bytes | None, str | None]:
    """A checked image with its metadata taken out (see pictures.py), or why it cannot be."""
    if kind == "image/png":
        return png_pictures_only(data), "is not a PNG image that can be read; save it again"
    if kind == "image/jpeg":
        jpeg = jpeg_pictures_only(data)
        return (jpeg[0] if jpeg else None), "is not a JPEG image that can be read; save it again"
    root = ElementTree.fromstring(data.decode("utf-8"))
    if shapes(root) > MAX_SHAPES:
        return None, (
            f"draws more than {MAX_SHAPES:,} shapes (through <use> references, or nesting "
            "too deep), which would take the PDF engine hours; simplify it"
        )
    return svg_pictures_only(root).encode("utf-8"), None


def _path_problem(path: str) -> str | None:
    """Why a path cannot name a file inside the content folder, if it cannot."""
    scheme = _SCHEME.match(path)
    if scheme and scheme.group(1).lower() in ("http", "https"):
        return (
            "is on the internet; a report may only show images kept in the content folder: "
            f"save it there and write its path from the content folder, {EXAMPLE}"
        )
    if scheme:
        return (
            f"is not a file in the content folder ({scheme.group(1).lower()}: addresses "
            f"cannot be used); write its path from the content folder, {EXAMPLE}"
        )
    if path.startswith(("/", "\\", "~")):
        return f"is outside the content folder; write its path from the content folder, {EXAMPLE}"
    if ".." in re.split(r"[/\\]", path):
        return (
            "goes outside the content folder (through '..'); keep the image in the content "
            f"folder and write its path from there, {EXAMPLE}"
        )
    if not _NAME.fullmatch(path):
        return (
            "is not a plain path: use letters, digits, '-', '_' and '.' in names, with '/' "
            f"between folders, {EXAMPLE}"
        )
    return None


def _type_problem(data: bytes, kind: str) -> str | None:
    """Why a PNG or JPEG file cannot be used: not what its name says, or so many pixels that
    decoding it would take the memory of a machine (a small file can hold a huge image)."""
    name = "PNG" if kind == "image/png" else "JPEG"
    if not data.startswith(_MAGIC[kind]):
        return f"is not a {name} image inside, whatever its name says; save it again as {name}"
    sizes = _png_sizes(data) if kind == "image/png" else _jpeg_sizes(data)
    if not sizes:
        return f"is not a {name} image that can be read; save it again as {name}"
    width, height = max(sizes, key=lambda size: size[0] * size[1])
    if width * height > MAX_PIXELS:
        return (
            f"is {width:,} by {height:,} pixels, more than a report needs (at most "
            f"{MAX_PIXELS // 1_000_000} million); save a smaller copy"
        )
    return None


def _png_sizes(data: bytes) -> list[tuple[int, int]]:
    """Width and height from a PNG's header chunk."""
    if len(data) < 24 or data[12:16] != b"IHDR":
        return []
    width, height = struct.unpack(">II", data[16:24])
    return [(width, height)]


def _jpeg_sizes(data: bytes) -> list[tuple[int, int]]:
    """Width and height from every one of a JPEG's frame headers (a small first frame could
    hide a huge one after it)."""
    jpeg = jpeg_pictures_only(data)
    return jpeg[1] if jpeg else []


def svg_problem(data: bytes) -> str | None:
    """Why an SVG image is unsafe to show (a script, a link to another file), if it is."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return "is not an SVG image (it is not UTF-8 text); save it again as SVG"
    lowered = text.lower()
    if "<!doctype" in lowered or "<!entity" in lowered or "<?xml-stylesheet" in lowered:
        return "declares a DOCTYPE, entities or a stylesheet; save it as plain SVG without them"
    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError:
        return "is not a well-formed SVG image; save it again from the drawing program"
    if local_name(root.tag) != "svg":
        return "is not an SVG image (its first element is not <svg>)"
    for element in root.iter():
        problem = _element_problem(element)
        if problem:
            return problem
    return None


def _element_problem(element: ElementTree.Element) -> str | None:
    """Why one element of an SVG image is unsafe, if it is."""
    name = local_name(element.tag)
    if name.lower() in _SVG_ACTIVE:
        return f"has a <{name}> element, which could run a program; remove it"
    for attribute, value in element.attrib.items():
        shown, flat = local_name(attribute), re.sub(r"\s", "", css_plain(value)).lower()
        key = shown.lower()
        if key.startswith("on"):
            return f"has an event handler ({shown}=...), which runs a program; remove it"
        if key == "href" and not flat.startswith("#"):
            return f"refers to something outside it ({shown}={value[:60]}); remove it"
        if name.lower() in _SVG_SETTERS and key == "attributename" and "href" in flat:
            return f"has a <{name}> element that changes a link; remove it"
        if _external(flat):
            return f"refers to something outside it ({value[:60]}); remove it"
    style = re.sub(r"\s", "", css_plain(element.text or "")).lower()
    if name.lower() == "style" and _external(style):
        return "has a style that refers to something outside it; remove it"
    return None


def _external(flat: str) -> bool:
    """Whether CSS or an attribute value (spaces removed, lower case) reaches outside."""
    references = re.findall(r"url\(['\"]?(.?)", flat)
    return "@import" in flat or "javascript:" in flat or any(r != "#" for r in references)

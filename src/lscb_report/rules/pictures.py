"""Images carry pictures only: what a camera or drawing program adds (EXIF with the author,
a description and GPS, PNG text chunks, an SVG's title, description, metadata, comments and
editor attributes) is taken out before an image is published, and what an image would cost
to show (every frame's pixels, every shape an SVG's ``<use>`` references draw) is counted.

PNG keeps its critical chunks and those that set its colours; JPEG keeps the segments that
decode it (APP14, which says how its colours are stored, among them) and drops every other
application segment and comment; SVG keeps the SVG (and xlink) elements and attributes.
"""

from __future__ import annotations

import re
import struct
from xml.etree import ElementTree
from xml.sax.saxutils import escape, quoteattr

MAX_SHAPES = 100_000
SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
_KEPT_NAMESPACES = {"", XLINK, "http://www.w3.org/XML/1998/namespace"}
_PNG_KEPT = {b"tRNS", b"gAMA", b"cHRM", b"sRGB"}
_JPEG_FRAMES = {*range(0xC0, 0xC4), *range(0xC5, 0xC8), *range(0xC9, 0xCC), *range(0xCD, 0xD0)}
_JPEG_ADOBE = 0xEE
_SVG_WORDS = {"desc", "title", "metadata"}
_CSS_HEX = re.compile(r"\\([0-9a-fA-F]{1,6})[ \t\n\r\f]?")
_CSS_CHAR = re.compile(r"\\(.)", re.DOTALL)
_CSS_COMMENT = re.compile(r"/\*.*?(\*/|$)", re.DOTALL)


def png_pictures_only(data: bytes) -> bytes | None:
    """A PNG without its ancillary chunks (text, EXIF, times and the rest) but those that
    set its colours; None when its chunks cannot be followed."""
    out, at = [data[:8]], 8
    while at + 12 <= len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        kind, end = data[at + 4 : at + 8], at + 12 + length
        if end > len(data):
            return None
        if kind[:1].isupper() or kind in _PNG_KEPT:
            out.append(data[at:end])
        if kind == b"IEND":
            return b"".join(out)
        at = end
    return None


def jpeg_pictures_only(data: bytes) -> tuple[bytes, list[tuple[int, int]]] | None:
    """A JPEG without its application segments (EXIF, XMP, ICC, thumbnails; but APP14) and
    comments, and the width and height of every frame it holds; None when its segments
    cannot be followed."""
    out, at = [data[:2]], 2
    frames: list[tuple[int, int]] = []
    while at + 1 < len(data):
        marker = data[at + 1]
        if data[at] != 0xFF:
            return None
        if marker == 0xFF:  # padding before a marker
            at += 1
            continue
        if marker == 0xD9:  # end of image
            out.append(data[at : at + 2])
            return b"".join(out), frames
        if 0xD0 <= marker <= 0xD8 or marker == 0x01:  # markers without a length
            out.append(data[at : at + 2])
            at += 2
            continue
        if at + 4 > len(data):
            return None
        end = at + 2 + struct.unpack(">H", data[at + 2 : at + 4])[0]
        if end > len(data):
            return None
        if marker in _JPEG_FRAMES and end >= at + 9:
            height, width = struct.unpack(">HH", data[at + 5 : at + 9])
            frames.append((width, height))
        if not (0xE0 <= marker <= 0xEF or marker == 0xFE) or marker == _JPEG_ADOBE:
            out.append(data[at:end])
        at = end
        if marker == 0xDA:  # a scan: its coded data runs to the next marker
            stop = _scan_end(data, at)
            out.append(data[at:stop])
            at = stop
    return (b"".join(out), frames) if frames else None


def _scan_end(data: bytes, at: int) -> int:
    """Where a scan's coded data ends: at the first marker that is not a stuffed byte or a
    restart marker (or at the end of the file)."""
    while True:
        at = data.find(b"\xff", at)
        if at < 0 or at + 1 >= len(data):
            return len(data)
        following = data[at + 1]
        if following == 0x00 or 0xD0 <= following <= 0xD7:
            at += 2
            continue
        return at


def css_plain(text: str) -> str:
    """CSS as it is read: comments removed and escapes decoded (``\\75rl(`` is ``url(``), so
    that a check sees what the engine would."""
    text = _CSS_COMMENT.sub("", text)
    text = _CSS_HEX.sub(lambda m: _char(int(m.group(1), 16)), text)
    return _CSS_CHAR.sub(lambda m: "" if m.group(1) == "\n" else m.group(1), text)


def _char(code: int) -> str:
    return chr(code) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "\ufffd"


def shapes(root: ElementTree.Element) -> int:
    """How many elements drawing the SVG takes, each ``<use>`` counted as the element it
    draws again (so ten nested uses of ten are ten billion), stopping past MAX_SHAPES."""
    ids = {element.get("id"): element for element in root.iter() if element.get("id")}
    memo: dict[int, int] = {}

    def count(element: ElementTree.Element, seen: frozenset[int]) -> int:
        if id(element) in seen:
            return MAX_SHAPES + 1  # a use that draws itself
        if id(element) in memo:
            return memo[id(element)]
        inside = seen | {id(element)}
        total = 1 + sum(count(child, inside) for child in element)
        target = (
            ids.get(_href(element).removeprefix("#")) if local_name(element.tag) == "use" else None
        )
        if target is not None:
            total += count(target, inside)
        memo[id(element)] = total = min(total, MAX_SHAPES + 1)
        return total

    try:
        return count(root, frozenset())
    except RecursionError:
        return MAX_SHAPES + 1


def svg_pictures_only(root: ElementTree.Element) -> str:
    """The SVG with only its SVG elements and attributes: no title, description, metadata or
    comment (the parser drops those), no editor's elements or attributes."""
    drawn = _namespace(root.tag)  # SVG's, or none in a file that does not declare it
    for parent in list(root.iter()):
        for child in list(parent):
            if _namespace(child.tag) != drawn or local_name(child.tag) in _SVG_WORDS:
                parent.remove(child)
        for name in list(parent.attrib):
            if _namespace(name) not in _KEPT_NAMESPACES:
                del parent.attrib[name]
    declared = (f' xmlns="{drawn}"' if drawn else "") + f' xmlns:xlink="{XLINK}"'
    return _written(root, declared)


def _written(element: ElementTree.Element, declared: str = "") -> str:
    """An element as XML with the SVG namespace as the default, written here rather than by
    ElementTree, whose prefixes depend on what other code has registered."""
    name = local_name(element.tag)
    attributes = "".join(
        f" {_prefix(key)}{local_name(key)}={quoteattr(value)}"
        for key, value in element.attrib.items()
    )
    inside = escape(element.text or "") + "".join(_written(child) for child in element)
    return f"<{name}{declared}{attributes}>{inside}</{name}>" + escape(element.tail or "")


def _prefix(attribute: str) -> str:
    return {XLINK: "xlink:", "http://www.w3.org/XML/1998/namespace": "xml:"}.get(
        _namespace(attribute), ""
    )


def _href(element: ElementTree.Element) -> str:
    return element.get("href") or element.get(f"{{{XLINK}}}href") or ""


def _namespace(name: str) -> str:
    return name[1:].split("}", 1)[0] if name.startswith("{") else ""


def local_name(name: str) -> str:
    """A tag or attribute name without its namespace."""
    return name.rsplit("}", 1)[-1]

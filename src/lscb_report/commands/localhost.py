"""What keeps the preview to its own user: it answers only to the names of this computer, and
a request that fails costs one line, never a traceback or the pages after it."""

from __future__ import annotations

import re
import sys
from http.server import ThreadingHTTPServer

# A page elsewhere that points its own name at 127.0.0.1 (DNS rebinding) sends that name as
# the Host header, and is turned away.
LOCAL_NAMES = frozenset({"127.0.0.1", "localhost"})
_WITH_PORT = re.compile(r"([^:]*):\d{1,5}")


def local_host(header: str) -> bool:
    """Whether a Host header names this computer as the preview's address does."""
    name = header.strip().lower()
    with_port = _WITH_PORT.fullmatch(name)
    return (with_port.group(1) if with_port else name) in LOCAL_NAMES


class LocalServer(ThreadingHTTPServer):
    """The preview's server: a request that fails (a browser gone in the middle of a page,
    say) is one line through the preview's events, not a traceback."""

    def handle_error(self, request: object, client_address: object) -> None:
        """One line for a request that failed."""
        error = sys.exc_info()[1]
        self.preview.on_event(f"a request failed: {error!r}")  # type: ignore[attr-defined]

"""The built site served on 127.0.0.1 the way a static host serves it, counting the bytes it sends.

Like GitHub Pages or Netlify: text, JSON, JavaScript and WebAssembly gzip-compressed for browsers
that accept it, ETags for revalidation, and `Cache-Control: no-cache` (always revalidate) except for
assets/pyodide/ and assets/decision/, whose URLs change whenever their contents do, so browsers may
keep them for a year.
"""

import gzip
import hashlib
import sys
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

LONG_LIVED = ("/assets/pyodide/", "/assets/decision/")
TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".map": "application/json",
    ".svg": "image/svg+xml",
    ".txt": "text/plain; charset=utf-8",
    ".xml": "application/xml",
    ".webmanifest": "application/manifest+json",
    ".wasm": "application/wasm",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".pdf": "application/pdf",
    ".ics": "text/calendar",
    ".zip": "application/zip",
    ".gz": "application/octet-stream",  # the snapshot: compressed already, inflated by the worker
}
COMPRESSED = (
    ".html",
    ".css",
    ".js",
    ".mjs",
    ".json",
    ".map",
    ".svg",
    ".txt",
    ".xml",
    ".wasm",
    ".ics",
    ".webmanifest",
)


@dataclass(frozen=True)
class Body:
    plain: bytes
    gzipped: bytes | None
    etag: str


class SiteServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, root: Path) -> None:
        super().__init__(("127.0.0.1", 0), SiteHandler)
        self.root = root.resolve()
        self.bodies: dict[Path, Body] = {}
        self.sent: Counter[str] = Counter()  # URL path -> bytes sent (headers and body)
        self.lock = threading.Lock()
        # Compressed now, as a static host keeps them, so no visit waits for the server to gzip a file.
        for path in sorted(self.root.rglob("*")):
            if path.is_file():
                self.body(path)

    def handle_error(self, request: object, client_address: object) -> None:
        # A browser closing a connection early is normal (a page closed mid-download).
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_port}/"

    def file_for(self, url_path: str) -> Path | None:
        path = (self.root / unquote(url_path).lstrip("/")).resolve()
        if path.is_dir():
            path = path / "index.html"
        if not path.is_relative_to(self.root) or not path.is_file():
            return None
        return path

    def body(self, path: Path) -> Body:
        with self.lock:
            if path not in self.bodies:
                plain = path.read_bytes()
                gzipped = gzip.compress(plain, 6, mtime=0) if path.suffix in COMPRESSED else None
                self.bodies[path] = Body(plain, gzipped, f'"{hashlib.sha256(plain).hexdigest()[:20]}"')
            return self.bodies[path]

    def count(self, url_path: str, size: int) -> None:
        with self.lock:
            self.sent[url_path] += size

    def take_counts(self) -> Counter[str]:
        """Bytes sent per URL path since the last call."""
        with self.lock:
            sent, self.sent = self.sent, Counter()
        return sent


class _CountingWriter:
    def __init__(self, stream, handler: "SiteHandler") -> None:
        self.stream = stream
        self.handler = handler

    def write(self, data: bytes) -> int:
        self.handler.server.count(urlsplit(self.handler.path).path, len(data))
        return self.stream.write(data)

    def __getattr__(self, name: str) -> object:
        return getattr(self.stream, name)


class SiteHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: SiteServer

    def setup(self) -> None:
        super().setup()
        self.wfile = _CountingWriter(self.wfile, self)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the benchmark and tests report what matters."""

    def do_GET(self) -> None:
        self._respond(send_body=True)

    def do_HEAD(self) -> None:
        self._respond(send_body=False)

    def _respond(self, send_body: bool) -> None:
        url_path = urlsplit(self.path).path
        path = self.server.file_for(url_path)
        if path is None:
            self._send(404, b"Not found\n", {"Content-Type": "text/plain; charset=utf-8"}, send_body)
            return
        body = self.server.body(path)
        headers = {
            "Content-Type": TYPES.get(path.suffix, "application/octet-stream"),
            "Cache-Control": (
                "public, max-age=31536000, immutable" if url_path.startswith(LONG_LIVED) else "no-cache"
            ),
            "ETag": body.etag,
            "Vary": "Accept-Encoding",
        }
        if self.headers.get("If-None-Match") == body.etag:
            self._send(304, b"", headers, send_body=False)
            return
        content = body.plain
        if body.gzipped is not None and "gzip" in self.headers.get("Accept-Encoding", ""):
            content = body.gzipped
            headers["Content-Encoding"] = "gzip"
        self._send(200, content, headers, send_body)

    def _send(self, status: int, content: bytes, headers: dict[str, str], send_body: bool) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        if status != 304:
            self.send_header("Content-Length", str(len(content)))
        self.end_headers()
        if send_body:
            self.wfile.write(content)


@contextmanager
def serve(root: Path) -> Iterator[SiteServer]:
    """Serve `root` on 127.0.0.1 at a free port until the block ends."""
    server = SiteServer(root)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join()

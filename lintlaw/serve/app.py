"""The HTTP side of `lintlaw serve`: routes, and the checks every request passes.

The standard library's ThreadingHTTPServer is enough: the page reads a file in the
browser and POSTs its raw bytes with the name in the query string, so there is no
multipart form to parse (the cgi module that parsed them is gone in Python 3.13).

Safety, in the order a request meets it:
- the server listens on 127.0.0.1 only;
- the Host header must name that address (or localhost) and this port: a page on another
  site whose name was re-pointed at 127.0.0.1 (DNS rebinding) is refused;
- every /api/ call carries the per-run token (compared in constant time);
- an upload larger than MAX_UPLOAD is refused before its body is read;
- uploads stay in memory and are forgotten when the request ends;
- at most WORKERS requests are handled at once (the others wait their turn), and a client
  that sends nothing for CLIENT_TIMEOUT seconds is dropped without a word on the terminal.
"""

from __future__ import annotations

import hmac
import json
import queue
import secrets
import sys
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, HTTPServer
from importlib import resources
from urllib.parse import parse_qs, urlsplit

from lintlaw.errors import LintlawError
from lintlaw.render.visible import one_line
from lintlaw.serve import analysis

# The annotated copies the page offers (what `check --annotate` writes), by reader: their media type.
_ANNOTATED = {"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
              "pdf": "application/pdf"}

MAX_UPLOAD = 20 * 1024 * 1024
WORKERS = 8  # threads handling requests; one page sends one request at a time
CLIENT_TIMEOUT = 20.0  # seconds a client may stay silent (an idle keep-alive connection too)
_GONE = (TimeoutError, ConnectionError)  # a client silent too long, or one that hung up
JSON = "application/json; charset=utf-8"
# The page runs only its own script and talks only to this server.
CSP = "default-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'"
HOST = "127.0.0.1"
STATIC = {"/": ("index.html", "text/html; charset=utf-8"),
          "/app.js": ("app.js", "text/javascript; charset=utf-8"),
          "/style.css": ("style.css", "text/css; charset=utf-8")}


class Server(HTTPServer):
    """An HTTP server whose connections wait in a queue for one of WORKERS threads: stalled
    uploads hold a few threads for CLIENT_TIMEOUT at most, never one thread each."""

    def __init__(self, port: int, plan_for, token: str | None = None):
        """`plan_for(name)` gives the rules and settings for an uploaded file of that name."""
        self._waiting: queue.Queue = queue.Queue()
        self._workers: list[threading.Thread] = []  # before binding: a failed bind closes the server
        super().__init__((HOST, port), Handler)
        self.plan_for = plan_for
        self.token = token or secrets.token_urlsafe(24)
        self.port = self.server_address[1]
        self.hosts = {f"{HOST}:{self.port}", f"localhost:{self.port}"}
        # Daemon threads: a client still connected when the server stops does not hold the exit.
        self._workers = [threading.Thread(target=self._work, name=f"lintlaw-serve-{i}", daemon=True)
                         for i in range(WORKERS)]
        for worker in self._workers:
            worker.start()

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}/?token={self.token}"

    def process_request(self, request, client_address) -> None:
        self._waiting.put((request, client_address))

    def _work(self) -> None:
        while (item := self._waiting.get()) is not None:
            request, client_address = item
            try:
                self.finish_request(request, client_address)
            except Exception:
                self.handle_error(request, client_address)
            finally:
                self.shutdown_request(request)

    def handle_error(self, request, client_address) -> None:
        """A client that hung up or went silent is no news; a bug is one line, not a traceback."""
        error = sys.exc_info()[1]
        if not isinstance(error, _GONE):
            print(one_line(f"lintlaw: 内部错误：{type(error).__name__}: {error}（请报告此问题）"), file=sys.stderr)

    def server_close(self) -> None:
        super().server_close()
        for _ in self._workers:
            self._waiting.put(None)


class Handler(BaseHTTPRequestHandler):
    server: Server
    protocol_version = "HTTP/1.1"
    timeout = CLIENT_TIMEOUT  # applies to every read and write on the connection

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass  # the terminal shows the address, not every request

    def do_GET(self):
        self._route("GET")

    def do_POST(self):
        self._route("POST")

    def _route(self, method: str) -> None:
        url = urlsplit(self.path)
        query = {key: values[-1] for key, values in parse_qs(url.query).items()}
        if self.headers.get("Host", "") not in self.server.hosts:
            return self._error(HTTPStatus.MISDIRECTED_REQUEST, "请求的主机名不是本机地址，已拒绝")
        if method == "GET" and url.path in STATIC:
            return self._static(*STATIC[url.path])
        if not url.path.startswith("/api/"):
            return self._error(HTTPStatus.NOT_FOUND, "没有这个页面")
        if not hmac.compare_digest(query.get("token", "").encode(), self.server.token.encode()):
            return self._error(HTTPStatus.FORBIDDEN, "口令不对：请使用 lintlaw serve 启动时显示的地址")
        routes = {("GET", "/api/rule"): self._rule, ("POST", "/api/check"): self._check,
                  ("POST", "/api/fix"): self._fix, ("POST", "/api/annotate"): self._annotate,
                  ("POST", "/api/review"): self._review}
        handler = routes.get((method, url.path))
        if handler is None:
            return self._error(HTTPStatus.NOT_FOUND, "没有这个接口")
        try:
            handler(query)
        except _GONE:  # the client went silent or hung up mid-request: nobody to answer
            self.close_connection = True
        except LintlawError as err:  # the one-line message the command line gives
            self._error(HTTPStatus.BAD_REQUEST, one_line(f"lintlaw: {err}"))
        except Exception as err:  # a bug: one line for the page, as `check` says it, not a dropped connection
            self._error(HTTPStatus.INTERNAL_SERVER_ERROR,
                        one_line(f"lintlaw: 内部错误：{type(err).__name__}: {err}（请报告此问题）"))

    # --- routes ---

    def _rule(self, query) -> None:
        info = analysis.rule_info(self.server.plan_for("").rules, query.get("code", ""))
        if info is None:
            return self._error(HTTPStatus.NOT_FOUND, f"没有代码或名称为“{query.get('code', '')}”的规则")
        self._json(info)

    def _check(self, query) -> None:
        loaded = self._upload(query)
        if loaded:
            source, plan = loaded
            self._json(analysis.check(source, plan))

    def _fix(self, query) -> None:
        loaded = self._upload(query)
        if loaded:
            source, plan = loaded
            unsafe = query.get("unsafe", "")  # ids of the findings whose unsafe fix is chosen, or "all"
            chosen = [int(i) for i in unsafe.split(",") if i.strip().isdigit()]
            self._json(analysis.fix(source, plan, chosen, every_unsafe=unsafe == "all"))

    def _annotate(self, query) -> None:
        loaded = self._upload(query)
        if not loaded:
            return
        source, plan = loaded
        if source.encoding not in _ANNOTATED:
            return self._error(HTTPStatus.BAD_REQUEST, "只有 Word 文档（.docx）和 PDF 文件可以生成批注版")
        data, _review = analysis.reviewed(source, plan)  # what `check --annotate` writes
        self._send(HTTPStatus.OK, data, _ANNOTATED[source.encoding])

    def _review(self, query) -> None:
        """Several files at once: the body holds them one after the other, `files` (JSON)
        their names and sizes in bytes, [[name, size], ...]."""
        try:
            listed = json.loads(query.get("files", ""))
            files = [(str(name).replace("\\", "/").rsplit("/", 1)[-1], int(size)) for name, size in listed]
        except (ValueError, TypeError):
            return self._error(HTTPStatus.BAD_REQUEST, "缺少文件清单（files：各文件的名称和字节数）")
        body = self._body(sum(size for _, size in files), "、".join(name for name, _ in files[:3]), "合计 ")
        if body is None:
            return
        uploads, at = [], 0
        for name, size in files:
            if not name or size < 0:
                return self._error(HTTPStatus.BAD_REQUEST, "文件清单中有无名或大小不对的文件")
            uploads.append((name, body[at:at + size]))
            at += size
        self._json(analysis.review(uploads, self.server.plan_for))

    # --- helpers ---

    def _body(self, expected: int | None, name: str, total: str = "") -> bytes | None:
        """The request's body (at most MAX_UPLOAD bytes; `expected` of them when given), or None
        after an error response; `total` words the size in the too-large message (合计)."""
        try:
            length = int(self.headers.get("Content-Length", ""))
        except ValueError:
            length = -1
        if length < 0:  # a negative length would read until the client hangs up
            self._error(HTTPStatus.LENGTH_REQUIRED, "缺少有效的 Content-Length")
            return None
        if length > MAX_UPLOAD:
            self._error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                        f"lintlaw: {name}: 文件太大（{total}{length / 2**20:.1f} MB），上限是 {MAX_UPLOAD // 2**20} MB")
            return None
        if expected is not None and length != expected:
            self._error(HTTPStatus.BAD_REQUEST, "文件清单中的大小与上传的内容不符")
            return None
        return self.rfile.read(length)

    def _upload(self, query):
        """The uploaded file as a Source and its plan, or None after an error response."""
        name = query.get("name", "").replace("\\", "/").rsplit("/", 1)[-1]
        if not name:
            self._error(HTTPStatus.BAD_REQUEST, "缺少文件名")
            return None
        data = self._body(None, name)
        if data is None:
            return None
        return analysis.load(data, name), self.server.plan_for(name)

    def _static(self, file: str, content_type: str) -> None:
        data = resources.files("lintlaw.serve").joinpath("static", file).read_bytes()
        self._send(HTTPStatus.OK, data, content_type)

    def _json(self, value) -> None:
        self._send(HTTPStatus.OK, json.dumps(value, ensure_ascii=False).encode(), JSON)

    def _error(self, status: HTTPStatus, message: str) -> None:
        self.close_connection = True  # an unread body must not be taken for the next request
        self._send(status, json.dumps({"error": message}, ensure_ascii=False).encode(), JSON)

    def _send(self, status: HTTPStatus, data: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Content-Security-Policy", CSP)
        self.send_header("Referrer-Policy", "no-referrer")
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(data)

"""Every request passes here first (an ASGI middleware around the whole app):

- Host must be 127.0.0.1:PORT or localhost:PORT (a page of another site that a DNS
  rebinding points at 127.0.0.1 sends its own name);
- Origin, when the browser sends one, must be this same address (a page of another site
  the clerk has open cannot post to us);
- the token: given once in the opening URL (``?token=…``), set as a cookie of this port and
  the address shown again without it; every request after that (static files too) must
  carry the cookie;
- a crash in one request is a Chinese line on the page (the traceback on the server's
  console only with DRAFTKIT_DEBUG=1); the server keeps running.
"""

from __future__ import annotations

import hmac
import os
import sys
import traceback
from urllib.parse import parse_qsl, urlencode

from draftkit.errors import DraftkitError
from draftkit.inputs import MB, REPORT_LIMIT

NO_TOKEN = "缺少访问令牌或令牌不对：请用 draftkit serve 启动时显示的地址（含 token=…）打开。"
BAD_HOST = "地址不对：只能从本机用 127.0.0.1 或 localhost 打开。"
BAD_ORIGIN = "拒绝来自其他网页的请求：请在 draftkit 自己的页面上操作。"
# A request's body: an uploaded report within the command line's limit (inputs.REPORT_LIMIT),
# with room for the form around it.
MAX_BODY = REPORT_LIMIT + MB
TOO_BIG = (f"上传的文件太大：一份报告不超过 {REPORT_LIMIT // MB} MB"
           "（图片多的 .docx 可另存为不带图片的副本再上传）。")


class TooBig(Exception):
    """The body went over MAX_BODY while it was read (a body sent without its length)."""


def _limited(receive):
    """``receive`` that stops a body at MAX_BODY bytes, however it is sent."""
    seen = 0

    async def wrapped():
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > MAX_BODY:
                raise TooBig
        return message

    return wrapped


def cookie_name(port: int) -> str:
    return f"draftkit-{port}"


class Guard:
    """The checks above around ``app``, for the server at ``port`` with ``token``."""

    def __init__(self, app, token: str, port: int):
        self.app, self.token, self.port = app, token, port
        self.hosts = {f"127.0.0.1:{port}", f"localhost:{port}"}
        self.cookie = cookie_name(port)

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            if scope["type"] == "websocket":
                await send({"type": "websocket.close", "code": 1008})
                return
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        partial = "x-draftkit" in headers
        host = headers.get("host", "")
        if host not in self.hosts:
            return await _refuse(send, BAD_HOST, 403, partial)
        origin = headers.get("origin")
        if origin is not None and origin != f"http://{host}":
            return await _refuse(send, BAD_ORIGIN, 403, partial)
        query = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
        given = dict(query).get("token")
        if given is not None and hmac.compare_digest(given.encode(), self.token.encode()):
            rest = urlencode([(k, v) for k, v in query if k != "token"])
            where = scope["path"] + (f"?{rest}" if rest else "")
            cookie = f"{self.cookie}={self.token}; Path=/; HttpOnly; SameSite=Strict"
            await send({"type": "http.response.start", "status": 303,
                        "headers": [(b"location", where.encode("latin-1")), (b"set-cookie", cookie.encode()),
                                    (b"cache-control", b"no-store"), (b"content-length", b"0")]})
            await send({"type": "http.response.body", "body": b""})
            return
        if not hmac.compare_digest(_cookie(headers.get("cookie", ""), self.cookie).encode(), self.token.encode()):
            return await _refuse(send, NO_TOKEN, 403, partial)
        length = headers.get("content-length", "")
        if length and (not length.isdigit() or int(length) > MAX_BODY):
            return await _refuse(send, TOO_BIG, 413, partial)
        await self._shielded(scope, _limited(receive), send, partial)

    async def _shielded(self, scope, receive, send, partial: bool):
        started = False

        async def watch(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message.setdefault("headers", [])
                message["headers"] = list(message["headers"]) + _SAFE_HEADERS
            await send(message)

        try:
            await self.app(scope, receive, watch)
        except TooBig:
            if not started:
                await _refuse(send, TOO_BIG, 413, partial)
        except Exception as exc:  # told on the page by crashed() below; here only on the console
            print(f"draftkit serve: {scope['method']} {scope['path']}: {type(exc).__name__}: {exc}", file=sys.stderr)
            if os.environ.get("DRAFTKIT_DEBUG"):
                traceback.print_exc()
            if not started:
                await _refuse(send, _crash_lines(exc), 500, partial)


# The pages are ours alone: no frame of another site, no script but our own file.
_SAFE_HEADERS = [(b"x-frame-options", b"DENY"), (b"x-content-type-options", b"nosniff"),
                 (b"referrer-policy", b"no-referrer"),
                 (b"content-security-policy",
                  b"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                  b"frame-ancestors 'none'; form-action 'self'; base-uri 'none'")]


def _crash_lines(exc: Exception) -> list[str]:
    return [f"draftkit 内部错误：{type(exc).__name__}: {exc}。已保存的内容不受影响，请刷新页面后重试。"]


async def refused(request, exc: DraftkitError):
    """A DraftkitError of a handler: its lines, status 400 (Starlette's exception handler)."""
    from draftkit.serve.pages import error_page

    return error_page([str(p) for p in exc.problems], 400, "x-draftkit" in request.headers)


async def crashed(request, exc: Exception):
    """A bug of ours in one request: a Chinese line on the page (the guard logs it)."""
    from draftkit.serve.pages import error_page

    if isinstance(exc, TooBig):
        return error_page([TOO_BIG], 413, "x-draftkit" in request.headers)
    return error_page(_crash_lines(exc), 500, "x-draftkit" in request.headers)


def _cookie(header: str, name: str) -> str:
    for part in header.split(";"):
        key, _, value = part.strip().partition("=")
        if key == name:
            return value
    return ""


async def _refuse(send, lines, status: int, partial: bool):
    from draftkit.serve.pages import error_page

    response = error_page([lines] if isinstance(lines, str) else lines, status, partial)
    await send({"type": "http.response.start", "status": status,
                "headers": [*response.raw_headers, *_SAFE_HEADERS]})
    await send({"type": "http.response.body", "body": response.body})

"""draftkit serve's guard in process (no server, no browser): a crash in one request."""

from __future__ import annotations


def test_a_crash_in_one_request_is_a_chinese_line_and_the_server_goes_on():
    """The guard around an app one of whose pages fails: that request gets a Chinese page
    (500), the next one is served."""
    import asyncio

    from starlette.applications import Starlette
    from starlette.responses import PlainTextResponse
    from starlette.routing import Route

    from draftkit.serve.guard import Guard, crashed

    def boom(request):
        raise ZeroDivisionError("division by zero")

    app = Guard(Starlette(routes=[Route("/boom", boom), Route("/ok", lambda r: PlainTextResponse("好"))],
                          exception_handlers={Exception: crashed}), "t0k", 8000)

    def call(path):
        sent = []

        async def receive():
            return {"type": "http.request", "body": b""}

        async def send(message):
            sent.append(message)

        scope = {"type": "http", "method": "GET", "path": path, "raw_path": path.encode(), "query_string": b"",
                 "headers": [(b"host", b"127.0.0.1:8000"), (b"cookie", b"draftkit-8000=t0k")], "scheme": "http",
                 "server": ("127.0.0.1", 8000), "client": ("127.0.0.1", 5000), "root_path": "", "http_version": "1.1"}
        asyncio.run(app(scope, receive, send))
        status = next(m["status"] for m in sent if m["type"] == "http.response.start")
        return status, b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body").decode()

    status, body = call("/boom")
    assert status == 500 and "draftkit 内部错误：ZeroDivisionError" in body and "Traceback" not in body
    assert call("/ok") == (200, "好")

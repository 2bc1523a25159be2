"""``draftkit serve``: the app on 127.0.0.1 only, at a free port (or the one asked for),
with a fresh random token; the address is printed with its token and opened in the
browser; Ctrl-C (or closing the console window) stops it with one line."""

from __future__ import annotations

import secrets
import socket
import sys
from pathlib import Path

from draftkit.errors import DraftkitError

HOST = "127.0.0.1"


def bind(port: int | None) -> socket.socket:
    """A listening socket on 127.0.0.1 (port 0 or None: one the system picks)."""
    from draftkit.inputs import os_reason

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.bind((HOST, port or 0))
    except OSError as exc:
        import errno

        sock.close()
        why = "已被占用，可能已有一个 draftkit serve 在运行" if exc.errno == errno.EADDRINUSE else os_reason(exc)
        raise DraftkitError(f"端口 {port} 无法使用（{why}）：换一个 --port，或不给 --port 自动选择") from None
    sock.listen(128)
    sock.set_inheritable(False)
    return sock


def run(folder: Path, port: int | None = None, open_browser: bool = True) -> int:
    import uvicorn

    from draftkit.serve.webapp import create_app

    if not folder.is_dir():
        raise DraftkitError(f"{folder}: 文件夹不存在")
    if port is not None and not 0 <= port <= 65535:
        raise DraftkitError(f"--port {port} 无效，应为 1–65535 之间的端口号")
    sock = bind(port)
    port = sock.getsockname()[1]
    token = secrets.token_urlsafe(24)
    url = f"http://{HOST}:{port}/?token={token}"
    try:  # Ctrl-C at any moment from here on stops the server the same way
        app = create_app(folder, token, port)
        print(f"draftkit 已启动，文件夹：{folder.resolve()}", flush=True)
        print(f"在浏览器中打开：{url}", flush=True)
        print("用完后按 Ctrl-C（或关闭本窗口）停止。", flush=True)
        if open_browser:
            import threading
            import webbrowser

            threading.Thread(target=webbrowser.open, args=(url,), daemon=True).start()  # the socket already listens
        server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off",
                                               server_header=False))
        server.run(sockets=[sock])
    except KeyboardInterrupt:
        pass
    finally:
        sock.close()
    print("draftkit 已停止；已保存的内容都在答案文件中。", file=sys.stderr, flush=True)
    return 0

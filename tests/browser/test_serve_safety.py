"""draftkit serve's guard, from outside: raw HTTP requests as another page, a rebinding
name or a curious program would send them (no browser needed), and the start page in
chromium."""

from __future__ import annotations

import http.client

import pytest
from playwright.sync_api import expect

from .conftest import shot


def _get(server, path: str, headers: dict | None = None, method: str = "GET", body: bytes | None = None):
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=20)
    conn.request(method, path, body=body, headers=headers or {})
    r = conn.getresponse()
    data = r.read().decode("utf-8", "replace")
    conn.close()
    return r, data


def _cookie(server) -> dict:
    return {"Cookie": f"draftkit-{server.port}={server.token}"}


def test_listens_on_loopback_only(server):
    import socket

    others = {a[4][0] for a in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)} - {"127.0.0.1"}
    for address in others:
        with pytest.raises(OSError):
            socket.create_connection((address, server.port), timeout=2).close()


def test_no_token_is_refused_everywhere(server):
    for path in ("/", "/static/draftkit.js", "/static/draftkit.css", "/new/defaults?issuer=x"):
        r, body = _get(server, path)
        assert r.status == 403, path
        assert "令牌" in body
    r, body = _get(server, "/", {"Cookie": f"draftkit-{server.port}=wrong"})
    assert r.status == 403
    r, body = _get(server, "/?token=wrong")
    assert r.status == 403


def test_the_token_in_the_url_becomes_a_cookie(server):
    r, _ = _get(server, f"/?token={server.token}")
    assert r.status == 303 and r.getheader("Location") == "/"
    cookie = r.getheader("Set-Cookie")
    assert cookie.startswith(f"draftkit-{server.port}={server.token};") and "HttpOnly" in cookie and "SameSite=Strict" in cookie
    r, body = _get(server, "/", _cookie(server))
    assert r.status == 200 and "新建报告" in body
    r, body = _get(server, "/static/draftkit.js", _cookie(server))
    assert r.status == 200 and "X-Draftkit" in body


def test_a_foreign_host_is_refused(server):
    for host in ("evil.example", f"evil.example:{server.port}", "127.0.0.1", f"127.0.0.2:{server.port}",
                 f"localhost.evil.example:{server.port}"):
        r, body = _get(server, "/", {**_cookie(server), "Host": host})
        assert r.status == 403, host
        assert "地址不对" in body
    r, _ = _get(server, "/", {**_cookie(server), "Host": f"localhost:{server.port}"})
    assert r.status == 200


def test_a_foreign_origin_is_refused(server):
    for origin in ("http://evil.example", "null", f"http://localhost:{server.port + 1}", f"https://127.0.0.1:{server.port}"):
        r, body = _get(server, "/new", {**_cookie(server), "Origin": origin,
                                        "Content-Type": "application/x-www-form-urlencoded"},
                       "POST", "issuer=%E9%9D%92%E5%B2%9A%E5%8E%BF%E4%BA%BA%E6%B0%91%E6%94%BF%E5%BA%9C".encode())
        assert r.status == 403, origin
        assert "其他网页" in body
    assert not any(server.folder.iterdir())  # nothing was written


def test_names_outside_the_folder_are_refused(server):
    (server.folder.parent / "outside.yaml").write_text("secret: 1\n", encoding="utf-8")
    for name in ("../outside.yaml", "..%2Foutside.yaml", "/etc/passwd.yaml", "..\\outside.yaml", ".hidden.yaml"):
        r, body = _get(server, "/new", {**_cookie(server), "Origin": server.base,
                                        "Content-Type": "application/x-www-form-urlencoded"}, "POST",
                       f"issuer=%E9%9D%92%E5%B2%9A%E5%8E%BF%E4%BA%BA%E6%B0%91%E6%94%BF%E5%BA%9C&file={name}".encode())
        assert r.status == 400, name
        assert "不是本文件夹中的" in body or "以外" in body, body
    assert (server.folder.parent / "outside.yaml").read_text(encoding="utf-8") == "secret: 1\n"
    assert not any(server.folder.iterdir())


def test_the_start_page_in_chromium(server, page):
    page.goto(server.url)
    assert page.url == server.base + "/"
    assert page.locator("h2", has_text="新建报告").is_visible()
    page.fill("input[name=issuer]", "青岚县司法局")
    page.locator("input[name=issuer]").dispatch_event("change")
    from draftkit.issuers import default_leader

    expect(page.locator("input[name=leader]")).to_have_value(default_leader("青岚县司法局", "部门", "青岚县"))
    assert page.input_value("select[name=level]") == "部门"
    assert page.input_value("input[name=file]").startswith("青岚县司法局")
    page.fill("input[name=year]", "二〇二五")
    page.click("text=写出初稿，开始编辑")
    page.wait_for_selector(".field.wrong")
    assert "请输入四位年份" in page.inner_text("#new-fields")
    shot(page, "start-page")
    assert not any(server.folder.iterdir())


def test_a_new_report_is_the_first_draft_of_new(server):
    """The start page's new report writes the answers file ``new --defaults`` would, with the
    answers given (the addressee typed wins), and it renders as any data file does."""
    from urllib.parse import urlencode

    from draftkit.report.loader import load_report_lenient

    form = {"issuer": "青岚县司法局", "level": "部门", "year": "2026", "leader": "局长", "addressee": "青岚县人民政府",
            "file": "司法局.yaml"}
    r, body = _get(server, "/new", {**_cookie(server), "Origin": server.base,
                                    "Content-Type": "application/x-www-form-urlencoded"}, "POST",
                   urlencode(form).encode())
    assert r.status == 303, body
    assert r.getheader("Location").startswith("/edit?file=")
    report, problems = load_report_lenient(server.folder / "司法局.yaml")
    assert [p.message for p in problems] == ["date（成文日期）应为日期，如 2026-02-20 或 2026年2月20日"]  # to fill, as in new
    assert (report.issuer.name, report.issuer.level, report.year, report.addressee) == \
        ("青岚县司法局", "部门", 2026, "青岚县人民政府")
    assert report.issuer.leader == "局长"
    r, body = _get(server, "/new", {**_cookie(server), "Origin": server.base,
                                    "Content-Type": "application/x-www-form-urlencoded"}, "POST",
                   urlencode(form).encode())
    assert r.status == 400 and "已存在" in body


def test_ctrl_c_stops_with_one_chinese_line(folder):
    import signal

    from .conftest import start_server

    s = start_server(folder)
    s.proc.send_signal(signal.SIGINT)
    assert s.proc.wait(20) == 0
    err = s.proc.stderr.read()
    assert "draftkit 已停止" in err and "Traceback" not in err, err


def test_an_oversized_upload_is_refused(server):
    from draftkit.serve.guard import MAX_BODY

    r, body = _get(server, "/import", {**_cookie(server), "Origin": server.base, "Content-Length": str(MAX_BODY + 1),
                                       "Content-Type": "multipart/form-data; boundary=x"}, "POST", b"")
    assert r.status == 413 and "太大" in body
    # sent without its length (chunked): stopped as it goes over, not read to the end
    import socket

    with socket.create_connection(("127.0.0.1", server.port), timeout=30) as sock:
        sock.sendall((f"POST /import HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\n"
                      f"Cookie: draftkit-{server.port}={server.token}\r\nTransfer-Encoding: chunked\r\n"
                      "Content-Type: multipart/form-data; boundary=x\r\n\r\n").encode())
        head = b'--x\r\nContent-Disposition: form-data; name="report"; filename="a.docx"\r\n\r\n'
        sock.sendall(b"%x\r\n%s\r\n" % (len(head), head))
        chunk = b"0" * (1 << 20)
        answer = b""
        try:
            for _ in range(MAX_BODY // len(chunk) + 2):
                sock.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        except OSError:  # the server answered and closed while we were still sending
            pass
        try:
            answer = sock.recv(4096)
        except OSError:
            pass
    assert b"413" in answer.split(b"\r\n")[0] if answer else True
    assert not any(server.folder.iterdir())
    r, _ = _get(server, "/", _cookie(server))
    assert r.status == 200  # and the server goes on


def _open_county(server, page) -> None:
    from conftest import EXAMPLES

    (server.folder / "county.yaml").write_bytes((EXAMPLES / "county.yaml").read_bytes())
    page.goto(server.url)
    page.goto(f"{server.base}/edit?file=county.yaml")


def test_a_sentence_of_script_is_text(server, page):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    _open_county(server, page)
    own = page.locator("form.own input[name=text]").first
    own.fill("<script>alert(1)</script>全面推行行政执法公示制度<img src=x onerror=alert(2)>")
    own.press("Enter")
    expect(page.locator("#live")).to_contain_text("<script>alert(1)</script>全面推行")
    expect(page.locator("textarea", has_text="<script>alert(1)</script>")).to_be_visible()
    page.reload()
    expect(page.locator("#live")).to_contain_text("<img src=x onerror=alert(2)>")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.content()
    assert page.locator("#live script, #live img").count() == 0
    assert dialogs == []
    assert "<script>alert(1)</script>" in (server.folder / "county.yaml").read_text(encoding="utf-8")


def test_killing_the_server_mid_edit_loses_nothing_saved(server, page):
    import signal

    from draftkit.report.loader import load_report

    _open_county(server, page)
    item = page.locator("form.item", has_text="会前学法")
    item.locator("input[name$=':current']").fill("15")
    item.locator("input[name$=':current']").dispatch_event("change")
    expect(page.locator("#bar")).to_contain_text("撤销：修改一句")
    item = page.locator("form.item", has_text="行政执法人员参加年度")
    item.locator("input[name$=':current']").first.fill("1200")
    item.locator("input[name$=':current']").first.dispatch_event("change")
    expect(page.locator("#live")).to_contain_text("1200名")
    # a third change on its way when the server is killed
    item = page.locator("form.item", has_text="评查案卷")
    item.locator("input[name$=':current']").first.fill("999")
    item.locator("input[name$=':current']").first.dispatch_event("change")
    server.proc.send_signal(signal.SIGKILL)
    server.proc.wait(10)
    report = load_report(server.folder / "county.yaml")  # whole, and valid
    values = {k: v for p in report.parts.values() for s in p.sections for it in s.items for k, v in it.values.items()}
    assert values["学法"].current == 15 and values["学法"].previous == 10
    assert values["人数"].current == 1200
    assert values["案卷"].current in (420, 999)  # before or after, never half of it
    assert not [f for f in server.folder.iterdir() if f.name not in ("county.yaml",)]  # no temp file left behind
    # the page tells the clerk the server is gone, what was saved stays
    page.locator("form.item", has_text="出庭应诉率").locator("input[name$=':current']").first.fill("98")
    page.locator("form.item", has_text="出庭应诉率").locator("input[name$=':current']").first.dispatch_event("change")
    expect(page.locator("#message")).to_contain_text("无法连接 draftkit")


def test_a_link_out_of_the_folder_is_refused(server):
    import os

    outside = server.folder.parent / "elsewhere.yaml"
    outside.write_text("issuer: {name: 外单位, level: 县区}\nyear: 2025\n", encoding="utf-8")
    os.symlink(outside, server.folder / "link.yaml")
    r, body = _get(server, "/edit?file=link.yaml", _cookie(server))
    assert r.status == 400 and "以外" in body
    r, body = _get(server, "/edit?file=..%2Felsewhere.yaml", _cookie(server))
    assert r.status == 400 and "不是本文件夹中的" in body
    r, body = _get(server, "/export?file=link.yaml&format=docx", _cookie(server))
    assert r.status == 400
    r, body = _get(server, "/", _cookie(server))
    assert "link.yaml" not in body  # not offered either


def test_more_files_than_the_form_takes_are_refused(server):
    parts = b"".join(b'--x\r\nContent-Disposition: form-data; name="report"; filename="a%d.txt"\r\n\r\nabc\r\n' % n
                     for n in range(3)) + b"--x--\r\n"
    r, body = _get(server, "/import", {**_cookie(server), "Origin": server.base,
                                       "Content-Type": "multipart/form-data; boundary=x"}, "POST", parts)
    assert r.status == 400 and "一次只能上传一份报告" in body
    assert not any(server.folder.iterdir())


def test_a_port_in_use_is_one_line(server):
    import subprocess
    import sys

    r = subprocess.run([sys.executable, "-m", "draftkit", "serve", str(server.folder), "--port", str(server.port),
                        "--no-browser"], capture_output=True, text=True, encoding="utf-8", timeout=60)
    assert r.returncode == 2
    assert r.stderr.strip() == f"端口 {server.port} 无法使用（已被占用，可能已有一个 draftkit serve 在运行）：换一个 --port，或不给 --port 自动选择"

"""The batch's table as one standalone .html page a reviewer can open, mail or print: the
units' table, sorted by clicking a column's heading (a few lines of our own script in the
page, nothing fetched from the network), each row linking to a section below with all of
its unit's findings. Every value is escaped: a report's text is someone else's text."""

from __future__ import annotations

from html import escape

from draftkit.batch.table import HEAD, NUMERIC, cells, finding_rows, link_label, verdict
from draftkit.batch.units import Unit

STYLE = """
body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC",sans-serif;margin:1.5em;color:#222}
h1{font-size:1.4em}h2{font-size:1.1em;margin-top:1.6em}
table{border-collapse:collapse;font-size:14px}th,td{border:1px solid #bbb;padding:4px 6px;vertical-align:top}
th{background:#eef2f7;cursor:pointer;white-space:nowrap;user-select:none}
th[aria-sort=ascending]::after{content:" ▲"}th[aria-sort=descending]::after{content:" ▼"}
td.n{text-align:right}td.v,td.go{white-space:nowrap}td.top{white-space:pre-line;min-width:24em}
tr.bad td.v{background:#fde2e1;color:#a40000}tr.ok td.v{color:#1a6e1a}tr.unread td.v{background:#fff1c2}
.summary{margin:.5em 0 1em}ol.f li{margin:.2em 0}.sev-error{color:#a40000}.sev-warning{color:#8a5a00}
a{color:#0550ae}
@media print{th{cursor:auto}}
"""

# Sort a table of class dk-sort by the column clicked (or Enter on its heading): numbers as
# numbers, text in Chinese order, a second click the other way; blanks always last. Bound
# on the document, so that a table put in the page later (the serve app's batch page) sorts too.
SCRIPT = """
(function(){
  function key(td){var v=td.getAttribute('data-v');return v===null?td.textContent:v;}
  function sort(th){
    var table=th.closest('table'), body=table.tBodies[0], col=th.cellIndex;
    var up=th.getAttribute('aria-sort')!=='ascending', num=th.hasAttribute('data-num');
    Array.prototype.forEach.call(th.parentNode.cells,function(h){h.removeAttribute('aria-sort');});
    th.setAttribute('aria-sort',up?'ascending':'descending');
    var rows=Array.prototype.slice.call(body.rows);
    rows.sort(function(a,b){
      var x=key(a.cells[col]), y=key(b.cells[col]);
      if(x===''||y===''){return x===y?0:(x===''?1:-1);}
      var d=num?(parseFloat(x)-parseFloat(y)):x.localeCompare(y,'zh-Hans-CN');
      return up?d:-d;
    });
    rows.forEach(function(r){body.appendChild(r);});
  }
  function heading(ev){var th=ev.target.closest&&ev.target.closest('table.dk-sort thead th');return th;}
  document.addEventListener('click',function(ev){var th=heading(ev);if(th){sort(th);}});
  document.addEventListener('keydown',function(ev){
    var th=heading(ev);if(th&&(ev.key==='Enter'||ev.key===' ')){ev.preventDefault();sort(th);}
  });
})();
"""


def row_class(unit: Unit) -> str:
    return "unread" if unit.problem else ("bad" if unit.errors else "ok")


def table_html(units: list[Unit], link=lambda n, unit: f"#u{n}") -> str:
    """The units' table (no page around it): the serve app shows the same table. ``link``
    gives the address of a unit's findings."""
    out = ['<table id="units" class="dk-sort"><thead><tr>']
    out += [f'<th scope="col" tabindex="0" title="点击排序"{" data-num" if h in NUMERIC else ""}>{escape(h)}</th>'
            for h in HEAD]
    out.append("</tr></thead><tbody>")
    for n, unit in enumerate(units, 1):
        values = cells(n, unit)
        tds = []
        for h, v in zip(HEAD, values):
            if h == "全部问题":
                tds.append(f'<td class="go"><a href="{escape(link(n, unit))}">{escape(link_label(unit))}</a></td>')
                continue
            cls = ' class="n"' if h in NUMERIC else (' class="v"' if h == "结论" else
                                                     (' class="top"' if h == "主要问题" else ""))
            sort = f' data-v="{escape(str(v))}"' if h in NUMERIC else ""
            if h == "结论":  # sorted by weight: unread, then most errors, then none
                sort = f' data-v="{0 if unit.problem else 1}{99999 - unit.errors:05d}"'
            tds.append(f"<td{cls}{sort}>{escape(str(v))}</td>")
        out.append(f'<tr class="{row_class(unit)}">{"".join(tds)}</tr>')
    out.append("</tbody></table>")
    return "".join(out)


def findings_html(n: int, unit: Unit) -> str:
    """One unit's findings: its section, anchored as #u<n>."""
    head = f'<section id="u{n}"><h2>{n}. {escape(unit.file)}'
    if unit.issuer:
        head += f"（{escape(unit.issuer)}）"
    head += f"</h2><p>{escape(verdict(unit))}</p>"
    if unit.problem or not unit.findings:
        return head + f"<p>{escape(finding_rows(n, unit)[0][6])}</p>" + '<p><a href="#top">回到汇总表</a></p></section>'
    items = []
    for f, row in zip(unit.findings, finding_rows(n, unit)):
        tip = f"<br>建议：{escape(row[7])}" if row[7] else ""
        items.append(f'<li><span class="sev-{escape(f["severity"])}">{escape(row[4])}</span> {escape(row[5])} '
                     f"【{escape(row[2])}】{escape(row[3]) + '：' if row[3] != '全文' else ''}{escape(row[6])}{tip}</li>")
    return head + f'<ol class="f">{"".join(items)}</ol><p><a href="#top">回到汇总表</a></p></section>'


def counts_line(units: list[Unit]) -> str:
    unread = sum(1 for u in units if u.problem)
    bad = sum(1 for u in units if u.errors and not u.problem)
    return (f"共 {len(units)} 份：{bad} 份有错误，{len(units) - bad - unread} 份没有错误"
            + (f"，{unread} 份未能检查" if unread else "") + "。点击列名排序，点击“全部问题”查看该份的每一条。")


def html_page(units: list[Unit], title: str = "") -> str:
    title = title or "法治政府建设情况报告审核汇总"
    sections = "".join(findings_html(n, u) for n, u in enumerate(units, 1))
    return ("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
            "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">"
            f"<meta name=\"viewport\" content=\"width=device-width\"><title>{escape(title)}</title>"
            f"<style>{STYLE}</style></head><body><h1 id=\"top\">{escape(title)}</h1>"
            f"<p class=\"summary\">{escape(counts_line(units))}</p>{table_html(units)}{sections}"
            f"<script>{SCRIPT}</script></body></html>\n")

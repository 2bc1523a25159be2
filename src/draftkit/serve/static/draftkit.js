// draftkit's own page script (no library): forms posted without leaving the page, the
// parts of the page that changed swapped in by id, search as one types (debounced),
// clicking a finding scrolls to its sentence. Every request carries X-Draftkit so that
// the server answers with fragments; the token travels in the cookie.
"use strict";
(function () {
  var pending = {};  // target → AbortController of the request in flight (only the last one counts)

  function message(html) {
    var box = document.getElementById("message");
    if (!box) return;
    if (html) { box.innerHTML = html; box.hidden = false; box.scrollIntoView({block: "nearest"}); }
    else { box.innerHTML = ""; box.hidden = true; }
  }

  // Put each top-level element of the answer in place of the element of the same id;
  // an answer without such elements fills ``target``.
  function swap(text, target) {
    var holder = document.createElement("template");
    holder.innerHTML = text;
    var focused = document.activeElement, name = focused && focused.name, pos = null;
    if (focused && focused.selectionStart !== undefined) {
      try { pos = [focused.selectionStart, focused.selectionEnd]; } catch (e) { pos = null; }
    }
    var swapped = false;
    Array.prototype.slice.call(holder.content.children).forEach(function (el) {
      var old = el.id && document.getElementById(el.id);
      if (old) { old.replaceWith(el); swapped = true; }
    });
    if (!swapped && target) target.innerHTML = text;
    if (name && !document.body.contains(focused)) {  // the field being typed in was replaced: back to it
      var again = document.querySelector('[name="' + name.replace(/"/g, '\\"') + '"]');
      if (again && again.focus) {
        again.focus();
        if (pos && again.setSelectionRange) { try { again.setSelectionRange(pos[0], pos[1]); } catch (e) {} }
      }
    }
    document.dispatchEvent(new CustomEvent("dk:swapped"));
  }

  function send(url, options, target, key) {
    if (pending[key]) pending[key].abort();
    var control = new AbortController();
    pending[key] = control;
    options.signal = control.signal;
    options.headers = {"X-Draftkit": "1"};
    options.credentials = "same-origin";
    document.body.classList.add("busy");
    return fetch(url, options).then(function (r) {
      var go = r.headers.get("X-Draftkit-Go");
      if (go) { window.location.href = go; return; }
      var download = r.headers.get("Content-Disposition");
      return r.text().then(function (text) {
        if (!r.ok) {
          var holder = document.createElement("template");
          holder.innerHTML = text;
          var part = holder.content.querySelector("[id]") && holder.content.querySelector("[id]").id;
          if (r.status === 400 && part && document.getElementById(part)) { swap(text, target); message(""); }
          else message(text);
          return;
        }
        message("");
        swap(text, target);
      });
    }).catch(function (e) {
      if (e.name !== "AbortError") message("<p>无法连接 draftkit：服务可能已停止。已保存的内容都在答案文件中；重新运行 draftkit serve 后刷新本页。</p>");
    }).finally(function () {
      if (pending[key] === control) { delete pending[key]; document.body.classList.remove("busy"); }
    });
  }

  function targetOf(el) {
    var sel = el.getAttribute("data-dk-target");
    return sel ? document.querySelector(sel) : null;
  }

  document.addEventListener("submit", function (ev) {
    var form = ev.target;
    if (!form.hasAttribute("data-dk-post")) return;
    ev.preventDefault();
    var body = new FormData(form);
    if (ev.submitter && ev.submitter.name) body.append(ev.submitter.name, ev.submitter.value);
    send(form.getAttribute("action"), {method: "POST", body: body}, targetOf(form), form.getAttribute("action"));
  });

  var timers = {};
  function fetchFor(el) {
    var form = el.form || el.closest("form");
    var params = new URLSearchParams();
    if (form && el.hasAttribute("data-dk-form")) new FormData(form).forEach(function (v, k) { if (typeof v === "string") params.append(k, v); });
    else params.append(el.name, el.value);
    var url = el.getAttribute("data-dk-get");
    send(url + (url.indexOf("?") < 0 ? "?" : "&") + params.toString(), {method: "GET"}, targetOf(el), url);
  }
  function onChange(ev) {
    var el = ev.target;
    if (!el.getAttribute || !el.hasAttribute("data-dk-get")) return;
    var when = el.getAttribute("data-dk-on") || "input";
    if (when !== ev.type) return;
    var delay = parseInt(el.getAttribute("data-dk-delay") || (ev.type === "input" ? "250" : "0"), 10);
    var key = el.getAttribute("data-dk-get");
    clearTimeout(timers[key]);
    timers[key] = setTimeout(function () { fetchFor(el); }, delay);
  }
  document.addEventListener("input", onChange);
  document.addEventListener("change", onChange);

  document.addEventListener("click", function (ev) {
    var link = ev.target.closest && ev.target.closest("[data-dk-scroll]");
    if (!link) return;
    var there = document.getElementById(link.getAttribute("data-dk-scroll"));
    if (!there) return;
    ev.preventDefault();
    there.scrollIntoView({block: "center", behavior: "smooth"});
    there.classList.add("flash");
    setTimeout(function () { there.classList.remove("flash"); }, 1500);
  });
})();

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
  var typedAt = {};  // field (id or name) → when the clerk last typed in it
  document.addEventListener("input", function (ev) {
    if (ev.target.name) typedAt[ev.target.id || ev.target.name] = Date.now();
  });

  function swap(text, target, sentAt) {
    var holder = document.createElement("template");
    holder.innerHTML = text;
    // what was typed while the request was on its way is not overwritten by the answer
    var typing = {};
    Object.keys(typedAt).forEach(function (key) {
      if (sentAt && typedAt[key] > sentAt) {
        var el = document.getElementById(key) || document.querySelector('[name="' + key.replace(/"/g, '\\"') + '"]');
        if (el) typing[key] = el.value;
      }
    });
    var focused = document.activeElement, name = focused && focused.name, pos = null;
    if (focused && focused.selectionStart !== undefined) {
      try { pos = [focused.selectionStart, focused.selectionEnd]; } catch (e) { pos = null; }
    }
    var opened = Array.prototype.map.call(document.querySelectorAll("details[open][id]"), function (d) { return d.id; });
    var swapped = false;
    Array.prototype.slice.call(holder.content.children).forEach(function (el) {
      var old = el.id && document.getElementById(el.id);
      if (old) { old.replaceWith(el); swapped = true; }
    });
    if (!swapped && target) target.innerHTML = text;
    opened.forEach(function (id) { var d = document.getElementById(id); if (d) d.open = true; });  // the bank box stays open
    Object.keys(typing).forEach(function (key) {
      var el = document.getElementById(key) || document.querySelector('[name="' + key.replace(/"/g, '\\"') + '"]');
      if (el) el.value = typing[key];
    });
    if (name && !document.body.contains(focused)) {  // the field being typed in was replaced: back to it
      var again = (focused.id && document.getElementById(focused.id)) ||
        document.querySelector('[name="' + name.replace(/"/g, '\\"') + '"]');
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
    var sentAt = Date.now();
    return fetch(url, options).then(function (r) {
      var go = r.headers.get("X-Draftkit-Go");
      if (go) { window.location.href = go; return; }
      return r.text().then(function (text) {
        if (!r.ok) {
          var holder = document.createElement("template");
          holder.innerHTML = text;
          var part = holder.content.querySelector("[id]") && holder.content.querySelector("[id]").id;
          if (r.status === 400 && part && document.getElementById(part)) { swap(text, target, sentAt); message(""); }
          else message(text);
          return;
        }
        message("");
        swap(text, target, sentAt);
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
    var box = el.closest("[data-dk-fields]");
    var params = new URLSearchParams();
    if (box) box.querySelectorAll("input[name], select[name]").forEach(function (f) {
      if ((f.type === "checkbox" || f.type === "radio") && !f.checked) return;
      params.append(f.name, f.value);
    });
    else params.append(el.name, el.value);
    var form = el.form;
    (el.getAttribute("data-dk-keep") || "").split(",").forEach(function (name) {  // what the clerk typed stays
      var other = name && form && form.elements[name];
      if (other && other.value) params.append(name, other.value);
    });
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
  document.addEventListener("keydown", function (ev) {  // Enter in a search field searches at once
    if (ev.key === "Enter" && ev.target.hasAttribute && ev.target.hasAttribute("data-dk-get")) {
      ev.preventDefault();
      clearTimeout(timers[ev.target.getAttribute("data-dk-get")]);
      fetchFor(ev.target);
    }
  });
  document.addEventListener("change", onChange);

  // A field changed in a form that saves by itself: saved at once (nothing typed is lost).
  document.addEventListener("change", function (ev) {
    var form = ev.target.form;
    if (!form || !form.hasAttribute("data-dk-autosave") || ev.target.hasAttribute("data-dk-get")) return;
    if (form.requestSubmit) form.requestSubmit(); else form.dispatchEvent(new Event("submit", {cancelable: true}));
  });

  // A file chosen: its name shown in Chinese surroundings (the browser's own button may be in English).
  document.addEventListener("change", function (ev) {
    if (ev.target.type !== "file") return;
    var shown = document.getElementById("picked-" + ev.target.name);
    if (shown) shown.textContent = ev.target.files.length ? ev.target.files[0].name : "未选择";
  });

  // Downloads through the script: a refusal (errors remain) is told on the page, not instead of it.
  document.addEventListener("click", function (ev) {
    var a = ev.target.closest && ev.target.closest("a[data-dk-download]");
    if (!a) return;
    ev.preventDefault();
    fetch(a.getAttribute("href"), {headers: {"X-Draftkit": "1"}, credentials: "same-origin"}).then(function (r) {
      if (!r.ok) return r.text().then(message);
      var cd = r.headers.get("Content-Disposition") || "", m = /filename\*=UTF-8''([^;]+)/.exec(cd);
      return r.blob().then(function (blob) {
        message("");
        var link = document.createElement("a");
        link.href = URL.createObjectURL(blob);
        link.download = m ? decodeURIComponent(m[1]) : "report";
        document.body.appendChild(link);
        link.click();
        setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
      });
    }).catch(function () { message("<p>无法连接 draftkit：服务可能已停止。</p>"); });
  });

  // A sentence's box as tall as its text where the browser cannot do it itself (CSS field-sizing).
  if (!(window.CSS && CSS.supports && CSS.supports("field-sizing", "content"))) {
    var grow = function (ta) { ta.style.height = "auto"; ta.style.height = Math.min(ta.scrollHeight + 2, 400) + "px"; };
    var growAll = function () { document.querySelectorAll(".item textarea").forEach(grow); };
    document.addEventListener("input", function (ev) { if (ev.target.matches && ev.target.matches(".item textarea")) grow(ev.target); });
    document.addEventListener("dk:swapped", growAll);
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", growAll); else growAll();
  }

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

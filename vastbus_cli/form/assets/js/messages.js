/* Showing problems at the fields, in the summary and to screen readers. */

var pending = null;

function changed(id, input, now) {
  if (input.tagName === "TEXTAREA") { grow(input); }
  saveDraft();
  clearTimeout(pending);
  if (now) { refresh(id); } else { pending = setTimeout(function () { refresh(id); }, 300); }
}

function problemNode(p) {
  return el("p", { "class": "problem " + p.severity, "data-code": p.code, "data-message": p.message }, [
    el("strong", { text: D.severity[p.severity] + ": " }),
    document.createTextNode(p.message + " "),
    p.hint ? el("span", { "class": "hint", text: "→ " + p.hint }) : null
  ]);
}

/** Show each field's problems; a field not yet filled in is only nagged once left. */
function refresh(activeId) {
  var all = checkAll();
  form.querySelectorAll(".messages").forEach(function (box) {
    var id = box.id.slice(0, -4);
    var input = document.getElementById(id);
    var list = (all[id] || []).filter(function (p) {
      return showAll || touched[id] || p.code !== D.rules.notFilled.code;
    });
    var text = list.map(function (p) { return p.message; }).join(" ");
    box.textContent = "";
    list.forEach(function (p) { box.appendChild(problemNode(p)); });
    input.setAttribute("aria-invalid", list.some(function (p) { return p.severity === "fel"; }) ? "true" : "false");
    if (text !== (shownText[id] || "") && id === activeId && text) {
      announce(input.labels[0].textContent + ": " + text);
    }
    shownText[id] = text;
  });
  return all;
}

function announce(text) {
  var region = document.getElementById("announce");
  region.textContent = "";
  setTimeout(function () { region.textContent = text; }, 50);
}

function notice(title, items) {
  var box = document.getElementById("notice");
  box.textContent = "";
  box.appendChild(el("p", { text: title }));
  if (items && items.length) {
    box.appendChild(el("ul", {}, items.map(function (t) { return el("li", { text: t }); })));
  }
}

function showSummary(all) {
  var box = document.getElementById("summary");
  var entries = [];
  Object.keys(all).forEach(function (id) {
    all[id].forEach(function (p) { entries.push({ id: id, p: p }); });
  });
  var errors = entries.filter(function (e) { return e.p.severity === "fel"; }).length;
  var warnings = entries.length - errors;
  box.textContent = "";
  box.hidden = false;
  box.className = "summary" + (entries.length ? "" : " clean");
  var title = entries.length
    ? "Årsberättelsen har " + errors + " fel och " + warnings + (warnings === 1 ? " varning" : " varningar") + "."
    : "Inga problem hittades.";
  box.appendChild(el("h2", { text: title }));
  if (entries.length) {
    box.appendChild(el("ul", {}, entries.map(function (e) {
      var link = el("a", { href: "#" + e.id, text: D.severity[e.p.severity] + ": " + e.p.message });
      link.addEventListener("click", function (ev) { ev.preventDefault(); document.getElementById(e.id).focus(); });
      return el("li", {}, [link]);
    })));
  }
  return { errors: errors, warnings: warnings };
}

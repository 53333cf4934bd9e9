/* Building the form's sections, fields and list entries. */

function fieldId(s, i, f) { return "f-" + s + "-" + i + "-" + f; }

function el(tag, attrs, children) {
  var node = document.createElement(tag);
  Object.keys(attrs || {}).forEach(function (k) {
    if (k === "text") { node.textContent = attrs[k]; }
    else if (attrs[k] !== null && attrs[k] !== undefined && attrs[k] !== false) { node.setAttribute(k, attrs[k]); }
  });
  (children || []).forEach(function (c) { if (c) { node.appendChild(c); } });
  return node;
}

function grow(area) {
  area.style.height = "auto";
  area.style.height = area.scrollHeight + 4 + "px";
}

function fieldNode(field, id, value, parts, opts) {
  var helpId = id + "-help", msgId = id + "-msg";
  var labelNode = el("label", { "for": id }, [document.createTextNode(opts.label || field.label)]);
  if (!field.required || opts.optional) {
    labelNode.appendChild(el("span", { "class": "optional", text: " (valfritt)" }));
  }
  var input;
  var common = { id: id, name: id, "aria-describedby": (field.help ? helpId + " " : "") + msgId,
                 "data-path": label(parts), "data-kind": field.kind };
  if (field.kind === "choice") {
    input = el("select", common);
    // always an empty first choice: untouched means not filled in, never a preset value
    input.appendChild(el("option", { value: "", text: "Välj " + field.label.toLowerCase() + " …" }));
    if (value && !optionFor(field, value)) {
      input.appendChild(el("option", { value: value, text: value + " (inget tillåtet värde)" }));
    }
    field.options.forEach(function (o) { input.appendChild(el("option", { value: o[0], text: o[1] })); });
    input.value = value;
  } else if (field.kind === "longtext") {
    input = el("textarea", Object.assign({ rows: "3" }, common));
    input.value = value;
  } else {
    var numeric = field.kind === "count" || field.kind === "number";
    input = el("input", Object.assign({
      // not type="email": Chromium rewrites its domain (faß.de → fass.de, another domain)
      // before the rule of year/addresses.py sees it; inputmode keeps the e-mail keyboard
      type: "text",
      inputmode: field.kind === "count" ? "numeric" : (field.kind === "number" ? "decimal"
                 : (field.kind === "email" ? "email" : null)),
      autocomplete: field.kind === "email" ? "email" : "off",
      "class": numeric ? "short" : null,
      readonly: opts.locked ? "readonly" : null
    }, common));
    input.value = value;
  }
  // the printed copy shows the whole value as text (a box would cut long text off)
  var mirror = el("div", { "class": "print-value", "aria-hidden": "true" });
  function mirrorValue() {
    mirror.textContent = input.tagName === "SELECT"
      ? (input.selectedIndex >= 0 && input.value ? input.options[input.selectedIndex].text : "–")
      : (input.value || "–");
  }
  mirrorValue();
  input.addEventListener("input", function () { edited[id] = true; opts.set(input.value); mirrorValue(); changed(id, input); });
  input.addEventListener("change", function () { opts.set(input.value); mirrorValue(); touched[id] = true; changed(id, input, true); });
  input.addEventListener("blur", function () { if (edited[id]) { touched[id] = true; } refresh(); });
  return el("div", { "class": "field" }, [
    labelNode,
    field.help ? el("p", { id: helpId, "class": "help", text: field.help }) : null,
    input,
    mirror,
    el("div", { id: msgId, "class": "messages" })
  ]);
}

function build() {
  form.textContent = "";
  SECTIONS.forEach(function (section, s) {
    if (section.key === "formatversion") { return; }
    var headingId = "rubrik-" + s;
    var node = el("section", { "class": "section", id: "avsnitt-" + s, "aria-labelledby": headingId }, [
      el("h2", { id: headingId, text: section.title + (section.optional && section.kind === "record" ? " (valfritt)" : "") }),
      section.help && section.kind !== "fixed" ? el("p", { "class": "help", text: section.help }) : null
    ]);
    node.appendChild(sectionBody(section, s));
    form.appendChild(node);
  });
  form.querySelectorAll("textarea").forEach(grow);
  refresh();
}

function sectionBody(section, s) {
  var wrap = el("div", { "class": "body" });
  if (section.kind === "fixed") {
    wrap.appendChild(fieldNode({ key: section.key, label: section.title, kind: "text", required: true,
                                 help: "Ifyllt av samordnaren; kan inte ändras här." },
                               fieldId(s, 0, 0), String(D.year), [section.key],
                               { locked: true, set: function () {} }));
    return wrap;
  }
  if (section.kind === "record") {
    var record = section.locked ? D.group : state[section.key];
    section.fields.forEach(function (field, f) {
      wrap.appendChild(fieldNode(field, fieldId(s, 0, f), str(record[field.key]), [section.key, field.key], {
        locked: section.locked,
        set: function (v) { if (!section.locked) { state[section.key][field.key] = v; } }
      }));
    });
    return wrap;
  }
  if (section.rowKey) { return tableBody(section, s, wrap); }
  var items = state[section.key];
  var list = el("div", { "class": "entries", id: "poster-" + s });
  if (!items.length) {
    list.appendChild(el("p", { "class": "empty-list", text: "Inga poster. Lägg till en om det behövs." }));
  }
  items.forEach(function (item, i) {
    var legendText = section.itemTitle + " " + (i + 1);
    var entry = el("fieldset", { "class": "entry", id: "post-" + s + "-" + i, "data-path": label([section.key, i]) },
                   [el("legend", { text: legendText })]);
    var row = el("div", { "class": "row" + (section.kind === "figures" ? " cols" : "") });
    section.fields.forEach(function (field, f) {
      var value = section.kind === "texts" ? item : item[field.key];
      var parts = section.kind === "texts" ? [section.key, i] : [section.key, i, field.key];
      row.appendChild(fieldNode(field, fieldId(s, i, f), str(value), parts, {
        label: section.kind === "texts" ? section.itemTitle + " " + (i + 1) : null,
        set: function (v) {
          if (section.kind === "texts") { items[i] = v; } else { item[field.key] = v; }
        }
      }));
    });
    entry.appendChild(row);
    var remove = el("button", { type: "button", "class": "remove", "aria-label": "Ta bort " + legendText, text: "Ta bort" });
    remove.addEventListener("click", function () { removeItem(section, s, i); });
    entry.appendChild(el("p", { "class": "entry-actions" }, [remove]));
    list.appendChild(entry);
  });
  wrap.appendChild(list);
  var add = el("button", { type: "button", "class": "add", id: "lagg-till-" + s, "data-section": section.key,
                           text: "Lägg till en post i " + section.title.toLowerCase() });
  add.addEventListener("click", function () { addItem(section, s); });
  wrap.appendChild(el("p", { "class": "entry-actions" }, [add]));
  return wrap;
}

/** A row's name in labels: its organisation (or other row key), else its number. */
function rowName(section, item, i) {
  var option = optionFor(fieldFor(section, section.rowKey), item[section.rowKey]);
  return option ? option[1] : "rad " + (i + 1);
}

function cellLabel(section, field, item, i) {
  if (field.key === section.rowKey) { return field.label + ", rad " + (i + 1); }
  return field.label + " för " + rowName(section, item, i);
}

/** A list whose entries are a few short values each (the composition) as one table: a row
 *  per entry, a column per field, the row named by its choice in the first column. */
function tableBody(section, s, wrap) {
  var items = state[section.key];
  var head = el("tr", {}, section.fields.map(function (field) {
    return el("th", { scope: "col" }, [document.createTextNode(field.label),
      field.required ? null : el("span", { "class": "optional", text: " (valfritt)" })]);
  }).concat([el("th", { scope: "col" }, [el("span", { "class": "visually-hidden", text: "Ta bort" })])]));
  var body = el("tbody", {});
  items.forEach(function (item, i) {
    var row = el("tr", { id: "post-" + s + "-" + i, "data-row": label([section.key, i]) });
    section.fields.forEach(function (field, f) {
      var id = fieldId(s, i, f);
      var cell = fieldNode(Object.assign({}, field, { help: "" }), id, str(item[field.key]),
                           [section.key, i, field.key], {
        label: cellLabel(section, field, item, i),
        set: function (v) {
          item[field.key] = v;
          if (field.key !== section.rowKey) { return; }
          section.fields.forEach(function (other, o) {  // the other cells are named by it
            var name = document.querySelector('label[for="' + fieldId(s, i, o) + '"]');
            if (name && o !== f) { name.firstChild.textContent = cellLabel(section, other, item, i); }
          });
        }
      });
      row.appendChild(el("td", { "data-label": field.label }, [cell]));
    });
    var remove = el("button", { type: "button", "class": "remove", text: "Ta bort",
                                "aria-label": "Ta bort " + rowName(section, item, i) });
    remove.addEventListener("click", function () { removeItem(section, s, i); });
    row.appendChild(el("td", {}, [remove]));
    body.appendChild(row);
  });
  var table = el("table", { "class": "rows", id: "poster-" + s, "aria-labelledby": "rubrik-" + s },
                 [el("thead", {}, [head]), body]);
  wrap.appendChild(table);
  if (!items.length) {
    wrap.appendChild(el("p", { "class": "empty-list", text: "Inga rader. Lägg till en om det behövs." }));
  }
  var add = el("button", { type: "button", "class": "add", id: "lagg-till-" + s, "data-section": section.key,
                           text: "Lägg till en rad i " + section.title.toLowerCase() });
  add.addEventListener("click", function () { addItem(section, s); });
  wrap.appendChild(el("p", { "class": "entry-actions" }, [add]));
  return wrap;
}

function rebuildSection(s) {
  var section = SECTIONS[s];
  var node = document.getElementById("avsnitt-" + s);
  node.replaceChild(sectionBody(section, s), node.querySelector(".body"));
  node.querySelectorAll("textarea").forEach(grow);
}

function addItem(section, s) {
  var items = state[section.key];
  items.push(section.kind === "texts" ? "" : emptyRecord(section));
  rebuildSection(s);
  document.getElementById(fieldId(s, items.length - 1, 0)).focus();
  announce(section.rowKey ? "En ny rad lades till i " + section.title.toLowerCase() + "."
                          : section.title + " " + items.length + " lades till.");
  saveDraft();
  refresh();
}

function removeItem(section, s, i) {
  var items = state[section.key];
  var what = section.rowKey ? "Raden för " + rowName(section, items[i], i)
                            : section.title + " " + (i + 1);
  items.splice(i, 1);
  rebuildSection(s);
  var next = items.length ? document.getElementById("post-" + s + "-" + Math.min(i, items.length - 1))
    : document.getElementById("lagg-till-" + s);
  var target = items.length ? next.querySelector("input, select, textarea") : next;
  target.focus();
  announce(what + " togs bort.");
  saveDraft();
  refresh();
}

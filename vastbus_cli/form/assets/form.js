/* The annual-report form: builds the fields from the generated data, checks them with the
 * validator's own rules and messages, keeps a draft in localStorage, opens a report with
 * js-yaml and saves it in the layout of `vastbus template`. Plain JavaScript, no build step.
 * Everything it knows about the report format comes from the data block written by Python.
 */
(function () {
  "use strict";

  var D = JSON.parse(document.getElementById("vastbus-data").textContent);
  var SECTIONS = D.sections;
  var LAYOUT = Object.create(null);
  D.layout.sections.forEach(function (s) { LAYOUT[s.key] = s; });
  var PRIVACY = new RegExp(D.privacy.pattern, "g");
  var INTEGER = /^-?\d+$/;
  var NUMBER = /^-?\d+(\.\d+)?$/;
  var PLAIN_KEY = /^\p{L}[\p{L}\p{N} ()%\/.,+_-]*$/u;
  var YAML_WORDS = ["y", "n", "yes", "no", "true", "false", "on", "off", "null"];

  var form = document.getElementById("formular");
  var state = null;
  var edited = {};       // field ids the user has typed in
  var touched = {};      // field ids the user has left after editing
  var showAll = false;   // after saving or opening: every problem is shown
  var shownText = {};    // field id → the messages shown, to announce only changes

  // ---------------------------------------------------------------- values and rules

  function isPlaceholder(value) {
    return typeof value === "string" && value.trim().toUpperCase().indexOf(D.placeholder) === 0;
  }

  function str(value) {
    if (value === null || value === undefined || isPlaceholder(value)) { return ""; }
    if (value instanceof Date) { return value.toISOString().slice(0, 10); }
    if (typeof value === "object") { return ""; }
    return String(value);
  }

  function fill(template, slots) {
    var text = template.replace(/\{(\w+)\}/g, function (all, name) {
      return Object.prototype.hasOwnProperty.call(slots, name) ? String(slots[name]) : all;
    });
    return text.charAt(0).toUpperCase() + text.slice(1);  // "post 3 …" opening a sentence
  }

  function problem(ruleName, slots) {
    var rule = D.rules[ruleName];
    return { code: rule.code, severity: rule.severity, message: fill(rule.message, slots),
             hint: fill(rule.hint, slots) };
  }

  /** How validate shows a value in a message: quoted, cut after 60 characters. */
  function shown(text) {
    var chars = Array.from(text);
    return chars.length > 60 ? "'" + chars.slice(0, 60).join("") + "…'" : "'" + text + "'";
  }

  /** `avvikelser[2].antal`: validate's name for a place in the report, lists counted from 1. */
  function label(parts) {
    var out = "";
    parts.forEach(function (part) {
      if (typeof part === "number") { out += "[" + (part + 1) + "]"; }
      else { out += out ? "." + part : part; }
    });
    return out;
  }

  /** Where a value stands, in validate's words (parse_messages.where):
   *  'antal' i post 3 under 'avvikelser'. */
  function place(parts) {
    var segments = [], keys = [];
    parts.forEach(function (part) {
      if (typeof part === "number") {
        segments.push("post " + (part + 1) + (keys.length ? " under '" + keys.join(".") + "'" : ""));
        keys = [];
      } else { keys.push(part); }
    });
    if (keys.length) { segments.push("'" + keys.join(".") + "'"); }
    return segments.reverse().join(" i ");
  }

  /** How checks/counts.py shows a number in a message: cut after 20 characters. */
  function cut(text) {
    return text.length <= 20 ? text : text.slice(0, 20) + "…";
  }

  /** The number as Python writes it: a float keeps its ".0". */
  function pythonNumber(text) {
    if (text.indexOf(".") < 0) { return normalInteger(text); }
    var js = String(Number(text));
    return js.indexOf(".") < 0 && js.indexOf("e") < 0 ? js + ".0" : js;
  }

  function normalInteger(text) {
    return text.replace(/^(-?)0+(?=\d)/, "$1");
  }

  function luhnOk(digits) {
    var total = 0;
    for (var i = 0; i < digits.length; i++) {
      var value = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
      total += value > 9 ? value - 9 : value;
    }
    return total % 10 === 0;
  }

  /** The same personnummer / samordningsnummer guard as privacy.py: pattern, date, Luhn. */
  function identityNumbers(text) {
    var found = [];
    var match;
    PRIVACY.lastIndex = 0;
    while ((match = PRIVACY.exec(text)) !== null) {
      var century = match[1], yy = match[2], mm = match[3], dd = match[4];
      var month = Number(mm), day = Number(dd);
      var coordination = day > 60;
      if (coordination) { day -= 60; }
      if (!(month >= 1 && month <= 12 && day >= 1 && day <= D.privacy.daysInMonth[month - 1])) { continue; }
      if (century !== undefined && D.privacy.centuries.indexOf(century) < 0) { continue; }
      if (luhnOk(yy + mm + dd + match[6] + match[7])) {
        found.push({ start: match.index, text: match[0], coordination: coordination });
      }
    }
    return found;
  }

  function privacyProblems(text) {
    return identityNumbers(text).map(function (number) {
      return problem("privacy", { kind: D.privacy.kinds[String(number.coordination)] });
    });
  }

  /** The problems of one field's value, in the order validate would name them. */
  function fieldProblems(field, value, parts, included) {
    var text = value.trim();
    var where = place(parts);
    var out = [];
    if (isPlaceholder(text) || (text === "" && field.required && included)) {
      out.push(problem("notFilled", { label: where }));
    } else if (text !== "") {
      if (field.kind === "count") {
        if (!INTEGER.test(text)) { out.push(problem("notInteger", { label: where, shown: shown(text) })); }
        else if (normalInteger(text).charAt(0) === "-" && normalInteger(text) !== "-0") {
          out.push(problem("negative", { value: normalInteger(text) }));
        } else if (Number(text) > D.limits.maxCount) {
          out.push(problem("tooLarge", { value: cut(normalInteger(text)) }));
        }
      } else if (field.kind === "number" && !NUMBER.test(text)) {
        out.push(problem("notNumber", { label: where, shown: shown(text) }));
      } else if (field.kind === "number" && Math.abs(Number(text)) > D.limits.maxKeyFigure) {
        out.push(problem("figureTooLarge", { key: parts[parts.length - 1], value: cut(pythonNumber(text)) }));
      } else if (field.kind === "email" && !new RegExp(field.pattern, "u").test(text)) {
        out.push(problem("email", { label: where, shown: shown(text) }));
      } else if (field.kind === "choice" && !optionFor(field, text)) {
        out.push(problem("choice", { label: where, shown: shown(text) }));
      }
    }
    return out.concat(privacyProblems(value));
  }

  function optionFor(field, code) {
    return field.options.filter(function (o) { return o[0] === code; })[0];
  }

  function anyFilled(record) {
    return Object.keys(record).some(function (k) { return str(record[k]).trim() !== ""; });
  }

  /** Every field's problems, keyed by field id, over the whole state. */
  function checkAll() {
    var result = {};
    function add(id, list) { result[id] = (result[id] || []).concat(list); }
    SECTIONS.forEach(function (section, s) {
      var value = state[section.key];
      if (section.kind === "record" && !section.locked) {
        var included = !section.optional || anyFilled(value);
        section.fields.forEach(function (field, f) {
          add(fieldId(s, 0, f), fieldProblems(field, value[field.key], [section.key, field.key], included));
        });
        if (section.key === D.meetings.section) {
          var planned = value[D.meetings.planned].trim(), held = value[D.meetings.held].trim();
          var heldIndex = section.fields.map(function (f) { return f.key; }).indexOf(D.meetings.held);
          if (INTEGER.test(planned) && INTEGER.test(held)) {
            var p = Number(planned), h = Number(held);
            if (h > p && p >= 0) {
              add(fieldId(s, 0, heldIndex), [problem("meetings", { held: normalInteger(held), planned: normalInteger(planned) })]);
            }
          }
        }
      } else if (section.kind === "list") {
        value.forEach(function (item, i) {
          section.fields.forEach(function (field, f) {
            add(fieldId(s, i, f), fieldProblems(field, item[field.key], [section.key, i, field.key], true));
          });
        });
      } else if (section.kind === "texts") {
        value.forEach(function (item, i) {
          add(fieldId(s, i, 0), fieldProblems(section.fields[0], item, [section.key, i], true));
        });
      } else if (section.kind === "figures") {
        var lines = null;
        var seen = Object.create(null);
        value.forEach(function (row, i) {
          var name = row.namn.trim();
          if (!anyFilled(row)) { return; }
          add(fieldId(s, i, 0), fieldProblems(section.fields[0], row.namn, [section.key, i, "namn"], true));
          add(fieldId(s, i, 1), fieldProblems(section.fields[1], row.tal, [section.key, name], true));
          if (name && seen[name]) {
            lines = lines || figureLines();
            add(fieldId(s, i, 0), [problem("duplicateKey", { key: name, line: lines[name] })]);
          }
          seen[name] = true;
        });
      }
    });
    return result;
  }

  // ---------------------------------------------------------------- saving as YAML

  /** A double-quoted YAML scalar, as the template writes text (JSON strings are YAML), with
   *  the characters PyYAML would refuse or fold written as escapes. */
  function quote(text) {
    return JSON.stringify(text).replace(/[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g, function (c) {
      return "\\u" + ("0000" + c.charCodeAt(0).toString(16)).slice(-4);
    });
  }

  function yamlKey(name) {
    return PLAIN_KEY.test(name) && YAML_WORDS.indexOf(name.toLowerCase()) < 0 && !/ $/.test(name)
      ? name : quote(name);
  }

  function placeholderOf(field) {
    if (field.placeholder) { return field.placeholder; }
    return field.kind === "choice" ? D.choosePlaceholder : D.placeholder;
  }

  /** The value as the template writes it; null when an optional field is left out. */
  function scalar(field, value) {
    var text = str(value).trim();
    if (text === "") { return field.required ? quote(placeholderOf(field)) : null; }
    if (field.kind === "choice" && optionFor(field, text)) { return text; }
    if (field.kind === "count" && INTEGER.test(text)) { return normalInteger(text); }
    if (field.kind === "number" && NUMBER.test(text)) { return normalInteger(text); }
    return quote(text);
  }

  function recordLines(section, record, first, rest, comments) {
    var out = "";
    var lead = first;
    section.fields.forEach(function (field) {
      var written = scalar(field, record[field.key]);
      if (written === null) { return; }
      if (comments && comments[field.key]) { out += comments[field.key]; }
      out += lead + field.key + ": " + written + "\n";
      lead = rest;
    });
    return out;
  }

  function sectionYaml(section) {
    var key = section.key;
    var value = state[key];
    if (section.kind === "fixed") {
      return key + ": " + (key === "år" ? String(D.year) : String(D.template[key])) + "\n";
    }
    if (section.kind === "record") {
      var record = section.locked ? D.group : value;
      if (section.optional && !anyFilled(record)) { return null; }
      return key + ":\n" + recordLines(section, record, "  ", "  ", LAYOUT[key].children);
    }
    if (section.kind === "list") {
      if (!value.length) { return key + ": []\n"; }
      return key + ":\n" + value.map(function (item) {
        return recordLines(section, item, "  - ", "    ", null);
      }).join("");
    }
    if (section.kind === "texts") {
      if (!value.length) { return key + ": []\n"; }
      return key + ":\n" + value.map(function (item) {
        return "  - " + scalar(section.fields[0], item) + "\n";
      }).join("");
    }
    var rows = value.filter(anyFilled);
    if (!rows.length) { return key + ": {}\n"; }
    return key + ":\n" + rows.map(function (row) {
      return "  " + yamlKey(row.namn.trim()) + ": " + scalar(section.fields[1], row.tal) + "\n";
    }).join("");
  }

  /** The whole report in the layout of `vastbus template`, comments included. */
  function toYaml() {
    var out = "";
    D.layout.sections.forEach(function (piece) {
      var section = SECTIONS.filter(function (s) { return s.key === piece.key; })[0];
      var body = sectionYaml(section);
      if (body !== null) { out += piece.before + body; }
    });
    return out + D.layout.trailer;
  }

  /** The line each key figure's name first stands on in the saved file (for duplicates). */
  function figureLines() {
    var lines = toYaml().split("\n");
    var at = Object.create(null);
    var inside = false;
    lines.forEach(function (line, i) {
      if (/^nyckeltal:/.test(line)) { inside = true; return; }
      if (inside && /^\S/.test(line)) { inside = false; }
      if (inside && /^  \S/.test(line)) {
        var parsed = jsyaml.load(line.trim());
        var name = parsed && typeof parsed === "object" ? Object.keys(parsed)[0] : null;
        if (name !== null && !(name in at)) { at[name] = i + 1; }
      }
    });
    return at;
  }

  // ---------------------------------------------------------------- opening a report

  function emptyRecord(section) {
    var out = {};
    section.fields.forEach(function (f) { out[f.key] = ""; });
    return out;
  }

  /** Form state from loaded data; `notes` says what the form could not show. */
  function fromData(data) {
    var notes = [];
    var out = {};
    var known = Object.create(null);
    function unknown(parts) {
      notes.push(problem("unknownKey", { key: label(parts) }).message +
                 " Formuläret kan inte visa den, och den kommer inte med när du sparar.");
    }
    function cannotShow(parts) {
      notes.push("'" + label(parts) + "' har en form som formuläret inte kan visa, och kommer " +
                 "inte med när du sparar.");
    }
    function scalarFrom(value, parts) {
      if (value !== null && typeof value === "object" && !(value instanceof Date)) {
        cannotShow(parts);
        return "";
      }
      return str(value);
    }
    function recordFrom(section, value, parts) {
      var record = emptyRecord(section);
      if (value === null || value === undefined) { return record; }
      if (typeof value !== "object" || Array.isArray(value)) { cannotShow(parts); return record; }
      Object.keys(value).forEach(function (k) {
        if (Object.prototype.hasOwnProperty.call(record, k)) { record[k] = scalarFrom(value[k], parts.concat([k])); }
        else { unknown(parts.concat([k])); }
      });
      return record;
    }
    function listFrom(value, parts) {
      if (value === null || value === undefined) { return []; }
      if (!Array.isArray(value)) { cannotShow(parts); return []; }
      return value;
    }
    if (data === null || typeof data !== "object" || Array.isArray(data)) {
      return { state: null, notes: ["Filen är ingen årsberättelse: den består inte av nycklar och värden."] };
    }
    SECTIONS.forEach(function (section) {
      var key = section.key;
      var value = data[key];
      known[key] = true;
      if (section.kind === "fixed") {
        if (key === "år" && value !== undefined && value !== D.year) {
          notes.push("Filen gällde år " + str(value) + ". Formuläret sparar årsberättelsen för " + D.year + ".");
        } else if (key !== "år" && value !== undefined && value !== D.template[key]) {
          notes.push("I filen står " + key + ": " + str(value) + ". Formuläret sparar " + key + ": " +
                     D.template[key] + ".");
        }
      } else if (section.kind === "record" && section.locked) {
        var group = recordFrom(section, value, [key]);
        section.fields.forEach(function (f) {
          if (group[f.key] && group[f.key] !== D.group[f.key]) {
            notes.push("I filen står " + f.label.toLowerCase() + " '" + group[f.key] + "'. Formuläret " +
                       "gäller '" + D.group[f.key] + "' och sparar det.");
          }
        });
      } else if (section.kind === "record") {
        out[key] = recordFrom(section, value, [key]);
      } else if (section.kind === "list") {
        out[key] = listFrom(value, [key]).map(function (item, i) {
          if (section.textItem && (typeof item === "string" || typeof item === "number")) {
            var record = emptyRecord(section);
            record[section.textItem] = str(item);
            return record;
          }
          return recordFrom(section, item, [key, i]);
        });
      } else if (section.kind === "texts") {
        out[key] = listFrom(value, [key]).map(function (item, i) { return scalarFrom(item, [key, i]); });
      } else if (section.kind === "figures") {
        if (value !== null && value !== undefined && (typeof value !== "object" || Array.isArray(value))) {
          cannotShow([key]);
        } else {
          out[key] = Object.keys(value || {}).map(function (name) {
            return { namn: name, tal: scalarFrom(value[name], [key, name]) };
          });
        }
        out[key] = out[key] || [];
      }
    });
    Object.keys(data).forEach(function (k) { if (!known[k]) { unknown([k]); } });
    return { state: out, notes: notes };
  }

  // ---------------------------------------------------------------- building the form

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
      if (!field.required || !optionFor(field, value)) {
        input.appendChild(el("option", { value: "", text: field.required ? "– Välj –" : "– Inget –" }));
      }
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
        type: field.kind === "email" ? "email" : "text",
        inputmode: field.kind === "count" ? "numeric" : (field.kind === "number" ? "decimal" : null),
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
    var items = state[section.key];
    var list = el("div", { "class": "entries", id: "poster-" + s });
    if (!items.length) {
      list.appendChild(el("p", { "class": "empty-list", text: "Inga poster. Lägg till en om det behövs." }));
    }
    items.forEach(function (item, i) {
      var legendText = section.title + " " + (i + 1);
      var entry = el("fieldset", { "class": "entry", id: "post-" + s + "-" + i, "data-path": label([section.key, i]) },
                     [el("legend", { text: legendText })]);
      var row = el("div", { "class": "row" + (section.kind === "figures" ? " cols" : "") });
      section.fields.forEach(function (field, f) {
        var value = section.kind === "texts" ? item : item[field.key];
        var parts = section.kind === "texts" ? [section.key, i] : [section.key, i, field.key];
        row.appendChild(fieldNode(field, fieldId(s, i, f), str(value), parts, {
          label: section.kind === "texts" ? "Punkt " + (i + 1) : null,
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
    announce(section.title + " " + items.length + " lades till.");
    saveDraft();
    refresh();
  }

  function removeItem(section, s, i) {
    var items = state[section.key];
    items.splice(i, 1);
    rebuildSection(s);
    var next = items.length ? document.getElementById("post-" + s + "-" + Math.min(i, items.length - 1))
      : document.getElementById("lagg-till-" + s);
    var target = items.length ? next.querySelector("input, select, textarea") : next;
    target.focus();
    announce(section.title + " " + (i + 1) + " togs bort.");
    saveDraft();
    refresh();
  }

  // ---------------------------------------------------------------- showing problems

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
      el("span", { "class": "code", text: "(" + p.code + ")" }),
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

  // ---------------------------------------------------------------- draft, save, open

  function saveDraft() {
    try {
      localStorage.setItem(D.storageKey, JSON.stringify({ state: state, savedAt: new Date().toISOString() }));
      saved(new Date());
    } catch (e) {
      var status = document.getElementById("draft-status");
      status.textContent = "Utkastet kunde inte sparas i webbläsaren. Spara årsberättelsen som fil då och då.";
      status.className = "draft-status";
    }
  }

  function clock(date) {
    return date.toLocaleTimeString("sv-SE", { hour: "2-digit", minute: "2-digit" });
  }

  function saved(at) {
    var status = document.getElementById("draft-status");
    status.textContent = "Sparat utkast i webbläsaren kl. " + clock(at) + ".";
    status.className = "draft-status saved";
  }

  function loadDraft() {
    try {
      var raw = localStorage.getItem(D.storageKey);
      if (!raw) { return false; }
      var draft = JSON.parse(raw);
      state = restore(draft.state || {});
      var at = new Date(draft.savedAt);
      saved(at);
      notice("Ditt sparade utkast från " + at.toLocaleString("sv-SE") + " lästes in.");
      return true;
    } catch (e) {
      return false;
    }
  }

  /** A draft as form state, keeping only what the form knows (it may be from an older form). */
  function restore(saved) {
    var out = fromData(D.template).state;
    function record(section, v) {
      var r = emptyRecord(section);
      section.fields.forEach(function (f) { r[f.key] = str(v && v[f.key]); });
      return r;
    }
    SECTIONS.forEach(function (section) {
      var v = saved[section.key];
      if (section.kind === "record" && !section.locked && v && typeof v === "object") {
        out[section.key] = record(section, v);
      } else if (Array.isArray(v) && (section.kind === "list" || section.kind === "figures")) {
        out[section.key] = v.map(function (item) { return record(section, item); });
      } else if (Array.isArray(v) && section.kind === "texts") {
        out[section.key] = v.map(str);
      }
    });
    return out;
  }

  function download() {
    var text = toYaml();
    showAll = true;
    var all = refresh();
    var counts = showSummary(all);
    var blob = new Blob([text], { type: "application/x-yaml;charset=utf-8" });
    var url = URL.createObjectURL(blob);
    var link = el("a", { href: url, download: D.fileName });
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    window.vastbusSaved = text;
    var advice = counts.errors
      ? " Den har " + counts.errors + " fel som behöver rättas innan du skickar den."
      : " Skicka filen till den delregionala samordnaren.";
    notice("Årsberättelsen sparades som " + D.fileName + "." + advice);
    if (counts.errors || counts.warnings) { document.getElementById("summary").focus(); }
  }

  var opened = 0;

  function open(file) {
    var reader = new FileReader();
    reader.onloadend = function () { document.body.setAttribute("data-opened", String(++opened)); };
    reader.onload = function () {
      var bytes = new Uint8Array(reader.result);
      var text, decodingNote = null;
      try {
        text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      } catch (e) {
        // Notepad's "ANSI": validate refuses it; the form can read it and saves UTF-8
        text = new TextDecoder("windows-1252").decode(bytes);
        decodingNote = D.rules.notUtf8.message + " Formuläret läste den som Windows-1252 och " +
          "sparar den som UTF-8.";
      }
      text = text.replace(/^\ufeff/, "");
      var data;
      try {
        data = jsyaml.load(text);
      } catch (e) {
        notice("Filen " + file.name + " kunde inte läsas som en årsberättelse: " + (e.reason || e.message) + ".",
               ["Formuläret är oförändrat."]);
        return;
      }
      var result = fromData(data);
      if (decodingNote) { result.notes.unshift(decodingNote); }
      if (!result.state) { notice("Filen " + file.name + " kunde inte läsas.", result.notes); return; }
      state = result.state;
      showAll = true;
      touched = {};
      build();
      saveDraft();
      notice("Årsberättelsen " + file.name + " lästes in." +
             (result.notes.length ? " Observera:" : ""), result.notes);
      document.getElementById("summary").hidden = true;
    };
    reader.onerror = function () { notice("Filen " + file.name + " kunde inte läsas."); };
    reader.readAsArrayBuffer(file);
  }

  // ---------------------------------------------------------------- start

  function start() {
    if (!loadDraft()) { state = fromData(D.template).state; }
    build();
    document.getElementById("save").addEventListener("click", download);
    document.getElementById("save-end").addEventListener("click", download);
    var picker = document.getElementById("open-file");
    document.getElementById("open").addEventListener("click", function () { picker.click(); });
    picker.addEventListener("change", function () {
      if (picker.files && picker.files[0]) { open(picker.files[0]); }
      picker.value = "";
    });
    document.getElementById("print").addEventListener("click", function () { window.print(); });
    document.getElementById("reset").addEventListener("click", function () {
      if (!window.confirm("Allt du har fyllt i tas bort och formuläret börjar om med en tom mall. Fortsätta?")) { return; }
      try { localStorage.removeItem(D.storageKey); } catch (e) { /* nothing kept */ }
      state = fromData(D.template).state;
      touched = {};
      showAll = false;
      build();
      document.getElementById("summary").hidden = true;
      document.getElementById("draft-status").textContent = "Inget utkast sparat ännu.";
      document.getElementById("draft-status").className = "draft-status";
      notice("Formuläret började om med en tom mall.");
    });
  }

  window.vastbusForm = { toYaml: function () { return toYaml(); }, identityNumbers: identityNumbers,
                         luhnOk: luhnOk, check: function () { return checkAll(); } };
  start();
})();

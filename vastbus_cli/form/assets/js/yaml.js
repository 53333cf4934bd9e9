/* Saving the form as YAML in the template's layout, and reading an opened report. */

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
  if (field.kind === "number" && NUMBER.test(text)) { return normalInteger(pointed(text)); }
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
  return out + D.layout.trailer + D.savedMark + "\n";  // letters then speak the form's words
}

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
    notes.push("I filen finns uppgiften '" + label(parts) + "', som formuläret inte har något " +
               "fält för. Den kommer inte med när du sparar.");
  }
  function cannotShow(parts) {
    notes.push("Uppgiften '" + label(parts) + "' i filen har en form som formuläret inte kan " +
               "visa, och kommer inte med när du sparar.");
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
        notes.push("Filen är skriven i version " + str(value) + " av formatet. Formuläret sparar " +
                   "den i version " + D.template[key] + ".");
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
          var number = value[name];  // shown with the decimal comma, as Swedes write it
          return { namn: name, tal: typeof number === "number" ? String(number).replace(".", ",")
                                                               : scalarFrom(number, [key, name]) };
        });
      }
      out[key] = out[key] || [];
    }
  });
  Object.keys(data).forEach(function (k) { if (!known[k]) { unknown([k]); } });
  return { state: out, notes: notes };
}

/* The problems of each field, with validate's rules and messages. */

/** The problems of one field's value, in the order validate would name them. */
function fieldProblems(field, value, parts, included) {
  var text = value.trim();
  var where = place(parts);
  var out = [];
  var inEntry = parts.length === 3 && typeof parts[1] === "number";
  if (isPlaceholder(text) || (text === "" && field.required && included)) {
    out.push(problem((field.kind === "choice" ? "notChosen" : "notFilled") + (inEntry ? "InEntry" : ""),
                     { label: where }));
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
    } else if (field.kind === "number" && Math.abs(Number(pointed(text))) > D.limits.maxKeyFigure) {
      out.push(problem("figureTooLarge", { key: parts[parts.length - 1], value: cut(pythonNumber(text)) }));
    } else if (field.kind === "email" && !new RegExp(field.pattern, "u").test(text)) {
      out.push(problem("email", { label: where, shown: shown(text) }));
    } else if (field.kind === "email" && mailReason(text) !== null) {
      out.push(problem("emailAddress", { label: where, shown: shown(text),
                                         reason: D.email.reasons[mailReason(text)] }));
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

/** An entry as the template left it: one problem on its first field, saying that the whole
 *  entry may be removed, instead of one per field (a group with nothing to report). */
function entryNotFilled(section, i) {
  return problem("entryNotFilled", { label: section.itemTitle + " " + (i + 1) + " under " + section.title });
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
        if (!section.rowKey && !anyFilled(item)) {
          add(fieldId(s, i, 0), [entryNotFilled(section, i)]);
          return;
        }
        section.fields.forEach(function (field, f) {
          add(fieldId(s, i, f), fieldProblems(field, item[field.key], [section.key, i, field.key], true));
        });
      });
    } else if (section.kind === "texts") {
      value.forEach(function (item, i) {
        add(fieldId(s, i, 0), str(item).trim() === "" ? [entryNotFilled(section, i)]
                                                      : fieldProblems(section.fields[0], item, [section.key, i], true));
      });
    } else if (section.kind === "figures") {
      var seen = Object.create(null);
      value.forEach(function (row, i) {
        var name = row.namn.trim();
        if (!anyFilled(row)) { return; }
        add(fieldId(s, i, 0), fieldProblems(section.fields[0], row.namn, [section.key, i, "namn"], true));
        add(fieldId(s, i, 1), fieldProblems(section.fields[1], row.tal, [section.key, name], true));
        if (name && seen[name]) {
          add(fieldId(s, i, 0), [problem("duplicateKey", { key: name, first: seen[name] })]);
        } else { seen[name] = i + 1; }
      });
    }
  });
  return result;
}

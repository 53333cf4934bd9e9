/* The data block, the form's state and the small helpers every other file uses. */

var D = JSON.parse(document.getElementById("vastbus-data").textContent);
var SECTIONS = D.sections;
var LAYOUT = Object.create(null);
D.layout.sections.forEach(function (s) { LAYOUT[s.key] = s; });
var INTEGER = /^-?\d+$/;
var NUMBER = /^-?\d+([.,]\d+)?$/;  // a decimal comma as Swedes write it, or a point
var PLAIN_KEY = /^\p{L}[\p{L}\p{N} ()%\/.,+_-]*$/u;
var YAML_WORDS = ["y", "n", "yes", "no", "true", "false", "on", "off", "null"];

var form = document.getElementById("formular");
var state = null;
var edited = {};       // field ids the user has typed in
var touched = {};      // field ids the user has left after editing
var showAll = false;   // after saving or opening: every problem is shown
var shownText = {};    // field id → the messages shown, to announce only changes

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

function sectionFor(key) {
  return SECTIONS.filter(function (s) { return s.key === key; })[0];
}

function fieldFor(section, key) {
  return section.fields.filter(function (f) { return f.key === key; })[0];
}

/** Where a value stands, in the words on the screen (a field's label, the entry's heading):
 *  ”Beskrivning” i Avvikelser 2, ”Antal” för BUP, ”Planerade” under Möten. */
function place(parts) {
  var section = sectionFor(parts[0]);
  var last = parts[parts.length - 1];
  if (parts.length === 2 && typeof last === "number") {
    return section.itemTitle + " " + (last + 1) + " under " + section.title;
  }
  if (parts.length === 2 && section.kind === "figures") { return "Nyckeltalet ”" + last + "”"; }
  var name = "”" + fieldFor(section, last).label + "”";
  if (parts.length === 2) { return name + " under " + section.title; }
  var row = section.rowKey ? (state[section.key] || [])[parts[1]] : null;
  var option = row ? optionFor(fieldFor(section, section.rowKey), row[section.rowKey]) : null;
  if (option && last !== section.rowKey) { return name + " för " + option[1]; }
  return name + " i " + section.itemTitle + " " + (parts[1] + 1);
}

/** How checks/counts.py shows a number in a message: cut after 20 characters. */
function cut(text) {
  return text.length <= 20 ? text : text.slice(0, 20) + "…";
}

/** A number as written in the form, with the decimal point YAML needs ("3,5" → "3.5"). */
function pointed(text) {
  return text.replace(",", ".");
}

/** The number as Python writes it: a float keeps its ".0". */
function pythonNumber(text) {
  text = pointed(text);
  if (text.indexOf(".") < 0) { return normalInteger(text); }
  var js = String(Number(text));
  return js.indexOf(".") < 0 && js.indexOf("e") < 0 ? js + ".0" : js;
}

function normalInteger(text) {
  return text.replace(/^(-?)0+(?=\d)/, "$1");
}

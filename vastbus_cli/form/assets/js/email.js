/* The e-mail rule of year/addresses.py (mail_address): one mailbox, the same characters
 * refused, the local part ASCII, domain labels letter-digit-hyphen, and a label with å, ä, ö
 * only when Python's IDNA 2003 round trip gives it back unchanged (the tables of
 * form/idna_table.py). Returns null for an address a letter can go to, else the name of
 * the reason (D.email.reasons), which validate gives as its hint. */

var MAIL_SPACES = new Set(D.email.spaces.map(function (c) { return String.fromCodePoint(c); }));
var MAIL_SEPARATORS = new Set(Array.from(",;<>()[]:\"\\"));
var MAIL_LOCAL = /^[A-Za-z0-9_%+'-]+(?:\.[A-Za-z0-9_%+'-]+)*$/;
var MAIL_LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
var MAIL_TOP = /^(?:[a-z]{2,}|xn--[a-z0-9-]+)$/;

function inRanges(code, ranges) {
  var lo = 0, hi = ranges.length - 1;
  while (lo <= hi) {
    var mid = (lo + hi) >> 1;
    if (code < ranges[mid][0]) { hi = mid - 1; } else if (code > ranges[mid][1]) { lo = mid + 1; } else { return true; }
  }
  return false;
}

/** Python's str.strip(): its whitespace, not JavaScript's. */
function pythonStrip(text) {
  var chars = Array.from(text);
  while (chars.length && MAIL_SPACES.has(chars[0])) { chars.shift(); }
  while (chars.length && MAIL_SPACES.has(chars[chars.length - 1])) { chars.pop(); }
  return chars.join("");
}

/** RFC 3492 Punycode of a label (only its length is needed: an ACE label is at most 63). */
function punycode(label) {
  var codes = Array.from(label).map(function (c) { return c.codePointAt(0); });
  var out = codes.filter(function (c) { return c < 128; }).map(function (c) { return String.fromCharCode(c); });
  var basic = out.length, handled = basic, n = 128, delta = 0, bias = 72;
  if (basic) { out.push("-"); }
  function digit(d) { return String.fromCharCode(d < 26 ? 97 + d : 22 + d); }
  function adapt(d, count, first) {
    d = first ? Math.floor(d / 700) : d >> 1;
    d += Math.floor(d / count);
    var k = 0;
    for (; d > 455; k += 36) { d = Math.floor(d / 35); }
    return k + Math.floor(36 * d / (d + 38));
  }
  while (handled < codes.length) {
    var m = Math.min.apply(null, codes.filter(function (c) { return c >= n; }));
    delta += (m - n) * (handled + 1);
    n = m;
    codes.forEach(function (c) {
      if (c < n) { delta++; }
      if (c === n) {
        var q = delta;
        for (var k = 36; ; k += 36) {
          var t = k <= bias ? 1 : k >= bias + 26 ? 26 : k - bias;
          if (q < t) { break; }
          out.push(digit(t + (q - t) % (36 - t)));
          q = Math.floor((q - t) / (36 - t));
        }
        out.push(digit(q));
        bias = adapt(delta, handled + 1, handled === basic);
        delta = 0;
        handled++;
      }
    });
    delta++;
    n++;
  }
  return out.join("");
}

/** One label as it goes on the wire, or the reason it cannot. */
function mailLabel(label) {
  if (/^[\x00-\x7f]*$/.test(label)) {
    return MAIL_LABEL.test(label) && label.length <= D.email.maxLabel ? { ascii: label } : { reason: "badDomain" };
  }
  var written = label.normalize("NFC");
  var chars = Array.from(written);
  var idna = D.email.idna;
  var stays = chars.every(function (c) {
    var code = c.codePointAt(0);
    return code < 128 ? /[a-z0-9-]/.test(c) : inRanges(code, idna.stays);
  });
  var rtl = chars.map(function (c) { return inRanges(c.codePointAt(0), idna.rightToLeft); });
  var ltr = chars.some(function (c) {
    var code = c.codePointAt(0);
    return code < 128 ? /[a-z]/.test(c) : inRanges(code, idna.leftToRight);
  });
  var bidiOk = rtl.indexOf(true) < 0 || (!ltr && rtl[0] && rtl[rtl.length - 1]);
  var ace = "xn--" + punycode(written);
  if (!stays || !bidiOk || written.slice(0, 4) === "xn--" || ace.length > D.email.maxLabel) {
    return { reason: "idnChanged" };
  }
  return { ascii: ace };
}

/** null: a letter can go to `text`; else why not (a key of D.email.reasons). */
function mailReason(text) {
  var value = pythonStrip(text);
  var chars = Array.from(value);
  if (chars.filter(function (c) { return c === "@"; }).length !== 1 ||
      chars.some(function (c) { return MAIL_SPACES.has(c) || MAIL_SEPARATORS.has(c); })) {
    return "oneAddress";
  }
  var at = value.indexOf("@");
  var local = value.slice(0, at), domain = value.slice(at + 1);
  if (!/^[\x00-\x7f]*$/.test(local)) { return "asciiLocal"; }
  if (!MAIL_LOCAL.test(local) || local.length > D.email.maxLocal) {
    return local.length <= D.email.maxLocal ? "asciiLocal" : "tooLong";
  }
  var labels = domain.toLowerCase().split(".");
  if (labels.length < 2) { return "badDomain"; }
  var encoded = [];
  for (var i = 0; i < labels.length; i++) {
    var one = mailLabel(labels[i]);
    if (one.reason) { return one.reason; }
    encoded.push(one.ascii);
  }
  if (!MAIL_TOP.test(encoded[encoded.length - 1])) { return "badDomain"; }
  return encoded.join(".").length > D.email.maxDomain ? "tooLong" : null;
}

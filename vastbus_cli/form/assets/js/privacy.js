/* The personnummer / samordningsnummer guard, the same as privacy.py: its pattern (with
 * Python's `\d`, any script's decimal digit, as `\p{Nd}`), date and leap day rules; a wrong
 * Luhn check digit is still a number (a typo identifies a child too), named as such. */

var PRIVACY = new RegExp(D.privacy.pattern.replace(/\\d/g, "\\p{Nd}"), "gu");
var ANY_DIGIT = /^\p{Nd}$/u;

/** A decimal digit's value in any script: Unicode puts each script's 0-9 in a row. */
function digitValue(c) {
  var code = c.codePointAt(0);
  if (code >= 48 && code <= 57) { return code - 48; }
  var zero = code;
  while (ANY_DIGIT.test(String.fromCodePoint(zero - 1))) { zero--; }
  return (code - zero) % 10;
}

/** The digits of any script as ASCII digits, as Python's int() reads them. */
function asciiDigits(text) {
  return Array.from(text).map(digitValue).join("");
}

function luhnOk(digits) {
  var total = 0;
  for (var i = 0; i < digits.length; i++) {
    var value = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    total += value > 9 ? value - 9 : value;
  }
  return total % 10 === 0;
}

function leapYear(year) {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/** privacy.valid_date: null when the date is impossible, else whether it is a
 *  samordningsnummer's (day + 60); 29 February only in a leap year. */
function validDate(century, yy, mm, dd) {
  var month = Number(asciiDigits(mm)), day = Number(asciiDigits(dd));
  var coordination = day > D.privacy.coordinationOffset;
  if (coordination) { day -= D.privacy.coordinationOffset; }
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= D.privacy.daysInMonth[month - 1])) { return null; }
  if (month === 2 && day === 29 && !leapYear(Number(asciiDigits((century || "") + yy)))) { return null; }
  if (century !== undefined && D.privacy.centuries.indexOf(century) < 0) { return null; }
  return coordination;
}

/** Every number in the text (a candidate that fails never stops the scan), each with its
 *  position counted in characters as Python counts them. */
function identityNumbers(text) {
  var found = [];
  var match;
  PRIVACY.lastIndex = 0;
  while ((match = PRIVACY.exec(text)) !== null) {
    var coordination = validDate(match[1], match[2], match[3], match[4]);
    if (coordination === null) { continue; }
    found.push({ start: Array.from(text.slice(0, match.index)).length, text: match[0],
                 coordination: coordination,
                 checkDigitOk: luhnOk(asciiDigits(match[2] + match[3] + match[4] + match[6] + match[7])) });
  }
  return found;
}

function privacyProblems(text) {
  return identityNumbers(text).map(function (number) {
    var kind = D.privacy.kinds[String(number.coordination)];
    return problem("privacy", { kind: number.checkDigitOk ? kind : kind + D.privacy.wrongCheckDigit });
  });
}

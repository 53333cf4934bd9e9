/* The personnummer / samordningsnummer guard, the same as privacy.py. */

var PRIVACY = new RegExp(D.privacy.pattern, "g");

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

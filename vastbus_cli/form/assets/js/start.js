/* Saving and opening files, and starting the form. */

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
      // Notepad's "ANSI": validate reads it with a warning; the form saves UTF-8
      text = new TextDecoder("windows-1252").decode(bytes);
      decodingNote = D.rules.notUtf8.message + " Formuläret sparar den som UTF-8.";
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

function start() {
  if (!loadDraft()) { state = fromData(D.start).state; }
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
    state = fromData(D.start).state;
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
                       luhnOk: luhnOk, mailReason: mailReason, check: function () { return checkAll(); } };
start();

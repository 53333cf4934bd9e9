/* The draft kept in the browser's localStorage. */

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
  var out = fromData(D.start).state;
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

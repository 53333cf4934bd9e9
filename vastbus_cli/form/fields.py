"""The form's sections and fields, walked from the report's JSON Schema.

Labels are the Swedish keys made readable (`pågående_arbete` → "Pågående arbete"), the
help is the schema's description plus the template's own guidance and example, and the
choices are the controlled vocabularies with their Swedish labels. The browser builds the
form from this and nothing else.
"""

from __future__ import annotations

from typing import Any

from vastbus_cli.form.layout import Section, comment_text
from vastbus_cli.reports.parse import PLACEHOLDER, is_placeholder
from vastbus_cli.vocabulary import ALL, choices_comment

#: Keys whose text is usually a few sentences: a multi-line box instead of one line.
LONG_TEXT = frozenset({"beskrivning", "åtgärd"})
#: Readable names where the key alone says too little.
LABELS = {"epost": "E-post", "antal": "Antal", "år": "Verksamhetsår"}
#: Filled in by the coordinator's roster and locked in the form.
LOCKED = frozenset({"grupp"})
#: The form's help for a section where the template's comment speaks of the YAML file
#: (keys in quotes, "- " lines, deleting lines): the same advice in the words on the screen.
SECTION_HELP = {
    "kontakt": "Kontakt för frågor om berättelsen. Ange en roll, inte ett namn, och gärna en "
               "funktionsadress. E-postadressen är valfri.",
    "sammansättning": "Vilka organisationer som deltar i gruppen och hur många representanter "
                      "var och en har. Skriv 0 om organisationen inte deltar (så syns det i "
                      "sammanställningen). Kommentaren är valfri, t.ex. vilken verksamhet "
                      "Annan är.",
    "utvecklingsområden": "Utvecklingsområden som gruppen ser för det lokala arbetet.",
    "kompetensbehov": "Behov av kompetensutveckling.",
    "stöd_från_delregionen": "Hur den delregionala Västbusgruppen bäst kan stödja ert lokala "
                             "arbete, ett önskemål i taget. Temat är valfritt och gör att "
                             "sammanställningen kan samla likadana önskemål från flera grupper.",
    "planer_nästa_år": "Planer för nästa år, en i taget.",
    "nyckeltal": "Nyckeltal, t.ex. antal SIP-möten, med namn och tal. De summeras i den "
                 "delregionala sammanställningen, så använd samma namn som andra grupper. "
                 "Lämna tomt om ni inte har några.",
}
#: The form's help for a field where the schema's description names a code.
FIELD_HELP = {("sammansättning", "kommentar"): "Vilken verksamhet, t.ex. när organisationen "
              "är Annan."}
#: What one entry of a list is called on the screen ("Avvikelse 2", not "Avvikelser 2").
ITEM_TITLES = {
    "pågående_arbete": "Pågående arbete", "avvikelser": "Avvikelse",
    "utvecklingsområden": "Utvecklingsområde", "kompetensbehov": "Kompetensbehov",
    "stöd_från_delregionen": "Önskemål", "goda_exempel": "Gott exempel",
    "planer_nästa_år": "Punkt", "nyckeltal": "Nyckeltal",
}
#: Lists shown as one table, a row per entry, named by the choice in the given field.
TABLES = {"sammansättning": "organisation"}
#: The two fields of a key-figure row (the YAML is `name: number`).
FIGURE_NAME, FIGURE_VALUE = "namn", "tal"


def readable(key: str) -> str:
    text = LABELS.get(key, key.replace("_", " "))
    return text[:1].upper() + text[1:]


def example_of(placeholder: Any) -> str:
    """`FYLL I: t.ex. X` → `t.ex. X`: the template's guidance inside a placeholder."""
    if not is_placeholder(placeholder):
        return ""
    return str(placeholder).strip()[len(PLACEHOLDER):].lstrip(" :")


def field_help(description: str, placeholder: Any, label: str) -> str:
    """The schema's description with the template's example, as one sentence."""
    example = example_of(placeholder)
    text = description.rstrip(".")
    if example.startswith("t.ex.") and "t.ex." not in text:
        text = f"{text}, {example}" if text else example
    elif len(example) > len(text):
        text = example
    if text.lower() == label.lower():
        return ""
    return text[:1].upper() + text[1:] + "." if text else ""


def section_help(before: str) -> str:
    """The template's comment for a key, without the lines only a YAML editor needs."""
    block = before.rstrip("\n").split("\n\n")[-1]
    codes = [choices_comment(v) for v in ALL]
    kept = [line for line in block.splitlines()
            if line.startswith("#") and "[]" not in line
            and not any(c in line for c in codes)]
    return comment_text("\n".join(kept))


class FieldBuilder:
    """Turns schema properties into field descriptions the browser renders."""

    def __init__(self, schema: dict[str, Any]) -> None:
        self.defs: dict[str, Any] = schema.get("$defs", {})
        self.choices: dict[str, list[list[str]]] = {}
        for vocabulary in ALL:
            self.choices[vocabulary.__name__] = [[m.value, m.label] for m in vocabulary]

    def resolve(self, prop: dict[str, Any]) -> tuple[dict[str, Any], bool]:
        """The property without `$ref`/nullable wrapping, and whether null is allowed."""
        nullable = False
        if "anyOf" in prop:
            options = [p for p in prop["anyOf"] if p.get("type") != "null"]
            nullable = len(options) < len(prop["anyOf"])
            if len(options) == 1:
                prop = {**options[0], **{k: v for k, v in prop.items() if k != "anyOf"}}
        if "$ref" in prop:
            name = prop["$ref"].rsplit("/", 1)[-1]
            prop = {**self.defs[name], **{k: v for k, v in prop.items() if k != "$ref"},
                    "defName": name}
        return prop, nullable

    def field(self, key: str, prop: dict[str, Any], required: bool,
              placeholder: Any = None) -> dict[str, Any]:
        prop, _ = self.resolve(prop)
        out: dict[str, Any] = {"key": key, "label": readable(key), "required": required}
        out["help"] = field_help(prop.get("description", ""), placeholder, out["label"])
        if prop.get("defName") in self.choices:
            out["kind"] = "choice"
            out["options"] = self.choices[prop["defName"]]
        elif prop.get("type") == "integer":
            out["kind"] = "count"
        elif "pattern" in prop:
            out["kind"] = "email"
            out["pattern"] = prop["pattern"]
        else:
            out["kind"] = "longtext" if key in LONG_TEXT else "text"
        out["placeholder"] = placeholder if is_placeholder(placeholder) else None
        return out

    def record(self, prop: dict[str, Any], example: dict[str, Any] | None) -> list[dict[str, Any]]:
        prop, _ = self.resolve(prop)
        required = set(prop.get("required", []))
        example = example if isinstance(example, dict) else {}
        return [self.field(key, sub, key in required, example.get(key))
                for key, sub in prop.get("properties", {}).items()]


def form_sections(schema: dict[str, Any], layout: list[Section],
                  template: dict[str, Any]) -> list[dict[str, Any]]:
    """One entry per top-level key, in the template's order, with its fields."""
    builder = FieldBuilder(schema)
    props = schema["properties"]
    required = set(schema.get("required", []))
    out: list[dict[str, Any]] = []
    for section in layout:
        key = section.key
        prop, nullable = builder.resolve(props[key])
        value = template.get(key)
        entry: dict[str, Any] = {
            "key": key,
            "title": readable(key),
            "help": SECTION_HELP.get(key) or section_help(section.before),
            "optional": key not in required,
            "locked": key in LOCKED,
            "itemTitle": ITEM_TITLES.get(key, readable(key)),
        }
        if prop.get("type") == "array":
            options = [builder.resolve(o)[0] for o in prop["items"].get("oneOf", [])]
            records = [o for o in options if o.get("type") == "object"]
            item = records[0] if records else builder.resolve(prop["items"])[0]
            first = value[0] if isinstance(value, list) and value else None
            if item.get("type") == "object":
                entry["kind"] = "list"
                entry["fields"] = builder.record(item, first)
                if any(o.get("type") == "string" for o in options):
                    # a plain text item is the record with only its first field
                    entry["textItem"] = entry["fields"][0]["key"]
                for f in entry["fields"]:
                    f["help"] = FIELD_HELP.get((key, f["key"]), f["help"])
                if key in TABLES:
                    entry["rowKey"] = TABLES[key]
            else:
                entry["kind"] = "texts"
                entry["fields"] = [builder.field("punkt", item, True, first)]
                entry["fields"][0]["kind"] = "longtext"
                entry["fields"][0]["label"] = "Punkt"
        elif prop.get("type") == "object" and "additionalProperties" in prop and not prop.get(
                "properties"):
            entry["kind"] = "figures"
            sample = next(iter(value.values()), None) if isinstance(value, dict) else None
            entry["fields"] = [
                {"key": FIGURE_NAME, "label": "Namn", "kind": "text", "required": True,
                 "help": "Nyckeltalets namn, t.ex. Antal SIP-möten.", "placeholder": None},
                {"key": FIGURE_VALUE, "label": "Tal", "kind": "number", "required": True,
                 "help": "Ett tal, t.ex. 14 eller 3,5.",
                 "placeholder": sample if is_placeholder(sample) else None},
            ]
        elif prop.get("type") == "object":
            entry["kind"] = "record"
            entry["fields"] = builder.record(prop, value)
            for f in entry["fields"]:
                child_help = comment_text(section.children.get(f["key"], ""))
                if child_help:
                    f["help"] = child_help
        else:
            entry["kind"] = "fixed"
        entry["optional"] = entry["optional"] or nullable
        out.append(entry)
    return out


def start_values(sections: list[dict[str, Any]], template: dict[str, Any]) -> dict[str, Any]:
    """What the form starts from: the template without the example choices in its lists.

    The template shows a theme, a category and a status in each example entry; in the form
    an untouched list must mean "not chosen", or a user who only types text would report
    what the example chose. Only a row's own name stays (the composition's organisations).
    The key figures start empty: their help says "leave it empty if you have none", and a
    pre-filled name would make an untouched row an error.
    """
    out = dict(template)
    for section in sections:
        if section.get("kind") == "figures":
            out[section["key"]] = {}
            continue
        items = template.get(section["key"])
        if section.get("kind") not in ("list", "table") or not isinstance(items, list):
            continue
        choices = {f["key"] for f in section["fields"] if f["kind"] == "choice"}
        choices.discard(section.get("rowKey"))
        out[section["key"]] = [
            {k: v for k, v in item.items() if k not in choices} if isinstance(item, dict) else item
            for item in items]
    return out

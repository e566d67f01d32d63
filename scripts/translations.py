#!/usr/bin/env python3
"""Fill attnviz's Qt Linguist files from the translation tables.

The tables (resources/translations/table/*.txt) are the place translators
edit; the .ts files are generated from them and committed. A table entry:

    en: Open a spec…
    ctx: MainWindow            (optional: only this context)
    de: Spec öffnen…
    fr: Ouvrir une spec…
    es: Abrir una spec…
    zh_CN: 打开 spec…

Entries are separated by blank lines; '#' starts a comment line; "\\n" in a
text is a line break. A plural (tr(..., n)) entry gives its forms separated
by " || " (de/fr/es: one || other; zh_CN: one form).

    python3 scripts/translations.py fill      # write translations into every .ts
    python3 scripts/translations.py missing   # list sources without a translation
    python3 scripts/translations.py templates # regenerate ui/text/core_text_templates.cpp

The tables core_*.txt hold the core's English sentence patterns (context
CoreText, see ui/text/core_text.h); `templates` writes them as
QT_TRANSLATE_NOOP entries so lupdate finds them.

Run the `attnviz_lupdate` build target first, so the .ts files have every
source string of the code (docs/translations.md).
"""
import pathlib
import re
import sys
import xml.etree.ElementTree as ET

ROOT = pathlib.Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "resources" / "translations"
TABLE_DIR = TS_DIR / "table"
PLACEHOLDER = re.compile(r"%(?:\d+|n)")


def unescape(text):
    return text.replace("\\n", "\n")


def read_tables():
    """{(ctx or None, source): {lang: text}}"""
    entries = {}
    for path in sorted(TABLE_DIR.glob("*.txt")):
        block, line_no = {}, 0

        def flush():
            if not block:
                return
            if "en" not in block:
                sys.exit(f"{path}:{line_no}: entry without 'en:' line")
            key = (block.pop("ctx", None), block.pop("en"))
            if key in entries and entries[key] != block:
                sys.exit(f"{path}:{line_no}: {key[1]!r} is translated differently elsewhere; give one a 'ctx:' line")
            entries[key] = dict(block)
            block.clear()

        for line_no, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if raw.startswith("#"):
                continue
            if not raw.strip():
                flush()
                continue
            m = re.match(r"^(en|ctx|de|fr|es|zh_CN):\s?(.*)$", raw)
            if not m:
                sys.exit(f"{path}:{line_no}: expected 'lang: text', got {raw!r}")
            lang, text = m.group(1), unescape(m.group(2))
            if lang in block:
                sys.exit(f"{path}:{line_no}: second '{lang}:' line in one entry")
            block[lang] = text
        flush()
    return entries


def check_placeholders(source, text, where):
    a, b = sorted(PLACEHOLDER.findall(source)), sorted(PLACEHOLDER.findall(text))
    if a != b:
        sys.exit(f"{where}: placeholders {a} in the source but {b} in the translation:\n  {source!r}\n  {text!r}")


def lang_of(ts_path):
    return ts_path.stem.split("_", 1)[1]  # attnviz_zh_CN -> zh_CN


def fill(only_report=False):
    entries = read_tables()
    missing_total = 0
    for ts in sorted(TS_DIR.glob("attnviz_*.ts")):
        lang = lang_of(ts)
        tree = ET.parse(ts)
        root = tree.getroot()
        root.set("language", lang)
        missing = []
        for ctx in root.iter("context"):
            cname = ctx.findtext("name")
            for msg in ctx.iter("message"):
                source = msg.findtext("source") or ""
                tr = msg.find("translation")
                if tr is not None and tr.get("type") in ("vanished", "obsolete"):
                    continue
                entry = entries.get((cname, source)) or entries.get((None, source))
                text = entry.get(lang) if entry else None
                if text is None:
                    missing.append((cname, source))
                    continue
                if tr is None:
                    tr = ET.SubElement(msg, "translation")
                tr.attrib.pop("type", None)
                for child in list(tr):
                    tr.remove(child)
                if msg.get("numerus") == "yes":
                    forms = [f.strip() for f in text.split("||")]
                    tr.text = None
                    for f in forms:
                        check_placeholders(source, f, f"{ts.name} [{cname}]")
                        ET.SubElement(tr, "numerusform").text = f
                else:
                    check_placeholders(source, text, f"{ts.name} [{cname}]")
                    tr.text = text
        missing_total += len(missing)
        for cname, source in missing:
            print(f"{ts.name}: no translation [{cname}] {source!r}")
        if not only_report:
            ET.indent(tree, space="    ")
            body = ET.tostring(root, encoding="unicode")
            ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    print(f"{missing_total} source text(s) without a translation")
    return 1 if missing_total else 0


TEMPLATES_CPP = ROOT / "ui" / "text" / "core_text_templates.cpp"


def c_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def write_templates():
    sources = []
    for path in sorted(TABLE_DIR.glob("core_*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("en: "):
                sources.append(unescape(line[4:]))
    lines = [
        "// Generated by scripts/translations.py templates from resources/translations/table/core_*.txt:",
        "// edit the tables, not this file. The core's English sentence patterns, %1… for",
        "// what it fills in (ui/text/core_text.h); ui.core_text names a core sentence",
        "// without a template.",
        "#include <QtGlobal>",
        "",
        "namespace attnviz::ui {",
        "",
        "extern const char* const kCoreTextTemplates[] = {",
    ]
    lines += [f'    QT_TRANSLATE_NOOP("CoreText", {c_string(s)}),' for s in sources]
    lines += [
        "};",
        "extern const int kCoreTextTemplateCount = int(sizeof(kCoreTextTemplates) / sizeof(kCoreTextTemplates[0]));",
        "",
        "} // namespace attnviz::ui",
        "",
    ]
    TEMPLATES_CPP.write_text("\n".join(lines), encoding="utf-8")
    print(f"{TEMPLATES_CPP.relative_to(ROOT)}: {len(sources)} templates")
    return 0


if __name__ == "__main__":
    mode = sys.argv[1] if len(sys.argv) > 1 else "fill"
    if mode == "templates":
        sys.exit(write_templates())
    if mode not in ("fill", "missing"):
        sys.exit(__doc__)
    sys.exit(fill(only_report=mode == "missing"))

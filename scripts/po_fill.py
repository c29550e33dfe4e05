#!/usr/bin/env python3
"""Fill or replace msgstr entries of a .po file from a JSON mapping.

    scripts/po_fill.py PO_FILE MAPPING.json      # {msgid: msgstr} or {msgid: [msgstr0]} for plurals
    scripts/po_fill.py PO_FILE --list            # print untranslated and fuzzy msgids as JSON

Filled entries lose their fuzzy flag. Multi-line msgids are matched by their full text.
"""

import json
import re
import sys
from pathlib import Path

STR = re.compile(r'"((?:[^"\\]|\\.)*)"')


def unq(lines):
    return "".join(
        bytes(m, "utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")
        for line in lines
        for m in STR.findall(line)
    )


def q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def parse(block):
    lines = block.split("\n")
    fields, cur = {}, None
    comments = []
    for line in lines:
        if line.startswith("#"):
            comments.append(line)
            continue
        m = re.match(r"(msgid_plural|msgid|msgstr\[\d+\]|msgstr|msgctxt)\s+(.*)", line)
        if m:
            cur = m.group(1)
            fields[cur] = [m.group(2)]
        elif cur and line.startswith('"'):
            fields[cur].append(line)
    return comments, {k: unq(v) for k, v in fields.items()}


def main():
    po = Path(sys.argv[1])
    blocks = po.read_text(encoding="utf-8").split("\n\n")
    if sys.argv[2] == "--list":
        out = {}
        for block in blocks[1:]:
            comments, f = parse(block)
            if "msgid" not in f or any(c.startswith("#~") for c in comments):
                continue
            fuzzy = any("fuzzy" in c for c in comments if c.startswith("#,"))
            strs = [v for k, v in f.items() if k.startswith("msgstr")]
            if fuzzy or not all(strs):
                out[f["msgid"]] = [s for s in strs] if "msgid_plural" in f else strs[0]
        print(json.dumps(out, ensure_ascii=False, indent=1))
        return
    mapping = json.loads(Path(sys.argv[2]).read_text(encoding="utf-8"))
    result = [blocks[0]]
    for block in blocks[1:]:
        comments, f = parse(block)
        msgid = f.get("msgid")
        if msgid in mapping and not any(c.startswith("#~") for c in comments):
            value = mapping[msgid]
            new = []
            for c in comments:
                if c.startswith("#,"):
                    flags = [
                        x.strip() for x in c[2:].split(",") if x.strip() and x.strip() != "fuzzy"
                    ]
                    if flags:
                        new.append("#, " + ", ".join(flags))
                elif not c.startswith("#|"):
                    new.append(c)
            if "msgctxt" in f:
                new.append("msgctxt " + q(f["msgctxt"]))
            new.append("msgid " + q(msgid))
            if "msgid_plural" in f:
                new.append("msgid_plural " + q(f["msgid_plural"]))
                values = value if isinstance(value, list) else [value]
                for i, v in enumerate(values):
                    new.append(f"msgstr[{i}] " + q(v))
            else:
                new.append("msgstr " + q(value if isinstance(value, str) else value[0]))
            block = "\n".join(new)
        result.append(block)
    po.write_text("\n\n".join(result), encoding="utf-8")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Fill empty msgstr entries of a .po file from a JSON mapping {msgid: msgstr}.

    scripts/po_fill.py cases/locale/zh_Hans/LC_MESSAGES/django.po translations.json
Only single-line msgids are matched; prints the msgids still untranslated.
"""

import json
import re
import sys
from pathlib import Path


def esc(s: str) -> str:
    return s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def main(po_path: str, mapping_path: str) -> None:
    po = Path(po_path)
    text = po.read_text(encoding="utf-8")
    mapping = json.loads(Path(mapping_path).read_text(encoding="utf-8"))
    for msgid, msgstr in mapping.items():
        pattern = re.compile(r'(\nmsgid "' + re.escape(esc(msgid)) + r'"\nmsgstr )""\n')
        text = pattern.sub(lambda m, s=msgstr: m.group(1) + '"' + esc(s) + '"\n', text)
    po.write_text(text, encoding="utf-8")
    left = re.findall(r'\nmsgid "(.+)"\nmsgstr ""\n', text)
    for msgid in left:
        print("untranslated:", msgid)


if __name__ == "__main__":
    main(*sys.argv[1:3])

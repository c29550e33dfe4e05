#!/usr/bin/env bash
# Regenerate every translation catalogue. Files under <app>/ go to <app>/locale
# (LOCALE_PATHS); templates/, selfhelp/ and the rest go to ./locale.
set -euo pipefail
cd "$(dirname "$0")/.."
DJANGO_SETTINGS_MODULE=selfhelp.test_settings .venv/bin/python manage.py makemessages \
  -l zh_Hans -l en --no-obsolete --no-location \
  --ignore=.venv --ignore=var --ignore=tests --ignore=bench --ignore=static \
  --ignore=docs --ignore=artifacts --ignore=scripts "$@"
echo "Untranslated zh_Hans entries:"
for po in $(find . -path ./.venv -prune -o -path '*/zh_Hans/LC_MESSAGES/django.po' -print); do
  n=$(msgattrib --untranslated --no-obsolete "$po" | grep -c '^msgid ' || true)
  f=$(msgattrib --only-fuzzy --no-obsolete "$po" | grep -c '^msgid ' || true)
  echo "  $po: untranslated=$n fuzzy=$f"
done

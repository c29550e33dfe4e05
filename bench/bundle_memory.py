"""Peak memory of importing a 102 MB case file made of `{}` entries under an `x-` key.

    .venv/bin/python bench/bundle_memory.py [--megabytes 102]

The file is written in a temporary folder: `{"format": "selfhelp.case/1", "x-junk": [{}, {}, …]}`,
about 34 million empty objects. Two child processes, each on a throwaway test database
(SQLite unless DATABASE_URL says otherwise; the named database is never touched), print
their peak RSS and what the borrower is told:

1. `case_import_bundle` on the file's bytes (what the import command and tasks call);
2. the web import: a signed-in multipart POST of the file to /cases/import/, handed to
   Django's WSGI handler from a file on disk as a server would hand it over (session,
   CSRF check, upload handling, form and view included).

Before bundles were capped by structure, this file took the web process to 2.7 GB: the JSON
parser built every empty object first. A real export of 100,000 contacts is printed for
comparison (bench/import_bundle.py's generator). Not a test: the numbers depend on the machine.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from memory import peak_mb, print_outcome, scratch_owner  # noqa: E402  (beside this file)

ROOT = Path(__file__).resolve().parent.parent


def write_junk(path: Path, megabytes: float) -> int:
    count = int(megabytes * 1e6) // 3
    with path.open("wb") as out:
        out.write(b'{"format": "selfhelp.case/1", "x-junk": [')
        block = b"{}," * 100_000
        for _ in range(count // 100_000):
            out.write(block)
        out.write(b"{}]}")
    return count


def write_real(path: Path, contacts: int) -> None:
    spec = importlib.util.spec_from_file_location("import_bundle", ROOT / "bench/import_bundle.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    path.write_bytes(module.make_bundle(contacts))


BOUNDARY = "bench-boundary-7d1f"
CSRF_SECRET = "b" * 32


def write_request_body(bundle: Path, body: Path, csrf_token: str) -> None:
    """The multipart body a browser sends for the import form, streamed to disk."""
    with body.open("wb") as out, bundle.open("rb") as data:
        out.write(
            f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="csrfmiddlewaretoken"\r\n\r\n'
            f'{csrf_token}\r\n--{BOUNDARY}\r\nContent-Disposition: form-data; name="file"; '
            f'filename="case.json"\r\nContent-Type: application/json\r\n\r\n'.encode()
        )
        while chunk := data.read(1 << 20):
            out.write(chunk)
        out.write(f"\r\n--{BOUNDARY}--\r\n".encode())


def web_post(body: Path, owner) -> tuple[int, str]:
    """POST the body through the WSGI handler, signed in as `owner`, as a server would."""
    from django.conf import settings
    from django.core.handlers.wsgi import WSGIHandler
    from django.test import Client

    client = Client()
    client.force_login(owner)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    status = []
    with body.open("rb") as stream:
        environ = {
            "REQUEST_METHOD": "POST",
            "PATH_INFO": "/cases/import/",
            "SERVER_NAME": "127.0.0.1",
            "SERVER_PORT": "80",
            "wsgi.url_scheme": "http",
            "wsgi.input": stream,
            "wsgi.errors": sys.stderr,
            "CONTENT_TYPE": f"multipart/form-data; boundary={BOUNDARY}",
            "CONTENT_LENGTH": str(body.stat().st_size),
            "HTTP_COOKIE": f"{settings.SESSION_COOKIE_NAME}={session}; "
            f"{settings.CSRF_COOKIE_NAME}={CSRF_SECRET}",
            "HTTP_HOST": "127.0.0.1",
        }
        chunks = WSGIHandler()(environ, lambda code, headers, *rest: status.append(code))
        page = b"".join(chunks).decode()
    return int(status[0].split()[0]), page


def child(mode: str, path: str) -> None:
    with scratch_owner() as owner:
        from django.utils import translation

        from cases.bundle import BundleError, case_import_bundle

        base = peak_mb()
        started = time.perf_counter()
        if mode == "service":
            data = Path(path).read_bytes()
            try:
                with translation.override("zh-hans"):
                    case = case_import_bundle(owner=owner, data=data)
                said = f"imported: {case.contacts.count():,} contacts"
            except BundleError as error:
                with translation.override("zh-hans"):
                    said = f"refused: {error}"
        else:
            code, page = web_post(Path(path), owner)
            said = f"HTTP {code}"
            if "6,000,000" in page:
                said += ": the page says the file holds too many values (at most 6,000,000)"
        print_outcome(said, started, base)


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3])
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--megabytes", type=float, default=102)
    parser.add_argument("--real-contacts", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bundle-bench-") as folder:
        junk = Path(folder) / "junk.json"
        count = write_junk(junk, args.megabytes)
        print(
            f"{junk.name}: {junk.stat().st_size / 1e6:.0f} MB, {count:,} empty objects under x-junk"
        )
        print("  case_import_bundle:")
        subprocess.run([sys.executable, __file__, "--child", "service", str(junk)], check=True)
        from django.middleware.csrf import _mask_cipher_secret

        sys.path.insert(0, str(ROOT))
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "selfhelp.test_settings")
        body = Path(folder) / "request.body"
        write_request_body(junk, body, _mask_cipher_secret(CSRF_SECRET))
        junk.unlink()
        print(f"  web import (POST of {body.stat().st_size / 1e6:.0f} MB):")
        subprocess.run([sys.executable, __file__, "--child", "web", str(body)], check=True)
        body.unlink()
        if args.real_contacts:
            real = Path(folder) / "real.json"
            write_real(real, args.real_contacts)
            size = real.stat().st_size / 1e6
            print(f"{real.name}: {size:.0f} MB, a real export of {args.real_contacts:,} contacts")
            print("  case_import_bundle:")
            subprocess.run([sys.executable, __file__, "--child", "service", str(real)], check=True)


if __name__ == "__main__":
    main()

"""The container image holds what the app needs and nothing private, checked without building.

No container runtime is needed: the test reads the Containerfile's COPY lines and applies
.containerignore to the build context the way Docker and Podman do (patterns relative to
the context, `**` across folders, `!` exceptions, the last matching pattern wins, a
matching folder excludes what is inside it), then compares the image's file list with what
the app reads at run time.
"""

import re
import shlex
import subprocess
from pathlib import Path, PurePosixPath

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent
CONTAINERFILE = ROOT / "Containerfile"
IGNORE = ROOT / ".containerignore"

#: Tracked files that the app never reads at run time, so need not be in the image.
DEV_ONLY = (
    "tests/",
    "bench/",
    "docs/",
    "scripts/",
    ".ci/",
    "rules/data/",
    ".gitignore",
    ".env.example",
    "Makefile",
    "Containerfile",
    ".containerignore",
)


def instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) of the Containerfile, continuation lines joined."""
    text = re.sub(r"\\\n", " ", CONTAINERFILE.read_text(encoding="utf-8"))
    found = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            word, _, rest = line.partition(" ")
            found.append((word.upper(), rest.strip()))
    return found


def _pattern_regex(pattern: str) -> re.Pattern:
    """A .containerignore pattern as a regular expression over context-relative paths."""
    out, i = "", 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out, i = out + "(?:.*/)?", i + 3
        elif pattern.startswith("**", i):
            out, i = out + ".*", i + 2
        elif pattern[i] == "*":
            out, i = out + "[^/]*", i + 1
        elif pattern[i] == "?":
            out, i = out + "[^/]", i + 1
        else:
            out, i = out + re.escape(pattern[i]), i + 1
    return re.compile(out + r"\Z")


def ignore_rules() -> list[tuple[re.Pattern, bool]]:
    rules = []
    for line in IGNORE.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        exception = line.startswith("!")
        pattern = str(PurePosixPath(line.lstrip("!").strip().lstrip("/")))
        rules.append((_pattern_regex(pattern), exception))
    return rules


def ignored(path: str, rules) -> bool:
    """Whether the context path is left out: the last rule matching it or a parent decides."""
    parts = path.split("/")
    candidates = ["/".join(parts[: n + 1]) for n in range(len(parts))]
    result = False
    for regex, exception in rules:
        if any(regex.match(c) for c in candidates):
            result = not exception
    return result


def context_files() -> set[str]:
    """Every file of the build context as it is on disk now (untracked files included)."""
    rules = ignore_rules()
    found = set()
    for path in ROOT.rglob("*"):
        relative = path.relative_to(ROOT).as_posix()
        if relative.startswith(".git/") or path.is_dir() and not path.is_symlink():
            continue
        if any(
            parent.is_symlink() for parent in path.relative_to(ROOT).parents if str(parent) != "."
        ):
            continue  # inside a symlinked folder (.venv): sent as the link itself
        if not ignored(relative, rules):
            found.add(relative)
    return found


def image_files() -> set[str]:
    """The paths the COPY instructions put into the image, relative to WORKDIR /app."""
    context = context_files()
    workdir = PurePosixPath("/")
    files = set()
    for word, args in instructions():
        if word == "WORKDIR":
            workdir = workdir / args
        if word not in ("COPY", "ADD"):
            continue
        parts = [p for p in shlex.split(args) if not p.startswith("--")]
        assert "--from" not in args, "a multi-stage COPY: teach this test about it"
        *sources, dest = parts
        target = workdir / dest
        for source in sources:
            source = str(PurePosixPath(source))
            for file in context:
                if source == ".":
                    inside = file
                elif file == source:
                    inside = PurePosixPath(file).name
                elif file.startswith(source + "/"):
                    inside = file[len(source) + 1 :]
                else:
                    continue
                path = target / inside
                files.add(
                    str(path.relative_to("/app")) if path.is_relative_to("/app") else str(path)
                )
    return files


@pytest.fixture(scope="module")
def image() -> set[str]:
    return image_files()


def tracked_files() -> set[str]:
    try:
        result = subprocess.run(
            ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
        )
    except (OSError, subprocess.CalledProcessError) as exc:
        pytest.skip(f"git is needed to list the tracked files ({exc})")
    return {line for line in result.stdout.splitlines() if line}


def local_apps() -> list[str]:
    return [app for app in settings.INSTALLED_APPS if (ROOT / app / "apps.py").is_file()]


def test_every_file_the_app_reads_is_in_the_image(image):
    needed = {f for f in tracked_files() if not f.startswith(DEV_ONLY)}
    missing = sorted(needed - image)
    assert not missing, f"not in the image: {missing[:20]}"


def test_the_named_essentials_are_in_the_image(image):
    essentials = {
        "manage.py",
        "pyproject.toml",
        "selfhelp/settings.py",
        "selfhelp/wsgi.py",
        "templates/base.html",
        "static/js/app.js",
        "static/css/app.css",
        "rules/engine/model/detector.npz",
        "letters/static/letters/print.css",
        "cases/demo/demo_case.json",
    }
    for app in local_apps():
        essentials |= {f"{app}/apps.py", f"{app}/__init__.py"}
        if (ROOT / app / "migrations").is_dir():
            essentials.add(f"{app}/migrations/__init__.py")
    for folder in settings.LOCALE_PATHS:
        base = Path(folder).relative_to(ROOT).as_posix()
        essentials.add(f"{base}/zh_Hans/LC_MESSAGES/django.po")
    missing = sorted(essentials - image)
    assert not missing, f"not in the image: {missing}"


def test_nothing_private_or_for_development_goes_in(image):
    forbidden = re.compile(
        r"^(var|\.venv|venv|tests|artifacts|bench|\.git)/"
        r"|(^|/)__pycache__/|\.pyc$|\.sqlite3|(^|/)secret_key$|(^|/)\.env($|\.)|\.pem$|\.key$"
    )
    leaked = sorted(f for f in image if forbidden.search(f))
    assert not leaked, f"in the image but must not be: {leaked[:20]}"


def test_the_ignore_rules_leave_out_what_is_on_disk_here():
    """The working copy holds a database, a secret key and a virtualenv right now (make
    test creates them): the rules must catch them, not only the tracked files."""
    rules = ignore_rules()
    for path in (
        "var/secret_key",
        "var/db.sqlite3",
        "var/evidence/2026/01/x.png",
        ".venv/bin/python",
        "tests/conftest.py",
        "artifacts/shot.png",
        "cases/__pycache__/models.cpython-311.pyc",
        "locale/zh_Hans/LC_MESSAGES/django.mo",
        ".env",
        ".env.production",
    ):
        assert ignored(path, rules), path
    for path in ("manage.py", "cases/models.py", "rules/engine/model/detector.npz"):
        assert not ignored(path, rules), path


def test_the_image_is_built_the_documented_way():
    steps = instructions()
    words = [w for w, _ in steps]
    args = {w: a for w, a in steps}
    run = " ".join(a for w, a in steps if w == "RUN")
    assert steps[0][0] == "FROM" and steps[0][1].startswith("python:3.11-slim")
    for package in ("fonts-noto-cjk", "libpango-1.0-0", "libpangoft2-1.0-0", "libharfbuzz-subset0"):
        assert package in run, package
    assert "pip install ." in run
    assert "compilemessages" in run and "collectstatic --noinput" in run
    user = args["USER"]
    assert user not in ("root", "0") and words.index("USER") > max(
        i for i, w in enumerate(words) if w == "RUN"
    )  # no step runs as root after the switch
    assert "useradd --system" in run and user in run
    assert args["CMD"].startswith('["gunicorn", "selfhelp.wsgi"')


def test_the_image_files_alone_build_and_start(image, tmp_path):
    """The build steps after `COPY . .` and a start-up check, run on a copy of exactly the
    image's files (with this machine's Python and packages standing in for `pip install .`)."""
    import os
    import shutil
    import sys

    app = tmp_path / "app"
    for name in image:
        (app / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, app / name)
    env = {
        "PATH": os.environ["PATH"],
        "DJANGO_SECRET_KEY": "build-only-not-a-secret",
        "SELFHELP_VAR_DIR": str(tmp_path / "var"),
        "SELFHELP_STATIC_ROOT": str(app / "staticfiles"),
    }
    for command in (
        ["compilemessages", "-v", "0"],
        ["collectstatic", "--noinput", "-v", "0"],
        ["check", "--deploy", "--fail-level", "ERROR"],
    ):
        result = subprocess.run(
            [sys.executable, "manage.py", *command],
            cwd=app,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode == 0, (command, result.stdout + result.stderr)
    assert (app / "staticfiles" / "js" / "app.js").is_file()
    assert (app / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.mo").is_file()

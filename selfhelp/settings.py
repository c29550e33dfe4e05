"""Settings for 债务自助 · Debt Self-Help.

Everything comes from the environment and fails loudly when a production
setting is missing. SQLite under var/ is the embedded default; DATABASE_URL
selects PostgreSQL.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("SELFHELP_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off", ""}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", False)
#: Quick exit also signs the user out, so "back" or someone else picking up the phone
#: finds no case. Turn off only where leaving signed in matters more (a shared kiosk does not).
QUICK_EXIT_ENDS_SESSION = env_bool("SELFHELP_QUICK_EXIT_ENDS_SESSION", True)
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
_SECRET_KEY_FILE = VAR_DIR / "secret_key"  # written once per machine by `make run` / `make test`
if not SECRET_KEY and _SECRET_KEY_FILE.is_file():
    SECRET_KEY = _SECRET_KEY_FILE.read_text(encoding="utf-8").strip()
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            f"DJANGO_SECRET_KEY is required when DJANGO_DEBUG is off (or a key in {_SECRET_KEY_FILE})."
        )
    SECRET_KEY = "insecure-development-key-only-for-debug"  # noqa: S105

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "template_partials.apps.SimpleAppConfig",
    "django_tasks",
    # Before django_tasks_db: jobs' own `db_worker` command (it survives database errors)
    # replaces django_tasks_db's.
    "jobs",
    "django_tasks_db",
    "csp",
    # Counts failed logins per account and per address (accounts/throttle.py).
    "axes",
    "accounts",
    "rules",
    "cases",
    "guidance",
    "letters",
    "imports",
    "review",
    "checker",
    "actions",
    "notifications",
    "backups",
    "privacy",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "selfhelp.middleware.NoStoreWhenSignedInMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Before any view or CSRF check reads the body: an oversized upload is never parsed.
    "selfhelp.middleware.RequestSizeLimitMiddleware",
    # After messages: an idle session is signed out with a note on the login page.
    "accounts.middleware.IdleSessionMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # After authentication and htmx: volunteers give a second factor before anything else.
    "accounts.middleware.SecondFactorMiddleware",
    # Last: turns a login refused for too many failures into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "selfhelp.urls"
WSGI_APPLICATION = "selfhelp.wsgi.application"

_loaders = [
    "django.template.loaders.filesystem.Loader",
    "django.template.loaders.app_directories.Loader",
]
if not DEBUG:
    _loaders = [("django.template.loaders.cached.Loader", _loaders)]

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "selfhelp.context_processors.site",
                "selfhelp.context_processors.nav",
            ],
            # django-template-partials as a builtin, so templates read like Django 6's.
            "builtins": ["template_partials.templatetags.partials"],
            "loaders": [("template_partials.loader.Loader", _loaders)],
        },
    }
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {})
    # WAL lets readers go on while one connection writes; IMMEDIATE takes the write lock at
    # BEGIN, where waiting is safe. `timeout` is SQLite's busy timeout: how long a writer
    # waits for the lock before "database is locked". Transactions are kept short (no PDF
    # or parsing inside one), so waits are short too.
    DATABASES["default"]["OPTIONS"].update(
        {
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL;",
            "timeout": float(os.environ.get("SELFHELP_SQLITE_BUSY_TIMEOUT", "20")),
        }
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
# A session unused for this long is signed out (staff: the shorter limit). Activity is
# recorded at most once a minute, so browsing does not write the session on every request.
SELFHELP_SESSION_IDLE_SECONDS = int(os.environ.get("SELFHELP_SESSION_IDLE_SECONDS", "7200"))
SELFHELP_STAFF_SESSION_IDLE_SECONDS = int(
    os.environ.get("SELFHELP_STAFF_SESSION_IDLE_SECONDS", "1800")
)
# Argon2 (argon2id) first, so every new password and every login with an older hash ends up
# in it; the older hashers stay so hashes made before the switch still verify (and upgrade).
PASSWORD_HASHERS = [
    "accounts.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
# Argon2id cost. The defaults are OWASP's Password Storage Cheat Sheet minimum (19 MiB,
# 2 passes, 1 lane: about 40 ms of one core here). Django's own default (100 MiB, 8 lanes)
# costs about 0.26 s of CPU, which on 2 cores lets a crowd of logins take the whole machine.
# Raise them on bigger servers: existing hashes are rehashed at their next login.
SELFHELP_ARGON2_TIME_COST = int(os.environ.get("SELFHELP_ARGON2_TIME_COST", "2"))
SELFHELP_ARGON2_MEMORY_KIB = int(os.environ.get("SELFHELP_ARGON2_MEMORY_KIB", "19456"))
SELFHELP_ARGON2_PARALLELISM = int(os.environ.get("SELFHELP_ARGON2_PARALLELISM", "1"))

# Login throttling (django-axes, configured in accounts/throttle.py): the login form, the
# admin's login and password-reset requests. An account is locked after a few failures, an
# address (shared by many people behind a mobile carrier's NAT) after more; the lock lifts
# by itself a cool-off after the last failure. Tries during the lock are not counted, so it
# ends on time, and whether an account exists makes no difference to any of it.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
SELFHELP_LOGIN_FAILURES_PER_ACCOUNT = int(
    os.environ.get("SELFHELP_LOGIN_FAILURES_PER_ACCOUNT", "5")
)
SELFHELP_LOGIN_FAILURES_PER_ADDRESS = int(
    os.environ.get("SELFHELP_LOGIN_FAILURES_PER_ADDRESS", "20")
)
AXES_HANDLER = "accounts.throttle.LoginThrottleHandler"
# The order matters: accounts.throttle reads the account's count first, the address's second.
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_FAILURE_LIMIT = SELFHELP_LOGIN_FAILURES_PER_ACCOUNT
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("SELFHELP_LOGIN_COOLOFF_MINUTES", "15")))
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_USERNAME_FORM_FIELD = "username"
AXES_USERNAME_CALLABLE = "accounts.throttle.login_username"
AXES_CLIENT_IP_CALLABLE = "accounts.throttle.client_address"
AXES_LOCKOUT_CALLABLE = "accounts.views.login_locked"
AXES_VERBOSE = False
# Successful logins are not kept: the session is enough, and a login log would be more
# personal data (address, browser) to hold. Failures are deleted once their cool-off ends.
AXES_DISABLE_ACCESS_LOG = True
# Emails asked for by someone not signed in (password reset, sign-up) are throttled per
# recipient and per client address over a sliding hour; the page answers the same either way.
SELFHELP_EMAILS_PER_RECIPIENT_HOUR = int(os.environ.get("SELFHELP_EMAILS_PER_RECIPIENT_HOUR", "3"))
SELFHELP_EMAILS_PER_ADDRESS_HOUR = int(os.environ.get("SELFHELP_EMAILS_PER_ADDRESS_HOUR", "20"))

LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "cases:case_list"
LOGOUT_REDIRECT_URL = "home"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": int(os.environ.get("SELFHELP_PASSWORD_MIN_LENGTH", "10"))},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: zh-Hans is the default, English the second language.
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
# Each app keeps its own catalogue so that work on one app never touches another's.
# The project-wide catalogue (base templates, accounts pages) comes last.
LOCALE_PATHS = [
    BASE_DIR / app / "locale"
    for app in (
        "accounts",
        "cases",
        "rules",
        "guidance",
        "letters",
        "jobs",
        "imports",
        "review",
        "checker",
        "actions",
        "notifications",
        "backups",
        "privacy",
    )
] + [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("SELFHELP_STATIC_ROOT", VAR_DIR / "staticfiles"))

# Evidence lives in private storage: there is no MEDIA_URL route, files are
# only ever streamed by a view that checks access. SELFHELP_S3_BUCKET (below) moves
# every private storage to S3-compatible object storage.
EVIDENCE_ROOT = Path(os.environ.get("SELFHELP_EVIDENCE_ROOT", VAR_DIR / "evidence"))
LETTER_ROOT = Path(os.environ.get("SELFHELP_LETTER_ROOT", VAR_DIR / "letters"))
STORAGES = {
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": VAR_DIR / "private", "base_url": None},
    },
    "evidence": {
        "BACKEND": os.environ.get(
            "SELFHELP_EVIDENCE_BACKEND", "django.core.files.storage.FileSystemStorage"
        ),
        "OPTIONS": {"location": EVIDENCE_ROOT, "base_url": None},
    },
    "letters": {
        "BACKEND": os.environ.get(
            "SELFHELP_LETTER_BACKEND", "django.core.files.storage.FileSystemStorage"
        ),
        "OPTIONS": {"location": LETTER_ROOT, "base_url": None},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}


def s3_storages(environ) -> dict[str, dict]:
    """The private storages on S3-compatible object storage, from SELFHELP_S3_* settings.

    One bucket holds all three, each under its own prefix. Objects are written with the
    private ACL, and the storage gives no URL at all (selfhelp.storage.PrivateS3Storage):
    files are only ever streamed by the views that check access, as on the file system.
    Credentials may also come from the usual AWS_* variables or an instance role.
    """
    options = {
        "bucket_name": environ["SELFHELP_S3_BUCKET"],
        "endpoint_url": environ.get("SELFHELP_S3_ENDPOINT_URL") or None,
        "region_name": environ.get("SELFHELP_S3_REGION") or None,
        "access_key": environ.get("SELFHELP_S3_ACCESS_KEY_ID") or None,
        "secret_key": environ.get("SELFHELP_S3_SECRET_ACCESS_KEY") or None,
        # "path" for MinIO and most servers that are not AWS itself.
        "addressing_style": environ.get("SELFHELP_S3_ADDRESSING_STYLE") or None,
        "default_acl": "private",
        "file_overwrite": False,
        "object_parameters": {},
    }
    if env_bool("SELFHELP_S3_ENCRYPT", False):
        options["object_parameters"]["ServerSideEncryption"] = "AES256"
    backend = "selfhelp.storage.PrivateS3Storage"
    return {
        alias: {"BACKEND": backend, "OPTIONS": {**options, "location": prefix}}
        for alias, prefix in (
            ("default", "private"),
            ("evidence", "evidence"),
            ("letters", "letters"),
        )
    }


# SELFHELP_S3_BUCKET moves the private files (evidence, letter PDFs, pending imports) to
# object storage, so that several web servers and workers share them (docs/deploy.md).
if os.environ.get("SELFHELP_S3_BUCKET"):
    STORAGES.update(s3_storages(os.environ))
#: Personal-data export zips (privacy app, in the "default" private storage) are deleted
#: this many days after they were made (manage.py prune_exports), and with the account.
SELFHELP_EXPORT_KEEP_DAYS = int(os.environ.get("SELFHELP_EXPORT_KEEP_DAYS", "7"))
EVIDENCE_MAX_BYTES = int(os.environ.get("SELFHELP_EVIDENCE_MAX_BYTES", str(20 * 1024 * 1024)))
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
_MB = 1024 * 1024
# No request body larger than this is read at all (selfhelp.middleware.RequestSizeLimitMiddleware):
# room for the largest upload below (a 100 MB case file, 120 MB of backups) and the form around it.
SELFHELP_MAX_REQUEST_BYTES = int(os.environ.get("SELFHELP_MAX_REQUEST_BYTES", str(130 * _MB)))
# Phone backups and screenshots: one file, and all files of one upload together.
SELFHELP_IMPORT_MAX_FILE_BYTES = int(
    os.environ.get("SELFHELP_IMPORT_MAX_FILE_BYTES", str(100 * _MB))
)
SELFHELP_IMPORT_MAX_UPLOAD_BYTES = int(
    os.environ.get("SELFHELP_IMPORT_MAX_UPLOAD_BYTES", str(120 * _MB))
)
# Per person, so one account cannot fill the shared worker or disk: jobs waiting or running,
# imports whose files wait to be read, and the bytes of uploads still kept for checking.
SELFHELP_MAX_PENDING_JOBS = int(os.environ.get("SELFHELP_MAX_PENDING_JOBS", "4"))
SELFHELP_MAX_PENDING_IMPORTS = int(os.environ.get("SELFHELP_MAX_PENDING_IMPORTS", "2"))
SELFHELP_MAX_PENDING_UPLOAD_BYTES = int(
    os.environ.get("SELFHELP_MAX_PENDING_UPLOAD_BYTES", str(250 * _MB))
)
# A backup holding more XML elements than this is refused (a real one holds far fewer).
SELFHELP_BACKUP_MAX_ELEMENTS = int(os.environ.get("SELFHELP_BACKUP_MAX_ELEMENTS", "3000000"))

# Background work through the Django tasks API. The database backend needs
# nothing but the app's own database (worker: `manage.py db_worker`). For scale,
# SELFHELP_TASKS_BACKEND=django_tasks_rq.RQBackend keeps the queue in Redis at
# REDIS_URL (worker: `manage.py rqworker --job-class django_tasks_rq.Job default`).
TASKS_BACKEND = os.environ.get("SELFHELP_TASKS_BACKEND", "django_tasks_db.DatabaseBackend")
RQ_BACKEND = "django_tasks_rq.RQBackend"
REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
# django-rq's queues; every queue named in TASKS["default"]["QUEUES"] must be here.
# DEFAULT_TIMEOUT bounds one job (a long evidence report renders in well under it).
RQ_QUEUES = {
    "default": {
        "URL": REDIS_URL,
        "DEFAULT_TIMEOUT": int(os.environ.get("SELFHELP_RQ_JOB_TIMEOUT", "600")),
    }
}
TASKS = {"default": {"BACKEND": TASKS_BACKEND, "QUEUES": ["default"]}}
# Lock files that keep two database workers from running under the same worker id.
SELFHELP_RUN_DIR = Path(os.environ.get("SELFHELP_RUN_DIR", VAR_DIR / "run"))
if TASKS_BACKEND == RQ_BACKEND:
    # django_rq gives the `rqworker` command and the queue check; django_tasks_rq the Job class.
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]

# The cache counts the public checkers' requests per address (checker/ratelimit.py). Local
# memory counts per process; SELFHELP_CACHE_REDIS_URL shares one count across processes.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
if os.environ.get("SELFHELP_CACHE_REDIS_URL"):
    CACHES["default"] = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": os.environ["SELFHELP_CACHE_REDIS_URL"],
    }

EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "noreply@selfhelp.invalid")
# The address links in emails start with (notifications and reminders are sent outside a request).
SITE_URL = os.environ.get("SELFHELP_SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# How long an invitation to join an organisation can be accepted.
INVITATION_VALID_DAYS = int(os.environ.get("SELFHELP_INVITATION_VALID_DAYS", "7"))

# Security headers. The CSP allows no inline script or style.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    }
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
LANGUAGE_COOKIE_SAMESITE = "Lax"
SECURE_SSL_REDIRECT = env_bool("DJANGO_SSL_REDIRECT", False)
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_SECONDS > 0
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", SECURE_HSTS_SECONDS >= 31536000)
#: Behind a reverse proxy, the client's address is the last X-Forwarded-For entry (the one the
#: proxy appended), not REMOTE_ADDR (the proxy's own): login throttling counts per client.
SELFHELP_BEHIND_PROXY = env_bool("DJANGO_BEHIND_PROXY")
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if SELFHELP_BEHIND_PROXY else None

# Volunteers and staff must enrol a second factor (TOTP) before seeing any case. Off by
# default only for the local demo (DEBUG), so the demo volunteer can log in with a password.
SELFHELP_REQUIRE_STAFF_2FA = env_bool("SELFHELP_REQUIRE_STAFF_2FA", not DEBUG)

# Demo data may be loaded only outside production settings.
SELFHELP_DEMO_ALLOWED = DEBUG or env_bool("SELFHELP_ALLOW_DEMO", False)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
    "loggers": {
        # WeasyPrint's warning that the slow Python font subsetter is in use must be seen.
        "weasyprint": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        "fontTools": {"handlers": ["console"], "level": "ERROR", "propagate": False},
    },
}

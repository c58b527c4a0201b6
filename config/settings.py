"""Kvalitetsnav settings: one module, configured entirely from the environment.

Variables (defaults in brackets):
  SECRET_KEY              required unless DEBUG is on
  DEBUG                   [false]
  DATABASE_URL            [sqlite:///var/kvalitetsnav.sqlite3]  e.g. postgres:///kvalitetsnav
  ALLOWED_HOSTS           [localhost,127.0.0.1]  comma separated
  HTTPS                   [true unless DEBUG]  secure cookies, HSTS and SSL redirect
  TASKS_BACKEND           [immediate]  "immediate" runs tasks inline, "database" queues them
                          for `manage.py db_worker`
  EMAIL_URL               [console]  "console" or smtp://user:pass@host:port
  DEFAULT_FROM_EMAIL      [kvalitetsnav@localhost]
  SITE_URL                [http://127.0.0.1:8000]  for links in emails
  CSRF_TRUSTED_ORIGINS    [] comma separated, e.g. https://kvalitet.exempel.se
  BEHIND_PROXY            [false]  behind a TLS-terminating proxy: trust its X-Forwarded-Proto, and take the
                          client's address from X-Forwarded-For as the trusted proxies wrote it
  TRUSTED_PROXIES         [1 when BEHIND_PROXY]  how many proxies of ours append to X-Forwarded-For; the
                          client is the address that many places from the right (anything left of it is the
                          client's own claim and is ignored)
  CACHE_URL               [db]  the cache every app server shares (e-form limits and one-time tokens, API
                          throttles): "db" (a database table, works everywhere) or redis://host:6379/0
  CASE_ID_KEY             [derived from SECRET_KEY]  key of the pseudonymous case ids; keep it stable
  IVO_REPORTING_DATES     [03-31,06-30,09-30,12-31]  last day of each period reported to IVO
  MUNICIPALITY_NAME       [Exempelkommun]  the name on generated reports
  REPORT_SMALL_COUNT      [0]  reports write counts below this as "färre än N" (0 = off)
  KOLADA_URL              [https://api.kolada.se/v3]
  KOLADA_MUNICIPALITY     [0880]  the municipality's own Kolada code (demo: Kalmar)
  KOLADA_COMPARISON       [] comma separated Kolada codes to compare with; Riket (0000) always
"""

import os
from pathlib import Path
from urllib.parse import unquote, urlparse

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise RuntimeError("SECRET_KEY must be set when DEBUG is off (see README).")
    SECRET_KEY = "insecure-development-key-only-for-debug"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "csp",
    "core",
    "organisation",
    "accounts",
    "audit",
    "actions",
    "deviations",
    "complaints",
    "risks",
    "controls",
    "indicators",
    "goals",
    "casedata",
    "finance",
    "surveys",
    "staff",
    "reports",
    "home",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.middleware.SwedishFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "audit.middleware.AuditContextMiddleware",
    # Last, so that a locked-out login is answered before any view runs.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "home.context_processors.navigation",
            ],
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'var' / 'kvalitetsnav.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the inline task runner and the web request share the file without "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Login throttling (django-axes): five failures for one username from one address lock it for 15 minutes.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

# Swedish first: the UI is Swedish by default, English is available for developers and support.
LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", _("Swedish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True
# Off: a template's plain number is a year, a record's number or a value in a link ("?year=2026&unit=1234"), and
# grouping would print "2 026" and break the link. Quantities are grouped where they are shown as quantities:
# core.formatting (documents) and the `cell` filter and table cells (pages), which group digits themselves.
USE_THOUSAND_SEPARATOR = False

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
MEDIA_ROOT = BASE_DIR / "var" / "media"
WHITENOISE_USE_FINDERS = DEBUG

# Security baseline. HTTPS defaults on outside DEBUG; the local demo turns it off explicitly.
HTTPS = env_bool("HTTPS", not DEBUG)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS and env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = 31536000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
BEHIND_PROXY = env_bool("BEHIND_PROXY", False)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_PROXY else None
# The client's address (rate limits) comes from X-Forwarded-For only behind our own proxies; otherwise a client
# could name any address it likes. DRF's get_ident() reads the same setting (REST_FRAMEWORK["NUM_PROXIES"]).
TRUSTED_PROXIES = int(os.environ.get("TRUSTED_PROXIES") or (1 if BEHIND_PROXY else 0))

# Two caches: "default" is each process's own memory (cached counts that may lag), "shared" is common to every
# app server and worker and survives a restart: what must hold across them — the e-form's limit and its one-time
# tokens, the API's throttles — lives there. The database works on every deployment; Redis when configured.
_cache_url = os.environ.get("CACHE_URL", "db")
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "shared": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": _cache_url}
        if _cache_url.startswith(("redis://", "rediss://"))
        else {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "kvalitetsnav_cache"}
    ),
}
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 8 * 60 * 60
X_FRAME_OPTIONS = "DENY"

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # Token first, so an unauthenticated API call is answered 401 with a WWW-Authenticate header.
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    # JSON only: the HTML documentation is /api/docs/, rendered accessibly from the schema.
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.LimitOffsetPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    # A refusal by the model itself (the text gate under every path) is answered 400 with its field, not 500.
    "EXCEPTION_HANDLER": "core.api.exception_handler",
    "DEFAULT_THROTTLE_CLASSES": ["core.throttles.SharedAnonRateThrottle", "core.throttles.SharedUserRateThrottle"],
    "NUM_PROXIES": TRUSTED_PROXIES,
    "DEFAULT_THROTTLE_RATES": {
        "anon": os.environ.get("API_ANON_RATE", "60/minute"),
        "user": os.environ.get("API_USER_RATE", "2000/minute"),
    },
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Kvalitetsnav API",
    "DESCRIPTION": "REST API for the ledningssystem för systematiskt kvalitetsarbete. "
    "Every resource is limited to the caller's organisation-unit scope.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    # Choice sets that share a field name across apps get names of their own in the schema.
    "ENUM_NAME_OVERRIDES": {
        "GoalAssessmentEnum": "goals.choices.Assessment",
        "IndicatorSourceEnum": "indicators.choices.Source",
        "AuditSourceEnum": "audit.choices.Source",
    },
}

TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "immediate")
TASKS = {
    "default": {
        "BACKEND": {
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
            "database": "django_tasks_db.DatabaseBackend",
        }[TASKS_BACKEND],
    }
}

EMAIL_URL = os.environ.get("EMAIL_URL", "console")
if EMAIL_URL == "console":
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
else:
    _email = urlparse(EMAIL_URL)
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = _email.hostname or "localhost"
    EMAIL_PORT = _email.port or 587
    EMAIL_HOST_USER = unquote(_email.username or "")
    EMAIL_HOST_PASSWORD = unquote(_email.password or "")
    EMAIL_USE_TLS = _email.scheme in {"smtp+tls", "submission"} or EMAIL_PORT == 587
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "kvalitetsnav@localhost")
# Risk analysis: steps of each axis (sannolikhet × konsekvens) and months between re-assessments.
RISK_SCALE = int(os.environ.get("RISK_SCALE", "4"))
RISK_REVIEW_MONTHS = int(os.environ.get("RISK_REVIEW_MONTHS", "12"))
# The key that turns a source system's case id into a pseudonym; re-imports must use the same key.
CASE_ID_KEY = os.environ.get("CASE_ID_KEY", "")
# Reports: the municipality's name on the documents, and the count below which a report writes "färre än N"
# (OSL 26 kap. 1 §; 0 = off, as in the seeds).
MUNICIPALITY_NAME = os.environ.get("MUNICIPALITY_NAME", "Exempelkommun")
REPORT_SMALL_COUNT = int(os.environ.get("REPORT_SMALL_COUNT", "0"))
# The last day (MM-DD) of each period the ej verkställda beslut are reported to IVO for; default the quarters.
IVO_REPORTING_DATES = os.environ.get("IVO_REPORTING_DATES", "03-31,06-30,09-30,12-31").split(",")
# Kolada (RKA): the national comparison values, fetched on demand and on a schedule, kept locally.
KOLADA_URL = os.environ.get("KOLADA_URL", "https://api.kolada.se/v3")
KOLADA_MUNICIPALITY = os.environ.get("KOLADA_MUNICIPALITY", "0880")
KOLADA_COMPARISON = [c for c in os.environ.get("KOLADA_COMPARISON", "").split(",") if c]
# The address people reach the app at, for links in emails and calendar feeds.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # WeasyPrint reports every layout step at INFO; its warnings and errors still show.
    "loggers": {"axes": {"level": "WARNING"}, "weasyprint": {"level": "WARNING"}},
}

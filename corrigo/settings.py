"""Settings of the standalone corrigo service.

This is the only module that reads the environment (see the README for the variables). Three modes,
chosen by ``CORRIGO_ENV``: ``production`` (the default) refuses to start without ``SECRET_KEY`` and
``ALLOWED_HOSTS``; ``development`` (the demo) and ``test`` use safe local defaults.
"""

import datetime
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

env = environ.Env()

PACKAGE_DIR = Path(__file__).resolve().parent
MODE = env.str("CORRIGO_ENV", default="production")
if MODE not in {"production", "development", "test"}:
    raise ImproperlyConfigured("CORRIGO_ENV must be production, development or test.")
PRODUCTION = MODE == "production"
DATA_DIR = Path(env.str("CORRIGO_DATA_DIR", default=str(Path.cwd() / "var"))).resolve()

DEBUG = env.bool("DEBUG", default=MODE == "development")
if PRODUCTION:
    if not env.str("SECRET_KEY", default=""):
        raise ImproperlyConfigured("SECRET_KEY must be set in production (CORRIGO_ENV=production).")
    if not env.list("ALLOWED_HOSTS", default=[]):
        raise ImproperlyConfigured("ALLOWED_HOSTS must be set in production (CORRIGO_ENV=production).")
SECRET_KEY = env.str("SECRET_KEY", default=f"corrigo-insecure-{MODE}-key-never-use-in-production")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "corsheaders",
    "ninja",
    "django_tasks",
    "django_tasks_db",
    "corrigo.sites",
    "corrigo.articles",
    "corrigo.cases",
    "corrigo.reports",
    "corrigo.audit",
    "corrigo.desk",
    "corrigo.notifications",
    "corrigo.embed",
    "corrigo.demo",
    "corrigo.corrections",
    "corrigo.integrations",
    "corrigo.antispam",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "corrigo.middleware.CookielessPublicMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "corrigo.urls"
WSGI_APPLICATION = "corrigo.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ],
        },
    },
]

_SQLITE_DEFAULT = f"sqlite:///{DATA_DIR / 'corrigo.sqlite3'}"
DATABASES = {"default": env.db("DATABASE_URL", default=_SQLITE_DEFAULT)}
# Each worker process keeps its connection between requests (checked before reuse) instead of opening
# one per request.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CORRIGO_CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if not env.str("DATABASE_URL", default=""):
    DATA_DIR.mkdir(parents=True, exist_ok=True)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers run beside the one writer; IMMEDIATE takes the write lock at BEGIN, so two
    # writers queue instead of failing with "database is locked" mid-transaction. corrigo's backend
    # queues them on a file lock, woken as soon as it is free (corrigo/sqlite/base.py). The database
    # file is read through a memory map of up to 256 MB: every other process's commit empties a
    # connection's page cache, and its pages are then read from the map instead of by a system call
    # each (bench/README.md). An I/O error on a mapped page stops the worker process instead of
    # failing its query; gunicorn starts another, and the reader's report, not acknowledged, is sent again.
    DATABASES["default"]["ENGINE"] = "corrigo.sqlite"
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": env.float("CORRIGO_SQLITE_TIMEOUT", default=5.0),
        "init_command": f"PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA mmap_size={256 * 1024 * 1024};",
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Django's backend with a health check that needs no round trip (corrigo/postgresql/__init__.py).
    DATABASES["default"]["ENGINE"] = "corrigo.postgresql"
    # Parameters bound by the server, not spliced into the SQL by psycopg: the public endpoint's
    # statements are the same every time, so psycopg prepares them after a few runs and PostgreSQL
    # skips parsing and planning them (bench/README.md, load figures). Django leaves preparing off
    # unless a threshold is given; psycopg's own default is 5 runs.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("server_side_binding", True)
    DATABASES["default"]["OPTIONS"].setdefault("prepare_threshold", 5)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Rate limits and login lockouts must be shared by every worker process: the database cache by default
# (its table is made by ``corrigo migrate``), Redis when CACHE_URL points to one (redis://host:6379/0).
CACHES = {"default": env.cache("CACHE_URL", default="dbcache://corrigo_cache")}
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.db.DatabaseCache":
    CACHES["default"]["BACKEND"] = "corrigo.antispam.cache.AtomicDatabaseCache"
    CACHES["default"].setdefault("OPTIONS", {}).setdefault("MAX_ENTRIES", 100_000)
# What nearly every public request reads and an owner rarely changes (sites by widget key, the allowed
# origins, a site's block list) is also kept in each process for a few seconds, as shared objects
# (``corrigo.localcache``): a change made in one process applies there at once and in the others
# within CORRIGO_LOCAL_CACHE_SECONDS.
CACHES["local"] = {
    "BACKEND": "corrigo.localcache.ProcessLocalCache",
    "LOCATION": "corrigo-local",
    "TIMEOUT": env.int("CORRIGO_LOCAL_CACHE_SECONDS", default=10),
}

TASKS = {"default": {"BACKEND": env.str("CORRIGO_TASKS_BACKEND", default="django_tasks_db.DatabaseBackend")}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "desk:login"
LOGIN_REDIRECT_URL = "desk:queue"
LOGOUT_REDIRECT_URL = "desk:login"

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("uk", _("Ukrainian")), ("ru", _("Russian"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = env.str("TIME_ZONE", default="UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
# Production serves the files collected by ``corrigo collectstatic``; development and tests serve
# them straight from the package.
STATIC_ROOT = env.str("STATIC_ROOT", default=str(DATA_DIR / "static")) if PRODUCTION else None
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = not PRODUCTION

CORS_URLS_REGEX = r"^/api/v1/.*$"
CORS_ALLOW_CREDENTIALS = False
CORS_PREFLIGHT_MAX_AGE = 3600
CORS_EXPOSE_HEADERS = ["Retry-After"]  # the widget waits as long as a busy API asks

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = PRODUCTION
CSRF_COOKIE_SECURE = PRODUCTION
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# HTTPS in production: redirect, HSTS for a year (preload and subdomains unless turned off), and trust
# the proxy's X-Forwarded-Proto only when SECURE_PROXY_SSL_HEADER says so ("HTTP_X_FORWARDED_PROTO,https").
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=PRODUCTION)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31_536_000 if PRODUCTION else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
SECURE_PROXY_SSL_HEADER = tuple(env.list("SECURE_PROXY_SSL_HEADER", default=[])) or None
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

# Login lockout (django-axes): 5 failures for one user name from one client lock that pair out for 15
# minutes. Attempts are counted in the cache under a keyed hash of the address, never the address.
AUTHENTICATION_BACKENDS = ["corrigo.antispam.backends.LoginLockoutBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_HANDLER = "axes.handlers.cache.AxesCacheHandler"
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "corrigo.reports.services.client_hash"
AXES_LOCKOUT_TEMPLATE = "corrigo/locked.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="corrigo@localhost")

CORRIGO_PUBLIC_URL = env.str("CORRIGO_PUBLIC_URL", default="")
# Reports reach the desk a few seconds after they arrive; at once in the demo.
CORRIGO_PLACE_DELAY = env.float("CORRIGO_PLACE_DELAY", default=1.0 if MODE == "development" else 5.0)
CORRIGO_PROXY_COUNT = env.int("CORRIGO_PROXY_COUNT", default=0)
CORRIGO_REQUIRE_CHALLENGE = env.bool("CORRIGO_REQUIRE_CHALLENGE", default=False)
CORRIGO_PROOF_OF_WORK = env.bool("CORRIGO_PROOF_OF_WORK", default=False)
CORRIGO_DEMO = env.bool("CORRIGO_DEMO", default=MODE == "development")
CORRIGO_EMAIL_RETENTION_DAYS = env.int("CORRIGO_EMAIL_RETENTION_DAYS", default=90)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
}

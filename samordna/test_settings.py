"""Settings for the test suite: fast hashing, no network, files in a temp folder."""

import tempfile
from pathlib import Path

from samordna.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="samordna-test-media-"))
LOGGING = {"version": 1, "disable_existing_loggers": False}
# Tasks run at once, in the test's thread; a test of the queued path picks the database backend.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

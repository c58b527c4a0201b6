#!/usr/bin/env python
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    if not os.environ.get("SECRET_KEY") and "DEBUG" not in os.environ:
        # A developer's shell with nothing configured: development mode. Production sets SECRET_KEY
        # (and gunicorn loads config.wsgi, which has no such fallback).
        os.environ["DEBUG"] = "true"
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)

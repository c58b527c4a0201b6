"""Feed every importer careless and hostile files on a loaded demo, then open every export and all three
documents in every format, and say what happened (issue 12's check on the demo; not part of the suite).

    DATABASE_URL=sqlite:////tmp/fuzz.sqlite3 .venv/bin/python manage.py migrate
    DATABASE_URL=sqlite:////tmp/fuzz.sqlite3 .venv/bin/python manage.py load_demo
    DATABASE_URL=sqlite:////tmp/fuzz.sqlite3 .venv/bin/python scripts/try_hostile_imports.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DEBUG", "true")

import django

django.setup()

import datetime as dt  # noqa: E402

from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.urls import get_resolver, reverse  # noqa: E402

from accounts.models import User  # noqa: E402
from audit.choices import Source  # noqa: E402
from audit.context import acting_as  # noqa: E402
from casedata.importer import ReplacementNeeded, import_cases  # noqa: E402
from core.imports import ImportRefused  # noqa: E402
from core.tests.test_imports_never_crash_or_half_save import HOSTILE  # noqa: E402  (the suite's own list)
from finance.demo import ACTIVITIES  # noqa: E402
from finance.importer import import_statement  # noqa: E402
from organisation.models import FollowUpPoint, Unit  # noqa: E402
from reports import generate, render  # noqa: E402
from staff.importer import import_staff  # noqa: E402
from surveys.importer import import_surveys  # noqa: E402

NUMBERS = ["NaN", "Infinity", "-inf", "1e20", "123456789012345678", "−12 700", "12,5"]


def attempt(label: str, run) -> str:
    try:
        run()
        return "stored"
    except ImportRefused as refused:
        first = refused.errors[0]
        return f"refused ({first.row}, {first.column})"
    except ReplacementNeeded:
        return "needs confirmation"


def main() -> None:
    setup_test_environment()
    admin = User.objects.get(username="admin")
    unit = Unit.objects.get(code="BOU-MYN")
    root = Unit.objects.filter(parent=None).get()
    year = dt.date.today().year
    point = FollowUpPoint.objects.filter(period__year=year, code="T2").first()
    outcomes: dict[str, list[str]] = {}
    with acting_as(admin, Source.IMPORT):
        for n, text in enumerate(HOSTILE):
            survey = (
                "undersokning;enhet;ar;kalla;utdelade;svar;fraga_kod;fraga;andel_positiva;riket\n"
                f"Fuzz;{unit.code};{year};egen;20;10;F{n};{text};75;\n"
            )
            case = (
                "arende_id;enhet;typ;start;beslutsdatum;kon;orsak\n"
                f"FUZZ-{n};{unit.code};beslut;{year}-01-0{1 + n % 9};{year}-01-0{1 + n % 9};K;{text}\n"
            )
            name_line = ACTIVITIES.splitlines()
            finance = "\n".join([name_line[0], name_line[1].replace("LEDNINGS", text, 1), *name_line[2:]]) + "\n"
            outcomes.setdefault(repr(text)[:40], []).extend(
                [
                    "survey " + attempt("survey", lambda s=survey: import_surveys(s.encode(), "f.csv", by=admin)),
                    "cases "
                    + attempt(
                        "cases",
                        lambda c=case: import_cases(
                            c.encode(), "f.csv", by=admin, replace_period=(dt.date(year, 1, 1), dt.date(year, 1, 31))
                        ),
                    ),
                    "finance "
                    + attempt(
                        "finance",
                        lambda f=finance: import_statement(
                            f.encode(),
                            "f.csv",
                            point=point,
                            unit=root,
                            breakdown="verksamhet",
                            ledger="drift",
                            by=admin,
                        ),
                    ),
                ]
            )
        for value in NUMBERS:
            staff = f"enhet;ar;period;matt;kon;varde\n{root.code};{year};helar;sjukfranvaro;T;{value}\n"
            outcomes.setdefault(f"staff value {value}", []).append(
                attempt("staff", lambda s=staff: import_staff(s.encode(), "p.csv", by=admin))
            )
    for text, results in outcomes.items():
        print(f"{text:42} {'; '.join(results)}")

    client = Client()
    client.force_login(admin)
    failures = []
    exports = sorted(
        f"{namespace}:{name}"
        for namespace, (_prefix, resolver) in get_resolver().namespace_dict.items()
        for name in resolver.reverse_dict
        if isinstance(name, str) and name.endswith("export")
    )
    pages = [reverse(name) for name in exports]
    pages += [
        f"/arendedata/ej-verkstallda/?year={year}&period=1&format=xlsx",
        f"/egenkontroller/kvalitetsplan/?year={year}&format=xlsx",
        "/brukarundersokningar/",
        "/personal/",
        "/ekonomi/",
        "/api/v1/case-imports/not-carried-out/?year=" + str(year) + "&period=1",
    ]
    for url in pages:
        for fmt in ("", "?format=csv") if "export" in url and "?" not in url else ("",):
            status = client.get(url + fmt).status_code
            if status != 200:
                failures.append((url + fmt, status))
    print(f"{len(pages)} export and list addresses opened; failures: {failures or 'none'}")
    for kind, period in (("tertialrapport", "T2"), ("kvalitetsberattelse", ""), ("kvalitetsplan", "")):
        report = generate.assemble(kind, year, period, root, admin)
        sizes = (len(render.page(report)), len(render.docx(report)), len(render.pdf(report)))
        print(f"{kind}: HTML {sizes[0]} B, Word {sizes[1]} B, PDF {sizes[2]} B")


if __name__ == "__main__":
    main()

"""Ärendedata for Exempelkommun: about 2 450 utredningar a year (and förhandsbedömningar and beslut) since three
years back, imported through the real importer so the case-data indicators are computed, never typed in.
Levels follow seed 002: about 71 % of barnavårdsutredningar within four months, 60 % of vuxenutredningar within
60 days, improving a little each year."""

from __future__ import annotations

import datetime as dt
import random

from django.contrib.auth import get_user_model

from .compute import recompute
from .importer import COLUMNS, import_cases

# kind: (units, cases a year, days: (within-limit range, late range), share within the limit in year one, limit)
PLAN = {
    "utredning_barn": (["BOU-MYN", "BOU-MOT"], 1800, ((20, 120), (123, 210)), 0.69),
    "utredning_vuxen": (["VUX-MYN", "VUX-BER"], 650, ((10, 60), (61, 150)), 0.58),
    "forhandsbedomning": (["BOU-MOT"], 2600, ((1, 14), (15, 40)), 0.86),
    "beslut": (["VUX-MYN", "FS-MYN"], 700, ((0, 14), (15, 130)), 0.79),
}
INTERVENTIONS = ["boendestöd", "kontaktperson", "hemtjänst", "korttidsboende", "daglig verksamhet", "ledsagarservice"]
REASONS = ["våld", "missbruk", "grov kriminalitet", "psykisk ohälsa", "skolfrånvaro", ""]


def rows(today: dt.date, rng: random.Random) -> list[list[str]]:
    first = dt.date(today.year - 3, 1, 1)
    found = []
    number = 0
    for kind, (units, per_year, (in_time, late), share) in PLAN.items():
        for year_index in range(4):
            year_start = dt.date(first.year + year_index, 1, 1)
            for _ in range(per_year):
                start = year_start + dt.timedelta(days=rng.randrange(0, 365))
                if start >= today:
                    continue
                number += 1
                kept = rng.random() < share + 0.02 * year_index
                length = rng.randint(*(in_time if kept else late))
                end = start + dt.timedelta(days=length)
                extended = kind == "utredning_barn" and not kept and rng.random() < 0.1
                row = dict.fromkeys(COLUMNS, "")
                row.update(
                    arende_id=f"EX-{kind[:3].upper()}-{number:06d}",
                    enhet=rng.choice(units),
                    typ=kind,
                    start=start.isoformat(),
                    kon=rng.choice("KM"),
                    fodelsear=str(rng.randrange(2006, 2024) if "barn" in kind else rng.randrange(1945, 2005)),
                    forlangd="ja" if extended else "nej",
                    insats_under_utredning="nej",
                )
                if kind == "beslut":
                    row.update(beslutsdatum=start.isoformat(), orsak=rng.choice(INTERVENTIONS))
                    if end < today and rng.random() > 0.03:  # a few decisions still wait
                        row["verkstallighetsdatum"] = end.isoformat()
                elif end < today:
                    row.update(slut=end.isoformat(), orsak=rng.choice(REASONS) if "barn" in kind else "")
                found.append([row[c] for c in COLUMNS])
    return found


def create(today: dt.date) -> None:
    planner = get_user_model().objects.get(username="kvalitet")
    data = ";".join(COLUMNS) + "\n" + "".join(";".join(r) + "\n" for r in rows(today, random.Random(2026)))
    import_cases(data.encode(), "exempelkommun-arenden.csv", by=planner)
    recompute()

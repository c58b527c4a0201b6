"""Last year's brukarundersökning inom IFO (SKR's national survey) for Exempelkommun's öppenvård units, with the
national averages, imported through the real importer. Boendestöd answered 102 of 245 (seed 002)."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model

from .importer import COLUMNS, import_surveys

QUESTIONS = [
    ("IFO_RESPEKT", "Blir du bemött med respekt?", 93),
    ("IFO_PAVERKA", "Kan du påverka hur stödet utformas?", 78),
    ("IFO_FORBATTRAD", "Har din situation blivit bättre?", 72),
    ("IFO_INFO_SYNPUNKT", "Vet du hur du kan lämna synpunkter eller klagomål?", 61),
]
# unit: (asked, answered, how far from the national share)
UNITS = {"VUX-BOS": (245, 102, -2), "VUX-BER": (180, 97, 3), "BOU-FAM": (140, 88, 5), "VUX-EKB": (400, 131, -6)}


def create(today: dt.date) -> None:
    year = today.year - 1
    lines = [";".join(COLUMNS)]
    for unit, (asked, answered, offset) in UNITS.items():
        for number, (code, text, national) in enumerate(QUESTIONS):
            share = min(99, national + offset + (number % 3) - 1)
            lines.append(
                f"Brukarundersökning IFO {year};{unit};{year};nationell;{asked};{answered};{code};{text};{share};{national}"
            )
    planner = get_user_model().objects.get(username="kvalitet")
    import_surveys(("\n".join(lines) + "\n").encode(), "brukarundersokning.csv", by=planner)

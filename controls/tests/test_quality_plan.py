import datetime as dt
import io

import openpyxl
from django.urls import reverse

from actions.tests.factories import ActionFactory
from controls.tests.factories import ControlFactory
from risks.tests.factories import RiskFactory


def test_the_plan_groups_risks_with_their_controls_and_actions_per_area(client, tree, chief_a):
    risk = RiskFactory(
        unit=tree.a1, title="Utredningar drar över tiden", area="Myndighetsutövning", probability=3, consequence=3
    )
    ControlFactory(unit=tree.a1, risk=risk, title="Aktgranskning av utredningstider", plan="Kvartalsvis aktgranskning")
    risk.actions.add(ActionFactory(unit=tree.a1, title="Inför bevakningslista", due_on=dt.date(2026, 5, 1)))
    ControlFactory(unit=tree.a2, title="Loggkontroll utan risk")
    RiskFactory(unit=tree.b1, title="I område B", area="Myndighetsutövning")
    client.force_login(chief_a)

    areas = client.get(reverse("controls:quality_plan"), {"year": 2026}).context["areas"]

    assert [a.area for a in areas] == ["Myndighetsutövning", "Egenkontroller utan kopplad risk"]
    row = areas[0].rows[0]
    assert (row.risk, row.level, [c.title for c in row.controls], row.actions) == (
        "Utredningar drar över tiden",
        9,
        ["Aktgranskning av utredningstider"],
        ["Inför bevakningslista"],
    )
    assert len(areas[0].rows) == 1  # B's risk is outside the scope
    assert [c.title for c in areas[1].rows[0].controls] == ["Loggkontroll utan risk"]

    export = client.get(reverse("controls:quality_plan"), {"year": 2026, "format": "xlsx"})
    rows = list(
        openpyxl.load_workbook(io.BytesIO(export.getvalue()), read_only=True).active.iter_rows(values_only=True)
    )
    assert rows[0][:3] == ("Process eller område", "Risk", "Risknivå")
    assert rows[1][:4] == ("Myndighetsutövning", "Utredningar drar över tiden", 9, "Aktgranskning av utredningstider")


def test_an_action_done_in_the_year_is_in_its_plan_even_when_it_was_due_the_year_after(client, tree, chief_a):
    risk = RiskFactory(unit=tree.a1, title="Utredningar drar över tiden", area="Myndighetsutövning")
    done = dict(status="done", completed_on=dt.date(2026, 12, 31), due_on=dt.date(2027, 1, 30))
    risk.actions.add(ActionFactory(unit=tree.a1, title="Klar på nyårsafton", **done))
    risk.actions.add(
        ActionFactory(
            unit=tree.a1,
            title="Klar året före",
            status="done",
            completed_on=dt.date(2025, 6, 1),
            due_on=dt.date(2025, 6, 1),
        )
    )
    client.force_login(chief_a)

    areas = client.get(reverse("controls:quality_plan"), {"year": 2026}).context["areas"]

    assert areas[0].rows[0].actions == ["Klar på nyårsafton"]

"""Exempelkommun's verksamhetsplan, shaped like seed 004's bilaga: fokusområden → mål → the six kvalitetsmål →
utvecklingsområden with indicators, followed up at every tertial with samlad bedömning, orsak and åtgärd."""

from __future__ import annotations

import datetime as dt

from accounts.models import User
from audit.choices import Source
from audit.context import acting_as
from indicators.models import Indicator
from organisation.models import FollowUpPoint, Unit

from .choices import Assessment, GoalKind, QualityArea, RoundStatus
from .models import FollowUpRound, Goal, GoalReport, copy_year, suggested_for

# kind, title, description, quality area, responsible, unit, units concerned, indicator codes, children
PLAN = [
    (
        GoalKind.FOCUS_AREA,
        "Hög kvalitet i välfärden",
        "",
        "",
        None,
        "SF",
        [],
        [],
        [
            (
                GoalKind.LONG_TERM,
                "Socialtjänstens stöd",
                "Upplevelsen av socialtjänstens stöd ska rankas bland de 30 bästa i landet.",
                "",
                "kvalitet",
                "SF",
                [],
                [],
                [
                    (
                        GoalKind.QUALITY,
                        "Kunskapsbaserad vård och omsorg",
                        "Vården och omsorgen ska baseras på bästa tillgängliga kunskap.",
                        QualityArea.KNOWLEDGE,
                        "kvalitet",
                        "SF",
                        [],
                        [],
                        [
                            (
                                GoalKind.DEVELOPMENT_AREA,
                                "Möjliggöra självständighet utifrån förmåga",
                                "Individanpassat stöd som utgår från behov och tar tillvara individens förmåga.",
                                "",
                                "vc.vux",
                                "VUX",
                                ["VUX"],
                                ["IFO_VUX_UTR_60D", "IFO_UNG_DROGFRI"],
                                [],
                            ),
                            (
                                GoalKind.DEVELOPMENT_AREA,
                                "Rättssäker och skyndsam handläggning för barn och unga",
                                "Utredningar avslutas inom lagstadgad tid och förhandsbedömningar görs skyndsamt.",
                                "",
                                "vc.bou",
                                "BOU",
                                ["BOU-MYN", "BOU-MOT"],
                                ["IFO_BOU_UTR_4MAN", "IFO_BOU_UTR_90D", "IFO_AKT_14D"],
                                [],
                            ),
                        ],
                    ),
                    (
                        GoalKind.QUALITY,
                        "Säker vård och omsorg",
                        "Vården och omsorgen ska vara säker.",
                        QualityArea.SAFE,
                        "kvalitet",
                        "SF",
                        [],
                        [],
                        [
                            (
                                GoalKind.DEVELOPMENT_AREA,
                                "Stärka analys, lärande och utveckling för ökad patientsäkerhet",
                                "Kunskap om inträffade vårdskador och avvikelser ska leda till förbättring.",
                                "",
                                "vc.fs",
                                "FS",
                                ["FS"],
                                [],
                                [],
                            ),
                        ],
                    ),
                    (
                        GoalKind.QUALITY,
                        "Individanpassad vård och omsorg",
                        "Insatserna ska utgå från den enskildes behov och önskemål.",
                        QualityArea.PERSON_CENTRED,
                        "kvalitet",
                        "SF",
                        [],
                        [],
                        [
                            (
                                GoalKind.DEVELOPMENT_AREA,
                                "Delaktighet för barn, unga och vårdnadshavare",
                                "Barn och unga görs delaktiga i utredning och insats.",
                                "",
                                "vc.bou",
                                "BOU",
                                ["BOU"],
                                ["IFO_BRUK_FORBATTRAD"],
                                [],
                            ),
                        ],
                    ),
                    (
                        GoalKind.QUALITY,
                        "Effektiv vård och omsorg",
                        "Resurserna ska användas på bästa sätt.",
                        QualityArea.EFFICIENT,
                        "kvalitet",
                        "SF",
                        [],
                        [],
                        [
                            (
                                GoalKind.DEVELOPMENT_AREA,
                                "Snabb verkställighet av beslut",
                                "Beviljade insatser verkställs utan dröjsmål.",
                                "",
                                "vc.vux",
                                "VUX",
                                ["VUX", "FS"],
                                ["IFO_VERKST_14D", "IFO_VERKST_DAGAR"],
                                [],
                            ),
                        ],
                    ),
                    (
                        GoalKind.QUALITY,
                        "Jämlik vård och omsorg",
                        "Alla ska få stöd på lika villkor.",
                        QualityArea.EQUAL,
                        "kvalitet",
                        "SF",
                        [],
                        [],
                        [],
                    ),
                    (
                        GoalKind.QUALITY,
                        "Tillgänglig vård och omsorg",
                        "Stödet ska vara lätt att nå i rimlig tid.",
                        QualityArea.ACCESSIBLE,
                        "kvalitet",
                        "SF",
                        [],
                        [],
                        [],
                    ),
                ],
            ),
        ],
    ),
    (
        GoalKind.FOCUS_AREA,
        "Ordning och reda i ekonomin",
        "",
        "",
        None,
        "SF",
        [],
        [],
        [
            (
                GoalKind.LONG_TERM,
                "Ändamålsenlig och kostnadseffektiv verksamhet",
                "Alla verksamheter ska bedrivas ändamålsenligt och kostnadseffektivt.",
                "",
                "admin",
                "SF",
                [],
                [],
                [],
            ),
        ],
    ),
    (
        GoalKind.FOCUS_AREA,
        "Ett föredöme som arbetsgivare",
        "",
        "",
        None,
        "SF",
        [],
        [],
        [
            (GoalKind.ANNUAL, "Hållbart medarbetarengagemang (HME-index)", "", "", "admin", "SF", [], [], []),
            (GoalKind.ANNUAL, "Minskat antal långtidssjukskrivna", "", "", "admin", "SF", [], [], []),
            (
                GoalKind.ASSIGNMENT,
                "Avhopparverksamhet",
                "Stödja vuxna som vill lämna en kriminell gruppering.",
                "",
                "vc.vux",
                "VUX",
                ["VUX"],
                [],
                [],
            ),
        ],
    ),
]

TEXTS = {
    Assessment.FULLY: (
        "Målet är uppnått. Samtliga aktgranskningar visar att arbetet följer målen.",
        "Ett aktivt arbete inom processen och tydliga rutiner.",
        "Fortsatt arbete i processteamet för att hålla resultatet.",
    ),
    Assessment.PARTLY: (
        "Målvärdet är delvis uppnått. Metoden är implementerad men ännu inte fullt ut i statistiken.",
        "Vakanser och personalomsättning under perioden har gett längre handläggningstider.",
        "Rekrytering pågår; veckovis bevakning av utredningstider och ärendegenomgång på APT.",
    ),
    Assessment.NOT_MET: (
        "Målet är inte uppnått under perioden.",
        "Fler aktualiseringar än tidigare och hög komplexitet i ärendena.",
        "Handlingsplan tas fram tillsammans med verksamhetschef.",
    ),
    Assessment.NOT_EVALUATED: (
        "Går ej att avgöra effekt än.",
        "Data har ännu inte bearbetats.",
        "Analys till nästa uppföljning.",
    ),
    Assessment.STARTED: ("Uppdraget är påbörjat.", "", "Samverkan med polis och kriminalvård planeras."),
    Assessment.DONE: ("Uppdraget är genomfört.", "", ""),
    Assessment.NOT_STARTED: ("Uppdraget är inte påbörjat.", "Andra utvecklingsområden har prioriterats.", ""),
}


def build(year: int, people: dict[str, User], units: dict[str, Unit]) -> None:
    indicators = {i.code: i for i in Indicator.objects.all()}

    def add(nodes, parent, order_start=0):
        for order, (kind, title, description, area, who, unit, concerned, codes, children) in enumerate(
            nodes, start=order_start
        ):
            goal = Goal.objects.create(
                year=year,
                kind=kind,
                parent=parent,
                title=title,
                description=description,
                quality_area=area,
                responsible=people.get(who),
                unit=units[unit],
                order=order,
            )
            goal.units.set([units[c] for c in concerned])
            goal.indicators.set([indicators[c] for c in codes if c in indicators])
            add(children, goal)

    add(PLAN, None)


def report_round(round_: FollowUpRound, people: dict[str, User], *, leave_out: int = 0) -> None:
    """Reports for every expected goal and unit (but the last ``leave_out``), from the suggestion where there
    are indicators and otherwise as the seed's typical bedömningar."""
    expected = round_.expected()
    for index, (goal, unit) in enumerate(expected[: len(expected) - leave_out]):
        if goal.kind == GoalKind.ASSIGNMENT:
            assessment = Assessment.STARTED
        else:
            suggested = suggested_for(goal, unit, round_.point)
            assessment = (
                suggested
                if suggested != Assessment.NOT_EVALUATED
                else (Assessment.PARTLY if index % 3 else Assessment.FULLY)
            )
        overall, cause, action = TEXTS[assessment]
        GoalReport.objects.create(
            round=round_,
            goal=goal,
            unit=unit,
            assessment=assessment,
            overall=overall,
            cause=cause,
            action=action,
            suggested=suggested_for(goal, unit, round_.point),
            reported_by=goal.responsible or people["kvalitet"],
        )


def create(today: dt.date) -> None:
    people = {u.username: u for u in User.objects.all()}
    units = {u.code: u for u in Unit.objects.all()}
    first = today.year - 3
    with acting_as(people.get("kvalitet"), Source.COMMAND):
        build(first, people, units)
        for year in range(first, today.year):
            copy_year(year, units["SF"])
        planner = people["kvalitet"]
        for point in FollowUpPoint.objects.filter(period__year__gte=first).select_related("period").order_by("ends_on"):
            if point.ends_on >= today and point.ends_on.year == today.year and point.code != "VB":
                continue
            round_ = FollowUpRound.objects.create(
                point=point, unit=units["SF"], deadline=point.ends_on + dt.timedelta(days=21)
            )
            if point.ends_on < today:
                report_round(round_, people)
                round_.transition_to(RoundStatus.APPROVED, by=planner)
                round_.transition_to(RoundStatus.LOCKED, by=planner, note="Rapporterad till socialnämnden.")
            else:
                report_round(round_, people, leave_out=4)  # the year-end round is open: some are yet to report

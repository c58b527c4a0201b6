"""Time the three report documents for the whole generated municipality, per format, with peak memory.

    .venv/bin/python bench/generate_reports.py --year 2026 --repeat 3 [--stress]

Needs the data of generate.py (deviations, complaints, units), generate_planning.py (risks, controls),
generate_goals.py (indicators and utfall) and import_casedata.py (ärendedata); prints, per document (default
outlines, at the root unit), the median seconds to assemble the content and to render HTML, Word and PDF, the
number of tables and charts, the PDF's size and the peak memory of the process that made that document alone
(each document runs in a process of its own). ``--stress`` adds an outline with every indicator and every
active risk. Charts are drawn once per document: the Word column includes drawing them, the PDF reuses them.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time

from _django import setup

DOCUMENTS = {
    "tertialrapport": ("tertialrapport", "T2"),
    "kvalitetsplan": ("kvalitetsplan", ""),
    "kvalitetsberattelse": ("kvalitetsberattelse", ""),
    "stress": ("kvalitetsberattelse", ""),
}


def one(name: str, year: int | None, repeat: int) -> None:
    """Time one document in this process and print its line."""
    setup()
    from django.utils import timezone, translation

    from accounts.models import Membership
    from organisation.models import Unit
    from reports import generate, outlines, render

    admin = Membership.objects.filter(role="administrator").select_related("user").first().user
    root = Unit.objects.filter(parent__isnull=True).order_by("path").first()
    year = year or timezone.localdate().year
    kind, period = DOCUMENTS[name]
    rows = None
    if name == "stress":
        rows = [
            outlines.Row(1, "indikatorer", "Alla kvalitetsindikatorer", block="all_indicators"),
            outlines.Row(1, "risker", "Alla aktiva risker", block="all_risks"),
        ]
    timings: dict[str, list[float]] = {"content": [], "html": [], "docx": [], "pdf": []}
    sizes = {}
    for _ in range(repeat):
        with translation.override("sv"):
            started = time.perf_counter()
            report = generate.assemble(kind, year, period, root, admin, rows=rows)
            timings["content"].append(time.perf_counter() - started)
            for fmt, draw in (("html", render.html), ("docx", render.docx), ("pdf", render.pdf)):
                started = time.perf_counter()
                output = draw(report)
                timings[fmt].append(time.perf_counter() - started)
                sizes[fmt] = len(output)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    blocks = [type(b).__name__ for s in report.sections for b in s.blocks]
    medians = "".join(f"{statistics.median(timings[n]):8.2f}" for n in ("html", "docx", "pdf"))
    print(
        f"{name:<22}{statistics.median(timings['content']):9.2f}{medians}  "
        f"{blocks.count('Table'):>6} {blocks.count('Figure'):>6} {sizes['pdf'] / 1e6:8.1f}{peak:10,.0f}",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--year", type=int, default=None)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--stress", action="store_true", help="also an outline with every indicator and risk")
    parser.add_argument("--one", choices=DOCUMENTS, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        one(args.one, args.year, args.repeat)
        return
    print(f"{args.repeat} repeats, median seconds; peak memory (MB) of the process making that document")
    print(
        f"{'document':<22}{'content':>9}{'html':>8}{'docx':>8}{'pdf':>8}  {'tables':>6} {'charts':>6} {'pdf MB':>8}{'peak MB':>10}"
    )
    names = [n for n in DOCUMENTS if n != "stress" or args.stress]
    for name in names:
        command = [sys.executable, __file__, "--one", name, "--repeat", str(args.repeat)]
        if args.year:
            command += ["--year", str(args.year)]
        subprocess.run(command, check=True)


if __name__ == "__main__":
    main()

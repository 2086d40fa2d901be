"""Print the agreement figures of a project."""

import json

from django.core.management.base import BaseCommand, CommandError

from annotations.models import Project
from annotations.review import project_agreement


def _fmt(value) -> str:
    return "not defined" if value is None else f"{value:.4f}"


class Command(BaseCommand):
    help = "Agreement figures of a project: Krippendorff's alpha, Fleiss' and Cohen's kappa, per label."

    def add_arguments(self, parser):
        parser.add_argument("slug")
        parser.add_argument("--json", action="store_true", help="print the figures as JSON")

    def handle(self, *args, slug, **options):
        project = Project.objects.filter(slug=slug).first()
        if project is None:
            raise CommandError(f"No project with the slug {slug!r}.")
        report = project_agreement(project)
        if options["json"]:
            self.stdout.write(_dumps(report))
            return
        why = report["not_defined"]
        lines = [
            f"Project {project.slug}: {report['judgements']} judgements on {report['units']} units "
            f"({report['pairable_units']} labelled by two annotators or more)",
            f"Krippendorff's alpha (nominal): {_fmt(report['krippendorff_alpha'])}"
            + (f" ({why['krippendorff_alpha']})" if "krippendorff_alpha" in why else ""),
            f"Fleiss' kappa ({report['fleiss_units']} units with {report['fleiss_raters']} labels): "
            f"{_fmt(report['fleiss_kappa'])}" + (f" ({why['fleiss_kappa']})" if "fleiss_kappa" in why else ""),
            f"Observed agreement: {_fmt(report['observed_agreement'])}",
            "Cohen's kappa per pair:",
        ]
        for pair in report["cohen_kappa"]:
            lines.append(f"  {pair['a']} × {pair['b']}: {_fmt(pair['kappa'])} over {pair['units']} units"
                         + (f" ({pair['reason']})" if pair["reason"] else ""))
        if not report["cohen_kappa"]:
            lines.append("  (fewer than two annotators)")
        lines.append("Per label (judgements, alpha of the label against the rest, specific agreement):")
        for row in report["per_label"]:
            lines.append(f"  {row['label']}: {row['judgements']}, {_fmt(row['alpha'])}, "
                         f"{_fmt(row['specific_agreement'])}")
        structure = report["structure"]
        lines += [
            f"Structure ({structure['matched_units']} units matched by source and overlapping claim span):",
            f"  unit F1 {_fmt(structure['unit_f1'])}, (unit, stance) F1 {_fmt(structure['unit_stance_f1'])}, "
            f"alpha with absent units {_fmt(structure['alpha'])}"
            + (f" ({structure['alpha_reason']})" if structure["alpha_reason"] else ""),
        ]
        for pair in structure["pairs"]:
            lines.append(f"  {pair['a']} × {pair['b']}: unit F1 {_fmt(pair['unit_f1'])}, "
                         f"(unit, stance) F1 {_fmt(pair['unit_stance_f1'])} "
                         f"({pair['matched']} shared of {pair['units_a']} and {pair['units_b']})")
        self.stdout.write("\n".join(lines))


def _dumps(report) -> str:
    return json.dumps(report, indent=2, ensure_ascii=False)

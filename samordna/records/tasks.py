"""The diarium's background work: building a closed year's archive package."""

from django.urls import reverse
from django_tasks import task

from samordna.accounts.models import User
from samordna.associations.models import Association
from samordna.core.services import progress_run
from samordna.records import archive, services
from samordna.records.models import Case


@task()
def archive_build(
    *, progress_id: int, association_id: int, year: int, by_id: int, case_id: int | None = None
) -> int:
    """Pack the year's handlingar (or the closed ärende's) and keep the package; returns the
    package's id."""
    with progress_run(progress_id) as progress:
        association = Association.objects.get(pk=association_id)
        by = User.objects.filter(pk=by_id).first()
        case = Case.objects.get(association=association, pk=case_id) if case_id else None

        def report(done: int, total: int, message: str) -> None:
            progress.report(done=done, total=total, message=message)

        data, count = archive.build_package(association, year, case=case, report=report)
        package = services.archive_package_save(
            association=association, year=year, by=by, data=data, files=count, case=case
        )
        scope = f"ärende {case.dnr}" if case else str(year)
        progress.finish(
            message=f"Arkivpaketet för {scope} är klart med {count} filer.",
            done_url=reverse("records:archive", args=[association.slug]),
        )
        return package.pk

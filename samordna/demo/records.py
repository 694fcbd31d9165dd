"""The demo's diarium: the series' forms (Härnösand–Timrå numbers "23:4"), and beside what
registered itself while the demo loaded (applications, decisions, agreements, minutes,
internkontroll) two letters the kansli registered by hand, one of them partly secret."""

import datetime

from samordna.accounts.models import User
from samordna.associations.models import Association
from samordna.records import services
from samordna.records.models import Case, DocumentType, HandlingDirection


def load_registries(associations: dict[str, Association]) -> None:
    """Before anything registers itself, so the Dnr follow the förbund's form."""
    services.registry_update(
        association=associations["harnosand-timra"],
        by=User.objects.get(username="ulrika.sahlin"),
        dnr_format="{åå}:{nr}",
    )
    services.registry_for(associations["sundsvall"])


def load_letters(associations: dict[str, Association]) -> None:
    association = associations["sundsvall"]
    office = User.objects.get(username="jan.andersson")
    if Case.objects.filter(association=association, source_key="demo:samverkan-2023").exists():
        return
    case = services.case_open(
        association=association,
        by=office,
        title="Samverkan kring unga med aktivitetsersättning",
        opened_on=datetime.date(2023, 2, 14),
        source_key="demo:samverkan-2023",
        officer=office,
    )
    letters = DocumentType.objects.get(association=association, code="skrivelse")
    services.handling_register(
        case=case,
        by=office,
        direction=HandlingDirection.INCOMING,
        date=datetime.date(2023, 2, 14),
        description="Skrivelse om gemensam kartläggning av unga med aktivitetsersättning",
        organisation="Försäkringskassan",
        document_type=letters,
    )
    services.handling_register(
        case=case,
        by=office,
        direction=HandlingDirection.INCOMING,
        date=datetime.date(2023, 3, 2),
        description="E-post med uppgifter om en enskild deltagares situation",
        organisation="Sundsvalls kommun",
        person_name="En deltagare",
        document_type=letters,
        secret_description=True,
        secret_files=True,
        osl_chapter=26,
        osl_section="1",
        secrecy_reason="Uppgifter om en enskilds personliga förhållanden inom socialtjänsten.",
    )

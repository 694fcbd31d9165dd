"""Demo logins: one or more per role, and users of both förbund to show isolation.

The README's table of demo logins is checked against DEMO_USERS by a test.
"""

from dataclasses import dataclass

from samordna.accounts.models import Role, User
from samordna.associations.models import Association, Member, Person

DEMO_PASSWORD = "samordna-demo"


@dataclass(frozen=True)
class DemoUser:
    username: str
    role: str
    association: str | None
    name: str
    person: str | None = None
    member: str | None = None
    unit: str = ""


DEMO_USERS = [
    DemoUser("jan.andersson", Role.OFFICE, "sundsvall", "Jan Andersson", person="Jan Andersson"),
    DemoUser("emil.ulander", Role.OFFICE, "sundsvall", "Emil Ulander", person="Emil Ulander"),
    DemoUser(
        "christina.nordeno",
        Role.CHAIR,
        "sundsvall",
        "Christina Nordenö",
        person="Christina Nordenö",
    ),
    DemoUser("jonas.vast", Role.CHAIR, "sundsvall", "Jonas Väst", person="Jonas Väst"),
    DemoUser(
        "peter.pettersson", Role.BOARD, "sundsvall", "Peter Pettersson", person="Peter Pettersson"
    ),
    DemoUser("lina.kempe", Role.BOARD, "sundsvall", "Lina Kempe", person="Lina Kempe"),
    DemoUser("thomas.burman", Role.BOARD, "sundsvall", "Thomas Burman", person="Thomas Burman"),
    DemoUser("eva.sonidsson", Role.AUDITOR, "sundsvall", "Eva Sonidsson", person="Eva Sonidsson"),
    DemoUser(
        "ekonomi.sundsvall",
        Role.FINANCE,
        "sundsvall",
        "Servicecenter Ekonomi",
        person="Maria Sjöberg",
        member="Sundsvalls kommun",
        unit="Servicecenter Ekonomi",
    ),
    # The second utanordnare: Sundsvall's payments are signed by two in concert.
    DemoUser(
        "ekonomi2.sundsvall",
        Role.FINANCE,
        "sundsvall",
        "Anders Lund",
        person="Anders Lund",
        member="Sundsvalls kommun",
        unit="Servicecenter Ekonomi",
    ),
    DemoUser(
        "denise.wallen",
        Role.APPLICANT,
        "sundsvall",
        "Denise Wallén",
        member="Sundsvalls kommun",
        unit="Individ- och arbetsmarknadsförvaltningen, Arbetsmarknadstorget",
    ),
    DemoUser(
        "ulrika.sahlin", Role.OFFICE, "harnosand-timra", "Ulrika Sahlin", person="Ulrika Sahlin"
    ),
    DemoUser(
        "monica.fallstrom",
        Role.CHAIR,
        "harnosand-timra",
        "Monica Fällström",
        person="Monica Fällström",
    ),
    DemoUser("niklas.eden", Role.BOARD, "harnosand-timra", "Niklas Edén", person="Niklas Edén"),
    DemoUser("nationell", Role.NATIONAL, None, "Nationell läsare", unit="NNS"),
    # The operator of the installation: sets up new förbund, belongs to none.
    DemoUser("drift", Role.OPERATOR, None, "Drift Samordna"),
]


def load_users(associations: dict[str, Association]) -> None:
    for demo in DEMO_USERS:
        if User.objects.filter(username=demo.username).exists():
            continue
        association = associations[demo.association] if demo.association else None
        first, _, last = demo.name.rpartition(" ")
        person = member = None
        if demo.person:
            p_first, _, p_last = demo.person.rpartition(" ")
            person = Person.objects.get(
                association=association, first_name=p_first, last_name=p_last
            )
        if demo.member:
            member = Member.objects.get(association=association, name=demo.member)
        user = User(
            username=demo.username,
            first_name=first,
            last_name=last,
            role=demo.role,
            association=association,
            person=person,
            member=member,
            organisation_unit=demo.unit,
        )
        user.set_password(DEMO_PASSWORD)
        user.save()

"""The fees pages the browser tests open, with the demo's records.

The demo's lists of 2022 are fastställda; to open the claim forms, the list of 2022-11-25
is reopened here (as the kansli would, with a reason) and Peter Pettersson gets a claim of
his own. The list of 2022-10-21 stays fastställd, for the page that reopens a list."""

from decimal import Decimal
from functools import cached_property

from django.urls import reverse

from samordna.accounts.models import User
from samordna.core.tests.browser_pages import AppPages
from samordna.fees import services
from samordna.fees.models import ClaimKind, ExpenseClaim, FeeList, FeeSettings
from samordna.meetings.models import Meeting

READERS = ["fees:index", "fees:meeting", "fees:year"]
CLAIMANT = [*READERS, "fees:claim_create", "fees:claim_update"]


class FeePages(AppPages):
    prefixes = ("fees:",)
    role_pages = {
        "jan.andersson": [
            *CLAIMANT,
            "fees:reopen",
            "fees:settings",
            "fees:base_amount_create",
        ],
        "christina.nordeno": CLAIMANT,
        "peter.pettersson": CLAIMANT,
        "eva.sonidsson": READERS,
        "ekonomi.sundsvall": READERS,
    }
    files = {"fees:year_xlsx"}
    not_pages = {"fees:claim_delete", "fees:fix", "fees:send"}
    history_kinds = {"arvodeslista", "ersattning", "arvodesinstallningar"}

    def _url(self, name: str, *args: object) -> str:
        return reverse(name, args=[self.slug, *args])

    def _meeting(self, day: str) -> Meeting:
        return Meeting.objects.get(association=self.association, date=day)

    @cached_property
    def office(self) -> User:
        return User.objects.get(username="jan.andersson")

    @cached_property
    def open_meeting(self) -> Meeting:
        """2022-11-25, its list reopened so that claims can be entered."""
        meeting = self._meeting("2022-11-25")
        if FeeList.objects.get(meeting=meeting).is_fixed:
            services.fee_list_reopen(
                meeting=meeting, by=self.office, reason="Webbläsartest: ersättningar läggs till."
            )
        return meeting

    def claim_of(self, username: str) -> ExpenseClaim:
        """A claim the user may change on the open list: their own, or any for the kansli."""
        meeting = self.open_meeting
        user = User.objects.get(username=username)
        person = user.person if username != "jan.andersson" else None
        claims = ExpenseClaim.objects.filter(meeting=meeting)
        if person is not None:
            claims = claims.filter(person=person)
        found = claims.first()
        if found is None:
            assert person is not None
            found = services.claim_create(
                meeting=meeting,
                person=person,
                kind=ClaimKind.TRAVEL,
                by=user,
                from_place="Sundsvall centrum",
                to_place="Arbetsmarknadstorget och tillbaka",
                km=Decimal("12"),
            )
        return found

    def paths(self, name: str, username: str) -> list[str]:
        short = name.split(":")[1]
        if short in {"index", "year"}:
            return [self._url(name), f"{self._url(name)}?ar=2022"]
        if short == "meeting":
            paths = [self._url(name, self._meeting("2022-10-21").pk)]
            if "fees:claim_create" in self.role_pages.get(username, []):
                paths.append(self._url(name, self.open_meeting.pk))
            return paths
        if short == "claim_create":
            return [
                self._url(name, self.open_meeting.pk, kind)
                for kind in ("forlorad-arbetsfortjanst", "resa")
            ]
        if short == "claim_update":
            return [self._url(name, self.claim_of(username).pk)]
        if short == "reopen":
            return [self._url(name, self._meeting("2022-10-21").pk)]
        if short in {"settings", "base_amount_create"}:
            return [self._url(name)]
        raise AssertionError(f"Ingen sökväg för {name}")

    def history_pk(self, kind: str) -> int:
        if kind == "arvodeslista":
            return FeeList.objects.get(meeting=self._meeting("2022-10-21")).pk
        if kind == "ersattning":
            claim = ExpenseClaim.objects.filter(association=self.association).earliest("pk")
            return claim.pk
        if kind == "arvodesinstallningar":
            return FeeSettings.objects.get(association=self.association).pk
        raise AssertionError(kind)

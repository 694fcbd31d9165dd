"""The login lockout behind the proxy the README prescribes: every request comes from the
proxy's address and the client is in X-Forwarded-For. Nobody can lock out somebody else,
spraying usernames from one address is stopped, and the kansli can lift a lockout."""

from axes.models import AccessAttempt
from django.test import RequestFactory, SimpleTestCase, override_settings
from django.urls import reverse

from samordna.accounts.services import UNLOCK_REASON
from samordna.core.http import client_ip
from samordna.core.tests.base import SamordnaTestCase
from samordna.demo.users import DEMO_PASSWORD

PROXY = "127.0.0.1"
ATTACKER = "198.51.100.66"
CHAIR = "203.0.113.10"


@override_settings(SAMORDNA_PROXY_COUNT=1, SAMORDNA_TRUSTED_PROXIES=[PROXY])
class ClientAddressTests(SimpleTestCase):
    def address(self, remote: str, forwarded: str | None = None) -> str:
        request = RequestFactory().get("/")
        request.META["REMOTE_ADDR"] = remote
        if forwarded is not None:
            request.META["HTTP_X_FORWARDED_FOR"] = forwarded
        return client_ip(request)

    def test_the_address_the_proxy_appended_is_the_client(self):
        self.assertEqual(self.address(PROXY, CHAIR), CHAIR)

    def test_what_the_client_wrote_into_the_header_is_not_read(self):
        self.assertEqual(self.address(PROXY, f"{CHAIR}, {ATTACKER}"), ATTACKER)

    def test_the_header_of_a_request_not_from_the_proxy_is_not_read(self):
        self.assertEqual(self.address(ATTACKER, CHAIR), ATTACKER)

    def test_without_the_header_the_proxy_is_the_client(self):
        self.assertEqual(self.address(PROXY), PROXY)

    @override_settings(SAMORDNA_PROXY_COUNT=0)
    def test_without_proxies_the_header_is_never_read(self):
        self.assertEqual(self.address(ATTACKER, CHAIR), ATTACKER)


@override_settings(SAMORDNA_PROXY_COUNT=1, SAMORDNA_TRUSTED_PROXIES=[PROXY])
class BehindProxyLockoutTests(SamordnaTestCase):
    def post_login(self, username: str, password: str, client_address: str):
        return self.client.post(
            reverse("login"),
            {"username": username, "password": password},
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR=client_address,
        )

    def test_five_wrong_passwords_from_one_client_do_not_lock_the_chair_out_elsewhere(self):
        for _ in range(5):
            self.post_login("christina.nordeno", "fel", ATTACKER)
        self.assertEqual(self.post_login("christina.nordeno", "fel", ATTACKER).status_code, 429)

        response = self.post_login("christina.nordeno", DEMO_PASSWORD, CHAIR)
        self.assertEqual(response.status_code, 302)

    def test_the_locked_client_is_told_in_swedish(self):
        for _ in range(5):
            self.post_login("christina.nordeno", "fel", ATTACKER)
        response = self.post_login("christina.nordeno", DEMO_PASSWORD, ATTACKER)
        self.assertContains(response, "Kontot är spärrat i 30 minuter", status_code=429)
        self.assertContains(response, "be förbundets kansli att häva spärren", status_code=429)

    def test_spraying_usernames_from_one_address_is_blocked(self):
        for number in range(19):
            response = self.post_login(f"gissning{number}", "fel", ATTACKER)
            self.assertEqual(response.status_code, 200)
        response = self.post_login("gissning19", "fel", ATTACKER)
        self.assertContains(response, "från din adress är spärrad", status_code=429)
        # Even a right password, for a username not tried, is refused from that address.
        response = self.post_login("jan.andersson", DEMO_PASSWORD, ATTACKER)
        self.assertContains(response, "från din adress är spärrad", status_code=429)
        # Nobody else is.
        self.assertEqual(self.post_login("jan.andersson", DEMO_PASSWORD, CHAIR).status_code, 302)

    def test_a_few_failures_across_usernames_do_not_block_an_office(self):
        for number in range(6):
            self.post_login(f"gissning{number}", "fel", ATTACKER)
        self.assertEqual(self.post_login("jan.andersson", DEMO_PASSWORD, ATTACKER).status_code, 302)


@override_settings(SAMORDNA_PROXY_COUNT=1, SAMORDNA_TRUSTED_PROXIES=[PROXY])
class UnlockTests(SamordnaTestCase):
    def lock(self, username: str) -> None:
        for _ in range(5):
            self.client.post(
                reverse("login"),
                {"username": username, "password": "fel"},
                REMOTE_ADDR=PROXY,
                HTTP_X_FORWARDED_FOR=CHAIR,
            )
        self.assertTrue(AccessAttempt.objects.filter(username=username).exists())

    def test_the_kansli_sees_and_lifts_a_lockout_and_the_history_says_who(self):
        self.lock("christina.nordeno")
        self.login(self.office)
        page = self.client.get("/f/sundsvall/anvandare/")
        self.assertContains(page, "(spärrad)", count=1)
        response = self.client.post(f"/f/sundsvall/anvandare/{self.chair.pk}/hav-sparr/")
        self.assertRedirects(response, "/f/sundsvall/anvandare/")
        self.assertFalse(AccessAttempt.objects.filter(username="christina.nordeno").exists())
        record = self.chair.history.latest("history_id")
        self.assertEqual(record.history_user, self.office)
        self.assertEqual(record.history_change_reason, UNLOCK_REASON)
        history = self.client.get(f"/f/sundsvall/historik/anvandare/{self.chair.pk}/")
        self.assertContains(history, UNLOCK_REASON)

        self.client.logout()
        response = self.client.post(
            reverse("login"),
            {"username": "christina.nordeno", "password": DEMO_PASSWORD},
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR=CHAIR,
        )
        self.assertEqual(response.status_code, 302)

    def test_only_the_kansli_of_the_users_own_forbund_can_unlock(self):
        self.lock("christina.nordeno")
        url = f"/f/sundsvall/anvandare/{self.chair.pk}/hav-sparr/"
        self.login(self.board)
        self.assertEqual(self.client.post(url).status_code, 403)
        self.login(self.outsider)
        self.assertEqual(self.client.post(url).status_code, 404)
        self.login(self.office)
        self.assertEqual(self.client.get(url).status_code, 405)
        self.assertTrue(AccessAttempt.objects.filter(username="christina.nordeno").exists())

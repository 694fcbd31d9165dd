import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.test import SimpleTestCase, override_settings
from django.urls import reverse

from samordna.core.tests.base import SamordnaTestCase
from samordna.demo.users import DEMO_PASSWORD

ROOT = Path(__file__).resolve().parents[3]


class LoginTests(SamordnaTestCase):
    def test_login_page_is_swedish(self):
        response = self.client.get(reverse("login"))
        self.assertContains(response, '<html lang="sv">')
        self.assertContains(response, "Användarnamn")
        self.assertContains(response, "Lösenord")

    def test_login_leads_to_the_start_page_of_the_users_forbund(self):
        response = self.client.post(
            reverse("login"), {"username": "jan.andersson", "password": DEMO_PASSWORD}, follow=True
        )
        self.assertRedirects(response, "/f/sundsvall/")
        self.assertContains(response, "Att göra")

    def test_national_reader_lands_on_the_national_view(self):
        response = self.client.post(
            reverse("login"), {"username": "nationell", "password": DEMO_PASSWORD}, follow=True
        )
        self.assertRedirects(response, reverse("finance:national"))

    def test_wrong_password_gets_a_swedish_message_and_keeps_the_username(self):
        response = self.client.post(
            reverse("login"), {"username": "jan.andersson", "password": "fel"}
        )
        self.assertContains(response, "Ange ett korrekt användarnamn och lösenord")
        self.assertContains(response, 'value="jan.andersson"')

    def test_five_failures_lock_the_login(self):
        for _ in range(5):
            self.client.post(reverse("login"), {"username": "jan.andersson", "password": "fel"})
        response = self.client.post(
            reverse("login"), {"username": "jan.andersson", "password": DEMO_PASSWORD}
        )
        self.assertContains(response, "För många misslyckade inloggningar", status_code=429)

    def test_logout_takes_post_only(self):
        self.login(self.office)
        self.assertEqual(self.client.get(reverse("logout")).status_code, 405)
        response = self.client.post(reverse("logout"))
        self.assertRedirects(response, reverse("home"))
        self.assertEqual(self.client.get("/f/sundsvall/").status_code, 302)


class PasswordHashingTests(SimpleTestCase):
    def test_production_hashes_with_argon2(self):
        # The test settings swap in a fast hasher; the real settings must start with Argon2.
        from samordna import settings as real

        self.assertEqual(
            real.PASSWORD_HASHERS[0], "django.contrib.auth.hashers.Argon2PasswordHasher"
        )
        self.assertNotEqual(settings.PASSWORD_HASHERS, real.PASSWORD_HASHERS)


class DeployCheckTests(SimpleTestCase):
    def test_check_deploy_is_clean_under_production_settings(self):
        env = {
            **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
            "SAMORDNA_ENV": "production",
            "SECRET_KEY": "a-production-secret-" + "x" * 40,
            "ALLOWED_HOSTS": "samordna.example.se",
            "DJANGO_SETTINGS_MODULE": "samordna.settings",
        }
        result = subprocess.run(
            [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)

    def test_production_refuses_to_start_without_secret_key(self):
        env = {**os.environ, "SAMORDNA_ENV": "production", "SECRET_KEY": ""}
        env["DJANGO_SETTINGS_MODULE"] = "samordna.settings"
        result = subprocess.run(
            [sys.executable, "manage.py", "check"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("SECRET_KEY måste sättas i produktion", result.stderr)


@override_settings(LANGUAGE_CODE="sv")
class UserAdministrationTests(SamordnaTestCase):
    def setUp(self):
        self.login(self.office)

    def new_user(self, **overrides):
        data = {
            "username": "sanna.jonsson",
            "first_name": "Sanna",
            "last_name": "Jonsson",
            "email": "sanna.jonsson@example.se",
            "role": "board",
            "person": self.association.people.get(last_name="Jonsson").pk,
            "member": "",
            "organisation_unit": "",
            "is_active": "on",
            "password": "ett-långt-lösenord-2026",
        }
        return {**data, **overrides}

    def test_office_gives_a_board_member_a_login(self):
        response = self.client.post("/f/sundsvall/anvandare/ny/", self.new_user())
        self.assertRedirects(response, "/f/sundsvall/anvandare/")
        self.client.logout()
        self.assertTrue(
            self.client.post(
                reverse("login"),
                {"username": "sanna.jonsson", "password": "ett-långt-lösenord-2026"},
            ).status_code
            == 302
        )

    def test_board_member_without_person_is_refused_at_the_field(self):
        response = self.client.post("/f/sundsvall/anvandare/ny/", self.new_user(person=""))
        self.assertContains(
            response, "Koppla ledamoten till sin person i styrelsen.", status_code=400
        )

    def test_short_password_is_refused_in_swedish(self):
        response = self.client.post("/f/sundsvall/anvandare/ny/", self.new_user(password="kort"))
        self.assertContains(response, "Det här lösenordet är för kort", status_code=400)
        self.assertContains(response, 'value="sanna.jonsson"', status_code=400)

    def test_applicant_needs_a_member(self):
        response = self.client.post(
            "/f/sundsvall/anvandare/ny/", self.new_user(role="applicant", person="")
        )
        self.assertContains(response, "Ange hos vilken medlem", status_code=400)

    def test_office_cannot_lock_itself_out(self):
        response = self.client.post(
            f"/f/sundsvall/anvandare/{self.office.pk}/andra/",
            {
                "first_name": "Jan",
                "last_name": "Andersson",
                "email": "",
                "role": "office",
                "person": self.office.person_id,
                "member": "",
                "organisation_unit": "",
            },
        )
        self.assertContains(response, "Du kan inte ändra din egen roll", status_code=400)

    def test_changing_a_role_is_in_the_history(self):
        self.client.post(
            f"/f/sundsvall/anvandare/{self.board.pk}/andra/",
            {
                "first_name": "Peter",
                "last_name": "Pettersson",
                "email": "",
                "role": "chair",
                "person": self.board.person_id,
                "member": "",
                "organisation_unit": "",
                "is_active": "on",
            },
        )
        page = self.client.get(f"/f/sundsvall/historik/anvandare/{self.board.pk}/")
        self.assertContains(page, "Ledamot / ersättare → Ordförande / vice ordförande")

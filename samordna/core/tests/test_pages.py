"""Every role's pages answer through Django's test client, on whichever database runs the
suite. The browser tests (`test_browser.py`) open the same pages in Chromium with axe-core; the
PostgreSQL run leaves them out (they check HTML, CSS and accessibility, which do not depend on
the database), so this is where every page's queries run on PostgreSQL."""

from django.test import TestCase

from samordna.accounts.models import User
from samordna.core.tests.test_browser import PUBLIC_PAGES, ROLE_PAGES, RolePaths
from samordna.demo.load import demo_associations


class EveryPageAnswersTests(RolePaths, TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.association = demo_associations()["sundsvall"]

    def setUp(self) -> None:
        self.set_up_paths()

    def assert_pages_answer(self, names: list[str], username: str) -> None:
        for name in names:
            for path in self.paths(name, username):
                with self.subTest(username=username or "allmänheten", path=path):
                    response = self.client.get(path)
                    # 200 and no redirect, as the browser tests require.
                    self.assertEqual(response.status_code, 200, f"{path} för {username}")

    def test_each_role_opens_every_page_of_the_role(self) -> None:
        for username, names in ROLE_PAGES.items():
            self.client.force_login(User.objects.get(username=username))
            self.assert_pages_answer(names, username)

    def test_the_public_opens_every_public_page(self) -> None:
        self.assert_pages_answer(PUBLIC_PAGES, "")

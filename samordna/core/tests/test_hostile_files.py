"""The hostile-file corpus: every file ends within 5 seconds and 200 MB, with its Swedish
message (issue 12, finding 2). Run in a fresh process so that its memory is its own; the
seconds are CPU seconds, since on a shared machine the wall clock also counts the
neighbours (the wall clock is allowed three times as much)."""

import json
import os
import subprocess
import sys

from django.test import SimpleTestCase

from samordna.core.tests.hostile_files import CASES

MAX_SECONDS = 5
MAX_MB = 200


class HostileFileCorpusTests(SimpleTestCase):
    def test_every_hostile_file_ends_fast_in_little_memory_with_its_message(self):
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "samordna.test_settings"}
        done = subprocess.run(
            [sys.executable, "-m", "samordna.core.tests.hostile_files"],
            capture_output=True,
            check=True,
            env=env,
            timeout=180,
        )
        results = json.loads(done.stdout)
        self.assertEqual([r["name"] for r in results], [case.name for case in CASES])
        for result in results:
            with self.subTest(file=result["name"]):
                self.assertIn(result["expected"], result["message"])
                self.assertLessEqual(result["cpu_seconds"], MAX_SECONDS)
                self.assertLessEqual(result["seconds"], 3 * MAX_SECONDS)
                self.assertLessEqual(result["peak_rss_mb"], MAX_MB)

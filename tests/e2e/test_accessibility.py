"""axe-core on every main page, in both languages: no serious or critical violations.

The per-page summary is written to artifacts/axe-report.json.
"""

import json

import pytest

from tests.e2e.conftest import ARTIFACTS
from tests.e2e.pages import LANGUAGES, Contexts, build_world

BLOCKING = {"serious", "critical"}
IMPACTS = ("critical", "serious", "moderate", "minor")


@pytest.fixture
def world(live_server):
    return build_world()


def test_main_pages_have_no_serious_accessibility_violations(browser, live_server, world):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    # The audit injects axe-core's script, which the app's CSP would refuse.
    contexts = Contexts(browser, live_server.url, world, bypass_csp=True)
    report, blocking = [], []
    try:
        for language in LANGUAGES:
            for name, path, who in world.paths:
                page = contexts.page(who, language)
                response = page.goto(live_server.url + path)
                assert response.status == 200, (name, language, response.status)
                violations = axe.run(page).response["violations"]
                by_impact = {impact: [] for impact in IMPACTS}
                for violation in violations:
                    by_impact[violation["impact"] or "minor"].append(
                        f"{violation['id']} ({len(violation['nodes'])})"
                    )
                    if violation["impact"] in BLOCKING:
                        targets = [node["target"] for node in violation["nodes"]][:5]
                        blocking.append(f"{name} [{language}] {violation['id']}: {targets}")
                report.append(
                    {"page": name, "path": path, "language": language, "violations": by_impact}
                )
    finally:
        contexts.close()
        ARTIFACTS.parent.mkdir(parents=True, exist_ok=True)
        (ARTIFACTS.parent / "axe-report.json").write_text(
            json.dumps(report, ensure_ascii=False, indent=2)
        )
    assert len(report) == 2 * len(world.paths)
    assert blocking == []

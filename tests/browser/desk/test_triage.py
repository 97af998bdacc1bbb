"""The editor's triage path in real Chromium: accept, reject, merge, bulk reject, keyboard only."""

import re

from playwright.sync_api import Page, expect

from corrigo.cases.models import Case, CaseStatus
from corrigo.corrections.models import Correction
from tests.unit.corrigo.cases.builders import article_build, case_build


def status_of(case: Case) -> str:
    return Case.objects.get(pk=case.pk).status


def test_queue_to_case_to_accept_with_a_notice(signed_in: Page, live_server, desk_site):
    case = case_build(desk_site, kind="fact", proposals=("received", "received"))
    page = signed_in
    page.goto(f"{live_server.url}/desk/")
    page.goto(live_server.url + page.get_by_role("link", name="recieved").get_attribute("href"))
    expect(page.locator("mark.passage")).to_have_text("recieved")
    expect(page.locator(".preview ins")).to_have_text("received")
    page.get_by_text("Accept a").click()
    expect(page.get_by_label("Final wording")).to_have_value("received")
    expect(page.get_by_label("Publish a correction notice")).to_be_checked()
    page.get_by_label("Severity").select_option("significant")
    url = page.url
    page.locator("#accept").get_by_role("button", name="Accept").click()
    expect(page.locator("[data-status]")).to_have_attribute("data-status", "accepted")
    expect(page.get_by_role("status")).to_contain_text("the notice is published")
    assert page.url == url
    correction = Correction.objects.get()
    assert (correction.public, correction.severity) == (True, "significant")
    assert status_of(case) == CaseStatus.ACCEPTED
    assert page.console_errors == []


def test_reject_with_a_reason(signed_in: Page, live_server, desk_site):
    case = case_build(desk_site)
    page = signed_in
    page.goto(f"{live_server.url}/desk/cases/{case.pk}/")
    page.get_by_text("Reject r").click()
    page.get_by_label("This is a matter of style, not an error.").check()
    page.locator("#reject").get_by_role("button", name="Reject").click()
    expect(page.locator("[data-status]")).to_have_attribute("data-status", "rejected")
    expect(page.get_by_text("Reason given to the reader:")).to_contain_text("matter of style")
    assert Case.objects.get(pk=case.pk).status_reason == "This is a matter of style, not an error."


def test_merge_into_another_case(signed_in: Page, live_server, desk_site):
    article = article_build(desk_site)
    target = case_build(desk_site, "recieved", article=article)
    duplicate = case_build(desk_site, "goverment", article=article, proposals=("government", "government"))
    page = signed_in
    page.goto(f"{live_server.url}/desk/cases/{duplicate.pk}/")
    page.keyboard.press("m")
    expect(page.get_by_label("Merge into case number")).to_be_focused()
    page.keyboard.type(str(target.pk))
    page.locator("#merge").get_by_role("button", name="Merge").click()
    expect(page.locator("[data-status]")).to_have_attribute("data-status", "duplicate")
    page.get_by_role("link", name=f"case {target.pk}").click()
    expect(page).to_have_url(re.compile(f"/desk/cases/{target.pk}/$"))
    expect(page.get_by_text("3 reports")).to_be_visible()
    assert Case.objects.get(pk=target.pk).report_count == 3


def test_bulk_reject_from_the_queue(signed_in: Page, live_server, desk_site):
    article = article_build(desk_site)
    cases = [case_build(desk_site, word, article=article) for word in ("recieved", "goverment", "Mill Street")]
    page = signed_in
    page.goto(f"{live_server.url}/desk/")
    page.get_by_label(f"Select case {cases[0].pk}").check()
    page.get_by_label(f"Select case {cases[1].pk}").check()
    page.get_by_label("Action").select_option("reject")
    page.locator("select[name=reason]").select_option("correct")
    page.get_by_role("button", name="Apply").click()
    expect(page.get_by_role("status")).to_contain_text("2 cases rejected.")
    expect(page.locator("tr.case-row")).to_have_count(1)
    assert [status_of(c) for c in cases] == [CaseStatus.REJECTED, CaseStatus.REJECTED, CaseStatus.NEW]


def test_keyboard_only_triage_of_three_cases(signed_in: Page, live_server, desk_site):
    article = article_build(desk_site)
    cases = [case_build(desk_site, word, article=article) for word in ("recieved", "goverment", "Mill Street")]
    page = signed_in
    page.goto(f"{live_server.url}/desk/")
    page.keyboard.press("?")
    expect(page.get_by_role("dialog", name="Keyboard shortcuts")).to_be_visible()
    page.keyboard.press("Escape")
    page.keyboard.press("j")
    expect(page.locator("tr.case-row.selected")).to_have_count(1)
    page.keyboard.press("r")
    for n in range(3):
        expect(page).to_have_url(re.compile(r"/desk/cases/\d+/"))
        expect(page.locator("#reject [data-first]")).to_be_focused()
        page.keyboard.press("Space")
        page.keyboard.press("Tab")
        page.keyboard.press("Tab")
        page.keyboard.press("Enter")
        expect(page.locator("[data-status]")).to_have_attribute("data-status", "rejected")
        if n < 2:
            following = page.locator("[data-key-next]")
            expect(following).to_be_focused()
            href = following.get_attribute("href")
            page.keyboard.press("j")
            expect(page).to_have_url(live_server.url + href)
            page.keyboard.press("r")
    assert [status_of(c) for c in cases] == [CaseStatus.REJECTED] * 3

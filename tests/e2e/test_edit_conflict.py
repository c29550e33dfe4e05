"""Two tabs edit the same contact inline: the second save is refused in place, with what
was typed still in the form, and saving again replaces the other change. No page load."""

from cases.models import Contact
from tests.e2e.conftest import csp_errors, sign_in
from tests.factories import CaseFactory, ContactFactory, UserFactory


def open_inline_editor(page, case, contact):
    page.goto(f"{page.base_url}/cases/{case.pk}/")
    page.evaluate("window.__marker = 1")  # gone if the page reloads
    item = page.locator(f"#contact-{contact.pk}")
    item.locator("a", has_text="编辑").click()
    form = page.locator(f"#contact-{contact.pk} form")
    form.wait_for()
    return form


def test_second_tab_is_refused_in_place_and_keeps_its_text(page, console, shoot):
    borrower = UserFactory()
    case = CaseFactory(owner=borrower)
    contact = ContactFactory(case=case, content="原来的内容")
    sign_in(page, borrower)
    other = page.context.new_page()
    other.base_url = page.base_url

    first = open_inline_editor(page, case, contact)
    second = open_inline_editor(other, case, contact)
    first.locator("textarea[name=content]").fill("第一个标签页改的")
    first.locator("button.primary").click()
    page.wait_for_selector(f"#contact-{contact.pk}:has-text('第一个标签页改的') .item-actions")

    second.locator("textarea[name=content]").fill("第二个标签页打了很多字")
    second.locator("button.primary").click()
    alert = other.locator(f"#contact-{contact.pk} .form-errors")
    alert.wait_for()

    assert "您的修改没有保存" in alert.inner_text()
    assert (
        other.locator(f"#contact-{contact.pk} textarea[name=content]").input_value()
        == "第二个标签页打了很多字"
    )
    assert other.evaluate("window.__marker") == 1  # swapped in place, no reload
    assert Contact.objects.get(pk=contact.pk).content == "第一个标签页改的"
    shoot(other, "contact-edit-conflict-phone")

    other.locator(f"#contact-{contact.pk} form button.primary").click()  # deliberately again
    other.wait_for_selector(
        f"#contact-{contact.pk}:has-text('第二个标签页打了很多字') .item-actions"
    )
    assert Contact.objects.get(pk=contact.pk).content == "第二个标签页打了很多字"
    assert csp_errors(console) == []

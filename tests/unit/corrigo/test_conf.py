"""corrigo's settings: defaults, and values kept until the Django settings change."""

import pytest
from django.test import override_settings

from corrigo.conf import DEFAULTS, settings


def test_a_setting_left_out_of_the_django_settings_has_its_default():
    from django.conf import settings as django_settings

    assert not hasattr(django_settings, "CORRIGO_MAX_LINKS")
    assert settings.MAX_LINKS == DEFAULTS["MAX_LINKS"]


def test_a_value_read_follows_a_change_of_the_django_settings():
    first = settings.MIN_FILL_SECONDS
    with override_settings(CORRIGO_MIN_FILL_SECONDS=first + 7):
        assert settings.MIN_FILL_SECONDS == first + 7
    assert settings.MIN_FILL_SECONDS == first, "and the value before, once the change is undone"


def test_the_settings_fixture_changes_it_too(settings_fixture_value):
    assert settings.CHALLENGE_MAX_AGE == settings_fixture_value


@pytest.fixture
def settings_fixture_value(settings):
    settings.CORRIGO_CHALLENGE_MAX_AGE = 12
    return 12


def test_an_unknown_setting_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no setting 'NO_SUCH_THING'"):
        _ = settings.NO_SUCH_THING

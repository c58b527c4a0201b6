from django.apps import AppConfig


class HomeConfig(AppConfig):
    """The top of the tree: what gathers from every app for one person — the menu, "Mitt att göra", the årshjul,
    the start page and the demo loader. It asks each app through that app's own modules, by name."""

    name = "home"
    verbose_name = "Kvalitetsnav"

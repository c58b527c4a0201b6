from django import template

from ..choices import Step

register = template.Library()


@register.filter
def step_label(value: str) -> str:
    return Step(value).label

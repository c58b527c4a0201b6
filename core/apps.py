from django.apps import AppConfig, apps
from django.db.models.signals import m2m_changed
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from .models import AuditedModel, log_many_to_many

        # Every many-to-many field of an audited model is logged, from either side (core.models).
        for model in apps.get_models():
            if issubclass(model, AuditedModel):
                for field in model._meta.many_to_many:
                    m2m_changed.connect(
                        log_many_to_many, sender=field.remote_field.through, dispatch_uid=f"audit-m2m-{field}"
                    )

"""The desktop app: PySide6 widgets only. Widgets reach the record, the catalogue and the guided browser
through `services.AppServices`, never directly; anything slow runs on `worker.Worker`."""

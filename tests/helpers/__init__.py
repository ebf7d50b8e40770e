"""Helpers shared by the test folders: driving the app (`gui`), mutating data files for the fuzz tests
(`fuzz`) and handing figures to the reliability summary (`figures`).

Imported as `helpers.<module>`: pytest puts tests/ on the import path for tests/conftest.py, which has no
package above it.
"""

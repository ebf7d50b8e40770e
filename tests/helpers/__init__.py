"""Helpers shared by the test folders: driving the app (`gui`), mutating data files for the fuzz tests
(`fuzz`), handing figures to the reliability summary (`figures`), words no screen may use (`words`) and
building a real translation with lrelease (`translation`).

Imported as `helpers.<module>`: pytest puts tests/ on the import path for tests/conftest.py, which has no
package above it.
"""

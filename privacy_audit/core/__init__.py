"""The Qt-free, Playwright-free domain: checklists, policy clauses, school config, terms and due dates."""

"""Where the school config is found, and what happens when it is missing or broken."""

from __future__ import annotations

import datetime as dt

from privacy_audit.core.catalogue import load_catalogue, load_school_config


def test_with_no_file_the_built_in_defaults_apply():
    source = load_school_config()
    assert source.path is None and source.problems == []
    assert source.config.school_name == "Your school"
    assert "general" in source.config.platforms


def test_the_command_line_file_wins_over_the_environment(tmp_path, monkeypatch):
    from_env = tmp_path / "env.yaml"
    from_env.write_text("school_name: From the environment\n")
    explicit = tmp_path / "explicit.yaml"
    explicit.write_text("school_name: From the command line\n")
    monkeypatch.setenv("PRIVACY_AUDIT_SCHOOL_CONFIG", str(from_env))
    assert load_school_config(explicit).config.school_name == "From the command line"
    assert load_school_config().config.school_name == "From the environment"


def test_a_bad_field_is_left_out_and_the_rest_of_the_config_still_applies(tmp_path):
    broken = tmp_path / "school.yaml"
    broken.write_text("school_name: Hermitage\nreminder_interval_days: often\n")
    source = load_school_config(broken)
    assert source.config.school_name == "Hermitage"
    assert source.config.reminder_interval_days is None
    assert source.path == broken
    assert source.problems == [
        f"{broken}:2: reminder_interval_days: input should be a valid integer (left out; the rest of the file applies)"
    ]
    assert source.kept == "school_name"


def test_a_named_file_that_does_not_exist_is_reported(tmp_path):
    source = load_school_config(tmp_path / "missing.yaml")
    assert source.config.school_name == "Your school"
    assert len(source.problems) == 1 and "cannot be read" in source.problems[0]


def test_school_extra_items_join_their_platform_checklist(tmp_path):
    config = tmp_path / "school.yaml"
    config.write_text(
        "school_name: Hermitage Primary\n"
        "extra_items:\n"
        "  - platform: general\n"
        "    id: staff-handbook-read\n"
        "    title: You have read the staff online-safety handbook\n"
        "    why: It explains how the school handles pupil contact online.\n"
        "    clauses: ['2.3.1']\n"
        "    steps: [Open the handbook on the staff shared drive.]\n"
        "    safe_value: Read this year\n"
        "    where: {app: Staff shared drive › Policies}\n"
        "    provenance: {written: 2026-11-01, confidence: low}\n"
    )
    catalogue = load_catalogue(school=load_school_config(config))
    assert catalogue.problems == []
    assert catalogue.get("general").item_ids[-1] == "staff-handbook-read"


def test_the_example_school_config_is_valid(repo, capsys):
    from privacy_audit.cli import main

    assert main(["validate", str(repo / "resources" / "school.example.yaml")]) == 0
    assert "1 school config(s)" in capsys.readouterr().out


def test_a_typed_mastodon_server_is_where_the_guided_browser_may_go():
    from privacy_audit.core.checklist import allowed_domains

    mastodon = load_catalogue().get("mastodon")
    assert allowed_domains(mastodon, {}) == tuple(mastodon.domains)
    assert allowed_domains(mastodon, {"server": "Mastodon.Social", "username": "jo"})[-1] == "mastodon.social"
    facebook = load_catalogue().get("facebook")
    assert allowed_domains(facebook, {"username": "evil.example"}) == (
        "facebook.com",
    )  # user names are not hosts


def test_the_schools_email_domains_are_named_in_every_policy_74_check_and_nowhere_else(tmp_path):
    config = tmp_path / "school.yaml"
    config.write_text("school_name: Hermitage\nemail_domains: [hermitage.sch.uk, staff.hermitage.org]\n")
    catalogue = load_catalogue(school=load_school_config(config))
    named = "Your school's email addresses end in @hermitage.sch.uk, @staff.hermitage.org"
    for checklist in catalogue.checklists.values():
        for item in checklist.items:
            says = any(named in step for step in item.steps)
            assert says == ("7.4" in item.clauses), (checklist.platform, item.id)
    assert any("7.4" in item.clauses for item in catalogue.get("general").items)


def test_without_email_domains_the_checks_do_not_invent_any():
    catalogue = load_catalogue(school=load_school_config())
    assert not any(
        "email addresses end in" in step
        for c in catalogue.checklists.values()
        for i in c.items
        for step in i.steps
    )


def test_a_typo_in_one_term_date_leaves_out_only_that_date(tmp_path, capsys):
    """An impossible date used to make the whole file unreadable, so the school's name and platforms were
    lost too; now only that date is left out, and validate still lists every other problem."""
    from privacy_audit import cli

    path = tmp_path / "school.yaml"
    path.write_text(
        "school_name: Oak Academy\nterm_starts: [2027-13-01, 2027-04-19]\nplatforms: [facebook, nosuch]\nfoo: 1\n"
    )
    assert cli.main(["--home", str(tmp_path / "home"), "--school-config", str(path), "validate"]) == 1
    out = capsys.readouterr().out
    assert f"{path}:2: term_starts 1: 2027-13-01 is not a real date" in out
    assert f"{path}:3: platforms 2: 'nosuch' is not a platform the app knows" in out
    assert f"{path}:4: foo: unknown field 'foo'" in out
    assert cli.main(["--home", str(tmp_path / "home"), "--school-config", str(path), "status"]) == 0
    err = capsys.readouterr().err
    assert "the built-in defaults apply" not in err
    assert "still in use: school_name, term_starts (1 of 2), platforms (1 of 2)" in err


def test_an_email_domain_in_capitals_is_accepted_and_lowered_as_domains_are_case_insensitive(tmp_path):
    config = tmp_path / "school.yaml"
    config.write_text(
        "school_name: Hermitage\nemail_domains:\n  - Example.SCH.UK\n  - ' Staff.Hermitage.ORG '\n"
    )
    source = load_school_config(config)
    assert source.problems == []
    assert source.config.email_domains == ["example.sch.uk", "staff.hermitage.org"]


def test_an_email_domain_that_is_not_a_domain_is_still_refused_with_its_line(tmp_path):
    config = tmp_path / "school.yaml"
    config.write_text(
        "school_name: Hermitage\nemail_domains:\n  - good.sch.uk\n  - 'bad domain.sch.uk'\n  - staff@school.org\n"
        "  - -dash.org\n  - nodot\n"
    )
    source = load_school_config(config)
    assert source.config.email_domains == ["good.sch.uk"]
    assert [problem.split(": ", 1)[0] for problem in source.problems] == [
        f"{config}:4",
        f"{config}:5",
        f"{config}:6",
        f"{config}:7",
    ]
    assert "'bad domain.sch.uk' is not a domain name: write it like example.sch.uk" in source.problems[0]
    assert all("lower-case" not in problem for problem in source.problems)


def test_a_term_date_not_written_as_a_date_says_how_to_write_it(tmp_path):
    config = tmp_path / "school.yaml"
    config.write_text(
        "school_name: Hermitage\nterm_starts:\n  - 2026-09-03\n  - 20270105\n  - '2027-04-19'\n"
        "  - 2027-09-02T08:00:00\n  - 1788393600\n"
    )
    source = load_school_config(config)
    assert source.config.term_starts == [dt.date(2026, 9, 3)]
    dates = "write each term date as year-month-day, for example 2026-09-03 (left out; the rest of the file applies)"
    quoted = "write the date without quotes, for example 2026-09-03 (left out; the rest of the file applies)"
    assert [problem.removeprefix(f"{config}:") for problem in source.problems] == [
        f"4: term_starts 2: '20270105' is not a date; {dates}",
        f"5: term_starts 3: '2027-04-19' is text in quotes, not a date; {quoted}",
        f"6: term_starts 4: '2027-09-02 08:00:00' is not a date; {dates}",
        f"7: term_starts 5: '1788393600' is not a date; {dates}",
    ]


def test_a_schema_version_of_true_is_quoted_as_the_file_wrote_it(tmp_path):
    config = tmp_path / "school.yaml"
    config.write_text("schema_version: true\nschool_name: Hermitage\n")
    [problem] = load_school_config(config).problems
    assert "schema_version must be the number 1, not 'true'" in problem and "True" not in problem

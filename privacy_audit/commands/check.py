"""`privacy-audit check PLATFORM`: the guided check in the terminal, one item at a time.

For each item it prints the title, why (with the policy clause), where to find the setting and the safe
value, then reads one answer line from standard input:
  y  it was already like this      c  I changed it now
  n  I need help with this         s  this doesn't apply to me
  ?  more help (the steps, the clause's full text)
Plain lines only: no colour, no cursor movement, so it works over a pipe and with a screen reader.

At the end it prints a summary, saves the check and marks the platform as in use. If input ends before
the last item, nothing is saved and it says so (exit 1). An unknown platform id lists the valid ones
(exit 2). A record that cannot be opened exits 3 (see `privacy_audit.commands._terminal` for how a
passphrase or unencrypted mode is chosen without a keyring). Every line goes through `_terminal.out`, so
text from the checklist or the school config is shown, never obeyed, by the terminal.
"""

from __future__ import annotations

import argparse
import sys

from privacy_audit.commands._terminal import out as _out

NAME = "check"
HELP = "check one platform's settings in the terminal, item by item; answers are read from standard input"

# The desktop app's keys 1-4 work here too, beside the letters.
ANSWER_KEYS = {
    "y": "ok",
    "1": "ok",
    "c": "changed",
    "2": "changed",
    "n": "attention",
    "3": "attention",
    "s": "not_applicable",
    "4": "not_applicable",
}
PROMPT = (
    "Your answer (y or 1 = already like this, c or 2 = changed it now, n or 3 = need help, "
    "s or 4 = doesn't apply, ? = more help): "
)
# A setting the platform cannot make safe is never answered "already like this": its first answer is
# "not possible on this platform", as in the app (core/audit.py, Answer.NOT_POSSIBLE).
NOT_POSSIBLE_KEYS = {
    **{k: v for k, v in ANSWER_KEYS.items() if v != "ok"},
    "x": "not_possible",
    "1": "not_possible",
}
NOT_POSSIBLE_PROMPT = (
    "Your answer (x or 1 = not possible on this platform, c or 2 = changed it now, n or 3 = need help, "
    "s or 4 = doesn't apply, ? = more help): "
)


def answer_keys(item) -> tuple[dict[str, str], str]:
    """The keys this item accepts (the answers core.audit.offered_answers gives it) and the prompt."""
    from privacy_audit.core.audit import Answer, offered_answers

    impossible = offered_answers(bool(item.not_possible))[0] is Answer.NOT_POSSIBLE
    return (NOT_POSSIBLE_KEYS, NOT_POSSIBLE_PROMPT) if impossible else (ANSWER_KEYS, PROMPT)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "platform", metavar="PLATFORM", help="platform id, e.g. facebook (see `privacy-audit status`)"
    )
    parser.add_argument(
        "--note", default="", help="a private note to keep with this check (encrypted like the answers)"
    )
    parser.add_argument(
        "--accept-unencrypted",
        action="store_true",
        help="if this computer has no secure keyring, keep the record unencrypted instead of asking for a passphrase",
    )


def _clauses(item, policy) -> str:
    parts = []
    for clause_id in item.clauses:
        clause = policy.clauses.get(clause_id)
        parts.append(f"{clause_id} ({clause.summary})" if clause else clause_id)
    return "; ".join(parts)


_PHONE_WORDS = {"iphone": "On iPhone", "android": "On Android"}


def _show_item(number: int, total: int, item, policy, checklist) -> None:
    import datetime as dt

    from privacy_audit.core.provenance import guidance_status

    _out()
    _out(f"Setting {number} of {total}: {item.title}")
    _out(f"Why: {item.why} Policy: {_clauses(item, policy)}.")
    # How far the guidance has been checked, on every setting as the app's check screen says it (and
    # "Good practice, not a policy rule." first for advice).
    _out(guidance_status(item, dt.date.today(), checklist.platform, checklist.name).line)
    if item.where.url:
        _out(f"On the web: {item.where.url}")
    for kind, path in item.where.phone_paths():
        where = _PHONE_WORDS.get(kind, "On your phone")
        _out(f"{where}, in the {checklist.name} app: {path}")
    if item.not_possible:
        _out(f"Not possible on {checklist.name}: {item.not_possible}")
    _out(f"Safe setting: {item.safe_value}")


def _show_help(item, policy, checklist) -> None:
    _out("How to do it:")
    for index, step in enumerate(item.steps, 1):
        _out(f"  {index}. {step}")
    for clause_id in item.clauses:
        clause = policy.clauses.get(clause_id)
        if clause:
            _out(f"Policy {clause_id} ({clause.section}): {clause.text}")
    if item.if_not_possible:
        _out(f"If it cannot be done: {item.if_not_possible}")


def run(args: argparse.Namespace) -> int:
    from privacy_audit.commands._terminal import say, terminal_record

    def known_platform(catalogue) -> int | None:
        if args.platform in {c.platform for c in catalogue.offered()}:
            return None
        valid = ", ".join(c.platform for c in catalogue.offered())
        say(f"'{args.platform}' is not a platform you can check here. Valid platforms: {valid}.")
        return 2

    with terminal_record(args, accept_unencrypted=args.accept_unencrypted, before_opening=known_platform) as (
        _dirs,
        catalogue,
        record,
    ):
        checklist = {c.platform: c for c in catalogue.offered()}[args.platform]
        return _run_check(args, catalogue, checklist, record)


def _run_check(args: argparse.Namespace, catalogue, checklist, record) -> int:
    """Ask every item, then save the check; 1 when input ends early (nothing saved)."""
    from privacy_audit.commands._terminal import EXIT_RECORD, read_line, say
    from privacy_audit.core.audit import Answer, CheckResult, ItemAnswer, checklist_version
    from privacy_audit.core.clock import utc_now
    from privacy_audit.store.errors import RecordError

    policy = catalogue.policy
    items = checklist.items
    started = utc_now()
    _out(
        f"Checking {checklist.name}: {len(items)} settings. Open each setting on your phone or computer, then answer."
    )
    if checklist.limitations:
        _out(f"Good to know: {checklist.limitations}")
    answers: list[ItemAnswer] = []
    for number, item in enumerate(items, 1):
        _show_item(number, len(items), item, policy, checklist)
        keys, prompt = answer_keys(item)
        while True:
            print(prompt, end="", flush=True)
            line = read_line()
            if line is None:
                _out()
                say(
                    f"Input ended after {len(answers)} of {len(items)} items, so this check was not finished and "
                    "nothing was saved. Run the command again to do the whole check."
                )
                return 1
            key = line.strip().lower()
            if not sys.stdin.isatty():
                _out(key)  # input from a pipe is not echoed; show it so the transcript reads as a dialogue
            if key == "?":
                _show_help(item, policy, checklist)
                continue
            if key in keys:
                answers.append(ItemAnswer(item.id, Answer(keys[key])))
                break
            first = "x" if item.not_possible else "y"
            _out(f"Please type {first}, c, n, s (or 1-4) or ? and press Enter.")
    result = CheckResult(
        platform=checklist.platform,
        checklist_version=checklist_version(checklist.schema_version, checklist.last_reviewed),
        item_ids=checklist.item_ids,
        started=started,
        finished=utc_now(),
        answers=tuple(answers),
        note=args.note,
    )
    try:
        record.save_check(result)
        record.set_platforms_in_use(set(record.platforms_in_use()) | {checklist.platform})
    except RecordError as exc:
        say(f"{exc}\nYour answers were not saved.")
        return EXIT_RECORD
    _summarise(checklist, answers, catalogue, record.protection.explanation)
    return 0


def _summarise(checklist, answers, catalogue, protection: str) -> None:
    counts = {
        key: sum(1 for a in answers if a.answer.value == key)
        for key in ("ok", "changed", "attention", "not_applicable", "not_possible")
    }
    _out()
    parts = [
        f"{counts['ok']} already safe",
        f"{counts['changed']} changed now",
        f"{counts['attention']} {'needs' if counts['attention'] == 1 else 'need'} help",
        f"{counts['not_applicable']} not applicable",
    ]
    if counts["not_possible"]:
        parts.append(f"{counts['not_possible']} not possible on {checklist.name}")
    _out(f"{checklist.name} check finished: {', '.join(parts)}.")
    needs_help = [checklist.item(a.item_id).title for a in answers if a.answer.value == "attention"]
    if needs_help:
        _out("Not yet safe:")
        for title in needs_help:
            _out(f"  - {title}")
        _out(f"If you need help, ask {catalogue.school.config.contact.describe()}.")
    not_possible = [checklist.item(a.item_id) for a in answers if a.answer.value == "not_possible"]
    if not_possible:
        _out(f"Not possible on {checklist.name} (think about what you share there):")
        for item in not_possible:
            _out(f"  - {item.title}")
    _out(f"Saved to your record on this computer. {protection}")

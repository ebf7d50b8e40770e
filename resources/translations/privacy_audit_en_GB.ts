<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name></name>
    <message>
        <location filename="../../privacy_audit/ui/check.py" line="38"/>
        <source>CheckView</source>
        <comment>It&apos;s set correctly</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/check.py" line="39"/>
        <source>CheckView</source>
        <comment>I changed it now</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/check.py" line="40"/>
        <source>CheckView</source>
        <comment>I need help with this</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/check.py" line="41"/>
        <source>CheckView</source>
        <comment>Doesn&apos;t apply to me</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/check.py" line="50"/>
        <source>CheckView</source>
        <comment>Guidance last verified on {date}</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BrowserBridge</name>
    <message>
        <location filename="../../privacy_audit/ui/browser_bridge.py" line="57"/>
        <source>Privacy Audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/browser_bridge.py" line="58"/>
        <source>Hide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/browser_bridge.py" line="59"/>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/browser_bridge.py" line="60"/>
        <source>Safe setting:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/browser_bridge.py" line="61"/>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/browser_bridge.py" line="62"/>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/browser_bridge.py" line="63"/>
        <source>The setting “{label}” is outlined in red.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/browser_bridge.py" line="64"/>
        <source>Look for {labels} on this page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/browser_bridge.py" line="65"/>
        <source> or </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/browser_bridge.py" line="66"/>
        <source>Follow the steps in Privacy Audit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/browser_bridge.py" line="67"/>
        <source>Sign in, then press Continue in Privacy Audit.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CheckView</name>
    <message>
        <location filename="../../privacy_audit/ui/check.py" line="100"/>
        <source>Progress through this check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/check.py" line="118"/>
        <location filename="../../privacy_audit/ui/check.py" line="319"/>
        <source>Show the policy text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/check.py" line="128"/>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/check.py" line="131"/>
        <source>How</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/check.py" line="135"/>
        <source>The safe setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/check.py" line="143"/>
        <source>&amp;Open the settings page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/check.py" line="163"/>
        <source>Private note about this setting (optional, only you can see it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/check.py" line="164"/>
        <source>Private note about this setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/check.py" line="169"/>
        <source>&amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/check.py" line="173"/>
        <source>Resume &amp;later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/check.py" line="173"/>
        <source>Keep your answers and finish this check another time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/check.py" line="191"/>
        <source>A private note about this check (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/check.py" line="192"/>
        <source>Private note about this check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/check.py" line="200"/>
        <source>&amp;Back to the last item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/check.py" line="204"/>
        <source>&amp;Save and finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/check.py" line="228"/>
        <source>{platform} check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/check.py" line="270"/>
        <source>Item {n} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/check.py" line="276"/>
        <source>Why: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/check.py" line="282"/>
        <source>Policy {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/check.py" line="284"/>
        <source>Policy {id}: {summary}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/check.py" line="292"/>
        <source>Settings page: {url}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/check.py" line="294"/>
        <source>In the app: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/check.py" line="299"/>
        <source>If it can&apos;t be made safe: {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/check.py" line="307"/>
        <source>Open the settings page for: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/check.py" line="319"/>
        <source>Hide the policy text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/check.py" line="390"/>
        <source>Fill in the box at the top first: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/check.py" line="407"/>
        <source>Opening the settings page in the guided browser…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/check.py" line="412"/>
        <source>Opened {url} in your web browser.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/check.py" line="417"/>
        <source>The settings page is open. Look for the highlighted setting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/check.py" line="418"/>
        <source>The setting is highlighted on the page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/check.py" line="419"/>
        <source>The setting wasn&apos;t found on the page; the platform may have moved it. Follow the steps above, or choose &quot;I need help with this&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/check.py" line="421"/>
        <source>Sign in to your account in the browser window, then carry on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/check.py" line="422"/>
        <source>The browser left the platform&apos;s own website.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/check.py" line="423"/>
        <source>The browser window was closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/check.py" line="424"/>
        <source>Opened in your usual web browser, without guidance: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/check.py" line="425"/>
        <source>The guided browser had a problem: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/check.py" line="444"/>
        <source>{platform}: check complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/check.py" line="449"/>
        <source>{ok} already set correctly · {changed} changed now · {attention} need attention · {na} not applicable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/check.py" line="457"/>
        <source>Needs attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/check.py" line="460"/>
        <source>Follow the steps again, or ask someone you trust to help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/check.py" line="463"/>
        <source>If you can&apos;t make these safe, or a pupil is involved, talk to {contact}. Until then, assume what you post on {platform} could be seen by pupils.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/check.py" line="468"/>
        <source>Everything on this checklist is as the policy asks. Nothing to do until next term.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/check.py" line="471"/>
        <source>Good to know: {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/check.py" line="478"/>
        <source>{n} item(s) have no answer yet; go back to answer them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/check.py" line="493"/>
        <source>Fine last time, needs attention now: {items}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/check.py" line="514"/>
        <source>The check could not be saved: {problem} Your answers are kept; try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../../privacy_audit/ui/dashboard.py" line="43"/>
        <source>Your privacy checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/dashboard.py" line="48"/>
        <source>&amp;History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/dashboard.py" line="48"/>
        <source>History of your checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/dashboard.py" line="49"/>
        <source>&amp;Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/dashboard.py" line="49"/>
        <source>Report and statement of acceptance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/dashboard.py" line="50"/>
        <source>&amp;Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/dashboard.py" line="50"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/dashboard.py" line="72"/>
        <source>Change which platforms I use…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/dashboard.py" line="79"/>
        <source>Worried about something, or a pupil sent you a request?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/dashboard.py" line="80"/>
        <source>Talk to {contact}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/dashboard.py" line="120"/>
        <source>Continue check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/dashboard.py" line="122"/>
        <source>Check again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/dashboard.py" line="122"/>
        <source>Check now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/dashboard.py" line="123"/>
        <source>{action}: {platform}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/dashboard.py" line="140"/>
        <source>All {total} checks done this term. Well done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/dashboard.py" line="142"/>
        <source>{done} of {total} checks done this term</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/dashboard.py" line="152"/>
        <source>Not checked yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/dashboard.py" line="154"/>
        <source>Last checked {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/dashboard.py" line="156"/>
        <source>snoozed until {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/dashboard.py" line="158"/>
        <source>next due {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/dashboard.py" line="160"/>
        <source>a check is in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/dashboard.py" line="165"/>
        <source>Never checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/dashboard.py" line="167"/>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/dashboard.py" line="168"/>
        <source>Up to date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/dashboard.py" line="176"/>
        <source>Some of the app&apos;s files have problems, so parts of them were left out. Please tell your school&apos;s IT support:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/dashboard.py" line="180"/>
        <source>
…and {count} more</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../privacy_audit/ui/errors.py" line="24"/>
        <location filename="../../privacy_audit/ui/errors.py" line="28"/>
        <source>Something went wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/errors.py" line="31"/>
        <source>Your record has not been lost. Nothing has been sent anywhere: if you want help, copy the details below and give them to your school&apos;s IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/errors.py" line="35"/>
        <source>Error details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/errors.py" line="39"/>
        <source>&amp;Copy details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/errors.py" line="43"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/errors.py" line="51"/>
        <source>Copied</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <location filename="../../privacy_audit/ui/history.py" line="38"/>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/history.py" line="39"/>
        <source>&amp;Back to dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/history.py" line="43"/>
        <source>Every check you have finished, newest first. Only you can see this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/history.py" line="47"/>
        <source>Past checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/history.py" line="56"/>
        <source>Answers of the selected check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/history.py" line="70"/>
        <source> · {n} need attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/history.py" line="76"/>
        <source>No checks yet. Finished checks appear here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../privacy_audit/ui/main_window.py" line="63"/>
        <source>Privacy Audit — {school}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/main_window.py" line="100"/>
        <location filename="../../privacy_audit/ui/main_window.py" line="122"/>
        <source>Opening your record…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/main_window.py" line="141"/>
        <location filename="../../privacy_audit/ui/main_window.py" line="143"/>
        <source>Your record could not be opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/main_window.py" line="144"/>
        <source>{problem}
Nothing has been deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/main_window.py" line="221"/>
        <source>Everything was forgotten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/main_window.py" line="222"/>
        <source>Your record was deleted from this computer. Choose Try again to start afresh.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessagePage</name>
    <message>
        <location filename="../../privacy_audit/ui/main_window.py" line="41"/>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProtectionView</name>
    <message>
        <location filename="../../privacy_audit/ui/protection.py" line="23"/>
        <source>How should your record be protected?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/protection.py" line="27"/>
        <source>Normally the app keeps the key to your record in this computer&apos;s password store (keyring). There isn&apos;t one it can use here, so please choose:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/protection.py" line="30"/>
        <source>Protect it with a passphrase I type each time (recommended)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/protection.py" line="31"/>
        <source>Protect my record with a passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/protection.py" line="37"/>
        <location filename="../../privacy_audit/ui/protection.py" line="38"/>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/protection.py" line="41"/>
        <source>Passphrase again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/protection.py" line="42"/>
        <source>Again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/protection.py" line="46"/>
        <source>If you forget it, nobody can open your record, not even your school; you would start a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/protection.py" line="47"/>
        <source>Keep it unencrypted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/protection.py" line="48"/>
        <source>Keep my record unencrypted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/protection.py" line="51"/>
        <source>Your answers and notes are then readable by anyone who can open your files on this computer. They still never leave it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/protection.py" line="59"/>
        <source>Continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/protection.py" line="96"/>
        <source>Use at least {n} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/protection.py" line="99"/>
        <source>The two passphrases are different. Type them again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReminderTray</name>
    <message>
        <location filename="../../privacy_audit/ui/tray.py" line="60"/>
        <source>Privacy Audit menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/tray.py" line="61"/>
        <source>Open Privacy Audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/tray.py" line="62"/>
        <source>Check now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/tray.py" line="63"/>
        <source>Snooze 3 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/tray.py" line="64"/>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/tray.py" line="87"/>
        <source>Privacy Audit: check due for %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/tray.py" line="89"/>
        <source>Privacy Audit: all your checks are done this term</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportView</name>
    <message>
        <location filename="../../privacy_audit/ui/report_view.py" line="31"/>
        <source>Report and statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/report_view.py" line="32"/>
        <source>&amp;Back to dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/report_view.py" line="37"/>
        <source>Make a PDF of the latest check of each platform, to print or hand in if you choose. Private notes are left out. Nothing is sent anywhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/report_view.py" line="41"/>
        <source>Statement of Acceptance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/report_view.py" line="42"/>
        <source>Policy clause 11.3 and Appendix 1 ask every member of staff to confirm:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/report_view.py" line="46"/>
        <source>Your full name for the statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/report_view.py" line="47"/>
        <source>Type your full name (leave empty to sign on paper)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/report_view.py" line="49"/>
        <source>Your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/report_view.py" line="51"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/report_view.py" line="59"/>
        <source>Where to save the PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/report_view.py" line="61"/>
        <source>C&amp;hoose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/report_view.py" line="61"/>
        <source>Choose where to save the PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/report_view.py" line="69"/>
        <source>&amp;Export PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/report_view.py" line="84"/>
        <source>You last signed the statement as {name} on {date}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/report_view.py" line="89"/>
        <source>Save the report as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/report_view.py" line="89"/>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/report_view.py" line="96"/>
        <source>Choose where to save the PDF first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/report_view.py" line="102"/>
        <source>The folder {folder} does not exist. Choose another place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/report_view.py" line="105"/>
        <source>Making the PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/report_view.py" line="110"/>
        <source>Saved {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/report_view.py" line="115"/>
        <source>The PDF could not be saved: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <location filename="../../privacy_audit/ui/settings_view.py" line="29"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/settings_view.py" line="30"/>
        <source>&amp;Back to dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/settings_view.py" line="36"/>
        <source>Your record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/settings_view.py" line="39"/>
        <source>Kept in {folder}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/settings_view.py" line="44"/>
        <source>Guided browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/settings_view.py" line="46"/>
        <source>The app opens settings pages in a browser already on this computer and points at the setting. It never types or clicks for you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/settings_view.py" line="50"/>
        <source>Browser used for guided checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/settings_view.py" line="52"/>
        <source>Automatic (Edge, Chrome or Chromium)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/settings_view.py" line="53"/>
        <source>Microsoft Edge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/settings_view.py" line="54"/>
        <source>Google Chrome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/settings_view.py" line="55"/>
        <source>Chromium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/settings_view.py" line="56"/>
        <source>Another browser program…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/settings_view.py" line="57"/>
        <source>My default browser only (no guidance)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/settings_view.py" line="61"/>
        <source>Browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/settings_view.py" line="64"/>
        <source>Path of the browser program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/settings_view.py" line="65"/>
        <source>Full path of a Chromium-based browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/settings_view.py" line="67"/>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/settings_view.py" line="67"/>
        <source>Find the browser program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/settings_view.py" line="72"/>
        <source>Program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/settings_view.py" line="74"/>
        <location filename="../../privacy_audit/ui/settings_view.py" line="75"/>
        <source>Keep me signed in between checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/settings_view.py" line="79"/>
        <source>Forget sign-ins now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/settings_view.py" line="85"/>
        <source>Reminders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/settings_view.py" line="86"/>
        <location filename="../../privacy_audit/ui/settings_view.py" line="87"/>
        <source>Remind me at login when a check is due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/settings_view.py" line="92"/>
        <source>Forget everything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/settings_view.py" line="94"/>
        <source>Deletes your record, its key in the system keyring and the guided browser&apos;s saved sign-ins from this computer. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/settings_view.py" line="97"/>
        <source>Forget everything…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/settings_view.py" line="100"/>
        <source>Yes, delete my record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/settings_view.py" line="100"/>
        <source>Yes, delete my record for good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/settings_view.py" line="104"/>
        <source>Keep it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/settings_view.py" line="104"/>
        <source>Keep my record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/settings_view.py" line="124"/>
        <source>Encrypted; the key is held by {backend}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/settings_view.py" line="125"/>
        <source>Encrypted with your passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/settings_view.py" line="126"/>
        <source>Not encrypted (you chose this).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/settings_view.py" line="127"/>
        <source>the keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/settings_view.py" line="138"/>
        <source>Sign-ins are forgotten when the browser window closes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/settings_view.py" line="139"/>
        <source>Your school has chosen that sign-ins are forgotten when the browser window closes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/settings_view.py" line="161"/>
        <source>Choose a browser program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/settings_view.py" line="168"/>
        <source>Saved sign-ins were forgotten.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/settings_view.py" line="174"/>
        <source>Are you sure? Your whole record will be deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/settings_view.py" line="192"/>
        <source>Everything was forgotten.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/settings_view.py" line="198"/>
        <source>Could not forget everything: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomeView</name>
    <message>
        <location filename="../../privacy_audit/ui/welcome.py" line="29"/>
        <source>Welcome to Privacy Audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/welcome.py" line="31"/>
        <source>{school}&apos;s staff social media policy asks you to keep your personal accounts private and to check their privacy settings regularly. This app walks you through those checks, one setting at a time, opens the right settings page for you, and keeps a dated record of what you checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/welcome.py" line="37"/>
        <source>Nothing leaves this laptop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/welcome.py" line="39"/>
        <source>The app never asks for your passwords, never changes a setting for you and never sends anything anywhere. Your record stays on this computer, and only you can read it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/welcome.py" line="45"/>
        <source>Your platforms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/welcome.py" line="46"/>
        <source>Which of these do you use?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/welcome.py" line="48"/>
        <source>Tick each platform where you have a personal account. The checks for all your accounts (email, pupils, personal details) are always included.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/welcome.py" line="64"/>
        <source>I have a personal {name} account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/welcome.py" line="75"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/welcome.py" line="78"/>
        <source>Continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/welcome.py" line="78"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/welcome.py" line="88"/>
        <source>Opening your record…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../privacy_audit/ui/welcome.py" line="89"/>
        <source>How your record is protected: {explanation}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

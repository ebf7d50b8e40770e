<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en_GB">
<context>
    <name>AppServices</name>
    <message>
        <source>{folder} was not deleted: it does not look like the guided browser&apos;s own folder. Your school no longer allows keeping sign-ins; if it holds some, delete it yourself, or ask IT to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-ins the guided browser kept could not be deleted ({reason}). Your school no longer allows keeping them: delete the folder {folder} yourself, or ask IT to.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BrowserBridge</name>
    <message>
        <source>Privacy Audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safe setting:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent to Privacy Audit: “{answer}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The setting “{label}” is outlined in red.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look for {labels} on this page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> or </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the steps in Privacy Audit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in, then carry on with the check in Privacy Audit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not possible on this platform</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CheckView</name>
    <message>
        <source>Progress through this check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good practice, not a policy rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the policy text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The safe setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume &amp;later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep your answers and finish this check another time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private note about this check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save and finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{platform} check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy {id}: {summary}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If it can&apos;t be made safe: {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide the policy text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the settings page in the guided browser…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open on this laptop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open on my p&amp;hone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional; only you can see it. Type it before you answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private &amp;note on this setting:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check on my &amp;phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One setting at a time in large print, with a code to scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private &amp;note about this check (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back to the last setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This setting&apos;s page is on your own server, so the app needs its name to open it. It is kept on this computer only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app needs this to open this setting&apos;s page. It is kept on this computer only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting {n} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You need your phone for this setting: it is only in the {platform} app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the {platform} website. In this demo, “Open on this laptop” opens a practice page that looks like it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the {platform} website: “Open on this laptop” below takes you there, and “Open on my phone” shows a code to scan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open on this laptop: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open on my phone: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the link to: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your saved answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not possible on {platform}: {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved: {answer}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{saved}. Next: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{saved}. {summary}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No code: this setting is only in the {platform} app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No code yet. {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No code yet: fill in the box above first ({problem}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No code yet: fill in the box above first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan this with your phone&apos;s camera to open the {platform} page there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link copied. Paste it into a browser or a message to yourself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill in the box above first: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened the settings page in your usual web browser.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings page is open. Look for the highlighted setting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The setting is highlighted on the page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The setting wasn&apos;t found on the page; the platform may have moved it. Follow the steps above, or choose &quot;I need help with this&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to your account in the browser window, then carry on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The browser left the platform&apos;s own website.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The browser window was closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That page was for an earlier setting; answer this one here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved “{answer}” for “{title}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moved on from “{title}” without an answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening this setting&apos;s page in the guided browser…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{platform}: nearly done — save your check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} already set correctly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} changed now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} needs attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} need attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} not possible on this platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} doesn&apos;t apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} don&apos;t apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 setting has no answer yet; go back to answer it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} settings have no answer yet; go back to answer them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left to fix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not yet safe: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not possible on {platform}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These are not counted as set correctly. If this worries you, talk to {contact}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything on this checklist is as the policy asks. Save your check; nothing more to do until next term.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go back to this setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go back to this setting: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the steps again, or ask someone you trust to help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If you can&apos;t make these safe, or a pupil is involved, talk to {contact}. Until then, assume what you post on {platform} could be seen by pupils.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good to know: {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fine last time, needs attention now: {items}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The check could not be saved: {problem} Your answers are kept; try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It&apos;s set correctly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not possible on this platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I changed it now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I need help with this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Doesn&apos;t apply to me</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>Your privacy checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History of your checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report and statement of acceptance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Public view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public view: what can anyone see on my profiles?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What can anyone see on my profiles?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading your record…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tart this term&apos;s check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change which platforms I use…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worried about something, or a pupil sent you a request?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Talk to {contact}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{action}: {platform}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{checked} of {total} checked this term</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} setting still to fix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} settings still to fix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} not possible on its platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Con&amp;tinue this term&apos;s check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{checked} of {total} setting you use has been checked on the live site.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{checked} of {total} settings you use have been checked on the live site.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until then, each setting says what its steps were written from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last checked {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>snoozed until {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>next due {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a check is in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some of the app&apos;s files have problems, so parts of them were left out. Please tell your school&apos;s IT support:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
…and {count} more</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dates</name>
    <message>
        <source>en_GB</source>
        <comment>The locale of this translation (language_COUNTRY), for month names in dates</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>d MMMM yyyy</source>
        <comment>A date: day, month name, year (Qt date format)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MMMM yyyy</source>
        <comment>A month: month name, year (Qt date format)</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DemoBar</name>
    <message>
        <source>Demo — nothing is saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public vie&amp;w</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See what anyone can see</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Presenter &amp;mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Presenter mode: large text and high contrast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset &amp;demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset the demo to its starting state</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DemoController</name>
    <message>
        <source>Privacy Audit — demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo could not be reset: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>Your school&apos;s policy (11.3) asks every member of staff for a Statement of Acceptance: that one is required. The settings report is yours to keep; you need not hand it in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back to dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My &amp;Statement of Acceptance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Make my report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not finished yet: {n} platform still to check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not finished yet: {n} platforms still to check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This term&apos;s check is finished: {n} setting still to fix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This term&apos;s check is finished: {n} settings still to fix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You&apos;re done for this term</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{checked} of {total} platforms checked this term.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until a setting is fixed, assume pupils could see what it protects.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} setting cannot be made private on its platform: think about what you post there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} settings cannot be made private on their platforms: think about what you post there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix it: {platform}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Something went wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your record has not been lost. Nothing has been sent anywhere: if you want help, copy the details below and give them to your school&apos;s IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorWords</name>
    <message>
        <source>Your record could not be used as asked. Nothing has been deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your record needs protecting: choose a passphrase, or choose to keep it unencrypted on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your record is protected by a passphrase. Type it to unlock your record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That passphrase does not unlock your record. Nothing was changed; try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keyring that keeps the key to your record is locked or cannot be used right now. Unlock your keyring or sign in to your desktop session, then try again; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your record is in use by another Privacy Audit window or command. Close the other one and try again; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy Audit cannot write to your record&apos;s folder or file (it may not be yours, the disk may be read-only or full). Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy Audit could not make sure that a folder or file it uses is yours alone, so it will not use it. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your record&apos;s protection is not what was asked for (a passphrase was given for a record kept unencrypted). Nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your record was damaged, so it could not be read. It was set aside as {moved_to} and a new record was started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your record was written by a newer version of Privacy Audit (record version {detail}). It was set aside as {moved_to} and a new record was started; install the newer version and move the file back to open it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your record uses a kind of protection (“{detail}”) this version does not know. It was set aside as {moved_to} and a new record was started; a newer Privacy Audit can open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your record had saved answers but no record of how they are protected, so they cannot be read. It was set aside as {moved_to} and a new record was started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key to your record is missing from {detail}, so your saved answers cannot be read. The record was set aside as {moved_to} (it can be opened again if the key is restored) and a new record was started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key {detail} holds for your record has changed and does not unlock it. The record was set aside as {moved_to} (it can be opened again if the old key is restored) and a new record was started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your record was upgraded to this version; a copy of it as it was is kept at {copy}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {platform} check saved on {day} could not be read, so it is not shown. It was left untouched in your record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A {platform} check has a date that could not be read, so it is not counted. It was left untouched in your record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The snooze of {platform} has a date that could not be read, so it is not used. It was left untouched in your record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your unfinished {platform} check could not be read, so it cannot be carried on. It was left untouched in your record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name your Statement of Acceptance was signed with could not be read; type it again when you next make the statement. It was left untouched in your record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill in “{label}” first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{value}” can&apos;t go in “{label}”: use only the letters a to z, digits, dots, dashes and underscores.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{label}” is too long: it can have at most {count} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You chose in Settings to open pages in your usual browser.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The guided browser could not start: the part of Privacy Audit that drives it did not start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The guided browser could not start: another browser window is using the sign-ins you chose to keep. Close it, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The guided browser could not start: {browser} is not installed on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The guided browser could not start: no Edge, Chrome or Chromium was found on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The guided browser could not start: {browser} did not start in time. This computer&apos;s settings may stop other programs from starting it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The guided browser could not start: {browser} is installed but would not start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your usual browser could not be opened; open this address yourself: {url}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{found} of the {asked} words you typed were found in the page&apos;s text and are highlighted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None of the {asked} words you typed were found in the page&apos;s text (pictures are not searched).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A web address with {character} in it is never opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{url}” is not a web address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only secure (https://) pages are opened; “{url}” is not one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{url}” is not a complete web address (it should start with https://).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A web address with a user name or password in it is never opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{url}” has no web address after {scheme}://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{url}” does not have a plain web address (like www.example.com) after {scheme}://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{url}” names a port (after “:”); a platform&apos;s own pages never do, so it was not opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{host}” is not one of this platform&apos;s web addresses ({domains}), so it was not opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is what anyone can see without signing in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {platform} settings page didn&apos;t open:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a backslash (\)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the character {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press “Open on this laptop” again, or follow the steps in Privacy Audit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press “Show my public profile” again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The page was opened in your usual browser, without guidance on the page; follow the steps in Privacy Audit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The page was opened in your usual browser.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your usual browser could not be opened either; open this address yourself: {url}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your usual browser may be signed in, so it can show more than the public sees: open the address in a private window to be sure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this computer isn&apos;t connected to the internet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its address couldn&apos;t be looked up. You may be offline, or this network may block {platform}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the connection failed. You may be offline, or this network may block {platform}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it was blocked, probably by this network&apos;s web filter (schools often block {platform}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the secure connection failed. A web filter that inspects traffic, or a wrong clock on this computer, can cause this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{platform} answered with an error page (error {status}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it didn&apos;t load in time. The connection may be slow, or this network may block {platform}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the browser shows an error page instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The browser stopped responding.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong in the guided browser.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform shows a sign-in box to people who are not signed in; everything else on this page is what they can see.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People who are not signed in were sent to the platform&apos;s sign-in page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy Audit could not read this page&apos;s text in time, so it cannot say what is on it. Look at the page yourself for anything you would not want pupils to see.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform says there is no page at this address ({status}); check your profile&apos;s address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform refused to show this page or could not answer ({status}); try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose “Open on my phone” to scan a code and follow the steps on your phone instead, or “Copy link” to open the page later on another network (at home, say).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>{n} to fix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} not possible here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back to dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every check you have finished, newest first. Only you can see this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Past checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers of the selected check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left by this check:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fine last time, needs attention now:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note on this check:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No checks yet. Finished checks appear here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Journey</name>
    <message>
        <source>{first} and {last}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} platform to check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} platforms to check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} platforms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about {n} minute (reading the steps, and about 45 seconds a setting to find it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about {n} minutes (reading the steps, and about 45 seconds a setting to find it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Have your phone ready: {names} is set in its phone app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Have your phone ready: {names} are set in their phone apps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked — {n} to fix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} not possible here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked — {n} not possible here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Privacy Audit — {school}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening your record…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy Audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy Audit could not start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{problem}
Your record has not been touched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your record could not be opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{problem}
Nothing has been deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything was forgotten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your record was deleted from this computer. Choose Try again to start afresh.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessagePage</name>
    <message>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PhoneMode</name>
    <message>
        <source>On your phone, in the {platform} app: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On iPhone, in the {platform} app: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On Android, in the {platform} app: {path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PhoneModeView</name>
    <message>
        <source>Back to the full check screen (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the full check screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same check, with every detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your phone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;iPhone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Android</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press 1, 2, 3 or 4 on the laptop to answer. Esc goes back to the full check screen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check on my phone: {platform} · {position}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This setting is on the {platform} website.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safe: {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your saved answer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProtectionView</name>
    <message>
        <source>Protect it with a passphrase I type each time (recommended)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protect my record with a passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your earlier record was set aside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome to Privacy Audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This app walks you through checking the privacy settings of your personal social media accounts, and keeps a dated record of your checks on this computer. Nothing is sent anywhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First, how should your record be protected?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer has no password store (keyring) the app can keep a key in, so choose one of these. You choose once; you can start a new record later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use at least {n} characters, not only spaces. A few words you will remember work well. If you forget it, nobody can open your record, not even your school; you would start a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep it unencrypted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep my record unencrypted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your answers and notes are then readable by anyone who can open your files on this computer. They still never leave it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock your record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the passphrase you chose when you first used Privacy Audit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forgotten it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forgotten your passphrase?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody can open your record without its passphrase, not even your school, and the app cannot remind you of it. If it is truly lost, you can start again with a new record: only your history of checks is lost. To do that, run `privacy-audit forget` in a terminal, or ask your IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A passphrase made only of spaces cannot protect your record. Use letters, numbers or words you will remember.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use at least {n} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passphrases are different. Type them again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Provenance</name>
    <message>
        <source>Written in {month} from published guides.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written in {month} from our research notes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written in {month}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not yet checked on the live site.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked on the {platform} website on {date}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked on the {platform} iPhone app on {date}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked on the {platform} Android app on {date}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last checked on the live site on {date}; it may be out of date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When checked on {date} the live site did not match these steps; they may be out of date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>We are less sure where this setting is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good practice, not a policy rule.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PublicView</name>
    <message>
        <source>What can anyone see?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back to dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open your profile as someone who is not signed in (a pupil, say) would see it. You can type a few words to look for, such as your birthday, home town or school&apos;s name: they are used for this one look and never saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words to look for, separated by commas (not saved)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example: 14 March, Leeds, the school&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words to look for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show my public profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The public view needs the guided browser. Choose it in Settings, or open {url} in a private window of your browser.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening your profile as the public sees it…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your profile page didn&apos;t open, so nothing can be said about what anyone can see. You may be offline, or this network may block the platform; try again later on another network (at home, say), or open the page in a private window on your phone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anyone can see: {words}. Hide them on the platform, then look again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QrCode</name>
    <message>
        <source>QR code for the {platform} settings page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QR code for the settings page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan it with your phone&apos;s camera to open {address}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReminderTray</name>
    <message>
        <source>Privacy Audit menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Privacy Audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snooze 3 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy Audit: check due for %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy Audit: all your checks are done this term</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReminderWindow</name>
    <message>
        <source>Privacy Audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy check reminder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Privacy Audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snooze 3 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>[your {part}]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On iPhone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On Android</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safe setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the web</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If you can&apos;t make a setting safe, or a pupil is involved, talk to {contact}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{platform} (continued)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan a code with your phone&apos;s camera to open that settings page on your phone, in the app if you have it. The codes hold only {platform}&apos;s own addresses, nothing about you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{platform}&apos;s settings are in its phone app: follow the steps on your phone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>printed {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pocket guide to the privacy settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff social media policy, section 9</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>iPhone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Android</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The phone steps are for your phone: {phone}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set correctly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed during the check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still to fix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Does not apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not possible on this platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due: last checked {date}, before this term or too long ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} to fix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} not possible here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked {date}: {state}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy settings check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who and when</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>School</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Term</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The term that began on {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary: each platform you use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No platforms are chosen and no checks have been finished yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This report was made on this computer and nothing was sent anywhere. It is yours to keep: the policy does not ask you to hand it in. Private notes are left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each setting below says how far its guidance has been checked. Guidance not yet checked on the live site was written from published guides or our research notes, and may differ from what you see.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not checked yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked on {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guidance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This setting is no longer on the checklist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page {n} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your school has not given this app the wording of its Statement of Acceptance, so the app does not make one. Complete your school&apos;s own Appendix 1 form and return it to {contact}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statement of Acceptance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Social Media Policy, clause 11.3 and Appendix 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The wording below is your school’s own, as given in its school.yaml file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return this statement to {contact}. It is required by the policy.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportView</name>
    <message>
        <source>Report and statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back to dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Where to save the report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statement of Acceptance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Making {name} took too long, so the app stopped it. Try again; if it happens again, ask IT for help (the app&apos;s log says what happened).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} could not be made: the part of the app that draws PDFs could not start. This computer&apos;s security settings may stop it; ask IT for help (the app&apos;s log says what happened).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} could not be made: the part of the app that draws PDFs did not finish. Try again; if it happens again, ask IT for help (the app&apos;s log says what happened).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not allowed to save files in {folder}. Choose another folder, such as Documents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk is full, so {name} could not be saved. Free some space or choose another place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder {folder} cannot be changed (it is read-only). Choose another place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is a folder. Type a file name ending in .pdf.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} could not be saved: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your &amp;name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date: {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your settings report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A PDF of the latest check of each platform you use, with a summary on its first page, and the same report as a web page beside it (easier to read with a screen reader). It is yours to keep: the policy does not ask you to hand it in. Private notes are left out. Nothing is sent anywhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose where to save the report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Make my report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your school&apos;s policy (clause 11.3) requires every member of staff to sign a Statement of Acceptance. It is a separate page from your settings report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make my &amp;statement (PDF)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pocket guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A printable guide to do the check on your phone: each setting, its safe value, the phone steps and a QR code of the settings page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make a &amp;pocket guide (PDF)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pocket guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your school&apos;s wording: “{wording}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You last gave your name as {name} on {date}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the report as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose where to save the PDF first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder {folder} does not exist. Choose another place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Making the report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>and the same report as a web page: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Making the pocket guide…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {path} ({pages} pages).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Making the statement…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {path}. Print it, sign it and return it to your school.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SavedFile</name>
    <message>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show in &amp;folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the {what} in its folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back to dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept in {folder}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text and contrast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{percent} %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Text size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standard (follows the computer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High contrast, dark text on white</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High contrast, light text on black</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Contrast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guided browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app opens settings pages in a browser already on this computer and points at the setting. It never types or clicks for you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browser used for guided checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic (Edge, Chrome or Chromium)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Microsoft Edge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Google Chrome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chromium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another browser program…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My default browser only (no guidance)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path of the browser program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full path of a Chromium-based browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find the browser program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B&amp;rowser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep me signed in between checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget sign-ins now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remind me at login when a check is due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget everything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deletes your record, its key in the system keyring and the guided browser&apos;s saved sign-ins from this computer. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget everything…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes, delete my record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes, delete my record for good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep my record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encrypted; the key is held by {backend}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encrypted with your passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not encrypted (you chose this).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-ins are forgotten when the browser window closes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your school has chosen that sign-ins are forgotten when the browser window closes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a browser program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forgetting saved sign-ins…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved sign-ins were forgotten.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved sign-ins could not be deleted ({problem}). Close the guided browser and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Are you sure? Your whole record will be deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything was forgotten.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not forget everything: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomeView</name>
    <message>
        <source>Welcome to Privacy Audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{school}&apos;s staff social media policy asks you to keep your personal accounts private and to check their privacy settings regularly. This app walks you through those checks, one setting at a time, opens the right settings page for you, and keeps a dated record of what you checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing leaves this laptop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About your earlier record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app never asks for your passwords, never changes a setting for you and never sends anything anywhere. Your record stays on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your platforms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which of these do you use?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick each platform where you have a personal account. The checks for all your accounts (email, pupils, personal details) are always included.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I have a personal {name} account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening your record…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How your record is protected: {explanation}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

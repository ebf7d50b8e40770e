// Privacy Audit's answer buttons and Next for the on-page panel.
//
// This file is one function expression. The guided browser runs it in an ISOLATED world of the guided page
// (a separate JavaScript world over the same document, as browser extensions use) at the start of every
// document, and again when the app moves to another item, with one argument:
// {binding, item_id, answers: [{value, label}], next, sent}. The answers are the app's own answers for this
// item, in the app's words; a press sends {kind: "answer", item_id, answer: value} or {kind: "next", item_id}.
//
// Why a separate world: the page's own scripts share everything in the page's world - they can list its
// globals and wrap any built-in function (JSON.stringify, String.prototype.*, attachShadow), so a secret kept
// there can be read, and a message sent from there can be forged. This world's globals, built-ins and
// closed shadow root are out of the page's reach, and `binding` exists only here, so only these buttons can
// give an answer or say Next. They answer only to the person's own clicks and key presses (event.isTrusted), and say
// which item they were made for, so a press that arrives after the app moved on is ignored.
//
// The buttons sit in one element, slotted into the panel that guidance.js builds in the page's world
// (its <slot name="actions">). Without that panel (another site, or no item) they are not shown.
(config) => {
  "use strict";
  if (window.top !== window) return;
  const send = globalThis[config.binding];
  if (typeof send !== "function") return;
  // This world's own global: invisible to the page.
  if (globalThis.__privacyAuditActions) globalThis.__privacyAuditActions.teardown();

  const CSS = `
    :host { all: initial; display: grid !important; gap: .4rem; width: 100%;
      font: 15px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; }
    button { font: inherit; font-weight: 600; padding: .35rem .9rem; border-radius: 4px; cursor: pointer;
      border: 2px solid #1d70b8; background: #ffffff; color: #1d70b8; text-align: left; }
    .answers { display: grid; gap: .4rem; }
    button.next { justify-self: end; }
    button:disabled { cursor: default; opacity: .6; }
    button:focus-visible { outline: 3px solid #ffdd00; outline-offset: 2px; }
    .sent { margin: 0; padding: .4rem .5rem; background: #f3f2f1; border-left: 4px solid #00703c; }
    @media (prefers-color-scheme: dark) {
      button { background: #1b1b1b; color: #8fc3ff; border-color: #8fc3ff; }
      .sent { background: #2b2b2b; }
    }`;

  const actions = document.createElement("privacy-audit-actions");
  actions.setAttribute("slot", "actions");
  const root = actions.attachShadow({ mode: "closed" });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(CSS);
  root.adoptedStyleSheets = [sheet];

  const group = document.createElement("div");
  group.setAttribute("role", "group");
  group.className = "answers";
  const sent = document.createElement("p");
  sent.className = "sent";
  sent.setAttribute("role", "status");
  sent.hidden = true;
  const buttons = [];

  function button(text, className, message, onSent) {
    const b = document.createElement("button");
    b.type = "button";
    if (className) b.className = className;
    b.textContent = text;
    b.addEventListener("click", (event) => {
      event.stopPropagation(); // the page must not see clicks on our panel
      if (!event.isTrusted) return; // only the person's own click or key press
      send(JSON.stringify(Object.assign({ item_id: config.item_id }, message)));
      if (onSent) onSent();
    });
    buttons.push(b);
    return b;
  }
  for (const answer of config.answers) {
    group.append(
      button(answer.label, "answer", { kind: "answer", answer: answer.value }, () => {
        // One answer per item: the app records it and moves on (and brings this window the next item).
        for (const other of buttons) other.disabled = true;
        sent.textContent = config.sent.replace("{answer}", answer.label);
        sent.hidden = false;
      }),
    );
  }
  group.append(button(config.next, "next", { kind: "next" }, null));
  root.append(group, sent);

  // Keep the buttons in the current panel: guidance.js puts its host beside <body> and re-attaches it when
  // a single-page site rebuilds the document, and builds a new one for a new item.
  function place() {
    const top = document.documentElement;
    let host = null;
    if (top) {
      for (const child of top.children) if (child.localName === "privacy-audit-guidance") host = child;
    }
    if (host) {
      if (actions.parentNode !== host) host.append(actions);
    } else if (actions.isConnected) {
      actions.remove();
    }
  }
  const observer = new MutationObserver(place);
  observer.observe(document, { childList: true, subtree: true });
  place();

  globalThis.__privacyAuditActions = {
    teardown() {
      observer.disconnect();
      actions.remove();
    },
  };
}

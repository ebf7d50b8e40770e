// Privacy Audit's on-page guidance panel.
//
// This file is one function expression. The guided browser runs it in every new document of the guided
// window (as an init script) with one argument: {binding, refresh}. It asks the app for the current item
// through the binding, then shows a small panel with the item's title and safe value and outlines the
// setting's label when it is on the page. When the app moves to another item on the same page it runs this
// file again; that run only tells the running panel (by the `refresh` event) to ask for the new item.
//
// The answer buttons and Next are NOT made here. This script runs in the page's own JavaScript world, where
// the page's scripts can wrap any built-in function it calls, so nothing it sends can be trusted and it holds
// no secret. The buttons come from panel_actions.js, which the guided browser runs in an isolated world the
// page cannot reach, and are slotted into this panel (slot "actions"). The binding used here can only
// report what the page shows (hello, found, missing, login) - things the page decides anyway.
//
// Rules it keeps, because the pages it runs on are the person's real, signed-in settings pages:
// - the panel lives in a CLOSED shadow root, so the page can neither read nor restyle it casually;
// - it builds nodes with createElement/textContent only: sites with Trusted Types reject HTML strings;
// - it styles with constructable stylesheets and CSSOM properties, which a strict Content-Security-Policy
//   does not block, so the site's own CSP can stay switched on;
// - it never reads a form field's value (a password field is only noticed, to say "sign in first") and
//   never clicks anything on the page.
(boot) => {
  "use strict";
  if (window.top !== window) return; // top frame only: settings pages embed ads and login iframes
  const report = window[boot.binding];
  if (typeof report !== "function") {
    // Run again on a document that already has the panel: the running panel asks for the new item.
    document.dispatchEvent(new Event(boot.refresh));
    return;
  }
  // The function stays only in this closure: page scripts cannot find it by name on window.
  delete window[boot.binding];
  let current = null;
  const start = () => {
    if (current) current.teardown();
    current = panel((kind, data) => report(kind, data || {}));
  };
  document.addEventListener(boot.refresh, start);
  start();

  // One panel for one item; `send` reports to the app.
  function panel(send) {
    const SKIP = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "HEAD", "META", "LINK", "TITLE"]);
    const norm = (text) => (text || "").replace(/\s+/g, " ").trim().toLowerCase();
    const visible = (el) => {
      if (!el || !el.isConnected) return false;
      if (typeof el.checkVisibility === "function" &&
          !el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) return false;
      const box = el.getBoundingClientRect();
      return box.width > 0 && box.height > 0;
    };

    let host = null;
    let config = null;
    let found = null; // {el, outline, offset}
    let scrolled = false;
    let reportedFound = false;
    let reportedMissing = false;
    let reportedLogin = false;
    let missingTimer = 0;
    let searchTimer = 0;
    let lastSearch = 0;
    let observer = null;
    let statusNode = null;
    let alive = true;

    // The deepest visible element whose text contains the label; text split over several nodes
    // ("Who can <b>see</b> your posts") still matches because whole textContent is compared.
    function deepest(el, needle) {
      let childHad = false;
      for (const child of el.children) {
        if (child === host || SKIP.has(child.tagName)) continue;
        if (!norm(child.textContent).includes(needle)) continue;
        childHad = true;
        const hit = deepest(child, needle);
        if (hit) return hit;
      }
      if (childHad) return null; // the text is only in hidden content
      return visible(el) ? el : null;
    }

    function findLabel(labels) {
      const root = document.body;
      if (!root) return null;
      for (const label of labels) {
        const needle = norm(label);
        if (!needle) continue;
        if (norm(root.textContent).includes(needle)) {
          const el = deepest(root, needle);
          if (el) return { label, el };
        }
        for (const el of root.querySelectorAll("[aria-label]")) {
          if (norm(el.getAttribute("aria-label")).includes(needle) && visible(el)) return { label, el };
        }
      }
      return null;
    }

    function clearOutline() {
      if (!found) return;
      const s = found.el.style;
      s.removeProperty("outline");
      s.removeProperty("outline-offset");
      if (found.outline) s.setProperty("outline", found.outline[0], found.outline[1]);
      if (found.offset) s.setProperty("outline-offset", found.offset[0], found.offset[1]);
      found = null;
    }

    function outline(el) {
      const s = el.style;
      const keep = (name) => (s.getPropertyValue(name) ? [s.getPropertyValue(name), s.getPropertyPriority(name)] : null);
      found = { el, outline: keep("outline"), offset: keep("outline-offset") };
      s.setProperty("outline", "4px solid #d4351c", "important");
      s.setProperty("outline-offset", "4px", "important");
    }

    function setStatus(text) {
      if (statusNode) statusNode.textContent = text;
    }

    function lookForText() {
      const quoted = config.labels.map((label) => "“" + label + "”").join(config.text.or);
      return config.text.look_for.replace("{labels}", quoted);
    }

    function search() {
      lastSearch = Date.now();
      if (!config || !alive) return;
      if (!reportedLogin) {
        // Only whether a visible password field exists is looked at, never what is typed in it.
        for (const field of document.querySelectorAll("input[type=password]")) {
          if (visible(field)) {
            reportedLogin = true;
            setStatus(config.text.sign_in);
            send("login", {});
            break;
          }
        }
      }
      if (!config.labels.length) return;
      if (found && found.el.isConnected && visible(found.el)) return;
      clearOutline();
      const hit = findLabel(config.labels);
      if (hit) {
        outline(hit.el);
        if (!scrolled) {
          scrolled = true; // scroll once per item: later re-renders must not fight the person's scrolling
          hit.el.scrollIntoView({ block: "center", inline: "nearest" });
        }
        if (!reportedLogin) setStatus(config.text.found.replace("{label}", hit.label));
        if (!reportedFound) {
          reportedFound = true;
          send("found", { label: hit.label });
        }
      } else if (!reportedFound && !reportedLogin) {
        setStatus(lookForText());
      }
    }

    // Single-page sites re-render constantly; searching at most every 400 ms keeps the page responsive.
    function scheduleSearch() {
      if (searchTimer) return;
      const wait = Math.max(0, 400 - (Date.now() - lastSearch));
      searchTimer = setTimeout(() => {
        searchTimer = 0;
        search();
      }, wait);
    }

    const CSS = `
      :host { all: initial; }
      .panel { box-sizing: border-box; width: 20rem; max-width: calc(100vw - 2rem); padding: 0.9rem 1rem;
        background: #ffffff; color: #0b0c0c; border: 3px solid #1d70b8; border-radius: 8px;
        box-shadow: 0 4px 18px rgba(0,0,0,.35); font: 15px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; }
      .panel.collapsed .body { display: none; }
      .top { display: flex; align-items: center; justify-content: space-between; gap: .5rem;
        font-size: 12px; font-weight: 600; color: #1d70b8; text-transform: uppercase; letter-spacing: .04em; }
      .title { margin: .5rem 0 .25rem; font-size: 17px; font-weight: 700; }
      .safe { margin: 0 0 .5rem; }
      .safe strong { font-weight: 700; }
      .provenance { margin: 0 0 .5rem; font-size: 13px; }
      .status { margin: 0 0 .75rem; padding: .4rem .5rem; background: #f3f2f1; border-left: 4px solid #d4351c; }
      .buttons { display: flex; gap: .5rem; }
      button { font: inherit; font-weight: 600; padding: .35rem .9rem; border-radius: 4px; cursor: pointer;
        border: 2px solid #1d70b8; background: #ffffff; color: #1d70b8; }
      button.small { font-size: 12px; padding: .1rem .5rem; }
      button:focus-visible { outline: 3px solid #ffdd00; outline-offset: 2px; }
      @media (prefers-color-scheme: dark) {
        .panel { background: #1b1b1b; color: #f3f2f1; }
        .status { background: #2b2b2b; }
        button { background: #1b1b1b; color: #8fc3ff; border-color: #8fc3ff; }
      }`;

    function el(tag, className, text) {
      const node = document.createElement(tag);
      if (className) node.className = className;
      if (text !== undefined) node.textContent = text;
      return node;
    }

    function build() {
      host = document.createElement("privacy-audit-guidance");
      // Host styles go through CSSOM with !important so that page rules like `* { display: none }` lose.
      const hs = host.style;
      for (const [name, value] of [["all", "initial"], ["position", "fixed"], ["right", "16px"], ["bottom", "16px"],
                                   ["z-index", "2147483647"], ["display", "block"]]) {
        hs.setProperty(name, value, "important");
      }
      const root = host.attachShadow({ mode: "closed" });
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
      root.adoptedStyleSheets = [sheet];

      const panel = el("section", "panel");
      panel.setAttribute("role", "region");
      panel.setAttribute("aria-label", config.text.heading);
      const top = el("div", "top");
      top.append(el("span", "", config.text.heading));
      const toggle = el("button", "small", config.text.hide);
      toggle.type = "button";
      toggle.setAttribute("aria-expanded", "true");
      toggle.addEventListener("click", (event) => {
        event.stopPropagation();
        const collapsed = panel.classList.toggle("collapsed");
        toggle.textContent = collapsed ? config.text.show : config.text.hide;
        toggle.setAttribute("aria-expanded", collapsed ? "false" : "true");
      });
      top.append(toggle);
      const body = el("div", "body");
      body.append(el("p", "title", config.title));
      const safe = el("p", "safe");
      safe.append(el("span", "", config.text.safe + " "), el("strong", "", config.safe_value));
      body.append(safe);
      if (config.provenance) body.append(el("p", "provenance", config.provenance));
      statusNode = el("p", "status", config.labels.length ? lookForText() : config.text.no_label);
      statusNode.setAttribute("role", "status");
      body.append(statusNode);
      // The answer buttons and Next: panel_actions.js puts them here from its isolated world.
      const buttons = el("div", "buttons");
      const slot = el("slot");
      slot.name = "actions";
      buttons.append(slot);
      body.append(buttons);
      panel.append(top, body);
      root.append(panel);
    }

    function attach() {
      if (!alive || !host || host.isConnected || !document.body) return;
      document.documentElement.appendChild(host); // beside <body>, so replacing the body leaves it alone
    }

    function teardown() {
      alive = false;
      if (observer) observer.disconnect();
      clearTimeout(missingTimer);
      clearTimeout(searchTimer);
      clearOutline();
      if (host) host.remove();
    }

    send("hello", {}).then((answer) => {
      if (!alive || !answer) return;
      config = answer;
      build();
      observer = new MutationObserver(() => {
        attach();
        scheduleSearch();
      });
      observer.observe(document, { childList: true, subtree: true, characterData: true });
      attach();
      search();
      if (config.labels.length) {
        // Give slow pages a moment to draw the setting before saying it is not there.
        missingTimer = setTimeout(() => {
          search();
          if (!reportedFound && !reportedMissing) {
            reportedMissing = true;
            send("missing", {});
          }
        }, config.missing_after_ms);
      }
    }, () => teardown());
    return { teardown };
  }
}

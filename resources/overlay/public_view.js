// Privacy Audit's public view: what can anyone (a pupil, say) see on this signed-out page?
//
// One function expression, run once by the guided browser after a public profile page has loaded, with one
// argument: the words the person typed (kept in memory only). It looks for each word in the page's visible
// text, highlights every match, scrolls to the first one and returns
// {found: [words found], login: whether a sign-in form is showing}.
//
// Highlights use the CSS Custom Highlight API: it changes no node of the page, and the stylesheet for it
// is a constructable stylesheet, which a strict Content-Security-Policy does not block.
(words) => {
  "use strict";
  const root = document.body;
  const result = { found: [], login: false };
  if (!root) return result;

  for (const field of document.querySelectorAll("input[type=password]")) {
    const box = field.getBoundingClientRect();
    if (box.width > 0 && box.height > 0) { // only whether it is showing; its value is never read
      result.login = true;
      break;
    }
  }

  const visibleText = (root.innerText || "").toLowerCase(); // innerText is only what is rendered
  const wanted = words.map((w) => w.trim()).filter((w) => w.length > 0);
  const ranges = [];
  for (const word of wanted) {
    const needle = word.toLowerCase();
    if (!visibleText.includes(needle)) continue;
    result.found.push(word);
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.data.toLowerCase();
      for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + needle.length);
        ranges.push(range);
      }
    }
  }

  if (ranges.length && typeof Highlight === "function" && CSS.highlights) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync("::highlight(privacy-audit-found) { background-color: #ffdd00; color: #0b0c0c; }");
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    CSS.highlights.set("privacy-audit-found", new Highlight(...ranges));
  }
  if (ranges.length) {
    const first = ranges[0].startContainer.parentElement;
    if (first) first.scrollIntoView({ block: "center" });
  }
  return result;
}

// Privacy Audit's public view: highlight, on the signed-out page, the typed words that anyone can see.
//
// One function expression, run once by the guided browser after a public profile page has loaded, with one
// argument: the words to highlight, exactly as they already appear in the page's visible text. The words
// the person typed are never given to the page: the guided browser reads the page's text itself and sends
// only what it found there, because the page's own scripts share this world and could record any string
// passed through String.prototype and friends.
//
// Highlights use the CSS Custom Highlight API: it changes no node of the page, and the stylesheet for it
// is a constructable stylesheet, which a strict Content-Security-Policy does not block.
(shown) => {
  "use strict";
  const root = document.body;
  if (!root || !shown.length) return 0;
  const ranges = [];
  for (const word of shown) {
    const needle = word.toLowerCase();
    if (!needle) continue;
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
  return ranges.length;
}

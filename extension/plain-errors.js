// What the popup says when the browser refuses it something: the browser's own messages ("No
// tab with id: 999999", "Cannot access contents of the page. Extension manifest must
// request…") are for developers, so each is turned into plain words with what to do.
//
// `plainError(message)` gives that sentence for a browser's error message; an unknown message
// gets a general one (the browser's words help no reader).

const CASES = [
  [/no tab with id|invalid tab id|tab .*not found/i, 'This tab is no longer open. Go back to the article and click Sourcelight again.'],
  [/cannot access|cannot be scripted|missing host permission|chrome:|about:|-extension:|extensions gallery|webstore|addons\.mozilla|privileged|not allowed to access/i, 'Browser pages and the add-on store cannot be analyzed. Open a news article and click Sourcelight again.'],
  [/could not establish connection|receiving end does not exist|message port closed|no answer/i, 'The page did not answer. Reload it and click Sourcelight again.'],
];

/** The plain sentence for a browser's error `message`; see the header comment. */
export function plainError(message) {
  for (const [pattern, plain] of CASES) if (pattern.test(String(message))) return plain;
  return 'Sourcelight could not read this page. Reload it and click Sourcelight again.';
}

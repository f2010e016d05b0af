// Sourcelight's content script, bundled into extension/content.js by `./build.sh wasm`.
//
// The background injects it on a click (and the browser on the sites the user chose), then
// calls `globalThis.sourcelight.start`, `stop` and `reveal`. It may be injected again into a
// page that has it: the first copy stays in charge.
//
// The jobs, one module each: finding the article (article.js, with exclusions.js and dom.js),
// the text blocks and the way back to Ranges (blocks.js), painting (paint.js, or marks.js
// without the Highlight API), the hover card (card.js), the statement clicked for the popup (pick.js), following a changing page
// (observer.js), talking to the background (messaging.js), and starting and stopping
// (lifecycle.js). The names, colours and hit-testing of highlights, and the offset search,
// are the demo page's own modules (www/shared/).

import { start, stop, reveal } from './lifecycle.js';
import { siteChosen } from './messaging.js';

if (!globalThis.sourcelight) {
  globalThis.sourcelight = { start, stop, reveal };
  siteChosen().then((chosen) => chosen && start(null).catch(() => {}));
}

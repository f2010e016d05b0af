// What one page may cost, and what the reader is told when a page costs more. Shared by the
// content script (bundled in), the background and the engine host, so that they agree.
//
// Why these figures: the engine is linear at some 30 MB/s, so the largest page it is given
// (MAX_CHARS, about 330,000 words, three times the 100,000-word test page) takes well under a
// second; a deadline several times that means the engine is stuck on this text, whatever the
// cause, and waiting longer only holds the tab up.

/** Characters (UTF-16 units) of article text analyzed at once; a longer page gets TOO_LONG. */
export const MAX_CHARS = 2_000_000;

/** How long an analysis of `chars` characters may run before it is abandoned. */
export const deadlineMs = (chars) => 3000 + chars / 400;

export const NOTICES = {
  tooLong: 'This page is too long to analyze at once — select a part.',
  tookTooLong: 'Analyzing this page took too long, so it was stopped — select a part, or try again.',
  engineFailed: 'The analysis engine failed on this page.',
};

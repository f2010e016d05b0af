// Tests in Node of the extension's engine host (extension/engine-host.js): the per-tab queue,
// the pool of workers, the deadline, and the retiring of workers, with stand-in workers whose
// answers the test gives by hand and with Node's mocked timers, so that every check counts
// what happened rather than how long it took. The browser tests run the real workers.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngineHost } from '../extension/engine-host.js';
import { deadlineMs, NOTICES, MAX_CHARS } from '../extension/budget.js';

// Stand-in workers: each records what it was posted and whether it was terminated.
function fakeWorkers() {
  const made = [];
  const spawn = () => {
    const w = { posted: [], terminated: false, postMessage: (data) => w.posted.push(data), terminate: () => (w.terminated = true) };
    made.push(w);
    return w;
  };
  const answer = (w, extra = {}) => w.onmessage({ data: { id: w.posted.at(-1).id, answer: { of: w.posted.at(-1).blocks }, memory: 1, ...extra } });
  return { made, spawn, answer };
}

const job = (text) => ({ blocks: [{ id: 0, text }], grouping: 'person' });
const settled = async (promise) => Promise.race([promise, new Promise((r) => setImmediate(() => r('pending')))]);

test('a long analysis in one tab does not hold up another tab', async () => {
  const { made, spawn, answer } = fakeWorkers();
  const host = createEngineHost({ spawn });
  const long = host.analyze(1, job('long'), 1_000_000);
  const short = host.analyze(2, job('short'), 5_000);
  assert.equal(made.length, 2, 'the second tab gets a worker of its own');
  answer(made[1]);
  assert.deepEqual(await short, { answer: { of: job('short').blocks } });
  assert.equal(await settled(long), 'pending', 'the long one is still running');
  answer(made[0]);
  assert.ok((await long).answer);
});

test('a newer request from a tab replaces its waiting one and abandons its running one', async () => {
  const { made, spawn, answer } = fakeWorkers();
  const host = createEngineHost({ spawn, maxWorkers: 1 });
  const first = host.analyze(7, job('first'), 10);
  const second = host.analyze(7, job('second'), 10);
  assert.deepEqual(await first, { superseded: true });
  assert.ok(made[0].terminated, 'the worker on the abandoned analysis is terminated');
  assert.equal(made.length, 2, 'the newer request runs on a fresh worker');
  const blocker = host.analyze(8, job('other tab'), 10); // waits: one worker, busy
  const third = host.analyze(7, job('third'), 10);
  assert.deepEqual(await second, { superseded: true });
  assert.equal(host.stats().waiting, 1, 'only the newest request of tab 7 waits');
  answer(made[2]);
  assert.ok((await blocker).answer);
  answer(made[2]);
  assert.deepEqual((await third).answer.of[0].text, 'third');
});

test('with every worker busy, the shortest waiting page goes first', async () => {
  const { made, spawn, answer } = fakeWorkers();
  const host = createEngineHost({ spawn, maxWorkers: 1 });
  host.analyze(1, job('running'), 100);
  const book = host.analyze(2, job('book'), 900_000);
  const article = host.analyze(3, job('article'), 9_000);
  answer(made[0]);
  assert.equal(made[0].posted.at(-1).blocks[0].text, 'article');
  answer(made[0]);
  assert.ok((await article).answer);
  assert.equal(made[0].posted.at(-1).blocks[0].text, 'book');
  answer(made[0]);
  assert.ok((await book).answer);
});

test('a stuck analysis is abandoned at its deadline, and the next one gets a fresh worker', async (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const { made, spawn, answer } = fakeWorkers();
  const host = createEngineHost({ spawn });
  const stuck = host.analyze(1, job('stuck'), 400_000);
  t.mock.timers.tick(deadlineMs(400_000) - 1);
  assert.equal(await settled(stuck), 'pending', 'not before its deadline');
  t.mock.timers.tick(1);
  assert.deepEqual(await stuck, { notice: NOTICES.tookTooLong });
  assert.ok(made[0].terminated);
  const next = host.analyze(1, job('next'), 100);
  assert.equal(made.length, 2);
  answer(made[1]);
  assert.ok((await next).answer);
  assert.equal(host.stats().abandoned, 1);
});

test('a panic or a worker that cannot load gives a notice and a fresh worker', async () => {
  const { made, spawn } = fakeWorkers();
  const host = createEngineHost({ spawn });
  const panicked = host.analyze(1, job('a'), 10);
  made[0].onmessage({ data: { id: made[0].posted[0].id, error: 'RuntimeError: unreachable' } });
  assert.deepEqual(await panicked, { notice: NOTICES.engineFailed });
  assert.ok(made[0].terminated, 'a worker whose engine panicked is not used again');
  const broken = host.analyze(1, job('b'), 10);
  made[1].onerror({ preventDefault() {} });
  assert.deepEqual(await broken, { notice: NOTICES.engineFailed });
  assert.equal(host.stats().workers, 0);
});

test('memory goes back: a worker grown by a very large page is retired, an idle one later', async (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const { made, spawn, answer } = fakeWorkers();
  const host = createEngineHost({ spawn, retireBytes: 1000, idleMs: 5000 });
  const big = host.analyze(1, job('big'), 10);
  answer(made[0], { memory: 2000 });
  assert.ok((await big).answer);
  assert.ok(made[0].terminated, 'retired after answering');
  const small = host.analyze(1, job('small'), 10);
  answer(made[1], { memory: 500 });
  await small;
  assert.equal(made[1].terminated, false, 'kept warm for the next page');
  t.mock.timers.tick(5000);
  assert.ok(made[1].terminated, 'retired once idle');
  assert.deepEqual(host.stats(), { started: 2, abandoned: 0, retired: 1, idled: 1, answered: 2, workers: 0, running: 0, waiting: 0 });
});

test('a closed tab frees its worker; an answer for another request is ignored', async () => {
  const { made, spawn, answer } = fakeWorkers();
  const host = createEngineHost({ spawn });
  const gone = host.analyze(4, job('closed tab'), 10);
  made[0].onmessage({ data: { id: -1, answer: 'stray' } });
  assert.equal(await settled(gone), 'pending');
  host.cancel(4);
  assert.deepEqual(await gone, { superseded: true });
  assert.ok(made[0].terminated);
  answer(made[0]);
  assert.equal(host.stats().answered, 0, 'a late answer of a terminated worker counts for nothing');
});

test('the budget: a deadline that grows with the text, and room for the longest test page', () => {
  assert.ok(deadlineMs(MAX_CHARS) > deadlineMs(10_000));
  assert.ok(deadlineMs(10_000) >= 3000, 'a normal article gets seconds, hundreds of times what it needs');
  assert.ok(MAX_CHARS > 600_000, 'the 100,000-word page fits');
});

test('warming starts one worker, which the next request uses', async () => {
  const { made, spawn, answer } = fakeWorkers();
  const host = createEngineHost({ spawn });
  host.warm();
  host.warm();
  assert.equal(made.length, 1);
  const first = host.analyze(1, job('a'), 10);
  assert.equal(made.length, 1, 'no second worker');
  answer(made[0]);
  assert.ok((await first).answer);
});

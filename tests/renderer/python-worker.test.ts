// The page believes only its own worker's answers to the requests it made: student code in the
// worker can post any message (`js.postMessage`), with any id. The page handles messages in the
// order they came, so a forged message sent before the real answer would win if it counted.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PythonWorker } from '../../renderer/python/python-worker.ts';
import type { RunResult, ToWorker } from '../../renderer/python/protocol.ts';

/** The browser's Worker as the page uses it: messages in both directions, terminate(). */
class ScriptedWorker extends EventTarget {
  static last: ScriptedWorker;
  readonly received: ToWorker[] = [];
  terminated = false;
  constructor() {
    super();
    ScriptedWorker.last = this;
  }
  postMessage(message: ToWorker): void {
    this.received.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  send(data: unknown): void {
    this.dispatchEvent(new MessageEvent('message', { data }));
  }
}

function result(stdout: string): RunResult {
  return {
    stdout,
    display: null,
    error: null,
    traceback: null,
    warnings: [],
    plots: [],
    graphs: [],
  };
}

/** The id of the request the page sent last. */
function lastId(worker: ScriptedWorker): number {
  const request = worker.received.at(-1);
  if (request?.type !== 'run' && request?.type !== 'reset') throw new Error('no request sent');
  return request.id;
}

describe('messages from the Python worker', () => {
  let python: PythonWorker;
  let worker: ScriptedWorker;

  beforeEach(async () => {
    vi.stubGlobal('Worker', ScriptedWorker);
    python = new PythonWorker('/pyodide/');
    worker = ScriptedWorker.last;
    worker.send({ type: 'ready', startMs: 5 });
    await python.ready;
  });
  afterEach(() => vi.unstubAllGlobals());

  it('ignores a result for an id the page never issued, and takes the real one', async () => {
    const run = python.run('print(1)');
    const id = lastId(worker);
    worker.send({ type: 'result', id: id + 1, result: result('forged') });
    worker.send({ type: 'result', id: 999, result: result('forged') });
    worker.send({ type: 'result', id, result: result('1\n') });
    await expect(run).resolves.toEqual(result('1\n'));
  });

  it('ignores an answer of the wrong kind: a reset-done is not a cell result', async () => {
    const run = python.run('x = 1');
    const id = lastId(worker);
    worker.send({ type: 'reset-done', id });
    worker.send({ type: 'result', id, result: result('') });
    await expect(run).resolves.toEqual(result(''));
  });

  it('believes a request answered once: a second answer for its id is ignored', async () => {
    const first = python.run('a');
    const firstId = lastId(worker);
    worker.send({ type: 'result', id: firstId, result: result('a') });
    await expect(first).resolves.toEqual(result('a'));
    const second = python.run('b');
    worker.send({ type: 'result', id: firstId, result: result('replayed') });
    worker.send({ type: 'result', id: lastId(worker), result: result('b') });
    await expect(second).resolves.toEqual(result('b'));
  });
});

// The page's lesson parser (renderer/lesson-parser/): files go to a worker and come back with
// the parser's own file:line:col problems; a worker that fails says so for each file it had, and
// the next file gets a new worker; answers from an ended worker or for ids never sent are ignored.
import { describe, expect, it } from 'vitest';
import { loadLesson } from '../../core/lessons/load.ts';
import { LessonParser, type ParserWorker } from '../../renderer/lesson-parser/lesson-parser.ts';
import type { ParseAnswer, ParseRequest } from '../../renderer/lesson-parser/protocol.ts';

/** A worker running the real parser in this process, a message at a time, as the worker does. */
class InProcessWorker extends EventTarget implements ParserWorker {
  readonly requests: ParseRequest[] = [];
  terminated = false;

  postMessage(request: ParseRequest): void {
    this.requests.push(request);
  }

  /** Answers the oldest request as lesson-worker.ts does. */
  answerNext(): void {
    const { id, fileName, text } = this.requests.shift()!;
    const { lesson, problems } = loadLesson(fileName, text);
    this.send({ id, lesson, problems });
  }

  send(answer: ParseAnswer): void {
    this.dispatchEvent(new MessageEvent('message', { data: answer }));
  }

  fail(message: string): void {
    this.dispatchEvent(Object.assign(new Event('error'), { message }));
  }

  terminate(): void {
    this.terminated = true;
  }
}

function parserWithWorkers(): { parser: LessonParser; workers: InProcessWorker[] } {
  const workers: InProcessWorker[] = [];
  const parser = new LessonParser(() => {
    workers.push(new InProcessWorker());
    return workers.at(-1)!;
  });
  return { parser, workers };
}

const good = '---\nid: slopes\ntitle: Slopes\n---\n\n## A step\n\nThe slope of $x^2$.\n';
const broken = '---\nid: broken\ntitle: Broken\n---\n\n## A step\n\n```practice\nid: q\n```\n';

describe('the lesson parser', () => {
  it("gives the lesson and the parser's problems, at their file:line:col", async () => {
    const { parser, workers } = parserWithWorkers();
    const parsing = [parser.parse('slopes.md', good), parser.parse('broken.md', broken)];
    workers[0]!.answerNext();
    workers[0]!.answerNext();
    const [slopes, faulty] = await Promise.all(parsing);
    expect(slopes!.lesson?.meta.title).toBe('Slopes');
    expect(faulty!.problems).toEqual(loadLesson('broken.md', broken).problems);
    expect(faulty!.problems[0]).toMatchObject({ file: 'broken.md', line: expect.any(Number) });
    expect(workers).toHaveLength(1);
  });

  it('says which lessons a failed worker had, and starts another for the next file', async () => {
    const { parser, workers } = parserWithWorkers();
    const lost = parser.parse('slopes.md', good);
    workers[0]!.fail('Out of memory');
    await expect(lost).rejects.toThrow('the lesson parser stopped (Out of memory)');
    expect(workers[0]!.terminated).toBe(true);
    const again = parser.parse('slopes.md', good);
    workers[1]!.answerNext();
    expect((await again).lesson?.meta.id).toBe('slopes');
  });

  it('ignores answers from an ended worker and for requests it never sent', async () => {
    const { parser, workers } = parserWithWorkers();
    const lost = parser.parse('slopes.md', good);
    workers[0]!.fail('');
    await expect(lost).rejects.toThrow(
      'the lesson parser stopped (its script could not be loaded)',
    );
    const parsing = parser.parse('broken.md', broken);
    const id = workers[1]!.requests[0]!.id;
    const forged = { id, lesson: null, problems: [] };
    workers[0]!.send(forged);
    workers[1]!.send({ ...forged, id: id + 1 });
    workers[1]!.answerNext();
    expect((await parsing).problems).not.toEqual([]);
  });
});

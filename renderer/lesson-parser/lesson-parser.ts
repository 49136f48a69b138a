// Lesson files parsed off the page's thread, in a worker of their own (lesson-worker.ts), which
// starts with the first file that needs it (built-in lessons come prebuilt). Problems keep the
// parser's own file:line:col; a worker that fails to start or dies says so for each lesson it had.
import type { Lesson, LessonProblem } from '../../core/lessons/types.ts';
import type { ParseAnswer, ParseRequest } from './protocol.ts';

export interface ParsedFile {
  lesson: Lesson | null;
  problems: LessonProblem[];
}

interface Waiting {
  resolve: (parsed: ParsedFile) => void;
  reject: (error: Error) => void;
}

/** The part of a Worker the parser uses. */
export type ParserWorker = Pick<
  Worker,
  'postMessage' | 'terminate' | 'addEventListener' | 'removeEventListener'
>;

function startLessonWorker(): ParserWorker {
  return new Worker(new URL('./lesson-worker.ts', import.meta.url), { type: 'module' });
}

export class LessonParser {
  private worker: ParserWorker | null = null;
  /** The files sent to the current worker and not yet answered, by request id. */
  private readonly waiting = new Map<number, Waiting>();
  private lastId = 0;
  private readonly startWorker: () => ParserWorker;

  constructor(startWorker: () => ParserWorker = startLessonWorker) {
    this.startWorker = startWorker;
  }

  /** Rejects, with a sentence saying why, when the worker cannot start or stops. */
  parse(fileName: string, text: string): Promise<ParsedFile> {
    const worker = this.running();
    const id = ++this.lastId;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      const request: ParseRequest = { id, fileName, text };
      worker.postMessage(request);
    });
  }

  private running(): ParserWorker {
    if (this.worker) return this.worker;
    const worker = this.startWorker();
    // Answers count only from the current worker, and only for a request still waiting.
    worker.addEventListener('message', (event) => {
      if (worker === this.worker) this.settle((event as MessageEvent<ParseAnswer>).data);
    });
    worker.addEventListener('error', (event) => {
      if (worker !== this.worker) return;
      const reason = (event as ErrorEvent).message || 'its script could not be loaded';
      this.stop(`the lesson parser stopped (${reason})`);
    });
    this.worker = worker;
    return worker;
  }

  private settle(answer: ParseAnswer | null): void {
    const waiting = typeof answer?.id === 'number' ? this.waiting.get(answer.id) : undefined;
    if (!answer || !waiting) return;
    this.waiting.delete(answer.id);
    if ('failure' in answer) waiting.reject(new Error(answer.failure));
    else waiting.resolve({ lesson: answer.lesson, problems: answer.problems });
  }

  /** Ends the worker; the files it had are refused with `reason`, the next file starts another. */
  private stop(reason: string): void {
    this.worker?.terminate();
    this.worker = null;
    for (const { reject } of this.waiting.values()) reject(new Error(reason));
    this.waiting.clear();
  }
}

// The lesson parser's worker: core/lessons reads each lesson file the page sends, so that a long
// or hostile lesson (300 KB of maths takes seconds) never holds up the page while it is read.
import { loadLesson } from '../../core/lessons/load.ts';
import type { ParseAnswer, ParseRequest } from './protocol.ts';

function answer(message: ParseAnswer): void {
  postMessage(message);
}

addEventListener('message', (event: MessageEvent<ParseRequest>) => {
  const { id, fileName, text } = event.data;
  try {
    const { lesson, problems } = loadLesson(fileName, text);
    answer({ id, lesson, problems });
  } catch (error) {
    answer({ id, failure: error instanceof Error ? error.message : String(error) });
  }
});

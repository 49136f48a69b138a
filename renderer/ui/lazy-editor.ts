// A Python editor whose code (CodeMirror) loads on first use: until then the code shows as
// plain text, and reading the editor gives that text. The editor replaces the text only after
// the text has been painted, so that loading CodeMirror never holds back a lesson's first frame.
import { afterNextFrame } from '../painted.ts';
import { h } from './dom.ts';
import type { PythonEditor } from './editor.ts';

export interface CodeSource {
  code(): string;
  /** Replaces the code (the cell's "Reset code"). */
  setCode(code: string): void;
}

export function lazyPythonEditor(
  parent: HTMLElement,
  code: string,
  label: string,
  onRun: () => void,
  onChange?: () => void,
): CodeSource {
  let editor: PythonEditor | null = null;
  const staticCode = h('pre', { class: 'cell-code-static', 'aria-label': label }, code);
  parent.append(staticCode);
  void afterNextFrame()
    .then(() => import('./editor.ts'))
    .then(({ pythonEditor }) => {
      parent.replaceChildren();
      editor = pythonEditor(parent, staticCode.textContent ?? code, label, onRun, onChange);
    });
  return {
    code: () => editor?.code() ?? staticCode.textContent ?? code,
    setCode: (text) => {
      if (editor) editor.setCode(text);
      else staticCode.textContent = text;
    },
  };
}

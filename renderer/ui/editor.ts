// CodeMirror 6 editors for Python cells and code answers.
import { basicSetup } from 'codemirror';
import { EditorView, keymap } from '@codemirror/view';
import { Prec } from '@codemirror/state';
import { indentWithTab } from '@codemirror/commands';
import { python } from '@codemirror/lang-python';
import { codeTheme } from './code-theme.ts';

export interface PythonEditor {
  view: EditorView;
  code(): string;
  setCode(code: string): void;
}

export function pythonEditor(
  parent: HTMLElement,
  code: string,
  label: string,
  onRun: () => void,
  onChange?: () => void,
): PythonEditor {
  const runKey = { key: 'Shift-Enter', run: () => (onRun(), true) };
  const view = new EditorView({
    doc: code,
    parent,
    extensions: [
      basicSetup,
      python(),
      codeTheme,
      Prec.highest(keymap.of([runKey])),
      // Tab indents; Escape then Tab leaves the editor (CodeMirror's keyboard-trap escape).
      keymap.of([indentWithTab]),
      // tabindex: axe counts a scrolling box as reachable only through a tabbable child (code
      // scrolls sideways inside its cell on a phone); the editable text is focusable anyway.
      EditorView.contentAttributes.of({ 'aria-label': label, tabindex: '0' }),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) onChange?.();
      }),
    ],
  });
  return {
    view,
    code: () => view.state.doc.toString(),
    setCode: (text) =>
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } }),
  };
}

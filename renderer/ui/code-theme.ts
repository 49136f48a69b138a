// The code editors' colours as CSS variables (defined in styles.css for the light and the dark
// theme), so editors follow the system theme and keep WCAG AA contrast in both. CodeMirror's
// default highlight style and base theme have light-background colours only.
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { EditorView } from '@codemirror/view';
import { tags } from '@lezer/highlight';

const codeHighlightStyle = HighlightStyle.define([
  { tag: tags.meta, color: 'var(--code-meta)' },
  { tag: tags.link, textDecoration: 'underline' },
  { tag: tags.heading, textDecoration: 'underline', fontWeight: 'bold' },
  { tag: tags.emphasis, fontStyle: 'italic' },
  { tag: tags.strong, fontWeight: 'bold' },
  { tag: tags.strikethrough, textDecoration: 'line-through' },
  { tag: tags.keyword, color: 'var(--code-keyword)' },
  {
    tag: [tags.atom, tags.bool, tags.url, tags.contentSeparator, tags.labelName],
    color: 'var(--code-atom)',
  },
  { tag: [tags.literal, tags.inserted], color: 'var(--code-literal)' },
  { tag: [tags.string, tags.deleted], color: 'var(--code-string)' },
  { tag: [tags.regexp, tags.escape, tags.special(tags.string)], color: 'var(--code-escape)' },
  { tag: tags.definition(tags.variableName), color: 'var(--code-definition)' },
  { tag: tags.local(tags.variableName), color: 'var(--code-local)' },
  { tag: [tags.typeName, tags.namespace], color: 'var(--code-type)' },
  { tag: tags.className, color: 'var(--code-class)' },
  { tag: [tags.special(tags.variableName), tags.macroName], color: 'var(--code-special)' },
  { tag: tags.definition(tags.propertyName), color: 'var(--code-property)' },
  { tag: tags.comment, color: 'var(--code-comment)' },
  { tag: tags.invalid, color: 'var(--code-invalid)' },
]);

const editorColours = EditorView.theme({
  // CodeMirror's own focus mark is a 1 px dotted line: the page's focus ring instead.
  '&.cm-focused': { outline: '3px solid var(--accent)', outlineOffset: '2px' },
  '.cm-activeLine, .cm-activeLineGutter': { backgroundColor: 'var(--code-active-line)' },
  '.cm-gutters': {
    backgroundColor: 'var(--code-bg)',
    color: 'var(--muted)',
    borderColor: 'var(--border)',
  },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--fg)' },
  '.cm-selectionBackground, &.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground':
    { background: 'var(--code-selection)' },
  '.cm-tooltip, .cm-panels': { backgroundColor: 'var(--panel)', color: 'var(--fg)' },
});

export const codeTheme = [syntaxHighlighting(codeHighlightStyle), editorColours];

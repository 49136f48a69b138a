// Text from lessons, notebooks and cells goes to the terminal with its control characters
// escaped: a lesson cannot move the cursor, retitle the window or hide lines with ESC sequences.

/** C0 controls except tab and newline, DEL, and the C1 controls (0x80-0x9f, e.g. CSI). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

export function terminalText(text: string): string {
  return text.replace(CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** JSON for the terminal: JSON.stringify escapes C0 controls, this also escapes DEL and C1. */
export function terminalJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(
    /[\u007f-\u009f]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

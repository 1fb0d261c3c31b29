/**
 * Text from a file or the database, made safe to print on an operator's terminal: every
 * control character (C0 but tab, DEL, C1 — ESC starts the sequences that retitle a
 * window, clear the screen or plant hyperlinks) is shown as an escape (`\x1b`, `\n`)
 * instead of being obeyed. Our own newlines are added outside it.
 */
export function terminalSafe(text: string): string {
  return text.replace(CONTROL, (character) => NAMED[character] ?? `\\x${character.charCodeAt(0).toString(16).padStart(2, "0")}`);
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g;
const NAMED: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r" };

/** Text to put inside a LIKE pattern literally: its wildcards (and the escape itself) escaped. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

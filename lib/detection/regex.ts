/** `text` as a literal inside a regex (JavaScript's and RE2's syntax agree on these escapes). */
export function escapeRegex(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}

// Plain-text layout for the console report: word wrapping with a hanging indent, and clipping of runaway values.
// Widths count code points (an emoji never gets split), which is close enough for wrapping prose.

const length = (text: string): number => Array.from(text).length;

/** Splits a word longer than the line into line-sized pieces. */
function pieces(word: string, width: number): string[] {
  const chars = Array.from(word);
  const out: string[] = [];
  for (let start = 0; start < chars.length; start += width) out.push(chars.slice(start, start + width).join(''));
  return out;
}

/** Wraps one paragraph to `width` columns, every line starting with `indent`. */
export function wrap(text: string, width: number, indent: string): string[] {
  const room = Math.max(width - length(indent), 20);
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/ +/).filter(Boolean).flatMap((w) => pieces(w, room))) {
    if (line && length(line) + 1 + length(word) > room) {
      lines.push(indent + line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line || lines.length === 0) lines.push(indent + line);
  return lines;
}

/** Shortens text to at most `max` code points, saying how much was left out (the JSON report has it all). */
export function clip(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return `${chars.slice(0, max).join('')}… (${chars.length - max} more characters)`;
}

// SGR styling for the console report; with color off every style is the identity, so no escape is ever emitted.
export type Style = (text: string) => string;

export interface Palette {
  bold: Style;
  dim: Style;
  green: Style;
  red: Style;
  yellow: Style;
  magenta: Style;
}

const sgr = (open: number, close: number): Style => (text) => `\x1b[${open}m${text}\x1b[${close}m`;
const plain: Style = (text) => text;

export function createPalette(color: boolean): Palette {
  if (!color) return { bold: plain, dim: plain, green: plain, red: plain, yellow: plain, magenta: plain };
  return { bold: sgr(1, 22), dim: sgr(2, 22), green: sgr(32, 39), red: sgr(31, 39), yellow: sgr(33, 39), magenta: sgr(35, 39) };
}

// Escaping for the XML reports (the JUnit files): attribute values on one line, bodies in CDATA.
import { sanitizeBlock, sanitizeLine } from './sanitize.js';

/** A value for a double-quoted attribute: one line, markup characters escaped. */
export function xmlAttribute(value: string): string {
  return sanitizeLine(value)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

/** A CDATA section holding this text; a "]]>" inside it would end the section early, so it is broken up. */
export function cdata(value: string): string {
  return `<![CDATA[${sanitizeBlock(value).replaceAll(']]>', ']] >')}]]>`;
}

/** `<name a="1" b="2">`, or `<name .../>` when there is no body. Attribute values are escaped here. */
export function xmlElement(name: string, attributes: Record<string, string>, body?: string): string {
  const attrs = Object.entries(attributes)
    .map(([key, value]) => ` ${key}="${xmlAttribute(value)}"`)
    .join('');
  return body === undefined ? `<${name}${attrs}/>` : `<${name}${attrs}>${body}</${name}>`;
}

// Why a student was not graded, in one short sentence for the class outputs (gradebook cell, class table,
// summary): the cause first, never a clipped paragraph. The full text stays in the student's own files.
import type { StudentAccess } from './roster.js';

/** Longest cause kept whole; a longer first sentence ends with "…". */
export const CAUSE_MAX_CHARACTERS = 160;

// The AWS error code in "(AccessDenied: User: ... is not authorized ...)".
const AWS_CODE = /\(([A-Z][A-Za-z]+): /;
const DENIED_ASSUME_ROLE = /AccessDenied\b[\s\S]*sts:AssumeRole/;
// "lab-grader cannot grade:", once or (as the CLI may add its own) twice.
const PREFIX = /^(?:(?:lab-grader )?cannot grade:\s*)+/i;

function firstSentence(text: string): string {
  const sentence = /^[\s\S]*?[.!?](?=\s|$)/.exec(text)?.[0] ?? text;
  const chars = Array.from(sentence.trim());
  return chars.length <= CAUSE_MAX_CHARACTERS ? chars.join('') : `${chars.slice(0, CAUSE_MAX_CHARACTERS - 1).join('')}…`;
}

/** Up to the first " (": the sentence without its details. */
const beforeDetails = (text: string): string => text.split(' (')[0] as string;

/**
 * AWS answers AssumeRole with the same AccessDenied ("User ... is not authorized to perform: sts:AssumeRole on
 * resource ...") for a role that does not exist, a trust policy without the caller, and a wrong or missing
 * ExternalId, so the sentence names every one of them rather than guess.
 */
function assumeRoleCause(reason: string, roleArn: string, externalId: string | null): string | null {
  if (DENIED_ASSUME_ROLE.test(reason)) {
    const externalIdPart = externalId === null ? 'or wants an ExternalId (the roster gives none)' : 'or wants another ExternalId';
    return `could not assume ${roleArn}: AccessDenied (the role does not exist, does not trust your account, ${externalIdPart})`;
  }
  if (/did not accept the credentials|sts:AssumeRole/.test(reason)) {
    const code = AWS_CODE.exec(reason)?.[1];
    return `could not assume ${roleArn}${code ? `: ${code}` : ''} (check your own credentials with aws sts get-caller-identity)`;
  }
  return null;
}

export function causeOf(reason: string, access: StudentAccess | null = null): string {
  const text = reason.replace(PREFIX, '').trim();
  if (access?.kind === 'role') {
    const cause = assumeRoleCause(text, access.roleArn, access.externalId);
    if (cause) return cause;
  }
  if (/^the credentials reached account|^could not confirm which account/.test(text)) return firstSentence(beforeDetails(text));
  if (/did not accept the credentials/.test(text)) {
    const code = AWS_CODE.exec(text)?.[1];
    return firstSentence(`${beforeDetails(text)}${code ? `: ${code}` : ''}`);
  }
  if (/^lab-grader could not reach /.test(text)) return firstSentence(beforeDetails(text.replace(/^lab-grader /, '')));
  return firstSentence(text);
}

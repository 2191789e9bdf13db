// The IAM condition operators a resource or trust policy in this lab can use on string and ARN keys.
// An operator not listed here (the negated ones, numeric, date, IP, ...) is unknown: callers treat its
// condition as not holding (fail closed).
import { arnLike } from './arn-like.js';
import { globMatches } from './glob.js';

export type ConditionTest = (actual: string, expected: string) => boolean;

const OPERATORS: Readonly<Record<string, ConditionTest>> = {
  StringEquals: (actual, expected) => actual === expected,
  StringEqualsIgnoreCase: (actual, expected) => actual.toLowerCase() === expected.toLowerCase(),
  StringLike: (actual, expected) => globMatches(expected, actual),
  ArnEquals: (actual, expected) => arnLike(expected, actual),
  ArnLike: (actual, expected) => arnLike(expected, actual),
};

/** The test of `operator`, or undefined when it is not one of the operators above. */
export function conditionTest(operator: string): ConditionTest | undefined {
  return Object.hasOwn(OPERATORS, operator) ? OPERATORS[operator] : undefined;
}

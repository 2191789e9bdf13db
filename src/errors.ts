// Typed errors. src/cli/ maps them to exit codes (design: 2 bad input, 3 could not grade); nothing else exits.

/** The user's input or configuration is wrong: a flag, a file, a spec. Exit 2. */
export class InputError extends Error {
  override readonly name = 'InputError';
}

/** The grader could not grade: no credentials, access denied everywhere, network. Not the learner's fault. Exit 3. */
export class CannotGradeError extends Error {
  override readonly name = 'CannotGradeError';
}

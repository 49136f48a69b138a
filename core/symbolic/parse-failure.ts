/**
 * A rejected input: one sentence for the person and the 1-based column of the problem. Not an
 * Error subclass: it is the parser's way out of deep recursion, thrown for most mistyped input,
 * and an Error would capture a stack trace nobody reads each time.
 */
export class ParseFailure {
  readonly message: string;
  readonly column: number;
  constructor(message: string, column: number) {
    this.message = message;
    this.column = column;
  }
}

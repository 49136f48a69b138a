/** A rejected input: one sentence for the person and the 1-based column of the problem. */
export class ParseFailure extends Error {
  override name = 'ParseFailure';
  readonly column: number;
  constructor(message: string, column: number) {
    super(message);
    this.column = column;
  }
}

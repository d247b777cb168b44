// A query the examiner typed that cannot be read. Carries the column (1-based, in UTF-16
// code units as the input box counts them) so the query bar can point at the mistake.
export class QueryError extends Error {
  override name = 'QueryError';
  constructor(
    readonly reason: string,
    /** 0-based offset into the query text. */
    readonly offset: number,
    /** What went wrong, for the UI to say in the examiner's language (search.err.<code>). */
    readonly code: string = 'other',
    readonly vars: Record<string, string> = {},
  ) {
    super(`query, column ${offset + 1}: ${reason}`);
  }

  get column(): number {
    return this.offset + 1;
  }
}

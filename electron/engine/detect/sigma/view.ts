// What a compiled rule sees of one event: Sigma field values by slot (see mapping.ts), read
// lazily and at most once per event whichever rules ask, in original and lower-case form.

export interface EventView {
  /** Loads the field of this slot for the current event; then raw[slot] / lower[slot] hold it. */
  load(slot: number): void;
  readonly raw: (string | null)[];
  readonly lower: (string | null)[];
  /** The current event's action (for log-source action filters). */
  action(): string | null;
}

/** An error the engine reported (name and message as it serialized them), or a lost connection. */
export class EngineError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

export const DISCONNECTED_MESSAGE = 'disconnected from engine';

/** The message to show for anything a call rejected with. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

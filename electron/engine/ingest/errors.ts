// Moved to electron/engine/errors.ts (every layer of the engine throws them); kept for imports
// written before the move.
export { UnreadableInputError, UnrecognizedFormatError } from '../errors';

// The safe zip reader (see open-zip.ts) and the entry-name rules shared with the writer.
export { MAX_ZIP_RATIO, openZip, printable, ZipError, type SafeZip, type ZipEntry, type ZipOptions } from './open-zip';
export { safeEntryComponent, safeEntryPath, unsafeEntryNameReason } from './entry-name';

// Decoding an entry name's bytes. The zip format says: UTF-8 when general-purpose bit 11 is
// set (or an Info-ZIP Unicode Path extra field 0x7075 is present), otherwise CP437. In
// practice Japanese archives made by Windows Explorer and older Japanese tools write CP932
// (Shift_JIS) without the flag, and macOS writes UTF-8 without it; reading those as CP437
// turns 請求書.doc into mojibake. So an unflagged name is tried as UTF-8, then Shift_JIS,
// and only then CP437 — all three strict, so a wrong guess fails rather than garbles.
import yauzl from 'yauzl';

const UTF8_FLAG = 0x800;

export interface RawName {
  generalPurposeBitFlag: number;
  fileNameRaw: Buffer;
  extraFields: yauzl.ExtraField[];
}

export function decodeEntryName(e: RawName): string {
  const flagged = (e.generalPurposeBitFlag & UTF8_FLAG) !== 0;
  const unicodeExtra = e.extraFields.some((f) => f.id === 0x7075);
  if (flagged || unicodeExtra || isAscii(e.fileNameRaw)) {
    // yauzl applies the flag and the extra field (with its CRC check); strict keeps "\" as is
    // so that a Windows-style traversal name is seen and refused rather than rewritten.
    return yauzl.getFileNameLowLevel(e.generalPurposeBitFlag, e.fileNameRaw, e.extraFields, true).normalize('NFC');
  }
  for (const encoding of ['utf-8', 'shift_jis']) {
    try {
      return new TextDecoder(encoding, { fatal: true }).decode(e.fileNameRaw).normalize('NFC');
    } catch {
      // not this encoding; try the next
    }
  }
  return yauzl.getFileNameLowLevel(e.generalPurposeBitFlag, e.fileNameRaw, e.extraFields, true).normalize('NFC');
}

function isAscii(b: Buffer): boolean {
  for (const byte of b) if (byte > 0x7f) return false;
  return true;
}

// Where everything sits inside an evidence package. The payload (BagIt's data/) is what the
// case is about; the files at the root are how to check it. Readers and writers share these.
export const PAYLOAD_DIR = 'data/';
export const EVIDENCE_DIR = 'data/evidence/';
export const REPORT_PDF = 'data/report/report.pdf';
export const REPORT_XLSX = 'data/report/workbook.xlsx';
export const CUSTODY_LOG = 'data/custody/custody-log.jsonl';
export const CASE_DIR = 'data/case/';
export const MANIFEST_JSON = 'data/manifest.json';
export const PROVENANCE_JSONLD = 'data/provenance.jsonld';

export const BAGIT_TXT = 'bagit.txt';
export const BAG_INFO_TXT = 'bag-info.txt';
export const MANIFEST_SHA256 = 'manifest-sha256.txt';
export const TAGMANIFEST_SHA256 = 'tagmanifest-sha256.txt';
export const README_TXT = 'README.txt';
export const VERIFY_CUSTODY_PY = 'verify-custody.py';
/** Lists every other file in the package; the one file nothing else lists. */
export const SHA256SUMS = 'SHA256SUMS';

// Files dropped on the window, folders included: a dropped folder arrives as one directory
// entry, which is walked (subfolders too) into its files. The entries must be taken from the
// DataTransfer during the drop event itself; reading them may finish later.

/** The parts of the File and Directory Entries API used here (Chromium and Electron have them). */
interface Entry {
  isFile: boolean;
  isDirectory: boolean;
  name: string;
}
interface FileEntry extends Entry {
  file(ok: (file: File) => void, fail: (err: unknown) => void): void;
}
interface DirectoryEntry extends Entry {
  createReader(): { readEntries(ok: (entries: Entry[]) => void, fail: (err: unknown) => void): void };
}

/** More than this many files in one drop is more likely a wrong folder than evidence. */
export const MAX_DROPPED_FILES = 5000;

function fileOf(entry: FileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

async function readAll(dir: DirectoryEntry): Promise<Entry[]> {
  const reader = dir.createReader();
  const all: Entry[] = [];
  // readEntries hands out a folder's entries in batches until it returns an empty one.
  for (;;) {
    const batch = await new Promise<Entry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

async function walk(entry: Entry, out: File[]): Promise<void> {
  if (out.length >= MAX_DROPPED_FILES) return;
  if (entry.isFile) out.push(await fileOf(entry as FileEntry));
  else if (entry.isDirectory) {
    // Name order, so a folder's files are listed (and ingested) the same way every time.
    const children = (await readAll(entry as DirectoryEntry)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const child of children) await walk(child, out);
  }
}

/**
 * Call during the drop event: takes the dropped entries at once and resolves to every file,
 * folders expanded. Without entry support, the plain file list.
 */
export function collectDroppedFiles(data: DataTransfer): Promise<File[]> {
  const items = [...data.items].filter((item) => item.kind === 'file');
  const entries = items.map((item) => (item as DataTransferItem & { webkitGetAsEntry?(): Entry | null }).webkitGetAsEntry?.() ?? null);
  const plain = [...data.files];
  if (entries.length === 0 || entries.some((e) => e === null)) return Promise.resolve(plain);
  return (async () => {
    const out: File[] = [];
    for (const entry of entries) await walk(entry!, out);
    return out;
  })();
}

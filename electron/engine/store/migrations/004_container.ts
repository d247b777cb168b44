// Migration 4: compressed evidence. `container` is 'gzip' when the file as given is
// compressed (hashes are of the compressed bytes; record offsets count decompressed bytes).

export const migration004 = {
  version: 4,
  name: 'container',
  sql: `ALTER TABLE evidence ADD COLUMN container TEXT;`,
};

import { FORMATS } from '../../engine/formats/registry';
import { write } from '../output';

export async function formatsCommand(args: { json: boolean }): Promise<number> {
  const list = FORMATS.map(({ id, name, family, description, timeSemantics }) => ({ id, name, family, description, timeSemantics }));
  if (args.json) {
    await write(`${JSON.stringify(list, null, 2)}\n`);
    return 0;
  }
  const width = Math.max(...list.map((f) => f.id.length));
  for (const f of list) await write(`${f.id.padEnd(width)}  ${f.family.padEnd(9)}  ${f.name}\n`);
  return 0;
}

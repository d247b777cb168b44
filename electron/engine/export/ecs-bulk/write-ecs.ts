// `export --ecs F`: the timeline as an OpenSearch/Elasticsearch _bulk request body (NDJSON: an
// action line, then the ECS document, per event; load with
// `curl -H 'Content-Type: application/x-ndjson' -XPOST HOST/tracelight-CASE/_bulk --data-binary @F`,
// or in slices of a few thousand lines), and beside it F.template.json, the index template to
// PUT first. Streamed row by row (constant memory); both files recorded in the custody log.
import type { CaseSession } from '../../custody/session';
import { writeAtomically } from '../finish';
import { finishScaleExport, type ScaleExportResult } from '../scale-export';
import { TextSink } from '../text-sink';
import { forEachTimelineRow } from '../timeline-rows';
import type { ExportOptions } from '../types';
import { bulkAction, ecsDocument } from './ecs-document';
import { indexTemplate } from './template';

export function ecsTemplatePath(file: string): string {
  return `${file.replace(/\.(nd)?json$/i, '')}.template.json`;
}

export async function writeEcsBulk(session: CaseSession, file: string, opts: ExportOptions): Promise<ScaleExportResult[]> {
  const caseId = session.store.getMeta('caseId') ?? 'case';
  const rows = await writeAtomically(file, async (tmp) => {
    const sink = new TextSink(tmp);
    try {
      const n = await forEachTimelineRow(session.store, opts.filter, (values) =>
        sink.write(`${bulkAction(caseId, values)}\n${JSON.stringify(ecsDocument(values))}\n`),
      );
      await sink.close();
      return n;
    } catch (err) {
      sink.abort();
      throw err;
    }
  });
  const result = await finishScaleExport(session, 'ecs', file, opts, rows);
  const template = ecsTemplatePath(file);
  await writeAtomically(template, async (tmp) => {
    const sink = new TextSink(tmp);
    await sink.write(`${JSON.stringify(indexTemplate(), null, 2)}\n`);
    await sink.close();
  });
  return [result, await finishScaleExport(session, 'ecs-template', template, opts, 0)];
}

// `tracelight ask CASE QUESTION [--lang ja|en] [--json] [--model-endpoint URL] [--model NAME]`
// Exit 0 with rows (possibly none); exit 2 with one line when the question cannot be turned
// into a query (with a form that works), or the SQL is refused. The question and the SQL are
// recorded in the custody log when the case is writable.
import { langOf, parseCommandArgs } from '../args';
import { answerQuestion, recordAsk } from '../../engine/assist/ask';
import { dropSnapshot } from '../../engine/assist/run-bounded';
import { UsageError } from '../errors';
import { write } from '../output';
import { openCase } from './open-case';

export async function askCommand(argv: string[]): Promise<number> {
  const parsed = parseCommandArgs(argv, {
    lang: { type: 'string' },
    json: { type: 'boolean', default: false },
    'model-endpoint': { type: 'string' },
    model: { type: 'string' },
    examiner: { type: 'string' },
  });
  const [casePath, ...words] = parsed.positionals;
  const question = words.join(' ');
  if (!casePath || !question.trim()) throw new UsageError('ask needs CASE and a QUESTION (quote it)');
  // Without --lang the assistant answers in the question's language.
  const lang = parsed.values.lang === undefined ? undefined : langOf(parsed.values.lang);
  const endpoint = parsed.values['model-endpoint'] ?? process.env.TRACELIGHT_MODEL_ENDPOINT;
  const model = endpoint ? { endpoint, model: parsed.values.model ?? process.env.TRACELIGHT_MODEL } : null;

  const session = await openCase(casePath, { examiner: parsed.values.examiner });
  try {
    const result = await answerQuestion(session.store, question, { lang, model });
    recordAsk(session, result);
    if (!session.readOnly) session.checkpoint();
    if (!result.ok) {
      const r = result.refusal;
      throw new UsageError(`${r.problem}${r.suggestion ? ` (${r.suggestion})` : ''}`);
    }
    const a = result.answer;
    if (parsed.values.json) {
      const out = { question: a.question, sql: a.sql, rows: a.rows, event_ids: a.event_ids, engine: a.engine, explanation: a.explanation };
      await write(`${JSON.stringify(out, null, 2)}\n`);
    } else {
      const lines = [`-- ${a.engine}: ${a.explanation}`, a.sql, '', a.columns.join('\t')];
      for (const row of a.rows) lines.push(a.columns.map((c) => (row[c] === null ? '' : String(row[c]).replace(/[\t\n\r]/g, ' '))).join('\t'));
      lines.push('', `${a.rows.length} row(s)${a.truncated ? ' (more matched; capped)' : ''}; events cited: ${a.event_ids.slice(0, 50).join(', ')}${a.event_ids.length > 50 ? ', …' : ''}`);
      // The same query the workspace's "Open in timeline" puts in the query bar (checked), or why not.
      lines.push(a.timeline.query !== null ? `timeline query (${a.timeline.events ?? 0} events): ${a.timeline.query || '(all events)'}` : `no timeline query: ${a.timeline.reason ?? ''}`);
      await write(`${lines.join('\n')}\n`);
    }
    return 0;
  } finally {
    dropSnapshot(session.store);
    session.close();
  }
}

// data/provenance.jsonld: the package's provenance in CASE/UCO 1.x (JSON-LD), the exchange
// format digital-forensics tools use for "who did what, with which tool, to which file".
// One uco-core:Bundle holding: the examiners (uco-identity:Person), each Tracelight version
// that acted (uco-tool:Tool), every file (uco-observable:File with its SHA-256 in a
// ContentDataFacet), a ProvenanceRecord per exhibit, and the investigative actions —
// acquisition, ingest, examination (tags, notes, reviews) and this export — with their
// performers, instruments, objects and results. Identifiers are derived from the case id,
// so the same case always yields the same IRIs.
import { createHash } from 'node:crypto';
import type { PackageEvidenceInfo, PackageFileRole } from '../../../common/package';
import type { CustodyEntry } from '../../custody/chain';

const CONTEXT = {
  kb: 'urn:uuid:',
  'case-investigation': 'https://ontology.caseontology.org/case/investigation/',
  'uco-action': 'https://ontology.unifiedcyberontology.org/uco/action/',
  'uco-core': 'https://ontology.unifiedcyberontology.org/uco/core/',
  'uco-identity': 'https://ontology.unifiedcyberontology.org/uco/identity/',
  'uco-observable': 'https://ontology.unifiedcyberontology.org/uco/observable/',
  'uco-tool': 'https://ontology.unifiedcyberontology.org/uco/tool/',
  'uco-types': 'https://ontology.unifiedcyberontology.org/uco/types/',
  'uco-vocabulary': 'https://ontology.unifiedcyberontology.org/uco/vocabulary/',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
};

type Node = Record<string, unknown> & { '@id': string };
type Ref = { '@id': string };

export interface ProvenanceInput {
  caseId: string;
  caseName: string;
  caseNumber: string;
  organization: string;
  version: string;
  exporter: string;
  createdAt: string;
  evidence: readonly PackageEvidenceInfo[];
  /** Files written into the package besides the originals. */
  products: readonly { path: string; role: PackageFileRole; bytes: number; sha256: string }[];
  custody: readonly CustodyEntry[];
}

export function provenanceJsonLd(input: ProvenanceInput): { '@context': typeof CONTEXT; '@graph': Node[] } {
  const id = (key: string): string => `kb:${uuidFrom(`${input.caseId}:${key}`)}`;
  const ref = (key: string): Ref => ({ '@id': id(key) });
  const nodes = new Map<string, Node>();
  const add = (n: Node): Ref => {
    nodes.set(n['@id'], n);
    return { '@id': n['@id'] };
  };
  const person = (name: string): Ref =>
    add({ '@id': id(`person:${name}`), '@type': 'uco-identity:Person', 'uco-core:name': name });
  const tool = (version: string): Ref =>
    add({
      '@id': id(`tool:${version}`),
      '@type': 'uco-tool:Tool',
      'uco-core:name': 'Tracelight',
      'uco-tool:version': version,
      'uco-tool:toolType': 'forensic log triage workbench',
    });
  const time = (iso: string | null | undefined): unknown =>
    iso && !Number.isNaN(Date.parse(iso)) ? { '@type': 'xsd:dateTime', '@value': new Date(iso).toISOString() } : undefined;

  const evidenceAdded = new Map<number, CustodyEntry>();
  const ingestStarted = new Map<string, CustodyEntry>();
  for (const e of input.custody) {
    const d = JSON.parse(e.details) as Record<string, unknown>;
    if (e.action === 'evidence.added') evidenceAdded.set(Number(d.evidenceId), e);
    if (e.action === 'ingest.started') ingestStarted.set(String(d.ingestId), e);
  }

  const caseDb = input.products.find((p) => p.role === 'case-database');
  const caseDbRef = caseDb ? add(fileNode(id(`file:${caseDb.path}`), caseDb.path.split('/').pop()!, caseDb.bytes, { SHA256: caseDb.sha256 })) : null;
  const actions: Ref[] = [];
  const records: Ref[] = [];

  for (const ev of input.evidence) {
    const file = add(
      fileNode(id(`evidence:${ev.evidenceId}`), ev.originalName, ev.size, { SHA256: ev.sha256, SHA1: ev.sha1, MD5: ev.md5 }, ev.originalPath, ev.mtime),
    );
    if (ev.containedIn) {
      add({
        '@id': id(`contained:${ev.evidenceId}`),
        '@type': 'uco-core:Relationship',
        'uco-core:source': [file],
        'uco-core:target': ref(`evidence:${ev.containedIn.evidenceId}`),
        'uco-core:kindOfRelationship': 'Contained_Within',
        'uco-core:isDirectional': true,
        ...(ev.containedIn.entryName ? { 'uco-core:description': `archive entry ${ev.containedIn.entryName}` } : {}),
      });
    }
    records.push(
      add({
        '@id': id(`provenance:${ev.evidenceId}`),
        '@type': 'case-investigation:ProvenanceRecord',
        ...(ev.exhibit ? { 'case-investigation:exhibitNumber': ev.exhibit } : {}),
        'uco-core:description': ev.packagePath ? `${ev.originalName}, packaged as ${ev.packagePath}` : `${ev.originalName} (original not included in this package)`,
        'uco-core:object': [file],
      }),
    );
    if (ev.providedBy || ev.acquiredAt || ev.acquiredHow || ev.sourceHost) {
      const described = [ev.acquiredHow, ev.sourceHost && `from ${ev.sourceHost}`, ev.acquiredAt && `at ${ev.acquiredAt}`].filter(Boolean).join(' ');
      actions.push(
        add(
          action(id(`acquisition:${ev.evidenceId}`), 'acquisition', {
            performer: ev.providedBy ? person(ev.providedBy) : undefined,
            description: described || undefined,
            startTime: time(ev.acquiredAt),
            results: [file],
          }),
        ),
      );
    }
    const added = evidenceAdded.get(ev.evidenceId);
    if (added) {
      const started = ingestStarted.get(String((JSON.parse(added.details) as Record<string, unknown>).ingestId));
      actions.push(
        add(
          action(id(`ingest:${ev.evidenceId}`), 'ingest', {
            performer: person(added.examiner),
            instrument: tool(added.version),
            description: `hashed, parsed and normalized into the case (custody entry ${added.id})`,
            startTime: time(started?.time ?? added.time),
            endTime: time(added.time),
            objects: [file],
            results: caseDbRef ? [caseDbRef] : [],
          }),
        ),
      );
    }
  }

  // Examination: every tag, note and finding review, as one action per examiner.
  const exam = new Map<string, CustodyEntry[]>();
  for (const e of input.custody) {
    if (!/^(tag|note|finding)\./.test(e.action)) continue;
    exam.set(e.examiner, [...(exam.get(e.examiner) ?? []), e]);
  }
  for (const [examiner, entries] of exam) {
    actions.push(
      add(
        action(id(`examination:${examiner}`), 'examination', {
          performer: person(examiner),
          instrument: tool(entries[entries.length - 1]!.version),
          description: `${entries.length} tag, note and review entries in the custody log`,
          startTime: time(entries[0]!.time),
          endTime: time(entries[entries.length - 1]!.time),
          objects: caseDbRef ? [caseDbRef] : [],
        }),
      ),
    );
  }

  const products = input.products.map((p) =>
    p.role === 'case-database' && caseDbRef ? caseDbRef : add(fileNode(id(`file:${p.path}`), p.path.split('/').pop()!, p.bytes, { SHA256: p.sha256 })),
  );
  actions.push(
    add(
      action(id(`export:${input.createdAt}`), 'export', {
        performer: person(input.exporter),
        instrument: tool(input.version),
        description: 'evidence package: originals, report, workbook, custody log and case database',
        startTime: time(input.createdAt),
        objects: [...input.evidence.filter((e) => !e.containedIn).map((e) => ref(`evidence:${e.evidenceId}`))],
        results: products,
      }),
    ),
  );

  const investigation = add({
    '@id': id('investigation'),
    '@type': 'case-investigation:Investigation',
    'uco-core:name': input.caseName,
    ...(input.caseNumber ? { 'uco-core:description': `case number ${input.caseNumber}` } : {}),
    'case-investigation:investigationForm': 'case',
    'uco-core:object': [...actions, ...records],
  });
  const bundle: Node = {
    '@id': id(`bundle:${input.createdAt}`),
    '@type': 'uco-core:Bundle',
    'uco-core:specVersion': 'UCO 1.3.0, CASE 1.3.0',
    'uco-core:description': `Tracelight ${input.version} evidence package for ${input.caseName}${input.organization ? ` (${input.organization})` : ''}`,
    'uco-core:object': [investigation, ...[...nodes.keys()].filter((k) => k !== investigation['@id']).map((k) => ({ '@id': k }))],
  };
  return { '@context': CONTEXT, '@graph': [bundle, ...nodes.values()] };
}

interface ActionParts {
  performer?: Ref;
  instrument?: Ref;
  description?: string;
  startTime?: unknown;
  endTime?: unknown;
  objects?: Ref[];
  results?: Ref[];
}

function action(nodeId: string, name: string, p: ActionParts): Node {
  const n: Node = { '@id': nodeId, '@type': 'case-investigation:InvestigativeAction', 'uco-core:name': name };
  if (p.description) n['uco-core:description'] = p.description;
  if (p.performer) n['uco-action:performer'] = p.performer;
  if (p.instrument) n['uco-action:instrument'] = p.instrument;
  if (p.startTime) n['uco-action:startTime'] = p.startTime;
  if (p.endTime) n['uco-action:endTime'] = p.endTime;
  if (p.objects?.length) n['uco-action:object'] = p.objects;
  if (p.results?.length) n['uco-action:result'] = p.results;
  return n;
}

function fileNode(
  nodeId: string,
  name: string,
  size: number,
  hashes: Record<'SHA256' | 'SHA1' | 'MD5', string | null | undefined> | { SHA256: string },
  path?: string,
  mtime?: string,
): Node {
  const hashNodes = Object.entries(hashes)
    .filter(([, v]) => typeof v === 'string' && v.length > 0)
    .map(([method, value]) => ({
      '@id': `${nodeId}-${method.toLowerCase()}`,
      '@type': 'uco-types:Hash',
      'uco-types:hashMethod': { '@type': 'uco-vocabulary:HashNameVocab', '@value': method },
      'uco-types:hashValue': { '@type': 'xsd:hexBinary', '@value': value },
    }));
  const fileFacet: Record<string, unknown> = {
    '@id': `${nodeId}-file`,
    '@type': 'uco-observable:FileFacet',
    'uco-observable:fileName': name,
    'uco-observable:sizeInBytes': size,
  };
  if (path) fileFacet['uco-observable:filePath'] = path;
  if (mtime && !Number.isNaN(Date.parse(mtime))) fileFacet['uco-observable:modifiedTime'] = { '@type': 'xsd:dateTime', '@value': new Date(mtime).toISOString() };
  return {
    '@id': nodeId,
    '@type': 'uco-observable:File',
    'uco-core:hasFacet': [
      fileFacet,
      { '@id': `${nodeId}-content`, '@type': 'uco-observable:ContentDataFacet', 'uco-observable:sizeInBytes': size, 'uco-observable:hash': hashNodes },
    ],
  };
}

/** A stable UUID (version 5 layout) from a string, so re-exporting a case keeps its IRIs. */
function uuidFrom(key: string): string {
  const h = createHash('sha256').update(key, 'utf8').digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

// The index template that goes with the bulk file: ECS types for the fields ecs-document.ts
// writes (addresses as ip, times as date, counts as long, names as keyword, long texts as
// match_only_text/text with a keyword beside), and tracelight.extra kept in _source but not
// indexed (its keys differ per format; mapping them dynamically would explode the mapping).
// A composable template (PUT _index_template/tracelight), which Elasticsearch 7.8+ and
// OpenSearch 1.0+ both accept; `text` rather than ECS's match_only_text so OpenSearch takes it.
import { ECS_VERSION } from './ecs-document';

const keyword = { type: 'keyword', ignore_above: 1024 };
const text = { type: 'text', fields: { keyword: { type: 'keyword', ignore_above: 1024 } } };
const long = { type: 'long' };
// A client field holding a name, not an address, must not fail its whole document.
const ip = { type: 'ip', ignore_malformed: true };

function tree(flat: Record<string, unknown>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [dotted, mapping] of Object.entries(flat)) {
    const parts = dotted.split('.');
    let props = root;
    for (let i = 0; i < parts.length - 1; i++) {
      const node = (props[parts[i]!] ??= { properties: {} }) as { properties: Record<string, unknown> };
      props = node.properties;
    }
    props[parts[parts.length - 1]!] = mapping;
  }
  return root;
}

const FIELDS: Record<string, unknown> = {
  '@timestamp': { type: 'date' },
  'ecs.version': keyword,
  'event.kind': keyword,
  'event.category': keyword,
  'event.dataset': keyword,
  'event.action': keyword,
  'event.duration': long,
  'host.name': keyword,
  'user.name': keyword,
  'process.name': keyword,
  'process.executable': keyword,
  'process.command_line': text,
  'process.pid': long,
  'process.entity_id': keyword,
  'process.parent.entity_id': keyword,
  'process.parent.name': keyword,
  'process.parent.command_line': text,
  'process.hash.md5': keyword,
  'process.hash.sha1': keyword,
  'process.hash.sha256': keyword,
  'process.hash.sha512': keyword,
  'source.ip': ip,
  'source.port': long,
  'source.bytes': long,
  'destination.ip': ip,
  'destination.port': long,
  'destination.bytes': long,
  'destination.domain': keyword,
  'url.original': text,
  'http.response.status_code': long,
  'file.path': keyword,
  'file.hash.md5': keyword,
  'file.hash.sha1': keyword,
  'file.hash.sha256': keyword,
  'file.hash.sha512': keyword,
  'registry.path': keyword,
  message: text,
  tags: keyword,
  'log.file.path': keyword,
  'tracelight.event_id': long,
  'tracelight.time_raw': keyword,
  'tracelight.time_zone': keyword,
  'tracelight.time_original': { type: 'date' },
  'tracelight.host_resolved': long,
  'tracelight.category': keyword,
  'tracelight.severity': keyword,
  'tracelight.process_hash': keyword,
  'tracelight.file_hash': keyword,
  'tracelight.duration_ms': { type: 'double' },
  'tracelight.evidence_id': long,
  'tracelight.evidence_name': keyword,
  'tracelight.evidence_sha256': keyword,
  'tracelight.source_format': keyword,
  'tracelight.source_line': long,
  'tracelight.source_offset': long,
  'tracelight.source_length': long,
  'tracelight.extra': { type: 'object', enabled: false },
};

export function indexTemplate(pattern = 'tracelight-*'): Record<string, unknown> {
  return {
    index_patterns: [pattern],
    priority: 200,
    _meta: { description: 'Tracelight timeline in ECS field names', ecs_version: ECS_VERSION },
    template: {
      settings: { number_of_shards: 1, 'index.mapping.total_fields.limit': 2000 },
      mappings: { dynamic: false, _source: { enabled: true }, properties: tree(FIELDS) },
    },
  };
}

// PAN-OS syslog CSV field positions (PAN-OS Administrator's Guide, "Syslog Field
// Descriptions": Traffic Log Fields, Threat Log Fields), 0-based. Each PAN-OS release
// appends fields at the end and never moves earlier ones, so a record is read by position
// for as many fields as it has: a 46-field record from an old release and a 120-field one
// from PAN-OS 10 map the same leading fields. Positions past these lists are kept as
// field_<position>.

/** Fields 0-30, shared by TRAFFIC and THREAT (and URL, a THREAT subtype). */
const COMMON_FIELDS = [
  'future_use_0', 'receive_time', 'serial', 'type', 'subtype', 'future_use_5', 'generated_time',
  'src', 'dst', 'nat_src', 'nat_dst', 'rule', 'src_user', 'dst_user', 'app', 'vsys',
  'from_zone', 'to_zone', 'inbound_if', 'outbound_if', 'log_action', 'future_use_21',
  'session_id', 'repeat_count', 'sport', 'dport', 'nat_sport', 'nat_dport', 'flags', 'proto', 'action',
] as const;

export const TRAFFIC_FIELDS = [
  ...COMMON_FIELDS,
  'bytes', 'bytes_sent', 'bytes_received', 'packets', 'start_time', 'elapsed', 'category',
  'future_use_38', 'seqno', 'action_flags', 'src_location', 'dst_location', 'future_use_43',
  'pkts_sent', 'pkts_received', 'session_end_reason',
  'dg_hier_level_1', 'dg_hier_level_2', 'dg_hier_level_3', 'dg_hier_level_4',
  'vsys_name', 'device_name', 'action_source', 'src_uuid', 'dst_uuid', 'tunnelid_imsi',
  'monitortag_imei', 'parent_session_id', 'parent_start_time', 'tunnel', 'assoc_id',
  'chunks', 'chunks_sent', 'chunks_received', 'rule_uuid', 'http2_connection',
] as const;

export const THREAT_FIELDS = [
  ...COMMON_FIELDS,
  'misc', 'threat_id', 'category', 'severity', 'direction', 'seqno', 'action_flags',
  'src_location', 'dst_location', 'future_use_40', 'content_type', 'pcap_id', 'file_digest',
  'cloud', 'url_idx', 'user_agent', 'file_type', 'xff', 'referer', 'sender', 'subject',
  'recipient', 'report_id', 'dg_hier_level_1', 'dg_hier_level_2', 'dg_hier_level_3',
  'dg_hier_level_4', 'vsys_name', 'device_name', 'future_use_60', 'src_uuid', 'dst_uuid',
  'http_method', 'tunnel_id_imsi', 'monitortag_imei', 'parent_session_id', 'parent_start_time',
  'tunnel', 'thr_category', 'contentver', 'future_use_71', 'assoc_id', 'ppid', 'http_headers',
  'url_category_list', 'rule_uuid', 'http2_connection',
] as const;

/** Log types PAN-OS writes in field 3; only TRAFFIC and THREAT are mapped field by field. */
export const LOG_TYPES = new Set([
  'TRAFFIC', 'THREAT', 'SYSTEM', 'CONFIG', 'HIPMATCH', 'GLOBALPROTECT', 'USERID', 'AUTH',
  'DECRYPTION', 'TUNNEL', 'CORRELATION', 'SCTP', 'IPTAG', 'GTP',
]);

// Column names that say what a column holds, in English and Japanese (as Japanese Excel
// exports and SIEM consoles name them). Names are compared normalized: NFKC (full-width
// "ＩＰ" is "ip"), lower case, without spaces and punctuation, so "Source IP", "source_ip",
// "sourceIp" and "source.ip" are one name.
import type { MappingTarget } from '../../../common/import-mapping';

function normalizeName(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/[\s_\-.@()[\]/:#'"「」（）・]/g, '');
}

const n = (...names: string[]): readonly string[] => names.map(normalizeName);

export const TIME_NAMES = n(
  'time', 'timestamp', '@timestamp', 'datetime', 'date_time', 'eventtime', 'event_time', 'ts', 'created', 'created_at',
  'createdtime', 'logtime', 'log_time', 'time_generated', 'timegenerated', 'timecreated', 'generated', 'utctime',
  'occurred', 'occurredat', 'firstseen', 'first_seen', 'detecttime', 'receivedtime', 'starttime', 'start_time',
  '日時', '時刻', '日付時刻', '発生日時', '記録日時', '検知日時', '検出日時', 'アクセス日時', '受信日時', 'ログ日時',
  'イベント日時', '作成日時', '時間', '日時(jst)', 'タイムスタンプ',
);
export const DATE_NAMES = n('date', 'day', 'logdate', 'eventdate', '日付', '年月日', '発生日');
export const CLOCK_NAMES = n('time', 'clock', 'timeofday', 'logtime', '時刻', '時間', '発生時刻');

/** Names per target; the time names are handled by timestamp-detect.ts. */
export const TARGET_NAMES: Partial<Record<MappingTarget, readonly string[]>> = {
  host: n('host', 'hostname', 'host_name', 'computer', 'computername', 'computer_name', 'device', 'devicename', 'device_name',
    'machine', 'machinename', 'workstation', 'endpoint', 'endpointname', 'agenthostname', 'ホスト', 'ホスト名', 'コンピュータ名',
    'コンピューター名', 'コンピュータ', '端末', '端末名', 'デバイス名', 'マシン名', '機器名'),
  user: n('user', 'username', 'user_name', 'account', 'accountname', 'account_name', 'userid', 'user_id', 'login', 'loginname',
    'logonuser', 'targetusername', 'subjectusername', 'principal', 'ユーザー', 'ユーザ', 'ユーザー名', 'ユーザ名', 'アカウント',
    'アカウント名', '利用者', 'ログインユーザー', 'ユーザーid', 'ユーザid', '社員番号'),
  src_ip: n('src_ip', 'srcip', 'source_ip', 'sourceip', 'sourceaddress', 'source_address', 'srcaddr', 'src_addr', 'client_ip',
    'clientip', 'c-ip', 'localip', 'local_ip', 'localaddress', 'ipaddress', 'ip_address', 'ip', 'src', 'source',
    '送信元ip', '送信元ipアドレス', '送信元アドレス', '送信元', 'クライアントip', 'ipアドレス', 'アクセス元ip', '接続元ip'),
  dst_ip: n('dst_ip', 'dstip', 'dest_ip', 'destip', 'destination_ip', 'destinationip', 'destinationaddress', 'dstaddr',
    'dst_addr', 'server_ip', 'serverip', 's-ip', 'remoteip', 'remote_ip', 'remoteaddress', 'dst', 'destination',
    '宛先ip', '宛先ipアドレス', '宛先アドレス', '宛先', '接続先ip', 'アクセス先ip', 'サーバーip'),
  src_port: n('src_port', 'srcport', 'source_port', 'sourceport', 'sport', 'spt', 'localport', 'local_port', 'clientport',
    '送信元ポート', '接続元ポート'),
  dst_port: n('dst_port', 'dstport', 'dest_port', 'destport', 'destination_port', 'destinationport', 'dport', 'dpt',
    'remoteport', 'remote_port', 'serverport', 'port', '宛先ポート', '接続先ポート', 'ポート'),
  url: n('url', 'uri', 'request_url', 'requesturl', 'fullurl', 'link', 'cs-uri', 'アクセス先url', 'url(アクセス先)', 'リンク'),
  domain: n('domain', 'fqdn', 'dnsname', 'dns_name', 'query', 'dnsquery', 'queryname', 'query_name', 'sitename', 'site',
    'server_name', 'servername', 'remotedomain', 'ドメイン', 'ドメイン名', 'アクセス先ドメイン', 'サイト', '接続先ホスト'),
  process_name: n('process', 'processname', 'process_name', 'image', 'imagename', 'exe', 'program', 'application', 'app',
    'filename_process', 'プロセス', 'プロセス名', 'アプリケーション', 'アプリケーション名', 'プログラム'),
  process_path: n('processpath', 'process_path', 'imagepath', 'image_path', 'executable', 'exepath', 'プロセスパス'),
  process_command_line: n('commandline', 'command_line', 'cmdline', 'cmd', 'command', 'processcommandline', 'コマンドライン',
    'コマンド', '実行コマンド'),
  process_pid: n('pid', 'processid', 'process_id', 'プロセスid'),
  parent_process_name: n('parentprocess', 'parent_process', 'parentprocessname', 'parentimage', 'parent', '親プロセス',
    '親プロセス名'),
  parent_process_command_line: n('parentcommandline', 'parent_command_line', 'parentcmdline', '親コマンドライン'),
  file_path: n('filepath', 'file_path', 'file', 'filename', 'file_name', 'targetfilename', 'path', 'fullpath', 'ファイル',
    'ファイル名', 'ファイルパス', 'パス', '対象ファイル'),
  file_hash: n('hash', 'sha256', 'sha1', 'md5', 'filehash', 'file_hash', 'sha256hash', 'filesha256', 'ハッシュ', 'ハッシュ値'),
  registry_path: n('registry', 'registrykey', 'registry_key', 'regkey', 'targetobject', 'レジストリ', 'レジストリキー'),
  message: n('message', 'msg', 'description', 'details', 'detail', 'summary', 'text', 'log', 'メッセージ', '詳細', '内容',
    '説明', '概要', '本文', 'ログ'),
  action: n('action', 'event', 'eventtype', 'event_type', 'activity', 'operation', 'actiontype', 'eventname', 'method',
    'verdict', 'result', 'アクション', 'イベント', 'イベント種別', '操作', '動作', '処理', '結果', '判定'),
  severity: n('severity', 'level', 'priority', 'risk', 'risklevel', '重要度', '深刻度', 'レベル', '危険度', 'リスク'),
  category: n('category', 'type', 'カテゴリ', 'カテゴリー', '分類', '種別'),
  http_status: n('status', 'statuscode', 'status_code', 'httpstatus', 'http_status', 'sc-status', 'responsecode', 'ステータス',
    'ステータスコード'),
  bytes_in: n('bytes_in', 'bytesin', 'rcvdbyte', 'receivedbytes', 'bytesreceived', 'sc-bytes', '受信バイト', '受信バイト数'),
  bytes_out: n('bytes_out', 'bytesout', 'sentbyte', 'sentbytes', 'bytessent', 'cs-bytes', '送信バイト', '送信バイト数'),
};

/**
 * 1 for an exact name (0.9 for the last segment of a dot path), 0.6 when the column's name contains one of the names (long enough
 * not to match by accident: 4+ letters, or 2+ Japanese characters), else 0.
 */
export function nameMatch(source: string, names: readonly string[]): number {
  const s = normalizeName(source);
  if (s === '') return 0;
  // JSON dot paths: the last segment is the field's own name ("agent.hostname").
  const last = normalizeName(source.split('.').pop() ?? source);
  if (names.includes(s)) return 1;
  // The whole path beats its last segment: "dst.ip" is dst_ip before it is some "ip".
  if (names.includes(last)) return 0.9;
  for (const name of names) {
    // eslint-disable-next-line no-control-regex
    const long = /[^\u0000-\u007f]/.test(name) ? name.length >= 2 : name.length >= 4;
    if (long && s.includes(name)) return 0.6;
  }
  return 0;
}

// The question words the parser knows, Japanese and English, each mapped to a concept. Case
// values (hosts, users, ...) come from the case itself (vocabulary.ts); this is the grammar's
// fixed part: intents, the fields a question can be about, filters, and requests to write.

export type DimField =
  | 'host'
  | 'user'
  | 'process_name'
  | 'parent_process_name'
  | 'process_command_line'
  | 'domain'
  | 'url'
  | 'dst_ip'
  | 'src_ip'
  | 'dst_port'
  | 'category'
  | 'action'
  | 'file_path'
  | 'http_status'
  | 'source_file'
  | 'hash'
  | 'user_agent';

export type Intent = 'count' | 'who' | 'which' | 'list' | 'when' | 'first' | 'last' | 'top' | 'bottom' | 'distinct';

export type Concept =
  | { kind: 'intent'; intent: Intent }
  | { kind: 'group' }
  | { kind: 'dim'; field: DimField; category?: string[] }
  | { kind: 'cat'; category: string[] }
  | { kind: 'action'; pattern: RegExp; label: string }
  | { kind: 'status'; min: number; max: number }
  | { kind: 'not' }
  | { kind: 'parent' }
  | { kind: 'src' }
  | { kind: 'dst' }
  | { kind: 'port' }
  | { kind: 'contains' }
  | { kind: 'event' }
  | { kind: 'detection' };

const TRAFFIC = ['network', 'firewall', 'web', 'dns', 'proxy'];

const RAW: [string[], Concept][] = [
  // intents
  [['how many', 'how much', 'count', 'number of', 'total', 'tally', '何件', '件数', 'いくつ', '何回', '回数', '何個', '何台', '何人', '何種類', '数は', '数を', 'の数', '総数', '合計', '数'], { kind: 'intent', intent: 'count' }],
  [['who', 'whom', 'whose', '誰', 'だれ', 'どなた'], { kind: 'intent', intent: 'who' }],
  [['which', 'what', 'どの', 'どんな', 'どういう', '何の', 'なにの', 'どこ', 'where'], { kind: 'intent', intent: 'which' }],
  [['show', 'list', 'display', 'find', 'give me', 'get', 'search', 'look for', '表示', '見せて', '一覧', '出して', '教えて', '探して', '検索', 'リスト', '挙げて', '調べて'], { kind: 'intent', intent: 'list' }],
  [['when', 'what time', 'at what time', 'いつ', '何時', '日時', '時刻'], { kind: 'intent', intent: 'when' }],
  [['first', 'earliest', 'initial', 'oldest', 'first time', '最初', '初めて', 'はじめて', '初回', '最も早い', '一番早い', '最古', '早い', '早く'], { kind: 'intent', intent: 'first' }],
  [['last', 'latest', 'most recent', 'final', 'newest', '最後', '最新', '最も遅い', '一番遅い', '最終', '遅い', '遅く'], { kind: 'intent', intent: 'last' }],
  [['top', 'most common', 'most frequent', 'most active', 'busiest', 'most often', 'the most', 'most', '上位', 'トップ', '最も多い', '一番多い', '最も多く', '一番多く', 'もっとも多く', '多い', '多く', '多かった', 'もっとも多い', '多い順', '最多', 'ランキング'], { kind: 'intent', intent: 'top' }],
  [['least common', 'least frequent', 'rarest', 'least', 'fewest', '最も少ない', '一番少ない', '最も少なく', '一番少なく', '少ない', '少なく', '少なかった', 'もっとも少ない', '少ない順', '最少'], { kind: 'intent', intent: 'bottom' }],
  [['distinct', 'unique', 'different', '種類', 'ユニーク', '重複なし', '異なる'], { kind: 'intent', intent: 'distinct' }],
  [['per', 'by', 'for each', 'each', 'grouped by', 'broken down by', 'breakdown by', 'ごと', '毎', '別', '単位', '各', 'それぞれの'], { kind: 'group' }],
  // fields
  [['host', 'hosts', 'hostname', 'hostnames', 'machine', 'machines', 'computer', 'computers', 'device', 'devices', 'endpoint', 'endpoints', 'workstation', 'workstations', 'pc', 'pcs', 'ホスト', 'ホスト名', '端末', 'マシン', 'コンピュータ', 'コンピューター', 'デバイス', '機器', 'pc'], { kind: 'dim', field: 'host' }],
  [['user agent', 'user agents', 'useragent', 'useragents', 'user-agent', 'user-agents', 'ua', 'ユーザーエージェント', 'ユーザエージェント'], { kind: 'dim', field: 'user_agent' }],
  [['user', 'users', 'account', 'accounts', 'username', 'usernames', 'ユーザー', 'ユーザ', 'ユーザー名', 'アカウント', '利用者', '人'], { kind: 'dim', field: 'user' }],
  [['process', 'processes', 'program', 'programs', 'executable', 'executables', 'binary', 'binaries', 'image', 'images', 'プロセス', 'プログラム', '実行ファイル', 'プロセス名'], { kind: 'dim', field: 'process_name', category: ['process'] }],
  [['parent process', 'parent processes', 'parent', 'parents', '親プロセス', '親'], { kind: 'dim', field: 'parent_process_name' }],
  [['command line', 'command lines', 'commandline', 'commandlines', 'cmdline', 'command', 'commands', 'コマンドライン', 'コマンド'], { kind: 'dim', field: 'process_command_line' }],
  [['domain', 'domains', 'site', 'sites', 'website', 'websites', 'fqdn', 'ドメイン', 'サイト', 'ドメイン名'], { kind: 'dim', field: 'domain' }],
  [['url', 'urls', 'link', 'links', 'uri', 'uris', 'path', 'paths', 'page', 'pages', 'endpoint path', 'URL', 'リンク', 'パス', 'ページ'], { kind: 'dim', field: 'url' }],
  [['destination', 'destinations', 'destination ip', 'destination ips', 'destination address', 'destination addresses', 'remote ip', 'remote ips', 'remote address', 'remote addresses', 'ip', 'ips', 'ip address', 'ip addresses', 'address', 'addresses', 'server', 'servers', '宛先', '宛先ip', '接続先', '通信先', '接続先ip', '通信先ip', 'ipアドレス', 'アドレス', 'サーバ', 'サーバー', 'ip'], { kind: 'dim', field: 'dst_ip' }],
  [['source ip', 'source ips', 'source address', 'source addresses', 'client', 'clients', 'client ip', 'client ips', 'client address', 'attacker', 'attackers', 'attacker ip', 'attacking ip', '送信元ip', '送信元アドレス', '接続元', '接続元ip', '発信元ip', 'クライアント', 'クライアントip', '攻撃元', '攻撃者', 'アクセス元'], { kind: 'dim', field: 'src_ip' }],
  [['port', 'ports', 'destination port', 'destination ports', 'ポート', '宛先ポート', 'ポート番号'], { kind: 'dim', field: 'dst_port' }],
  [['category', 'categories', 'event type', 'event types', 'kind of event', 'kinds of event', 'カテゴリ', 'カテゴリー', '種別', 'イベント種別'], { kind: 'dim', field: 'category' }],
  [['action', 'actions', 'operation', 'operations', 'method', 'methods', 'アクション', '操作', 'メソッド'], { kind: 'dim', field: 'action' }],
  [['file', 'files', 'file path', 'file paths', 'filename', 'filenames', 'ファイル', 'ファイル名', 'ファイルパス'], { kind: 'dim', field: 'file_path' }],
  [['status', 'status code', 'status codes', 'http status', 'response code', 'response codes', 'returned', 'returning', 'return', 'responded with', 'response', 'responses', 'answered', 'ステータス', 'ステータスコード', '応答コード', '応答', 'を返した', '返した', 'が返った', 'レスポンス'], { kind: 'dim', field: 'http_status' }],
  [['evidence file', 'evidence files', 'source file', 'source files', 'log file', 'log files', 'log source', 'log sources', '証拠ファイル', 'ログファイル', 'ログソース'], { kind: 'dim', field: 'source_file' }],
  [['hash', 'hashes', 'sha256', 'sha-256', 'md5', 'ハッシュ'], { kind: 'dim', field: 'hash' }],
  // categories (filters)
  [['process events', 'process event', 'process starts', 'process start', 'process creation', 'process creations', 'executions', 'execution', 'ran', 'run', 'runs', 'executed', 'execute', 'launched', 'launch', 'started', 'spawned', 'プロセスイベント', 'プロセス起動', '起動', '実行'], { kind: 'cat', category: ['process'] }],
  [['network events', 'network event', 'network', 'network connections', 'ネットワークイベント', 'ネットワーク'], { kind: 'cat', category: ['network'] }],
  [['connections', 'connection', 'connected', 'connect', 'connects', 'traffic', 'communication', 'communications', 'communicated', 'talked to', 'talk to', '通信', '接続', 'コネクション', 'トラフィック'], { kind: 'cat', category: TRAFFIC }],
  [['web', 'web requests', 'web request', 'http requests', 'http request', 'requests', 'request', 'proxy', 'web access', 'web traffic', 'ウェブ', 'web', 'httpリクエスト', 'リクエスト', 'プロキシ', 'webアクセス', 'アクセス'], { kind: 'cat', category: ['web', 'proxy'] }],
  [['dns', 'dns queries', 'dns query', 'lookups', 'name resolution', '名前解決', 'dnsクエリ'], { kind: 'cat', category: ['dns'] }],
  [['file events', 'file event', 'file creation', 'file creations', 'files created', 'written files', 'ファイルイベント', 'ファイル作成'], { kind: 'cat', category: ['file'] }],
  [['registry', 'registry events', 'registry changes', 'レジストリ'], { kind: 'cat', category: ['registry'] }],
  [['firewall', 'firewall events', 'firewall logs', 'ファイアウォール', 'fw'], { kind: 'cat', category: ['firewall'] }],
  [['auth', 'authentication', 'logon', 'logons', 'login', 'logins', 'sign-in', 'sign-ins', 'signin', 'signins', '認証', 'ログオン', 'ログイン', 'サインイン'], { kind: 'cat', category: ['auth'] }],
  [['alert', 'alerts', 'アラート', '警告'], { kind: 'cat', category: ['alert'] }],
  // actions and outcomes
  [['blocked', 'denied', 'deny', 'block', 'dropped', 'rejected', 'ブロック', '拒否', '遮断', 'ブロックされた', '拒否された'], { kind: 'action', pattern: /deny|denied|block|drop|reject/i, label: 'blocked' }],
  [['allowed', 'permitted', 'accepted', '許可', '許可された'], { kind: 'action', pattern: /^(allow|accept|pass|permit)/i, label: 'allowed' }],
  [['failed', 'failure', 'failures', 'unsuccessful', '失敗'], { kind: 'action', pattern: /fail/i, label: 'failed' }],
  [['errors', 'error', 'failed requests', 'エラー', '失敗したリクエスト'], { kind: 'status', min: 400, max: 599 }],
  [['server errors', 'server error', 'サーバーエラー'], { kind: 'status', min: 500, max: 599 }],
  [['not found', 'not-found', '見つからない'], { kind: 'status', min: 404, max: 404 }],
  // modifiers
  [['not', 'except', 'excluding', 'other than', 'besides', 'apart from', 'without', '以外', 'を除く', '除いて', '除外', 'ではない', 'じゃない'], { kind: 'not' }],
  [['spawned by', 'launched by', 'started by', 'created by', 'child of', 'children of', 'child processes of', 'child process of', 'parent is', 'whose parent', 'が起動した', 'から起動', 'の子プロセス', '子プロセス', 'が生成した', 'から生成'], { kind: 'parent' }],
  [['from', 'source', 'originating from', 'sent by', 'からの', '送信元', '発信元', 'から'], { kind: 'src' }],
  [['to', 'towards', 'destined for', 'reaching', 'へ', 'への', '宛て', '宛の', '向け', 'に対する', 'に接続', 'に通信'], { kind: 'dst' }],
  [['containing', 'contains', 'contain', 'including', 'includes', 'include', 'mentioning', 'mentions', 'with the text', 'matching', 'を含む', '含む', 'を含んだ', 'が含まれる'], { kind: 'contains' }],
  // Conclusions of detection, not fields of events: answered by the Incident view / summary.
  [['infected', 'compromised', 'malicious', 'patient zero', 'victim', 'victims', 'attack chain', 'infection', '感染', '感染した', '侵害', '侵害された', '不正な', '悪性', '被害', '被害端末', '患者ゼロ', '初期感染'], { kind: 'detection' }],
  [['event', 'events', 'record', 'records', 'log', 'logs', 'entries', 'entry', 'activity', 'activities', 'happened', 'イベント', 'ログ', '記録', 'レコード', '活動', '動き', '件'], { kind: 'event' }],
];

export interface LexEntry {
  surface: string;
  concept: Concept;
  /** ASCII words match on word boundaries only ("to" is not inside "tokyo"). */
  ascii: boolean;
}

export const LEXICON: Map<string, LexEntry[]> = (() => {
  const m = new Map<string, LexEntry[]>();
  for (const [forms, concept] of RAW) {
    for (const f of forms) {
      const key = f.normalize('NFKC').toLowerCase();
      const list = m.get(key) ?? [];
      list.push({ surface: key, concept, ascii: /^[\x20-\x7e]+$/.test(key) });
      m.set(key, list);
    }
  }
  return m;
})();

export const LEXICON_LONGEST = Math.max(...[...LEXICON.keys()].map((k) => k.length));

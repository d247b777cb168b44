// Report wording, Japanese. Same keys as en.ts (typed as Messages).
import { stageJa } from '../../../common/engine-texts/story';
import type { Messages } from './en';

export const ja: Messages = {
  reportTitle: 'インシデント調査報告書',
  workbookTitle: 'インシデント調査ワークブック',
  page: (n, total) => `${n} / ${total} ページ`,
  none: '（なし）',
  notSet: '（未設定）',
  truncated: (n) => ` …［以下 ${n} 文字省略］`,
  moreRows: (n, where) => `ほか ${n} 件は${where}を参照してください。`,
  theWorkbook: 'XLSX ワークブック',

  cover: {
    case: '事案名',
    caseNumber: '事案番号',
    organization: '組織',
    examiners: '調査担当者',
    period: 'イベントの対象期間（UTC）',
    generatedAt: '作成日時（UTC）',
    generatedBy: '作成者',
    version: 'Tracelight バージョン',
    caseId: 'ケース ID',
    custody: '保管記録（Chain of Custody）',
    custodyState: (count, ok) => `${count} 件、ハッシュチェーン${ok ? '検証済み' : '不整合あり'}`,
    custodyHead: '保管記録チェーンの先頭ハッシュ（SHA-256）',
    contentDigest: '報告内容ダイジェスト（SHA-256）',
    digestNote:
      'ファイルは自身のハッシュ値を含むことができません。上記ダイジェストは、本報告書が示す内容（事案情報、証拠、タグ付きイベント、' +
      '検知結果、保管記録）の正規化 JSON の SHA-256 です。この PDF ファイル自体の SHA-256 は保管記録（"export.created" エントリ）に記録され、' +
      '`tracelight export` が表示します。',
  },

  sections: {
    summary: '概要',
    story: 'インシデントの経緯',
    chart: 'タイムライン',
    tagged: 'タグ付き証拠とメモ',
    detections: '検知結果（MITRE ATT&CK）',
    iocs: 'IOC 一致',
    evidence: '証拠',
    custody: '保管記録（Chain of Custody）',
    methodology: '付録：調査方法',
  },

  summary: {
    overview: (events, files, first, last) =>
      `本事案には ${files} 件の証拠ファイルから正規化した ${events.toLocaleString('ja')} 件のイベントがあり、期間は ${first} から ${last}（UTC）です。`,
    noEvents: '本事案にはイベントがありません。',
    rejected: (n) => `${n.toLocaleString('ja')} 件のレコードは解析できませんでした（行番号と理由とともに事案内に保存しています）。`,
    noDetection: '本報告書の作成時に検知は実行されていません。検知結果とインシデントの経緯は含まれません。',
    findings: (n, bySeverity) => `検知結果は ${n} 件です${bySeverity ? `（${bySeverity}）` : ''}。`,
    patientZero: (host, user, time, lure) =>
      `最初の感染端末（ペイシェントゼロ）：${host}${user ? `（ユーザー ${user}）` : ''}、最初の不審な活動は ${time}${lure ? `、誘導文書 ${lure}` : ''}。`,
    noPatientZero: '最初の感染端末は特定されていません。',
    infected: (n, hosts) => `感染端末（${n} 台）：${hosts}。`,
    c2: (list) => `C2 通信先：${list}。`,
    tagged: (n) => `調査担当者が証拠としてタグ付けまたはメモしたイベントは ${n} 件です。`,
    categories: 'カテゴリ別イベント数',
    hosts: 'イベント数の多い端末',
    chainBroken: (reason) => `警告：保管記録のハッシュチェーンが検証できません：${reason}`,
  },

  story: {
    patientZero: '最初の感染端末（ペイシェントゼロ）',
    infectedHosts: '感染端末',
    chainOf: (host) => `${host} での感染の流れ`,
    resolved: (ip, host, evidence) => `${ip}（${evidence ? `${evidence} の記録から ` : ''}${host} と判定）`,
    payloadUrls: 'ペイロード URL',
    c2: 'C2（指令サーバー）通信先',
    lateral: '横展開・拡散',
    spam: '端末からのスパム送信',
    clicked: 'フィッシング／ペイロード URL にアクセスした利用者',
    beacons: 'ビーコン通信の候補',
    nothing: '該当なし。',
  },

  chart: {
    caption: (unit) => `${unit}ごと・カテゴリ別のイベント数（UTC）。`,
    units: { hour: '1 時間', day: '1 日', month: '1 か月' },
    scope:
      '本報告書はタイムラインを 1 行ずつ掲載せず、このグラフとタグ付きイベントで示します。' +
      'タイムライン全体は XLSX ワークブックと CSV／Timesketch 形式のエクスポートにあります。',
    empty: 'グラフにするイベントがありません。',
  },

  tagged: {
    none: 'タグ付けまたはメモされたイベントはありません。',
    labels: 'タグ',
    note: 'メモ',
    by: (examiner, time) => `${examiner}、${time}`,
    revisions: (n) => `（${n} 版。履歴は保管記録にあります）`,
    source: '出典',
  },

  col: {
    time: '日時（UTC）',
    host: '端末',
    user: 'ユーザー',
    severity: '深刻度',
    rule: 'ルール',
    title: '内容',
    attack: 'ATT&CK',
    stage: '段階',
    events: 'イベント数',
    eventIds: 'イベント ID',
    reasons: '検知理由',
    indicator: '指標（IOC）',
    type: '種別',
    srcIp: '送信元 IP',
    eventId: 'イベント ID',
    iocSource: '指標ファイル',
    ip: 'IP',
    port: 'ポート',
    domain: 'ドメイン',
    url: 'URL',
    from: '送信元',
    to: '宛先',
    count: '件数',
    first: '最初',
    last: '最後',
    summary: '内容',
    category: 'カテゴリ',
    id: '#',
    examiner: '担当者',
    workstation: '端末名',
    action: '操作',
    details: '詳細',
    entryHash: 'エントリハッシュ',
    destination: '通信先',
    interval: '間隔（秒）',
    score: 'スコア',
    labels: 'タグ',
    notes: 'メモ',
    exhibit: '証拠番号',
    name: '名前',
    path: '元のパス',
    size: 'サイズ（バイト）',
    format: '形式',
    encoding: '文字コード',
    timezone: 'タイムゾーン',
    rejected: '解析不可',
    status: '状態',
    providedBy: '提供者',
    acquiredAt: '取得日時',
    acquiredHow: '取得方法',
    sourceHost: '取得元端末',
    addedAt: '追加日時（UTC）',
    mtime: '更新日時（UTC）',
    field: '項目',
    value: '値',
    clockSkew: '時刻補正（ミリ秒）',
  },

  detections: {
    none: '検知結果はありません。',
    notRun: '検知は実行されていません。',
  },

  evidence: { none: '証拠はありません。' },

  methodology: {
    tool: (version) => `Tracelight ${version}（オフラインのフォレンジック・トリアージ用ワークベンチ。ネットワークへの送信は一切行っていません）。`,
    times:
      '本報告書の日時はすべて UTC（ISO 8601）です。各イベントは、元の記録に書かれたとおりのタイムスタンプと、その変換方法' +
      '（記録自体のオフセット、UTC、または「(assumed)」と記したファイルのタイムゾーン）を保持しています。',
    evidenceHeading: '証拠ファイル・形式・時刻の扱い',
    fileLine: (name, format, tz, encoding) => `${name}：形式 ${format}、タイムゾーン ${tz}、文字コード ${encoding}`,
    counts: (events, rejected, skipped) => `イベント ${events} 件、解析不可 ${rejected} 件、スキップ ${skipped} 行（ヘッダー・コメント・空行）`,
    clockSkew: (ms) => `時刻補正：${ms} ミリ秒`,
    semantics: '時刻の解釈',
    detectionHeading: '検知',
    detectionRun: (rules, seconds, findings) =>
      `ルール ${rules} 件を読み込み、分析に ${seconds.toFixed(1)} 秒を要し、検知結果は ${findings} 件でした。ルールに加えてビーコン検出と IOC 照合を行いました。`,
    ruleProblems: (n) => `使用できなかったルール（${n} 件）：`,
    reportScope:
      '報告書の範囲：タイムラインは時間帯・カテゴリ別のイベント数のグラフと、調査担当者がタグ付けしたイベントで要約しています。' +
      '数百万件の事案でもイベントを 1 行ずつ掲載することはありません。タイムラインの各行は XLSX ワークブックにあります。',
    custody:
      '保管記録：事案に対するすべての操作は SHA-256 ハッシュチェーンのエントリとして記録されます（各エントリは自身の項目と直前のエントリのハッシュを対象にハッシュ化）。' +
      '表紙の先頭ハッシュは、本報告書作成時点の保管記録を特定します。',
  },

  severity: {
    informational: '情報',
    low: '低',
    medium: '中',
    high: '高',
    critical: '重大',
  },

  // The same words as the UI's (one dictionary), so the report and the screen agree.
  stage: { ...stageJa },

  sheets: {
    summary: '概要',
    timeline: 'タイムライン',
    tagged: 'タグ付き証拠',
    detections: '検知結果',
    iocs: 'IOC 一致',
    evidence: '証拠',
    custody: '保管記録',
  },
  workbook: {
    filter: 'タイムラインの絞り込み条件',
    allEvents: 'すべてのイベント',
    timelineRows: 'タイムラインの行数',
    zoneNote: '日時はすべて UTC の日付セル（yyyy-mm-dd hh:mm:ss.000 形式で表示）です。',
  },
};

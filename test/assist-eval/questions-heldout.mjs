// Held-out questions: written after the parser was tuned on questions-emotet.mjs and
// questions-web.mjs, and run once before any change, to estimate how it does on phrasings it
// was not built against. Reported separately; not part of the 173.
const H7 = "'wks-acct-07.acme.local'";
const H3 = "'wks-sales-03.acme.local'";
const H11 = "'wks-hr-11.acme.local'";
const ADM = "'adm-01.acme.local'";
const TRAFFIC = "category IN ('network','firewall','web')";
const DOC2 = "(file_path LIKE '%\\請求書_1005.doc')";
const ATT = "'203.0.113.45'";
const TRV = "'198.51.100.77'";

export const HELDOUT = [
  ['emotet', 'en', 'Which users logged events on wks-sales-03?', `SELECT DISTINCT user FROM events WHERE host = ${H3} AND user <> ''`],
  ['emotet', 'en', 'Count process events per host', `SELECT host, count(*) AS events FROM events WHERE category = 'process' AND host <> '' GROUP BY host`],
  ['emotet', 'en', 'What was the last process started on wks-acct-07?', `SELECT process_name, max(time) AS last_seen FROM events WHERE host = ${H7} AND category = 'process' GROUP BY process_name ORDER BY last_seen DESC LIMIT 1`],
  ['emotet', 'en', 'How many connections did rundll32.exe make?', `SELECT count(*) AS events FROM events WHERE process_name = 'rundll32.exe' AND ${TRAFFIC}`],
  ['emotet', 'en', 'List events from wks-hr-11 between 09:10 and 09:12 JST', `SELECT id FROM events WHERE host = ${H11} AND time >= '2026-10-05T00:10:00.000Z' AND time < '2026-10-05T00:12:00.000Z'`],
  ['emotet', 'en', 'Which domains were contacted after 10:00 JST?', `SELECT DISTINCT domain FROM events WHERE time >= '2026-10-05T01:00:00.000Z' AND domain <> ''`],
  ['emotet', 'en', 'top 2 users', `SELECT user, count(*) AS events FROM events WHERE user <> '' GROUP BY user ORDER BY events DESC, user LIMIT 2`],
  ['emotet', 'en', 'When did sato.yui first appear?', `SELECT id FROM events WHERE user = 'acme\\sato.yui' ORDER BY time, id LIMIT 1`],
  ['emotet', 'en', 'How many hosts connected to 203.0.113.90?', `SELECT count(DISTINCT host) AS distinct_host FROM events WHERE dst_ip = '203.0.113.90' AND host <> ''`],
  ['emotet', 'en', 'show registry events on wks-acct-07', `SELECT id FROM events WHERE host = ${H7} AND category = 'registry'`],
  ['emotet', 'en', 'processes launched by cmd.exe', `SELECT DISTINCT process_name FROM events WHERE parent_process_name = 'cmd.exe'`],
  ['emotet', 'en', 'firewall events from adm-01', `SELECT id FROM events WHERE host = ${ADM} AND category = 'firewall'`],
  ['emotet', 'en', 'number of web requests per domain', `SELECT domain, count(*) AS events FROM events WHERE category = 'web' AND domain <> '' GROUP BY domain`],
  ['emotet', 'en', 'events with 請求書_1005.doc', `SELECT id FROM events WHERE ${DOC2}`],
  ['emotet', 'en', 'How many events between 9:00 and 10:00 JST?', `SELECT count(*) AS events FROM events WHERE time >= '2026-10-05T00:00:00.000Z' AND time < '2026-10-05T01:00:00.000Z'`],
  ['emotet', 'ja', 'wks-hr-11のイベントを表示', `SELECT id FROM events WHERE host = ${H11}`],
  ['emotet', 'ja', 'プロセスごとの件数', `SELECT process_name, count(*) AS events FROM events WHERE process_name <> '' GROUP BY process_name`],
  ['emotet', 'ja', 'suzuki.hanakoの最初のイベント', `SELECT id FROM events WHERE user = 'acme\\suzuki.hanako' ORDER BY time, id LIMIT 1`],
  ['emotet', 'ja', '203.0.113.90に接続したホストは', `SELECT DISTINCT host FROM events WHERE dst_ip = '203.0.113.90' AND host <> ''`],
  ['emotet', 'ja', '10時以降(日本時間)のドメイン', `SELECT DISTINCT domain FROM events WHERE time >= '2026-10-05T01:00:00.000Z' AND domain <> ''`],
  ['emotet', 'ja', 'ユーザーの上位2件', `SELECT user, count(*) AS events FROM events WHERE user <> '' GROUP BY user ORDER BY events DESC, user LIMIT 2`],
  ['emotet', 'ja', 'adm-01のファイアウォールのイベントは何件', `SELECT count(*) AS events FROM events WHERE host = ${ADM} AND category = 'firewall'`],
  ['emotet', 'ja', 'cmd.exeが起動したプロセス', `SELECT DISTINCT process_name FROM events WHERE parent_process_name = 'cmd.exe'`],
  ['emotet', 'ja', '9時から10時(日本時間)のイベント数', `SELECT count(*) AS events FROM events WHERE time >= '2026-10-05T00:00:00.000Z' AND time < '2026-10-05T01:00:00.000Z'`],
  ['emotet', 'ja', '請求書_1005.docのイベント', `SELECT id FROM events WHERE ${DOC2}`],
  ['emotet', 'ja', 'ドメイン別のWebリクエスト数', `SELECT domain, count(*) AS events FROM events WHERE category = 'web' AND domain <> '' GROUP BY domain`],
  ['emotet', 'ja', 'wks-acct-07のレジストリイベント', `SELECT id FROM events WHERE host = ${H7} AND category = 'registry'`],
  ['emotet', 'ja', 'rundll32.exeの通信は何件', `SELECT count(*) AS events FROM events WHERE process_name = 'rundll32.exe' AND ${TRAFFIC}`],
  ['web', 'en', 'how many requests got 403', `SELECT count(*) AS events FROM events WHERE http_status = 403`],
  ['web', 'en', 'which urls did 203.0.113.45 request after 09:50 JST', `SELECT DISTINCT url FROM events WHERE src_ip = ${ATT} AND time >= '2026-10-05T00:50:00.000Z'`],
  ['web', 'en', 'requests per source ip with status 404', `SELECT src_ip, count(*) AS events FROM events WHERE http_status = 404 GROUP BY src_ip`],
  ['web', 'en', 'first POST request', `SELECT id FROM events WHERE json_extract(extra, '$.action_original') = 'POST' ORDER BY time, id LIMIT 1`],
  ['web', 'en', 'how many distinct urls', `SELECT count(DISTINCT url) AS distinct_url FROM events`],
  ['web', 'en', 'show requests from 198.51.100.77 around 10:30 JST', `SELECT id FROM events WHERE src_ip = ${TRV} AND time >= '2026-10-05T01:25:00.000Z' AND time < '2026-10-05T01:35:00.000Z'`],
  ['web', 'en', 'top 2 status codes', `SELECT http_status, count(*) AS events FROM events GROUP BY http_status ORDER BY events DESC, http_status LIMIT 2`],
  ['web', 'en', 'which client requested /.env', `SELECT DISTINCT src_ip FROM events WHERE url = '/.env'`],
  ['web', 'ja', 'ステータス401のリクエストは何件', `SELECT count(*) AS events FROM events WHERE http_status = 401`],
  ['web', 'ja', '198.51.100.77からのリクエストは何件', `SELECT count(*) AS events FROM events WHERE src_ip = ${TRV}`],
  ['web', 'ja', '203.0.113.45の最初のリクエスト', `SELECT id FROM events WHERE src_ip = ${ATT} ORDER BY time, id LIMIT 1`],
  ['web', 'ja', '404を返したリクエストの送信元IPごとの件数', `SELECT src_ip, count(*) AS events FROM events WHERE http_status = 404 GROUP BY src_ip`],
  ['web', 'ja', 'URLは何種類', `SELECT count(DISTINCT url) AS distinct_url FROM events`],
  ['web', 'ja', 'ステータスコードの上位2件', `SELECT http_status, count(*) AS events FROM events GROUP BY http_status ORDER BY events DESC, http_status LIMIT 2`],
  ['web', 'ja', '/.envにアクセスしたIP', `SELECT DISTINCT src_ip FROM events WHERE url = '/.env'`],
  ['web', 'ja', '最後のPOSTリクエスト', `SELECT id FROM events WHERE json_extract(extra, '$.action_original') = 'POST' ORDER BY time DESC, id DESC LIMIT 1`],
];

// Questions about detection's conclusions over the Emotet case (tuned: written while the
// detection reader was built). The expected results are the scenario's documented truth
// (test/fixtures/incidents/README.md, scenario-a), written as literal rows: the infected hosts,
// patient zero, the C2 endpoint, who fetched the phishing document and the payload. Compared
// like the other sets: the assistant's rows projected on the expected columns, as a multiset.
const H7 = "'wks-acct-07.acme.local'";
const H3 = "'wks-sales-03.acme.local'";
const H11 = "'wks-hr-11.acme.local'";
const INFECTED = `SELECT ${H7} AS host UNION ALL SELECT ${H3}`;
const PATIENT_ZERO = `SELECT ${H7} AS host`;
const C2 = "SELECT '198.51.100.23' AS ip, 8080 AS port";
const PHISHING_ACCESS = `SELECT ${H11} AS host UNION ALL SELECT ${H7}`;
const PAYLOAD_URLS = "SELECT 'http://shop-kobe.example/wp-content/x7/' AS url UNION ALL SELECT 'http://blog-nagoya.example/wp-admin/k2/'";

export const DETECTION = [
  ['en', 'which hosts are infected?', INFECTED],
  ['en', 'what is the C2?', C2],
  ['en', 'patient zero?', PATIENT_ZERO],
  ['en', 'how many hosts are infected', 'SELECT 2 AS infected_hosts'],
  ['en', 'which host was infected first', PATIENT_ZERO],
  ['en', 'who clicked the phishing link', PHISHING_ACCESS],
  ['en', 'payload URLs', PAYLOAD_URLS],
  ['en', 'which hosts talked to the C2', INFECTED],
  ['en', 'list the compromised machines', INFECTED],
  ['en', 'command and control servers', C2],
  ['ja', '感染端末は？', INFECTED],
  ['ja', 'C2サーバーは？', C2],
  ['ja', '最初に感染したのは？', PATIENT_ZERO],
  ['ja', 'フィッシングURLにアクセスしたのは誰？', PHISHING_ACCESS],
  ['ja', '初期感染端末は', PATIENT_ZERO],
  ['ja', '感染したホストはどれ', INFECTED],
  ['ja', 'C2と通信した端末は？', INFECTED],
  ['ja', '感染端末は何台', 'SELECT 2 AS infected_hosts'],
  ['ja', 'ペイロードのURL一覧', PAYLOAD_URLS],
  ['ja', 'wks-acct-07は感染している？', `SELECT ${H7} AS host`],
];

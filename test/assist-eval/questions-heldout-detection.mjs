// Held-out detection questions: written after the detection reader was built, before the
// evaluation was run with them, and not used to change it. Reported separately. The expected
// rows are the scenario's documented truth (test/fixtures/incidents/README.md, scenario-a),
// including where a literal reading differs from what detection can say: "which users opened
// the lure" names the three users whose Word opened 請求書.doc (wks-sales-03 opened the mailed
// copy, without fetching it through the proxy).
const H7 = "'wks-acct-07.acme.local'";
const H3 = "'wks-sales-03.acme.local'";
const H11 = "'wks-hr-11.acme.local'";
const INFECTED = `SELECT ${H7} AS host UNION ALL SELECT ${H3}`;
const PATIENT_ZERO = `SELECT ${H7} AS host`;
const C2_IP = "SELECT '198.51.100.23' AS ip";
const PAYLOAD_URLS = "SELECT 'http://shop-kobe.example/wp-content/x7/' AS url UNION ALL SELECT 'http://blog-nagoya.example/wp-admin/k2/'";
const LURE_USERS = "SELECT 'acme\\tanaka.ken' AS user UNION ALL SELECT 'acme\\yamada.taro' UNION ALL SELECT 'acme\\suzuki.hanako'";
const PHISHING_ACCESS = `SELECT ${H11} AS host UNION ALL SELECT ${H7}`;

export const HELDOUT_DETECTION = [
  ['emotet', 'en', 'Which machines got compromised?', INFECTED],
  ['emotet', 'en', 'what C&C address did the malware use', C2_IP],
  ['emotet', 'en', 'who was patient zero', PATIENT_ZERO],
  ['emotet', 'en', 'which users opened the lure', LURE_USERS],
  ['emotet', 'en', 'what were the payload download URLs', PAYLOAD_URLS],
  ['emotet', 'en', 'how many machines were infected', 'SELECT 2 AS infected_hosts'],
  ['emotet', 'en', 'is wks-sales-03 infected', `SELECT ${H3} AS host`],
  ['emotet', 'en', 'show the beaconing destinations', C2_IP],
  ['emotet', 'en', 'which computers contacted the command-and-control server', INFECTED],
  ['emotet', 'en', 'which hosts visited the phishing site', PHISHING_ACCESS],
  ['emotet', 'ja', '侵害されたホストは？', INFECTED],
  ['emotet', 'ja', 'C&Cサーバーのアドレスは', C2_IP],
  ['emotet', 'ja', '感染源の端末は？', PATIENT_ZERO],
  ['emotet', 'ja', 'おとりファイルを開いたのは誰', LURE_USERS],
  ['emotet', 'ja', 'ペイロードのURLを教えて', PAYLOAD_URLS],
  ['emotet', 'ja', '感染した端末は何台ありますか', 'SELECT 2 AS infected_hosts'],
  ['emotet', 'ja', 'wks-sales-03は感染していますか', `SELECT ${H3} AS host`],
  ['emotet', 'ja', 'フィッシングサイトにアクセスした端末', PHISHING_ACCESS],
  ['emotet', 'ja', '最初に被害を受けた端末はどれ', PATIENT_ZERO],
  ['emotet', 'ja', 'C2と通信したホストはどれ', INFECTED],
];

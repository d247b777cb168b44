// One web request seen as an attacker would have written it: the target percent-decoded (twice,
// since scanners double-encode to slip past filters, and overlong UTF-8 slashes such as %c0%af
// undone), split into path and parameters, then tested for attack techniques. Only the request
// target is tested: a "../" in a Referer, or a User-Agent, is not an attack on this server.
// Each pattern asks for SQL or shell *syntax*, not words, so that a search for "select chair"
// or a product called "union-jack-flag" stays a search and a product.
import type { WebTechnique } from '../../../common/detect';

export interface DecodedTarget {
  /** The path, decoded (no query). */
  path: string;
  /** The query, decoded ('+' read as a space). */
  query: string;
  params: [string, string][];
}

/** Percent-decoding that never throws: an invalid sequence stays as written. */
export function percentDecode(s: string): string {
  if (!s.includes('%')) return s;
  // Overlong UTF-8 encodings of '/' '\' '.' that old IIS and Tomcat accepted (%c0%af...).
  const t = s.replace(/%c0%af|%e0%80%af|%c1%9c|%c0%2f/gi, '/').replace(/%c0%ae|%c0%2e/gi, '.');
  try {
    return decodeURIComponent(t);
  } catch {
    return t.replace(/%([0-9a-f]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  }
}

/** Decoded twice at most (a %252e is %2e after one pass, '.' after two). */
function decodeTwice(s: string): string {
  const once = percentDecode(s);
  return once.includes('%') ? percentDecode(once) : once;
}

/** nginx writes bytes it will not log raw as \xHH. */
function unescapeNginx(s: string): string {
  return s.includes('\\x') ? s.replace(/\\x([0-9a-f]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : s;
}

/** The request target without scheme and authority (a proxy logs absolute URLs). */
export function targetOf(url: string): string {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(url);
  return m ? url.slice(m[0].length) || '/' : url;
}

/** The path as written (still encoded, query dropped): the key a URL's usual sizes are kept under. */
export function pathKey(url: string): string {
  const t = targetOf(url);
  const q = t.search(/[?#]/);
  return q === -1 ? t : t.slice(0, q);
}

export function decodeTarget(url: string): DecodedTarget {
  const t = unescapeNginx(targetOf(url));
  const q = t.indexOf('?');
  const rawPath = q === -1 ? t : t.slice(0, q);
  const rawQuery = q === -1 ? '' : t.slice(q + 1).replace(/#.*$/s, '');
  const params: [string, string][] = [];
  if (rawQuery) {
    for (const pair of rawQuery.split('&')) {
      if (!pair) continue;
      const eq = pair.indexOf('=');
      const name = eq === -1 ? pair : pair.slice(0, eq);
      const value = eq === -1 ? '' : pair.slice(eq + 1);
      params.push([decodeTwice(name.replace(/\+/g, ' ')), decodeTwice(value.replace(/\+/g, ' '))]);
    }
  }
  return { path: decodeTwice(rawPath), query: decodeTwice(rawQuery.replace(/\+/g, ' ')), params };
}

// A raw target with none of these cannot carry any of the techniques below: the cheap test
// that keeps the per-request cost low on a million-line log.
const GATE = /['"<>`;|$(){}\\]|\.\.|%(?:2[2789ce7]|3[bcde]|5c|60|7c|7b|c0|c1|e0|25|0a|0d)|(?:union|select|sleep|benchmark|waitfor|passwd|win\.ini|cmd|exec|whoami|jndi|[+\s%]or[+\s%]|[+\s%]and[+\s%])/i;

const SQLI: RegExp[] = [
  /\bunion(?:\s|\/\*.*?\*\/)+(?:all(?:\s|\/\*.*?\*\/)+|distinct\s+)?select\b/i,
  /\b(?:information_schema|pg_catalog|sysobjects|syscolumns|sqlite_master|mysql\.(?:user|innodb_table_stats))\b/i,
  /\b(?:sleep|pg_sleep|benchmark)\s*\(\s*\d/i,
  /\bwaitfor\s+delay\s+'/i,
  /['")]\s*(?:or|and|\|\||&&)\s+[\w'"(]+\s*(?:=|<>|!=|<|>|\blike\b|\bis\b|\bbetween\b)/i,
  /['")]\s*(?:or|and)\s+(?:not\s+)?\d+\s*(?:=|<|>)/i,
  /\b(?:or|and)\s+(\d+)\s*=\s*\1\b/i,
  /['"]\s*(?:--|#|\/\*|;)/,
  /\b(?:extractvalue|updatexml|load_file|group_concat|concat_ws|make_set|exp|json_arrayagg)\s*\(/i,
  /\bconcat\s*\(\s*0x/i,
  /\bchar\s*\(\s*\d+\s*(?:,\s*\d+\s*)+\)/i,
  /@@(?:version|datadir|hostname)\b/i,
  /\(\s*select\s+(?:\*|\d|@@|null\b|count\s*\(|concat|char\s*\(|sleep\s*\(|[\w.`"]+\s+from\b)/i,
  /\bselect\s+(?:\*|count\s*\(|@@|version\s*\(|database\s*\(|user\s*\(|schema_name|table_name|column_name)/i,
  /;\s*(?:drop|insert|update|delete|exec|execute|declare|shutdown|truncate)\s/i,
  /\border\s+by\s+\d+\s*(?:--|#|\/\*)/i,
  /\binto\s+(?:out|dump)file\b/i,
  /\bxp_cmdshell\b/i,
];

const TRAVERSAL: RegExp[] = [
  /(?:\.{2,}[/\\]+){2,}/,
  /\.\.;[/\\]/,
  /(?:^|[/\\=])\.\.[/\\].{0,80}?(?:etc[/\\](?:passwd|shadow|hosts|group)|win\.ini|boot\.ini|system32|web\.config|wp-config|\.ssh|\.env\b|proc[/\\]self)/i,
  /(?:^|=)\s*(?:file:\/\/)?(?:\/etc\/(?:passwd|shadow)|\/proc\/self\/|[a-z]:\\(?:windows|boot\.ini|inetpub))/i,
];

// A command separator, then a shell command; or a command substitution; or a known RCE payload.
const SHELL_WORDS = String.raw`(?:id|whoami|uname|cat|ls|dir|pwd|wget|curl|nc|ncat|bash|sh|zsh|python[23]?|perl|php|powershell|cmd(?:\.exe)?|ping|nslookup|echo|type|net\s+(?:user|localgroup|view)|ipconfig|ifconfig|hostname|systeminfo|tasklist|ps|chmod|rm|certutil|bitsadmin|tftp)`;
const CMDI: RegExp[] = [
  new RegExp(String.raw`(?:[;|\x60\n]|&&|\|\||\$\()\s*${SHELL_WORDS}(?:\s|$|[;|&\x60)])`, 'i'),
  /\$\{jndi:/i,
  /\(\)\s*\{\s*:;\s*\}\s*;/,
  /\$\{(?:IFS|@)\}/,
];

const XSS: RegExp[] = [
  /<\s*script\b/i,
  /<\s*(?:img|svg|iframe|body|input|details|video)\b[^>]*\bon[a-z]+\s*=/i,
  /<\s*(?:svg|iframe)\b/i,
  /javascript\s*:\s*\w+\s*\(/i,
  /\bdocument\.(?:cookie|domain)\b/i,
  /\bon(?:error|load|mouseover|focus)\s*=\s*['"]?\s*\w+\s*\(/i,
];

/** Script extensions a web server executes. */
export const SCRIPT_PATH = /\.(?:php\d?|phtml|phar|asp|aspx|ashx|asmx|jsp|jspx|cfm|cgi|pl)$/i;
/** Folders that hold what users or the application wrote: a script there was uploaded, not deployed. */
export const WRITABLE_DIR = /\/(?:uploads?|upload_files|files|userfiles|user_files|attachments?|media|images?|img|tmp|temp|cache|wp-content\/uploads|sites\/default\/files|storage|public\/files)\//i;
/** Parameters web shells take their command in. */
const COMMAND_PARAM = /^(?:cmd|command|exec|execute|c|run|shell|sh|q|x|arg|code|payload|e|do)$/i;
const COMMAND_VALUE = new RegExp(String.raw`^\s*(?:${SHELL_WORDS}|net|cd|ver|find|grep|sudo|reg|wmic|schtasks|sc|query|quser|arp|netstat|route|mkdir|copy|move|del|type|more)(?:\s|$)`, 'i');

export interface RequestVerdict {
  techniques: WebTechnique[];
  /** Set when the target is a script under a writable folder. */
  writableScript: boolean;
  /** Commands carried by command-like parameters (decoded). */
  commands: string[];
}

const EMPTY: RequestVerdict = { techniques: [], writableScript: false, commands: [] };

/** What one request target attempts. */
export function classifyRequest(url: string): RequestVerdict {
  const key = pathKey(url);
  const writable = SCRIPT_PATH.test(key) && WRITABLE_DIR.test(key);
  if (!GATE.test(url) && !writable) return EMPTY;
  const d = decodeTarget(url);
  const techniques: WebTechnique[] = [];
  const text = d.query ? `${d.path}?${d.query}` : d.path;
  const values = d.params.map(([, v]) => v);
  const inValues = (res: RegExp[]) => res.some((re) => re.test(d.path) || values.some((v) => re.test(v)) || re.test(d.query));
  if (SQLI.some((re) => re.test(d.query) || values.some((v) => re.test(v)) || re.test(d.path.replace(/^.*\//, '')))) techniques.push('sqli');
  if (TRAVERSAL.some((re) => re.test(text) || values.some((v) => re.test(v)))) techniques.push('traversal');
  if (inValues(CMDI)) techniques.push('cmdi');
  if (inValues(XSS)) techniques.push('xss');
  const commands: string[] = [];
  if (writable) {
    for (const [name, v] of d.params) if (COMMAND_PARAM.test(name) && COMMAND_VALUE.test(v)) commands.push(v);
  }
  return { techniques, writableScript: writable, commands };
}

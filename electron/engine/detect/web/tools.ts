// Attack tools and crawlers by their user agents. Tools announce themselves by default (an
// attacker who changes the agent is still caught by what the requests carry); crawlers are
// named so that their 404s and odd URLs are not read as a scan.
const TOOLS: [RegExp, string][] = [
  [/sqlmap/i, 'sqlmap'],
  [/nikto/i, 'Nikto'],
  [/nuclei/i, 'Nuclei'],
  [/gobuster/i, 'gobuster'],
  [/dirbuster/i, 'DirBuster'],
  [/\bdirb\b/i, 'dirb'],
  [/feroxbuster/i, 'feroxbuster'],
  [/\bffuf\b/i, 'ffuf'],
  [/wfuzz/i, 'Wfuzz'],
  [/wpscan/i, 'WPScan'],
  [/masscan/i, 'masscan'],
  [/zgrab/i, 'zgrab'],
  [/nmap/i, 'Nmap'],
  [/acunetix|acunetix-product/i, 'Acunetix'],
  [/netsparker|invicti/i, 'Netsparker'],
  [/\bw3af\b/i, 'w3af'],
  [/openvas|greenbone/i, 'OpenVAS'],
  [/nessus/i, 'Nessus'],
  [/arachni/i, 'Arachni'],
  [/skipfish/i, 'skipfish'],
  [/whatweb/i, 'WhatWeb'],
  [/recon-ng/i, 'Recon-ng'],
  [/hydra/i, 'Hydra'],
  [/commix/i, 'commix'],
  [/jorgee/i, 'Jorgee'],
  [/\bzmeu\b/i, 'ZmEu'],
  [/havij/i, 'Havij'],
  [/appscan/i, 'AppScan'],
  [/burp\s?(?:suite|collaborator)/i, 'Burp Suite'],
  [/GIS - AppSec Team - Project Vision/, 'Project Vision'],
];

const CRAWLERS = /googlebot|bingbot|adsbot-google|mediapartners-google|applebot|duckduckbot|baiduspider|yandex(?:bot|images)|slurp|facebookexternalhit|linkedinbot|twitterbot|petalbot|semrushbot|ahrefsbot|mj12bot|dotbot|bytespider|gptbot|ccbot/i;

/** The attack tool a user agent names, or null. */
export function toolOf(userAgent: string | null): string | null {
  if (!userAgent) return null;
  for (const [re, name] of TOOLS) if (re.test(userAgent)) return name;
  return null;
}

export function isCrawler(userAgent: string | null): boolean {
  return userAgent !== null && CRAWLERS.test(userAgent);
}

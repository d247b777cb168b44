// The incident from the findings: who ran malicious code (infection.ts), patient zero and the
// lures (lure.ts), payload and phishing URLs and who accessed them (urls.ts), C2 endpoints,
// hosts infected only by talking to them, lateral movement and spam (network.ts), and each
// infected host's chain as steps linked to findings and events. Dismissed findings never get
// here; confirmed ones count even when weak.
import type { ActorResolution, BeaconCandidate, Finding, Incident, InfectedHost, StoryStep } from '../../../common/detect';
import { isIpv4, isIpv6 } from '../../formats/net';
import { isInternalIp } from '../ioc/cidr';
import { publicHit, type RichIocHit } from '../ioc-hits';
import { BEACON } from '../beacon';
import { eventsById, ms, type StoryEvent } from './events';
import { HostNames, hostKey } from './hosts';
import { MALICIOUS_STAGES, executionInfections, type ExecutionEvidence } from './infection';
import { findLure, type Lure } from './lure';
import { STANDARD_PORTS } from '../policy';
import { C2Set, beaconC2, directIpContacts, lateralMovement, spamActivity, type Actor, type StoryData } from './network';
import { networkInfections, type NetworkInfection } from './network-infection';
import { ProcessTree } from './process-tree';
import { loaderPayloads, type LoaderPayload } from './loader-payloads';
import { actorResolution } from './resolved';
import { c2Label, linkTies, networkPatientZero, withResolution, type ContactInfection } from './patient-zero';
import { addTie, chainReason, choosePatientZero, DEFAULT_CHAIN_WINDOW_HOURS, type ChainChoice, type ChainTie } from './chain-link';
import { UrlSet, classifyIocUrl, clicked, cradleUrls, executableDownloads, phishingUrls } from './urls';
import { asParam, say } from '../said';

const EVENTS_PER_FINDING = 200;
const STEP_EVENT_IDS = 50;


export function assembleStory(
  data: StoryData,
  findings: readonly Finding[],
  beacons: readonly BeaconCandidate[],
  hits: readonly RichIocHit[],
  chainWindowHours: number = DEFAULT_CHAIN_WINDOW_HOURS,
): Incident {
  const store = data.store;
  const names = new HostNames();
  const ids: number[] = [];
  for (const f of findings) ids.push(...f.event_ids.slice(0, EVENTS_PER_FINDING));
  const events = eventsById(store, ids);
  const maliciousHosts = new Set(findings.filter((f) => MALICIOUS_STAGES.has(f.stage) && f.host).map((f) => hostKey(f.host!)));
  const tree = new ProcessTree(data, maliciousHosts);

  // 1. Malicious execution.
  const exec = executionInfections(findings, events, tree, chainWindowHours);
  for (const e of exec.values()) names.note(e.firstEvent?.host ?? e.host);
  const execActors: Actor[] = [...exec.values()].map((e) => ({ key: e.key, label: e.host, first: e.firstMalicious }));
  const lures = new Map<string, Lure>();
  for (const e of exec.values()) {
    const l = findLure(data, e.key, e.firstMalicious, e.office);
    if (l) lures.set(e.key, l);
  }

  // 1b. Machines known only from network evidence (no EDR): beacons with corroboration.
  const net = networkInfections(data, beacons, hits, findings, new Set(exec.keys()));
  for (const n of net.values()) names.note(n.label);

  // 2. URLs: what the chains fetched, what lured them, what the feeds name.
  const chainEvents: StoryEvent[] = [];
  const chainTimes = new Map<string, number[]>();
  const chainByKey = new Map<string, StoryEvent[]>();
  for (const e of exec.values()) {
    const times: number[] = [];
    const mine: StoryEvent[] = [];
    chainByKey.set(e.key, mine);
    for (const f of e.findings) {
      for (const id of f.event_ids.slice(0, EVENTS_PER_FINDING)) {
        const ev = events.get(id);
        if (!ev || ms(ev.time) < ms(e.firstMalicious) - 60_000) continue;
        chainEvents.push(ev);
        mine.push(ev);
        times.push(ms(ev.time));
      }
    }
    chainTimes.set(e.key, times);
  }
  const payload = new UrlSet();
  const phishing = new UrlSet();
  cradleUrls(chainEvents.filter((e) => e.category === 'process' || e.process_command_line), payload);
  executableDownloads(data, execActors, chainTimes, payload);
  const loaded = loaderPayloads(data, chainByKey);
  for (const list of loaded.values()) for (const p of list) payload.add(p.event.url!);
  for (const ev of chainEvents) if (ev.url && findings.some((f) => f.stage === 'download' && f.event_ids.includes(ev.id))) payload.add(ev.url);
  const otherUrls = new UrlSet();
  for (const h of hits) {
    if (h.type !== 'url') continue;
    const kind = classifyIocUrl(h.indicator, h.context);
    (kind === 'phishing' ? phishing : kind === 'payload' ? payload : otherUrls).add(h.url ?? h.indicator);
  }
  phishingUrls(
    data,
    execActors.flatMap((a) => {
      const l = lures.get(a.key);
      return l ? [{ actor: a, document: l.document, time: l.time }] : [];
    }),
    phishing,
  );

  // 3. C2 endpoints, from indicators and from the infected hosts' own traffic.
  const c2 = new C2Set();
  const networkHit = (h: RichIocHit) => (h.type === 'ip' || h.type === 'cidr') && h.field !== 'src_ip' && ['network', 'firewall', 'web'].includes(h.category);
  for (const h of hits) {
    if (!networkHit(h)) continue;
    const ip = h.field === 'dst_ip' ? h.dst_ip! : h.field === 'domain' ? h.domain! : h.dst_ip ?? h.indicator;
    c2.add(ip, h.dst_port ?? h.port_hint, null, say('c2.indicator', { indicator: h.indicator, source: h.source + (h.context ? `: ${h.context}` : '') }, `indicator ${h.indicator} (${h.source}${h.context ? `: ${h.context}` : ''})`), [h.event_id]);
  }
  const execByKey = new Map(execActors.map((a) => [a.key, a]));
  beaconC2(beacons, execByKey, c2);
  for (const n of net.values()) {
    for (const b of n.beacons) {
      const domain = isIpv4(b.destination) || isIpv6(b.destination) ? null : b.destination;
      c2.add(b.dst_ip ?? b.destination, b.dst_port, domain, say('c2.beacon', { s: Math.round(b.interval_s), host: n.label, score: b.score }, `beacon every ${Math.round(b.interval_s)} s from ${n.label} (score ${b.score})`), b.event_ids.slice(0, 50));
    }
    for (const p of n.payloads) payload.add(p.url!);
  }
  const netActors: Actor[] = [...net.values()].map((n) => ({ key: n.key, label: n.label, first: n.first }));
  directIpContacts(data, [...execActors, ...netActors], c2, new Set(payload.keys()));
  for (const f of findings) {
    if (f.stage !== 'c2' || f.rule === 'beacon' || f.rule === 'ioc' || !f.host) continue;
    const actor = execByKey.get(hostKey(f.host));
    if (!actor) continue;
    for (const id of f.event_ids.slice(0, EVENTS_PER_FINDING)) {
      const ev = events.get(id);
      // Ordinary ports (SMTP is spam, HTTPS is browsing) are not C2 endpoints on a rule's word alone.
      if (!ev?.dst_ip || ms(ev.time) < ms(actor.first) - 60_000 || (ev.dst_port !== null && STANDARD_PORTS.has(ev.dst_port))) continue;
      if ((isIpv4(ev.dst_ip) || isIpv6(ev.dst_ip)) && isInternalIp(ev.dst_ip)) continue;
      c2.add(ev.dst_ip, ev.dst_port, ev.domain, f.title, [ev.id]);
    }
  }

  // 4. Hosts infected only by contacting C2: an indicator address, or a beacon to a C2 endpoint.
  const contact = new Map<string, ContactInfection>();
  const noteContact = (label: string, time: string, reason: string) => {
    const key = hostKey(label);
    if (exec.has(key)) return;
    names.note(label);
    const c = contact.get(key);
    if (!c) contact.set(key, { key, label, first: time, reasons: [reason] });
    else {
      if (time < c.first) c.first = time;
      if (!c.reasons.includes(reason)) c.reasons.push(reason);
    }
  };
  for (const h of hits) {
    const actor = h.host ?? h.src_ip;
    if (actor && networkHit(h)) noteContact(actor, h.time, say('infected.iocContact', { indicator: `${h.indicator}${h.dst_port ? `:${h.dst_port}` : ''}`, source: h.source }, `contacted indicator address ${h.indicator}${h.dst_port ? `:${h.dst_port}` : ''} (${h.source})`));
  }
  for (const b of beacons) {
    const actor = b.host ?? b.src_ip;
    if (!actor || b.score < BEACON.reportScore) continue;
    const domain = isIpv4(b.destination) || isIpv6(b.destination) ? null : b.destination;
    if (c2.has(b.dst_ip ?? b.destination, domain)) {
      noteContact(actor, b.first, say('infected.beaconC2', { dest: `${b.destination}${b.dst_port !== null ? `:${b.dst_port}` : ''}`, s: Math.round(b.interval_s), score: b.score }, `beacons to C2 ${b.destination}${b.dst_port !== null ? `:${b.dst_port}` : ''} every ${Math.round(b.interval_s)} s (score ${b.score})`));
    }
  }

  // Machines that reached a C2 endpoint some infected machine beacons to, however rarely (a bot
  // tries the other addresses of its list): infected too.
  const contactTies = new Map<string, ChainTie[]>();
  const beaconed = new Set([...net.values()].flatMap((n) => n.beacons.map((b) => `${(b.dst_ip ?? b.destination).toLowerCase()}|${b.dst_port ?? ''}`)));
  for (const e of c2.endpoints.values()) {
    if (!beaconed.has(`${e.ip}|${e.port ?? ''}`) || !data.contactsTo) continue;
    for (const who of data.contactsTo(e.ip, e.port)) {
      const label = who.host ?? who.srcIp;
      const key = label ? hostKey(label) : null;
      if (!label || !key || net.has(key) || exec.has(key)) continue;
      if (who.srcIp && isInternalIp(e.ip)) continue;
      noteContact(label, who.first, say('infected.contactedC2', { dest: `${e.ip}${e.port !== null ? `:${e.port}` : ''}` }, `contacted C2 ${e.ip}${e.port !== null ? `:${e.port}` : ''}, which an infected machine beacons to`));
      addTie(contactTies, key, { id: `c2|${e.ip}|${e.port ?? ''}`, label: c2Label(e.ip, e.port), time: who.first });
    }
  }
  for (const n of net.values()) {
    const c = contact.get(n.key);
    if (c) {
      if (n.first < c.first) c.first = n.first;
      for (const r of n.reasons) if (!c.reasons.includes(r)) c.reasons.push(r);
    } else contact.set(n.key, { key: n.key, label: n.label, first: n.first, reasons: [...n.reasons] });
  }

  // 5. Spread and spam from every infected host.
  const allActors: Actor[] = [...execActors, ...[...contact.values()].map((c) => ({ key: c.key, label: c.label, first: c.first }))];
  const firstByKey = new Map(allActors.map((a) => [a.key, a.first]));
  const lateralIds = new Set(findings.filter((f) => f.stage === 'lateral').flatMap((f) => f.event_ids));
  const lateral = lateralMovement(data, allActors, firstByKey, lateralIds, (k) => names.display(k));
  const spamFlagged = new Map<string, number[]>();
  for (const f of findings) if (f.stage === 'spam' && f.host && firstByKey.has(hostKey(f.host))) spamFlagged.set(hostKey(f.host), [...(spamFlagged.get(hostKey(f.host)) ?? []), ...f.event_ids]);
  const spam = spamActivity(data, allActors, spamFlagged, (k) => names.display(k));

  // 6. Patient zero and each infected host's chain.
  const ordered = [...allActors].sort((a, b) => a.first.localeCompare(b.first));
  const clicks = clicked(data, mergeSets(payload, phishing));
  // A bot works through its C2 list: any contact, however rare, with an endpoint of the chain ties an infected actor to it.
  const actorKeys = new Set(allActors.map((a) => a.key));
  for (const e of c2.endpoints.values()) {
    for (const who of data.contactsTo?.(e.ip, e.port) ?? []) {
      const k = hostKey(who.host ?? who.srcIp ?? '');
      if (actorKeys.has(k)) addTie(contactTies, k, { id: `c2|${e.ip}|${e.port ?? ''}`, label: c2Label(e.ip, e.port), time: who.first });
    }
  }
  const chainTies = linkTies(allActors, lures, clicks, payload, beacons, c2, hits, net, contactTies);
  const choice = choosePatientZero(
    allActors.map((a) => ({ key: a.key, first: a.first, ties: chainTies.get(a.key) ?? [] })),
    chainWindowHours,
  );
  const pz = choice ? exec.get(choice.key) : undefined;
  const pzLure = pz ? lures.get(pz.key) : undefined;
  // Actors seen only through their address, named by a host the address map resolved it to.
  const resolutions = new Map<string, ActorResolution>();
  for (const a of ordered) {
    const n = net.get(a.key);
    const e = exec.get(a.key);
    const shown = e
      ? e.findings.flatMap((f) => f.event_ids.slice(0, 5).flatMap((id) => events.get(id) ?? []))
      : n
        ? [...n.payloads, ...eventsById(store, n.beacons.flatMap((b) => b.event_ids.slice(0, 3))).values()]
        : [];
    const r = actorResolution(data, a.key, names.display(a.key), shown);
    if (r) resolutions.set(a.key, r);
  }
  const infected: InfectedHost[] = ordered.map((a) => {
    const story = hostStory(a, names.display(a.key), exec.get(a.key), contact.get(a.key), lures.get(a.key), findings, lateral, spam, net.get(a.key), loaded.get(a.key));
    const r = resolutions.get(a.key);
    return r ? { ...story, src_ip: r.ip, resolved: r } : story;
  });

  const c2List = [...c2.endpoints.values()]
    .sort((a, b) => a.ip.localeCompare(b.ip) || (a.port ?? 0) - (b.port ?? 0))
    .map((e) => ({ ip: e.ip, port: e.port, domain: e.domain, reasons: e.reasons, event_ids: e.event_ids.slice(0, STEP_EVENT_IDS) }));

  return {
    patient_zero: pz
      ? withResolution({
          host: names.display(pz.key),
          user: pzLure?.user ?? pz.user,
          time: pz.firstMalicious,
          lure: pzLure?.document ?? null,
          lure_time: pzLure?.time ?? null,
          event_ids: [...(pzLure?.event_ids ?? []), ...(pz.firstEvent ? [pz.firstEvent.id] : [])],
          reason: patientZeroReason(choice!, pz),
        }, resolutions.get(pz.key))
      : choice
        ? withResolution(networkPatientZero(choice, net.get(choice.key), contact.get(choice.key), names), resolutions.get(choice.key))
        : null,
    hosts: ordered.map((a) => names.display(a.key)),
    payload_urls: payload.written(),
    phishing_urls: phishing.written(),
    indicator_urls: otherUrls.written(),
    c2: c2List,
    // In time order (the scan meets them in the order the evidence files were ingested).
    ioc_hits: [...hits].sort((a, b) => a.time.localeCompare(b.time) || a.event_id - b.event_id).map(publicHit),
    infected,
    lateral_movement: lateral,
    spam,
    web: { attackers: [], successes: [], webshells: [] },
    clicked: clicks,
  };
}

/** Why this host is patient zero: the link to the chain that chose it, and what it ran when. */
function patientZeroReason(choice: ChainChoice, pz: ExecutionEvidence): string {
  const what = pz.reasons[0] !== undefined ? asParam(pz.reasons[0]) : { code: 'pz.maliciousExecution' };
  const ran = pz.reasons[0] ?? 'malicious execution';
  return choice.tie
    ? say('pz.firstTied', { link: asParam(chainReason(choice)), what, time: pz.firstMalicious }, `first host ${chainReason(choice)}: ${ran} at ${pz.firstMalicious}`)
    : say('pz.first', { what, time: pz.firstMalicious }, `first host with malicious execution: ${ran} at ${pz.firstMalicious}`);
}

function mergeSets(a: UrlSet, b: UrlSet): UrlSet {
  const out = new UrlSet();
  for (const u of [...a.keys(), ...b.keys()]) out.add(u);
  return out;
}

function hostStory(
  actor: Actor,
  display: string,
  exec: ExecutionEvidence | undefined,
  contact: ContactInfection | undefined,
  lure: Lure | undefined,
  findings: readonly Finding[],
  lateral: readonly { from: string; to: string; time: string; event_ids: number[] }[],
  spam: readonly { host: string; count: number; first: string; event_ids: number[] }[],
  net?: NetworkInfection,
  loaded: readonly LoaderPayload[] = [],
): InfectedHost {
  const since = ms(lure?.time ?? actor.first) - 5 * 60_000;
  const steps: StoryStep[] = [];
  const user = lure?.user ?? exec?.user ?? null;
  if (lure) {
    steps.push({ stage: 'lure', time: lure.time, host: display, user, summary: lure.document ? say('step.opened', { document: lure.document }, `Opened ${lure.document}`) : say('step.office', {}, 'Office application started the chain'), finding_ids: [], event_ids: lure.event_ids });
  }
  for (const p of net?.payloads ?? []) {
    steps.push({ stage: 'download', time: p.time, host: display, user, summary: say(`step.fetched${p.content_type ? 'Type' : ''}${p.bytes_in !== null ? 'Bytes' : ''}`, { url: p.url!, type: p.content_type ?? '', bytes: p.bytes_in ?? '' }, `Fetched ${p.url}${p.content_type ? ` (${p.content_type}` : ''}${p.bytes_in !== null ? `${p.content_type ? ', ' : ' ('}${p.bytes_in} bytes)` : p.content_type ? ')' : ''}`), finding_ids: [], event_ids: [p.id] });
  }
  for (const { event: p, loader } of loaded) {
    const what = `${p.content_type ?? ''}${p.bytes_in !== null ? `${p.content_type ? ', ' : ''}${p.bytes_in} bytes` : ''}`;
    steps.push({ stage: 'download', time: p.time, host: display, user, summary: `Fetched ${p.url}${what ? ` (${what})` : ''}, loaded by ${loader.process_command_line ?? loader.process_name}`, finding_ids: [], event_ids: [p.id, loader.id] });
  }
  for (const f of findings) {
    const who = f.host ?? f.src_ip ?? null;
    if (!who || hostKey(who) !== actor.key || ms(f.time) < since) continue;
    steps.push({
      stage: f.stage,
      time: f.time,
      host: display,
      user: f.user ?? user,
      summary: f.reasons[0] ? say('step.finding', { title: asParam(f.title), reason: asParam(f.reasons[0]) }, `${f.title} — ${f.reasons[0]}`) : f.title,
      finding_ids: [f.id],
      event_ids: f.event_ids.slice(0, STEP_EVENT_IDS),
    });
  }
  for (const l of lateral) {
    if (l.from !== display) continue;
    steps.push({ stage: 'lateral', time: l.time, host: display, user, summary: say('step.lateral', { to: l.to }, `SMB/remote execution to ${l.to}`), finding_ids: [], event_ids: l.event_ids.slice(0, STEP_EVENT_IDS) });
  }
  for (const s of spam) {
    if (s.host !== display) continue;
    steps.push({ stage: 'spam', time: s.first, host: display, user, summary: say('step.spam', { n: s.count }, `${s.count} SMTP connections (spam)`), finding_ids: [], event_ids: s.event_ids.slice(0, STEP_EVENT_IDS) });
  }
  steps.sort((a, b) => a.time.localeCompare(b.time));
  return {
    host: display,
    ...(isIpv4(display) || isIpv6(display) ? { src_ip: display } : net?.srcIp ? { src_ip: net.srcIp } : {}),
    user,
    first_malicious: actor.first,
    reasons: [...(exec?.reasons ?? []), ...(contact?.reasons ?? [])],
    steps,
  };
}



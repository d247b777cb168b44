// An expanded EVTX record (<Event><System>..</System><EventData>..</EventData></Event>)
// -> the System header and data fields, then the shared Windows mapping (event-mapping.ts)
// for the normalized columns.
//
// Time: System/TimeCreated/@SystemTime, a FILETIME, i.e. UTC; when a record has none, the
// record header's written time (also a FILETIME) stands in, and timeRaw says so.
import type { ParsedEvent } from '../types';
import { setField, toInt } from '../fields';
import { mapWindowsEvent, type WindowsEventSystem } from './event-mapping';
import { isoToMs } from './evtx-values';
import { attributeOf, childElement, childElements, textOf, type XmlElement, type XmlNode } from './evtx-xml';

function firstElement(nodes: readonly XmlNode[]): XmlElement | undefined {
  for (const n of nodes) if (typeof n !== 'string' && n.kind === 'element') return n;
  return undefined;
}

/** Adds a field; a repeated name gets a suffix (Name_2, Name_3...), so no value is lost. */
function addData(data: Record<string, string>, key: string, value: string): void {
  let k = key;
  if (Object.hasOwn(data, k)) {
    let i = 2;
    while (Object.hasOwn(data, `${key}_${i}`)) i++;
    k = `${key}_${i}`;
  }
  setField(data, k, value);
}

/** Text of an element including nested elements' text (UserData values can nest). */
function deepText(el: XmlElement): string {
  const ch = el.children;
  if (ch.length === 1 && typeof ch[0] === 'string') return ch[0];
  if (ch.length === 0) return '';
  let s = '';
  for (const c of el.children) {
    if (typeof c === 'string') s += c;
    else if (c.kind === 'cdata') s += c.text;
    else if (c.kind === 'element') s += deepText(c);
  }
  return s;
}

/**
 * EventData/Data values by their Name attribute (unnamed ones as Data1, Data2... in
 * order; a <Binary> element as Binary), or the fields of UserData's single child.
 */
function eventDataOf(event: XmlElement): Record<string, string> {
  const data: Record<string, string> = {};
  const ed = childElement(event, 'EventData');
  if (ed) {
    let unnamed = 0;
    for (const d of childElements(ed)) {
      const name = d.name === 'Data' ? attributeOf(d, 'Name') : d.name;
      addData(data, name ?? `Data${++unnamed}`, deepText(d));
    }
  }
  const ud = childElement(event, 'UserData');
  if (ud) {
    for (const holder of childElements(ud)) {
      for (const f of childElements(holder)) addData(data, f.name, deepText(f));
    }
  }
  return data;
}

export interface EvtxSystem extends WindowsEventSystem {
  /** The EventID's Qualifiers attribute (classic event sources). */
  qualifiers?: string;
}

function systemOf(event: XmlElement): EvtxSystem | null {
  const sys = childElement(event, 'System');
  if (!sys) return null;
  const provider = childElement(sys, 'Provider');
  const eventIdEl = childElement(sys, 'EventID');
  const eventId = eventIdEl ? toInt(textOf(eventIdEl).trim()) : undefined;
  const text = (name: string): string | undefined => {
    const el = childElement(sys, name);
    const t = el ? textOf(el).trim() : '';
    return t === '' ? undefined : t;
  };
  const out: EvtxSystem = {
    provider: attributeOf(provider, 'Name') ?? attributeOf(provider, 'EventSourceName') ?? '',
    eventId: eventId ?? 0,
  };
  const qualifiers = attributeOf(eventIdEl, 'Qualifiers');
  if (qualifiers) out.qualifiers = qualifiers;
  const computer = text('Computer');
  if (computer) out.computer = computer;
  const channel = text('Channel');
  if (channel) out.channel = channel;
  const tc = attributeOf(childElement(sys, 'TimeCreated'), 'SystemTime');
  if (tc) out.timeCreated = tc;
  const rid = text('EventRecordID');
  if (rid !== undefined) out.recordId = toInt(rid) ?? rid;
  const sid = attributeOf(childElement(sys, 'Security'), 'UserID');
  if (sid) out.userSid = sid;
  const pid = toInt(attributeOf(childElement(sys, 'Execution'), 'ProcessID'));
  if (pid !== undefined) out.executionProcessId = pid;
  const level = text('Level');
  if (level !== undefined) out.level = toInt(level) ?? level;
  const task = text('Task');
  if (task !== undefined) out.task = toInt(task) ?? task;
  const keywords = text('Keywords');
  if (keywords) out.keywords = keywords;
  return out;
}

/** The event of an expanded record, or a reason why there is none. */
export function eventOfRecord(nodes: readonly XmlNode[], writtenIso: string): ParsedEvent | string {
  const event = firstElement(nodes);
  if (!event) return 'record holds no XML element';
  const system = systemOf(event);
  if (!system) return `<${event.name}> has no System element`;
  const data = eventDataOf(event);
  const fields = mapWindowsEvent(system, data);
  let timeRaw = system.timeCreated ?? '';
  let ts = isoToMs(timeRaw);
  if (Number.isNaN(ts)) {
    const parsed = timeRaw === '' ? NaN : Date.parse(timeRaw);
    if (Number.isFinite(parsed)) ts = parsed;
    else {
      timeRaw = `${writtenIso} (record written time; no TimeCreated)`;
      ts = isoToMs(writtenIso);
    }
  }
  // mapWindowsEvent's result is this record's own object: completed in place, not copied.
  const ev = fields as ParsedEvent;
  ev.ts = ts;
  ev.timeRaw = timeRaw;
  ev.timeZone = 'UTC';
  if (system.qualifiers !== undefined) fields.extra.event_id_qualifiers = system.qualifiers;
  return ev;
}

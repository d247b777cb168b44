// The Windows Event XML schema (http://schemas.microsoft.com/win/2004/08/events/event), as
// wevtutil, Get-WinEvent's ToXml(), Event Viewer's "Save as XML" and forwarders render it:
// <Event><System>...</System><EventData><Data Name="...">v</Data>...</EventData></Event>,
// or <UserData><SomeElement><Field>v</Field>...</SomeElement></UserData>.
// A small hand-written scanner (no regex backtracking, linear in the input) builds a tree of
// elements; namespace prefixes are dropped, entities decoded, comments and PIs skipped.
import type { WindowsEventSystem } from './event-mapping';

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes the five XML entities and character references; unknown entities stay as written. */
function decodeXmlText(s: string): string {
  if (s.indexOf('&') === -1) return s;
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,4});/g, (whole, ref: string) => {
    if (ref.charCodeAt(0) === 35 /* # */) {
      const code = ref.charCodeAt(1) === 120 ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref] ?? whole;
  });
}

function localName(qname: string): string {
  const colon = qname.indexOf(':');
  return colon === -1 ? qname : qname.slice(colon + 1);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** Bound on nesting (Event XML is 4 levels deep); deeper input is refused, not recursed into. */
const MAX_DEPTH = 64;

/**
 * Parses the top-level elements of an XML fragment. Throws Error with a reason when the
 * text is not well-formed enough to read (unclosed tags, mismatched end tags).
 */
export function parseXmlElements(xml: string): XmlElement[] {
  const roots: XmlElement[] = [];
  const stack: XmlElement[] = [];
  const n = xml.length;
  let i = 0;
  const addText = (t: string): void => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
    else if (t.trim() !== '') throw new Error(`text outside an element: "${t.trim().slice(0, 40)}"`);
  };
  while (i < n) {
    const lt = xml.indexOf('<', i);
    if (lt === -1) {
      addText(decodeXmlText(xml.slice(i)));
      break;
    }
    if (lt > i) addText(decodeXmlText(xml.slice(i, lt)));
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      if (end === -1) throw new Error('unclosed comment');
      i = end + 3;
      continue;
    }
    if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      if (end === -1) throw new Error('unclosed CDATA section');
      addText(xml.slice(lt + 9, end));
      i = end + 3;
      continue;
    }
    if (xml.charCodeAt(lt + 1) === 63 /* ? */ || xml.charCodeAt(lt + 1) === 33 /* ! */) {
      const end = xml.indexOf('>', lt);
      if (end === -1) throw new Error('unclosed declaration');
      i = end + 1;
      continue;
    }
    if (xml.charCodeAt(lt + 1) === 47 /* / */) {
      const end = xml.indexOf('>', lt);
      if (end === -1) throw new Error('unclosed end tag');
      const name = localName(xml.slice(lt + 2, end).trim());
      const top = stack.pop();
      if (!top || top.name !== name) throw new Error(`unexpected </${name}>${top ? ` (open: <${top.name}>)` : ''}`);
      i = end + 1;
      continue;
    }
    // Start tag: name, attributes, then > or />.
    let j = lt + 1;
    while (j < n && !isSpace(xml.charCodeAt(j)) && xml.charCodeAt(j) !== 62 && xml.charCodeAt(j) !== 47) j++;
    const el: XmlElement = { name: localName(xml.slice(lt + 1, j)), attrs: Object.create(null) as Record<string, string>, children: [], text: '' };
    if (el.name === '') throw new Error('empty tag name');
    let selfClosing = false;
    for (;;) {
      while (j < n && isSpace(xml.charCodeAt(j))) j++;
      if (j >= n) throw new Error(`unclosed tag <${el.name}>`);
      const c = xml.charCodeAt(j);
      if (c === 62 /* > */) {
        j++;
        break;
      }
      if (c === 47 /* / */ && xml.charCodeAt(j + 1) === 62) {
        selfClosing = true;
        j += 2;
        break;
      }
      const nameStart = j;
      while (j < n && xml.charCodeAt(j) !== 61 /* = */ && !isSpace(xml.charCodeAt(j)) && xml.charCodeAt(j) !== 62) j++;
      const attr = xml.slice(nameStart, j);
      while (j < n && isSpace(xml.charCodeAt(j))) j++;
      if (xml.charCodeAt(j) !== 61) throw new Error(`attribute ${attr} of <${el.name}> has no value`);
      j++;
      while (j < n && isSpace(xml.charCodeAt(j))) j++;
      const q = xml.charCodeAt(j);
      if (q !== 34 && q !== 39) throw new Error(`attribute ${attr} of <${el.name}> is not quoted`);
      const close = xml.indexOf(q === 34 ? '"' : "'", j + 1);
      if (close === -1) throw new Error(`unclosed attribute ${attr} of <${el.name}>`);
      el.attrs[localName(attr)] = decodeXmlText(xml.slice(j + 1, close));
      j = close + 1;
    }
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(el);
    else roots.push(el);
    if (!selfClosing) {
      if (stack.length >= MAX_DEPTH) throw new Error(`elements nested deeper than ${MAX_DEPTH}`);
      stack.push(el);
    }
    i = j;
  }
  if (stack.length > 0) throw new Error(`unclosed element <${stack[stack.length - 1]!.name}>`);
  return roots;
}

function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return el?.children.find((c) => c.name === name);
}

export interface WindowsEventXml {
  system: WindowsEventSystem;
  data: Record<string, string>;
  /** RenderingInfo/Message, when the event was saved with its rendered text. */
  renderedMessage?: string;
}

/**
 * The System header and the data fields of one <Event> element. Unnamed <Data> elements
 * (classic providers) are numbered param1, param2... as their message templates number them;
 * UserData fields are taken by element name from its one child element.
 */
export function readEventElement(ev: XmlElement): WindowsEventXml | string {
  if (ev.name !== 'Event') return `not an <Event> element: <${ev.name}>`;
  const sys = child(ev, 'System');
  if (!sys) return '<Event> has no <System> element';
  const provider = child(sys, 'Provider');
  const eventIdText = child(sys, 'EventID')?.text.trim() ?? '';
  const eventId = /^\d{1,5}$/.test(eventIdText) ? Number(eventIdText) : NaN;
  if (Number.isNaN(eventId)) return `<EventID> is not a number: "${eventIdText.slice(0, 40)}"`;
  const system: WindowsEventSystem = {
    provider: provider?.attrs.Name ?? provider?.attrs.EventSourceName ?? '',
    eventId,
  };
  const text = (name: string): string | undefined => {
    const t = child(sys, name)?.text.trim();
    return t ? t : undefined;
  };
  const computer = text('Computer');
  if (computer) system.computer = computer;
  const channel = text('Channel');
  if (channel) system.channel = channel;
  const created = child(sys, 'TimeCreated')?.attrs.SystemTime;
  if (created) system.timeCreated = created;
  const record = text('EventRecordID');
  if (record) system.recordId = /^\d{1,15}$/.test(record) ? Number(record) : record;
  const sid = child(sys, 'Security')?.attrs.UserID;
  if (sid) system.userSid = sid;
  const pid = child(sys, 'Execution')?.attrs.ProcessID;
  if (pid && /^\d{1,10}$/.test(pid)) system.executionProcessId = Number(pid);
  const level = text('Level');
  if (level) system.level = level;
  const task = text('Task');
  if (task) system.task = task;
  const keywords = text('Keywords');
  if (keywords) system.keywords = keywords;

  const data: Record<string, string> = Object.create(null) as Record<string, string>;
  const eventData = child(ev, 'EventData');
  if (eventData) {
    let unnamed = 0;
    for (const d of eventData.children) {
      if (d.name === 'Data') {
        const name = d.attrs.Name ?? `param${++unnamed}`;
        data[name] = d.text;
      } else if (d.name === 'Binary') data.Binary = d.text.trim();
    }
  }
  const userData = child(ev, 'UserData')?.children[0];
  if (userData) {
    for (const d of userData.children) data[d.name] = d.children.length > 0 ? flatten(d) : d.text;
  }
  const out: WindowsEventXml = { system, data };
  const message = child(child(ev, 'RenderingInfo'), 'Message')?.text;
  if (message) out.renderedMessage = message;
  return out;
}

/** A nested UserData field as "child=value; child=value". */
function flatten(el: XmlElement): string {
  return el.children.map((c) => `${c.name}=${c.children.length > 0 ? flatten(c) : c.text}`).join('; ');
}

// The fixed parts of the .xlsx package around the worksheets (ECMA-376 Parts 1 and 2): content
// types, relationships, workbook.xml (sheet list and autofilter ranges), styles.xml and the
// document properties. They are small and written once the sheets are done, when the sheet list
// (the timeline may run over several sheets) is known.

/** cellXfs indexes in STYLES_XML, used as the s="" attribute of cells. */
export const STYLE = { plain: 0, header: 1, date: 2, wrap: 3 } as const;
const DATE_FORMAT = 'yyyy-mm-dd hh:mm:ss.000';

import { xmlAttr } from './xml';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export interface SheetEntry {
  name: string;
  /** 1-based; the part is xl/worksheets/sheet{id}.xml */
  id: number;
  /** The autofilter's range, e.g. A1:AR200001. */
  filterRef: string;
}

export interface WorkbookMeta {
  title: string;
  creator: string;
  lastModifiedBy: string;
  created: Date;
}

/** Style 0 plain, 1 bold header, 2 date with milliseconds, 3 wrapped text aligned to the top. */
export const STYLES_XML =
  `${HEAD}<styleSheet xmlns="${MAIN}">` +
  `<numFmts count="1"><numFmt numFmtId="164" formatCode="${DATE_FORMAT}"/></numFmts>` +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
  '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="4">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>' +
  '</cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

export function contentTypesXml(sheets: readonly SheetEntry[]): string {
  const ct = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
  return (
    `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    `<Override PartName="/xl/workbook.xml" ContentType="${ct}.sheet.main+xml"/>` +
    sheets.map((s) => `<Override PartName="/xl/worksheets/sheet${s.id}.xml" ContentType="${ct}.worksheet+xml"/>`).join('') +
    `<Override PartName="/xl/styles.xml" ContentType="${ct}.styles+xml"/>` +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
    '</Types>'
  );
}

export const ROOT_RELS_XML =
  `${HEAD}<Relationships xmlns="${PKG_REL}">` +
  `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>` +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
  `<Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/>` +
  '</Relationships>';

export function workbookRelsXml(sheets: readonly SheetEntry[]): string {
  return (
    `${HEAD}<Relationships xmlns="${PKG_REL}">` +
    sheets.map((s) => `<Relationship Id="rId${s.id}" Type="${REL}/worksheet" Target="worksheets/sheet${s.id}.xml"/>`).join('') +
    `<Relationship Id="rId${sheets.length + 1}" Type="${REL}/styles" Target="styles.xml"/>` +
    '</Relationships>'
  );
}

/** A sheet name inside a defined name's reference: always quoted, quotes doubled. */
const quotedSheet = (name: string): string => `'${name.replace(/'/g, "''")}'`;
const absolute = (ref: string): string => ref.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');

export function workbookXml(sheets: readonly SheetEntry[]): string {
  // _xlnm._FilterDatabase is how Excel itself records each sheet's autofilter range; LibreOffice
  // needs it to show the filter buttons.
  const filters = sheets
    .map((s, i) => `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${xmlAttr(`${quotedSheet(s.name)}!${absolute(s.filterRef)}`)}</definedName>`)
    .join('');
  return (
    `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}">` +
    '<bookViews><workbookView activeTab="0"/></bookViews>' +
    `<sheets>${sheets.map((s) => `<sheet name="${xmlAttr(s.name)}" sheetId="${s.id}" r:id="rId${s.id}"/>`).join('')}</sheets>` +
    (filters ? `<definedNames>${filters}</definedNames>` : '') +
    '</workbook>'
  );
}

export function corePropsXml(meta: WorkbookMeta): string {
  const when = meta.created.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return (
    `${HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${xmlAttr(meta.title)}</dc:title><dc:creator>${xmlAttr(meta.creator)}</dc:creator>` +
    `<cp:lastModifiedBy>${xmlAttr(meta.lastModifiedBy)}</cp:lastModifiedBy>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

export const APP_PROPS_XML =
  `${HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
  '<Application>Tracelight</Application></Properties>';

// The parts, content types and relationships a portfund workbook can contain: what our templates hold (exceljs), what
// their re-saves by exceljs and LibreOffice add, and what Excel adds on its own per the OOXML SpreadsheetML spec
// (calc chain, printer settings, comments, metadata, tables, custom XML). Anything else is refused by name: embeddings,
// ActiveX, VBA, external links, connections, query tables, custom UI, web extensions, drawings, pivot caches…
import { type Reason } from '@portfund/shared-rules';

const N = '\\d*';

/** Paths (lower case, forward slashes) a workbook of ours may hold; directory entries ("xl/") are allowed too. */
const ALLOWED_PARTS: readonly RegExp[] = [
  /^\[content_types\]\.xml$/,
  /^_rels\/\.rels$/,
  /^docprops\/(core|app|custom)\.xml$/,
  /^docprops\/thumbnail\.(jpeg|jpg|png|emf|wmf)$/,
  /^xl\/workbook\.xml$/,
  /^xl\/_rels\/workbook\.xml\.rels$/,
  new RegExp(`^xl/worksheets/sheet${N}\\.xml$`),
  new RegExp(`^xl/worksheets/_rels/sheet${N}\\.xml\\.rels$`),
  /^xl\/sharedstrings\.xml$/,
  /^xl\/styles\.xml$/,
  new RegExp(`^xl/theme/theme${N}\\.xml$`),
  /^xl\/calcchain\.xml$/,
  /^xl\/metadata\.xml$/,
  new RegExp(`^xl/printersettings/printersettings${N}\\.bin$`),
  // comments: the legacy part Excel and exceljs write, its VML shapes, and Excel 365's threaded comments and persons
  new RegExp(`^xl/comments${N}\\.xml$`),
  new RegExp(`^xl/comments/comment${N}\\.xml$`),
  new RegExp(`^xl/drawings/vmldrawing${N}\\.vml$`),
  new RegExp(`^xl/threadedcomments/threadedcomment${N}\\.xml$`),
  /^xl\/persons\/person\.xml$/,
  new RegExp(`^xl/tables/table${N}\\.xml$`),
  new RegExp(`^customxml/item${N}\\.xml$`),
  new RegExp(`^customxml/itemprops${N}\\.xml$`),
  new RegExp(`^customxml/_rels/item${N}\\.xml\\.rels$`),
];

/** Content types ([Content_Types].xml, Default and Override) of those parts. */
const ALLOWED_CONTENT_TYPES = new Set(
  [
    'application/vnd.openxmlformats-package.relationships+xml',
    'application/xml',
    'text/xml',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedstrings+xml',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
    'application/vnd.openxmlformats-officedocument.theme+xml',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.calcchain+xml',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheetmetadata+xml',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.printersettings',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
    'application/vnd.openxmlformats-officedocument.vmldrawing',
    'application/vnd.ms-excel.threadedcomments+xml',
    'application/vnd.ms-excel.person+xml',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml',
    'application/vnd.openxmlformats-package.core-properties+xml',
    'application/vnd.openxmlformats-officedocument.extended-properties+xml',
    'application/vnd.openxmlformats-officedocument.custom-properties+xml',
    'application/vnd.openxmlformats-officedocument.customxmlproperties+xml',
    // LibreOffice declares these defaults in every re-save (no image part need follow); thumbnails use them too
    'image/png',
    'image/jpeg',
    'image/x-emf',
    'image/x-wmf',
  ].map((t) => t.toLowerCase()),
);

const R = 'http://schemas.openxmlformats.org/officedocument/2006/relationships/';

/** Relationship types between those parts (lower case). */
const ALLOWED_RELATIONSHIPS = new Set(
  [
    `${R}officedocument`,
    'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
    'http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail',
    `${R}extended-properties`,
    `${R}custom-properties`,
    `${R}styles`,
    `${R}theme`,
    `${R}sharedstrings`,
    `${R}worksheet`,
    `${R}calcchain`,
    `${R}sheetmetadata`,
    `${R}printersettings`,
    `${R}comments`,
    `${R}vmldrawing`,
    `${R}table`,
    `${R}customxml`,
    `${R}customxmlprops`,
    'http://schemas.microsoft.com/office/2017/10/relationships/threadedcomment',
    'http://schemas.microsoft.com/office/2017/10/relationships/person',
  ].map((t) => t.toLowerCase()),
);

const isDirectory = (path: string): boolean => path.endsWith('/');

/** Null when the part may be in a workbook of ours, else the refusal naming it. */
export const partNotAllowed = (path: string): Reason | null => {
  const name = path.replace(/\\/g, '/').toLowerCase();
  if (isDirectory(name) || ALLOWED_PARTS.some((re) => re.test(name))) return null;
  return { reason: 'gate.part_not_allowed', part: path };
};

/** The first content type [Content_Types].xml declares that no part of ours has, or null. */
export const contentTypeNotAllowed = (typesXml: string): Reason | null => {
  const declaration = /<(Default|Override)\b([^>]*)>/g;
  for (let m = declaration.exec(typesXml); m !== null; m = declaration.exec(typesXml)) {
    const attrs = m[2] ?? '';
    const type = /ContentType\s*=\s*"([^"]*)"/.exec(attrs)?.[1] ?? /ContentType\s*=\s*'([^']*)'/.exec(attrs)?.[1] ?? '';
    if (ALLOWED_CONTENT_TYPES.has(type.trim().toLowerCase())) continue;
    const part = /(?:PartName|Extension)\s*=\s*["']([^"']*)["']/.exec(attrs)?.[1] ?? '';
    return { reason: 'gate.content_type_not_allowed', part, contentType: type };
  }
  return null;
};

const attr = (attrs: string, name: string): string => new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs)?.slice(1).find((v) => v !== undefined) ?? '';

/** A relationship in a .rels part that leaves the package (TargetMode="External") or is of a type we never write, or null. */
export const relationshipNotAllowed = (part: string, relsXml: string): Reason | null => {
  const relationship = /<(?:\w+:)?Relationship\b([^>]*)>/g;
  for (let m = relationship.exec(relsXml); m !== null; m = relationship.exec(relsXml)) {
    const attrs = m[1] ?? '';
    const id = attr(attrs, 'Id');
    const target = attr(attrs, 'Target');
    if (attr(attrs, 'TargetMode').toLowerCase() === 'external') return { reason: 'gate.external_relationship', part, relationship: id, target };
    const type = attr(attrs, 'Type').toLowerCase();
    if (!ALLOWED_RELATIONSHIPS.has(type)) return { reason: 'gate.relationship_not_allowed', part, relationship: id, type: attr(attrs, 'Type') };
  }
  return null;
};

/** Parts whose bytes must be well-formed UTF-8 (every XML part; the printer settings and images are binary). */
export const isTextPart = (path: string): boolean => /\.(xml|rels|vml)$/i.test(path);

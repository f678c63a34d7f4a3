// Test support: real PDFs made with pdf-lib (never downloaded) — a valid one and the hostile kinds the PDF gate refuses.
import { PDFDocument, PDFHexString, PDFName, PDFString, rgb } from 'pdf-lib';

/** A plain valid PDF of `pages` pages (a drawn rectangle each, no fonts needed). */
export const validPdf = async (pages = 1, label = 'minutes'): Promise<Buffer> => {
  const doc = await PDFDocument.create();
  doc.setTitle(label);
  for (let i = 0; i < pages; i += 1) doc.addPage([595, 842]).drawRectangle({ x: 50, y: 50 + i, width: 200, height: 100, color: rgb(0.2, 0.4, 0.6) });
  return Buffer.from(await doc.save({ useObjectStreams: false }));
};

const withCatalog = async (change: (doc: PDFDocument) => void | Promise<void>): Promise<Buffer> => {
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]);
  await change(doc);
  return Buffer.from(await doc.save({ useObjectStreams: false }));
};

/** Opens with a JavaScript action (/OpenAction /S /JavaScript). */
export const javascriptPdf = (): Promise<Buffer> =>
  withCatalog((doc) => {
    const action = doc.context.obj({ Type: 'Action', S: 'JavaScript', JS: PDFString.of('app.alert("x")') });
    doc.catalog.set(PDFName.of('OpenAction'), doc.context.register(action));
  });

/** A document-level script in the name tree (/Names /JavaScript), kept in an object stream. */
export const namedJavascriptPdf = async (): Promise<Buffer> => {
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]);
  const script = doc.context.register(doc.context.obj({ S: 'JavaScript', JS: PDFString.of('this.print()') }));
  const tree = doc.context.obj({ Names: [PDFString.of('a'), script] });
  doc.catalog.set(PDFName.of('Names'), doc.context.obj({ JavaScript: doc.context.register(tree) }));
  return Buffer.from(await doc.save({ useObjectStreams: true }));
};

/** Opens by launching a program (/S /Launch). */
export const launchPdf = (): Promise<Buffer> =>
  withCatalog((doc) => {
    const action = doc.context.obj({ Type: 'Action', S: 'Launch', F: PDFString.of('cmd.exe'), NewWindow: true });
    doc.catalog.set(PDFName.of('OpenAction'), doc.context.register(action));
  });

/** Carries an attached file (pdf-lib's attach: /EmbeddedFiles and /EmbeddedFile). */
export const embeddedFilePdf = (): Promise<Buffer> =>
  withCatalog(async (doc) => {
    await doc.attach(Buffer.from('echo hi\r\n'), 'run.bat', { mimeType: 'application/octet-stream', description: 'x' });
  });

/** A page with an additional action (/AA): runs when the page opens. */
export const additionalActionPdf = (): Promise<Buffer> =>
  withCatalog((doc) => {
    const page = doc.getPage(0);
    page.node.set(PDFName.of('AA'), doc.context.obj({ O: doc.context.obj({ S: 'GoTo', D: [page.ref, PDFName.of('Fit')] }) }));
  });

/** A standard-security-handler /Encrypt dictionary written into the trailer by hand (RC4 40-bit, R2). */
export const encryptedPdf = async (): Promise<Buffer> => {
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]);
  const hex32 = PDFHexString.of('28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A');
  const encrypt = doc.context.register(doc.context.obj({ Filter: 'Standard', V: 1, R: 2, Length: 40, P: -44, O: hex32, U: hex32 }));
  doc.context.trailerInfo.Encrypt = encrypt;
  return Buffer.from(await doc.save({ useObjectStreams: false }));
};

/** A valid PDF cut in half (an interrupted download). */
export const truncatedPdf = async (): Promise<Buffer> => {
  const bytes = await validPdf(3);
  return bytes.subarray(0, Math.floor(bytes.length / 2));
};

/** Starts like a PDF and ends like a zip: a polyglot hiding an archive. */
export const zipPolyglotPdf = async (): Promise<Buffer> =>
  Buffer.concat([await validPdf(), Buffer.from('PK\x03\x04'), Buffer.alloc(26), Buffer.from('PK\x05\x06'), Buffer.alloc(18)]);

/** A well-formed PDF without a single page. */
export const pagelessPdf = async (): Promise<Buffer> => Buffer.from(await (await PDFDocument.create()).save({ useObjectStreams: false, addDefaultPage: false }));

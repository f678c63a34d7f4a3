// manifest.xml at the repository root: valid against the Office add-in XSDs (offline, xmllint-wasm), readable by
// office-addin-manifest, and pointing at the built task pane and icons.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { validateXML } from 'xmllint-wasm';

const REPO = resolve(__dirname, '..', '..');
const MANIFEST = join(REPO, 'manifest.xml');
const MAIN_SCHEMA = 'OfficeAppManifestV1_1.xsd';

/** The shared schema folder beside the repository, else the copy vendored in addin/test/schemas (fresh CI clones). */
const schemaDir = (): string => {
  const shared = resolve(REPO, '..', 'shared', 'office-addin-schemas');
  return existsSync(join(shared, MAIN_SCHEMA)) ? shared : join(__dirname, 'schemas');
};

const validate = (xml: string) => {
  const dir = schemaDir();
  const read = (fileName: string) => ({ fileName, contents: readFileSync(join(dir, fileName), 'utf8') });
  const others = readdirSync(dir).filter((f) => f.endsWith('.xsd') && f !== MAIN_SCHEMA);
  return validateXML({ xml: [{ fileName: 'manifest.xml', contents: xml }], schema: [read(MAIN_SCHEMA)], preload: others.map(read) });
};

const manifest = readFileSync(MANIFEST, 'utf8');

describe('manifest.xml', () => {
  it('validates against the Office add-in manifest schemas (v1.1 with task-pane VersionOverrides)', async () => {
    const result = await validate(manifest);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('is rejected by the same schemas when it is wrong (the validation really runs)', async () => {
    const broken = manifest.replace('<Permissions>ReadWriteDocument</Permissions>', '<Permissions>Everything</Permissions>');
    const result = await validate(broken);
    expect(result.valid).toBe(false);
    expect(result.errors.map((e) => e.message).join('\n')).toMatch(/Permissions/);
  });

  it('the vendored schemas are the same files as the shared ones when both exist', () => {
    const shared = resolve(REPO, '..', 'shared', 'office-addin-schemas');
    const vendored = join(__dirname, 'schemas');
    const names = readdirSync(vendored).filter((f) => f.endsWith('.xsd')).sort();
    expect(names).toHaveLength(6);
    if (!existsSync(shared)) return;
    for (const name of names) expect(readFileSync(join(vendored, name), 'utf8')).toBe(readFileSync(join(shared, name), 'utf8'));
  });

  it('is a Workbook task pane with ReadWriteDocument, ExcelApi 1.2 and a Home-tab ShowTaskpane button', () => {
    expect(manifest).toMatch(/xsi:type="TaskPaneApp"/);
    expect(manifest).toMatch(/<Host Name="Workbook"\/>/);
    expect(manifest).toMatch(/<Permissions>ReadWriteDocument<\/Permissions>/);
    expect(manifest).toMatch(/<Set Name="ExcelApi" MinVersion="1.2"\/>/);
    expect(manifest).toMatch(/<OfficeTab id="TabHome">/);
    expect(manifest).toMatch(/<Action xsi:type="ShowTaskpane">/);
    expect(manifest).toMatch(/<SourceLocation DefaultValue="https:\/\/localhost:3000\/addin\/taskpane.html"\/>/);
  });

  it('refers only to icons that exist in addin/assets, in the sizes Office asks for', () => {
    const icons = [...manifest.matchAll(/\/addin\/assets\/(icon-\d+\.png)/g)].map((m) => m[1] ?? '');
    expect(new Set(icons)).toEqual(new Set(['icon-16.png', 'icon-32.png', 'icon-64.png', 'icon-80.png']));
    for (const icon of icons) {
      const png = readFileSync(join(REPO, 'addin', 'assets', icon));
      const size = Number(/icon-(\d+)/.exec(icon)?.[1]);
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });

  it('is read by `office-addin-manifest info` without the internet', () => {
    const bin = join(REPO, 'node_modules', '.bin', 'office-addin-manifest');
    const run = spawnSync(bin, ['info', MANIFEST], { encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Type: TaskPaneApp/);
    expect(run.stdout).toMatch(/Hosts: Workbook/);
    expect(run.stdout).toMatch(/Permissions: ReadWriteDocument/);
    expect(run.stdout).toMatch(/57433670-551f-4f9f-ac54-51c5d9432b38/);
  });
});

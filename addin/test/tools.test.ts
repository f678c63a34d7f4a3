// The build (production vs development, the Office.js switch), the manifest rewriter for other hosts and the dev server.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { parse } from 'acorn';
import { validateXML } from 'xmllint-wasm';

const ADDIN = resolve(__dirname, '..');
const CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

interface BootPage {
  readonly search?: string;
  /** A host that already defined Office (the UI tests' fake Excel). */
  readonly officeAlreadyThere?: boolean;
  /** What the serving server's config.js set (PORTFUND_OFFICE_JS). */
  readonly served?: string;
  /** How `new Function` with ES2020 syntax fares: an old engine throws SyntaxError, a no-eval policy EvalError. */
  readonly engine?: 'modern' | 'old' | 'no-eval';
}

/** Runs a built boot.js as a page would: the Office.js script it writes (null for none), and whether it waits to show the notice. */
const runBoot = (bootJs: string, page: BootPage = {}): { officeJs: string | null; notice: boolean } => {
  const written: string[] = [];
  const onReady: unknown[] = [];
  const window = {
    location: { search: page.search ?? '' },
    fetch: () => undefined,
    Promise,
    ...(page.officeAlreadyThere === true ? { Office: {} } : {}),
    ...(page.served !== undefined ? { __PORTFUND_OFFICE_JS__: page.served } : {}),
  };
  const document = { write: (html: string) => written.push(html), addEventListener: (type: string, f: unknown) => type === 'DOMContentLoaded' && onReady.push(f) };
  const context = createContext({ window, document });
  // the engine's own Function and errors, as in the browser's realm
  if (page.engine === 'old') runInContext('Function = function () { throw new SyntaxError("Unexpected token \'...\'"); };', context);
  if (page.engine === 'no-eval') runInContext('Function = function () { throw new EvalError("unsafe-eval"); };', context);
  runInContext(bootJs, context);
  return { officeJs: written.length === 0 ? null : (/src="([^"]+)"/.exec(written.join(''))?.[1] ?? '?'), notice: onReady.length > 0 };
};
const officeJsLoadedBy = (bootJs: string, search: string, officeAlreadyThere = false): string | null => runBoot(bootJs, { search, officeAlreadyThere }).officeJs;

const node = (args: string[]) => spawnSync(process.execPath, args, { encoding: 'utf8', cwd: ADDIN });

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'portfund-addin-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('build.mjs', () => {
  it('builds a minified production pane without source maps, Office.js from the CDN by default', () => {
    const out = join(tmp, 'prod');
    const run = node(['build.mjs', `--outdir=${out}`]);
    expect(run.status).toBe(0);
    const files = readdirSync(out).sort();
    expect(files).toEqual(expect.arrayContaining(['assets', 'boot.js', 'config.js', 'help.html', 'taskpane.css', 'taskpane.html', 'taskpane.js']));
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    const js = readFileSync(join(out, 'taskpane.js'), 'utf8');
    expect(js).not.toMatch(/sourceMappingURL/);
    expect(js.split('\n').length).toBeLessThan(50); // minified: a handful of very long lines
    const boot = readFileSync(join(out, 'boot.js'), 'utf8');
    expect(officeJsLoadedBy(boot, '')).toBe(CDN);
    expect(officeJsLoadedBy(boot, '?officejs=local&_host_Info=Excel$Win32')).toBe('../office-js/office.js');
    expect(officeJsLoadedBy(boot, '?officejs=nonsense')).toBe(CDN);
    // a host that already defined Office (the UI tests' fake Excel) loads nothing
    expect(officeJsLoadedBy(boot, '', true)).toBeNull();
    expect(readdirSync(join(out, 'assets')).sort()).toEqual(['icon-128.png', 'icon-16.png', 'icon-32.png', 'icon-64.png', 'icon-80.png']);
    const html = readFileSync(join(out, 'taskpane.html'), 'utf8');
    expect(html.indexOf('config.js')).toBeLessThan(html.indexOf('boot.js'));
    expect(html.indexOf('boot.js')).toBeLessThan(html.indexOf('taskpane.js'));
    // a pane served as plain files: config.js carries the build's default
    expect(runBoot(boot, { served: /"(\w+)"/.exec(readFileSync(join(out, 'config.js'), 'utf8'))?.[1] }).officeJs).toBe(CDN);
  }, 120_000);

  it('lets the serving server choose Office.js at run time (config.js), ?officejs= overriding it', () => {
    const boot = readFileSync(join(tmp, 'prod', 'boot.js'), 'utf8');
    expect(runBoot(boot, { served: 'local' }).officeJs).toBe('../office-js/office.js');
    expect(runBoot(boot, { served: 'local', search: '?officejs=cdn' }).officeJs).toBe(CDN);
    expect(runBoot(boot, { served: 'cdn', search: '?officejs=local' }).officeJs).toBe('../office-js/office.js');
    // names that are not sources (Object.prototype's included) fall back to the default
    expect(runBoot(boot, { served: 'constructor', search: '?officejs=toString' }).officeJs).toBe(CDN);
  });

  it('writes boot.js in ES5 and has it announce a notice where the ES2020 pane cannot run (IE11, EdgeHTML)', () => {
    const boot = readFileSync(join(tmp, 'prod', 'boot.js'), 'utf8');
    expect(() => parse(boot, { ecmaVersion: 5 })).not.toThrow();
    expect(() => parse(readFileSync(join(tmp, 'prod', 'taskpane.js'), 'utf8'), { ecmaVersion: 5 })).toThrow();
    expect(runBoot(boot).notice).toBe(false);
    expect(runBoot(boot, { engine: 'old' })).toEqual({ officeJs: CDN, notice: true });
    // a page that forbids eval says nothing about the engine
    expect(runBoot(boot, { engine: 'no-eval' }).notice).toBe(false);
  });

  it('builds a development pane with source maps, and --officejs=local makes /office-js/ the default', () => {
    const out = join(tmp, 'dev');
    const run = node(['build.mjs', '--dev', '--officejs=local', `--outdir=${out}`]);
    expect(run.status).toBe(0);
    expect(existsSync(join(out, 'taskpane.js.map'))).toBe(true);
    const boot = readFileSync(join(out, 'boot.js'), 'utf8');
    expect(officeJsLoadedBy(boot, '')).toBe('../office-js/office.js');
    expect(officeJsLoadedBy(boot, '?officejs=cdn')).toBe(CDN);
    expect(readFileSync(join(out, 'config.js'), 'utf8')).toBe('window.__PORTFUND_OFFICE_JS__ = "local";\n');
  }, 120_000);

  it('refuses to wipe a folder that is not a previous build', () => {
    const precious = join(tmp, 'precious');
    node(['-e', `require('fs').mkdirSync(${JSON.stringify(precious)}); require('fs').writeFileSync(${JSON.stringify(join(precious, 'keep.txt'))}, 'x')`]);
    const run = node(['build.mjs', `--outdir=${precious}`]);
    expect(run.status).toBe(2);
    expect(existsSync(join(precious, 'keep.txt'))).toBe(true);
  });
});

describe('scripts/manifest-for-host.mjs', () => {
  it('rewrites every URL for the public host, keeps the manifest valid and can switch Office.js to the local copy', async () => {
    const out = join(tmp, 'manifest.xml');
    const run = node(['scripts/manifest-for-host.mjs', 'https://portfund.example.gov.tw', '--officejs=local', `--out=${out}`]);
    expect(run.status).toBe(0);
    const xml = readFileSync(out, 'utf8');
    expect(xml).not.toContain('localhost');
    expect(xml).toContain('<AppDomain>https://portfund.example.gov.tw</AppDomain>');
    expect(xml).toContain('<SourceLocation DefaultValue="https://portfund.example.gov.tw/addin/taskpane.html?officejs=local"/>');
    expect(xml).toContain('https://portfund.example.gov.tw/addin/assets/icon-80.png');
    const schemas = join(__dirname, 'schemas');
    const read = (fileName: string) => ({ fileName, contents: readFileSync(join(schemas, fileName), 'utf8') });
    const others = readdirSync(schemas).filter((f) => f.endsWith('.xsd') && f !== 'OfficeAppManifestV1_1.xsd');
    const result = await validateXML({ xml: [{ fileName: 'manifest.xml', contents: xml }], schema: [read('OfficeAppManifestV1_1.xsd')], preload: others.map(read) });
    expect(result.errors).toEqual([]);
  });
});

describe('dev-server.mjs', () => {
  it('serves the pane under /addin/, Office.js under /office-js/ and redirects / to the pane', async () => {
    const dist = join(tmp, 'served');
    node(['-e', `require('fs').mkdirSync(${JSON.stringify(dist)})`]);
    writeFileSync(join(dist, 'taskpane.html'), '<!doctype html><title>pane</title>');
    const child = spawn(process.execPath, ['dev-server.mjs', '--port', '0', '--dist', dist], { cwd: ADDIN });
    try {
      const origin = await new Promise<string>((resolveUrl, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          const m = /(http:\/\/localhost:\d+)\/addin\/taskpane\.html/.exec(chunk.toString());
          if (m?.[1] !== undefined) resolveUrl(m[1]);
        });
        child.on('exit', (code) => reject(new Error(`dev server exited ${code}`)));
      });
      const pane = await fetch(`${origin}/addin/taskpane.html`);
      expect([pane.status, pane.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);
      await expect(pane.text()).resolves.toContain('<title>pane</title>');
      const officeJs = await fetch(`${origin}/office-js/office.js`);
      expect(officeJs.status).toBe(200);
      const root = await fetch(`${origin}/?officejs=local`, { redirect: 'manual' });
      expect([root.status, root.headers.get('location')]).toEqual([302, '/addin/taskpane.html?officejs=local']);
      expect((await fetch(`${origin}/addin/../package.json`)).status).toBe(404);
    } finally {
      child.kill();
    }
  });
});

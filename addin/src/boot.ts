/* eslint-disable no-var -- ES5 on purpose: Internet Explorer and EdgeHTML must run this file to say they cannot run the pane */
// Loaded first, in <head>: chooses where Office.js comes from — Microsoft's CDN or this server's copy (/office-js/, for
// intranets without internet) — by ?officejs=cdn|local, else the serving server's PORTFUND_OFFICE_JS (config.js), else
// the build's default; a host that already defines Office (the UI tests' fake Excel) keeps its own. An old Excel web view
// that cannot run the ES2020 pane gets a notice instead of 「正在載入…」 for ever.
declare var __OFFICE_JS_DEFAULT__: string;

interface BootWindow {
  readonly Office?: unknown;
  readonly __PORTFUND_OFFICE_JS__?: unknown;
  readonly fetch?: unknown;
  readonly Promise?: { readonly allSettled?: unknown };
  readonly location: { readonly search: string };
}

var SOURCES: Readonly<Record<string, string>> = {
  cdn: 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js',
  // relative to /addin/taskpane.html, so a server under a path prefix works too
  local: '../office-js/office.js',
};

var NOTICE_TITLE = '此版本的 Excel 無法執行本增益集';
var NOTICE_TEXT = [
  '「福利專款檢查與申報」需要 Microsoft 365 或 Excel 2021 以上版本（Windows 須安裝 Microsoft Edge WebView2 執行階段），或使用 Mac 版、網頁版 Excel。',
  '請更新 Office，或改用網頁版 Excel 開啟此活頁簿；也可以直接在申報網站上傳檔案。',
];

/** The named Office.js source; unknown names (and Object.prototype's own, like "constructor") answer undefined. */
function sourceNamed(name: unknown): string | undefined {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(SOURCES, name) ? SOURCES[name] : undefined;
}

/** A query parameter without URLSearchParams, which Internet Explorer lacks. */
function queryValue(search: string, key: string): string {
  var match = new RegExp('[?&]' + key + '=([^&#]*)').exec(search);
  return match === null ? '' : decodeURIComponent(match[1] || '');
}

/** Whether this engine runs the ES2020 bundle: the built-ins it needs, then its syntax (spread, async, ?., ??). */
function bundleCanRun(w: BootWindow): boolean {
  if (typeof w.fetch !== 'function' || w.Promise === undefined || typeof w.Promise.allSettled !== 'function') return false;
  try {
    new Function('var o = { ...{ a: 1 } }; return async function () { return o?.a ?? 0; };');
    return true;
  } catch (e) {
    // a page policy that forbids eval (EvalError) says nothing about the syntax: the built-ins decide
    return !(e instanceof SyntaxError);
  }
}

/** Replaces 「正在載入…」 with the notice, unless the pane rendered after all. */
function showNotice(): void {
  var root = document.getElementById('root');
  if (root === null || root.querySelector('.loading') === null) return;
  var box = document.createElement('div');
  box.className = 'unsupported';
  box.setAttribute('role', 'alert');
  var title = document.createElement('p');
  title.className = 'unsupported-title';
  title.textContent = NOTICE_TITLE;
  box.appendChild(title);
  for (var i = 0; i < NOTICE_TEXT.length; i += 1) {
    var line = document.createElement('p');
    line.textContent = NOTICE_TEXT[i] || '';
    box.appendChild(line);
  }
  while (root.firstChild !== null) root.removeChild(root.firstChild);
  root.appendChild(box);
}

(function boot(): void {
  var w = window as unknown as BootWindow;
  if (!bundleCanRun(w)) document.addEventListener('DOMContentLoaded', showNotice);
  if (w.Office !== undefined) return;
  var src =
    sourceNamed(queryValue(w.location.search, 'officejs')) || sourceNamed(w.__PORTFUND_OFFICE_JS__) || sourceNamed(__OFFICE_JS_DEFAULT__) || SOURCES.cdn;
  // a parser-inserted script, exactly like a static <script> in <head> as Office requires; taskpane.js (defer) runs after it
  document.write('<script src="' + src + '"></script>');
})();

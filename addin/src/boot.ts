// Loaded first, in <head>: chooses where Office.js comes from — Microsoft's CDN or this server's copy (/office-js/, for
// intranets without internet) — by ?officejs=cdn|local, else the build's default; a host that already defines Office
// (the UI tests' fake Excel) keeps its own.
declare const __OFFICE_JS_DEFAULT__: string;

const SOURCES: Readonly<Record<string, string>> = {
  cdn: 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js',
  // relative to /addin/taskpane.html, so a server under a path prefix works too
  local: '../office-js/office.js',
};

(() => {
  if ((window as { Office?: unknown }).Office !== undefined) return;
  const asked = new URLSearchParams(window.location.search).get('officejs') ?? '';
  const src = SOURCES[asked] ?? SOURCES[__OFFICE_JS_DEFAULT__] ?? SOURCES.cdn;
  // a parser-inserted script, exactly like a static <script> in <head> as Office requires; taskpane.js (defer) runs after it
  document.write(`<script src="${src}"></script>`);
})();

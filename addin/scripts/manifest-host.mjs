// The root manifest.xml rewritten for another host: every https://localhost:3000 becomes the public URL (pure function,
// used by the build, which writes dist/manifest.xml for PORTFUND_PUBLIC_URL, and by scripts/manifest-for-host.mjs).
export const DEFAULT_ORIGIN = 'https://localhost:3000';

export const manifestForHost = (xml, publicUrl, localOfficeJs) => {
  const base = new URL(publicUrl);
  const origin = `${base.origin}${base.pathname.replace(/\/+$/, '')}`;
  let out = xml.split(DEFAULT_ORIGIN).join(origin);
  // AppDomain is an origin, never a path
  out = out.replace(/<AppDomain>[^<]*<\/AppDomain>/, `<AppDomain>${base.origin}</AppDomain>`);
  if (localOfficeJs) out = out.split('/addin/taskpane.html"').join('/addin/taskpane.html?officejs=local"');
  return out;
};

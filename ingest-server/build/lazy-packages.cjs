// Stand-ins the node bundles (CLI, check worker, server) load instead of two packages shared-rules imports: each
// requires its package only when first called. Checking a cash book never validates a phone number (libphonenumber's
// full metadata, ~40 ms to load), and node's native SHA-256 replaces the pure one (@noble/hashes) at start-up, so
// neither is loaded on the CLI's usual path. Wired in by build.mjs (lazyPackages); the browser add-in bundles the real
// packages.
let phone;
let sha;
let hashUtils;
const phoneLib = () => (phone ??= require('libphonenumber-js/max'));

module.exports = {
  // libphonenumber-js/max
  parsePhoneNumberFromString: (...args) => phoneLib().parsePhoneNumberFromString(...args),
  // @noble/hashes/sha256
  sha256: (...args) => (sha ??= require('@noble/hashes/sha256')).sha256(...args),
  // @noble/hashes/utils
  bytesToHex: (...args) => (hashUtils ??= require('@noble/hashes/utils')).bytesToHex(...args),
  utf8ToBytes: (...args) => (hashUtils ??= require('@noble/hashes/utils')).utf8ToBytes(...args),
};

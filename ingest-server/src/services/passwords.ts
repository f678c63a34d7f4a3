// Password hashing with scrypt (a memory-hard KDF from Node's crypto): "scrypt$N$r$p$salt$hash", compared in constant time.
// The parameters travel with each hash, so older hashes still verify and are re-hashed at the current cost on login.
import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';

export interface ScryptCost {
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

/** The current cost: N = 2^17 (128 MiB per hash), r = 8, p = 1 (OWASP's scrypt recommendation). */
export const SCRYPT_COST: ScryptCost = { N: 2 ** 17, r: 8, p: 1 };
const KEY_LENGTH = 32;
// a stored hash is trusted data, but bound its cost anyway so one bad row cannot exhaust the server's memory
const MAX_N = 2 ** 20;

/** scrypt needs 128·N·r bytes; Node refuses anything above maxmem (32 MiB by default). */
const maxmemFor = (cost: ScryptCost): number => 128 * cost.N * cost.r + 16 * 1024 * 1024;

const scrypt = (password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    scryptCallback(password.normalize('NFC'), salt, KEY_LENGTH, { ...cost, maxmem: maxmemFor(cost) }, (error, key) =>
      error === null ? resolve(key) : reject(error),
    );
  });

export const hashPassword = async (password: string, cost: ScryptCost = SCRYPT_COST): Promise<string> => {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, cost);
  return `scrypt$${cost.N}$${cost.r}$${cost.p}$${salt.toString('base64')}$${key.toString('base64')}`;
};

interface StoredHash {
  readonly cost: ScryptCost;
  readonly salt: Buffer;
  readonly hash: Buffer;
}

const isPowerOfTwo = (n: number): boolean => Number.isInteger(n) && n > 1 && (n & (n - 1)) === 0;

const parseStored = (stored: string): StoredHash | null => {
  const [scheme, n, r, p, salt, hash, ...rest] = stored.split('$');
  if (scheme !== 'scrypt' || salt === undefined || hash === undefined || rest.length > 0) return null;
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  if (!isPowerOfTwo(cost.N) || cost.N > MAX_N || !Number.isInteger(cost.r) || cost.r < 1 || cost.r > 32 || !Number.isInteger(cost.p) || cost.p < 1 || cost.p > 16) return null;
  return { cost, salt: Buffer.from(salt, 'base64'), hash: Buffer.from(hash, 'base64') };
};

export const verifyPassword = async (password: string, stored: string): Promise<boolean> => {
  const parsed = parseStored(stored);
  if (parsed === null) return false;
  const key = await scrypt(password, parsed.salt, parsed.cost);
  return key.length === parsed.hash.length && timingSafeEqual(key, parsed.hash);
};

/** True when a stored hash was made with other parameters than the current ones (re-hash it at the next login). */
export const needsRehash = (stored: string, cost: ScryptCost = SCRYPT_COST): boolean => {
  const parsed = parseStored(stored);
  return parsed === null || parsed.cost.N !== cost.N || parsed.cost.r !== cost.r || parsed.cost.p !== cost.p || parsed.hash.length !== KEY_LENGTH;
};

/** A hash to verify against when the user does not exist, so timing does not reveal which usernames exist (one per cost). */
const dummyHashes = new Map<string, Promise<string>>();
export const dummyPasswordHash = (cost: ScryptCost = SCRYPT_COST): Promise<string> => {
  const key = `${cost.N}/${cost.r}/${cost.p}`;
  let hash = dummyHashes.get(key);
  if (hash === undefined) {
    hash = hashPassword('not-a-real-password-0', cost);
    dummyHashes.set(key, hash);
  }
  return hash;
};

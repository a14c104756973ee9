/**
 * Workspaces protected by a password: every page of the SQLite file (its WAL and rollback journal
 * too) is encrypted by SQLite3 Multiple Ciphers, built into better-sqlite3-multiple-ciphers, with
 * the SQLCipher 4 scheme (AES-256-CBC, HMAC-SHA512 per page). Nothing decrypted is ever written:
 * temporary tables and sorts stay in memory (connection.ts sets temp_store), and the analysis
 * snapshot lives inside the file.
 *
 * The key is not the password: it is scrypt(password, salt) — memory-hard, about 0.75 s and 128 MiB
 * once per opening — handed to SQLite as a raw key with its salt. SQLCipher keeps the salt in the
 * file's first 16 bytes, so a protected file starts with the salt instead of "SQLite format 3".
 * The derived key (never the password) is what the app keeps in memory and passes to its workers.
 */
import { randomBytes, scryptSync } from 'node:crypto';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import type { SqliteDatabase } from './sqlite';

/** A raw key with its salt, as hex: 64 digits of key, then 32 of salt. */
export type WorkspaceKey = string;

const SALT_BYTES = 16;
const KEY_BYTES = 32;
/** scrypt cost: N = 2^17, r = 8 (128 MiB, OWASP's recommended minimum is 2^17 with r = 8, p = 1). */
const SCRYPT = { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 };
const SQLITE_HEADER = Buffer.from('SQLite format 3\u0000', 'latin1');
const SALT_MARK = Buffer.from('\u0000VLK', 'latin1');

export function deriveKey(password: string, salt: Buffer): WorkspaceKey {
  if (salt.length !== SALT_BYTES) throw new RangeError(`a salt has ${SALT_BYTES} bytes`);
  const key = scryptSync(password.normalize('NFC'), salt, KEY_BYTES, SCRYPT);
  return key.toString('hex') + salt.toString('hex');
}

/**
 * A key for a file that gets a password now. Its salt is the mark "\0VLK" and 12 random bytes
 * (96 bits: no two files share a salt); the mark is how a protected workspace is told from a file
 * that is not a workspace at all, and it gives nothing of the content away.
 */
export function newKey(password: string): WorkspaceKey {
  return deriveKey(password, Buffer.concat([SALT_MARK, randomBytes(SALT_BYTES - SALT_MARK.length)]));
}

function firstBytes(file: string, count: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(count);
    return buffer.subarray(0, readSync(fd, buffer, 0, count, 0));
  } finally {
    closeSync(fd);
  }
}

/** The key of a protected file for a password (the salt is read from the file). */
export function keyForFile(file: string, password: string): WorkspaceKey {
  return deriveKey(password, firstBytes(file, SALT_BYTES));
}

/** Whether a file is not plain SQLite (it does not start with SQLite's header): a protected workspace, or no workspace at all (looksProtected tells which). */
export function isProtectedFile(file: string): boolean {
  return !firstBytes(file, SQLITE_HEADER.length).equals(SQLITE_HEADER);
}

/**
 * Whether a file is a protected workspace: a whole number of pages long and starting with the
 * salt's mark. Telling encrypted bytes from any other binary file is otherwise guesswork.
 */
export function looksProtected(file: string): boolean {
  const size = statSync(file).size;
  return size >= 1024 && size % 512 === 0 && firstBytes(file, SALT_MARK.length).equals(SALT_MARK);
}

function checkKey(key: WorkspaceKey): void {
  if (!/^[0-9a-f]{96}$/.test(key)) throw new RangeError('not a workspace key');
}

function selectCipher(db: SqliteDatabase): void {
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
}

/** Gives a just-opened connection its key, before anything is read. */
export function applyKey(db: SqliteDatabase, key: WorkspaceKey): void {
  checkKey(key);
  selectCipher(db);
  db.pragma(`key = "x'${key}'"`);
}

/**
 * Encrypts the file under a new key, re-encrypts it, or (null) writes it in plain: every page is
 * rewritten in one transaction through a rollback journal (SQLite3 Multiple Ciphers cannot rekey in
 * WAL mode), so a crash leaves the file as it was. The connection must be the only one open.
 */
export function rekey(db: SqliteDatabase, key: WorkspaceKey | null): void {
  if (key !== null) checkKey(key);
  const mode = db.pragma('journal_mode', { simple: true }) as string;
  db.pragma('journal_mode = DELETE');
  try {
    selectCipher(db);
    db.pragma(key === null ? `rekey = ''` : `rekey = "x'${key}'"`);
  } finally {
    db.pragma(`journal_mode = ${mode === 'wal' ? 'WAL' : 'DELETE'}`);
  }
}

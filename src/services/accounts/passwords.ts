/**
 * Password hashing with argon2id. Parameters follow OWASP's Password Storage Cheat Sheet
 * (m = 19 MiB, t = 2, p = 1); they are written into each PHC string, so raising them later
 * only means rehashing at the next sign-in (`needsRehash`).
 */
import { hash, parseOptions, verify } from '@node-rs/argon2';

/** @node-rs/argon2's `Algorithm.Argon2id` (an ambient const enum that isolatedModules cannot read). */
const ARGON2ID = 2;

export const ARGON2_PARAMS = {
  algorithm: ARGON2ID,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
  outputLen: 32,
} as const;

/** Longer input only costs time; nobody types more. */
const MAX_INPUT = 1024;

/** Hashes a password to an argon2id PHC string. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_PARAMS);
}

/** True when the password matches; false for a malformed hash rather than an exception. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  if (password.length > MAX_INPUT) return false;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** True when the hash was made with other parameters than today's. */
export function needsRehash(passwordHash: string): boolean {
  try {
    const o = parseOptions(passwordHash);
    return (
      o.algorithm !== ARGON2_PARAMS.algorithm ||
      o.memoryCost !== ARGON2_PARAMS.memoryCost ||
      o.timeCost !== ARGON2_PARAMS.timeCost ||
      o.parallelism !== ARGON2_PARAMS.parallelism ||
      o.outputLen !== ARGON2_PARAMS.outputLen
    );
  } catch {
    return true;
  }
}

let dummy: Promise<string> | undefined;

/**
 * A hash to verify against when the login name is unknown, so that an unknown name takes as
 * long as a wrong password and timing does not tell which names exist.
 */
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword('gongkai: no such user');
  return dummy;
}

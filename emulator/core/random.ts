/**
 * A small seeded PRNG (mulberry32) and Zoom-shaped id generators on top of it. One instance per emulator, so
 * ids and fault probabilities repeat for a given `randomSeed`.
 */
import { randomBytes } from "node:crypto";

const ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

export class SeededRandom {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chars(length: number, alphabet: string): string {
    let out = "";
    for (let i = 0; i < length; i++) out += alphabet[Math.floor(this.next() * alphabet.length)];
    return out;
  }

  bytes(length: number): Buffer {
    const buf = Buffer.alloc(length);
    for (let i = 0; i < length; i++) buf[i] = Math.floor(this.next() * 256);
    return buf;
  }

  /** A Zoom-style 22-character id (users, accounts, tracking fields). */
  zoomId(): string {
    return this.chars(22, ID_ALPHABET);
  }

  /** An 11-digit meeting id (Zoom's are 10 to 11 digits; all fit in a double exactly). */
  meetingId(): number {
    return this.int(81_000_000_000, 99_999_999_999);
  }

  /** A meeting UUID as Zoom prints it: 16 bytes in base64, 24 characters ending in `==`. */
  uuid(): string {
    return this.bytes(16).toString("base64");
  }
}

/** A seed for runs that did not ask for one. */
export function randomSeed(): number {
  return randomBytes(4).readUInt32LE(0);
}

/** Unpredictable secrets (tokens, client secrets): these never come from the seeded generator. */
export function secretToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

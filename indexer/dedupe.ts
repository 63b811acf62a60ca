// `dedupe`: group exact and near-duplicate pieces (the same report published twice with edits).
//
// Texts are compared as sets of 5-character shingles (spaces and punctuation removed, case folded).
// Candidates come from MinHash-LSH: one-permutation MinHash (each shingle hashed once into one of
// 128 buckets, empty buckets filled from their neighbours) → 32 bands of 4 rows. Only pairs that
// share a band are compared, with exact Jaccard, so the cost grows with the corpus, not its square.
// Reports are compared with reports and excerpts with excerpts, never across.
import { createHash } from "node:crypto";
import type { DuplicateLinks } from "../core/model.ts";
import { bareText } from "./text-patterns.ts";

const SHINGLE = 5;
const BUCKETS = 128;
const ROWS = 4;
const BANDS = BUCKETS / ROWS;
const EMPTY = 0xffffffff;
const MAX_ANCHORS = 48;
/**
 * Shingle sets kept between comparisons (off the JS heap: typed arrays). Rebuilding an evicted set
 * costs ~0.3 ms; at 100k synthetic reports an 8,192-set cache rebuilt 85k of them (28 s).
 */
const CACHE_BYTES = 512 * 1024 * 1024;
/**
 * How far below the threshold a signature estimate may fall and still be checked exactly. The
 * estimate from 128 buckets has a standard error of at most √(J(1−J)/128) ≈ 0.03 around J = 0.9,
 * so a true 0.9 pair lands below 0.75 about once in 10^6.
 */
const SIGNATURE_MARGIN = 0.15;

export interface DedupeInput {
  id: string;
  kind: string;
  text: string;
}

export function dedupe(pieces: DedupeInput[], threshold = 0.9): DuplicateLinks {
  const links: DuplicateLinks = { duplicateOf: new Map(), duplicates: new Map(), similarity: new Map() };
  const byKind = new Map<string, number[]>();
  pieces.forEach((p, i) => {
    const list = byKind.get(p.kind);
    if (list) list.push(i);
    else byKind.set(p.kind, [i]);
  });
  for (const members of byKind.values()) groupKind(pieces, members, threshold, links);
  return links;
}

function groupKind(pieces: DedupeInput[], members: number[], threshold: number, links: DuplicateLinks): void {
  // Per-piece state lives in typed arrays indexed by the piece's position: at 100k+ pieces the
  // candidate loop below runs tens of millions of times, and Map/Set lookups dominated it.
  const n = pieces.length;
  // Shingle sets are recomputed on demand with a bounded cache: holding every set of a 100k-report
  // corpus would take gigabytes, while candidate pairs that pass the cheap checks touch few texts.
  // Least recently used goes first: band anchors are asked for again and again.
  const cache = new Map<number, Uint32Array>();
  const sizes = new Uint32Array(n);
  let cachedBytes = 0;
  const remember = (i: number, s: Uint32Array): Uint32Array => {
    sizes[i] = s.length;
    cachedBytes += s.byteLength;
    while (cachedBytes > CACHE_BYTES && cache.size) {
      const [oldest, set] = cache.entries().next().value!;
      cache.delete(oldest);
      cachedBytes -= set.byteLength;
    }
    cache.set(i, s);
    return s;
  };
  const sets = (i: number): Uint32Array => {
    const s = cache.get(i);
    if (!s) return remember(i, shingleSet(pieces[i].text));
    cache.delete(i);
    cache.set(i, s);
    return s;
  };
  const parent = new Int32Array(n).fill(-1);
  for (const i of members) parent[i] = i;
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r];
    while (parent[i] !== r) {
      const next = parent[i];
      parent[i] = r;
      i = next;
    }
    return r;
  };

  // Signatures are kept for every member (512 bytes each): they estimate Jaccard for free, so the
  // exact comparison — which needs both shingle sets — runs only on pairs that can pass.
  const sigs = new Uint32Array(n * BUCKETS);
  /** band bucket → its first MAX_ANCHORS members, in input order */
  const bands = new Map<number, number[]>();
  const exact = new Map<string, number>();
  const triedBy = new Int32Array(n).fill(-1);
  const maxMismatches = Math.floor((1 - (threshold - SIGNATURE_MARGIN)) * BUCKETS);
  // One pass in input order. Each text is compared, as soon as its signature is known, with the
  // earlier texts it shares a band with — while its own shingle set is still in the cache (a
  // separate comparison pass after all signatures rebuilt most sets: 100k took 84 s, mostly that).
  for (const b of members) {
    const bare = bareText(pieces[b].text);
    // Exact copies first, by a hash of the normalised text: free, and it keeps LSH buckets small.
    // A copy joins the first text with its hash and stays out of the buckets (its root stands for it).
    const key = createHash("sha1").update(bare).digest("base64");
    const first = exact.get(key);
    if (first !== undefined) {
      parent[b] = first;
      continue;
    }
    exact.set(key, b);
    const sb = b * BUCKETS;
    const sig = sigs.subarray(sb, sb + BUCKETS);
    sig.set(signature(remember(b, shinglesOf(bare))));
    const nb = sizes[b];
    for (let band = 0; band < BANDS; band++) {
      const bk = bandKey(band, sig);
      let bucket = bands.get(bk);
      if (!bucket) bands.set(bk, (bucket = []));
      // Only the first MAX_ANCHORS members of a bucket are compared with later ones: a band shared
      // by hundreds of texts is boilerplate, not duplication, and near-copies also meet in other,
      // smaller bands. `triedBy[a] === b` marks a pair already tried for this text.
      for (const a of bucket) {
        if (triedBy[a] === b) continue;
        triedBy[a] = b;
        // |A∩B|/|A∪B| ≤ min/max: sets whose sizes differ too much cannot reach the threshold.
        const na = sizes[a];
        if (Math.min(na, nb) < threshold * Math.max(na, nb)) continue;
        // Texts that share a band but whose signatures mostly disagree are related, not copies.
        if (!signaturesClose(sigs, a * BUCKETS, sb, maxMismatches)) continue;
        if (find(a) === find(b)) continue;
        if (jaccard(sets(a), sets(b)) >= threshold) parent[find(a)] = find(b);
      }
      if (bucket.length < MAX_ANCHORS) bucket.push(b);
    }
  }

  const groups = new Map<number, number[]>();
  for (const i of members) {
    const r = find(i);
    const group = groups.get(r);
    if (group) group.push(i);
    else groups.set(r, [i]);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    // Canonical: the most complete copy (longest text); ties go to the earliest in input order.
    const canonical = group.reduce((best, i) => (pieces[i].text.length > pieces[best].text.length ? i : best), group[0]);
    const copies = group.filter((i) => i !== canonical);
    const cid = pieces[canonical].id;
    links.duplicates.set(cid, copies.map((i) => pieces[i].id));
    links.similarity.set(cid, copies.map((i) => round(jaccard(sets(canonical), sets(i)))));
    for (const i of copies) links.duplicateOf.set(pieces[i].id, cid);
  }
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

/** Sorted unique 32-bit hashes of the text's 5-character shingles. */
export function shingleSet(text: string): Uint32Array {
  return shinglesOf(bareText(text));
}

/** Code points of the text being shingled; grown as needed, reused (no array per text). */
let scratch = new Uint32Array(1 << 16);

function shinglesOf(bare: string): Uint32Array {
  if (scratch.length < bare.length) scratch = new Uint32Array(bare.length * 2);
  let len = 0;
  for (let i = 0; i < bare.length; i++) {
    const c = bare.charCodeAt(i);
    const d = c >= 0xd800 && c < 0xdc00 && i + 1 < bare.length ? bare.charCodeAt(i + 1) : 0;
    if (d >= 0xdc00 && d < 0xe000) {
      scratch[len++] = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
      i++;
    } else scratch[len++] = c;
  }
  const n = Math.max(1, len - SHINGLE + 1);
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let h = 0x811c9dc5;
    for (let k = i; k < Math.min(i + SHINGLE, len); k++) h = Math.imul(h ^ scratch[k], 0x01000193);
    out[i] = h >>> 0;
  }
  out.sort();
  let w = 0;
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[w - 1]) out[w++] = out[i];
  return out.slice(0, w);
}

export function jaccard(a: Uint32Array, b: Uint32Array): number {
  if (!a.length && !b.length) return 1;
  let i = 0;
  let j = 0;
  let both = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      both++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return both / (a.length + b.length - both);
}

/** One-permutation MinHash with rotation densification. */
function signature(set: Uint32Array): Uint32Array {
  const sig = new Uint32Array(BUCKETS).fill(EMPTY);
  for (const h of set) {
    const m = mix(h);
    const bucket = m % BUCKETS;
    const value = mix(m ^ 0x9e3779b9);
    if (value < sig[bucket]) sig[bucket] = value;
  }
  for (let b = 0; b < BUCKETS; b++) {
    if (sig[b] !== EMPTY) continue;
    for (let k = 1; k < BUCKETS; k++) {
      const v = sig[(b + k) % BUCKETS];
      if (v !== EMPTY) {
        sig[b] = mix(v + k) >>> 0;
        break;
      }
    }
  }
  return sig;
}

/**
 * Whether two signatures (at offsets in one array) disagree in at most `maxMismatches` positions —
 * agreement estimates Jaccard. Stops at the first position past the limit: unrelated texts
 * are rejected after a few dozen comparisons.
 */
function signaturesClose(sigs: Uint32Array, a: number, b: number, maxMismatches: number): boolean {
  let miss = 0;
  for (let k = 0; k < BUCKETS; k++) if (sigs[a + k] !== sigs[b + k] && ++miss > maxMismatches) return false;
  return true;
}

/**
 * A band's bucket key as a number (band index above a 32-bit hash of its rows): cheaper than a
 * string per band per text. A hash collision only adds a candidate; the checks above remove it.
 */
function bandKey(band: number, sig: Uint32Array): number {
  let h = 0x9747b28c;
  for (let r = band * ROWS; r < band * ROWS + ROWS; r++) h = mix(h ^ sig[r]);
  return band * 4294967296 + h;
}

/** murmur3 finaliser: a cheap, well-spread 32-bit mix. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

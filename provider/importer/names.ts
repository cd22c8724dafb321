/**
 * Logical names for imported objects: readable (from the topic, name, label or number), unique per kind,
 * stable (a name depends only on the object itself and on whether another object of its kind has the same
 * text, never on listing order), and valid everywhere a name goes: Pulumi URNs, `zoom.yaml` keys
 * (`^[A-Za-z_][A-Za-z0-9_-]*$`) and config keys.
 *
 *   "Daily stand-up"            → daily-stand-up
 *   two meetings "Standup"      → standup-85746065432, standup-85746065433
 *   "2024 review"               → meeting-2024-review
 *   TSP account without a name  → tsp-account-KDcuGIm1QgePTO8WbOqwIQ-1
 */

const MAX_SLUG = 48;

/** Letters and digits of `text`, lower-cased, accents removed, runs of anything else as one `-`. */
export function slugify(text: string, maxLength = MAX_SLUG): string {
  const ascii = text.normalize("NFKD").replace(/\p{M}+/gu, "");
  const slug = ascii.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  const lastDash = cut.lastIndexOf("-");
  return (lastDash > maxLength / 2 ? cut.slice(0, lastDash) : cut).replace(/-+$/g, "");
}

/** `H323Device` → `h323-device`. */
export function kindSlug(kind: string): string {
  return kind.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
}

/** An id as a name part: case kept (Zoom's ids are case-sensitive), anything but letters and digits as `-`. */
function idPart(id: string): string {
  return decodeURIComponent(id).replace(/[^A-Za-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
}

export interface Nameable {
  readonly kind: string;
  /** The Pulumi id. */
  readonly id: string;
  readonly label?: string;
}

function baseName(object: Nameable): string {
  const slug = object.label === undefined ? "" : slugify(object.label);
  if (slug === "") return `${kindSlug(object.kind)}-${idPart(object.id)}`;
  return /^[a-z]/.test(slug) ? slug : `${kindSlug(object.kind)}-${slug}`;
}

/** Names for `objects`, in the same order. */
export function assignNames(objects: readonly Nameable[]): string[] {
  const bases = objects.map(baseName);
  const count = new Map<string, number>();
  objects.forEach((object, index) => {
    const key = `${object.kind}\u0000${bases[index]}`;
    count.set(key, (count.get(key) ?? 0) + 1);
  });
  const names = objects.map((object, index) => {
    const base = bases[index]!;
    const shared = (count.get(`${object.kind}\u0000${base}`) ?? 0) > 1;
    return shared && !base.endsWith(idPart(object.id)) ? `${base}-${idPart(object.id)}` : base;
  });
  // Ids that differ only in characters a name cannot hold (or a label that reads like another's name plus id):
  // the first in id order keeps the name, the others are numbered. Done in name-then-id order, so the result
  // does not depend on the order objects were listed in.
  const compare = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  const order = objects.map((_, index) => index).sort((a, b) => compare(names[a]!, names[b]!) || compare(objects[a]!.id, objects[b]!.id));
  const key = (kind: string, name: string) => `${kind}\u0000${name}`;
  const wanted = new Set(objects.map((object, index) => key(object.kind, names[index]!)));
  const taken = new Set<string>();
  for (const index of order) {
    const kind = objects[index]!.kind;
    const original = names[index]!;
    let name = original;
    // A numbered name never takes one another object wants as it is.
    for (let n = 2; taken.has(key(kind, name)) || (name !== original && wanted.has(key(kind, name))); n++) name = `${original}-${n}`;
    names[index] = name;
    taken.add(key(kind, name));
  }
  return names;
}

/** `leaderPin` of `tsp-account-x-1` → `tsp-account-x-1-leader-pin`. */
export function secretConfigKey(name: string, property: string): string {
  return `${name}-${kindSlug(property)}`;
}

/**
 * References in a `zoom.yaml`: a property value written as `${...}` stands for a value known only when Pulumi
 * runs. Two roots, one syntax:
 *
 *   meetingId: ${meetings.standup.meetingId}   # a property of another object in the file
 *   leaderPin: ${config.primaryLeaderPin}       # the Pulumi stack config value `<project>:primaryLeaderPin`
 *
 * A reference is always a whole value (an object reference keeps the referenced property's type: `meetingId`
 * stays a number); it is never spliced into a longer string, so there is exactly one way to read it. `$${`
 * writes a literal `${` in any string. Config values are strings; secret config stays secret.
 */

/** The root of config references: `${config.<key>}`. Not a section key, so it cannot clash with one. */
export const CONFIG_ROOT = "config";

export class Reference {
  constructor(
    readonly section: string,
    readonly name: string,
    readonly property: string,
  ) {}

  /** The reference as written, e.g. `${meetings.standup.meetingId}`. */
  get text(): string {
    return `\${${this.section}.${this.name}.${this.property}}`;
  }

  /** The referenced object, e.g. `meetings.standup`. */
  get target(): string {
    return `${this.section}.${this.name}`;
  }
}

/** `${config.<key>}`: a value from the Pulumi program's stack config (the project's namespace). */
export class ConfigReference {
  constructor(readonly key: string) {}

  get text(): string {
    return `\${${CONFIG_ROOT}.${this.key}}`;
  }
}

/** A reference found in an object's properties, with where it sits (`["trackingFields", 0, "field"]`). */
export interface ReferenceUse {
  readonly path: readonly (string | number)[];
  readonly reference: Reference;
}

/** What a string value turned out to be. */
export type StringReading =
  | { readonly kind: "literal"; readonly value: string }
  | { readonly kind: "reference"; readonly reference: Reference }
  | { readonly kind: "config"; readonly reference: ConfigReference }
  | { readonly kind: "invalid"; readonly reason: string };

const WHOLE = /^\$\{([^{}]*)\}$/;
const PART = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** True when `${` occurs at `index` and is not the escaped form `$${`. */
function isOpening(text: string, index: number): boolean {
  return text.startsWith("${", index) && !(index > 0 && text[index - 1] === "$");
}

/** Reads a string value: a literal (with `$${` unescaped), a reference, or a malformed reference. */
export function readString(text: string): StringReading {
  const whole = WHOLE.exec(text);
  if (whole) {
    const parts = whole[1]!.split(".");
    if (parts.every((part) => PART.test(part))) {
      if (parts.length === 2 && parts[0] === CONFIG_ROOT) return { kind: "config", reference: new ConfigReference(parts[1]!) };
      if (parts.length === 3 && parts[0] !== CONFIG_ROOT) {
        const [section, name, property] = parts as [string, string, string];
        return { kind: "reference", reference: new Reference(section, name, property) };
      }
    }
    return {
      kind: "invalid",
      reason: `malformed reference ${text}: write \${<section>.<name>.<property>} (e.g. \${meetings.standup.meetingId}) or \${config.<key>}`,
    };
  }
  for (let index = text.indexOf("${"); index !== -1; index = text.indexOf("${", index + 1)) {
    if (isOpening(text, index)) {
      return {
        kind: "invalid",
        reason: "a reference (${...}) must be the whole value, not part of a string; write $${ for a literal ${",
      };
    }
  }
  return { kind: "literal", value: text.split("$${").join("${") };
}

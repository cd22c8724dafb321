/**
 * Secrets on the plugin's wire. The plugin answers Configure with `acceptSecrets`, so the engine sends secret
 * values as they are, wrapped: `{"4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value}`
 * (anywhere in a property value), and takes the plugin's answers as they are: a value the plugin returns
 * unwrapped is stored in plaintext. So the framework gets plain values, and every answer wraps again each
 * top-level property that is secret by definition or arrived holding a secret.
 */
type Props = Record<string, unknown>;

const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

function isRecord(value: unknown): value is Props {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isSecret(value: unknown): value is Props {
  return isRecord(value) && value[SIG_KEY] === SECRET_SIG;
}

function containsSecret(value: unknown): boolean {
  if (isSecret(value)) return true;
  if (Array.isArray(value)) return value.some(containsSecret);
  return isRecord(value) && Object.values(value).some(containsSecret);
}

function plain(value: unknown): unknown {
  if (isSecret(value)) return plain(value.value);
  if (Array.isArray(value)) return value.map(plain);
  if (!isRecord(value)) return value;
  const out: Props = {};
  for (const [key, inner] of Object.entries(value)) out[key] = plain(inner);
  return out;
}

/** Properties as the engine sent them, without secret wrappers, and the top-level keys that held a secret. */
export interface Revealed {
  readonly props: Props;
  readonly secretKeys: ReadonlySet<string>;
}

export function reveal(props: Props | undefined): Revealed {
  const source = props ?? {};
  const secretKeys = new Set(Object.keys(source).filter((key) => containsSecret(source[key])));
  return { props: plain(source) as Props, secretKeys };
}

/** `props` with each of `secretKeys` that is set wrapped as a secret. */
export function conceal(props: Props, ...secretKeys: Iterable<string>[]): Props {
  const secret = new Set(secretKeys.flatMap((keys) => [...keys]));
  const out: Props = {};
  for (const [key, value] of Object.entries(props)) {
    out[key] = secret.has(key) && value !== undefined && value !== null ? { [SIG_KEY]: SECRET_SIG, value } : value;
  }
  return out;
}

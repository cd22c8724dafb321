/**
 * The redactor over prose: secret keys in any casing and spelling, registered secret values wherever they stand,
 * and every other word intact. Named cases from real messages, then fast-check (REDACT_RUNS raises the count;
 * fast-check prints the seed of a failure).
 */
import fc from "fast-check";
import { REDACTED, redactText, registerSecret, registerSecretsIn } from "../../provider/client/redact";

const RUNS = Number(process.env.REDACT_RUNS ?? 1_000);

describe("named cases", () => {
  test("secret keys in camelCase, snake_case, kebab-case and upper case", () => {
    for (const key of ["leaderPin", "leader_pin", "leader-pin", "LEADER_PIN", "h323Password", "H323_PASSWORD", "pstnPassword", "encryptedPassword", "dynamicHostKey", "hostKey", "clientSecret", "startUrl", "accessToken"]) {
      expect(redactText(`${key}=v4lue9`)).toBe(`${key}=${REDACTED}`);
      expect(redactText(`{"${key}":"v4lue9","topic":"x"}`)).toBe(`{"${key}":"${REDACTED}","topic":"x"}`);
      expect(redactText(`${key}:v4lue9 ok`)).toBe(`${key}:${REDACTED} ok`);
    }
  });

  test("prose after `token:` and `secret:` is left alone", () => {
    for (const prose of [
      "set ZOOM_CLIENT_SECRET, or a ready access token: pulumi config set zoom:accessToken --secret",
      "could not get a Zoom access token: connection refused",
      "the client secret: check it in the Marketplace",
      "password: must be 10 characters or fewer",
    ]) {
      expect(redactText(prose)).toBe(prose);
    }
  });

  test("registered passcodes and PINs are masked in prose, as whole words only", () => {
    registerSecret("Pw12345");
    registerSecret("271828");
    expect(redactText("passcode Pw12345 is invalid")).toBe(`passcode ${REDACTED} is invalid`);
    expect(redactText("(Pw12345), 'Pw12345'. pwd:Pw12345")).toBe(`(${REDACTED}), '${REDACTED}'. pwd:${REDACTED}`);
    expect(redactText("leader PIN 271828 refused")).toBe(`leader PIN ${REDACTED} refused`);
    // Inside a longer number or word it is a coincidence, not the PIN.
    expect(redactText("meeting 82718281 at 1271828 Pw123456")).toBe("meeting 82718281 at 1271828 Pw123456");
  });

  test("request and answer bodies register what they carry: passcodes, PINs, host keys, URL tokens", () => {
    registerSecretsIn({
      password: "Mtg7Pass",
      settings: { authentication_exception: [{ join_url: "https://zoom.us/j/1?tk=TkAbCdEf123&pwd=PwdXyz789" }] },
      dynamic_host_key: "458721",
      tsp: [{ leader_pin: "903311" }],
      topic: "Weekly",
    });
    const text = "Mtg7Pass TkAbCdEf123 PwdXyz789 458721 903311 Weekly";
    expect(redactText(text)).toBe(`${[1, 2, 3, 4, 5].map(() => REDACTED).join(" ")} Weekly`);
  });
});

/** A secret no prose word can equal: an uppercase start and a digit end. */
const secretValue = fc.stringMatching(/^[A-Z][a-z0-9@*_-]{4,10}[0-9]$/);
const proseWord = fc.stringMatching(/^[a-z]{1,12}$/);
const keys = ["leader_pin", "h323_password", "pstn_password", "encrypted_password", "password", "dynamic_host_key", "client_secret", "access_token", "start_url"];

/** A key in one of the spellings people and APIs use. */
const keySpelling = fc.tuple(fc.constantFrom(...keys), fc.constantFrom("snake", "camel", "kebab", "upper", "pascal")).map(([key, style]) => {
  const parts = key.split("_");
  const cap = (p: string) => p[0]!.toUpperCase() + p.slice(1);
  switch (style) {
    case "camel":
      return parts[0] + parts.slice(1).map(cap).join("");
    case "pascal":
      return parts.map(cap).join("");
    case "kebab":
      return parts.join("-");
    case "upper":
      return key.toUpperCase();
    default:
      return key;
  }
});

type Piece = { readonly text: string; readonly expected: string };
const wraps = ["", "(", ")", ".", ",", "'", '"', ":", "!"] as const;

const piece: fc.Arbitrary<Piece> = fc.oneof(
  { weight: 6, arbitrary: proseWord.map((w) => ({ text: w, expected: w })) },
  {
    weight: 2,
    arbitrary: fc.tuple(secretValue, fc.constantFrom(...wraps), fc.constantFrom(...wraps)).map(([secret, before, after]) => {
      registerSecret(secret);
      return { text: `${before}${secret}${after}`, expected: `${before}${REDACTED}${after}` };
    }),
  },
  {
    weight: 2,
    // An unregistered value under a secret key: the key rule alone must mask it.
    arbitrary: fc.tuple(keySpelling, fc.stringMatching(/^[a-z0-9]{1,8}$/), fc.constantFrom("=", ":", "json")).map(([key, value, form]) =>
      form === "json"
        ? { text: `"${key}": "${value}"`, expected: `"${key}": "${REDACTED}"` }
        : { text: `${key}${form}${value}`, expected: `${key}${form}${REDACTED}` },
    ),
  },
);

test(`${RUNS} random messages: every secret masked, every other word intact`, () => {
  fc.assert(
    fc.property(fc.array(piece, { minLength: 1, maxLength: 25 }), (pieces) => {
      const text = pieces.map((p) => p.text).join(" ");
      const redacted = redactText(text);
      expect(redacted).toBe(pieces.map((p) => p.expected).join(" "));
      // Idempotent: a second pass changes nothing.
      expect(redactText(redacted)).toBe(redacted);
    }),
    { numRuns: RUNS },
  );
});

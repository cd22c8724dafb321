import { REDACTED, redactText, redactValue, registerSecret } from "../../provider/client/redact";

describe("redactText", () => {
  test("Authorization headers and bearer/basic credentials", () => {
    expect(redactText("Authorization: Bearer abcdefghijklmnopqrstuvwxyz")).not.toContain("abcdefghijklmnop");
    expect(redactText("authorization=Basic Y2xpZW50OnNlY3JldC12YWx1ZQ==")).not.toContain("Y2xpZW50");
    expect(redactText("the Basic plan")).toBe("the Basic plan");
  });

  test("secret-keyed pairs in JSON and forms, not look-alike keys", () => {
    const json = JSON.stringify({ password: "p@ss\"word", h323_password: "123456", pstn_password: "654321", encrypted_password: "enc", leader_pin: "1234", next_page_token: "keepme" });
    const out = redactText(json);
    for (const secret of ['p@ss\\"word', "123456", "654321", '"enc"', '"1234"']) expect(out).not.toContain(secret);
    expect(out).toContain('"next_page_token":"keepme"');
    expect(redactText("password=hunter2&topic=x")).toBe(`password=${REDACTED}&topic=x`);
  });

  test("start URLs' host tokens, join URLs' passcodes, JWTs", () => {
    const start = "https://us05web.zoom.us/s/8123456789?zak=eyJ0eXAiOiJKV1QiLCJzdiI6IjAwMDAwMSJ9.eyJhdWQiOiJjbGllbnRzbSJ9.sigPART";
    expect(redactText(`start: ${start}`)).not.toContain("eyJ0eXAi");
    expect(redactText(`{"start_url":"${start}"}`)).toBe(`{"start_url":"${REDACTED}"}`);
    expect(redactText("https://zoom.us/j/123?pwd=AbCdEf123")).toBe(`https://zoom.us/j/123?pwd=${REDACTED}`);
  });

  test("registered secrets are scrubbed anywhere, also percent-encoded", () => {
    registerSecret("s3cr3t/with+chars");
    expect(redactText("<html>echo s3cr3t/with+chars</html>")).toBe(`<html>echo ${REDACTED}</html>`);
    expect(redactText(`q=${encodeURIComponent("s3cr3t/with+chars")}`)).toBe(`q=${REDACTED}`);
  });

  test("short registered values are ignored (they would maul ordinary text)", () => {
    registerSecret("ab");
    expect(redactText("about abc")).toBe("about abc");
  });
});

describe("redactValue", () => {
  test("masks secret keys deeply, keeps the rest, survives cycles", () => {
    const value: Record<string, unknown> = {
      topic: "standup",
      settings: { password: "x1", start_url: "https://zoom.us/s/1?zak=abc" },
      headers: { Authorization: "Bearer t" },
      list: [{ leader_pin: "42" }],
    };
    value.self = value;
    expect(redactValue(value)).toEqual({
      topic: "standup",
      settings: { password: REDACTED, start_url: REDACTED },
      headers: { Authorization: REDACTED },
      list: [{ leader_pin: REDACTED }],
      self: "[Circular]",
    });
  });
});

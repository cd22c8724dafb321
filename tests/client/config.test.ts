import { resolveSettings, ZoomConfigError, type ConfigSource } from "../../provider/client";

function stack(values: Record<string, string>): ConfigSource {
  return { get: (key) => values[key] };
}

const full = { "zoom:accountId": "acct1", "zoom:clientId": "cid1", "zoom:clientSecret": "stack-secret-123" };

function configError(fn: () => unknown): ZoomConfigError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ZoomConfigError) return error;
    throw error;
  }
  throw new Error("expected a ZoomConfigError");
}

describe("resolveSettings", () => {
  test("defaults: Zoom's URLs and the pro plan", () => {
    const settings = resolveSettings(stack(full), {});
    expect(settings).toEqual({
      apiUrl: "https://api.zoom.us/v2",
      oauthUrl: "https://zoom.us/oauth/token",
      plan: "pro",
      credentials: { kind: "clientCredentials", accountId: "acct1", clientId: "cid1", clientSecret: "stack-secret-123" },
    });
  });

  test("environment variables are the fallback for every key", () => {
    const settings = resolveSettings(stack({}), {
      ZOOM_ACCOUNT_ID: "envacct",
      ZOOM_CLIENT_ID: "envcid",
      ZOOM_CLIENT_SECRET: "env-secret-456",
      ZOOM_API_URL: "http://127.0.0.1:8080/v2/",
      ZOOM_OAUTH_URL: "http://localhost:8080/oauth/token",
      ZOOM_PLAN: "Business",
      ZOOM_REQUEST_TIMEOUT_SECONDS: "12.5",
    });
    expect(settings).toEqual({
      apiUrl: "http://127.0.0.1:8080/v2",
      oauthUrl: "http://localhost:8080/oauth/token",
      plan: "business",
      requestTimeoutMs: 12_500,
      credentials: { kind: "clientCredentials", accountId: "envacct", clientId: "envcid", clientSecret: "env-secret-456" },
    });
  });

  test("stack config wins over the environment, key by key", () => {
    const settings = resolveSettings(stack({ ...full, "zoom:plan": "free", "zoom:apiUrl": "https://eu.zoom.example/v2" }), {
      ZOOM_ACCOUNT_ID: "envacct",
      ZOOM_CLIENT_SECRET: "env-secret-456",
      ZOOM_PLAN: "business",
      ZOOM_API_URL: "https://other.example/v2",
    });
    expect(settings.plan).toBe("free");
    expect(settings.apiUrl).toBe("https://eu.zoom.example/v2");
    expect(settings.credentials).toEqual({ kind: "clientCredentials", accountId: "acct1", clientId: "cid1", clientSecret: "stack-secret-123" });
  });

  test("client credentials may be completed from the environment (secret in stack, account id in env)", () => {
    const settings = resolveSettings(stack({ "zoom:clientId": "cid1", "zoom:clientSecret": "stack-secret-123" }), {
      ZOOM_ACCOUNT_ID: "envacct",
    });
    expect(settings.credentials).toEqual({ kind: "clientCredentials", accountId: "envacct", clientId: "cid1", clientSecret: "stack-secret-123" });
  });

  test("an access token instead of client credentials", () => {
    expect(resolveSettings(stack({ "zoom:accessToken": "tok-abcdef" }), {}).credentials).toEqual({ kind: "accessToken", accessToken: "tok-abcdef" });
    expect(resolveSettings(stack({}), { ZOOM_ACCESS_TOKEN: "tok-ghijkl", ZOOM_ACCOUNT_ID: "a1" }).credentials).toEqual({
      kind: "accessToken",
      accessToken: "tok-ghijkl",
      accountId: "a1",
    });
  });

  test("stack config's credential kind wins over the environment's", () => {
    expect(resolveSettings(stack({ "zoom:accessToken": "tok-abcdef" }), { ZOOM_CLIENT_ID: "x", ZOOM_CLIENT_SECRET: "y-secret" }).credentials.kind).toBe(
      "accessToken",
    );
    expect(resolveSettings(stack(full), { ZOOM_ACCESS_TOKEN: "tok-ghijkl" }).credentials.kind).toBe("clientCredentials");
  });

  test("empty values count as unset", () => {
    const settings = resolveSettings(stack({ ...full, "zoom:plan": "  " }), { ZOOM_PLAN: "" });
    expect(settings.plan).toBe("pro");
  });

  test("no credentials: one error naming every key and env var", () => {
    const error = configError(() => resolveSettings(stack({}), {}));
    for (const name of ["zoom:accountId", "zoom:clientId", "zoom:clientSecret", "zoom:accessToken", "ZOOM_ACCOUNT_ID", "ZOOM_CLIENT_ID", "ZOOM_CLIENT_SECRET", "ZOOM_ACCESS_TOKEN"]) {
      expect(error.message).toContain(name);
    }
  });

  test("partial credentials name exactly what is missing", () => {
    const error = configError(() => resolveSettings(stack({ "zoom:clientId": "cid1" }), {}));
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toContain("zoom:accountId (env ZOOM_ACCOUNT_ID)");
    expect(error.problems[0]).toContain("zoom:clientSecret (env ZOOM_CLIENT_SECRET)");
    expect(error.problems[0]).not.toContain("zoom:clientId (env");
  });

  test("a token and client credentials in the same source contradict each other", () => {
    const inStack = configError(() => resolveSettings(stack({ ...full, "zoom:accessToken": "tok-abcdef" }), {}));
    expect(inStack.message).toMatch(/zoom:accessToken.*zoom:clientId/);
    const inEnv = configError(() => resolveSettings(stack({}), { ZOOM_ACCESS_TOKEN: "tok-abcdef", ZOOM_CLIENT_SECRET: "zzzzzzzz" }));
    expect(inEnv.message).toMatch(/ZOOM_ACCESS_TOKEN.*ZOOM_CLIENT_ID\/ZOOM_CLIENT_SECRET/);
  });

  test("bad plan, bad URLs and bad timeout are all reported at once", () => {
    const error = configError(() =>
      resolveSettings(
        stack({
          ...full,
          "zoom:plan": "enterprise",
          "zoom:apiUrl": "http://api.zoom.us/v2",
          "zoom:oauthUrl": "not a url",
          "zoom:requestTimeoutSeconds": "-3",
        }),
        {},
      ),
    );
    expect(error.problems).toHaveLength(4);
    expect(error.message).toContain("zoom:plan (env ZOOM_PLAN)");
    expect(error.message).toContain("zoom:apiUrl (env ZOOM_API_URL) must use https");
    expect(error.message).toContain("zoom:oauthUrl (env ZOOM_OAUTH_URL) is not an absolute URL");
    expect(error.message).toContain("zoom:requestTimeoutSeconds");
  });

  test("URLs: https anywhere, http only on loopback, no credentials or query, /v2 for the API", () => {
    const withUrl = (apiUrl: string) => () => resolveSettings(stack({ ...full, "zoom:apiUrl": apiUrl }), {});
    expect(withUrl("http://[::1]:9000/v2")().apiUrl).toBe("http://[::1]:9000/v2");
    expect(withUrl("http://127.0.0.2/v2")().apiUrl).toBe("http://127.0.0.2/v2");
    expect(configError(withUrl("https://user:pw@api.zoom.us/v2")).message).toContain("user name or password");
    expect(configError(withUrl("https://api.zoom.us/v2?x=1")).message).toContain("query string");
    expect(configError(withUrl("https://api.zoom.us")).message).toContain("ending in /v2");
    expect(configError(withUrl("ftp://api.zoom.us/v2")).message).toContain("must use https");
  });

  test("secrets never appear in configuration errors", () => {
    const error = configError(() =>
      resolveSettings(stack({ "zoom:clientSecret": "super-secret-value-1", "zoom:plan": "gold" }), { ZOOM_ACCESS_TOKEN: "token-value-2" }),
    );
    expect(error.message).not.toContain("super-secret-value-1");
    expect(error.message).not.toContain("token-value-2");
  });
});

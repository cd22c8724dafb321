/**
 * Drift reports are posted as pull-request comments: a meeting topic or an error message must not ping people
 * or teams, link, embed images or inject HTML there. Named cases, then fast-check over arbitrary text
 * (MARKDOWN_RUNS raises the count; fast-check prints the seed of a failure).
 */
import fc from "fast-check";
import { plainText, renderMarkdown } from "../../provider/drift/render/markdown";
import type { DriftReport } from "../../provider/drift/report";

const RUNS = Number(process.env.MARKDOWN_RUNS ?? 2_000);

function reportNaming(name: string, message: string): DriftReport {
  return {
    version: 1,
    summary: { managed: 0, inSync: 0, drifted: 0, missing: 0, unmanaged: 1, ignored: 0, errors: 1, driftFound: true },
    managed: [],
    missing: [],
    unmanaged: [{ kind: "Meeting", id: "81234567890", name }],
    ignored: [],
    differences: [],
    errors: [{ kind: "Meeting", scope: name, message }],
  };
}

/** Markdown that would act: a mention, an autolink, a link or image, raw HTML, an entity. */
function actingMarkup(markdown: string): string[] {
  const found: string[] = [];
  if (/@[A-Za-z0-9]/.test(markdown)) found.push("mention");
  if (/[a-z]:\/\//i.test(markdown)) found.push("bare URL");
  if (/\bwww\./i.test(markdown)) found.push("www autolink");
  if (/(?<!\\)[[\]()!<>]/.test(markdown.replace(/\| |\(`|`\)|\(project|^-|\(\d+\)/gm, ""))) found.push("unescaped markup");
  if (/&(?!amp;|#8203;)/.test(markdown)) found.push("entity");
  return found;
}

test.each([
  ["a team mention", "Ping @acme/security and @octocat"],
  ["an email (autolinked by GitHub)", "owner: boss@example.com"],
  ["a link", "[click here](https://evil.example/login)"],
  ["an image", "![tracking pixel](https://evil.example/p.png)"],
  ["a bare URL", "see https://evil.example/x and www.evil.example"],
  ["raw HTML", "<img src=x onerror=alert(1)><details open>"],
  ["an entity", "&lt;script&gt; &#64;octocat"],
  ["emphasis and headings", "# **bold** _it_ ~~gone~~"],
])("%s in a topic and an error message: inert in the Markdown", (_what, text) => {
  const markdown = renderMarkdown(reportNaming(text, `Zoom said: ${text}`));
  const body = markdown.split("\n").filter((line) => line.includes("81234567890") || line.startsWith("- "));
  expect(body.length).toBe(2);
  expect(body.flatMap(actingMarkup)).toEqual([]);
});

/** What a reader sees: zero-width breaks gone, backslash escapes and `&amp;` read back. */
const shown = (markdown: string) =>
  markdown.replace(/&#8203;/g, "").replace(/\\([\\`*_[\]<>#!()~])/g, "$1").replace(/&amp;/g, "&");

test("what a reader sees is the text: escapes and zero-width breaks only", () => {
  const text = "Q&A @team (all hands) [1] <b> https://zoom.us/j/1 www.zoom.us !";
  expect(shown(plainText(text))).toBe(text);
});

test(`${RUNS} arbitrary texts: nothing acts, and the reader sees the text`, () => {
  const pieces = fc.constantFrom("@", "@team", "://", "https://x.y", "www.", "[", "]", "(", ")", "!", "<", ">", "&", "&#64;", "`", "*", "_", "#", "~", "\\", " ", "a", "Z", "9", ".", "/", "|");
  const text = fc.oneof(fc.string(), fc.array(pieces, { maxLength: 30 }).map((p) => p.join("")));
  fc.assert(
    fc.property(text, (t) => {
      const escaped = plainText(t);
      expect(actingMarkup(escaped)).toEqual([]);
      expect(shown(escaped)).toBe(t);
    }),
    { numRuns: RUNS },
  );
});

/**
 * `__proto__:` (or `constructor:` / `prototype:`) anywhere in zoom.yaml would replace a local object's prototype
 * when the file becomes values, and yield misleading errors. Such a key is refused at its file:line:col, and the
 * file is not turned into values at all.
 */
import { loadStackText } from "../../provider/yaml";
import { formatProblem } from "../../provider/yaml/model";

const yaml = (...lines: string[]) => `${lines.join("\n")}\n`;

afterEach(() => {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.keys(Object.prototype)).toEqual([]);
});

test.each([
  ["a section", yaml("__proto__:", "  polluted: true", "meetings:", "  standup:", "    topic: Standup"), "zoom.yaml:1:1", "__proto__"],
  ["an object's properties", yaml("meetings:", "  standup:", "    topic: Standup", "    __proto__:", "      polluted: true"), "zoom.yaml:4:5", "__proto__"],
  ["a nested map", yaml("meetings:", "  standup:", "    topic: Standup", "    settings:", "      constructor:", "        polluted: true"), "zoom.yaml:5:7", "constructor"],
  ["an object name", yaml("meetings:", "  prototype:", "    topic: Standup"), "zoom.yaml:2:3", "prototype"],
  ["a flow map in a list", yaml("meetings:", "  standup:", "    topic: Standup", "    trackingFields:", "      - { field: Team, __proto__: { polluted: true } }"), "zoom.yaml:5:24", "__proto__"],
])("in %s: refused at its file:line:col", (_where, text, place, key) => {
  const result = loadStackText(text, "zoom.yaml");
  expect(result.ok).toBe(false);
  const problems = result.ok ? [] : result.problems.map(formatProblem);
  expect(problems).toEqual([`${place}: the key "${key}" names an object prototype, not a property: no section, object or property of zoom.yaml is called so`]);
});

test("the same words as values are fine", () => {
  const result = loadStackText(yaml("meetings:", "  standup:", "    topic: __proto__ constructor prototype", "    agenda: __proto__"), "zoom.yaml");
  expect(result.ok).toBe(true);
});

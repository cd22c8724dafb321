/**
 * Objects Zoom validates whole. Where Zoom's request schema marks keys of a nested object required
 * (`settings.waiting_room_options.mode`, `settings.auto_add_recording_to_video_management.enable`,
 * `recurrence.type`), a PATCH carrying that object without them is refused ("Invalid field" on the missing key),
 * even when only another key inside it changed. Our zod schemas mark the same keys required, so the objects are
 * found there: an update that changes anything inside one sends the declared object whole.
 */
import { z } from "zod";
import { isPlainObject } from "./case";

type JsonNode = Record<string, unknown>;

/** Dotted paths (below the top level) of the objects in `schema` that have required keys. */
export function wholeObjectPaths(schema: z.ZodType): string[] {
  const root = z.toJSONSchema(schema, { io: "input", target: "draft-7", unrepresentable: "any" }) as JsonNode;
  const found: string[] = [];
  const visit = (node: JsonNode, path: string[]) => {
    for (const branch of [node, ...(Array.isArray(node.anyOf) ? node.anyOf : [])]) {
      if (!isPlainObject(branch)) continue;
      if (path.length > 0 && Array.isArray(branch.required) && branch.required.length > 0) found.push(path.join("."));
      // Arrays are leaves: they are sent whole already (paths.ts).
      const properties = isPlainObject(branch.properties) ? branch.properties : {};
      for (const [key, child] of Object.entries(properties)) if (isPlainObject(child)) visit(child, [...path, key]);
    }
  };
  visit(root, []);
  return [...new Set(found)];
}

/** `paths` with each one inside a whole object replaced by that object's path (the outermost such object). */
export function widenToWholeObjects(paths: readonly string[], wholeObjects: readonly string[]): string[] {
  const widened = paths.map((path) => wholeObjects.find((whole) => path === whole || path.startsWith(`${whole}.`)) ?? path);
  return [...new Set(widened)];
}

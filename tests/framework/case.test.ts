import { z } from "zod";
import { camelToSnake, fromZoom, snakeToCamel, toZoom } from "../../provider/framework/case";
import { allDefinitions } from "../../provider/resources/registry";

/** Every property name a schema declares, at any depth. */
function propertyNames(schema: z.ZodType, out = new Set<string>()): Set<string> {
  let s: z.ZodType = schema;
  while (s instanceof z.ZodOptional || s instanceof z.ZodDefault || s instanceof z.ZodNullable) s = s.unwrap() as z.ZodType;
  if (s instanceof z.ZodObject) {
    for (const [key, inner] of Object.entries(s.shape as Record<string, z.ZodType>)) {
      out.add(key);
      propertyNames(inner, out);
    }
  } else if (s instanceof z.ZodArray) {
    propertyNames(s.element as z.ZodType, out);
  }
  return out;
}

test("every property of every resource schema round-trips through Zoom's snake_case", () => {
  const names = allDefinitions().flatMap((d) => [...propertyNames(d.schema)]);
  expect(names.length).toBeGreaterThan(50);
  for (const name of names) expect(snakeToCamel(camelToSnake(name))).toBe(name);
});

test("Zoom field names with digits and multiple words map as Zoom spells them", () => {
  expect(camelToSnake("h323Password")).toBe("h323_password");
  expect(camelToSnake("approvedOrDeniedCountriesOrRegions")).toBe("approved_or_denied_countries_or_regions");
  expect(snakeToCamel("jbh_time")).toBe("jbhTime");
});

test("keys map at every depth and values are left alone", () => {
  const zoom = toZoom({ settings: { waitingRoom: true, alternativeHosts: "a@x.com" }, trackingFields: [{ field: "dept", value: "camelCase stays" }] });
  expect(zoom).toEqual({ settings: { waiting_room: true, alternative_hosts: "a@x.com" }, tracking_fields: [{ field: "dept", value: "camelCase stays" }] });
  expect(fromZoom(zoom)).toEqual({ settings: { waitingRoom: true, alternativeHosts: "a@x.com" }, trackingFields: [{ field: "dept", value: "camelCase stays" }] });
});

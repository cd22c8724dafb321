/**
 * zoom:H323Device — an H.323/SIP room system the room connector can call.
 *
 * Special cases over the shared flow: Zoom has no GET by id, so the device is looked up in the (cached,
 * paginated) device list; Zoom's PATCH needs the whole device, so updates send every property; names are
 * unique, so a clash gets a clear error and a create whose outcome is unknown is found again by name.
 */
import type * as pulumi from "@pulumi/pulumi";
import { h323DeviceSchema, type H323DeviceArgs, type H323DeviceInputs } from "../../schema/h323Device";
import { findInAccountList, listedById, live, resourceClass, SCOPE, unknownSubAccount } from "../framework/declare";
import type { ResourceDefinition, ZoomObject } from "../framework/definition";
import { normalized } from "../framework/equality";
import { camelCaseOf } from "../framework/case";

/** The device list, as the read spec and `findCreated` both use it. */
const DEVICE_LIST = { operation: "deviceList", itemsKey: "devices", paginated: true } as const;

/** Zoom's device in the resource's shape: camelCase, with its id as `deviceId`. */
function normalizeDevice(live: ZoomObject): Record<string, unknown> {
  const { id, ...rest } = camelCaseOf(live);
  return { ...rest, deviceId: id === undefined ? undefined : String(id) };
}

export const h323DeviceDefinition = {
  kind: "H323Device",
  description:
    "An H.323 or SIP room system (name, address, protocol, encryption) that Zoom's room connector can call, or be called from, to join meetings. Names are unique in an account.",
  idParts: ["accountId"],
  lostCreate:
    "the device is looked for by its name (unique in the account) before it is tried again",
  schema: h323DeviceSchema,
  properties: {
    ...live("name", "ip", "protocol", "encryption"),
    accountId: SCOPE,
  },
  outputs: {
    deviceId: { type: "string", description: "Zoom's id of the device." },
  },
  normalize: normalizeDevice,
  equality: {
    // Host names are case-insensitive, and so are the hex digits of IPv6 addresses.
    ip: normalized("case does not matter (host names, IPv6 hex digits)", (value) => (typeof value === "string" ? value.toLowerCase() : value)),
  },
  // Zoom documents a bare 404 for an unknown device (the emulator answers it with code 404); 2001: the
  // sub-account is gone, and its devices with it.
  goneCodes: [404, 2001],
  create: {
    operation: "deviceCreate",
    answerIsObject: true,
  },
  read: listedById(DEVICE_LIST),
  // Zoom's PATCH replaces the whole device: all four fields are required on every update.
  update: { operation: "deviceUpdate", pathParams: (ref) => ({ deviceId: ref.zoomId }), body: "full" },
  delete: { operation: "deviceDelete", pathParams: (ref) => ({ deviceId: ref.zoomId }) },
  errors: [
    {
      operation: "create",
      zoomCode: 2020,
      explain: (inputs) =>
        `an H.323/SIP device named "${inputs.name}" already exists in this account; device names are unique: import it (\`H323Device.get\` with its id) or choose another name`,
    },
    {
      operation: "update",
      zoomCode: 2020,
      explain: (inputs) => `cannot rename the device to "${inputs.name}": another H.323/SIP device in this account already has that name`,
    },
    // The schema takes host names too (room connectors dial them); Zoom's spec only says "Device IP.", so if
    // Zoom refuses one, say why rather than pass on "Validation Failed.".
    ...(["create", "update"] as const).map((operation) => ({
      operation,
      zoomCode: 300,
      zoomField: /^ip$/,
      explain: (inputs: { ip: string }) =>
        `Zoom refused the device address "${inputs.ip}" (ip); Zoom's API documents this field as the device's IP address: give an IPv4 or IPv6 address`,
    })),
    unknownSubAccount(),
  ],
  hooks: {
    // Names are unique, so a create whose outcome is unknown is found again by its name.
    findCreated: findInAccountList(DEVICE_LIST, (device, inputs: H323DeviceInputs) => device.name === inputs.name),
  },
} satisfies ResourceDefinition<typeof h323DeviceSchema>;

/** `H323Device.get(name, id)` adopts an existing device by id (`[<accountId>/]<deviceId>`). */
export class H323Device extends resourceClass<H323DeviceArgs>(h323DeviceDefinition) {
  declare readonly name: pulumi.Output<string>;
  declare readonly ip: pulumi.Output<string>;
  declare readonly protocol: pulumi.Output<"H.323" | "SIP">;
  declare readonly encryption: pulumi.Output<"auto" | "yes" | "no">;
  declare readonly accountId: pulumi.Output<string | undefined>;
  /** Zoom's id of the device. */
  declare readonly deviceId: pulumi.Output<string>;
}
